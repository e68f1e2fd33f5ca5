"""The three official forms as HTML that QTextDocument prints; pure functions, so tests can read them.

1. 项目支出绩效目标申报表 — one per project, portrait, the form a unit signs.
2. 项目支出绩效目标表（汇总） — one row per project as seeds 000/002 publish it, landscape.
3. 部门整体预算绩效目标申报表 — as seeds 001/003, portrait.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from html import escape
from typing import Callable, Optional

from ..model.amounts import display_amount
from ..model.declaration import (
    BUDGET_FORM_BLOCKS,
    BUDGET_GROUPS,
    BUDGET_LABELS,
    DEPARTMENT_LABELS,
    FUNDS_LABELS,
    INDICATOR_LABELS,
    PROJECT_LABELS,
    TASK_HEADERS,
    Budget,
    Declaration,
    Indicator,
    Project,
)
from ..model.indicator_lines import indicator_lines
from ..model.sums import budget_income, summary_totals

PORTRAIT, LANDSCAPE = "portrait", "landscape"
FORM_TITLES = {
    "project": "项目支出绩效目标申报表",
    "summary": "项目支出绩效目标表（含转移支付项目）",
    "department": "部门整体预算绩效目标申报表",
}

_STYLE = """
<style>
body { font-size: 10pt; }
h1 { font-size: 16pt; font-weight: bold; text-align: center; margin: 0; }
p.sub { text-align: center; margin: 2pt 0 6pt 0; }
table.grid { border-collapse: collapse; border: 1px solid #000; width: 100%; }
table.grid td, table.grid th { border: 1px solid #000; padding: 3pt; vertical-align: top; }
table.grid th { background-color: #eeeeee; font-weight: bold; text-align: center; }
td.label { font-weight: bold; text-align: center; background-color: #f6f6f6; }
td.amount { text-align: right; }
table.caption { width: 100%; margin-bottom: 2pt; }
p.sign { margin-top: 14pt; }
</style>
"""


@dataclass(frozen=True)
class PrintJob:
    """One form to print: its HTML, its orientation and a short title for the page header."""

    title: str
    html: str
    orientation: str
    grids: tuple["Grid", ...] = ()
    # The same form again, told for each grid (by its header) which rows begin a page and which must
    # be pushed to a new page; only the printer knows, once the form is laid out (src/render/printing.py).
    paginate: Optional[Callable[["PageBreaks"], "PrintJob"]] = field(default=None, compare=False)


@dataclass(frozen=True)
class Grid:
    """The table of a form that runs over pages: its first header cell, and the columns every row has its own cell in."""

    header: str
    own_columns: tuple[int, ...]


# grid header → (rows that begin a page, rows pushed to a new page)
PageBreaks = dict[str, tuple[frozenset[int], frozenset[int]]]
_NO_BREAKS: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())


def grid_tables(head: str, rows: list[str], pushes: frozenset[int]) -> str:
    """The rows as one table, or as several where rows are pushed to a new page, each with the header."""
    parts: list[list[str]] = [[]]
    for index, row in enumerate(rows):
        if index in pushes and parts[-1]:
            parts.append([])
        parts[-1].append(row)
    tables = []
    for number, part in enumerate(parts):
        page_break = " style='page-break-before: always'" if number else ""
        tables.append(f"<table class='grid' width='100%' cellspacing='0' cellpadding='4'{page_break}>{head}{''.join(part)}</table>")
    return "".join(tables)


def text(value: object) -> str:
    """Escaped text with line breaks kept; an empty cell still has a line's height."""
    if value is None or value == "":
        return "&nbsp;"
    return escape(str(value)).replace("\n", "<br/>")


def amount(value) -> str:
    return escape(display_amount(value)) if value is not None else "&nbsp;"


def _year_title(declaration: Declaration, title: str) -> str:
    return f"{declaration.year}年{title}" if declaration.year else title


def html_document(body: str) -> str:
    return f"<html><head><meta charset='utf-8'/>{_STYLE}</head><body>{body}</body></html>"


def indicator_grid(indicators: list[Indicator], starts: frozenset[int] = frozenset(),
                   pushes: frozenset[int] = frozenset()) -> str:
    """The indicator table; 一级/二级 spans restart on each row that begins a page, so every page names them."""
    return grid_tables(_INDICATOR_HEAD, indicator_rows(indicators, starts | pushes), pushes)


def indicator_rows(indicators: list[Indicator], breaks: frozenset[int] = frozenset()) -> list[str]:
    """Rows 一级 / 二级 / 三级 / 实施周期 / 年度, with 一级 and 二级 cells spanning their runs.

    A run also ends before each row in breaks.
    """
    rows = []
    count = len(indicators)
    for index, indicator in enumerate(indicators):
        cells = []
        starts = index == 0 or index in breaks
        if starts or indicators[index - 1].level1 != indicator.level1:
            span = _run_length(indicators, index, lambda i: i.level1, breaks)
            cells.append(f"<td rowspan='{span}' class='label'>{text(indicator.level1)}</td>")
        if starts or (indicators[index - 1].level1, indicators[index - 1].level2) != (indicator.level1, indicator.level2):
            span = _run_length(indicators, index, lambda i: (i.level1, i.level2), breaks)
            cells.append(f"<td rowspan='{span}'>{text(indicator.level2)}</td>")
        cells += [f"<td>{text(indicator.name)}</td>", f"<td>{text(indicator.period_value)}</td>",
                  f"<td>{text(indicator.annual_value)}</td>"]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    if count == 0:
        rows.append("<tr><td colspan='5' align='center'>（未填写绩效指标）</td></tr>")
    return rows


def _run_length(indicators: list[Indicator], start: int, key, breaks: frozenset[int]) -> int:
    end = start + 1
    while end < len(indicators) and end not in breaks and key(indicators[end]) == key(indicators[start]):
        end += 1
    return end - start


INDICATOR_GRID = Grid(INDICATOR_LABELS["level1"], (2, 3, 4))
_INDICATOR_HEAD = "<thead><tr>" + "".join(
    f"<th width='{width}%'>{label}</th>" for width, label in zip((14, 16, 34, 18, 18), INDICATOR_LABELS.values())) + "</tr></thead>"
_FUNDS_HEAD = "".join(f"<th>{label}</th>" for label in FUNDS_LABELS.values())


# The project form names the department's 部门名称 as its 主管部门, as the official form does.
_SUPERVISOR = "主管部门"


def project_form(declaration: Declaration, project: Project, breaks: PageBreaks | None = None) -> PrintJob:
    funds = project.funds
    starts, pushes = (breaks or {}).get(INDICATOR_GRID.header, _NO_BREAKS)
    body = f"""
<h1>{escape(FORM_TITLES['project'])}</h1>
<p class='sub'>（{declaration.year or '　　'}年度）</p>
<table class='caption' width='100%'><tr><td width='60%'>{_SUPERVISOR}：{text(declaration.department.name)}</td><td align='right'>单位：万元</td></tr></table>
<table class='grid' width='100%' cellspacing='0' cellpadding='4'>
<tr><td class='label' width='16%'>{PROJECT_LABELS['name']}</td><td colspan='4'>{text(project.name)}</td></tr>
<tr><td class='label'>{_SUPERVISOR}</td><td colspan='2'>{text(declaration.department.name)}</td>
    <td class='label' width='16%'>{PROJECT_LABELS['period']}</td><td>{text(project.period)}</td></tr>
<tr><td class='label'>{PROJECT_LABELS['unit']}</td><td colspan='4'>{text(project.unit)}</td></tr>
<tr><td class='label' rowspan='2'>{PROJECT_LABELS['funds']}<br/>（万元）</td>{_FUNDS_HEAD}</tr>
<tr><td class='amount'>{amount(funds.total)}</td><td class='amount'>{amount(funds.fiscal)}</td>
    <td class='amount'>{amount(funds.special_account)}</td><td class='amount'>{amount(funds.other)}</td></tr>
<tr><td class='label'>{PROJECT_LABELS['goal']}</td><td colspan='4'>{text(project.goal)}</td></tr>
</table>
<p><b>{PROJECT_LABELS['indicators']}</b></p>
{indicator_grid(project.indicators, starts, pushes)}
<p class='sign'>填报人：＿＿＿＿＿　联系电话：＿＿＿＿＿＿　单位负责人（签章）：＿＿＿＿＿　填报日期：　　年　　月　　日</p>
"""
    return PrintJob(f"{FORM_TITLES['project']}：{project.name or ''}", html_document(body), PORTRAIT,
                    (INDICATOR_GRID,), partial(project_form, declaration, project))


def numbered_indicators(indicators: list[Indicator]) -> str:
    """The published tables' numbered text, one indicator per line; a value not filled in is left out with
    its label."""
    return "<br/>".join(escape(line) for line in indicator_lines(indicators)) or "&nbsp;"


SUMMARY_CHUNK = 40


SUMMARY_GRID = Grid(PROJECT_LABELS["name"], tuple(range(8)))
_SUMMARY_LABELS = (PROJECT_LABELS["name"], PROJECT_LABELS["unit"], *FUNDS_LABELS.values(), PROJECT_LABELS["goal"],
                   PROJECT_LABELS["indicators"])
_SUMMARY_HEAD = "<thead><tr>" + "".join(
    f"<th width='{width}%'>{label}</th>" for width, label in zip((12, 9, 6, 6, 6, 6, 20, 35), _SUMMARY_LABELS)) + "</tr></thead>"


def summary_form(declaration: Declaration, first: int = 0, count: int | None = None,
                 breaks: PageBreaks | None = None) -> PrintJob:
    """The summary table; with first/count, one slice of it (the 合计 row and title only on the first slice).

    QTextDocument paints a table in time that grows with its whole length on every page, so long
    summaries are printed as slices of SUMMARY_CHUNK projects, each continuing on a new page.
    """
    projects = declaration.projects
    chosen = projects[first:] if count is None else projects[first:first + count]
    rows = []
    if first == 0:
        totals = "".join(f"<td class='amount'>{amount(value)}</td>" for value in summary_totals(projects).values())
        rows.append(f"<tr><td class='label'>合计</td><td>&nbsp;</td>{totals}<td>&nbsp;</td><td>&nbsp;</td></tr>")
    for project in chosen:
        funds = project.funds
        rows.append(f"<tr><td>{text(project.name)}</td><td>{text(project.unit)}</td><td class='amount'>{amount(funds.total)}</td>"
                    f"<td class='amount'>{amount(funds.fiscal)}</td><td class='amount'>{amount(funds.special_account)}</td>"
                    f"<td class='amount'>{amount(funds.other)}</td><td>{text(project.goal)}</td>"
                    f"<td>{numbered_indicators(project.indicators)}</td></tr>")
    heading = ""
    if first == 0:
        heading = (f"<h1>{escape(_year_title(declaration, FORM_TITLES['summary']))}</h1>"
                   f"<table class='caption' width='100%'><tr><td width='60%'>{DEPARTMENT_LABELS['name']}：{text(declaration.department.name)}</td>"
                   f"<td align='right'>单位：万元</td></tr></table>")
    _, pushes = (breaks or {}).get(SUMMARY_GRID.header, _NO_BREAKS)  # its rows span nothing: starts unused
    body = heading + grid_tables(_SUMMARY_HEAD, rows, pushes)
    return PrintJob(FORM_TITLES["summary"], html_document(body), LANDSCAPE, (SUMMARY_GRID,),
                    partial(summary_form, declaration, first, count))


def summary_jobs(declaration: Declaration) -> list[PrintJob]:
    count = len(declaration.projects)
    starts = range(0, max(count, 1), SUMMARY_CHUNK)
    return [summary_form(declaration, first, SUMMARY_CHUNK) for first in starts]


TASK_GRID = Grid(TASK_HEADERS["name"], (0, 1, 2, 3))
_TASK_HEAD = "<thead><tr>" + "".join(
    f"<th width='{width}%'>{label}</th>" for width, label in zip((20, 34, 14, 32), TASK_HEADERS.values())) + "</tr></thead>"


def _budget_rows(budget: Budget) -> list[str]:
    """预算整体情况's rows without their <tr>: each pair of groups' titles, then their amounts side by side."""
    rows = []
    for pair in BUDGET_FORM_BLOCKS:
        rows.append("".join(f"<th>{title}</th><th>预算金额（万元）</th>" for title in pair))
        for keys in zip(*(BUDGET_GROUPS[title] for title in pair)):
            rows.append("".join(f"<td>{BUDGET_LABELS[key]}</td><td class='amount'>{amount(getattr(budget, key))}</td>"
                                for key in keys))
    return rows


def department_form(declaration: Declaration, breaks: PageBreaks | None = None) -> PrintJob:
    department = declaration.department
    budget = department.budget
    starts, pushes = (breaks or {}).get(INDICATOR_GRID.header, _NO_BREAKS)
    _, task_pushes = (breaks or {}).get(TASK_GRID.header, _NO_BREAKS)

    budget_rows = _budget_rows(budget)
    budget_rows_after_first = "\n".join(f"<tr>{row}</tr>" for row in budget_rows[1:])
    tasks = [f"<tr><td>{text(t.name)}</td><td>{text(t.content)}</td><td class='amount'>{amount(t.funds)}</td>"
             f"<td>{text(t.expected)}</td></tr>" for t in department.tasks] or \
        ["<tr><td colspan='4' align='center'>（未填写）</td></tr>"]
    body = f"""
<h1>{escape(_year_title(declaration, FORM_TITLES['department']))}</h1>
<p class='sub'>&nbsp;</p>
<table class='grid' width='100%' cellspacing='0' cellpadding='4'>
<tr><td class='label' width='18%'>{DEPARTMENT_LABELS['name']}</td><td colspan='4'>{text(department.name)}</td></tr>
<tr><td class='label'>{DEPARTMENT_LABELS['functions']}</td><td colspan='4'>{text(department.functions)}</td></tr>
<tr><td class='label' rowspan='{len(budget_rows) + 1}'>{DEPARTMENT_LABELS['budget']}<br/>（万元）</td>{budget_rows[0]}</tr>
{budget_rows_after_first}
<tr><td colspan='4'>合计：{amount(budget_income(budget))}</td></tr>
<tr><td class='label'>{DEPARTMENT_LABELS['overall_goal']}</td><td colspan='4'>{text(department.overall_goal)}</td></tr>
</table>
<p><b>{DEPARTMENT_LABELS['tasks']}</b></p>
{grid_tables(_TASK_HEAD, tasks, task_pushes)}
<p><b>{DEPARTMENT_LABELS['indicators']}</b></p>
{indicator_grid(department.indicators, starts, pushes)}
"""
    return PrintJob(FORM_TITLES["department"], html_document(body), PORTRAIT, (TASK_GRID, INDICATOR_GRID),
                    partial(department_form, declaration))


def print_jobs(declaration: Declaration, form: str = "all", projects: list[int] | None = None) -> list[PrintJob]:
    """The forms to print, in the order a department hands them in: department, summary, each project."""
    chosen = range(len(declaration.projects)) if projects is None else projects
    jobs: list[PrintJob] = []
    if form in ("department", "all"):
        jobs.append(department_form(declaration))
    if form in ("summary", "all"):
        jobs += summary_jobs(declaration)
    if form in ("project", "all"):
        jobs += [project_form(declaration, declaration.projects[index]) for index in chosen]
    return jobs
