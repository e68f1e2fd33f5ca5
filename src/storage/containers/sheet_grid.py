"""Workbooks read into plain grids of cell values, the one shape the importers work on.

calamine reads values fast (PLATFORM.md: ~15× openpyxl); openpyxl is used where
merged cells matter (published department forms merge 一级/二级 down their rows).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Callable, Iterable

from ..infra.errors import FileProblem, error_text
from ..infra.limits import (
    MAX_PACK_RATIO,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
    MAX_UNPACKED_BYTES,
    PACK_RATIO_FROM,
    megabytes,
)
from .sheet_xml import SheetScan, scan_problem, walk_reach, worksheet_members

MAX_ROWS = MAX_TABLE_ROWS  # a city-wide file holds 200,000 indicators; a million rows is not a declaration
MAX_COLUMNS = MAX_TABLE_COLUMNS
_CHUNK = 1 << 20
_RESAVE = "请在 WPS/Excel 中打开它并另存为 .xlsx 后再打开；打不开时请向发送方重新索取文件"


@dataclass(frozen=True)
class Damage:
    """Something broken in a grid's source (a page cut off inside it, bytes not in its encoding), for the
    import's notes; row and column 1-based, as the table shows them."""

    text: str
    row: int | None = None
    column: int | None = None
    source_text: str | None = None


class ClippedText(str):
    """A cell's text where its source showed only part of it (a PDF row too low for its text, printed under a
    clip of the cell): the import takes all the source has and says that the printed table cut it. overlapped:
    the text was drawn over other text (a row too low, and no clip to tell whose is whose): lines of two cells
    may be mixed in it."""

    overlapped: bool = False
    split: bool = False  # perhaps the rest of a row a word processor broke across pages, or its first part: not joined

    def __new__(cls, text: str, overlapped: bool = False, split: bool = False) -> ClippedText:
        value = super().__new__(cls, text)
        value.overlapped = overlapped
        value.split = split
        return value

    @property
    def kind(self) -> str:
        """What the import says of it: "split", "overlapped" or "cut"."""
        return "split" if self.split else "overlapped" if self.overlapped else "cut"


@dataclass
class Grid:
    name: str
    rows: list[list[object]]
    dropped_columns: int = 0  # content right of MAX_COLUMNS was left out, up to this column (1-based); 0: none
    damage: list[Damage] = field(default_factory=list)  # what the container found broken in this grid's source
    # The container gives a merged range's text in its first cell only and keeps no trace of how far the range
    # reached (text and CSV, as Excel and Calc write them; a PDF table without ruling lines): a cell left empty under
    # a text may be the range's.
    merges_lost: bool = False
    merges_why: str = "文本和 CSV 文件里，合并单元格的文字只在第一行"  # said in the note where an empty cell took the text above

    def cell(self, row: int, column: int) -> object:
        if 0 <= row < len(self.rows) and 0 <= column < len(self.rows[row]):
            return self.rows[row][column]
        return None

    def text(self, row: int, column: int) -> str:
        return cell_text(self.cell(row, column))


# A table of fewer columns is never taken for the rest of the one before it (layout tables, one-cell boxes).
_JOINED_FROM = 3


def goes_on_from(rows: list[list[object]], columns_before: int) -> bool:
    """Whether a table standing right after another of columns_before columns (nothing shown between) is that
    table's rest, broken in two: as many columns, at least _JOINED_FROM, and not opening with one text across its
    whole width (a title merged across, as the next form of a document opens)."""
    columns = max((len(row) for row in rows), default=0)
    first = rows[0] if rows else []
    opens = len(first) > 1 and first[0] is not None and all(value == first[0] for value in first)
    return columns == columns_before >= _JOINED_FROM and not opens


def cell_text(value: object) -> str:
    """A cell as the text a clerk sees: 8.0 → '8', None → ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


def label_key(value: object) -> str:
    """Header text compared loosely: no spaces or line breaks, half-width brackets and colons."""
    text = cell_text(value)
    for wide, narrow in (("（", "("), ("）", ")"), ("：", ":")):
        text = text.replace(wide, narrow)
    return "".join(text.split())


def check_zip(path: Path) -> None:
    """Refuse what is not an xlsx, zip bombs, and sheets whose cells or merged ranges reach past the limits,
    before a parser sees it."""
    check_archive(path, "Excel 工作簿", ".xlsx",
                  lambda names: "[Content_Types].xml" in names and any(n.startswith("xl/worksheets/") for n in names),
                  worksheets=worksheet_members)


def check_archive(path: Path, kind: str, extension: str, holds_sheets: Callable[[set[str]], bool],
                  worksheets: Callable[[zipfile.ZipFile], dict[str, str]] | None = None) -> None:
    """Refuse what is not a zip container of this kind (xlsx, ods, xlsb…), a damaged or encrypted one, and zip
    bombs (over limits.MAX_UNPACKED_BYTES unpacked, or over 50 MB at more than 200:1), before a parser sees it.
    Every member is unpacked once to check it; worksheets ({member: sheet name}, for xlsx) are scanned on the
    way for cells and merged ranges beyond the limits (sheet_xml)."""
    if not zipfile.is_zipfile(path):
        raise FileProblem(path, f"不是有效的 {kind}（{extension}），文件可能已损坏、不完整，或其实是其他格式。{_RESAVE}")
    member = ""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if not holds_sheets({member.filename for member in members}):
                raise FileProblem(path, f"压缩包里没有工作表，不是 {kind}")
            total = sum(member.file_size for member in members)
            packed = max(1, sum(member.compress_size for member in members))
            if total > MAX_UNPACKED_BYTES or (total > PACK_RATIO_FROM and total / packed > MAX_PACK_RATIO):
                raise FileProblem(path, f"工作簿解压后有 {megabytes(total)}（压缩前 {megabytes(packed)}），超过 "
                                        f"{megabytes(MAX_UNPACKED_BYTES)} 或 {MAX_PACK_RATIO}:1 的上限（疑似压缩炸弹），已拒绝打开")
            if any(member.flag_bits & 0x1 for member in members):
                raise FileProblem(path, f"这个 {kind} 的压缩包设有密码（已加密），无法读取。请向发送方索取未加密的文件，"
                                        "或在 WPS/Excel 中输入密码打开后另存为不加密的 .xlsx")
            sheets = worksheets(archive) if worksheets is not None else {}
            for info in members:
                member = info.filename
                _unpack(path, archive, info, sheets.get(member))
    except FileProblem:
        raise
    except zipfile.BadZipFile as error:
        where = f"（{member} 校验失败）" if member else ""
        raise FileProblem(path, f"工作簿已损坏{where}，无法解压。{_RESAVE}", error_text(error)) from error
    except (zlib.error, OSError, EOFError, ValueError, RuntimeError, NotImplementedError) as error:
        raise FileProblem(path, f"工作簿已损坏，无法解压。{_RESAVE}", error_text(error)) from error


def _unpack(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, sheet: str | None) -> None:
    """Unpack one member to the end (zipfile checks its CRC there); a worksheet is scanned on the way."""
    if info.is_dir():
        return
    scan = SheetScan() if sheet is not None else None
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if scan is not None:
                scan.feed(chunk, last=not chunk)
            if not chunk:
                break
    if scan is not None:
        problem = scan_problem(sheet, scan, lambda: walk_reach(archive.read(info)))
        if problem is not None:
            raise FileProblem(path, problem)


def fill_merged(rows: list[list[object]], ranges: Iterable[tuple[int, int, int, int]]) -> None:
    """Copy each merged range's value (its top-left cell's) into every cell of the range, as a clerk sees it.
    Ranges are 0-based and inclusive: (first row, first column, last row, last column); what lies beyond the
    rows read or MAX_COLUMNS is left out. Ranges covering more cells than the grid has overlap, which a valid
    workbook's never do: ValueError, before anything is filled."""
    clipped = [(first_row, first_column, min(last_row, len(rows) - 1), min(last_column, MAX_COLUMNS - 1))
               for first_row, first_column, last_row, last_column in ranges
               if first_row < len(rows) and first_column < MAX_COLUMNS
               and first_row <= last_row and first_column <= last_column]
    width = max([len(row) for row in rows] + [last_column + 1 for *_, last_column in clipped], default=0)
    if sum((r1 - r0 + 1) * (c1 - c0 + 1) for r0, c0, r1, c1 in clipped) > len(rows) * width:
        raise ValueError("merged ranges overlap")
    for first_row, first_column, last_row, last_column in clipped:
        top = rows[first_row]
        value = top[first_column] if first_column < len(top) else None
        for row in rows[first_row:last_row + 1]:
            if len(row) <= last_column:
                row.extend([None] * (last_column + 1 - len(row)))
            row[first_column:last_column + 1] = [value] * (last_column - first_column + 1)


def read_grids_fast(path: Path, checked: bool = False) -> list[Grid]:
    """Values of every sheet through calamine; merged cells keep only their top-left value. checked: check_zip
    has passed on this file already (workbook_reader.workbook_grids checks it once for both readers)."""
    from python_calamine import CalamineWorkbook

    if not checked:
        check_zip(path)
    try:
        with path.open("rb") as stream:  # from a stream calamine goes by the content, not the file's name
            workbook = CalamineWorkbook.from_filelike(stream)
        grids = []
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            _check_height(path, name, sheet.total_height)
            rows = sheet.to_python(skip_empty_area=False)
            grid = Grid(name, rows)
            if sheet.total_width > MAX_COLUMNS:
                grid.rows = cut_columns(grid, rows)
            grids.append(grid)
        return grids
    except FileProblem:
        raise
    except BaseException as error:  # calamine's own error types, and the Rust panics pyo3 raises as BaseException
        if not calamine_failure(error):
            raise
        raise _unreadable(path, error) from error


def read_grids_merged(path: Path, checked: bool = False) -> list[Grid]:
    """Values of every sheet through openpyxl, each merged range's value copied into all its cells."""
    import openpyxl

    if not checked:
        check_zip(path)
    try:
        with path.open("rb") as stream:  # a stream: openpyxl would refuse a misnamed workbook by its name
            workbook = openpyxl.load_workbook(io.BytesIO(stream.read()), data_only=True)
    except Exception as error:  # openpyxl raises KeyError, TypeError… on damaged parts
        raise _unreadable(path, error) from error
    grids = []
    try:
        for sheet in workbook.worksheets:
            _check_height(path, sheet.title, sheet.max_row)
            grid = Grid(sheet.title, [])
            rows = [list(row) if len(row) <= MAX_COLUMNS else cut_columns(grid, [row])[0]
                    for row in sheet.iter_rows(values_only=True)]
            for merged in sheet.merged_cells.ranges:
                value = sheet.cell(merged.min_row, merged.min_col).value
                for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
                    for c in range(merged.min_col - 1, min(merged.max_col, MAX_COLUMNS)):
                        while len(rows[r]) <= c:
                            rows[r].append(None)
                        rows[r][c] = value
            grid.rows = rows
            grids.append(grid)
    finally:
        workbook.close()
    return grids


def cut_columns(grid: Grid, rows: list[list[object]]) -> list[list[object]]:
    """rows without the columns past MAX_COLUMNS; grid.dropped_columns says how far the content cut off went."""
    furthest = 0
    for row in rows:
        if len(row) > MAX_COLUMNS:
            last = next((index for index in range(len(row) - 1, MAX_COLUMNS - 1, -1) if not _blank(row[index])), -1)
            furthest = max(furthest, last + 1)
    grid.dropped_columns = max(grid.dropped_columns, furthest)
    return [list(row[:MAX_COLUMNS]) if len(row) > MAX_COLUMNS else row for row in rows]


def dropped_columns_note(grid: Grid) -> str | None:
    """The 导入说明 for content right of MAX_COLUMNS that was left out, or None."""
    if grid.dropped_columns <= MAX_COLUMNS:
        return None
    return (f"工作表“{grid.name}”第 {MAX_COLUMNS} 列以右还有内容（一直到第 {grid.dropped_columns:,} 列），"
            f"本程序只读前 {MAX_COLUMNS} 列，这些内容未导入")


def _blank(value: object) -> bool:
    return value is None or value == ""


def calamine_failure(error: BaseException) -> bool:
    """calamine's own errors, and the Rust panics pyo3 turns into PanicException — a BaseException, not an
    Exception — on damage calamine does not foresee; not Ctrl+C."""
    return isinstance(error, Exception) or type(error).__name__ == "PanicException"


def _check_height(path: Path, sheet: str, rows: int) -> None:
    if rows > MAX_ROWS:
        raise FileProblem(path, f"工作表“{sheet}”有 {rows:,} 行，超过 {MAX_ROWS:,} 行的上限，未打开。"
                                "请删除表格下方多余的行，或把表格拆成几个文件分别打开")


def _unreadable(path: Path, error: BaseException) -> FileProblem:
    return FileProblem(path, f"工作簿无法读取，文件可能已损坏或不完整。{_RESAVE}", error_text(error))
