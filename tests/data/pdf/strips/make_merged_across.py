"""Makes merged-across.pdf: a ruled table, not fitted to the page width, printed by LibreOffice (`soffice --headless
--convert-to pdf`, a private profile) in two strips. Its second band begins with two rows whose cells are merged
across the strip border, beside two cells merged down over both: on the second strip's page those rows have no side
borders (pdfplumber finds no table there), only the line between them. The title is merged across all the columns, as
the published forms do: LibreOffice draws it on the first page of every strip, and the pages are placed by it.

    .venv/bin/python tests/data/pdf/strips/make_merged_across.py     # writes merged-across*.pdf beside it
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Side
from openpyxl.worksheet.pagebreak import Break

HERE = Path(__file__).resolve().parent
HEADER = ["序号", "任务名称", "绩效目标", "关键指标", "指标值", "备注"]
ROWS = [[str(n), f"第{n}项任务", f"完成第{n}项任务的目标", f"关键指标{n}", f"{90 + n}%", ""] for n in range(1, 4)]
MERGED = ["第一行合并文字：工程量完成率", "第二行合并文字：预算完成率100%"]  # each merged across 绩效目标…备注
AFTER = [[str(n), f"第{n}项任务", f"完成第{n}项任务的目标", f"关键指标{n}", f"{90 + n}%", ""] for n in range(4, 6)]


def workbook(same_text: bool = False) -> openpyxl.Workbook:
    """same_text: the second merged row's text is the text of the cell merged down beside it (merged-across-same-text:
    an amount beside the same amount in another cell of the row)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "绩效目标表"
    for column, width in zip("ABCDEF", (8, 30, 40, 40, 30, 30)):
        sheet.column_dimensions[column].width = width
    line = Side(style="thin")
    sheet["A1"] = "2019年部门整体绩效目标表（测试）"  # merged across the columns: drawn on every strip's first page
    sheet.merge_cells("A1:F1")
    sheet["A1"].alignment = Alignment(horizontal="center")
    merged = [MERGED[0], "0.00"] if same_text else MERGED
    rows = [HEADER, *ROWS, ["合并", "0.00" if same_text else "合并说明", merged[0], "", "", ""],
            ["", "", merged[1], "", "", ""], *AFTER]
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c, value=value or None)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = Border(left=line, right=line, top=line, bottom=line)
        sheet.row_dimensions[r].height = 30
    top = len(ROWS) + 3
    sheet.merge_cells(start_row=top, start_column=1, end_row=top + 1, end_column=1)
    sheet.merge_cells(start_row=top, start_column=2, end_row=top + 1, end_column=2)
    for row in (top, top + 1):
        sheet.merge_cells(start_row=row, start_column=3, end_row=row, end_column=6)
    sheet.row_breaks.append(Break(id=top - 1))  # the second band begins with the merged rows
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = 9  # A4
    return book


def main() -> int:
    for name, same_text in (("merged-across", False), ("merged-across-same-text", True)):
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / f"{name}.xlsx"
            workbook(same_text).save(source)
            profile = Path(folder) / "profile"
            subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                            "--outdir", folder, str(source)], capture_output=True, timeout=180, check=True)
            shutil.copy(Path(folder) / f"{name}.pdf", HERE / f"{name}.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
