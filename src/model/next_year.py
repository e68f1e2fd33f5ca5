"""Next year's declaration from this year's, as a clerk starts it: last year's file carried forward.

What is carried and why (DOMAIN.md: declarations are compared with last year's; values are scored later):
- every project and the department form, as they were: most lines of a declaration repeat from year to year;
- each indicator's 年度指标值 becomes its 上年指标值 (previous_annual_value) and also stays as this year's value:
  the clerk edits the values that change, instead of retyping all of them, and a blank value would be a
  "required" error on every indicator; the 上年指标值 beside it shows what was declared, and the comparison
  with last year (issue 15) finds values left unchanged where funds grew;
- amounts stay as last year's but every project that has some is marked Review.FUNDS (a hint until the clerk
  has looked at them); a project whose 实施周期 ended by last year is marked Review.PERIOD_ENDED (remove it
  or extend its period), and listed in the notes;
- the 实施周期 is read leniently ("2021-2023", "2023年", "2022年1月-2023年12月", "2021-23", full-width
  digits); "长期"/"常年" never end; a period with no year in it is kept, and named in the notes.
"""

from __future__ import annotations

import re
import unicodedata

from . import paths
from .declaration import DECLARATION_LABELS, REVIEW_LABELS, Declaration, Department, Indicator, Project, Review
from .problems import HINT, WARNING, Problem

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_SHORT_END = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?\s*[-—–－~～至到]\s*(\d{2})(?!\d)")  # 2021-23
_ONGOING = ("长期", "常年", "持续", "常态", "每年", "经常性")
_LISTED = 10  # projects named in one note; the rest are counted


def next_year(declaration: Declaration) -> tuple[Declaration, list[str]]:
    """The declaration for the year after declaration's, and what the clerk should know about it (Chinese).

    The input is left as it was: the editor may keep last year's file open beside the new one. Nodes are
    copied one by one rather than deep-copied, which keeps a city-sized file (200,000 indicators) fast.
    """
    year = declaration.year
    new_year = None if year is None else year + 1
    ended: list[str] = []
    unreadable: list[str] = []
    with_funds = 0
    projects = []
    for project in declaration.projects:
        marks = []
        if any(getattr(project.funds, key) is not None for key in type(project.funds).model_fields):
            marks.append(Review.FUNDS)
            with_funds += 1
        end = period_end(project.period)
        if end == "unreadable":
            unreadable.append(f"{_name(project)}（{project.period}）")
        elif isinstance(end, int) and year is not None and end <= year:
            marks.append(Review.PERIOD_ENDED)
            ended.append(f"{_name(project)}（{project.period}）")
        projects.append(project.model_copy(update={"funds": project.funds.model_copy(), "review": marks,
                                                   "indicators": [_carried(i) for i in project.indicators]}))
    department = declaration.department.model_copy(deep=True)
    department.indicators = [_carried(i) for i in department.indicators]
    carried = declaration.model_copy(update={"year": new_year, "department": department, "projects": projects})
    return carried, _notes(declaration, new_year, ended, unreadable, with_funds)


def _carried(indicator: Indicator) -> Indicator:
    return indicator.model_copy(update={"previous_annual_value": indicator.annual_value})


def period_end(period: str | None) -> int | str | None:
    """The last year of a 实施周期: "2022年1月-2023年12月" → 2023; "ongoing" for 长期 and the like; None when
    there is no period; "unreadable" when it names no year ("三年")."""
    if not period or not period.strip():
        return None
    text = unicodedata.normalize("NFKC", period)
    if any(word in text for word in _ONGOING):
        return "ongoing"
    years = [int(found) for found in _YEAR.findall(text)]
    for start, short in _SHORT_END.findall(text):
        years.append(int(start) // 100 * 100 + int(short))
    return max(years) if years else "unreadable"


def review_problems(project: Project, index: int) -> list[Problem]:
    """The hints a project's review marks stand for, for the checks to report with the project's own."""
    if not project.review:
        return []
    where = paths.project(index)
    label = f"项目“{project.name}”" if project.name else f"第 {index + 1} 个项目"
    problems = []
    if Review.FUNDS in project.review:
        problems.append(Problem("review-funds", HINT, paths.field(where, "funds.total"),
                                f"{label}的资金沿用上年度数额（{REVIEW_LABELS[Review.FUNDS]}），请按本年度预算核实"))
    if Review.PERIOD_ENDED in project.review:
        problems.append(Problem("review-period-ended", WARNING, paths.field(where, "period"),
                                f"{label}的实施周期（{project.period or '未填'}）已在上年度或之前结束，请删除该项目或延长实施周期"))
    if Review.AMOUNTS_UNRECONCILED in project.review:
        problems.append(_amounts_mark(label, paths.field(where, "funds.total")))
    if Review.INDICATORS_UNRECONCILED in project.review:
        problems.append(Problem("review-indicators", WARNING, paths.indicators(where),
                                f"{label}读出的绩效指标数与原表的编号不符（{REVIEW_LABELS[Review.INDICATORS_UNRECONCILED]}），"
                                f"{_SAID}，请对照原表补全"))
    return problems


def department_review_problems(department: Department) -> list[Problem]:
    """The warnings the department form's review marks stand for (an import that did not reconcile)."""
    if not department.review:
        return []
    label = DECLARATION_LABELS["department"]
    problems = []
    if Review.AMOUNTS_UNRECONCILED in department.review:
        problems.append(_amounts_mark(label, paths.BUDGET))
    if Review.BLOCK_UNREAD in department.review:
        problems.append(Problem("review-block", WARNING, paths.DEPARTMENT,
                                f"{label}表中有栏目的内容没有读出（{REVIEW_LABELS[Review.BLOCK_UNREAD]}），{_SAID}，请对照原表补填"))
    return problems


_SAID = "导入时已在导入说明中列出"  # the marks of an import's self-check (storage/recognisers/reconcile.py)


def _amounts_mark(label: str, where: str) -> Problem:
    return Problem("review-amounts", WARNING, where, f"{label}的金额与原表印出的合计、小计或总计不符"
                                                     f"（{REVIEW_LABELS[Review.AMOUNTS_UNRECONCILED]}），{_SAID}，请对照原表核实")


def _name(project: Project) -> str:
    return f"“{project.name}”" if project.name else "未命名项目"


def _listed(names: list[str]) -> str:
    shown = "、".join(names[:_LISTED])
    return shown if len(names) <= _LISTED else f"{shown} 等 {len(names)} 个"


def _notes(old: Declaration, new_year: int | None, ended: list[str], unreadable: list[str], with_funds: int) -> list[str]:
    if new_year is None:
        notes = ["原申报没有填写预算年度，新申报的预算年度留空，也无法判断项目的实施周期是否已结束；请填写预算年度"]
    else:
        notes = [f"预算年度由 {old.year} 改为 {new_year}"]
    indicators = len(old.department.indicators) + sum(len(p.indicators) for p in old.projects)
    if indicators:
        notes.append(f"{indicators} 个绩效指标的年度指标值已记为上年指标值，并保留为本年度指标值的初值，请逐项修改")
    if with_funds:
        notes.append(f"{with_funds} 个项目的资金沿用上年度数额，已标记“{REVIEW_LABELS[Review.FUNDS]}”待核实")
    if any(value is not None for value in old.department.budget.model_dump().values()) or old.department.tasks:
        notes.append("部门预算整体情况和年度重点工作任务沿用上年度内容，请按本年度预算调整")
    if ended:
        notes.append(f"{len(ended)} 个项目的实施周期已在 {old.year} 年或之前结束，已标记“{REVIEW_LABELS[Review.PERIOD_ENDED]}”，"
                     f"请删除或延长实施周期：{_listed(ended)}")
    if unreadable:
        notes.append(f"{len(unreadable)} 个项目的实施周期无法识别年份，已原样保留，请自行判断是否已结束：{_listed(unreadable)}")
    return notes
