"""The sums of the forms, each formula written once: the checks compare them, the workbook's and the
printed summary's 合计 rows and the editors' live totals show them.

A sum of amounts none of which is filled in is None (nothing to show or compare), not 0.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from .declaration import BUDGET_GROUPS, FUNDS_LABELS, Budget, Funds, Project

# 总计 = 财政拨款 + 财政专户拨款 + 其他资金
FUNDS_PARTS = ("fiscal", "special_account", "other")
FUNDS_PARTS_TEXT = " + ".join(FUNDS_LABELS[key] for key in FUNDS_PARTS)

SPENDING, DEVELOPMENT, INCOME, LEVELS = BUDGET_GROUPS  # the four groups' titles, in the forms' order


def parts_sum(*values: Decimal | None) -> Decimal | None:
    if all(value is None for value in values):
        return None
    return sum((value or Decimal(0) for value in values), Decimal(0))


def funds_parts(funds: Funds) -> Decimal | None:
    """财政拨款 + 财政专户拨款 + 其他资金: what 总计 should be."""
    return parts_sum(funds.fiscal, funds.special_account, funds.other)


def project_total(project: Project) -> Decimal | None:
    """总计 as written, or the sum of its parts when 总计 is empty."""
    total = project.funds.total
    return total if total is not None else funds_parts(project.funds)


def projects_total(projects: Iterable[Project]) -> Decimal | None:
    """What the projects ask for together, each by project_total()."""
    return parts_sum(*(project_total(project) for project in projects))


def summary_totals(projects: list[Project]) -> dict[str, Decimal | None]:
    """The 合计 row of the project table: 总计 as projects_total(), then each part summed down its column."""
    totals = {"total": projects_total(projects)}
    totals.update({key: parts_sum(*(getattr(p.funds, key) for p in projects)) for key in FUNDS_PARTS})
    return totals


def budget_group(budget: Budget, title: str) -> Decimal | None:
    """One group of 预算整体情况 summed: budget_group(budget, INCOME) = 财政拨款 + 其他资金."""
    return parts_sum(*(getattr(budget, key) for key in BUDGET_GROUPS[title]))


def budget_expenditure(budget: Budget) -> Decimal | None:
    """部门预算支出: 基本支出 + 项目支出."""
    return budget_group(budget, SPENDING)


def budget_income(budget: Budget) -> Decimal | None:
    """收入来源: 财政拨款 + 其他资金, what the whole budget comes to."""
    return budget_group(budget, INCOME)


def budget_with_development(budget: Budget) -> Decimal | None:
    """部门预算支出 + 事业发展性支出: the spending side as the published forms of 番禺 and 海珠 add it up."""
    return parts_sum(budget_expenditure(budget), budget_group(budget, DEVELOPMENT))
