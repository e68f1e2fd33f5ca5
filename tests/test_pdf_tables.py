"""PDFs → grids → declarations (src/storage/containers/pdf/table.py, readers/pdf_file.py): LibreOffice's PDFs of the example workbooks give
every fact of their expected.json, the editor's own PDFs of its three forms give back what each form
prints, and scans, damaged, truncated and oversized files are refused with one message.

The files are in tests/data/pdf (README there says how each was made).
"""

import json
from pathlib import Path

import pytest

from src.storage.containers.pdf import table as pdf_table
from src.storage.containers.pdf.text import Line, join_lines
from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration
from src.storage.readers.pdf_file import read_pdf_table
from tests.helpers.facts import amount, assert_declaration_facts, assert_indicator
from tests.hostile.generate import pdf_bytes

PDF = Path(__file__).resolve().parent / "data" / "pdf"
EXAMPLE_NAMES = ["haizhu-department", "panyu-2022-projects", "tianhe-2023-projects"]


def expected_facts(name):
    return json.loads((PDF.parent / f"{name}.expected.json").read_text(encoding="utf-8"))


# ---- LibreOffice's PDFs of the example workbooks ------------------------------------------------

@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_libreoffice_pdf_gives_every_fact(name):
    opened = read_pdf_table(PDF / f"{name}.pdf")
    assert opened.imported
    assert_declaration_facts(opened.declaration, expected_facts(name))


def test_table_continued_over_pages_is_one_table_without_its_repeated_header():
    """LibreOffice prints the 天河 table on two pages with its title block and header repeated on the second."""
    opened = read_pdf_table(PDF / "tianhe-2023-projects.pdf")
    assert any("第 1–2 页" in note and "22 个项目" in note for note in opened.notes)
    assert not any("没有项目名称" in note for note in opened.notes)


def test_table_without_ruling_lines_is_cut_by_text_positions():
    assert_declaration_facts(read_pdf_table(PDF / "tianhe-2023-projects.no-borders.pdf").declaration,
                      expected_facts("tianhe-2023-projects"))


def test_rows_too_low_for_their_text_give_what_the_pdf_holds_and_say_so():
    """`soffice --convert-to pdf` keeps the workbook's unfitted row heights: the wrapped text runs into the
    rows below and LibreOffice writes only its first lines. Names, units and amounts are whole; each
    cell's text stays in its own cell (no interleaving with the row below), and the notes say it is cut."""
    opened = read_pdf_table(PDF / "tianhe-2023-projects.convert-to.pdf")
    expected = expected_facts("tianhe-2023-projects")
    projects = opened.declaration.projects
    assert [(p.name, p.unit, p.funds.total, p.funds.fiscal) for p in projects] == [
        (f["name"], f["unit"], amount(f["total"]), amount(f["fiscal"])) for f in expected["projects"]]
    assert any("文字互相重叠" in note for note in opened.notes)
    first = projects[0]
    assert first.goal.startswith("保障局办公大楼及一楼公共法律服务大厅的正常运转，能为人民群众提供一个有序、干净和良好的办事服务环境")
    assert_indicator(first.indicators[0], expected["projects"][0]["first_indicator"])


# ---- the editor's own PDFs ------------------------------------------------------------------------
# What each form gives back (src/forms/html_forms.py):
#   项目支出绩效目标申报表 (one per project): every fact of each project (name, unit, 实施周期, the four
#     amounts, goal, every indicator in its five columns), 主管部门 as the department name, the year.
#   项目支出绩效目标表（汇总）: each project's name, unit, four amounts, goal and indicators (the numbered
#     text, values not filled in printed as — and read back as empty); the department name and the year;
#     its 合计 row as the department's 项目支出. No 实施周期, nothing else of the department.
#   部门整体预算绩效目标申报表: the whole department (name, functions, budget, overall goal, tasks,
#     indicators) and the year; no projects.

def printed_from(name):
    return open_declaration(PDF / f"{name}.declaration.json").declaration


def test_editor_project_forms_give_back_every_fact_of_every_project():
    source = printed_from("panyu-2022-projects")
    opened = read_pdf_table(PDF / "editor-panyu-2022-project.pdf")
    declaration = opened.declaration
    assert [p.model_dump() for p in declaration.projects] == [p.model_dump() for p in source.projects]
    assert (declaration.department.name, declaration.year) == (source.department.name, source.year)
    assert any("19 张项目支出绩效目标申报表" in note for note in opened.notes)  # the same project 5 times: 5 forms
    assert any("草稿" in note for note in opened.notes)  # printed --draft: the watermark is not read as text


def test_editor_summary_gives_back_what_it_prints():
    source = printed_from("panyu-2022-projects")
    declaration = read_pdf_table(PDF / "editor-panyu-2022-summary.pdf").declaration
    printed = [p.model_dump(exclude={"period"}) for p in source.projects]
    assert [p.model_dump(exclude={"period"}) for p in declaration.projects] == printed
    assert all(p.period is None for p in declaration.projects)
    assert (declaration.department.name, declaration.year) == (source.department.name, source.year)
    assert declaration.department.tasks == [] and declaration.department.indicators == []


def test_editor_department_form_gives_back_the_whole_department():
    source = printed_from("haizhu-department")
    declaration = read_pdf_table(PDF / "editor-haizhu-department.pdf").declaration
    assert declaration.department.model_dump() == source.department.model_dump()
    assert declaration.year == source.year and declaration.projects == []


@pytest.mark.slow
def test_editor_print_of_all_forms_gives_back_the_whole_declaration():
    """Department form, the summary over ten pages (one row split by a page break) and 22 project forms
    in one file: the projects come from their forms, which also hold 实施周期."""
    source = printed_from("tianhe-2023-projects")
    opened = read_pdf_table(PDF / "editor-tianhe-2023-all.pdf")
    assert opened.declaration.model_dump() == source.model_dump()
    assert any("22 个按各自的申报表导入" in note for note in opened.notes)


def test_wrapped_lines_join_without_spaces_between_chinese():
    line = synthetic_line
    assert join_lines([line("法律援助知", 0, 0), line("识普及", 0, 12)]) == "法律援助知识普及"
    assert join_lines([line("open the", 0, 0, 5), line("file", 0, 12, 5)]) == "open the file"
    assert join_lines([line("援助补贴,", 0, 0), line("开展宣传", 0, 12)]) == "援助补贴, 开展宣传"
    assert join_lines([line("第一段。", 0, 0), line("第二段写满了这一行", 0, 12)]) == "第一段。\n第二段写满了这一行"


def test_an_item_number_broken_where_its_line_was_full_is_one_number():
    # A word processor breaks a run with no space where the line is full: </p><p>1 | 0、效益指标 (seed 49's Writer
    # px34). The 0 alone would have fitted, 0、 would not: the mark after a digit keeps to it, so the line was full.
    line = synthetic_line
    lines = [line("年受援人数", 0, 0), line("p><1", 0, 12), line("0、效益指", 0, 24)]
    assert join_lines(lines) == "年受援人数p><10、效益指"
    lines = [line("年受援人数", 0, 0), line("p><1", 0, 12), line("0．效益指", 0, 24)]
    assert join_lines(lines) == "年受援人数p><10．效益指"
    assert join_lines([line("年受援人数", 0, 0), line("p><1", 0, 12), line("0 效益指", 0, 24)]) == \
        "年受援人数p><1 0 效益指"  # room for the 0 and nothing keeping to it: a wrap at a space


def synthetic_line(text, x0, top, width=10.0):
    chars = [{"text": ch, "x0": x0 + i * width, "x1": x0 + (i + 1) * width, "top": top, "bottom": top + 10,
              "size": 10.0} for i, ch in enumerate(text)]
    return Line(top, top + 10, chars[0]["x0"], chars[-1]["x1"], chars)


def test_page_numbers_and_running_headers_are_dropped_and_the_table_continues():
    """Another producer's pages: a running header in the top margin, 第 N 页 共 M 页 at the foot, the
    table's header row repeated on page 2 and its rows joined to page 1's."""
    header = ["项目名称", "绩效目标", "绩效指标"]
    columns = [40.0, 200.0, 400.0, 560.0]

    def page(number, rows, title=False):
        lines = [synthetic_line("某区司法局预算公开", 40, 20), synthetic_line(f"第 {number} 页 共 2 页", 250, 810)]
        if title:
            lines.insert(1, synthetic_line("2024年项目支出绩效目标表", 150, 70))
        content = pdf_table.PageContent(595, 842, lines, [pdf_table.Table(100, 700, columns, [header, *rows])], [],
                                        char_count=500)
        return pdf_table.ReadPage(number, content, 0)

    pages = [page(1, [["甲项目", "目标甲", "1、产出指标：数量指标：次数；年度指标值：1次。"]], title=True),
             page(2, [["乙项目", "目标乙", "1、产出指标：数量指标：人数；年度指标值：2人。"]])]
    [section] = pdf_table.sections(pages)
    assert section.rows == [["2024年项目支出绩效目标表"], header,
                            ["甲项目", "目标甲", "1、产出指标：数量指标：次数；年度指标值：1次。"],
                            ["乙项目", "目标乙", "1、产出指标：数量指标：人数；年度指标值：2人。"]]


# ---- refused -----------------------------------------------------------------------------------

def test_scan_is_refused_as_a_scan():
    with pytest.raises(FileProblem) as caught:
        read_pdf_table(PDF / "scan.pdf")
    message = str(caught.value)
    assert "scan.pdf" in message and "扫描件" in message and "OCR" in message


@pytest.mark.parametrize("fraction", [0.05, 0.3, 0.6, 0.95, 0.999])
def test_truncated_pdf_is_refused(tmp_path, fraction):
    data = (PDF / "editor-haizhu-department.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(FileProblem) as caught:
        read_pdf_table(path)
    assert "cut.pdf" in str(caught.value) and "不完整" in str(caught.value)


@pytest.mark.parametrize("content", [b"%PDF-1.7\nnot a pdf at all\n%%EOF\n", b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF"])
def test_damaged_pdf_is_one_file_problem(tmp_path, content):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(content)
    with pytest.raises(FileProblem) as caught:
        read_pdf_table(path)
    assert "damaged.pdf" in str(caught.value)


def test_pdf_damaged_inside_is_read_or_refused_never_crashes(tmp_path):
    data = bytearray((PDF / "haizhu-department.pdf").read_bytes())
    for start in range(2000, len(data) - 3000, 9000):
        data[start:start + 400] = b"\x00" * 400
    path = tmp_path / "holes.pdf"
    path.write_bytes(bytes(data))
    try:
        read_pdf_table(path)
    except FileProblem as problem:
        assert "holes.pdf" in str(problem)


def minimal_pdf(content: bytes) -> bytes:
    """A one-page PDF with the given content stream and Helvetica as /F1, its xref table computed."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return pdf_bytes(objects)


def test_pdf_without_any_text_or_image(tmp_path):
    path = tmp_path / "blank.pdf"
    path.write_bytes(minimal_pdf(b"0 0 m 100 100 l S"))
    with pytest.raises(FileProblem) as caught:
        read_pdf_table(path)
    assert "没有任何文字" in str(caught.value)


def test_pdf_with_text_but_no_table(tmp_path):
    path = tmp_path / "letter.pdf"
    path.write_bytes(minimal_pdf(b"BT /F1 12 Tf 72 720 Td (Dear colleagues, see you on Monday.) Tj ET"))
    with pytest.raises(FileProblem) as caught:
        read_pdf_table(path)
    assert "letter.pdf" in str(caught.value) and "没有找到" in str(caught.value)


def test_too_many_pages_is_refused_before_reading_them(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_table, "MAX_PAGES", 5)
    read = []
    with pytest.raises(FileProblem) as caught:
        read_pdf_table(PDF / "editor-panyu-2022-summary.pdf", progress=lambda done, total: read.append(done))
    assert "7 页" in str(caught.value) and "5 页" in str(caught.value) and read == []


def test_progress_is_told_and_can_cancel():
    seen = []
    read_pdf_table(PDF / "editor-panyu-2022-summary.pdf", progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, 7) for n in range(1, 8)]
    with pytest.raises(FileProblem) as caught:
        read_pdf_table(PDF / "editor-panyu-2022-summary.pdf", progress=lambda done, total: done < 2)
    assert "取消" in str(caught.value)
