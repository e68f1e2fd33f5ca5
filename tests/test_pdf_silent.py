"""PDF imports never silently wrong (issue 22, items 3, 4, 7): layouts that were read wrong with no note.

tests/data/pdf/silent-*.pdf are made by tests/data/pdf/make_silent_pdfs.py (openpyxl, then LibreOffice), tables
without ruling lines: short unit names left-aligned in a wide 项目名称 beside a narrow 序号, rows too low for their
goals, a one-digit amount right against the next column's text, a table too wide for its page. The other tests give
layout.py characters and blocks as pdfplumber gives them, for what no small real file shows: a column's edge told
by the texts lined up on it alone (no header to go by), and rows one line high under a clipped cell's lines.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from src.model import paths
from src.storage.containers.pdf.layout import Block, _edge_columns, layout
from src.storage.containers.pdf.section import remap
from src.storage.containers.pdf.table import read_pdf_sections
from src.storage.containers.pdf.text import group_lines, line_pitch
from src.storage.containers.sheet_grid import ClippedText
from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration
from tests.data.pdf.make_silent_pdfs import (
    _GOAL,
    BESIDE,
    BUDGET,
    CLIPPED,
    CORPUS_TASKS,
    CUT_UNITS,
    HAIZHU_INDICATORS,
    HAIZHU_TASK,
    INDICATORS,
    MERGED_UNITS,
    MIXED_HEIGHTS,
    ON_TOP,
    ONE_UNIT,
    SPILLED,
    OVERLEAF,
    TASKS,
    UNITS,
)

DATA = Path(__file__).parent / "data" / "pdf"


def _units(units: list[tuple[str, list[tuple[str, str]]]]) -> list[tuple[str, str, Decimal]]:
    return [(name, unit, Decimal(amount)) for unit, projects in units for name, amount in projects]


# ---- real files -------------------------------------------------------------------------------

@pytest.mark.parametrize("name, units", [("silent-short-unit-rows", UNITS), ("silent-one-short-unit", ONE_UNIT),
                                         ("silent-unit-rows-overleaf", OVERLEAF)])
def test_a_short_unit_name_left_aligned_in_a_wide_column_heads_its_projects(name, units):
    # 区公证处 begins where the other names of 项目名称 do, but its middle lies on the 序号 side of the line cut midway
    # between the two labels: read as a 合计 row's 序号 before, and its projects took the unit above, in silence.
    # With one unit and one project only the header tells whose edge the two names share; on a page that repeats no
    # header, the edges the first page's names line up on.
    read = open_declaration(DATA / f"{name}.pdf").declaration
    assert [(p.name, p.unit, p.funds.total) for p in read.projects] == _units(units)


def test_a_one_digit_amount_right_against_the_next_columns_text_is_read_apart():
    # 0 (其他资金, right-aligned) and 区公证处 (预算单位, left-aligned) a cell's padding apart: two cells, not a unit
    # 0区公证处 (one character before the gap shows nothing of how the text is set; a digit is set solid).
    read = open_declaration(DATA / "silent-digit-beside-label.pdf").declaration
    assert [(p.name, p.unit, p.funds.other) for p in read.projects] == [
        (name, unit, Decimal(other)) for name, _, _, other, unit in BESIDE]


def test_a_goal_the_print_clipped_is_noted_at_its_project():
    # Rows 18 pt high for goals of two or three lines: LibreOffice clips each cell to its row and draws the lines
    # past it, hidden. What the page shows is cut: said at the project, whatever the PDF's text holds.
    opened = open_declaration(DATA / "silent-clipped-rows.pdf")
    read = opened.declaration
    assert [p.name for p in read.projects] == [name for name, _, _ in CLIPPED]
    for index, project in enumerate(read.projects):
        assert project.goal and CLIPPED[index][2].startswith(project.goal.replace("\n", ""))
        assert any(getattr(note, "location", None) == paths.project(index) and "绩效目标" in note
                   for note in opened.notes), index


def test_a_table_too_wide_for_its_page_without_ruling_lines_is_refused_not_read_in_part():
    # Not fitted to the page width, its last columns (预算单位, 绩效指标) printed on the next page: with no ruling
    # lines nothing joins the pages by their rows. Read before without those columns, and the next page's header
    # (财政专户拨款 | 其他资金 | 预算单位) taken for a project named 其他资金.
    with pytest.raises(FileProblem, match="将所有列调整为一页"):
        open_declaration(DATA / "silent-wide-no-borders.pdf")


def test_a_department_form_without_ruling_lines_keeps_its_amounts_and_its_indicator_columns():
    # The amounts right-aligned in cells merged over four columns land in the last, the columns between them and their
    # labels empty; the second page goes on with the task table, then begins the indicator table, whose labels
    # 实施周期指标值 and 年度指标值 fall in one of the task table's columns: read as no amounts and no indicators before.
    opened = open_declaration(DATA / "silent-department-list.pdf")
    department = opened.declaration.department
    budget = department.budget.model_dump()
    keys = ["basic", "project", "special_funds", "other_development", "fiscal", "other_income", "own_level", "transfer"]
    assert [budget[key] for key in keys] == [Decimal(amount) for _, amount in BUDGET]
    assert [(t.name, t.funds) for t in department.tasks] == [(name, Decimal(funds)) for name, _, funds, _ in TASKS]
    assert [(i.level1, i.level2, i.name, i.period_value, i.annual_value) for i in department.indicators] == INDICATORS


def test_goals_cut_by_rows_one_line_high_without_borders_are_noted_at_their_projects():
    # No borders, no row heights: LibreOffice prints each row one line high and draws a cell's lines while they begin
    # inside it, the rest not even in the PDF, with no clip. Each goal shows two lines, the second drawn over the next
    # row: over the next project's goal, over a unit's row with no goal, past the table's last row. Read as whole
    # goals, unsaid, before.
    opened = open_declaration(DATA / "silent-cut-rows-no-borders.pdf")
    projects = opened.declaration.projects
    assert [p.name for p in projects] == [name for _, names in CUT_UNITS for name, _ in names]
    for index, project in enumerate(projects):
        assert project.goal and _GOAL.startswith(project.goal.replace("\n", "")) and len(project.goal) < len(_GOAL)
        assert any(getattr(note, "location", None) == paths.project(index) and "绩效目标" in note and "行高不够" in note
                   for note in opened.notes), index


def test_goals_cut_in_rows_of_no_one_height_are_noted_and_a_goal_that_fits_is_not():
    # The first row one line high: its goal's second line is drawn over the second goal's first, so that row ends
    # where the next begins, and the goal was cut there. The second row 60 pt high, too low for its goal: LibreOffice
    # clips it and draws the lines that begin inside it, the last one cut through by the clip (its middle inside,
    # so not hidden) and the rest left out. Both were read as whole goals, unsaid. The third fits and says nothing.
    opened = open_declaration(DATA / "silent-cut-row-mixed-heights.pdf")
    projects = opened.declaration.projects
    assert [p.name for p in projects] == [name for _, names in MIXED_HEIGHTS for name, _ in names]
    goals = [p.goal.replace("\n", "") for p in projects]
    assert all(_GOAL.startswith(goal) for goal in goals) and [goal == _GOAL for goal in goals] == [False, False, True]
    cut = [index for index in range(len(projects)) if any(
        getattr(note, "location", None) == paths.project(index) and "行高不够" in note for note in opened.notes)]
    assert cut == [0, 1]


def _department_read_whole(name: str) -> None:
    department = open_declaration(DATA / f"{name}.pdf").declaration.department
    assert [(t.name, t.content, t.funds, t.expected) for t in department.tasks] == [
        (name, content, Decimal(funds), expected) for name, content, funds, expected in TASKS]
    assert [(i.level1, i.level2, i.name, i.period_value, i.annual_value) for i in department.indicators] == INDICATORS


def test_a_next_page_ruled_finer_than_the_first_keeps_its_columns():
    # The first page holds only rows merged over the columns (部门名称, the budget, the goal: three columns); the next,
    # the tasks and indicators in six, every border of the first page's among them. It was read in the first page's
    # three columns, each task's 主要实施内容, 拟投入的资金 and 期望达到的目标 joined into one text, in silence.
    _department_read_whole("silent-coarse-first-page")


def test_a_print_title_row_repeated_over_a_page_without_borders_stays_out_of_the_row_under_it():
    # 部门名称 and the name repeated at the top of the next page, the next task right under it: rows one line high,
    # the name and the task's name drawn one after the other a row apart in one column were one cell's two lines
    # (测试区司法局行政复议应诉经费).
    _department_read_whole("silent-repeated-title-row")


def test_a_print_title_row_repeated_where_the_page_cuts_other_columns_is_dropped():
    # The corpus' department form (d010 of seed 22): 部门名称 and the name repeated at the top of the second page, which
    # goes on with the task table; cut between its own texts, that page's columns are not the first's, so the row did
    # not match the first page's 部门名称 row blank for blank and stayed, between the second task and the third.
    sections = read_pdf_sections(DATA / "silent-print-title-other-columns.pdf").sections
    assert [row[0] for section in sections for row in section.rows if row and row[0] == "部门名称"] == ["部门名称"]
    department = open_declaration(DATA / "silent-print-title-other-columns.pdf").declaration.department
    assert [task.name for task in department.tasks] == CORPUS_TASKS


def test_a_page_after_print_titles_keeps_its_own_cells_apart():
    # The corpus' department form (d017 of seed 30), 部门名称 repeated on every page: the second page's task row lies
    # above the indicators' labels, the third page's columns were cut between its own rows' texts (no labels there).
    # Put in the first page's coarser columns by their own columns' middles, the task's 主要实施内容, 拟投入的资金 and
    # 期望达到的目标 were read as one cell (its funds and goal lost), and 8 | 96 as 实施周期指标值 896, in silence.
    department = open_declaration(DATA / "silent-print-title-own-columns.pdf").declaration.department
    assert [(t.name, t.content, str(t.funds)) for t in department.tasks] == [HAIZHU_TASK]
    assert department.tasks[0].expected.startswith("在全市实现一村（社区）一法律顾问线上线下全覆盖")
    assert [(i.name, i.period_value, i.annual_value) for i in department.indicators] == HAIZHU_INDICATORS


def test_the_last_rows_text_drawn_past_the_tables_bottom_is_its_own_and_said_cut():
    # No row heights: LibreOffice prints each row one line high, with no clip, and draws a goal's second line (it
    # begins inside the row) past the row's bottom border; the last row's lies past the table's, outside it. Read
    # apart, it was a unit's subtotal row (的法律服务，维护社) and the goal was read short (seed 31's p034, unsaid).
    opened = open_declaration(DATA / "silent-last-row-past-the-table.pdf")
    last = opened.declaration.projects[-1]
    assert [(p.name, str(p.funds.total)) for p in opened.declaration.projects] == [row[:2] for row in SPILLED]
    assert SPILLED[-1][2].startswith(last.goal) and len(last.goal) > len("为群众提供优质高效")  # its two lines
    assert not any("小计行" in note for note in opened.notes)
    assert any(getattr(note, "location", None) == paths.project(2) and "被裁掉" in note for note in opened.notes)


def test_a_unit_merged_down_its_projects_without_borders_goes_down_said():
    # Nothing shows how far a merged cell reaches in a table without ruling lines: the unit stands in the range's
    # first row, the rows under it empty, as in a text copied from the sheet. The empty units take the unit above,
    # each said at the field for the clerk to check (Grid.merges_lost; missing before, each noted).
    opened = open_declaration(DATA / "silent-merged-units-no-borders.pdf")
    assert [(p.name, p.unit) for p in opened.declaration.projects] == [
        (name, unit) for unit, names in MERGED_UNITS for name in names]
    for index in (1, 2, 4):
        assert any(getattr(note, "location", None) == paths.field(paths.project(index), "unit") for note in opened.notes)


def test_two_cells_put_in_one_column_of_the_table_they_continue_are_said():
    # A page without ruling lines cut finer than the table it goes on with: two of its cells whose middles lie in one
    # of the table's columns are read as one text (8 | 96 as 896), which the import must say, not a merged cell's copy.
    joined = remap(["8", "96"], [0.0, 10.0, 20.0], [0.0, 25.0], spread=False)
    assert joined == ["896"] and isinstance(joined[0], ClippedText) and joined[0].overlapped
    assert not isinstance(remap(["甲", "甲"], [0.0, 10.0, 20.0], [0.0, 25.0], spread=False)[0], ClippedText)


def test_a_label_reaching_up_over_the_row_above_is_no_line_of_the_cell_there():
    # 实施周期指标值 in two lines centred in a row one line high: its first line lies over the foot of the last task's
    # 期望达到的目标, drawn just before it, less than a line below. Taken for that cell's next line, the label was lost
    # and the indicators' two values read as one, in silence.
    _department_read_whole("silent-label-over-row-above")


# ---- characters and blocks as pdfplumber gives them -------------------------------------------

def _block(x0: float, x1: float, top: float) -> Block:
    char = {"text": "1", "x0": x0, "x1": x1, "top": top, "bottom": top + 10, "size": 10.0, "seq": 0, "clip": None}
    return Block([char], x0, x1, top, top + 10)


def test_amounts_lined_up_on_one_edge_keep_a_short_one_in_their_column():
    # No header to go by (the columns were cut between a row's own texts): amounts of different widths ending at
    # x = 100 are one column's, right-aligned; a one-digit one ending there too, its middle past the line at 97, is
    # theirs. A text ending elsewhere keeps its middle's column.
    bounds, guides = [0.0, 60.0, 97.0, 160.0], [(10.0, 50.0), (70.0, 100.0), (110.0, 150.0)]
    lined = [_block(70, 100, 20), _block(76, 100, 40), _block(82, 100, 60)]
    short, other = _block(95, 100, 80), _block(98, 104, 100)
    placed, _ = _edge_columns([*lined, short, other], bounds, guides, headed=False)
    assert placed == {id(short): 1}


def test_texts_lined_up_at_a_labels_gap_go_to_the_column_after_it():
    # Under a header whose labels are centred: names beginning at x = 75, past the end of 序号's label and before
    # 项目名称's begins, are 项目名称's left-aligned texts, however short.
    bounds = [50.0, 110.0, 220.0, 300.0]
    guides = [(56.0, 72.0), (146.0, 179.0), (250.0, 270.0)]
    short, longer, long = _block(75, 107, 20), _block(75, 139, 40), _block(75, 180, 60)
    placed, edges = _edge_columns([short, longer, long], bounds, guides, headed=True)
    assert placed == {id(short): 1, id(longer): 1}
    assert edges == [(75.0, 1, 165.0)]  # for the pages that go on without a header: 项目名称's left edge


def _chars(text: str, x0: float, top: float, seq: int, clip: tuple | None = None, size: float = 5.4) -> list[dict]:
    return [{"text": ch, "x0": x0 + i * size, "x1": x0 + (i + 1) * size, "top": top, "bottom": top + size,
             "size": size, "fontname": "F", "seq": seq + i, "clip": clip, "matrix": (1, 0, 0, 1, 0, 0), "upright": True}
            for i, ch in enumerate(text)]


def test_rows_one_line_high_are_no_cells_lines_where_a_clipped_cell_shows_the_line_pitch():
    # A department form's 二级指标 rows, one line each, 7.4 pt apart (a line and the cells' padding); the only wrapped
    # text on the page is a clipped goal whose lines are 6.3 pt apart. The rows' steps are no line pitch: 经济效益指标
    # (a template row with no indicator) and 社会效益指标 below it are two rows, not one cell's two lines.
    clip = (20.0, 0.0, 200.0, 12.0)
    lines = ["保障各项司法行政工作顺利开展", "提升公共法律服务水平维护社会", "和谐稳定推进法治社会建设", "为群众提供优质高效的法律服务"]
    goal = [char for n, line in enumerate(lines) for char in _chars(line, 20, 6.3 * n, 20 * n, clip)]
    rows = _chars("二级指标", 20, 22.6, 90) + _chars("三级指标", 100, 22.6, 95)  # the indicators' header
    for n, (level2, name) in enumerate([("时效指标", ""), ("成本指标", ""), ("经济效益指标", ""),
                                        ("社会效益指标", "社区法律顾问覆盖率"), ("生态效益指标", "")]):
        top = 30 + 7.4 * n
        rows += _chars(level2, 20, top, 100 + 30 * n) + (_chars(name, 100, top, 115 + 30 * n) if name else [])
    assert abs(line_pitch(goal + rows) - 6.3 / 5.4) < 0.02
    _, table = layout(group_lines(goal + rows))
    cells = [cell for row in table.rows for cell in row if cell]
    assert "经济效益指标" in cells and "社会效益指标" in cells


def test_a_units_row_first_on_a_page_heads_its_projects():
    # Calc prints a unit's subtotal row (its name its one text) at the top of the next page, the header not
    # repeated: a row of one cell above the page's first row of two was taken for a line above the table, and the
    # unit's projects were read under the unit before, in silence (seed 31's p002).
    read = open_declaration(DATA / "silent-unit-row-on-top.pdf").declaration
    assert [(p.name, p.unit, p.funds.total) for p in read.projects] == _units(ON_TOP)
