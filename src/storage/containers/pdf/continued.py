"""A table continued on the next page, matched with the table it continues: its repeated header rows, its
column borders, and the cells the page break cut.

A repeated header row is found even when the page drew other text into it: LibreOffice draws a merged cell
that runs over the page break once more on the new page, centred on the whole merged range and clipped to
the page, so its text (年度重点工作任务) can land, invisible, inside the repeated header row (部门名称),
and the PDF's characters interleave (部年门度名重称点工作任务).

A table's last row at a page break: page.py says a table was cut (its last row has no bottom border), and
which columns are open (borders.open_bottom) tells two cases apart:
- every column open: the row itself was split by the page break (this editor's print and word processors
  split a tall row), and its two parts are joined as one row (join_cut);
- some columns open: merged cells run on over the break (一级/二级 指标 merged down their rows, or 年度重点工作任务
  down the task table) while the row ended. A spreadsheet prints a merged cell's text once, centred on the
  whole range and clipped to each page, so it shows on one side of the break only; the rows on the other side
  get it (carry_merged) as they would from the cell on one page (page.py copies a merged cell's text to every
  row it covers), as far as the cell goes: to the first border drawn under it (borders.drawn_borders).
A word processor (Word, Writer) draws every border of a row it breaks at the page's foot, the bottom one too: no
column is open, and the rest of the row stands at the next page's top as a row of its own, key cells empty, text
going on mid-word. Where the cells tell it (split_row: the cut cells' text reaches the foot and was wrapped there),
it is joined into the row above (join_split); where they do not, both rows are marked for the import to say so.
A cell merged down beside rows of their own (a task's name beside its indicators) goes on in the same way over the
break, whether or not the row beside it does (merged_on). A merged cell whose text the word processor printed on the
page before only (预算单位 merged down a unit's projects) stands empty at the next page's top, over rows with no border
between them: they get its text (join_merged.merged_over_break, carry_merged). A number too wide for its column, broken
where its line was full and then by the page (448,795,7 | 26.00), is joined whole (join_cut).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING, Protocol

from ..sheet_grid import ClippedText, label_key
from .text import Line, line_text, space_at_wrap, split_line

if TYPE_CHECKING:
    from .page import Table


class Section(Protocol):
    """What the row joins read and write of section.Section (described here: section imports this module)."""

    rows: list[list[str]]
    row_tables: list[int | None]
    asked: list[int]
    last_foot: tuple[list[float], list, list, float, list] | None
    last_ends: tuple[list[float | None], list[tuple[float, int]], list[float | None]] | None

SAME_X = 3.0  # column borders this close (pt) are one border drawn a little apart


def _runs(row: tuple[str, ...]) -> list[str]:
    """A row's cells with a merged cell's copies taken once (pages may split it into different columns)."""
    runs: list[str] = []
    for cell in row:
        if not runs or runs[-1] != cell:
            runs.append(cell)
    return runs


def _holds(cell: str, label: str) -> bool:
    """The cell is the label, or the label with other text drawn over it (its characters in order)."""
    if cell == label:
        return True
    if len(label) < 2 or len(cell) > 3 * len(label) + 12:
        return False
    found = iter(cell)
    return all(char in found for char in label)


def same_row(row: tuple[str, ...], header: tuple[str, ...]) -> bool:
    """Whether a row (label_key'd cells) repeats a header row, allowing interleaved clipped text, and blanks
    where the header's cell is a merged one drawn on one page only (项目资金 over the amounts, printed in
    strips): every cell the row has is the header's, and they are most of the header's. Or the same texts in the
    same order, two at least, wherever the blanks between them fall: a page without ruling lines cuts its columns
    between its own texts, so a print title row repeated on it (部门名称 and the name) lies in other columns."""
    if row == header:
        return True
    texts = [cell for cell in _runs(row) if cell]
    if len(texts) >= 2 and texts == [cell for cell in _runs(header) if cell]:
        return True
    if len(row) == len(header):
        filled = [(cell, label) for cell, label in zip(row, header) if cell]
        labels = sum(1 for label in header if label)
        if len(filled) >= 2 and 2 * len(filled) >= labels and all(label and _holds(cell, label) for cell, label in filled):
            return True
    ours, theirs = _runs(row), _runs(header)
    if len(ours) != len(theirs) or not any(theirs):
        return False
    return all(_holds(a, b) if b else not a for a, b in zip(ours, theirs))


def find_header(headers: dict, signature: tuple[str, ...]):
    """The header (as Section.headers keeps them) the row repeats, exactly or with clipped text drawn in."""
    found = headers.get(signature)
    if found is not None:
        return found
    return next((value for key, value in headers.items() if same_row(signature, key)), None)


def widened(columns: list[float], own: list[float]) -> list[float]:
    """The column borders of a table and of its continuation together, when the continuation is the same
    table (same left and right edges, and at least half its inner borders where the table has one, or every
    inner border the table has: a form whose first page shows only its wide rows, 部门名称 over the merged
    columns, and whose next page the finer columns of the table below, a 2019 form's 年度目标); else the
    table's own. Read in the coarse columns, the finer page's cells would be joined, two texts as one."""
    if len(own) < 2 or abs(own[0] - columns[0]) > SAME_X or abs(own[-1] - columns[-1]) > SAME_X:
        return columns
    inner = own[1:-1]
    shared = [x for x in inner if any(abs(x - c) <= SAME_X for c in columns)]
    refines = all(any(abs(x - c) <= SAME_X for c in inner) for x in columns[1:-1])
    if len(shared) * 2 < len(inner) and not refines:
        return columns
    added = [x for x in inner if not any(abs(x - c) <= SAME_X for c in columns)]
    return sorted([*columns, *added]) if added else columns


def title_rows(lines: list[Line], headers: dict) -> list[Line]:
    """A page without ruling lines: its top lines that repeat, text for text, the rows a table of the section began
    with (print titles, 部门名称 and the name repeated at the top of every page), for layout to keep apart. Cut into
    cells by drawing order, in rows one line high the repeated row's text and the next row's in the same column,
    drawn one after the other a row apart, would be one cell's two lines (测试区司法局 and the task under it,
    行政复议应诉经费, read as one name). headers: Section.headers."""
    if not lines or not headers:
        return []
    ordered = sorted(lines, key=lambda line: line.top)
    for _, following, _ in headers.values():
        repeated = 0
        while repeated < min(len(ordered), len(following)) and _repeats(ordered[repeated], following[repeated]):
            repeated += 1
        if repeated:
            return ordered[:repeated]
    return []


def _repeats(line: Line, row: tuple[str, ...]) -> bool:
    """Whether a line's texts (runs set apart by a wide gap) are a row's non-empty cells, two at least."""
    texts = [key for run in split_line(line) if (key := label_key(line_text(run)))]
    return len(texts) >= 2 and texts == [cell for cell in _runs(row) if cell]


# ---- merged cells cut by the page break -----------------------------------------------------

def carry_merged(rows: list[list[str]], tables: list[int | None], start: int,
                 columns: dict[int, tuple[int | None, int | None]]) -> None:
    """Merged cells cut by the page break between rows[start] and the row of its table before it (rows of
    one table, as `tables` says; lines of text may stand between). columns: each open column with how many
    rows the cut cell covers below the break and above it (None: as far as they go blank). The text on one
    side fills the cell's blank rows on the other."""
    if start >= len(rows):
        return
    table = tables[start]
    last = next((i for i in range(start - 1, -1, -1) if tables[i] is not None), None)  # past lines between
    if last is None or tables[last] != table:
        return
    above, below = rows[last], rows[start]
    following = [i for i in range(start, len(rows)) if tables[i] == table]
    preceding = [i for i in range(last, -1, -1) if tables[i] == table]
    for column, (down, up) in sorted(columns.items()):
        if column >= len(above) or column >= len(below):
            continue
        before, after = above[column].strip(), below[column].strip()
        if before and not after:
            _fill(rows, following[:down] if down is not None else following, column, above[column])
        elif after and not before:
            _fill(rows, preceding[:up] if up is not None else preceding, column, below[column])


def _fill(rows: list[list[str]], indices: list[int], column: int, text: str) -> None:
    for index in indices:
        if column >= len(rows[index]) or rows[index][column].strip():
            break
        rows[index][column] = text


# ---- a row split by the page break ----------------------------------------------------------

_REACH = 0.75  # of a line's height: a cell's text ending (or beginning) this close to its row's edge reaches it
_LINE = 1.3  # of a line's height: a line and the space between two
_SLACK = 0.15  # of a character: a line's room (its cell's padding taken as the left one) is measured this short
_NO_END = set("（(【「『“‘《<")  # marks a line does not end with: they go with the character after them
_NO_START = set("，。、；：？！,.;:?!%）)】」』”’》>·…-—/")  # marks a line does not begin with: they go with the
# character before them to the next line (kinsoku), as the end of a word of letters or digits does
_NEVER_LAST = _NO_END | {"-"}  # marks no cell's text ends with: what follows is on the next line, or page


def split_row(above: list[str], below: list[str], gaps_above: list[float | None], room_above: list[float | None],
              gaps_below: list[float | None], starts_below: list[list[tuple[str, float]]], height: float) -> str | None:
    """Whether the first row of a page that goes on with a ruled table (below, its header repeated or not) is the
    rest of the previous page's last row (above), which a word processor (Word, Writer) split at the page's foot:
    "join", "ask" (it may be; the reader says so and joins nothing) or None (a row of its own). A split row's
    cut cells are filled to the page's foot and go on at the next page's top, so every cell the row below has text
    in has text above that reaches the row's bottom (gaps_above: how far each column's text ends above it) and
    text that begins at the top of its own row (gaps_below), other text than above (a label typed again in each
    row is no rest of one). Its key cell (the row above's first with text: 序号, the name of a project or task) is
    empty below, or goes on too, wrapped (a name cut in two). A row under cells merged down from rows above
    (Writer prints their text on the first page only) has its key cells empty as well: it is told apart when one
    of its cells has text where the cell above ended short of the bottom (a name of one line in a row of three).
    Where every cell's text below would not have fitted in the room left on the last line above (room_above, in
    characters; starts_below: each cell's first characters below with their widths: a character with the marks
    that go with it, or a run of letters and digits), the text was wrapped there and goes on below: "join". When
    one would have fitted above (the end of a paragraph: a one-line label, a value), the row below may be a row of
    its own printed alike (one line each, under merged cells): "ask". gaps and room are None where a cell has no
    text; height: the table's line height."""
    filled = [c for c, text in enumerate(below) if text.strip()]
    if not filled or height <= 0 or len(above) != len(below):
        return None
    reach = _REACH * height
    # A cell goes on below where the first word below would not have fitted on its last line above, or where its
    # text above ends with a mark no text ends with (穗财政【 | 2023】79号…: the page, not the line, broke it there; a
    # hyphen, 1、1-产出指标:11- | 数量指标…, seed 49's Writer p046)
    wrapped = {c for c in filled if room_above[c] is not None and first_word(starts_below[c]) > room_above[c] - _SLACK
               or above[c].strip()[-1:] in _NEVER_LAST}
    # a whole amount under a whole amount is a row's own, whatever room the one above left (1,928,000 | 200.00; not
    # 166,600.0 | 0, an amount's last digit gone on)
    wrapped -= {c for c in filled if _WHOLE_AMOUNT.fullmatch(above[c].strip()) and
                _WHOLE_AMOUNT.fullmatch(below[c].strip()) and any(mark in below[c] for mark in ".,")}
    # A text below that no cell's text begins with (。… after 合格率100%, a number's .00 after 1,928,000) is the rest of
    # the cell above, whatever room its last line seemed to leave: the row below is no row of its own
    rests = {c for c in filled if _rest_only(below[c])}
    wrapped |= rests
    # A cell whose text was plainly cut at the foot (wrapped there, mid-sentence) is the rest of the row above,
    # whatever the others show: a line break typed in the text, or a line kept with the next, may leave another
    # cell's last line short of the foot. Then the row is at least doubted, never taken as one of its own.
    cut = any(c in wrapped and above[c].strip() and above[c].strip()[-1] not in _ENDS and gaps_above[c] is not None
              and gaps_above[c] <= reach and gaps_below[c] is not None and gaps_below[c] <= reach for c in filled)
    if cut:  # beside such a cell, a numbered list going on with its next number is that cell's rest, though its
        # last item ended a line above (1．…1个。 | 2．产出指标…: seed 49's p017, a word processor's print)
        wrapped |= {c for c in filled if _next_item(above[c], below[c])}
    for c in filled:
        if not above[c].strip() or above[c].strip() == below[c].strip():
            return None
        # a paragraph's last lines kept together (widow control) may leave the line above the foot empty
        widow = c in wrapped and above[c].strip()[-1] not in _ENDS and (gaps_above[c] or 0.0) <= reach + _LINE * height
        if gaps_above[c] is None or (gaps_above[c] > reach and not widow) or gaps_below[c] is None or gaps_below[c] > reach:
            return "ask" if cut and _empty_key(above, below) else None
    key = next((c for c, text in enumerate(above) if text.strip()), None)
    if key is None or (key in filled and key not in wrapped):
        # a key cell going on that would seem to have fitted above (穗财政【 | 2023】79号…: Writer keeps 2023】79 whole)
        # beside cells plainly cut at the foot: the rest of the row, or a row of its own: said, not guessed
        return "ask" if cut and key is not None else None
    return "join" if len(wrapped) == len(filled) or rests else "ask"


_WHOLE_AMOUNT = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{2})?")
_REST_ONLY = re.compile(r"[，。、；：？！,;:?!）)】」』”’》%‰]|[.,]\d")  # a mark that only follows text; a number's rest


def _rest_only(text: str) -> bool:
    """Whether a text begins as only the rest of another does."""
    return bool(_REST_ONLY.match(text.strip()))


_ITEM = re.compile(r"(?:^|(?<=[\s。；;]))(\d{1,2})\s*([、．.])(?!\d)")  # an item's number, where an item may begin


def _next_item(above: str, below: str) -> bool:
    """Whether the text below begins with the item number after the last one of the text above, marked alike."""
    first, items = _ITEM.match(below.strip()), list(_ITEM.finditer(above))
    return bool(first and items and int(first[1]) == int(items[-1][1]) + 1 and first[2] == items[-1][2])


def _empty_key(above: list[str], below: list[str]) -> bool:
    """The row below leaves empty the first cell the row above fills (序号, a project's or task's name)."""
    key = next((c for c, text in enumerate(above) if text.strip()), None)
    return key is not None and not below[key].strip()


def merged_on(above: str, below: str, gap_above: float | None, room_above: float | None, gap_below: float | None,
              starts_below: list[tuple[str, float]], height: float) -> bool:
    """Whether a cell merged down over the first rows of a page that goes on with a table (below) is the rest of the
    cell of the previous page's last row in its column (above): a task's name merged down beside its indicators,
    which Writer cut at the page's foot, its text going on in the part of the cell on the next page, whether the row
    it begins on is a row of its own there or the rest of the row above (split_row decides on the other cells). The
    text above reaches the foot, wrapped there, not at a sentence's end, and the text below begins at the top."""
    reach = _REACH * height
    if not above.strip() or not below.strip() or above.strip() == below.strip() or height <= 0:
        return False
    if gap_above is None or gap_above > reach or gap_below is None or gap_below > reach or room_above is None:
        return False
    return above.strip()[-1] not in _ENDS and first_word(starts_below) > room_above - _SLACK


_ENDS = set("。；;！!？?")  # a sentence's end: a cell's text may stop there


def first_word(chars: list[tuple[str, float]]) -> float:
    """The width (in characters) of what a line must take whole at the start of a text (its first characters, each
    with its width): a run of letters, digits and marks, or one character, with the marks that may not end a line
    before it and those that may not begin one after it; without end where the line holds those marks alone."""
    texts = [text for text, _ in chars]
    if texts and all(text in _NO_END for text in texts):
        # a line of nothing but marks that go with what follows (【 alone, 2023】79号 on the line below: seed 58's
        # px06 as Writer printed it, 穗财政 | 【 | 2023】79号…): what follows fitted on no line with them, so on no rest
        return float("inf")
    index = 0
    while index < len(texts) - 1 and texts[index] in _NO_END:
        index += 1
    start = index
    while index < len(texts) and texts[index].isascii() and not texts[index].isspace():
        index += 1
    if index == start and index < len(texts):
        index += 1
    while index < len(texts) and texts[index] in _NO_START:
        index += 1
    return sum(width for _, width in chars[:index])


def join_split(section: Section, table: Table, rows: list[list[str]], dropped: int, columns: list[float], number: int,
                last_row: int, page: int) -> list[list[str]]:
    """A ruled table going on at the top of a page (under its repeated header, if any) whose first row may be the rest
    of the last row of the page before, split there by a word processor with every border drawn (split_row): joined
    into it cell by cell (a merged cell's copies in the rows above, and below, as well), or, when that cannot be told,
    both rows' cells marked for the import to say so (the page kept in section.asked). The rows that follow. columns:
    the section's columns of the table, which the page's own and the page before's are, or are coarser than (cells
    merged over columns the other page splits)."""
    foot = section.last_foot
    inside = _inside(foot[0], columns) if foot is not None else None
    own = _inside(table.columns, columns)
    if inside is None or own is None or dropped >= len(table.head_gaps):
        return rows
    above = section.rows[last_row]
    below = [rows[0][o] for o in own]
    gaps, room = [foot[1][i] for i in inside], [foot[2][i] for i in inside]
    gaps_below, starts = [table.head_gaps[dropped][o] for o in own], [table.head_starts[dropped][o] for o in own]
    # A cell merged down over the page's first rows that goes on with the cell above it: joined, whatever the rest is
    merged = [c for c, text in enumerate(below) if len(rows) > 1 and rows[1][own[c]] is text and
              merged_on(above[c], text, gaps[c], room[c], gaps_below[c], starts[c], foot[3])]
    rest = [("" if c in merged else text) for c, text in enumerate(below)]
    found = split_row(above, rest, gaps, room, gaps_below, starts, foot[3])
    if found != "join":
        _join_cells(section, rows, number, last_row, merged, own)
    if found is None:
        return rows
    filled = [c for c, text in enumerate(rest if found == "ask" else below) if text.strip()]
    if found == "ask":
        section.asked.append(page)
        _doubt_both(section, number, last_row, rows, [(c, own[c]) for c in filled])
        return rows
    _join_cells(section, rows, number, last_row, filled, own)
    return rows[1:]


def _join_cells(section: Section, rows: list[list[str]], number: int, last_row: int, filled: list[int],
                own: list[int]) -> None:
    """The cells of a page's first row (rows[0], its own columns: own[c] for the section's column c) joined into the
    last row above (section.rows[last_row]), and into the copies of each: a cell merged down from the rows above, or
    over the rows below, or over columns (the same text joined into each of them)."""
    joined: dict[int, str] = {}
    for c in filled:
        above, below = section.rows[last_row][c], rows[0][own[c]]
        text = _joined(above, below)
        _replace_up(section, number, last_row, c, above, text)
        joined.setdefault(own[c], text)
    for o, text in joined.items():
        _replace_down(rows, o, rows[0][o], text)


def _doubt_both(section: Section, number: int, last_row: int, rows: list[list[str]],
                columns: list[tuple[int, int]]) -> None:
    """Both rows' cells of a row the page may have split, said: for each (section's column, page's own column), the
    section's last row's cell and its copies up, and the page's first row's cell and its copies down (a cell merged
    over rows above or below is that one cell: each row's copy is in doubt)."""
    for c, _ in columns:
        cell = section.rows[last_row][c]
        _replace_up(section, number, last_row, c, cell, _doubted(cell))
    for o in {o for _, o in columns}:
        _replace_down(rows, o, rows[0][o], _doubted(rows[0][o]))


def _replace_up(section: Section, number: int, last_row: int, c: int, cell: str, new: str) -> None:
    """The section's last row's cell in column c, and its copies up the rows above of the same table (a cell merged
    down over them: one text object), replaced by new."""
    for index in range(last_row, -1, -1):
        if section.row_tables[index] != number or section.rows[index][c] is not cell:
            break
        section.rows[index][c] = new


def _replace_down(rows: list[list[str]], o: int, cell: str, new: str) -> None:
    """A page's first row's cell in its own column o, and its copies down the rows under it (merged), replaced."""
    for row in rows:
        if row[o] is not cell:
            break
        row[o] = new


def join_wrapped(section: Section, table: Table, rows: list[list[str]], dropped: int, columns: list[float],
                 last_row: int) -> list[list[str]]:
    """A table without ruling lines going on at the top of a page, whose first row (rows[0], after its repeated
    header) may hold the rest of cells of the page before's last row, cut at its foot with no border to show it:
    a browser splits a task's name and goal, merged down beside its indicators, over the page (seed 39's f002:
    做好普法宣传工 | 作，全面加强宪法宣传教育。). A cell whose text above stopped mid-sentence on a full line (the room
    left on its last line: section.last_ends), so that the first word below would not have fitted there, goes on
    below; two such cells at least, so that one name that happens to fill its last line is no
    join, and not a row whose key cell (the row above's first with text: 序号, a name) is filled anew below. One such
    cell is enough where the key is empty below and every text there goes on one above, stopped mid-sentence (a
    line break typed in a text leaves its last line short of the wrap: 1．产出指标：数 | 量指标：…). They
    are joined into the row above and taken out of the row below, whose other cells (the task's next indicator)
    stay a row of their own. A number on either side is a value of its row, never a text going on."""
    room_above, lefts, short = section.last_ends
    if not rows or dropped >= len(table.head_starts) or last_row is None or len(room_above) != len(columns) - 1:
        return rows  # (the table's columns split since: which the room was measured in is not known)
    above = section.rows[last_row]
    spans = table.spans[len(table.rows) - len(rows)] if table.spans else []
    # each text under a text of the row above that begins where it does: a cell's lines begin at one edge, on either
    # page (a short rest, 月, may lie left of the middle of the columns a page before cut); a text beginning
    # elsewhere goes on none (一级指标 centred in a header, 产出指标 under it at its cell's edge)
    at = [next((c for x0, c in lefts if span is not None and abs(span[0] - x0) <= _SAME_START), None)
          for span in spans]
    wrapped: dict[int, int] = {}  # the section's column → the page's own
    going_on: dict[int, int] = {}  # the same, every cell below whose text above stopped mid-sentence
    filled = unmapped = 0
    for own, text in enumerate(rows[0]):
        c = at[own] if own < len(at) else None
        if not str(text).strip():
            continue
        filled += 1
        unmapped += c is None
        if c is None or c >= len(above) or c in going_on:
            continue
        before, after = str(above[c]).strip(), str(text).strip()
        if not before or before == after or before[-1] in _ENDS or _VALUE.fullmatch(before) or _VALUE.fullmatch(after):
            continue
        if short[c] is not None and short[c] > _SHORT:  # it stopped lines above the foot: no cut there
            continue
        going_on[c] = own
        if room_above[c] is not None and first_word(table.head_starts[dropped][own]) > room_above[c] - _SLACK:
            wrapped[c] = own
    key = next((c for c, text in enumerate(above) if str(text).strip()), None)
    below_key = next((str(rows[0][own]).strip() for own, c in enumerate(at) if c == key and own < len(rows[0])), "")
    if wrapped and not below_key and len(going_on) == filled:
        wrapped = going_on  # the key left empty below, and every text there goes on one above: the rest of the row
    if len(wrapped) < 2 or (below_key and key not in wrapped):
        if wrapped and len(going_on) >= 2 and len(going_on) + unmapped == filled and unmapped and \
                (not below_key or key in wrapped) and \
                not any(_VALUE.fullmatch(str(text).strip()) for text in rows[0] if str(text).strip()):
            # A cell plainly cut at the foot beside another stopped mid-sentence, every text below going on one above
            # but a text under no cell of the row above, the key not filled anew and no amount below: the rest is
            # not told from a row of its own (a 2019 form's pair 事件率，重 | 新犯罪率 beside its value, the task's goal
            # merged down beside them going on too, under no cell of the pair's row: seed 51's f011, f012). Said.
            _doubt_both(section, section.row_tables[last_row], last_row, rows, list(going_on.items()))
        return rows  # a row of its own below: its key (序号, a name) filled anew
    first = list(rows[0])
    for c, own in wrapped.items():
        above[c] = _joined(above[c], first[own])
        first[own] = ""
    return rows[1:] if not any(str(text).strip() for text in first) else [first, *rows[1:]]


_SHORT = 3.0  # lines: a text the page cut reaches the last row's lowest text, or a line or two short of it (a
# paragraph's last lines kept together); one stopping further up ended there (seed 51's p046: 法律援助经费, one line
# in a row of ten, and the next page's 法规咨询业务工作经费 a project of its own, not the rest of its name)
_SAME_START = SAME_X  # pt: two texts beginning this close begin at one cell's edge


def placed_ends(table: Table, placed: list[str]) -> tuple[list[float | None], list[tuple[float, int]],
                                                          list[float | None]]:
    """A table's last row as the section placed it (placed: its cells in the section's columns): the room left on each
    cell's last line (page.Table.last_room), where each text begins with the section's column it went to, and how
    far each text ends above the row's lowest (page.Table.last_gaps, in lines)."""
    room: list[float | None] = [None] * len(placed)
    short: list[float | None] = [None] * len(placed)
    lefts: list[tuple[float, int]] = []
    for own, (text, span) in enumerate(zip(table.rows[-1], table.spans[-1])):
        if span is None or not str(text).strip():
            continue
        column = next((c for c, cell in enumerate(placed) if str(cell) == str(text)), None)
        if column is None:
            continue
        lefts.append((span[0], column))
        if own < len(table.last_room) and table.last_room[own] is not None:
            room[column] = table.last_room[own]
        if own < len(table.last_gaps):
            short[column] = table.last_gaps[own]
    return room, lefts, short


def _joined(above: str, below: str) -> str:
    """Two parts of a cell split by the page break, joined, a doubt on either kept (ClippedText)."""
    text = join_cut(above, below)
    if isinstance(above, ClippedText) or isinstance(below, ClippedText):
        text = ClippedText(text, getattr(above, "overlapped", False) or getattr(below, "overlapped", False))
    return text


def _inside(coarse: list[float], finer: list[float]) -> list[int] | None:
    """For each of the finer columns, the one of the coarse columns it lies in (their outer borders alike), or None."""
    if abs(coarse[0] - finer[0]) > SAME_X or abs(coarse[-1] - finer[-1]) > SAME_X:
        return None
    found = []
    for left, right in pairwise(finer):
        index = next((i for i in range(len(coarse) - 1)
                      if coarse[i] - SAME_X <= left and right <= coarse[i + 1] + SAME_X), None)
        if index is None:
            return None
        found.append(index)
    return found


def _doubted(text: str) -> str:
    """A cell of a row that may be the rest of the page before's last row (or that row): said as such, not as text
    drawn over other text."""
    return ClippedText(text, overlapped=getattr(text, "overlapped", False), split=True)


def join_cut(before: str, after: str) -> str:
    """A cell split by the page break: its two parts, joined as a wrapped line is."""
    if not before or not after or before == after:  # a merged cell printed again on the new page
        return before or after
    spaced = space_at_wrap(before[-1], after[0]) and not _one_number(before, after)
    return before + (" " if spaced else "") + after


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_VALUE = re.compile(r"[≥≤<>＞＜=]?\s*-?\d[\d,]*(?:\.\d+)?\s*[%％‰]?")


def two_rows(above: list[str], below: list[str]) -> bool:
    """Whether the rows either side of a break with every column open are two rows, not one the break split. A
    browser draws no border at the page's foot; a split row's text goes on over the break, and none of it is
    printed twice, nor is a value of one line split: a cell holding the same text on both sides while another
    holds two (a browser prints each row's 一级 效益指标; seed 33's d005), or a number on each side that make no
    one number (8 | 1, 96 | 4: seed 37's dx14), means two rows."""
    pairs = [(a.strip(), b.strip()) for a, b in zip(above, below) if a.strip() and b.strip()]
    if any(a == b for a, b in pairs) and any(a != b for a, b in pairs):
        return True
    return any(_VALUE.fullmatch(a) and _VALUE.fullmatch(b) and not _one_number(a, b) for a, b in pairs)



def reached_foot(section: Section, columns: list[float], above: list[str], below: list[str]) -> bool:
    """Whether the last row of the page before, every column open at the page's foot, may be split there. A browser
    splits a row only inside a cell's lines: a row with text in every cell, whose cells with text below too are each
    of one line ending well above the row's foot (more than a line and its padding), was moved whole. Such a row is
    a header in a tall row (名称 | 主要实施内容 | …, 21 pt above its foot) whose border the browser drew as the top of
    the row under it, on the next page (seed 39's d025): joined, the task under it was lost. A cell of several lines
    may end two lines further above the foot (a paragraph's last lines kept together, seed 37's d017); a row with an
    empty cell (beside cells merged down over the break, 一级 centred in them; a template's 二级 row with no indicator)
    is told by its cells with text on both sides, when it has any; a row whose ends are not known (no ruling lines)
    may be split."""
    foot = section.last_foot
    inside = _inside(foot[0], columns) if foot is not None else None
    if foot is None or inside is None:
        return True
    if all(str(text).strip() for text in above):
        paired = [inside[c] for c, text in enumerate(below) if str(text).strip()]
    else:  # only the cells with text on both sides tell (seed 42's dx02: an empty 二级 row of the template at the
        # foot, 经济效益指标, its border drawn on the next page, read as one row with the 社会效益指标 row there)
        paired = [inside[c] for c, text in enumerate(below) if c < len(above) and str(text).strip()
                  and str(above[c]).strip() and str(above[c]).strip() != str(text).strip()]
    return not paired or any(foot[1][i] is None or foot[1][i] <= _FOOT_ROOM * foot[3] or
                             (foot[4][i] > 1 and foot[1][i] <= _KEPT_ROOM * foot[3]) for i in paired)


_FOOT_ROOM = 1.5  # of a line's height: a cut cell's text ends no further above its row's foot (its padding, a line)
# A cell of several lines cut by the page may end a kept-together paragraph's last lines higher, no more: a task's
# name of two lines at the top of a row 24 lines tall was moved whole, and the template's 其他需完成的任务 row under it
# on the next page was read as the name's rest (a browser's print of seed 48's dx03)
_KEPT_ROOM = _FOOT_ROOM + 2


def _one_number(before: str, after: str) -> bool:
    """A number too wide for its cell, broken where the line was full and cut there by the page (448,795,7 | 26.00):
    its two parts make one number grouped by thousands, which two numbers a space apart would not."""
    words_before, words_after = str.split(before), str.split(after)  # a ClippedText has a split flag of its own
    return bool(words_before and words_after and _GROUPED.fullmatch(words_before[-1] + words_after[0]))


def same_columns(own: list[float], target: list[float]) -> bool:
    return len(own) == len(target) and all(abs(a - b) <= SAME_X for a, b in zip(own, target))
