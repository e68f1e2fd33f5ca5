"""The 问题清单 as a workbook for the review meeting: the facts at the top, then one filterable row per problem.

Printed from Excel/WPS it comes out as the editor's own sheets do: A4 landscape, fit to the page's
width, the table's header row repeated on every page.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from ...model.problem_list import COLUMNS, TITLE, ProblemListHeader, ProblemRow
from ..editor_files.sheet_builder import SheetBuilder, register_styles
from ..editor_files.workbook import page_setup
from ..infra.atomic import atomic_write

SHEET = "问题清单"
_WIDTHS = (6, 24, 44, 60, 10, 36)
_LABEL_COLUMNS = 2  # a fact's label spans 序号 and 项目, its text the rest of the row


def header_row(header: ProblemListHeader) -> int:
    """The sheet row of the table's column headers: after the title and the facts."""
    return 2 + len(header.facts())


def problem_list_bytes(rows: list[ProblemRow], header: ProblemListHeader) -> bytes:
    workbook = Workbook(write_only=True)
    register_styles(workbook)
    sheet = SheetBuilder(workbook, SHEET)
    width = len(COLUMNS)
    sheet.put(1, 1, f"{header.year}年度{TITLE}" if header.year else TITLE, "title")
    sheet.merge(1, 1, 1, width)
    sheet.heights[1] = 32
    for line, (label, value) in enumerate(header.facts(), start=2):
        sheet.put(line, 1, label, "label")
        sheet.merge(line, 1, line, _LABEL_COLUMNS)
        sheet.put(line, _LABEL_COLUMNS + 1, value)
        sheet.merge(line, _LABEL_COLUMNS + 1, line, width)
    top = header_row(header)
    sheet.put_row(top, COLUMNS, style="header")
    for offset, row in enumerate(rows, start=1):
        sheet.put_row(top + offset, row.cells())
    if not rows:
        sheet.put(top + 1, 1, "未发现问题")
        sheet.merge(top + 1, 1, top + 1, width)
    sheet.set_widths(_WIDTHS)
    last = top + max(len(rows), 1)
    sheet.sheet.auto_filter.ref = f"A{top}:{get_column_letter(width)}{last}"
    sheet.sheet.freeze_panes = f"A{top + 1}"
    page_setup(sheet, f"{top}:{top}")
    sheet.flush()
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_problem_list_xlsx(rows: list[ProblemRow], header: ProblemListHeader, path: str | Path) -> None:
    """Render in memory, then replace the target at once; a failure is a FileProblem and leaves it as it was."""
    atomic_write(path, problem_list_bytes(rows, header), keep_backup=False)
