"""The 部门整体预算绩效目标申报表 (seeds 001, 003) → the department, finding everything by its label, never by coordinates.

部门名称, 部门职能概述 and 总体绩效目标 are the text right of their labels, the amounts of 预算整体情况 the cell right
beside each; the 年度重点工作任务 and 绩效指标 tables are read under their header rows. It returns what it recovered
with notes in Chinese on what it had to guess or skip, and the places the form has (what the self-check says was read
empty there). The editor's own department sheet is read here too (published=False). Whether a grid is a department
form of either layout is told here; the 2019 one is read by form_2019/.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

from ....model import paths
from ....model.declaration import (
    DEPARTMENT_LABELS,
    Budget,
    Department,
)
from ....model.notes import Note
from ...containers.sheet_grid import Grid, label_key
from ..field_shapes import (
    excerpt,
    is_number,
    organisation_misfit,
)
from ..form_2019.labels import is_form_2019
from ..ocr_numbers import published_amount
from ..published import (
    ACHIEVED_WORDS,
    EXPECTED_WORDS,
    YEAR,
    ImportedDepartment,
    amounts_in_yuan,
    cell_str,
    clean_multiline,
    labels_over_amounts,
    self_evaluation_note,
    to_wanyuan,
    unplaced_under,
    yuan_note,
)
from .indicators import read_indicator_table
from .tasks import read_tasks
from .words import (
    ALL_GOALS,
    BUDGET_KEYS,
    BUDGET_WORDS,
    FORM_LABELS,
    FUNCTION_LABELS,
    GOALS,
    NAME,
    NAMES,
    SHARED_GOALS,
    TASK_HEADERS,
    TITLE_ROWS,
    form_key,
)


def is_department_form(grid: Grid) -> bool:
    """A department form of either layout: the current one, or the 2019 one that grid_import hands to
    form_2019/reader.py (never to import_department_form, which would misread it)."""
    return is_current_department_form(grid) or is_form_2019(grid)


def is_current_department_form(grid: Grid) -> bool:
    keys = {form_key(value) for row in grid.rows[:200] for value in row if value is not None}
    shared = "项目名称" not in keys and any(form_key(goal) in keys for goal in SHARED_GOALS)
    named = any(form_key(name) in keys for name in NAMES) or ("项目名称" not in keys and _stamped_name(grid) is not None)
    return named and (any(form_key(goal) in keys for goal in GOALS) or DEPARTMENT_LABELS["budget"] in keys or shared)


# 填报单位（盖章）：某县农业农村局 over a form that has no 部门名称 row (the 2019 填报说明's layout)
_STAMPED = re.compile(r"^\s*(?:填报单位|申报单位|编制单位)\s*(?:[（(]\s*盖章\s*[)）])?\s*[:：]\s*(\S[^:：]{1,40}?)\s*$")


def _stamped_name(grid: Grid) -> str | None:
    """The department named over the form (填报单位（盖章）：…), in the rows above its first label."""
    for row in grid.rows[:TITLE_ROWS]:
        if any(form_key(value) in FORM_LABELS for value in row if value is not None):
            break
        for value in row:
            if value is not None and (match := _STAMPED.match(cell_str(value))):
                return match.group(1)
    return None


# Labels of the forms' blocks that a row each holds: two of them in one cell are rows a PDF's reader ran together
_BLOCK_LABELS = tuple(dict.fromkeys(label_key(label) for label in (
    *NAMES, *FUNCTION_LABELS, *ALL_GOALS, "项目名称", "项目概况", "立项依据", "项目类型", "资金用途", "项目资金")))


def labels_run_together(grid: Grid) -> str | None:
    """The first cell holding two of the forms' block labels (*部门（单位）职责*年度总体绩效目标, 项目概况立项依据): a
    form printed without ruling lines between its rows, whose rows the PDF's text positions could not tell apart."""
    for row in grid.rows[:200]:
        for value in row:
            key = label_key(value) if value is not None else ""
            found = [label for label in _BLOCK_LABELS if label in key]
            if len([a for a in found if not any(a != b and a in b for b in found)]) >= 2:
                return cell_str(value).strip()
    return None


def _title_year(grid: Grid) -> int | None:
    """The year of the form's title: in the rows above its first label (部门名称…), however far down the title
    stands (under 附件1, blank rows and a 说明 line); a form without labels, in its first rows."""
    for row in grid.rows[:TITLE_ROWS]:
        if any(form_key(value) in FORM_LABELS for value in row if value is not None):
            break
        for value in row:
            if match := YEAR.search(cell_str(value)):
                return int(match.group(1))
    return None


def import_department_form(grid: Grid, published: bool = True) -> ImportedDepartment:
    """published=False reads the editor's own sheet: text kept byte for byte, indicators elsewhere."""
    notes: list[str] = []
    text_of = clean_multiline if published else _raw_text
    department = Department(name=_department_name(grid, text_of, notes) if published
                            else _value_right_of(grid, NAMES, text_of))
    year = _title_year(grid)
    department.functions = _value_right_of(grid, FUNCTION_LABELS, text_of)
    department.overall_goal = _goal_right_of(grid, text_of)
    if achieved := _achieved_words(grid):
        notes.append(self_evaluation_note("部门整体绩效自评表", achieved, paths.DEPARTMENT))
    budget = {}
    yuan = amounts_in_yuan(grid, len(grid.rows) - 1) if published else None  # the editor's own sheet is in 万元
    if yuan:
        notes.insert(0, Note(yuan_note(yuan, "部门整体表"), location=paths.BUDGET))
    inline = _inline_amounts(grid, notes)
    for key, labels in BUDGET_WORDS.items():
        where = paths.field(paths.DEPARTMENT, f"budget.{key}")
        text = _amount_right_of(grid, labels) if _find_label(grid, labels) else _inline_amount(inline, labels)
        amount = published_amount(text, where, labels[0], notes)
        budget[key] = to_wanyuan(amount) if yuan else amount
    if published and (other := _budget_header_rows(grid, notes)) is not None and budget["other_income"] is None:
        budget["other_income"] = to_wanyuan(other) if yuan else other
    department.budget = Budget(**budget)
    block = _find_label(grid, (DEPARTMENT_LABELS["budget"],)) is not None  # the 预算整体情况 block has all eight
    places = {"department": frozenset(key for key, labels in (("name", NAMES), ("functions", FUNCTION_LABELS),
                                                               ("overall_goal", ALL_GOALS)) if _find_label(grid, labels)),
              "budget": frozenset(key for key, labels in BUDGET_WORDS.items()
                                  if block or _find_label(grid, labels) or any(form_key(label) in inline for label in labels))}
    department.tasks = read_tasks(grid, notes, text_of, (department.name or "") if published else None, places)
    if yuan:
        for task in department.tasks:
            task.funds = to_wanyuan(task.funds)
    if published:
        department.indicators = read_indicator_table(grid, notes, places)
    return ImportedDepartment(grid.name, department, year, notes, places)


def _department_name(grid: Grid, text_of: Callable[[str], str | None], notes: list[str]) -> str | None:
    """The text right of 部门名称, unless it is evidently another field's (a sentence, indicator text, a number)."""
    name = _value_right_of(grid, NAMES, text_of) if _find_label(grid, NAMES) else _stamped_name(grid)
    shape = organisation_misfit(name)
    if not shape:
        return name
    found = _find_label(grid, NAMES)
    notes.append(Note(f"{NAME}栏中是{shape}（“{excerpt(name)}”），不是部门名称，已留空，请按原表填写",
                      location=paths.field(paths.DEPARTMENT, "name"), row=found[0] + 1 if found else None, source_text=name))
    return None


def _find_label(grid: Grid, labels: tuple[str, ...]) -> tuple[int, int] | None:
    wanted = {form_key(label) for label in labels}
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            if value is not None and form_key(value) in wanted:
                return r, c
    return None


def _right_of(grid: Grid, labels: tuple[str, ...]) -> Iterator[str]:
    """The cells right of the label, past the copies of it that a merged label cell leaves."""
    found = _find_label(grid, labels)
    if found is None:
        return
    row, column = found
    label = label_key(grid.cell(row, column))
    for c in range(column + 1, len(grid.rows[row])):
        text = grid.text(row, c)
        if label_key(text) != label:
            yield text


_EXPECTED = frozenset(form_key(word) for word in EXPECTED_WORDS)  # a 自评表's heading over its goal (published.py)


def _goal_right_of(grid: Grid, text_of: Callable[[str], str | None]) -> str | None:
    """The 总体绩效目标: right of its label, or under the 预期目标 heading that stands there."""
    found = _find_label(grid, GOALS) or _find_label(grid, SHARED_GOALS)
    if found is None:
        return None
    row, column = found
    label = label_key(grid.cell(row, column))
    for c in range(column + 1, len(grid.rows[row])):
        text = grid.text(row, c)
        if not text.strip() or label_key(text) == label:
            continue
        if form_key(text) in _EXPECTED:
            below = grid.text(row + 1, c)
            return text_of(below) if below.strip() else None
        return text_of(text)
    return None


def _achieved_words(grid: Grid) -> list[str]:
    """The words of a 自评表's results columns (实际完成值, 得分…) the grid prints, once each."""
    wanted = {form_key(word) for word in ACHIEVED_WORDS}
    return list(dict.fromkeys(grid.text(r, c).strip() for r, row in enumerate(grid.rows) for c, value in enumerate(row)
                              if value is not None and form_key(value) in wanted))


def _value_right_of(grid: Grid, labels: tuple[str, ...], text_of: Callable[[str], str | None]) -> str | None:
    """The first filled cell right of the label."""
    text = next((text for text in _right_of(grid, labels) if text.strip()), None)
    return None if text is None else text_of(text)


def _amount_right_of(grid: Grid, labels: tuple[str, ...]) -> str | None:
    """The cell right beside an amount label: an empty one means no amount, not the next label. Past empty cells
    only to a number: a PDF without ruling lines puts an amount right-aligned in a cell merged over several
    columns in the last of them, with the columns between it and its label empty."""
    cells = _right_of(grid, labels)
    text = next(cells, None)
    if text is not None and not text.strip():
        text = next((t for t in cells if t.strip()), None)
        text = text if text is not None and is_number(label_key(text)) else None
    if not (text and is_number(label_key(text))) and (under := _amount_under(grid, labels)) is not None:
        return under  # a header row of labels (基本支出 | 项目支出), the amounts under them
    return text if text and text.strip() and not label_key(text).startswith("预算金额") else None


def _amount_under(grid: Grid, labels: tuple[str, ...]) -> str | None:
    found = _find_label(grid, labels)
    if found is None or not _budget_row(grid, found[0]):
        return None  # a label alone in its row: its amount is beside it or nowhere
    return below if is_number(label_key(below := grid.text(found[0] + 1, found[1]))) else None


# 其中:一般公共预算:952.22 — an amount in its label's cell after a colon (湖南祁东's 部门整体支出绩效目标表: every amount
# of its 年度预算申请 so, 政府性基金拨款: with nothing after it); a leading 其中: is the form's, not the label's
_INLINE = re.compile(r"^\s*(?:其中\s*[:：]\s*)?([^:：\n]{2,20}?)\s*[:：]\s*([^:：]*?)\s*$", re.S)


def _inline_amounts(grid: Grid, notes: list) -> dict[str, tuple[int, str]]:
    """The cells of a budget label and its amount (or nothing) in one cell, by the label's key: its row and the amount.
    Such cells of other labels in the rows of those (资金总额:952.22, 按收入性质分:952.22, a row or two up and down, while
    each row has one) have no place in the budget: their amounts are said, never dropped in silence."""
    cells = {}
    for r, row in enumerate(grid.rows):
        for value in row:
            found = _INLINE.match(cell_str(value)) if value is not None else None
            if found and (not found.group(2) or is_number(label_key(found.group(2)))):
                cells.setdefault(r, []).append((form_key(found.group(1)), found.group(2)))
    placed = {key: (r, amount) for r, found in cells.items() for key, amount in found if key in BUDGET_KEYS}
    rows = {r for r, _ in placed.values()}
    for step in (-1, 1):
        for r in list(rows):
            while r + step in cells:
                r += step
                rows.add(r)
    unplaced = list(dict.fromkeys(f"{label} {amount}" for r in sorted(rows) for label, amount in cells[r]
                                  if label not in BUDGET_KEYS and amount))  # a merged cell's copies once
    if unplaced:
        notes.append(Note(f"预算栏目中的{'、'.join(unplaced)}（万元）在部门整体预算中没有对应的栏目，未导入，请核对",
                          location=paths.BUDGET, row=min(rows) + 1))
    return placed


def _inline_amount(inline: dict[str, tuple[int, str]], labels: tuple[str, ...]) -> str | None:
    """The amount of the first of the labels found with its amount in one cell (None: not so, or nothing after it)."""
    found = next((inline[key] for key in (form_key(label) for label in labels) if key in inline), None)
    return (found[1] or None) if found else None


_TASK_KEYS = frozenset(form_key(label) for labels in TASK_HEADERS.values() for label in labels)
_OTHER = ("其他", "其它")  # among the income sources of a budget header row (按收入性质分 … 其他): the other money


def _budget_row(grid: Grid, r: int) -> bool:
    return labels_over_amounts(grid, r, BUDGET_KEYS, _TASK_KEYS, form_key, lambda text: is_number(label_key(text)))


def _budget_header_rows(grid: Grid, notes: list):
    """In a header row of the budget's labels over their amounts (湖南's 资金总额 | 按收入性质分: 一般公共预算 | 政府性基金 |
    纳入专户管理的非税收入 | 其他 | 按支出性质分: 基本支出 | 项目支出): the 其他 of the income sources, the other money; a
    label with no place in the budget (资金总额, 政府性基金) and its amount said at the budget, never dropped in silence."""
    other = None
    for r in (r for r in range(len(grid.rows) - 1) if _budget_row(grid, r)):
        for c, value in enumerate(grid.rows[r]):
            if other is None and form_key(value) in _OTHER and is_number(label_key(below := grid.text(r + 1, c))):
                other = published_amount(below, paths.field(paths.DEPARTMENT, "budget.other_income"), "", [])
        said = unplaced_under(grid, r, BUDGET_KEYS | {form_key(word) for word in _OTHER}, form_key,
                              lambda text: is_number(label_key(text)))
        if said:
            notes.append(Note(f"第 {r + 1} 行预算栏目中的{'、'.join(said)}（万元）在部门整体预算中没有对应的栏目，未导入，"
                              f"请核对", location=paths.BUDGET, row=r + 1))
    return other


def _raw_text(text: str) -> str | None:
    return text if text.strip() else None
