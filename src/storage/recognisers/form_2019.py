"""The 2019 部门整体绩效目标表 (seed 004) → the current department form, by its labels wherever they stand.

The older form has 部门名称, 部门职能概述, 本年度部门预算收入 (总额, 1. 财政拨款收入 …, 5.其他收入), and under
年度目标 a 本年 and a 三年期 block, each with 部门整体支出目标 (the goal text), 关键指标/预期实现值 pairs and a
主要支出计划: 任务（政策）, 任务的绩效目标, 关键性指标 / 绩效标准 pairs, 主要实施项目. What the current form has no
field for is put where the clerk will see it, and the 导入说明 says where; the 三年期 block has no place in the
current form and is only reported.

Forms differ in where all this stands, so nothing is found by its place (form_2019_labels says what a cell is):
a label's value is in the same cell after ：/:, or in the next filled cell to its right, or below a header; the
blocks' parts (部门整体支出目标 with its 关键指标, and the 主要支出计划) are found by their headers in any order,
and grouped into blocks by what repeats (a second 主要支出计划 starts the next block); a block is 本年 or 三年期 by
its marks (the 本年/三年期 label column or heading, the plan header's 年度…/三年期…), else by its order. The plan is
read as a table under its column headers, or row by row from labelled cells (任务：…, 关键性指标：…), and a task
runs over its rows whether its cells are merged (filled or not) or repeated. A part found with nothing read
under it is said in a note, never left to a silent 0 项.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from ...model import paths
from ...model.declaration import (
    BUDGET_LABELS,
    TASK_LABELS,
    Budget,
    Department,
    Indicator,
    Task,
)
from ...model.notes import Note
from ..containers.sheet_grid import Grid
from .form_2019_labels import (
    INCOME,
    INCOME_LABEL,
    OTHER_INCOME,
    SPLIT_LINE,
    THIS_YEAR,
    THREE_YEARS,
    YEAR,
    LabelledGrid,
)
from .ocr_numbers import published_amount
from .published import (
    ImportedDepartment,
    amounts_in_yuan,
    clean_multiline,
    to_wanyuan,
    yuan_note,
)

_PLAN_ROLES = {"plan": "task", "task": "task", "task_goal": "goal", "indicator": "indicator", "standard": "standard",
               "projects": "projects"}
_COLUMNS = ("task", "goal", "indicator", "standard", "projects")  # the plan's columns (_PLAN_ROLES' values)
_NAMES = {"plan": "主要支出计划（任务）", "task": "任务（政策）", "goal": "部门整体支出目标", "task_goal": "任务的绩效目标",
          "indicator": "关键性指标", "standard": "绩效标准", "projects": "主要实施项目", "key": "关键指标",
          "expected": "预期实现值"}


@dataclass
class _Part:
    kind: str  # "key": 部门整体支出目标 and its 关键指标; "plan": the 主要支出计划
    start: int
    stop: int
    header: str = ""  # the plan's header text (年度主要支出计划…), or the goal label's value
    content: bool = False


@dataclass
class _Block:
    parts: list[_Part]
    label: str | None = None
    goal: str | None = None
    pairs: list[tuple[str, str]] = field(default_factory=list)
    spanning: list[str] = field(default_factory=list)  # a line across both columns: 其中：…：100%
    tasks: list[dict] = field(default_factory=list)
    glued: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)  # (row, header, columns): a PDF's
    key_glued: tuple[int, str, tuple[str, ...]] | None = None
    skipped: list[int] = field(default_factory=list)  # rows of the plan whose text stands outside its columns
    missing_columns: tuple[int, list[str]] | None = None  # (header row, the plan's columns not found in it)
    by_order: bool = False  # 本年 or 三年期 told by where the block stands, the form saying neither

    def part(self, kind: str) -> _Part | None:
        return next((p for p in self.parts if p.kind == kind), None)


def import_form_2019(grid: Grid) -> ImportedDepartment:
    form = LabelledGrid(grid)
    notes = [Note("这是 2019 年的部门整体绩效目标表（本年度部门预算收入、年度目标、年度主要支出计划），"
                  "已按现行的部门整体预算绩效目标申报表导入", location=paths.DEPARTMENT)]
    department = Department(name=_labelled(form, "name"), functions=_labelled(form, "functions"))
    yuan = amounts_in_yuan(grid, len(grid.rows) - 1)
    if yuan:  # the form says its amounts are in 元: the editor's unit is 万元
        notes.append(Note(yuan_note(yuan, "部门整体表"), location=paths.BUDGET))
    department.budget = _budget(form, notes, bool(yuan))
    blocks = _blocks(form)
    this_year = next((b for b in blocks if b.label == THIS_YEAR), None)
    if this_year is not None:
        department.overall_goal = this_year.goal
        department.indicators = _indicators(this_year, notes)
        department.tasks = _tasks(this_year, notes)
        _nothing_read(this_year, notes)
    else:
        notes.append(Note("没有找到本年的年度目标（部门整体支出目标、关键指标），总体绩效目标和绩效指标请补填",
                          location=paths.field(paths.DEPARTMENT, "overall_goal")))
        if not any(b.part("plan") for b in blocks):
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
    found = form.find(lambda label: label.role == "remarks")
    remark = clean_multiline(form.value(found[0], found[1]) or "") if found else None
    if remark:
        notes.append(Note(f"“其他需要说明的情况”未导入（现行表式没有此栏），原文：{remark}", location=paths.DEPARTMENT,
                          source_text=remark))
    return ImportedDepartment(grid.name, department, _year(grid), notes)


def _year(grid: Grid) -> int | None:
    for row in grid.rows[:8]:
        for value in row:
            match = YEAR.search("" if value is None else str(value))
            if match:
                return int(match.group(1))
    return None


def _labelled(form: LabelledGrid, role: str) -> str | None:
    found = form.find(lambda label: label.role == role)
    if found is None:
        return None
    value = form.value(found[0], found[1])
    return clean_multiline(value) if value else None


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


# ---- 年度目标: the parts, the blocks, their labels ------------------------------------------------

def _blocks(form: LabelledGrid) -> list[_Block]:
    blocks: list[_Block] = []
    for part in _parts(form):
        if not blocks or part.kind in {p.kind for p in blocks[-1].parts}:
            blocks.append(_Block([part]))
        else:
            blocks[-1].parts.append(part)
    _label_blocks(form, blocks)
    for block in blocks:
        for part in block.parts:
            (_read_key if part.kind == "key" else _read_plan)(form, part, block)
    return blocks


def _event(form: LabelledGrid, r: int, current: _Part | None) -> tuple[str, str] | None:
    """Whether row r starts (or goes on with) a part: ("key" | "plan", its header text), or None."""
    labels = form.row_labels(r)
    headers = {role for c, label in labels if form.is_header(r, c) for role in label.roles}
    for c, label in labels:
        if label.role == "goal":
            return "key", label.value or ""
    if "key" in headers:
        return "key", ""
    for c, label in labels:
        if label.role == "plan" and label.value is None:
            return "plan", label.words
    if {"indicator", "standard"} <= headers:
        return "plan", ""
    roles = {role for _, label in labels for role in label.roles}
    if (current is None or current.kind != "key") and "key" in roles:  # labelled 关键指标 with no header above
        return "key", ""
    if (current is None or current.kind != "plan") and roles & {"task", "indicator"}:  # labelled tasks, no header
        return "plan", ""
    return None


def _parts(form: LabelledGrid) -> list[_Part]:
    """The parts in the order they stand. A header of the part being read goes on with it when nothing was read
    since (a heading over a header row), or when it repeats the part's header (a page's repeated header, a goal
    repeated down its rows)."""
    parts: list[_Part] = []
    current: _Part | None = None
    for r in range(form.height):
        if form.ends_goals(r):
            if current is not None:
                current.stop = r
            current = None
            continue
        if r in form.repeated:
            continue
        event = _event(form, r, current)
        if event is not None and current is not None and current.kind == event[0] \
                and (not current.content or _same_text(event[1], current.header)):
            current.header = current.header or event[1]
            event = None
        if event is None:
            if current is not None and r > current.start and form.has_content(r):
                current.content = True
            continue
        if current is not None:
            current.stop = r
        current = _Part(event[0], r, form.height, header=event[1])
        parts.append(current)
    return parts


def _same_text(new: str, old: str) -> bool:
    """A header that goes on with the part's own: none, the same, or a piece of it (a cell cut by a page break)."""
    new, old = "".join(new.split()), "".join(old.split())
    return not new or new == old or (bool(old) and (old.startswith(new) or new.startswith(old)))


def _label_blocks(form: LabelledGrid, blocks: list[_Block]) -> None:
    """本年 or 三年期, by the marks in and above each block; unmarked blocks by their order."""
    votes = [Counter() for _ in blocks]

    def block_at(r: int) -> int | None:
        for index, block in enumerate(blocks):
            if any(p.start <= r < p.stop for p in block.parts):
                return index
        return None

    for index, block in enumerate(blocks):
        plan = block.part("plan")
        if plan is not None and plan.header:
            if plan.header.startswith(THREE_YEARS):
                votes[index][THREE_YEARS] += 5
            elif plan.header.startswith(("年度", "本年")):
                votes[index][THIS_YEAR] += 5
    starts = {p.start: index for index, block in enumerate(blocks) for p in block.parts}
    for (r, _), label in form.labels.items():
        if label.role not in ("this_year", "three_years") or label.value is not None:
            continue
        name = THIS_YEAR if label.role == "this_year" else THREE_YEARS
        if r in starts:  # in a part's header row: a label column beside it
            votes[starts[r]][name] += 1
        elif form.has_content(r) and block_at(r) is not None:  # beside the block's rows
            votes[block_at(r)][name] += 1
        else:  # a heading: over the block below it
            later = [i for i, b in enumerate(blocks) if b.parts[0].start > r]
            if later:
                votes[later[0]][name] += 2
    for block, counted in zip(blocks, votes):
        if counted:
            block.label = counted.most_common(1)[0][0]
    taken = {b.label for b in blocks}
    for block in blocks:
        if block.label is None:
            block.label = THIS_YEAR if THIS_YEAR not in taken else THREE_YEARS if THREE_YEARS not in taken else None
            block.by_order = len(blocks) > 1
            taken.add(block.label)
    first = next((b for b in blocks if b.label == THIS_YEAR), None)
    for block in blocks:
        if block.label == THIS_YEAR and block is not first:
            block.label = None  # another block that says 本年: reported, not mixed in


# ---- reading the parts ------------------------------------------------------------------------

def _read_key(form: LabelledGrid, part: _Part, block: _Block) -> None:
    rows = range(part.start, part.stop)
    goal = form.find(lambda label: label.role == "goal", part.start, part.stop)
    if goal is not None:
        r, c, label = goal
        if label.value is not None:
            block.goal = label.value
        else:
            block.goal = form.right(r, c) if form.is_field(r, c) else form.below(r, c, part.stop)
        block.goal = clean_multiline(block.goal or "")
    header = next(((r, c, label) for r in rows for c, label in form.row_labels(r)
                   if "key" in label.roles and form.is_header(r, c)), None)
    if header is None:
        _read_labelled_key(form, part, block)
        return
    h, name_column, label = header
    if label.glued:
        block.key_glued = (h, form.text(h, name_column), label.roles)
    value_column = next((c for c, other in form.row_labels(h) if "expected" in other.roles and form.is_header(h, c)
                         and c != name_column), None)
    goal_text = "".join((block.goal or "").split())
    for r in range(h + 1, part.stop):
        if form.is_aside(r):
            continue
        name = _cell_value(form, r, name_column, "key")
        if name is None or (goal_text and "".join(name.split()) == goal_text):
            continue  # the header again; the goal's merged cell over the name column
        if value_column is not None:
            value = _cell_value(form, r, value_column, "expected") or ""
        else:
            value = form.right(r, name_column) or ""
        _pair(block, name, value)


def _read_labelled_key(form: LabelledGrid, part: _Part, block: _Block) -> None:
    """关键指标：… | 预期实现值：…, or 关键指标 | … | 预期实现值 | …, or both in one cell; the line across both columns."""
    for r in range(part.start, part.stop):
        items = _labelled_items(form, r, ("key", "expected"))
        names = [text for role, text, _ in items if role == "key"]
        values = [text for role, text, _ in items if role == "expected"]
        if not names and values and block.pairs and not block.pairs[-1][1]:  # 预期实现值 on the row below its 关键指标
            block.pairs[-1] = (block.pairs[-1][0], values[0])
            continue
        for k, name in enumerate(names):  # more than one: rows a PDF ran together, each 关键指标 with its value
            _pair(block, name, values[k] if k < len(values) else "")
        if names:
            continue
        for c in range(form.width(r)):
            text = form.text(r, c)
            if text.startswith("其中") and SPLIT_LINE.match(text) and text != block.goal and not form.labels.get((r, c)):
                block.spanning.append(text)
                break


def _cell_value(form: LabelledGrid, r: int, c: int, role: str) -> str | None:
    """The text under a column header: a labelled cell's value, nothing for a bare label (a repeated header)."""
    items = _column_items(form, r, c, role)
    return None if items is None else items[0][1] if items else ""


def _column_items(form: LabelledGrid, r: int, c: int, role: str) -> list[tuple[str, str]] | None:
    """(role, text) of the cell under a column header, with the labelled values that follow in it; None for a bare
    label (the header again, after a page break)."""
    text = form.text(r, c)
    if not text:
        return []
    label = form.labels.get((r, c))
    if label is None:
        return [(role, text)]
    if label.value is None:  # 绩效标准100%: a PDF ran the label into its value
        return [(role, label.tail)] if label.tail and not label.glued and label.role in (role, _role_words(role)) \
            else None
    own = [(role, label.value if label.role in (role, _role_words(role)) else text)]
    return own + [(_PLAN_ROLES.get(m.role, m.role), m.value) for m in label.more if m.value]


def _pair(block: _Block, name: str, value: str) -> None:
    name, value = name.strip(), value.strip()
    if not (name or value):
        return
    if name == value or (name and not value and SPLIT_LINE.match(name) and name.startswith("其中")):
        block.spanning.append(name)
    else:
        block.pairs.append((name, value))


def _read_plan(form: LabelledGrid, part: _Part, block: _Block) -> None:
    columns: dict[str, int] = {}
    first = part.start
    for r in range(part.start, min(part.stop, part.start + 3)):
        found: dict[str, int] = {}
        glued = []
        for c, label in form.row_labels(r):
            roles = [_PLAN_ROLES[role] for role in label.roles if role in _PLAN_ROLES]
            if roles and form.is_header(r, c) and roles[0] not in found:
                found[roles[0]] = c
                if label.glued or label.stray:
                    glued.append((r, form.text(r, c), label.roles))
        if {"indicator", "standard"} & found.keys():
            columns, first = found, r
            block.glued += glued
            held = {_PLAN_ROLES[role] for _, _, roles in glued for role in roles if role in _PLAN_ROLES}
            block.missing_columns = (r, [c for c in _COLUMNS if c not in found and c not in held])
            break
    tasks = _Tasks(block)
    for r in range(first + 1 if columns else part.start, part.stop):
        if form.is_aside(r):
            continue
        if not columns:
            cells = [[(_PLAN_ROLES[role], text, glued) for role, text, glued in cell if role != "plan"]
                     for cell in _labelled_cells(form, r, tuple(_PLAN_ROLES))]
            cells = [cell for cell in cells if cell]
            for row in _rows_run_together(cells, [cell[0][0] for cell in cells]):
                tasks.add(row, r)
            continue
        if _outside(form, r, min(columns.values())):
            block.skipped.append(r)
            continue
        cells = [_column_items(form, r, c, role) for role, c in sorted(columns.items(), key=lambda x: x[1])]
        if any(cell is None for cell in cells):
            continue  # the header again, after a page break
        cells = [[(role, text, None) for role, text in cell] for cell in cells]
        for row in _rows_run_together(cells, sorted(columns, key=columns.get)):
            tasks.add([(_PLAN_ROLES.get(item[0], item[0]), *item[1:]) for item in row], r)


def _rows_run_together(cells: list[list[tuple]], roles: list[str]) -> list[list[tuple]]:
    """A row's items, as one row or as the rows a PDF ran together into it: a cell that holds its column's label
    twice (关键性指标：…关键性指标：…) holds two rows' cells, the k-th of each column going with the k-th of the others."""
    pieces = []
    for cell, role in zip(cells, roles):
        runs: list[list[tuple]] = []
        for item in cell:
            if not runs or item[0] == role:
                runs.append([])
            runs[-1].append(item)
        pieces.append(runs)
    count = max((len(runs) for runs in pieces), default=0)
    if count <= 1:
        return [[item for cell in cells for item in cell]]
    return [[item for runs in pieces if k < len(runs) for item in runs[k]] for k in range(count)]


def _outside(form: LabelledGrid, r: int, left: int) -> bool:
    """A row whose text stands left of the table's columns: not one of its rows (in a PDF, the pieces of a cell
    cut by a page break come out so)."""
    for c in range(min(left, form.width(r))):
        text = "".join(form.text(r, c).split())
        if len(text) >= 4 and not form.labels.get((r, c)) and not text.replace(".", "").isdigit():
            return True
    return False


def _role_words(role: str) -> str:
    return {"task": "task", "goal": "task_goal"}.get(role, role)


def _labelled_items(form: LabelledGrid, r: int, roles: tuple[str, ...]) -> list[tuple[str, str, tuple | None]]:
    """A row's labelled cells of these roles as (role, value, the roles of labels run together or None):
    任务（政策）：… in one cell (with any label：value after it there), 任务 | … in two, or 绩效标准100% where a PDF ran
    the label into its value."""
    return [item for cell in _labelled_cells(form, r, roles) for item in cell]


def _labelled_cells(form: LabelledGrid, r: int, roles: tuple[str, ...]) -> list[list[tuple[str, str, tuple | None]]]:
    cells = []
    for c, label in form.row_labels(r):
        if c > 0 and form.text(r, c) == form.text(r, c - 1):
            continue  # a merged cell's copy
        items: list[tuple[str, str, tuple | None]] = []
        if label.glued:  # 任务（政策）任务（政策）的绩效目标 | …: two rows' labels and values run together
            right = form.right(r, c)
            if label.role in roles and right:
                items.append((label.role, right, label.roles))
        for one in (label, *label.more) if not label.glued else ():
            if one.role not in roles:
                continue
            if one.value is not None:
                items.append((one.role, one.value, None))
                continue
            right = form.right(r, c) if one is label else None
            if right is not None:
                items.append((one.role, right, None))
            elif one.tail is not None:
                items.append((one.role, one.tail, None))
        if items:
            cells.append(items)
    return cells


class _Tasks:
    """Rows of the plan → tasks: a task's name starts it, and it runs until another name; its goal and projects
    once however many rows repeat them; each 关键性指标 with the 绩效标准 beside or after it."""

    def __init__(self, block: _Block):
        self.block = block
        self.task: dict | None = None

    def add(self, items: list[tuple[str, str, tuple | None]], row: int) -> None:
        pair_here: list | None = None
        for role, text, glued in items:
            text = (text or "").strip()
            if not text:
                continue
            if role == "task":  # a new name starts a task; a piece of the name (a page break cut it) goes on with it
                if self.task is None or not _same_text(text, self.task["name"] or ""):
                    self._start(text, row)
            elif self.task is None:
                self._start(None, row)
            task = self.task
            if glued:
                task["glued"].append((row, glued))
            if role == "task":
                continue
            if role in ("goal", "projects"):
                bucket = task["goals" if role == "goal" else "projects"]
                if text not in bucket:
                    bucket.append(text)
            elif role == "indicator":
                pair_here = [text, ""]
                task["pairs"].append(pair_here)
            elif role == "standard":
                if pair_here is not None and not pair_here[1]:
                    pair_here[1] = text
                elif task["pairs"] and not task["pairs"][-1][1] and task["pairs"][-1] is not pair_here:
                    task["pairs"][-1][1] = text  # the 绩效标准 on the row below its 关键性指标
                else:
                    pair_here = ["", text]
                    task["pairs"].append(pair_here)

    def _start(self, name: str | None, row: int) -> None:
        self.task = {"name": name, "goals": [], "pairs": [], "projects": [], "row": row, "glued": []}
        self.block.tasks.append(self.task)


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
    for index, found in enumerate(block.tasks):
        lines = "\n".join(f"{i}. {name}：{standard}" if name and standard and name != standard else f"{i}. {name or standard}"
                          for i, (name, standard) in enumerate(found["pairs"], 1))
        goal = "\n".join(found["goals"])
        expected = "\n".join(part for part in (goal, f"关键性指标及绩效标准：\n{lines}" if lines else "") if part)
        projects = "\n".join(found["projects"])
        tasks.append(Task(name=clean_multiline(found["name"] or ""), content=f"主要实施项目：{projects}" if projects else None,
                          expected=expected or None))
        where = paths.task(index)
        if found["name"] is None:
            notes.append(Note(f"第 {found['row'] + 1} 行起的任务没有读出名称（{paths.place_words(where)}），"
                              "其绩效目标、关键性指标已导入，名称请按原表补填", location=where, row=found["row"] + 1))
        glued = [(row, f"表头“{header}”", columns) for row, header, columns in block.glued]
        glued += [(row, "这一行的栏目名", columns) for row, columns in found["glued"]]
        for row, what, columns in glued[:1]:
            held = (f"是{'、'.join(_NAMES.get(c, c) for c in columns)}几栏连在一起" if len(columns) > 1
                    else "夹着别的栏目的文字")
            notes.append(Note(f"任务“{found['name'] or ''}”（{paths.place_words(where)}）：原表第 {row + 1} 行{what}中{held}"
                              "（PDF 中栏与栏之间的线没有读出），其下的文字也可能连在一起或错位，无法分开，请对照原表核对这项任务",
                              location=where, row=found["row"] + 1))
    if tasks:
        pairs = sum(len(t["pairs"]) for t in block.tasks)
        notes.append(Note(f"年度主要支出计划的 {len(tasks)} 项任务已作为年度重点工作任务导入（{_span(paths.task(0), len(tasks))}）："
                          f"任务的绩效目标及其 {pairs} 个关键性指标/绩效标准写入“{TASK_LABELS['expected']}”，"
                          f"主要实施项目写入“{TASK_LABELS['content']}”（现行表式的年度重点工作任务没有这些栏目）；"
                          f"2019 年表式没有{TASK_LABELS['funds']}，已留空", location=paths.task(0)))
    return tasks


def _nothing_read(block: _Block, notes: list[str]) -> None:
    """A part found with nothing read under it is said, never left to a silent 0."""
    key, plan = block.part("key"), block.part("plan")
    if key is None:
        notes.append(Note("本年的年度目标中没有找到“部门整体支出目标”和“关键指标”，总体绩效目标和绩效指标请补填",
                          location=paths.field(paths.DEPARTMENT, "overall_goal")))
    else:
        if block.key_glued is not None:
            row, header, columns = block.key_glued
            notes.append(Note(f"第 {row + 1} 行的表头“{header}”一格中是{'、'.join(_NAMES.get(c, c) for c in columns)}"
                              "几栏连在一起（PDF 中栏与栏之间的线没有读出），其下的文字也可能连在一起：绩效指标表中从这里导入的"
                              f"{len(block.pairs) + len(block.spanning)} 个指标请对照原表核对",
                              location=paths.indicators(paths.DEPARTMENT), row=row + 1))
        if not block.goal:
            notes.append(Note(f"第 {key.start + 1} 行的“部门整体支出目标”下没有读出目标，总体绩效目标请按原表补填",
                              location=paths.field(paths.DEPARTMENT, "overall_goal"), row=key.start + 1))
        if not (block.pairs or block.spanning):
            notes.append(Note(f"第 {key.start + 1} 行起的“关键指标”下没有读出指标和预期实现值，绩效指标表中没有从这里导入的指标，"
                              "请按原表补填", location=paths.indicators(paths.DEPARTMENT), row=key.start + 1))
    if block.missing_columns and block.missing_columns[1] and block.tasks:
        row, columns = block.missing_columns
        names = "、".join(f"“{_NAMES['task_goal' if c == 'goal' else c]}”" for c in columns)
        notes.append(Note(f"没有找到年度主要支出计划（第 {row + 1} 行表头）的{names}栏，其下的内容未读出："
                          "年度重点工作任务请对照原表核对补填", location=paths.TASKS, row=row + 1))
    if block.skipped:
        rows = "、".join(str(r + 1) for r in block.skipped[:8]) + ("等" if len(block.skipped) > 8 else "")
        notes.append(Note(f"年度主要支出计划中第 {rows} 行的文字不在表格的栏目里（多是跨页断开的单元格），未导入，"
                          "请对照原表核对年度重点工作任务", location=paths.TASKS, row=block.skipped[0] + 1))
    if plan is None:
        notes.append(Note("没有找到本年的年度主要支出计划，年度重点工作任务请补填", location=paths.TASKS))
    elif not block.tasks:
        notes.append(Note(f"第 {plan.start + 1} 行的“{plan.header or '年度主要支出计划'}”下没有找到能读出的任务"
                          "（任务、关键性指标、绩效标准），年度重点工作任务请按原表补填", location=paths.TASKS,
                          row=plan.start + 1))


def _span(first: str, count: int) -> str:
    """'部门整体 › 指标 1 起 11 项': where a run of imported items starts, in the form's words."""
    return paths.place_words(first) if count == 1 else f"{paths.place_words(first)} 起 {count} 项"
