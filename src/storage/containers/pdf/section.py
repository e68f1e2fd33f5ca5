"""The pages of one printed form, joined: what table finds and the readers of pdf_forms and grid_import take; and
how a continued page's rows go into the section's columns (remap, widen), a page without ruling lines by where its
texts lie (placed, under_own_labels)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..sheet_grid import ClippedText, Grid
from .continued import SAME_X, widened
from .layout import SAME_EDGE, edge_column, is_amount, is_label, mark_straddling
from .page import Straddling, Table

FORM_TITLE = re.compile(r"绩效目标(?:申报)?表")


_MERGES_UNSEEN = "表格没有框线，看不出哪些单元格是合并的：合并单元格的文字只印了一次"

@dataclass
class Section:
    first_page: int
    last_page: int
    rows: list[list[str]] = field(default_factory=list)
    row_tables: list[int | None] = field(default_factory=list)  # which table each row came from
    headers: dict[tuple[str, ...], tuple[int, list[tuple[str, ...]], list[float]]] = field(default_factory=dict)
    lines_seen: set[str] = field(default_factory=set)
    columns: dict[int, list[float]] = field(default_factory=dict)  # each table's column borders, as widened
    last_table: tuple[int, list[float]] | None = None
    last_header: tuple[str, ...] | None = None
    last_open: list[tuple[float, float, int | None]] = field(default_factory=list)  # the last table's cells cut open
    # at the page end: (x0, x1, how many of its last rows the cut cell covers, None when not known)
    last_split: bool = False  # all of them: its last row was split by the page break
    # The last ruled table's columns and its last row's text ends (page.Table: last_gaps, last_room, line_height,
    # last_lines),
    # for a word processor's row split at the page's foot with every border drawn (continued.split_row)
    last_foot: tuple[list[float], list, list, float, list] | None = None
    # The last table without ruling lines: the room left on its last row's last lines, in the section's columns
    # (page.Table: last_room), where each of its texts begins with the column it was placed in, and how far each ends
    # above the row's lowest (page.Table: last_gaps), for a browser's row split at the page's foot
    # (continued.join_wrapped)
    last_ends: tuple[list[float | None], list[tuple[float, int]], list[float | None]] | None = None
    # Where the cells of the last table's last row begin (a table without ruling lines): the rest of a tall cell a
    # browser broke at the page's foot begins there on the next page (run_on.py, layout._rows_on_top)
    last_starts: list[float] = field(default_factory=list)
    asked: list[int] = field(default_factory=list)  # the pages whose first row may be the rest of a split row
    tables: int = 0
    # Rows read from a table without ruling lines (layout.py): a cell merged down several rows shows its text once,
    # with nothing to tell how far it reaches (a unit merged down its projects)
    borderless: bool = False
    # A table without ruling lines whose columns a header row gave → its labels' x-ranges (page.Table.guides) and
    # whether it right-aligns its amounts
    headed: dict[int, tuple[list[tuple[float, float]], bool]] = field(default_factory=dict)
    edges: dict[int, list[tuple[float, int, float]]] = field(default_factory=dict)  # each table's (page.Table.edges)
    from_text: set[int] = field(default_factory=set)  # the tables whose columns were cut where their text lies

    @property
    def name(self) -> str:
        if self.first_page == self.last_page:
            return f"第 {self.first_page} 页"
        return f"第 {self.first_page}–{self.last_page} 页"

    def grid(self) -> Grid:
        return Grid(self.name, self.rows, merges_lost=self.borderless, merges_why=_MERGES_UNSEEN)

    def title(self) -> str:
        return next((row[0] for row, table in zip(self.rows, self.row_tables)
                     if table is None and row and FORM_TITLE.search(row[0])), "")


def refine(section: Section, number: int, own: list[float]) -> None:
    """The table takes a page's columns (finer than its own, cut between its texts alone), the rows already read
    copying each cell into the columns it covers, as a merged cell is copied."""
    columns = section.columns[number]
    finer = sorted({*own[1:-1], min(columns[0], own[0]), max(columns[-1], own[-1])})
    for index, (row, table) in enumerate(zip(section.rows, section.row_tables)):
        if table == number:
            section.rows[index] = remap(row, columns, finer)
    section.columns[number] = finer


def widen(section: Section, number: int, own: list[float]) -> None:
    """A continued table drawn with a column border its first page does not have (the department form's
    indicator table splits the task table's last column in two): the table takes the finer columns, and
    the rows already read copy their cell into both halves, as a merged cell is copied."""
    columns = section.columns[number]
    finer = widened(columns, own)
    if finer == columns:
        return
    for index, (row, table) in enumerate(zip(section.rows, section.row_tables)):
        if table == number:
            section.rows[index] = remap(row, columns, finer)
    section.columns[number] = finer


def remap(row: list[str], own: list[float], target: list[float], spread: bool = True) -> list[str]:
    """A continued table's row in the columns of the table it continues (its columns may be drawn a
    little apart, or split where the first page's are not). With `spread`, a cell covering several target
    columns is copied into each, as a merged cell is; else it goes to the one its middle lies in."""
    if len(own) == len(target) and all(abs(a - b) <= SAME_X for a, b in zip(own, target)):
        return row
    result = [""] * (len(target) - 1)
    for column, text in enumerate(row[:len(own) - 1]):
        if not text:
            continue
        left, right = own[column], own[column + 1]
        covered = [i for i in range(len(target) - 1)
                   if spread and target[i] >= left - SAME_X and target[i + 1] <= right + SAME_X]
        if not covered:
            middle = (left + right) / 2
            index = next((i for i in range(len(target) - 1) if target[i] <= middle <= target[i + 1]), None)
            if index is None:
                index = min(range(len(target) - 1), key=lambda i: abs((target[i] + target[i + 1]) / 2 - middle))
            covered = [index]
        for index in covered:
            if text in result[index]:
                continue
            joined = f"{result[index]}{text}" if result[index] else text
            # Two of the row's own cells in one column, by their middles (a page without ruling lines cut between
            # its own texts, finer than the table it continues: 8 | 96 read as 896): one text, its doubt said
            result[index] = ClippedText(joined, overlapped=True) if result[index] and not spread else joined
    return result


def crowded(row: list[str], own: list[float], target: list[float]) -> bool:
    """Whether two of a row's texts, in two of its own columns, lie in one of the target columns (by their middles):
    remapped there, they would be read as one cell."""
    taken: set[int] = set()
    for column, text in enumerate(row[:len(own) - 1]):
        if not text:
            continue
        middle = (own[column] + own[column + 1]) / 2
        index = next((i for i in range(len(target) - 1) if target[i] <= middle <= target[i + 1]), None)
        if index in taken:
            return True
        if index is not None:
            taken.add(index)
    return False


def spread_apart(table: Table, target: list[float]) -> bool:
    """Whether the texts of the row a page's columns were cut between (page.Table.template) lie each in a column of
    its own of the target columns, by their middles: then the page's texts may be put where they lie."""
    if table.spans is None or table.template < 0:
        return False
    taken: set[int] = set()
    for text, extent in zip(table.rows[table.template], table.spans[table.template]):
        if not text or extent is None:
            continue
        middle = (extent[0] + extent[1]) / 2
        index = next((i for i in range(len(target) - 1) if target[i] <= middle < target[i + 1]), None)
        if index is None or index in taken:
            return False
        taken.add(index)
    return True


# ---- the rows of a page without ruling lines, in the columns of the table they continue ----------------

def split_by_labels(target: list[float], table: Table) -> list[float]:
    """A page without ruling lines that continues a table, its own columns cut between labels of its own below what
    it continues (the department form's indicator header under the task table it goes on with): where two of those
    labels would fall in one of the table's columns (实施周期指标值 and 年度指标值 under 期望达到的目标), the line
    its own columns have between them, for the table to take as widen takes a drawn one. Only labels (a line of a
    few characters, no digit) split a column: two texts of one cell set apart would split its text too."""
    lines = list(target)
    if not labels_row(table):
        return lines
    # the rows of labels: the one the page's columns were cut between, and any other of two labels or more (the
    # indicators' header under the tasks' on one page: a browser's print of seed 47's d024, 8 | 96 read as 896)
    rows = [table.template, *(r for r, row in enumerate(table.rows) if r != table.template and _labels(row, 2))]
    for r in rows:
        row, extents = table.rows[r], table.spans[r]
        placed: list[tuple[int, int]] = []  # (target column, own column) of each label
        for column, extent in enumerate(extents):
            if extent is None or not row[column]:
                continue
            middle = (extent[0] + extent[1]) / 2
            # a label right of the table's last border is in its last column: the page before ended its texts short
            # of where this one's go (Calc's strips joined: 年度指标值 beyond the budget grid's last amount, seed 45's
            # d007)
            index = next((i for i in range(len(target) - 1) if target[i] <= middle < target[i + 1]),
                         len(target) - 2 if middle >= target[-1] else None)
            if index is not None:
                placed.append((index, column))
        for (one, _), (two, right) in zip(placed, placed[1:]):
            line = table.columns[right]
            if one == two and target[one] + SAME_X < line < target[one + 1] - SAME_X and \
                    all(abs(line - seen) > SAME_X for seen in lines):
                lines.append(line)
    return sorted(lines)


def under_own_labels(row: list[str], table: Table, target: list[float]) -> list[str]:
    """A row under a page's own labels (a page without ruling lines continuing a table: labels_row), in the columns
    of the table it continues: each cell in the column its own column's label lies in (a cell of a column without a
    label, by its own column's middle). Its texts may lie off their labels (an amount right-aligned, a short 一级指标
    centred under a wide label), which the page's own columns, cut between the labels, allow for."""
    labels, extents = table.rows[table.template], table.spans[table.template]

    def column_at(x: float) -> int:
        return next((i for i in range(len(target) - 1) if target[i] <= x < target[i + 1]),
                    0 if x < target[0] else len(target) - 2)

    result: list[str] = [""] * (len(target) - 1)
    fallbacks: dict[int, int] = {}
    for column, text in enumerate(row):
        if not text:
            continue
        extent = extents[column] if column < len(extents) and labels[column] else None
        if extent is None:
            extent = (table.columns[column], table.columns[column + 1])
        index = column_at((extent[0] + extent[1]) / 2)
        _put_apart(result, index, text, column_at((table.columns[column] + table.columns[column + 1]) / 2), fallbacks)
    return result


def labels_row(table: Table) -> bool:
    """Whether a page's own columns (without ruling lines) were cut between labels: the row they were cut between
    holds only texts of a few characters on one line with no digit (实施周期指标值, not 2024-2026 or an amount)."""
    if table.spans is None or table.template < 0:
        return False
    return _labels(table.rows[table.template], 1)


def _labels(row: list[str], least: int) -> bool:
    """Whether a row holds `least` texts or more and only labels: a few characters on one line with no digit."""
    texts = [text for text in row if text]
    return len(texts) >= least and all(map(is_label, texts))


def placed(row: list[str], extents: list[tuple[float, float] | None], own: list[float], target: list[float],
            guides: list[tuple[float, float]], right_aligned: bool = False,
            edges: list[tuple[float, int, float]] = ()) -> list[str]:
    """A row of a page without ruling lines, which repeats no header, in the columns of the table it
    continues, each cell by where its text lies. Its own columns were cut midway between its own rows' texts,
    so one of them may reach over two of the table's: a 财政拨款 right-aligned under the middle of 财政拨款 and
    财政专户拨款 when the row has nothing between them. (A page that repeats the header has its columns cut
    between the header's labels, as the first page's were: its own columns are the better guide there.) Text
    over two of the table's columns is marked (Straddling) for the recogniser to say so; an amount goes by its
    right edge where the table right-aligns its amounts, and is marked where its edge and middle disagree
    otherwise, as on the first page (layout._amount_columns). A text beginning (or ending) where the first page's
    texts of a column line up (edges: layout._edge_columns) is that column's, if it is the next to its middle's: a
    short unit name left-aligned under a wide 项目名称, its middle on the 序号 side."""
    def column_at(x: float) -> int:
        return next((i for i in range(len(target) - 1) if target[i] <= x < target[i + 1]),
                    0 if x < target[0] else len(target) - 2)

    result: list[str] = [""] * (len(target) - 1)
    fallbacks: dict[int, int] = {}
    for column, (text, extent) in enumerate(zip(row, extents)):
        if not text:
            continue
        if extent is None:
            extent = (own[column], own[column + 1])
        middle = (extent[0] + extent[1]) / 2
        index = column_at(middle)
        lined = next((column_at(middle_x) for x, step, middle_x in edges
                      if abs((extent[0] if step == 1 else extent[1]) - x) <= SAME_EDGE), None)
        if lined is not None and abs(lined - index) == 1:
            index = lined
        by_edge = edge_column(extent[1], target, guides) if is_amount(text) else None
        if by_edge is not None and by_edge != index and right_aligned:
            index = by_edge
        if by_edge is not None and by_edge != index and not isinstance(text, ClippedText):
            text = Straddling(str(text), by_edge)
        else:
            text = mark_straddling(text, extent, target, guides)  # afresh: a mark of its own page's columns goes
        _put_apart(result, index, text, column_at((own[column] + own[column + 1]) / 2), fallbacks)
    return result


def _put_apart(result: list[str], index: int, text: str, own_index: int, fallbacks: dict[int, int]) -> None:
    """A text of one of a continued page's own columns put in the table's column `index`: where the cell of
    another of its own columns is there already (two of its cells where the table has one column: 本年 under the
    department form's wide label column, beside the task's name), one of the two goes to the column its own column's
    middle lies in if that one is free; else they are joined with the doubt said (the recogniser notes it): two
    cells' texts read as one. fallbacks: each filled column's text's own column's (own_index of what is there)."""
    if not result[index]:
        result[index], fallbacks[index] = text, own_index
        return
    if text in result[index]:
        return
    there = fallbacks.get(index, index)
    if own_index != index and 0 <= own_index < len(result) and not result[own_index]:
        result[own_index], fallbacks[own_index] = text, own_index
    elif there != index and 0 <= there < len(result) and not result[there]:
        result[there], fallbacks[there] = result[index], there
        result[index], fallbacks[index] = text, own_index
    else:
        result[index] = ClippedText(f"{result[index]}{text}", overlapped=True)
