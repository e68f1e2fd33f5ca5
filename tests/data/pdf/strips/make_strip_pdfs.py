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


def borderless_workbook(page_order: str | None, repeat_header: bool = True) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目支出绩效目标表"
    sheet["A1"] = "2024年项目支出绩效目标表"
    sheet["A2"] = "部门名称：测试区司法局"
    columns = len(ruled.HEADER)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    sheet["A1"].alignment = Alignment(horizontal="center")
    rows = [ruled.HEADER] + [[index, *project] for index, project in enumerate(ruled.PROJECTS, start=1)]
    for r, values in enumerate(rows, start=3):
        for c, value in enumerate(values, start=1):
            sheet.cell(row=r, column=c, value=value).alignment = Alignment(wrap_text=True, vertical="top")
        if r > 3:
            sheet.row_dimensions[r].height = ruled.ROW_HEIGHT
    for c, width in enumerate([*ruled.WIDTHS, 34], start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(c)].width = width
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = False  # the sheet's own widths: the columns run over pages
    if repeat_header:
        sheet.print_title_rows = "3:3"
    if page_order:
        sheet.page_setup.pageOrder = page_order
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


if __name__ == "__main__":
    main()
