"""部门整体预算绩效目标申报表 as published (seeds 001 and 003, tests/data/haizhu-department.xlsx), rendered from a
declaration's department under a variant's knobs, with the facts the rendering holds.

部门名称, 部门职能概述 (when the source has it), 预算整体情况 (the 2×2 block of the seed, or its eight amounts one a
row), 总体绩效目标, 年度重点工作任务 (and the form's 其他需完成的任务 row), 绩效指标 with 一级/二级 merged down
their rows, repeated, or written once and left blank below; the template's 二级 rows with no indicator.
"""

from __future__ import annotations

import random

from src.model.declaration import BUDGET_LABELS, Declaration, Indicator

from .facts import Anchor, Facts
from .indicator_text import cell_breaker
from .project_table import FOOTNOTES, amount_cell, page_setup
from .sheet import Sheet
from .sources import TEMPLATE, level_order

WIDTHS = [14, 22, 30, 28, 22, 16]
GRID = [(("部门预算支出", "basic", "project"), ("收入来源", "fiscal", "other_income")),
        (("事业发展性支出", "special_funds", "other_development"), ("按预算级次划分", "own_level", "transfer"))]


def render(declaration: Declaration, knobs: dict, rng: random.Random) -> tuple[Sheet, Facts]:
    department = declaration.department
    sheet = Sheet("部门整体绩效目标", page=page_setup(knobs))
    facts = Facts()
    c = 1 if knobs["first_column"] == "A" else rng.randint(2, 3)  # the label column; the form is six wide
    last = c + 5
    for offset, width in enumerate(WIDTHS):
        sheet.widths[c + offset] = width
    yuan = knobs["amounts"] == "yuan"
    unit = "（元）" if yuan else "（万元）"
    text = cell_breaker(knobs, rng)

    row = 1
    if knobs["header_at"] == "lower":
        sheet.put(1, c, "附件1")
        row = rng.randint(3, 6)
    title = "部门整体预算绩效目标申报表"
    if knobs["title_year"] == "yes" and declaration.year:
        title = f"{declaration.year}年度{title}" if rng.random() < 0.5 else f"{title}（{declaration.year}年度）"
    sheet.put(row, c, title, bold=True, centre=True)
    sheet.merge(row, c, row, last)
    row += 1
    if yuan or rng.random() < 0.5:
        sheet.put(row, last, "单位：元" if yuan else "单位：万元")
        row += 1
    facts.add("year", declaration.year, "year", held=knobs["title_year"] == "yes", reason="the title has no year")
    top = row
    sheet.header_rows = (row, row)
    sheet.put(row, c, "部门名称")
    sheet.put(row, c + 1, department.name)
    sheet.merge(row, c + 1, row, last)
    facts.add("department.name", department.name, anchor=Anchor((row, c + 1), None))
    row += 1
    if department.functions:
        sheet.put(row, c, "部门职能\n概述" if rng.random() < 0.5 else "部门职能概述")
        sheet.put(row, c + 1, text(department.functions))
        sheet.merge(row, c + 1, row, last)
        facts.add("department.functions", department.functions, anchor=Anchor((row, c + 1), None))
        row += 1
    # 预算整体情况
    budget = department.budget
    first = row
    if knobs["budget_layout"] == "grid":
        for block in GRID:
            for side, (heading, *keys) in enumerate(block):
                at = c + 1 + side * 2
                sheet.put(row, at, heading, centre=True)
                sheet.put(row, at + 1, f"预算金额{unit}", centre=True)
                for offset, key in enumerate(keys, start=1):
                    sheet.put(row + offset, at, BUDGET_LABELS[key])
                    sheet.put(row + offset, at + 1, *amount_cell(getattr(budget, key), knobs["amounts"]))
                    facts.add(f"department.budget.{key}", getattr(budget, key), "amount",
                              anchor=Anchor((row + offset, at + 1), None))
            for offset in range(3):
                sheet.merge(row + offset, c + 4, row + offset, last)
            row += 3
    else:
        sheet.put(row, c + 1, "项目")
        sheet.put(row, c + 2, f"预算金额{unit}")
        row += 1
        for key, label in BUDGET_LABELS.items():
            sheet.put(row, c + 1, label)
            sheet.put(row, c + 2, *amount_cell(getattr(budget, key), knobs["amounts"]))
            sheet.merge(row, c + 2, row, last)
            facts.add(f"department.budget.{key}", getattr(budget, key), "amount", anchor=Anchor((row, c + 2), None))
            row += 1
    sheet.put(first, c, "预算整体情况")
    sheet.merge(first, c, row - 1, c)
    # 总体绩效目标
    sheet.put(row, c, "总体绩效目标")
    sheet.put(row, c + 1, text(department.overall_goal))
    sheet.merge(row, c + 1, row, last)
    facts.add("department.overall_goal", department.overall_goal, anchor=Anchor((row, c + 1), None))
    row += 1
    # 年度重点工作任务
    first = row
    for offset, header in enumerate(["名称", "主要实施内容", f"拟投入的资金{unit}", "期望达到的目标（概述）"]):
        sheet.put(row, c + 1 + offset, header, centre=True)
    sheet.merge(row, c + 4, row, last)
    row += 1
    facts.entities["department.tasks"] = [t.name or "" for t in department.tasks]
    for index, task in enumerate(department.tasks):
        owner = f"department.tasks[{index}]"
        facts.rows[owner] = row
        for offset, (field, value) in enumerate((("name", task.name), ("content", text(task.content)),
                                                 ("funds", task.funds), ("expected", text(task.expected)))):
            if field == "funds":
                sheet.put(row, c + 1 + offset, *amount_cell(value, knobs["amounts"]))
            else:
                sheet.put(row, c + 1 + offset, value)
            facts.add(f"{owner}.{field}", getattr(task, field), "amount" if field == "funds" else "text",
                      anchor=Anchor((row, c + 1 + offset), None))
        sheet.merge(row, c + 4, row, last)
        row += 1
    if knobs["template_rows"] == "yes":
        sheet.put(row, c + 1, "其他需完成的任务（可选填）")
        sheet.merge(row, c + 4, row, last)
        row += 1
    sheet.put(first, c, "年度重点工作任务")
    sheet.merge(first, c, row - 1, c)
    # 绩效指标
    first = row
    for offset, header in enumerate(["一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"]):
        sheet.put(row, c + 1 + offset, header, centre=True)
    row += 1
    rows = _indicator_rows(department.indicators, knobs["template_rows"] == "yes")
    facts.entities["department.indicators"] = [i.name or "" for _, i in rows if i is not None]
    runs: dict[int, list[tuple[int, str | None]]] = {1: [], 2: []}  # column offset → (row, value) per row
    number = 0
    for level1, level2, indicator in ((r[0], r[1], i) for r, i in rows):
        for offset, value in ((1, level1), (2, (level1, level2))):
            runs[offset].append((row, value))
        if indicator is not None:
            owner = f"department.indicators[{number}]"
            facts.rows[owner] = row
            for offset, field in enumerate(("name", "period_value", "annual_value"), start=3):
                sheet.put(row, c + offset, getattr(indicator, field))
                facts.add(f"{owner}.{field}", getattr(indicator, field), anchor=Anchor((row, c + offset), None))
            for offset, field in ((1, "level1"), (2, "level2")):
                facts.add(f"{owner}.{field}", getattr(indicator, field), "level")
            number += 1
        row += 1
    for offset, cells in runs.items():
        _level_cells(sheet, c + offset, cells, knobs["level_cells"], facts)
    sheet.put(first, c, "绩效指标")
    sheet.merge(first, c, row - 1, c)
    sheet.table_rows = (top, row - 1)
    if knobs["separators"] == "footnotes":
        row += 1
        for note in FOOTNOTES:
            sheet.put(row, c, note.replace("以表头“单位”为准", "为元" if yuan else "为万元"))
            sheet.merge(row, c, row, last)
            row += 1
    return sheet, facts


def _indicator_rows(indicators: list[Indicator], template: bool) -> list[tuple[tuple, Indicator | None]]:
    """The table's rows in the template's order: ((一级, 二级), the indicator or None for a template row)."""
    ordered = sorted(indicators, key=level_order)
    rows: list[tuple[tuple, Indicator | None]] = []
    if not template:
        return [((i.level1, i.level2), i) for i in ordered]
    placed = set()
    for level1, level2s in TEMPLATE:
        for level2 in level2s:
            mine = [i for i in ordered if (i.level1, i.level2) == (level1, level2)]
            rows.extend(((level1, level2), i) for i in mine) if mine else rows.append(((level1, level2), None))
            placed.update(id(i) for i in mine)
    rows.extend(((i.level1, i.level2), i) for i in ordered if id(i) not in placed)
    return rows


def _level_cells(sheet: Sheet, column: int, cells: list[tuple[int, object]], mode: str, facts: Facts) -> None:
    """一级 (column offset 1, values the 一级) or 二级 (values (一级, 二级)) down the indicator rows: merged over a
    run of equal values, written in every row, or written in the run's first row only."""
    start = 0
    while start < len(cells):
        end = start
        while end + 1 < len(cells) and cells[end + 1][1] == cells[start][1]:
            end += 1
        value = cells[start][1]
        shown = value[1] if isinstance(value, tuple) else value
        for index in range(start, end + 1):
            if mode == "repeated" or index == start:
                sheet.put(cells[index][0], column, shown)
        if mode == "merged" and end > start:
            sheet.merge(cells[start][0], column, cells[end][0], column)
        start = end + 1
