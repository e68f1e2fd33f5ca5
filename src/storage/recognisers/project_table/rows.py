"""What a row of the 项目支出绩效目标表 is, beyond a 合计 row: a project, a department's or a unit's row heading the
projects under it, a category's subtotal over them, or a row whose name is another field's text (the guards of
field_shapes.py), each finding said in a note where the clerk will look; and a row's cells by role and the sums it
states, read alike for the table (project_table.py) and for these guards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from ....model import paths
from ....model.declaration import PROJECT_LABELS
from ....model.notes import Note
from ...containers.sheet_grid import Grid, cell_text, label_key
from ..field_shapes import (
    INDICATOR,
    PROSE,
    excerpt,
    heading_reason,
    is_known_organisation,
    is_organisation,
    is_project_name,
    organisation_misfit,
    project_name_misfit,
    sums_to,
)
from ..indicator_text import clean_cell_text
from ..ocr_numbers import Kind, in_wanyuan, read_published_amount
from ..published import ImportedTable, is_footnote

TOTAL_ROW = re.compile(r"^(合计|总计|小计|本页合计)$")
FUND_KEYS = ("total", "fiscal", "special_account", "other")


@dataclass
class Names:
    """What the guards on a row's name hold it against: the department's and the units' names read so far (a
    "project" of one of these names is a heading row), and the table's 合计/总计 rows, found when first asked for."""

    grid: Grid
    columns: dict[str, int]
    in_yuan: bool
    organisations: list[str]
    _sum_rows: list[tuple[int, str, Decimal]] | None = None
    refused_department: bool = False  # a 主管部门 cell was another field's text: said once

    def sum_rows(self, header_row: int) -> list[tuple[int, str, Decimal]]:
        if self._sum_rows is None:
            self._sum_rows = _sum_rows(self.grid, header_row + 1, self.columns, self.in_yuan)
        return self._sum_rows


SKIP, HEADING, UNNAMED, GROUP, PROJECT = "skip", "heading", "unnamed heading", "group", "project"


def row_kind(table: ImportedTable, row: int, name: str, values: dict[str, str], names: Names) -> str:
    """What a row that is no sum row is: a department's or a unit's row heading the projects under it (HEADING),
    one whose name is another field's text (UNNAMED: it has amounts, so it heads projects, of no unit that can be
    told), a project (PROJECT, also a row without a name: said by the caller), a category's row over projects
    (GROUP), or none of them (SKIP: its name is another field's text, said in a note). Without 绩效目标 and
    绩效指标 a row heads units, unless its name is a project's (…经费); with them it is a project, unless its name
    is a department's or a unit's and its amounts a sum (the cells of a neighbour slipped into it)."""
    heads = bool(name) and not values.get("goal") and not values.get("indicators")
    # A unit's name is no sentence either; a project's may carry a comma, and its goal beside it tells the row.
    misfit = (organisation_misfit if heads else project_name_misfit)(name)
    if misfit and heads and any(v is not None for v in stated_amounts(values, names.in_yuan).values()):
        # A subtotal row whose name is not a unit's: it heads projects, of a unit this reading cannot tell.
        table.notes.append(Note(f"第 {row + 1} 行是有金额的小计行，但其名称栏中是{misfit}（“{excerpt(name)}”），不是单位名称："
                                f"其下项目的预算单位已留空，请按原表填写", row=row + 1, source_text=name,
                                location=paths.field(_upcoming(table), "unit")))
        return UNNAMED
    if misfit:
        _stray_row_note(table, row, name, misfit)
        return SKIP
    if heads and is_project_name(name):  # no unit's name ends with 经费, 项目: a category's row, or a project's
        return _project_named_row(table, row, name, values, names)
    if heads or not name:
        return HEADING if heads else PROJECT
    known = is_known_organisation(name, names.organisations)
    if not known and not is_organisation(name):  # a project's name: the common case, nothing more to look at
        return PROJECT

    def stated() -> Iterator[tuple[str, Decimal]]:  # the sums the table states: above this row, and its 合计 rows
        for sum_row in table.stated:
            if (said := _amount_of(sum_row.amounts)) is not None:
                yield f"第 {sum_row.row} 行“{sum_row.label or '合计'}”的金额", said
        for at, label, said in names.sum_rows(table.header_row):
            if at > row:
                yield f"第 {at + 1} 行“{label}”的金额", said

    amounts = stated_amounts(values, names.in_yuan)
    why = heading_reason(name, _amount_of(amounts), any(v is not None for v in amounts.values()), names.organisations, stated,
                         lambda: _sum_under(names.grid, row, names.columns, names.in_yuan))
    if why:
        _heading_text_note(table, row, name, why, values)
        return HEADING
    if known:
        table.notes.append(Note(f"第 {row + 1} 行项目名称“{name}”与部门或单位的名称相同，但金额与合计、小计都不相同，"
                                f"已作为项目导入，请核对它是否为单位标题行", row=row + 1, source_text=name,
                                location=paths.field(_upcoming(table), "name")))
    return PROJECT


def _upcoming(table: ImportedTable) -> str:
    """The place of the project the row being read would be."""
    return paths.project(table.first_project + len(table.projects))


def _project_named_row(table: ImportedTable, row: int, name: str, values: dict[str, str], names: Names) -> str:
    """A row named as a project is (…经费, …项目) with no 绩效目标 and no 绩效指标: a category's row when it has an
    amount and no unit or period, and its amount is the sum of the projects under it or no project row follows it
    (一、专项业务费 over its projects or over units' rows); nothing when it holds its name alone (a piece of a name
    that a reading split off, a category's label); else a project whose other cells are empty."""
    amount = _amount_of(stated_amounts(values, names.in_yuan))
    own = any(values.get(role) for role in ("unit", "period"))  # a project's own cells: no category has them
    under = _sum_under(names.grid, row, names.columns, names.in_yuan) if amount is not None and not own else None
    if amount is not None and not own and (under is None or sums_to(under, amount)):
        why = "等于其下各项目的金额之和" if under is not None else "其下没有紧接着的项目行"
        table.notes.append(Note(f"第 {row + 1} 行“{excerpt(name)}”没有绩效目标和绩效指标，有金额且{why}：作为分类的小计行，"
                                f"未作为项目导入，也不作为其下项目的预算单位，请对照原表核对", row=row + 1, source_text=name,
                                location=_upcoming(table)))
        return GROUP
    if not any(text for role, text in values.items() if role != "name"):
        table.notes.append(Note(f"第 {row + 1} 行只有名称“{excerpt(name)}”，没有金额、绩效目标和绩效指标：未作为项目或单位导入，"
                                f"请对照原表核对", row=row + 1, source_text=name, location=_upcoming(table)))
        return SKIP
    table.notes.append(Note(f"第 {row + 1} 行“{excerpt(name)}”是项目名称（不是单位名称），但该行没有绩效目标和绩效指标，"
                            f"已作为项目导入，请对照原表核对", row=row + 1, source_text=name, location=_upcoming(table)))
    return PROJECT


def take_department(table: ImportedTable, row: int, department: str, names: Names) -> None:
    """The 主管部门 column's name as the department's, unless it is another field's text."""
    shape = organisation_misfit(department)
    if shape is None:
        table.department_name = department
        names.organisations.append(department)
    elif not names.refused_department:
        names.refused_department = True
        table.notes.append(Note(f"主管部门栏第 {row + 1} 行是{shape}（“{excerpt(department)}”），不是部门名称，未作为部门名称",
                                location=paths.field(paths.DEPARTMENT, "name"), row=row + 1, source_text=department))


def _amount_of(amounts: dict[str, Decimal | None]) -> Decimal | None:
    return amounts["total"] if amounts.get("total") is not None else amounts.get("fiscal")


def _sum_under(grid: Grid, row: int, columns: dict[str, int], in_yuan: bool) -> Decimal | None:
    """The 总计 (else 财政拨款) of the project rows under a row, up to the next unit's row or sum row: what a unit's
    row states over its projects. None when no project row with an amount follows."""
    running, count = Decimal(0), 0
    for below in range(row + 1, min(len(grid.rows), row + 1 + _LONGEST_UNIT)):
        values = row_texts(grid.rows[below], columns)
        name = values.get("name", "")
        if TOTAL_ROW.match(label_key(name)) or is_footnote(name) or (
                name and not values.get("goal") and not values.get("indicators")):
            break
        if name and (amount := _amount_of(stated_amounts(values, in_yuan))) is not None:
            running += amount
            count += 1
    return running if count else None


_LONGEST_UNIT = 500  # rows looked at under a row that may head a unit: the look stays cheap in a table of thousands


def _sum_rows(grid: Grid, start: int, columns: dict[str, int], in_yuan: bool) -> list[tuple[int, str, Decimal]]:
    """The 合计/总计 rows from start on, with their amounts: (row, label, amount)."""
    found = []
    for at in range(start, len(grid.rows)):
        values = row_texts(grid.rows[at], columns)
        key = label_key(values.get("name", ""))
        if key in ("合计", "总计") and (amount := _amount_of(stated_amounts(values, in_yuan))) is not None:
            found.append((at, key, amount))
    return found


def _neighbour(table: ImportedTable, shape: str) -> str | None:
    """Where text that slipped out of its cell most likely belongs: the project read just above, in the field of
    its shape."""
    if not table.projects:
        return None
    owner = paths.project(table.first_project + len(table.projects) - 1)
    if shape == INDICATOR:
        return paths.indicators(owner)
    return paths.field(owner, "goal") if shape == PROSE else owner


def _stray_row_note(table: ImportedTable, row: int, name: str, shape: str) -> None:
    where = _neighbour(table, shape) or paths.project(table.first_project)  # above the first: the project under it
    table.notes.append(Note(f"第 {row + 1} 行项目名称栏中是{shape}（“{excerpt(name)}”），不是项目或单位的名称，该行未导入；"
                            f"这段文字可能属于相邻的项目，请对照原表核对", location=where, row=row + 1, source_text=name))


def _heading_text_note(table: ImportedTable, row: int, name: str, why: str, values: dict[str, str]) -> None:
    found = [(PROJECT_LABELS[key], values[key]) for key in ("goal", "indicators") if values.get(key)]
    words = "、".join(label for label, _ in found)
    text = " ".join(text for _, text in found)
    shape = INDICATOR if values.get("indicators") else PROSE
    table.notes.append(Note(f"第 {row + 1} 行“{name}”是部门或单位的标题行（{why}），不是项目；该行{words}栏中的文字"
                            f"（“{excerpt(text)}”）未导入，可能属于相邻的项目，请对照原表核对", location=_neighbour(table, shape),
                            row=row + 1, source_text=text))


def row_texts(cells: list[object], columns: dict[str, int]) -> dict[str, str]:
    """A row's cells by role, as clean text ('' where the row is short): grid.text and clean_cell_text, inlined,
    as this runs for every cell of every project row."""
    width = len(cells)
    values = {}
    for role, column in columns.items():
        value = cells[column] if column < width else None
        values[role] = "" if value is None else clean_cell_text(value if type(value) is str else cell_text(value))
    return values


def stated_amounts(values: dict[str, str], in_yuan: bool) -> dict[str, Decimal | None]:
    """A 合计 or subtotal row's amounts as printed (in 万元), read as the projects' are; what cannot be read is None
    (the self-check then has no figure of the table's to hold against)."""
    amounts: dict[str, Decimal | None] = {}
    for key in FUND_KEYS:
        reading = read_published_amount(values.get(key)) if values.get(key) else None
        value = reading.value if reading is not None and reading.kind in (Kind.PRINTED, Kind.MENDED) else None
        amounts[key] = in_wanyuan(value, values.get(key), in_yuan, "", "")[0]  # the cell's own unit, as the projects'
    return amounts


def header_again(values: dict[str, str], labels: set[str], column_role) -> bool:
    """A row that is the header once more: a page's repeated header (its 项目名称 among the header's labels), or a
    two-row header's second row (合计 | 财政拨款 | 其他资金 — 指标属性 and the like — with no name: every filled cell names a
    column). A row with no name is no copy of the header's empty cells: such a row's indicator (a PDF prints a merged
    project cell once, in the middle of its rows) was dropped unsaid (北京/上海-style summaries)."""
    name = values.get("name")
    if name:
        return label_key(name) in labels
    return all(column_role(text) for text in values.values() if text)

