"""A 一级 cell holding a 一级 and a 二级 of it (产出指标数量指标): two merged cells' text read into one, as a PDF page
without ruling lines cut into its own columns does (seed 39's d007 as Calc printed it, not fitted: tests/data/pdf/
strips, a tuning file). Split into the two levels and said, in the department form and the project forms alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from src.model.declaration import Indicator
from src.storage.infra.files import open_declaration
from src.storage.recognisers.project_form.levels import glued_levels, settled_levels, two_level2s

DATA = Path(__file__).resolve().parent / "data" / "pdf" / "strips"


@pytest.mark.parametrize("text, levels", [
    ("产出指标数量指标", ("产出指标", "数量指标")),
    ("效益指标 社会效益指标", ("效益指标", "社会效益指标")),
    ("满意度指标服务对象满意度指标", ("满意度指标", "服务对象满意度指标")),
    ("产出指标", None),  # a 一级 alone
    ("产出指标社会效益指标", None),  # a 二级 of another 一级: not one cell's two levels, left for the checks
    ("产出指标数量", ("产出指标", "数量指标")),  # the 二级 as tables shorten it
    ("产出指标完成率", None),  # a 一级 and some text: no 二级
])
def test_a_level_cell_is_two_levels_only_when_it_is_a_一级_and_one_of_its_二级(text, levels):
    assert glued_levels(text) == levels


def test_a_department_forms_levels_in_two_cells_are_read_apart():
    """d007's two level cells were read as one when LibreOffice clipped them under one clip (layout._apart_on_line):
    read apart now, the split is not needed."""
    opened = open_declaration(DATA / "department-levels-in-one-cell.pdf")
    indicators = opened.declaration.department.indicators
    assert [(i.level1, i.level2) for i in indicators] == [("产出指标", "数量指标")] * 7 + [  # as the manifest has them
        ("产出指标", "质量指标"), ("效益指标", "社会效益指标")]


def test_a_department_forms_glued_levels_are_split_and_said(tmp_path):
    import openpyxl

    book = openpyxl.load_workbook(DATA.parent.parent / "haizhu-department.xlsx")
    sheet = book.active
    assert (sheet["B14"].value, sheet["C14"].value) == ("产出指标", "数量指标")
    sheet["B14"], sheet["C14"] = "产出指标数量指标", None  # one cell's two levels, as a page cut into its own columns reads
    book.save(tmp_path / "glued.xlsx")
    opened = open_declaration(tmp_path / "glued.xlsx")
    first = opened.declaration.department.indicators[0]
    assert (first.level1, first.level2) == ("产出指标", "数量指标")
    assert any("一级和二级指标连在一起" in note and "产出指标数量指标" in note for note in opened.notes)


def test_a_project_forms_glued_levels_are_split_and_said_once():
    notes: list = []
    indicators = [Indicator(level1="产出指标数量指标", name="慰问人次"), Indicator(level1="产出指标数量指标", name="慰问次数"),
                  Indicator(level1="效益指标", level2="社会效益指标", name="满意度")]
    settled = settled_levels(indicators, "projects[0]", notes, 3)
    assert [(i.level1, i.level2) for i in settled] == [("产出指标", "数量指标")] * 2 + [("效益指标", "社会效益指标")]
    assert len([note for note in notes if "连在一起" in note]) == 1


@pytest.mark.parametrize("text, levels", [
    ("生态效益指标可持续影响指标", ("生态效益指标", "可持续影响指标")),
    ("数量指标质量指标", ("数量指标", "质量指标")),
    ("社会效益指标", None),  # one 二级
    ("服务对象满意度指标", None),
    ("数量指标完成率", None),  # a 二级 and some text
    ("社会效益指标生态效益指标可持续影响指标", ("社会效益指标生态效益指标", "可持续影响指标")),  # three stacked (seed 52's d008)
    ("社会效益指标生态效益指标完成率", None),  # 二级 names and some text
])
def test_a_level2_cell_is_two_level2s_only_when_it_is_exactly_two(text, levels):
    assert two_level2s(text) == levels


def test_a_department_forms_empty_level2_row_read_into_the_next_is_said():
    """Seed 43's d027 as a browser printed it (no borders): the template's 二级 row 生态效益指标, no indicator in it, one
    line high, was read as the first line of the row under it: 生态效益指标可持续影响指标, unsaid."""
    opened = open_declaration(DATA.parent.parent / "browser-print" / "empty-level-row-read-into-the-next.pdf")
    levels = [(i.level2, i.name) for i in opened.declaration.department.indicators]
    assert ("可持续影响指标", "提升法律援助的影响力（6）") in levels  # as the corpus's manifest has it
    assert any("两个二级指标连在一起" in note for note in opened.notes)


def test_three_empty_level2_rows_read_into_the_next_are_said():
    """Seed 52's d008 as a browser printed it (no borders, rows generous; the fresh check's one silent fact, read
    afterwards: a tuning file): the template's 二级 rows 社会效益指标 and 生态效益指标, no indicator in them, stacked one
    line each over 可持续影响指标's row, were read as its 二级: 社会效益指标生态效益指标可持续影响指标, unsaid."""
    opened = open_declaration(DATA.parent.parent / "browser-print" / "level2-rows-stacked-over-an-indicator.pdf")
    levels = [(i.level2, i.name) for i in opened.declaration.department.indicators]
    assert ("可持续影响指标", "长效管理机制健全性（6）") in levels  # as the corpus's manifest has it
    assert any("几个二级指标连在一起" in note and "社会效益指标生态效益指标" in note for note in opened.notes)
