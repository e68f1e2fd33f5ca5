"""Workbooks read into plain grids of cell values, the one shape the importers work on.

calamine reads values fast (PLATFORM.md: ~15× openpyxl); openpyxl is used where
merged cells matter (published department forms merge 一级/二级 down their rows).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Callable, Iterable

from ..infra.errors import FileProblem

MAX_ROWS = 500_000  # a city-wide file holds 200,000 indicators; a million rows is not a declaration
MAX_COLUMNS = 200
_MAX_UNCOMPRESSED = 1024 * 1024 * 1024
_MAX_RATIO = 200


@dataclass
class Grid:
    name: str
    rows: list[list[object]]

    def cell(self, row: int, column: int) -> object:
        if 0 <= row < len(self.rows) and 0 <= column < len(self.rows[row]):
            return self.rows[row][column]
        return None

    def text(self, row: int, column: int) -> str:
        return cell_text(self.cell(row, column))


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
    """Refuse what is not an xlsx, and zip bombs, before a parser sees it."""
    check_archive(path, "Excel 工作簿", ".xlsx",
                  lambda names: "[Content_Types].xml" in names and any(n.startswith("xl/worksheets/") for n in names))


def check_archive(path: Path, kind: str, extension: str, holds_sheets: Callable[[set[str]], bool]) -> None:
    """Refuse what is not a zip container of this kind (xlsx, ods, xlsb…), a damaged one, and zip bombs
    (over 1 GB unpacked, or over 50 MB at more than 200:1), before a parser sees it."""
    if not zipfile.is_zipfile(path):
        raise FileProblem(path, f"不是有效的 {kind}（{extension}），文件可能已损坏、不完整，或其实是其他格式")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if not holds_sheets({member.filename for member in members}):
                raise FileProblem(path, f"压缩包里没有工作表，不是 {kind}")
            total = sum(member.file_size for member in members)
            packed = max(1, sum(member.compress_size for member in members))
            if total > _MAX_UNCOMPRESSED or (total > 50 * 1024 * 1024 and total / packed > _MAX_RATIO):
                raise FileProblem(path, "工作簿解压后过大（疑似压缩炸弹），已拒绝打开")
            bad = archive.testzip()
            if bad is not None:
                raise FileProblem(path, f"工作簿已损坏（{bad} 校验失败）")
    except FileProblem:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError, NotImplementedError) as error:
        raise FileProblem(path, f"工作簿已损坏，无法解压：{error}") from error


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


def read_grids_fast(path: Path) -> list[Grid]:
    """Values of every sheet through calamine; merged cells keep only their top-left value."""
    from python_calamine import CalamineWorkbook

    check_zip(path)
    try:
        with path.open("rb") as stream:  # from a stream calamine goes by the content, not the file's name
            workbook = CalamineWorkbook.from_filelike(stream)
        grids = []
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            _check_height(path, name, sheet.total_height)
            rows = sheet.to_python(skip_empty_area=False)
            if sheet.total_width > MAX_COLUMNS:
                rows = [row[:MAX_COLUMNS] for row in rows]
            grids.append(Grid(name, rows))
        return grids
    except FileProblem:
        raise
    except Exception as error:  # calamine raises its own error types for every kind of damage
        raise _unreadable(path, error) from error


def read_grids_merged(path: Path) -> list[Grid]:
    """Values of every sheet through openpyxl, each merged range's value copied into all its cells."""
    import openpyxl

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
            rows = [list(row[:MAX_COLUMNS]) for row in sheet.iter_rows(values_only=True)]
            for merged in sheet.merged_cells.ranges:
                value = sheet.cell(merged.min_row, merged.min_col).value
                for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
                    for c in range(merged.min_col - 1, min(merged.max_col, MAX_COLUMNS)):
                        while len(rows[r]) <= c:
                            rows[r].append(None)
                        rows[r][c] = value
            grids.append(Grid(sheet.title, rows))
    finally:
        workbook.close()
    return grids


def _check_height(path: Path, sheet: str, rows: int) -> None:
    if rows > MAX_ROWS:
        raise FileProblem(path, f"工作表“{sheet}”有 {rows} 行，超过 {MAX_ROWS} 行的上限")


def _unreadable(path: Path, error: Exception) -> FileProblem:
    return FileProblem(path, f"工作簿无法读取，文件可能已损坏：{_short(error)}")


def _short(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) < 160 else text[:160] + "…"
