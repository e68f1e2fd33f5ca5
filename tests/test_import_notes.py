"""导入说明 as structured notes: each says where in the source it was read and which place of the declaration it
concerns, and that place is the one the sentence talks about — also after edits have moved it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from src.model import paths
from src.model.notes import Anchor, Note, hold
from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration

DATA = Path(__file__).parent / "data"
TIANHE = DATA / "tianhe-2023-projects.xlsx"
FORM_2019 = DATA / "form2019" / "tianhe-2019-department.xlsx"


def project_rows(path: Path) -> tuple[str, int, int, int]:
    """The sheet, the 总计 column and the row and name column of the table's fifth project."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for row in sheet.iter_rows():
        labels = {str(cell.value).strip()[:4]: cell.column for cell in row if cell.value is not None}
        if "项目名称" in labels and "总计" in labels:
            return sheet.title, labels["总计"], row[0].row + 5, labels["项目名称"]
    raise AssertionError("no header")


@pytest.mark.parametrize("printed", ["1, 99. 4", "十二万", "1.994,32"])
def test_an_amount_left_empty_is_noted_at_its_field_its_row_and_its_sheet(tmp_path, printed):
    sheet_name, total_column, row, name_column = project_rows(TIANHE)
    book = openpyxl.load_workbook(TIANHE)
    sheet = book[sheet_name]
    sheet.cell(row, total_column).value = printed
    name = sheet.cell(row, name_column).value
    changed = tmp_path / "changed.xlsx"
    book.save(changed)
    opened = open_declaration(changed)
    [note] = [n for n in opened.notes if n.source_text == printed]
    assert isinstance(note, Note)
    assert note.row == row
    assert note.source == f"工作表“{sheet_name}”"
    assert note.location.endswith(".funds.total")
    project = paths.resolve(opened.declaration, paths.node_of(note.location))
    assert project.name == " ".join(str(name).split()) or project.name.replace("\n", "") == str(name).replace("\n", "")
    assert paths.get_field(opened.declaration, note.location) is None  # 已留空, as the sentence says


def test_the_2019_forms_split_indicator_notes_point_at_the_indicator_that_holds_the_split():
    opened = open_declaration(FORM_2019)
    split = [n for n in opened.notes if "拆为指标" in n]
    assert split, "the form's spanning key-indicator line is split and noted"
    for note in split:
        indicator = paths.resolve(opened.declaration, note.location)
        assert f"拆为指标“{indicator.name}”和年度指标值“{indicator.annual_value}”" in note
        assert note.source_text and indicator.name in note.source_text


def test_every_note_of_a_row_of_a_workbook_says_its_sheet():
    for path in (TIANHE, DATA / "panyu-2022-projects.xlsx"):
        opened = open_declaration(path)
        row_notes = [n for n in opened.notes if n.row is not None]
        assert row_notes, path
        sheet = openpyxl.load_workbook(path).worksheets[0]
        for note in row_notes:
            row_text = "".join(str(c.value) for c in sheet[note.row] if c.value is not None).replace("\n", "")
            if note.startswith("项目“"):  # a project's note: its row holds the project
                assert note[3:note.index("”")][:8] in row_text, (path, note.row, note)
            else:
                assert f"第 {note.row} 行" in note or f"第 {note.row}、" in note, (path, note)
        assert all(n.source and n.source.startswith("工作表“") for n in row_notes), path


def test_located_notes_of_every_test_file_name_places_the_declaration_has():
    located = 0
    for path in sorted(p for p in DATA.rglob("*") if p.is_file() and "corpus" not in p.parts):
        try:
            opened = open_declaration(path)
        except FileProblem:
            continue
        for note in opened.notes:
            if note.location is not None:
                located += 1
                paths.resolve(opened.declaration, note.location)  # raises LocationError for a dangling place
    assert located > 100


def test_an_anchor_follows_its_project_when_a_project_above_is_deleted_and_says_when_its_own_is_gone():
    opened = open_declaration(TIANHE)
    declaration = opened.declaration
    fifth = declaration.projects[4]
    field = paths.field(paths.project(4), "funds.total")
    anchor = Anchor(declaration, field)
    year = Anchor(declaration, paths.YEAR)
    del declaration.projects[1]
    assert anchor.location(declaration) == paths.field(paths.project(3), "funds.total")
    assert paths.resolve(declaration, paths.node_of(anchor.location(declaration))) is fifth
    declaration.projects.remove(fifth)
    assert anchor.location(declaration) is None
    assert year.location(declaration) == paths.YEAR


def test_held_notes_keep_the_place_of_an_indicator_of_a_project():
    opened = open_declaration(TIANHE)
    declaration = opened.declaration
    where = paths.field(paths.indicator(paths.project(2), 1), "annual_value")
    indicator = declaration.projects[2].indicators[1]
    [held] = hold([Note("指标值请核对", location=where)], declaration, "导入“x.xlsx”")
    declaration.projects[2].indicators.insert(0, indicator.model_copy())
    assert held.location(declaration) == paths.field(paths.indicator(paths.project(2), 2), "annual_value")
    assert held.origin == "导入“x.xlsx”"


def test_a_note_is_still_its_sentence_for_whoever_reads_it_as_text():
    note = Note("第 3 行是合计行", row=3, source="工作表“表1”").prefixed("项目“甲”：")
    assert note == "项目“甲”：第 3 行是合计行"
    assert note.row == 3 and note.source == "工作表“表1”"
    assert note.where_read() == "工作表“表1” 第 3 行"
    assert Note("x", location="indicators[2]").under(paths.project(5)).location == "projects[5].indicators[2]"
