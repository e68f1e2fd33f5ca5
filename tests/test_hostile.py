"""Issue 23, the cheap part: a hostile or broken file never takes the editor down, never truncates silently,
never overwrites what it read, and is refused in Chinese with what to do.

Every case runs `main.py convert IN OUT` in a child process held to 2 GB of address space and 60 s, as a tester
found them: calamine aborts the whole process on one cell at XFD1048576, a merge to XFD1048576 runs to 10 GB, an
.xls whose directory chain loops grows without end, a FIFO or /dev/zero never ends. The files are made here
(tests/hostile/generate.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from src.storage.infra import limits
from tests.hostile import generate

ROOT = Path(__file__).resolve().parent.parent
MEMORY = 2 * 1024 ** 3
TIMEOUT = 60
# Words that are a library's, not the clerk's: never on the first line.
_LIBRARY_WORDS = re.compile(r"Error|Exception|Traceback|Panic|Incorrect|calamine|pydantic|pdfminer|Input should", re.IGNORECASE)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def convert(source: Path, target: Path) -> subprocess.CompletedProcess:
    env = os.environ.copy()
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env.pop("PERF_TARGET_TRACEBACK", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "convert", str(source), str(target)], check=False,
                          capture_output=True, text=True, timeout=TIMEOUT, preexec_fn=_limited, env=env,
                          stdin=subprocess.DEVNULL)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(result: subprocess.CompletedProcess, source: Path, target: Path, *words: str) -> str:
    """Exit 2, no traceback, nothing written; the first line of stderr names the file, in Chinese, with no
    library's words, and holds every one of words. Returns the first line."""
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr + result.stdout
    assert not target.exists()
    lines = result.stderr.strip().splitlines()
    first = lines[0]
    assert first.startswith(f"无法处理 {source.name}："), first
    assert _CJK.search(first) and not _LIBRARY_WORDS.search(first), first
    assert all(line.startswith("详细信息：") for line in lines[1:]), lines
    for word in words:
        assert word in first, (word, first)
    return first


@pytest.fixture
def out(tmp_path) -> Path:
    return tmp_path / "out" / "converted.json"


@pytest.fixture(autouse=True)
def _out_folder(tmp_path):
    (tmp_path / "out").mkdir()


def refused_unchanged(source: Path, target: Path, *words: str) -> subprocess.CompletedProcess:
    before = digest(source)
    result = convert(source, target)
    assert_refused(result, source, target, *words)
    assert digest(source) == before
    return result


# ---- refused before any reader runs: what is no regular file, and what is too large -----------------------

def test_fifo_is_refused_without_waiting_for_a_writer(tmp_path, out):
    fifo = tmp_path / "申报.json"
    os.mkfifo(fifo)
    assert_refused(convert(fifo, out), fifo, out, "命名管道")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_link_to_a_device_is_refused_without_reading_it(tmp_path, out, device):
    link = tmp_path / "申报.xlsx"
    link.symlink_to(device)
    assert_refused(convert(link, out), link, out, "设备文件", device)


def test_symlink_loop_directory_and_socket_each_have_their_own_reason(tmp_path, out):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.symlink_to(second)
    second.symlink_to(first)
    assert_refused(convert(first, out), first, out, "循环的符号链接")
    folder = tmp_path / "文件夹.json"
    folder.mkdir()
    assert_refused(convert(folder, out), folder, out, "文件夹")
    listening = socket.socket(socket.AF_UNIX)
    try:
        listening.bind(str(tmp_path / "s.json"))
        assert_refused(convert(tmp_path / "s.json", out), tmp_path / "s.json", out, "套接字")
    finally:
        listening.close()


def test_file_over_the_size_limit_is_refused_unread(tmp_path, out):
    huge = tmp_path / "大.json"
    with huge.open("wb") as stream:  # sparse: no disk used
        stream.truncate(limits.MAX_FILE_BYTES + 1)
    assert_refused(convert(huge, out), huge, out, "201 MB", "200 MB")


# ---- workbooks refused before calamine or openpyxl sees them ----------------------------------------------

def test_one_cell_at_xfd1048576_is_refused_before_calamine_aborts(tmp_path, out):
    source = generate.far_cell_xlsx(tmp_path / "远.xlsx")
    assert source.stat().st_size < 20_000
    refused_unchanged(source, out, "XFD1048576", "500,000 行的上限", "另存为 .xlsx")


def test_merge_to_xfd1048576_is_refused_before_openpyxl_fills_it(tmp_path, out):
    source = generate.far_merge_xlsx(tmp_path / "合并.xlsx")
    refused_unchanged(source, out, "合并单元格 A40:XFD1048576", "上限", "取消这个合并单元格")


def test_cells_placed_by_counting_are_found_tag_by_tag(tmp_path, out):
    source = generate.counted_cells_xlsx(tmp_path / "计数.xlsx")
    refused_unchanged(source, out, "第 1,048,576 行", "上限")


def test_a_stray_cell_far_right_opens_with_a_note_not_a_refusal(tmp_path, out):
    import openpyxl

    source = generate.far_cell_xlsx(tmp_path / "远右.xlsx")
    workbook = openpyxl.load_workbook(source)
    del workbook.active["XFD1048576"]
    workbook.active["XFD5"] = "备注"
    workbook.active.sheet_view.selection[0].activeCell = "XFD1048576"  # the cursor left far away: no refusal
    workbook.active.sheet_view.selection[0].sqref = "XFD1048576"
    workbook.save(source)
    result = convert(source, out)
    assert result.returncode == 0, result.stderr
    assert "第 200 列以右还有内容（一直到第 16,384 列）" in result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["projects"][0]["name"] == "人民调解经费"


def test_xls_whose_directory_chain_loops_is_refused(tmp_path, out):
    source = generate.looped_directory_xls(tmp_path / "循环.xls")
    assert source.stat().st_size == 32 * 1024
    refused_unchanged(source, out, "循环引用", "另存为 .xlsx")


def test_damaged_workbook_says_why_in_chinese_and_calamine_on_the_detail_line(tmp_path, out):
    source = generate.damaged_xlsx(tmp_path / "坏.xlsx")
    result = refused_unchanged(source, out, "已损坏", "另存为 .xlsx")
    assert result.stderr.strip().splitlines()[1].startswith("详细信息：")


def test_password_protected_workbook_says_encrypted(tmp_path, out):
    source = tmp_path / "加密.xlsx"  # an xlsx encrypted by Excel is an OLE2 file holding EncryptedPackage
    source.write_bytes((ROOT / "tests" / "data" / "containers" / "encrypted-by-excel.xlsb").read_bytes())
    refused_unchanged(source, out, "已加密", "索取未加密的文件")


# ---- text: limits reached are said, never cut silently -----------------------------------------------------

def test_text_of_600000_rows_is_refused_not_cut_to_500000(tmp_path, out):
    source = generate.long_text_table(tmp_path / "长.tsv")
    refused_unchanged(source, out, "600,001 行", "500,000 行的上限", "merge")


def test_text_amount_of_27_digits_is_left_empty_with_a_note(tmp_path, out):
    source = generate.text_table_with_amount(tmp_path / "金额.tsv", "1" * 27 + ".00")
    result = convert(source, out)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    notes = [line for line in result.stderr.splitlines() if "第 1 个项目 › 项目资金 › 总计" in line]
    assert notes and "27 位整数" in notes[0] and "已留空" in notes[0], result.stderr
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["projects"][0]["funds"]["total"] is None
    assert saved["projects"][1]["funds"]["total"] == "50.00"


def test_imported_year_outside_1900_2100_is_left_empty_with_a_note(tmp_path, out):
    source = generate.text_table_with_amount(tmp_path / "年.tsv", "100.00")
    source.write_text("3023年项目支出绩效目标表\n" + source.read_text(encoding="utf-8"), encoding="utf-8")
    result = convert(source, out)
    assert result.returncode == 0, result.stderr
    assert "预算年度 3023 不在 1900–2100 之间，已留空" in result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["year"] is None


def test_text_columns_past_the_limit_are_noted(tmp_path, out):
    source = generate.text_table_with_amount(tmp_path / "宽.tsv", "100.00")
    lines = source.read_text(encoding="utf-8").splitlines()
    lines[1] += "\t" * (250 - len(lines[1].split("\t"))) + "\t远处的备注"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = convert(source, out)
    assert result.returncode == 0, result.stderr
    assert "第 200 列以右还有内容（一直到第 251 列）" in result.stderr


# ---- damaged web pages: read as far as they go, and said (item 3) -------------------------------------------

def _converted(source: Path, out: Path) -> tuple[dict, list[str]]:
    before = digest(source)
    result = convert(source, out)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert digest(source) == before
    return json.loads(out.read_text(encoding="utf-8")), result.stderr.splitlines()


def test_a_page_cut_inside_a_row_leaves_the_cut_row_out_and_says_so(tmp_path, out):
    saved, notes = _converted(generate.cut_page(tmp_path / "截断.html"), out)
    [said] = [line for line in notes if "网页在表格中间结束" in line]
    assert "文件不完整" in said and "最后一行" in said and "未导入" in said, said
    assert said.startswith("导入说明（网页中的表格1 第 ")  # where: the table and the row
    complete = json.loads(_converted(generate.ROOT / "tests" / "data" / "html" / "tianhe-2023-projects.html",
                                     out.with_name("whole.json"))[0] and out.with_name("whole.json").read_text("utf-8"))
    cut_names = [p["name"] for p in saved["projects"]]
    assert cut_names == [p["name"] for p in complete["projects"]][:len(cut_names)]  # a prefix, nothing made up
    assert all(p["goal"] for p in saved["projects"]), "the cut row was not read as a project or a 小计 row"


def test_a_page_cut_between_rows_says_the_rest_is_missing(tmp_path, out):
    saved, notes = _converted(generate.cut_page(tmp_path / "截断.html", where="row-end"), out)
    assert any("网页在表格中间结束" in line and "表格后面的内容缺失" in line for line in notes), notes
    assert saved["projects"]


def test_bytes_not_in_the_pages_encoding_are_said_with_the_cell(tmp_path, out):
    saved, notes = _converted(generate.page_with_bad_bytes(tmp_path / "乱码.html"), out)
    [said] = [line for line in notes if "编码错误" in line]
    assert "第 2 行第 1 列" in said and "\ufffd" in said, said
    assert saved["department"]["name"] is None or "天河区" in saved["department"]["name"]  # read as UTF-8, not GB18030
    assert len(saved["projects"]) > 20


def test_an_mht_with_half_its_base64_is_read_as_far_as_it_goes_and_said(tmp_path, out):
    saved, notes = _converted(generate.half_base64_mht(tmp_path / "半.mht"), out)
    assert any("base64" in line and "文件不完整" in line for line in notes), notes
    assert any("没有结束标记" in line for line in notes), notes
    assert saved["projects"]


def test_an_mht_cut_before_its_table_is_refused_saying_it_is_damaged(tmp_path, out):
    refused_unchanged(generate.half_base64_mht(tmp_path / "残.mht", fraction=0.05), out, "文件不完整",
                      "网页中的表格1")


# ---- the editor's own files: absurd values refuse the file, naming the field ----------------------------

@pytest.mark.parametrize("amount", ['"' + "9" * 27 + '.00"', "9" * 27, "1" * 5000])
def test_json_amount_beyond_15_digits_is_refused_naming_the_field(tmp_path, out, amount):
    source = generate.editor_json(tmp_path / "金额.json", amount=amount)
    refused_unchanged(source, out, "projects[0].funds.total", "15 位的上限")


@pytest.mark.parametrize("year, words", [("1" * 5000, "位的数"), ("3023", "3023 不在 1900–2100 之间"),
                                         ("1899", "1899 不在 1900–2100 之间")])
def test_json_year_outside_1900_2100_is_refused_naming_the_field(tmp_path, out, year, words):
    source = generate.editor_json(tmp_path / "年度.json", year=year)
    refused_unchanged(source, out, "year（预算年度）", words)


def test_json_wrong_type_says_it_in_chinese_and_pydantic_on_the_detail_line(tmp_path, out):
    source = generate.json_with_wrong_type(tmp_path / "类型.json")
    result = refused_unchanged(source, out, "位置 department", "类型不对")
    assert "详细信息：" in result.stderr and "dictionary" in result.stderr


# ---- PDF ------------------------------------------------------------------------------------------------

def test_password_protected_pdf_says_encrypted_and_where_to_get_a_copy(tmp_path, out):
    source = generate.encrypted_pdf(tmp_path / "加密.pdf")
    result = refused_unchanged(source, out, "已加密", "请向发文单位索取未加密的文件")
    assert "已损坏" not in result.stderr.splitlines()[0]


def test_pdf_stream_inflating_past_the_limit_is_refused(tmp_path, out):
    source = generate.inflating_pdf(tmp_path / "炸弹.pdf", megabytes=limits.MAX_PDF_STREAM_BYTES // limits.MB + 44)
    assert source.stat().st_size < 1024 * 1024
    refused_unchanged(source, out, "解压后超过 256 MB 的上限")


# ---- never overwrite what was read ---------------------------------------------------------------------

def test_convert_onto_its_own_input_is_refused_by_any_name(tmp_path):
    folder = tmp_path / "发布"
    folder.mkdir()
    published = generate.published_xlsx_copy(folder / "天河.xlsx")
    link = tmp_path / "链接.xlsx"
    link.symlink_to(published)
    before = digest(published)
    for target in (published, Path(str(folder / ".." / "发布" / "天河.xlsx")), link):
        result = convert(published, target)
        assert result.returncode == 2, result.stderr
        assert "输出文件就是输入文件" in result.stderr.splitlines()[0]
        assert "Traceback" not in result.stderr
        assert digest(published) == before


# ---- the limits are said to users ---------------------------------------------------------------------------

def test_every_limit_is_in_the_users_page():
    page = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    for shown in (limits.megabytes(limits.MAX_FILE_BYTES), f"{limits.MAX_TABLE_ROWS:,}", f"{limits.MAX_TABLE_COLUMNS}",
                  f"{limits.MAX_PROJECTS:,}", f"{limits.MAX_PDF_PAGES:,}", limits.megabytes(limits.MAX_PDF_STREAM_BYTES),
                  f"{limits.MAX_AMOUNT_DIGITS} 位", f"{limits.YEAR_MIN}–{limits.YEAR_MAX}"):
        assert shown in page, shown


def test_the_storage_limits_are_the_models_bounds():
    from src.model.amounts import MAX_INTEGER_DIGITS
    from src.model.declaration import YEAR_MAX, YEAR_MIN
    from src.storage.infra import limits

    assert limits.MAX_AMOUNT_DIGITS == MAX_INTEGER_DIGITS
    assert (limits.YEAR_MIN, limits.YEAR_MAX) == (YEAR_MIN, YEAR_MAX)


# ---- a reader cannot take the editor down (item 6): every container but JSON is read in a worker process ------

def _convert_past_the_pre_check(source: Path, target: Path) -> subprocess.CompletedProcess:
    """`convert` with the pre-check of the sheets' XML turned off in its reading worker, so that calamine meets
    the cell at XFD1048576 as it would without the pre-check."""
    script = ("import sys\n"
              "from src.storage.readers import worker\n"
              "from tests.test_reader_worker import unguarded_workbook\n"
              "worker.contents_as = unguarded_workbook\n"
              "from src.launcher import main\n"
              "sys.exit(main(['convert', sys.argv[1], sys.argv[2]]))\n")
    env = os.environ.copy()
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return subprocess.run([sys.executable, "-c", script, str(source), str(target)], check=False, capture_output=True,
                          text=True, timeout=TIMEOUT, preexec_fn=_limited, env=env, stdin=subprocess.DEVNULL, cwd=ROOT)


def test_calamine_aborting_in_the_worker_is_a_message_and_exit_2(tmp_path, out):
    source = generate.far_cell_xlsx(tmp_path / "远.xlsx")
    before = digest(source)
    result = _convert_past_the_pre_check(source, out)
    assert_refused(result, source, out, "内存超过", "另存为 .xlsx")
    assert "memory allocation of" in result.stderr.splitlines()[1]  # calamine's words, on the detail line
    assert digest(source) == before


@pytest.mark.slow  # 10 s; tests/test_reader_worker.py has the same at a 2 s limit in the fast lane
def test_a_pdf_page_whose_table_detection_runs_past_10_seconds_is_refused_naming_it(tmp_path, out):
    from tests.test_reader_worker import dense_grid_pdf

    source = dense_grid_pdf(tmp_path / "密.pdf")  # ~30 s of table detection on its one page
    result = refused_unchanged(source, out, f"PDF 第 1 页的表格识别超过 {limits.MAX_PDF_TABLE_SECONDS} 秒的上限")
    assert "只导出含表格的页面" in result.stderr


def test_the_reading_workers_limits_are_in_the_users_page():
    page = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    for shown in (f"{limits.MAX_PDF_TABLE_SECONDS} 秒", f"{limits.MAX_READ_SECONDS} 秒",
                  limits.megabytes(limits.MAX_READER_MEMORY), limits.megabytes(limits.MAX_CONTENTS_BYTES), "Windows"):
        assert shown in page, shown
