"""The parts of a 2019 form's 年度目标 block, read once goals.py has found them: the 关键指标 under 部门整体支出目标,
and the 主要支出计划. The plan is read as a table under its column headers, or row by row from labelled cells
(任务：…, 关键性指标：…), and a task runs over its rows whether its cells are merged (filled or not) or repeated.
A label's value is in the same cell after ：/:, or in the next filled cell to its right, or below a header.

Rows a PDF's grid does not align under the headers are read by alignment.py.
"""

from __future__ import annotations

from ..published import clean_multiline
from .alignment import (
    above_header,
    key_by_order,
    outside,
    plan_by_order,
    rows_run_together,
    unaligned,
    unreadable_header,
)
from .blocks import COLUMNS, Block, Part, Tasks, pair
from .labels import FRAME_ROLES, NAME, OTHER_COLUMN, SPLIT_LINE, Label, LabelledGrid, read_label

_PLAN_ROLES = {"plan": "task", "task": "task", "task_goal": "goal", "indicator": "indicator", "standard": "standard",
               "projects": "projects"}
_NO_LABEL = Label("", None, "")


def labelled(form: LabelledGrid, role: str) -> str | None:
    found = form.find(lambda label: label.role == role)
    if found is None:
        return None
    r, c, label = found
    value = form.value(r, c)
    if value and label.value is None and role in _LONG_ROLES:
        value = "\n".join([value, *_going_on(form, r, c, value)])
    return clean_multiline(value) if value else None


_LONG_ROLES = frozenset(("functions",))  # a paragraph, in a cell tall enough to be read as several rows


def _going_on(form: LabelledGrid, r: int, c: int, first: str) -> list[str]:
    """The rows under a label's value that go on with it, up to the next label: no label in them, the label's column
    empty, one text, standing right of the label. A tall cell that a PDF without ruling lines shows with a blank line
    in it is read as rows, its columns cut where its texts' middles lie, so a paragraph after the blank line may fall
    in any column right of the label: the next one (a browser's print of seed 48's f009), the one after a value over
    two columns (seed 50's f012), or two past a value in one (seed 56's f012, its line breaks typed anywhere). A
    merged cell's copies of the value are not taken again; a note of the table's unit (单位：万元) or a form's title
    printed again goes on with nothing."""
    start = next((k for k in range(c + 1, form.width(r)) if form.text(r, k) == first), None)
    if start is None:
        return []
    parts: list[str] = []
    for k in range(r + 1, form.height):
        texts = form.texts(k)
        if form.row_labels(k) or len(texts) != 1:
            break
        text = texts.pop()
        if any(form.text(k, j) for j in range(min(c + 1, form.width(k)))) or _ends_a_value(text):
            break  # a text in the label's column or left of it; a unit note, a title printed again
        if text != first and text not in parts:
            parts.append(text)
    return parts


def _ends_a_value(text: str) -> bool:
    return text.startswith("单位") or text.endswith("目标表")


def read_key(form: LabelledGrid, part: Part, block: Block) -> None:
    rows = range(part.start, part.stop)
    goal = form.find(lambda label: label.role == "goal", part.start, part.stop)
    if goal is not None:
        r, c, label = goal
        if label.value is not None:
            block.goal = label.value
        elif form.is_field(r, c):
            block.goal = form.right(r, c)
        else:
            block.goal = _below_going_on(form, r, c, part.stop)
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
        texts = unaligned(form, r, headers, left, lambda role, text: role == "goal" or _is_piece(text, goal_text))
        if texts is not None:
            key_by_order(block, r, texts)
            continue
        name = _cell_value(form, r, name_column, "key")
        if name is None or (goal_text and "".join(name.split()) == goal_text):
            continue  # the header again; the goal's merged cell over the name column
        if value_column is not None:
            value = _cell_value(form, r, value_column, "expected") or ""
        else:
            value = form.right(r, name_column) or ""
        pair(block, name, value)


def _below_going_on(form: LabelledGrid, r: int, c: int, stop: int) -> str | None:
    """The value under a header (部门整体支出目标 over its column), with the rows under it that go on with it: a tall
    cell merged down beside the key indicators, which a page without ruling lines shows as rows, its lines after a
    break in a row of their own (seed 58's f008 as a browser printed it: the goal's last line under its first
    pair, read as the goal's end cut off, silently). A row goes on with it while the header's column holds another
    text, no label, and the row nothing else but copies of it (a key pair beside it is no part of the goal)."""
    own = form.text(r, c)
    first = next((k for k in range(r + 1, min(stop, form.height)) if form.text(k, c) and form.text(k, c) != own), None)
    if first is None or form.bare(first, c):
        return None
    parts = [form.text(first, c)]
    for k in range(first + 1, min(stop, form.height)):
        text = form.text(k, c)
        if not text or form.row_labels(k) or form.texts(k) != {text}:
            break
        if text not in parts and not _is_piece(text, "".join(parts)):
            parts.append(text)
    return "\n".join(parts)


def _is_piece(text: str, whole: str) -> bool:
    """A cell holding the whole text or a piece of it (a merged cell cut by a page break, or printed again)."""
    text = "".join(text.split())
    return bool(text) and bool(whole) and text in whole


def _read_labelled_key(form: LabelledGrid, part: Part, block: Block) -> None:
    """关键指标：… | 预期实现值：…, or 关键指标 | … | 预期实现值 | …, or both in one cell; the line across both columns."""
    for r in range(part.start, part.stop):
        items = _labelled_items(form, r, ("key", "expected"))
        names = [text for role, text, _ in items if role == "key"]
        values = [text for role, text, _ in items if role == "expected"]
        if not names and values and block.pairs and not block.pairs[-1][1]:  # 预期实现值 on the row below its 关键指标
            block.pairs[-1] = (block.pairs[-1][0], values[0])
            continue
        for k, name in enumerate(names):  # more than one: rows a PDF ran together, each 关键指标 with its value
            pair(block, name, values[k] if k < len(values) else "")
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
    if label.value is None and label.role in FRAME_ROLES and not form.is_aside(r):
        return []  # the block's label (本年度目标), merged down the rows beside them, printed across this one
    if label.value is None:  # 绩效标准100%: a PDF ran the label into its value
        return [(role, label.tail)] if label.tail and not label.glued and label.role in (role, _role_words(role)) \
            else None
    own = [(role, label.value if label.role in (role, _role_words(role)) else text)]
    return own + [(_PLAN_ROLES.get(m.role, m.role), m.value) for m in label.more if m.value]


def read_plan(form: LabelledGrid, part: Part, block: Block) -> None:
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
        unreadable_header(form, first, columns, held, block)
        above_header(form, part.start, first, block)
        block.missing_columns = (first, [c for c in COLUMNS if c not in columns and c not in held])
    tasks = Tasks(block, (NAME, labelled(form, "name") or ""))
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
            for row in rows_run_together(cells, [cell[0][0] for cell in cells]):
                tasks.add(row, r)
            continue
        if outside(form, r, min(columns.values())):
            block.skipped.append(r)
            continue
        texts = unaligned(form, r, headers, min(columns.values()), lambda role, text: False)
        if texts is not None:
            plan_by_order(tasks, r, texts)
            continue
        cells = [_column_items(form, r, c, role) for role, c in sorted(columns.items(), key=lambda x: x[1])]
        if any(cell is None for cell in cells):
            continue  # the header again, after a page break
        cells = [[(role, text, None) for role, text in cell] for cell in cells]
        for row in rows_run_together(cells, sorted(columns, key=columns.get)):
            tasks.add([(_PLAN_ROLES.get(item[0], item[0]), *item[1:]) for item in row], r)
    if any({"task", "goal"} <= {_PLAN_ROLES.get(role) for role in roles} for _, header, roles in block.glued
           if (read_label(header) or _NO_LABEL).glued):
        for task in block.tasks[before:]:  # the task column holds the name and the goal run together
            task["name_glued"] = True


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
