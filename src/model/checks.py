"""The checks a finance office applies (完整性, 适当性, 可行性), as pure functions.

check_groups() runs them all, grouped as the problem index keeps them, and check_declaration()
lists them. check_project() and check_department() run the rules of one node so that an edit
re-checks only what it can affect (reads_across_projects() and reads_framework() say what else it
touches); the few rules that look across projects live in check_across_projects(), the one about
mixing framework variants in check_framework_mix(), those of one indicator in indicator_checks.py.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from . import framework, paths
from .bulk import collector_paused
from .declaration import (
    BUDGET_GROUPS,
    BUDGET_LABELS,
    DECLARATION_LABELS,
    DEPARTMENT_LABELS,
    FUNDS_LABELS,
    PROJECT_LABELS,
    TASK_LABELS,
    Budget,
    Declaration,
    Department,
    Indicator,
    Project,
)
from .indicator_checks import check_indicator, indicator_findings, placed
from .markup import has_markup, markup_problem
from .next_year import department_review_problems, review_problems
from .problem_index import in_order
from .problems import ERROR, HINT, WARNING, Problem
from .sums import (
    FUNDS_PARTS_TEXT,
    INCOME,
    LEVELS,
    SPENDING,
    budget_expenditure,
    budget_group,
    budget_income,
    budget_with_development,
    funds_parts,
    parts_sum,
    projects_total,
)

_MAX_PLACES = 2
# The text fields a web page's markup can be pasted into (an indicator's are checked in indicator_checks.py).
_DEPARTMENT_TEXTS = ("name", "functions", "overall_goal")
_TASK_TEXTS = ("name", "content", "expected")
_PROJECT_TEXTS = ("name", "unit", "period", "goal")
_SPENDING_TEXT = " + ".join(BUDGET_LABELS[key] for key in BUDGET_GROUPS[SPENDING])  # 基本支出 + 项目支出


@dataclass(frozen=True)
class CheckedGroups:
    """Every problem of a declaration, in the groups an edit replaces one by one (src/model/problem_index.py)."""

    variant: str | None  # the framework variant the indicators point to, which the groups were checked against
    department: list[Problem]
    projects: list[list[Problem]]
    across: list[Problem]
    mix: list[Problem]

    def flat(self) -> list[Problem]:
        """Department, each project in order, across, mix: the order check_declaration() reports."""
        return in_order(self.department, self.projects, self.across, self.mix)


def check_declaration(declaration: Declaration) -> list[Problem]:
    return check_groups(declaration).flat()


def check_groups(declaration: Declaration) -> CheckedGroups:
    # Tens of thousands of problems and no reference cycles: the collector has nothing to find.
    with collector_paused():
        signals = framework_signals(declaration)
        variant = declaration_variant(declaration, signals)
        return CheckedGroups(variant, check_department(declaration, variant),
                             [check_project(project, index, variant) for index, project in enumerate(declaration.projects)],
                             check_across_projects(declaration), check_framework_mix(declaration, signals))


def check_department(declaration: Declaration, variant: str | None = None) -> list[Problem]:
    """The department form's rules; variant as declaration_variant() gives it (looked up when None)."""
    department = declaration.department
    problems: list[Problem] = []
    if not department.name:
        problems.append(Problem("required", ERROR, paths.field(paths.DEPARTMENT, "name"), f"请填写{DEPARTMENT_LABELS['name']}"))
    year_label = DECLARATION_LABELS["year"]
    if declaration.year is None:
        problems.append(Problem("required", ERROR, paths.YEAR, f"请填写{year_label}"))
    elif not 2000 <= declaration.year <= 2100:
        problems.append(Problem("year-out-of-range", ERROR, paths.YEAR, f"{year_label} {declaration.year} 不合理，应在 2000–2100 之间"))
    for key, label in BUDGET_LABELS.items():
        problems.extend(_amount_problems(getattr(department.budget, key), paths.field(paths.BUDGET, key), label))
    problems.extend(_budget_balance(department.budget))
    for index, task in enumerate(department.tasks):
        where = paths.task(index)
        if not task.name:
            problems.append(Problem("required", ERROR, paths.field(where, "name"),
                                    f"第 {index + 1} 项重点工作任务缺少{TASK_LABELS['name']}"))
        problems.extend(_amount_problems(task.funds, paths.field(where, "funds"), TASK_LABELS["funds"]))
    problems.extend(_task_funds(department))
    problems.extend(_markup_in(department, paths.DEPARTMENT, _DEPARTMENT_TEXTS, DEPARTMENT_LABELS))
    for index, task in enumerate(department.tasks):
        problems.extend(_markup_in(task, paths.task(index), _TASK_TEXTS, TASK_LABELS))
    if variant is None and department.indicators:
        variant = declaration_variant(declaration)
    for index, indicator in enumerate(department.indicators):
        problems.extend(check_indicator(indicator, paths.indicator(paths.DEPARTMENT, index), variant))
    problems.extend(_duplicate_indicators(department.indicators, paths.DEPARTMENT))
    problems.extend(department_review_problems(department))
    return problems


def check_project(project: Project, index: int, variant: str | None = None) -> list[Problem]:
    where = paths.project(index)
    label = f"项目“{project.name}”" if project.name else f"第 {index + 1} 个项目"
    problems: list[Problem] = []
    if not project.name:
        problems.append(Problem("required", ERROR, paths.field(where, "name"), f"第 {index + 1} 个项目缺少{PROJECT_LABELS['name']}"))
    if not project.unit:
        problems.append(Problem("required", ERROR, paths.field(where, "unit"), f"{label}缺少{PROJECT_LABELS['unit']}"))
    if not project.goal:
        problems.append(Problem("required", ERROR, paths.field(where, "goal"), f"{label}缺少{PROJECT_LABELS['goal']}"))
    funds = project.funds
    for key, field_label in FUNDS_LABELS.items():
        value = getattr(funds, key)
        if value is not None and _amount_suspect(value):  # the place is spelled only for an amount found wrong
            problems.extend(_amount_problems(value, paths.field(where, f"funds.{key}"), field_label))
    problems.extend(_project_total(project, where, label))
    problems.extend(_markup_in(project, where, _PROJECT_TEXTS, PROJECT_LABELS))
    for position, indicator in enumerate(project.indicators):
        found = indicator_findings(indicator, variant)
        if found:
            problems.extend(placed(found, paths.indicator(where, position)))
    problems.extend(_indicator_coverage(project, where, label))
    problems.extend(_duplicate_indicators(project.indicators, where))
    problems.extend(review_problems(project, index))
    return problems


def framework_signals(declaration: Declaration) -> dict[str, str]:
    """Each framework variant the indicators point to, with where it is first seen, in one pass."""
    seen: dict[str, str] = {}
    owners = [(paths.DEPARTMENT, declaration.department.indicators)]
    owners += [(paths.project(i), p.indicators) for i, p in enumerate(declaration.projects)]
    for owner, indicators in owners:
        for index, indicator in enumerate(indicators):
            if indicator.level1 == framework.COST or indicator.level2 == framework.COST:
                signal = framework.variant_signals(indicator.level1, indicator.level2)
                if signal and signal not in seen:
                    seen[signal] = paths.indicator(owner, index)
    return seen


def declaration_variant(declaration: Declaration, signals: dict[str, str] | None = None) -> str | None:
    """The framework variant the declaration's own indicators point to (None when silent)."""
    signals = framework_signals(declaration) if signals is None else signals
    return next(iter(signals), None)


def check_framework_mix(declaration: Declaration, signals: dict[str, str] | None = None) -> list[Problem]:
    seen = framework_signals(declaration) if signals is None else signals
    if len(seen) < 2:
        return []
    later = list(seen.values())[1]
    return [Problem("framework-mixed", WARNING, paths.field(later, "level1"),
                    "申报表混用了新旧两套指标体系：成本指标既作为一级指标又作为产出指标下的二级指标，请统一")]


def check_across_projects(declaration: Declaration) -> list[Problem]:
    problems: list[Problem] = []
    keys = [((p.name or "").strip(), (p.unit or "").strip()) for p in declaration.projects]
    counts = Counter(key for key in keys if key[0])
    seen: Counter = Counter()
    for index, key in enumerate(keys):
        if counts.get(key, 0) > 1:
            seen[key] += 1
            if seen[key] > 1:
                problems.append(Problem("duplicate-project", WARNING, paths.field(paths.project(index), "name"),
                                        f"项目“{key[0]}”（{key[1] or '未填单位'}）重复出现，共 {counts[key]} 次"))
    planned = declaration.department.budget.project
    total = projects_total(declaration.projects)
    if planned is not None and total is not None and total != planned:
        problems.append(Problem("projects-total-vs-budget", WARNING, paths.field(paths.BUDGET, "project"),
                                f"各项目资金合计 {total:,.2f} 万元，与部门{BUDGET_LABELS['project']} {planned:,.2f} 万元不一致"))
    return problems


def reads_across_projects(location: str) -> bool:
    """Whether an edit at location can change check_across_projects(): a project's name, unit or amounts,
    or any department field (项目支出 among them)."""
    project = paths.project_index(location)
    if project is None:
        return True
    owner, name = paths.split_field(location)
    where = paths.project(project)
    return (owner == where and name in ("name", "unit")) or owner == paths.field(where, "funds")


def reads_framework(location: str) -> bool:
    """Whether an edit at location can change which framework variant the indicators point to (its 一级/二级)."""
    return paths.split_field(location)[1] in ("level1", "level2")


def _amount_suspect(value: Decimal) -> bool:
    """Whether _amount_problems() can find anything in value: negative, or more places than 万元 take."""
    if value < 0:
        return True
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent < -_MAX_PLACES


def _amount_problems(value: Decimal | None, where: str, label: str) -> Iterator[Problem]:
    if value is None:
        return
    if value < 0:
        yield Problem("amount-negative", ERROR, where, f"{label}不能为负数")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -_MAX_PLACES and value != value.quantize(Decimal("0.01")):
        yield Problem("amount-precision", ERROR, where, f"{label}以万元为单位，最多保留两位小数")


def _project_total(project: Project, where: str, label: str) -> Iterator[Problem]:
    total = project.funds.total
    parts = funds_parts(project.funds)
    if parts is None:
        return
    if total is None:
        yield Problem("project-total-empty", HINT, paths.field(where, "funds.total"),
                      f"{label}{FUNDS_LABELS['total']}未填，{FUNDS_PARTS_TEXT} = {parts:,.2f} 万元")
        return
    if total != parts:
        yield Problem("project-total-mismatch", ERROR, paths.field(where, "funds.total"),
                      f"{label}{FUNDS_LABELS['total']} {total:,.2f} 万元 ≠ {FUNDS_PARTS_TEXT} = {parts:,.2f} 万元")


def _markup_in(node: object, where: str, fields: tuple[str, ...], labels: dict[str, str]) -> list[Problem]:
    found = []
    for name in fields:
        text = getattr(node, name)
        # Tested inline first: nearly no text holds either character, and this runs for every project.
        if has_markup(text):
            found.append(markup_problem(paths.field(where, name), labels[name]))
    return found


def _budget_balance(budget: Budget) -> Iterator[Problem]:
    spending = budget_expenditure(budget)
    income = budget_income(budget)
    levels = budget_group(budget, LEVELS)
    # Published forms (seeds 001, 003) add the 事业发展性支出 to 基本 + 项目 before
    # comparing with income; DOMAIN.md states it without. Either balance is accepted.
    if spending is not None and income is not None and income not in (spending, budget_with_development(budget)):
        yield Problem("budget-income-mismatch", ERROR, paths.field(paths.BUDGET, "fiscal"),
                      f"{INCOME}合计 {income:,.2f} 万元，与{SPENDING}（{_SPENDING_TEXT}）{spending:,.2f} 万元不一致")
    if income is not None and levels is not None and income != levels:
        yield Problem("budget-level-mismatch", ERROR, paths.field(paths.BUDGET, "own_level"),
                      f"{LEVELS}合计 {levels:,.2f} 万元，与{INCOME}合计 {income:,.2f} 万元不一致")


def _task_funds(department: Department) -> Iterator[Problem]:
    # The budget the tasks draw on: the income, or the spending where no income is filled in.
    ceiling = budget_income(department.budget) or budget_with_development(department.budget)
    tasks = parts_sum(*(task.funds for task in department.tasks))
    if ceiling is not None and tasks is not None and tasks > ceiling:
        yield Problem("task-funds-exceed", WARNING, paths.TASKS,
                      f"重点工作任务拟投入资金合计 {tasks:,.2f} 万元，超过部门预算 {ceiling:,.2f} 万元")


def _indicator_coverage(project: Project, where: str, label: str) -> Iterator[Problem]:
    present = {indicator.level1 for indicator in project.indicators}
    if framework.OUTPUT not in present:
        yield Problem("missing-output-indicator", ERROR, paths.indicators(where), f"{label}没有产出指标")
    if framework.EFFECT not in present:
        yield Problem("missing-effect-indicator", ERROR, paths.indicators(where), f"{label}没有效益指标")
    if framework.SATISFACTION not in present:
        yield Problem("missing-satisfaction-indicator", WARNING, paths.indicators(where),
                      f"{label}没有满意度指标；项目服务于群众时应设置服务对象满意度指标")


def _duplicate_indicators(indicators: list[Indicator], owner: str) -> Iterator[Problem]:
    names = [indicator.name.strip() for indicator in indicators if indicator.name]
    if len(set(names)) == len(names):  # two indicators are the same only if their names are: most lists end here
        return
    seen: dict[tuple, int] = {}
    for index, indicator in enumerate(indicators):
        if not indicator.name:
            continue
        key = (indicator.level1, indicator.level2, indicator.name.strip())
        if key in seen:
            yield Problem("duplicate-indicator", WARNING, paths.field(paths.indicator(owner, index), "name"),
                          f"指标“{indicator.name}”与第 {seen[key] + 1} 个指标重复")
        else:
            seen[key] = index
