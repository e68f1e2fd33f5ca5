"""The 2019 部门整体绩效目标表 (seed 004) → the current department form (ImportedDepartment), by its labels.

The older form has 部门名称, 部门职能概述, 本年度部门预算收入 (总额, 1. 财政拨款收入 …, 5.其他收入), and under
年度目标 a 本年 and a 三年期 block, each with 部门整体支出目标 (the goal text), 关键指标/预期实现值 pairs and a
主要支出计划: 任务（政策）, 任务的绩效目标, 关键性指标 / 绩效标准 pairs, 主要实施项目. What the current form has no
field for is put where the clerk will see it, and the 导入说明 says where; the 三年期 block has no place in the
current form and is only reported.

Read here: 部门名称 and 部门职能概述 (without a label of the next line a PDF drew into them), 本年度部门预算收入 as the
current form's 预算整体情况, 其他需要说明的情况 and the year. The 年度目标 are read by goals.py and put into the
current form by current_form.py.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ....model import paths
from ....model.declaration import BUDGET_LABELS, DECLARATION_LABELS, DEPARTMENT_LABELS, Budget, Department
from ....model.notes import Note
from ...containers.sheet_grid import Grid
from ..ocr_numbers import published_amount
from ..published import ImportedDepartment, amounts_in_yuan, clean_multiline, to_wanyuan, yuan_note
from .current_form import indicators_of, nothing_read, tasks_of
from .goals import read_blocks
from .parts import labelled
from .labels import (
    INCOME,
    INCOME_LABEL,
    OTHER_INCOME,
    THIS_YEAR,
    THREE_YEARS,
    TOP_ROLES,
    YEAR,
    LabelledGrid,
    read_label,
)


def import_form_2019(grid: Grid) -> ImportedDepartment:
    form = LabelledGrid(grid)
    notes = [Note("这是 2019 年的部门整体绩效目标表（本年度部门预算收入、年度目标、年度主要支出计划），"
                  "已按现行的部门整体预算绩效目标申报表导入", location=paths.DEPARTMENT)]
    department = Department(name=labelled(form, "name"), functions=labelled(form, "functions"))
    for role in ("name", "functions"):
        value, label = _without_trailing_label(getattr(department, role))
        if label:
            setattr(department, role, value)
            where = paths.field(paths.DEPARTMENT, role)
            notes.append(Note(f"{DEPARTMENT_LABELS[role]}的文字后面连着另一栏的栏目名“{label}”（PDF 中一格的文字印进了另一格），"
                              f"已去掉，请对照原表核对{DEPARTMENT_LABELS[role]}", location=where, source_text=label))
    yuan = amounts_in_yuan(grid, len(grid.rows) - 1)
    if yuan:  # the form says its amounts are in 元: the editor's unit is 万元
        notes.append(Note(yuan_note(yuan, "部门整体表"), location=paths.BUDGET))
    for role, value in (("name", department.name), ("functions", department.functions)):
        if not value:
            notes.append(_unread_note(form, role))
    department.budget = _budget(form, notes, bool(yuan))
    blocks = read_blocks(form)
    this_year = next((b for b in blocks if b.label == THIS_YEAR), None)
    if this_year is not None:
        department.overall_goal = this_year.goal
        department.indicators = indicators_of(this_year, notes)
        department.tasks = tasks_of(this_year, notes)
        nothing_read(this_year, notes)
    else:
        notes.append(Note("没有找到本年的年度目标（部门整体支出目标、关键指标），总体绩效目标和绩效指标请补填",
                          location=paths.field(paths.DEPARTMENT, "overall_goal")))
        # the tasks are read from this year's block only: a 三年期 block's plan does not stand in for it
        notes.append(Note("没有找到本年的年度主要支出计划，年度重点工作任务请补填", location=paths.TASKS))
    for block in blocks:
        if block.by_order and block.label in (THIS_YEAR, THREE_YEARS):
            notes.append(Note(f"第 {block.parts[0].start + 1} 行起的一组年度目标没有“本年”或“三年期”字样，"
                              f"按它在表中的先后作为{block.label}的目标，请核对", location=paths.DEPARTMENT,
                              row=block.parts[0].start + 1))
        if block.label == THREE_YEARS:
            notes.append(Note(f"三年期目标（部门整体支出目标、{len(block.pairs) + len(block.spanning)} 个关键指标、"
                              f"{len(block.tasks)} 项三年期主要支出计划）未导入：现行表式只有年度目标，请在原表中查看",
                              location=paths.field(paths.DEPARTMENT, "overall_goal"), row=block.parts[0].start + 1))
        elif block is not this_year:
            notes.append(Note(f"第 {block.parts[0].start + 1} 行起又有一组年度目标，看不出是本年还是三年期，未导入，"
                              "请在原表中查看", location=paths.DEPARTMENT, row=block.parts[0].start + 1))
    if _left_part_only(form, department):
        for role, value in (("functions", department.functions), ("overall_goal", department.overall_goal)):
            if value:
                label = DEPARTMENT_LABELS[role]
                notes.append(Note(f"表中只有左边的几栏（没有“关键指标”“预期实现值”栏，预算收入也没有金额：多是 PDF 没有按页宽缩放，"
                                  f"右边的栏印在了别的页上），{label}的文字可能在页边被截断，请对照原表核对",
                                  location=paths.field(paths.DEPARTMENT, role)))
    found = form.find(lambda label: label.role == "remarks")
    remark = clean_multiline(form.value(found[0], found[1]) or "") if found else None
    if remark:
        notes.append(Note(f"“其他需要说明的情况”未导入（现行表式没有此栏），原文：{remark}", location=paths.DEPARTMENT,
                          source_text=remark))
    year = _year(grid)
    if year is None:
        notes.append(Note(f"表头中没有读出年度（如“2019年部门整体绩效目标表”），{DECLARATION_LABELS['year']}已留空，请按原表填写",
                          location=paths.YEAR))
    return ImportedDepartment(grid.name, department, year, notes)


def _left_part_only(form: LabelledGrid, department: Department) -> bool:
    """The form's right-hand columns are not in this grid: no 关键指标 or 预期实现值 anywhere, and its income lines
    with no amount beside them."""
    return form.find(lambda label: label.role in ("key", "expected") or "key" in label.roles) is None \
        and form.find(lambda label: label.role == "fiscal") is not None \
        and department.budget.fiscal is None and department.budget.other_income is None


def _unread_note(form: LabelledGrid, role: str) -> Note:
    """部门名称 or 部门职能概述 left empty: its label found with no value beside or below it (a PDF that printed the
    columns right of it on another page, or ran its cells together), or not found at all."""
    label = DEPARTMENT_LABELS[role]
    found = form.find(lambda one: one.role == role)
    where = paths.field(paths.DEPARTMENT, role)
    if found is None:
        return Note(f"没有找到“{label}”一栏（PDF 中它可能与别的栏目连在了一起），{label}已留空，请按原表填写", location=where)
    return Note(f"第 {found[0] + 1} 行的“{label}”旁边和下面都没有读出内容（PDF 中可能印在另一页，或与别的栏目连在了一起），"
                f"{label}已留空，请按原表填写", location=where, row=found[0] + 1)


def _year(grid: Grid) -> int | None:
    for row in grid.rows[:8]:
        for value in row:
            match = YEAR.search("" if value is None else str(value))
            if match:
                return int(match.group(1))
    return None


_LAST_PIECE = re.compile(r"(?:^|(?<=[。；;\n]))([^。；;\n]{2,24})$")


def _without_trailing_label(text: str | None) -> tuple[str | None, str | None]:
    """A value whose last piece (after its last 。 or line break) is a label of the form's other lines, alone (…调解工作。
    1. 财政拨款收入: a PDF drew the next cell's label into this one): the value without it, and the label."""
    found = _LAST_PIECE.search(text or "")
    if found is None or found.start(1) == 0:
        return text, None
    label = read_label(found.group(1))
    if label is None or label.value is not None or label.role not in TOP_ROLES:
        return text, None
    return text[:found.start(1)].rstrip() or None, found.group(1).strip()


# ---- 本年度部门预算收入 -----------------------------------------------------------------------

def _budget(form: LabelledGrid, notes: list[str], in_yuan: bool = False) -> Budget:
    read: dict[str, Decimal | None] = {}
    printed: dict[str, str] = {}
    for role, words in INCOME.items():
        found = form.find(lambda label, role=role: label.role == role)
        if found is None:
            continue
        row, column, _ = found
        read[role] = published_amount(form.value(row, column, row + 1) or "", _income_place(role), words, notes, row + 1)
        if in_yuan:
            read[role] = to_wanyuan(read[role])
        printed[role] = "空" if read[role] is None else f"{read[role]:,.2f}"
    budget = Budget()
    if "fiscal" in read:
        budget.fiscal = read["fiscal"]
    others = [role for role in OTHER_INCOME if role in read]
    if others and all(read[role] is not None for role in others):
        budget.other_income = sum((read[role] for role in others), Decimal(0))
        notes.append(Note(f"{BUDGET_LABELS['other_income']}（{paths.place_words(_budget_place('other_income'))}）= "
                          + " + ".join(INCOME[role] for role in others) + f" = {budget.other_income:,.2f} 万元",
                          location=_budget_place("other_income")))
    elif others:
        notes.append(Note(f"{'、'.join(INCOME[r] for r in others if read[r] is None)}的金额没有读出，"
                          f"{BUDGET_LABELS['other_income']}已留空", location=_budget_place("other_income")))
    total = read.get("total")
    if total is not None and budget.fiscal is not None and budget.other_income is not None \
            and total != budget.fiscal + budget.other_income:
        notes.append(Note(f"总额 {total:,.2f} 万元不等于财政拨款收入与其他收入之和 "
                          f"{budget.fiscal + budget.other_income:,.2f} 万元，请核对原表", location=paths.BUDGET))
    if budget.fiscal is None and not any(getattr(n, "location", None) == _budget_place("fiscal") for n in notes):
        notes.append(Note(f"没有读出{INCOME['fiscal']}的金额，预算整体情况的{BUDGET_LABELS['fiscal']}已留空，请按原表补填",
                          location=_budget_place("fiscal")))
    if budget.other_income is None and not others:
        notes.append(Note(f"没有读出{'、'.join(INCOME[r] for r in OTHER_INCOME)}的金额，预算整体情况的"
                          f"{BUDGET_LABELS['other_income']}已留空，请按原表补填", location=_budget_place("other_income")))
    kept = [f"{INCOME[r]} {printed[r]}" for r in ("total", "general", "fund") if r in printed]
    if kept:
        notes.append(Note(f"本年度部门预算收入中的{'、'.join(kept)}（万元）未导入：现行表式的预算整体情况没有这些栏目；"
                          "基本支出、项目支出等 2019 年表式没有，请补填", location=paths.BUDGET))
    elif form.find(lambda label: label.role == "income"):
        notes.append(Note(f"找到了“{INCOME_LABEL}”，但没有读出其中的金额，预算整体情况请补填", location=paths.BUDGET))
    return budget


def _budget_place(name: str) -> str:
    return paths.field(paths.DEPARTMENT, f"budget.{name}")


def _income_place(role: str) -> str:
    return _budget_place("fiscal") if role == "fiscal" else f"{INCOME_LABEL}·{INCOME[role]}"
