"""Text beside the tables of a band of strips, within the band's rows: put into the joined table's cells.

A cell merged across a strip border (项目资金 over the four amounts, 部门名称's value, a form's 总体绩效目标 across
the whole row) has no side border on one page or both, so pdfplumber finds no cell for it there: its text lies
beside the page's table, or inside the table's box in no cell (page.py hands both over as lines). The office suite
draws such a text on every page it reaches, each clipped to its own part, so the pages' parts, laid side by side,
overlap where both drew it: the characters are taken once, the lines of one text (wrapped, under each other)
gathered into one block, and the block put in the cell of the joined table it begins in (its middle, for a short
text centred over merged columns). Text already in one of the row's cells (drawn whole on another page, inside a
cell there) is not put again; text that would fall on another cell's text cannot be placed with confidence.
"""

from __future__ import annotations

from ...sheet_grid import ClippedText
from ..clips import hidden_in_part, outside_clip
from ..text import Line, group_lines, join_lines, split_line
from .rows import SAME, TWIN

_INSIDE = 0.5  # pt: a line counts in the row its top lies in, this far below it


def place_beside(pages: list, shifts: list[float], rows: list[list[str]], rows_at: list[float],
                 columns: list[float], refuse) -> list[list[Line]]:
    """Puts the band's text lying within its rows into rows (the joined table's cells, each page shifted by its
    strip's shift); returns each page's other lines (above and below the table)."""
    top, bottom = rows_at[0], rows_at[-1]
    outside, beside = [], []
    for page, shift in zip(pages, shifts):
        kept = []
        for line in page.lines:
            if top < line.top + _INSIDE < bottom:  # (a line begun in the last row and running out of it, in a row
                # too low for its text, is that row's: LibreOffice drew it because it begins inside)
                beside.extend({**char, "x0": char["x0"] + shift, "x1": char["x1"] + shift, "page": page.number}
                              for char in line.chars)
            else:
                kept.append(line)
        outside.append(kept)
    for block in _blocks(_once(beside), rows_at):
        _place(block, rows, rows_at, columns, refuse)
    return outside


def _once(chars: list[dict]) -> list[dict]:
    """The characters without those a second page drew again at the same place."""
    kept: list[dict] = []
    seen: dict[tuple, list[dict]] = {}
    for char in chars:
        bx, by = int(char["x0"] // 2), int(char["top"] // 2)
        near = (other for dx in (-1, 0, 1) for dy in (-1, 0, 1) for other in seen.get((char["text"], bx + dx, by + dy), ()))
        if any(other["page"] != char["page"] and abs(other["x0"] - char["x0"]) <= TWIN and
               abs(other["top"] - char["top"]) <= TWIN for other in near):
            continue
        seen.setdefault((char["text"], bx, by), []).append(char)
        kept.append(char)
    return kept


def _blocks(chars: list[dict], rows_at: list[float]) -> list[list[Line]]:
    """The texts, each its lines: runs of a line set apart by wide gaps, and the runs of the lines under them
    within one row that reach over the same x (a wrapped text)."""
    by_row: dict[int, list[dict]] = {}
    for char in chars:
        middle = _middle(char)
        row = next((r for r in range(len(rows_at) - 1) if rows_at[r] <= middle <= rows_at[r + 1]), -1)
        by_row.setdefault(row, []).append(char)
    blocks: list[list[Line]] = []
    for row_chars in by_row.values():
        runs = [group_lines(run)[0] for line in group_lines(row_chars) for run in split_line(line)
                if any(char["text"] != " " for char in run)]
        groups: list[list[Line]] = []
        for run in runs:  # top to bottom: a run joins the block whose last line it lies under
            group = next((g for g in groups if min(run.x1, max(l.x1 for l in g)) - max(run.x0, min(l.x0 for l in g)) > 0
                          and run.top > g[-1].top), None)
            if group is None:
                groups.append([run])
            else:
                group.append(run)
        blocks.extend(groups)
    return blocks


def _place(lines: list[Line], rows: list[list[str]], rows_at: list[float], columns: list[float], refuse) -> None:
    x0, x1 = min(line.x0 for line in lines), max(line.x1 for line in lines)
    text = join_lines(lines, x1 - x0).strip()
    if any(outside_clip(char) or hidden_in_part(char) for line in lines for char in line.chars):
        text = ClippedText(text)  # run over the rows below, or cut: the import says the print cut it
    first = lines[0]
    page = first.chars[0]["page"]
    middle_y = _middle(first.chars[0])
    row = next((r for r in range(len(rows_at) - 1) if rows_at[r] <= middle_y <= rows_at[r + 1]), None)
    key = text.replace(" ", "").replace("\n", "")
    if row is not None and any(key in cell.replace(" ", "").replace("\n", "") for c, cell in enumerate(rows[row])
                               if columns[c] < x1 and x0 < columns[c + 1]):
        return  # drawn whole on another page of the band, in a cell there: where it lies (the same text in another
        # cell of the row is another cell's, 0.00 beside 0.00: d014's 拟用于对下转移支付资金 was dropped)
    middle_x = (x0 + x1) / 2
    column = _column_at(columns, middle_x)
    if column is not None and x1 - x0 > columns[column + 1] - columns[column]:
        column = _column_at(columns, x0 + SAME)  # wider than the column its middle is in: it begins in its cell
    if row is None or column is None:
        raise refuse(f"第 {page} 页有文字在表格的栏目之外")
    held = rows[row][column].replace(" ", "").replace("\n", "")
    if held and held not in key:
        if first.top < (rows_at[row] + rows_at[row + 1]) / 2:
            raise refuse(f"第 {page} 页有文字跨过了分页处，与别的单元格重叠")
        # Its cell's text going on below the lines inside the row, out of it (a row too low for its text)
        before = str(rows[row][column]).rstrip()
        wide = before[-1:] >= "\u2e80" and text[:1] >= "\u2e80"  # Chinese runs on with no space between
        text = ClippedText(before + ("" if wide else " ") + text)
    rows[row][column] = text


def _middle(char: dict) -> float:
    """The height a character counts at: its clip's middle where it is drawn outside its clip, else its top (a
    cell's text running over the rows below it, in a row too low for it, is still its cell's: LibreOffice draws a
    cell's lines while they begin inside its row, clipped or not)."""
    clip = char.get("clip")
    if clip is not None and not clip[1] <= (char["top"] + char["bottom"]) / 2 <= clip[3]:
        return (clip[1] + clip[3]) / 2
    return char["top"] + _INSIDE


def _column_at(columns: list[float], x: float) -> int | None:
    return next((c for c in range(len(columns) - 1) if columns[c] <= x <= columns[c + 1]), None)


def placed_lines(pages: list[list[Line]], shifts: list[float]) -> list[Line]:
    """The text outside the tables, each page's at its strip's offset, what two pages both drew taken once: as one
    wide page would show it (a title over all the strips; the last row's text running on below the table, a row
    too low for it, under its own columns)."""
    chars = [{**char, "x0": char["x0"] + shift, "x1": char["x1"] + shift, "page": number}
             for number, (lines, shift) in enumerate(zip(pages, shifts)) for line in lines for char in line.chars]
    return group_lines(_once(chars))


def joined_lines(pages: list[list[Line]]) -> list[Line]:
    """The text outside the tables, page by page: a line of a later strip at the height of one already there
    is the same line (a title centred over all the columns, drawn on each page) or its continuation (单位：万元
    at the right end of the 部门名称 line): the longer text is kept, or the two stand side by side."""
    lines: list[Line] = list(pages[0])
    for page in pages[1:]:
        for line in page:
            index = next((i for i, kept in enumerate(lines) if abs(kept.top - line.top) <= SAME), None)
            if index is None:
                lines.append(line)
                continue
            kept = lines[index]
            if line.text.replace(" ", "") in kept.text.replace(" ", ""):
                continue
            if kept.text.replace(" ", "") in line.text.replace(" ", ""):
                lines[index] = line
                continue
            gap = 40.0  # a wide gap: split_line cuts the two into cells of their own
            shift = kept.x1 + gap - line.x0
            moved = [{**char, "x0": char["x0"] + shift, "x1": char["x1"] + shift} for char in line.chars]
            lines[index] = Line(min(kept.top, line.top), max(kept.bottom, line.bottom), kept.x0, line.x1 + shift,
                                [*kept.chars, *moved])
    return sorted(lines, key=lambda line: line.top)
