"""The xlsx format: the editor's own workbook written (workbook_reader.py reads it back losslessly).

部门整体绩效目标 — the department form; 项目支出绩效目标表 — one row per project as
published; 绩效指标明细 — one row per indicator, the sheet clerks filter and the one
the reader takes indicators from (the 绩效指标 text column is for reading only).

The official sheets hold only the official columns, as a clerk hands them in. 上年指标值 is the last column of
绩效指标明细 (a sheet of the editor's own); 来源文件 and 待复核 are on 编辑器数据, a sheet that says it is not part
of the form and is written only when a project has one of them (version 0.2 kept them in columns K and L of
the project sheet: such a workbook opens as before). Workbooks written before schema 2 read them as empty.
The columns are workbook_columns.py's, for the writer and the reader alike.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ...model import framework
from ...model.declaration import (
    BUDGET_FORM_BLOCKS,
    BUDGET_GROUPS,
    BUDGET_LABELS,
    DEPARTMENT_LABELS,
    INDICATOR_LABELS,
    TASK_HEADERS,
    Declaration,
    Department,
    Indicator,
)
from ...model.sums import summary_totals
from ..recognisers.indicator_text import format_indicator_text
from .sheet_builder import SheetBuilder, register_styles
from .workbook_columns import (  # the sheets' names are also what callers import from here
    DEPARTMENT_ROW_LABEL,
    DEPARTMENT_SHEET,
    DETAIL_COLUMNS,
    DETAIL_HEADERS,
    DETAIL_NUMBER,
    DETAIL_SHEET,
    EDITOR_COLUMNS,
    EDITOR_SHEET,
    EDITOR_SHEET_NOTE,
    INDICATOR_TEXT,
    OWNER_NAME,
    PRINTED_PROJECT_HEADERS,
    PROJECT_COLUMNS,
    PROJECT_NUMBER,
    PROJECT_SHEET,
    headers,
    review_text,
    row_writer,
)



def workbook_bytes(declaration: Declaration) -> bytes:
    workbook = Workbook(write_only=True)
    register_styles(workbook)
    for build in (_department_sheet, _project_sheet, _detail_sheet, _editor_sheet):
        builder = build(workbook, declaration)
        if builder is not None:
            builder.flush()
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _title(year: int | None, text: str) -> str:
    return f"{year}年{text}" if year is not None else text


def _title_row(builder: SheetBuilder, text: str, width: int) -> None:
    builder.put(1, 1, text, "title")
    builder.merge(1, 1, 1, width)
    builder.heights[1] = 32


def page_setup(builder: SheetBuilder, header_rows: str | None, landscape: bool = True) -> None:
    sheet = builder.sheet
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    if header_rows:
        sheet.print_title_rows = header_rows


def _department_sheet(workbook: Workbook, declaration: Declaration) -> SheetBuilder:
    department = declaration.department
    budget = department.budget
    sheet = SheetBuilder(workbook, DEPARTMENT_SHEET)
    _title_row(sheet, _title(declaration.year, "部门整体预算绩效目标申报表"), 6)
    sheet.set_widths((14, 22, 30, 22, 16, 16))
    for row, key in ((2, "name"), (3, "functions")):
        sheet.put(row, 1, DEPARTMENT_LABELS[key], "label")
        sheet.put(row, 2, getattr(department, key))
        sheet.merge(row, 2, row, 6)
    sheet.put(4, 1, DEPARTMENT_LABELS["budget"], "label")
    row = 4
    for pair in BUDGET_FORM_BLOCKS:  # a group's title row, then its amounts, the two sides side by side
        for column, title in zip((2, 4), pair):
            sheet.put(row, column, title, "header")
            sheet.put(row, column + 1, "预算金额（万元）", "header")
        sheet.merge(row, 5, row, 6)
        for offset, keys in enumerate(zip(*(BUDGET_GROUPS[title] for title in pair)), start=1):
            for column, key in zip((2, 4), keys):
                sheet.put(row + offset, column, BUDGET_LABELS[key], "label")
                sheet.put(row + offset, column + 1, getattr(budget, key))
            sheet.merge(row + offset, 5, row + offset, 6)
        row += 1 + len(BUDGET_GROUPS[pair[0]])
    sheet.merge(4, 1, row - 1, 1)
    sheet.put(row, 1, DEPARTMENT_LABELS["overall_goal"], "label")
    sheet.put(row, 2, department.overall_goal)
    sheet.merge(row, 2, row, 6)
    row = _task_table(sheet, row + 1, department)
    _department_indicator_table(sheet, row, department.indicators)
    sheet.sheet.freeze_panes = "A2"
    page_setup(sheet, None, landscape=False)
    return sheet


def _task_table(sheet: SheetBuilder, first: int, department: Department) -> int:
    sheet.put(first, 1, DEPARTMENT_LABELS["tasks"], "label")
    sheet.put_row(first, TASK_HEADERS.values(), 2, "header")
    sheet.merge(first, 5, first, 6)
    row = first + 1
    for task in department.tasks:
        sheet.put_row(row, (task.name, task.content, task.funds, task.expected), 2)
        sheet.merge(row, 5, row, 6)
        row += 1
    sheet.put(row, 2, "其他需完成的任务（可选填）", "label")
    sheet.put_row(row, (None, None, None), 3)
    sheet.merge(row, 5, row, 6)
    sheet.merge(first, 1, row, 1)
    return row + 1


def _department_indicator_table(sheet: SheetBuilder, first: int, indicators: list[Indicator]) -> None:
    sheet.put(first, 1, DEPARTMENT_LABELS["indicators"], "label")
    sheet.put_row(first, INDICATOR_LABELS.values(), 2, "header")
    row = first + 1
    for indicator in indicators:
        sheet.put_row(row, (indicator.level1, indicator.level2, indicator.name, indicator.period_value,
                            indicator.annual_value), 2)
        row += 1
    _merge_runs(sheet, first + 1, [(i.level1,) for i in indicators], 2)
    _merge_runs(sheet, first + 1, [(i.level1, i.level2) for i in indicators], 3)
    sheet.merge(first, 1, max(first, row - 1), 1)


def _merge_runs(sheet: SheetBuilder, first: int, keys: list[tuple], column: int) -> None:
    """Merge a column down runs of equal keys, as the official forms merge 一级/二级."""
    start = 0
    for index in range(1, len(keys) + 1):
        if index == len(keys) or keys[index] != keys[start]:
            if keys[start][-1] and index - 1 > start:
                sheet.merge(first + start, column, first + index - 1, column)
            start = index


def _project_sheet(workbook: Workbook, declaration: Declaration) -> SheetBuilder:
    sheet = SheetBuilder(workbook, PROJECT_SHEET)
    width = len(PRINTED_PROJECT_HEADERS)
    _title_row(sheet, _title(declaration.year, "项目支出绩效目标表（含转移支付项目）"), width)
    sheet.put(2, 1, f"{DEPARTMENT_LABELS['name']}：{declaration.department.name or ''}", "plain")
    sheet.merge(2, 1, 2, 4)
    sheet.put(2, width, "单位：万元", "plain")
    sheet.put_row(3, PRINTED_PROJECT_HEADERS, style="header")
    projects = declaration.projects
    totals = summary_totals(projects)
    sheet.put_row(4, [None, None, None, None, *totals.values(), None, None])
    sheet.put(4, 2, "合计", "label")
    project_cells = row_writer(PROJECT_COLUMNS)
    for index, project in enumerate(projects, start=1):
        sheet.put_row(4 + index, project_cells(project, {
            PROJECT_NUMBER: index, INDICATOR_TEXT: format_indicator_text(project.indicators)}))
    sheet.set_widths((6, 28, 18, 12, 12, 12, 12, 12, 40, 60))
    sheet.sheet.freeze_panes = "C4"
    page_setup(sheet, "3:3")
    sheet.sheet.print_area = f"A1:{get_column_letter(width)}{4 + len(projects)}"
    return sheet


def _editor_sheet(workbook: Workbook, declaration: Declaration) -> SheetBuilder | None:
    """来源文件 and 待复核 of the projects that have them, on a sheet that is not part of the form; none when no
    project has either. The department form's own 待复核 marks go on a row numbered 0, as 绩效指标明细 numbers it."""
    marked = [(index, project) for index, project in enumerate(declaration.projects, start=1)
              if project.source_file or project.review]
    department = declaration.department.review
    if not marked and not department:
        return None
    sheet = SheetBuilder(workbook, EDITOR_SHEET)
    width = len(EDITOR_COLUMNS)
    _title_row(sheet, EDITOR_SHEET, width)
    sheet.put(2, 1, EDITOR_SHEET_NOTE, "plain")
    sheet.merge(2, 1, 2, width)
    sheet.put_row(3, headers(EDITOR_COLUMNS), style="header")
    cells = row_writer(EDITOR_COLUMNS)
    first = 4
    if department:
        sheet.put_row(first, [0, DEPARTMENT_ROW_LABEL, None, review_text(department)])
        first += 1
    for row, (index, project) in enumerate(marked, start=first):
        sheet.put_row(row, cells(project, {PROJECT_NUMBER: index, EDITOR_COLUMNS[1].header: project.name}))
    sheet.set_widths((8, 30, 24, 20))
    return sheet


def _detail_sheet(workbook: Workbook, declaration: Declaration) -> SheetBuilder:
    sheet = SheetBuilder(workbook, DETAIL_SHEET)
    _title_row(sheet, _title(declaration.year, "绩效指标明细"), len(DETAIL_HEADERS))
    sheet.put(2, 1, "每行一个绩效指标，可筛选、排序；项目序号 0 为部门整体指标。重新打开时以本表为准。", "plain")
    sheet.merge(2, 1, 2, len(DETAIL_HEADERS))
    sheet.put_row(3, DETAIL_HEADERS, style="header")
    row = 4
    owners = [(0, DEPARTMENT_ROW_LABEL, declaration.department.indicators)]
    owners += [(index, p.name, p.indicators) for index, p in enumerate(declaration.projects, start=1)]
    indicator_cells = row_writer(DETAIL_COLUMNS)
    for number, owner_name, indicators in owners:
        people = {DETAIL_NUMBER: number, OWNER_NAME: owner_name}
        for indicator in indicators:
            sheet.put_row(row, indicator_cells(indicator, people))
            row += 1
    last = max(row - 1, 4)
    _level_dropdowns(sheet, last)
    sheet.sheet.auto_filter.ref = f"A3:{get_column_letter(len(DETAIL_HEADERS))}{last}"
    sheet.set_widths((8, 30, 12, 18, 40, 18, 18, 18))
    sheet.sheet.freeze_panes = "A4"
    page_setup(sheet, "3:3")
    return sheet


def _level_dropdowns(sheet: SheetBuilder, last: int) -> None:
    level2 = []
    for level1 in framework.level1_names():
        level2 += [name for name in framework.level2_choices(level1) if name not in level2]
    for column, names, what in (("C", framework.level1_names(), INDICATOR_LABELS["level1"]),
                                ("D", level2, INDICATOR_LABELS["level2"])):
        validation = DataValidation(type="list", formula1='"' + ",".join(names) + '"', allow_blank=True,
                                    showErrorMessage=True, errorTitle=f"{what}不在指标体系中",
                                    error=f"请从下拉列表中选择{what}")
        validation.add(f"{column}4:{column}{max(last, 4) + 500}")
        sheet.sheet.data_validations.append(validation)
