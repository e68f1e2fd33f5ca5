"""Make the PDFs of tests/test_pdf_silent.py: small workbooks written with openpyxl, no borders, printed by
LibreOffice (`soffice --headless --convert-to pdf`, a private profile), each a layout that was read wrong in silence.

    .venv/bin/python tests/data/pdf/make_silent_pdfs.py     # writes tests/data/pdf/silent-*.pdf

- silent-short-unit-rows.pdf: 序号 narrow, 项目名称 wide and left-aligned, units' subtotal rows (区公证处, four
  characters): the short unit name's middle lies on the 序号 side of the line cut midway between the two labels
  (read as a 合计 row's 序号 before: its projects took the unit above);
- silent-one-short-unit.pdf: the same with one unit and one project, so that only the header's labels tell
  which column the two names' shared left edge is;
- silent-unit-rows-overleaf.pdf: the same over two pages, the header not repeated: the second page's texts are put
  in the first page's columns by where they lie, and its short names went to 序号 the same way;
- silent-unit-row-on-top.pdf: units' rows with no totals (the unit's name their one text), a page break before
  the second, the header not repeated: that row, first on its page, was taken for a line above the table, and its
  projects read under the unit before;
- silent-clipped-rows.pdf: rows 18 pt high for goals of three lines: LibreOffice clips each cell and prints its
  first line and the top of its second (read as a short goal, unsaid, before);
- silent-digit-beside-label.pdf: a one-digit amount right-aligned against the unit left-aligned in the next
  column (read as one text, 0区公证处, before);
- silent-wide-no-borders.pdf: a project table too wide for its page, not fitted to the page width: its last
  columns (预算单位, 绩效指标) are printed on the next page, and without ruling lines nothing joins them (read
  without them, unsaid, before).

- silent-department-list.pdf: a 部门整体预算绩效目标申报表 with no borders, its amounts right-aligned in cells merged
  over four columns (printed at the right end, the columns between them and their labels empty: read as no amounts
  before), and a page break inside the task table, so the next page continues it and then begins the indicator
  table with labels of its own (实施周期指标值 and 年度指标值 fell in one column of the task table's before: no
  indicators read).

- silent-cut-rows-no-borders.pdf: no borders, no row heights, goals of four lines: LibreOffice prints each row one
  line high and draws a goal's first two lines, the second over the next row (a project's goal, a unit's row with
  none, past the last row), the rest not in the PDF, no clip (read as whole goals, unsaid, before);
- silent-cut-row-mixed-heights.pdf: rows of no one height: one line high (the goal drawn over the next one's), 60 pt
  (the goal clipped through its last line, the rest left out) and high enough;
- silent-coarse-first-page.pdf: the department form ruled, its first page only rows merged over three columns, the
  tasks and indicators in six on the next (read in the first page's three, a task's cells joined, before);
- silent-repeated-title-row.pdf: the department form without borders, 部门名称 repeated on every page, a page break
  in the task table: the repeated name and the task under it read as one name before;
- silent-label-over-row-above.pdf: the indicator header's labels centred, 实施周期指标值 in two lines reaching up over
  the last task's row (taken for its 期望达到的目标's next line before, the indicators' two values read as one);
- silent-merged-units-no-borders.pdf: no borders, 预算单位 merged down each unit's projects: its text in the
  range's first row only (the others' units missing before, each noted);
- silent-last-row-past-the-table.pdf: every border drawn, no row heights, goals of two lines: the last row's
  second line is drawn past the table's bottom border (left out, the goal read short, unsaid, before);
- silent-print-title-own-columns.pdf: the corpus' department form d017 of seed 30, 部门名称 repeated: the task's
  three cells above the indicators' labels on the second page, and 8 | 96 on the third (a page whose columns were cut
  between its own rows' texts), each joined into one cell of the first page's columns, in silence;
- silent-print-title-other-columns.pdf: the corpus' department form d010 of seed 22 (scripts/make_corpus.py), whose
  second page, cut into other columns, kept the repeated 部门名称 row between two tasks.

The facts are the lists below (the tests read them from here).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Side
from openpyxl.worksheet.pagebreak import Break

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_layout_pdfs import convert, fit_page  # noqa: E402  the same LibreOffice conversion and page set-up

HEADER = ["序号", "项目名称", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"]
AMOUNTS = {2, 3, 4, 5}
_INDICATOR = "1、产出指标：数量指标：办理案件数；实施周期指标值：≥{n}件；年度指标值：≥{n}件。"
_GOAL = "保障业务正常开展，提升公共法律服务水平，维护社会和谐稳定，推进法治社会建设，为群众提供优质高效的法律服务。"

# (unit, [(name, amount), …]): a subtotal row naming the unit, then its projects
UNITS = [
    ("区司法局本级", [("法律援助业务经费", "148.50"), ("人民调解工作经费", "96.20")]),
    ("区公证处", [("公证业务经费", "36.00"), ("公证档案数字化经费", "12.80"), ("公证服务设备购置经费", "20.00")]),
    ("区法律援助处", [("法律援助案件补贴", "88.00")]),
]
ONE_UNIT = [("区公证处", [("公证业务经费", "36.00")])]
OVERLEAF = [("区司法局本级", [(f"第{n}号业务经费", f"{100 + n}.50") for n in range(1, 14)]),  # rows 30 pt high: page 1
            ("区公证处", [(f"公证第{n}号经费", f"{20 + n}.00") for n in range(1, 5)]),
            ("区法律援助处", [(f"援助第{n}号经费", f"{40 + n}.00") for n in range(1, 4)])]  # page 2, no header
ON_TOP = [("区司法局本级", [("法律援助业务经费", "148.50"), ("人民调解工作经费", "96.20")]),  # a page break before
          ("区公证处", [("公证业务经费", "36.00"), ("公证档案数字化经费", "12.80")])]  # 区公证处's row, its only text
WIDTHS = [4, 34, 9, 9, 11, 8, 20, 36]
CUT_UNITS = [("区司法局本级", [("法律援助业务经费", "148.50"), ("人民调解工作经费", "96.20")]),
             ("区公证处", [("公证业务经费", "36.00")])]  # a unit's row (its goal empty) under a cut goal, the last cut
MIXED_HEIGHTS = [("", [("法律援助业务经费", "148.50"), ("人民调解工作经费", "96.20"), ("公证业务经费", "36.00")])]  # rows of
# no one height: the first one line high (its goal cut, drawn over the second's), the second 60 pt (its goal clipped
# through its last line), the third high enough

CLIPPED = [["法律援助业务经费", "148.50", _GOAL], ["人民调解工作经费", "96.20", _GOAL[:40] + "。"],
           ["普法宣传经费", "36.00", _GOAL]]

# 其他资金 (one digit, right-aligned) right against 预算单位 (left-aligned)
BESIDE = [["法律援助业务经费", "148.50", "148.50", "0", "区公证处"], ["人民调解工作经费", "96.20", "96.20", "0", "区司法局本级"],
          ["普法宣传经费", "36.00", "36.00", "0", "区法律援助处"]]

WIDE_HEADER = ["序号", "项目名称", "绩效目标", "实施周期", "总计", "财政拨款", "财政专户拨款", "其他资金", "预算单位", "绩效指标"]
WIDE = [[str(n), f"第{n}号业务经费", "保障业务正常开展，提升公共法律服务水平。", "2024-2026", f"{100 + n}.50", f"{100 + n}.50",
         "", "", "区司法局本级", _INDICATOR.format(n=n)] for n in range(1, 4)]


BUDGET = [("基本支出", "3291.08"), ("项目支出", "1485.34"), ("财政专项资金", "334.04"), ("其他事业发展性支出", "1151.30"),
          ("财政拨款", "4776.42"), ("其他资金", "0.00"), ("区本级使用资金", "4776.42"), ("拟用于对下转移支付资金", "0.00")]
TASKS = [("社区矫正和安置帮教经费", "开展社区矫正对象和刑满释放人员教育矫治和适应性帮扶。", "3.90", "安置帮教率100%。"),
         ("行政复议应诉经费", "完成向区政府申请的行政复议案件办理。", "6.20", "行政复议案件完成率100%。"),
         ("基层工作和司法所经费", "加强人民调解工作，确保司法所运行正常。", "30.00", "工单处理率100%。")]
INDICATORS = [("产出指标", "数量指标", "信息化运维工作完成率", "100%", "100%"),
              ("产出指标", "质量指标", "开展法律援助工作服务项目", "运行服务评估达标", "评估达标"),
              ("效益指标", "社会效益指标", "信息化系统正常运行率", "99%", "100%"),
              ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "≥95%")]


def department_workbook() -> openpyxl.Workbook:
    from openpyxl.worksheet.pagebreak import Break

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "部门整体绩效目标"
    sheet["A1"] = "2023年度部门整体预算绩效目标申报表"
    sheet["F2"] = "单位：万元"
    rows: list[list[str]] = [["部门名称", "测试区司法局", "", "", "", ""], ["预算整体情况", "项目", "预算金额（万元）", "", "", ""]]
    rows += [["", label, amount, "", "", ""] for label, amount in BUDGET]
    rows.append(["总体绩效目标", "保障各项司法行政工作顺利开展，维护社会和谐稳定。", "", "", "", ""])
    rows.append(["年度重点工作任务", "名称", "主要实施内容", "拟投入的资金（万元）", "期望达到的目标（概述）", ""])
    rows += [["", *task, ""] for task in TASKS]
    rows.append(["绩效指标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"])
    rows += [["", *indicator] for indicator in INDICATORS]
    for r, values in enumerate(rows, start=3):
        amount_row = 5 <= r <= 12
        _put(sheet, r, values, {2} if amount_row or r > 15 and r < 19 else set())
        if amount_row:
            sheet.merge_cells(start_row=r, start_column=3, end_row=r, end_column=6)
        if r == 3 or r == 13:
            sheet.merge_cells(start_row=r, start_column=2, end_row=r, end_column=6)
        if 14 <= r <= 17:
            sheet.merge_cells(start_row=r, start_column=5, end_row=r, end_column=6)
    sheet.cell(row=4, column=3).alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=4, start_column=3, end_row=4, end_column=6)
    sheet.row_breaks.append(Break(id=15))  # the page ends after the first task
    fit_page(sheet, [16, 22, 30, 18, 18, 18])
    return book


def _sheet(book: openpyxl.Workbook, title: str):
    sheet = book.active
    sheet.title = "项目支出绩效目标表"
    sheet["A1"] = title
    sheet["A2"] = "部门名称：测试区司法局"
    return sheet


def _put(sheet, row: int, values: list[str], amounts: set[int], header: bool = False) -> None:
    for c, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=c, value=value or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal=(
            "center" if header else "right" if c - 1 in amounts else "left"))


def unit_rows_workbook(units: list[tuple[str, list[tuple[str, str]]]], height: float | None = None,
                       totals: bool = True, break_before: str | None = None) -> openpyxl.Workbook:
    """totals: the units' rows give their projects' total; break_before: a page break set before that unit's row."""
    book = openpyxl.Workbook()
    sheet = _sheet(book, "2024年项目支出绩效目标表")
    _put(sheet, 4, HEADER, AMOUNTS, header=True)
    row, number = 5, 1
    for unit, projects in units:
        total = f"{sum(float(amount) for _, amount in projects):.2f}" if totals else ""
        _put(sheet, row, ["", unit, total, total, "", "", "", ""], AMOUNTS)
        if unit == break_before:
            sheet.row_breaks.append(Break(id=row - 1))
        row += 1
        for name, amount in projects:
            _put(sheet, row, [str(number), name, amount, amount, "", "", "保障业务正常开展。", _INDICATOR.format(n=number)],
                 AMOUNTS)
            row, number = row + 1, number + 1
    for r in range(5, row if height else 5):
        sheet.row_dimensions[r].height = height
    fit_page(sheet, WIDTHS)
    return book


def clipped_workbook() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = _sheet(book, "2024年项目支出绩效目标表")
    header = ["项目名称", "总计", "财政拨款", "绩效目标", "绩效指标"]
    _put(sheet, 4, header, {1, 2}, header=True)
    for r, (name, amount, goal) in enumerate(CLIPPED, start=5):
        _put(sheet, r, [name, amount, amount, goal, _INDICATOR.format(n=r)], {1, 2})
        sheet.row_dimensions[r].height = 18
    fit_page(sheet, [18, 9, 9, 24, 60])
    return book


def beside_workbook() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = _sheet(book, "2024年项目支出绩效目标表")
    header = ["项目名称", "总计", "财政拨款", "其他资金", "预算单位", "绩效目标", "绩效指标"]
    _put(sheet, 4, header, {1, 2, 3}, header=True)
    for r, values in enumerate(BESIDE, start=5):
        _put(sheet, r, [*values, "保障业务正常开展。", _INDICATOR.format(n=r)], {1, 2, 3})
    fit_page(sheet, [18, 9, 9, 9, 14, 20, 40])
    return book


def wide_workbook() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = _sheet(book, "2024年项目支出绩效目标表")
    _put(sheet, 4, WIDE_HEADER, {4, 5, 6, 7}, header=True)
    for r, values in enumerate(WIDE, start=5):
        _put(sheet, r, values, {4, 5, 6, 7})
    fit_page(sheet, [5, 24, 30, 12, 12, 12, 14, 12, 16, 60], fit=False)
    return book


def cut_rows_workbook(units: list[tuple[str, list[tuple[str, str]]]], heights: dict[int, float]) -> openpyxl.Workbook:
    """No borders, and no row heights but `heights` (sheet row → points): LibreOffice prints a row one line high and
    draws a cell's lines while they begin inside its row, the rest left out of the PDF; 绩效目标 is narrow, its goals
    cut after two lines in such a row. A unit's row (no goal) when the unit has a name."""
    book = openpyxl.Workbook()
    sheet = _sheet(book, "2024年项目支出绩效目标表")
    _put(sheet, 4, HEADER, AMOUNTS, header=True)
    row, number = 5, 1
    for unit, projects in units:
        if unit:
            _put(sheet, row, ["", unit, "", "", "", "", "", ""], AMOUNTS)
            row += 1
        for name, amount in projects:
            _put(sheet, row, [str(number), name, amount, amount, "", "", _GOAL, ""], AMOUNTS)
            row, number = row + 1, number + 1
    for r, height in heights.items():
        sheet.row_dimensions[r].height = height
    fit_page(sheet, [4, 24, 9, 9, 11, 8, 14, 30])
    return book


def _ruled(sheet, rows: range, columns: int) -> None:
    thin = Side(style="thin")
    for r in rows:
        for c in range(1, columns + 1):
            sheet.cell(row=r, column=c).border = Border(left=thin, right=thin, top=thin, bottom=thin)


def coarse_first_page_workbook() -> openpyxl.Workbook:
    """The department form ruled, its first page only the rows merged over columns B–F or C–F (部门名称, the budget, the
    goal: three columns), the tasks and indicators on the next page in six: every border the first page has, and more."""
    from openpyxl.worksheet.pagebreak import Break

    book = department_workbook()
    sheet = book.active
    sheet.row_breaks.brk.clear()
    sheet.row_breaks.append(Break(id=12))  # the page ends after 总体绩效目标
    _ruled(sheet, range(3, 23), 6)
    return book


def repeated_title_workbook() -> openpyxl.Workbook:
    """The department form without borders, its 部门名称 row repeated on every page (print titles) and a page break
    inside the task table: the next page's columns are cut between its own texts, the repeated row's among them."""
    book = department_workbook()
    book.active.print_title_rows = "3:3"
    return book


def centred_labels_workbook() -> openpyxl.Workbook:
    """The department form without borders or row heights, the indicator header's labels centred in their row and
    实施周期指标值 two lines in a narrow column: its first line reaches up over the last task's row, right under
    the task's 期望达到的目标 drawn just before it, less than a line below."""
    book = department_workbook()
    sheet = book.active
    for c in range(1, 7):
        sheet.cell(row=18, column=c).alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    fit_page(sheet, [16, 22, 30, 18, 10, 10])
    return book


CORPUS_FORM = {"source": "bench", "header_at": "lower", "first_column": "shifted", "amounts": "yuan", "separators": "none",
               "line_breaks": "none", "title_year": "no", "budget_layout": "list", "level_cells": "repeated",
               "template_rows": "yes", "orientation": "landscape", "fit_width": "yes", "row_heights": "fitted",
               "borders": "no", "repeat_header": "yes"}  # the corpus' d010 of seed 22 (scripts/make_corpus.py)
CORPUS_TASKS = ["人民调解补贴资金（00004）", "司法所建设专项经费（00003）", "律师管理专项经费（00002）", "法治政府建设服务项目经费（00001）"]


def corpus_department_workbook() -> openpyxl.Workbook:
    """The corpus' department form without borders, its 部门名称 row repeated on every page (print titles), the page
    breaking after the second task: the next page's columns, cut between its own texts, are not the first's."""
    sys.path.insert(0, str(HERE.parent.parent.parent))
    from scripts.make_corpus import render_base

    return render_base("department", "d010", CORPUS_FORM, 22).sheet.workbook()


SPILLED = [("法律援助业务经费", "148.50", "保障业务正常开展，提升公共法律服务水平。"),
           ("人民调解工作经费", "96.20", "维护社会和谐稳定，推进法治社会建设。"),
           ("公证业务经费", "36.00", "为群众提供优质高效的法律服务，维护社会和谐稳定。")]


def spilled_workbook() -> openpyxl.Workbook:
    """Every border drawn, no row heights set, goals of two lines: LibreOffice prints each row one line high, with
    no clip, and draws a goal's second line, which begins inside its row, past the row's bottom border, the last
    row's past the table's."""
    book = openpyxl.Workbook()
    sheet = _sheet(book, "2024年项目支出绩效目标表")
    side = Side(style="thin")
    for r, values in enumerate([["项目名称", "总计", "绩效目标"], *SPILLED], start=4):
        _put(sheet, r, list(values), {1}, header=r == 4)
        for c in range(1, 4):
            sheet.cell(row=r, column=c).border = Border(left=side, right=side, top=side, bottom=side)
    fit_page(sheet, [18, 9, 16], orientation="portrait")
    return book


MERGED_UNITS = [("区司法局本级", ["法律援助业务经费", "人民调解工作经费", "普法宣传经费"]), ("区公证处", ["公证业务经费", "公证档案经费"])]


def merged_units_workbook() -> openpyxl.Workbook:
    """No borders, 预算单位 merged down each unit's projects (its text at the top of the range): the PDF shows the
    unit in the first row of the range only."""
    book = openpyxl.Workbook()
    sheet = _sheet(book, "2024年项目支出绩效目标表")
    _put(sheet, 4, ["项目名称", "预算单位", "总计", "绩效目标"], {2}, header=True)
    row = 5
    for unit, names in MERGED_UNITS:
        for offset, name in enumerate(names):
            _put(sheet, row + offset, [name, unit if offset == 0 else "", "10.00", "保障业务正常开展。"], {2})
        sheet.merge_cells(start_row=row, start_column=2, end_row=row + len(names) - 1, end_column=2)
        row += len(names)
    fit_page(sheet, [20, 14, 9, 24], orientation="portrait")
    return book


HAIZHU_FORM = {"source": "haizhu", "header_at": "lower", "first_column": "shifted", "amounts": "number_thousands",
               "separators": "footnotes", "line_breaks": "none", "title_year": "no", "budget_layout": "list",
               "level_cells": "merged", "template_rows": "no", "orientation": "landscape", "fit_width": "yes",
               "row_heights": "generous", "borders": "no", "repeat_header": "yes"}  # the corpus' d017 of seed 30


HAIZHU_TASK = ("一村（社区）一法律顾问公益法律服务工作经费", "开展一村（社区）一法律顾问工作，为村（社区）配备法律顾问，实现线上线下全覆盖，"
               "群众不出村（社区）即可享受到法律服务，困难群众能够及时得到法律援助。", "534.00")
HAIZHU_INDICATORS = [("法律顾问每月到村（社区）提供法律服务时间（小时）", "8", "96"), ("法律顾问每季度举办法治讲座、法治宣传数（场次）", "1", "4"),
                     ("各区司法局对法律顾问考核评分合格率（%）", "95", "95"), ("社区法律顾问覆盖率", "100%", "100%")]


def haizhu_department_workbook() -> openpyxl.Workbook:
    """The corpus' department form (海珠) without borders, 部门名称 repeated on every page (print titles): the second
    page holds the task and the indicators' labels, the third the indicators, each cut into columns of its own."""
    sys.path.insert(0, str(HERE.parent.parent.parent))
    from scripts.make_corpus import render_base

    return render_base("department", "d017", HAIZHU_FORM, 30).sheet.workbook()


def main() -> None:
    if shutil.which("soffice") is None:
        sys.exit("soffice (LibreOffice) is not installed")
    convert(cut_rows_workbook(CUT_UNITS, {}), "silent-cut-rows-no-borders")
    convert(cut_rows_workbook(MIXED_HEIGHTS, {6: 60, 7: 100}), "silent-cut-row-mixed-heights")
    convert(coarse_first_page_workbook(), "silent-coarse-first-page")
    convert(repeated_title_workbook(), "silent-repeated-title-row")
    convert(centred_labels_workbook(), "silent-label-over-row-above")
    convert(corpus_department_workbook(), "silent-print-title-other-columns")
    convert(haizhu_department_workbook(), "silent-print-title-own-columns")
    convert(spilled_workbook(), "silent-last-row-past-the-table")
    convert(merged_units_workbook(), "silent-merged-units-no-borders")
    convert(unit_rows_workbook(UNITS), "silent-short-unit-rows")
    convert(unit_rows_workbook(ONE_UNIT), "silent-one-short-unit")
    convert(unit_rows_workbook(OVERLEAF, height=30), "silent-unit-rows-overleaf")
    convert(unit_rows_workbook(ON_TOP, totals=False, break_before="区公证处"), "silent-unit-row-on-top")
    convert(clipped_workbook(), "silent-clipped-rows")
    convert(beside_workbook(), "silent-digit-beside-label")
    convert(wide_workbook(), "silent-wide-no-borders")
    convert(department_workbook(), "silent-department-list")


if __name__ == "__main__":
    main()
