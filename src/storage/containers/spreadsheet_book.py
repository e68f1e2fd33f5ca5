"""Workbooks in the containers the editor reads but does not write — .xls (Excel 97-2003, and WPS .et, the
same OLE2/BIFF8 container), .ods and .xlsb — into grids through python-calamine, by their content, whatever
they are named (readers/spreadsheet.py then tells the editor's own workbook saved again in one of them from a
published table).

Merged ranges are filled as read_grids_merged fills them for xlsx: from calamine for .xls, from the sheet's
own XML for .ods (calamine 0.9 gives none there). calamine gives none for .xlsb either, and there this
leaves them as calamine reads them, the value in the top-left cell only.
"""

from __future__ import annotations

import html
import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ..infra.errors import FileProblem, error_text, os_problem
from ..infra.limits import MAX_SHEET_CELLS
from ..infra.preflight import open_regular
from ..infra.progress import Progress, tell
from ..infra.signatures import OLE2_MAGIC
from .sheet_grid import (
    MAX_ROWS,
    Grid,
    calamine_failure,
    check_archive,
    cut_columns,
    fill_merged,
)
from .xls_errors import error_cells

# A sheet is refused above this many cells (rows × columns to its last filled cell) before it is turned into
# Python rows: the 200,000-indicator declaration's largest sheet has 1.4 million.
MAX_CELLS = MAX_SHEET_CELLS

# An encrypted xlsx (a password to open) is an OLE2 file holding this stream; calamine only says it cannot
# tell the format. The name is stored in UTF-16 in the OLE2 directory.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# The OLE2 directory names (UTF-16LE) of a Word 97-2003 document's main stream and of an .xls's.
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_WORKBOOK_STREAM = "Workbook".encode("utf-16-le")
_PASSWORD_ADVICE = ("请向发送方索取未加密的文件，或在 Excel 或 WPS 中输入密码打开它，取消“打开密码”后另存为 .xlsx，再打开")
_RESAVE = "请向发送方重新索取文件，或在 WPS/Excel 中打开它并另存为 .xlsx 后再打开"

Ranges = list[tuple[int, int, int, int]]  # merged ranges, 0-based and inclusive, as fill_merged takes them


@dataclass(frozen=True)
class _Container:
    label: str  # for messages
    extension: str
    holds_sheets: Callable[[set[str]], bool] | None = None  # zip containers: the members a workbook has


_XLS = _Container("Excel 97-2003 工作簿或 WPS 表格", ".xls")
_ODS = _Container("OpenDocument 表格", ".ods", lambda names: "content.xml" in names)
_XLSB = _Container("Excel 二进制工作簿", ".xlsb",
                   lambda names: "xl/workbook.bin" in names and any(n.startswith("xl/worksheets/") for n in names))


@dataclass
class Book:
    """A workbook's worksheets as grids, each merged range filled only once fill_merges() is called."""

    label: str  # what kind of workbook, for messages
    grids: list[Grid]
    merges: dict[str, Ranges]

    def fill_merges(self, path: Path) -> None:
        for grid in self.grids:
            try:
                fill_merged(grid.rows, self.merges.get(grid.name, ()))
            except ValueError as error:
                raise FileProblem(path, f"工作表“{grid.name}”的合并单元格互相重叠，文件可能已损坏") from error


# The containers by the registry's format keys (storage/infra/formats.py recognises them, once).
CONTAINERS = {"xls": _XLS, "ods": _ODS, "xlsb": _XLSB}


def container_by_extension(path: Path) -> str | None:
    suffix = path.suffix.lower()
    return "xls" if suffix == ".et" else next((k for k, c in CONTAINERS.items() if c.extension == suffix), None)


def read_book(path: Path, kind: str, progress: Progress | None = None) -> Book:
    """A workbook the registry recognised as kind (xls — also WPS .et —, ods or xlsb); every failure is one
    FileProblem. progress is told the worksheets read."""
    container = CONTAINERS[kind]
    grids, merges = _read_grids(path, container, progress)
    return Book(container.label, grids, merges)


def _read_grids(path: Path, container: _Container,
                progress: Progress | None = None) -> tuple[list[Grid], dict[str, Ranges]]:
    """Every worksheet as a grid (merged cells keep their top-left value only), and its merged ranges."""
    from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum

    merges: dict[str, Ranges] = {}
    errors: dict[str, list[tuple[int, int, str]]] = {}  # cells showing a formula's error, which calamine empties
    if container.holds_sheets is not None:
        check_archive(path, container.label, container.extension, container.holds_sheets)
    if container is _ODS:
        merges = _ods_merges(path, errors)  # also refuses oversized sheets before calamine inflates them
    try:
        with open_regular(path) as stream:  # a regular file within limits.MAX_FILE_BYTES, or refused unread
            data = stream.read()
    except OSError as error:
        raise os_problem(path, error) from error
    if container is _XLS:
        errors = error_cells(_check_ole2(path, data))
    try:  # from a stream calamine goes by the content, not the file's name
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError as error:
        raise FileProblem(path, f"工作簿设有打开密码（已加密），无法读取。{_PASSWORD_ADVICE}") from error
    except BaseException as error:
        if not calamine_failure(error):
            raise
        raise _damaged(path, container, data, error) from error
    try:
        grids = []
        sheets = [info for info in workbook.sheets_metadata if info.typ == SheetTypeEnum.WorkSheet]  # no charts, macros
        tell(progress, path, 0, len(sheets))
        for sheet_info in sheets:
            sheet = workbook.get_sheet_by_name(sheet_info.name)
            height, width = (sheet.end[0] + 1, sheet.end[1] + 1) if sheet.end is not None else (0, 0)
            _check_size(path, sheet_info.name, height, width)
            grid = Grid(sheet_info.name, sheet.to_python(skip_empty_area=False))
            grid.rows = cut_columns(grid, grid.rows)
            for r, c, text in errors.get(sheet_info.name, ()):  # shown as the sheet shows it: readers say it, not take it
                if r < len(grid.rows) and c < len(grid.rows[r]) and grid.rows[r][c] in ("", None):
                    grid.rows[r][c] = text
            grids.append(grid)
            if container is _XLS:
                merges[sheet_info.name] = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or ()]
            tell(progress, path, len(grids), len(sheets))  # Cancelled is a FileProblem: passed on below
        return grids, merges
    except FileProblem:
        raise
    except BaseException as error:
        if not calamine_failure(error):
            raise
        raise _damaged(path, container, data, error) from error
    finally:
        workbook.close()


def _check_size(path: Path, sheet: str, height: int, width: int) -> None:
    if height > MAX_ROWS:
        raise FileProblem(path, f"工作表“{sheet}”有 {height} 行，超过 {MAX_ROWS} 行的上限，未打开。"
                                "请删除表格下方多余的行，或把表格拆成几个文件分别打开")
    if height * width > MAX_CELLS:
        raise FileProblem(path, f"工作表“{sheet}”有 {height:,} 行 × {width:,} 列，超过 {MAX_CELLS:,} 个单元格的上限，未打开。"
                                "请删除表格右侧和下方多余的行、列后另存再打开")


def _damaged(path: Path, container: _Container, data: bytes, error: BaseException) -> FileProblem:
    if container is _XLS and _ENCRYPTED_PACKAGE in data:
        return FileProblem(path, f"这是设有打开密码（已加密）的 Excel 工作簿，无法读取。{_PASSWORD_ADVICE}")
    if container is _XLS and _WORD_STREAM in data and _WORKBOOK_STREAM not in data:  # the same OLE2 box as .xls
        return FileProblem(path, "这是 Word 97-2003 文档（.doc），本程序不能直接读取。请在 Word/WPS 中打开它，"
                                 "另存为 .docx（Word 文档）后再打开")
    return FileProblem(path, f"{container.label}无法读取，文件可能已损坏或不完整。{_RESAVE}", error_text(error))


_FREE_SECTOR = 0xFFFFFFFF
_END_OF_CHAIN = 0xFFFFFFFE
_LAST_REAL_SECTOR = 0xFFFFFFFA  # above: end of chain, FAT and DIFAT sectors, free
_STREAM, _ROOT = 2, 5  # directory entry types


def _check_ole2(path: Path, data: bytes) -> bytes:
    """An OLE2 file (.xls, .et) whose allocation table names sectors the file no longer holds — a download or
    a copy cut short — is refused here: calamine 0.9 panics on it instead of raising. So is one whose chains of
    sectors (the directory's, the mini stream's and its table's, every stream's) loop or lead past the file's
    end: calamine follows a loop until memory runs out. And an encrypted xlsx (its EncryptedPackage stream) is
    told as such before calamine says it cannot tell the format. The workbook's stream, as the chains walked give
    it (empty when there is none), for what calamine does not read of it (xls_errors)."""
    def cut_short() -> FileProblem:
        return FileProblem(path, f"{_XLS.label}不完整（文件在 {len(data):,} 字节处被截断）或已损坏，请重新下载或复制")

    if not data.startswith(OLE2_MAGIC):  # named .xls but not an OLE2 file (the registry went by the name)
        raise FileProblem(path, "不是 Excel 97-2003 工作簿（.xls）或 WPS 表格（.et），文件可能已损坏、不完整，或其实是其他格式")
    if len(data) < 512:
        raise cut_short()
    shift, fat_count = struct.unpack_from("<H", data, 30)[0], struct.unpack_from("<I", data, 44)[0]
    if shift not in (9, 12):
        raise FileProblem(path, f"{_XLS.label}已损坏（扇区大小无效），无法读取。{_RESAVE}")
    size = 1 << shift

    def sector(number: int) -> tuple[int, ...]:  # sector n starts at (n + 1) × size, after the header's sector
        if number >= _LAST_REAL_SECTOR or (number + 2) * size > len(data):
            raise cut_short()
        return struct.unpack_from(f"<{size // 4}I", data, (number + 1) * size)

    if fat_count * size > len(data):
        raise cut_short()
    fat_sectors = list(struct.unpack_from("<109I", data, 76))[:fat_count]
    next_difat, seen = struct.unpack_from("<I", data, 68)[0], 0
    while len(fat_sectors) < fat_count:
        seen += 1
        if seen > fat_count:  # a DIFAT chain that loops
            raise cut_short()
        entries = sector(next_difat)
        fat_sectors += entries[:-1]
        next_difat = entries[-1]
    fat: list[int] = []
    last_used = -1
    for index, number in enumerate(fat_sectors[:fat_count]):
        entries = sector(number)
        used = [i for i, entry in enumerate(entries) if entry != _FREE_SECTOR]
        if used:
            last_used = index * len(entries) + used[-1]
        fat.extend(entries)
    if last_used >= 0:
        sector(last_used)
    return _check_chains(path, data, size, fat, cut_short)


def _check_chains(path: Path, data: bytes, size: int, fat: list[int], cut_short) -> bytes:
    in_file = len(data) // size - 1  # whole sectors after the header's

    def chain(start: int, table: list[int], count: int, what: str) -> list[int]:
        """The sectors of the chain from start, each once; FileProblem when it loops or leads out of the file."""
        found: list[int] = []
        seen: set[int] = set()
        number = start
        while number != _END_OF_CHAIN:
            if number >= count or number >= len(table):
                raise cut_short()
            if number in seen:
                raise FileProblem(path, f"{_XLS.label}已损坏：{what}的扇区链循环引用自身（文件内部结构被破坏），"
                                        f"无法读取。{_RESAVE}")
            seen.add(number)
            found.append(number)
            number = table[number]
            if number in (_FREE_SECTOR, 0xFFFFFFFD, 0xFFFFFFFC):  # a chain that ends in a free or table sector
                raise FileProblem(path, f"{_XLS.label}已损坏：{what}的扇区链中断，无法读取。{_RESAVE}")
        return found

    directory_sectors = chain(struct.unpack_from("<I", data, 48)[0], fat, in_file, "目录")
    entries = []
    for number in directory_sectors:
        block = data[(number + 1) * size:(number + 2) * size]
        for offset in range(0, size, 128):
            name_length, kind = struct.unpack_from("<HB", block, offset + 64)
            start, length = struct.unpack_from("<II", block, offset + 116)
            name = block[offset:offset + min(max(name_length - 2, 0), 64)]
            entries.append((kind, name, start, length))
    if any(kind == _STREAM and name == _ENCRYPTED_PACKAGE for kind, name, _, _ in entries):
        raise FileProblem(path, f"这是设有打开密码（已加密）的 Excel 工作簿，无法读取。{_PASSWORD_ADVICE}")
    if not entries or entries[0][0] != _ROOT:
        raise FileProblem(path, f"{_XLS.label}已损坏（没有根目录），无法读取。{_RESAVE}")
    cutoff = struct.unpack_from("<I", data, 56)[0]
    mini_size = 1 << struct.unpack_from("<H", data, 32)[0]
    mini_fat: list[int] = []
    first_mini_fat, mini_fat_count = struct.unpack_from("<II", data, 60)
    if mini_fat_count and first_mini_fat != _END_OF_CHAIN:
        for number in chain(first_mini_fat, fat, in_file, "迷你分配表"):
            mini_fat.extend(struct.unpack_from(f"<{size // 4}I", data, (number + 1) * size))
    _, _, root_start, root_length = entries[0]
    mini_sectors: list[int] = []
    if root_length and root_start != _END_OF_CHAIN:
        mini_sectors = chain(root_start, fat, in_file, "迷你流")
    in_mini_stream = len(mini_sectors) * size // mini_size
    workbook = b""
    for kind, name, start, length in entries[1:]:
        if kind != _STREAM or not length or start == _END_OF_CHAIN:
            continue
        if length < cutoff:
            sectors = chain(start, mini_fat, in_mini_stream, "数据流")
            if name == _WORKBOOK_STREAM:  # a small workbook's: 64-byte sectors of the root's stream
                mini = b"".join(data[(n + 1) * size:(n + 2) * size] for n in mini_sectors)
                workbook = b"".join(mini[n * mini_size:(n + 1) * mini_size] for n in sectors)[:length]
        else:
            sectors = chain(start, fat, in_file, "数据流")
            if name == _WORKBOOK_STREAM:
                workbook = b"".join(data[(n + 1) * size:(n + 2) * size] for n in sectors)[:length]
    return workbook


# ---- .ods: merged ranges (and sizes) from content.xml ------------------------------------------------
# The tags are found by the names office suites write, which are the names calamine itself matches
# (`table:table-row`, `table:number-columns-repeated`), so both count rows and columns alike. Regular
# expressions over the bytes are used, not an XML parser: a text cannot hold a raw "<", and the Python work is
# kept to the tags that matter — sheets, rows, and the cells that repeat or span (a plain cell is one column,
# counted in C between them). For the 29 MB content.xml of the 2,000-project declaration this takes 0.2 s; the
# same over ElementTree.iterparse took 0.9 s, and expat's callbacks alone, doing nothing, 0.29 s (calamine
# reads the whole workbook in 0.12 s).
_TAG = re.compile(rb"<(?:(/)table:table>|table:(table-row|table)(?=[\s/>])([^>]*)>"
                  rb"|table:(table-cell|covered-table-cell)(?=[^>]*table:number-)([^>]*)>)")
# The same where an attribute's value may hold a ">" (no value holds a quote of its own kind, nor a "<"). A
# raw ">" is anywhere only when there are more ">" than "<" (each "<" starts markup, which one ">" ends; office
# suites write "&gt;"), so counting them tells which pattern to use.
_IN_TAG = rb"""(?:[^>"']|"[^"]*"|'[^']*')"""
_TAG_QUOTED = re.compile(rb"<(?:(/)table:table\s*>|table:(table-row|table)(?=[\s/>])(" + _IN_TAG + rb"*)>"
                         rb"|table:(table-cell|covered-table-cell)(?=" + _IN_TAG + rb"*table:number-)"
                         rb"(" + _IN_TAG + rb"*)>)")
# A sheet with a cell showing a formula's error (calamine empties it; the import must say it) is scanned with that
# cell mattering too: a slower pattern (0.26 s against 0.11 s on the 29 MB content.xml), only where one is.
_ERROR_CELL = rb'value-type="error"'
_TAG_WITH_ERRORS = re.compile(_TAG.pattern.replace(rb"(?=[^>]*table:number-)",
                                                   rb"(?=[^>]*(?:table:number-|" + _ERROR_CELL + rb"))"))
_TAG_QUOTED_WITH_ERRORS = re.compile(_TAG_QUOTED.pattern.replace(
    rb"*table:number-)", rb"*(?:table:number-|" + _ERROR_CELL + rb"))"))
# Between two tags that matter, inside a row, each of these opens a plain cell: one column.
_PLAIN_CELLS = (b"<table:table-cell", b"<table:covered-table-cell")
_MARKUP = re.compile(rb"<[^>]*>")
_ATTRIBUTE = re.compile(rb"""table:(name|number-rows-repeated|number-columns-repeated|number-rows-spanned|"""
                        rb"""number-columns-spanned)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_NOT_MARKUP = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>", re.S)  # what may look like tags and is none


def _ods_merges(path: Path, errors: dict[str, list[tuple[int, int, str]]] | None = None) -> dict[str, Ranges]:
    """Each sheet's merged ranges with a value, from the spans of its cells, in calamine's coordinates (repeated
    rows and columns counted out). A sheet whose filled cells reach past the limits is refused here, before
    calamine would build it (a filled row repeated a million times is a few bytes), and so is a DTD (entity
    definitions: XML bombs; no office suite writes one)."""
    try:
        with zipfile.ZipFile(path) as archive:
            content = archive.read("content.xml")  # its size is within check_archive's rule
    except KeyError as error:
        raise FileProblem(path, "压缩包里没有 content.xml，不是 OpenDocument 表格") from error
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError, NotImplementedError) as error:
        raise FileProblem(path, f"工作簿已损坏，无法解压：{error}") from error
    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        raise FileProblem(path, "表格内容里有 DTD 实体定义（疑似 XML 炸弹），已拒绝打开")
    if b"<!--" in content or b"<![CDATA[" in content:
        content = _NOT_MARKUP.sub(b"", content)
    try:
        return _scan_tables(path, content, errors)
    except ValueError as error:  # a count that is no number
        raise FileProblem(path, f"OpenDocument 表格的内容已损坏，无法读取（{error}）") from error


def _scan_tables(path: Path, content: bytes, errors: dict[str, list[tuple[int, int, str]]] | None = None
                 ) -> dict[str, Ranges]:
    """A cell is filled, for the sheet's size, when it has a value type, as calamine takes it; plain cells between
    two tags that matter count as filled up to the last of them when any of them is (over-counting the width
    by the empty ones written out after it, which cost bytes each). errors: where given, each sheet's cells whose
    formula gave an error (#NAME?), with the text the sheet shows there."""
    merges: dict[str, Ranges] = {}
    depth = row = column = row_repeated = 0
    name, ranges, last_row, last_column = "", [], -1, -1
    in_row = False
    previous = 0  # where the last tag that matters on the sheet ended
    tags = _TAG if content.count(b">") == content.count(b"<") else _TAG_QUOTED
    if errors is not None and _ERROR_CELL in content:
        tags = _TAG_WITH_ERRORS if tags is _TAG else _TAG_QUOTED_WITH_ERRORS
    for match in tags.finditer(content):
        closed, opened, opened_attributes, cell, cell_attributes = match.groups()
        if depth > 1:  # a table inside a cell: none of its rows are the sheet's
            if closed:
                depth -= 1
                previous = match.end()
            elif opened == b"table" and not opened_attributes.endswith(b"/"):
                depth += 1
            continue
        if in_row:
            start = match.start()
            plain = content.count(_PLAIN_CELLS[0], previous, start) + content.count(_PLAIN_CELLS[1], previous, start)
            if plain:
                column += plain
                if content.find(b"value-type", previous, start) != -1:
                    last_row, last_column = max(last_row, row + row_repeated - 1), max(last_column, column - 1)
        previous = match.end()
        if closed or opened == b"table-row":
            if in_row:  # the row before ends here
                row += row_repeated
                in_row = False
                _check_size(path, name, last_row + 1, last_column + 1)
            if closed:
                depth = max(depth - 1, 0)
            elif depth == 1:
                row_repeated, column = 1, 0
                if b"repeated" in opened_attributes:
                    row_repeated = _attributes(opened_attributes).get("number-rows-repeated", 1)
                if opened_attributes.endswith(b"/"):
                    row += row_repeated
                else:
                    in_row = True
        elif opened == b"table":
            if not opened_attributes.endswith(b"/"):
                depth += 1
                if depth == 1:  # a sheet; tables inside its cells (depth 2 and more) are no rows of it
                    name = _attributes(opened_attributes).get("name", "")
                    ranges, row, last_row, last_column = [], 0, -1, -1
                    merges[name] = ranges
        elif in_row:  # a cell that repeats or spans, or one covered by a merged cell
            found = _attributes(cell_attributes)
            across = found.get("number-columns-repeated", 1)
            if errors is not None and _ERROR_CELL in cell_attributes:
                end = content.find(b"</table:table-cell>", match.end())
                shown = _MARKUP.sub(b"", content[match.end():end if end != -1 else match.end()]).strip()
                errors.setdefault(name, []).append((row, column, html.unescape(shown.decode("utf-8", "replace"))[:16]))
            if b"value-type" in cell_attributes:  # a covered cell may keep a hidden value: it counts too
                last_row, last_column = max(last_row, row + row_repeated - 1), max(last_column, column + across - 1)
                _check_size(path, name, last_row + 1, last_column + 1)  # before a repeated row's spans are listed
                down, wide = found.get("number-rows-spanned", 1), found.get("number-columns-spanned", 1)
                if cell == b"table-cell" and (down > 1 or wide > 1):
                    # a row repeated with its spans repeats them; a span down rows cannot repeat
                    for copy in range(row_repeated if down == 1 else 1):
                        ranges.append((row + copy, column, row + copy + down - 1, column + wide - 1))
            column += across
    return merges


@lru_cache(maxsize=1024)
def _attributes(text: bytes) -> dict:
    """The table: attributes of one tag: the name as text, the counts as numbers of at least 1 (else ValueError).
    Cached: an office suite writes the same few attribute runs on every row; callers only read the dict."""
    found: dict = {}
    for key, double, single in _ATTRIBUTE.findall(text):
        value = double or single
        if key == b"name":
            found["name"] = html.unescape(value.decode("utf-8", errors="replace"))
        else:
            number = int(value)
            if number < 1:
                raise ValueError(f"计数“{value.decode('ascii', errors='replace')}”无效")
            found[key.decode()] = number
    return found
