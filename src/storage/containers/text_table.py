"""Text files and copied text: their encoding, their delimited rows, their cells' markup.

readers/text_file.py chooses among the readings below the one in which a published table is found.

Three shapes of text are read, chosen by the content, never by the extension:
  - tab-separated, as Excel/WPS and browsers put a table on the clipboard (seed 002);
  - comma-separated (.csv as Excel writes it);
  - the text layout of a PDF as copied or extracted (seeds 000, 003), rebuilt in text_layout
    (项目支出绩效目标表) and text_form (部门整体预算绩效目标申报表); text laid out by position, or
    listing a column at a time, is refused rather than misread.
Excel quotes a cell holding a tab, a line break or a quote ("a""b"); browsers quote nothing and
break a multi-line cell over several lines, which is mended where the project table shows it.
Markup left in cells (<p>…</p>, &nbsp;) is stripped.

"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from collections import Counter
from pathlib import Path

from ..infra.errors import FileProblem, ends_inside_a_character
from ..infra.limits import MAX_FILE_BYTES
from .sheet_grid import MAX_COLUMNS, MAX_ROWS, Grid

MAX_TEXT_BYTES = MAX_FILE_BYTES
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/div|/li|/tr|/h\d)\b[^<>]{0,200}>", re.IGNORECASE)
_TAG = re.compile(r"<\s*/?\s*(?:p|br|div|span|font|b|strong|i|em|u|a|li|ul|ol|sub|sup|td|th|tr|tbody|table|h\d|o:p|"
                  r"section|article|small|big|center|label|img|hr)\b[^<>]{0,200}>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # not \t \n \v \f \r
_DAMAGED_UTF8 = 50  # fewer bad bytes than one in this many non-ASCII characters: damaged UTF-8, not GBK
_NOT_TEXT = "不是文本文件（含有二进制数据），无法作为表格读取"
_UNKNOWN_ENCODING = ("无法识别文件的文字编码：既不是 UTF-8，也不是 GB18030/GBK 或带 BOM 的 UTF-16。"
                     "请在记事本或 WPS 中“另存为”UTF-8 编码后再打开")


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
    except UnicodeDecodeError as error:
        if ends_inside_a_character(error, data):
            # A copy that stopped short: a text table has no end to check the rest against, so what is left is
            # not passed off as the table.
            raise FileProblem(path, "文本文件不完整：在一个字符中间结束，可能在下载或复制时被截断。"
                                    "请重新获取完整的文件，或直接打开原来的 PDF/Excel 文件") from error
    damaged = damaged_utf8(data)
    if damaged is not None:
        return _plausible(damaged[0], path), (f"UTF-8（有 {damaged[1]} 处字节不符合编码，已显示为“\ufffd”，"
                                              "文件可能已损坏，请对照原表核对）")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise FileProblem(path, _UNKNOWN_ENCODING) from error
    if not _looks_chinese(text):
        raise FileProblem(path, _UNKNOWN_ENCODING)
    return _plausible(text, path), "GB18030/GBK"


def damaged_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few bad bytes (a damaged copy), not another encoding: GB18030 would read every character
    wrong where UTF-8 loses only these. (text, bad places), or None when it is not mostly UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = len(text) - len(text.encode("ascii", errors="ignore"))
    return (text, bad) if bad * _DAMAGED_UTF8 < wide else None


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


def delimited_rows(text: str, delimiter: str, name: str = "文本") -> list[list[str]]:
    return delimited_grid(name, text, delimiter).rows


def delimited_grid(name: str, text: str, delimiter: str) -> Grid:
    """The text's rows split at delimiter, as a grid named name. More than MAX_ROWS rows (blank ones at the end
    not counted) is refused, FileProblem(name); content right of MAX_COLUMNS is left out and the grid says how
    far it went (Grid.dropped_columns, for the 导入说明)."""
    rows = None
    if re.search(f'(?:^|[{re.escape(delimiter)}\\r\\n])"', text):
        try:  # Excel's quoting; a quote that opens a field but is not Excel's is read as text below
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
        except csv.Error:
            rows = None
    if rows is None:
        rows = [line.split(delimiter) for line in _LINE_BREAK.split(text)]
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if len(rows) > MAX_ROWS:
        raise FileProblem(name, f"文本有 {len(rows):,} 行，超过 {MAX_ROWS:,} 行的上限，未打开（只读一部分会漏掉项目）。"
                                "请把表格按单位拆成几个文件分别打开，再用“合并单位申报”（merge 命令）合并")
    grid = Grid(name, [], merges_lost=True)
    furthest = 0
    cleaned = []
    for row in rows:
        if not any(c.strip() for c in row):
            cleaned.append([])
            continue
        if len(row) > MAX_COLUMNS:
            last = next((i for i in range(len(row) - 1, MAX_COLUMNS - 1, -1) if row[i].strip()), -1)
            furthest = max(furthest, last + 1)
        cleaned.append([clean_cell(cell) for cell in row[:MAX_COLUMNS]])
    grid.rows, grid.dropped_columns = cleaned, furthest
    return grid


def clean_cell(text: str) -> str:
    """A cell's text without the markup web pages leave in it; its own line breaks kept as \\n."""
    if "<" in text:
        text = _TAG.sub("", _BLOCK_TAG.sub("\n", text))
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").strip()
