"""Tables without ruling lines where the text's place is all there is to go by, never silently wrong (issue 22).

tests/data/pdf/borderless-*.pdf are made by tests/data/pdf/make_borderless_pdfs.py (openpyxl, then LibreOffice):
an amount right-aligned against the years of the next cell, and pages that continue a table without repeating
its header. The other tests give layout.py and page.py characters as pdfplumber gives them, and the project
table's reader a grid, for what no small real file shows yet: text with no gap at all between two cells, and
text drawn on from a full cell over the row below.
"""

from __future__ import annotations

import pickle
from decimal import Decimal
from pathlib import Path

from src.model import paths
from src.storage.containers.pdf.layout import layout, straddled
from src.storage.containers.pdf.page import Straddling, _cells_of
from src.storage.containers.pdf.text import group_lines
from src.storage.containers.sheet_grid import Grid
from src.storage.infra.files import open_declaration
from src.storage.recognisers.project_table import import_project_table
from tests.data.pdf.make_borderless_pdfs import GLUED, HEADER, OVERLEAF, RIGHT_ALIGNED

DATA = Path(__file__).parent / "data" / "pdf"


def _amount(text: str) -> Decimal | None:
    return Decimal(text.replace(",", "")) if text else None


def _funds(project) -> list:
    return [project.funds.total, project.funds.fiscal, project.funds.special_account, project.funds.other]


def _expected_funds(row: list[str]) -> list:
    return [_amount(row[1]), _amount(row[3]), _amount(row[4]), _amount(row[5])]


# ---- real files -------------------------------------------------------------------------------

def test_an_amount_right_against_the_years_beside_it_is_read_apart():
    # 148.50 and 2024-2026 drawn 2 pt apart: two cells, not one text 148.502024-2026 in 实施周期 with 总计 empty;
    # and the amount, reaching past the middle between the labels 总计 and 实施周期, is 总计's.
    read = open_declaration(DATA / "borderless-amount-beside-years.pdf").declaration
    assert [p.name for p in read.projects] == [row[0] for row in GLUED]
    assert [p.period for p in read.projects] == [row[2] for row in GLUED]
    assert [_funds(p) for p in read.projects] == [_expected_funds(row) for row in GLUED]


def test_pages_that_repeat_no_header_keep_the_tables_columns():
    # A later page's columns are cut between its own rows' texts (no header there): its 财政拨款 must not land in
    # 财政专户拨款 because that page's column around it reaches from 实施周期 to 绩效目标.
    opened = open_declaration(DATA / "borderless-no-header-overleaf.pdf")
    read = opened.declaration
    assert [p.name for p in read.projects] == [row[0] for row in OVERLEAF]
    assert [_funds(p) for p in read.projects] == [_expected_funds(row) for row in OVERLEAF]
    assert [p.period for p in read.projects] == [row[2] for row in OVERLEAF]


def test_amounts_right_aligned_go_by_their_right_edge():
    # 财政拨款 wide, 财政专户拨款 narrow with a wider label: a short 财政拨款 right-aligned in its column has its middle
    # past the midway cut between the labels. The table shows it right-aligns its amounts (总计's of different
    # widths end at one x): each amount goes to the column its right edge is in.
    read = open_declaration(DATA / "borderless-amounts-right-aligned.pdf").declaration
    assert [_funds(p) for p in read.projects] == [_expected_funds(row) for row in RIGHT_ALIGNED]


# ---- characters as pdfplumber gives them ------------------------------------------------------

def _char(text: str, x0: float, top: float, seq: int, size: float = 10.0, width: float | None = None) -> dict:
    width = size if width is None else width
    return {"text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + size, "size": size,
            "fontname": "F", "seq": seq, "clip": None, "matrix": (1, 0, 0, 1, x0, top), "upright": True}


def _run(text: str, x0: float, top: float, seq: int, size: float = 10.0, gap: float = 0.0) -> list[dict]:
    """Digits and marks half a character wide, Chinese a whole one; gap: after every character."""
    chars, x = [], x0
    for i, ch in enumerate(text):
        width = size if ord(ch) >= 0x2E80 else size / 2
        chars.append(_char(ch, x, top, seq + i, size, width))
        x += width + gap
    return chars


def _header(top: float = 0.0) -> list[dict]:
    # 项目名称 | 总计 | 实施周期 | 财政拨款, labels centred over their columns
    return (_run("项目名称", 0, top, 0) + _run("总计", 70, top, 10) + _run("实施周期", 110, top, 20)
            + _run("财政拨款", 170, top, 30))


def test_digits_a_padding_apart_are_two_cells():
    # An amount right-aligned against the next cell's years, 2 pt apart (digits are set solid: no number has a
    # gap between two of its digits).
    chars = _header() + _run("经费", 0, 14, 40) + _run("148.50", 60, 14, 50) + _run("2024-2026", 92, 14, 60)
    _, table = layout(group_lines(chars))
    row = next(row for row in table.rows if "经费" in row)
    assert "148.50" in row and "2024-2026" in row


def test_text_standing_under_two_columns_labels_is_marked_as_a_guess():
    # The same cells set with no gap at all: one text, under the labels 总计 and 实施周期. Which column it is cannot
    # be told; it keeps its middle's, and says the other.
    chars = _header() + _run("经费", 0, 14, 40) + _run("148.502024-2026", 62, 14, 50)
    _, table = layout(group_lines(chars))
    row = next(row for row in table.rows if "经费" in row)
    glued = next(cell for cell in row if "148.50" in cell)
    assert isinstance(glued, Straddling)
    assert {row.index(glued), glued.beside} == {1, 2}
    others = [cell for row in table.rows for cell in row if isinstance(cell, Straddling) and cell is not glued]
    assert others == []  # the header and the other cells keep to their columns


def test_an_amount_between_two_columns_of_a_table_that_does_not_show_its_alignment_is_marked():
    # Every amount as wide as the others: right-, left- or centre-aligned cannot be told. An amount whose right
    # edge is 财政拨款's and whose middle is 财政专户拨款's keeps its middle's column, and says the other.
    chars = (_run("名称", 0, 0, 0) + _run("财政拨款", 40, 0, 10) + _run("财政专户拨款", 110, 0, 20)
             + _run("经费", 0, 14, 40) + _run("6.20", 88, 14, 50)      # ends before 财政专户拨款, middle past 95
             + _run("费用", 0, 28, 60) + _run("1.50", 88, 28, 70))
    _, table = layout(group_lines(chars))
    cells = [row[2] for row in table.rows[1:]]
    assert cells == ["6.20", "1.50"]
    assert all(isinstance(cell, Straddling) and cell.beside == 1 for cell in cells)


def test_a_marked_cell_survives_the_trip_from_the_reader_worker():
    cell = pickle.loads(pickle.dumps(Straddling("1,296.69", 4)))
    assert cell == "1,296.69" and isinstance(cell, Straddling) and cell.beside == 4


def test_a_short_amount_past_the_midway_cut_is_no_straddler():
    # A column's line in a borderless table is a guess (midway between two labels): an amount right-aligned in
    # a narrow column may cross it without running under the next column's label.
    bounds = [0.0, 95.0, 140.0]
    guides = [(70.0, 90.0), (110.0, 130.0)]
    assert straddled(88.0, 106.0, bounds, guides) is None
    assert straddled(80.0, 120.0, bounds, guides) == 0  # its middle is past the cut: the other is 总计's


def test_text_drawn_on_from_a_full_cell_over_the_cell_below_is_that_cells():
    # A long goal in a ruled cell merged across the table, in a row too low for it (LibreOffice, no clip): its
    # third line is drawn a line pitch under its second, inside the first cell of the row below. Drawn in one go
    # with the goal, it is the goal's (not the cell's below, which would be left with another's text and the
    # goal cut short); the goal is marked cut (the import says the print cut it).
    cells = [(0.0, 0.0, 100.0, 24.0), (0.0, 24.0, 40.0, 48.0), (40.0, 24.0, 100.0, 48.0)]
    lines = [(1, 0), (12, 10)]  # two full lines in the goal's cell, 11 pt apart: the page's line pitch
    goal = [char for top, seq in lines for char in _run("保障各项司法行政工作", 1, top, seq)]
    pitch = _run("甲", 300, 100, 60) + _run("乙", 300, 111, 61) + _run("丙", 300, 122, 62)  # other cells' lines
    third = _run("服务水平", 1, 23.5, 20)  # its middle lies in the row below
    placed, doubtful, cut = _cells_of(goal + third + pitch, cells)
    assert {char["text"] for char, cell in placed if cell == 0} >= set("服务水平")
    assert not any(cell == 1 for _, cell in placed)
    assert cut == {0} and doubtful == set()
    # The next row's own text begins a row's padding further down than a line pitch: its own cell's.
    next_row = _run("年度", 1, 27, 20)
    placed, doubtful, cut = _cells_of(goal + next_row + pitch, cells)
    assert {char["text"] for char, cell in placed if cell == 1} == set("年度")
    assert cut == set() and doubtful == set()


def test_cells_one_line_pitch_high_keep_their_own_text():
    # Rows exactly a line pitch high (a row too low, clipped): the next row's cell, drawn right after, begins a
    # line pitch down where the cell above's text begins, but as far under its own top border as that text is
    # under its own: each cell's own line, nothing going on.
    cells = [(0.0, 0.0, 100.0, 11.0), (0.0, 11.0, 100.0, 22.0), (0.0, 22.0, 100.0, 33.0)]
    names = _run("辅助办理案件", 1, 0.5, 0) + _run("个案服务", 1, 11.5, 10) + _run("验收合格率", 1, 22.5, 20)
    pitch = _run("甲", 300, 100, 60) + _run("乙", 300, 111, 61) + _run("丙", 300, 122, 62)
    placed, _, cut = _cells_of(names + pitch, cells)
    assert [{char["text"] for char, cell in placed if cell == n} for n in range(3)] == \
        [set("辅助办理案件"), set("个案服务"), set("验收合格率")]
    assert cut == set()


# ---- the project table's reader --------------------------------------------------------------

def _grid(*rows: list[object]) -> Grid:
    return Grid("第 1 页", [list(HEADER), *[list(row) for row in rows]])


def test_an_amount_over_two_columns_is_kept_and_noted_at_both():
    fiscal = Straddling("1,296.69", HEADER.index("财政专户拨款"))
    table = import_project_table(_grid(["信息化运维经费", "1,296.69", "2023-2025", fiscal, "", "", "保障运行。",
                                        "1、产出指标：数量指标：运维次数；实施周期指标值：12次；年度指标值：12次。"]))
    assert table.projects[0].funds.fiscal == Decimal("1296.69")
    notes = [note for note in table.notes if getattr(note, "location", None) == paths.field(paths.project(0), "funds.fiscal")]
    assert len(notes) == 1
    assert "财政拨款" in str(notes[0]) and "财政专户拨款" in str(notes[0]) and "信息化运维经费" in str(notes[0])


def test_an_amount_run_into_a_year_is_left_empty_with_a_note():
    table = import_project_table(_grid(["信息化运维经费", "148.502024", "-2026", "148.50", "", "", "保障运行。",
                                        "1、产出指标：数量指标：运维次数；实施周期指标值：12次；年度指标值：12次。"]))
    assert table.projects[0].funds.total is None
    assert any(getattr(note, "location", None) == paths.field(paths.project(0), "funds.total") for note in table.notes)


def test_years_with_an_amount_run_into_them_are_no_period():
    table = import_project_table(_grid(["信息化运维经费", "", "148.502024-2026", "148.50", "", "", "保障运行。",
                                        "1、产出指标：数量指标：运维次数；实施周期指标值：12次；年度指标值：12次。"]))
    assert table.projects[0].period is None
    assert any(getattr(note, "location", None) == paths.field(paths.project(0), "period") for note in table.notes)


def test_a_row_with_a_projects_cells_but_no_name_is_no_sum_row():
    # Its name joined to the row above by a reading (strips of columns whose rows differ, a merged cell): the row
    # is said with what it held and the project above named in full, not taken for a 合计 row and not silent.
    indicators = "1、产出指标：数量指标：运维次数；实施周期指标值：12次；年度指标值：12次。"
    table = import_project_table(_grid(
        ["信息化运维经费社区矫正补贴资金", "10.00", "2024", "10.00", "", "", "保障运行。", indicators],
        ["", "20.00", "2024", "20.00", "", "", "保障矫正。", indicators],
        ["", "30.00", "", "30.00", "", "", "", ""]))  # amounts alone: a sum row
    assert [p.name for p in table.projects] == ["信息化运维经费社区矫正补贴资金"]
    nameless = [note for note in table.notes if "第 3 行没有项目名称" in str(note)]
    assert len(nameless) == 1
    assert nameless[0].location == paths.project(0)
    assert "信息化运维经费社区矫正补贴资金" in str(nameless[0]) and "总计" in str(nameless[0])
    assert any("第 4 行是合计行" in str(note) for note in table.notes)
    assert not any("第 3 行是合计行" in str(note) for note in table.notes)


def test_a_table_without_its_indicator_column_says_so():
    # A strip of columns printed on pages that could not be joined (no ruling lines to match them by): the table
    # read has no 绩效指标, and the import says so rather than giving every project none in silence.
    grid = Grid("第 1 页", [["项目名称", "实施周期", "绩效目标"], ["信息化运维经费", "2024", "保障运行。"],
                           ["普法宣传经费", "2024", "开展普法。"]])
    table = import_project_table(grid)
    said = [note for note in table.notes if "没有“绩效指标”栏" in str(note)]
    assert len(said) == 1 and said[0].location == paths.indicators(paths.project(0)) and "2 个项目" in str(said[0])


def test_a_thousands_group_set_apart_stays_one_number():
    # A producer that sets a thousands group a little apart (12 296.69, no space drawn): one cell, one number.
    chars = _header() + _run("经费", 0, 14, 40) + _run("12", 61, 14, 50) + _run("296.69", 73, 14, 52)
    _, table = layout(group_lines(chars))
    row = next(row for row in table.rows if "经费" in row)
    assert "12296.69" in row and len([cell for cell in row if cell]) == 2


def test_rows_overleaf_place_an_amount_by_its_right_edge_as_the_first_page_does():
    # The table's columns (its header's labels 财政拨款 40–80, 财政专户拨款 110–170; cut midway at 95) and a row of a
    # later page: an amount ending at 108, before 财政专户拨款's label begins, its middle at 98 past the cut.
    from src.storage.containers.pdf.section import placed

    target, guides = [0.0, 30.0, 95.0, 200.0], [(0.0, 20.0), (40.0, 80.0), (110.0, 170.0)]
    row, extents, own = ["经费", "6.20"], [(0.0, 20.0), (88.0, 108.0)], [0.0, 50.0, 200.0]
    assert placed(row, extents, own, target, guides, right_aligned=True) == ["经费", "6.20", ""]
    unsure = placed(row, extents, own, target, guides, right_aligned=False)
    assert unsure == ["经费", "", "6.20"] and isinstance(unsure[2], Straddling) and unsure[2].beside == 1


def test_a_row_holding_only_a_merged_units_copy_is_no_nameless_project():
    indicators = "1、产出指标：数量指标：运维次数；实施周期指标值：12次；年度指标值：12次。"
    grid = Grid("第 1 页", [["项目名称", "预算单位", "总计", "绩效目标", "绩效指标"],
                           ["信息化运维经费", "区司法局本级", "10.00", "保障运行。", indicators],
                           ["", "区司法局本级", "", "", ""]])  # a blank row inside the unit's merged cell
    table = import_project_table(grid)
    assert any(str(note) == "第 3 行没有项目名称，已跳过" for note in table.notes)


def test_a_line_guessed_midway_through_a_header_label_moves_beside_it():
    """Seed 47's p040 as Calc printed it, no borders, fitted (tuning since read). The first page's amounts have nothing
    under 财政专户拨款 and an 其他资金 run up against the indicators' text, so the line cut midway between the row's
    texts fell inside the 财政专户拨款 label; the second page's 32.84 and 154.14, right-aligned under that label, were
    read as 其他资金, with no note. The line moves to the gap beside the label."""
    projects = open_declaration(DATA / "borderless-label-cut-by-a-midway-line.pdf").declaration.projects
    assert [(_funds(project)) for project in projects[17:19]] == [  # as the corpus's manifest has them
        [Decimal("5590.69"), Decimal("5557.85"), Decimal("32.84"), None],
        [Decimal("6848.24"), Decimal("6694.10"), Decimal("154.14"), None]]
    assert (projects[0].funds.special_account, projects[0].funds.other) == (None, Decimal("249.61"))  # page 1 kept


def test_a_page_going_on_with_a_data_row_puts_its_amounts_by_their_own_column():
    """Seed 49's p052 as Calc printed it, no borders, fitted (a fresh check, read afterwards: a tuning file). Page 2
    goes on without a header; its first row, a project's, has the most texts and gave the page its columns. It was
    taken for a header, and an 其他资金 161.49 right-aligned a padding short of the goal beside it was put under the
    goal's "label": read as the goal's first characters (161.49保障…), the amount missing. A row with an amount is data."""
    project = open_declaration(DATA / "borderless-page-going-on-with-a-data-row.pdf").declaration.projects[14]
    assert _funds(project) == [Decimal("39420.85"), Decimal("39259.36"), None, Decimal("161.49")]  # the manifest's
    assert project.goal == "保障各项司法行政工作顺利开展，提升公共法律服务水平，维护社会和谐稳定。"


def test_a_nameless_row_under_a_project_of_two_units_says_the_unit_may_be_joined_too():
    """Seed 50's p028 as a browser printed it (no borders, rows too low for their text; read afterwards): two projects'
    names and their units were read as one row, 法律援助经费法规咨询业务工作经费 of 区法律援助处广州市番禺区法规咨询办公室,
    the second's amounts on a row with no name nor unit. The note named the name only; the unit is as likely joined."""
    indicators = "1、产出指标：数量指标：运维次数；实施周期指标值：12次；年度指标值：12次。"
    header = [*HEADER[:1], "预算单位", *HEADER[1:]]
    rows = [["法律援助经费法规咨询业务工作经费", "区法律援助处广州市番禺区法规咨询办公室", "10.00", "2024", "10.00", "", "",
             "保障运行。", indicators], ["", "", "20.00", "2024", "20.00", "", "", "保障矫正。", indicators]]
    table = import_project_table(Grid("第 1 页", [header, *rows]))
    note = next(str(note) for note in table.notes if "第 3 行没有项目名称" in str(note))
    assert "预算单位“区法律援助处广州市番禺区法规咨询办公室”" in note and "法律援助经费法规咨询业务工作经费" in note
    rows[1][1] = "广州市番禺区法规咨询办公室"  # a unit of its own: only the name may be joined
    table = import_project_table(Grid("第 1 页", [header, *rows]))
    note = next(str(note) for note in table.notes if "第 3 行没有项目名称" in str(note))
    assert "预算单位“" not in note and "法律援助经费法规咨询业务工作经费" in note
