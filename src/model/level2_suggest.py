"""A 二级指标 for an indicator that has none, read from its name, its values, the indicator library and the
framework in use — with its evidence and a confidence. A wrong 二级 applied in bulk costs the clerk more than
an empty one: only a suggestion from CONFIDENT up is applied by `fix` and 修复全部同类问题; one below it is
offered one by one with its evidence; below OFFERED nothing is said.

The evidence, strongest first:
1. the library's own classification of the same name (normalised), with the document that published it;
   where publishers filed the name under different 二级, the majority is only offered, the split named;
2. a library name that is almost the same (a word more or less, the same words in another order);
3. the rules: a unit written into the name (`…（场次）`), the name's keywords (合格率 → 质量, 及时 → 时效,
   人次 → 数量, 空气质量 → 生态效益, 就业/收入 → 经济效益, 长效机制 → 可持续影响 …), the target value (a date
   → 时效, 元 → 成本, a counted `2次` → 数量), and under 效益指标 the commonest 二级, 社会效益指标. Every rule
   is weighed against the library: its confidence is what the library's publishers said of the entries the
   same rule and keyword would classify (the declaration's own sector counting more), with the rule's own
   prior counted as _RULE_WEIGHT entries. A rule the library contradicts falls below CONFIDENT (完成率 is 质量
   to some publishers and 数量 or 时效 to others), and so does one a nearly alike library name contradicts.
Every suggestion fits the indicator's 一级 in the framework variant the declaration uses; when the 一级 is
empty it is suggested too, and only from strong evidence.

The library: the built-in v1 list (三级 names by 二级 from the 司法局 example tables,
resources/indicator_library.json) and the v2 library of published indicators of every sector with their
sources (resources/indicator_library_v2.json, built by scripts/build_library_v2.py), both read on the first
suggestion, never at start-up. How well it does: docs/level2.md (scripts/measure_level2_sectors.py).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Mapping, NamedTuple

from ..bundled import INDICATOR_LIBRARY, INDICATOR_LIBRARY_V2, resource_file
from . import framework

if TYPE_CHECKING:
    from .declaration import Indicator

# From here up `fix` and 修复全部同类问题 apply a suggestion (fix_changes.SAFE_CONFIDENCE is the same);
# below it a suggestion is offered one by one; below OFFERED the suggester says nothing.
CONFIDENT = 0.8
OFFERED = 0.5
_SPLIT = 0.6  # a suggestion the library itself contradicts or splits on: offered, never applied in bulk

QUANTITY, QUALITY, TIMELINESS, COST = "数量指标", "质量指标", "时效指标", "成本指标"
ECONOMIC, SOCIAL, ECOLOGICAL, LASTING = "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"
SERVED = "服务对象满意度指标"
ECONOMIC_COST, SOCIAL_COST, ECOLOGICAL_COST = "经济成本指标", "社会成本指标", "生态环境成本指标"
BUILT_IN_SOURCE = "编辑器自带指标库（广州市区司法局示例申报表及常用指标）"
BUILT_IN_SECTOR = "公安/司法/应急"

# A department's or unit's name → its sector (scripts/build_library_v2.py's sector names), first match wins.
_SECTOR_WORDS = (
    ("公安/司法/应急", "司法|公安|法院|检察|应急管理|消防|法律援助|禁毒|戒毒|监狱|公证"),
    ("卫生健康/医保", "卫生|卫健|医院|疾控|疾病预防|医疗保障|医保|妇幼|计划生育|中医"),
    ("教育", "教育|学校|小学|中学|幼儿园|学院|大学|教师|职业技术"),
    ("交通运输", "交通|公路|运输|港航|海事|航道"),
    ("生态环境/林业/水务", "生态环境|环境保护|环保|林业|林草|水务|水利|自然资源|园林|绿化"),
    ("农业农村", "农业|农村|畜牧|水产|农机|乡村振兴|粮食|供销|扶贫"),
    ("文化旅游/体育", "文化|旅游|体育|文旅|广电|图书馆|博物馆|文物|剧团"),
    ("民政/残联", "民政|残联|残疾人|老龄|慈善|退役军人|妇联|红十字"),
    ("人力资源社会保障", "人力资源|社会保障|人社|社保|就业"),
    ("住建/城管", "住房|城乡建设|住建|城管|城市管理|综合执法|市政|环卫|房管"),
    ("科技", "科技|科学技术|科协|工业和信息化"),
    ("市场监管", "市场监督|市场监管|质量技术监督|药品监督|食品药品"),
)

# Units that count things done (a number of sessions, cases, people); a name or value in them is a 数量.
_COUNT_UNITS = ("人次", "场次", "次数", "个数", "人数", "批次", "次", "场", "个", "件", "宗", "例", "份", "册", "期",
                "批", "家", "项", "篇", "户", "名", "人", "所", "本", "条", "台", "套", "课时", "学时", "亩", "公里",
                "千米", "米", "平方米", "万亩", "公顷", "辆", "座", "处", "种", "间", "架", "块", "株", "只", "头",
                "吨", "天", "单")
_BRACKETED = re.compile(r"[（(]([^（）()]{1,6})[)）]\s*$")


class _Rule(NamedTuple):
    pattern: re.Pattern
    level2: str
    prior: float  # the confidence when the library has nothing to say about the rule
    why: str
    by_word: bool = True  # weighed by the library keyword by keyword (a rule on the value: as a whole)


def _rule(words: str, level2: str, prior: float, why: str, by_word: bool = True) -> _Rule:
    return _Rule(re.compile(words), level2, prior, why, by_word)


# ---- the rules under 产出指标, tried in order --------------------------------------------------------
# A schedule (a time, a deadline, a rate of doing it on time) before quality: 验收时间 is a 时效.
_TIME_RULE = _rule(r"及时|按时|按期|按计划|准时|如期|时限|期限|时效|限时|逾期|进度|完成时间|[^效]时间$|周期$|"
                   r"当年下达|当年拨付|当年支付", TIMELINESS, 0.9, "名称含“{0}”，衡量完成的时间")
# 质量 of the air or of water is what is measured, not how well the work was done.
_QUALITY_RULE = _rule(r"合格|及格|达标|验收|合规|规范|准确|正确|优良|通过率|成功率|完好|差错|错误|成活率|存活率|"
                      r"保存率|专款专用|误差|在线率|正常运行|故障|(?<!空气)(?<!水)(?<!环境)(?<!生活)质量",
                      QUALITY, 0.9, "名称含“{0}”，衡量完成的质量")
_COUNT_RULE = _rule(r"人次|场次|次数|个数|人数|数量|册数|户数|件数|宗数|面积|长度|里程|天数|批次|种类|套数|亩数|规模",
                    QUANTITY, 0.9, "名称含“{0}”，是计数")
_QUANTITY_RATE = _rule(r"覆盖率|参保率|接种率|普及率|参与率|参训率|配备率|建档率|管理率|签约率|受理率|全覆盖|完成率|"
                       r"执行率|到位率", QUANTITY, 0.85, "名称含“{0}”，衡量完成的数量")
# …数 at the end counts, unless it is a ratio (每百万人口报告数, 小时数/计划小时数) or its target a share.
_ENDS_IN_COUNT = _rule(r"(?<![系指分倍])数$", QUANTITY, 0.85, "名称以“{0}”结尾，是计数")
_RATIO = re.compile(r"每[十百千万]|/|比例|比率|占比")
_OUTPUT_RULES = (_TIME_RULE, _QUALITY_RULE, _COUNT_RULE, _QUANTITY_RATE, _ENDS_IN_COUNT)
_COST_WORDS = re.compile(r"成本|单价|造价|价格|市场价|人均经费|费用标准|补助标准|预算控制|投资额|总投入|总投资|节支|"
                         r"(?<!消)费$")
_COST_RULE = _Rule(_COST_WORDS, COST, 0.85, "名称说的是成本（“{0}”）")
_SATISFACTION_WORDS = re.compile(r"满意")
# A target value that is a date, a month, a deadline or a number of days: 时效.
_DATE_VALUE = re.compile(r"^\s*(?:[≤<＜]|不超过|不晚于)?\s*(?:\d{4}\s*年(?:\s*\d{1,2}\s*月)?|\d{1,2}\s*月)"
                         r"|\d{4}[.\-/]\d{1,2}|年底|年末|月底|月末|前完成|之前|\d+\s*个?(?:工作日|日内|天内)|按月|按季")
_DATE_VALUE_RULE = _Rule(_DATE_VALUE, TIMELINESS, 0.85, "指标值“{0}”是时间", by_word=False)
_MONEY_VALUE = re.compile(r"\d\s*(?:万元|元)")
_MONEY_VALUE_RULE = _Rule(_MONEY_VALUE, COST, 0.8, "指标值以“元”计，是成本", by_word=False)
_COUNTED_VALUE_RULE = _Rule(re.compile(""), QUANTITY, 0.85, "指标值以“{0}”计", by_word=False)
# A bare number as the target of something done (开展食品安全专项整治：2): how many times.
_DONE = re.compile(r"^(?:开展|召开|组织|举办|举行|完成|发放|新增|新建|修建|建设|购买|购置|采购|制作|印制|培训|检查|"
                   r"抽检|抽验|安装|改造|培育|种植|免费发放|支持|资助|扶持)")
_DONE_RULE = _Rule(_DONE, QUANTITY, 0.8, "名称说的是做了什么（“{0}”），指标值是个数", by_word=False)
_RATE_VALUE = _Rule(re.compile(""), QUANTITY, 0.8, "指标值写的是“{0}”", by_word=False)
# Weaker than a counted value: 开展律师事务所年度检查考核, 1次 counts inspections held.
_WEAK_QUALITY = _rule(r"考核|评估|标准", QUALITY, 0.75, "名称含“{0}”，衡量完成的质量")
# A qualitative target that names a standard (评估达标, 符合规范, 优良) measures quality.
_QUALITY_TARGET = _Rule(re.compile(r"达标|合格|规范|符合|优良|良好"), QUALITY, 0.75, "指标值“{0}”是质量标准", False)

# ---- the rules under 效益指标 ------------------------------------------------------------------------
# 环境 alone is often the living or business environment (生活环境, 营商环境): those are no ecology.
_ECOLOGY_WORDS = (r"生态|空气|大气|水质|水环境|污水|污染|排放|减排|节能|节水|能耗|森林|林木|林地|植被|绿化|绿地|造林|"
                  r"湿地|水土|土壤|碳|环保|环境质量|自然环境|人居环境|环境卫生|扬尘|降尘|负氧离子|水源|河道|河湖|"
                  r"农药|化肥|粪污|秸秆|垃圾|无纸化|噪声|野生动|生物多样")
_ECOLOGY = _rule(_ECOLOGY_WORDS, ECOLOGICAL, 0.9, "名称含“{0}”，是生态效益")
_ECONOMY = _rule(r"经济|收入|增收|创收|营收|产值|利润|税|降费|节约|节省|投资|消费|产业|就业|创业|亩均|增产|产量|"
                 r"增粮|负担|利息|租金|物业费|闲置|招商|GDP", ECONOMIC, 0.9, "名称含“{0}”，是经济效益")
_LASTING = _rule(r"可持续|持续|长效|长期|长远|机制|巩固|常态化|制度|体系建设|使用年限|年限|后续",
                 LASTING, 0.9, "名称含“{0}”，是可持续影响")
_LASTING_VALUE = _Rule(re.compile(r"长期|长效|持续|可持续"), LASTING, 0.7, "指标值“{0}”说的是长期影响", False)
_SOCIAL = _rule(r"群众|居民|市民|公众|百姓|社会|受益|知晓|安全感|稳定|和谐|民生|文明|秩序|公平|公正|法治|法律|"
                r"犯罪|纠纷|矛盾|救助|困难|弱势|就医|就学|入学|健康|医疗|服务水平|服务能力|生活|办结率|投诉",
                SOCIAL, 0.85, "名称含“{0}”，是社会效益", by_word=False)
_SOCIAL_DEFAULT = _Rule(re.compile(""), SOCIAL, 0.8, "效益指标中最常见的是社会效益", by_word=False)
_EFFECT_RULES = (_ECOLOGY, _ECONOMY, _LASTING)
# Words of more than one of those: offered, never applied in bulk.
_MIXED = _Rule(re.compile(""), SOCIAL, _SPLIT, "名称含{0}，说的不止一种效益", by_word=False)
# Money handled by the rules (符合财务规范) under 效益指标 is no effect of any kind: the 一级 is doubtful.
_NOT_AN_EFFECT = re.compile(r"财务|资金|经费|采购")
# ---- the rules under the 2021 variant's 成本指标 ----------------------------------------------------
_COST_LEVEL1_RULES = (_rule(_ECOLOGY_WORDS + r"|环境", ECOLOGICAL_COST, 0.85, "名称含“{0}”，是生态环境成本"),
                      _rule(r"社会|群众|文物|文化|就业|安全|稳定", SOCIAL_COST, 0.85, "名称含“{0}”，是社会成本"),
                      _rule(r"成本|费|资金|经费|预算|投入|投资|支出|价|元", ECONOMIC_COST, 0.85, "名称含“{0}”，是经济成本"))
_ECONOMIC_COST_DEFAULT = _Rule(re.compile(""), ECONOMIC_COST, 0.7, "成本指标下最常见的是经济成本")
# Suggesting the 一级 as well needs more than the 二级 alone: the name decides both.
_BOTH_LEVELS_FACTOR = 0.95
# A rule is weighed against the library entries it would classify: its prior counts as _RULE_WEIGHT entries,
# an entry of the declaration's own sector as 1 + _SECTOR_WEIGHT: sectors have their habits (a 司法局 files
# under 社会效益 what other departments would not).
_RULE_WEIGHT = 4.0
_SECTOR_WEIGHT = 5.0
# Names this similar (0..1, distinctive characters shared) are taken as the same indicator; from _NEAR
# the nearest names vote.
_SAME = 0.8
_NEAR = 0.5
_MEMO_SIZE = 20_000


@dataclass(frozen=True)
class LibraryEntry:
    """One published classification of an indicator name."""
    name: str
    level1: str
    level2: str
    source: str  # the document it was published in (its title), or BUILT_IN_SOURCE
    sector: str | None = None
    value: str | None = None  # the target value as published, where there was one


@dataclass(frozen=True)
class Suggestion:
    level2: str
    confidence: float
    reason: str  # in Chinese, for the fix and the clerk: 名称含“合格率”，衡量完成的质量；指标库中同类的…
    level1: str  # the indicator's 一级, or the one suggested with the 二级 when it had none
    evidence: tuple[LibraryEntry, ...] = ()  # the library entries the suggestion rests on, if any

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENT


class _Hit(NamedTuple):
    rule: _Rule
    word: str  # what the rule matched: the keyword, the unit, the value

    @property
    def key(self) -> tuple[str, str]:
        return (self.rule.why, self.word if self.rule.by_word else "")

    @property
    def why(self) -> str:
        return self.rule.why.format(self.word)


def sector_of(names: Iterable[str | None]) -> str | None:
    """The sector of the first name (the department's, then its units') that says one, or None."""
    for name in names:
        for sector, words in _SECTOR_WORDS:
            if name and re.search(words, name):
                return sector
    return None


def normalised_name(name: str) -> str:
    """The name compared with the library's: no spaces or marks, half-width brackets, no trailing target
    (`…率100%`, `…受案数30件/人以上`) and no trailing bracket (`…面积（亩）`, `…（≥**%）`)."""
    text = re.sub(r"[\s★☆*＊]+", "", name).replace("(", "（").replace(")", "）").replace("，", ",")
    for pattern in (_TRAILING_TARGET, _TRAILING_BRACKET, _TRAILING_TARGET):
        text = pattern.sub("", text) or text
    return text.rstrip("。.;；,")


_TRAILING_TARGET = re.compile(r"(达到?|不少于|不低于|不超过|控制在)?[0-9.]+(%|‰|[^\d（）,、]{1,3}(/[^\d（）,、]{1,2})?)?"
                              r"(及?以上|及?以下)?$")
_TRAILING_BRACKET = re.compile(r"（[^（）]*）$")


# ---- the library -------------------------------------------------------------------------------
def _grams(text: str) -> frozenset[str]:
    """Characters and pairs of characters of a normalised name: what two names share."""
    chars = [c for c in text if not c.isdigit() and c not in "（）,、:：-—“”\"'《》/%．."]
    return frozenset(chars) | frozenset(a + b for a, b in zip(chars, chars[1:]))


class _Library:
    """Entries by normalised name, and the names by their characters for likeness (weighted: a character
    every name has, 率 or 数, says less than 尘)."""

    def __init__(self, entries: Iterable[LibraryEntry]):
        self.entries = [e for e in entries if framework.fits(e.level1, e.level2)]
        self.by_name: dict[str, list[LibraryEntry]] = {}
        for entry in self.entries:
            self.by_name.setdefault(normalised_name(entry.name), []).append(entry)
        self.names = list(self.by_name)
        self.number = {name: number for number, name in enumerate(self.names)}
        self._grams = [_grams(name) for name in self.names]
        counts = Counter(gram for each in self._grams for gram in each)
        self._weight = {gram: math.log(1 + len(self.names) / count) for gram, count in counts.items()}
        self._default_weight = math.log(2 + len(self.names))
        self._size = [sum(self._weight[gram] for gram in each) for each in self._grams]
        # Candidates are found by their distinctive grams only (in at most 1 name of 20): a name that shares
        # none is never alike enough to count, and 率 or 数 would make every name a candidate.
        rare = max(3, len(self.names) // 20)
        self._posting: dict[str, list[int]] = {}
        for number, each in enumerate(self._grams):
            for gram in each:
                if counts[gram] <= rare:
                    self._posting.setdefault(gram, []).append(number)

    def same(self, name: str) -> list[LibraryEntry]:
        return self.by_name.get(normalised_name(name), [])

    def likeness(self, name: str) -> dict[int, float]:
        """The library names sharing a distinctive character with this one (by number) → how alike, 0..1."""
        grams = _grams(normalised_name(name))
        candidates = {number for gram in grams for number in self._posting.get(gram, ())}
        if not candidates:
            return {}
        weight = self._weight.get
        own = sum(weight(gram, self._default_weight) for gram in grams)
        alike = {}
        for number in candidates:
            common = sum(self._weight[gram] for gram in grams & self._grams[number])
            alike[number] = common / math.sqrt(own * self._size[number])
        return alike


def _fitting(entries: Iterable[LibraryEntry], level1: str, variant: str | None) -> list[LibraryEntry]:
    return [e for e in entries if e.level1 == level1 and framework.fits(level1, e.level2, variant)]


def _quoted(entry: LibraryEntry) -> str:
    return f"“{entry.name}”（{entry.source}）"


class Level2Suggester:
    """Suggestions from one indicator library: the bundled one, or one built from chosen sources to measure
    on indicators it was not built from (scripts/measure_level2*.py).

    names: the v1 form, 二级 → 三级 names (entries of BUILT_IN_SOURCE); entries: published classifications."""

    def __init__(self, names: Mapping[str, Iterable[str]] | None = None, entries: Iterable[LibraryEntry] = ()):
        self._library = _Library([*entries_from_names(names or {}), *entries])
        self._memo: dict[tuple, Suggestion | None] = {}
        # The library entries each rule and keyword would classify (with their names' numbers), to weigh
        # the rule by what their publishers said.
        self._classified: dict[tuple[str, str], list[tuple[int, LibraryEntry]]] = {}
        for entry in self._library.entries:
            hit = _rule_hit(entry.name, entry.level1, entry.value, None)
            if hit is not None:
                number = self._library.number[normalised_name(entry.name)]
                self._classified.setdefault(hit.key, []).append((number, entry))

    def suggest(self, name: str | None, level1: str | None, variant: str | None = None,
                annual_value: str | None = None, period_value: str | None = None,
                sector: str | None = None) -> Suggestion | None:
        """The 二级 (and the 一级 when level1 is empty) for an indicator, or None when there is nothing to
        go on. A suggestion below CONFIDENT is to be offered, not applied unasked. sector (sector_of the
        declaration's department) makes the library entries of that sector count more."""
        if not name or not name.strip():
            return None
        if level1 and not framework.is_known_level1(level1):
            return None
        value = annual_value or period_value
        key = (name, level1, variant, value, sector)
        if key not in self._memo:  # a declaration repeats its names: a project's indicators, last year's
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = self._suggest(name, level1, variant, value, sector)
        return self._memo[key]

    def _suggest(self, name: str, level1: str | None, variant: str | None, value: str | None,
                 sector: str | None) -> Suggestion | None:
        if level1:
            found = self._within(name, level1, variant, value, sector)
        else:
            found = self._with_level1(name, variant, value, sector)
        if found is None or found.confidence < OFFERED:
            return None
        if not framework.fits(found.level1, found.level2, variant):
            return None  # a rule must never hand out a 二级 the framework in use rejects
        return found

    def suggest_for(self, indicator: Indicator, variant: str | None = None,
                    sector: str | None = None) -> Suggestion | None:
        return self.suggest(indicator.name, indicator.level1, variant, indicator.annual_value, indicator.period_value,
                            sector)

    # ---- the evidence ---------------------------------------------------------------------------
    def _within(self, name: str, level1: str, variant: str | None, value: str | None,
                sector: str | None) -> Suggestion | None:
        only = framework.level2_choices(level1, variant)
        if len(only) == 1:
            return Suggestion(only[0], 1.0, f"{level1}下只有这一个二级指标", level1)
        if _SATISFACTION_WORDS.search(name) and level1 in (framework.OUTPUT, framework.EFFECT):
            return None  # a satisfaction under 产出/效益 (天河's 慰问对象满意度): the 一级 is what is wrong
        same = _fitting(self._library.same(name), level1, variant)
        if same:
            return _from_entries(same, level1, f"指标库中“{name}”")
        likeness = self._library.likeness(name)
        near = self._near(likeness, level1, variant)
        if near and near[0][0] >= _SAME:
            return _from_entries(near[0][1], level1, "指标库中相近的指标")
        hit = _rule_hit(name, level1, value, variant)
        if hit is None:
            return self._from_neighbours(near, level1)
        return self._weighed(hit, level1, likeness, near, sector)

    def _with_level1(self, name: str, variant: str | None, value: str | None,
                     sector: str | None) -> Suggestion | None:
        same = self._library.same(name)
        owners = {e.level1 for e in same}
        if len(owners) == 1:
            level1 = owners.pop()
            found = _from_entries(_fitting(same, level1, variant), level1, f"指标库中“{name}”")
            if found is not None:
                return _both(found, f"属于{level1}；")
        if _SATISFACTION_WORDS.search(name):
            return Suggestion(SERVED, 0.9, "名称含“满意”", framework.SATISFACTION)
        if _COST_WORDS.search(name):
            return None  # 成本 is an 一级 in one variant and a 二级 in the other: the clerk decides
        likeness = self._library.likeness(name)
        hit = _output_hit(name, variant, None)
        if hit is not None:
            near = self._near(likeness, framework.OUTPUT, variant)
            return _both(self._weighed(hit, framework.OUTPUT, likeness, near, sector), "")
        for rule in _EFFECT_RULES:
            if (match := rule.pattern.search(normalised_name(name))):
                near = self._near(likeness, framework.EFFECT, variant)
                hit = _Hit(rule, match.group(0))
                return _both(self._weighed(hit, framework.EFFECT, likeness, near, sector), "")
        return None

    def _near(self, likeness: dict[int, float], level1: str,
              variant: str | None) -> list[tuple[float, list[LibraryEntry]]]:
        """The library names at least _NEAR alike that have entries under level1, nearest first."""
        found = []
        for number, score in likeness.items():
            if score >= _NEAR:
                fitting = _fitting(self._library.by_name[self._library.names[number]], level1, variant)
                if fitting:
                    found.append((score, fitting))
        found.sort(key=lambda pair: -pair[0])
        return found[:3]

    def _weighed(self, hit: _Hit, level1: str, likeness: dict[int, float],
                 near: list[tuple[float, list[LibraryEntry]]], sector: str | None) -> Suggestion:
        """The rule's suggestion, its confidence weighed by what the library's publishers said of the entries
        the same rule and keyword would classify, and by the nearly alike names."""
        rule = hit.rule
        classified = self._classified.get(hit.key, ())
        counts = Counter(entry.level2 for _, entry in classified)
        examples: dict[str, tuple[float, LibraryEntry]] = {}
        for number, entry in classified:
            alike = likeness.get(number, 0.0)
            if entry.level2 not in examples or alike > examples[entry.level2][0]:
                examples[entry.level2] = (alike, entry)
        agree, total = counts[rule.level2], sum(counts.values())
        own = Counter(entry.level2 for _, entry in classified if sector and entry.sector == sector)
        confidence = ((rule.prior * _RULE_WEIGHT + agree + _SECTOR_WEIGHT * own[rule.level2])
                      / (_RULE_WEIGHT + total + _SECTOR_WEIGHT * sum(own.values())))
        if rule.why == _MIXED.why:
            confidence = min(confidence, _SPLIT)
        reason, evidence = hit.why, ()
        if total:
            reason += f"；指标库中同类的 {total} 个指标 {agree} 个属于{rule.level2}"
            if agree:
                evidence = (examples[rule.level2][1],)
                reason += f"（如{_quoted(evidence[0])}）"
            other = next((level2 for level2, _ in counts.most_common() if level2 != rule.level2), None)
            if other:
                example = examples[other][1]
                if counts[other] > agree + rule.prior * _RULE_WEIGHT:  # the library says otherwise: offer that
                    return Suggestion(other, _SPLIT, f"{hit.why}，但指标库中同类的 {total} 个指标 {counts[other]} 个"
                                      f"属于{other}（如{_quoted(example)}）", level1, (example,))
                reason += f"，{total - agree} 个属于别的二级（如{_quoted(example)}属于{other}）"
        votes = _votes(near)
        if votes and rule.level2 not in votes:  # a nearly alike name says otherwise
            level2, entry = next(iter(votes.values()))
            return Suggestion(rule.level2, min(confidence, _SPLIT),
                              f"{reason}；但指标库中最相近的{_quoted(entry)}属于{level2}", level1, evidence)
        return Suggestion(rule.level2, min(confidence, 0.95), reason, level1, evidence)

    def _from_neighbours(self, near: list[tuple[float, list[LibraryEntry]]], level1: str) -> Suggestion | None:
        votes = _votes(near)
        if len(votes) != 1:
            return None
        level2, entry = next(iter(votes.values()))
        return Suggestion(level2, _SPLIT + 0.1, f"指标库中相近的{_quoted(entry)}属于{level2}", level1, (entry,))


def _votes(near: list[tuple[float, list[LibraryEntry]]]) -> dict[str, tuple[str, LibraryEntry]]:
    """The 二级 of the nearest names (each with its nearest entry), nearest first."""
    votes: dict[str, tuple[str, LibraryEntry]] = {}
    for _score, entries in near:
        for entry in entries:
            votes.setdefault(entry.level2, (entry.level2, entry))
    return votes


def _from_entries(entries: list[LibraryEntry], level1: str, what: str) -> Suggestion | None:
    """The 二级 the library's entries for one name give: all of them, or their majority offered only."""
    if not entries:
        return None
    counts = Counter(e.level2 for e in entries)
    level2, count = counts.most_common(1)[0]
    backing = tuple(e for e in entries if e.level2 == level2)
    sources = "、".join(dict.fromkeys(f"“{e.name}”（{e.source}）" for e in backing[:2]))
    if len(counts) == 1:
        more = f"等 {len(backing)} 处" if len(backing) > 2 else ""
        return Suggestion(level2, 0.95, f"{what}属于{level2}：{sources}{more}", level1, backing)
    others = "、".join(f"{other} {n} 处" for other, n in counts.items() if other != level2)
    confidence = _SPLIT if count > len(entries) - count else OFFERED
    return Suggestion(level2, confidence, f"{what}的归类不一：{level2} {count} 处（{sources}），{others}", level1, backing)


def _both(found: Suggestion | None, prefix: str) -> Suggestion | None:
    if found is None:
        return None
    return Suggestion(found.level2, found.confidence * _BOTH_LEVELS_FACTOR, prefix + found.reason, found.level1,
                      found.evidence)


def _rule_hit(name: str, level1: str | None, value: str | None, variant: str | None) -> _Hit | None:
    if level1 == framework.OUTPUT:
        return _output_hit(name, variant, value)
    if level1 == framework.EFFECT:
        return _effect_hit(name, value)
    if level1 == framework.COST:
        return _cost_hit(name, value)
    return None


def _output_hit(raw_name: str, variant: str | None, value: str | None) -> _Hit | None:
    bracketed = _BRACKETED.search(raw_name)
    if bracketed and bracketed.group(1) in _COUNT_UNITS:
        return _Hit(_Rule(_BRACKETED, QUANTITY, 0.9, "名称注明以“{0}”计", by_word=False), bracketed.group(1))
    name = normalised_name(raw_name)
    if _SATISFACTION_WORDS.search(name):
        return None  # a satisfaction under 产出指标: the 一级 is what is wrong
    if (match := _COST_WORDS.search(name)):
        # In the 2021 framework a cost is an 一级 of its own: moving it there is the clerk's call.
        return None if variant == framework.NEWER else _Hit(_COST_RULE, match.group(0))
    value = (value or "").strip()
    unit = _counted_unit(value)
    for rule in _OUTPUT_RULES:
        if (match := rule.pattern.search(name)):
            if rule is _ENDS_IN_COUNT and (_RATIO.search(name) or "%" in value):
                break  # a ratio or a share, not a count
            if rule is _QUALITY_RULE and unit and not re.search(r"[率性度]$", name):
                return _Hit(_COUNTED_VALUE_RULE, unit)  # 完成…考核及验收, 11所: how many were done
            return _Hit(rule, match.group(0))
    if not value:
        return None
    if (match := _DATE_VALUE.search(value)):
        return _Hit(_DATE_VALUE_RULE, value)
    if _MONEY_VALUE.search(value):
        return None if variant == framework.NEWER else _Hit(_MONEY_VALUE_RULE, "元")
    if unit:
        return _Hit(_COUNTED_VALUE_RULE, unit)
    if (match := _DONE.search(name)) and re.fullmatch(r"[≥>＞=＝]?\s*\d+", value):
        return _Hit(_DONE_RULE, match.group(0))
    if (match := _WEAK_QUALITY.pattern.search(name)):
        return _Hit(_WEAK_QUALITY, match.group(0))
    if _QUALITY_TARGET.pattern.search(value) and not re.search(r"\d|时间|及时", value):
        return _Hit(_QUALITY_TARGET, value)
    if (match := _QUANTITY_RATE.pattern.search(value)):
        return _Hit(_RATE_VALUE, match.group(0))
    return None


def _counted_unit(value: str) -> str | None:
    """The count unit right after the value's number (`≥200人次`, `550万粒`: 人次, 粒), or None."""
    match = re.search(r"\d\s*[万千百]?([^\d\s%％‰.,，;；/、（）()]{1,3})", value)
    if not match:
        return None
    for unit in sorted(_COUNT_UNITS, key=len, reverse=True):
        if match.group(1).startswith(unit):
            return unit
    return None


def _effect_hit(raw_name: str, value: str | None) -> _Hit | None:
    name = normalised_name(raw_name)
    if _SATISFACTION_WORDS.search(name):
        return None
    hits = [_Hit(rule, match.group(0)) for rule in _EFFECT_RULES if (match := rule.pattern.search(name))]
    if value and (match := _LASTING_VALUE.pattern.search(value)):
        hits.append(_Hit(_LASTING_VALUE, value.strip()))
    if len({hit.rule.level2 for hit in hits}) > 1:  # 促进人口与经济、社会、资源、环境协调和可持续发展
        words = "、".join(dict.fromkeys(f"“{hit.word}”" for hit in hits))
        return _Hit(_MIXED._replace(level2=hits[0].rule.level2), words)
    if hits:
        return hits[0]
    if (match := _SOCIAL.pattern.search(name)):  # 社会 and its like come in every kind's names: only now
        return _Hit(_SOCIAL, match.group(0))
    if _NOT_AN_EFFECT.search(name):
        return None
    return _Hit(_SOCIAL_DEFAULT, "")


def _cost_hit(raw_name: str, value: str | None) -> _Hit:
    name = normalised_name(raw_name)
    for rule in _COST_LEVEL1_RULES:
        if (match := rule.pattern.search(name)):
            return _Hit(rule, match.group(0))
    if value and _MONEY_VALUE.search(value):
        return _Hit(_Rule(re.compile(""), ECONOMIC_COST, 0.85, "指标值以“元”计，是经济成本"), "")
    return _Hit(_ECONOMIC_COST_DEFAULT, "")


def _level1_of(level2: str, variant: str | None) -> str | None:
    """The one 一级 a 二级 belongs to in the variant (both variants when unknown, if they agree)."""
    chosen = [framework.variants()[variant]] if variant else list(framework.variants().values())
    owners = {level1 for levels in chosen for level1, names in levels.items() if level2 in names}
    return owners.pop() if len(owners) == 1 else None


# ---- building and loading the library --------------------------------------------------------------
def entries_from_names(names: Mapping[str, Iterable[str]], source: str = BUILT_IN_SOURCE,
                       sector: str | None = BUILT_IN_SECTOR) -> list[LibraryEntry]:
    """The v1 form (二级 → 三级 names; 一级 keys of names without a 二级 are left out) as entries of one sector
    (the built-in list's tables are 司法局's). 成本指标 there is the older variant's 二级 under 产出指标."""
    entries = []
    for level2, listed in names.items():
        level1 = framework.OUTPUT if level2 == COST else _level1_of(level2, None)
        if level1 is None or not framework.is_known_level2(level2):
            continue
        entries += [LibraryEntry(name, level1, level2, source, sector) for name in listed if name]
    return entries


def entries_from_v2(library: Mapping) -> list[LibraryEntry]:
    """The entries of a v2 library (scripts/build_library_v2.py) that have a 二级, each with its first
    source's title."""
    titles = {key: (value or {}).get("title") or key for key, value in (library.get("sources") or {}).items()}
    entries = []
    for item in library.get("entries") or []:
        level1, level2, name = item.get("level1"), item.get("level2"), item.get("name")
        if not (name and level2 and framework.fits(level1, level2)):
            continue
        sources = item.get("sources") or []
        source = titles.get(sources[0], sources[0]) if sources else "指标库"
        if len(sources) > 1:
            source += f" 等 {len(sources)} 份"
        entries.append(LibraryEntry(name, level1, level2, source, item.get("sector"), item.get("example_value")))
    return entries


def build_library(indicators: Iterable[Indicator],
                  base: Mapping[str, Iterable[str]] | None = None) -> dict[str, list[str]]:
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


def _read_json(name: str):
    try:
        return json.loads(resource_file(name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


@lru_cache(maxsize=1)
def indicator_library() -> dict[str, list[str]]:
    """resources/indicator_library.json (三级 names by 二级), read once; {} when it is missing or broken: the
    completer and the suggester are helps, so they go without (the suggester on its name rules alone) and
    `selftest` reports it, instead of a traceback in every problem's tooltip."""
    library = _read_json(INDICATOR_LIBRARY)
    return library if isinstance(library, dict) else {}


@lru_cache(maxsize=1)
def library_v2() -> dict:
    """resources/indicator_library_v2.json (published indicators of every sector with their sources), read
    once; {} when it is missing or broken."""
    library = _read_json(INDICATOR_LIBRARY_V2)
    return library if isinstance(library, dict) and isinstance(library.get("entries"), list) else {}


@lru_cache(maxsize=1)
def names_by_level2() -> dict[str, list[str]]:
    """Every name of both libraries by 二级 (by 一级 where it has none), the built-in ones first: the completer's."""
    names = {key: list(listed) for key, listed in indicator_library().items()}
    for item in library_v2().get("entries", []):
        key, name = item.get("level2") or item.get("level1"), item.get("name")
        if key and name and name not in names.setdefault(key, []):
            names[key].append(name)
    return names


@lru_cache(maxsize=1)
def bundled_suggester() -> Level2Suggester:
    """The suggester over the bundled indicator libraries, made once."""
    return Level2Suggester(indicator_library(), entries_from_v2(library_v2()))
