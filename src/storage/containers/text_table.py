"""Text files and copied text → grids → the published-table recognisers (grid_import).

Three shapes of text are read, chosen by the content, never by the extension:
  - tab-separated, as Excel/WPS and browsers put a table on the clipboard (seed 002);
  - comma-separated (.csv as Excel writes it);
  - the text layout of a PDF as copied or extracted (seeds 000, 003), rebuilt in text_layout
    (项目支出绩效目标表) and text_form (部门整体预算绩效目标申报表); text laid out by position, or
    listing a column at a time, is refused rather than misread.
Excel quotes a cell holding a tab, a line break or a quote ("a""b"); browsers quote nothing and
break a multi-line cell over several lines, which is mended where the project table shows it.
Markup left in cells (<p>…</p>, &nbsp;) is stripped.

`grids_from_text` takes text rather than a path, so pasting from the clipboard reuses it.
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from collections import Counter
from pathlib import Path

from ..infra.errors import FileProblem
from ..recognisers.grid_import import import_published
from ..infra.opened import OpenResult
from ..infra.progress import Cancelled
from ..infra.progress import Progress
from ..infra.progress import tell
from ..recognisers.published import find_project_header
from ..recognisers.published import is_department_form
from .sheet_grid import MAX_COLUMNS
from .sheet_grid import MAX_ROWS
from .sheet_grid import Grid

MAX_TEXT_BYTES = 256 * 1024 * 1024
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/div|/li|/tr|/h\d)\b[^<>]{0,200}>", re.IGNORECASE)
_TAG = re.compile(r"<\s*/?\s*(?:p|br|div|span|font|b|strong|i|em|u|a|li|ul|ol|sub|sup|td|th|tr|tbody|table|h\d|o:p|"
                  r"section|article|small|big|center|label|img|hr)\b[^<>]{0,200}>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # not \t \n \v \f \r
_NOT_TEXT = "不是文本文件（含有二进制数据），无法作为表格读取"
_UNKNOWN_ENCODING = ("无法识别文件的文字编码：既不是 UTF-8，也不是 GB18030/GBK 或带 BOM 的 UTF-16。"
                     "请在记事本或 WPS 中“另存为”UTF-8 编码后再打开")
_NO_HEADER = ("这个文本文件中没有找到项目支出绩效目标表或部门整体预算绩效目标申报表（需要“项目名称”“绩效指标”等表头，"
              "或“部门名称”“总体绩效目标”等栏目）")


def read_text_table(path: Path, progress: Progress | None = None) -> OpenResult:
    """The format registry's reader for .txt/.tsv/.csv: a published table in text, imported; progress is
    told the lines read."""
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise FileProblem(path, f"文本文件有 {size // (1024 * 1024)} MB，超过 {MAX_TEXT_BYTES // (1024 * 1024)} MB 的上限")
        data = path.read_bytes()
    except OSError as error:
        raise FileProblem(path, f"无法读取文件：{error.strerror or error}") from error
    text, encoding = decode_text(data, path)
    notes: list[str] = []
    lines = text.count("\n") + 1
    tell(progress, path, 0, lines)
    try:
        grids = grids_from_text(text, path.name, notes, progress)
    except Cancelled as cancelled:
        raise Cancelled(path) from cancelled
    except FileProblem as problem:  # named by the file's name only: name it by its path
        raise FileProblem(path, problem.reason) from problem
    if not any(_recognised(grid) for grid in grids):
        raise FileProblem(path, _NO_HEADER)
    tell(progress, path, lines, lines)
    opened = import_published(path, grids)
    opened.notes[:0] = [f"文本编码：{encoding}", *notes]
    return opened


# ---- encodings ----------------------------------------------------------------------------

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig", "UTF-8（带 BOM）"), (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
         (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"), (b"\xff\xfe", "utf-16-le", "UTF-16"),
         (b"\xfe\xff", "utf-16-be", "UTF-16"))


def decode_text(data: bytes, path: str | Path = "文本") -> tuple[str, str]:
    """(text, the encoding's name for notes), or FileProblem naming the file when undecidable."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return _plausible(data[len(bom):].decode(codec), path), label
            except UnicodeDecodeError as error:
                raise FileProblem(path, f"文件开头标明是 {label} 编码，但第 {error.start} 字节起的内容不是，文件可能已损坏") from error
    if b"\x00" in data:
        return _plausible(_utf16_without_bom(data, path), path), "UTF-16（无 BOM）"
    try:
        return _plausible(data.decode("utf-8"), path), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise FileProblem(path, _UNKNOWN_ENCODING) from error
    if not _looks_chinese(text):
        raise FileProblem(path, _UNKNOWN_ENCODING)
    return _plausible(text, path), "GB18030/GBK"


def _utf16_without_bom(data: bytes, path) -> str:
    """Excel's "Unicode text" has a BOM; without one, the NULs of ASCII characters give the byte order."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if min(even, odd) * 20 > max(even, odd):  # NULs on both sides: not UTF-16 text
        raise FileProblem(path, _NOT_TEXT)
    try:
        return data.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError as error:
        raise FileProblem(path, _NOT_TEXT) from error


def _plausible(text: str, path) -> str:
    if len(_CONTROL.findall(text)) > max(2, len(text) // 1000):
        raise FileProblem(path, _NOT_TEXT)
    return text


def _looks_chinese(text: str) -> bool:
    """GB18030 decodes many byte soups; real Chinese text is mostly in GB2312's common characters."""
    wide = {ch: count for ch, count in Counter(text).items() if ord(ch) > 0x7F}
    common = sum(count for ch, count in wide.items() if _in_gb2312(ch))
    return common * 2 >= sum(wide.values())


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return unicodedata.category(ch).startswith("Z")


# ---- text → grids -------------------------------------------------------------------------

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
            grid = Grid(name, _delimited_rows(text, delimiter))
            if _recognised(grid):
                notes.append(f"按{label}分隔的表格读取")
                _mend_broken_rows(grid, notes)
                return [grid]
            candidates.append([grid])
    from ..recognisers.text_layout import layout_grids

    layout_notes: list[str] = []
    grids = layout_grids(text, name, layout_notes, progress)
    if any(_recognised(grid) for grid in grids):
        notes.append("按 PDF 复制或导出的文本版式重建表格（单元格按位置和换行推断，请核对）")
        notes.extend(layout_notes)
        return grids
    return candidates[0] if candidates else grids or [Grid(name, [])]


def _recognised(grid: Grid) -> bool:
    return find_project_header(grid) is not None or is_department_form(grid)


def _delimited_rows(text: str, delimiter: str) -> list[list[str]]:
    rows = None
    if re.search(f'(?:^|[{re.escape(delimiter)}\\r\\n])"', text):
        try:  # Excel's quoting; a quote that opens a field but is not Excel's is read as text below
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
        except csv.Error:
            rows = None
    if rows is None:
        rows = [line.split(delimiter) for line in _LINE_BREAK.split(text)]
    if len(rows) > MAX_ROWS:
        rows = rows[:MAX_ROWS]
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    return [[clean_cell(cell) for cell in row[:MAX_COLUMNS]] if any(c.strip() for c in row) else [] for row in rows]


def clean_cell(text: str) -> str:
    """A cell's text without the markup web pages leave in it; its own line breaks kept as \\n."""
    if "<" in text:
        text = _TAG.sub("", _BLOCK_TAG.sub("\n", text))
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").strip()


def _mend_broken_rows(grid: Grid, notes: list[str]) -> None:
    """Browsers copy a cell with line breaks as several lines; rejoin those below a project header.

    A run of short lines is joined (the break kept inside the cell) only when the joined row has
    exactly the header's number of cells; otherwise the lines stay as they were. A line of one cell
    after a whole row goes on with that row's last cell when that is 绩效目标/绩效指标 and the line
    reads as running text (a group row such as "区法律援助处" stays a row of its own).
    """
    found = find_project_header(grid)
    if found is None:
        return
    header, columns = found
    width = len(grid.rows[header])
    last_is_text = any(columns.get(role) == width - 1 for role in ("goal", "indicators"))
    rows, mended, out = grid.rows, 0, grid.rows[: header + 1]
    whole: list | None = None  # the last row that has every cell
    index = header + 1
    while index < len(rows):
        row = rows[index]
        if len(row) == 1 and whole is not None and last_is_text and _running_text(row[0]):
            whole[-1] = f"{whole[-1]}\n{row[0]}".strip("\n")
            mended += 1
            index += 1
            continue
        joined, end = list(row), index + 1
        while 0 < len(joined) < width and end < len(rows) and len(joined) + max(len(rows[end]), 1) - 1 <= width:
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


def _running_text(text: str) -> bool:
    return any(mark in text for mark in "。；;：:，,") or len(text) > 20
