"""The keyword rules of the 二级 suggester: the 二级 an indicator's name or target value points to under its
一级, each rule with its prior (its confidence when the library has nothing to say about it) and its reason
in Chinese. level2_suggest.py weighs every rule against the indicator library.

What they read: a unit written into the name (`…（场次）`), the name's keywords (合格率 → 质量, 及时 → 时效,
人次 → 数量, 空气质量 → 生态效益, 就业/收入 → 经济效益, 长效机制 → 可持续影响 …), the target value (a date
→ 时效, 元 → 成本, a counted `2次` → 数量), and under 效益指标 the commonest 二级, 社会效益指标.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from . import framework
from .indicator_library import normalised_name

QUANTITY, QUALITY, TIMELINESS, COST = "数量指标", "质量指标", "时效指标", "成本指标"
ECONOMIC, SOCIAL, ECOLOGICAL, LASTING = "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"
SERVED = "服务对象满意度指标"
ECONOMIC_COST, SOCIAL_COST, ECOLOGICAL_COST = "经济成本指标", "社会成本指标", "生态环境成本指标"
# A suggestion the library itself contradicts or splits on, or a name that says several kinds of effect:
# offered, never applied in bulk.
SPLIT = 0.6


# Units that count things done (a number of sessions, cases, people); a name or value in them is a 数量.
_COUNT_UNITS = ("人次", "场次", "次数", "个数", "人数", "批次", "次", "场", "个", "件", "宗", "例", "份", "册", "期",
                "批", "家", "项", "篇", "户", "名", "人", "所", "本", "条", "台", "套", "课时", "学时", "亩", "公里",
                "千米", "米", "平方米", "万亩", "公顷", "辆", "座", "处", "种", "间", "架", "块", "株", "只", "头",
                "吨", "天", "单")
_BRACKETED = re.compile(r"[（(]([^（）()]{1,6})[)）]\s*$")


class Rule(NamedTuple):
    """Names or values this pattern finds are of this 二级; why is the reason, {0} what was found."""
    pattern: re.Pattern
    level2: str
    prior: float  # the confidence when the library has nothing to say about the rule
    why: str
    by_word: bool = True  # weighed by the library keyword by keyword (a rule on the value: as a whole)


class Hit(NamedTuple):
    """A rule that found something in an indicator's name or value."""
    rule: Rule
    word: str  # what the rule matched: the keyword, the unit, the value

    @property
    def key(self) -> tuple[str, str]:
        """What the rule is weighed by against the library: the rule with its keyword, or a rule on the value
        as a whole."""
        return (self.rule.why, self.word if self.rule.by_word else "")

    @property
    def why(self) -> str:
        return self.rule.why.format(self.word)


def _rule(words: str, level2: str, prior: float, why: str, by_word: bool = True) -> Rule:
    return Rule(re.compile(words), level2, prior, why, by_word)


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
COST_WORDS = re.compile(r"成本|单价|造价|价格|市场价|人均经费|费用标准|补助标准|预算控制|投资额|总投入|总投资|节支|"
                         r"(?<!消)费$")
_COST_RULE = Rule(COST_WORDS, COST, 0.85, "名称说的是成本（“{0}”）")
SATISFACTION_WORDS = re.compile(r"满意")
# A target value that is a date, a month, a deadline or a number of days: 时效. 2023.12 is a date, 10157.6 平方米
# and 2023.5 吨 are not.
_DATE_VALUE = re.compile(r"^\s*(?:[≤<＜]|不超过|不晚于)?\s*(?:\d{4}\s*年(?:\s*\d{1,2}\s*月)?|\d{1,2}\s*月)"
                         r"|(?<![\d.])(?:19|20)\d{2}[.\-/](?:1[0-2]|0?[1-9])(?![\d.])(?!\s*(?:平方|立方|[米吨亩元个人次件份台套%％]|公里|万))|年底|年末|月底|月末|前完成|之前|\d+\s*个?(?:工作日|日内|天内)|按月|按季")
_DATE_VALUE_RULE = Rule(_DATE_VALUE, TIMELINESS, 0.85, "指标值“{0}”是时间", by_word=False)
_MONEY_VALUE = re.compile(r"\d\s*(?:万元|元)")
_MONEY_VALUE_RULE = Rule(_MONEY_VALUE, COST, 0.8, "指标值以“元”计，是成本", by_word=False)
_COUNTED_VALUE_RULE = Rule(re.compile(""), QUANTITY, 0.85, "指标值以“{0}”计", by_word=False)
# A bare number as the target of something done (开展食品安全专项整治：2): how many times.
_DONE = re.compile(r"^(?:开展|召开|组织|举办|举行|完成|发放|新增|新建|修建|建设|购买|购置|采购|制作|印制|培训|检查|"
                   r"抽检|抽验|安装|改造|培育|种植|免费发放|支持|资助|扶持)")
_DONE_RULE = Rule(_DONE, QUANTITY, 0.8, "名称说的是做了什么（“{0}”），指标值是个数", by_word=False)
_RATE_VALUE = Rule(re.compile(""), QUANTITY, 0.8, "指标值写的是“{0}”", by_word=False)
# Weaker than a counted value: 开展律师事务所年度检查考核, 1次 counts inspections held.
_WEAK_QUALITY = _rule(r"考核|评估|标准", QUALITY, 0.75, "名称含“{0}”，衡量完成的质量")
# A qualitative target that names a standard (评估达标, 符合规范, 优良) measures quality.
_QUALITY_TARGET = Rule(re.compile(r"达标|合格|规范|符合|优良|良好"), QUALITY, 0.75, "指标值“{0}”是质量标准", False)

# ---- the rules under 效益指标 ------------------------------------------------------------------------
# 环境 alone is often the living or business environment (生活环境, 营商环境): those are no ecology.
_ECOLOGY_WORDS = (r"生态|空气|大气|水质|水环境|污水|污染|排放|减排|节能|节水|能耗|森林|林木|林地|植被|绿化|绿地|造林|"
                  r"湿地|水土|土壤|碳|环保|环境质量|自然环境|人居环境|环境卫生|扬尘|降尘|负氧离子|水源|河道|河湖|"
                  r"农药|化肥|粪污|秸秆|垃圾|无纸化|噪声|野生动|生物多样")
_ECOLOGY = _rule(_ECOLOGY_WORDS, ECOLOGICAL, 0.9, "名称含“{0}”，是生态效益")
_ECONOMY = _rule(r"经济|收入|增收|创收|营收|产值|利润|税|降费|节约|节省|投资|消费(?!者)|产业|就业|创业|亩均|增产|产量|"
                 r"增粮|负担|利息|租金|物业费|闲置|招商|GDP", ECONOMIC, 0.9, "名称含“{0}”，是经济效益")
_LASTING = _rule(r"可持续|持续|长效|长期|长远|机制|巩固|常态化|制度|体系建设|使用年限|年限|后续",
                 LASTING, 0.9, "名称含“{0}”，是可持续影响")
_LASTING_VALUE = Rule(re.compile(r"长期|长效|持续|可持续"), LASTING, 0.7, "指标值“{0}”说的是长期影响", False)
_SOCIAL = _rule(r"群众|居民|市民|公众|百姓|社会|受益|知晓|安全感|稳定|和谐|民生|文明|秩序|公平|公正|法治|法律|"
                r"犯罪|纠纷|矛盾|救助|困难|弱势|就医|就学|入学|健康|医疗|服务水平|服务能力|生活|办结率|投诉",
                SOCIAL, 0.85, "名称含“{0}”，是社会效益", by_word=False)
_SOCIAL_DEFAULT = Rule(re.compile(""), SOCIAL, 0.8, "效益指标中最常见的是社会效益", by_word=False)
_EFFECT_RULES = (_ECOLOGY, _ECONOMY, _LASTING)
# Words of more than one of those: offered, never applied in bulk.
MIXED = Rule(re.compile(""), SOCIAL, SPLIT, "名称含{0}，说的不止一种效益", by_word=False)
# Money handled by the rules (符合财务规范) under 效益指标 is no effect of any kind: the 一级 is doubtful.
_NOT_AN_EFFECT = re.compile(r"财务|资金|经费|采购")
# ---- the rules under the 2021 variant's 成本指标 ----------------------------------------------------
_COST_LEVEL1_RULES = (_rule(_ECOLOGY_WORDS + r"|环境", ECOLOGICAL_COST, 0.85, "名称含“{0}”，是生态环境成本"),
                      _rule(r"社会|群众|文物|文化|就业|安全|稳定", SOCIAL_COST, 0.85, "名称含“{0}”，是社会成本"),
                      _rule(r"成本|费|资金|经费|预算|投入|投资|支出|价|元", ECONOMIC_COST, 0.85, "名称含“{0}”，是经济成本"))
_ECONOMIC_COST_DEFAULT = Rule(re.compile(""), ECONOMIC_COST, 0.7, "成本指标下最常见的是经济成本")


# ---- what the rules find -----------------------------------------------------------------------------
def rule_hit(name: str, level1: str | None, value: str | None, variant: str | None) -> Hit | None:
    """The rule that finds something in the name or value under this 一级, or None."""
    if level1 == framework.OUTPUT:
        return output_hit(name, variant, value)
    if level1 == framework.EFFECT:
        return _effect_hit(name, value)
    if level1 == framework.COST:
        return _cost_hit(name, value)
    return None


def output_hit(raw_name: str, variant: str | None, value: str | None) -> Hit | None:
    """The first of the rules under 产出指标 that finds something, or None (a satisfaction or, in the 2021
    variant, a cost: another 一级 is what is wrong)."""
    bracketed = _BRACKETED.search(raw_name)
    if bracketed and bracketed.group(1) in _COUNT_UNITS:
        return Hit(Rule(_BRACKETED, QUANTITY, 0.9, "名称注明以“{0}”计", by_word=False), bracketed.group(1))
    name = normalised_name(raw_name)
    if SATISFACTION_WORDS.search(name):
        return None  # a satisfaction under 产出指标: the 一级 is what is wrong
    if (match := COST_WORDS.search(name)):
        # In the 2021 framework a cost is an 一级 of its own: moving it there is the clerk's call.
        return None if variant == framework.NEWER else Hit(_COST_RULE, match.group(0))
    value = (value or "").strip()
    unit = _counted_unit(value)
    for rule in _OUTPUT_RULES:
        if (match := rule.pattern.search(name)):
            if rule is _ENDS_IN_COUNT and (_RATIO.search(name) or "%" in value):
                break  # a ratio or a share, not a count
            if rule is _QUALITY_RULE and unit and not re.search(r"[率性度]$", name):
                return Hit(_COUNTED_VALUE_RULE, unit)  # 完成…考核及验收, 11所: how many were done
            return Hit(rule, match.group(0))
    if not value:
        return None
    if (match := _DATE_VALUE.search(value)):
        return Hit(_DATE_VALUE_RULE, value)
    if _MONEY_VALUE.search(value):
        return None if variant == framework.NEWER else Hit(_MONEY_VALUE_RULE, "元")
    if unit:
        return Hit(_COUNTED_VALUE_RULE, unit)
    if (match := _DONE.search(name)) and re.fullmatch(r"[≥>＞=＝]?\s*\d+", value):
        return Hit(_DONE_RULE, match.group(0))
    if (match := _WEAK_QUALITY.pattern.search(name)):
        return Hit(_WEAK_QUALITY, match.group(0))
    if _QUALITY_TARGET.pattern.search(value) and not re.search(r"\d|时间|及时", value):
        return Hit(_QUALITY_TARGET, value)
    if (match := _QUANTITY_RATE.pattern.search(value)):
        return Hit(_RATE_VALUE, match.group(0))
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


def effect_keyword_hit(raw_name: str) -> Hit | None:
    """The first kind of effect the name's keywords say (生态, 经济, 可持续), or None: enough to suggest the
    一级 效益指标 as well, where _effect_hit's weaker rules are not."""
    name = normalised_name(raw_name)
    for rule in _EFFECT_RULES:
        if (match := rule.pattern.search(name)):
            return Hit(rule, match.group(0))
    return None


def _effect_hit(raw_name: str, value: str | None) -> Hit | None:
    name = normalised_name(raw_name)
    if SATISFACTION_WORDS.search(name):
        return None
    hits = [Hit(rule, match.group(0)) for rule in _EFFECT_RULES if (match := rule.pattern.search(name))]
    if value and (match := _LASTING_VALUE.pattern.search(value)):
        hits.append(Hit(_LASTING_VALUE, value.strip()))
    if len({hit.rule.level2 for hit in hits}) > 1:  # 促进人口与经济、社会、资源、环境协调和可持续发展
        words = "、".join(dict.fromkeys(f"“{hit.word}”" for hit in hits))
        return Hit(MIXED._replace(level2=hits[0].rule.level2), words)
    if hits:
        return hits[0]
    if (match := _SOCIAL.pattern.search(name)):  # 社会 and its like come in every kind's names: only now
        return Hit(_SOCIAL, match.group(0))
    if _NOT_AN_EFFECT.search(name):
        return None
    return Hit(_SOCIAL_DEFAULT, "")


def _cost_hit(raw_name: str, value: str | None) -> Hit:
    name = normalised_name(raw_name)
    for rule in _COST_LEVEL1_RULES:
        if (match := rule.pattern.search(name)):
            return Hit(rule, match.group(0))
    if value and _MONEY_VALUE.search(value):
        return Hit(Rule(re.compile(""), ECONOMIC_COST, 0.85, "指标值以“元”计，是经济成本"), "")
    return Hit(_ECONOMIC_COST_DEFAULT, "")

