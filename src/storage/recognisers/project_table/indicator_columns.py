"""Indicators that are not one numbered text per project: in a column per 一级 (产出指标 | 效益指标 | 满意度指标), or
one indicator a row under its project (by_rows: 一级 | 二级 | 三级 | 指标值 columns), as project_table.py reads them."""

from __future__ import annotations

import re

from ....model import framework, paths
from ....model.declaration import Indicator
from ....model.notes import Note, as_note
from ...containers.sheet_grid import Grid, label_key
from ..indicator_text import parse_indicator_cell
from ..published import ImportedTable, joined_value
from .rows import FUND_KEYS


def level1_columns(grid: Grid, header_row: int, columns: dict[str, int]) -> dict[int, str]:
    """绩效指标 printed in a column per 一级 (产出指标 | 效益指标 | 满意度指标 under a merged 绩效指标 cell, or headers
    of their own): each such column's 一级; empty when the table has one 绩效指标 column of text."""
    found: dict[int, str] = {}
    for row in (header_row, header_row + 1):
        for column, value in enumerate(grid.rows[row] if row < len(grid.rows) else ()):
            key = label_key(value)
            if key in _LEVEL1_HEADERS and column not in set(columns.values()) - {columns.get("indicators")}:
                found.setdefault(column, key)
    return found


_LEVEL1_HEADERS = frozenset(framework.level1_names())


def level1_cells(level1_texts: list[tuple[str, str]]) -> tuple[list[dict], list[str], list[int]]:
    """The numbered indicator text of each 一级's column ((一级, text) in the columns' order), the column's 一级 given to the items that do not name one;
    their item numbers run on across the columns (1、2 | 1 | 1 → 1 2 3 4), as the self-check counts them."""
    indicators: list[dict] = []
    notes: list[str] = []
    numbers: list[int] = []
    for level1, text in level1_texts:
        read, said, stated = parse_indicator_cell(text)
        offset = len(indicators)
        for item in read:
            # The column states the 一级; an item's own 二级 only implies one (服务对象满意度指标 under 效益指标 is the
            # table's saying, which the checks then question), unless the text names that 一级 itself.
            if item["level1"] is None or (item["level1"] != level1 and not _names_level(text, item["level1"])):
                item["level1"] = level1
        notes.extend(_shifted(as_note(note), offset).prefixed(f"{level1}栏：") for note in said)
        numbers.extend(number + offset for number in stated)
        indicators.extend(read)
    return indicators, notes, numbers


def _names_level(text: str, level: str) -> bool:
    """Whether the text writes the level as a label of its own (1、满意度指标：…), not inside a longer one
    (服务对象满意度指标：)."""
    return re.search(rf"(?<![\u4e00-\u9fff]){level}\s*[:：]", text) is not None


def _shifted(note: Note, offset: int) -> Note:
    """A note on the column's k-th indicator, at the project's (offset + k)-th."""
    found = _RELATIVE_INDICATOR.match(note.location or "")
    if found is None or not offset:
        return note
    return Note(str(note), location=paths.item("indicators", int(found.group(1)) + offset), source=note.source,
                row=note.row, column=note.column, source_text=note.source_text)


_RELATIVE_INDICATOR = re.compile(r"^indicators\[(\d+)\]$")
PROJECT_CELLS = ("name", "unit", "period", *FUND_KEYS, "goal")


def same_project(values: dict[str, str], first: dict[str, str]) -> bool:
    """Whether an indicator row goes on with the project above: its name is that project's or empty, and every
    other project cell it fills says what the project's first row said (a merged cell, or the cells written
    again on each row). A row whose name is the same but whose amounts differ is another project."""
    if not values.get("level3") or values.get("name") not in ("", first["name"]):
        return False
    return all(not values.get(key) or values[key] == first[key] for key in PROJECT_CELLS if key != "name")


def add_indicator_row(table: ImportedTable, values: dict[str, str], row: int) -> None:
    project = table.projects[-1]
    project.indicators.append(Indicator.model_validate(row_indicator(values, project.indicators[-1]
                                                                      if project.indicators else None)))
    sign_note(table, values, row, paths.project(table.first_project + len(table.projects) - 1),
               len(project.indicators) - 1)


def sign_note(table: ImportedTable, values: dict[str, str], row: int, owner: str, position: int) -> None:
    """A 指标性质 that is no comparator (正向, 反向…) is not joined into the value: said at the value, not dropped."""
    sign = values.get("comparator", "")
    if sign and (values.get("annual_value") or values.get("period_value")) and joined_value("1", sign, "")[1]:
        table.notes.append(Note(f"第 {row + 1} 行的指标性质“{sign}”不是比较符，未并入指标值",
                                location=paths.field(paths.indicator(owner, position), "annual_value"), row=row + 1,
                                source_text=sign))


def row_indicator(values: dict[str, str], above) -> dict:
    """One indicator row's fields; a 一级 (and a 二级 under it) left blank is the row above's in the same project
    (a merged cell a reading did not fill, or written once per run)."""
    level1 = values.get("level1") or (above.level1 if above is not None else None)
    level2 = values.get("level2") or (above.level2 if above is not None and level1 == above.level1 else None)
    sign, unit = values.get("comparator", ""), values.get("value_unit", "")
    annual = joined_value(values.get("annual_value") or "", sign, unit)[0]
    period = joined_value(values.get("period_value") or "", sign, unit)[0]
    return {"level1": level1 or None, "level2": level2 or None, "name": values.get("level3") or None,
            "annual_value": annual, "period_value": period}
