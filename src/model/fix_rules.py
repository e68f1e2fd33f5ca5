"""Which problem gets which fix: one rule per problem code, each returning a Fix or None.

A rule offers a fix only where the remedy is mechanical; it never invents a figure the clerk must decide
(a target value, an amount that is not a sum). Guesses (a 二级 from the indicator's name) carry the
suggester's confidence; a new indicator whose values the clerk must still fill in says so (needs_input).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Callable

from . import framework, paths
from .amounts import display_amount
from .checks import declaration_variant
from .declaration import FUNDS_LABELS, Declaration, Indicator
from .fix_changes import SAFE_CONFIDENCE, Fix, Insert, Remove, SetField
from .markup import without_markup
from .problems import Problem
from .sums import FUNDS_PARTS, funds_parts
from .values import GE, GT, LE, LT, parse_value

if TYPE_CHECKING:
    from .level2_suggest import Level2Suggester

SATISFACTION_TEMPLATE = Indicator(level1=framework.SATISFACTION, level2="服务对象满意度指标", name="服务对象满意度")
# A total overwritten by the sum of complete parts: one of them may be the wrong figure, so it is only offered.
_TOTAL_OVERWRITE_CONFIDENCE = 0.6
# 预算单位 taken from the department when no project names any unit: likely, but the clerk should look.
_UNIT_WITHOUT_EVIDENCE = 0.6
_UNIT_FROM_OTHERS = 0.9
# A 二级 the clerk chose, replaced by the library's: on the word of several publications, or of one.
_LIBRARY_AGREED = 0.85
_LIBRARY_ONE_SOURCE = 0.6

# A floor written in words or symbols → the ceiling with the same strictness; longest first so that
# 不低于 is found before 低于 could be, 及以上 before 以上.
_FLIPS = sorted([
    ("≥", "≤"), (">=", "≤"), ("≧", "≤"), ("＞", "＜"), (">", "＜"),
    ("大于等于", "小于等于"), ("不低于", "不高于"), ("不少于", "不超过"), ("不小于", "不大于"), ("至少", "最多"),
    ("及以上", "及以下"), ("以上", "以下"), ("高于", "低于"), ("超过", "低于"), ("大于", "小于"),
], key=lambda pair: -len(pair[0]))
_CEILING_OF = {GE: LE, GT: LT}

Rule = Callable[["FixContext", Problem], "Fix | None"]


class FixContext:
    """A declaration and what its rules look up, prepared once for any number of problems."""

    def __init__(self, declaration: Declaration, suggester: Level2Suggester | None = None):
        self.declaration = declaration
        self._suggester = suggester
        self._variant: tuple[str | None] | None = None
        self._sector: tuple[str | None] | None = None

    @property
    def suggester(self) -> Level2Suggester:
        # The library is read when a file first needs a 二级 suggestion, not at every start-up.
        if self._suggester is None:
            from .level2_suggest import bundled_suggester

            self._suggester = bundled_suggester()
        return self._suggester

    @property
    def variant(self) -> str | None:
        if self._variant is None:
            self._variant = (declaration_variant(self.declaration),)
        return self._variant[0]

    @property
    def sector(self) -> str | None:
        """The declaration's sector (教育, 公安/司法/应急 …) from its department's and units' names: the 二级
        suggester weighs that sector's library entries more."""
        if self._sector is None:
            from .level2_suggest import sector_of

            names = [self.declaration.department.name, *(project.unit for project in self.declaration.projects)]
            self._sector = (sector_of(names),)
        return self._sector[0]

    def fix_for(self, problem: Problem) -> Fix | None:
        rule = RULES.get(problem.code)
        if rule is None:
            return None
        try:
            return rule(self, problem)
        except paths.LocationError:  # a problem of another state of the declaration
            return None

    def value(self, location: str):
        return paths.get_field(self.declaration, location)


# ---- 一级 / 二级 ------------------------------------------------------------------------------
def _missing_level2(context: FixContext, problem: Problem) -> Fix | None:
    indicator = context.value(paths.node_of(problem.location))
    if indicator.level2:
        return None
    found = context.suggester.suggest_for(indicator, context.variant, context.sector)
    if found is None or found.level1 != indicator.level1:
        return None
    return Fix(problem.code, problem.location, f"将二级指标设为“{found.level2}”",
               (SetField(problem.location, None, found.level2),), found.confidence, reason=found.reason)


def _missing_level1(context: FixContext, problem: Problem) -> Fix | None:
    indicator = context.value(paths.node_of(problem.location))
    if indicator.level1 or not indicator.name:
        return None
    node = paths.node_of(problem.location)
    if indicator.level2:
        owners = [level1 for level1 in framework.level1_names() if framework.fits(level1, indicator.level2, context.variant)]
        if len(owners) != 1:
            return None
        return Fix(problem.code, problem.location, f"将一级指标设为“{owners[0]}”",
                   (SetField(problem.location, None, owners[0]),), 0.95,
                   reason=f"二级指标“{indicator.level2}”属于{owners[0]}")
    found = context.suggester.suggest_for(indicator, context.variant, context.sector)
    if found is None:
        return None
    return Fix(problem.code, problem.location, f"将一级指标设为“{found.level1}”、二级指标设为“{found.level2}”",
               (SetField(problem.location, None, found.level1), SetField(paths.field(node, "level2"), None, found.level2)),
               found.confidence, reason=found.reason)


def _level2_under_wrong_level1(context: FixContext, problem: Problem) -> Fix | None:
    """The 二级 is right and the 一级 wrong (天河's 效益指标 › 服务对象满意度指标 › 慰问对象满意度): when the name
    alone leads to the same 二级, the 一级 it belongs to is set."""
    node = paths.node_of(problem.location)
    indicator = context.value(node)
    found = context.suggester.suggest(indicator.name, None, context.variant, indicator.annual_value,
                                      indicator.period_value, context.sector)
    if found is None or found.level2 != indicator.level2 or found.level1 == indicator.level1:
        return None
    where = paths.field(node, "level1")
    list_location, _ = paths.list_and_index(node)
    others = [other for other in paths.list_at(context.declaration, list_location) if other is not indicator]
    confidence, reason = found.confidence, found.reason
    if indicator.level1 in (framework.OUTPUT, framework.EFFECT) and all(o.level1 != indicator.level1 for o in others):
        # Its last 产出/效益 indicator moved away: one error for another. Offered one by one, never in bulk.
        confidence = min(confidence, SAFE_CONFIDENCE / 2)
        reason = f"{reason}；但这是项目唯一的{indicator.level1}，改后项目将缺少{indicator.level1}"
    return Fix(problem.code, problem.location, f"将一级指标改为“{found.level1}”",
               (SetField(where, indicator.level1, found.level1),), confidence, reason=reason)


def _level2_from_library(context: FixContext, problem: Problem) -> Fix | None:
    """The 二级 the library files the name under, where all its entries agree (library_checks.py): applied in bulk
    only when more than one publication files it so, offered one by one on a single publisher's word."""
    from .library_checks import library_verdict

    indicator = context.value(paths.node_of(problem.location))
    level2 = indicator.level2
    verdict = library_verdict(indicator.name) if indicator.name else None
    if (verdict is None or verdict.level2 is None or verdict.level2 == level2 or verdict.level1 != indicator.level1
            or not framework.fits(indicator.level1, verdict.level2, context.variant)):
        return None
    confidence = _LIBRARY_AGREED if verdict.sources > 1 else _LIBRARY_ONE_SOURCE
    more = f"等 {verdict.sources} 份" if verdict.sources > 1 else ""
    return Fix(problem.code, problem.location, f"将二级指标改为“{verdict.level2}”",
               (SetField(problem.location, level2, verdict.level2),), confidence,
               reason=f"指标库中“{indicator.name}”属于{verdict.level2}，出处：{verdict.source}{more}")


# ---- amounts ------------------------------------------------------------------------------
def _total_empty(context: FixContext, problem: Problem) -> Fix | None:
    funds = context.value(paths.node_of(problem.location)).funds
    parts = funds_parts(funds)
    if funds.total is not None or parts is None:
        return None
    return Fix(problem.code, problem.location, f"{FUNDS_LABELS['total']}设为 {display_amount(parts)}（各来源之和）",
               (SetField(problem.location, None, parts),))


def _total_mismatch(context: FixContext, problem: Problem) -> Fix | None:
    node = paths.node_of(problem.location)
    funds = context.value(node).funds
    total = funds.total
    empty = [key for key in FUNDS_PARTS if getattr(funds, key) is None]
    if total is None:
        return None
    if not empty:
        parts = funds_parts(funds)
        return Fix(problem.code, problem.location, f"{FUNDS_LABELS['total']}改为 {display_amount(parts)}（各来源之和）",
                   (SetField(problem.location, total, parts),), _TOTAL_OVERWRITE_CONFIDENCE,
                   reason="各来源都已填写，也可能是某个来源填错了")
    if len(empty) != 1:
        return None  # two empty sources: how the rest splits is the clerk's to say
    rest = total - sum((getattr(funds, key) for key in FUNDS_PARTS if key != empty[0]), Decimal(0))
    if rest < 0:
        return None
    label = FUNDS_LABELS[empty[0]]
    return Fix(problem.code, problem.location, f"{label}设为 {display_amount(rest)}（{FUNDS_LABELS['total']}减其他来源）",
               (SetField(paths.field(node, f"funds.{empty[0]}"), None, rest),))


# ---- structure ------------------------------------------------------------------------------
def _missing_satisfaction(context: FixContext, problem: Problem) -> Fix | None:
    items = paths.list_at(context.declaration, problem.location)
    if any(indicator.level1 == framework.SATISFACTION for indicator in items):
        return None
    template = SATISFACTION_TEMPLATE.model_copy()
    return Fix(problem.code, problem.location, f"添加满意度指标“{template.name}”",
               (Insert(problem.location, len(items), template),), needs_input=True,
               reason="指标值留空，请填写")


def _duplicate(noun: str) -> Callable[[FixContext, Problem], Fix | None]:
    """The later of two identical indicators or projects removed; only when they are equal in every field."""
    def rule(context: FixContext, problem: Problem) -> Fix | None:
        list_location, index = paths.list_and_index(paths.node_of(problem.location))
        items = paths.list_at(context.declaration, list_location)
        earlier = _identical_before(items, index)
        if earlier is None:
            return None
        label = f"删除重复的{noun}“{items[index].name}”（与第 {earlier + 1} 个{noun}完全相同）"
        return Fix(problem.code, problem.location, label, (Remove(list_location, index, items[index]),))
    return rule


def _identical_before(items: list, index: int) -> int | None:
    """The first earlier item equal to items[index] in every field: only then is removing it lossless."""
    item = items[index]
    return next((position for position in range(index) if items[position] == item), None)


# ---- text -------------------------------------------------------------------------------------
def _spelling(context: FixContext, problem: Problem) -> Fix | None:
    text = context.value(problem.location)
    respelled = parse_value(text).respelled
    if respelled is None:
        return None
    return Fix(problem.code, problem.location, f"改为“{respelled}”", (SetField(problem.location, text, respelled),))


def _markup(context: FixContext, problem: Problem) -> Fix | None:
    text = context.value(problem.location)
    if not text:
        return None
    plain = without_markup(text)
    if plain is None or plain == text:
        return None  # nothing but markup: clearing it would leave a required field empty
    shown = plain if len(plain) <= 24 else plain[:23] + "…"
    return Fix(problem.code, problem.location, f"删除网页标记，改为“{shown}”", (SetField(problem.location, text, plain),))


def _floor_to_ceiling(context: FixContext, problem: Problem) -> Fix | None:
    """≥ on a lower-is-better or a cost indicator → ≤, keeping the clerk's figure and unit."""
    text = context.value(problem.location)
    if not text:
        return None
    before = parse_value(text)
    source = before.respelled or text
    wanted = _CEILING_OF.get(before.comparator)
    for floor, ceiling in _FLIPS:
        if floor in source:
            flipped = source.replace(floor, ceiling, 1)
            after = parse_value(flipped)
            if (after.comparator, after.number, after.unit) == (wanted, before.number, before.unit):
                return Fix(problem.code, problem.location, f"改为“{flipped}”", (SetField(problem.location, text, flipped),))
            return None
    return None


# ---- the department as the unit ---------------------------------------------------------------
def _required(context: FixContext, problem: Problem) -> Fix | None:
    owner, name = paths.split_field(problem.location)
    if name == "unit" and paths.kind_of(owner) is paths.NodeKind.PROJECT:
        return _unit_from_department(context, problem)
    if name == "level1" and paths.kind_of(owner) is paths.NodeKind.INDICATOR:
        return _missing_level1(context, problem)
    return None


def _unit_from_department(context: FixContext, problem: Problem) -> Fix | None:
    """A project run by the department itself has the department as its 预算单位 (天河's table: every
    project's unit is 广州市天河区司法局). Offered when every project that names a unit names the
    department; only offered, not applied unasked, when no project names any."""
    department = (context.declaration.department.name or "").strip()
    if not department:
        return None
    units = {(project.unit or "").strip() for project in context.declaration.projects} - {""}
    if units and units != {department}:
        return None
    confidence = _UNIT_FROM_OTHERS if units else _UNIT_WITHOUT_EVIDENCE
    reason = "其他项目的预算单位都是部门本身" if units else "申报表中没有填写任何预算单位，请确认项目由部门本身实施"
    return Fix(problem.code, problem.location, f"将预算单位设为部门“{department}”",
               (SetField(problem.location, None, department),), confidence, reason=reason)


RULES: dict[str, Rule] = {
    "level2-missing": _missing_level2,
    "level2-wrong-level1": _level2_under_wrong_level1,
    "level2-library": _level2_from_library,
    "required": _required,
    "project-total-empty": _total_empty,
    "project-total-mismatch": _total_mismatch,
    "missing-satisfaction-indicator": _missing_satisfaction,
    "duplicate-indicator": _duplicate("指标"),
    "duplicate-project": _duplicate("项目"),
    "value-spelling": _spelling,
    "text-markup": _markup,
    "negative-indicator-floor": _floor_to_ceiling,
    "cost-without-ceiling": _floor_to_ceiling,
}
