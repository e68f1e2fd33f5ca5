"""项目支出绩效目标表 as published (DOMAIN.md, seeds 000 and 002), rendered from a declaration under a variant's
knobs, with the facts the rendering holds.

Title rows, 部门名称：…, 单位：万元 (or 元), a header on one or two rows (项目资金 over its four amounts), a 合计 row,
unit subtotal rows or a unit column (merged down its projects or not), one row per project, the indicators as
numbered text (indicator_text.py), blank separator rows and footnotes.
"""

from __future__ import annotations

import random
from decimal import Decimal

from src.model.declaration import Declaration, Project

from . import indicator_text
from .facts import Anchor, Facts
from .sheet import PageSetup, Sheet

LABELS = {"serial": "序号", "department": "主管部门", "name": "项目名称", "unit": "预算单位", "period": "实施周期",
          "total": "总计", "fiscal": "财政拨款", "special_account": "财政专户拨款", "other": "其他资金",
          "goal": "绩效目标", "indicators": "绩效指标"}
AMOUNTS = ("total", "fiscal", "special_account", "other")
WIDTHS = {"serial": 5, "department": 14, "name": 24, "unit": 16, "period": 12, "goal": 42, "indicators": 64}
NOT_IN_COLUMNS = "the table has no {label} column"
FOOTNOTES = ["注：1. 本表金额单位以表头“单位”为准；2. 绩效指标按“一级指标：二级指标：三级指标；指标值”填列。",
             "填报单位（盖章）：                填报人：王小明          联系电话：020-83000000"]


def page_setup(knobs: dict) -> PageSetup:
    return PageSetup(orientation=knobs["orientation"], fit_width=knobs["fit_width"] == "yes",
                     row_heights=knobs["row_heights"], borders=knobs["borders"] == "yes",
                     repeat_header=knobs["repeat_header"] == "yes")


def amount_cell(value: Decimal | None, mode: str) -> tuple[object, str | None]:
    """The cell value and number format of an amount in 万元 under the amounts knob."""
    if value is None:
        return None, None
    if mode == "number":
        return value, None
    if mode == "number_thousands":
        return value, "#,##0.00"
    if mode == "text_thousands":
        return f"{value:,.2f}", None
    if mode == "yuan":
        return value * 10000, "#,##0.00" if value * 10000 >= 1000 else None
    raise ValueError(mode)


def column_roles(knobs: dict, rng: random.Random) -> list[str]:
    blocks = [["department"] if knobs["department_in"] == "column" else [], ["name"],
              ["unit"] if knobs["unit"] != "subtotal_rows" else [],
              ["period"] if knobs["columns"] != "no_period" else [],
              list(AMOUNTS) if knobs["columns"] != "no_amounts" else [], ["goal"], ["indicators"]]
    order = knobs["column_order"]
    if order == "goal_last":
        blocks[5], blocks[6] = blocks[6], blocks[5]
    elif order == "unit_first":
        blocks = [blocks[0], blocks[2], blocks[1], *blocks[3:]]
    elif order == "shuffled":
        rng.shuffle(blocks)
    roles = [role for block in blocks for role in block]
    if knobs["columns"] != "no_serial":
        roles.insert(0, "serial")
    return roles


def render(declaration: Declaration, knobs: dict, rng: random.Random) -> tuple[Sheet, Facts]:
    sheet = Sheet("项目支出绩效目标表", page=page_setup(knobs))
    facts = Facts()
    roles = column_roles(knobs, rng)
    left = 1 if knobs["first_column"] == "A" else rng.randint(2, 4)
    column = {role: left + index for index, role in enumerate(roles)}
    right = left + len(roles) - 1
    for role, at in column.items():
        sheet.widths[at] = WIDTHS.get(role, 15 if knobs["amounts"] == "yuan" else 12)
    year, department = declaration.year, declaration.department.name
    row = 1
    if knobs["header_at"] == "lower":
        sheet.put(1, left, "附件2")
        row = rng.randint(3, 5)
        if rng.random() < 0.5:
            sheet.put(row - 1, left, "说明：本表由各预算单位填报，汇总后随部门预算一并公开。")
    title = "项目支出绩效目标表（含转移支付项目）"
    if knobs["title_year"] == "yes":
        title = f"{year}年{title}"
    if knobs["department_in"] == "title":
        title = f"{department}{title}"
    sheet.put(row, left, title, bold=True, centre=True)
    sheet.merge(row, left, row, right)
    row += 1
    unit_text = "单位：元" if knobs["amounts"] == "yuan" else "单位：万元"
    if knobs["department_in"] == "name_row":
        sheet.put(row, left, f"部门名称：{department}")
        sheet.merge(row, left, row, max(left, right - 2))
    if knobs["columns"] != "no_amounts" or rng.random() < 0.5:
        sheet.put(row, right, unit_text)
    row += 1
    facts.add("department.name", department, anchor=None)
    facts.add("year", year, "year", held=knobs["title_year"] == "yes", reason="the title has no year")
    # the header
    header_top = row
    two = knobs["header_rows"] == "2"
    for role, at in column.items():
        if two and role in AMOUNTS:
            sheet.put(row + 1, at, LABELS[role], bold=True, centre=True)
        else:
            sheet.put(row, at, LABELS[role], bold=True, centre=True)
            if two:
                sheet.merge(row, at, row + 1, at)
    if two and "total" in column:
        sheet.put(row, column["total"], "项目资金", bold=True, centre=True)
        sheet.merge(row, column["total"], row, column["total"] + 3)
    row += 2 if two else 1
    sheet.header_rows = (header_top, row - 1)
    projects = declaration.projects

    def amount_row(label: str, group: list[Project]) -> None:
        nonlocal row
        sheet.put(row, column["name"], label)
        for key in AMOUNTS:
            if key in column:
                values = [getattr(p.funds, key) for p in group if getattr(p.funds, key) is not None]
                sheet.put(row, column[key], *amount_cell(sum(values, Decimal(0)) if values else None, knobs["amounts"]))
        row += 1

    if knobs["total_row"] == "yes":
        amount_row("合计", projects)
    facts.entities["projects"] = [p.name for p in projects]
    style = indicator_style(knobs)
    groups: list[list[int]] = []
    for index, project in enumerate(projects):
        if index and project.unit == projects[index - 1].unit:
            groups[-1].append(index)
        else:
            groups.append([index])
    separators = knobs["separators"] in ("blank_rows", "both")
    for group in groups:
        if knobs["unit"] == "subtotal_rows":
            amount_row(projects[group[0]].unit, [projects[i] for i in group])
        first_row = row
        for index in group:
            _project_row(sheet, facts, projects[index], index, row, column, knobs, style, rng, department)
            row += 1
            if separators and rng.random() < 0.3 and index != group[-1] and knobs["unit"] != "merged":
                row += 1
        if knobs["unit"] == "merged" and len(group) > 1:
            sheet.merge(first_row, column["unit"], row - 1, column["unit"])
            for index in group[1:]:
                facts.anchors[f"projects[{index}].unit"] = Anchor((first_row, column["unit"]), None)
        if separators and rng.random() < 0.5:
            row += 1
    sheet.table_rows = (header_top, row - 1)
    if knobs["separators"] in ("footnotes", "both"):
        row += 1
        for note in FOOTNOTES:
            sheet.put(row, left, note.replace("以表头“单位”为准", "为元" if knobs["amounts"] == "yuan" else "为万元"))
            sheet.merge(row, left, row, right)
            row += 1
    return sheet, facts


def indicator_style(knobs: dict) -> indicator_text.Style:
    city = "panyu" if knobs["indicator_style"] == "panyu" else "tianhe"
    return indicator_text.Style(city=city, codes=knobs["indicator_style"] == "tianhe_codes",
                                punctuation=knobs["punctuation"], numbering=knobs["numbering"],
                                breaks=knobs["line_breaks"], tags=knobs["tags"] == "p")


def _project_row(sheet: Sheet, facts: Facts, project: Project, index: int, row: int, column: dict[str, int],
                 knobs: dict, style: indicator_text.Style, rng: random.Random, department: str | None) -> None:
    owner = f"projects[{index}]"
    facts.rows[owner] = row
    if "serial" in column:
        sheet.put(row, column["serial"], index + 1, centre=True)
    if "department" in column:
        sheet.put(row, column["department"], department)
    sheet.put(row, column["name"], project.name)
    facts.add(f"{owner}.name", project.name, anchor=Anchor((row, column["name"]), None))
    if "unit" in column:
        sheet.put(row, column["unit"], project.unit)
        facts.add(f"{owner}.unit", project.unit, anchor=Anchor((row, column["unit"]), None))
    else:  # the unit subtotal row above names it
        facts.add(f"{owner}.unit", project.unit)
    if "period" in column:
        sheet.put(row, column["period"], project.period)
    facts.add(f"{owner}.period", project.period, held="period" in column,
              reason=NOT_IN_COLUMNS.format(label="实施周期"), anchor=Anchor((row, column.get("period", 0)), None))
    for key in AMOUNTS:
        value = getattr(project.funds, key)
        if key in column:
            sheet.put(row, column[key], *amount_cell(value, knobs["amounts"]))
        facts.add(f"{owner}.funds.{key}", value, "amount", held=key in column,
                  reason=NOT_IN_COLUMNS.format(label="项目资金"), anchor=Anchor((row, column.get(key, 0)), None))
    goal = project.goal
    if goal and knobs["line_breaks"] == "anywhere" and rng.random() < 0.5:
        goal = indicator_text.break_anywhere(goal, rng, every=50)
    sheet.put(row, column["goal"], goal)
    facts.add(f"{owner}.goal", project.goal, anchor=Anchor((row, column["goal"]), None))
    text, ends = indicator_text.render(project.indicators, style, rng)
    sheet.put(row, column["indicators"], text)
    facts.entities[f"{owner}.indicators"] = [i.name or "" for i in project.indicators]
    for number, indicator in enumerate(project.indicators):
        place = f"{owner}.indicators[{number}]"
        for field in ("level1", "level2", "name", "period_value", "annual_value"):
            kind = "level" if field.startswith("level") else "text"
            end = ends[number].get(field)
            facts.add(f"{place}.{field}", getattr(indicator, field), kind, held=indicator_text.holds(style, field),
                      reason=indicator_text.NOT_IN_PANYU, anchor=Anchor((row, column["indicators"]), end))
