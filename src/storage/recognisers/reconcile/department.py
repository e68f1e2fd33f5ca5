"""The 部门整体预算绩效目标申报表 (and the 2019 form) against its own sums and blocks: the groups of 预算整体情况,
the 2019 form's 收入总额, a task table's 合计 row, a block heading with nothing read under it."""

from __future__ import annotations

from decimal import Decimal

from ....model import framework, paths
from ....model.declaration import (
    BUDGET_LABELS,
    DEPARTMENT_LABELS,
    INDICATOR_LABELS,
    TASK_HEADERS,
    TASK_LABELS,
    Department,
    Review,
)
from ....model.notes import Note
from ....model.sums import (
    INCOME,
    LEVELS,
    SPENDING,
    budget_expenditure,
    budget_group,
    budget_income,
    budget_with_development,
    parts_sum,
)
from ...containers.sheet_grid import Grid, label_key
from ..form_2019.labels import (
    EXPECTED,
    GOAL_LABEL,
    KEY,
    NUMBERING,
    PROJECTS,
    REMARKS,
    STANDARD,
    TASK_INDICATOR,
    THREE_YEARS,
    is_plan_header,
)
from ..form_2019.labels import INCOME as INCOME_2019
from ..published import ImportedDepartment, amounts_in_yuan, is_footnote, to_wanyuan
from .common import PREFIX, add_mark, amount_words, differs, marked_words


def reconcile_department(form: ImportedDepartment, grid: Grid, source: str, said_empty: bool = False) -> list[Note]:
    """The form's own sums and its blocks against what was read; marks the department where they do not
    reconcile. A block heading with nothing read under it is one of them, whether its rows hold text the reading
    missed or look blank (a reading of text may have lost the cells: the grid cannot tell) — unless said_empty:
    the editor's own PDF prints （未填写） in an empty block, and it was dropped before the grid was read."""
    department = form.department
    found = _budget(department, grid, source) + _tasks_total(department, source)
    for heading, read, is_heading in _BLOCKS:
        found_at = _find(grid, is_heading)
        if found_at is None or read(department):
            continue
        at, key = found_at
        text = _text_under(grid, at, key)
        if text is None and said_empty:
            continue
        items = "指标" if heading == DEPARTMENT_LABELS["indicators"] else "任务"
        seen = "原表此处为空，或其内容未能读出" if text is None else f"其下有内容，如第 {text[0] + 1} 行“{text[1][:20]}”"
        add_mark(department, Review.BLOCK_UNREAD)
        found.append(Note(f"{PREFIX}第 {at + 1} 行的“{heading}”栏目下没有读出任何{items}（{seen}）；"
                          + marked_words(Review.BLOCK_UNREAD, "部门整体"), location=paths.DEPARTMENT, source=source,
                          row=at + 1, source_text=None if text is None else text[1][:80]))
    return found


def _budget(department: Department, grid: Grid, source: str) -> list[Note]:
    budget = department.budget
    found: list[tuple[str, str, int | None]] = []  # (what does not add up, the field it points at, its row)
    spending, income, levels = budget_expenditure(budget), budget_income(budget), budget_group(budget, LEVELS)
    # As the checks accept it: published forms (seeds 001, 003) add 事业发展性支出 to 基本 + 项目 支出 first.
    if spending is not None and income is not None and differs(income, spending) \
            and differs(income, budget_with_development(budget)):
        found.append((f"{INCOME}（{BUDGET_LABELS['fiscal']} + {BUDGET_LABELS['other_income']}）为 {amount_words(income)}，"
                      f"{SPENDING}（{BUDGET_LABELS['basic']} + {BUDGET_LABELS['project']}）为 {amount_words(spending)}，"
                      f"加上事业发展性支出为 {amount_words(budget_with_development(budget))}", "fiscal", None))
    if income is not None and levels is not None and differs(income, levels):
        found.append((f"{LEVELS}（{BUDGET_LABELS['own_level']} + {BUDGET_LABELS['transfer']}）为 {amount_words(levels)}，"
                      f"{INCOME}为 {amount_words(income)}", "own_level", None))
    total = _total_2019(grid)
    if total is not None and budget.fiscal is not None and budget.other_income is not None \
            and differs(total[1], budget.fiscal + budget.other_income):
        found.append((f"本年度部门预算收入总额为 {amount_words(total[1])}，读出的{BUDGET_LABELS['fiscal']}与"
                      f"{BUDGET_LABELS['other_income']}之和为 {amount_words(budget.fiscal + budget.other_income)}", "fiscal",
                      total[0]))
    notes = []
    for text, key, row in found:
        add_mark(department, Review.AMOUNTS_UNRECONCILED)
        if row is None:
            found_at = _find(grid, lambda k, label=label_key(BUDGET_LABELS[key]): k == label)
            row = found_at[0] if found_at else None
        notes.append(Note(f"{PREFIX}部门整体表的金额与其合计不符：{text}；" + marked_words(Review.AMOUNTS_UNRECONCILED, "部门整体"),
                          location=paths.field(paths.BUDGET, key), source=source,
                          row=None if row is None else row + 1))
    return notes


def _total_2019(grid: Grid) -> tuple[int, Decimal] | None:
    """The 2019 form's 本年度部门预算收入总额 (its row, its amount), where the form has one."""
    from ..ocr_numbers import Kind, read_published_amount

    wanted = INCOME_2019["total"]
    for r, row in enumerate(grid.rows[:400]):
        for c, value in enumerate(row):
            if value is None or not NUMBERING.sub("", label_key(value)).startswith(wanted):
                continue
            label = label_key(value)
            text = next((grid.text(r, k) for k in range(c + 1, len(row))
                         if grid.text(r, k).strip() and label_key(grid.cell(r, k)) != label), "")
            reading = read_published_amount(text)
            if reading.value is None or reading.kind not in (Kind.PRINTED, Kind.MENDED):
                return None
            return r, to_wanyuan(reading.value) if amounts_in_yuan(grid, len(grid.rows) - 1) else reading.value
    return None


def _tasks_total(department: Department, source: str) -> list[Note]:
    """A task table that states its own total (a task row named 合计): the other tasks' funds against it."""
    totals = [task for task in department.tasks if task.name and label_key(task.name) in ("合计", "小计", "总计")]
    if len(totals) != 1 or totals[0].funds is None:
        return []
    read = parts_sum(*(task.funds for task in department.tasks if task is not totals[0]))
    if not differs(totals[0].funds, read):
        return []
    add_mark(department, Review.AMOUNTS_UNRECONCILED)
    return [Note(f"{PREFIX}{DEPARTMENT_LABELS['tasks']}的合计为 {amount_words(totals[0].funds)}，读出的各项任务"
                 f"{TASK_LABELS['funds']}之和为 {amount_words(read)}；" + marked_words(Review.AMOUNTS_UNRECONCILED, "部门整体"),
                 location=paths.TASKS, source=source)]


# The blocks a department form heads, what was read under each, and how its heading cell is told.
_TASKS_KEY, _INDICATORS_KEY = label_key(DEPARTMENT_LABELS["tasks"]), label_key(DEPARTMENT_LABELS["indicators"])
_BLOCKS = (
    (DEPARTMENT_LABELS["tasks"], lambda d: d.tasks, lambda k: k == _TASKS_KEY),
    (DEPARTMENT_LABELS["indicators"], lambda d: d.indicators, lambda k: k == _INDICATORS_KEY),
    ("年度主要支出计划", lambda d: d.tasks, is_plan_header),
)
# Where a block ends: the next block, or a part of the form that is not the block's.
_ENDS = frozenset(label_key(text) for text in (DEPARTMENT_LABELS["tasks"], DEPARTMENT_LABELS["indicators"],
                                               DEPARTMENT_LABELS["overall_goal"], DEPARTMENT_LABELS["functions"],
                                               DEPARTMENT_LABELS["budget"]))
_LABELS = frozenset(label_key(text) for text in (*TASK_HEADERS.values(), *TASK_LABELS.values(),
                                                 *INDICATOR_LABELS.values(), *DEPARTMENT_LABELS.values(), "预算金额(万元)",
                                                 KEY, EXPECTED, GOAL_LABEL, "本年", "年度目标", "三年期目标"))
_TEMPLATE = "其他需完成的任务"
_HEADER_WORDS_2019 = ("主要支出计划", TASK_INDICATOR, STANDARD, PROJECTS, EXPECTED, "任务(政策)")
# The labels longest first, to tell a cell that is only labels run together (名称主要实施内容, a header whose
# cells a PDF reading joined) from text.
_BY_LENGTH = sorted(_LABELS, key=len, reverse=True)


def _find(grid: Grid, wanted) -> tuple[int, str] | None:
    """The first cell whose label key is wanted: its row (0-based) and its key."""
    for r, row in enumerate(grid.rows):
        for value in row:
            if value is not None:
                key = label_key(value)
                if key and wanted(key):
                    return r, key
    return None


def _text_under(grid: Grid, heading_row: int, first: str) -> tuple[int, str] | None:
    """The first cell under a block heading (first: its key), up to the next block, that is neither a label of
    the form, nor a level name alone (an indicator table's empty 一级/二级 rows), nor the template's optional row,
    nor a footnote: (its row, its text), or None when the block holds nothing but those. The heading's own row
    (where a table's header may stand beside it) is looked at last."""
    end = next((r for r in range(heading_row + 1, len(grid.rows))
                if any((k in _ENDS and k != first) or k.startswith((THREE_YEARS, *REMARKS)) for k in _keys(grid, r))),
               len(grid.rows))
    for r in [*range(heading_row + 1, end), heading_row]:
        for key in _keys(grid, r):
            if key == first or key.startswith(_TEMPLATE) or is_footnote(key) or _only_labels(key):
                continue
            if len(key) <= 30 and any(word in key for word in _HEADER_WORDS_2019):
                continue
            canonical = framework.canonical_level(key)
            if framework.is_known_level1(canonical) or framework.is_known_level2(canonical):
                continue
            return r, " ".join(grid.text(r, next(c for c, v in enumerate(grid.rows[r]) if label_key(v) == key)).split())
    return None


def _keys(grid: Grid, row: int) -> list[str]:
    return [key for key in map(label_key, grid.rows[row]) if key]


def _only_labels(key: str) -> bool:
    if key in _LABELS or key.rstrip(":") in _LABELS:
        return True
    rest = key
    for label in _BY_LENGTH:
        if label in rest:
            rest = rest.replace(label, "")
    return not rest.strip(":()（）、，,;；/ ")
