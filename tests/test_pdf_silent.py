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
from src.storage.containers.pdf.text import group_lines, line_pitch
from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration
from tests.data.pdf.make_silent_pdfs import BESIDE, BUDGET, CLIPPED, INDICATORS, ONE_UNIT, OVERLEAF, TASKS, UNITS

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
