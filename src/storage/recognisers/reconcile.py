"""The import's self-check: what was read, held against what the table itself states (issue 22 item 2).

A published table states sums of its own — the 合计 row, a unit's subtotal row, each project's 总计 beside its
sources, the department form's groups of amounts, the numbering 1、2、3… of an indicator cell, a block heading
over its rows. Where what was read does not come to what the table states, either the table is wrong or the
reading is: the clerk is told first among the notes (需核对：…, with the table's figure, the figure read and the
row), and the project or the department form gets a 待复核 mark of that kind (model/declaration.Review), saved
with the file and shown as a warning until 已复核.

Everything here runs once per import over what the recognisers kept (published.ImportedTable.stated, rows,
item_numbers); the grid is looked at again only for a department form (a few dozen rows).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ...model import framework, paths
from ...model.declaration import (
    BUDGET_LABELS,
    DEPARTMENT_LABELS,
    FUNDS_LABELS,
    INDICATOR_LABELS,
    REVIEW_LABELS,
    TASK_HEADERS,
    TASK_LABELS,
    Department,
    Project,
    Review,
)
from ...model.notes import Note
from ...model.sums import (
    FUNDS_PARTS,
    INCOME,
    LEVELS,
    SPENDING,
    budget_expenditure,
    budget_group,
    budget_income,
    budget_with_development,
    funds_parts,
    parts_sum,
    project_total,
)
from ..containers.sheet_grid import Grid, label_key
from .form_2019_labels import (
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
from .form_2019_labels import INCOME as INCOME_2019
from .published import ImportedDepartment, ImportedTable, StatedRow, amounts_in_yuan, is_footnote, to_wanyuan

# Whether imports run the self-check: always, but for the benchmark's figure of an import with and without it
# (bench/__main__.py turns it off for that one measurement).
ENABLED = True
PREFIX = "需核对："
# Published amounts are printed rounded to the cent (万元 with two decimals), and a printed 合计 is often the
# rounded sum of unrounded amounts: the printed parts may then add up to a cent off the printed sum. A cent is
# rounding; more is not, at the sizes these tables have.
TOLERANCE = Decimal("0.01")
_ZERO = Decimal(0)
_GRAND = frozenset(("合计", "总计", ""))  # a row of the whole table; 本页合计 covers a page, 小计 a group
_SUBTOTAL = "小计"
_BOUNDS = frozenset(("合计", "总计", _SUBTOTAL))  # rows that end a unit's projects


def is_mismatch(note: str) -> bool:
    """Whether a 导入说明 is one of the self-check's (the commands print a 需核对 line first when there are some)."""
    return note.startswith(PREFIX)


def put_first(notes: list, found: list[Note]) -> None:
    """The self-check's notes first among the notes, after those of its that are there already."""
    at = next((index for index, note in enumerate(notes) if not is_mismatch(note)), len(notes))
    notes[at:at] = found


def _differs(stated: Decimal, read: Decimal | None) -> bool:
    return abs(stated - (read or _ZERO)) > TOLERANCE


def _mark(owner: Project | Department, mark: Review) -> None:
    if mark not in owner.review:
        owner.review = [*owner.review, mark]  # a new list: models never share their default


def _amount(value: Decimal | None) -> str:
    return "空" if value is None else f"{value:,.2f} 万元"


def _marked(mark: Review, whose: str) -> str:
    return f"{whose}已标记待复核“{REVIEW_LABELS[mark]}”，请对照原表核对"


# ---- 项目支出绩效目标表 ------------------------------------------------------------------------

def reconcile_table(table: ImportedTable, department: Department, source: str, sums: bool = True) -> list[Note]:
    """The table's 合计 and subtotal rows against the projects read, each project's 总计 against its sources and
    its numbered indicator items against the indicators read; marks what does not reconcile. sums=False leaves
    the sum rows out: a paste holds the rows a clerk chose, often under the 合计 row of the whole table."""
    found: list[Note] = []
    projects = table.projects
    for stated, start, end in _scopes(table.stated, len(projects)) if sums else ():
        found.extend(_sum_row(table, stated, start, end, department, source))
    # Once per project of a table of thousands: the common case (nothing to say) tested inline, the note built
    # only where there is one.
    for index, (project, row, numbers) in enumerate(zip(projects, table.rows, table.item_numbers)):
        funds = project.funds
        total, fiscal, special, other = funds.total, funds.fiscal, funds.special_account, funds.other
        if total is not None and (fiscal is not None or special is not None or other is not None) and abs(
                total - (fiscal or _ZERO) - (special or _ZERO) - (other or _ZERO)) > TOLERANCE:
            found.extend(_own_total(project, paths.project(table.first_project + index), f"第 {row} 行项目", source, row))
        # The numbers are the running ones 1…k, then any stated out of sequence: 1…read exactly when as many as read
        # and the last is read.
        if numbers and (len(numbers) != len(project.indicators) or numbers[-1] != len(project.indicators)):
            found.append(_numbering(project, paths.project(table.first_project + index), numbers, source, row))
    return found


def _numbering(project: Project, owner: str, numbers: list[int], source: str, row: int) -> Note:
    _mark(project, Review.INDICATORS_UNRECONCILED)
    shown = "、".join(map(str, numbers[:12])) + ("…" if len(numbers) > 12 else "")
    return Note(f"{PREFIX}第 {row} 行项目“{project.name}”的绩效指标编号为 {shown}（共 {len(numbers)} 项，"
                f"最大编号 {max(numbers)}），读出 {len(project.indicators)} 个指标；"
                + _marked(Review.INDICATORS_UNRECONCILED, "该项目"), location=paths.indicators(owner), source=source, row=row)


def reconcile_forms(projects: list[Project], read_from: dict[int, str]) -> list[Note]:
    """The 项目支出绩效目标申报表 of a PDF (one form per project, pdf_forms): each form's 总计 against its sources.
    read_from: the pages each form was read from, by id() of the project read from it."""
    found: list[Note] = []
    for index, project in enumerate(projects):
        source = read_from.get(id(project))
        if source is not None and project.funds.total is not None:
            found.extend(_own_total(project, paths.project(index), f"{source}的项目", source, None))
    return found


def _own_total(project: Project, owner: str, what: str, source: str, row: int | None) -> list[Note]:
    """A project's 总计 against 财政拨款 + 财政专户拨款 + 其他资金, where it has any of them."""
    total, parts = project.funds.total, funds_parts(project.funds)
    if total is None or parts is None or not _differs(total, parts):
        return []
    _mark(project, Review.AMOUNTS_UNRECONCILED)
    return [Note(f"{PREFIX}{what}“{project.name}”的{FUNDS_LABELS['total']}为 {_amount(total)}，读出的{_PARTS}之和为 "
                 f"{_amount(parts)}（相差 {abs(total - parts):,.2f} 万元）；" + _marked(Review.AMOUNTS_UNRECONCILED, "该项目"),
                 location=paths.field(owner, "funds.total"), source=source, row=row)]


_PARTS = "、".join(FUNDS_LABELS[key] for key in FUNDS_PARTS)


def _scopes(stated: list[StatedRow], count: int) -> Iterable[tuple[StatedRow, int, int]]:
    """Each sum row with the projects it covers, [start, end) in the table's projects; rows whose reach the
    table does not make plain (本页合计, a 合计 between projects, a row of amounts without a name between
    projects) are left out, and are no boundary of another row's reach.

    A unit's row heads the projects up to the next unit's row, 小计 or 合计; a row heading other unit rows (a
    department over its units) reaches to the next such row or to a 合计 after the projects; a 小计 row closes
    the projects since the boundary before it."""
    outer = {id(row) for row, after in zip(stated, stated[1:])
             if row.heads_group and after.heads_group and after.first == row.first}
    bounds = [row for row in stated if row.heads_group or row.label in _BOUNDS]
    for position, row in enumerate(stated):
        if not any(value is not None for value in row.amounts.values()):
            continue
        later = [other for other in bounds if other.first > row.first]
        if row.heads_group and id(row) in outer:
            yield row, row.first, next((other.first for other in later if id(other) in outer
                                        or (not other.heads_group and other.label in _GRAND)), count)
        elif row.heads_group:
            yield row, row.first, later[0].first if later else count
        elif row.label in _GRAND and row.first in (0, count):
            yield row, 0, count
        elif row.label == _SUBTOTAL and row.first > 0:
            yield row, max((other.first for other in bounds[:bounds.index(row)] if other.first < row.first),
                           default=0), row.first


def _sum_row(table: ImportedTable, stated: StatedRow, start: int, end: int, department: Department,
             source: str) -> list[Note]:
    group = table.projects[start:end]
    wrong = []
    for key, value in stated.amounts.items():
        if value is None:
            continue
        if key == "total":  # 总计 as written, or (as the model's projects_total) its sources where it is empty
            written = parts_sum(*[p.funds.total for p in group])
            read = written if all(p.funds.total is not None for p in group) else parts_sum(*map(project_total, group))
            if _differs(value, read) and _differs(value, written):
                wrong.append((key, value, read))
        else:
            read = parts_sum(*[getattr(p.funds, key) for p in group])
            if _differs(value, read):
                wrong.append((key, value, read))
    if not wrong:
        return []
    figures = "；".join(f"{FUNDS_LABELS[key]}：原表 {_amount(value)}，读出之和 {_amount(read)}"
                        for key, value, read in wrong)
    rows = ""
    if group and len(table.rows) >= end:
        rows = f"（第 {table.rows[start]}–{table.rows[end - 1]} 行）" if len(group) > 1 else f"（第 {table.rows[start]} 行）"
    if stated.heads_group or stated.label == _SUBTOTAL:
        for project in group:
            _mark(project, Review.AMOUNTS_UNRECONCILED)
        what = f"“{stated.label}”小计行与其所属的" if stated.heads_group else "小计行与其所属的"
        whose, location = f"这 {len(group)} 个项目", paths.project(table.first_project + start) if group else None
    else:
        _mark(department, Review.AMOUNTS_UNRECONCILED)
        what, whose, location = "合计行与读出的", "部门整体", paths.field(paths.BUDGET, "project")
    return [Note(f"{PREFIX}第 {stated.row} 行{what} {len(group)} 个项目{rows}的金额之和不符：{figures}；"
                 + _marked(Review.AMOUNTS_UNRECONCILED, whose), location=location, source=source, row=stated.row)]


# ---- 部门整体预算绩效目标申报表 (and the 2019 form) -------------------------------------------------

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
        _mark(department, Review.BLOCK_UNREAD)
        found.append(Note(f"{PREFIX}第 {at + 1} 行的“{heading}”栏目下没有读出任何{items}（{seen}）；"
                          + _marked(Review.BLOCK_UNREAD, "部门整体"), location=paths.DEPARTMENT, source=source,
                          row=at + 1, source_text=None if text is None else text[1][:80]))
    return found


def _budget(department: Department, grid: Grid, source: str) -> list[Note]:
    budget = department.budget
    found: list[tuple[str, str, int | None]] = []  # (what does not add up, the field it points at, its row)
    spending, income, levels = budget_expenditure(budget), budget_income(budget), budget_group(budget, LEVELS)
    # As the checks accept it: published forms (seeds 001, 003) add 事业发展性支出 to 基本 + 项目 支出 first.
    if spending is not None and income is not None and _differs(income, spending) \
            and _differs(income, budget_with_development(budget)):
        found.append((f"{INCOME}（{BUDGET_LABELS['fiscal']} + {BUDGET_LABELS['other_income']}）为 {_amount(income)}，"
                      f"{SPENDING}（{BUDGET_LABELS['basic']} + {BUDGET_LABELS['project']}）为 {_amount(spending)}，"
                      f"加上事业发展性支出为 {_amount(budget_with_development(budget))}", "fiscal", None))
    if income is not None and levels is not None and _differs(income, levels):
        found.append((f"{LEVELS}（{BUDGET_LABELS['own_level']} + {BUDGET_LABELS['transfer']}）为 {_amount(levels)}，"
                      f"{INCOME}为 {_amount(income)}", "own_level", None))
    total = _total_2019(grid)
    if total is not None and budget.fiscal is not None and budget.other_income is not None \
            and _differs(total[1], budget.fiscal + budget.other_income):
        found.append((f"本年度部门预算收入总额为 {_amount(total[1])}，读出的{BUDGET_LABELS['fiscal']}与"
                      f"{BUDGET_LABELS['other_income']}之和为 {_amount(budget.fiscal + budget.other_income)}", "fiscal",
                      total[0]))
    notes = []
    for text, key, row in found:
        _mark(department, Review.AMOUNTS_UNRECONCILED)
        if row is None:
            found_at = _find(grid, lambda k, label=label_key(BUDGET_LABELS[key]): k == label)
            row = found_at[0] if found_at else None
        notes.append(Note(f"{PREFIX}部门整体表的金额与其合计不符：{text}；" + _marked(Review.AMOUNTS_UNRECONCILED, "部门整体"),
                          location=paths.field(paths.BUDGET, key), source=source,
                          row=None if row is None else row + 1))
    return notes


def _total_2019(grid: Grid) -> tuple[int, Decimal] | None:
    """The 2019 form's 本年度部门预算收入总额 (its row, its amount), where the form has one."""
    from .ocr_numbers import Kind, read_published_amount

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
    if not _differs(totals[0].funds, read):
        return []
    _mark(department, Review.AMOUNTS_UNRECONCILED)
    return [Note(f"{PREFIX}{DEPARTMENT_LABELS['tasks']}的合计为 {_amount(totals[0].funds)}，读出的各项任务"
                 f"{TASK_LABELS['funds']}之和为 {_amount(read)}；" + _marked(Review.AMOUNTS_UNRECONCILED, "部门整体"),
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
