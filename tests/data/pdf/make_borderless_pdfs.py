"""Make the borderless PDFs of tests/test_pdf_borderless.py: small workbooks written with openpyxl, no borders,
printed by LibreOffice (`soffice --headless --convert-to pdf`, a private profile), fitted to the page width.

    .venv/bin/python tests/data/pdf/make_borderless_pdfs.py     # writes tests/data/pdf/borderless-*.pdf

- borderless-amount-beside-years.pdf: 总计 narrow and right-aligned, 实施周期 left-aligned right after it: the
  amount's last digit and the years' first are drawn 2 pt apart, which read as one text (148.502024-2026) before;
- borderless-no-header-overleaf.pdf: 24 projects in rows 48 pt high over three pages, the header not repeated,
  the first 8 paid by 财政专户拨款, the rest (every project of pages 2 and 3) by 财政拨款: a later page's columns,
  cut between its own rows' texts, reach from 实施周期 to 绩效目标, and put the middle of the one holding 财政拨款
  under 财政专户拨款 (read as 财政专户拨款 before).
- borderless-amounts-right-aligned.pdf: 财政拨款 wide and 财政专户拨款 narrow (its label wider than its amounts): a
  short 财政拨款 right-aligned in its column has its middle past the midway cut between the two labels (read as
  财政专户拨款 before).

The facts are GLUED, OVERLEAF and RIGHT_ALIGNED below (the tests read them from here).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_layout_pdfs import convert, fit_page  # noqa: E402  the same LibreOffice conversion and page set-up

HEADER = ["项目名称", "总计", "实施周期", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"]
AMOUNTS = {1, 3, 4, 5}  # right-aligned, as published tables print amounts (the header centred)
_INDICATOR = "1、产出指标：数量指标：办理案件数；实施周期指标值：≥{n}件；年度指标值：≥{n}件。"

GLUED = [
    ["法律援助业务经费", "148.50", "2024-2026", "148.50", "", "", "为经济困难公民提供法律援助。", _INDICATOR.format(n=500)],
    ["人民调解工作经费", "1,296.69", "2023-2025", "", "1,296.69", "", "化解矛盾纠纷。", _INDICATOR.format(n=800)],
    ["普法宣传经费", "36.00", "2022-2024", "36.00", "", "", "开展精准普法。", _INDICATOR.format(n=22)],
]
GLUED_WIDTHS = [16, 6, 9, 8, 10, 8, 20, 40]

_GOAL = "保障业务正常开展，提升公共法律服务水平，维护社会和谐稳定，推进法治社会建设。"  # rows 48 pt high
OVERLEAF = [[f"第{n}号业务经费", f"{100 + n}.50", "2024-2026", f"{100 + n}.50" if n > 8 else "",
             "" if n > 8 else f"{100 + n}.50", "", _GOAL, _INDICATOR.format(n=n)] for n in range(1, 25)]
OVERLEAF_WIDTHS = [16, 10, 10, 10, 12, 8, 12, 40]

RIGHT_ALIGNED = [
    ["法律援助业务经费", "6.20", "2024-2026", "6.20", "", "", "为经济困难公民提供法律援助。", _INDICATOR.format(n=5)],
    ["人民调解工作经费", "1.50", "2023-2025", "1.50", "", "", "化解矛盾纠纷。", _INDICATOR.format(n=8)],
    ["普法宣传经费", "36.00", "2022-2024", "", "36.00", "", "开展精准普法。", _INDICATOR.format(n=22)],
]
RIGHT_ALIGNED_WIDTHS = [16, 8, 10, 22, 7, 8, 20, 40]


def workbook(rows: list[list[str]], widths: list[int], height: float | None = None) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目支出绩效目标表"
    sheet["A1"] = "2024年项目支出绩效目标表"
    sheet["A2"] = "部门名称：测试区司法局"
    for r, values in enumerate([HEADER, *rows], start=4):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c, value=value or None)
            cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal=(
                "center" if r == 4 else "right" if c - 1 in AMOUNTS else "left"))
    for r in range(5, 5 + len(rows) if height else 5):
        sheet.row_dimensions[r].height = height
    fit_page(sheet, widths)
    return book



def main() -> None:
    if shutil.which("soffice") is None:
        sys.exit("soffice (LibreOffice) is not installed")
    convert(workbook(GLUED, GLUED_WIDTHS), "borderless-amount-beside-years")
    convert(workbook(OVERLEAF, OVERLEAF_WIDTHS, height=48), "borderless-no-header-overleaf")
    convert(workbook(RIGHT_ALIGNED, RIGHT_ALIGNED_WIDTHS), "borderless-amounts-right-aligned")


if __name__ == "__main__":
    main()
