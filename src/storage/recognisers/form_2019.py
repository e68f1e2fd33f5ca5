"""The 2019 部门整体绩效目标表 (seed 004) → the current department form, by its labels.

The older form has 部门名称, 部门职能概述, 本年度部门预算收入 (总额, 1. 财政拨款收入 …, 5.其他收入), and under
年度目标 a 本年 and a 三年期 block, each with 部门整体支出目标 (the goal text), 关键指标/预期实现值 pairs and a
主要支出计划 table: 任务（政策）, 任务的绩效目标, 关键性指标 / 绩效标准 pairs, 主要实施项目. What the current
form has no field for is put where the clerk will see it, and the 导入说明 says where; the 三年期 block has no
place in the current form and is only reported. Cells are found by their labels, never by coordinates;
merged cells may come filled (workbooks, web pages) or not (text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...model import paths
from ...model.declaration import BUDGET_LABELS, TASK_LABELS, Budget, Department, Indicator, Task
from ...model.notes import Note
from ..containers.sheet_grid import Grid
from .form_2019_labels import (
    EXPECTED,
    FUNCTIONS,
    GOAL_LABEL,
    INCOME,
    INCOME_LABEL,
    KEY,
    NAME,
    NUMBERING,
    OTHER_INCOME,
    PLAN,
    PROJECTS,
    REMARKS,
    SCAN_ROWS,
    SPLIT_LINE,
    STANDARD,
    TASK_INDICATOR,
    THREE_YEARS,
    YEAR,
    is_plan_header,
    key,
)
from .ocr_numbers import published_amount
from .published import ImportedDepartment, amounts_in_yuan, cell_str, clean_multiline, to_wanyuan, yuan_note


@dataclass
class _Block:
    label: str
    start: int
    stop: int
    goal: str | None = None
    pairs: list[tuple[str, str]] = field(default_factory=list)
    spanning: list[str] = field(default_factory=list)  # a line across both columns: 其中：…：100%
    tasks: list[dict] = field(default_factory=list)


def import_form_2019(grid: Grid) -> ImportedDepartment:
    notes = [Note("这是 2019 年的部门整体绩效目标表（本年度部门预算收入、年度目标、年度主要支出计划），"
                  "已按现行的部门整体预算绩效目标申报表导入", location=paths.DEPARTMENT)]
    department = Department(name=_right_of(grid, lambda k: k == NAME or k.startswith(f"{NAME}:")),
                            functions=_right_of(grid, lambda k: k in (FUNCTIONS, "部门职能", "职能概述")))
    yuan = amounts_in_yuan(grid, len(grid.rows) - 1)
    if yuan:  # the form says its amounts are in 元: the editor's unit is 万元
        notes.append(Note(yuan_note(yuan, "部门整体表"), location=paths.BUDGET))
    department.budget = _budget(grid, notes, bool(yuan))
    blocks = _blocks(grid)
    this_year = next((b for b in blocks if b.label != THREE_YEARS), None)
    if this_year is not None:
        department.overall_goal = this_year.goal
        department.indicators = _indicators(this_year, notes)
        department.tasks = _tasks(this_year, notes)
    else:
        notes.append(Note("没有找到本年的年度目标（部门整体支出目标、关键指标），总体绩效目标和绩效指标请补填",
                          location=paths.field(paths.DEPARTMENT, "overall_goal")))
    for block in blocks:
        if block.label == THREE_YEARS:
            notes.append(Note(f"三年期目标（部门整体支出目标、{len(block.pairs) + len(block.spanning)} 个关键指标、"
                              f"{len(block.tasks)} 项三年期主要支出计划）未导入：现行表式只有年度目标，请在原表中查看",
                              location=paths.field(paths.DEPARTMENT, "overall_goal")))
    remark = _right_of(grid, lambda k: k.startswith(REMARKS))
    if remark:
        notes.append(Note(f"“其他需要说明的情况”未导入（现行表式没有此栏），原文：{remark}", location=paths.DEPARTMENT,
                          source_text=remark))
    return ImportedDepartment(grid.name, department, _year(grid), notes)


def _year(grid: Grid) -> int | None:
    for row in grid.rows[:5]:
        for value in row:
            match = YEAR.search(cell_str(value))
            if match:
                return int(match.group(1))
    return None


def _find(grid: Grid, wanted, start: int = 0, stop: int | None = None) -> tuple[int, int] | None:
    for r in range(start, min(len(grid.rows), SCAN_ROWS if stop is None else stop)):
        for c, value in enumerate(grid.rows[r]):
            if value is not None and wanted(key(value)):
                return r, c
    return None


def _right_of(grid: Grid, wanted, start: int = 0) -> str | None:
    """The first filled cell right of the label, past the copies a merged label cell leaves; a label
    that carries its value (部门名称：广州市…) gives that."""
    found = _find(grid, wanted, start)
    if found is None:
        return None
    row, column = found
    label = grid.text(row, column)
    for separator in (":", "："):
        if separator in label and label.split(separator, 1)[1].strip():
            return clean_multiline(label.split(separator, 1)[1].strip())
    for c in range(column + 1, len(grid.rows[row])):
        text = grid.text(row, c)
        if text.strip() and text != label:
            return clean_multiline(text)
    return None


# ---- 本年度部门预算收入 -----------------------------------------------------------------------

def _budget(grid: Grid, notes: list[str], in_yuan: bool = False) -> Budget:
    read: dict[str, Decimal | None] = {}
    printed: dict[str, str] = {}
    for role, words in INCOME.items():
        found = _find(grid, lambda k, w=words: NUMBERING.sub("", k).startswith(w))
        if found is None:
            continue
        row, column = found
        label = grid.text(row, column)
        text = next((grid.text(row, c) for c in range(column + 1, len(grid.rows[row]))
                     if grid.text(row, c).strip() and grid.text(row, c) != label), "")
        read[role] = published_amount(text, _income_place(role), words, notes)
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
        notes.append(f"{'、'.join(INCOME[r] for r in others if read[r] is None)}的金额没有读出，"
                     f"{BUDGET_LABELS['other_income']}已留空")
    total = read.get("total")
    if total is not None and budget.fiscal is not None and budget.other_income is not None \
            and total != budget.fiscal + budget.other_income:
        notes.append(Note(f"总额 {total:,.2f} 万元不等于财政拨款收入与其他收入之和 "
                          f"{budget.fiscal + budget.other_income:,.2f} 万元，请核对原表", location=paths.BUDGET))
    kept = [f"{INCOME[r]} {printed[r]}" for r in ("total", "general", "fund") if r in printed]
    if kept:
        notes.append(Note(f"本年度部门预算收入中的{'、'.join(kept)}（万元）未导入：现行表式的预算整体情况没有这些栏目；"
                          "基本支出、项目支出等 2019 年表式没有，请补填", location=paths.BUDGET))
    return budget


def _budget_place(name: str) -> str:
    return paths.field(paths.DEPARTMENT, f"budget.{name}")


def _income_place(role: str) -> str:
    return _budget_place("fiscal") if role == "fiscal" else f"{INCOME_LABEL}·{INCOME[role]}"


# ---- 年度目标: the 本年 and 三年期 blocks -----------------------------------------------------------

def _blocks(grid: Grid) -> list[_Block]:
    """The row ranges of the blocks: 本年 from the first 关键指标 or 主要支出计划 header, 三年期 from the first
    row that names it, up to 其他需要说明的情况."""
    height = min(len(grid.rows), SCAN_ROWS)
    first = _find(grid, lambda k: k == KEY or k == GOAL_LABEL or is_plan_header(k))
    if first is None:
        return []
    end = _find(grid, lambda k: k.startswith(REMARKS), first[0])
    stop = end[0] if end else height
    three = _find(grid, lambda k: k.startswith(THREE_YEARS), first[0], stop)
    blocks = [_Block("本年", first[0], three[0] if three else stop)]
    if three:
        blocks.append(_Block(THREE_YEARS, three[0], stop))
    for block in blocks:
        _read_goals(grid, block)
        _read_plan(grid, block)
    return [b for b in blocks if b.goal or b.pairs or b.spanning or b.tasks]


def _read_goals(grid: Grid, block: _Block) -> None:
    header = _find(grid, lambda k: k == KEY, block.start, block.stop)
    goal = _find(grid, lambda k: k == GOAL_LABEL, block.start, block.stop)
    plan = _find(grid, is_plan_header, block.start, block.stop)
    end = plan[0] if plan else block.stop
    if goal is not None:
        below = (grid.text(r, goal[1]) for r in range(goal[0] + 1, end))
        block.goal = clean_multiline(next((t for t in below if t.strip() and not _is_label(t)), "")) \
            or _right_of(grid, lambda k: k == GOAL_LABEL, block.start)
    if header is None:
        return
    row, name_column = header
    value_column = next((c for c in range(len(grid.rows[row])) if key(grid.cell(row, c)).startswith(EXPECTED)), None)
    if value_column is None:
        return
    for r in range(row + 1, end):
        name, value = grid.text(r, name_column).strip(), grid.text(r, value_column).strip()
        if _is_label(name) or not (name or value):
            continue
        if name == value or (name and not value and SPLIT_LINE.match(name) and name.startswith("其中")):
            block.spanning.append(name)
        else:
            block.pairs.append((name, value))


def _read_plan(grid: Grid, block: _Block) -> None:
    found = _find(grid, is_plan_header, block.start, block.stop)
    if found is None:
        return
    row = found[0]
    columns = {}
    for c in range(len(grid.rows[row])):
        k = key(grid.cell(row, c))
        for role, wanted in (("task", lambda k: PLAN in k), ("indicator", lambda k: TASK_INDICATOR in k),
                             ("standard", lambda k: k.startswith(STANDARD)),
                             ("projects", lambda k: k.startswith(PROJECTS)), ("goal", lambda k: "绩效目标" in k)):
            if role not in columns and wanted(k):
                columns[role] = c
                break
    if not {"task", "indicator", "standard"} <= columns.keys():
        return
    task: dict | None = None
    for r in range(row + 1, block.stop):
        cells = {role: grid.text(r, c).strip() for role, c in columns.items()}
        if any(_is_label(text) for text in cells.values()):
            continue  # the header again, after a page break
        if cells["task"] and (task is None or cells["task"] != task["name"]):
            task = {"name": cells["task"], "goals": [], "pairs": [], "projects": []}
            block.tasks.append(task)
        if task is None:
            continue
        for role, bucket in (("goal", "goals"), ("projects", "projects")):
            if cells.get(role) and cells[role] not in task[bucket]:
                task[bucket].append(cells[role])
        if cells["indicator"] or cells["standard"]:
            task["pairs"].append((cells["indicator"], cells["standard"]))


def _is_label(text: str) -> bool:
    k = key(text)
    return k in (KEY, GOAL_LABEL, THREE_YEARS, "本年", "年度目标", "三年期目标") or k.startswith(EXPECTED) \
        or is_plan_header(k) or (TASK_INDICATOR in k and len(k) <= 40) or k.startswith(STANDARD)


# ---- into the current form ------------------------------------------------------------------

def _indicators(block: _Block, notes: list[str]) -> list[Indicator]:
    indicators = [Indicator(name=name or None, annual_value=value or None) for name, value in block.pairs]
    for line in block.spanning:
        match = SPLIT_LINE.match(line)
        if match:
            indicators.append(Indicator(name=match.group(1), annual_value=match.group(2)))
            where = paths.indicator(paths.DEPARTMENT, len(indicators) - 1)
            notes.append(Note(f"关键指标下的“{line}”拆为指标“{match.group(1)}”和年度指标值“{match.group(2)}”"
                              f"（{paths.place_words(where)}）", location=where, source_text=line))
        else:
            indicators.append(Indicator(name=line))
            where = paths.indicator(paths.DEPARTMENT, len(indicators) - 1)
            notes.append(Note(f"关键指标下的“{line}”跨两栏，整段作为指标名称（{paths.place_words(where)}）",
                              location=where, source_text=line))
    if indicators:
        notes.append(Note(f"年度目标的 {len(indicators)} 个关键指标已作为部门绩效指标导入"
                          f"（{_span(paths.indicator(paths.DEPARTMENT, 0), len(indicators))}），预期实现值作为年度指标值；"
                          "2019 年表式不分一级/二级指标，已留空，请补填", location=paths.indicator(paths.DEPARTMENT, 0)))
    for index, (name, value) in enumerate(block.pairs):
        if not value:
            where = paths.indicator(paths.DEPARTMENT, index)
            notes.append(Note(f"关键指标“{name}”没有预期实现值（{paths.place_words(where)}）", location=where))
    return indicators


def _tasks(block: _Block, notes: list[str]) -> list[Task]:
    tasks = []
    for found in block.tasks:
        lines = "\n".join(f"{i}. {name}：{standard}" if name and standard and name != standard else f"{i}. {name or standard}"
                          for i, (name, standard) in enumerate(found["pairs"], 1))
        goal = "\n".join(found["goals"])
        expected = "\n".join(part for part in (goal, f"关键性指标及绩效标准：\n{lines}" if lines else "") if part)
        projects = "、".join(found["projects"])
        tasks.append(Task(name=found["name"], content=f"主要实施项目：{projects}" if projects else None,
                          expected=expected or None))
    if tasks:
        pairs = sum(len(t["pairs"]) for t in block.tasks)
        notes.append(Note(f"年度主要支出计划的 {len(tasks)} 项任务已作为年度重点工作任务导入（{_span(paths.task(0), len(tasks))}）："
                          f"任务的绩效目标及其 {pairs} 个关键性指标/绩效标准写入“{TASK_LABELS['expected']}”，"
                          f"主要实施项目写入“{TASK_LABELS['content']}”（现行表式的年度重点工作任务没有这些栏目）；"
                          f"2019 年表式没有{TASK_LABELS['funds']}，已留空", location=paths.task(0)))
    return tasks


def _span(first: str, count: int) -> str:
    """'部门整体 › 指标 1 起 11 项': where a run of imported items starts, in the form's words."""
    return paths.place_words(first) if count == 1 else f"{paths.place_words(first)} 起 {count} 项"
