"""The lines above a project table's header: its year, 部门名称：…, and the department a title names."""

from __future__ import annotations

import re

from ....model import paths
from ....model.declaration import DEPARTMENT_LABELS
from ....model.notes import Note
from ...containers.sheet_grid import Grid, label_key
from ..field_shapes import organisation_misfit
from ..indicator_text import clean_cell_text
from ..published import YEAR, ImportedTable

_DEPARTMENT_IN_TITLE = re.compile(r"^(.{2,40}?)\s*(?:(?:19|20)\d{2}\s*年|部门整体|项目支出)")
_NAME = DEPARTMENT_LABELS["name"]
_COLON = re.compile(r"[:：]")
_NEXT_LABEL = re.compile(r"\s+[^\s:：]{1,10}[:：]|(?:金额)?单位\s*[:：]\s*(?:万元|元)")


def _labelled_department(text: str) -> str | None:
    """The name after 部门名称： in a line above the table, up to the next label standing apart on the same line
    (部门名称：X　　单位：万元, as a Word paragraph or a printed line holds them) or the amounts' unit written against
    it; compared loosely (label_key), as before."""
    colon = _COLON.search(text)
    if colon is None or label_key(text[:colon.start()]) != _NAME:
        return None
    value = text[colon.end():].strip()
    following = _NEXT_LABEL.search(value)
    if following is not None:
        value = value[:following.start()]
    return label_key(value) or None


def read_title_block(grid: Grid, header_row: int, table: ImportedTable) -> tuple[str | None, Note | None]:
    """Year and 部门名称：… above the header; returns the department named in the title, if any, and the note on
    a title whose words before its year are no department's name (2023年项目支出…), for when no other cell names it."""
    title_department, rejected = None, None
    for row in range(header_row):
        for value in grid.rows[row]:
            text = clean_cell_text(str(value)) if value is not None else ""
            if not text:
                continue
            named = _labelled_department(text)
            if named and not organisation_misfit(named):
                table.department_name = named
            year = YEAR.search(text)
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
