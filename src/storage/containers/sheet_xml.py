"""A cheap look at an xlsx's worksheet XML before calamine or openpyxl sees it: how far its cells and merged
ranges reach.

calamine builds a sheet as one dense block from its first to its last filled cell: one cell at XFD1048576 asks
for 1,048,576 × 16,384 cells (549 GB) and the process aborts, with no Python exception; openpyxl makes an object
for every cell a merged range covers (a merge to XFD1048576 runs to 10 GB). Neither reads `<dimension>` to size
anything (measured: a dimension of A1:XFD1048576 over a few cells reads fine), so the dimension, which any
writer may get wrong, is not trusted either way; the cells' own references are.

The sheet is streamed in chunks (its unpacked size is within check_archive's limits) and searched with regular
expressions that only match the references that can make it too large — a row past FAR_ROW, a column of two
letters or more — so that an ordinary sheet costs three passes in C and no Python per cell (the 20,000-indicator
workbook's 24 MB of sheet XML: ~85 ms of CPU, on top of the ~30 ms of unpacking check_archive did before; a
published table of 30 KB: 0.2 ms). Cells whose first attribute is not their reference (legal, rare: without one
their place is counted from the row and the cell before), with or without a namespace prefix, send that sheet
to a tag-by-tag walk.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..infra.limits import MAX_MERGED_CELLS, MAX_SHEET_CELLS, MAX_TABLE_ROWS

# Rows below FAR_ROW and columns of one letter (A–Z) cannot exceed the cell limit together: 299,999 × 26 < 10 M.
FAR_ROW = 300_000
_ONE_LETTER_COLUMNS = 26
assert (FAR_ROW - 1) * _ONE_LETTER_COLUMNS <= MAX_SHEET_CELLS

# An r attribute (any spelling XML allows: spaces around "=", either quote) whose reference has two letters or
# more, or a row of 300,000 or more (leading zeros allowed). Matches `sqref=`, `header=`… too: the byte before
# the r is checked in Python, for the few matches there are.
_FAR_REF = re.compile(rb"""r\s*=\s*["'](?=[A-Za-z]{2}|[A-Za-z]{0,3}0*(?:[3-9]\d{5}|[1-9]\d{6}))([A-Za-z]*)(\d*)""")
# A cell tag whose first attribute is not r, or without attributes: its place may be counted, not written.
_COUNTED_CELL = re.compile(rb"""<c(?:>|/>|\s+(?!r\s*=)[A-Za-z_])""")
# The same with a namespace prefix (<x:c>): legal, and calamine reads it whatever namespace the prefix names.
_PREFIXED = re.compile(rb""":c(?:>|/>|\s+(?!r\s*=)[A-Za-z_])""")
_MERGE = re.compile(rb"""mergeCell\s[^>]*?\bref\s*=\s*["']([^"']*)["']""")
# For the tag-by-tag walk.
_TAG = re.compile(rb"""<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>""")
_R_ATTRIBUTE = re.compile(rb"""(?:^|\s)r\s*=\s*["']([^"']*)["']""")
_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,7})\$?(\d+)$")
_WHITESPACE = b" \t\r\n"
_CHUNK = 1 << 20


@dataclass
class Reach:
    """How far a sheet's cells reach (1-based, as Excel counts), and the reference that reaches furthest."""

    rows: int = 0
    columns: int = 0
    row_ref: str = ""  # the reference with the largest row
    column_ref: str = ""

    def add(self, row: int, column: int, ref: str) -> None:
        if row > self.rows:
            self.rows, self.row_ref = row, ref
        if column > self.columns:
            self.columns, self.column_ref = column, ref


@dataclass
class SheetScan:
    """Fed a worksheet's XML chunk by chunk; scan_problem then tells what is too large for the editor."""

    far: Reach = field(default_factory=Reach)  # cells whose reference _FAR_REF matched
    counted: bool = False  # a cell whose place may be counted (no r first): walk tag by tag
    merged: Reach = field(default_factory=Reach)  # how far the merged ranges reach
    merged_cells: int = 0  # the cells they cover, together
    largest_merge: str = ""
    largest_cells: int = 0
    _carry: bytes = b""

    def feed(self, chunk: bytes, last: bool = False) -> None:
        window = self._carry + chunk
        cut = len(window) if last else window.rfind(b"<")  # a tag cut by the chunk's end waits for the next one
        if cut <= 0:
            cut = len(window) if len(window) > _CHUNK else 0
        self._carry = window[cut:]
        if not cut:
            return
        part = window  # searched up to cut only: no copy of the chunk
        for match in _FAR_REF.finditer(part, 0, cut):
            self._far_ref(part, match)
        if not self.counted:
            self.counted = _COUNTED_CELL.search(part, 0, cut) is not None or any(
                _prefixed_tag(part, m.start()) for m in _PREFIXED.finditer(part, 0, cut))
        if part.find(b"mergeCell", 0, cut) >= 0:
            for match in _MERGE.finditer(part, 0, cut):
                found = merge_range(html.unescape(match.group(1).decode("ascii", "replace")))
                if found is not None:
                    first_row, first_column, last_row, last_column, ref = found
                    self.merged.add(last_row, last_column, ref)
                    cells = (last_row - first_row + 1) * (last_column - first_column + 1)
                    if cells > self.largest_cells:
                        self.largest_merge, self.largest_cells = ref, cells
                    self.merged_cells += cells

    def _far_ref(self, part: bytes, match: re.Match) -> None:
        start = match.start()
        if start == 0 or part[start - 1] not in _WHITESPACE:
            return  # sqref=, header=…: not the r attribute of a cell or a row
        if _tag_name(part, start) == b"row":
            return  # a row's number alone makes nothing (a row of Excel's, formatted); its counted cells are walked
        letters, digits = match.group(1), match.group(2)
        self.far.add(_row_number(digits), column_number(letters.decode("ascii")), (letters + digits[:12]).decode("ascii"))


def scan_problem(name: str, scan: SheetScan, walk) -> str | None:
    """Why the sheet named name is too large for the editor, in Chinese with what to do, or None.
    walk: () → Reach, the exact reach tag by tag, for the sheets that need it (counted cells, or bounds that
    only an exact count can clear)."""
    if scan.merged.rows > MAX_TABLE_ROWS:
        return (f"工作表“{name}”的合并单元格 {scan.merged.row_ref} 伸到第 {scan.merged.rows:,} 行，"
                f"超过 {MAX_TABLE_ROWS:,} 行的上限，未打开。{_MERGE_ADVICE}")
    if scan.merged_cells > MAX_MERGED_CELLS:
        return (f"工作表“{name}”的合并单元格共覆盖 {scan.merged_cells:,} 个单元格（最大的是 {scan.largest_merge}），"
                f"超过 {MAX_MERGED_CELLS:,} 个的上限，未打开。{_MERGE_ADVICE}")
    reach = Reach()
    for part in (scan.far, scan.merged):
        reach.add(part.rows, 0, part.row_ref)
        reach.add(0, part.columns, part.column_ref)
    if reach.rows > MAX_TABLE_ROWS:
        return _too_many_rows(name, reach)
    rows, columns = max(reach.rows, FAR_ROW - 1), max(reach.columns, _ONE_LETTER_COLUMNS)
    if scan.counted or rows * columns > MAX_SHEET_CELLS:
        exact = walk()
        reach.add(exact.rows, 0, exact.row_ref)
        reach.add(0, exact.columns, exact.column_ref)
        if reach.rows > MAX_TABLE_ROWS:
            return _too_many_rows(name, reach)
        rows, columns = reach.rows, reach.columns
    if rows * columns > MAX_SHEET_CELLS:
        return (f"工作表“{name}”的单元格从 A1 排到第 {rows:,} 行、第 {columns:,} 列（{reach.column_ref or reach.row_ref}），"
                f"共 {rows * columns:,} 个单元格，超过 {MAX_SHEET_CELLS:,} 个的上限，未打开。{_AREA_ADVICE}")
    return None


_AREA_ADVICE = "请在 WPS/Excel 中删除表格右侧和下方多余的行、列（选中后“删除”，不是“清除内容”），另存为 .xlsx 后再打开"
_MERGE_ADVICE = "请在 WPS/Excel 中取消这个合并单元格（或删除表格下方多余的行），另存为 .xlsx 后再打开"


def _too_many_rows(name: str, reach: Reach) -> str:
    return (f"工作表“{name}”有单元格在 {reach.row_ref}（第 {reach.rows:,} 行），超过 {MAX_TABLE_ROWS:,} 行的上限，"
            f"未打开（这样的工作簿会让表格读取程序耗尽内存）。{_AREA_ADVICE}")


def walk_reach(data: bytes) -> Reach:
    """The exact reach of a sheet's cells, tag by tag, counting the places of cells written without a reference as
    calamine and openpyxl do (the next row after a row, the next column after a cell)."""
    reach = Reach()
    row, column = 0, 0
    for match in _TAG.finditer(data):
        kind, attributes = match.group(1), match.group(2)
        found = _R_ATTRIBUTE.search(attributes)
        text = html.unescape(found.group(1).decode("ascii", "replace")) if found else ""
        if kind == b"row":
            number = _row_number(text.encode("ascii", "replace")) if text.isdigit() else 0
            row, column = (number if number else row + 1), 0
            continue
        place = _split_ref(text) if text else None
        if place is not None:
            cell_row, column = place
        else:
            cell_row, column = max(row, 1), column + 1
        reach.add(cell_row, column, text or f"{column_letters(column)}{cell_row}")
    return reach


def merge_range(ref: str) -> tuple[int, int, int, int, str] | None:
    """'A40:XFD1048576' → (40, 1, 1048576, 16384, ref), 1-based and inclusive; None when it is no range."""
    parts = ref.strip().split(":")
    if not 1 <= len(parts) <= 2:
        return None
    places = [_split_ref(part) for part in parts]
    if any(place is None for place in places):
        return None
    (row0, column0), (row1, column1) = places[0], places[-1]
    return min(row0, row1), min(column0, column1), max(row0, row1), max(column0, column1), ref.strip()


def column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper()[:8]:
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    """16384 → 'XFD'."""
    letters = ""
    while number > 0 and len(letters) < 8:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


def _split_ref(ref: str) -> tuple[int, int] | None:
    match = _CELL_REF.match(ref.strip())
    if match is None:
        return None
    return _row_number(match.group(2).encode("ascii")), column_number(match.group(1))


def _row_number(digits: bytes) -> int:
    digits = digits.lstrip(b"0")
    if len(digits) > 12:
        return 10 ** 12  # int() of thousands of digits is refused by Python itself; this is far enough
    return int(digits) if digits else 0


def _tag_name(part: bytes, position: int) -> bytes:
    """The local name of the tag an attribute at position belongs to (b'' when its start is out of sight)."""
    start = part.rfind(b"<", max(0, position - 4096), position)
    if start < 0:
        return b""
    name = re.match(rb"<([\w.:-]+)", part[start:start + 64])
    return name.group(1).rsplit(b":", 1)[-1] if name else b""


def _prefixed_tag(part: bytes, colon: int) -> bool:
    """Whether the ':' at colon ends the prefix of a tag's name (<x:c …), not text that happens to hold ':c '."""
    start = part.rfind(b"<", max(0, colon - 64), colon)
    return start >= 0 and re.fullmatch(rb"<[\w.-]+", part[start:colon]) is not None


# ---- which members are worksheets, and their names ----------------------------------------------------------

_SHEET_TAG = re.compile(rb"""<(?:[\w.-]+:)?sheet\s([^>]*)>""")
_RELATIONSHIP = re.compile(rb"""<(?:[\w.-]+:)?Relationship\s([^>]*)>""")
_ATTRIBUTE = re.compile(rb"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SMALL_PART = 16 * 1024 * 1024  # workbook.xml and its rels: a few KB; more is no workbook worth reading


def worksheet_members(archive) -> dict[str, str]:
    """{member: the sheet's name} for every worksheet a reader could find: those workbook.xml names through its
    relationships, and any member under xl/worksheets/ (named by its file name when the workbook does not name
    it). A workbook whose parts cannot be read this way has every xl/…xml member but the known others looked at."""
    names = {info.filename for info in archive.infolist()}
    found = {name: name.rsplit("/", 1)[-1] for name in names
             if name.startswith("xl/worksheets/") and name.lower().endswith(".xml")}
    try:
        workbook, rels = _small(archive, "xl/workbook.xml"), _small(archive, "xl/_rels/workbook.xml.rels")
    except KeyError:
        workbook = rels = None
    if workbook is None or rels is None:
        known = ("xl/styles.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/calcChain.xml")
        found.update({name: name.rsplit("/", 1)[-1] for name in names if name.startswith("xl/") and
                      name.lower().endswith(".xml") and name not in known and not name.startswith("xl/theme/")})
        return found
    targets = {}
    for match in _RELATIONSHIP.finditer(rels):
        attributes = _attributes(match.group(1))
        if attributes.get("type", "").endswith("/worksheet") and attributes.get("target"):
            target = attributes["target"]
            member = target.lstrip("/") if target.startswith("/") else _joined("xl", target)
            targets[attributes.get("id", "")] = member
            found.setdefault(member, member.rsplit("/", 1)[-1])
    for match in _SHEET_TAG.finditer(workbook):
        attributes = _attributes(match.group(1))
        member = targets.get(attributes.get("id", ""))
        if member is not None and attributes.get("name"):
            found[member] = attributes["name"]
    return {member: name for member, name in found.items() if member in names}


def _small(archive, member: str) -> bytes | None:
    try:
        info = archive.getinfo(member)
    except KeyError:
        return None
    return archive.read(member) if info.file_size <= _SMALL_PART else None


def _attributes(text: bytes) -> dict[str, str]:
    """Attributes by their local name, lower case (r:id → id), values unescaped."""
    found = {}
    for name, double, single in _ATTRIBUTE.findall(text):
        key = name.decode("ascii", "replace").rsplit(":", 1)[-1].lower()
        found.setdefault(key, html.unescape((double or single).decode("utf-8", "replace")))
    return found


def _joined(folder: str, target: str) -> str:
    parts = folder.split("/")
    for step in target.split("/"):
        if step == "..":
            if parts:
                parts.pop()
        elif step not in ("", "."):
            parts.append(step)
    return "/".join(parts)
