"""Make the PDFs of tests/test_pdf_strips.py: wide project tables without borders, not fitted to the page width,
printed by LibreOffice (`soffice --headless --convert-to pdf`, a private profile) in strips of columns.

    .venv/bin/python tests/data/pdf/strips/make_strip_pdfs.py     # writes tests/data/pdf/strips/*.pdf

The facts are make_page_pdfs.PROJECTS (the test reads them from there). The title is merged across all the
columns, as the published tables do, so LibreOffice draws it on the first page of every strip.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import make_page_pdfs as ruled  # the same table as the ruled strips

MERGED_UNIT_ROWS = (2, 3)  # the projects (1-based) whose unit is one cell merged down, in borderless-merged-unit.pdf


def borderless_workbook(page_order: str | None, repeat_header: bool = True, tall_note: bool = False,
                        merged_unit: bool = False, remark: bool = False) -> openpyxl.Workbook:
    """tall_note: a note in a row of its own above the title, so tall that the first pages end with the
    部门名称…单位：万元 line and the header begins the next band. merged_unit: the second project's unit merged down
    over the third's (MERGED_UNIT_ROWS). remark: a 备注 column on a strip of its own, filled in the first project's
    row only: its page of the last band holds nothing but the repeated header, and LibreOffice leaves it out."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目支出绩效目标表"
    top = 1
    if tall_note:
        sheet["A1"] = "附件2"
        sheet["A2"] = "说明：本表由各预算单位填报。"
        sheet.row_dimensions[1].height = 409
        sheet.row_dimensions[2].height = 250
        top = 3
    sheet.cell(row=top, column=1, value="2024年项目支出绩效目标表")
    sheet.cell(row=top + 1, column=1, value="部门名称：测试区司法局")
    columns = len(ruled.HEADER)
    if tall_note:
        sheet.cell(row=top + 1, column=columns, value="单位：万元")
    sheet.merge_cells(start_row=top, start_column=1, end_row=top, end_column=columns)
    sheet.cell(row=top, column=1).alignment = Alignment(horizontal="center")
    rows = [ruled.HEADER] + [[index, *project] for index, project in enumerate(ruled.PROJECTS, start=1)]
    for r, values in enumerate(rows, start=top + 2):
        for c, value in enumerate(values, start=1):
            sheet.cell(row=r, column=c, value=value).alignment = Alignment(wrap_text=True, vertical="top")
        if r > top + 2:
            sheet.row_dimensions[r].height = ruled.ROW_HEIGHT
    if remark:
        sheet.cell(row=top + 2, column=len(ruled.HEADER) + 1, value="备注")
        sheet.cell(row=top + 3, column=len(ruled.HEADER) + 1, value="续建项目")
        sheet.column_dimensions[openpyxl.utils.get_column_letter(len(ruled.HEADER) + 1)].width = 80
    if merged_unit:
        first, last = (top + 2 + project for project in MERGED_UNIT_ROWS)
        sheet.cell(row=last, column=3).value = None
        sheet.merge_cells(start_row=first, start_column=3, end_row=last, end_column=3)
    for c, width in enumerate([*ruled.WIDTHS, 34], start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(c)].width = width
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = False  # the sheet's own widths: the columns run over pages
    if repeat_header:
        sheet.print_title_rows = f"{top + 2}:{top + 2}"
    if page_order:
        sheet.page_setup.pageOrder = page_order
    return book


def two_header_rows_workbook() -> openpyxl.Workbook:
    """项目资金 over 总计…其他资金 in a second header row, 序号 … 绩效指标 merged down both and set at the top; no
    实施周期; amounts of 0 left empty, so that no row of the first pages fills 其他资金."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目支出绩效目标表"
    sheet["A1"] = "2024年项目支出绩效目标表"
    sheet["A2"] = "部门名称：测试区司法局"
    header = [label for label in ruled.HEADER if label != "实施周期"]
    columns = len(header)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    sheet["A1"].alignment = Alignment(horizontal="center")
    amounts = [index for index, label in enumerate(header, start=1) if label in ("总计", "财政拨款", "财政专户拨款", "其他资金")]
    for c, label in enumerate(header, start=1):
        if c in amounts:
            sheet.cell(row=4, column=c, value=label).alignment = Alignment(horizontal="center")
        else:  # centred as published tables centre their labels, on 项目资金's line
            sheet.cell(row=3, column=c, value=label).alignment = Alignment(horizontal="center", vertical="top")
            sheet.merge_cells(start_row=3, start_column=c, end_row=4, end_column=c)
    sheet.cell(row=3, column=amounts[0], value="项目资金").alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=3, start_column=amounts[0], end_row=3, end_column=amounts[-1])
    for r, project in enumerate(ruled.PROJECTS, start=5):
        for c, value in enumerate([r - 4, *project[:2], *project[3:]], start=1):
            cell = sheet.cell(row=r, column=c, value=None if value == 0 and c in amounts else value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[r].height = ruled.ROW_HEIGHT
    for c, width in enumerate([*ruled.WIDTHS[:3], *ruled.WIDTHS[4:], 34], start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(c)].width = width
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = False
    sheet.print_title_rows = "3:4"
    return book


def convert(book: openpyxl.Workbook, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{name}.xlsx"
        book.save(source)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", folder, str(source)], check=True, capture_output=True)
        shutil.copy(Path(folder) / f"{name}.pdf", HERE / f"{name}.pdf")


def main() -> None:
    if shutil.which("soffice") is None:
        sys.exit("soffice (LibreOffice) is not installed")
    convert(borderless_workbook(None), "borderless-down-then-over")
    convert(borderless_workbook("overThenDown"), "borderless-over-then-down")
    convert(borderless_workbook(None, repeat_header=False), "borderless-no-print-titles")
    convert(borderless_workbook(None, repeat_header=False, tall_note=True), "borderless-title-band")
    convert(two_header_rows_workbook(), "borderless-two-header-rows")
    convert(borderless_workbook(None, merged_unit=True), "borderless-merged-unit")
    convert(borderless_workbook(None, remark=True), "borderless-page-left-out")


if __name__ == "__main__":
    main()
