"""A table continued on the next page, matched with the table it continues: its repeated header rows, its
column borders, and the cells the page break cut.

A repeated header row is found even when the page drew other text into it: LibreOffice draws a merged cell
that runs over the page break once more on the new page, centred on the whole merged range and clipped to
the page, so its text (年度重点工作任务) can land, invisible, inside the repeated header row (部门名称),
and the PDF's characters interleave (部年门度名重称点工作任务).

A table's last row at a page break: page.py says a table was cut (its last row has no bottom border), and
which columns are open (borders.open_bottom) tells two cases apart:
- every column open: the row itself was split by the page break (this editor's print and word processors
  split a tall row), and its two parts are joined as one row (table._join_cut);
- some columns open: merged cells run on over the break (一级/二级 指标 merged down their rows, or 年度重点工作任务
  down the task table) while the row ended. A spreadsheet prints a merged cell's text once, centred on the
  whole range and clipped to each page, so it shows on one side of the break only; the rows on the other side
  get it (carry_merged) as they would from the cell on one page (page.py copies a merged cell's text to every
  row it covers), as far as the cell goes: to the first border drawn under it (borders.drawn_borders).
"""

from __future__ import annotations

from .text import Line, line_text, split_line
from ..sheet_grid import label_key

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
