"""A merged cell going on over a page break, as a word processor prints it: found by the borders drawn under the
next page's first rows (borders.drawn_borders), for table._add_table to carry its text down (continued.carry_merged);
one whose text the break split in two (rest_over_break); and one running from a page's rows past its foot, which
pdfplumber finds no cell for (merged_down).

"""

from __future__ import annotations

import re

from .continued import SAME_X, join_cut
from .page import Table


def merged_over_break(above: list[str], table: Table, columns: list[float], drawn: list[frozenset[int]] | None,
                      first: int, joined: int) -> dict[int, tuple[int | None, int | None]]:
    """A word processor draws every border at a page's foot, a merged cell's too, and prints a merged cell's text
    once, on its first page: the rest of the cell stands empty at the next page's top, with no border between the
    rows it covers (预算单位 merged down a unit's projects). Such an empty cell over two rows or more under a cell
    with text is that cell going on; one row high it cannot be told from an empty cell, and is left so. The columns
    (the section's) to carry down, with how many rows below the break each covers (carry_merged). first: the page's
    first row below its repeated header; joined: 1 when that row was the rest of the row above (join_split)."""
    if drawn is None or first >= len(table.rows):
        return {}
    carried: dict[int, tuple[int | None, int | None]] = {}
    for i in range(min(len(columns) - 1, len(above))):
        middle = (columns[i] + columns[i + 1]) / 2
        own = _column_of(table.columns, middle)
        if own is None or not above[i].strip() or table.rows[first][own].strip():
            continue
        run = _rows_under(drawn, own, first, len(table.rows))
        if run >= 2 and run - joined > 0:
            carried[i] = (run - joined, 0)
    return carried


def run_below(drawn: list[frozenset[int]] | None, own: list[float], middle: float, first: int, size: int) -> int | None:
    """How many rows from `first` down the cell at the top of a continued table's column runs (to the first
    border drawn under it), or None when its borders are not known."""
    column = _column_of(own, middle) if drawn is not None else None
    return None if column is None else _rows_under(drawn, column, first, size)


def _column_of(borders: list[float], middle: float) -> int | None:
    return next((c for c in range(len(borders) - 1) if borders[c] - SAME_X <= middle <= borders[c + 1] + SAME_X), None)


def _rows_under(drawn: list[frozenset[int]], column: int, first: int, size: int) -> int:
    """How many rows from `first` down the column's cell runs: to the first border drawn under it."""
    return min((b for b in drawn[column] if b > first), default=size) - first


def rest_over_break(rows: list[list[str]], tables: list[int | None], last: int, start: int,
                    columns: dict[int, tuple[int | None, int | None]]) -> None:
    """A cell cut open by the page break (no border at the page's foot: it goes on) with text on both sides: a
    browser or a word processor flows a tall cell's text over the break (a task's name and goal merged down its
    indicators, the break after its first one), its rest at the next page's top in the same cell. Both parts are
    the one cell's text: joined, into every row the cell covers on either side (as far as the drawn borders say,
    when known: columns as for continued.carry_merged; else as far as they hold the same part). last: the cell's
    last row before the break, start: its first after it."""
    table = tables[last]
    for column, (down, up) in columns.items():
        before, after = rows[last][column], rows[start][column]
        if not before.strip() or not after.strip() or before == after:
            continue  # carried by carry_merged, or a merged cell's text printed again on the new page
        joined = join_cut(before, after)
        for indices, part in ((range(last, -1, -1), before), (range(start, len(rows)), after)):
            taken = 0
            reach = up if part is before else down
            for index in indices:
                if tables[index] is None:
                    continue  # a line of text between the rows (a page's title)
                if tables[index] != table or (reach is not None and taken >= reach):
                    break
                # the cell's own copies; within the rows the drawn borders give it, its blank ones too
                if rows[index][column] != part and (reach is None or rows[index][column].strip()):
                    break
                rows[index][column] = joined
                taken += 1


_AMOUNT = re.compile(r"^[\d,.\s%‰+-]*$")  # no amount is merged down over rows: an empty cell under one stays empty
_DRAWN = 0.5  # of the table's columns: a row border drawn under this share of them at least is the rows' own


def merged_down(rows: list[list[str]], drawn: list[frozenset[int]] | None) -> list[list[str]]:
    """The rows with a merged cell's text in every row it covers on the page: a cell merged down over the page's
    foot has no bottom border there, and pdfplumber, which finds a cell by its four corners, finds none, the text
    going to its first row alone (a browser's print, 预算单位 merged down a unit's projects, the unit's last projects
    on the page read without it: seed 41's p056). Below a cell with text, an empty one with no border drawn between
    them, where the row border is drawn under most columns, is the same cell."""
    if drawn is None or not rows:
        return rows
    width = len(drawn)
    filled = [list(row) for row in rows]
    for border in range(1, len(rows)):
        under = [column for column in range(width) if border in drawn[column]]
        if len(under) < _DRAWN * width:
            continue  # no row border across the table here: the rows' own cells say nothing of merging
        for column in range(min(width, len(filled[border]), len(filled[border - 1]))):
            above = filled[border - 1][column]
            if border not in drawn[column] and above.strip() and not filled[border][column].strip() \
                    and not _AMOUNT.match(above):
                filled[border][column] = above
    return filled
