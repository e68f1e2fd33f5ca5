"""The 部门（单位）整体支出绩效目标申报表 in the layout of 财政部's template and most provinces — 部门（单位）名称, 年度预算
申请 with its amounts, 部门职能职责概述, 年度总体目标, 年度主要任务 (任务名称 | 主要内容 | 预算金额 | 预期目标), then 年度绩效指标 under 一级/二级/三级指标 and 指标值 — made from a
declaration's department as a workbook (openpyxl, merged cells) and a web page (rowspan/colspan), so a test compares
what an import reads with where the form came from.

values: "one" (a single 指标值 column: the year's value), "two" (实施周期指标值 and 年度指标值) or "split" (the 2021
template's 指标性质 | 指标值 | 度量单位, the year's value in three columns).
"""

from __future__ import annotations

import io

from openpyxl import Workbook

from tests.helpers.project_forms import split_value, table_html

VALUES = ("one", "two", "split")


def form_rows(department, year: int, values: str) -> tuple[list[list], list[tuple[int, int, int, int]]]:
    """Rows (None: empty) and merged ranges (1-based, inclusive)."""
    budget = department.budget
    width = {"two": 6, "split": 7}.get(values, 5)
    pad = [None] * (width - 3)
    amount = lambda value: None if value is None else float(value)  # noqa: E731
    rows = [[f"部门（单位）整体支出绩效目标申报表（{year}年度）", None, None, *pad],
            ["部门（单位）名称", department.name, None, *pad],
            ["年度预算申请（万元）", "其中：财政拨款", amount(budget.fiscal), *pad],
            [None, "其他资金", amount(budget.other_income), *pad],
            ["部门职能职责概述", department.functions, None, *pad],
            ["年度总体目标", department.overall_goal, None, *pad]]
    merges = [(1, 1, 1, width), (2, 2, 2, width), (3, 1, 4, 1), (5, 2, 5, width), (6, 2, 6, width)]
    if department.tasks:  # 年度主要任务 with the template's words for its columns
        rows.append(["年度主要任务", "任务名称", "主要内容", "预算金额（万元）", "预期目标", *[None] * (width - 5)])
        first = len(rows)
        for task in department.tasks:
            rows.append([None, task.name, task.content, amount(task.funds), task.expected, *[None] * (width - 5)])
        merges.append((first, 1, len(rows), 1))
    header = ["年度绩效指标", "一级指标", "二级指标", "三级指标"] + {
        "two": ["实施周期指标值", "年度指标值"], "split": ["指标性质", "指标值", "度量单位"]}.get(values, ["指标值"])
    rows.append(header)
    first = len(rows)
    for indicator in department.indicators:
        row = [None, indicator.level1, indicator.level2, indicator.name]
        if values == "two":
            row += [indicator.period_value, indicator.annual_value]
        elif values == "split":
            row += list(split_value(indicator.annual_value))
        else:
            row += [indicator.annual_value]
        rows.append(row)
    merges.append((first, 1, len(rows), 1))
    return rows, merges


def workbook_bytes(department, values: str, year: int = 2024) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "部门整体支出绩效目标"
    rows, merges = form_rows(department, year, values)
    for row in rows:
        sheet.append(row)
    for r1, c1, r2, c2 in merges:
        sheet.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def page_html(department, values: str, year: int = 2024) -> str:
    return ("<html><head><meta charset='utf-8'></head><body>" + table_html(*form_rows(department, year, values))
            + "</body></html>")


def evaluation_rows(department, year: int = 2024) -> tuple[list[list], list[tuple[int, int, int, int]]]:
    """The 部门整体支出绩效自评表 of the department (财政部's template): each planned figure beside the year's results —
    年初预算数 | 全年预算数 | 全年执行数, 预期目标 | 实际完成情况, 年度指标值 | 实际完成值 | 分值 | 得分 — every result
    different from the plan, so a reader taking the wrong column shows."""
    budget = department.budget
    money = lambda value: None if value is None else float(value)  # noqa: E731
    rows: list[list] = [["部门整体支出绩效自评表", *[None] * 8], [f"（{year}年度）", *[None] * 8],
                        ["部门（单位）名称", department.name, *[None] * 7],
                        ["年度预算执行情况（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", None]]
    for label, value in (("其中：基本支出", budget.basic), ("项目支出", budget.project)):
        rows.append([None, label, money(value), None if value is None else float(value) + 1.5,
                     None if value is None else float(value) * 0.9, None, None, None, None])
    rows += [["年度总体目标", "预期目标", None, None, "实际完成情况", None, None, None, None],
             [None, department.overall_goal, None, None, "已完成年度目标。", None, None, None, None],
             ["年度绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]]
    first = len(rows)
    for indicator in department.indicators:
        rows.append([None, indicator.level1, indicator.level2, indicator.name, indicator.annual_value,
                     f"实际{indicator.annual_value or ''}", 10, 9, None])
    merges = [(1, 1, 1, 9), (2, 1, 2, 9), (3, 2, 3, 9), (4, 1, 6, 1), (7, 1, 8, 1), (7, 2, 7, 4), (7, 5, 7, 9),
              (8, 2, 8, 4), (8, 5, 8, 9), (first, 1, len(rows), 1)]
    return rows, merges
