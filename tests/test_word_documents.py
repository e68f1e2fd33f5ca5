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
    """A billion-laughs document: its entities stay unexpanded (no memory blown), and the file has no table."""
    laughs = ('<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' +
              "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>")
    path = tmp_path / "炸弹.docx"
    path.write_bytes(_docx(_BODY.format(dtd=laughs, body="<w:p><w:r><w:t>&j;</w:t></w:r></w:p>")))

    with pytest.raises(FileProblem) as refused:
        open_declaration(path)

    assert "没有表格" in str(refused.value) or "已损坏" in str(refused.value)


def test_a_word_97_document_is_said_to_be_one_not_a_damaged_workbook():
    """A .doc is the same OLE2 box as an .xls: it was refused as a damaged Excel workbook."""
    with pytest.raises(FileProblem) as refused:
        open_declaration(WORD / "forms-beside.doc")

    assert "Word 97-2003 文档" in str(refused.value) and "另存为 .docx" in str(refused.value)
