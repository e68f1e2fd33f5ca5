"""The declaration as pydantic types: department, projects, indicators.

Fields hold what the clerk wrote, even when a check will object to it (a wrong
total, a 二级 under the wrong 一级): the checks judge, the model only keeps.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, field_validator, model_serializer

from .amounts import format_amount, integer_digits, parse_amount
from .framework import canonical_level

# Characters XML 1.0 (and so xlsx) cannot hold; dropping them on input keeps every format lossless.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# The budget years a declaration can have: the same bounds for a file read and for an edit, so a year typed in
# the window can always be saved and opened again.
YEAR_MIN, YEAR_MAX = 1900, 2100


def year_beyond_limit(value: object) -> str | None:
    """Why a number cannot be a budget year (in Chinese), said by its size when it has thousands of digits rather
    than as pydantic's 不能大于 2100; None when it can be one, or is no number at all (the field's check says so)."""
    if value is None or isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    if isinstance(value, Decimal) and (not value.is_finite() or integer_digits(value) > 6):
        return f"预算年度是一个 {integer_digits(value):,} 位的数，不在 {YEAR_MIN}–{YEAR_MAX} 之间"
    if isinstance(value, int) and value.bit_length() > 20:  # str() of a 5,000-digit int raises: count by bits
        return f"预算年度是一个约 {int(value.bit_length() * 0.30103) + 1:,} 位的数，不在 {YEAR_MIN}–{YEAR_MAX} 之间"
    if not YEAR_MIN <= value <= YEAR_MAX:
        return f"预算年度 {value} 不在 {YEAR_MIN}–{YEAR_MAX} 之间"
    return None

# The most a spreadsheet cell holds (Excel's limit, which openpyxl enforces by cutting the rest off): a longer
# text could not be saved as a workbook without loss, so no field takes one.
MAX_TEXT_LENGTH = 32767


def _clean_text(value: object) -> object:
    if type(value) is str and value.isprintable():  # most texts: no control character, line break or surrogate
        if len(value) > MAX_TEXT_LENGTH:
            raise ValueError(f"文字过长：共 {len(value):,} 个字符，一个栏目最多 {MAX_TEXT_LENGTH:,} 个字符（Excel 单元格的上限）")
        return value if value and not value.isspace() else None
    if isinstance(value, str):
        if len(value) > MAX_TEXT_LENGTH:
            raise ValueError(f"文字过长：共 {len(value):,} 个字符，一个栏目最多 {MAX_TEXT_LENGTH:,} 个字符（Excel 单元格的上限）")
        if "\r" in value:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        if _CONTROL.search(value):
            value = _CONTROL.sub("", value)
        if not value or value.isspace():
            return None
    return value


Amount = Annotated[
    Optional[Decimal],
    BeforeValidator(parse_amount),
    PlainSerializer(format_amount, return_type=Optional[str], when_used="json"),
]
Text = Annotated[Optional[str], BeforeValidator(_clean_text)]


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False, str_strip_whitespace=False)


class Indicator(_Node):
    level1: Text = None
    level2: Text = None
    name: Text = None
    period_value: Text = None
    annual_value: Text = None
    # Last year's 年度指标值 as next_year() carried it over (schema 2); None where unknown. Read-only in the editor.
    previous_annual_value: Text = None

    @field_validator("level1", "level2", mode="after")
    @classmethod
    def _canonical(cls, value: Optional[str]) -> Optional[str]:
        return canonical_level(value)


class Funds(_Node):
    total: Amount = None
    fiscal: Amount = None
    special_account: Amount = None
    other: Amount = None


class Budget(_Node):
    basic: Amount = None
    project: Amount = None
    special_funds: Amount = None
    other_development: Amount = None
    fiscal: Amount = None
    other_income: Amount = None
    own_level: Amount = None
    transfer: Amount = None


class Task(_Node):
    name: Text = None
    content: Text = None
    funds: Amount = None
    expected: Text = None


class Review(StrEnum):
    """What the clerk is asked to look at again (schema 2): in a project carried into a new year, or in a project
    or the department form whose import did not reconcile with what the table itself states.

    Codes, not sentences, so the checks word the hint and the editor can drop a mark once it is dealt with."""

    FUNDS = "funds"  # the amounts are last year's
    PERIOD_ENDED = "period_ended"  # the 实施周期 ended by last year: remove the project or extend it
    # An import's self-check (storage/recognisers/reconcile.py) against the table's own figures:
    AMOUNTS_UNRECONCILED = "amounts_unreconciled"  # a 合计/小计/总计 the table prints ≠ the amounts read
    INDICATORS_UNRECONCILED = "indicators_unreconciled"  # the numbered items 1、2、… ≠ the indicators read
    BLOCK_UNREAD = "block_unread"  # a block heading (年度重点工作任务, 绩效指标…) with nothing read under it


def _each_mark_once(value: list[Review]) -> list[Review]:
    return list(dict.fromkeys(value)) if len(value) > 1 else value


class Department(_Node):
    name: Text = None
    functions: Text = None
    budget: Budget = Budget()
    overall_goal: Text = None
    tasks: list[Task] = []
    indicators: list[Indicator] = []
    # The department form's 待复核 marks (an import that did not reconcile). Written only when there are some: a file
    # without them is byte for byte what it was before the field existed, and opens in the versions before it.
    review: list[Review] = []

    @field_validator("review", mode="after")
    @classmethod
    def _each_mark_once(cls, value: list[Review]) -> list[Review]:
        return _each_mark_once(value)

    @model_serializer(mode="wrap")
    def _review_only_when_marked(self, handler):
        data = handler(self)
        if not self.review and isinstance(data, dict):
            data.pop("review", None)
        return data


class Project(_Node):
    name: Text = None
    unit: Text = None
    period: Text = None
    funds: Funds = Funds()
    goal: Text = None
    indicators: list[Indicator] = []
    # Schema 2. The unit's file merge() took the project from (its name, or its path from the inputs' common
    # folder when two inputs share a name); None for a project written here.
    source_file: Text = None
    review: list[Review] = []

    @field_validator("review", mode="after")
    @classmethod
    def _each_mark_once(cls, value: list[Review]) -> list[Review]:
        return _each_mark_once(value)


class Declaration(_Node):
    year: Optional[int] = Field(default=None, ge=YEAR_MIN, le=YEAR_MAX)
    department: Department = Department()
    projects: list[Project] = []


# The fields' labels, in the order the forms show them: the one table the forms, the workbook, the
# importers, the checks' messages and the editors take a field's name from. Amount labels carry no
# unit; where a form prints one (拟投入的资金（万元）) the form adds it.
DECLARATION_LABELS = {"year": "预算年度", "department": "部门整体"}
DEPARTMENT_LABELS = {
    "name": "部门名称",
    "functions": "部门职能概述",
    "budget": "预算整体情况",
    "overall_goal": "总体绩效目标",
    "tasks": "年度重点工作任务",
    "indicators": "绩效指标",
}
PROJECT_LABELS = {"name": "项目名称", "unit": "预算单位", "period": "实施周期", "funds": "项目资金", "goal": "绩效目标",
                  "indicators": "绩效指标"}
FUNDS_LABELS = {"total": "总计", "fiscal": "财政拨款", "special_account": "财政专户拨款", "other": "其他资金"}
BUDGET_LABELS = {
    "basic": "基本支出",
    "project": "项目支出",
    "special_funds": "财政专项资金",
    "other_development": "其他事业发展性支出",
    "fiscal": "财政拨款",
    "other_income": "其他资金",
    "own_level": "区本级使用资金",
    "transfer": "拟用于对下转移支付资金",
}
INDICATOR_LABELS = {
    "level1": "一级指标",
    "level2": "二级指标",
    "name": "三级指标",
    "period_value": "实施周期指标值",
    "annual_value": "年度指标值",
}
# Fields the editor keeps beside the official forms' columns (schema 2): kept apart from the labels above,
# which the forms and the importers take as the columns of the official tables.
INDICATOR_EXTRA_LABELS = {"previous_annual_value": "上年指标值"}
PROJECT_EXTRA_LABELS = {"source_file": "来源文件", "review": "待复核"}
DEPARTMENT_EXTRA_LABELS = {"review": PROJECT_EXTRA_LABELS["review"]}
REVIEW_LABELS = {Review.FUNDS: "资金沿用上年", Review.PERIOD_ENDED: "实施周期已结束",
                 Review.AMOUNTS_UNRECONCILED: "金额与原表合计不符", Review.INDICATORS_UNRECONCILED: "指标数与编号不符",
                 Review.BLOCK_UNREAD: "栏目内容未读出"}
TASK_LABELS = {"name": "名称", "content": "主要实施内容", "funds": "拟投入的资金", "expected": "期望达到的目标"}
# The 年度重点工作任务 table's header as the official form prints it, on purpose not the bare labels:
# the amount with its unit, the expected result asked for as an outline (概述).
TASK_HEADERS = {**TASK_LABELS, "funds": "拟投入的资金（万元）", "expected": "期望达到的目标（概述）"}

# 预算整体情况 in its four groups, each with its amounts; the forms print spending on the left and
# income on the right, the groups of BUDGET_FORM_BLOCKS side by side.
BUDGET_GROUPS = {
    "部门预算支出": ("basic", "project"),
    "事业发展性支出": ("special_funds", "other_development"),
    "收入来源": ("fiscal", "other_income"),
    "按预算级次划分": ("own_level", "transfer"),
}
BUDGET_FORM_BLOCKS = (("部门预算支出", "收入来源"), ("事业发展性支出", "按预算级次划分"))

_LABELS: dict[type, dict[str, str]] = {
    Declaration: DECLARATION_LABELS, Department: {**DEPARTMENT_LABELS, **DEPARTMENT_EXTRA_LABELS},
    Project: {**PROJECT_LABELS, **PROJECT_EXTRA_LABELS},
    Funds: FUNDS_LABELS, Budget: BUDGET_LABELS, Indicator: {**INDICATOR_LABELS, **INDICATOR_EXTRA_LABELS},
    Task: TASK_LABELS,
}


def field_label(node: object, name: str) -> str:
    """The label of a node's field: field_label(project, "unit") → "预算单位"; unknown names stay as they are."""
    return _LABELS.get(type(node), {}).get(name, name)
