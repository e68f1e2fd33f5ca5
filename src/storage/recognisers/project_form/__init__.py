"""The 项目支出绩效目标申报表 in its per-project layout — 财政部's template (财预〔2021〕101号) and most provinces'
forms: one project per sheet (or per web page table), its fields by their labels (项目名称, 主管部门, 实施单位,
实施周期, the 项目资金 amounts, 年度目标) and its indicators from the table under the 一级/二级/三级指标 header.
A workbook of such sheets imports as one declaration, a project per sheet (grid_import).

A label's value is the next filled cell to its right that is no label itself (a merged cell repeats the label:
skipped), else the cell below it (labels in a header row, values under them). Forms differ in their words, so
each field has the words publishers print for it; what a form does not make certain — an amount that is no
number, a 实施期目标 the project has no place for, a comparator column of unknown words — is read as far as it is
certain and noted at its place, never guessed.
"""


from __future__ import annotations

import re

from ....model import paths
from ....model.declaration import FUNDS_LABELS, PROJECT_LABELS, Funds, Project
from ....model.notes import Note
from ...containers.sheet_grid import Grid, cell_text, label_key
from ..published import YEAR, ImportedTable, amounts_in_yuan, yuan_note
from .labels import _Form
from .tables import (
    _indicators,
    _with_period_values,
    indicator_header,
    indicator_headers,
    year_and_period,
)
from .words import _FIELD_WORDS, _FUND_WORDS, _INLINE, _key

__all__ = ["indicator_header", "is_project_form", "read_project_form", "read_project_forms"]

_NAME_KEYS = frozenset(_key(word) for word in _FIELD_WORDS["name"])


def is_project_form(grid: Grid) -> bool:
    """A per-project form: a 项目名称 label above an indicator table whose header has 一级 and 三级指标."""
    found = indicator_header(grid)
    if found is None:
        return False
    return any(_names_project(cell) for row in grid.rows[:found[0]] for cell in row)


def _names_project(cell: object) -> bool:
    """The 项目名称 label, alone or with its value after a colon."""
    key = _key(cell)
    if key in _NAME_KEYS:
        return True
    inline = _INLINE.match(cell_text(cell)) if "名称" in key else None
    return inline is not None and _key(inline.group(1)) in _NAME_KEYS


def read_project_forms(grid: Grid, index: int) -> ImportedTable | None:
    """The grid's forms as a table of their projects: one form, or several one under another on a sheet (each from
    its 项目名称 on; the rows of the others blanked, so that every note keeps the sheet's row numbers); index: the
    place the first will have in the declaration. None when the grid holds no such form."""
    starts = [r for r, row in enumerate(grid.rows) if any(_names_project(cell) for cell in row)]
    if len(starts) <= 1:
        return read_project_form(grid, index)
    read: ImportedTable | None = None
    for start, end in zip(starts, [*starts[1:], len(grid.rows)]):
        part = Grid(grid.name, [row if start <= r < end else [] for r, row in enumerate(grid.rows)])
        form = read_project_form(part, index + (len(read.projects) if read else 0))
        if form is None:
            continue
        if read is None:
            read = form
            read.year = read.year or _year(grid, start)  # the sheet's title stands above the first form only
            continue
        read.projects += form.projects
        read.rows += form.rows
        read.item_numbers += form.item_numbers
        read.notes += form.notes
        for role, column in form.columns.items():
            read.columns.setdefault(role, column)
    return read


def read_project_form(grid: Grid, index: int) -> ImportedTable | None:
    """The grid's project as a one-project table; index: the place it will have in the declaration. None when
    the grid is not such a form."""
    found = indicator_header(grid)
    if found is None:
        return None
    header, columns = found
    where = paths.project(index)
    form = _Form(grid, header, where)
    name = form.value("name")
    if name is None:
        return None
    places = form.places()
    table = ImportedTable(grid.name, header, first_project=index, columns=places)  # what unread.py checks
    # a 元 the money's own label states (项目资金（元）) is the form's; one seen elsewhere (a cost table's 单价（元）) is not
    # where the form states 万元 for its money (项目资金（万元）, 金额单位：万元)
    said_yuan = amounts_in_yuan(grid, header)
    wanyuan = _wanyuan_stated(grid, header)
    yuan = form.yuan_label or (None if wanyuan else said_yuan)
    if yuan:
        table.notes.append(yuan_note(yuan, "表格"))
    elif said_yuan and re.search(r"单位[:：]?元", said_yuan):  # 单位：元 over the form, 万元 at its money: not certain
        table.notes.append(Note(f"表中既注明“{said_yuan}”，资金栏目又注明万元：金额按万元读入，请对照原表核对",
                                location=paths.field(where, "funds")))
    table.notes += form.evaluation_notes(bool(yuan))
    funds = {key: form.amount(key, bool(yuan), table.notes) for key in _FUND_WORDS}
    if funds["fiscal"] is None and form.cell_of(_FUND_WORDS["fiscal"]) is None:
        funds["fiscal"] = form.fiscal_from_parts(bool(yuan), table.notes)
    form.other_parts(funds, bool(yuan), table.notes)
    table.notes += form.unplaced_notes()
    if funds["total"] and not any(funds[key] is not None for key in ("fiscal", "special_account", "other")):
        # the self-check has no sources to hold the total against: said here, not left empty in silence
        table.notes.append(Note(f"表中读出了{FUNDS_LABELS['total']}，但没有读出任何资金来源（{FUNDS_LABELS['fiscal']}、"
                                f"{FUNDS_LABELS['other']}等，或写法本程序不认识），资金来源留空，请对照原表填写",
                                location=paths.field(where, "funds")))
    headers = indicator_headers(grid, (header, columns))
    two = year_and_period(grid, headers)
    if two is None:
        indicators = _indicators(grid, header, columns, where, table.notes)
        if len(headers) > 1:  # another table the form does not say is the year's or the period's
            more = headers[1][0]
            table.notes.append(Note(f"表中第 {more + 1} 行起还有一张绩效指标表，看不出是年度的还是实施期的，未导入；"
                                    f"导入的是第 {header + 1} 行起的一张，请对照原表核对", location=paths.indicators(where),
                                    row=more + 1))
    else:  # the year's table gives the indicators; the period's, their 实施周期指标值 where the names agree
        (year_header, year_columns), period = two
        indicators = _indicators(grid, year_header, year_columns, where, table.notes)
        if period is not None:
            said: list = []
            _with_period_values(indicators, _indicators(grid, *period, where, said), where, table.notes, period[0])
            table.notes += [Note(f"总目标（长期）绩效指标表：{note}", location=paths.indicators(where),
                                 row=getattr(note, "row", None)) for note in said]
    project = Project(name=name, unit=form.value("unit"), period=form.value("period"), funds=Funds(**funds),
                      goal=form.goal(table.notes), indicators=indicators)
    for field, label in (("unit", PROJECT_LABELS["unit"]), ("total", FUNDS_LABELS["total"]), ("goal", PROJECT_LABELS["goal"])):
        if field not in places:  # a form this reader has no word for: said at the field, never left empty in silence
            location = paths.field(where, f"funds.{field}" if field == "total" else field)
            table.notes.append(Note(f"表中没有找到“{label}”一栏（或写法本程序不认识），{label}留空，请对照原表填写",
                                    location=location))
    table.projects = [project]
    table.rows = [form.name_row + 1]
    table.item_numbers = [[]]
    table.department_name = form.value("supervisor")
    table.year = _year(grid, header)
    return table


_IN_WANYUAN = re.compile(r"\(万元\)|单位:?万元")


def _wanyuan_stated(grid: Grid, header: int) -> bool:
    """The form says its amounts are in 万元, above its indicator table."""
    return any(_IN_WANYUAN.search(label_key(cell)) for row in grid.rows[:header + 1] for cell in row if cell)


def _year(grid: Grid, header: int) -> int | None:
    for row in grid.rows[:min(header, 4)]:
        for cell in row:
            text = cell_text(cell)
            if re.search(r"\d{4}\s*[-－—–~至到]\s*\d{4}", text):
                continue  # a period, not the form's year
            match = YEAR.search(text)
            if match and 1900 < int(match.group(1)) < 2100:
                return int(match.group(1))
    return None
