"""The checks a finance office applies (完整性, 适当性, 可行性), as pure functions.

check_declaration() runs them all. check_project() and check_department() run the
rules of one node so that an edit re-checks only what it can affect; the few
rules that look across projects live in check_across_projects().
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Iterator

from . import framework
from .bulk import collector_paused
from .declaration import BUDGET_LABELS, FUNDS_LABELS, Budget, Declaration, Department, Indicator, Project
from .problems import ERROR, HINT, WARNING, Problem, indicator_location, project_location
from .values import EMPTY_KIND, PLACEHOLDER_KIND, QUALITATIVE_KIND, QUANTITATIVE_KIND, ValueReading, parse_value

_MAX_PLACES = 2


def check_declaration(declaration: Declaration) -> list[Problem]:
    # Tens of thousands of problems and no reference cycles: the collector has nothing to find.
    with collector_paused():
        return _check_everything(declaration)


def _check_everything(declaration: Declaration) -> list[Problem]:
    signals = framework_signals(declaration)
    variant = declaration_variant(declaration, signals)
    problems = check_department(declaration, variant)
    for index, project in enumerate(declaration.projects):
        problems.extend(check_project(project, index, variant))
    problems.extend(check_across_projects(declaration))
    problems.extend(check_framework_mix(declaration, signals))
    return problems


def check_department(declaration: Declaration, variant: str | None = None) -> list[Problem]:
    """The department form's rules; variant as declaration_variant() gives it (looked up when None)."""
    department = declaration.department
    problems: list[Problem] = []
    if not department.name:
        problems.append(Problem("required", ERROR, "department.name", "请填写部门名称"))
    if declaration.year is None:
        problems.append(Problem("required", ERROR, "year", "请填写预算年度"))
    elif not 2000 <= declaration.year <= 2100:
        problems.append(Problem("year-out-of-range", ERROR, "year", f"预算年度 {declaration.year} 不合理，应在 2000–2100 之间"))
    for key, label in BUDGET_LABELS.items():
        problems.extend(_amount_problems(getattr(department.budget, key), f"department.budget.{key}", label))
    problems.extend(_budget_balance(department.budget))
    for index, task in enumerate(department.tasks):
        where = f"department.tasks[{index}]"
        if not task.name:
            problems.append(Problem("required", ERROR, f"{where}.name", f"第 {index + 1} 项重点工作任务缺少名称"))
        problems.extend(_amount_problems(task.funds, f"{where}.funds", "拟投入的资金"))
    problems.extend(_task_funds(department))
    if variant is None and department.indicators:
        variant = declaration_variant(declaration)
    for index, indicator in enumerate(department.indicators):
        problems.extend(check_indicator(indicator, indicator_location("department", index), variant))
    problems.extend(_duplicate_indicators(department.indicators, "department"))
    return problems


def check_project(project: Project, index: int, variant: str | None = None) -> list[Problem]:
    where = project_location(index)
    label = f"项目“{project.name}”" if project.name else f"第 {index + 1} 个项目"
    problems: list[Problem] = []
    if not project.name:
        problems.append(Problem("required", ERROR, f"{where}.name", f"第 {index + 1} 个项目缺少项目名称"))
    if not project.unit:
        problems.append(Problem("required", ERROR, f"{where}.unit", f"{label}缺少预算单位"))
    if not project.goal:
        problems.append(Problem("required", ERROR, f"{where}.goal", f"{label}缺少绩效目标"))
    for key, field_label in FUNDS_LABELS.items():
        problems.extend(_amount_problems(getattr(project.funds, key), f"{where}.funds.{key}", field_label))
    problems.extend(_project_total(project, where, label))
    for position, indicator in enumerate(project.indicators):
        problems.extend(check_indicator(indicator, indicator_location(where, position), variant))
    problems.extend(_indicator_coverage(project, where, label))
    problems.extend(_duplicate_indicators(project.indicators, where))
    return problems


def check_indicator(indicator: Indicator, where: str, variant: str | None = None) -> list[Problem]:
    """Rules of one indicator. Written flat (appending, no generators): it runs 20,000 times per check."""
    problems: list[Problem] = []
    name = indicator.name
    level1 = indicator.level1
    title = f"指标“{name}”" if name else "该指标"
    if not level1:
        problems.append(Problem("required", ERROR, f"{where}.level1", f"{title}缺少一级指标"))
    elif not framework.is_known_level1(level1):
        problems.append(Problem("level1-unknown", ERROR, f"{where}.level1",
                                f"一级指标“{level1}”不在指标体系中，应为 {'、'.join(framework.level1_names())} 之一"))
    else:
        _level2_problems(problems, indicator, where, title, variant)
    if not name:
        problems.append(Problem("required", ERROR, f"{where}.name", "请填写三级指标名称"))
    annual = parse_value(indicator.annual_value)
    period = parse_value(indicator.period_value)
    if annual.kind == EMPTY_KIND:
        problems.append(Problem("required", ERROR, f"{where}.annual_value", f"{title}缺少年度指标值"))
    elif annual.kind != QUANTITATIVE_KIND or annual.floor or annual.percent:
        _value_problems(problems, indicator, annual, indicator.annual_value, f"{where}.annual_value", "年度指标值", title)
    if period.kind != EMPTY_KIND and (period.kind != QUANTITATIVE_KIND or period.floor or period.percent):
        _value_problems(problems, indicator, period, indicator.period_value, f"{where}.period_value", "实施周期指标值", title)
    if annual.kind == QUANTITATIVE_KIND and period.kind == QUANTITATIVE_KIND:
        _period_annual_conflict(problems, annual, period, where, title)
    return problems


def framework_signals(declaration: Declaration) -> dict[str, str]:
    """Each framework variant the indicators point to, with where it is first seen, in one pass."""
    seen: dict[str, str] = {}
    owners = [("department", declaration.department.indicators)]
    owners += [(project_location(i), p.indicators) for i, p in enumerate(declaration.projects)]
    for owner, indicators in owners:
        for index, indicator in enumerate(indicators):
            if indicator.level1 == framework.COST or indicator.level2 == framework.COST:
                signal = framework.variant_signals(indicator.level1, indicator.level2)
                if signal and signal not in seen:
                    seen[signal] = indicator_location(owner, index)
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
    return [Problem("framework-mixed", WARNING, f"{later}.level1",
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
                problems.append(Problem("duplicate-project", WARNING, f"{project_location(index)}.name",
                                        f"项目“{key[0]}”（{key[1] or '未填单位'}）重复出现，共 {counts[key]} 次"))
    planned = declaration.department.budget.project
    totals = [project_total(p) for p in declaration.projects]
    known = [t for t in totals if t is not None]
    if planned is not None and known:
        total = sum(known, Decimal(0))
        if total != planned:
            problems.append(Problem("projects-total-vs-budget", WARNING, "department.budget.project",
                                    f"各项目资金合计 {total:,.2f} 万元，与部门项目支出 {planned:,.2f} 万元不一致"))
    return problems


def project_total(project: Project) -> Decimal | None:
    """总计 as written, or the sum of its parts when 总计 is empty."""
    funds = project.funds
    if funds.total is not None:
        return funds.total
    parts = [funds.fiscal, funds.special_account, funds.other]
    if all(part is None for part in parts):
        return None
    return sum((part or Decimal(0) for part in parts), Decimal(0))


def parts_sum(*values: Decimal | None) -> Decimal | None:
    if all(value is None for value in values):
        return None
    return sum((value or Decimal(0) for value in values), Decimal(0))


def _amount_problems(value: Decimal | None, where: str, label: str) -> Iterator[Problem]:
    if value is None:
        return
    if value < 0:
        yield Problem("amount-negative", ERROR, where, f"{label}不能为负数")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -_MAX_PLACES and value != value.quantize(Decimal("0.01")):
        yield Problem("amount-precision", ERROR, where, f"{label}以万元为单位，最多保留两位小数")


def _project_total(project: Project, where: str, label: str) -> Iterator[Problem]:
    funds = project.funds
    parts = parts_sum(funds.fiscal, funds.special_account, funds.other)
    if funds.total is None or parts is None:
        return
    if funds.total != parts:
        yield Problem("project-total-mismatch", ERROR, f"{where}.funds.total",
                      f"{label}总计 {funds.total:,.2f} 万元 ≠ 财政拨款 + 财政专户拨款 + 其他资金 = {parts:,.2f} 万元")


def budget_expenditure(budget: Budget) -> Decimal | None:
    return parts_sum(budget.basic, budget.project)


def _budget_balance(budget: Budget) -> Iterator[Problem]:
    spending = budget_expenditure(budget)
    # Published forms (seeds 001, 003) add the 事业发展性支出 to 基本 + 项目 before
    # comparing with income; DOMAIN.md states it without. Either balance is accepted.
    spending_with_development = parts_sum(budget.basic, budget.project, budget.special_funds, budget.other_development)
    income = parts_sum(budget.fiscal, budget.other_income)
    levels = parts_sum(budget.own_level, budget.transfer)
    if spending is not None and income is not None and income not in (spending, spending_with_development):
        yield Problem("budget-income-mismatch", ERROR, "department.budget.fiscal",
                      f"收入来源合计 {income:,.2f} 万元，与部门预算支出（基本支出 + 项目支出）{spending:,.2f} 万元不一致")
    if income is not None and levels is not None and income != levels:
        yield Problem("budget-level-mismatch", ERROR, "department.budget.own_level",
                      f"按预算级次划分合计 {levels:,.2f} 万元，与收入来源合计 {income:,.2f} 万元不一致")


def _task_funds(department: Department) -> Iterator[Problem]:
    budget = department.budget
    ceiling = parts_sum(budget.fiscal, budget.other_income) or parts_sum(
        budget.basic, budget.project, budget.special_funds, budget.other_development)
    tasks = parts_sum(*(task.funds for task in department.tasks))
    if ceiling is not None and tasks is not None and tasks > ceiling:
        yield Problem("task-funds-exceed", WARNING, "department.tasks",
                      f"重点工作任务拟投入资金合计 {tasks:,.2f} 万元，超过部门预算 {ceiling:,.2f} 万元")


def _level2_problems(problems: list[Problem], indicator: Indicator, where: str, title: str, variant: str | None) -> None:
    level1, level2 = indicator.level1, indicator.level2
    if level2 and framework.fits(level1, level2, variant):
        return
    if not level2:
        problems.append(Problem("level2-missing", WARNING, f"{where}.level2",
                                f"{title}缺少二级指标，{level1}下可选：{'、'.join(framework.level2_choices(level1, variant))}"))
    elif not framework.is_known_level2(level2):
        problems.append(Problem("level2-unknown", ERROR, f"{where}.level2", f"二级指标“{level2}”不在指标体系中"))
    else:
        allowed = framework.level2_choices(level1, variant)
        problems.append(Problem("level2-wrong-level1", ERROR, f"{where}.level2",
                                f"二级指标“{level2}”不属于一级指标“{level1}”，应为 {'、'.join(allowed)} 之一"))


def _value_problems(problems: list[Problem], indicator: Indicator, reading: ValueReading, text: str | None,
                    where: str, label: str, title: str) -> None:
    kind = reading.kind
    if kind == PLACEHOLDER_KIND:
        problems.append(Problem("value-placeholder", WARNING, where, f"{title}的{label}“{text}”是占位符，请填写实际目标值"))
        return
    name = indicator.name or ""
    if kind == QUALITATIVE_KIND:
        if framework.vague_pattern().search(text or ""):
            problems.append(Problem("value-vague", HINT, where, f"{title}的{label}“{text}”表述模糊，难以考核，建议改为可量化的目标值"))
        elif "率" in name:
            problems.append(Problem("value-qualitative-rate", HINT, where, f"{title}是比率，{label}“{text}”宜写成百分比，例如 ≥95%"))
        return
    is_percent = reading.percent or (not reading.unit and ("%" in name or "％" in name))
    if is_percent and reading.unit != "‰" and reading.number > 100:
        problems.append(Problem("rate-over-100", ERROR, where, f"{title}的{label}超过 100%"))
    if reading.floor:
        if indicator.level1 == framework.COST or (indicator.level2 or "").endswith(framework.COST):
            problems.append(Problem("cost-without-ceiling", WARNING, where,
                                    f"{title}是成本指标，应设上限（≤），而不是“{reading.comparator}”"))
        if framework.negative_pattern().search(name):
            problems.append(Problem("negative-indicator-floor", WARNING, where,
                                    f"{title}越低越好，目标值应为“≤”或“＜”，而不是“{reading.comparator}”"))


def _period_annual_conflict(problems: list[Problem], annual: ValueReading, period: ValueReading,
                            where: str, title: str) -> None:
    if (annual.floor and period.ceiling) or (annual.ceiling and period.floor):
        problems.append(Problem("values-contradict", WARNING, f"{where}.annual_value",
                                f"{title}的年度指标值（{annual.describe()}）与实施周期指标值（{period.describe()}）方向相反"))
    elif (annual.unit == period.unit and annual.unit and not annual.percent
          and not annual.ceiling and not period.ceiling and annual.number > period.number):
        problems.append(Problem("annual-exceeds-period", WARNING, f"{where}.annual_value",
                                f"{title}的年度指标值 {annual.describe()} 大于整个实施周期的 {period.describe()}"))


def _indicator_coverage(project: Project, where: str, label: str) -> Iterator[Problem]:
    present = {indicator.level1 for indicator in project.indicators}
    if framework.OUTPUT not in present:
        yield Problem("missing-output-indicator", ERROR, f"{where}.indicators", f"{label}没有产出指标")
    if framework.EFFECT not in present:
        yield Problem("missing-effect-indicator", ERROR, f"{where}.indicators", f"{label}没有效益指标")
    if framework.SATISFACTION not in present:
        yield Problem("missing-satisfaction-indicator", WARNING, f"{where}.indicators",
                      f"{label}没有满意度指标；项目服务于群众时应设置服务对象满意度指标")


def _duplicate_indicators(indicators: list[Indicator], owner: str) -> Iterator[Problem]:
    seen: dict[tuple, int] = {}
    for index, indicator in enumerate(indicators):
        if not indicator.name:
            continue
        key = (indicator.level1, indicator.level2, indicator.name.strip())
        if key in seen:
            yield Problem("duplicate-indicator", WARNING, f"{indicator_location(owner, index)}.name",
                          f"指标“{indicator.name}”与第 {seen[key] + 1} 个指标重复")
        else:
            seen[key] = index
