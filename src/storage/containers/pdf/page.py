"""One PDF page (as pdfplumber parses it) → its text lines and tables, for table to join into grids.

A table's cells come from its ruling lines: borders drawn as lines, stroked rectangles or thin filled
rectangles (Qt draws each border as one); large filled rectangles are cell backgrounds and are left
out, or they would add a column at every padding. A table cut by the page end gets the border it lost.
Characters go to their cells in drawing order (text that runs out of a row too low for it stays with
its own cell). A page without ruling lines is cut into cells by layout; its text is in text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import Line, group_lines, join_lines, page_chars

_THIN = 2.0  # a filled rectangle at most this thick is a ruling line
_WHITE = 0.95


@dataclass
class Table:
    top: float
    bottom: float
    columns: list[float]  # the x boundaries of its columns, left to right (len = column count + 1)
    rows: list[list[str]]  # every cell's text in every position it covers (merged cells copied)
    overlapping: int = 0  # cells whose text runs over other text
    cut_bottom: bool = False  # its last row has no bottom border: the page cut it, it goes on overleaf


@dataclass
class PageContent:
    width: float
    height: float
    lines: list[Line]  # text outside the tables
    tables: list[Table]
    rules: list[tuple[float, float, float]]  # horizontal lines outside tables: (y, x0, x1)
    dropped_slanted: int = 0
    char_count: int = 0  # the characters read, in and outside the tables


# ---- ruling lines and tables -----------------------------------------------------------------

def _whiteish(color) -> bool:
    if color is None:
        return False
    values = color if isinstance(color, (tuple, list)) else (color,)
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return False
    if len(values) == 4:  # CMYK: white is no ink
        return all(v <= 1 - _WHITE for v in values)
    return all(v >= _WHITE for v in values)


def is_rule(obj: dict) -> bool:
    """Whether a drawn object can be a cell border."""
    kind = obj.get("object_type")
    if kind == "line":
        return not _whiteish(obj.get("stroking_color"))
    if kind == "rect":
        if obj.get("stroke") and not _whiteish(obj.get("stroking_color")):
            return True
        thin = min(obj["width"], obj["height"]) <= _THIN
        return bool(obj.get("fill")) and thin and not _whiteish(obj.get("non_stroking_color"))
    return False


_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3,
                   "join_tolerance": 3, "intersection_tolerance": 3, "edge_min_length": 3}
MAX_EDGES = 4000  # a page drawn with more lines than this is a drawing, not a table: its text is read by position


def _cut_edges(edges: list[dict]) -> list[dict]:
    """Where a table runs off the page, its cells lose their bottom (or top) border: a horizontal line
    drawn where two or more vertical borders end together with no horizontal border there."""
    vertical = [e for e in edges if e["width"] <= _THIN and e["height"] > 3]
    horizontal = [e for e in edges if e["height"] <= _THIN and e["width"] > 3]
    added = []
    for end in ("top", "bottom"):
        for y in _cluster([e[end] for e in vertical]):
            ending = [e for e in vertical if abs(e[end] - y) <= 2]
            if len(ending) < 2:
                continue
            x0, x1 = min(e["x0"] for e in ending), max(e["x1"] for e in ending)
            if any(abs((h["top"] + h["bottom"]) / 2 - y) <= 3 and h["x0"] <= x0 + 3 and h["x1"] >= x1 - 3 for h in horizontal):
                continue
            added.append({"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0})
    return added


def _cluster(values: list[float], tolerance: float = 2.0) -> list[float]:
    result: list[float] = []
    for value in sorted(values):
        if result and value - result[-1] <= tolerance:
            continue
        result.append(value)
    return result


def _index(bounds: list[float], value: float) -> int:
    best = min(range(len(bounds)), key=lambda i: abs(bounds[i] - value))
    return best


def editor_body(page) -> tuple[float, float, float, float] | None:
    """The body of a page this editor printed: under the rule below its header line, as far above the
    page's foot (src/render/printing.py paints header and footer bands alike). Qt clips the forms to it but
    still writes the text of a row that runs past the page, above or below, into the PDF."""
    width, height = float(page.width), float(page.height)
    rules = [line["top"] for line in page.lines if line["top"] < height * 0.15 and line["x1"] - line["x0"] > width * 0.5]
    if not rules:
        return None
    top = max(rules) + 1
    return (0.0, top, width, height - top)


def read_page(page, body: tuple[float, float, float, float] | None = None) -> PageContent:
    """body: the part of the page that shows (editor_body), or None for all of it."""
    width, height = float(page.width), float(page.height)
    if body is not None:
        page = page.crop(body, relative=False, strict=False)
    chars, slanted = page_chars(page)
    x0, top, x1, bottom = body or (0.0, 0.0, width, height)
    chars = [c for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom]
    ruled = page.filter(lambda obj: obj.get("object_type") not in ("rect", "line", "curve") or is_rule(obj))
    edges = ruled.rects + ruled.lines
    found, cuts = [], []
    if 0 < len(edges) <= MAX_EDGES:
        cuts = _cut_edges(edges)
        found = ruled.find_tables({**_TABLE_SETTINGS, "explicit_horizontal_lines": cuts})
    found = [t for t in found if len(t.cells) >= 2]
    boxes = [t.bbox for t in found]
    inside: list[list[dict]] = [[] for _ in found]
    outside: list[dict] = []
    for char in chars:
        cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        for number, (x0, top, x1, bottom) in enumerate(boxes):
            if x0 <= cx <= x1 and top <= cy <= bottom:
                inside[number].append(char)
                break
        else:
            outside.append(char)
    tables = [_table(t, table_chars) for t, table_chars in zip(found, inside)]
    for table in tables:
        table.cut_bottom = any(abs(cut["top"] - table.bottom) <= 3 for cut in cuts)
    rules = []
    for obj in edges:
        if obj["height"] <= _THIN and obj["width"] > 3:
            y = (obj["top"] + obj["bottom"]) / 2
            if not any(x0 - 1 <= obj["x0"] and obj["x1"] <= x1 + 1 and top - 2 <= y <= bottom + 2
                       for x0, top, x1, bottom in boxes):
                rules.append((y, obj["x0"], obj["x1"]))
    return PageContent(width, height, group_lines(outside), tables, rules, slanted, len(chars))


def _table(table, chars: list[dict]) -> Table:
    cells = table.cells
    xs = _cluster([x for cell in cells for x in (cell[0], cell[2])])
    ys = _cluster([y for cell in cells for y in (cell[1], cell[3])])
    rows: list[list[str]] = [[""] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    buckets: list[list[dict]] = [[] for _ in cells]
    overlapping = 0
    for char, number in _cells_of(chars, cells):
        buckets[number].append(char)
    for (x0, top, x1, bottom), cell_chars in zip(cells, buckets):
        if not cell_chars:
            continue
        lines = group_lines(cell_chars)
        overlapping += any(_overlapping(line.chars) for line in lines)
        pad = max(0.0, min(line.x0 for line in lines) - x0)
        text = join_lines(lines, (x1 - x0) - 2 * pad)
        c0, c1, r0, r1 = _index(xs, x0), _index(xs, x1), _index(ys, top), _index(ys, bottom)
        for r in range(r0, max(r1, r0 + 1)):
            for c in range(c0, max(c1, c0 + 1)):
                rows[r][c] = text
    return Table(table.bbox[1], table.bbox[3], xs, rows, overlapping=overlapping)


def _cells_of(chars: list[dict], cells: list[tuple]) -> list[tuple[dict, int]]:
    """Each character with the cell it belongs to. A cell's text is drawn in one go, so characters are
    taken in drawing order as runs (the same line going on, or the next line after a full one, in the
    same column); a run belongs to the cell most of its lines lie well inside. That keeps the text of
    a row too low for it, which runs into the rows above or below, with its own cell."""
    def cell_at(x: float, y: float, margin: float = 0.0) -> int | None:
        return next((n for n, (x0, top, x1, bottom) in enumerate(cells)
                     if x0 <= x < x1 and top + margin <= y < bottom - margin), None)

    runs: list[tuple[tuple[float, float], list[dict]]] = []
    previous = None
    for char in sorted(chars, key=lambda c: c["seq"]):
        number = cell_at((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2)
        if number is None:
            continue
        column = (cells[number][0], cells[number][2])
        if runs and previous is not None and runs[-1][0] == column and _goes_on(previous, char, column[1]):
            runs[-1][1].append(char)
        else:
            runs.append((column, [char]))
        previous = char
    placed = []
    for _, run in runs:
        votes: dict[int, int] = {}
        first_vote = {}
        for line in group_lines(run):
            height = line.bottom - line.top
            number = cell_at((line.x0 + line.x1) / 2, (line.top + line.bottom) / 2, 0.2 * height)
            if number is not None:
                votes[number] = votes.get(number, 0) + 1
                first_vote.setdefault(number, len(first_vote))
        if votes:
            owner = max(votes, key=lambda n: (votes[n], -first_vote[n]))
            placed.extend((char, owner) for char in run)
        else:  # every line on a border: each character where it lies
            for char in run:
                number = cell_at((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2)
                placed.append((char, number))
    return placed


def _goes_on(previous: dict, char: dict, right: float) -> bool:
    size = max(char["bottom"] - char["top"], 1.0)
    step = char["top"] - previous["top"]
    if abs(step) <= 0.35 * size:
        return -0.5 * size <= char["x0"] - previous["x1"] <= 0.8 * size
    return 0.5 * size <= step <= 1.8 * size and previous["x1"] >= right - 2.5 * size  # wrapped after a full line


def _overlapping(chars: list[dict]) -> bool:
    """Text drawn over other text: a row too low for its wrapped text, whose lines run into the next."""
    visible = [c for c in chars if c["text"] != " "]
    return any(b["x0"] < a["x1"] - 0.5 * min(a["x1"] - a["x0"], b["x1"] - b["x0"]) for a, b in zip(visible, visible[1:]))
