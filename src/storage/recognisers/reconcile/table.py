"""The 项目支出绩效目标表 against its own sums: the 合计 and subtotal rows against the projects read, each project's
总计 against its sources, the numbered items of an indicator cell against the indicators read."""

from __future__ import annotations

from typing import Iterable

from ....model import paths
from ....model.declaration import FUNDS_LABELS, Department, Project, Review
from ....model.notes import Note
from ....model.sums import FUNDS_PARTS, funds_parts, parts_sum, project_total
from ..published import ImportedTable, StatedRow
from .common import PREFIX, TOLERANCE, ZERO, add_mark, amount_words, differs, marked_words

_GRAND = frozenset(("合计", "总计", ""))  # a row of the whole table; 本页合计 covers a page, 小计 a group
_SUBTOTAL = "小计"
_BOUNDS = frozenset(("合计", "总计", _SUBTOTAL))  # rows that end a unit's projects


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
                total - (fiscal or ZERO) - (special or ZERO) - (other or ZERO)) > TOLERANCE:
            found.extend(_own_total(project, paths.project(table.first_project + index), f"第 {row} 行项目", source, row))
        # The numbers are the running ones 1…k, then any stated out of sequence: 1…read exactly when as many as read
        # and the last is read.
        if numbers and (len(numbers) != len(project.indicators) or numbers[-1] != len(project.indicators)):
            found.append(_numbering(project, paths.project(table.first_project + index), numbers, source, row))
    return found


def _numbering(project: Project, owner: str, numbers: list[int], source: str, row: int) -> Note:
    add_mark(project, Review.INDICATORS_UNRECONCILED)
    shown = "、".join(map(str, numbers[:12])) + ("…" if len(numbers) > 12 else "")
    return Note(f"{PREFIX}第 {row} 行项目“{project.name}”的绩效指标编号为 {shown}（共 {len(numbers)} 项，"
                f"最大编号 {max(numbers)}），读出 {len(project.indicators)} 个指标；"
                + marked_words(Review.INDICATORS_UNRECONCILED, "该项目"), location=paths.indicators(owner), source=source, row=row)


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
    if total is None or parts is None or not differs(total, parts):
        return []
    add_mark(project, Review.AMOUNTS_UNRECONCILED)
    return [Note(f"{PREFIX}{what}“{project.name}”的{FUNDS_LABELS['total']}为 {amount_words(total)}，读出的{_PARTS}之和为 "
                 f"{amount_words(parts)}（相差 {abs(total - parts):,.2f} 万元）；" + marked_words(Review.AMOUNTS_UNRECONCILED, "该项目"),
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
            if differs(value, read) and differs(value, written):
                wrong.append((key, value, read))
        else:
            read = parts_sum(*[getattr(p.funds, key) for p in group])
            if differs(value, read):
                wrong.append((key, value, read))
    if not wrong:
        return []
    figures = "；".join(f"{FUNDS_LABELS[key]}：原表 {amount_words(value)}，读出之和 {amount_words(read)}"
                        for key, value, read in wrong)
    rows = ""
    if group and len(table.rows) >= end:
        rows = f"（第 {table.rows[start]}–{table.rows[end - 1]} 行）" if len(group) > 1 else f"（第 {table.rows[start]} 行）"
    if stated.heads_group or stated.label == _SUBTOTAL:
        for project in group:
            add_mark(project, Review.AMOUNTS_UNRECONCILED)
        what = f"“{stated.label}”小计行与其所属的" if stated.heads_group else "小计行与其所属的"
        whose, location = f"这 {len(group)} 个项目", paths.project(table.first_project + start) if group else None
    else:
        add_mark(department, Review.AMOUNTS_UNRECONCILED)
        what, whose, location = "合计行与读出的", "部门整体", paths.field(paths.BUDGET, "project")
    return [Note(f"{PREFIX}第 {stated.row} 行{what} {len(group)} 个项目{rows}的金额之和不符：{figures}；"
                 + marked_words(Review.AMOUNTS_UNRECONCILED, whose), location=location, source=source, row=stated.row)]
