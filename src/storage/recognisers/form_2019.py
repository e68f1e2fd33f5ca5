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

A PDF's grid is not the sheet's (containers/pdf): without ruling lines its cells are cut where the text lies, so a
cell can stand between two headers, rows merged down join the rows beside them, two cells' texts run together, a
row too low for its text pushes it into the row above, and columns that did not fit the page go to other pages.
What the form's shape settles is read (a 关键指标 row's two texts are the indicator and its value, left to right; a
plan row's two texts beside the task's own cells are a 关键性指标 and its 绩效标准; the one header cell that is no
label between two that are heads the column missing there), and said on the indicator or task; what it does not
(more texts than the row has fields) is left out and said — a field not read is left empty with a note at it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from ...model import paths
from ...model.declaration import (
    BUDGET_LABELS,
    DECLARATION_LABELS,
    DEPARTMENT_LABELS,
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
    NAME,
    OTHER_COLUMN,
    OTHER_INCOME,
    SPLIT_LINE,
    THIS_YEAR,
    THREE_YEARS,
    TOP_ROLES,
    YEAR,
    Label,
    LabelledGrid,
    read_label,
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
_NO_LABEL = Label("", None, "")
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
    key_by_order: list[tuple[int, int]] = field(default_factory=list)  # (row, pair index): 关键指标 read left to right
    key_skipped: list[int] = field(default_factory=list)  # rows of 关键指标 under no header that could not be read
    guessed_header: tuple[int, str, str] | None = None  # (row, text, column): a plan header read by where it stands

    def part(self, kind: str) -> _Part | None:
        return next((p for p in self.parts if p.kind == kind), None)


def import_form_2019(grid: Grid) -> ImportedDepartment:
    form = LabelledGrid(grid)
    notes = [Note("这是 2019 年的部门整体绩效目标表（本年度部门预算收入、年度目标、年度主要支出计划），"
                  "已按现行的部门整体预算绩效目标申报表导入", location=paths.DEPARTMENT)]
    department = Department(name=_labelled(form, "name"), functions=_labelled(form, "functions"))
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
    headers = {} if label.glued else form.header_columns(h, {"goal": "goal", "key": "key", "expected": "expected"})
    left = min((min(columns) for role, columns in headers.items() if role != OTHER_COLUMN), default=0)
    for r in range(h + 1, part.stop):
        if form.is_aside(r):
            continue
        texts = _unaligned(form, r, headers, left, lambda role, text: role == "goal" or _is_piece(text, goal_text))
        if texts is not None:
            _key_by_order(block, r, texts)
            continue
        name = _cell_value(form, r, name_column, "key")
        if name is None or (goal_text and "".join(name.split()) == goal_text):
            continue  # the header again; the goal's merged cell over the name column
        if value_column is not None:
            value = _cell_value(form, r, value_column, "expected") or ""
        else:
            value = form.right(r, name_column) or ""
        _pair(block, name, value)


def _is_piece(text: str, whole: str) -> bool:
    """A cell holding the whole text or a piece of it (a merged cell cut by a page break, or printed again)."""
    text = "".join(text.split())
    return bool(text) and bool(whole) and text in whole


def _unaligned(form: LabelledGrid, r: int, headers: dict[str, set[int]], left: int, constant) -> list[tuple[str | None, str]] | None:
    """A row whose text does not stand under the headers (a PDF without rules, cut into columns by where its text
    lies, puts a cell between two headers): its runs of text left to right as (the header it stands under or None,
    text), without those constant(role, text) says are the part's merged cells; None when every cell stands under
    one header (read by its column) or the row repeats a header."""
    if not headers:
        return None
    runs = [(form.column_role(columns, headers), text, columns) for columns, text in form.runs(r, left)]
    if not any(role is None for role, _, _ in runs):
        return None
    runs = [(role, text, columns) for role, text, columns in runs if role != OTHER_COLUMN]
    if any(form.bare(r, columns[0]) for _, _, columns in runs):
        return None  # a header again, or a heading
    return [(role, text) for role, text, _ in runs if not constant(role, text)]


def _key_by_order(block: _Block, r: int, texts: list[tuple[str | None, str]]) -> None:
    """A 关键指标 row whose cells stand under no header: its two texts are the indicator and its 预期实现值, in that
    order; one text across the columns is a 其中：…：100% line; anything else cannot be told apart."""
    if len(texts) == 2:
        _pair(block, texts[0][1], texts[1][1])
        if block.pairs and block.pairs[-1] == (texts[0][1].strip(), texts[1][1].strip()):
            block.key_by_order.append((r, len(block.pairs) - 1))
    elif len(texts) == 1 and texts[0][1].startswith("其中") and SPLIT_LINE.match(texts[0][1]):
        block.spanning.append(texts[0][1])
    elif texts:
        block.key_skipped.append(r)


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
    header: tuple[int, dict[str, int], list] | None = None
    for r in range(part.start, min(part.stop, part.start + 3)):
        found: dict[str, int] = {}
        glued = []
        for c, label in form.row_labels(r):
            roles = [_PLAN_ROLES[role] for role in label.roles if role in _PLAN_ROLES]
            if roles and form.is_header(r, c) and roles[0] not in found:
                found[roles[0]] = c
                if label.glued or label.stray:
                    glued.append((r, form.text(r, c), label.roles))
        # the row naming most columns: a header cell too low for its text can push a piece of it into the row above
        if {"indicator", "standard"} & found.keys() and (header is None or len(found) > len(header[1])):
            header = (r, found, glued)
    if header is not None:
        first, columns, glued = header
        if len(columns) >= 3:  # a header row: its other labels head columns too, whatever stands beside them
            for c, label in form.row_labels(first):
                role = _PLAN_ROLES.get(label.role)
                if role is not None and role not in columns and form.bare(first, c) and not label.glued:
                    columns[role] = c
        block.glued += glued
        held = {_PLAN_ROLES[role] for _, _, roles in glued for role in roles if role in _PLAN_ROLES}
        _unreadable_header(form, first, columns, held, block)
        _above_header(form, part.start, first, block)
        block.missing_columns = (first, [c for c in _COLUMNS if c not in columns and c not in held])
    tasks = _Tasks(block, (NAME, _labelled(form, "name") or ""))
    headers = form.header_columns(first, _PLAN_ROLES) if columns and not block.glued else {}
    if headers and block.guessed_header is not None:  # the header cell read by where it stands heads its column
        _, _, role = block.guessed_header
        cells = {c for c in range(form.width(first)) if form.text(first, c) == form.text(first, columns[role])}
        headers[OTHER_COLUMN] = headers.get(OTHER_COLUMN, set()) - cells
        headers[role] = cells
    before = len(block.tasks)
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
        texts = _unaligned(form, r, headers, min(columns.values()), lambda role, text: False)
        if texts is not None:
            _plan_by_order(tasks, r, texts)
            continue
        cells = [_column_items(form, r, c, role) for role, c in sorted(columns.items(), key=lambda x: x[1])]
        if any(cell is None for cell in cells):
            continue  # the header again, after a page break
        cells = [[(role, text, None) for role, text in cell] for cell in cells]
        for row in _rows_run_together(cells, sorted(columns, key=columns.get)):
            tasks.add([(_PLAN_ROLES.get(item[0], item[0]), *item[1:]) for item in row], r)
    if any({"task", "goal"} <= {_PLAN_ROLES.get(role) for role in roles} for _, header, roles in block.glued
           if (read_label(header) or _NO_LABEL).glued):
        for task in block.tasks[before:]:  # the task column holds the name and the goal run together
            task["name_glued"] = True


def _above_header(form: LabelledGrid, start: int, header: int, block: _Block) -> None:
    """Rows of the plan's part above its header row (a row too low for its text pushes it into the row above): the
    关键指标's line across both columns (其中：…：100%) is taken wherever it stands, as _read_key takes it, when the
    block's 关键指标 stand right above its plan."""
    key = block.part("key")
    if key is None or key.start > start:
        return
    for r in range(start, header):
        for text in dict.fromkeys(form.text(r, c) for c in range(form.width(r))):
            for line in text.splitlines():
                line = line.strip()
                if line.startswith("其中") and SPLIT_LINE.match(line) and line not in block.spanning:
                    block.spanning.append(line)


def _unreadable_header(form: LabelledGrid, r: int, columns: dict[str, int], held: set[str], block: _Block) -> None:
    """One column of the plan not named in its header row, and one header cell there that is no label (a cell too
    low for its text prints only a piece of it: 、公众满意度方面）) between the columns that stand either side of it
    in the form: that cell heads the missing column, and the note says so."""
    missing = [role for role in _COLUMNS if role not in columns and role not in held]
    if len(missing) != 1 or missing[0] in ("task", "projects"):
        return
    at = _COLUMNS.index(missing[0])
    before, after = columns.get(_COLUMNS[at - 1]), columns.get(_COLUMNS[at + 1])
    if before is None or after is None or before >= after:
        return
    unread = [(c, text) for c, text in ((c, form.text(r, c)) for c in range(before + 1, after))
              if text and text != form.text(r, before) and text != form.text(r, after) and (r, c) not in form.labels]
    if len({text for _, text in unread}) != 1:
        return
    columns[missing[0]] = unread[0][0]
    block.guessed_header = (r, unread[0][1], missing[0])


_ONCE_A_TASK = ("task", "goal", "projects")  # the plan's cells merged down a task's rows (or repeated in each)


def _plan_by_order(tasks: _Tasks, r: int, texts: list[tuple[str | None, str]]) -> None:
    """A plan row whose cells stand under no header: the task's own cells where they stand under theirs, and of the
    rest two texts are a 关键性指标 and its 绩效标准, left to right; more (or one under no header) cannot be told apart,
    and are said on the task."""
    items = [(role, text, None) for role, text in texts if role in _ONCE_A_TASK]
    rest = [(role, text) for role, text in texts if role not in _ONCE_A_TASK]
    by_order = len(rest) == 2
    if by_order:
        items += [("indicator", rest[0][1], None), ("standard", rest[1][1], None)]
    elif len(rest) == 1 and rest[0][0] is not None:
        items.append((rest[0][0], rest[0][1], None))
    tasks.add(items, r)
    if rest and (by_order or rest[0][0] is None or len(rest) > 2):
        if tasks.task is None:
            tasks.block.skipped.append(r)
        else:
            tasks.task["by_order" if by_order else "unread"].append(r)


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

    def __init__(self, block: _Block, page_header: tuple[str, ...] = ()):
        self.block = block
        self.task: dict | None = None
        self.page_header = tuple(words for words in page_header if words)  # 部门名称 and its value, repeated by a page

    def _goes_on(self, text: str) -> bool:
        """A name that is the current task's, or a piece of it (a page break cut the cell), also when the page's
        repeated 部门名称 row was drawn into the cell (部门名称深入开展…广州市天河区司法局)."""
        name = self.task["name"] or "" if self.task is not None else None
        if name is None:
            return False
        if _same_text(text, name):
            return True
        bare = "".join(text.split())
        for words in self.page_header:
            bare = bare.replace("".join(words.split()), "")
        return bare != "".join(text.split()) and _same_text(bare, name)

    def add(self, items: list[tuple[str, str, tuple | None]], row: int) -> None:
        pair_here: list | None = None
        for role, text, glued in items:
            text = (text or "").strip()
            if not text:
                continue
            if role == "task":  # a new name starts a task; a piece of the name (a page break cut it) goes on with it
                if not self._goes_on(text):
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
        self.task = {"name": name, "goals": [], "pairs": [], "projects": [], "row": row, "glued": [], "by_order": [],
                     "unread": []}
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
    for row, index in block.key_by_order:
        where = paths.indicator(paths.DEPARTMENT, index)
        notes.append(Note(f"关键指标“{block.pairs[index][0]}”（{paths.place_words(where)}）：原表第 {row + 1} 行的文字没有对齐"
                          "表头的栏目（PDF 的表格没有框线时按文字位置分栏），按左右先后读作指标和预期实现值，请对照原表核对",
                          location=where, row=row + 1))
    if block.key_skipped:
        rows = _rows_words(block.key_skipped)
        notes.append(Note(f"原表第 {rows} 行的关键指标没有对齐表头的栏目，分不清哪段是指标、哪段是预期实现值（多是 PDF 中相邻的行或栏"
                          "连在了一起），未导入：绩效指标表中缺少这几行的关键指标，请按原表补填",
                          location=paths.indicators(paths.DEPARTMENT), row=block.key_skipped[0] + 1))
    for index, (name, value) in enumerate(block.pairs):
        if value and not name:  # a row with a value only: its name drawn into the row above, as a rule
            where = paths.indicator(paths.DEPARTMENT, index)
            above = f"，可能印进了上一行的“{block.pairs[index - 1][0]}”" if index and block.pairs[index - 1][0] else ""
            notes.append(Note(f"关键指标（{paths.place_words(where)}）只读出预期实现值“{value}”，没有读出指标名称（PDF 中名称"
                              f"{above or '可能印在了别处'}），请对照原表补填", location=where, source_text=value))
            if above:
                before = paths.indicator(paths.DEPARTMENT, index - 1)
                notes.append(Note(f"关键指标“{block.pairs[index - 1][0]}”（{paths.place_words(before)}）可能连着下一行的指标名称，"
                                  "请对照原表核对", location=before))
        if not value:
            where = paths.indicator(paths.DEPARTMENT, index)
            notes.append(Note(f"关键指标“{name}”没有预期实现值（{paths.place_words(where)}）", location=where))
    return indicators


def _tasks(block: _Block, notes: list[str]) -> list[Task]:
    tasks = []
    for index, found in enumerate(block.tasks):
        if found.get("name_glued") and found["name"]:  # kept whole in both: the clerk cuts it where it turns
            where = paths.task(index)
            notes.append(Note(f"{paths.place_words(where)}：原表中任务名称和任务的绩效目标连成了一段（PDF 中两栏之间的线没有读出），"
                              f"分不出名称到哪里为止：整段既写入名称，也写入“{TASK_LABELS['expected']}”，请在名称中删去绩效目标、"
                              "在期望达到的目标中删去开头的名称", location=where, row=found["row"] + 1, source_text=found["name"]))
            found["goals"] = [found["name"], *(g for g in found["goals"] if g not in found["name"])]
        lines = "\n".join(f"{i}. {name}：{standard}" if name and standard and name != standard else f"{i}. {name or standard}"
                          for i, (name, standard) in enumerate(found["pairs"], 1))
        goal = "\n".join(found["goals"])
        expected = "\n".join(part for part in (goal, f"关键性指标及绩效标准：\n{lines}" if lines else "") if part)
        projects = "\n".join(found["projects"])
        tasks.append(Task(name=clean_multiline(found["name"] or ""), content=f"主要实施项目：{projects}" if projects else None,
                          expected=expected or None))
        _task_notes(block, index, found, notes)
    if tasks:
        pairs = sum(len(t["pairs"]) for t in block.tasks)
        notes.append(Note(f"年度主要支出计划的 {len(tasks)} 项任务已作为年度重点工作任务导入（{_span(paths.task(0), len(tasks))}）："
                          f"任务的绩效目标及其 {pairs} 个关键性指标/绩效标准写入“{TASK_LABELS['expected']}”，"
                          f"主要实施项目写入“{TASK_LABELS['content']}”（现行表式的年度重点工作任务没有这些栏目）；"
                          f"2019 年表式没有{TASK_LABELS['funds']}，已留空", location=paths.task(0)))
    return tasks


def _task_notes(block: _Block, index: int, found: dict, notes: list[str]) -> None:
    """What the reader could not tell about one task, said at the task."""
    where = paths.task(index)
    if found["name"] is None:
        notes.append(Note(f"第 {found['row'] + 1} 行起的任务没有读出名称（{paths.place_words(where)}），"
                          "其绩效目标、关键性指标已导入，名称请按原表补填", location=where, row=found["row"] + 1))
    alone = [(name, standard) for name, standard in found["pairs"] if bool(name) != bool(standard)]
    if alone:
        said = "；".join(f"关键性指标“{name}”没有读出绩效标准" if name else f"绩效标准“{standard}”没有读出对应的关键性指标"
                        for name, standard in alone[:3]) + ("等" if len(alone) > 3 else "")
        notes.append(Note(f"任务“{found['name'] or ''}”（{paths.place_words(where)}）：{said}（PDF 中可能印进了相邻的行），"
                          "请对照原表核对", location=where, row=found["row"] + 1))
    if found["by_order"]:
        notes.append(Note(f"任务“{found['name'] or ''}”（{paths.place_words(where)}）：原表第 {_rows_words(found['by_order'])} 行"
                          "的文字没有对齐表头的栏目（PDF 的表格没有框线时按文字位置分栏），其中的关键性指标和绩效标准按左右先后读出，"
                          "请对照原表核对", location=where, row=found["by_order"][0] + 1))
    if found["unread"]:
        notes.append(Note(f"任务“{found['name'] or ''}”（{paths.place_words(where)}）：原表第 {_rows_words(found['unread'])} 行"
                          "的文字没有对齐表头的栏目，分不清哪段是关键性指标、哪段是绩效标准（多是 PDF 中相邻的行或栏连在了一起），"
                          "未导入，请按原表补填这项任务的关键性指标和绩效标准", location=where, row=found["unread"][0] + 1))
    glued = [(row, f"表头“{header}”", columns) for row, header, columns in block.glued]
    glued += [(row, "这一行的栏目名", columns) for row, columns in found["glued"]]
    for row, what, columns in glued[:1]:
        held = (f"是{'、'.join(_NAMES.get(c, c) for c in columns)}几栏连在一起" if len(columns) > 1
                else "夹着别的栏目的文字")
        notes.append(Note(f"任务“{found['name'] or ''}”（{paths.place_words(where)}）：原表第 {row + 1} 行{what}中{held}"
                          "（PDF 中栏与栏之间的线没有读出），其下的文字也可能连在一起或错位，无法分开，请对照原表核对这项任务",
                          location=where, row=found["row"] + 1))


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
    if block.guessed_header is not None:
        row, text, column = block.guessed_header
        notes.append(Note(f"年度主要支出计划第 {row + 1} 行表头中的“{text}”不是完整的栏目名（多是行高不够，表头文字只印出一部分），"
                          f"按它所在的位置作为“{_NAMES['task_goal' if column == 'goal' else column]}”栏读取，请对照原表核对"
                          "年度重点工作任务", location=paths.TASKS, row=row + 1))
    if block.missing_columns and block.missing_columns[1] and block.tasks:
        row, columns = block.missing_columns
        names = "、".join(f"“{_NAMES['task_goal' if c == 'goal' else c]}”" for c in columns)
        notes.append(Note(f"没有找到年度主要支出计划（第 {row + 1} 行表头）的{names}栏，其下的内容未读出："
                          "年度重点工作任务请对照原表核对补填", location=paths.TASKS, row=row + 1))
    if block.skipped:
        rows = _rows_words(block.skipped)
        notes.append(Note(f"年度主要支出计划中第 {rows} 行的文字不在表格的栏目里（多是跨页断开的单元格，或 PDF "
                          "中错了位的栏），未导入：这几行里可能有没有找到的任务，年度重点工作任务请对照原表核对补填",
                          location=paths.TASKS, row=block.skipped[0] + 1))
    if plan is None:
        notes.append(Note("没有找到本年的年度主要支出计划，年度重点工作任务请补填", location=paths.TASKS))
    elif not block.tasks:
        notes.append(Note(f"第 {plan.start + 1} 行的“{plan.header or '年度主要支出计划'}”下没有找到能读出的任务"
                          "（任务、关键性指标、绩效标准），年度重点工作任务请按原表补填", location=paths.TASKS,
                          row=plan.start + 1))


def _rows_words(rows: list[int]) -> str:
    return "、".join(str(r + 1) for r in rows[:8]) + ("等" if len(rows) > 8 else "")


def _span(first: str, count: int) -> str:
    """'部门整体 › 指标 1 起 11 项': where a run of imported items starts, in the form's words."""
    return paths.place_words(first) if count == 1 else f"{paths.place_words(first)} 起 {count} 项"
