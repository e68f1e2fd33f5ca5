"""The 年度重点工作任务 table of a department form: its header by its words, its rows until the next block."""

from __future__ import annotations

from typing import Callable

from ....model import paths
from ....model.declaration import (
    DEPARTMENT_LABELS,
    TASK_LABELS,
    Task,
)
from ....model.notes import Note
from ...containers.sheet_grid import Grid, label_key
from ..field_shapes import (
    excerpt,
    same_organisation,
    task_name_misfit,
)
from ..ocr_numbers import published_amount
from .words import (
    FORM_LABELS,
    LEVEL1,
    TASK_HEADERS,
    TEMPLATE_TASK,
    form_key,
    header_columns,
)


def read_tasks(grid: Grid, notes: list[str], text_of: Callable[[str], str | None],
               department: str | None = None, places: dict | None = None) -> list[Task]:
    """department: the form's department name ('' when it has none) on a published form, whose task rows are held
    against it and against indicator text; None on the editor's own sheet."""
    for row in range(len(grid.rows)):  # a header starting with each label: 拟投入的资金（万元）, 期望达到的目标（概述）
        columns = header_columns(grid, row, TASK_HEADERS)
        if "name" in columns and ("content" in columns or _named_task_header(grid, row, columns)):
            (places if places is not None else {})["tasks"] = frozenset(columns)
            if unread := _unread_task_columns(grid, row, columns):
                notes.append(Note(f"{DEPARTMENT_LABELS['tasks']}表中“{'”“'.join(unread)}”栏没有对应的栏目，其内容未导入，"
                                  "请对照原表核对", location=paths.TASKS, row=row + 1))
            return _task_rows(grid, row, columns, notes, text_of, department)
    return []


def _named_task_header(grid: Grid, row: int, columns: dict[str, int]) -> bool:
    """A task table with no content column (福建宁德's 年度履职目标: 部门职能 | 年度目标任务 | 支出项目名称 | 预算金额):
    a task by its own word over the names (not the bare 名称 of any list) beside an amount's column."""
    return "funds" in columns and label_key(grid.text(row, columns["name"])) != label_key(TASK_LABELS["name"])


def _unread_task_columns(grid: Grid, row: int, columns: dict[str, int]) -> list[str]:
    """The task header's labels of columns with no place in a task (部门职能, 支出项目名称): each a column of its own,
    not a label merged down the form's left (年度履职目标, the same in the row under it)."""
    below = row + 1 if row + 1 < len(grid.rows) else row
    return list(dict.fromkeys(
        grid.text(row, c).strip() for c in range(len(grid.rows[row]))
        if c not in columns.values() and grid.text(row, c).strip() and label_key(grid.text(row, c)) not in _NO_FACT_TASK
        and form_key(grid.text(row, c)) not in FORM_LABELS and grid.text(below, c) != grid.text(row, c)
        and all(label_key(grid.text(row, c)) != label_key(grid.text(row, k)) for k in columns.values())))


# No fact's column: a number, a remark, the block's own label printed once beside its header (a PDF's merged cell)
_NO_FACT_TASK = frozenset({"序号", "编号", "备注", label_key(DEPARTMENT_LABELS["tasks"]), "年度主要任务", "重点工作任务",
                           "年度履职目标"})


def _task_rows(grid: Grid, header_row: int, columns: dict[str, int], notes: list[str],
               text_of: Callable[[str], str | None], department: str | None = None) -> list[Task]:
    tasks = []
    held: dict[str, str] = {}  # the last task's texts as read, which the rest of its row goes on with
    heads = {role: label_key(grid.text(header_row, column)) for role, column in columns.items()}
    for row in range(header_row + 1, len(grid.rows)):
        values = {role: grid.text(row, column) for role, column in columns.items()}
        if any(values.get(role, "").strip() and label_key(values[role]) == heads[role] for role in ("name", "content")):
            continue  # the header's cells merged down over a second header row (预算金额 over 总额 | 财政拨款…)
        first = label_key(values.get("name"))
        if first in (LEVEL1, DEPARTMENT_LABELS["indicators"]) or any(
                label_key(grid.cell(row, c)) == LEVEL1 for c in range(len(grid.rows[row]))):  # the indicator table begins
            break
        left = {form_key(grid.cell(row, c)) for c in range(min(columns.values()))}
        if left & FORM_LABELS:  # the form's next block (总体绩效目标…) under the tasks: their table has ended
            break
        if len({v.strip() for v in values.values()} - {""}) == 1 and len([v for v in values.values() if v.strip()]) > 2:
            notes.append(Note(f"{DEPARTMENT_LABELS['tasks']}第 {row + 1} 行是跨整行的一段文字（“{excerpt(first)}”），"
                              f"不是任务，未导入，请对照原表核对", location=paths.TASKS, row=row + 1,
                              source_text=values.get("name")))
            continue  # one text merged across the row (a heading, a block the form's words do not name)
        if TEMPLATE_TASK.match(first):
            if any(values.get(k, "").strip() and label_key(values[k]) != first for k in ("content", "funds", "expected")):
                notes.append(Note(f"第 {row + 1} 行“其他需完成的任务”有内容，但表格样式未提供名称，已跳过", row=row + 1))
            break
        if not any(v.strip() for v in values.values()):
            continue
        if tasks and _rest_of_task(values, grid.rows[row], columns):
            _join_rest(tasks, held, values, text_of, notes, row)
            continue
        if department is not None and (not_a_task := _not_a_task(values.get("name", ""), department)):
            notes.append(Note(f"{DEPARTMENT_LABELS['tasks']}第 {row + 1} 行的{TASK_LABELS['name']}是{not_a_task}"
                              f"（“{excerpt(values.get('name', ''))}”），不是任务，该行未作为任务导入，请对照原表核对",
                              location=paths.TASKS, row=row + 1, source_text=values.get("name")))
            continue
        where = paths.field(paths.task(len(tasks)), "funds")
        funds = published_amount(values.get("funds"), where, f"第 {row + 1} 行任务的{TASK_LABELS['funds']}", notes, row + 1)
        tasks.append(Task(name=text_of(values.get("name", "")), content=text_of(values.get("content", "")),
                          funds=funds, expected=text_of(values.get("expected", ""))))
        held = {role: values.get(role, "") for role in _RUN_ON}
    return tasks


_RUN_ON = ("content", "expected")  # the texts a task's row broken over a page goes on with


def _rest_of_task(values: dict[str, str], cells: list[str], columns: dict[str, int]) -> bool:
    """A row with no name and no amount, nothing but 主要实施内容 or 期望达到的目标 text (and nothing outside the task
    columns but their text again, a cell merged across two): the rest of the task above, whose row a page broke (a
    browser or a word processor prints the rest of a tall row at the next page's top)."""
    text = {role for role, value in values.items() if value.strip()}
    own = set(columns.values())
    return bool(text) and text <= set(_RUN_ON) and not any(
        cell.strip() and cell not in values.values() for column, cell in enumerate(cells) if column not in own)


def _join_rest(tasks: list[Task], held: dict[str, str], values: dict[str, str], text_of: Callable[[str], str | None],
               notes: list[str], row: int) -> None:
    """The rest of the last task's row (_rest_of_task) joined to its texts, and said at the task."""
    for role in _RUN_ON:
        held[role] = f"{held[role]}{values.get(role, '')}"
    index = len(tasks) - 1
    tasks[index] = tasks[index].model_copy(update={role: text_of(held[role]) for role in _RUN_ON})
    notes.append(Note(f"{DEPARTMENT_LABELS['tasks']}第 {row + 1} 行没有任务名称，只有"
                      f"{'、'.join(TASK_LABELS[role] for role in _RUN_ON if values.get(role, '').strip())}的文字，"
                      f"已接在第 {index + 1} 项任务“{tasks[index].name or ''}”之后（跨页断开的一行），请对照原表核对",
                      location=paths.task(index), row=row + 1))


def _not_a_task(name: str, department: str) -> str | None:
    """What a task row's name is when it is evidently no task's: the department's name (a page's repeated
    部门名称 row), or indicator text (the indicator table's rows, where its header was not told)."""
    name = " ".join(name.split())
    if name and department and same_organisation(name, department):
        return "部门名称"
    return task_name_misfit(name)
