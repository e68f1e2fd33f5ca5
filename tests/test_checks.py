"""Each check: a clean declaration passes it, one broken field trips it at the right location."""

from decimal import Decimal

import pytest

from src.model.checks import check_declaration
from src.model.declaration import Indicator
from tests.builders import clean_declaration, indicator


def problems_of(declaration):
    return {(p.code, p.location) for p in check_declaration(declaration)}


def test_clean_declaration_has_no_problem():
    assert check_declaration(clean_declaration()) == []


def break_department_name(d): d.department.name = None
def break_year(d): d.year = None
def break_year_range(d): d.year = 1999
def break_project_name(d): d.projects[1].name = None
def break_unit(d): d.projects[0].unit = None
def break_goal(d): d.projects[0].goal = None
def break_indicator_level1(d): d.projects[0].indicators[1].level1 = None
def break_indicator_name(d): d.projects[0].indicators[1].name = None
def break_annual_value(d): d.projects[1].indicators[2].annual_value = None
def break_task_name(d): d.department.tasks[0].name = None
def negative_amount(d): d.projects[0].funds.other = Decimal("-5"); d.projects[0].funds.fiscal = Decimal("90")
def three_decimals(d): d.department.budget.transfer = Decimal("0.001"); d.department.budget.own_level = Decimal("2493.279")
def wrong_total(d): d.projects[0].funds.total = Decimal("101")
def budget_income(d): d.department.budget.fiscal = Decimal("3000"); d.department.budget.own_level = Decimal("3000.28")
def budget_levels(d): d.department.budget.transfer = Decimal("1")
def projects_vs_budget(d): d.department.budget.project = Decimal("150"); d.department.budget.basic = Decimal("2343.28")
def task_funds(d): d.department.tasks[0].funds = Decimal("5000")
def unknown_level1(d): d.projects[0].indicators[0].level1 = "投入指标"
def unknown_level2(d): d.projects[0].indicators[0].level2 = "数目指标"
def wrong_level2(d): d.projects[0].indicators[2].level2 = "数量指标"
def missing_level2(d): d.projects[0].indicators[2].level2 = None
def no_output(d): d.projects[1].indicators = d.projects[1].indicators[2:]
def no_effect(d): del d.projects[1].indicators[2]
def no_satisfaction(d): del d.projects[0].indicators[3]
def duplicate_indicator(d): d.projects[0].indicators.append(d.projects[0].indicators[0].model_copy())
def duplicate_project(d): d.projects.append(d.projects[0].model_copy(deep=True))
def placeholder(d): d.projects[0].indicators[0].annual_value = "XX"
def rate_over(d): d.projects[0].indicators[1].annual_value = "≥105%"
def rate_over_from_name(d): d.projects[0].indicators[1].name = "调解成功率（%）"; d.projects[0].indicators[1].annual_value = "≥120"
def cost_floor(d): d.projects[0].indicators.append(indicator("成本指标", "经济成本指标", "单位调解成本", "≤500元", "≥500元"))
def negative_floor(d): d.projects[0].indicators[2].name = "当事人投诉率"; d.projects[0].indicators[2].annual_value = "≥5%"; d.projects[0].indicators[2].period_value = "≥5%"
def vague(d): d.projects[0].indicators[2].annual_value = "明显提高"
def qualitative_rate(d): d.projects[0].indicators[1].annual_value = "较高"; d.projects[0].indicators[1].period_value = "达标"
def contradict(d): d.projects[0].indicators[1].period_value = "≤5%"
def annual_over_period(d): d.projects[0].indicators[0].annual_value = "500件"
def spelled_ge(d): d.projects[0].indicators[1].annual_value = ">=95%"
def full_width_percent(d): d.projects[0].indicators[1].period_value = "≥９５％"
def markup_in_indicator_name(d): d.projects[1].indicators[0].name = "<p>调解案件数</p>"
def markup_in_value(d): d.projects[1].indicators[0].annual_value = "≥100件&nbsp;"
def markup_in_goal(d): d.projects[0].goal = "开展人民调解工作。<br/>"
def markup_in_task(d): d.department.tasks[0].content = "配备&nbsp;法律顾问"
def total_empty(d): d.projects[0].funds.total = None
def mixed_framework(d):
    d.projects[0].indicators.append(indicator("成本指标", "经济成本指标", "单位调解成本", "≤500元", "≤500元"))
    d.projects[1].indicators.append(indicator("产出指标", "成本指标", "人均经费", "≤2万元", "≤2万元"))


CASES = [
    (break_department_name, "required", "department.name"),
    (break_year, "required", "year"),
    (break_year_range, "year-out-of-range", "year"),
    (break_project_name, "required", "projects[1].name"),
    (break_unit, "required", "projects[0].unit"),
    (break_goal, "required", "projects[0].goal"),
    (break_indicator_level1, "required", "projects[0].indicators[1].level1"),
    (break_indicator_name, "required", "projects[0].indicators[1].name"),
    (break_annual_value, "required", "projects[1].indicators[2].annual_value"),
    (break_task_name, "required", "department.tasks[0].name"),
    (negative_amount, "amount-negative", "projects[0].funds.other"),
    (three_decimals, "amount-precision", "department.budget.transfer"),
    (wrong_total, "project-total-mismatch", "projects[0].funds.total"),
    (budget_income, "budget-income-mismatch", "department.budget.fiscal"),
    (budget_levels, "budget-level-mismatch", "department.budget.own_level"),
    (projects_vs_budget, "projects-total-vs-budget", "department.budget.project"),
    (task_funds, "task-funds-exceed", "department.tasks"),
    (unknown_level1, "level1-unknown", "projects[0].indicators[0].level1"),
    (unknown_level2, "level2-unknown", "projects[0].indicators[0].level2"),
    (wrong_level2, "level2-wrong-level1", "projects[0].indicators[2].level2"),
    (missing_level2, "level2-missing", "projects[0].indicators[2].level2"),
    (no_output, "missing-output-indicator", "projects[1].indicators"),
    (no_effect, "missing-effect-indicator", "projects[1].indicators"),
    (no_satisfaction, "missing-satisfaction-indicator", "projects[0].indicators"),
    (duplicate_indicator, "duplicate-indicator", "projects[0].indicators[4].name"),
    (duplicate_project, "duplicate-project", "projects[2].name"),
    (placeholder, "value-placeholder", "projects[0].indicators[0].annual_value"),
    (rate_over, "rate-over-100", "projects[0].indicators[1].annual_value"),
    (rate_over_from_name, "rate-over-100", "projects[0].indicators[1].annual_value"),
    (cost_floor, "cost-without-ceiling", "projects[0].indicators[4].annual_value"),
    (negative_floor, "negative-indicator-floor", "projects[0].indicators[2].annual_value"),
    (vague, "value-vague", "projects[0].indicators[2].annual_value"),
    (qualitative_rate, "value-qualitative-rate", "projects[0].indicators[1].period_value"),
    (contradict, "values-contradict", "projects[0].indicators[1].annual_value"),
    (annual_over_period, "annual-exceeds-period", "projects[0].indicators[0].annual_value"),
    (mixed_framework, "framework-mixed", "projects[1].indicators[4].level1"),
    (spelled_ge, "value-spelling", "projects[0].indicators[1].annual_value"),
    (full_width_percent, "value-spelling", "projects[0].indicators[1].period_value"),
    (markup_in_indicator_name, "text-markup", "projects[1].indicators[0].name"),
    (markup_in_value, "text-markup", "projects[1].indicators[0].annual_value"),
    (markup_in_goal, "text-markup", "projects[0].goal"),
    (markup_in_task, "text-markup", "department.tasks[0].content"),
    (total_empty, "project-total-empty", "projects[0].funds.total"),
]


@pytest.mark.parametrize("breaker, code, location", CASES, ids=[c[0].__name__ for c in CASES])
def test_check_trips_on_the_broken_field(breaker, code, location):
    declaration = clean_declaration()
    assert (code, location) not in problems_of(declaration)
    breaker(declaration)
    assert (code, location) in problems_of(declaration)


# How much each finding weighs, specified from DOMAIN.md's checks, not read off the rules:
# error — a rule the finance office applies is broken and the declaration comes back (a required field, the
# sums of DOMAIN.md, the framework's levels, a rate above 100%, every project's 产出 and 效益 indicators);
# warning — very likely wrong but possibly meant (duplicates, placeholders, values that contradict, a cost
# without a ceiling, sums across the whole department); hint — it would read better otherwise.
EXPECTED_SEVERITY = {
    "required": "error", "year-out-of-range": "error", "amount-negative": "error", "amount-precision": "error",
    "project-total-mismatch": "error", "budget-income-mismatch": "error", "budget-level-mismatch": "error",
    "level1-unknown": "error", "level2-unknown": "error", "level2-wrong-level1": "error",
    "missing-output-indicator": "error", "missing-effect-indicator": "error", "rate-over-100": "error",
    # DOMAIN.md: a 满意度指标 only "where the project serves people" — a judgement the editor cannot make.
    "missing-satisfaction-indicator": "warning",
    # Across the department: the projects and the key tasks are often declared at different times.
    "projects-total-vs-budget": "warning", "task-funds-exceed": "warning",
    "level2-missing": "warning", "duplicate-indicator": "warning", "duplicate-project": "warning",
    "value-placeholder": "warning", "cost-without-ceiling": "warning", "negative-indicator-floor": "warning",
    "values-contradict": "warning", "annual-exceeds-period": "warning", "framework-mixed": "warning",
    "text-markup": "warning",
    "value-vague": "hint", "value-qualitative-rate": "hint", "value-spelling": "hint", "project-total-empty": "hint",
}


@pytest.mark.parametrize("breaker, code, location", CASES, ids=[c[0].__name__ for c in CASES])
def test_each_finding_weighs_what_the_finance_office_gives_it(breaker, code, location):
    declaration = clean_declaration()
    breaker(declaration)
    found = [p for p in check_declaration(declaration) if (p.code, p.location) == (code, location)]
    assert found, (code, location)
    for problem in found:
        assert str(problem.severity) == EXPECTED_SEVERITY[code], code
        # The message is for the clerk: Chinese, and it names what is wrong rather than the rule's code.
        assert sum("\u4e00" <= ch <= "\u9fff" for ch in problem.message) >= 4, problem.message
        assert code not in problem.message


def test_every_code_the_cases_raise_has_a_specified_weight():
    assert {code for _, code, _ in CASES} == set(EXPECTED_SEVERITY)


def test_legacy_framework_accepts_cost_under_output():
    declaration = clean_declaration()
    declaration.projects[0].indicators.append(indicator("产出指标", "成本指标", "人均经费", "≤2万元", "≤2万元"))
    assert check_declaration(declaration) == []


def test_balance_including_development_spending_as_published_forms_do():
    # Seed 003 (海珠): 2293.28 + 969.00 + 0.00 + 314.00 = 3576.28 = 财政拨款 + 其他资金.
    declaration = clean_declaration()
    budget = declaration.department.budget
    budget.basic, budget.project, budget.special_funds, budget.other_development = (
        Decimal("2293.28"), Decimal("969.00"), Decimal("0.00"), Decimal("314.00"))
    budget.fiscal, budget.other_income, budget.own_level, budget.transfer = (
        Decimal("3576.28"), Decimal("0"), Decimal("3576.28"), Decimal("0"))
    codes = {p.code for p in check_declaration(declaration)}
    assert "budget-income-mismatch" not in codes


def test_level_aliases_are_stored_canonical():
    item = Indicator(level1="1-产出", level2="22-社会效益", name="x", annual_value="1")
    assert (item.level1, item.level2) == ("产出指标", "社会效益指标")
    assert Indicator(level1="满意度", level2="31-服务对象满意度").level2 == "服务对象满意度指标"
    assert Indicator(level2="11-数量指标").level2 == "数量指标"


@pytest.mark.parametrize("value", ["≥95%", "＜5%", "≤2‰", "=100%", "不低于85%", "1,500件", "=>3次"])
def test_values_spelled_as_the_systems_do_are_not_flagged(value):
    declaration = clean_declaration()
    declaration.projects[0].indicators[1].annual_value = value
    assert "value-spelling" not in {p.code for p in check_declaration(declaration)}


def test_a_less_than_sign_is_no_markup():
    declaration = clean_declaration()
    declaration.projects[0].goal = "投诉率<5%且办结率>90%"
    assert "text-markup" not in {p.code for p in check_declaration(declaration)}


def test_every_code_a_rule_raises_is_explained_for_the_clerk_and_nothing_else():
    """model/check_rules.py (检查规则说明) against the codes the rules can raise, read from the source."""
    import re
    from pathlib import Path

    from src.model.check_rules import CHECK_RULES

    source = Path(__file__).resolve().parent.parent / "src"
    raised = {code for path in source.rglob("*.py")
              for code in re.findall(r'Problem\(\s*"([a-z0-9-]+)"', path.read_text(encoding="utf-8"))}
    assert raised and set(CHECK_RULES) == raised
    for code, rule in CHECK_RULES.items():
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in rule), code
