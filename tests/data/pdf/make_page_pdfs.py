"""Make the PDFs of tests/test_pdf_pages.py: small workbooks written with openpyxl, each with the page set-up
under test, printed by LibreOffice (`soffice --headless --convert-to pdf`, a private profile).

    .venv/bin/python tests/data/pdf/make_page_pdfs.py        # writes tests/data/pdf/pages-*.pdf

The project table's facts are PROJECTS below (the test reads them from here); the department form is the 海珠
example workbook (../haizhu-department.xlsx, facts in ../haizhu-department.expected.json) with rows set high
enough for their text and the page set-up changed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Side
from openpyxl.worksheet.pagebreak import Break

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_layout_pdfs import convert  # noqa: E402  the same LibreOffice conversion

DATA = HERE.parent

HEADER = ["序号", "项目名称", "预算单位", "实施周期", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"]
WIDTHS = [6, 28, 22, 14, 12, 12, 14, 12, 40]  # characters, and 绩效指标's: about 1.5 A4 portrait pages wide
PROJECTS = [
    ("法律援助业务经费", "区法律援助处", "2024-2026", 60.5, 60.5, 0, 0, "为经济困难公民提供法律援助，保障其合法权益。",
     "1、产出指标：数量指标：办理法律援助案件数；实施周期指标值：≥1500件；年度指标值：≥500件。\n"
     "2、效益指标：社会效益指标：受援人满意度；实施周期指标值：≥90%；年度指标值：≥90%。"),
    ("人民调解工作经费", "区人民调解中心", "2024", 42.0, 40.0, 2.0, 0, "调动人民调解员积极性，化解矛盾纠纷。",
     "1、产出指标：数量指标：调解案件数；实施周期指标值：≥800宗；年度指标值：≥800宗。"),
    ("社区矫正专项经费", "区社区矫正中心", "2023-2025", 18.3, 18.3, 0, 0, "保障社区矫正工作正常开展。",
     "1、产出指标：质量指标：社区矫正对象再犯罪率；实施周期指标值：≤0.2%；年度指标值：≤0.2%。"),
    ("普法宣传经费", "区司法局本级", "2024", 9.6, 9.6, 0, 0, "开展精准普法，提升全民法治素养。",
     "1、产出指标：数量指标：普法活动场次；实施周期指标值：≥22场；年度指标值：≥22场。\n"
     "2、满意度指标：服务对象满意度指标：群众满意度；实施周期指标值：≥90%；年度指标值：≥90%。"),
    ("公证业务经费", "区公证处", "2024-2026", 12.0, 10.0, 0, 2.0, "提供便民公证服务。",
     "1、产出指标：时效指标：公证办结及时率；实施周期指标值：100%；年度指标值：100%。"),
    ("行政复议应诉经费", "区司法局本级", "2024", 6.2, 6.2, 0, 0, "完成行政复议案件办理，做好应诉工作。",
     "1、产出指标：数量指标：行政复议案件办结率；实施周期指标值：100%；年度指标值：100%。"),
]
ROW_HEIGHT = 170.0  # points: every project's text fits; four rows fill a portrait page


def project_workbook(page_order: str | None, title_columns: str | None = None, last_width: int = 34) -> openpyxl.Workbook:
    """last_width: the 绩效指标 column's; with the print titles (序号, 项目名称, 34 characters) more than about 36
    no longer fits a portrait page, and LibreOffice cuts it at the paper's edge."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目支出绩效目标表"
    sheet["A1"] = "2024年项目支出绩效目标表"
    sheet["A2"] = "部门名称：测试区司法局"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    rows = [HEADER] + [[index, *project] for index, project in enumerate(PROJECTS, start=1)]
    for r, values in enumerate(rows, start=3):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            cell.border = border
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if r > 3:
            sheet.row_dimensions[r].height = ROW_HEIGHT
    for c, width in enumerate([*WIDTHS, last_width], start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(c)].width = width
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = False  # the sheet's own widths: the columns run over pages
    sheet.print_title_rows = "3:3"
    if page_order:
        sheet.page_setup.pageOrder = page_order
    if title_columns:
        sheet.print_title_cols = title_columns
    return book


def department_workbook(fit_width: bool) -> openpyxl.Workbook:
    """The 海珠 form with its rows set high enough, the 部门名称 row repeated, and a page break after the first
    indicator: the merged 产出指标 and 数量指标 cells run over it."""
    book = openpyxl.load_workbook(DATA / "haizhu-department.xlsx")
    sheet = book.active
    for row in range(1, sheet.max_row + 1):
        if sheet.row_dimensions[row].height is None:
            sheet.row_dimensions[row].height = 36.0
    sheet.print_title_rows = "2:2"
    sheet.row_breaks.append(Break(id=14))
    if fit_width:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    else:
        sheet.sheet_properties.pageSetUpPr.fitToPage = False
        sheet.page_setup.orientation = "portrait"
        for letter in "ABCDEF":
            sheet.column_dimensions[letter].width = 30
    return book


def two_forms_workbook() -> openpyxl.Workbook:
    """A department form and a project table on two sheets, each narrow enough for its page (not scaled), with
    as many rows of the default height: their row borders lie at the same heights on both pages and their left
    edges at the margin, yet they are two forms, not two strips of one."""
    book = openpyxl.Workbook()
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    department = book.active
    department.title = "部门整体"
    department.append(["2024年部门整体预算绩效目标申报表"])
    for row in (["部门名称", "测试区司法局", "", ""], ["年度预算", "财政拨款", "100", ""],
                ["重点工作任务", "任务名称", "主要实施内容", "拟投入的资金"], ["", "人民调解", "化解矛盾纠纷", "10"],
                ["", "法律援助", "提供法律援助", "20"], ["", "普法宣传", "开展普法", "30"]):
        department.append(row)
    projects = book.create_sheet("项目表")
    projects.append(["2024年项目支出绩效目标表"])
    projects.append(["序号", "项目名称", "预算单位", "总计", "绩效目标", "绩效指标"])
    for index in range(1, 6):
        projects.append([index, f"业务工作经费{index}", "区司法局本级", 10 * index, "保障工作开展",
                         "1、产出指标：数量指标：活动次数；年度指标值：1次"])
    for letter, width in zip("ABCDEF", (5, 15, 14, 7, 14, 48)):  # every text on one line: rows of the default height
        projects.column_dimensions[letter].width = width
    for letter, width in zip("ABCD", (14, 14, 14, 14)):
        department.column_dimensions[letter].width = width
    for sheet, columns in ((department, "ABCD"), (projects, "ABCDEF")):
        for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row, max_col=len(columns)):
            for cell in row:
                cell.border = border
    return book


def main() -> None:
    convert(project_workbook(None), "pages-wide-projects")
    convert(project_workbook("overThenDown"), "pages-wide-projects.over-then-down")
    convert(project_workbook(None, "A:B"), "pages-wide-projects.title-columns")
    convert(project_workbook(None, "A:B", last_width=60), "pages-column-past-the-paper")
    convert(department_workbook(True), "pages-department-break")
    convert(department_workbook(False), "pages-department-wide")
    convert(two_forms_workbook(), "pages-two-forms-same-rows")


if __name__ == "__main__":
    sys.exit(main())
