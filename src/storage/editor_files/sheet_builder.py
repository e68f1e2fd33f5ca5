"""Cells collected in any order, then streamed into an openpyxl write-only sheet.

Write-only sheets are openpyxl's fast path (PLATFORM.md) but take rows strictly in order;
the official forms are easier to describe cell by cell. The builder bridges the two, and
gives every cell one of a few prepared styles by reference, which is what keeps a
20,000-row workbook near the speed of writing bare values.
"""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange

AMOUNT_FORMAT = "#,##0.00"
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
_FONT = Font(name="宋体", size=10)
_BOLD = Font(name="宋体", size=10, bold=True)

STYLES = {
    "body": dict(font=_FONT, border=_BORDER, alignment=_WRAP),
    "amount": dict(font=_FONT, border=_BORDER, alignment=Alignment(vertical="center"), number_format=AMOUNT_FORMAT),
    "label": dict(font=_BOLD, border=_BORDER, alignment=_CENTER),
    "header": dict(font=_BOLD, border=_BORDER, alignment=_CENTER, fill=PatternFill("solid", fgColor="DDEBF7")),
    "title": dict(font=Font(name="宋体", size=16, bold=True), alignment=Alignment(horizontal="center", vertical="center")),
    "plain": dict(font=_FONT, alignment=Alignment(vertical="center")),
}
LINE_HEIGHT = 13.5


def register_styles(workbook: Workbook) -> None:
    for name, parts in STYLES.items():
        workbook.add_named_style(NamedStyle(name=f"ptd_{name}", **parts))


def _text_width(text: str) -> float:
    """Width in Excel's column units: a CJK character is about 1.7 Latin ones.

    Counted from the UTF-8 length (CJK takes three bytes, ASCII one) to stay fast on 20,000 rows.
    """
    wide = (len(text.encode("utf-8")) - len(text)) / 2
    return len(text) + 0.7 * wide


CELL_LIMIT = 32767  # characters; openpyxl cuts a longer text off without a word
_CUT_NOTE = "……（超出 Excel 单元格 32,767 个字符的上限，全文见“绩效指标明细”工作表）"


def _fitting(text: str) -> str:
    """A text as one cell can hold it. Fields are never longer (the model refuses them); a project's
    indicators written into one cell of the official table can be, and are then cut visibly, never silently —
    the 绩效指标明细 sheet, which the editor reads back, holds every indicator whole."""
    if len(text) <= CELL_LIMIT:
        return text
    return text[:CELL_LIMIT - len(_CUT_NOTE)] + _CUT_NOTE


def _prepared_cells(row, row_index):
    """Stands in for WriteOnlyWorksheet._values_to_row: our cells are ready, only their place is set.

    openpyxl's own version first tries each Cell as a value and catches the error, which
    costs more than writing the cell.
    """
    for column, cell in enumerate(row, 1):
        if cell is None:
            continue
        cell.row = row_index
        cell.column = column
        yield cell


class _SharedStyle(StyleArray):
    """One prepared style that many cells share as it is: its hash, which openpyxl asks for every cell it
    writes (to find the style's number), is worked out once."""

    def __new__(cls, style: StyleArray):
        shared = super().__new__(cls, style)
        shared._hash = hash(tuple(shared))
        return shared

    def __hash__(self) -> int:
        return self._hash


class SheetBuilder:
    def __init__(self, workbook: Workbook, title: str):
        self.sheet = workbook.create_sheet(title)
        self.sheet._values_to_row = _prepared_cells
        self.cells: dict[int, dict[int, tuple[object, str]]] = {}
        self.widths: dict[int, float] = {}
        self.heights: dict[int, float] = {}
        self._style_arrays: dict[str, object] = {}
        for name in STYLES:
            probe = WriteOnlyCell(self.sheet)
            probe.style = f"ptd_{name}"
            self._style_arrays[name] = _SharedStyle(probe._style)

    def put(self, row: int, column: int, value: object, style: str = "body") -> None:
        self.cells.setdefault(row, {})[column] = (value, style)

    def put_row(self, row: int, values, first_column: int = 1, style: str = "body") -> None:
        """values into the cells of row from first_column on, one style for all."""
        cells = self.cells.setdefault(row, {})
        for column, value in enumerate(values, start=first_column):
            cells[column] = (value, style)

    def merge(self, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
        if last_row > first_row or last_column > first_column:
            self.sheet.merged_cells.add(CellRange(min_row=first_row, min_col=first_column, max_row=last_row, max_col=last_column))
            for row in range(first_row, last_row + 1):  # merged-away cells keep the border of the range
                for column in range(first_column, last_column + 1):
                    if (row, column) != (first_row, first_column):
                        style = self.cells.get(first_row, {}).get(first_column, (None, "body"))[1]
                        self.cells.setdefault(row, {}).setdefault(column, (None, style))

    def set_widths(self, widths) -> None:
        self.widths = {index: width for index, width in enumerate(widths, start=1)}

    def _cell(self, value: object, style: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet)
        if isinstance(value, Decimal):
            as_float = float(value)
            if Decimal(repr(as_float)) == value:
                cell.value = as_float
                style = "amount" if style == "body" else style
            else:  # more digits than a spreadsheet number holds: keep them all as text
                cell.value = format(value, "f")
                cell.data_type = "s"
        elif isinstance(value, str):
            # Through openpyxl's own check (characters XML cannot hold raise, not vanish), then always text:
            # an indicator value '=100%' must never become a formula (PLATFORM.md).
            cell.value = _fitting(value)
            cell.data_type = "s"
        elif value is not None:
            cell.value = value
        cell._style = self._style_arrays[style]  # shared: a write-only cell is written out as it is, never restyled
        return cell

    def _fit_heights(self) -> None:
        """Excel and LibreOffice do not grow rows for wrapped text from openpyxl: estimate the lines."""
        spans = {(r.min_row, r.min_col): sum(self.widths.get(c, 8.43) for c in range(r.min_col, r.max_col + 1))
                 for r in self.sheet.merged_cells.ranges if r.min_row == r.max_row}
        for row, cells in self.cells.items():
            if row in self.heights:
                continue
            lines = 1
            for column, (value, _style) in cells.items():
                if not isinstance(value, str) or len(value) < 6:
                    continue
                usable = max(spans.get((row, column), self.widths.get(column, 8.43)) - 1.5, 2.0)
                if "\n" not in value and len(value) * 1.7 <= usable:
                    continue
                lines = max(lines, sum(max(1, -(-int(_text_width(part)) // int(usable))) for part in value.split("\n")))
            if lines > 1:
                self.heights[row] = min(409.0, LINE_HEIGHT * lines + 3)

    def flush(self) -> None:
        """Stream every row, in order, into the write-only sheet (widths and heights first, as it requires)."""
        sheet = self.sheet
        for column, width in self.widths.items():
            sheet.column_dimensions[get_column_letter(column)].width = width
        self._fit_heights()
        for row, height in self.heights.items():
            sheet.row_dimensions[row].height = height
        last = max(self.cells, default=0)
        for row in range(1, last + 1):
            cells = self.cells.get(row)
            if not cells:
                sheet.append([])
                continue
            line = [None] * max(cells)
            for column, (value, style) in cells.items():
                line[column - 1] = self._cell(value, style)
            sheet.append(line)
