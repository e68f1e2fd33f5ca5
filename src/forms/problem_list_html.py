"""The 问题清单 as a printed form: landscape, the facts at the top, one row per problem; pure HTML.

Printed by src/render/printing.py like the official forms: the column headers repeat on every page
(<thead>), a row that would cross a page break starts the next page whole (the Grid), and the
pages carry the department, the year and 第 N 页 共 M 页.
"""

from __future__ import annotations

from functools import partial
from html import escape

from ..model.problem_list import COLUMNS, NO_SUGGESTION, TITLE, ProblemListHeader, ProblemRow
from ..model.problems import ERROR
from .html_forms import LANDSCAPE, Grid, PageBreaks, PrintJob, grid_tables, html_document, text

PROBLEM_GRID = Grid(COLUMNS[0], tuple(range(len(COLUMNS))))
_WIDTHS = (5, 13, 27, 33, 6, 16)
_HEAD = "<thead><tr>" + "".join(f"<th width='{width}%'>{label}</th>" for width, label in zip(_WIDTHS, COLUMNS)) + "</tr></thead>"
# QTextDocument paints a table in time that grows with its whole length on every page (see
# html_forms.summary_form), so a long list prints as slices, each continuing on a new page.
CHUNK = 200


def problem_list_form(rows: list[ProblemRow], header: ProblemListHeader, first: int = 0, count: int | None = None,
                      breaks: PageBreaks | None = None) -> PrintJob:
    """The list, or with first/count one slice of it (the title and the facts only on the first)."""
    chosen = rows[first:] if count is None else rows[first:first + count]
    cells = [f"<tr><td align='center'>{row.number}</td><td>{text(row.project)}</td><td>{text(row.location)}</td>"
             f"<td>{text(row.message)}</td><td align='center'>{_severity(row)}</td>{_suggestion(row)}</tr>"
             for row in chosen]
    if not rows:
        cells.append(f"<tr><td colspan='{len(COLUMNS)}' align='center'>未发现问题</td></tr>")
    heading = ""
    if first == 0:
        title = f"{header.year}年度{TITLE}" if header.year else TITLE
        facts = "".join(f"<tr><td class='label' width='12%'>{escape(label)}</td><td>{text(value)}</td></tr>"
                        for label, value in header.facts())
        heading = (f"<h1>{escape(title)}</h1><p class='sub'>&nbsp;</p>"
                   f"<table class='grid' width='100%' cellspacing='0' cellpadding='4'>{facts}</table><p>&nbsp;</p>")
    _, pushes = (breaks or {}).get(PROBLEM_GRID.header, (frozenset(), frozenset()))  # its rows span nothing: starts unused
    body = heading + grid_tables(_HEAD, cells, pushes)
    return PrintJob(TITLE, html_document(body), LANDSCAPE, (PROBLEM_GRID,),
                    partial(problem_list_form, rows, header, first, count))


def problem_list_jobs(rows: list[ProblemRow], header: ProblemListHeader) -> list[PrintJob]:
    return [problem_list_form(rows, header, first, CHUNK) for first in range(0, max(len(rows), 1), CHUNK)]


def _severity(row: ProblemRow) -> str:
    # Errors stand out on paper, where the dock's red icon is not.
    label = escape(row.severity.label)
    return f"<b>{label}</b>" if row.severity is ERROR else label


def _suggestion(row: ProblemRow) -> str:
    if row.suggestion == NO_SUGGESTION:
        return f"<td align='center'>{NO_SUGGESTION}</td>"
    return f"<td>{text(row.suggestion)}</td>"
