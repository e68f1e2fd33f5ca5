"""The format registry: content before extension, one list for dialogs, drag-and-drop and messages."""

import json
import zipfile
from pathlib import Path

import pytest

from src.storage.editor_files.json_file import SCHEMA_VERSION, declaration_to_json
from src.storage.infra import formats
from src.storage.infra.errors import FileProblem
from src.storage.infra.files import declaration_bytes, open_declaration, save_declaration
from tests.builders import clean_declaration

DATA = Path(__file__).resolve().parent / "data"


def test_every_reader_and_writer_resolves():
    for file_format in formats.FORMATS:
        reader = file_format.load_reader()
        assert isinstance(reader, formats.Reader), file_format.key
        assert callable(reader.contents) and callable(reader.declaration), file_format.key
        if file_format.writes:
            assert callable(file_format.load_writer()), file_format.key
            assert set(file_format.save_extensions) <= set(file_format.extensions)
    extensions = [e for f in formats.FORMATS for e in f.extensions]
    assert len(extensions) == len(set(extensions)), "an extension belongs to one format"


def test_open_dialog_lists_every_readable_extension():
    text = formats.open_dialog_filter()
    first = text.split(";;")[0]
    for extension in (".json", ".xlsx", ".xlsm"):
        assert f"*{extension}" in first
    assert text.endswith("所有文件 (*)")
    assert [name for name, _ in formats.save_dialog_filters()] == ["JSON 申报文件 (*.json)", "Excel 工作簿 (*.xlsx)"]


def test_own_workbook_named_xls_opens_by_content_and_is_not_saved_over(tmp_path):
    path = tmp_path / "去年的表.xls"
    path.write_bytes(declaration_bytes(clean_declaration(), tmp_path / "x.xlsx"))
    opened = open_declaration(path)
    assert opened.declaration == clean_declaration()
    assert opened.imported
    assert "内容却是Excel 工作簿" in opened.notes[0]


def test_json_named_xlsx_opens_as_json(tmp_path):
    path = tmp_path / "申报.xlsx"
    path.write_bytes(declaration_to_json(clean_declaration()))
    opened = open_declaration(path)
    assert opened.declaration == clean_declaration()
    assert opened.imported and "JSON" in opened.notes[0]


def test_own_files_open_in_place(tmp_path):
    for name in ("申报.json", "申报.xlsx"):
        save_declaration(clean_declaration(), tmp_path / name)
        opened = open_declaration(tmp_path / name)
        assert not opened.imported and opened.notes == []


def test_xlsm_is_read_but_saved_elsewhere(tmp_path):
    path = tmp_path / "宏.xlsm"
    path.write_bytes(declaration_bytes(clean_declaration(), tmp_path / "x.xlsx"))
    opened = open_declaration(path)
    assert opened.declaration == clean_declaration()
    assert opened.imported and ".xlsx" in opened.notes[-1]


@pytest.mark.parametrize("source, says", [("seeds/002_fbe7460060ce89e9.txt", "文本文件"),
                                          ("html/tianhe-2023-projects.html", "网页")])
def test_text_or_web_page_named_xlsx_opens_for_what_it_is(tmp_path, source, says):
    path = tmp_path / "表格.xlsx"
    path.write_bytes((DATA / source).read_bytes())
    opened = open_declaration(path)
    assert opened.imported and says in opened.notes[0] and len(opened.declaration.projects) == 22


def test_unrecognisable_text_named_xlsx_names_the_file(tmp_path):
    path = tmp_path / "表格.xlsx"
    path.write_bytes("项目名称\t预算单位\n人民调解\t司法局\n".encode("gb18030"))
    with pytest.raises(FileProblem) as raised:
        open_declaration(path)
    assert "表格.xlsx" in str(raised.value)


def test_broken_json_keeps_the_json_readers_message(tmp_path):
    path = tmp_path / "坏.json"
    path.write_text("这不是 JSON", encoding="utf-8")
    with pytest.raises(FileProblem) as raised:
        open_declaration(path)
    assert "JSON" in str(raised.value)


def test_zip_that_is_no_workbook_and_empty_file(tmp_path):
    archive = tmp_path / "压缩包.xlsx"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(FileProblem, match="不是 Excel 工作簿|没有工作表"):
        open_declaration(archive)
    empty = tmp_path / "空.json"
    empty.write_bytes(b"")
    with pytest.raises(FileProblem, match="空的"):
        open_declaration(empty)


# One real file of each registered format, as it comes (LibreOffice-made containers, the editor's own
# PDF, a published web page…). A format added to the registry without a sample fails the test below.
SAMPLES = {
    "json": DATA / "schema" / "demo-tianhe-2023.v1.json", "xlsx": DATA / "tianhe-2023-projects.xlsx",
    "xlsb": DATA / "containers" / "date.xlsb", "ods": DATA / "containers" / "tianhe-2023-projects.ods",
    "xls": DATA / "containers" / "tianhe-2023-projects.xls", "pdf": DATA / "pdf" / "tianhe-2023-projects.pdf",
    "html": DATA / "html" / "tianhe-2023-projects.html", "text": DATA / "text" / "tianhe-2023-projects.pdftotext-raw.txt",
    "docx": DATA / "word" / "forms-beside.docx",
}


@pytest.mark.parametrize("file_format", formats.FORMATS, ids=lambda f: f.key)
def test_every_registered_format_names_its_damage(tmp_path, file_format):
    """A file cut short (a download that broke off) is refused with the file's name first and a Chinese
    reason — never a library's exception, never a half-read declaration passed off as the file."""
    sample = SAMPLES.get(file_format.key)
    assert sample is not None and sample.is_file(), f"no sample file for the format {file_format.key}"
    assert formats.recognise(sample) is file_format  # the sample is what it stands for
    data = sample.read_bytes()
    damaged = tmp_path / f"附件（损坏）{file_format.extensions[0]}"
    damaged.write_bytes(data[: len(data) // 10])
    with pytest.raises(FileProblem) as raised:
        open_declaration(damaged)
    message = str(raised.value)
    assert message.startswith(damaged.name), message
    assert sum("\u4e00" <= ch <= "\u9fff" for ch in message) >= 8, message


def test_names_the_registry_knows():
    assert formats.is_known_name("去年.XLS") and formats.is_known_name("表.et") and formats.is_known_name("表.docx")
    assert not formats.is_known_name("合同.doc")


def test_unknown_binary_and_unwritable_target(tmp_path):
    blob = tmp_path / "数据.bin"
    blob.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(FileProblem, match="不支持的文件类型“.bin”.*.json"):
        open_declaration(blob)
    with pytest.raises(FileProblem, match="不支持保存为“.pdf”"):
        save_declaration(clean_declaration(), tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_utf16_and_bom_text_is_recognised_as_text(tmp_path):
    path = tmp_path / "复制的表.xlsx"
    path.write_bytes("\ufeff项目名称\t预算单位\n".encode("utf-16-le"))
    with pytest.raises(FileProblem, match="文本文件"):
        open_declaration(path)
    bom_json = tmp_path / "带BOM.json"
    bom_json.write_bytes(b"\xef\xbb\xbf" + declaration_to_json(clean_declaration()))
    assert formats.recognise(bom_json).key == "json"
    assert json.loads(declaration_to_json(clean_declaration()))["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize("name", ["containers/haizhu-department.xls", "tianhe-2023-projects.xlsx",
                                  "html/tianhe-2023-projects.html"])
def test_the_window_recognises_a_file_once_and_hands_the_format_to_its_reader(window, monkeypatch, name):
    seen = []
    real = formats.recognise
    monkeypatch.setattr(formats, "recognise", lambda path: seen.append(path) or real(path))
    assert window.files.open(str(DATA / name))
    assert len(seen) == 1, seen
    assert window.document.declaration.projects or window.document.declaration.department.name


@pytest.mark.parametrize("shift", [0, 1, 2])
@pytest.mark.parametrize("mark", [b"\xef\xbb\xbf", b""])
def test_a_text_file_whose_head_cuts_a_character_is_recognised(tmp_path, mark, shift):
    """Excel's "CSV UTF-8" starts with a byte-order mark; the head read to recognise a file ends wherever its
    length falls, often inside a Chinese character (a UTF-8 CSV with the mark crashed the open there)."""
    line = "项目名称,总计,绩效目标\n"
    text = "a" * shift + line * (2 * formats._HEAD_BYTES // len(line.encode("utf-8")))
    path = tmp_path / "表.csv"
    path.write_bytes(mark + text.encode("utf-8"))

    assert formats.recognise(path).key == "text"
    assert formats.Probe(path).text_head.startswith("a" * shift + "项目名称")
