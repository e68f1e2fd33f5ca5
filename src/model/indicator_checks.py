"""The rules of one indicator: its 一级/二级 against the framework, its values read and judged.

Written flat (appending to the caller's list, no generators, module-level constants): they run for
every indicator of the file, 20,000 times in a full check of a city-sized declaration.
"""

from __future__ import annotations

from . import framework, paths
from .declaration import INDICATOR_LABELS, Indicator
from .library_checks import library_problems, library_verdict
from .markup import has_markup, markup_problem
from .problems import ERROR, HINT, WARNING, Problem, Severity
from .values import ValueKind, ValueReading, parse_value

# Looked up once: an enum member read off its class costs ten times a global.
_QUANTITATIVE, _QUALITATIVE, _EMPTY, _PLACEHOLDER = (ValueKind.QUANTITATIVE, ValueKind.QUALITATIVE, ValueKind.EMPTY,
                                                     ValueKind.PLACEHOLDER)
_LEVEL1, _LEVEL2, _NAME = INDICATOR_LABELS["level1"], INDICATOR_LABELS["level2"], INDICATOR_LABELS["name"]
_ANNUAL, _PERIOD = INDICATOR_LABELS["annual_value"], INDICATOR_LABELS["period_value"]


# What an indicator's rules find depends only on its five texts and the framework variant, and a full check meets
# the same indicators again and again (after a bulk fix, a variant change, a file reopened, the same 满意度 row in
# every project): the findings are kept per content, relative to the indicator's place, and re-placed on each call.
_FINDINGS: dict[tuple, tuple[tuple[str, Severity, str, str], ...]] = {}
_FINDINGS_KEPT = 100_000  # about 10 MB; past it the memory starts again
_HERE = "@"  # the place the findings are made at, cut off again when they are kept


Findings = tuple[tuple[str, Severity, str, str], ...]  # (code, severity, place after the indicator's, message)


def check_indicator(indicator: Indicator, where: str, variant: str | None = None) -> list[Problem]:
    """Rules of one indicator at where; variant as checks.declaration_variant() gives it."""
    return placed(indicator_findings(indicator, variant), where)


def indicator_findings(indicator: Indicator, variant: str | None = None) -> Findings:
    """What the rules find in indicator wherever it stands; placed() puts them at its location. Most indicators
    have none, so a caller checking many need not spell their locations."""
    key = (indicator.level1, indicator.level2, indicator.name, indicator.annual_value, indicator.period_value, variant)
    found = _FINDINGS.get(key)
    if found is None:
        if len(_FINDINGS) >= _FINDINGS_KEPT:
            _FINDINGS.clear()
        found = _FINDINGS[key] = tuple((problem.code, problem.severity, problem.location[len(_HERE):], problem.message)
                                       for problem in _findings(indicator, _HERE, variant))
    return found


def placed(found: Findings, where: str) -> list[Problem]:
    return [Problem(code, severity, where + place, message) for code, severity, place, message in found]


def _findings(indicator: Indicator, where: str, variant: str | None) -> list[Problem]:
    problems: list[Problem] = []
    name = indicator.name
    level1 = indicator.level1
    title = f"指标“{name}”" if name else "该指标"
    if not level1:
        problems.append(Problem("required", ERROR, paths.field(where, "level1"), f"{title}缺少{_LEVEL1}"))
    elif not framework.is_known_level1(level1):
        problems.append(Problem("level1-unknown", ERROR, paths.field(where, "level1"),
                                f"{_LEVEL1}“{level1}”不在指标体系中，应为 {'、'.join(framework.level1_names())} 之一"))
    else:
        _level2_problems(problems, indicator, where, title, variant)
    if not name:
        problems.append(Problem("required", ERROR, paths.field(where, "name"), f"请填写{_NAME}名称"))
    elif ("<" in name or "&" in name) and has_markup(name):  # inline pre-test: a call per indicator costs ~2 ms at M
        problems.append(markup_problem(paths.field(where, "name"), _NAME))
    annual = parse_value(indicator.annual_value)
    period = parse_value(indicator.period_value)
    if annual.respelled is not None:
        _spelling_problem(problems, indicator.annual_value, annual.respelled, where, "annual_value", _ANNUAL, title)
    if period.respelled is not None:
        _spelling_problem(problems, indicator.period_value, period.respelled, where, "period_value", _PERIOD, title)
    if annual.markup:
        _markup_problem(problems, where, "annual_value", _ANNUAL, title)
    if period.markup:
        _markup_problem(problems, where, "period_value", _PERIOD, title)
    if annual.kind is _EMPTY:
        problems.append(Problem("required", ERROR, paths.field(where, "annual_value"), f"{title}缺少{_ANNUAL}"))
    elif annual.kind is not _QUANTITATIVE or annual.floor or annual.percent:
        _value_problems(problems, indicator, annual, indicator.annual_value, where, "annual_value", _ANNUAL, title)
    if period.kind is not _EMPTY and (period.kind is not _QUANTITATIVE or period.floor or period.percent):
        _value_problems(problems, indicator, period, indicator.period_value, where, "period_value", _PERIOD, title)
    if annual.kind is _QUANTITATIVE and period.kind is _QUANTITATIVE:
        _period_annual_conflict(problems, annual, period, where, title)
    if name:  # the library is consulted only for a named indicator: a blank declaration never loads it
        verdict = library_verdict(name)  # once per name; tested here as most indicators agree with the library
        if (verdict.level2 is not None and verdict.level2 != indicator.level2) or verdict.units:
            library_problems(problems, indicator, verdict, annual, where, title, variant)
    return problems


def _spelling_problem(problems: list[Problem], text: str | None, respelled: str, where: str, field: str, label: str,
                      title: str) -> None:
    problems.append(Problem("value-spelling", HINT, paths.field(where, field),
                            f"{title}的{label}“{text}”宜写作“{respelled}”（比较符和单位按系统的写法）"))


def _markup_problem(problems: list[Problem], where: str, field: str, label: str, title: str) -> None:
    problems.append(markup_problem(paths.field(where, field), f"{title}的{label}"))


def _level2_problems(problems: list[Problem], indicator: Indicator, where: str, title: str, variant: str | None) -> None:
    level1, level2 = indicator.level1, indicator.level2
    if level2 and framework.fits(level1, level2, variant):
        return
    if not level2:
        problems.append(Problem("level2-missing", WARNING, paths.field(where, "level2"),
                                f"{title}缺少{_LEVEL2}，{level1}下可选：{'、'.join(framework.level2_choices(level1, variant))}"))
    elif not framework.is_known_level2(level2):
        problems.append(Problem("level2-unknown", ERROR, paths.field(where, "level2"),
                                f"{_LEVEL2}“{level2}”不在指标体系中"))
    else:
        allowed = framework.level2_choices(level1, variant)
        problems.append(Problem("level2-wrong-level1", ERROR, paths.field(where, "level2"),
                                f"{_LEVEL2}“{level2}”不属于{_LEVEL1}“{level1}”，"
                                f"应为 {'、'.join(allowed)} 之一"))


def _value_problems(problems: list[Problem], indicator: Indicator, reading: ValueReading, text: str | None,
                    where: str, field: str, label: str, title: str) -> None:
    """The value rules of indicator's field at where; the problem's location is made only for a problem found,
    as most indicators come here (every ≥ and every %) and few of them have one."""
    kind = reading.kind
    if kind is _PLACEHOLDER:
        problems.append(Problem("value-placeholder", WARNING, paths.field(where, field), f"{title}的{label}“{text}”是占位符，请填写实际目标值"))
        return
    name = indicator.name or ""
    if kind is _QUALITATIVE:
        if framework.vague_pattern().search(text or ""):
            problems.append(Problem("value-vague", HINT, paths.field(where, field), f"{title}的{label}“{text}”表述模糊，难以考核，建议改为可量化的目标值"))
        elif "率" in name:
            problems.append(Problem("value-qualitative-rate", HINT, paths.field(where, field), f"{title}是比率，{label}“{text}”宜写成百分比，例如 ≥95%"))
        return
    is_percent = reading.percent or (not reading.unit and ("%" in name or "％" in name))
    if is_percent and reading.unit != "‰" and reading.number > 100:
        problems.append(Problem("rate-over-100", ERROR, paths.field(where, field), f"{title}的{label}超过 100%"))
    if reading.floor:
        if indicator.level1 == framework.COST or (indicator.level2 or "").endswith(framework.COST):
            problems.append(Problem("cost-without-ceiling", WARNING, paths.field(where, field),
                                    f"{title}是成本指标，应设上限（≤），而不是“{reading.comparator}”"))
        if framework.negative_pattern().search(name):
            problems.append(Problem("negative-indicator-floor", WARNING, paths.field(where, field),
                                    f"{title}越低越好，目标值应为“≤”或“＜”，而不是“{reading.comparator}”"))


def _period_annual_conflict(problems: list[Problem], annual: ValueReading, period: ValueReading,
                            where: str, title: str) -> None:
    if (annual.floor and period.ceiling) or (annual.ceiling and period.floor):
        problems.append(Problem("values-contradict", WARNING, paths.field(where, "annual_value"),
                                f"{title}的{_ANNUAL}（{annual.describe()}）与{_PERIOD}（{period.describe()}）方向相反"))
    elif (annual.unit == period.unit and annual.unit and not annual.percent
          and not annual.ceiling and not period.ceiling and annual.number > period.number):
        problems.append(Problem("annual-exceeds-period", WARNING, paths.field(where, "annual_value"),
                                f"{title}的{_ANNUAL} {annual.describe()} 大于整个实施周期的 {period.describe()}"))
