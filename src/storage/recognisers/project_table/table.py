"""The 项目支出绩效目标表 (seeds 000, 002) → its projects, finding everything by its label, never by coordinates.

The header is the row that names 项目名称 with 绩效目标 or 绩效指标 (a two-row header adds the amounts under a merged
资金 cell); the title block above it gives the year and the department. Every row below is a project, unless it is a
合计 row, a note under the table, or what project_rows.py tells it is (a unit's heading, a category's subtotal,
another field's text). It returns what it recovered with notes in Chinese on what it had to guess or skip, and what
the table states of itself (its sum rows, each project's row and item numbers) for the self-check.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Callable

from ....model import paths
from ....model.declaration import FUNDS_LABELS, PROJECT_LABELS, Project
from ....model.notes import Note, as_note
from ...containers.sheet_grid import Grid, cell_text, label_key
from ..field_shapes import (
    amount_misfit,
    excerpt,
    goal_misfit,
    is_organisation,
    period_misfit,
    unit_misfit,
)
from ..headed_goal import split_headed_goal
from ..indicator_text import clean_cell_text, parse_indicator_cell
from ..ocr_numbers import Kind, in_wanyuan, read_published_amount
from ..published import (
    COMPARATOR_WORDS,
    VALUE_UNIT_WORDS,
    ImportedTable,
    StatedRow,
    amounts_in_yuan,
    evident_yuan_note,
    evidently_in_yuan,
    is_footnote,
    says_wanyuan,
    without_code,
    yuan_note,
)
from .indicator_columns import (
    PROJECT_CELLS,
    add_indicator_row,
    level1_cells,
    level1_columns,
    row_indicator,
    same_project,
    sign_note,
)
from .rows import (
    FUND_KEYS,
    GROUP,
    HEADING,
    PROJECT,
    SKIP,
    TOTAL_ROW,
    UNNAMED,
    Names,
    header_again,
    row_kind,
    row_texts,
    stated_amounts,
    take_department,
)
from .title import read_title_block

_HEADER_SCAN_ROWS = 40

# Column role → predicate on the normalised header text. Order matters: first match wins.
_PROJECT_COLUMNS: list[tuple[str, Callable[[str], bool]]] = [
    # 单位名称、项目名称; 单位名称(项目类别/支出项目) (安徽黄山: the unit's, each category's and each project's rows)
    ("name", lambda t: t.startswith("项目名称") or t == "项目" or bool({"项目名称", "支出项目"} & set(re.split(r"[、/()]", t)))),
    ("department", lambda t: t in ("主管部门", "部门名称", "主管部门名称", "部门")),
    ("unit", lambda t: t in ("预算单位", "预算单位名称", "资金使用单位", "实施单位", "单位名称", "项目单位", "申报单位",
                             "项目实施单位", "实施单位名称")),
    ("period_value", lambda t: t in ("实施周期指标值", "实施期指标值", "实施周期目标值", "中长期指标值")),
    ("period", lambda t: t.startswith("实施周期") or t in ("项目期", "项目周期", "起止时间", "项目起止时间", "实施期限",
                                                          "实施期")),
    ("total", lambda t: t in ("总计", "合计", "资金总额", "金额合计", "项目资金总额", "预算金额", "预算数", "项目金额", "项目总额",
                              "年度预算", "年度资金总额", "项目预算", "年度预算安排") or t.startswith("总计(")),
    # 财政衔接资金: the 衔接推进乡村振兴补助资金 of a 项目安排计划 (江西浔阳's), fiscal money
    ("fiscal", lambda t: t.startswith("财政拨款") or t in ("财政资金", "一般公共预算", "一般公共预算资金", "财政衔接资金",
                                                          "财政补助资金")),
    ("special_account", lambda t: t.startswith("财政专户")),
    ("other", lambda t: t.startswith("其他资金") or t in ("自筹资金", "单位自筹", "单位自筹资金")),
    ("goal", lambda t: t in ("绩效目标", "年度绩效目标", "项目绩效目标", "总体绩效目标", "项目年度绩效目标", "年度目标")),
    ("indicators", lambda t: t in ("绩效指标", "年度绩效指标", "项目绩效指标", "绩效指标及指标值")),
    # One row per indicator, the project's cells merged (or repeated) down its rows: the indicator's own columns.
    ("level1", lambda t: t == "一级指标"),
    ("level2", lambda t: t == "二级指标"),
    ("level3", lambda t: t in ("三级指标", "三级指标名称", "指标内容", "指标名称")),
    ("annual_value", lambda t: t in ("年度指标值", "指标值", "年度目标值", "目标值", "预期指标值")),
    # The value printed in three columns, as the budget system exports it: 指标性质 | 指标值 | 度量单位 (≥ | 95 | %).
    ("comparator", lambda t: t in COMPARATOR_WORDS),
    ("value_unit", lambda t: t in VALUE_UNIT_WORDS),
]
_INDICATOR_ROLES = ("level1", "level2", "level3", "annual_value", "period_value", "comparator", "value_unit")
_IN_UNITS = re.compile(r"\((?:万元|元)\)$")


def column_role(label: str) -> str | None:
    """The role of the column a header label names (name, unit, total, goal, indicators…), or None."""
    text = _IN_UNITS.sub("", label_key(label)).removeprefix("其中:")
    return next((role for role, matches in _PROJECT_COLUMNS if matches(text)), None) if text else None


def find_project_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    for row in range(min(len(grid.rows), _HEADER_SCAN_ROWS)):
        columns = _map_columns(grid, row)
        if "name" in columns and ("indicators" in columns or "goal" in columns or {"level1", "level3"} <= columns.keys()):
            # A two-row header puts 总计/财政拨款… under a merged 资金 cell (一级/二级… under 绩效指标), never under the
            # name's or the unit's column: 合计 there is the total row's label (seed 42's p021, a table without
            # amounts: every project's name was read as its 总计 too, and said not to be an amount)
            named = {columns[role] for role in ("name", "unit") if role in columns}
            for role, column in _map_columns(grid, row + 1).items():
                if column not in named:
                    columns.setdefault(role, column)
            return row, columns
    return None


def _column_amounts(grid: Grid, header_row: int, columns: dict[str, int]) -> list[Decimal]:
    """The bare amounts of the table's first money column (总计, else 财政拨款), every row under the header; one that
    prints its own unit (800000元) says nothing of the table's, and is read in its own (in_wanyuan)."""
    at = columns.get("total", columns.get("fiscal"))
    if at is None:
        return []
    readings = (read_published_amount(text).value for row in grid.rows[header_row + 1:]
                if at < len(row) and (text := cell_text(row[at]).strip()) and "元" not in text)
    return [value for value in readings if value is not None]


# Header cells a project table prints that hold no fact of a declaration: left out without a note.
_NO_FACT_COLUMNS = frozenset({"序号", "编号", "备注", "说明", "项目编码", "项目代码", "项目编号", "功能分类", "功能科目",
                              "支出功能分类", "支出功能分类科目", "经济分类", "项目类别", "项目类型", "项目属性", "资金性质",
                              "资金来源", "资金", "项目资金", "金额", "绩效指标", "指标", "指标属性",
                              "单位编码", "项目内容", "项目概况"})


def _unknown_columns(grid: Grid, header_row: int, columns: dict[str, int]) -> list[tuple[int, str]]:
    """The header's labels (column, text) that name no role and are no known column without a fact; a cell over
    columns of a second header row (资金（万元） over 总计 | 财政拨款) or merged with a named one is none of them."""
    known = set(columns.values())
    below = _map_columns(grid, header_row + 1) if header_row + 1 < len(grid.rows) else {}
    found: list[tuple[int, str]] = []
    row = grid.rows[header_row]
    for column, value in enumerate(row):
        text = _IN_UNITS.sub("", label_key(value)).removeprefix("其中:")
        if not text or column in known or column in below.values() or text in _NO_FACT_COLUMNS:
            continue
        if any(label_key(row[other]) == label_key(value) for other in known if other < len(row)):
            continue  # a copy of a named header cell (merged across)
        if text not in (label for _, label in found):
            found.append((column, " ".join(str(value).split())))
    return found


def _map_columns(grid: Grid, row: int) -> dict[str, int]:
    columns: dict[str, int] = {}
    if row >= len(grid.rows):
        return columns
    for column, value in enumerate(grid.rows[row]):
        # 预算金额（万元）: the unit is amounts_in_yuan's to read; 其中：财政拨款 is the 财政拨款 column
        text = _IN_UNITS.sub("", label_key(value)).removeprefix("其中:")
        if not text:
            continue
        for role, matches in _PROJECT_COLUMNS:
            if role not in columns and matches(text):
                columns[role] = column
                break
    if "total" not in columns:  # a list of projects with no year's total: the cost of each (the self-check holds it
        # against its sources, a 待复核 mark where a project runs over more years than its year's money)
        whole = next((column for column, value in enumerate(grid.rows[row])
                      if _IN_UNITS.sub("", label_key(value)) in _WHOLE_COST), None)
        if whole is not None:
            columns["total"] = whole
    return columns


_WHOLE_COST = ("项目总投资", "总投资")  # 项目总投资 | 财政衔接资金 | 其他资金 (浔阳's 项目安排计划)


def import_project_table(grid: Grid, first_project: int = 0) -> ImportedTable | None:
    found = find_project_header(grid)
    if found is None:
        return None
    header_row, columns = found
    # One row per indicator: the 三级指标 column is the table's place for indicators (reconcile/unread.py), and a row
    # whose project cells repeat the row above's (merged down, or written again) adds its indicator to that project.
    # A 绩效指标 cell merged over the 一级…指标值 columns of a two-row header names no column of text of its own.
    by_rows = "level3" in columns and columns.get("indicators") in (None, *(columns.get(r) for r in _INDICATOR_ROLES))
    by_level1 = {} if by_rows else level1_columns(grid, header_row, columns)
    table = ImportedTable(grid.name, header_row, first_project=first_project,
                          columns={**columns, "indicators": columns["level3"]} if by_rows else
                          {**columns, "indicators": min(by_level1)} if by_level1 else columns)
    yuan = amounts_in_yuan(grid, header_row + 1)  # the title block and the (one- or two-row) header
    if yuan:
        table.notes.insert(0, yuan_note(yuan, "表格"))
    elif not says_wanyuan(grid, header_row + 1) and \
            (looks := evidently_in_yuan(_column_amounts(grid, header_row, columns))):  # amounts read only then
        typical, converted = looks
        yuan = typical if converted else None
        table.notes.insert(0, Note(evident_yuan_note(typical, "表格", converted)))
    title_department, rejected_title = read_title_block(grid, header_row, table)
    unknown = _unknown_columns(grid, header_row, columns)
    if unknown:  # what such a column holds is not imported: said, not dropped in silence
        shown = "、".join(f"“{text}”" for _, text in unknown)
        table.notes.append(Note(f"表头中的{shown}栏本程序不认识，其中的内容未导入，请对照原表核对", row=header_row + 1,
                                column=unknown[0][0] + 1, source_text=unknown[0][1]))
    group_unit: str | None = None
    unit_above: str | None = None  # the last project row's own unit cell, where merges_lost may have emptied the next
    labels = {label_key(grid.cell(header_row, c)) for c in columns.values()}
    names = Names(grid, columns, bool(yuan), [name for name in (table.department_name, title_department) if name])
    heading_department: str | None = None
    project_cells: dict[str, str] | None = None  # by_rows: the project cells of the last project's first row
    continued: set[int] = set()  # rows read as the rest of the project row above (_take_continuations)
    for row in range(header_row + 1, len(grid.rows)):
        if row in continued:
            continue
        values = row_texts(grid.rows[row], columns)
        if not any(values.values()):
            stray = _outside_columns(grid.rows[row])
            if stray is None or stray.isdigit() or is_footnote(stray):
                continue  # a 序号 beside the columns (a row's number drawn on a line of its own), a table's footnote
            if not is_organisation(stray):
                table.notes.append(Note(f"第 {row + 1} 行的文字“{stray[:20]}”不在表头的任何一栏下，未导入，请对照原表核对",
                                        row=row + 1, source_text=stray))
                continue
            values = {"name": stray}  # a unit's row a page's text put beside the columns (a browser's print's top line)
        if header_again(values, labels, column_role):
            continue
        if by_rows:
            values["indicators"] = values.get("level3", "")  # what row_kind and the guards take as the row's indicators
            if project_cells is not None and table.projects and same_project(values, project_cells):
                add_indicator_row(table, values, row)
                continue
        if not values.get("name") and (named := _name_under_serial(grid, header_row, row, values)):
            values["name"] = named
            table.notes.append(Note(f"第 {row + 1} 行项目名称一格是空的，序号一格中的“{excerpt(named)}”不是序号，已作为项目名称导入，"
                                    f"请对照原表核对", row=row + 1,
                                    location=paths.project(table.first_project + len(table.projects)),
                                    source_text=named))
        name = values.get("name", "")
        first = name or next((v for v in values.values() if v), "")  # a note merged across fills every column
        if is_footnote(first):
            table.notes.append(Note(f"第 {row + 1} 行是表注或签署栏（“{first[:20]}…”），未作为项目导入", row=row + 1,
                                    source_text=first))
            continue
        # A row of amounts without a name is a sum; with a goal or indicators it is a project whose name is
        # missing (joined to the row above by a reading), said as such below.
        if TOTAL_ROW.match(label_key(name)) or (not name and any(values.get(k) for k in ("total", "fiscal"))
                                                and not values.get("goal") and not values.get("indicators")):
            table.notes.append(Note(f"第 {row + 1} 行是合计行，未作为项目导入", row=row + 1))
            if table.grand_total is None and table.projects == []:
                reading = read_published_amount(values.get("total"))
                table.grand_total = in_wanyuan(reading.value, values.get("total"), bool(yuan), "", "")[0]
                if reading.kind is Kind.ABSURD:  # left empty: said, as every amount left empty is
                    table.notes.append(reading.note(paths.field(paths.BUDGET, "project"), f"第 {row + 1} 行合计行的总计", row + 1))
            table.stated.append(StatedRow(row + 1, label_key(name), stated_amounts(values, bool(yuan)), len(table.projects)))
            unit_above = None
            continue
        kind = row_kind(table, row, name, values, names)
        if kind == SKIP:  # another field's text in the name column, or a name alone: said, and not read
            continue
        if kind != PROJECT or not name:
            unit_above = None
        if kind in (GROUP, UNNAMED):  # a category's row (一、专项业务费), or a unit's whose name is no name: a sum
            group_unit = None if kind == UNNAMED else group_unit  # the unit above does not reach past a new one
            table.stated.append(StatedRow(row + 1, name, stated_amounts(values, bool(yuan)), len(table.projects), True))
            continue
        if kind == HEADING:
            group_unit = name
            names.organisations.append(name)
            if heading_department is None and is_organisation(name):
                heading_department = name  # the first row heading the table's projects: the department's in 天河's
            table.notes.append(Note(f"第 {row + 1} 行“{name}”是部门/单位小计行，作为其下项目的预算单位", row=row + 1,
                                    location=paths.project(table.first_project + len(table.projects))))
            table.stated.append(StatedRow(row + 1, name, stated_amounts(values, bool(yuan)), len(table.projects), True))
            continue
        if not name:
            table.notes.append(_nameless_row_note(table, row, values))
            continue
        level1_texts = [(by_level1[int(c)], text) for c, text in
                        row_texts(grid.rows[row], {str(c): c for c in sorted(by_level1)}).items()] if by_level1 else None
        if level1_texts:  # the row's indicator text is the 一级 columns' together: what row_kind's guards look at
            values["indicators"] = "".join(text for _, text in level1_texts)
        elif not by_rows:
            continued.update(_take_continuations(grid, row, columns, labels, values, table))
        if grid.merges_lost and "unit" in columns and not group_unit:
            unit_above = _unit_of_merged_cell(values, unit_above, row, table, grid.merges_why)
        table.projects.append(_project_from_row(values, group_unit, row, table, bool(yuan), grid.rows[row], columns,
                                                by_rows, level1_texts))
        table.rows.append(row + 1)
        project_cells = {key: values.get(key, "") for key in PROJECT_CELLS}
        if table.projects[-1].unit and table.projects[-1].unit not in names.organisations:
            names.organisations.append(table.projects[-1].unit)
        if values.get("department") and not table.department_name:
            take_department(table, row, values["department"], names)
    table.department_name = table.department_name or title_department or heading_department
    if table.department_name is None and rejected_title is not None:
        table.notes.append(rejected_title)
    if "indicators" not in columns and not by_rows and not by_level1 and table.projects \
            and not any(project.indicators for project in table.projects):  # none read from headed goals either
        # Every 项目支出绩效目标表 has them: a PDF printed in strips of columns whose strip of 绩效指标 could not be
        # joined, a sheet cut at the print range. Said once, at the first project's (the self-check cannot: it
        # looks at the columns the table has).
        table.notes.append(Note(f"表头中没有“绩效指标”栏（表格可能分页打印，这一栏印在了别的页上），{len(table.projects)} 个"
                                f"项目的绩效指标都没有导入，请按原表补填", row=header_row + 1,
                                location=paths.indicators(paths.project(table.first_project))))
    return table


def _unit_of_merged_cell(values: dict[str, str], unit_above: str | None, row: int, table: ImportedTable,
                         why: str) -> str | None:
    """A project row whose unit cell is empty right under a project row with a unit, in a container that keeps a
    merged cell's text in its first row only (a unit merged down its projects, copied as text or printed to PDF
    without ruling lines): the unit above,
    said at the field, for the clerk to check. Gives the unit the next row may take."""
    if values.get("unit"):
        return values["unit"]
    if unit_above is None:
        return None
    values["unit"] = unit_above
    owner = paths.project(table.first_project + len(table.projects))
    table.notes.append(Note(f"第 {row + 1} 行项目“{values.get('name', '')}”的预算单位一格是空的，已按上一行填为“{unit_above}”"
                            f"（{why}），请对照原表核对",
                            location=paths.field(owner, "unit"), row=row + 1, source_text=unit_above))
    return unit_above




def _project_from_row(values: dict[str, str], group_unit: str | None, row: int, table: ImportedTable,
                      in_yuan: bool = False, cells: list[object] | None = None,
                      columns: dict[str, int] | None = None, by_rows: bool = False,
                      level1_texts: list[tuple[str, str]] | None = None) -> Project:
    """One pydantic call for the project, its funds and its indicators from plain dicts: the same validators as
    building each model on its own, and no Python call per model (bench/profile_imports.py shows what is left)."""
    funds: dict[str, Decimal | None] = {}
    owner = paths.project(table.first_project + len(table.projects))  # where the notes will find it
    if cells is not None and columns:
        _straddling_notes(cells, columns, row, values.get("name", ""), owner, table)
    for key in FUND_KEYS:
        text = values.get(key)
        if not text:  # what read_published_amount reads as printed: nothing
            funds[key] = None
            continue
        if glued := amount_misfit(text):  # a number no reading gives as printed, and not to be read as one
            table.notes.append(Note(f"第 {row + 1} 行项目“{values.get('name', '')}”的{FUNDS_LABELS[key]}“{excerpt(text)}”"
                                    f"{glued}，已留空，请按原表填写", location=paths.field(owner, f"funds.{key}"),
                                    row=row + 1, source_text=text))
            funds[key] = None
            continue
        reading = read_published_amount(text)
        if reading.kind is not Kind.PRINTED:  # the place is worded only for a note
            table.notes.append(reading.note(paths.field(owner, f"funds.{key}"), f"第 {row + 1} 行的{FUNDS_LABELS[key]}", row + 1))
        funds[key], said = in_wanyuan(reading.value, text, in_yuan, paths.field(owner, f"funds.{key}"),
                                      f"第 {row + 1} 行的{FUNDS_LABELS[key]}", row + 1)
        if said is not None:
            table.notes.append(said)
    if by_rows:  # the row's own indicator; the rows below add theirs (add_indicator_row)
        indicators, notes, numbers = [row_indicator(values, None)] if values.get("level3") else [], [], []
        if indicators:
            sign_note(table, values, row, owner, 0)
    elif level1_texts:
        indicators, notes, numbers = level1_cells(level1_texts)
    else:
        headed = None
        if not values.get("indicators"):  # 【总体目标】… 【产出指标-数量指标】 指标1:…(值): the goal cell holds them (安徽)
            values["goal"], headed = split_headed_goal(values.get("goal"))
        indicators, notes, numbers = parse_indicator_cell(headed or values.get("indicators"))
        if headed and indicators:
            notes = [Note(f"绩效目标栏中的 {len(indicators)} 个指标按【一级指标-二级指标】标题读出，括号中的值作为年度指标值导入，"
                          f"请核对", location=paths.indicators(owner)),
                     *notes]
    name = values["name"]
    table.notes.extend(as_note(note).under(owner).at_row(row + 1).prefixed(f"项目“{name}”：") for note in notes)
    unit, period = without_code(values.get("unit") or "") or group_unit, values.get("period") or None
    if values.get("unit") and (shape := unit_misfit(unit)):  # left empty, not the unit above: the row said otherwise
        table.notes.append(_misfit_note(row, name, "unit", shape, unit, owner))
        unit = None
    if period and (shape := period_misfit(period)):
        table.notes.append(_misfit_note(row, name, "period", shape, period, owner))
        period = None
    goal = values.get("goal") or None
    if goal and (shape := goal_misfit(goal)):  # kept, as the clerk's one copy of the text, but never as if fine
        table.notes.append(Note(f"第 {row + 1} 行项目“{name}”的绩效目标栏中有{shape}（“{excerpt(goal)}”），可能混入了相邻的单元格，"
                                f"已原样保留，请对照原表核对", location=paths.field(owner, "goal"), row=row + 1, source_text=goal))
    project = Project.model_validate({
        "name": name,
        "unit": unit,
        "period": period,
        "funds": funds,
        "goal": goal,
        "indicators": indicators,
    })
    table.item_numbers.append(numbers)  # beside table.rows, once the project is made
    return project


_CONTINUED_TEXTS = ("goal", "indicators")


def _take_continuations(grid: Grid, row: int, columns: dict[str, int], labels: set[str], values: dict[str, str],
                        table: ImportedTable) -> list[int]:
    """The rows right below a project's row that hold nothing but more of its 绩效目标 and 绩效指标 text — a row
    broken across a page (Word prints the rest of a tall row on the next page, under the repeated header), or a
    project whose indicators run down several rows with its name written once — joined into values: the indicator
    text a line further, the goal's words run on (a sentence cut by the page). Said once, at the project. A row
    with anything else (a number, a name, an amount, a unit of its own) is not the rest of this one."""
    text_roles = {key: columns[key] for key in _CONTINUED_TEXTS if key in columns}
    text_columns = set(text_roles.values())
    unit_column = columns.get("unit")
    taken: list[int] = []
    below = row + 1
    while below < len(grid.rows) and text_columns:
        cells = grid.rows[below]
        others = [column for column, value in enumerate(cells) if column not in text_columns
                  and cell_text(value).strip() and not (column == unit_column and
                                                        clean_cell_text(cell_text(value)) == values.get("unit"))]
        more = row_texts(cells, text_roles)
        if others or not any(more.values()) or any(label_key(text) in labels for text in more.values() if text):
            break
        if is_footnote(next(text for text in more.values() if text)):
            break
        if more.get("indicators"):
            values["indicators"] = "\n".join(text for text in (values.get("indicators"), more["indicators"]) if text)
        if more.get("goal"):
            values["goal"] = (values.get("goal") or "") + more["goal"]
        taken.append(below)
        below += 1
    if taken:
        rows = f"第 {taken[0] + 1} 行" if len(taken) == 1 else f"第 {taken[0] + 1}–{taken[-1] + 1} 行"
        table.notes.append(Note(f"{rows}没有项目名称，只有绩效目标或绩效指标的文字，已接在第 {row + 1} 行项目“{values.get('name', '')}”"
                                f"的文字之后（跨页断开的一行，或一个项目占了几行），请对照原表核对", row=taken[0] + 1,
                                location=paths.project(table.first_project + len(table.projects))))
    return taken


_SERIALS = ("序号", "编号")
_SERIAL = re.compile(r"[\d一二三四五六七八九十()（）.、．]*")  # 1, 1.2, 一、, （三）


def _name_under_serial(grid: Grid, header_row: int, row: int, values: dict[str, str]) -> str | None:
    """The text in the 序号 column of a row that has a project's cells (an amount or its unit, and its goal or
    indicators) but no name, where that text is no number, sum or note: a short name set at its column's left edge,
    which a table without ruling lines put under 序号 (seed 55's p048, a Calc print: 调解经费 left of the midway
    between 序号 and 项目名称, its row's number centred lower in the tall row)."""
    if not (values.get("goal") or values.get("indicators")) or not any(values.get(k) for k in ("unit", "total", "fiscal")):
        return None
    for at in (header_row, header_row - 1):
        if at < 0:
            continue
        column = next((c for c, cell in enumerate(grid.rows[at]) if label_key(cell_text(cell)) in _SERIALS), None)
        if column is None:
            continue
        text = grid.text(row, column).strip() if column < len(grid.rows[row]) else ""
        if not text or _SERIAL.fullmatch(text) or TOTAL_ROW.match(label_key(text)) or is_footnote(text):
            return None
        return text
    return None


def _nameless_row_note(table: ImportedTable, row: int, values: dict[str, str]) -> Note:
    """The note on a row skipped for having no 项目名称. A row with a project's cells but no name is most often a
    project whose name cell a reading joined to the row above (rows of one table printed in strips of columns
    whose heights differ, a merged cell): the note says what the row held and names the project above in full,
    so that both can be found."""
    held = [_place_label(key) for key in ("unit", "period", *FUND_KEYS, "goal", "indicators") if values.get(key)]
    own = any(values.get(key) for key in (*FUND_KEYS, "goal", "indicators"))  # a unit alone: a merged cell's copy
    if not own or not table.projects:
        return Note(f"第 {row + 1} 行没有项目名称，已跳过", row=row + 1)
    above, unit = table.projects[-1].name, table.projects[-1].unit
    # a project's row (its goal or indicators) whose unit is empty too may have had both joined into the row above's
    # (a 番禺 table printed with rows too low for their text: 法律援助经费 and 法规咨询业务工作经费 read as one project of
    # two units, seed 50's p028); an amount alone is a strip's row put out of step, its unit not in question
    both = unit and not values.get("unit") and (values.get("goal") or values.get("indicators"))
    joined = f"名称“{above}”和预算单位“{unit}”可能连着这一行的项目名称和预算单位" if both else \
        f"名称“{above}”可能连着这一行的项目名称"
    return Note(f"第 {row + 1} 行没有项目名称，但有{'、'.join(held)}，未作为项目导入；上一个项目的{joined}，请对照原表核对",
                row=row + 1, location=paths.project(table.first_project + len(table.projects) - 1),
                source_text=" ".join(values[key] for key in ("unit", "total", "fiscal") if values.get(key)) or None)


_CHECKED_PLACES = (*FUND_KEYS, "period")  # short cells beside one another, where a neighbour's text can run in


def _straddling_notes(cells: list[object], columns: dict[str, int], row: int, name: str, owner: str,
                      table: ImportedTable) -> None:
    """A note at each amount or 实施周期 whose text the PDF reading found standing over two columns of a table
    without ruling lines, or between them where the table does not show how it aligns its amounts (containers/pdf:
    Straddling, its `beside`): the column it was put in is a guess. The
    value is kept where its middle lies, and the note names both columns, so either field's reader is pointed."""
    role_of = {column: role for role, column in columns.items()}
    for key in _CHECKED_PLACES:
        column = columns.get(key)
        value = cells[column] if column is not None and column < len(cells) else None
        beside = getattr(value, "beside", None)
        if not isinstance(value, str) or beside is None or not value.strip():
            continue
        here, there = _place_label(key), _place_label(role_of.get(beside))
        where = paths.field(owner, f"funds.{key}" if key in FUND_KEYS else key)
        table.notes.append(Note(f"第 {row + 1} 行项目“{name}”的{here}“{excerpt(value)}”在 PDF 中的位置跨在或夹在{here}和"
                                f"{there}两栏之间（表格没有框线，只能按文字的位置分栏），可能属于{there}，请对照原表核对",
                                location=where, row=row + 1, source_text=str(value)))


def _place_label(role: str | None) -> str:
    if role in FUND_KEYS:
        return FUNDS_LABELS[role]
    return PROJECT_LABELS.get(role or "", "相邻的一栏")


def _misfit_note(row: int, name: str, key: str, shape: str, text: str, owner: str) -> Note:
    return Note(f"第 {row + 1} 行项目“{name}”的{PROJECT_LABELS[key]}栏中是{shape}（“{excerpt(text)}”），"
                f"不是{PROJECT_LABELS[key]}，已留空，请按原表填写", location=paths.field(owner, key), row=row + 1,
                source_text=text)


def _outside_columns(cells: list) -> str | None:
    """The text of a row that has some only in columns no header names (a line a PDF reader put in a column of its
    own, a row of one text at a page's top: seed 42's browser-printed p021, a unit's subtotal row dropped unsaid and
    its projects given the unit above), or None when the row is empty."""
    texts = [cell_text(cell).strip() for cell in cells if cell is not None and cell_text(cell).strip()]
    return " ".join(texts) if texts else None
