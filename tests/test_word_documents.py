"""Word documents (.docx; containers/word_tables.py): tables LibreOffice Writer wrote from generated forms read back
to the declarations they were made from, the same as from xlsx and web pages; what is not a readable Word table is
refused with its reason, never a traceback and never read in part."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration
from tests.helpers.word_sources import department, projects
from tests.test_department_template import facts as department_facts
from tests.test_indicator_rows import facts as row_facts
from tests.test_project_forms import evaluation_facts, facts as form_facts, two_table_facts

WORD = Path(__file__).resolve().parent / "data" / "word"


@pytest.mark.parametrize("name, facts", [("forms-beside", form_facts), ("forms-split", form_facts),
                                         ("forms-two_tables", two_table_facts), ("forms-evaluation", evaluation_facts),
                                         ("indicator-rows", row_facts)])
def test_project_tables_in_word_read_back_to_their_projects(name, facts):
    opened = open_declaration(WORD / f"{name}.docx")

    assert [facts(p) for p in opened.declaration.projects] == [facts(p) for p in projects()]
    assert opened.imported
    assert any("Word 文档中的第 1 张表格" in note for note in opened.notes)  # where it was read, said as it is


@pytest.mark.parametrize("name", ["table-split-header.docx", "table-split-bare.docx", "table-split-header.html"])
def test_a_table_broken_in_two_reads_as_one_with_the_lines_above_it(name):
    """A project table typed into Word in two goes (an empty paragraph between the parts, the header given again or
    not), its title and 部门名称：…　　单位：元 as paragraphs above it; and the same document saved as a web page by
    Writer. Before: the second part's projects were left out (noted only as a table that looks like one), the
    department's name ran on into 单位：元, and on the web page the amounts in 元 were read as 万元."""
    opened = open_declaration(WORD / name)

    assert [form_facts(p) for p in opened.declaration.projects] == [form_facts(p) for p in projects()]
    assert opened.declaration.department.name == "广州市天河区司法局"
    assert opened.declaration.year == 2023
    assert any("单位是元" in note for note in opened.notes)
    assert not any("也像项目表" in note for note in opened.notes)


def test_a_web_page_whose_table_parts_do_not_line_up_says_what_it_could_not_place():
    """Writer saves the two parts of the bare split table as one web table whose second part's columns do not line
    up with the header's: what lands in the wrong column (an organisation in 实施周期, prose in 其他资金) is left
    empty with a note on the project, never read as the field's value."""
    opened = open_declaration(WORD / "table-split-bare.html")
    read, sources = opened.declaration.projects, projects()

    assert [p.name for p in read] == [p.name for p in sources]
    for got, want in zip(read, sources):
        said = [note for note in opened.notes if f"“{got.name}”" in note or f"第 {read.index(got) + 1} 个项目" in note]
        for field in ("period", "unit", "goal"):
            if getattr(got, field) != getattr(want, field):
                assert said, (got.name, field, getattr(got, field))
        for field in ("total", "fiscal", "other"):
            if getattr(got.funds, field) not in (getattr(want.funds, field), None):
                assert said, (got.name, field, getattr(got.funds, field))
    assert any("实施周期栏中是单位或部门的名称" in note for note in opened.notes)


def test_a_table_followed_by_a_form_of_its_own_is_not_joined_to_it(tmp_path):
    title = _cell("项目支出绩效目标表", '<w:gridSpan w:val="2"/>')
    form = f"<w:tbl><w:tr>{title}</w:tr><w:tr>{_cell('项目名称')}{_cell('道路')}</w:tr></w:tbl>"
    grids = _grids(tmp_path, form + "<w:p/>" + form)

    assert len(grids) == 2  # the next form opens with its title across the table: a table of its own


def test_a_department_form_in_word_reads_back():
    opened = open_declaration(WORD / "department-template.docx")

    assert department_facts(opened.declaration.department, "two") == department_facts(department(), "two")


def _docx(document_xml: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


_BODY = ('<?xml version="1.0"?>{dtd}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
         '<w:body>{body}</w:body></w:document>')


@pytest.mark.parametrize("content, said", [
    ((WORD / "forms-beside.docx").read_bytes()[:4000], "不是有效的 Word 文档"),  # cut short: no zip directory
    (_docx(_BODY.format(dtd="", body="<w:p><w:r><w:t>项目支出绩效目标表</w:t></w:r></w:p>")), "没有表格"),
    (_docx(_BODY.format(dtd="", body="<w:tbl><w:tr>")), "已损坏"),
])
def test_what_is_no_readable_word_table_is_refused_with_its_reason(tmp_path, content, said):
    path = tmp_path / "表.docx"
    path.write_bytes(content)

    with pytest.raises(FileProblem) as refused:
        open_declaration(path)

    assert said in str(refused.value)


def test_entities_declared_in_the_document_are_not_expanded(tmp_path):
    """Entities a document declares — its own text, or a file of this machine — are not substituted: the cells read
    empty (an expanding parser would show 注入的文字 and the file's content; libxml2 refuses a billion-laughs
    document by itself, as damaged)."""
    from src.storage.containers.word_tables import word_grids

    secret = tmp_path / "secret.txt"
    secret.write_text("机密", encoding="utf-8")
    declared = f'<!DOCTYPE w:document [<!ENTITY own "注入的文字"><!ENTITY file SYSTEM "{secret.as_uri()}">]>'
    path = tmp_path / "实体.docx"
    path.write_bytes(_docx(_BODY.format(dtd=declared, body=f"<w:tbl><w:tr>{_cell('&own;')}{_cell('&file;')}</w:tr></w:tbl>")))

    grid, = word_grids(path)

    assert grid.rows == [[None, None]]


_NAMESPACES = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
               'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
               'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
               'xmlns:v="urn:schemas-microsoft-com:vml"')


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _cell(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{_paragraph(text)}</w:tc>"


def _grids(tmp_path, body: str) -> list[list]:
    from src.storage.containers.word_tables import word_grids

    path = tmp_path / "手写.docx"
    path.write_bytes(_docx(f'<?xml version="1.0"?><w:document {_NAMESPACES}><w:body>{body}</w:body></w:document>'))
    return [grid.rows for grid in word_grids(path)]


def _control(inner: str) -> str:
    return f"<w:sdt><w:sdtContent>{inner}</w:sdtContent></w:sdt>"


# Word's own constructs LibreOffice does not write (the files above have none of them), spelled out in XML.
def test_cells_and_rows_inside_content_controls_keep_their_places(tmp_path):
    cell = _grids(tmp_path, f"<w:tbl><w:tr>{_cell('项目名称')}{_control(_cell('道路工程'))}{_cell('实施单位')}{_cell('某局')}"
                            "</w:tr></w:tbl>")
    row = _grids(tmp_path, f"<w:tbl><w:tr>{_cell('一级指标')}{_cell('三级指标')}</w:tr>"
                           f"{_control('<w:tr>' + _cell('产出指标') + _cell('道路长度') + '</w:tr>')}</w:tbl>")

    assert cell == [[["项目名称", "道路工程", "实施单位", "某局"]]]  # the cells after it shifted left before
    assert row == [[["一级指标", "三级指标"], ["产出指标", "道路长度"]]]  # the row was dropped before


def test_a_table_inside_custom_xml_keeps_the_lines_above_it(tmp_path):
    grids = _grids(tmp_path, f"{_paragraph('单位：元')}<w:customXml w:element=\"t\"><w:tbl><w:tr>{_cell('项目名称')}"
                             f"{_cell('道路')}</w:tr></w:tbl></w:customXml><w:tbl><w:tr>{_cell('x')}</w:tr></w:tbl>")

    assert grids == [[["单位：元"], ["项目名称", "道路"]], [["x"]]]  # 单位：元 went to the next table before


def test_a_title_in_a_text_box_is_read_once(tmp_path):
    box = f"<w:txbxContent>{_paragraph('2024年项目支出绩效目标表')}</w:txbxContent>"
    title = ('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>' + box +
             "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>" + box +
             "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>")

    assert _grids(tmp_path, f"{title}<w:tbl><w:tr>{_cell('项目名称')}</w:tr></w:tbl>")[0][0] == ["2024年项目支出绩效目标表"]


def test_grid_before_spans_merges_down_and_a_nested_table(tmp_path):
    spans = _grids(tmp_path, "<w:tbl><w:tr>" + _cell("A", '<w:gridSpan w:val="2"/>') + _cell("B", '<w:vMerge w:val="restart"/>')
                   + '</w:tr><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + _cell("x") + _cell("", "<w:vMerge/>")
                   + "</w:tr><w:tr>" + _cell("y") + _cell("z") + _cell("", "<w:vMerge/>") + "</w:tr></w:tbl>")
    inner = f"<w:tbl><w:tr><w:tc>{_paragraph('产出指标')}{_paragraph('数量指标')}</w:tc>{_cell('≥3公里')}</w:tr></w:tbl>"
    nested = _grids(tmp_path, f"<w:tbl><w:tr>{_cell('绩效指标')}<w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>")

    assert spans == [[["A", "A", "B"], [None, "x", "B"], ["y", "z", "B"]]]
    assert nested == [[["绩效指标", "产出指标 数量指标\t≥3公里"]]]  # an inner cell's lines stay in one line


def test_a_word_97_document_is_said_to_be_one_not_a_damaged_workbook():
    """A .doc is the same OLE2 box as an .xls: it was refused as a damaged Excel workbook."""
    with pytest.raises(FileProblem) as refused:
        open_declaration(WORD / "forms-beside.doc")

    assert "Word 97-2003 文档" in str(refused.value) and "另存为 .docx" in str(refused.value)
