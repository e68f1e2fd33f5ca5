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
from ..model.checks import parts_sum, project_total
from ..model.declaration import BUDGET_LABELS, Declaration, Indicator, Project

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
    # be pushed to a new page; only the printer knows, once the form is laid out (src/ui/printing.py).
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


def _document(body: str) -> str:
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


INDICATOR_GRID = Grid("一级指标", (2, 3, 4))
_INDICATOR_HEAD = (f"<thead><tr><th width='14%'>{INDICATOR_GRID.header}</th><th width='16%'>二级指标</th><th width='34%'>三级指标</th>"
                   "<th width='18%'>实施周期指标值</th><th width='18%'>年度指标值</th></tr></thead>")


def project_form(declaration: Declaration, project: Project, breaks: PageBreaks | None = None) -> PrintJob:
    funds = project.funds
    starts, pushes = (breaks or {}).get(INDICATOR_GRID.header, _NO_BREAKS)
    body = f"""
<h1>{escape(FORM_TITLES['project'])}</h1>
<p class='sub'>（{declaration.year or '　　'}年度）</p>
<table class='caption' width='100%'><tr><td width='60%'>主管部门：{text(declaration.department.name)}</td><td align='right'>单位：万元</td></tr></table>
<table class='grid' width='100%' cellspacing='0' cellpadding='4'>
<tr><td class='label' width='16%'>项目名称</td><td colspan='4'>{text(project.name)}</td></tr>
<tr><td class='label'>主管部门</td><td colspan='2'>{text(declaration.department.name)}</td>
    <td class='label' width='16%'>实施周期</td><td>{text(project.period)}</td></tr>
<tr><td class='label'>预算单位</td><td colspan='4'>{text(project.unit)}</td></tr>
<tr><td class='label' rowspan='2'>项目资金<br/>（万元）</td><th>总计</th><th>财政拨款</th><th>财政专户拨款</th><th>其他资金</th></tr>
<tr><td class='amount'>{amount(funds.total)}</td><td class='amount'>{amount(funds.fiscal)}</td>
    <td class='amount'>{amount(funds.special_account)}</td><td class='amount'>{amount(funds.other)}</td></tr>
<tr><td class='label'>绩效目标</td><td colspan='4'>{text(project.goal)}</td></tr>
</table>
<p><b>绩效指标</b></p>
{indicator_grid(project.indicators, starts, pushes)}
<p class='sign'>填报人：＿＿＿＿＿　联系电话：＿＿＿＿＿＿　单位负责人（签章）：＿＿＿＿＿　填报日期：　　年　　月　　日</p>
"""
    return PrintJob(f"{FORM_TITLES['project']}：{project.name or ''}", _document(body), PORTRAIT,
                    (INDICATOR_GRID,), partial(project_form, declaration, project))


def numbered_indicators(indicators: list[Indicator]) -> str:
    """The published tables' numbered text, one indicator per line."""
    lines = []
    for number, indicator in enumerate(indicators, start=1):
        levels = "：".join(part for part in (indicator.level1, indicator.level2) if part)
        values = f"实施周期指标值：{indicator.period_value or '—'}；年度指标值：{indicator.annual_value or '—'}"
        lines.append(f"{number}、{escape(levels)}{'：' if levels else ''}{escape(indicator.name or '')}；{escape(values)}。")
    return "<br/>".join(lines) or "&nbsp;"


SUMMARY_CHUNK = 40


SUMMARY_GRID = Grid("项目名称", tuple(range(8)))
_SUMMARY_HEAD = (f"<thead><tr><th width='12%'>{SUMMARY_GRID.header}</th><th width='9%'>预算单位</th><th width='6%'>总计</th>"
                 "<th width='6%'>财政拨款</th><th width='6%'>财政专户拨款</th><th width='6%'>其他资金</th>"
                 "<th width='20%'>绩效目标</th><th width='35%'>绩效指标</th></tr></thead>")


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
        totals = {key: parts_sum(*(getattr(p.funds, key) for p in projects)) for key in ("fiscal", "special_account", "other")}
        grand = parts_sum(*(project_total(p) for p in projects))
        rows.append(f"<tr><td class='label'>合计</td><td>&nbsp;</td><td class='amount'>{amount(grand)}</td>"
                    f"<td class='amount'>{amount(totals['fiscal'])}</td><td class='amount'>{amount(totals['special_account'])}</td>"
                    f"<td class='amount'>{amount(totals['other'])}</td><td>&nbsp;</td><td>&nbsp;</td></tr>")
    for project in chosen:
        funds = project.funds
        rows.append(f"<tr><td>{text(project.name)}</td><td>{text(project.unit)}</td><td class='amount'>{amount(funds.total)}</td>"
                    f"<td class='amount'>{amount(funds.fiscal)}</td><td class='amount'>{amount(funds.special_account)}</td>"
                    f"<td class='amount'>{amount(funds.other)}</td><td>{text(project.goal)}</td>"
                    f"<td>{numbered_indicators(project.indicators)}</td></tr>")
    heading = ""
    if first == 0:
        heading = (f"<h1>{escape(_year_title(declaration, FORM_TITLES['summary']))}</h1>"
                   f"<table class='caption' width='100%'><tr><td width='60%'>部门名称：{text(declaration.department.name)}</td>"
                   f"<td align='right'>单位：万元</td></tr></table>")
    _, pushes = (breaks or {}).get(SUMMARY_GRID.header, _NO_BREAKS)  # its rows span nothing: starts unused
    body = heading + grid_tables(_SUMMARY_HEAD, rows, pushes)
    return PrintJob(FORM_TITLES["summary"], _document(body), LANDSCAPE, (SUMMARY_GRID,),
                    partial(summary_form, declaration, first, count))


def summary_jobs(declaration: Declaration) -> list[PrintJob]:
    count = len(declaration.projects)
    starts = range(0, max(count, 1), SUMMARY_CHUNK)
    return [summary_form(declaration, first, SUMMARY_CHUNK) for first in starts]


TASK_GRID = Grid("名称", (0, 1, 2, 3))
_TASK_HEAD = (f"<thead><tr><th width='20%'>{TASK_GRID.header}</th><th width='34%'>主要实施内容</th>"
              "<th width='14%'>拟投入的资金（万元）</th><th width='32%'>期望达到的目标（概述）</th></tr></thead>")


def department_form(declaration: Declaration, breaks: PageBreaks | None = None) -> PrintJob:
    department = declaration.department
    budget = department.budget
    starts, pushes = (breaks or {}).get(INDICATOR_GRID.header, _NO_BREAKS)
    _, task_pushes = (breaks or {}).get(TASK_GRID.header, _NO_BREAKS)

    def pair(left: str, right: str) -> str:
        return (f"<tr><td>{BUDGET_LABELS[left]}</td><td class='amount'>{amount(getattr(budget, left))}</td>"
                f"<td>{BUDGET_LABELS[right]}</td><td class='amount'>{amount(getattr(budget, right))}</td></tr>")

    tasks = [f"<tr><td>{text(t.name)}</td><td>{text(t.content)}</td><td class='amount'>{amount(t.funds)}</td>"
             f"<td>{text(t.expected)}</td></tr>" for t in department.tasks] or \
        ["<tr><td colspan='4' align='center'>（未填写）</td></tr>"]
    body = f"""
<h1>{escape(_year_title(declaration, FORM_TITLES['department']))}</h1>
<p class='sub'>&nbsp;</p>
<table class='grid' width='100%' cellspacing='0' cellpadding='4'>
<tr><td class='label' width='18%'>部门名称</td><td colspan='4'>{text(department.name)}</td></tr>
<tr><td class='label'>部门职能概述</td><td colspan='4'>{text(department.functions)}</td></tr>
<tr><td class='label' rowspan='7'>预算整体情况<br/>（万元）</td><th>部门预算支出</th><th>预算金额（万元）</th><th>收入来源</th><th>预算金额（万元）</th></tr>
{pair('basic', 'fiscal')}
{pair('project', 'other_income')}
<tr><th>事业发展性支出</th><th>预算金额（万元）</th><th>按预算级次划分</th><th>预算金额（万元）</th></tr>
{pair('special_funds', 'own_level')}
{pair('other_development', 'transfer')}
<tr><td colspan='4'>合计：{amount(parts_sum(budget.fiscal, budget.other_income))}</td></tr>
<tr><td class='label'>总体绩效目标</td><td colspan='4'>{text(department.overall_goal)}</td></tr>
</table>
<p><b>年度重点工作任务</b></p>
{grid_tables(_TASK_HEAD, tasks, task_pushes)}
<p><b>绩效指标</b></p>
{indicator_grid(department.indicators, starts, pushes)}
"""
    return PrintJob(FORM_TITLES["department"], _document(body), PORTRAIT, (TASK_GRID, INDICATOR_GRID),
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
