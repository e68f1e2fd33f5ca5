"""Importers of published tables, finding everything by its label, never by coordinates.

项目支出绩效目标表 (seeds 000, 002) and 部门整体预算绩效目标申报表 (seeds 001, 003).
Each returns what it recovered and notes in Chinese on what it had to guess or skip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Iterator

from ...model import paths
from ...model.notes import Note, as_note
from ...model.declaration import (
    BUDGET_LABELS,
    DEPARTMENT_LABELS,
    FUNDS_LABELS,
    INDICATOR_LABELS,
    PROJECT_LABELS,
    TASK_LABELS,
    Budget,
    Department,
    Indicator,
    Project,
    Task,
)
from ..containers.sheet_grid import Grid, cell_text, label_key
from .field_shapes import (
    INDICATOR,
    PROSE,
    excerpt,
    heading_reason,
    is_known_organisation,
    is_organisation,
    is_project_name,
    organisation_misfit,
    period_misfit,
    project_name_misfit,
    same_organisation,
    sums_to,
    task_name_misfit,
    unit_misfit,
)
from .form_2019_labels import is_form_2019
from .indicator_text import clean_cell_text, parse_indicator_cell
from .ocr_numbers import Kind, published_amount, read_published_amount

_HEADER_SCAN_ROWS = 40

# Column role → predicate on the normalised header text. Order matters: first match wins.
_PROJECT_COLUMNS: list[tuple[str, Callable[[str], bool]]] = [
    ("name", lambda t: t.startswith("项目名称") or t == "项目"),
    ("department", lambda t: t in ("主管部门", "部门名称", "主管部门名称", "部门")),
    ("unit", lambda t: t in ("预算单位", "预算单位名称", "资金使用单位", "实施单位", "单位名称", "项目单位")),
    ("period", lambda t: t.startswith("实施周期")),
    ("total", lambda t: t in ("总计", "合计", "资金总额", "金额合计", "项目资金总额") or t.startswith("总计(")),
    ("fiscal", lambda t: t.startswith("财政拨款")),
    ("special_account", lambda t: t.startswith("财政专户")),
    ("other", lambda t: t.startswith("其他资金")),
    ("goal", lambda t: t in ("绩效目标", "年度绩效目标", "项目绩效目标", "总体绩效目标")),
    ("indicators", lambda t: t in ("绩效指标", "年度绩效指标", "项目绩效指标", "绩效指标及指标值")),
]
_TOTAL_ROW = re.compile(r"^(合计|总计|小计|本页合计)$")
# A table that says its amounts are in 元 (单位：元, a header 预算金额（元）); 万元 says the forms' own unit.
_IN_YUAN = re.compile(r"单位[:：]?元(?!\S*万)|[（(]元[）)]")
_YUAN_PER_WANYUAN = Decimal(10000)
# A note or a signature line under a table (merged across it, so every column holds it): 注：1. 本表…,
# 说明：…, 填报单位：… 填报人：…. Never a project or an indicator.
_FOOTNOTE = re.compile(r"^(?:注\s*[:：\d一二三1-9（(]|注\s|说明\s*[:：]|备注\s*[:：]|填报单位|填报人|填表人|填报日期|"
                       r"单位负责人|部门负责人|审核人|联系人|联系电话|制表人|制表日期|分管领导)")

_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")
_DEPARTMENT_IN_TITLE = re.compile(r"^(.{2,40}?)\s*(?:(?:19|20)\d{2}\s*年|部门整体|项目支出)")
_FUND_KEYS = ("total", "fiscal", "special_account", "other")


def is_footnote(text: str | None) -> bool:
    return bool(text) and bool(_FOOTNOTE.match(text.strip()))


@dataclass
class StatedRow:
    """A row that states a sum (合计, a unit's 小计) with its amounts as printed, for the import's self-check
    (reconcile.py) to hold against the projects read."""

    row: int  # 1-based, as the table shows it
    label: str  # 合计, 小计, or the unit the row heads
    amounts: dict[str, Decimal | None]  # by Funds key; None where the row leaves the cell empty or unreadable
    first: int  # the index in ImportedTable.projects of the first project after it
    heads_group: bool = False  # a unit subtotal row above its projects (not a 合计/小计 row)


@dataclass
class ImportedTable:
    sheet: str
    header_row: int  # 0-based
    projects: list[Project] = field(default_factory=list)
    department_name: str | None = None
    year: int | None = None
    grand_total: Decimal | None = None  # the 合计 row: the department's 项目支出
    notes: list[str] = field(default_factory=list)
    first_project: int = 0  # the index its first project will have (a paste adds after the open ones)
    # What the table itself states, for reconcile.py: its 合计 and subtotal rows, and for each project (by its
    # index in projects) the row it was read from and the item numbers of its indicator cell.
    stated: list[StatedRow] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    item_numbers: list[list[int]] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)  # the header's columns by role: what the table has a place for


@dataclass
class ImportedDepartment:
    sheet: str
    department: Department
    year: int | None = None
    notes: list[str] = field(default_factory=list)
    # What the form has a place for (reconcile/unread.py says what was read empty there): "department" and "budget" the
    # fields whose label it prints, "tasks" and "indicators" the columns of those tables.
    places: dict[str, frozenset[str]] = field(default_factory=dict)


def find_project_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    for row in range(min(len(grid.rows), _HEADER_SCAN_ROWS)):
        columns = _map_columns(grid, row)
        if "name" in columns and ("indicators" in columns or "goal" in columns):
            # A two-row header puts 总计/财政拨款… under a merged 资金 cell.
            for role, column in _map_columns(grid, row + 1).items():
                columns.setdefault(role, column)
            return row, columns
    return None


def _map_columns(grid: Grid, row: int) -> dict[str, int]:
    columns: dict[str, int] = {}
    if row >= len(grid.rows):
        return columns
    for column, value in enumerate(grid.rows[row]):
        text = label_key(value)
        if not text:
            continue
        for role, matches in _PROJECT_COLUMNS:
            if role not in columns and matches(text):
                columns[role] = column
                break
    return columns


def amounts_in_yuan(grid: Grid, last_row: int) -> str | None:
    """The cell's text that says the amounts are in 元 (not the forms' 万元), among the rows up to last_row."""
    for row in grid.rows[:last_row + 1]:
        for value in row:
            text = cell_str(value).replace(" ", "").replace("\u3000", "")
            if text and len(text) < 80 and _IN_YUAN.search(text):
                return text
    return None


def to_wanyuan(amount: Decimal | None) -> Decimal | None:
    return None if amount is None else amount / _YUAN_PER_WANYUAN


def yuan_note(said: str, where: str) -> str:
    return f"{where}注明金额单位是元（“{said}”），已全部换算为万元（除以 10,000），请核对"


def import_project_table(grid: Grid, first_project: int = 0) -> ImportedTable | None:
    found = find_project_header(grid)
    if found is None:
        return None
    header_row, columns = found
    table = ImportedTable(grid.name, header_row, first_project=first_project, columns=columns)
    yuan = amounts_in_yuan(grid, header_row + 1)  # the title block and the (one- or two-row) header
    if yuan:
        table.notes.insert(0, yuan_note(yuan, "表格"))
    title_department, rejected_title = _read_title_block(grid, header_row, table)
    group_unit: str | None = None
    labels = {label_key(grid.cell(header_row, c)) for c in columns.values()}
    names = _Names(grid, columns, bool(yuan), [name for name in (table.department_name, title_department) if name])
    heading_department: str | None = None
    for row in range(header_row + 1, len(grid.rows)):
        values = _row_texts(grid.rows[row], columns)
        if not any(values.values()) or label_key(values.get("name")) in labels:
            continue
        name = values.get("name", "")
        first = name or next((v for v in values.values() if v), "")  # a note merged across fills every column
        if is_footnote(first):
            table.notes.append(Note(f"第 {row + 1} 行是表注或签署栏（“{first[:20]}…”），未作为项目导入", row=row + 1,
                                    source_text=first))
            continue
        if _TOTAL_ROW.match(label_key(name)) or (not name and any(values.get(k) for k in ("total", "fiscal"))):
            table.notes.append(Note(f"第 {row + 1} 行是合计行，未作为项目导入", row=row + 1))
            if table.grand_total is None and table.projects == []:
                reading = read_published_amount(values.get("total"))
                table.grand_total = to_wanyuan(reading.value) if yuan else reading.value
                if reading.kind is Kind.ABSURD:  # left empty: said, as every amount left empty is
                    table.notes.append(reading.note(paths.field(paths.BUDGET, "project"), f"第 {row + 1} 行合计行的总计", row + 1))
            table.stated.append(StatedRow(row + 1, label_key(name), _stated_amounts(values, bool(yuan)), len(table.projects)))
            continue
        kind = _row_kind(table, row, name, values, names)
        if kind == _SKIP:  # another field's text in the name column, or a name alone: said, and not read
            continue
        if kind in (_GROUP, _UNNAMED):  # a category's row (一、专项业务费), or a unit's whose name is no name: a sum
            group_unit = None if kind == _UNNAMED else group_unit  # the unit above does not reach past a new one
            table.stated.append(StatedRow(row + 1, name, _stated_amounts(values, bool(yuan)), len(table.projects), True))
            continue
        if kind == _HEADING:
            group_unit = name
            names.organisations.append(name)
            if heading_department is None and is_organisation(name):
                heading_department = name  # the first row heading the table's projects: the department's in 天河's
            table.notes.append(Note(f"第 {row + 1} 行“{name}”是部门/单位小计行，作为其下项目的预算单位", row=row + 1,
                                    location=paths.project(table.first_project + len(table.projects))))
            table.stated.append(StatedRow(row + 1, name, _stated_amounts(values, bool(yuan)), len(table.projects), True))
            continue
        if not name:
            table.notes.append(Note(f"第 {row + 1} 行没有项目名称，已跳过", row=row + 1))
            continue
        table.projects.append(_project_from_row(values, group_unit, row, table, bool(yuan)))
        table.rows.append(row + 1)
        if table.projects[-1].unit and table.projects[-1].unit not in names.organisations:
            names.organisations.append(table.projects[-1].unit)
        if values.get("department") and not table.department_name:
            _take_department(table, row, values["department"], names)
    table.department_name = table.department_name or title_department or heading_department
    if table.department_name is None and rejected_title is not None:
        table.notes.append(rejected_title)
    return table


@dataclass
class _Names:
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


_SKIP, _HEADING, _UNNAMED, _GROUP, _PROJECT = "skip", "heading", "unnamed heading", "group", "project"


def _row_kind(table: ImportedTable, row: int, name: str, values: dict[str, str], names: _Names) -> str:
    """What a row that is no sum row is: a department's or a unit's row heading the projects under it (_HEADING),
    one whose name is another field's text (_UNNAMED: it has amounts, so it heads projects, of no unit that can be
    told), a project (_PROJECT, also a row without a name: said by the caller), a category's row over projects
    (_GROUP), or none of them (_SKIP: its name is another field's text, said in a note). Without 绩效目标 and
    绩效指标 a row heads units, unless its name is a project's (…经费); with them it is a project, unless its name
    is a department's or a unit's and its amounts a sum (the cells of a neighbour slipped into it)."""
    heads = bool(name) and not values.get("goal") and not values.get("indicators")
    # A unit's name is no sentence either; a project's may carry a comma, and its goal beside it tells the row.
    misfit = (organisation_misfit if heads else project_name_misfit)(name)
    if misfit and heads and any(v is not None for v in _stated_amounts(values, names.in_yuan).values()):
        # A subtotal row whose name is not a unit's: it heads projects, of a unit this reading cannot tell.
        table.notes.append(Note(f"第 {row + 1} 行是有金额的小计行，但其名称栏中是{misfit}（“{excerpt(name)}”），不是单位名称："
                                f"其下项目的预算单位已留空，请按原表填写", row=row + 1, source_text=name,
                                location=paths.field(_upcoming(table), "unit")))
        return _UNNAMED
    if misfit:
        _stray_row_note(table, row, name, misfit)
        return _SKIP
    if heads and is_project_name(name):  # no unit's name ends with 经费, 项目: a category's row, or a project's
        return _project_named_row(table, row, name, values, names)
    if heads or not name:
        return _HEADING if heads else _PROJECT
    known = is_known_organisation(name, names.organisations)
    if not known and not is_organisation(name):  # a project's name: the common case, nothing more to look at
        return _PROJECT

    def stated() -> Iterator[tuple[str, Decimal]]:  # the sums the table states: above this row, and its 合计 rows
        for sum_row in table.stated:
            if (said := _amount_of(sum_row.amounts)) is not None:
                yield f"第 {sum_row.row} 行“{sum_row.label or '合计'}”的金额", said
        for at, label, said in names.sum_rows(table.header_row):
            if at > row:
                yield f"第 {at + 1} 行“{label}”的金额", said

    amounts = _stated_amounts(values, names.in_yuan)
    why = heading_reason(name, _amount_of(amounts), any(v is not None for v in amounts.values()), names.organisations, stated,
                         lambda: _sum_under(names.grid, row, names.columns, names.in_yuan))
    if why:
        _heading_text_note(table, row, name, why, values)
        return _HEADING
    if known:
        table.notes.append(Note(f"第 {row + 1} 行项目名称“{name}”与部门或单位的名称相同，但金额与合计、小计都不相同，"
                                f"已作为项目导入，请核对它是否为单位标题行", row=row + 1, source_text=name,
                                location=paths.field(_upcoming(table), "name")))
    return _PROJECT


def _upcoming(table: ImportedTable) -> str:
    """The place of the project the row being read would be."""
    return paths.project(table.first_project + len(table.projects))


def _project_named_row(table: ImportedTable, row: int, name: str, values: dict[str, str], names: _Names) -> str:
    """A row named as a project is (…经费, …项目) with no 绩效目标 and no 绩效指标: a category's row when it has an
    amount and no unit or period, and its amount is the sum of the projects under it or no project row follows it
    (一、专项业务费 over its projects or over units' rows); nothing when it holds its name alone (a piece of a name
    that a reading split off, a category's label); else a project whose other cells are empty."""
    amount = _amount_of(_stated_amounts(values, names.in_yuan))
    own = any(values.get(role) for role in ("unit", "period"))  # a project's own cells: no category has them
    under = _sum_under(names.grid, row, names.columns, names.in_yuan) if amount is not None and not own else None
    if amount is not None and not own and (under is None or sums_to(under, amount)):
        why = "等于其下各项目的金额之和" if under is not None else "其下没有紧接着的项目行"
        table.notes.append(Note(f"第 {row + 1} 行“{excerpt(name)}”没有绩效目标和绩效指标，有金额且{why}：作为分类的小计行，"
                                f"未作为项目导入，也不作为其下项目的预算单位，请对照原表核对", row=row + 1, source_text=name,
                                location=_upcoming(table)))
        return _GROUP
    if not any(text for role, text in values.items() if role != "name"):
        table.notes.append(Note(f"第 {row + 1} 行只有名称“{excerpt(name)}”，没有金额、绩效目标和绩效指标：未作为项目或单位导入，"
                                f"请对照原表核对", row=row + 1, source_text=name, location=_upcoming(table)))
        return _SKIP
    table.notes.append(Note(f"第 {row + 1} 行“{excerpt(name)}”是项目名称（不是单位名称），但该行没有绩效目标和绩效指标，"
                            f"已作为项目导入，请对照原表核对", row=row + 1, source_text=name, location=_upcoming(table)))
    return _PROJECT


def _take_department(table: ImportedTable, row: int, department: str, names: _Names) -> None:
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
        values = _row_texts(grid.rows[below], columns)
        name = values.get("name", "")
        if _TOTAL_ROW.match(label_key(name)) or is_footnote(name) or (
                name and not values.get("goal") and not values.get("indicators")):
            break
        if name and (amount := _amount_of(_stated_amounts(values, in_yuan))) is not None:
            running += amount
            count += 1
    return running if count else None


_LONGEST_UNIT = 500  # rows looked at under a row that may head a unit: the look stays cheap in a table of thousands


def _sum_rows(grid: Grid, start: int, columns: dict[str, int], in_yuan: bool) -> list[tuple[int, str, Decimal]]:
    """The 合计/总计 rows from start on, with their amounts: (row, label, amount)."""
    found = []
    for at in range(start, len(grid.rows)):
        values = _row_texts(grid.rows[at], columns)
        key = label_key(values.get("name", ""))
        if key in ("合计", "总计") and (amount := _amount_of(_stated_amounts(values, in_yuan))) is not None:
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


def _row_texts(cells: list[object], columns: dict[str, int]) -> dict[str, str]:
    """A row's cells by role, as clean text ('' where the row is short): grid.text and clean_cell_text, inlined,
    as this runs for every cell of every project row."""
    width = len(cells)
    values = {}
    for role, column in columns.items():
        value = cells[column] if column < width else None
        values[role] = "" if value is None else clean_cell_text(value if type(value) is str else cell_text(value))
    return values


def _stated_amounts(values: dict[str, str], in_yuan: bool) -> dict[str, Decimal | None]:
    """A 合计 or subtotal row's amounts as printed (in 万元), read as the projects' are; what cannot be read is None
    (the self-check then has no figure of the table's to hold against)."""
    amounts: dict[str, Decimal | None] = {}
    for key in _FUND_KEYS:
        reading = read_published_amount(values.get(key)) if values.get(key) else None
        value = reading.value if reading is not None and reading.kind in (Kind.PRINTED, Kind.MENDED) else None
        amounts[key] = to_wanyuan(value) if in_yuan else value
    return amounts


def _project_from_row(values: dict[str, str], group_unit: str | None, row: int, table: ImportedTable,
                      in_yuan: bool = False) -> Project:
    """One pydantic call for the project, its funds and its indicators from plain dicts: the same validators as
    building each model on its own, and no Python call per model (bench/profile_imports.py shows what is left)."""
    funds: dict[str, Decimal | None] = {}
    owner = paths.project(table.first_project + len(table.projects))  # where the notes will find it
    for key in _FUND_KEYS:
        text = values.get(key)
        if not text:  # what read_published_amount reads as printed: nothing
            funds[key] = None
            continue
        reading = read_published_amount(text)
        if reading.kind is not Kind.PRINTED:  # the place is worded only for a note
            table.notes.append(reading.note(paths.field(owner, f"funds.{key}"), f"第 {row + 1} 行的{FUNDS_LABELS[key]}", row + 1))
        funds[key] = to_wanyuan(reading.value) if in_yuan else reading.value
    indicators, notes, numbers = parse_indicator_cell(values.get("indicators"))
    name = values["name"]
    table.notes.extend(as_note(note).under(owner).at_row(row + 1).prefixed(f"项目“{name}”：") for note in notes)
    unit, period = values.get("unit") or group_unit, values.get("period") or None
    if values.get("unit") and (shape := unit_misfit(unit)):  # left empty, not the unit above: the row said otherwise
        table.notes.append(_misfit_note(row, name, "unit", shape, unit, owner))
        unit = None
    if period and (shape := period_misfit(period)):
        table.notes.append(_misfit_note(row, name, "period", shape, period, owner))
        period = None
    project = Project.model_validate({
        "name": name,
        "unit": unit,
        "period": period,
        "funds": funds,
        "goal": values.get("goal") or None,
        "indicators": indicators,
    })
    table.item_numbers.append(numbers)  # beside table.rows, once the project is made
    return project


def _misfit_note(row: int, name: str, key: str, shape: str, text: str, owner: str) -> Note:
    return Note(f"第 {row + 1} 行项目“{name}”的{PROJECT_LABELS[key]}栏中是{shape}（“{excerpt(text)}”），"
                f"不是{PROJECT_LABELS[key]}，已留空，请按原表填写", location=paths.field(owner, key), row=row + 1,
                source_text=text)


def _read_title_block(grid: Grid, header_row: int, table: ImportedTable) -> tuple[str | None, Note | None]:
    """Year and 部门名称：… above the header; returns the department named in the title, if any, and the note on
    a title whose words before its year are no department's name (2023年项目支出…), for when no other cell names it."""
    title_department, rejected = None, None
    for row in range(header_row):
        for value in grid.rows[row]:
            text = clean_cell_text(str(value)) if value is not None else ""
            if not text:
                continue
            key = label_key(text)
            if key.startswith(f"{_NAME}:") and len(key) > len(_NAME) + 1 and not organisation_misfit(key.split(":", 1)[1]):
                table.department_name = key.split(":", 1)[1]
            year = _YEAR.search(text)
            if year and table.year is None:
                table.year = int(year.group(1))
            if title_department is None and ("绩效目标表" in text or "绩效目标申报表" in text):
                title = _DEPARTMENT_IN_TITLE.match(text)
                if title and "绩效" not in title.group(1):
                    title_department = title.group(1)
                    if organisation_misfit(title_department):  # 2023年项目支出绩效目标表: the title names no department
                        rejected = Note(f"第 {row + 1} 行标题中“{title_department}”是{organisation_misfit(title_department)}，"
                                        f"不是部门名称，未作为部门名称", row=row + 1, source_text=text,
                                        location=paths.field(paths.DEPARTMENT, "name"))
                        title_department = ""
    return title_department or None, rejected


# ---- 部门整体预算绩效目标申报表 -------------------------------------------------

# Each amount by its label, or by the shorter words some published forms print instead.
_BUDGET_ALIASES = {"own_level": ("本级使用资金",), "transfer": ("对下转移支付资金",)}
_BUDGET_LABELS = {key: (label, *_BUDGET_ALIASES.get(key, ())) for key, label in BUDGET_LABELS.items()}
_NAME, _FUNCTIONS, _GOAL = DEPARTMENT_LABELS["name"], DEPARTMENT_LABELS["functions"], DEPARTMENT_LABELS["overall_goal"]
_LEVEL1 = INDICATOR_LABELS["level1"]
_TEMPLATE_TASK = re.compile(r"^其他需完成的任务")


def is_published_table(grid: Grid) -> bool:
    """A grid that holds a project table's header or a department form (either layout): what a reading of
    text or of the clipboard must find to be the right one."""
    return find_project_header(grid) is not None or is_department_form(grid)


def is_department_form(grid: Grid) -> bool:
    """A department form of either layout: the current one, or the 2019 one that grid_import hands to
    form_2019 (never to import_department_form, which would misread it)."""
    return is_current_department_form(grid) or is_form_2019(grid)


def is_current_department_form(grid: Grid) -> bool:
    keys = {label_key(value) for row in grid.rows[:200] for value in row if value is not None}
    return _NAME in keys and (_GOAL in keys or DEPARTMENT_LABELS["budget"] in keys)


def import_department_form(grid: Grid, published: bool = True) -> ImportedDepartment:
    """published=False reads the editor's own sheet: text kept byte for byte, indicators elsewhere."""
    notes: list[str] = []
    text_of = clean_multiline if published else _raw_text
    department = Department(name=_department_name(grid, text_of, notes) if published
                            else _value_right_of(grid, (_NAME,), text_of))
    year = None
    for row in grid.rows[:5]:
        for value in row:
            match = _YEAR.search(cell_str(value))
            if match and year is None:
                year = int(match.group(1))
    department.functions = _value_right_of(grid, (_FUNCTIONS,), text_of)
    department.overall_goal = _value_right_of(grid, (_GOAL,), text_of)
    budget = {}
    yuan = amounts_in_yuan(grid, len(grid.rows) - 1) if published else None  # the editor's own sheet is in 万元
    if yuan:
        notes.insert(0, Note(yuan_note(yuan, "部门整体表"), location=paths.BUDGET))
    for key, labels in _BUDGET_LABELS.items():
        where = paths.field(paths.DEPARTMENT, f"budget.{key}")
        amount = published_amount(_amount_right_of(grid, labels), where, labels[0], notes)
        budget[key] = to_wanyuan(amount) if yuan else amount
    department.budget = Budget(**budget)
    block = _find_label(grid, (DEPARTMENT_LABELS["budget"],)) is not None  # the 预算整体情况 block has all eight
    places = {"department": frozenset(key for key in ("name", "functions", "overall_goal")
                                      if _find_label(grid, (DEPARTMENT_LABELS[key],))),
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
    name = _value_right_of(grid, (_NAME,), text_of)
    shape = organisation_misfit(name)
    if not shape:
        return name
    found = _find_label(grid, (_NAME,))
    notes.append(Note(f"{_NAME}栏中是{shape}（“{excerpt(name)}”），不是部门名称，已留空，请按原表填写",
                      location=paths.field(paths.DEPARTMENT, "name"), row=found[0] + 1 if found else None, source_text=name))
    return None


def cell_str(value: object) -> str:
    return "" if value is None else str(value)


def _find_label(grid: Grid, labels: tuple[str, ...]) -> tuple[int, int] | None:
    wanted = {label_key(label) for label in labels}
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            if value is not None and label_key(value) in wanted:
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


def _value_right_of(grid: Grid, labels: tuple[str, ...], text_of: Callable[[str], str | None]) -> str | None:
    """The first filled cell right of the label."""
    text = next((text for text in _right_of(grid, labels) if text.strip()), None)
    return None if text is None else text_of(text)


def _amount_right_of(grid: Grid, labels: tuple[str, ...]) -> str | None:
    """The cell right beside an amount label: an empty one means no amount, not the next label."""
    text = next(_right_of(grid, labels), None)
    return text if text and text.strip() and not label_key(text).startswith("预算金额") else None


def _raw_text(text: str) -> str | None:
    return text if text.strip() else None


def clean_multiline(text: str) -> str | None:
    """Keep the clerk's text, but drop the stray tags published cells carry."""
    text = re.sub(r"<\s*/?\s*p\s*>", "", text)
    return text if text.strip() else None


def _header_columns(grid: Grid, row: int, headers: dict[str, str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    wanted = {label_key(label): role for role, label in headers.items()}
    for column, value in enumerate(grid.rows[row]):
        key = label_key(value)
        for label, role in wanted.items():
            if role not in columns and key.startswith(label):
                columns[role] = column
    return columns


def _tasks(grid: Grid, notes: list[str], text_of: Callable[[str], str | None],
           department: str | None = None, places: dict | None = None) -> list[Task]:
    """department: the form's department name ('' when it has none) on a published form, whose task rows are held
    against it and against indicator text; None on the editor's own sheet."""
    for row in range(len(grid.rows)):  # a header starting with each label: 拟投入的资金（万元）, 期望达到的目标（概述）
        columns = _header_columns(grid, row, TASK_LABELS)
        if "name" in columns and "content" in columns:
            (places if places is not None else {})["tasks"] = frozenset(columns)
            return _task_rows(grid, row, columns, notes, text_of, department)
    return []


def _task_rows(grid: Grid, header_row: int, columns: dict[str, int], notes: list[str],
               text_of: Callable[[str], str | None], department: str | None = None) -> list[Task]:
    tasks = []
    for row in range(header_row + 1, len(grid.rows)):
        values = {role: grid.text(row, column) for role, column in columns.items()}
        first = label_key(values.get("name"))
        if first in (_LEVEL1, DEPARTMENT_LABELS["indicators"]) or any(
                label_key(grid.cell(row, c)) == _LEVEL1 for c in range(len(grid.rows[row]))):  # the indicator table begins
            break
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


def _not_a_task(name: str, department: str) -> str | None:
    """What a task row's name is when it is evidently no task's: the department's name (a page's repeated
    部门名称 row), or indicator text (the indicator table's rows, where its header was not told)."""
    name = " ".join(name.split())
    if name and department and same_organisation(name, department):
        return "部门名称"
    return task_name_misfit(name)


def _indicator_table(grid: Grid, notes: list[str], places: dict | None = None) -> list[Indicator]:
    for row in range(len(grid.rows)):
        columns = _header_columns(grid, row, INDICATOR_LABELS)
        if {"level1", "name", "annual_value"} <= columns.keys():
            (places if places is not None else {})["indicators"] = frozenset(columns)
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
        above = {"level1": values.get("level1", ""), "level2": values.get("level2", "")}
        indicators.append(Indicator(**{role: clean_multiline(text) if text else None for role, text in values.items()}))
    if skipped:
        notes.append(f"绩效指标表中有 {skipped} 行填了指标值但没有三级指标名称，已跳过")
    if carried:
        rows = "、".join(map(str, carried[:10])) + ("等" if len(carried) > 10 else "")
        notes.append(Note(f"绩效指标表第 {rows} 行的{_LEVEL1}为空，已沿用上一行的{_LEVEL1}"
                          f"（二级指标为空时一并沿用）：表中每组只在第一行写了{_LEVEL1}，请核对",
                          location=paths.indicator(paths.DEPARTMENT, first_carried), row=carried[0]))
    return indicators
