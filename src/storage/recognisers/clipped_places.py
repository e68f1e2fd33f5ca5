"""Where a department form's printed-cut cell went: the tasks, indicators and fields whose text holds it.

A project table's cut cell is said at the project read from its row (grid_import.clipped_notes). A department
form's reader (the current form, the 2019 one) puts a row's cells into tasks, indicators and its own fields in
ways of its own, and a PDF's rows are not the sheet's, so "第 N 行" alone tells the clerk nothing they can find in
the editor: the note names what holds the cell's text instead. A text printed in several places (the same goal
written for three tasks) names all of them: which one the cut copy was, the text cannot tell.
"""

from __future__ import annotations

import re

from ...model import paths
from ...model.declaration import Department

_TEXT_FIELDS = {"tasks": ("name", "content", "expected"),
               "indicators": ("level1", "level2", "name", "period_value", "annual_value")}
_OWN_FIELDS = ("functions", "overall_goal")
_SHORT = 6  # a text shorter than this (100%, 及时) is only taken where it is a field's whole text or its start


def _squeezed(text: object) -> str:
    return re.sub(r"\s", "", str(text or ""))


def _holds(value: object, cell: str) -> bool:
    field = _squeezed(value)
    if not field or not cell:
        return False
    return field.startswith(cell) or (len(cell) >= _SHORT and cell in field)


def places(department: Department, texts: list[str]) -> list[str]:
    """The locations (department.tasks[1], department.indicators[0], department.overall_goal) whose text holds
    one of the cells' texts, in the form's order."""
    cells = [cell for cell in map(_squeezed, texts) if len(cell) >= 2]
    found: list[str] = []
    for name in _OWN_FIELDS:
        if any(_holds(getattr(department, name), cell) for cell in cells):
            found.append(paths.field(paths.DEPARTMENT, name))
    for list_name, fields in _TEXT_FIELDS.items():
        for index, item in enumerate(getattr(department, list_name)):
            if any(_holds(getattr(item, name), cell) for name in fields for cell in cells):
                found.append(paths.item(paths.field(paths.DEPARTMENT, list_name), index))
    return found


def words(department: Department, locations: list[str]) -> str:
    """The places as the editor words them, with each item's name: 部门整体 › 任务 2“…”、部门整体 › 总体绩效目标."""
    said = []
    for location in locations:
        text = paths.place_words(location)
        listed = paths.list_and_index(location)
        if listed is not None:
            items = getattr(department, listed[0].split(".")[-1])
            name = _squeezed(items[listed[1]].name)
            text += f"“{name[:20]}”" if name else ""
        said.append(text)
    return "、".join(said)
