"""The blocks of a page without ruling lines (layout.blocks) → its rows, and the cells whose text runs past its row.

Blocks whose first lines share a line, or that overlap, are a row; a row too low for its text lets a cell's lines
run on over the next row, whose cells still begin together (rows_of). A spreadsheet printed with rows too low for
their wrapped text draws a cell's lines as long as they begin inside its row and leaves out the rest: LibreOffice
writes no more of the text into the PDF, not even hidden, and with no row heights set it sets no clip either (a
row set lower than its text is clipped, its last line cut through: clips.hidden_in_part). So a cell whose text
runs past its row's bottom may have been cut there, and nothing in the PDF says whether more followed (run_past):
the import says so at the cell.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Protocol

from .text import group_lines


class Block(Protocol):
    """What the rows are made of: layout.Block, described here, not imported (layout imports this module)."""

    chars: list[dict]
    x0: float
    x1: float
    top: float
    bottom: float
    first: tuple[float, float]
    doubtful: bool
    split_at: float


def rows_of(found: list[Block]) -> list[list[Block]]:
    """Blocks top to bottom, a block joining the row above when it overlaps one of its blocks by half
    the lower of their heights (a row fitted a little short lets its text run a sliver into the next).
    But blocks that begin on one line begin a row of their own where one of them would take a column whose
    block in the row above began a line or more higher: a row too low for its text lets a cell's second
    line run over the next row's first, and that row's cells still begin together (names, units, amounts).
    A block beginning alone does so only under a block of one line (a label centred in cells merged down
    beside others is no row of its own)."""
    rows: list[list[Block]] = []
    for starting in _first_lines(found):
        if rows and _begins_row(starting, rows[-1]):
            rows.append(list(starting))
            continue
        for block in starting:
            if rows and any(_overlap(block, other) for other in rows[-1]):
                rows[-1].append(block)
            else:
                rows.append([block])
    return [sorted(row, key=lambda b: b.x0) for row in rows]


def _begins_row(starting: list[Block], row: list[Block]) -> bool:
    """Whether blocks whose first lines share a line begin a row below `row`: one of them is in the column of
    a block of the row that began a line or more higher (and, for a block alone, is one line high, or is drawn
    over one of its lines: the row above was too low for its text, which ran on over this one's; p029, a
    unit's row under a project whose name wraps). Text drawn over text is in doubt: both blocks say so."""
    for a in starting:
        for b in row:
            below = b.first[1] <= a.first[0] + 0.5 * (a.first[1] - a.first[0])
            if not (below and _same_column(a, b)):
                continue
            if len(starting) >= 2 or _one_line(b):
                return True
            if _collides(a, b):
                a.doubtful = b.doubtful = True
                return True
    return False


def _collides(a: Block, b: Block) -> bool:
    """Whether a's first line is drawn over a line of b's (overlapping by half its height, side by side)."""
    top, bottom = a.first
    first = [c for c in a.chars if c["top"] < bottom and c["bottom"] > top]
    if not first:
        return False
    x0, x1 = min(c["x0"] for c in first), max(c["x1"] for c in first)
    for line in group_lines(b.chars)[1:]:
        shared = min(bottom, line.bottom) - max(top, line.top)
        if shared > 0.5 * min(bottom - top, line.bottom - line.top) and min(x1, line.x1) - max(x0, line.x0) > 0:
            return True
    return False


def _first_lines(found: list[Block]) -> list[list[Block]]:
    """The blocks in groups whose first lines share a line, top to bottom."""
    groups: list[list[Block]] = []
    for block in sorted(found, key=lambda b: (b.first[0], b.top)):
        middle = (block.first[0] + block.first[1]) / 2
        height = block.first[1] - block.first[0]
        if groups:
            other = groups[-1][0]
            if abs(middle - (other.first[0] + other.first[1]) / 2) <= 0.35 * min(height, other.first[1] - other.first[0]):
                groups[-1].append(block)
                continue
        groups.append([block])
    return groups


def _same_column(a: Block, b: Block) -> bool:
    shared = min(a.x1, b.x1) - max(a.x0, b.x0)
    return shared > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)


def _overlap(a: Block, b: Block) -> bool:
    shared = min(a.bottom, b.bottom) - max(a.top, b.top)
    return shared > 0.5 * min(a.bottom - a.top, b.bottom - b.top)


def run_past(rows: list[list[Block]]) -> set[int]:
    """id() of the blocks of a table's rows (top to bottom) whose text runs past the bottom of their row, so that
    the print may have left out the rest of it: a block with a line drawn over the first line of a block of the
    next row in its column (a row is as high as to where the next begins; p025 of seed 27, a 绩效目标 cut at
    维护社会和谐稳 under the next project's), or, where the rows are all of one height (rows_height), a block
    reaching past that height below its row's top by half a line: a row above a unit's subtotal row, whose
    columns are empty there, and the table's last row, with no row under it to show where it ends."""
    cut: set[int] = set()
    for row, below in pairwise(rows):
        for block in row:  # a block of one line runs over nothing
            if not _one_line(block) and any(_collides(other, block) for other in below):
                cut.add(id(block))
    heights = sorted(block.first[1] - block.first[0] for row in rows for block in row)
    if not heights:
        return cut
    size = heights[len(heights) // 2]
    tops = _tops(rows)
    found = rows_height(tops, size)
    if found is not None:
        height, start = found
        for row, top in zip(rows[start:], tops[start:]):
            cut.update(id(block) for block in row if block.bottom > top + height + _SLIVER * size)
    return cut


def filling(rows: list[list[Block]]) -> set[int]:
    """id() of the blocks of two lines or more that leave no room for another line above the next row's top: in a
    table whose print shows rows too low for their text (run_past, a clip), such a cell may have lost lines the
    print left out whole, with nothing drawn past its row to show it (seed 33 p031, a goal cut after 维护 in a row
    two lines high)."""
    full: set[int] = set()
    for row, next_top in zip(rows, _tops(rows)[1:]):
        for block in row:
            size = block.first[1] - block.first[0]
            if not _one_line(block) and block.bottom + size > next_top:
                full.add(id(block))
    return full


def _one_line(block: Block) -> bool:
    """Whether the block is one line of text: its foot no lower than its first line's."""
    return block.bottom <= block.first[1] + 1


def _tops(rows: list[list[Block]]) -> list[float]:
    """Where each row begins: its highest first line."""
    return [min(block.first[0] for block in row) for row in rows]


_SLIVER = 0.5  # of a line's height: text reaching this far past its row runs on over the next
_SAME_HEIGHT = 0.15  # of a line's height: rows whose tops lie this close to one step apart are of one height
_FEW_ROWS = 4  # fewer rows than this show no common height


def rows_height(tops: list[float], size: float) -> tuple[float, int] | None:
    """The height the rows have, from the steps between their tops, when the rows from some row on (the body,
    under header rows set closer, a label centred over two) are all of one height: a sheet with no row heights set
    prints every row at the default height, whatever it holds. (height, the first of those rows), or None. A step
    of two rows or more is an empty row, left out of the page's text: no row is less than the common height."""
    steps = [b - a for a, b in pairwise(tops)]
    if len(steps) + 1 < _FEW_ROWS:
        return None
    height = sorted(steps)[len(steps) // 2]
    start = 1 + max((i for i, step in enumerate(steps) if step < height - _SAME_HEIGHT * size), default=-1)
    body = steps[start:]
    if len(body) + 1 < _FEW_ROWS:
        return None
    alike = sum(1 for step in body if step <= height + _SAME_HEIGHT * size)
    return (height, start) if alike >= 0.8 * len(body) else None


def breaks_before(previous: dict, char: dict, crossing: bool, offsets: tuple[float, float]) -> bool:
    """Whether a character beginning the next line in the cell under a run's (crossing a drawn row border: crossing)
    begins a text of its own, though the run's last line may look full: the cells have no top margin (Word's default:
    a cell's first line begins on its top border, the run's first line did so in its own cell) and the line begins on
    its cell's border just as the run's first line did (offsets: how far under their cells' tops the two begin). A
    word processor's row split at the page's foot goes on at the next page's top with the rest of a cell's text right
    above the next row's, drawn one after the other: a name's last line, then the next name."""
    size = max(char["bottom"] - char["top"], 1.0)
    if not crossing or abs(char["top"] - previous["top"]) <= 0.35 * size:
        return False
    return offsets[0] <= 0 and abs(offsets[1] - offsets[0]) <= _ON_BORDER * size


_ON_BORDER = 0.1  # of the text's height: a line this close to where a cell's first line begins is one
