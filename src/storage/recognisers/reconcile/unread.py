"""Places the table has, read empty (issue 22 items 2 and 7).

A field the table has a column or a labelled place for, read empty: either the table leaves it empty or the reading
lost it, and the grid cannot tell which. The clerk hears it once per item (a project, a task, an indicator), every
empty field of the item named in one note; a column empty in every item is said once. Not said: a field the table
has no place for (番禺 prints no amounts), a field a note of the reading already points at, and an amount the
table's own sums show to be nothing (a blank 财政专户拨款 beside 总计 = 财政拨款). What the table has a place for
the recognisers say: published.ImportedTable.columns, published.ImportedDepartment.places.
"""

from __future__ import annotations

from ....model import framework, paths
from ....model.declaration import (
    BUDGET_GROUPS,
    BUDGET_LABELS,
    DEPARTMENT_LABELS,
    FUNDS_LABELS,
    INDICATOR_LABELS,
    PROJECT_LABELS,
    TASK_LABELS,
    Department,
    Project,
)
from ....model.notes import Note
from ....model.sums import DEVELOPMENT, INCOME, LEVELS, SPENDING, parts_sum
from ..published import ImportedDepartment, ImportedTable
from .common import ZERO, differs

_UNREAD = "没有读到（原表{where}为空，或未能识别），请对照原表填写"
_PROJECT_PLACES = {"unit": PROJECT_LABELS["unit"], "period": PROJECT_LABELS["period"],
                   **{f"funds.{key}": label for key, label in FUNDS_LABELS.items()},
                   "goal": PROJECT_LABELS["goal"], "indicators": PROJECT_LABELS["indicators"]}


def unread_projects(table: ImportedTable, said: set[str], source: str, what: str = "项目表") -> list[Note]:
    """A note for each project with fields its table has a column for (or, for 预算单位, unit rows above it) that
    were read empty; said: the locations other notes already point at; what: how the notes name the table."""
    columns = table.columns
    places = [key for key in _PROJECT_PLACES if key.removeprefix("funds.") in columns]
    if "unit" not in columns and any(project.unit for project in table.projects):
        places.insert(0, "unit")  # the unit rows heading the projects (天河) are the units' place
    owners = [paths.project(table.first_project + index) for index in range(len(table.projects))]
    empties = [[key for key in _empty_places(project, places) if paths.field(owner, key) not in said]
               for project, owner in zip(table.projects, owners)]
    empties, whole = _columns_apart(empties)
    found = []
    if whole:
        found.append(_column_note(what, [_PROJECT_PLACES[key] for key in whole], len(empties), "个项目",
                                  paths.field(owners[0], whole[0]), source))
    for index, (project, owner, keys) in enumerate(zip(table.projects, owners, empties)):
        if keys:
            row = table.rows[index] if index < len(table.rows) else None
            whose = (f"第 {row} 行" if row else "") + f"项目“{project.name or ''}”"
            found.append(_item_note(whose, [_PROJECT_PLACES[key] for key in keys], owner, keys, source, row))
            if index and _no_money(keys, places):
                found.append(_rest_of_row_above(table, index, owners[index - 1], source))
    return found


def _no_money(keys: list[str], places: list[str]) -> bool:
    """Whether every amount the table has a column for was read empty (a project row with no money at all)."""
    money = [key for key in places if key.startswith("funds.")]
    return bool(money) and all(key in keys for key in money)


def _rest_of_row_above(table: ImportedTable, index: int, above: str, source: str) -> Note:
    """A row with no money right under a project may be that project's rest, broken across a page by a producer
    that grows rows to their text (a browser): the rest of its name, unit, goal and indicators under the next
    page's header, the row above cut short, unsaid (seed 34's browser print p032)."""
    row, previous = (table.rows[i] if i < len(table.rows) else None for i in (index, index - 1))
    name = table.projects[index - 1].name or ""
    here = f"第 {row} 行" if row else "下一行"
    return Note(f"{here}“{table.projects[index].name or ''}”没有金额，可能是上一行项目“{name}”跨页断开的后半部分："
                f"上一行的预算单位、绩效目标、绩效指标可能不全，请对照原表核对这两行", location=above, source=source,
                row=previous)


_FUNDS_PLACES = {f"funds.{key}": key for key in FUNDS_LABELS}


def _empty_places(project: Project, places: list[str]) -> list[str]:
    """Those of places (keys of _PROJECT_PLACES) that project holds nothing at. One pass per project: a city's
    table has thousands, nearly all of them filled."""
    funds = project.funds
    empty = []
    blank = None  # whether a blank source is one: the same for all of the project's sources, so asked once
    for key in places:
        part = _FUNDS_PLACES.get(key)
        if part is None:
            if not (project.indicators if key == "indicators" else getattr(project, key)):
                empty.append(key)
        elif getattr(funds, part) is None:
            if key != "funds.total" and blank is None:
                blank = _blank_source(funds)
            if key == "funds.total" or blank:
                empty.append(key)
    return empty


def _blank_source(funds) -> bool:
    """Whether a source left blank is one this project's money has: not when the 总计 is what its read sources
    come to; beside no 总计, only when no source was read either (else the blank ones are most likely the table's
    nothing)."""
    fiscal, special, other = funds.fiscal, funds.special_account, funds.other  # funds_parts(), inline: once a project
    if fiscal is None and special is None and other is None:
        return funds.total is None or differs(funds.total, None)
    return funds.total is not None and differs(funds.total, (fiscal or ZERO) + (special or ZERO) + (other or ZERO))


def unread_department(form: ImportedDepartment, said: set[str], source: str) -> list[Note]:
    """Notes for the department form's labelled fields, 预算整体情况 amounts, and task and indicator cells (where
    the table has the column) that were read empty."""
    department, places = form.department, form.places
    found = []
    own = [key for key in ("name", "functions", "overall_goal") if key in places.get("department", ())
           and not getattr(department, key) and paths.field(paths.DEPARTMENT, key) not in said]
    if own:
        found.append(_item_note("部门整体表", [DEPARTMENT_LABELS[key] for key in own], paths.DEPARTMENT, own, source))
    nothing = _zero_by_sums(department)
    budget = [key for key in BUDGET_LABELS if key in places.get("budget", ()) and key not in nothing
              and getattr(department.budget, key) is None and paths.field(paths.BUDGET, key) not in said]
    if budget:
        found.append(_item_note(f"部门整体表“{DEPARTMENT_LABELS['budget']}”中", [BUDGET_LABELS[key] for key in budget],
                                paths.BUDGET, budget, source))
    task_places = [key for key in TASK_LABELS if key in places.get("tasks", ())]
    found.extend(_list_notes(department.tasks, task_places, TASK_LABELS, paths.task, DEPARTMENT_LABELS["tasks"], "项",
                             said, source))
    indicator_places = [key for key in INDICATOR_LABELS if key in places.get("indicators", ())]
    found.extend(_list_notes(department.indicators, indicator_places, INDICATOR_LABELS,
                             lambda index: paths.indicator(paths.DEPARTMENT, index), DEPARTMENT_LABELS["indicators"],
                             "个", said, source))
    return found


def _list_notes(items: list, places: list[str], labels: dict[str, str], location, what: str, counter: str,
                said: set[str], source: str) -> list[Note]:
    owners = [location(index) for index in range(len(items))]
    empties = [[key for key in places if _item_empty(item, key) and paths.field(owner, key) not in said]
               for item, owner in zip(items, owners)]
    empties, whole = _columns_apart(empties)
    found = []
    if whole:
        found.append(_column_note(what, [labels[key] for key in whole], len(items), f"{counter}{'任务' if counter == '项' else '指标'}",
                                  paths.field(owners[0], whole[0]), source))
    for index, (item, owner, keys) in enumerate(zip(items, owners, empties)):
        if keys:
            name = f"“{item.name}”" if item.name else ""
            found.append(_item_note(f"{what}第 {index + 1} {counter}{name}", [labels[key] for key in keys], owner, keys,
                                    source))
    return found


def _item_empty(item, key: str) -> bool:
    value = getattr(item, key)
    if key == "level2" and value is None:  # a 一级 with one 二级 alone (满意度指标) is often printed without it
        return framework.only_level2(framework.canonical_level(item.level1)) is None
    return value is None or (isinstance(value, str) and not value.strip())


def _zero_by_sums(department: Department) -> set[str]:
    """The 预算整体情况 amounts read empty that the form's own sums show to be nothing: the empty amounts of two
    sides that come to the same total with them left out (收入来源 = 按预算级次划分, 收入来源 = 部门预算支出 with or
    without 事业发展性支出)."""
    budget = department.budget
    sides = [BUDGET_GROUPS[INCOME], BUDGET_GROUPS[LEVELS], BUDGET_GROUPS[SPENDING],
             BUDGET_GROUPS[SPENDING] + BUDGET_GROUPS[DEVELOPMENT]]
    totals = [parts_sum(*(getattr(budget, key) for key in keys)) for keys in sides]
    nothing: set[str] = set()
    for first, (keys, total) in enumerate(zip(sides, totals)):
        for other, other_total in zip(sides[first + 1:], totals[first + 1:]):
            if total is not None and other_total is not None and set(keys).isdisjoint(other) \
                    and not differs(total, other_total):
                nothing.update(keys, other)
    return nothing


def _columns_apart(empties: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """The fields read empty per item, less the columns read empty in every one of two or more items: those are
    the table's way (or a column the reading lost), said once rather than once a row."""
    if len(empties) < 2:
        return empties, []
    whole = [key for key in dict.fromkeys(key for keys in empties for key in keys) if all(key in keys for keys in empties)]
    return [[key for key in keys if key not in whole] for keys in empties], whole


def _item_note(whose: str, labels: list[str], owner: str, keys: list[str], source: str, row: int | None = None) -> Note:
    """One item's fields read empty, at the first of them: the item's own place would point at every field it has,
    those read well too (and a project's at its indicators); the words name the others. The total and sources with it
    (总计 and 财政拨款 of a 自评表 whose 年初预算数 is blank) are said at the funds: the total read empty, every amount
    of the funds is in question, and no other field is pointed at."""
    where = "此格" if len(keys) == 1 else "这些格"
    amounts = keys[0] == "funds.total" and len(keys) > 1 and all(key.startswith("funds.") for key in keys)
    place = "funds" if amounts else keys[0]
    return Note(f"{whose}的{'、'.join(labels)}" + _UNREAD.format(where=where), location=paths.field(owner, place),
                source=source, row=row)


def _column_note(what: str, labels: list[str], count: int, items: str, location: str, source: str) -> Note:
    shown = "、".join(f"“{label}”" for label in labels)
    return Note(f"{what}的{shown}栏在全部 {count} {items}中都" + _UNREAD.format(where="此栏" if len(labels) == 1 else "这些栏"),
                location=location, source=source)
