"""Text files (.txt/.tsv/.csv) and copied text → grids → the published-table recognisers.

The text is read as tab-separated, then comma-separated, then as the text layout of a PDF; the first
reading in which a published table's header is found wins. `grids_from_text` takes text rather than a
path, so pasting from the clipboard reuses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..containers.sheet_grid import Grid, label_key
from ..containers.text_table import decode_text, delimited_grid
from ..infra.errors import FileProblem, os_problem
from ..infra.opened import OpenResult, Reader
from ..infra.preflight import open_regular
from ..infra.progress import Cancelled, Progress, tell
from ..recognisers.grid_import import import_published, is_published_table, not_a_declaration
from ..recognisers.project_table import find_project_header
from ..recognisers.published import is_footnote

_NO_HEADER = ("这个文本文件中没有找到项目支出绩效目标表或部门整体预算绩效目标申报表（需要“项目名称”“绩效指标”等表头，"
              "或“部门名称”“总体绩效目标”等栏目）")


@dataclass
class TextTable:
    """What a text file gives before recognition: its grids, and how they were read (encoding, delimiter)."""

    grids: list[Grid]
    notes: list[str]


def text_grids(path: Path, progress: Progress | None = None) -> TextTable:
    """The text decoded and cut into grids; progress is told the lines read."""
    try:
        with open_regular(path) as stream:  # a regular file within limits.MAX_FILE_BYTES, or refused unread
            data = stream.read()
    except OSError as error:
        raise os_problem(path, error) from error
    text, encoding = decode_text(data, path)
    notes: list[str] = [f"文本编码：{encoding}"]
    lines = text.count("\n") + 1
    tell(progress, path, 0, lines)
    try:
        grids = grids_from_text(text, path.name, notes, progress)
    except Cancelled as cancelled:
        raise Cancelled(path) from cancelled
    except FileProblem as problem:  # named by the file's name only: name it by its path
        raise FileProblem(path, problem.reason, problem.detail) from problem
    tell(progress, path, lines, lines)
    return TextTable(grids, notes)


def text_declaration(path: Path, table: TextTable) -> OpenResult:
    if not any(is_published_table(grid) for grid in table.grids):
        raise not_a_declaration(path, table.grids, _NO_HEADER)
    opened = import_published(path, table.grids)
    opened.notes[:0] = table.notes
    return opened


def read_text_table(path: Path, progress: Progress | None = None) -> OpenResult:
    """The format registry's reader for .txt/.tsv/.csv: a published table in text, imported."""
    return text_declaration(path, text_grids(path, progress))


def grids_from_text(text: str, name: str, notes: list[str] | None = None,
                    progress: Progress | None = None) -> list[Grid]:
    """The grids a table in text gives, for import_published; notes get how the text was read.

    Tab-separated is tried first, then comma-separated, then the PDF text layout; the first
    reading in which a published table's header is found wins. When none is found, the first
    reading is returned (the importer then says what is missing). Raises FileProblem(name) for
    text that shows a table this cannot rebuild faithfully. progress is told the lines a text layout
    is rebuilt from (the slow reading); Cancelled(name) when it says stop.
    """
    notes = notes if notes is not None else []
    text = text.lstrip("\ufeff")
    candidates = []
    for delimiter, label in (("\t", "制表符"), (",", "逗号")):
        if delimiter in text:
            grid = delimited_grid(name, text, delimiter)
            if is_published_table(grid):
                notes.append(f"按{label}分隔的表格读取")
                _mend_broken_rows(grid, notes)
                return [grid]
            candidates.append([grid])
    from ..recognisers.text_layout import layout_grids

    layout_notes: list[str] = []
    grids = layout_grids(text, name, layout_notes, progress)
    if any(is_published_table(grid) for grid in grids):
        notes.append("按 PDF 复制或导出的文本版式重建表格（单元格按位置和换行推断，请核对）")
        notes.extend(layout_notes)
        return grids
    return candidates[0] if candidates else grids or [Grid(name, [])]


def _mend_broken_rows(grid: Grid, notes: list[str]) -> None:
    """Browsers copy a cell with line breaks as several lines; rejoin those below a project header.

    A run of short lines is joined (the break kept inside the cell) only when the joined row has
    exactly the header's number of cells and each line after the first goes on with text (one opening with a
    tab is a row of its own whose first cell is empty: Calc's copy drops a row's trailing tabs, so a 合计 row and
    the unit row under it are short too); otherwise the lines stay as they were. A line of one cell
    after a whole row goes on with that row's last cell when that is 绩效目标/绩效指标 and the line
    reads as running text (a group row such as "区法律援助处" stays a row of its own).
    """
    found = find_project_header(grid)
    if found is None:
        return
    header, columns = found
    width = len(grid.rows[header])
    last_is_text = any(columns.get(role) == width - 1 for role in ("goal", "indicators"))
    numbered = any(label_key(cell) == "序号" for cell in grid.rows[header])
    rows, mended, out = grid.rows, 0, grid.rows[: header + 1]
    whole: list | None = None  # the last row that has every cell
    index = header + 1
    while index < len(rows):
        row = rows[index]
        if len(row) == 1 and whole is not None and last_is_text and _running_text(row[0]) and not is_footnote(row[0]):
            whole[-1] = f"{whole[-1]}\n{row[0]}".strip("\n")
            mended += 1
            index += 1
            continue
        joined, end = list(row), index + 1
        while (0 < len(joined) < width and end < len(rows) and len(joined) + max(len(rows[end]), 1) - 1 <= width
               and (not rows[end] or rows[end][0])  # a line opening with a tab opens a row (Calc drops trailing tabs)
               and not (numbered and rows[end] and _ITEM_NUMBER.match(rows[end][0]))):  # nor one opening with 序号
            piece = rows[end] or [""]
            joined[-1] = f"{joined[-1]}\n{piece[0]}".strip("\n")
            joined.extend(piece[1:])
            end += 1
        if len(joined) == width and end > index + 1:
            out.append(joined)
            mended += 1
            index = end
        else:
            out.append(row)
            index += 1
        if out[-1]:
            whole = out[-1] if len(out[-1]) == width else None
    if mended:
        grid.rows = out
        notes.append(f"{mended} 处被换行拆开的单元格已按表头的 {width} 列重新拼接")


# 3 | 法制业务经费 | … under a unit row (| 天河区公证处): the next project, not the unit's name going on (seed 61's p012,
# its period empty and the tab before it dropped, so the two lines made the header's width together)
_ITEM_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")


def _running_text(text: str) -> bool:
    return any(mark in text for mark in "。；;：:，,") or len(text) > 20


READER = Reader(text_grids, text_declaration)
