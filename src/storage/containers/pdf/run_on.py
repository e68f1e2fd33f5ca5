"""The rest of a table's last row at the top of the next page, where nothing else of the table stands there.

A browser (and any producer that grows rows to their text) breaks a tall row at the page's foot and prints
the rest of its cells at the next page's top; when only one cell was left over (a project's long indicator
text), that page shows one column of text and no other, so the layout finds no table on it (it needs two
cells side by side) and each line would become a row of its own, after the table and cut from it. Lines
at the page's top that begin where a cell of the row the page before ended in began are that cell's
text: one row of the table, put in the column where its text lies (section.placed); the import joins it
to the row above and says so (a row with no name, 跨页断开的一行).
"""

from __future__ import annotations

import re

from .page import Table
from .text import Line, join_lines

# A note under the table, not a cell's rest (注：…, 说明：…, 填报单位：…; a cell's text may begin 注重…)
FOOTNOTE = re.compile(r"^\s*(?:注\s*[:：\d]|(?:说明|备注|附注)\s*[:：]|填报(?:单位|人|日期)|填表(?:人|日期))")
_PAST_BORDER = 3.0  # pt: a line this far past the table's border still stands in it (its text's own side bearings)
_SAME_START = 1.5  # pt: the lines of one left-aligned cell, on both pages, begin this close


def run_on_row(lines: list[Line], columns: list[float], left_edges: list[float]) -> tuple[Table | None, list[Line]]:
    """The leading lines of one cell (lined up on the left edge a cell of the row before began on, inside the table
    `columns` bound) as a one-row table of one column, to be put in the table's columns by where its text lies
    (section.placed), and the rest."""
    if not lines or FOOTNOTE.match(lines[0].text) or not begins_at(lines[0].x0, left_edges):
        return None, lines
    edge = lines[0].x0
    taken = 0
    while taken < len(lines) and abs(lines[taken].x0 - edge) <= _SAME_START and \
            columns[0] - _PAST_BORDER <= lines[taken].x0 and lines[taken].x1 <= columns[-1] + _PAST_BORDER:
        taken += 1
    if not taken:
        return None, lines
    held = lines[:taken]
    x0, x1 = min(line.x0 for line in held), max(line.x1 for line in held)
    text = join_lines(held, x1 - x0)
    table = Table(held[0].top, held[-1].bottom, [x0 - 1, x1 + 1], [[text]], spans=[[(x0, x1)]])
    return table, lines[taken:]


def begins_at(x0: float, left_edges: list[float]) -> bool:
    """A text beginning where a cell of the row the page before ended in began: that cell's rest."""
    return any(abs(x0 - x) <= _SAME_START for x in left_edges)
