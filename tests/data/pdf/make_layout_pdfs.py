"""Make the borderless PDFs of tests/test_pdf_layout.py: small workbooks written with openpyxl, no borders and
no row heights set, printed by LibreOffice (`soffice --headless --convert-to pdf`, a private profile), as a
clerk's Calc exports them: every row one line high, wrapped text running on over the rows below.

    .venv/bin/python tests/data/pdf/make_layout_pdfs.py        # writes tests/data/pdf/layout-*.pdf

The facts are ROWS below (the test reads them from here).
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

# 项目名称 last, as printed by some units: a unit's row (its name alone in that column) is drawn right after
# the project row above it, one line below its name; 实施周期 narrow, so 2022年1月-2023年12月 wraps onto the
# next row's 2023-2025.
HEADER = ["序号", "绩效指标", "预算单位", "实施周期", "绩效目标", "项目名称"]
WIDTHS = [5, 64, 14, 12, 42, 24]
ROWS = [
    ["", "", "", "", "", "合计"],
    ["", "", "", "", "", "区法律援助处"],
    [1, "1、产出指标：数量指标：办理法律援助案件数；实施周期指标值：≥1500件；年度指标值：≥500件。"
        "2、效益指标：社会效益指标：受援人满意度；实施周期指标值：≥90%；年度指标值：≥90%。",
     "区法律援助处", "2022年1月-2023年12月", "为经济困难公民提供法律援助，保障其合法权益，维护社会公平正义。", "法律援助业务经费"],
    [2, "1、产出指标：数量指标：调解案件数；实施周期指标值：≥800宗；年度指标值：≥800宗。",
     "区法律援助处", "2023-2025", "调动人民调解员积极性，化解矛盾纠纷。", "人民调解工作经费"],
    ["", "", "", "", "", "区司法局本级"],
    [3, "1、产出指标：数量指标：普法活动场次；实施周期指标值：≥22场；年度指标值：≥22场。"
        "2、满意度指标：服务对象满意度指标：群众满意度；实施周期指标值：≥90%；年度指标值：≥90%。",
     "区司法局本级", "2024", "开展精准普法，提升全民法治素养，推进法治社会建设。", "普法宣传经费"],
    [4, "1、产出指标：时效指标：行政复议案件办结率；实施周期指标值：100%；年度指标值：100%。",
     "区司法局本级", "2024", "完成行政复议案件办理，做好应诉工作。", "行政复议应诉经费"],
]


def unit_rows_workbook() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目支出绩效目标表"
    sheet["A1"] = "2023年项目支出绩效目标表"
    sheet["A2"] = "部门名称：测试区司法局"
    sheet["F3"] = "单位：万元"
    for r, values in enumerate([HEADER, *ROWS], start=4):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c, value=value if value != "" else None)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    fit_page(sheet, WIDTHS, "portrait")
    return book


def fit_page(sheet, widths: list[int], orientation: str = "landscape", fit: bool = True) -> None:
    """The columns' widths, the page's orientation and (fit) every column on one page's width, as a clerk sets it."""
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(c)].width = width
    sheet.page_setup.orientation = orientation
    if fit:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0


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
    convert(unit_rows_workbook(), "layout-unit-rows")


if __name__ == "__main__":
    main()
