"""Per-project 项目支出绩效目标申报表 made from a declaration's projects, in the layouts publishers use, as workbooks
(openpyxl, merged cells) and web pages (rowspan/colspan): the facts they hold are the source projects', so a test
compares what an import reads with where the form came from, not with a fixture written by hand.

Layouts (each differs from the others in where a label's value stands and how the indicator table is cut):
- "beside": 财政部's template — a label and its value side by side, 项目资金 merged down its three amounts,
  总体目标 over 实施期目标 | 年度目标 with the texts below, 绩效指标 merged down the table's left, 指标1：… names.
- "below": the labels in one row and the values under them (单位 and 资金 as a header row), 年度绩效目标 beside its
  text, one 指标值 column.
- "split": the 2021 template's columns 指标性质 | 指标值 | 度量单位 and both 实施周期指标值 and 年度指标值, amounts
  in 元 (项目资金（元）).
evaluation_rows() makes the 项目支出绩效自评表 of the same template (not in LAYOUTS: it prints no 实施周期): the
declaration's facts beside what was achieved — 年初预算数 | 全年预算数 | 全年执行数, 预期目标 | 实际完成情况, 年度指标值 |
实际完成值 | 分值 | 得分 — each achieved figure different from the planned one, so a reader taking the wrong column
shows.
"""

from __future__ import annotations

import html
import io
import re
from decimal import Decimal

from openpyxl import Workbook

LAYOUTS = ("beside", "below", "split")
_SPLIT_VALUE = re.compile(r"^(≥|≤|＝|＞|＜)?\s*(\d+(?:\.\d+)?)\s*(%|[^\d\s]{1,4})?$")


def split_value(value: str | None) -> tuple[str, str, str]:
    """(comparator, number, unit) of a value the split layout can print in three columns, else ('', value, '')."""
    match = _SPLIT_VALUE.match(value or "")
    if not match:
        return "", value or "", ""
    return match.group(1) or "", match.group(2), match.group(3) or ""


def form_rows(project, layout: str, year: int, supervisor: str) -> tuple[list[list], list[tuple[int, int, int, int]]]:
    """The form's rows (None: an empty cell) and its merged ranges (1-based, inclusive: r1, c1, r2, c2)."""
    funds = project.funds
    amount = (lambda value: None if value is None else float(value * 10000)) if layout == "split" else \
        (lambda value: None if value is None else float(value))
    rows: list[list] = [[f"项目支出绩效目标申报表（{year}年度）", None, None, None, None, None, None]]
    merges = [(1, 1, 1, 7)]
    if layout == "below":
        rows += [["项目名称", project.name, None, None, "主管部门", supervisor, None],
                 ["实施单位", "实施周期", "年度资金总额", "财政拨款", "其他资金", None, None],
                 [project.unit, project.period, amount(funds.total), amount(funds.fiscal), amount(funds.other), None, None],
                 ["年度绩效目标", project.goal, None, None, None, None, None],
                 ["一级指标", "二级指标", "三级指标", "指标值", None, None, None]]
        merges += [(2, 2, 2, 4), (5, 2, 5, 7)]
        for indicator in project.indicators:
            rows.append([indicator.level1, indicator.level2, indicator.name, indicator.annual_value, None, None, None])
        return rows, merges
    money = "项目资金（元）" if layout == "split" else "项目资金（万元）"
    rows += [["项目名称", project.name, None, None, None, None, None],
             ["主管部门", supervisor, None, "实施单位", project.unit, None, None],
             ["实施周期", project.period, None, None, None, None, None],
             [money, "年度资金总额：", amount(funds.total), None, None, None, None],
             [None, "其中：财政拨款", amount(funds.fiscal), None, None, None, None],
             [None, "其他资金", amount(funds.other), None, None, None, None],
             ["总体目标", "实施期目标", None, None, "年度目标", None, None],
             [None, "（见项目实施方案）", None, None, project.goal, None, None]]
    merges += [(2, 2, 2, 7), (4, 2, 4, 7), (5, 1, 7, 1), (8, 1, 9, 1), (8, 2, 8, 4), (9, 2, 9, 4), (8, 5, 8, 7),
               (9, 5, 9, 7)]
    first = len(rows) + 1
    if layout == "split":
        rows.append(["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"])
        for indicator in project.indicators:
            sign, number, unit = split_value(indicator.annual_value)
            rows.append([None, indicator.level1, indicator.level2, indicator.name, sign, number, unit])
    else:
        rows.append(["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", None, None])
        for number, indicator in enumerate(project.indicators, start=1):
            rows.append([None, indicator.level1, indicator.level2, f"指标{number}：{indicator.name}",
                         indicator.annual_value, None, None])
    merges.append((first, 1, len(rows), 1))
    merges += _level_runs(rows, first, layout)
    rows.append(["备注：指标值请按年度填写。", None, None, None, None, None, None])
    return rows, merges


def evaluation_rows(project, year: int, supervisor: str, carried: float | None = None
                    ) -> tuple[list[list], list[tuple[int, int, int, int]]]:
    """The 项目支出绩效自评表 of project (财政部's template), its rows and merged ranges as form_rows gives them;
    carried: an amount of 上年结转资金 (none by default: the project's sources are its facts)."""
    funds = project.funds
    planned = {"total": funds.total, "fiscal": funds.fiscal, "other": funds.other}
    width = 9
    rows: list[list] = [["项目支出绩效自评表", *[None] * (width - 1)], [f"（{year}年度）", *[None] * (width - 1)],
                        ["项目名称", project.name, *[None] * (width - 2)],
                        ["主管部门", supervisor, None, None, "实施单位", project.unit, None, None, None],
                        ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", None]]
    for label, key in (("年度资金总额", "total"), ("其中：当年财政拨款", "fiscal"), ("上年结转资金", None), ("其他资金", "other")):
        value = planned[key] if key else (Decimal(str(carried)) if carried else None)
        if value is None:
            rows.append([None, label, *[None] * (width - 2)])
            continue
        budget, spent = value + Decimal("1.5"), value * Decimal("0.9")  # the year's changes and spending: never the plan
        rows.append([None, label, float(value), float(budget), float(spent), 10 if key == "total" else None,
                     "90%" if key == "total" else None, 9 if key == "total" else None, None])
    rows += [["年度总体目标", "预期目标", None, None, None, "实际完成情况", None, None, None],
             [None, project.goal, None, None, None, "已完成年度目标，部分指标略有偏差。", None, None, None],
             ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]]
    merges = [(1, 1, 1, width), (2, 1, 2, width), (3, 2, 3, width), (4, 2, 4, 4), (4, 6, 4, width), (5, 1, 9, 1),
              (10, 1, 11, 1), (10, 2, 10, 5), (10, 6, 10, width), (11, 2, 11, 5), (11, 6, 11, width)]
    first = len(rows)
    for indicator in project.indicators:
        rows.append([None, indicator.level1, indicator.level2, indicator.name, indicator.annual_value,
                     f"实际{indicator.annual_value or ''}", 10, 9, None])
    merges.append((first, 1, len(rows), 1))
    merges += _level_runs(rows, first, "evaluation")
    rows.append(["总分", None, None, None, None, None, 100, 90, None])
    return rows, merges


def _level_runs(rows: list[list], first: int, layout: str) -> list[tuple[int, int, int, int]]:
    """一级 (column 2) and 二级 (column 3) merged down their runs, as the template prints them."""
    merges = []
    printed = [list(row) for row in rows]  # the values before the runs are blanked
    for column in (2, 3):
        start = first + 1
        for r in range(first + 1, len(rows) + 2):
            same = r <= len(rows) and printed[r - 1][column - 1] == printed[start - 1][column - 1] and \
                (column == 2 or printed[r - 1][1] == printed[start - 1][1])
            if not same:
                if r - 1 > start:
                    merges.append((start, column, r - 1, column))
                    for blank in range(start + 1, r):
                        rows[blank - 1][column - 1] = None
                start = r
    return merges


def two_table_rows(project, year: int, supervisor: str) -> tuple[list[list], list[tuple[int, int, int, int]]]:
    """The form of many cities' templates (佳县, 宁乡, 四川): 项目单位, 项目起止时间, 项目预算（万元） with 资金总额 / 其中：
    市财政资金 / 其他资金, 项目绩效目标描述 with 总目标 and 本年度目标, and two indicator tables headed on their left —
    总目标绩效指标 (the whole period's targets: the indicators that have a 实施周期指标值) and 本年度绩效指标 (every
    indicator, its 年度指标值) — whose third level is 指标内容."""
    funds = project.funds
    rows: list[list] = [[f"项目支出绩效目标申报表（{year}年度）", None, None, None, None, None],
                        ["项目名称", project.name, None, "项目属性", "延续项目", None],
                        ["主管部门", supervisor, None, "项目负责人", "（略）", None],
                        ["项目单位", project.unit, None, "联系电话", "（略）", None],
                        ["项目起止时间", project.period, None, None, None, None],
                        ["项目预算（万元）", "资金总额", None if funds.total is None else float(funds.total), None, None, None],
                        [None, "其中：市财政资金", None if funds.fiscal is None else float(funds.fiscal), None, None, None],
                        [None, "其他资金", None if funds.other is None else float(funds.other), None, None, None],
                        ["项目绩效目标描述", "总目标", "（见项目实施方案）", None, None, None],
                        [None, "本年度目标", project.goal, None, None, None]]
    merges = [(1, 1, 1, 6), (6, 1, 8, 1), (9, 1, 10, 1)]
    for label, chosen, value in (("总目标绩效指标", [i for i in project.indicators if i.period_value], "period_value"),
                                 ("本年度绩效指标", project.indicators, "annual_value")):
        first = len(rows) + 1
        rows.append([label, "一级指标", "二级指标", "指标内容", "指标值", "备注"])
        for indicator in chosen:
            rows.append([None, indicator.level1, indicator.level2, indicator.name, getattr(indicator, value), None])
        merges.append((first, 1, len(rows), 1))
    rows.append(["填报人及联系电话：", None, "填报日期：", None, None, None])
    return rows, merges


def inline_rows(project, year: int, supervisor: str, in_yuan: bool = False
                ) -> tuple[list[list], list[tuple[int, int, int, int]]]:
    """The forms that write each label and its value in one cell (项目名称：…, 财政拨款：75万元 — 宁乡, 佳县): the amounts
    with their unit, in 元 when in_yuan (the form itself saying nothing of units)."""
    funds = project.funds

    def money(label, value):
        if value is None:
            return f"{label}："
        return f"{label}：{value * 10000:f}元".replace(".0000元", "元") if in_yuan else f"{label}：{value}万元"

    rows: list[list] = [[f"项目绩效目标表（{year}年度）", None, None, None, None, None],
                        [f"项目名称：{project.name}", None, "项目属性：延续项目", None, None, None],
                        [f"主管部门：{supervisor}", None, f"项目单位：{project.unit}", None, None, None],
                        [f"项目起止时间：{project.period}", None, None, None, None, None],
                        ["年度资金总额及构成", money("资金总额", funds.total), money("财政拨款", funds.fiscal),
                         money("其他资金", funds.other), None, None],
                        ["项目绩效目标", "长期目标", None, "年度目标", None, None],
                        [None, "（见项目实施方案）", None, project.goal, None, None],
                        ["年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注"]]
    first = len(rows)
    for indicator in project.indicators:
        rows.append([None, indicator.level1, indicator.level2, indicator.name, indicator.annual_value, None])
    return rows, [(1, 1, 1, 6), (6, 1, 7, 1), (first, 1, len(rows), 1)]


def form_of(project, layout: str, year: int, supervisor: str) -> tuple[list[list], list[tuple[int, int, int, int]]]:
    """form_rows, or evaluation_rows for the layout "evaluation", two_table_rows for "two_tables"."""
    if layout == "evaluation":
        return evaluation_rows(project, year, supervisor)
    if layout == "two_tables":
        return two_table_rows(project, year, supervisor)
    if layout in ("inline", "inline_yuan"):
        return inline_rows(project, year, supervisor, in_yuan=layout == "inline_yuan")
    return form_rows(project, layout, year, supervisor)


def workbook_bytes(projects, layout: str, year: int = 2024, supervisor: str = "广州市天河区司法局",
                   one_sheet: bool = False) -> bytes:
    """One sheet per project; one_sheet: the forms one under another on one sheet, a blank row between them."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheet = workbook.create_sheet("全部项目") if one_sheet else None
    for index, project in enumerate(projects, start=1):
        if not one_sheet:
            sheet = workbook.create_sheet(f"项目{index}")
        offset = sheet.max_row + 1 if one_sheet and sheet.max_row > 1 else 0
        rows, merges = form_of(project, layout, year, supervisor)
        for row in rows:
            sheet.append(row)
        for r1, c1, r2, c2 in merges:
            sheet.merge_cells(start_row=r1 + offset, start_column=c1, end_row=r2 + offset, end_column=c2)
        if one_sheet:
            sheet.append([])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def page_html(projects, layout: str, year: int = 2024, supervisor: str = "广州市天河区司法局") -> str:
    """One <table> per project, merged cells as rowspan/colspan."""
    tables = [table_html(*form_of(project, layout, year, supervisor)) for project in projects]
    return "<html><head><meta charset='utf-8'></head><body>" + "<p></p>".join(tables) + "</body></html>"


def table_html(rows: list[list], merges: list[tuple[int, int, int, int]]) -> str:
    """Rows (None: empty) and merged ranges (1-based, inclusive) as one <table>, the ranges as rowspan/colspan."""
    covered = {(r, c) for r1, c1, r2, c2 in merges for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)
               if (r, c) != (r1, c1)}
    spans = {(r1, c1): (r2 - r1 + 1, c2 - c1 + 1) for r1, c1, r2, c2 in merges}
    lines = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row, start=1):
            if (r, c) in covered:
                continue
            down, across = spans.get((r, c), (1, 1))
            attributes = (f' rowspan="{down}"' if down > 1 else "") + (f' colspan="{across}"' if across > 1 else "")
            text = "" if value is None else (f"{Decimal(str(value)):f}" if isinstance(value, float) else str(value))
            cells.append(f"<td{attributes}>{html.escape(text)}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    return "<table border=1>" + "".join(lines) + "</table>"
