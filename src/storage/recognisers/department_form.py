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

from ...model import framework, paths
from ...model.declaration import (
    BUDGET_LABELS,
    DEPARTMENT_LABELS,
    INDICATOR_LABELS,
    TASK_LABELS,
    Budget,
    Department,
    Indicator,
    Task,
)
from ...model.notes import Note
from ..containers.sheet_grid import Grid, label_key
from .field_shapes import (
    excerpt,
    is_number,
    organisation_misfit,
    same_organisation,
    task_name_misfit,
)
from .form_2019.labels import is_form_2019
from .ocr_numbers import published_amount
from .project_form.levels import level1_of
from .published import (
    ACHIEVED_WORDS,
    EXPECTED_WORDS,
    YEAR,
    ImportedDepartment,
    amounts_in_yuan,
    cell_str,
    clean_multiline,
    is_footnote,
    joined_value,
    labels_over_amounts,
    loose_label,
    self_evaluation_note,
    to_wanyuan,
    unplaced_under,
    yuan_note,
)

# Each amount by its label, or by the shorter words some published forms print instead.
_BUDGET_ALIASES = {"own_level": ("本级使用资金",), "transfer": ("对下转移支付资金",), "fiscal": ("财政拨款资金", "一般公共预算")}
_BUDGET_LABELS = {key: (label, *_BUDGET_ALIASES.get(key, ())) for key, label in BUDGET_LABELS.items()}
_BUDGET_KEYS = frozenset(loose_label(label, ("(万元)",)) for labels in _BUDGET_LABELS.values() for label in labels)
_NAME, _FUNCTIONS, _GOAL = DEPARTMENT_LABELS["name"], DEPARTMENT_LABELS["functions"], DEPARTMENT_LABELS["overall_goal"]
# The words of the 部门（单位）整体支出绩效目标申报表 of 财政部's template and of most provinces, beside this form's own.
_NAMES = (_NAME, "部门(单位)名称", "单位(部门)名称")
_FUNCTION_LABELS = (_FUNCTIONS, "部门职能职责概述", "部门(单位)职能职责概述", "部门职能职责", "职能职责概述", "主要职能",
                    "部门(单位)职责", "部门职责")  # the last two: 湖南岳阳's 整体绩效目标表
_GOALS = (_GOAL, "年度总体目标", "年度总体绩效目标", "部门年度总体目标", "部门整体绩效目标", "整体绩效目标", "年度整体绩效目标",
          "部门整体支出绩效目标", "年度部门整体支出绩效目标", "年度部门整体绩效目标",  # these three: 湖北's form
          "年度总体目标完成情况")  # a 自评表's (福建宁德): its goal under 预期目标, beside 目标实际完成情况
# 年度绩效目标 heads 湖南's department goal, and a project's: a department's only on a sheet with no 项目名称
_SHARED_GOALS = ("年度绩效目标", "部门年度绩效目标")
_ALL_GOALS = (*_GOALS, *_SHARED_GOALS)
_TASK_HEADERS = {"name": (TASK_LABELS["name"], "任务名称", "重点工作任务名称", "工作任务名称", "年度目标任务"),
                 "content": (TASK_LABELS["content"], "主要内容", "工作内容", "任务内容", "具体内容", "主要工作内容"),
                 "funds": (TASK_LABELS["funds"], "预算金额", "预算资金", "拟投入资金", "资金安排"),
                 "expected": (TASK_LABELS["expected"], "预期目标", "预期达到的目标", "预期效果", "预期成效")}
# The labels of the form's blocks, by which the tasks' table is seen to end.
_FORM_LABELS = frozenset(loose_label(label, ("(万元)",)) for label in (*_NAMES, *_FUNCTION_LABELS, *_ALL_GOALS,
                                                                     DEPARTMENT_LABELS["indicators"], "年度绩效指标"))
_TITLE_ROWS = 20  # how far down a form's title is looked for, if no label comes first
_INDICATOR_HEADERS = {role: (label,) for role, label in INDICATOR_LABELS.items()}
_INDICATOR_HEADERS["annual_value"] += ("指标值", "年度目标值", "目标值", "绩效目标值")
# The 2021 template prints a value in three columns: 指标性质 | 指标值 | 度量单位 (joined by published.joined_value).
_INDICATOR_HEADERS.update(comparator=("指标性质", "计算符号", "运算符号", "指标值类型"), unit=("度量单位", "计量单位"))
_LEVEL1 = INDICATOR_LABELS["level1"]
_TEMPLATE_TASK = re.compile(r"^其他需完成的任务")


def is_department_form(grid: Grid) -> bool:
    """A department form of either layout: the current one, or the 2019 one that grid_import hands to
    form_2019/reader.py (never to import_department_form, which would misread it)."""
    return is_current_department_form(grid) or is_form_2019(grid)


def is_current_department_form(grid: Grid) -> bool:
    keys = {_key(value) for row in grid.rows[:200] for value in row if value is not None}
    shared = "项目名称" not in keys and any(_key(goal) in keys for goal in _SHARED_GOALS)
    named = any(_key(name) in keys for name in _NAMES) or ("项目名称" not in keys and _stamped_name(grid) is not None)
    return named and (any(_key(goal) in keys for goal in _GOALS) or DEPARTMENT_LABELS["budget"] in keys or shared)


# 填报单位（盖章）：某县农业农村局 over a form that has no 部门名称 row (the 2019 填报说明's layout)
_STAMPED = re.compile(r"^\s*(?:填报单位|申报单位|编制单位)\s*(?:[（(]\s*盖章\s*[)）])?\s*[:：]\s*(\S[^:：]{1,40}?)\s*$")


def _stamped_name(grid: Grid) -> str | None:
    """The department named over the form (填报单位（盖章）：…), in the rows above its first label."""
    for row in grid.rows[:_TITLE_ROWS]:
        if any(_key(value) in _FORM_LABELS for value in row if value is not None):
            break
        for value in row:
            if value is not None and (match := _STAMPED.match(cell_str(value))):
                return match.group(1)
    return None


# Labels of the forms' blocks that a row each holds: two of them in one cell are rows a PDF's reader ran together
_BLOCK_LABELS = tuple(dict.fromkeys(label_key(label) for label in (
    *_NAMES, *_FUNCTION_LABELS, *_ALL_GOALS, "项目名称", "项目概况", "立项依据", "项目类型", "资金用途", "项目资金")))


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


def _key(value: object) -> str:
    return loose_label(value, ("(万元)",))  # a label in 元 is no 万元 amount's: not taken for one


def _title_year(grid: Grid) -> int | None:
    """The year of the form's title: in the rows above its first label (部门名称…), however far down the title
    stands (under 附件1, blank rows and a 说明 line); a form without labels, in its first rows."""
    for row in grid.rows[:_TITLE_ROWS]:
        if any(_key(value) in _FORM_LABELS for value in row if value is not None):
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
                            else _value_right_of(grid, _NAMES, text_of))
    year = _title_year(grid)
    department.functions = _value_right_of(grid, _FUNCTION_LABELS, text_of)
    department.overall_goal = _goal_right_of(grid, text_of)
    if achieved := _achieved_words(grid):
        notes.append(self_evaluation_note("部门整体绩效自评表", achieved, paths.DEPARTMENT))
    budget = {}
    yuan = amounts_in_yuan(grid, len(grid.rows) - 1) if published else None  # the editor's own sheet is in 万元
    if yuan:
        notes.insert(0, Note(yuan_note(yuan, "部门整体表"), location=paths.BUDGET))
    for key, labels in _BUDGET_LABELS.items():
        where = paths.field(paths.DEPARTMENT, f"budget.{key}")
        amount = published_amount(_amount_right_of(grid, labels), where, labels[0], notes)
        budget[key] = to_wanyuan(amount) if yuan else amount
    if published and (other := _budget_header_rows(grid, notes)) is not None and budget["other_income"] is None:
        budget["other_income"] = to_wanyuan(other) if yuan else other
    department.budget = Budget(**budget)
    block = _find_label(grid, (DEPARTMENT_LABELS["budget"],)) is not None  # the 预算整体情况 block has all eight
    places = {"department": frozenset(key for key, labels in (("name", _NAMES), ("functions", _FUNCTION_LABELS),
                                                               ("overall_goal", _ALL_GOALS)) if _find_label(grid, labels)),
              "budget": frozenset(key for key, labels in _BUDGET_LABELS.items() if block or _find_label(grid, labels))}
    department.tasks = _tasks(grid, notes, text_of, (department.name or "") if published else None, places)
    if yuan:
        for task in department.tasks:
            task.funds = to_wanyuan(task.funds)
    if published:
        department.indicators = _indicator_table(grid, notes, places)
    return ImportedDepartment(grid.name, department, year, notes, places)


def _department_name(grid: Grid, text_of: Callable[[str], str | None], notes: list[str]) -> str | None:
    """The text right of 部门名称, unless it is evidently another field's (a sentence, indicator text, a number)."""
    name = _value_right_of(grid, _NAMES, text_of) if _find_label(grid, _NAMES) else _stamped_name(grid)
    shape = organisation_misfit(name)
    if not shape:
        return name
    found = _find_label(grid, _NAMES)
    notes.append(Note(f"{_NAME}栏中是{shape}（“{excerpt(name)}”），不是部门名称，已留空，请按原表填写",
                      location=paths.field(paths.DEPARTMENT, "name"), row=found[0] + 1 if found else None, source_text=name))
    return None


def _find_label(grid: Grid, labels: tuple[str, ...]) -> tuple[int, int] | None:
    wanted = {_key(label) for label in labels}
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            if value is not None and _key(value) in wanted:
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


_EXPECTED = frozenset(_key(word) for word in EXPECTED_WORDS)  # a 自评表's heading over its goal (published.py)


def _goal_right_of(grid: Grid, text_of: Callable[[str], str | None]) -> str | None:
    """The 总体绩效目标: right of its label, or under the 预期目标 heading that stands there."""
    found = _find_label(grid, _GOALS) or _find_label(grid, _SHARED_GOALS)
    if found is None:
        return None
    row, column = found
    label = label_key(grid.cell(row, column))
    for c in range(column + 1, len(grid.rows[row])):
        text = grid.text(row, c)
        if not text.strip() or label_key(text) == label:
            continue
        if _key(text) in _EXPECTED:
            below = grid.text(row + 1, c)
            return text_of(below) if below.strip() else None
        return text_of(text)
    return None


def _achieved_words(grid: Grid) -> list[str]:
    """The words of a 自评表's results columns (实际完成值, 得分…) the grid prints, once each."""
    wanted = {_key(word) for word in ACHIEVED_WORDS}
    return list(dict.fromkeys(grid.text(r, c).strip() for r, row in enumerate(grid.rows) for c, value in enumerate(row)
                              if value is not None and _key(value) in wanted))


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


_TASK_KEYS = frozenset(_key(label) for labels in _TASK_HEADERS.values() for label in labels)
_OTHER = ("其他", "其它")  # among the income sources of a budget header row (按收入性质分 … 其他): the other money


def _budget_row(grid: Grid, r: int) -> bool:
    return labels_over_amounts(grid, r, _BUDGET_KEYS, _TASK_KEYS, _key, lambda text: is_number(label_key(text)))


def _budget_header_rows(grid: Grid, notes: list):
    """In a header row of the budget's labels over their amounts (湖南's 资金总额 | 按收入性质分: 一般公共预算 | 政府性基金 |
    纳入专户管理的非税收入 | 其他 | 按支出性质分: 基本支出 | 项目支出): the 其他 of the income sources, the other money; a
    label with no place in the budget (资金总额, 政府性基金) and its amount said at the budget, never dropped in silence."""
    other = None
    for r in (r for r in range(len(grid.rows) - 1) if _budget_row(grid, r)):
        for c, value in enumerate(grid.rows[r]):
            if other is None and _key(value) in _OTHER and is_number(label_key(below := grid.text(r + 1, c))):
                other = published_amount(below, paths.field(paths.DEPARTMENT, "budget.other_income"), "", [])
        said = unplaced_under(grid, r, _BUDGET_KEYS | {_key(word) for word in _OTHER}, _key,
                              lambda text: is_number(label_key(text)))
        if said:
            notes.append(Note(f"第 {r + 1} 行预算栏目中的{'、'.join(said)}（万元）在部门整体预算中没有对应的栏目，未导入，"
                              f"请核对", location=paths.BUDGET, row=r + 1))
    return other


def _raw_text(text: str) -> str | None:
    return text if text.strip() else None


def _header_columns(grid: Grid, row: int, headers: dict[str, str | tuple[str, ...]]) -> dict[str, int]:
    """Each role's column, its header one of the role's labels or starting with one (拟投入的资金（万元）); a header that
    is another role's label exactly is that role's (指标值类型 is the comparator's, no 指标值 with a gloss), and a
    required field's mark (*指标值) is no word of it."""
    columns: dict[str, int] = {}
    wanted = [(label_key(label), role) for role, labels in headers.items()
              for label in ((labels,) if isinstance(labels, str) else labels)]
    keys = [label_key(value).lstrip("*＊★☆") for value in grid.rows[row]]
    for exact in (True, False):
        for column, key in enumerate(keys):
            if column in columns.values():
                continue
            for label, role in wanted:
                if role not in columns and (key == label if exact else key.startswith(label)):
                    columns[role] = column
                    break
    return columns


def _tasks(grid: Grid, notes: list[str], text_of: Callable[[str], str | None],
           department: str | None = None, places: dict | None = None) -> list[Task]:
    """department: the form's department name ('' when it has none) on a published form, whose task rows are held
    against it and against indicator text; None on the editor's own sheet."""
    for row in range(len(grid.rows)):  # a header starting with each label: 拟投入的资金（万元）, 期望达到的目标（概述）
        columns = _header_columns(grid, row, _TASK_HEADERS)
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
        and _key(grid.text(row, c)) not in _FORM_LABELS and grid.text(below, c) != grid.text(row, c)
        and all(label_key(grid.text(row, c)) != label_key(grid.text(row, k)) for k in columns.values())))


# No fact's column: a number, a remark, the block's own label printed once beside its header (a PDF's merged cell)
_NO_FACT_TASK = frozenset({"序号", "编号", "备注", label_key(DEPARTMENT_LABELS["tasks"]), "年度主要任务", "重点工作任务",
                           "年度履职目标"})


def _task_rows(grid: Grid, header_row: int, columns: dict[str, int], notes: list[str],
               text_of: Callable[[str], str | None], department: str | None = None) -> list[Task]:
    tasks = []
    heads = {role: label_key(grid.text(header_row, column)) for role, column in columns.items()}
    for row in range(header_row + 1, len(grid.rows)):
        values = {role: grid.text(row, column) for role, column in columns.items()}
        if any(values.get(role, "").strip() and label_key(values[role]) == heads[role] for role in ("name", "content")):
            continue  # the header's cells merged down over a second header row (预算金额 over 总额 | 财政拨款…)
        first = label_key(values.get("name"))
        if first in (_LEVEL1, DEPARTMENT_LABELS["indicators"]) or any(
                label_key(grid.cell(row, c)) == _LEVEL1 for c in range(len(grid.rows[row]))):  # the indicator table begins
            break
        left = {_key(grid.cell(row, c)) for c in range(min(columns.values()))}
        if left & _FORM_LABELS:  # the form's next block (总体绩效目标…) under the tasks: their table has ended
            break
        if len({v.strip() for v in values.values()} - {""}) == 1 and len([v for v in values.values() if v.strip()]) > 2:
            notes.append(Note(f"{DEPARTMENT_LABELS['tasks']}第 {row + 1} 行是跨整行的一段文字（“{excerpt(first)}”），"
                              f"不是任务，未导入，请对照原表核对", location=paths.TASKS, row=row + 1,
                              source_text=values.get("name")))
            continue  # one text merged across the row (a heading, a block the form's words do not name)
        if _TEMPLATE_TASK.match(first):
            if any(values.get(k, "").strip() and label_key(values[k]) != first for k in ("content", "funds", "expected")):
                notes.append(Note(f"第 {row + 1} 行“其他需完成的任务”有内容，但表格样式未提供名称，已跳过", row=row + 1))
            break
        if not any(v.strip() for v in values.values()):
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
    return tasks


def _misfit_owner(level1: str, level2: str | None) -> str | None:
    """The 一级 a framework 二级 belongs to, when level1 (carried down) is not it; None when they fit or it is unsure."""
    level1, level2 = framework.canonical_level(level1), framework.canonical_level(level2)
    if not framework.is_known_level2(level2) or framework.is_known_level1(level2) or not framework.is_known_level1(level1) \
            or framework.fits(level1, level2):  # 成本指标 is a 一级 too: unsure
        return None
    return level1_of(level2)


def _not_a_task(name: str, department: str) -> str | None:
    """What a task row's name is when it is evidently no task's: the department's name (a page's repeated
    部门名称 row), or indicator text (the indicator table's rows, where its header was not told)."""
    name = " ".join(name.split())
    if name and department and same_organisation(name, department):
        return "部门名称"
    return task_name_misfit(name)


def _indicator_table(grid: Grid, notes: list[str], places: dict | None = None) -> list[Indicator]:
    for row in range(len(grid.rows)):
        columns = _header_columns(grid, row, _INDICATOR_HEADERS)
        if "name" not in columns and {"level1", "level2"} <= columns.keys():
            # 一级指标 | 二级指标 | 指标内容 | 指标值 (湖南's form): beside a 二级指标, 指标内容 names the third level
            columns.update(_header_columns(grid, row, {"name": ("指标内容", "指标名称")}))
        if {"level1", "name", "annual_value"} <= columns.keys():
            (places if places is not None else {})["indicators"] = frozenset(columns) & INDICATOR_LABELS.keys()
            return _indicator_rows(grid, row, columns, notes)
    notes.append(f"没有找到绩效指标表（{' / '.join(INDICATOR_LABELS.values())}）")
    return []


def _indicator_rows(grid: Grid, header_row: int, columns: dict[str, int], notes: list[str]) -> list[Indicator]:
    indicators = []
    skipped = 0
    carried: list[int] = []  # rows whose 一级 (and 二级) was written only on the first row of its run
    first_carried: int | None = None  # that row's indicator, where the note points
    above: dict[str, str] = {}
    for row in range(header_row + 1, len(grid.rows)):
        values = {role: grid.text(row, column).strip() for role, column in columns.items()}
        first = next((text for text in values.values() if text), "")
        if is_footnote(first):
            notes.append(Note(f"绩效指标表第 {row + 1} 行是表注或签署栏（“{first[:20]}…”），未作为指标导入", row=row + 1,
                              source_text=first))
            continue
        if not values.get("name"):
            skipped += any(values.get(k) for k in ("period_value", "annual_value"))
            if values.get("level1"):  # a row that only heads a group (一级/二级 alone): its rows follow
                above = {"level1": values["level1"], "level2": values.get("level2", "")}
            continue
        if not values.get("level1") and above.get("level1") and "level1" in columns:
            values["level1"] = above["level1"]
            if not values.get("level2") and above.get("level2"):
                values["level2"] = above["level2"]
            carried.append(row + 1)
            first_carried = len(indicators) if first_carried is None else first_carried
            if owner := _misfit_owner(values["level1"], values.get("level2")):
                # a merged 一级 printed mid-run (a PDF centres it): the one carried from above is another run's
                notes.append(Note(f"绩效指标表第 {row + 1} 行的{_LEVEL1}为空，上一行的“{values['level1']}”与本行的二级指标"
                                  f"“{values['level2']}”不相符，已按二级指标读作“{owner}”，请核对", row=row + 1,
                                  location=paths.field(paths.indicator(paths.DEPARTMENT, len(indicators)), "level1")))
                values["level1"] = owner
        above = {"level1": values.get("level1", ""), "level2": values.get("level2", "")}
        sign, unit = values.pop("comparator", ""), values.pop("unit", "")
        for role in ("annual_value", "period_value"):
            values[role], unknown = joined_value(values.get(role, ""), sign, unit)
            if unknown and role == "annual_value":
                notes.append(Note(f"绩效指标表第 {row + 1} 行的指标性质“{unknown}”不是比较符，未并入指标值", row=row + 1,
                                  source_text=unknown, location=paths.field(paths.indicator(paths.DEPARTMENT,
                                                                                            len(indicators)), role)))
        indicators.append(Indicator(**{role: clean_multiline(text) if text else None for role, text in values.items()}))
    if skipped:
        notes.append(f"绩效指标表中有 {skipped} 行填了指标值但没有三级指标名称，已跳过")
    if carried:
        rows = "、".join(map(str, carried[:10])) + ("等" if len(carried) > 10 else "")
        notes.append(Note(f"绩效指标表第 {rows} 行的{_LEVEL1}为空，已沿用上一行的{_LEVEL1}"
                          f"（二级指标为空时一并沿用）：表中每组只在第一行写了{_LEVEL1}，请核对",
                          location=paths.indicator(paths.DEPARTMENT, first_carried), row=carried[0]))
    return indicators
