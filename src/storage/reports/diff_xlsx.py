"""The comparison of two declarations as a workbook: one row per change, old and new side by side.

Cells that changed are coloured as office suites colour conditional formats (green added, red removed,
yellow changed), the reviewer's marks have a column of their own, and the header carries an AutoFilter so
a reviewer can keep only the marked rows.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter

from ...model.compare import Change, ChangeKind
from ...model.compare_text import COLOURS, KIND_WORDS, SUBJECT_WORDS, show, summary
from ..infra.atomic import atomic_write

SHEET = "申报比较"
HEADERS = ("变化", "对象", "项目", "指标", "字段", "原值", "新值", "需关注", "原位置", "新位置")
WIDTHS = (6, 6, 30, 26, 22, 36, 36, 14, 24, 24)
OLD_COLUMN, NEW_COLUMN, FLAG_COLUMN = 6, 7, 8
HEADER_ROW = 2  # row 1 names the two files
LINE_HEIGHT = 13.5

_THIN = Side(style="thin", color="999999")
_BASE = dict(font=Font(name="宋体", size=10), border=Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN),
             alignment=Alignment(wrap_text=True, vertical="top"))
# The fills Excel's own "highlight cells" rules use, so the colours read as they do there.
STYLES = {
    "body": _BASE,
    "header": {**_BASE, "font": Font(name="宋体", size=10, bold=True), "fill": PatternFill("solid", fgColor="DDEBF7")},
    "title": dict(font=Font(name="宋体", size=12, bold=True)),
    "added": {**_BASE, "fill": PatternFill("solid", fgColor=COLOURS[ChangeKind.ADDED])},
    "removed": {**_BASE, "fill": PatternFill("solid", fgColor=COLOURS[ChangeKind.REMOVED])},
    "changed": {**_BASE, "fill": PatternFill("solid", fgColor=COLOURS[ChangeKind.CHANGED])},
    "flag": {**_BASE, "font": Font(name="宋体", size=10, bold=True, color="C00000")},
}
FILLS = {name: STYLES[name]["fill"].fgColor.rgb for name in ("added", "removed", "changed")}


def diff_workbook_bytes(changes: list[Change], old_name: str, new_name: str) -> bytes:
    workbook = Workbook(write_only=True)
    for name, parts in STYLES.items():
        workbook.add_named_style(NamedStyle(name=f"diff_{name}", **parts))
    sheet = workbook.create_sheet(SHEET)
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(HEADERS))}{HEADER_ROW + max(len(changes), 1)}"
    page_setup(sheet)
    rows = [_values(change) for change in changes]
    # Write-only sheets take row heights before the rows; neither Excel nor LibreOffice grows a row for
    # wrapped text written by openpyxl, so the lines are estimated here.
    for number, values in enumerate(rows, start=HEADER_ROW + 1):
        lines = max(_lines(value, width) for (value, _), width in zip(values, WIDTHS))
        if lines > 1:
            sheet.row_dimensions[number].height = min(409.0, LINE_HEIGHT * lines + 3)
    sheet.append([_cell(sheet, f"申报比较：原 {old_name} → 新 {new_name}（{summary(changes)}）", "title")])
    sheet.append([_cell(sheet, header, "header") for header in HEADERS])
    for values in rows:
        sheet.append([_cell(sheet, value, style) for value, style in values])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def save_diff_workbook(changes: list[Change], old_name: str, new_name: str, path: str | Path) -> None:
    """Rendered in memory first, then written atomically: a failure leaves no half file (FileProblem)."""
    atomic_write(path, diff_workbook_bytes(changes, old_name, new_name))


def page_setup(sheet) -> None:
    """A4 landscape, all columns on one page wide, the header repeated on every page."""
    sheet.page_setup.paperSize = 9
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _lines(text: str | None, width: float) -> int:
    """Wrapped lines of text in a column of width: a CJK character takes about two units, ASCII one."""
    if not text:
        return 1
    usable = max(width - 1.5, 2.0)
    return sum(max(1, -(-int(sum(2 if ord(ch) > 0x2E7F else 1 for ch in part)) // int(usable)))
               for part in text.split("\n"))


def _values(change: Change) -> list[tuple[str | None, str]]:
    values = (KIND_WORDS[change.change], SUBJECT_WORDS[change.what], change.project, change.indicator, change.field,
              None if change.change is ChangeKind.ADDED else show(change, change.old),
              None if change.change is ChangeKind.REMOVED else show(change, change.new),
              "、".join(change.flags) or None, change.location_old, change.location_new)
    styles = ["body"] * len(values)
    if change.change is ChangeKind.ADDED:
        styles[NEW_COLUMN - 1] = "added"
    elif change.change is ChangeKind.REMOVED:
        styles[OLD_COLUMN - 1] = "removed"
    else:
        styles[OLD_COLUMN - 1] = styles[NEW_COLUMN - 1] = "changed"
    if change.flags:
        styles[FLAG_COLUMN - 1] = "flag"
    return list(zip(values, styles))


def _cell(sheet, value: str | None, style: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet)
    if value is not None:
        # Through openpyxl's check, then always text: a value such as '=100%' must never become a formula.
        cell.value = value
        cell.data_type = "s"
    cell.style = f"diff_{style}"
    return cell
