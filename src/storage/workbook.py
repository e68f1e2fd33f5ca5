"""The editor's own xlsx: three sheets that look like the official tables and read back losslessly.

部门整体绩效目标 — the department form; 项目支出绩效目标表 — one row per project as
published; 绩效指标明细 — one row per indicator, the sheet clerks filter and the one
the reader takes indicators from (the 绩效指标 text column is for reading only).
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Iterable

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..model import framework
from ..model.checks import parts_sum, project_total
from ..model.declaration import BUDGET_LABELS, Declaration, Indicator
from .indicator_text import format_indicator_text

DEPARTMENT_SHEET = "部门整体绩效目标"
PROJECT_SHEET = "项目支出绩效目标表"
DETAIL_SHEET = "绩效指标明细"
PROJECT_HEADERS = ["序号", "项目名称", "预算单位", "实施周期", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"]
DETAIL_HEADERS = ["项目序号", "项目名称", "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"]
DEPARTMENT_ROW_LABEL = "部门整体"
AMOUNT_FORMAT = "#,##0.00"

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TITLE_FONT = Font(name="宋体", size=16, bold=True)
_BODY_FONT = Font(name="宋体", size=10)
_HEADER_FONT = Font(name="宋体", size=10, bold=True)


def workbook_bytes(declaration: Declaration) -> bytes:
    workbook = Workbook()
    _department_sheet(workbook.active, declaration)
    _project_sheet(workbook.create_sheet(PROJECT_SHEET), declaration)
    _detail_sheet(workbook.create_sheet(DETAIL_SHEET), declaration)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _title(year: int | None, text: str) -> str:
    return f"{year}年{text}" if year is not None else text


def put(sheet: Worksheet, row: int, column: int, value: object, style: str = "body") -> Cell:
    """Write one cell; text is always text (an indicator value '=100%' must not become a formula)."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, Decimal):
        as_float = float(value)
        if Decimal(repr(as_float)) == value:
            cell.value = as_float
            cell.number_format = AMOUNT_FORMAT
        else:  # more digits than a spreadsheet number holds: keep them all as text
            cell.value = format(value, "f")
            cell.data_type = "s"
    else:
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"
    cell.border = _BORDER
    cell.font = _HEADER_FONT if style == "header" else _BODY_FONT
    cell.alignment = _CENTER if style in ("header", "label") else _WRAP
    if style == "header":
        cell.fill = _HEADER_FILL
    return cell


def _title_row(sheet: Worksheet, text: str, width: int) -> None:
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    cell = sheet.cell(row=1, column=1, value=text)
    cell.font = _TITLE_FONT
    cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 32


def _text_width(text: str) -> float:
    """Width in Excel's column units: a CJK character is about two Latin ones."""
    return sum(1.7 if ord(ch) > 0x2E80 else 1.0 for ch in text)


def fit_row_heights(sheet: Worksheet, first_row: int) -> None:
    """Excel and LibreOffice do not grow rows for wrapped text written by openpyxl: set heights ourselves."""
    widths = {}
    for merged in sheet.merged_cells.ranges:
        if merged.min_row == merged.max_row:
            widths[(merged.min_row, merged.min_col)] = sum(
                sheet.column_dimensions[get_column_letter(c)].width or 8.43 for c in range(merged.min_col, merged.max_col + 1))
    for row in sheet.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value:
                continue
            width = widths.get((cell.row, cell.column)) or sheet.column_dimensions[cell.column_letter].width or 8.43
            usable = max(width - 1.5, 2.0)
            lines = max(lines, sum(max(1, -(-int(_text_width(part)) // int(usable))) for part in cell.value.split("\n")))
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = min(409, 13.5 * lines + 3)


def _merge(sheet: Worksheet, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
    if last_row > first_row or last_column > first_column:
        sheet.merge_cells(start_row=first_row, start_column=first_column, end_row=last_row, end_column=last_column)


def _page_setup(sheet: Worksheet, header_rows: str | None, landscape: bool = True) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    if header_rows:
        sheet.print_title_rows = header_rows


def _widths(sheet: Worksheet, widths: Iterable[float]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _department_sheet(sheet: Worksheet, declaration: Declaration) -> None:
    department = declaration.department
    budget = department.budget
    sheet.title = DEPARTMENT_SHEET
    _title_row(sheet, _title(declaration.year, "部门整体预算绩效目标申报表"), 6)
    _widths(sheet, (14, 22, 30, 22, 16, 16))
    put(sheet, 2, 1, "部门名称", "label")
    put(sheet, 2, 2, department.name)
    _merge(sheet, 2, 2, 2, 6)
    put(sheet, 3, 1, "部门职能概述", "label")
    put(sheet, 3, 2, department.functions)
    _merge(sheet, 3, 2, 3, 6)
    put(sheet, 4, 1, "预算整体情况", "label")
    _merge(sheet, 4, 1, 9, 1)
    layout = [
        ("部门预算支出", None, "收入来源", None),
        ("basic", "basic", "fiscal", "fiscal"),
        ("project", "project", "other_income", "other_income"),
        ("事业发展性支出", None, "按预算级次划分", None),
        ("special_funds", "special_funds", "own_level", "own_level"),
        ("other_development", "other_development", "transfer", "transfer"),
    ]
    for offset, (left, left_key, right, right_key) in enumerate(layout):
        row = 4 + offset
        for column, label, key in ((2, left, left_key), (4, right, right_key)):
            if key is None:
                put(sheet, row, column, label, "header")
                put(sheet, row, column + 1, "预算金额（万元）", "header")
            else:
                put(sheet, row, column, BUDGET_LABELS[key], "label")
                put(sheet, row, column + 1, getattr(budget, key))
        put(sheet, row, 6, None)
        _merge(sheet, row, 5, row, 6)
    put(sheet, 10, 1, "总体绩效目标", "label")
    put(sheet, 10, 2, department.overall_goal)
    _merge(sheet, 10, 2, 10, 6)
    row = _task_table(sheet, 11, department)
    _department_indicator_table(sheet, row, department.indicators)
    fit_row_heights(sheet, 2)
    sheet.freeze_panes = "A2"
    _page_setup(sheet, None, landscape=False)


def _task_table(sheet: Worksheet, first: int, department) -> int:
    put(sheet, first, 1, "年度重点工作任务", "label")
    for column, label in enumerate(("名称", "主要实施内容", "拟投入的资金（万元）", "期望达到的目标（概述）"), start=2):
        put(sheet, first, column, label, "header")
    put(sheet, first, 6, None, "header")
    _merge(sheet, first, 5, first, 6)
    row = first + 1
    for task in department.tasks:
        for column, value in enumerate((task.name, task.content, task.funds, task.expected), start=2):
            put(sheet, row, column, value)
        put(sheet, row, 6, None)
        _merge(sheet, row, 5, row, 6)
        row += 1
    put(sheet, row, 2, "其他需完成的任务（可选填）", "label")
    for column in range(3, 7):
        put(sheet, row, column, None)
    _merge(sheet, row, 5, row, 6)
    _merge(sheet, first, 1, row, 1)
    return row + 1


def _department_indicator_table(sheet: Worksheet, first: int, indicators: list[Indicator]) -> None:
    put(sheet, first, 1, "绩效指标", "label")
    for column, label in enumerate(("一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"), start=2):
        put(sheet, first, column, label, "header")
    row = first + 1
    for indicator in indicators:
        for column, value in enumerate((indicator.level1, indicator.level2, indicator.name,
                                        indicator.period_value, indicator.annual_value), start=2):
            put(sheet, row, column, value)
        row += 1
    _merge_runs(sheet, first + 1, [(i.level1,) for i in indicators], 2)
    _merge_runs(sheet, first + 1, [(i.level1, i.level2) for i in indicators], 3)
    _merge(sheet, first, 1, max(first, row - 1), 1)


def _merge_runs(sheet: Worksheet, first: int, keys: list[tuple], column: int) -> None:
    """Merge a column down runs of equal keys, as the official forms merge 一级/二级."""
    start = 0
    for index in range(1, len(keys) + 1):
        if index == len(keys) or keys[index] != keys[start]:
            if keys[start][-1] and index - 1 > start:
                _merge(sheet, first + start, column, first + index - 1, column)
            start = index


def _project_sheet(sheet: Worksheet, declaration: Declaration) -> None:
    width = len(PROJECT_HEADERS)
    _title_row(sheet, _title(declaration.year, "项目支出绩效目标表（含转移支付项目）"), width)
    put(sheet, 2, 1, f"部门名称：{declaration.department.name or ''}").border = Border()
    _merge(sheet, 2, 1, 2, 4)
    put(sheet, 2, width, "单位：万元").border = Border()
    for column, label in enumerate(PROJECT_HEADERS, start=1):
        put(sheet, 3, column, label, "header")
    totals = {key: parts_sum(*(getattr(p.funds, key) for p in declaration.projects))
              for key in ("fiscal", "special_account", "other")}
    put(sheet, 4, 1, None)
    put(sheet, 4, 2, "合计", "label")
    for column in (3, 4, 9, 10):
        put(sheet, 4, column, None)
    put(sheet, 4, 5, parts_sum(*(project_total(p) for p in declaration.projects)))
    for column, key in ((6, "fiscal"), (7, "special_account"), (8, "other")):
        put(sheet, 4, column, totals[key])
    for index, project in enumerate(declaration.projects, start=1):
        row = 4 + index
        funds = project.funds
        values = (index, project.name, project.unit, project.period, funds.total, funds.fiscal,
                  funds.special_account, funds.other, project.goal, format_indicator_text(project.indicators))
        for column, value in enumerate(values, start=1):
            put(sheet, row, column, value)
    _widths(sheet, (6, 28, 18, 12, 12, 12, 12, 12, 40, 60))
    fit_row_heights(sheet, 4)
    sheet.freeze_panes = "C4"
    _page_setup(sheet, "3:3")


def _detail_sheet(sheet: Worksheet, declaration: Declaration) -> None:
    _title_row(sheet, _title(declaration.year, "绩效指标明细"), len(DETAIL_HEADERS))
    put(sheet, 2, 1, "每行一个绩效指标，可筛选、排序；项目序号 0 为部门整体指标。重新打开时以本表为准。").border = Border()
    _merge(sheet, 2, 1, 2, len(DETAIL_HEADERS))
    for column, label in enumerate(DETAIL_HEADERS, start=1):
        put(sheet, 3, column, label, "header")
    row = 4
    owners = [(0, DEPARTMENT_ROW_LABEL, declaration.department.indicators)]
    owners += [(index, p.name, p.indicators) for index, p in enumerate(declaration.projects, start=1)]
    for number, owner_name, indicators in owners:
        for indicator in indicators:
            values = (number, owner_name, indicator.level1, indicator.level2, indicator.name,
                      indicator.period_value, indicator.annual_value)
            for column, value in enumerate(values, start=1):
                put(sheet, row, column, value)
            row += 1
    last = max(row - 1, 4)
    _level_dropdowns(sheet, last)
    sheet.auto_filter.ref = f"A3:{get_column_letter(len(DETAIL_HEADERS))}{last}"
    _widths(sheet, (8, 30, 12, 18, 40, 18, 18))
    fit_row_heights(sheet, 4)
    sheet.freeze_panes = "A4"
    _page_setup(sheet, "3:3")


def _level_dropdowns(sheet: Worksheet, last: int) -> None:
    level2 = []
    for level1 in framework.level1_names():
        level2 += [name for name in framework.level2_choices(level1) if name not in level2]
    for column, names, what in (("C", framework.level1_names(), "一级指标"), ("D", level2, "二级指标")):
        validation = DataValidation(type="list", formula1='"' + ",".join(names) + '"', allow_blank=True,
                                    showErrorMessage=True, errorTitle=f"{what}不在指标体系中",
                                    error=f"请从下拉列表中选择{what}")
        sheet.add_data_validation(validation)
        validation.add(f"{column}4:{column}{max(last, 4) + 500}")
