"""A page whose table has no ruling lines → its cells, from the text's positions and drawing order.

Office suites and Qt draw a table one cell at a time, so the characters of one cell follow one another
in the page's content: a run of characters that goes on along its line, or down to the next line near
the same left edge, is one cell's text (a block); characters under one clip are one block whatever their
places. Blocks that overlap vertically (by half a line or more) share a row (a name centred in a tall row
overlaps the top-aligned goal beside it), unless they begin a line or more below a block of their column
(a row too low for its text runs into the next, whose cells begin together), and the row with the most
blocks (the header, as a rule) gives the columns, cut midway between its blocks. Where rows touch with no
gap at all, as LibreOffice prints rows fitted to their text, only the drawing order tells the cells apart.
Drawing order alone would join two cells drawn one after the other: the next line is a cell's only when it
lies a line pitch below (line_pitch: rows lie further apart, by the cells' padding), and a gap beside a
Chinese character after text set solid is the padding between two cells (then a column border, too). A
block drawn over a line of the block above it in its column begins a row, and both are noted as in doubt.
The midway cuts are guesses: texts lined up on one edge are one column's, whatever side of a cut their middle
lies (_edge_columns), and a cell whose text is drawn past the clip of its row, or cut through by it, or that runs
past its row with no clip at all (rows.run_past; a row too low for it) is marked as cut by the print.

Limits: a cell merged down over several rows joins them into one; a producer that draws text line by
line across the whole table (not cell by cell) gives one block per line, read as a row each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clips import hidden_in_part
from .page import HEAD_ROWS, Straddling, Table, first_chars, outside_clip
from .rows import filling, rows_of, run_past
from .run_on import begins_at
from .text import Line, cell_clip, group_lines, join_lines, line_pitch
from ..sheet_grid import ClippedText


@dataclass
class Block:
    chars: list[dict]
    x0: float
    x1: float
    top: float
    bottom: float
    first: tuple[float, float] = (0.0, 0.0)  # the top and bottom of its first line (its row's top, drawn top-aligned)
    doubtful: bool = False  # drawn over another cell's text: which cell a line is in may be wrong (noted)
    after: Block | None = None  # the block drawn just before it on its line, a cell's padding away (the cell beside)
    split_at: float = 0.0  # the x of the gap between them: a column border

    def __post_init__(self) -> None:
        if self.first == (0.0, 0.0):
            self.first = (self.top, self.bottom)

    def add(self, char: dict) -> None:
        self.chars.append(char)
        self.x0, self.x1 = min(self.x0, char["x0"]), max(self.x1, char["x1"])
        self.top, self.bottom = min(self.top, char["top"]), max(self.bottom, char["bottom"])

    def text(self) -> str:
        return join_lines(group_lines(self.chars))


def blocks(chars: list[dict], apart: frozenset[int] = frozenset()) -> list[Block]:
    """Characters in drawing order (their "seq") → the blocks of text drawn together. Characters drawn under
    one clip (clips.py: a producer clips the text that runs out of its cell) are one cell's block, which
    reaches no further up or down than the clip: its text may run over the rows below, its row is the
    clip's. (Its sides are its text's: LibreOffice clips a merged cell's text to the whole row's width.)
    apart: id() of characters of rows known to be rows of their own (a page's repeated print titles), whose
    text goes on into no other's."""
    found: list[Block] = []
    clipped: dict[tuple, Block] = {}
    pitch = line_pitch(chars)
    current: Block | None = None
    previous: dict | None = None
    for char in sorted(chars, key=lambda c: c["seq"]):
        clip = cell_clip(char)
        if clip is not None:
            if char["text"] == " ":
                continue
            block = clipped[clip][-1] if clip in clipped else None
            if block is None or _apart_on_line(block.chars[-1], char):
                block = Block([char], char["x0"], char["x1"], char["top"], char["bottom"])
                clipped.setdefault(clip, []).append(block)
                found.append(block)
            else:
                block.add(char)
            current = previous = None
            continue
        if char["text"] == " ":
            if current is not None:
                previous = char
            continue
        if current is not None and previous is not None and (id(char) in apart) == (id(previous) in apart) and \
                _continues(current, previous, char, pitch):
            current.add(char)
        else:
            beside = current if current is not None and previous is not None and _cell_gap(current, previous, char) else None
            current = Block([char], char["x0"], char["x1"], char["top"], char["bottom"], after=beside,
                            split_at=(previous["x1"] + char["x0"]) / 2 if beside is not None else 0.0)
            found.append(current)
        previous = char
    for clip, some in clipped.items():
        for block in some:
            top, bottom = max(block.top, clip[1]), min(block.bottom, clip[3])
            if bottom - top > 1:
                block.top, block.bottom = top, bottom
                block.first = (max(block.first[0], top), min(block.first[1], bottom))
    return found


def _apart_on_line(previous: dict, char: dict) -> bool:
    """Whether the character, drawn under the clip of the one before, lies on its line far right of it: another
    cell's text under the same clip. LibreOffice clips the text of cells merged down over a page break to the
    page's part of the whole row (seed 40's p018: 序号 … 实施周期, five header cells of two rows, one clip, read
    as one cell and the table's header lost)."""
    same_line, size = _on_one_line(previous, char)
    return same_line and char["x0"] - previous["x1"] > 0.8 * size


_THOUSANDS_LEAD = re.compile(r"^[+-]?\d{1,3}$")
_THOUSANDS_GAP = 0.35  # of the text's height: a space's width at most (a thousands group's, a word's)
_FORMATTED_AMOUNT = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}$")
_IN_NUMBER = re.compile(r"[\d,.%‰]")
_PITCH_SLACK = 0.06  # a step this much past the pitch goes to the next row, not the cell's next line
_OWN_LINE = 0.95  # a cell's next line lies at least this far below (share of the height): lines do not overlap
_CJK_GAP = 0.12  # a gap this wide (share of the height) beside a Chinese character in text set solid: the next cell


def _on_one_line(previous: dict, char: dict) -> tuple[bool, float]:
    """Whether two characters lie on one line (their middles within a third of a character's height), and that
    height."""
    size = max(char["bottom"] - char["top"], previous["bottom"] - previous["top"], 1.0)
    return abs((char["top"] + char["bottom"]) / 2 - (previous["top"] + previous["bottom"]) / 2) <= 0.35 * size, size


def _continues(block: Block, previous: dict, char: dict, pitch: float | None = None) -> bool:
    same_line, size = _on_one_line(previous, char)
    if same_line:
        gap = char["x0"] - previous["x1"]
        if not -0.5 * size <= gap <= 0.8 * size:
            return False
        return not _cell_gap(block, previous, char)
    step = char["top"] - previous["top"]
    # the next line of the same cell: just below, starting within the block's width, and as far below as a
    # cell's lines are drawn apart on this page: a row's single line drawn right after the row above's last
    # cell in the same column (a unit's row under a project, LibreOffice, p034) lies a cell's padding further
    if pitch is not None and step > (pitch + _PITCH_SLACK) * size:
        return False
    # nor closer than a line: a cell's lines do not overlap, and a line drawn over the foot of the one before is
    # another cell's (a label of two lines centred in a row too low for it reaches up over the row above, f004)
    return _OWN_LINE * size <= step <= 1.8 * size and block.x0 - 2 * size <= char["x0"] <= block.x1 + 0.5 * size


def _cell_gap(block: Block, previous: dict, char: dict) -> bool:
    """Whether the gap from `previous` to `char`, on one line, is the padding between two cells drawn one after
    the other. Text is set solid (a space is drawn, or the gap is a word's space between Latin letters); a gap
    next to a Chinese character after solid text is no space: p026 天河区社区矫正中心物业管理服务 and the unit
    beside it, 1.5 pt apart in rows one line high; d021 an amount right-aligned against the label left-aligned
    in the next cell (3,893.29财政拨款), a 指标值 and the same text in the next column. Text spread out
    (justified) has its gaps all along the line."""
    same_line, size = _on_one_line(previous, char)
    if not same_line:
        return False
    gap = char["x0"] - previous["x1"]
    if not _CJK_GAP * size < gap <= 0.8 * size:
        return False
    # A gap wider than a space where the font changes: a browser sets each cell in the first font of its list that
    # has its characters (2024-2026 in a Latin font, 4.7 pt from the next cell's <p>1．… in a Chinese one)
    switched = char.get("fontname") != previous.get("fontname") and gap > _THOUSANDS_GAP * size
    wide = _is_wide(char["text"]) or _is_wide(previous["text"])
    if not (wide or switched or _after_number(block, previous, char, gap, size)):
        return False
    if block.chars[-1] is not previous:
        return False
    if len(block.chars) < 2:  # nothing before to show the text set solid: a digit is, against Chinese text beside it
        return previous["text"].isdigit() and _is_wide(char["text"])  # (dx20 0区本级使用资金: an amount, a label)
    before = block.chars[-2]
    return abs(before["top"] - previous["top"]) <= 0.35 * size and previous["x0"] - before["x1"] <= 0.05 * size


def _after_number(block: Block, previous: dict, char: dict, gap: float, size: float) -> bool:
    """Whether a gap after a digit ends the cell. Digits are set solid: a gap between two is no space in a number,
    but an amount right-aligned against the next cell's digits (148.50 and 2024-2026, read 148.502024-2026 as one);
    unless one to three digits stand before it, a thousands group set apart (1 296.69): a space's width apart at
    most, in the number's font (a browser's 380 in one font, 1.5 pt from the next cell's 2021年1月… in another: p042).
    And an amount as a spreadsheet formats it (4,779,300.00) ends its cell: right-aligned in a narrow 其他资金, it runs
    up against the next cell's text, which may begin with no Chinese character (<p>1．产出指标, p063). The block's
    text is joined only here, after a digit: a long cell's every character would make it quadratic."""
    if not previous["text"].isdigit():
        return False
    so_far = "".join(c["text"] for c in block.chars)
    if char["text"].isdigit():
        return not (_THOUSANDS_LEAD.match(so_far) and gap <= _THOUSANDS_GAP * size and
                    char.get("fontname") == previous.get("fontname"))
    return bool(_FORMATTED_AMOUNT.match(so_far)) and not _IN_NUMBER.match(char["text"])


def _is_wide(text: str) -> bool:
    return bool(text) and ord(text[0]) >= 0x2E80


def layout(lines: list[Line], apart: list[Line] = (), continues: bool = False, left_edges: list[float] = (),
           reach: tuple[float, float] | None = None) -> tuple[list[Line], Table | None]:
    """The page's lines (headers and footers taken away) → the lines above the table, and the table. apart: those
    of its lines that are rows of their own (blocks). continues: the page goes on with a table of the page before
    and has no form title: its rows of one cell on top are the table's (_rows_on_top). left_edges: the page before
    ended in that table's row; where its cells' texts began. reach: that table's left and right borders."""
    chars = [c for line in lines for c in line.chars]
    rows = rows_of(blocks(chars, frozenset(id(c) for line in apart for c in line.chars)))
    first = next((i for i, row in enumerate(rows) if len(row) >= 2), None)
    if first is None:
        return lines, None
    if continues:
        first = _rows_on_top(rows, first, left_edges, reach)
    above_chars = [c for row in rows[:first] for block in row for c in block.chars]
    template = max(rows[first:], key=len)
    bounds = [template[0].x0 - 1]
    for left, right in zip(template, template[1:]):
        bounds.append((left.x1 + right.x0) / 2)
    bounds.append(max(block.x1 for row in rows[first:] for block in row) + 1)
    bounds[0] = min(bounds[0], min(block.x0 for row in rows[first:] for block in row) - 1)
    guides = [(block.x0, block.x1) for block in template]
    guessed = set(bounds[1:-1])  # the lines cut midway between the template's texts
    # Two cells side by side are two columns, though the template row has one there (a department form's
    # budget and task blocks, amounts right-aligned against the next cell's text, under the indicators'
    # header: d021 3,893.29财政拨款, 40.00政策支持…): a border between them. Where that border falls between
    # two of the template's texts, it is the line between their columns, seen, where the midway cut was a
    # guess: an amount right-aligned in a narrow 总计 reaches past the middle between 总计 and 实施周期.
    # Until no row has two cells in one column: a line seen in a lower row may take the place of a guessed one
    # that kept two cells of a row above apart (a second header row's labels, read before the amounts below them).
    # A line midway between two texts of a row is a guess as well, only surer than the template's: where two cells
    # drawn one after the other show the padding between them, that line takes its place (an indicator's short
    # 指标值 far right of its name put a line midway, under the task header's 拟投入的资金, and the tasks' amounts
    # right-aligned against their goals, a column further, lost their label: d012)
    midway: set[float] = set()
    for _ in range(len(bounds)):
        seen = bounds
        for row in rows[first:]:
            for left, right in zip(row, row[1:]):
                size = max(min(left.first[1] - left.first[0], right.first[1] - right.first[0]), 1.0)
                if right.x0 - left.x1 >= _CJK_GAP * size and _column(bounds, left) == _column(bounds, right):
                    padding = right.after is left
                    line = right.split_at if padding else (left.x1 + right.x0) / 2
                    before = bounds
                    bounds = _with_line(bounds, line, guides, guessed | midway if padding else guessed)
                    gone = set(before) - set(bounds)
                    guessed -= gone
                    midway -= gone
                    if not padding:
                        midway.add(line)
        if bounds == seen:
            break
    bounds = _clear_of_labels(rows[first:], bounds, guessed, template)
    bounds = _stacked_labels(rows[first:], bounds)
    # A row with an amount is data, not a header, though it has the most texts (a page going on without a header):
    # the texts of the next column begin a cell's padding after an amount ends, and an amount put by the label
    # beginning after its right edge joined the goal beside it (161.49保障…: seed 49's p052)
    headed = template is rows[first] and not any(is_amount(block.text()) for block in template)
    body = [block for row in rows[first + 1:] for block in row]
    aligned, unsure = _amount_columns(body, bounds, guides) if headed else ({}, {})
    in_template = {id(block) for block in template}
    lined_up, edges = _edge_columns([block for row in rows[first:] for block in row if id(block) not in in_template],
                                    bounds, guides, headed, template)
    cut = run_past(rows[first:])  # the cells the print may have cut: rows too low for their text
    clipped = {id(block) for row in rows[first:] for block in row
               if any(outside_clip(c) or hidden_in_part(c) for c in block.chars)}  # cut by a clip
    if cut or clipped:
        cut |= filling(rows[first:])
    grid: list[list[str]] = []
    spans: list[list[tuple[float, float] | None]] = []
    columns_of: dict[int, int] = {}
    for row in rows[first:]:
        cells = [""] * (len(bounds) - 1)
        extents: list[tuple[float, float] | None] = [None] * (len(bounds) - 1)
        beside: dict[int, int] = {}  # a cell's amount that may be the other column's
        for block in row:
            column = columns_of[id(block)] = aligned.get(id(block), lined_up.get(id(block), _column(bounds, block)))
            if id(block) in unsure and id(block) not in lined_up:
                beside[column] = unsure[id(block)]
            text = block.text()
            if block.doubtful:  # the import says so at the cell (grid_import.clipped_notes)
                text = ClippedText(text, overlapped=True)
            elif id(block) in cut or id(block) in clipped:
                text = ClippedText(text)  # a row too low for it: the print cut its text, or may have (run_past)
            if cells[column]:  # two texts in one cell: in doubt if either is, or if they stand apart on one line
                # (效益指标 | 经济效益指标 far apart on a page without a header, both put under one column: seed 38's d022)
                known, size = extents[column], block.first[1] - block.first[0]
                apart = known is not None and max(block.x0 - known[1], known[0] - block.x1) > 2 * size
                doubtful = apart or isinstance(text, ClippedText) or isinstance(cells[column], ClippedText)
                joined = f"{cells[column]}{text}"
                text = ClippedText(joined, overlapped=True) if doubtful else joined
            cells[column] = text  # one text keeps its mark: cut by the print (the rest left out), or drawn over
            known = extents[column]
            extents[column] = (block.x0, block.x1) if known is None else (min(known[0], block.x0), max(known[1], block.x1))
        grid.append([Straddling(text, beside[column]) if column in beside and not isinstance(text, ClippedText)
                     else mark_straddling(text, extent, bounds, guides)
                     for column, (text, extent) in enumerate(zip(cells, extents))])
        spans.append(extents)
    table = Table(min(b.top for b in rows[first]), max(b.bottom for row in rows[first:] for b in row), bounds, grid,
                  spans=spans, headed=headed, guides=guides, edges=edges,
                  template=next(i for i, row in enumerate(rows[first:]) if row is template),
                  right_aligned=headed and right_aligned([block for block in body if is_amount(block.text())]),
                  head_starts=[_starts(row, columns_of, len(bounds) - 1) for row in rows[first:first + HEAD_ROWS]],
                  last_room=_room(rows[first:], columns_of, bounds),
                  last_gaps=_short(rows[first:], columns_of, bounds))
    return group_lines(above_chars), table


def _starts(row: list[Block], columns_of: dict[int, int], count: int) -> list[list[tuple[str, float]]]:
    """Each column's first characters in a row, each with its width in characters (ems), as page.py keeps them for
    a ruled table's first rows: what would have fitted on the last line of the page before (continued.first_word)."""
    starts: list[list[tuple[str, float]]] = [[] for _ in range(count)]
    for block in row:
        first = min(group_lines(block.chars), key=lambda line: line.top)
        starts[columns_of[id(block)]] = first_chars(first)
    return starts


def _room(rows: list[list[Block]], columns_of: dict[int, int], bounds: list[float]) -> list[float | None]:
    """The room left on each cell's last line in the last row, in characters, up to where its column's cells wrap
    on the page: the furthest reach of a line followed by another in a cell of the column (its text may reach past
    the midway cut into the next column, not over it: 部门职能概述 over the whole form is no cell of one); None where
    the cell is empty or no cell of its column wraps. As page.py gives a ruled table's last row."""
    wraps: dict[int, float] = {}
    for row in rows:
        for block in row:
            column = columns_of[id(block)]
            lines = group_lines(block.chars)
            if len(lines) >= 2 and block.x1 <= bounds[min(column + 2, len(bounds) - 1)]:
                wraps[column] = max(wraps.get(column, 0.0), *(line.x1 for line in lines[:-1]))
    room: list[float | None] = [None] * (len(bounds) - 1)
    for block in rows[-1] if rows else []:
        column = columns_of[id(block)]
        last = max(group_lines(block.chars), key=lambda line: line.bottom)
        size = max((char.get("size") or 0.0 for char in last.chars), default=0.0)
        if column in wraps and size > 0:
            room[column] = max(0.0, wraps[column] - last.x1) / size
    return room


def _short(rows: list[list[Block]], columns_of: dict[int, int], bounds: list[float]) -> list[float | None]:
    """How far each cell's text ends above the last row's lowest text, in lines (its last line's height; None where
    the cell is empty): a browser breaking a row at the page's foot fills every cell it cuts down to it."""
    last = rows[-1] if rows else []
    foot = max((block.bottom for block in last), default=0.0)
    short: list[float | None] = [None] * (len(bounds) - 1)
    for block in last:
        line = max(group_lines(block.chars), key=lambda line: line.bottom)
        if line.bottom > line.top:
            short[columns_of[id(block)]] = (foot - line.bottom) / (line.bottom - line.top)
    return short


def _rows_on_top(rows: list[list[Block]], first: int, left_edges: list[float] = (),
                 reach: tuple[float, float] | None = None) -> int:
    """The first row of a table going on from the page before: a row of one cell (a unit's subtotal row, Calc
    printing it at the top of the next page) is a row of the table, not a line above it, when it lies a row's
    padding above the row under it (less than a line: a title or a note stands further off) within the table's
    width. A table's first row with two cells or more was all that was taken for it: the subtotal row was left
    out and its projects read under the unit before (seed 31's p002). When the page's first block begins where a
    cell of the row the page before ended in began (left_edges), it is the rest of that row's tall cell, which a
    browser breaks at the page's foot (run_on.py): then every row of one cell down to the table, however far
    apart (rows grown to their text), is the table's (the rest of the cell, a unit's subtotal row)."""
    x0 = min(block.x0 for row in rows[first:] for block in row)
    x1 = max(block.x1 for row in rows[first:] for block in row)
    # The rest of the cell may reach further right than any text under it (their cells end short): it is held by
    # where it begins; the rows between it and the table must lie within the table, as it stands on either page (a
    # department form's 绩效指标 printed above its header, in the form's label column: none of this page's rows
    # under it reaches there, and a task's goal lost its rest, unsaid: d021)
    left, right = (min(x0, reach[0]), max(x1, reach[1])) if reach else (x0, x1)
    inside = all(len(row) == 1 and left - 1 <= row[0].x0 and row[0].x1 <= right + 1 for row in rows[1:first])
    if first and len(rows[0]) == 1 and x0 - 1 <= rows[0][0].x0 and inside and begins_at(rows[0][0].x0, left_edges):
        return 0
    # A line of the cell's rest that begins further in (a short piece a line break typed in the text left alone, p
    # of <p>: seed 42's p010, a browser's print) stands above the first line that begins where the cell began
    start = next((k for k in range(1, first) if len(rows[k]) == 1 and begins_at(rows[k][0].x0, left_edges)), None)
    if start is not None and inside and len(rows[0]) == 1 and rows[0][0].x1 <= right + 1 and \
            all(row[0].x0 >= rows[start][0].x0 - 1 for row in rows[:start]):
        return 0
    while first > 0 and len(rows[first - 1]) == 1:
        block, below = rows[first - 1][0], rows[first]
        height = block.first[1] - block.first[0]
        if min(b.top for b in below) - block.bottom >= height or block.x0 < x0 - 1 or block.x1 > x1 + 1:
            break
        first -= 1
    return first


def _stacked_labels(rows: list[list[Block]], bounds: list[float]) -> list[float]:
    """A header of two rows (序号, 项目名称 … 绩效指标 over the rows, 总计 … 其他资金 under 项目资金) names more
    columns than any one row: two labels of different header rows side by side in one column, apart, are two
    columns (其他资金 empty on the page, its label and 绩效指标's cut as one, the amounts put with the indicators).
    The header is the rows of two labels or more that follow each other above the first row with a digit; the line
    falls midway between the left label and the first text right of it in that column."""
    header: list[list[Block]] = []
    for row in rows:
        texts = [block.text() for block in row]
        if len(texts) >= 2 and all(_is_label(text) for text in texts):
            header.append(row)
        elif header or any(any(ch.isdigit() for ch in text) for text in texts):
            break  # the header's rows follow each other (合计, a unit's subtotal row: one text, below it)
    if len(header) < 2:
        return bounds
    for one, other in ((a, b) for i, upper in enumerate(header) for lower in header[i + 1:]
                       for a in upper + lower for b in upper + lower if (a in upper) != (b in upper)):
        size = max(one.first[1] - one.first[0], 1.0)
        if other.x0 - one.x1 < size or _column(bounds, one) != _column(bounds, other):
            continue
        column = _column(bounds, one)
        right = min(block.x0 for row in rows for block in row
                    if block.x0 >= one.x1 + size and _column(bounds, block) == column)
        bounds = sorted([*bounds, (one.x1 + right) / 2])  # a column the other rows' texts do not show
    return bounds


def _is_label(text: str) -> bool:
    """A header's label: a few words, no digit, no colon (部门名称：…, 单位：万元 stand above the header)."""
    key = text.replace("\n", "")
    return 0 < len(key) <= 12 and not any(ch.isdigit() or ch in ":：" for ch in key)


_AMOUNT = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?$")
SAME_EDGE = 0.5  # pt: texts aligned on one edge end (or begin) this close


def _amount_columns(found: list[Block], bounds: list[float], guides: list[tuple[float, float]]
                    ) -> tuple[dict[int, int], dict[int, int]]:
    """Amounts whose column their right edge tells apart from their middle, under a header whose labels are
    centred over their columns (guides): (id(block) → the column to put it in, id(block) → the other column it
    may be in). An amount right-aligned in its column ends under or after its label and before the next
    column's label begins; its middle may lie past the midway cut toward the next column, when that column is
    narrower or its label wider (a 财政拨款 read as 财政专户拨款, the next column blank). Where the table shows
    that it right-aligns its amounts (amounts of different widths ending at one x, none beginning at one x) the
    right edge places them; where it does not show it, which column is a guess: kept by the middle, and said."""
    amounts = [block for block in found if _AMOUNT.match(block.text().replace(" ", ""))]
    right = right_aligned(amounts)
    placed: dict[int, int] = {}
    unsure: dict[int, int] = {}
    for block in amounts:
        by_edge = edge_column(block.x1, bounds, guides)
        if by_edge is None or by_edge == _column(bounds, block):
            continue
        (placed if right else unsure)[id(block)] = by_edge
    return placed, unsure


def _edge_columns(found: list[Block], bounds: list[float], guides: list[tuple[float, float]], headed: bool,
                  anchors: list[Block] = ()) -> tuple[dict[int, int], list[tuple[float, int, float]]]:
    """Blocks whose middle lies beside the column whose texts they line up with: id(block) → that column. Texts of
    different widths that begin (or end) at one x are left-aligned (right-aligned) texts of one column, and that x
    is its edge; a text beginning (ending) there too is that column's, though its middle lies over the line cut
    midway between two labels: a short unit name under a 项目名称 centred over a wide column, its middle on the
    序号 side (区公证处 read as a 合计 row's 序号), a one-digit 财政拨款 right-aligned past the line toward
    财政专户拨款. Which column the edge is: under a header whose labels are centred over their columns (guides),
    the first whose label begins after a left edge (the last whose label ends before a right one), when no label
    stands over the edge: a left-aligned column's texts begin before its centred label does, and after the label
    before it ends. Else, the column most of the texts are in: then only from the next column, and only a text
    within the extent of those it lines up with moves. found: the blocks that may move, the template's (the
    guides) not among them; text set over two columns or more (a note merged across the table, begun at the first
    column's edge) neither moves nor counts. anchors: the template's blocks, whose columns were cut around them: they
    never move but count where no header places the group (a band of a table printed in strips holds a project or
    two: 区公证处 lined up with one unit name only, the project names beside it the template's). Also the edges whose
    texts all end up in one column, as page.Table.edges keeps them."""
    fixed = {id(block) for block in anchors}
    found = [block for block in [*found, *anchors] if straddled(block.x0, block.x1, bounds, guides) is None]
    home = {id(block): _column(bounds, block) for block in found}
    placed: dict[int, int] = {}
    edges: list[tuple[float, int, float]] = []
    for step, edge in ((1, lambda b: b.x0), (-1, lambda b: b.x1)):
        group: list[Block] = []
        for block in [*sorted(found, key=edge), None]:
            if block is not None and group and edge(block) - edge(group[-1]) <= SAME_EDGE:
                group.append(block)
                continue
            if len({round(b.x1 - b.x0) for b in group}) >= 2:
                x = sum(edge(b) for b in group) / len(group)
                if headed:
                    _under_labels([b for b in group if id(b) not in fixed], x, step, home, placed, bounds, guides)
                else:
                    _with_most(group, step, home, placed, fixed)
                columns = {placed.get(id(b), home[id(b)]) for b in group}
                if len(columns) == 1:
                    column = columns.pop()
                    edges.append((x, step, (bounds[column] + bounds[column + 1]) / 2))
            group = [block] if block is not None else []
    return placed, edges


def _under_labels(group: list[Block], x: float, step: int, home: dict[int, int], placed: dict[int, int],
                  bounds: list[float], guides: list[tuple[float, float]]) -> None:
    """The blocks of an edge group at x (_edge_columns) put in the column whose centred label the edge lies
    beside: step 1, a left edge, the first label beginning after it; -1, a right edge, the last ending before it."""
    if any(g0 + _UNDER < x < g1 - _UNDER for g0, g1 in guides):
        return  # under a label: no column's aligned texts begin (or end) there
    if step == 1:
        after = [g for g in guides if g[0] >= x - _UNDER]
        before = [g for g in guides if g[1] <= x + _UNDER]
        if not after:
            return
        target = _column_at(bounds, (after[0][0] + after[0][1]) / 2)
        start = _column_at(bounds, (before[-1][0] + before[-1][1]) / 2) if before else 0
        movable = range(start, target)
    else:
        before = [g for g in guides if g[1] <= x + _UNDER]
        after = [g for g in guides if g[0] >= x - _UNDER]
        if not before:
            return
        target = _column_at(bounds, (before[-1][0] + before[-1][1]) / 2)
        end = _column_at(bounds, (after[0][0] + after[0][1]) / 2) if after else len(bounds) - 2
        movable = range(target + 1, end + 1)
    for block in group:
        if home[id(block)] in movable and id(block) not in placed:
            placed[id(block)] = target


def _with_most(group: list[Block], step: int, home: dict[int, int], placed: dict[int, int],
               fixed: set[int] = frozenset()) -> None:
    """The blocks of an edge group (_edge_columns) in the column next to the one most of the group is in (step 1:
    a left edge, the column after; -1: before), within the extent of those, put in that column (fixed: the ids of
    those that never move)."""
    counts: dict[int, int] = {}
    for block in group:
        counts[home[id(block)]] = counts.get(home[id(block)], 0) + 1
    column = max(counts, key=lambda c: counts[c])
    members = [block for block in group if home[id(block)] == column]
    if len(members) < 2 or 2 * len(members) <= len(group):
        return
    left, right = min(block.x0 for block in members), max(block.x1 for block in members)
    for block in group:
        if home[id(block)] == column - step and id(block) not in placed and id(block) not in fixed and \
                block.x0 >= left - SAME_EDGE and block.x1 <= right + SAME_EDGE:
            placed[id(block)] = column


def right_aligned(amounts: list[Block]) -> bool:
    """Whether a table shows that it right-aligns its amounts: amounts of different widths ending at one x, none
    beginning at one x."""
    return _aligned(amounts, lambda b: b.x1, lambda b: b.x0) and not _aligned(amounts, lambda b: b.x0, lambda b: b.x1)


def is_amount(text: str) -> bool:
    return bool(_AMOUNT.match(text.replace(" ", "")))


def is_label(text: str) -> bool:
    """Whether a text is a header's label: a few characters on one line with no digit (实施周期指标值, not 2024-2026
    or an amount)."""
    return len(text) <= _LABEL_CHARS and "\n" not in text and not any(ch.isdigit() for ch in text)


_LABEL_CHARS = 30  # a header label is a few words: 实施周期指标值, 期望达到的目标（概述）, 任务（政策）关键性指标（产出、效益、公众满意度方面）


def edge_column(x1: float, bounds: list[float], guides: list[tuple[float, float]]) -> int | None:
    """The column a text right-aligned to end at x1 is in: the last whose label (guide) begins before it."""
    label = max((i for i, (g0, _) in enumerate(guides) if g0 - _UNDER <= x1), default=None)
    return None if label is None else _column_at(bounds, (guides[label][0] + guides[label][1]) / 2)


def _aligned(blocks: list[Block], edge, other) -> bool:
    """Whether two texts or more of different widths share an edge (x1 for right-aligned, x0 for left)."""
    ordered = sorted(blocks, key=edge)
    for one, two in zip(ordered, ordered[1:]):
        if edge(two) - edge(one) <= SAME_EDGE and abs(other(two) - other(one)) > SAME_EDGE:
            return True
    return False


def _with_line(bounds: list[float], line: float, guides: list[tuple[float, float]], guessed: set[float]) -> list[float]:
    """The columns' lines with a line seen at x: in place of the one cut midway between the two template texts
    it falls between (once: a second line seen there is a column of its own), or added (a column the template
    row has not). guessed: the lines still cut midway, taken from as one is replaced."""
    for (_, left_end), (right_start, _) in zip(guides, guides[1:]):
        if left_end - _UNDER <= line <= right_start + _UNDER:
            between = [i for i in range(1, len(bounds) - 1) if left_end - _UNDER <= bounds[i] <= right_start + _UNDER]
            if len(between) == 1 and bounds[between[0]] in guessed:
                guessed.discard(bounds[between[0]])
                return sorted([*bounds[:between[0]], line, *bounds[between[0] + 1:]])
            break
    return sorted([*bounds, line])


def _clear_of_labels(rows: list[list[Block]], bounds: list[float], guessed: set[float],
                     template: list[Block]) -> list[float]:
    """The columns' lines with each still cut midway between two of the template's texts (a row of data) that cuts
    through a label of the header (the rows of two labels or more, each a few characters on one line with no digit,
    above the first amount) moved midway between that label and the next of its row, where it cuts no label nor
    any of the template's texts and leaves each of them on its side. The template's texts need not stand under
    their labels: with nothing in 财政专户拨款 on a row, midway between its 财政拨款 and an 其他资金 run up against
    the indicators' text falls inside the 财政专户拨款 label, and the next page's amounts right-aligned under that
    label were read as 其他资金 (seed 47's p040)."""
    header = []
    for row in rows:
        texts = [block.text() for block in row]
        if any(is_amount(text) for text in texts):
            break
        if len(row) >= 2 and all(map(is_label, texts)):  # labels, not a row of a department form's prose
            header.append(row)
    labels = [block for row in header for block in row]

    def cuts(x: float) -> list[Block]:
        return [block for block in labels if block.x0 + _UNDER < x < block.x1 - _UNDER]

    result = list(bounds)
    for index in range(1, len(result) - 1):
        line = result[index]
        through = cuts(line)
        if line not in guessed or len(through) != 1:
            continue
        label = through[0]
        row = next(row for row in header if label in row)
        # midway between the label and the next of its row, as a header's own lines are cut (past the row's last
        # label nothing tells where its column ends: a short amount right-aligned there may reach past it)
        after = min((block.x0 for block in row if block.x0 >= label.x1), default=None)
        before = max((block.x1 for block in row if block.x1 <= label.x0), default=None)
        places = [(label.x1 + after) / 2] if after is not None else []
        places += [(before + label.x0) / 2] if before is not None else []
        for place in sorted(places, key=lambda x: abs(x - line)):
            if result[index - 1] < place < result[index + 1] and not cuts(place) and not any(
                    min(line, place) < (block.x0 + block.x1) / 2 < max(line, place) or
                    block.x0 + _UNDER < place < block.x1 - _UNDER for block in template):
                result[index] = place
                break
    return result


_UNDER = 1.0  # pt: a text reaches under a column's guide (its header label) when it overlaps it by more than this


def straddled(x0: float, x1: float, bounds: list[float], guides: list[tuple[float, float]]) -> int | None:
    """The column, other than the one its middle lies in, that a text from x0 to x1 runs into, or None when it
    keeps to one. The columns' lines here are where layout cut them, midway between the texts of a row (the
    header's labels), not drawn ones: a short amount right-aligned in a narrow column may cross such a line and
    still be its column's. So a text stands over two columns when it runs under the texts the columns were cut
    between (guides) of two of them: 148.502024-2026 under 总计 and 实施周期, an amount and the years beside it
    set with no gap between them."""
    under = [index for index, (g0, g1) in enumerate(guides) if min(x1, g1) - max(x0, g0) > _UNDER]
    if len(under) < 2:
        return None
    middle = (x0 + x1) / 2
    home = next((i for i in range(len(bounds) - 1) if bounds[i] <= middle < bounds[i + 1]), None)
    columns = {_column_at(bounds, (guides[i][0] + guides[i][1]) / 2) for i in under}
    others = sorted(columns - {home}, key=lambda c: abs(c - (home if home is not None else c)))
    return others[0] if others and len(columns) >= 2 else None


def _column_at(bounds: list[float], x: float) -> int:
    return next((i for i in range(len(bounds) - 1) if bounds[i] <= x < bounds[i + 1]), len(bounds) - 2)


def mark_straddling(text: str, extent: tuple[float, float] | None, bounds: list[float],
                    guides: list[tuple[float, float]]) -> str:
    """The text, as Straddling when its extent stands over two columns (unless it is marked in doubt already)."""
    if not text or extent is None or isinstance(text, ClippedText):
        return text
    beside = straddled(extent[0], extent[1], bounds, guides)
    return Straddling(str(text), beside) if beside is not None else str(text)


def _column(bounds: list[float], block: Block) -> int:
    middle = (block.x0 + block.x1) / 2
    return next((i for i in range(len(bounds) - 1) if bounds[i] <= middle < bounds[i + 1]), len(bounds) - 2)
