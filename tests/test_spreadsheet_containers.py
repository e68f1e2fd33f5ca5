""".xls, .et, .ods and .xlsb open by their content through python-calamine: the example tables saved by
LibreOffice give every fact the .xlsx examples give, the editor's own workbook saved as .xls or .ods reads back
whole, and damaged or hostile files give one message naming the file (tests/data/containers/README.md)."""

import json
import shutil
import zipfile
from datetime import date

import pytest

from src.storage.containers.sheet_grid import fill_merged
from src.storage.containers.spreadsheet_book import _XLSB, MAX_CELLS, _ods_merges, _read_grids
from src.storage.infra.errors import FileProblem
from src.storage.readers.spreadsheet import read_spreadsheet
from tests.helpers.facts import assert_example_facts

EXAMPLE_NAMES = ["haizhu-department", "panyu-2022-projects", "tianhe-2023-projects"]


@pytest.fixture(scope="module")
def containers(examples_dir):
    return examples_dir / "containers"


def expected_facts(containers, name):
    return json.loads((containers.parent / f"{name}.expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("extension", [".xls", ".ods"])
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_fact_of_the_example_saved_by_libreoffice(containers, name, extension):
    opened = read_spreadsheet(containers / f"{name}{extension}")
    assert opened.imported
    assert_example_facts(opened, expected_facts(containers, name))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_xls_renamed_et_or_misnamed_opens_by_content(containers, tmp_path, name):
    """No real WPS .et can be made here: a LibreOffice .xls named .et (the same OLE2 container) stands in,
    and one named .xlsx shows the name plays no part."""
    from src.storage.infra.files import open_declaration

    for new_name in (f"{name}.et", f"{name}.xlsx"):
        copy = shutil.copyfile(containers / f"{name}.xls", tmp_path / new_name)
        # The registry recognises the content once and tells the reader which container it is.
        opened = open_declaration(copy)
        assert_example_facts(opened, expected_facts(containers, name))
        if new_name.endswith(".xlsx"):
            assert "内容却是" in opened.notes[0]  # says it went by the content


def test_ods_merged_ranges_are_those_calamine_gives_for_the_same_xls(containers):
    """calamine gives no merged ranges for .ods; those read from content.xml match the .xls's, range for range
    (the ranges with a value: an empty one fills nothing)."""
    from python_calamine import CalamineWorkbook

    from_ods = _ods_merges(containers / "haizhu-department.ods")
    with (containers / "haizhu-department.xls").open("rb") as stream:
        sheet = CalamineWorkbook.from_filelike(stream).get_sheet_by_name("部门整体绩效目标")
    rows = sheet.to_python(skip_empty_area=False)
    from_xls = {(r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges if rows[r0][c0] != ""}
    assert len(from_xls) > 10 and set(from_ods["部门整体绩效目标"]) == from_xls


@pytest.mark.parametrize("extension", [".xls", ".ods"])
def test_own_workbook_saved_again_by_libreoffice_reads_back_equal(containers, demo_path, extension):
    from src.storage.editor_files.json_file import open_json

    demo = open_json(demo_path).declaration
    opened = read_spreadsheet(containers / f"demo-tianhe-2023{extension}")
    assert opened.declaration == demo
    assert opened.imported and "本程序的工作簿" in opened.notes[0]


def test_ods_sheet_sizes_found_before_calamine_are_calamines(containers, monkeypatch):
    """The size an .ods sheet is refused by, read from content.xml, is the size calamine then builds."""
    from python_calamine import CalamineWorkbook

    from src.storage.containers import spreadsheet_book

    seen = {}

    def record(path, sheet, height, width):
        seen[sheet] = max(seen.get(sheet, (0, 0)), (height, width))

    monkeypatch.setattr(spreadsheet_book, "_check_size", record)
    for path in sorted(containers.glob("*.ods")):
        seen.clear()
        _ods_merges(path)
        workbook = CalamineWorkbook.from_path(str(path))
        for name in workbook.sheet_names:
            end = workbook.get_sheet_by_name(name).end
            assert seen[name] == (end[0] + 1, end[1] + 1), (path.name, name)


def test_ods_with_a_raw_greater_than_in_a_value_is_scanned_alike(containers, tmp_path):
    """Office suites write "&gt;"; a producer that leaves ">" raw in an attribute gets the careful pattern."""
    source = containers / "haizhu-department.ods"
    with zipfile.ZipFile(source) as archive:
        content = archive.read("content.xml")
    raw = content.replace(b'table:style-name="ce', b'table:style-name="c>e')
    assert raw != content
    assert _ods_merges(write_ods(tmp_path / "raw.ods", raw)) == _ods_merges(source)


def test_xlsb_made_by_excel_reads_cells_with_dates_as_cell_text(containers):
    """LibreOffice 7.4 cannot write .xlsb; date.xlsb is one Excel made (calamine's own test data). It holds no
    declaration, so this shows what can be shown honestly: its cells, dates and numbers read as cell_text does,
    and the message when no table is found."""
    grids, merges = _read_grids(containers / "date.xlsb", _XLSB)
    [grid] = grids
    assert (grid.name, grid.text(0, 0), grid.text(0, 1), grid.text(1, 0)) == ("Sheet1", "2021-01-01", "15", "2021-01-02")
    assert grid.cell(0, 0) == date(2021, 1, 1) and merges == {}
    with pytest.raises(FileProblem, match=r"^date\.xlsb：.*没有找到项目支出绩效目标表"):
        read_spreadsheet(containers / "date.xlsb")


def test_password_protected_workbook_says_so(containers):
    """An Excel workbook with a password to open is an OLE2 file whatever its name (here .xlsb): the registry
    recognises the content and the reader is told so."""
    from src.storage.infra.files import open_declaration

    with pytest.raises(FileProblem, match=r"^encrypted-by-excel\.xlsb：.*打开密码"):
        open_declaration(containers / "encrypted-by-excel.xlsb")


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.99])
def test_truncated_xls_is_one_file_problem(containers, tmp_path, fraction):
    data = (containers / "tianhe-2023-projects.xls").read_bytes()
    path = tmp_path / "截断.xls"
    path.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(FileProblem) as caught:
        read_spreadsheet(path)
    assert str(caught.value).startswith("截断.xls：")


@pytest.mark.parametrize("fraction", [0.3, 0.9])
def test_truncated_ods_is_one_file_problem(containers, tmp_path, fraction):
    data = (containers / "haizhu-department.ods").read_bytes()
    path = tmp_path / "截断.ods"
    path.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(FileProblem, match=r"^截断\.ods：.*(损坏|不完整)"):
        read_spreadsheet(path)


def test_not_a_spreadsheet_at_all(tmp_path):
    path = tmp_path / "表.xls"
    path.write_bytes(b"\x00\x01 not an OLE2 file")
    with pytest.raises(FileProblem, match=r"^表\.xls：不是 Excel 97-2003"):
        read_spreadsheet(path)


MANIFEST = (b'<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            b'<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')


def write_ods(path, content: bytes, *, extra: bytes = b""):
    """A minimal .ods calamine reads (it needs the manifest), around the given content.xml."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", MANIFEST)
        with archive.open("content.xml", "w") as stream:
            stream.write(content)
            stream.write(extra)
    return path


ODS_HEAD = (b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            b' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
            b' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>')
ODS_TAIL = b"</office:spreadsheet></office:body></office:document-content>"


def test_minimal_ods_of_these_tests_is_read(tmp_path):
    """The hostile files below differ from this one only in what makes them hostile."""
    table = ('<table:table table:name="表1"><table:table-row><table:table-cell office:value-type="string"'
             ' table:number-columns-spanned="2"><text:p>部门名称</text:p></table:table-cell>'
             '<table:covered-table-cell/></table:table-row></table:table>').encode()
    path = write_ods(tmp_path / "小.ods", ODS_HEAD + table + ODS_TAIL)
    assert _ods_merges(path) == {"表1": [(0, 0, 0, 1)]}
    with pytest.raises(FileProblem, match=r"^小\.ods：在工作表“表1”中没有找到"):
        read_spreadsheet(path)


def test_ods_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    """60 MB of spaces in content.xml packed into some 60 kB: the archive rule shared with .xlsx refuses it."""
    path = write_ods(tmp_path / "炸弹.ods", ODS_HEAD, extra=b" " * (60 * 1024 * 1024) + ODS_TAIL)
    assert path.stat().st_size < 200 * 1024
    with pytest.raises(FileProblem, match=r"^炸弹\.ods：.*压缩炸弹"):
        read_spreadsheet(path)


def test_ods_xml_bomb_is_refused(tmp_path):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
              b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]><office:document-content '
              b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&lol3;</office:document-content>')
    with pytest.raises(FileProblem, match=r"^笑\.ods：.*XML 炸弹"):
        read_spreadsheet(write_ods(tmp_path / "笑.ods", laughs))


def test_ods_with_too_many_rows_or_cells_is_refused(tmp_path):
    """One filled row repeated 600,000 times is a few hundred bytes; it is refused from content.xml, before
    calamine expands it (it would build every cell up to its own limit of 100 million)."""
    row = (b'<table:table-row table:number-rows-repeated="600000"><table:table-cell office:value-type="string">'
           b"<text:p>x</text:p></table:table-cell></table:table-row>")
    path = write_ods(tmp_path / "长.ods", ODS_HEAD + '<table:table table:name="表1">'.encode() + row + b"</table:table>" + ODS_TAIL)
    with pytest.raises(FileProblem, match=r"^长\.ods：工作表“表1”有 600000 行，超过 500000 行的上限"):
        read_spreadsheet(path)
    wide = (b'<table:table-row table:number-rows-repeated="%d"><table:table-cell table:number-columns-repeated="200"'
            b' office:value-type="float" office:value="1"/></table:table-row>' % (MAX_CELLS // 200 + 1))
    path = write_ods(tmp_path / "大.ods", ODS_HEAD + '<table:table table:name="表1">'.encode() + wide + b"</table:table>" + ODS_TAIL)
    with pytest.raises(FileProblem, match=r"^大\.ods：.*个单元格的上限"):
        read_spreadsheet(path)


def test_ods_with_damaged_xml_or_counts(tmp_path):
    for number, body in enumerate((b'<table:table table:name="x"><table:table-row>',
                                   b'<table:table table:name="x"><table:table-row table:number-rows-repeated="-3">'
                                   b"<table:table-cell/></table:table-row></table:table>" + ODS_TAIL)):
        path = write_ods(tmp_path / f"坏{number}.ods", ODS_HEAD + body)
        with pytest.raises(FileProblem, match=rf"^坏{number}\.ods：.*损坏"):
            read_spreadsheet(path)


def test_zip_that_is_no_spreadsheet(tmp_path):
    path = tmp_path / "压缩包.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(FileProblem, match=r"^压缩包\.ods：压缩包里没有工作表"):
        read_spreadsheet(path)


def test_fill_merged_copies_the_top_left_value_and_refuses_overlaps():
    rows = [["标题", "", ""], ["一级", "x", ""], ["", "y", ""]]
    fill_merged(rows, [(0, 0, 0, 4), (1, 0, 2, 0)])
    assert rows == [["标题"] * 5, ["一级", "x", ""], ["一级", "y", ""]]
    with pytest.raises(ValueError):
        fill_merged([["a", "b"]] * 2, [(0, 0, 1, 1)] * 3)


@pytest.mark.parametrize("source, named", [("haizhu-department.xls", "去年.et"), ("panyu-2022-projects.ods", "去年.ods"),
                                           ("demo-tianhe-2023.xls", "去年.xls"), ("date.xlsb", "去年.xlsb")])
def test_through_the_registry_needs_formats_py_to_name_this_reader(containers, tmp_path, source, named):
    """Passes once src/storage/infra/formats.py names readers.spreadsheet:read_spreadsheet for xls, ods and xlsb."""
    from src.storage.infra.files import open_declaration

    path = shutil.copyfile(containers / source, tmp_path / named)
    if source.endswith(".xlsb"):  # no declaration in it: the reader's own message
        with pytest.raises(FileProblem) as direct:
            read_spreadsheet(path)
        with pytest.raises(FileProblem) as through_registry:
            open_declaration(path)
        assert str(through_registry.value) == str(direct.value)
        return
    opened = open_declaration(path)
    assert opened.imported and opened.declaration == read_spreadsheet(path).declaration


@pytest.mark.parametrize("name", ["tianhe-2023-projects.xls", "haizhu-department.ods"])
def test_damaged_bytes_give_a_file_problem_or_a_reading_never_anything_else(containers, tmp_path, name):
    """Bytes changed at random (seeded): calamine's errors and its Rust panics alike become one FileProblem."""
    import random

    data = (containers / name).read_bytes()
    chance = random.Random(name)
    path = tmp_path / f"坏{name[-4:]}"
    for _ in range(60):
        damaged = bytearray(data)
        for _ in range(chance.randint(1, 8)):
            damaged[chance.randrange(len(damaged))] = chance.randrange(256)
        path.write_bytes(bytes(damaged))
        try:
            read_spreadsheet(path)
        except FileProblem as problem:
            assert str(problem).startswith(path.name + "：")


def test_ods_cells_showing_a_formula_error_are_found_merged_or_not(containers):
    """calamine empties a cell showing #NAME?; the content.xml scan lists it, where it stands, with what it shows."""
    errors: dict = {}
    _ods_merges(containers / "formula-errors.ods", errors)
    assert errors == {"Sheet": [(1, 1, "#NAME?"), (2, 1, "#DIV/0!"), (3, 2, "#NAME?")]}


def test_xls_cells_showing_a_formula_error_are_found_in_its_records(containers):
    """calamine empties them in an .xls too: the workbook's FORMULA records hold the cached error."""
    from src.storage.containers.spreadsheet_book import _check_ole2
    from src.storage.containers.xls_errors import error_cells

    def found(name: str) -> dict:
        path = containers / name
        return error_cells(_check_ole2(path, path.read_bytes()))

    assert found("formula-errors.xls") == {"Sheet": [(1, 1, "#NAME?"), (2, 1, "#DIV/0!"), (3, 2, "#NAME?")]}
    assert found("haizhu-department.xls") == {}
