"""A published sheet as cells, merges, widths and a page set-up, before it is any container: written as an xlsx
with openpyxl (LibreOffice makes the other containers from it) and as the clipboard's TSV from the same cells."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

LINE_POINTS = 15.0  # one line of 11 pt text (WenQuanYi Micro Hei, LibreOffice's fallback here) is about 14.5 pt
MAX_ROW_POINTS = 409.0  # Excel's (and the xlsx format's) highest row


@dataclass
class PageSetup:
    orientation: str = "landscape"  # landscape | portrait
    fit_width: bool = True  # fit all columns on one page's width
    row_heights: str = "fitted"  # generous | fitted | unset | clipping
    borders: bool = True
    repeat_header: bool = True  # the header rows printed on every page


@dataclass
class Cell:
    value: object
    number_format: str | None = None
    bold: bool = False
    centre: bool = False


@dataclass
class Sheet:
    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)  # (row, column), both 1-based
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # first row, first column, last row, last column
    widths: dict[int, float] = field(default_factory=dict)
    header_rows: tuple[int, int] | None = None  # printed on every page when page.repeat_header
    table_rows: tuple[int, int] | None = None  # the rows that get borders (the table, not its title or footnotes)
    page: PageSetup = field(default_factory=PageSetup)

    def put(self, row: int, column: int, value: object, number_format: str | None = None, bold: bool = False,
            centre: bool = False) -> None:
        if value is None or value == "":
            self.cells.pop((row, column), None)
            return
        self.cells[(row, column)] = Cell(value, number_format, bold, centre)

    def merge(self, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
        if (first_row, first_column) != (last_row, last_column):
            self.merges.append((first_row, first_column, last_row, last_column))

    def used(self) -> tuple[int, int, int, int]:
        rows = [r for r, _ in self.cells] + [m[2] for m in self.merges]
        columns = [c for _, c in self.cells] + [m[3] for m in self.merges]
        return min(r for r, _ in self.cells), min(c for _, c in self.cells), max(rows), max(columns)

    def display(self, row: int, column: int) -> str:
        """The cell's text as Excel or Calc shows (and copies) it."""
        cell = self.cells.get((row, column))
        return "" if cell is None else display_text(cell.value, cell.number_format)

    # ---- the row heights of the page set-up ----------------------------------------------------------

    def needed_lines(self, row: int) -> int:
        lines = 1
        spans = {(m[0], m[1]): m for m in self.merges}
        for r, c in self.cells:
            if r != row:
                continue
            merge = spans.get((r, c))
            if merge is not None and merge[2] > merge[0]:
                continue  # merged down several rows: its height is theirs together
            last = merge[3] if merge else c
            width = sum(self.widths.get(k, 8.43) for k in range(c, last + 1))
            lines = max(lines, text_lines(self.display(r, c), width))
        return lines

    def row_height(self, row: int) -> float | None:
        mode = self.page.row_heights
        if mode == "unset":
            return None
        lines = self.needed_lines(row)
        if mode == "clipping":
            return LINE_POINTS + 1 if lines > 1 else None
        if mode == "generous":
            return min(MAX_ROW_POINTS, lines * LINE_POINTS * 1.35 + 12)
        return min(MAX_ROW_POINTS, lines * LINE_POINTS * 1.12 + 4)

    # ---- containers ----------------------------------------------------------------------------------

    def workbook(self) -> Workbook:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = self.name
        thin = Side(style="thin", color="000000")
        border = Border(left=thin, right=thin, top=thin, bottom=thin) if self.page.borders else None
        for (row, column), cell in self.cells.items():
            target = sheet.cell(row=row, column=column, value=_xlsx_value(cell.value))
            if cell.number_format:
                target.number_format = cell.number_format
            target.alignment = Alignment(wrap_text=True, vertical="center" if cell.centre else "top",
                                         horizontal="center" if cell.centre else None)
            if cell.bold:
                target.font = Font(bold=True)
        if border is not None and self.table_rows:  # every cell of the table, merged ones included
            _, first_column, _, last_column = self.used()
            for row in range(self.table_rows[0], self.table_rows[1] + 1):
                for column in range(first_column, last_column + 1):
                    sheet.cell(row=row, column=column).border = border
        for first_row, first_column, last_row, last_column in self.merges:
            sheet.merge_cells(start_row=first_row, start_column=first_column, end_row=last_row, end_column=last_column)
        for column, width in self.widths.items():
            sheet.column_dimensions[get_column_letter(column)].width = width
        _, _, last_row, _ = self.used()
        for row in range(1, last_row + 1):
            height = self.row_height(row)
            if height is not None:
                sheet.row_dimensions[row].height = round(height, 1)
        page = self.page
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.orientation = page.orientation
        if page.fit_width:
            sheet.sheet_properties.pageSetUpPr.fitToPage = True
            sheet.page_setup.fitToWidth = 1
            sheet.page_setup.fitToHeight = 0
        if page.repeat_header and self.header_rows:
            sheet.print_title_rows = f"{self.header_rows[0]}:{self.header_rows[1]}"
        sheet.print_options.gridLines = False
        return workbook

    def tsv(self, style: str) -> str:
        """The used range as the clipboard's text/plain: style "excel" quotes a cell holding a line break, a
        tab or a quote (quotes doubled) and ends lines with CRLF; "calc" (LibreOffice 7.4, tests/data/clipboard)
        puts a space for each line break and quotes nothing. A merged range gives its text in its first cell."""
        first_row, first_column, last_row, last_column = self.used()
        covered = {(r, c) for top, left, bottom, right in self.merges
                   for r in range(top, bottom + 1) for c in range(left, right + 1) if (r, c) != (top, left)}
        lines = []
        for row in range(first_row, last_row + 1):
            values = []
            for column in range(first_column, last_column + 1):
                # a value put in a merged range's other cells stays in the rendering, not in what is copied
                text = "" if (row, column) in covered else self.display(row, column)
                if style == "calc":
                    text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
                elif any(mark in text for mark in '\n\t"'):
                    text = '"' + text.replace('"', '""') + '"'
                values.append(text)
            lines.append("\t".join(values).rstrip("\t") if style == "calc" else "\t".join(values))
        ending = "\r\n" if style == "excel" else "\n"
        return ending.join(lines) + ending


def _xlsx_value(value: object) -> object:
    return float(value) if isinstance(value, Decimal) else value


def display_text(value: object, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = Decimal(str(value))
        if number_format == "#,##0.00":
            return f"{number:,.2f}"
        if number_format == "0.00":
            return f"{number:.2f}"
        text = format(number.normalize(), "f")
        return text
    return str(value)


def text_lines(text: str, width: float) -> int:
    """How many lines a wrapped cell of this width (in Excel's character units) needs: a CJK character takes
    about two units, other characters one."""
    capacity = max(1.0, width * 0.92)
    lines = 0
    for paragraph in text.split("\n"):
        units = sum(2.0 if ord(ch) >= 0x2E80 else 1.05 for ch in paragraph)
        lines += max(1, math.ceil(units / capacity))
    return max(1, lines)
