"""A page whose table has no ruling lines → its cells, from the text's positions and drawing order.

Office suites and Qt draw a table one cell at a time, so the characters of one cell follow one another
in the page's content: a run of characters that goes on along its line, or down to the next line near
the same left edge, is one cell's text (a block). Blocks that overlap vertically (by half a line or more) share a row (a name
centred in a tall row overlaps the top-aligned goal beside it), and the row with the most blocks (the
header, as a rule) gives the columns, cut midway between its blocks. Where rows touch with no gap at
all, as LibreOffice prints rows fitted to their text, only the drawing order tells the cells apart.

Limits: a cell merged down over several rows joins them into one; a producer that draws text line by
line across the whole table (not cell by cell) gives one block per line, read as a row each.
"""

from __future__ import annotations

from dataclasses import dataclass

from .page import Table
from .text import Line, group_lines, join_lines


@dataclass
class Block:
    chars: list[dict]
    x0: float
    x1: float
    top: float
    bottom: float

    def add(self, char: dict) -> None:
        self.chars.append(char)
        self.x0, self.x1 = min(self.x0, char["x0"]), max(self.x1, char["x1"])
        self.top, self.bottom = min(self.top, char["top"]), max(self.bottom, char["bottom"])

    def text(self) -> str:
        return join_lines(group_lines(self.chars))


def blocks(chars: list[dict]) -> list[Block]:
    """Characters in drawing order (their "seq") → the blocks of text drawn together."""
    found: list[Block] = []
    current: Block | None = None
    previous: dict | None = None
    for char in sorted(chars, key=lambda c: c["seq"]):
        if char["text"] == " ":
            if current is not None:
                previous = char
            continue
        if current is not None and previous is not None and _continues(current, previous, char):
            current.add(char)
        else:
            current = Block([char], char["x0"], char["x1"], char["top"], char["bottom"])
            found.append(current)
        previous = char
    return found


def _continues(block: Block, previous: dict, char: dict) -> bool:
    size = max(char["bottom"] - char["top"], previous["bottom"] - previous["top"], 1.0)
    same_line = abs((char["top"] + char["bottom"]) / 2 - (previous["top"] + previous["bottom"]) / 2) <= 0.35 * size
    if same_line:
        return -0.5 * size <= char["x0"] - previous["x1"] <= 0.8 * size
    step = char["top"] - previous["top"]
    # the next line of the same cell: just below, starting within the block's width
    return 0.5 * size <= step <= 1.8 * size and block.x0 - 2 * size <= char["x0"] <= block.x1 + 0.5 * size


def layout(lines: list[Line]) -> tuple[list[Line], Table | None]:
    """The page's lines (headers and footers taken away) → the lines above the table, and the table."""
    chars = [c for line in lines for c in line.chars]
    rows = _rows(blocks(chars))
    first = next((i for i, row in enumerate(rows) if len(row) >= 2), None)
    if first is None:
        return lines, None
    above_chars = [c for row in rows[:first] for block in row for c in block.chars]
    template = max(rows[first:], key=len)
    bounds = [template[0].x0 - 1]
    for left, right in zip(template, template[1:]):
        bounds.append((left.x1 + right.x0) / 2)
    bounds.append(max(block.x1 for row in rows[first:] for block in row) + 1)
    bounds[0] = min(bounds[0], min(block.x0 for row in rows[first:] for block in row) - 1)
    grid: list[list[str]] = []
    for row in rows[first:]:
        cells = [""] * (len(bounds) - 1)
        for block in row:
            middle = (block.x0 + block.x1) / 2
            column = next((i for i in range(len(bounds) - 1) if bounds[i] <= middle < bounds[i + 1]), len(bounds) - 2)
            text = block.text()
            cells[column] = f"{cells[column]}{text}" if cells[column] else text
        grid.append(cells)
    table = Table(min(b.top for b in rows[first]), max(b.bottom for row in rows[first:] for b in row), bounds, grid)
    return group_lines(above_chars), table


def _rows(found: list[Block]) -> list[list[Block]]:
    """Blocks top to bottom, a block joining the row above when it overlaps one of its blocks by half
    the lower of their heights (a row fitted a little short lets its text run a sliver into the next)."""
    rows: list[list[Block]] = []
    for block in sorted(found, key=lambda b: b.top):
        if rows and any(_overlap(block, other) for other in rows[-1]):
            rows[-1].append(block)
        else:
            rows.append([block])
    return [sorted(row, key=lambda b: b.x0) for row in rows]


def _overlap(a: Block, b: Block) -> bool:
    shared = min(a.bottom, b.bottom) - max(a.top, b.top)
    return shared > 0.5 * min(a.bottom - a.top, b.bottom - b.top)
