"""One PDF page (as pdfplumber parses it) → its text lines and tables, for table to join into grids.

A table's cells come from its ruling lines: borders drawn as lines, stroked rectangles or thin filled
rectangles (Qt draws each border as one); large filled rectangles are cell backgrounds and are left
out, or they would add a column at every padding. A table cut by the page end gets the border it lost.
A character drawn under the clip of a cell (clips.py: Excel and WPS clip each cell's text to its box) is that
cell's wherever it lies, above or below the box or off the page; a cell whose text the clip hid is marked
(ClippedText: the import notes that the printed table cut it); text drawn wholly outside a clip round other
text, above or below it, is not printed and no cell's (printed_or_cells). Other characters go to their cells in drawing
order (text that runs out of a row too low for it stays with its own cell). A page without ruling lines takes
its cells from the clips where every cell is clipped, else it is cut into cells by layout; its text is in text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Self

from ..sheet_grid import ClippedText
from .clips import clip_edges, cluster, lost_when_redrawn, mark_clips, outside_clip, printed_or_cells
from .rows import breaks_before
from .text import Line, group_lines, join_lines, line_pitch, mark_outlines, page_chars, pitch_of

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
    # A table without ruling lines (layout.py): each cell's text's x-range (None: empty), so that the rows of a
    # page continuing a table are put in its columns by where their text lies, not by this page's own columns.
    spans: list[list[tuple[float, float] | None]] | None = None
    headed: bool = False  # (layout.py) its columns were cut between the texts of its first row: a header's labels
    template: int = -1  # (layout.py) the row whose texts its columns were cut between (its first when headed)
    guides: list[tuple[float, float]] = field(default_factory=list)  # (layout.py) the x-ranges of the texts its
    # columns were cut between, one a column
    right_aligned: bool = False  # (layout.py) its amounts show they are right-aligned (layout.right_aligned)
    # (layout.py) the edges its texts line up on: (x, 1 for a left edge or -1 for a right one, the middle of the
    # column they are in), for the pages that continue it without a header (section.placed)
    edges: list[tuple[float, int, float]] = field(default_factory=list)
    # (ruled tables) how far each column's text begins below its row's top in the first rows (a few, for a header
    # repeated above them), and ends above the bottom in the last row (None: no text); the room left on the last
    # row's last line of each cell, in characters (ems; None: no text); the height of its lines. A row a word
    # processor split at the page's foot has its cut cells filled to the foot (continued.split_row). (layout.py)
    # The room as well, and last_gaps in lines above the last row's lowest text (continued.join_wrapped)
    head_gaps: list[list[float | None]] = field(default_factory=list)
    head_starts: list[list[list[tuple[str, float]]]] = field(default_factory=list)  # the same rows' cells' first
    # characters on their first line, each with its width in characters (ems), for what would have fitted above
    last_gaps: list[float | None] = field(default_factory=list)
    last_room: list[float | None] = field(default_factory=list)
    last_lines: list[int] = field(default_factory=list)  # (ruled tables) how many lines each cell of the last row has
    line_height: float = 0.0
    ys: list[float] = field(default_factory=list)  # its row borders as its cells give them (len = row count + 1)


class Straddling(str):
    """A cell's text in a table without ruling lines whose extent runs well over the line between two columns
    (two cells' text run together with no gap, or text off its column), or an amount between two columns whose
    alignment the table does not show (layout._amount_columns): which column it belongs to is a guess, made by
    its middle. beside: the other column's index. The recogniser says so where it reads the cell."""

    beside: int = -1

    def __new__(cls, text: str, beside: int) -> Self:
        value = super().__new__(cls, text)
        value.beside = beside
        return value

    def __getnewargs__(self) -> tuple[str, int]:  # pickled: the grids come back from the reader worker
        return str(self), self.beside


@dataclass
class PageContent:
    width: float
    height: float
    lines: list[Line]  # text outside the tables
    tables: list[Table]
    rules: list[tuple[float, float, float]]  # horizontal lines outside tables: (y, x0, x1)
    dropped_slanted: int = 0
    char_count: int = 0  # the characters read, in and outside the tables
    # those characters themselves: a ruled table printed in strips is placed by the text its pages share
    # (strip_ruled.py), cells' text among it
    chars: list[dict] = field(default_factory=list)
    # a page without ruling lines whose cells' text was cut, and what was cut left out (clips.lost_when_redrawn)
    lost_cut: bool = False


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
    if obj.get("outline"):  # a piece of a glyph's stroked outline (text.mark_outlines)
        return False
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
        for y in cluster([e[end] for e in vertical]):
            ending = [e for e in vertical if abs(e[end] - y) <= 2]
            if len(ending) < 2:
                continue
            x0, x1 = min(e["x0"] for e in ending), max(e["x1"] for e in ending)
            if any(abs((h["top"] + h["bottom"]) / 2 - y) <= 3 and h["x0"] <= x0 + 3 and h["x1"] >= x1 - 3 for h in horizontal):
                continue
            added.append({"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0})
    return added


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
    mark_clips(page)
    if body is not None:
        page = page.crop(body, relative=False, strict=False)
    chars, slanted = page_chars(page)
    mark_outlines(page, chars)
    x0, top, x1, bottom = body or (0.0, 0.0, width, height)
    # A cell's text may be drawn past the page's edge, under a clip of the cell: the clip says whose it is. The
    # editor's pages clip to their body as a whole, and what is outside it was printed on the next page as well.
    page_box = (x0, top, x1, bottom)
    # LibreOffice may lay a page out taller than its paper (a landscape sheet unfitted, its rows as on a portrait page):
    # the rows past the paper's foot are in the file, ruling lines and text, and nowhere else (the next page goes on
    # after them). Their text is kept for the table whose lines hold it (the import says the page runs past its foot)
    past_foot = [c for c in chars if body is None and (c["top"] + c["bottom"]) / 2 > bottom and c.get("clip") is None]
    chars = [c for c in chars if _within(c, page_box, clipped=body is None)]
    chars = printed_or_cells(chars)
    ruled = page.filter(lambda obj: obj.get("object_type") not in ("rect", "line", "curve") or is_rule(obj))
    edges = ruled.rects + ruled.lines
    found, cuts = [], []
    if 0 < len(edges) <= MAX_EDGES:
        cuts = _cut_edges(edges)
        found = ruled.find_tables({**_TABLE_SETTINGS, "explicit_horizontal_lines": cuts})
    found = [t for t in found if len(t.cells) >= 2]
    lost_cut = not found and lost_when_redrawn(chars)
    if not found:  # no ruling lines: the clips of a producer that clips every cell are its borders
        drawn = clip_edges(chars, width, height)
        if drawn:
            found = page.find_tables({**_TABLE_SETTINGS, "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                                      "explicit_vertical_lines": [e for e in drawn if e["width"] == 0],
                                      "explicit_horizontal_lines": [e for e in drawn if e["height"] == 0]})
            found = [t for t in found if len(t.cells) >= 2]
    boxes = [t.bbox for t in found]
    chars += [c for c in past_foot if any(_within(c, box, clipped=False) for box in boxes)]
    inside: list[list[dict]] = [[] for _ in found]
    outside: list[dict] = []
    clip_tables: dict[tuple, int | None] = {}  # a clip → the table with a cell it is (one look-up per clip)
    for char in chars:
        clip = char.get("clip")
        if clip is not None and clip not in clip_tables:
            clip_tables[clip] = next((n for n, table in enumerate(found) if _clip_cell(char, table.cells) is not None), None)
        number = clip_tables.get(clip) if clip is not None else None
        if number is None:
            number = next((n for n, box in enumerate(boxes) if _within(char, box, clipped=False)), None)
        (outside if number is None else inside[number]).append(char)
    outside, spilled = _spilled(chars, found, inside, outside)
    astray: list[dict] = []  # within a table's box, in none of its cells: text beside it, for strips/ to place
    tables = [_table(t, table_chars, astray, spill) for t, table_chars, spill in zip(found, inside, spilled)]
    outside.extend(astray)
    for table in tables:
        table.cut_bottom = any(abs(cut["top"] - table.bottom) <= 3 for cut in cuts)
    rules = []
    for obj in edges:
        if obj["height"] <= _THIN and obj["width"] > 3:
            y = (obj["top"] + obj["bottom"]) / 2
            if not any(x0 - 1 <= obj["x0"] and obj["x1"] <= x1 + 1 and top - 2 <= y <= bottom + 2
                       for x0, top, x1, bottom in boxes):
                rules.append((y, obj["x0"], obj["x1"]))
    return PageContent(width, height, group_lines(outside), tables, rules, slanted, len(chars), chars, lost_cut)


def _spilled(chars: list[dict], found: list, inside: list[list[dict]], outside: list[dict]
             ) -> tuple[list[dict], list[list[dict]]]:
    """The characters outside every table that are the text of a table's last row going on past its bottom border
    (a row too low for its text: LibreOffice draws the lines that begin inside the row, with no clip, the last past
    the border, and drops the rest): each drawn right after that row's text, in its cell's column, less than a line
    below the border. (The rest outside, those of each table.) Left outside, the line was read as a row of its own
    (a name's 经费（00004） as a unit's subtotal) or dropped, the cell read whole (seed 31's p034)."""
    spilled: list[list[dict]] = [[] for _ in found]
    if not found or not outside:
        return outside, spilled
    owner = {id(char): number for number, group in enumerate(inside) for char in group}
    columns: dict[int, tuple[float, float]] = {}  # a spilled character → the x-range of the cell it goes on from
    previous = None
    for char in sorted(chars, key=lambda c: c["seq"]):
        if id(char) not in owner and previous is not None and owner.get(id(previous)) is not None:
            from_number = owner[id(previous)]
            bottom = found[from_number].bbox[3]
            span = columns.get(id(previous)) or next(
                ((c0, c1) for c0, _, c1, c_bottom in found[from_number].cells
                 if c0 <= (previous["x0"] + previous["x1"]) / 2 <= c1 and abs(c_bottom - bottom) <= 1), None)
            middle = (char["x0"] + char["x1"]) / 2
            height = max(char["bottom"] - char["top"], 1.0)
            if span is not None and span[0] <= middle <= span[1] and bottom - 1 <= (char["top"] + char["bottom"]) / 2 \
                    and char["top"] <= bottom + height and not _between_tables(char, bottom, found):
                owner[id(char)] = from_number
                columns[id(char)] = span
                spilled[from_number].append(char)
        previous = char
    taken = {id(char) for group in spilled for char in group}
    kept = [char for char in outside if id(char) not in taken]
    return kept, spilled


def _between_tables(char: dict, bottom: float, found: list) -> bool:
    """Whether the character lies whole between a table's bottom border and the top border of a table right under
    it, across its x: a row of its own, drawn there (a row merged across a strip border has no side borders on
    this page, so pdfplumber finds no cell in it), not the row above running on. The drawing order does not tell:
    a PDF remade by cairo draws the row's text right after the cells above it, with no clip of its own."""
    middle = (char["x0"] + char["x1"]) / 2
    return any(x0 <= middle <= x1 and bottom - 1 <= top and char["bottom"] <= top + 1
               for x0, top, x1, _ in (table.bbox for table in found))


def _table(table, chars: list[dict], astray: list[dict], spill: list[dict] = ()) -> Table:
    """The table's grid and cells' text; characters in none of its cells go to astray (a cell merged across the
    page's edge into a strip printed on another page has no side border here, so pdfplumber finds no cell). spill:
    its last row's text drawn past its bottom border (_spilled), each character its cell's before it, cut."""
    cells = table.cells
    xs = cluster([x for cell in cells for x in (cell[0], cell[2])])
    ys = cluster([y for cell in cells for y in (cell[1], cell[3])])
    buckets: list[list[dict]] = [[] for _ in cells]
    overlapping = 0
    heights: list[float] = []
    placed, doubtful, cut = _cells_of(chars, cells)
    if spill:
        where = {id(char): number for char, number in placed}
        ordered = sorted([char for char, _ in placed] + list(spill), key=lambda c: c["seq"])
        for previous, char in zip(ordered, ordered[1:]):
            if id(char) not in where and where.get(id(previous)) is not None:
                where[id(char)] = where[id(previous)]
                placed.append((char, where[id(char)]))
                cut.add(where[id(char)])
    for char, number in placed:
        if number is not None:
            buckets[number].append(char)
        else:
            astray.append(char)
    ys = _text_rows(ys, [cell for cell, cell_chars in zip(cells, buckets) if cell_chars])
    rows: list[list[str]] = [[""] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    head_gaps: list[list[float | None]] = [[None] * (len(xs) - 1) for _ in range(min(HEAD_ROWS, len(ys) - 1))]
    head_starts: list[list[list[tuple[str, float]]]] = [[[] for _ in range(len(xs) - 1)] for _ in head_gaps]
    last_gaps: list[float | None] = [None] * (len(xs) - 1)
    last_room: list[float | None] = [None] * (len(xs) - 1)
    last_lines: list[int] = [0] * (len(xs) - 1)
    for number, ((x0, top, x1, bottom), cell_chars) in enumerate(zip(cells, buckets)):
        if not cell_chars:
            continue
        lines = group_lines(cell_chars)
        overlapped = any(_overlapping(line.chars) for line in lines)
        overlapping += overlapped or number in cut  # a cut cell's text runs on over the cells below
        pad = max(0.0, min(line.x0 for line in lines) - x0)
        text = join_lines(lines, (x1 - x0) - 2 * pad)
        c0, c1, r0, r1 = _index(xs, x0), _index(xs, x1), _index(ys, top), _index(ys, bottom)
        if number in cut or any(outside_clip(char) for char in cell_chars):  # the print cut it: the import says so
            text = ClippedText(text)
        elif overlapped or number in doubtful:  # drawn over other text: another cell's may be mixed in (or out)
            text = ClippedText(text, overlapped=True)
        for r in range(r0, max(r1, r0 + 1)):
            for c in range(c0, max(c1, c0 + 1)):
                rows[r][c] = text
        heights.extend(line.bottom - line.top for line in lines)
        last = max(lines, key=lambda line: line.bottom)
        size = max((char.get("size") or 0.0 for char in last.chars), default=0.0)
        for c in range(c0, max(c1, c0 + 1)):
            if r0 < len(head_gaps):
                first = min(lines, key=lambda line: line.top)
                head_gaps[r0][c] = max(0.0, first.top - top)
                head_starts[r0][c] = first_chars(first)
            if max(r1, r0 + 1) == len(ys) - 1:
                last_gaps[c] = max(0.0, bottom - last.bottom)
                last_room[c] = max(0.0, x1 - pad - last.x1) / size if size > 0 else None
                last_lines[c] = len(lines)
    heights.sort()
    return Table(table.bbox[1], table.bbox[3], xs, rows, overlapping=overlapping, head_gaps=head_gaps,
                 head_starts=head_starts, last_gaps=last_gaps, last_room=last_room, last_lines=last_lines,
                 line_height=heights[len(heights) // 2] if heights else 0.0, ys=ys)


def _text_rows(ys: list[float], text_cells: list[tuple]) -> list[float]:
    """The row borders less those that only empty cells draw while every cell with text runs across them. A
    browser prints a cell merged down over a page break (rowspan) as a box ending where its rows on that page
    end, which need not be where the other cells' rows do (the last row grown to its text, a merged cell's text
    drawn once): its lone bottom border would cut a row of the other cells in two, each half a copy of the
    same cells, read as the same row twice."""
    edges = {_index(ys, y) for cell in text_cells for y in (cell[1], cell[3])}
    crossed = {k for cell in text_cells for k in range(_index(ys, cell[1]) + 1, _index(ys, cell[3]))}
    return [y for k, y in enumerate(ys) if k not in crossed or k in edges]


def first_chars(line: Line) -> list[tuple[str, float]]:
    """A line's first characters, each with its width in characters (ems): what would have fitted on the last line
    of the page before (continued.first_word)."""
    return [(char["text"], (char["x1"] - char["x0"]) / char["size"]) for char in line.chars[:_START_CHARS]
            if char.get("size")]


_START_CHARS = 12  # a word of letters or digits longer than this is wider than any room at a line's end
HEAD_ROWS = 4  # the first rows whose text's distance from their top is kept (a repeated header above one)


# ---- clip paths: the cell that drew a character ----------------------------------------------

_CLIP_SLACK = 3.0  # a clip this far beyond a cell's box is still that cell's (its border's width, rounding)


def _within(char: dict, box: tuple, clipped: bool = True) -> bool:
    """Whether a character belongs in a box (the page): its clip lies in the box (it was drawn for something
    there, though it may run out of it), or its middle does. clipped=False: its middle only."""
    x0, top, x1, bottom = box
    clip = char.get("clip")
    if clipped and clip is not None and clip[0] >= x0 - _CLIP_SLACK and clip[2] <= x1 + _CLIP_SLACK and \
            clip[1] >= top - _CLIP_SLACK and clip[3] <= bottom + _CLIP_SLACK and (clip[2] - clip[0]) * (clip[3] - clip[1]) > 1:
        return True
    cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _clip_cell(char: dict, cells: list[tuple]) -> int | None:
    """The cell whose box the character's clip path is: an office suite clips each cell's text to its box, so
    text drawn past the box (a row too low for it) is still that cell's. None when the clip is not one cell's
    (a page-wide clip, a cell merged over a page break clipped to all of it, or none)."""
    clip = char.get("clip")
    if clip is None:
        return None
    cx, cy = (clip[0] + clip[2]) / 2, (clip[1] + clip[3]) / 2
    for number, (x0, top, x1, bottom) in enumerate(cells):
        if x0 <= cx < x1 and top <= cy < bottom:
            fits = clip[0] >= x0 - _CLIP_SLACK and clip[2] <= x1 + _CLIP_SLACK and \
                clip[1] >= top - _CLIP_SLACK and clip[3] <= bottom + _CLIP_SLACK
            return number if fits else None
    return None


def _cells_of(chars: list[dict], cells: list[tuple]) -> tuple[list[tuple[dict, int | None]], set[int], set[int]]:
    """Each character with the cell it belongs to, and the cells in doubt. A cell's text is drawn in one go,
    so characters are taken in drawing order as runs (the same line going on, or the next line after a full
    one, in the same column); a run belongs to the cell most of its lines lie well inside. That keeps the
    text of a row too low for it, which runs into the rows above or below, with its own cell; but the cells
    its lines lie in are in doubt (the import says so where it has no clip to go by). A run drawn right after
    another cell's, a line pitch under its last line where its lines begin and on or above its own cell's top
    border, is that text going on over the cells below (_wraps_on): it is the cell's above, and that cell is cut
    (the third set)."""
    def cell_at(x: float, y: float, margin: float = 0.0) -> int | None:
        return next((n for n, (x0, top, x1, bottom) in enumerate(cells)
                     if x0 <= x < x1 and top + margin <= y < bottom - margin), None)


    runs: list[tuple[tuple[float, float], list[dict]]] = []
    placed = []
    doubtful: set[int] = set()
    clip_cells: dict[tuple, int | None] = {}
    previous, previous_cell = None, None
    ordered: list[tuple[dict, int | None]] = []  # each character with the cell its clip says, or None
    for char in sorted(chars, key=lambda c: c["seq"]):
        clip = char.get("clip")
        if clip is not None and clip not in clip_cells:
            clip_cells[clip] = _clip_cell(char, cells)
        ordered.append((char, clip_cells.get(clip) if clip is not None else None))
    where = [cell_at((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2)
             if owner is None and not _clipped_beside(char, cell_at) else None for char, owner in ordered]
    cell_pitch = _cell_line_pitch(ordered, where)
    pitch = cell_pitch or line_pitch(chars)
    flowing: list[int] = []  # runs that go on from the run before, over other cells: one text
    offsets: list[float] = []  # how far under its cell's top border each run's first line begins
    # how far under its top border each cell's first run begins: where a cell's own first line lies, which a run
    # begun lower in the cell (a paragraph after a typed line break, drawn apart) does not show
    first_lines: dict[int, float] = {}
    for (char, owner), number in zip(ordered, where):
        if owner is not None:  # the clip says whose it is
            placed.append((char, owner))
            previous = None
            continue
        if number is None:  # in no cell: the table's caller places it (_table: astray)
            placed.append((char, None))
            continue
        column = (cells[number][0], cells[number][2])
        # A cell's text going on over the cells below runs over their borders too: a flowing run goes on along
        # its line, or to its next line a line pitch down where its lines begin, whatever cells it crosses.
        top = cells[number][1]
        own = first_lines.get(previous_cell, offsets[-1]) if runs else 0.0
        # where the run before began in its cell is a row's own first line too: a cell's first run may be the
        # text of the cell above going on into it, higher than the cell's own line (seed 46 p035)
        owns = (own, offsets[-1]) if runs else (own,)
        goes_on = previous is not None and runs and (
            (_runs_on(previous, char) or _wraps_on(previous, char, runs[-1], pitch, top, owns))
            if len(runs) - 1 in flowing
            else runs[-1][0] == column and _goes_on(previous, char, column, runs[-1][1], cell_pitch)
            and not (number != previous_cell
                     and any(abs(char["top"] - top - line) <= _OWN_LINE * (char["bottom"] - char["top"])
                             for line in owns))
            and not breaks_before(previous, char, number != previous_cell, (own, char["top"] - top)))
        if goes_on:
            runs[-1][1].append(char)
        elif runs and previous is not None and _wraps_on(previous, char, runs[-1], pitch, top, owns):
            flowing.append(len(runs))
            runs.append((runs[-1][0], [char]))  # the cell it comes from: its lines begin where this one does
            offsets.append(offsets[-1])
        else:
            runs.append((column, [char]))
            offsets.append(char["top"] - top)
            first_lines.setdefault(number, offsets[-1])
        previous, previous_cell = char, number
    owners: list[int | None] = []
    for _, run in runs:
        votes: dict[int, int] = {}
        first_vote = {}
        for line in group_lines(run):
            height = line.bottom - line.top
            number = cell_at((line.x0 + line.x1) / 2, (line.top + line.bottom) / 2, 0.2 * height)
            if number is not None:
                votes[number] = votes.get(number, 0) + 1
                first_vote.setdefault(number, len(first_vote))
        owners.append(max(votes, key=lambda n: (votes[n], -first_vote[n])) if votes else None)
        if len(votes) > 1:
            doubtful.update(votes)
    cut: set[int] = set()
    for index in flowing:  # the text of the cell above going on: its cell's, which the print cut short
        # (its lines may lie across the border, in neither cell: a last line half a line past the cell's foot)
        if owners[index - 1] is not None and owners[index - 1] != owners[index]:
            owners[index] = owners[index - 1]
            cut.add(owners[index])
    for index, source in _drawn_on(runs, owners, flowing):
        doubtful.update((owners[source], owners[index]))
        owners[index] = owners[source]
    for (_, run), owner in zip(runs, owners):
        if owner is not None:
            placed.extend((char, owner) for char in run)
        else:  # every line on a border: each character where it lies
            for char in run:
                number = cell_at((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2)
                placed.append((char, number))
    return placed, doubtful, cut


def _drawn_on(runs: list[tuple[tuple[float, float], list[dict]]], owners: list[int | None],
              flowing: list[int]) -> list[tuple[int, int]]:
    """Runs that are the text of a run before them going on over the cell below (each with that run), in rows
    exactly a line pitch high, where its next line lies where that cell's own first line does (_wraps_on cannot tell them): that cell's own text
    tells, beginning at the same place too. A cell's text is drawn once, so of two runs beginning at one place
    in one cell, the one drawn right after the cell above's text, on its next line where its lines begin, is
    that text's (seed 36 p057: two items a cell, each row's second item printed over the next row's first). The
    cell's own may be drawn before it: LibreOffice draws cells of one line first, wrapped ones after (seed 39's
    d010: a task's goal over the indicator table's header, 查（次数实）施≥周1次期…)."""
    begins: dict[int, list[tuple[int, float]]] = {}
    for index, ((_, run), owner) in enumerate(zip(runs, owners)):
        if owner is not None:
            begins.setdefault(owner, []).append((index, run[0]["top"]))
    found: dict[int, int] = {}
    for index in range(1, len(runs)):
        owner = owners[index]
        if index in flowing or owner is None:
            continue
        first = runs[index][1][0]
        size = max(first["bottom"] - first["top"], 1.0)
        if index - 1 in found and _runs_on(runs[index - 1][1][-1], first):
            source: int | None = found[index - 1]  # the same line going on into the next column
        else:
            source = _line_above(runs, index, size)
        if source is None or owners[source] in (None, owner):
            continue
        if any(other != index and abs(top - first["top"]) <= 0.35 * size for other, top in begins[owner]):
            found[index] = source
    return list(found.items())


def _line_above(runs: list[tuple[tuple[float, float], list[dict]]], index: int, size: float) -> int | None:
    """The run drawn just before runs[index] in its column (or in a cell merged over it) whose last line lies a line
    above its first, where its lines begin: the text it goes on. Runs between them lie on either of the two lines (a text over two columns
    is a run a column, and its lines are drawn in turn)."""
    first = runs[index][1][0]
    for source in range(index - 1, max(-1, index - 4), -1):
        last = runs[source][1][-1]
        (x0, x1), (left, right) = runs[source][0], runs[index][0]
        if x0 <= left + 1 and right <= x1 + 1:  # its column, or a cell merged over it
            if 0.5 * size <= first["top"] - last["top"] <= 1.8 * size and \
                    abs(first["x0"] - min(c["x0"] for c in runs[source][1])) <= size:
                return source
            return None
        on = runs[source][1][0]["top"]
        if abs(on - first["top"]) > 0.35 * size and abs(runs[source][1][-1]["top"] - on) > 0.35 * size:
            return None  # a run of more than one line between: another cell's text
    return None


def _clipped_beside(char: dict, cell_at) -> bool:
    """A character clipped to a row's part that is in none of the cells: a cell merged across the page's edge
    into a strip printed on another page, which has no side border here. Its text running over the rows below
    (a row too low for it) is not theirs."""
    clip = char.get("clip")
    if clip is None or clip[3] - clip[1] > _ROW_CLIP * max(char["bottom"] - char["top"], 1.0):
        return False
    return cell_at((clip[0] + clip[2]) / 2, (clip[1] + clip[3]) / 2) is None


_ROW_CLIP = 4.0  # of the text's height: a clip this low is one row's, not a page's or a tall merged cell's


def _cell_line_pitch(ordered: list[tuple[dict, int | None]], where: list[int | None]) -> float | None:
    """How far apart a cell's lines are drawn, as a share of the text's height, from the characters drawn one
    after the other inside one cell on consecutive lines (a wrapped cell); None when no cell on the page
    wraps. Not the page's most common step: in rows one line high, that is a row's height."""
    ratios = []
    for (one, _), (two, _), a, b in zip(ordered, ordered[1:], where, where[1:]):
        if a is None or a != b or two["text"] == " ":
            continue
        size = max(two["bottom"] - two["top"], 1.0)
        step = two["top"] - one["top"]
        if size <= step <= 1.8 * size:
            ratios.append(step / size)
    return pitch_of(ratios, 2)


def _runs_on(previous: dict, char: dict) -> bool:
    """Whether a character goes on along the line of the one before, set solid (no cell's padding between)."""
    size = max(char["bottom"] - char["top"], 1.0)
    same_line = abs((char["top"] + char["bottom"]) / 2 - (previous["top"] + previous["bottom"]) / 2) <= 0.35 * size
    return same_line and -0.5 * size <= char["x0"] - previous["x1"] <= 0.3 * size


def _wraps_on(previous: dict, char: dict, run: tuple[tuple[float, float], list[dict]], pitch: float | None,
              cell_top: float, owns: tuple[float, ...]) -> bool:
    """Whether a character drawn right after a run, in another cell, is the run's text going on: it begins the
    next line, a line pitch below, where the run's lines begin, and not where a cell's own first line begins
    (owns: as far under its top border as the run's first line, or its cell's first line, is under its cell's)
    but on or above the border.
    A long 绩效目标 in a row too low for it, drawn on over the row below with no clip (LibreOffice): by position
    the cell under it would get its last lines, and it would be cut short. Rows exactly a line pitch high tell
    nothing: each cell's own line lies where the text going on would. The run's last line need not be full: a
    line break typed in the text ends it anywhere."""
    if pitch is None:
        return False
    size = max(char["bottom"] - char["top"], 1.0)
    step = char["top"] - previous["top"]
    below = char["top"] - cell_top
    return abs(step - pitch * size) <= _PITCH_SLACK * size and below <= _PAST_BORDER * size and \
        all(abs(below - own) > _PAST_BORDER * size for own in owns) and \
        abs(char["x0"] - min(c["x0"] for c in run[1])) <= size


_OWN_LINE = 0.1  # of the text's height: a line in the next row this close to where the run began in its own row
# is that row's own first line (in rows one line high, a wrapped line would lie there too: the row tells no more)
_PITCH_SLACK = 0.06  # as layout's: a step this much past the line pitch is the next row's first line
_PAST_BORDER = 0.1  # of the text's height: a line beginning no further under a cell's top border is not its own


def _goes_on(previous: dict, char: dict, column: tuple[float, float], run: list[dict], pitch: float | None) -> bool:
    """Whether a character goes on the run before it: along its line, or on the next line after a full one, a
    line pitch down (the page's cells' wrapped lines are that far apart; the next row's first line, in rows one
    line high, lies a row's height down). A line is full when it reaches across the cell: a right-aligned amount
    reaches its right edge only (the amounts of the rows below are each one's own)."""
    size = max(char["bottom"] - char["top"], 1.0)
    step = char["top"] - previous["top"]
    if abs(step) <= 0.35 * size:
        return -0.5 * size <= char["x0"] - previous["x1"] <= 0.8 * size
    if not (0.5 * size <= step <= 1.8 * size and previous["x1"] >= column[1] - 2.5 * size):
        return False
    if pitch is not None and abs(step - pitch * size) > _PITCH_SLACK * size:
        return False
    start = min(c["x0"] for c in run if abs(c["top"] - previous["top"]) <= 0.35 * size)
    return start <= column[0] + max(2.5 * size, (column[1] - column[0]) / 2)  # wrapped after a full line


def _overlapping(chars: list[dict]) -> bool:
    """Text drawn over other text: a row too low for its wrapped text, whose lines run into the next."""
    visible = [c for c in chars if c["text"] != " "]
    return any(b["x0"] < a["x1"] - 0.5 * min(a["x1"] - a["x0"], b["x1"] - b["x0"]) for a, b in zip(visible, visible[1:]))
