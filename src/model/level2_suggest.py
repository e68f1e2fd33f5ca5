"""A 二级指标 for an indicator that has none, read from its name, its values, the indicator library and the
framework in use — or None when the evidence is thin: a wrong 二级 costs the clerk more than an empty one.

The order of the evidence, strongest first: the library's own classification of the same name; a unit
written into the name (`…（场次）`); the name's keywords (合格率 → 质量, 及时 → 时效, 完成率 → 数量, 满意度 →
服务对象满意度 …); a counted annual value (`2次`, `160人次`); under 效益指标 the commonest 二级 of a justice
bureau's tables, 社会效益指标. Every suggestion fits the indicator's 一级 in the framework variant the
declaration uses; when the 一级 is empty it is suggested too, and only from strong evidence.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from ..bundled import INDICATOR_LIBRARY, resource_file
from . import framework
from .declaration import Indicator
from .values import ValueKind, parse_value

# Below this the suggester says nothing; fixes built on a suggestion carry its confidence.
CONFIDENT = 0.8

QUANTITY, QUALITY, TIMELINESS, COST = "数量指标", "质量指标", "时效指标", "成本指标"
ECONOMIC, SOCIAL, ECOLOGICAL, LASTING = "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"
SERVED = "服务对象满意度指标"
ECONOMIC_COST, SOCIAL_COST, ECOLOGICAL_COST = "经济成本指标", "社会成本指标", "生态环境成本指标"

# Units that count things done (a number of sessions, cases, people); a name or value in them is a 数量.
_COUNT_UNITS = ("人次", "场次", "次数", "个数", "人数", "批次", "次", "场", "个", "件", "宗", "例", "份", "册", "期",
                "批", "家", "项", "篇", "户", "名", "人", "所", "本", "条", "台", "套", "课时", "学时", "小时")
_BRACKETED = re.compile(r"[（(]([^（）()]{1,6})[)）]\s*$")

_QUANTITY_RATE = re.compile(r"完成率|覆盖率|到位率|普及率|参与率|参训率|配备率|建档率|执行率|受理率|全覆盖")
# Keyword rules under 产出指标, in the order they are tried; (pattern, 二级, confidence, why).
_OUTPUT_RULES = (
    (re.compile(r"合格|及格|达标|验收|合规|规范|准确|正确|优良|通过率|成功率|完好|差错|错误"), QUALITY, 0.9, "名称含“{0}”，衡量完成的质量"),
    (re.compile(r"及时|按时|按期|准时|时限|期限内|时效|限时|逾期"), TIMELINESS, 0.9, "名称含“{0}”，衡量完成的时间"),
    (re.compile(r"人次|场次|次数|个数|人数|数量|册数|户数|件数|宗数"), QUANTITY, 0.9, "名称含“{0}”，是计数"),
    (_QUANTITY_RATE, QUANTITY, 0.85, "名称含“{0}”，衡量完成的数量"),
    (re.compile(r"(?<![系指分])数$"), QUANTITY, 0.85, "名称以“{0}”结尾，是计数"),
)
# Weaker than a counted value: 开展律师事务所年度检查考核, 1次 counts inspections held.
_WEAK_QUALITY = re.compile(r"考核|评估|质量|标准")
# A qualitative target that names a standard (评估达标, 符合规范) measures quality.
_QUALITY_TARGET = re.compile(r"达标|合格|规范|符合")
_COST_WORDS = re.compile(r"成本|单价|造价|人均经费|费用标准")
_SATISFACTION_WORDS = re.compile(r"满意")
# Under 效益指标: the three rarer 二级 by their keywords, otherwise 社会效益指标.
_EFFECT_RULES = (
    (re.compile(r"经济|收入|营收|产值|节约|节省|增收|税收|投资|利润"), ECONOMIC, 0.85),
    (re.compile(r"生态|环境|节能|减排|绿化|环保|碳|无纸化|能耗"), ECOLOGICAL, 0.85),
    (re.compile(r"可持续|长效|长期|持续|机制|影响力|常态化"), LASTING, 0.85),
)
_SOCIAL_DEFAULT = 0.8
# Money handled by the rules (符合财务规范) under 效益指标 is no effect of any kind: the 一级 is doubtful.
_NOT_AN_EFFECT = re.compile(r"财务|资金|经费|采购")
_COST_LEVEL1_RULES = ((re.compile(r"生态|环境"), ECOLOGICAL_COST), (re.compile(r"社会"), SOCIAL_COST))
# Suggesting the 一级 as well needs more than the 二级 alone: the name decides both.
_BOTH_LEVELS_FACTOR = 0.95


@dataclass(frozen=True)
class Suggestion:
    level2: str
    confidence: float
    reason: str  # in Chinese, for the fix's label and the clerk: 名称含“合格率”，衡量完成的质量
    level1: str  # the indicator's 一级, or the one suggested with the 二级 when it had none


def normalised_name(name: str) -> str:
    """The name compared with the library's: no spaces, half-width brackets, no trailing target (`…率100%`)."""
    text = re.sub(r"\s+", "", name).replace("(", "（").replace(")", "）")
    return re.sub(r"(达|不少于|不低于)?[0-9.]+%?(以上)?$", "", text) or text


class Level2Suggester:
    """Suggestions from one indicator library (二级 → 三级 names): the bundled one, or one built from chosen
    declarations (build_library) to measure on indicators it was not built from."""

    def __init__(self, library: Mapping[str, Iterable[str]]):
        by_name: dict[str, set[str]] = {}
        for level2, names in library.items():
            if framework.is_known_level2(level2):
                for name in names:
                    by_name.setdefault(normalised_name(name), set()).add(level2)
        self._library = {name: next(iter(found)) for name, found in by_name.items() if len(found) == 1}

    def suggest(self, name: str | None, level1: str | None, variant: str | None = None,
                annual_value: str | None = None, period_value: str | None = None) -> Suggestion | None:
        """The 二级 (and the 一级 when level1 is empty) for an indicator, or None when unsure."""
        if not name:
            return None
        if level1 and not framework.is_known_level1(level1):
            return None
        if level1:
            found = self._within(name, level1, variant, annual_value or period_value)
        else:
            found = self._with_level1(name, variant, annual_value or period_value)
        if found is None or found.confidence < CONFIDENT:
            return None
        if not framework.fits(found.level1, found.level2, variant):
            return None  # a rule must never hand out a 二级 the framework in use rejects
        return found

    def suggest_for(self, indicator: Indicator, variant: str | None = None) -> Suggestion | None:
        return self.suggest(indicator.name, indicator.level1, variant, indicator.annual_value, indicator.period_value)

    # ---- the evidence ---------------------------------------------------------------------------
    def _within(self, name: str, level1: str, variant: str | None, value: str | None) -> Suggestion | None:
        only = framework.level2_choices(level1, variant)
        if len(only) == 1:
            return Suggestion(only[0], 1.0, f"{level1}下只有这一个二级指标", level1)
        known = self._library.get(normalised_name(name))
        if known and framework.fits(level1, known, variant):
            return Suggestion(known, 0.95, f"指标库中“{name}”属于{known}", level1)
        if level1 == framework.OUTPUT:
            return _output_level2(name, variant, value)
        if level1 == framework.EFFECT:
            return _effect_level2(name)
        if level1 == framework.COST:
            for pattern, level2 in _COST_LEVEL1_RULES:
                if (match := pattern.search(name)):
                    return Suggestion(level2, 0.85, f"名称含“{match.group(0)}”", level1)
            return Suggestion(ECONOMIC_COST, 0.85, "成本指标下最常见的是经济成本", level1)
        return None

    def _with_level1(self, name: str, variant: str | None, value: str | None) -> Suggestion | None:
        known = self._library.get(normalised_name(name))
        if known:
            level1 = _level1_of(known, variant)
            if level1:
                return Suggestion(known, 0.95 * _BOTH_LEVELS_FACTOR, f"指标库中“{name}”属于{level1}/{known}", level1)
        if _SATISFACTION_WORDS.search(name):
            return Suggestion(SERVED, 0.9, "名称含“满意”", framework.SATISFACTION)
        if _COST_WORDS.search(name):
            return None  # 成本 is an 一级 in one variant and a 二级 in the other: the clerk decides
        found = _output_level2(name, variant, value, counted_values=False)
        if found is not None:
            return Suggestion(found.level2, found.confidence * _BOTH_LEVELS_FACTOR, found.reason, framework.OUTPUT)
        for pattern, level2, confidence in _EFFECT_RULES:
            if (match := pattern.search(name)):
                return Suggestion(level2, confidence * _BOTH_LEVELS_FACTOR, f"名称含“{match.group(0)}”",
                                  framework.EFFECT)
        return None


def _output_level2(name: str, variant: str | None, value: str | None, counted_values: bool = True) -> Suggestion | None:
    bracketed = _BRACKETED.search(name)
    if bracketed and bracketed.group(1) in _COUNT_UNITS:
        return Suggestion(QUANTITY, 0.9, f"名称注明以“{bracketed.group(1)}”计", framework.OUTPUT)
    if _COST_WORDS.search(name):
        if variant == framework.LEGACY:
            return Suggestion(COST, 0.85, "名称说的是成本", framework.OUTPUT)
        return None  # in the 2021 framework a cost is an 一级 of its own: moving it is the clerk's call
    if _SATISFACTION_WORDS.search(name):
        return None  # a satisfaction under 产出指标: the 一级 is what is wrong
    for pattern, level2, confidence, why in _OUTPUT_RULES:
        if (match := pattern.search(name)):
            return Suggestion(level2, confidence, why.format(match.group(0)), framework.OUTPUT)
    reading = parse_value(value) if counted_values and value else None
    if reading and reading.is_quantitative and reading.unit in _COUNT_UNITS and reading.unit != "小时":
        return Suggestion(QUANTITY, 0.85, f"指标值以“{reading.unit}”计", framework.OUTPUT)
    if (match := _WEAK_QUALITY.search(name)):
        return Suggestion(QUALITY, 0.8, f"名称含“{match.group(0)}”，衡量完成的质量", framework.OUTPUT)
    if reading and value:
        if reading.kind is ValueKind.QUALITATIVE and _QUALITY_TARGET.search(value):
            return Suggestion(QUALITY, 0.8, f"指标值“{value}”是质量标准", framework.OUTPUT)
        if (match := _QUANTITY_RATE.search(value)):
            return Suggestion(QUANTITY, 0.8, f"指标值写的是“{match.group(0)}”", framework.OUTPUT)
    return None


def _effect_level2(name: str) -> Suggestion | None:
    if _SATISFACTION_WORDS.search(name):
        return None  # a satisfaction under 效益指标 (天河's 慰问对象满意度): the 一级 is what is wrong
    for pattern, level2, confidence in _EFFECT_RULES:
        if (match := pattern.search(name)):
            return Suggestion(level2, confidence, f"名称含“{match.group(0)}”", framework.EFFECT)
    if _NOT_AN_EFFECT.search(name):
        return None
    return Suggestion(SOCIAL, _SOCIAL_DEFAULT, "效益指标中最常见的是社会效益", framework.EFFECT)


def _level1_of(level2: str, variant: str | None) -> str | None:
    """The one 一级 a 二级 belongs to in the variant (both variants when unknown, if they agree)."""
    chosen = [framework.variants()[variant]] if variant else list(framework.variants().values())
    owners = {level1 for levels in chosen for level1, names in levels.items() if level2 in names}
    return owners.pop() if len(owners) == 1 else None


def build_library(indicators: Iterable[Indicator], base: Mapping[str, Iterable[str]] | None = None) -> dict[str, list[str]]:
    """三级 names by 二级 (by 一级 where the 二级 is missing or does not fit), from these indicators, after base's."""
    library: dict[str, list[str]] = {key: list(names) for key, names in (base or {}).items()}
    for indicator in indicators:
        if not indicator.name or not framework.is_known_level1(indicator.level1):
            continue
        key = indicator.level2 if framework.fits(indicator.level1, indicator.level2) else indicator.level1
        names = library.setdefault(key, [])
        if indicator.name not in names:
            names.append(indicator.name)
    return library


@lru_cache(maxsize=1)
def indicator_library() -> dict[str, list[str]]:
    """resources/indicator_library.json (三级 names by 二级), read once; {} when it is missing or broken: the
    completer and the suggester are helps, so they go without (the suggester on its name rules alone) and
    `selftest` reports it, instead of a traceback in every problem's tooltip."""
    try:
        library = json.loads(resource_file(INDICATOR_LIBRARY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return library if isinstance(library, dict) else {}


@lru_cache(maxsize=1)
def bundled_suggester() -> Level2Suggester:
    """The suggester over the bundled indicator library, made once."""
    return Level2Suggester(indicator_library())
