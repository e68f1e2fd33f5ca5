"""部门整体绩效目标表 (2019) as published (seed 004; tests/data/form2019/make_form2019.py lays it out the same way),
rendered from its facts (sources.form2019_facts) under a variant's knobs, with the facts the current form has a
field for (src/storage/recognisers/form_2019/reader.py and current_form.py say where each goes).

Seven columns: a label column (本年度部门预算收入, 年度目标 over both blocks), a 本年/三年期 column, five content
columns; the 三年期 block, when printed, has no place in the current form and gives no facts.
"""

from __future__ import annotations

import random
from decimal import Decimal

from src.model.declaration import BUDGET_LABELS

from .facts import Anchor, Facts
from .indicator_text import cell_breaker
from .project_table import FOOTNOTES, amount_cell, page_setup
from .sheet import Sheet

WIDTHS = [12, 8, 30, 30, 28, 26, 24]
OTHER_INCOME = ("2.财政专户管理资金", "3.事业收入", "4.经营收入", "5.其他收入")
SPLIT = "其中："
NO_FIELD = "the 2019 form has no such field"


def render(facts_in: dict, knobs: dict, rng: random.Random) -> tuple[Sheet, Facts]:
    sheet = Sheet("部门整体绩效目标表", page=page_setup(knobs))
    facts = Facts()
    c = 1 if knobs["first_column"] == "A" else rng.randint(2, 3)
    last = c + 6
    for offset, width in enumerate(WIDTHS):
        sheet.widths[c + offset] = width
    text = cell_breaker(knobs, rng)

    row = 1
    if knobs["header_at"] == "lower":
        sheet.put(1, c, "附件")
        row = rng.randint(3, 6)
    sheet.put(row, c, facts_in["title"], bold=True, centre=True)
    sheet.merge(row, c, row, last)
    facts.add("year", facts_in["year"], "year")
    row += 1
    top = row
    sheet.header_rows = (row, row)
    label_breaks = knobs["label_breaks"] == "yes"
    for label, key, value in (("部门名称", "name", facts_in["name"]),
                              ("部门职能\n概述" if label_breaks else "部门职能概述", "functions", facts_in["functions"])):
        sheet.put(row, c, label)
        sheet.merge(row, c, row, c + 1)
        sheet.put(row, c + 2, text(value) if key == "functions" else value)
        sheet.merge(row, c + 2, row, last)
        facts.add(f"department.{key}", value, anchor=Anchor((row, c + 2), None))
        row += 1
    income = facts_in["income"]
    first = row
    yuan = knobs["amounts"] == "yuan"
    for label, amount in income:
        shown = label.replace("（万元）", "（元）") if yuan else label
        sheet.put(row, c + 2, shown)
        sheet.merge(row, c + 2, row, c + 4)
        sheet.put(row, c + 5, *amount_cell(amount, knobs["amounts"]))
        sheet.merge(row, c + 5, row, last)
        row += 1
    sheet.put(first, c, "本年度部门\n预算收入" if label_breaks else "本年度部门预算收入")
    sheet.merge(first, c, row - 1, c + 1)
    amounts = {label: amount for label, amount in income}
    where = {label: r for r, (label, _) in enumerate(income, start=first)}
    facts.add("department.budget.fiscal", amounts["1. 财政拨款收入"], "amount",
              anchor=Anchor((where["1. 财政拨款收入"], c + 5), None))
    facts.add("department.budget.other_income", sum((amounts[k] for k in OTHER_INCOME), Decimal(0)), "amount")
    for key in BUDGET_LABELS:
        if key not in ("fiscal", "other_income"):
            facts.add(f"department.budget.{key}", None, "amount")  # no such amount: a value read there is invented
    blocks = [b for b in facts_in["blocks"] if b["label"] != "三年期" or knobs["three_years"] == "yes"]
    goals_top = row
    for number, block in enumerate(blocks):
        block_top = row
        this_year = number == 0
        row = _block(sheet, facts if this_year else None, block, row, c, text)
        sheet.put(block_top, c + 1, block["label"], centre=True)
        sheet.merge(block_top, c + 1, row - 1, c + 1)
    sheet.put(goals_top, c, "年度目标", centre=True)
    sheet.merge(goals_top, c, row - 1, c)
    sheet.put(row, c, "其他需要说明的情况")
    sheet.merge(row, c, row, c + 1)
    sheet.put(row, c + 2, facts_in.get("remarks") or "无")
    sheet.merge(row, c + 2, row, last)
    sheet.table_rows = (top, row)
    row += 1
    if knobs["separators"] == "footnotes":
        row += 1
        for note in FOOTNOTES[1:]:
            sheet.put(row, c, note)
            sheet.merge(row, c, row, last)
            row += 1
    return sheet, facts


def _block(sheet: Sheet, facts: Facts | None, block: dict, row: int, c: int, text) -> int:
    """One block's rows from `row`; facts only for 本年 (the current form has no place for 三年期)."""
    pairs = block["key_indicators"]
    after = block.get("key_indicators_after")
    sheet.put(row, c + 2, "部门整体支出目标", centre=True)
    sheet.merge(row, c + 2, row, c + 3)
    sheet.put(row, c + 4, "关键指标", centre=True)
    sheet.put(row, c + 5, "预期实现值", centre=True)
    sheet.merge(row, c + 5, row, c + 6)
    row += 1
    goal_top = row
    sheet.put(row, c + 2, text(block["goal"]))
    indicators = []
    for name, value in pairs:
        sheet.put(row, c + 4, name)
        sheet.put(row, c + 5, value)
        sheet.merge(row, c + 5, row, c + 6)
        indicators.append((name, value, row))
        row += 1
    if after:
        sheet.put(row, c + 4, after)
        sheet.merge(row, c + 4, row, c + 6)
        name, value = after.removeprefix(SPLIT).rsplit("：", 1)
        indicators.append((name, value, row))
        row += 1
    row = max(row, goal_top + 1)  # the goal's row, even with no 关键指标 beside it
    sheet.merge(goal_top, c + 2, row - 1, c + 3)
    if facts is not None:
        facts.add("department.overall_goal", block["goal"], anchor=Anchor((goal_top, c + 2), None))
        facts.entities["department.indicators"] = [name for name, _, _ in indicators]
        for index, (name, value, at) in enumerate(indicators):
            owner = f"department.indicators[{index}]"
            facts.rows[owner] = at
            facts.add(f"{owner}.name", name, anchor=Anchor((at, c + 4), None))
            facts.add(f"{owner}.annual_value", value, anchor=Anchor((at, c + 5), None))
            for field in ("level1", "level2", "period_value"):
                facts.add(f"{owner}.{field}", None, "level" if field.startswith("level") else "text")
    for offset, header in enumerate([block["plan_header"], block["goal_header"],
                                     "任务（政策）关键性指标（产出、效益、公众满意度方面）",
                                     "绩效标准（指标解释及预期实现值）", "主要实施项目（项目名称）"]):
        sheet.put(row, c + 2 + offset, header, centre=True)
    row += 1
    if facts is not None:
        facts.entities["department.tasks"] = [task["name"] for task in block["tasks"]]
    for index, task in enumerate(block["tasks"]):
        count = max(1, len(task["indicators"]))
        sheet.put(row, c + 2, task["name"])
        sheet.put(row, c + 3, text(task["goal"]))
        sheet.put(row, c + 6, task["projects"])
        for column in (c + 2, c + 3, c + 6):
            sheet.merge(row, column, row + count - 1, column)
        if facts is not None:
            owner = f"department.tasks[{index}]"
            facts.rows[owner] = row
            facts.add(f"{owner}.name", task["name"], anchor=Anchor((row, c + 2), None))
            facts.add(f"{owner}.expected#goal", task["goal"], match="contains", anchor=Anchor((row, c + 3), None))
            facts.add(f"{owner}.content#projects", task["projects"], match="contains", anchor=Anchor((row, c + 6), None))
            facts.add(f"{owner}.funds", None, "amount")
        for number, (name, standard) in enumerate(task["indicators"]):
            sheet.put(row + number, c + 4, name)
            sheet.put(row + number, c + 5, standard)
            if facts is not None:
                facts.add(f"department.tasks[{index}].expected#pair{number + 1}", f"{name}\u241f{standard}",
                          match="contains", anchor=Anchor((row + number, c + 5), None))
        row += count
    return row
