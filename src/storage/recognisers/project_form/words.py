"""The words of a per-project form: each field's labels as publishers print them, the indicator table's headers, the
words of a 自评表 and of a form with a period's and a year's indicator table — compared by label_key without a trailing
colon, a leading 其中 or a (万元)."""

from __future__ import annotations

import re

from ..published import (
    ACHIEVED_WORDS,
    COMPARATOR_WORDS,
    EXPECTED_WORDS,
    VALUE_UNIT_WORDS,
    loose_label,
)

_FIELD_WORDS = {
    # 项目支出名称 (湘潭), 转移支付（项目）名称 (财政部's 区域绩效目标表), 服务项目名称 (政府购买服务): the project's name
    "name": ("项目名称", "项目支出名称", "转移支付(项目)名称", "转移支付项目名称", "转移支付名称", "专项名称", "专项资金名称",
             "服务项目名称", "专项(项目)名称", "专项资金(项目)名称", "项目(专项)名称",  # these three: 陕西's 专项 forms
             "二级项目名称",  # 甘肃's: the project, under its 一级项目名称 (the fund it is paid from)
             "资金名称"),  # 重庆忠县's 区域绩效目标表 of a 奖励资金
    # 预算部门 (湘潭) and 地方主管部门 (区域绩效目标表) name the department, as 主管部门 does
    "supervisor": ("主管部门", "主管部门及代码", "主管单位", "主管部门名称", "预算部门", "地方主管部门", "区县主管部门"),
    # 购买主体: the unit that buys a 政府购买服务 (its 承接主体 is the contractor, no unit of the declaration)
    "unit": ("实施单位", "预算单位", "项目单位", "申报单位", "项目实施单位", "资金使用单位", "预算单位名称", "实施单位名称",
             "项目执行单位", "执行单位", "购买主体", "申报单位名称", "项目单位(印章)"),
    "period": ("实施周期", "项目期", "项目周期", "项目实施周期", "项目起止时间", "起止时间", "实施期限"),
}
# The year's words first: a form that prints the whole period's amount beside the year's (资金总额 | 当年资金总额,
# 财政拨款 | 当年财政拨款) declares the year's.
_FUND_WORDS = {
    "total": ("当年资金总额", "项目当年预算", "当年预算", "本年度预算", "年度资金总额", "资金总额", "项目资金总额", "年度预算资金总额",
              "项目总金额", "年度金额", "年度金额合计", "当年年度预算",
              "下达中央预算内投资",  # 重庆's 审批表, under 项目总预算
              "年度财政资金总额",  # 云南's 自评表: the form's one amount, the base of its 执行率
              "预算申报数"),  # 甘肃's: the year's request, beside 项目总投资 (the whole project's)
    "fiscal": ("当年财政拨款", "本年财政拨款", "财政拨款", "财政资金", "财政拨款资金", "一般公共预算资金", "本级财政资金",
               "市财政资金", "区财政资金", "县财政资金", "市级财政资金", "区级财政资金", "县级财政资金",
               "市级财政拨款", "区级财政拨款", "县级财政拨款"),
    "special_account": ("财政专户拨款", "财政专户管理资金", "纳入财政专户管理的收入"),
    "other": ("当年其他资金", "其他资金", "其它资金", "未纳入财政专户管理的收入", "单位自筹资金", "自筹资金", "自有资金", "事业收入", "经营性收入", "经营收入", "其他收入",
              "其他", "其它"),
}
# The other money some forms print as several sources side by side (佳县: 自有资金 | 事业收入 | 经营性收入 | 其他): summed
# where the sum, not one of them, is what the total leaves after the fiscal money (a list whose 自有资金 is a 小计 over
# 事业收入 and 经营性收入 — 昭化 — adds up with the first alone).
_OTHER_PARTS = _FUND_WORDS["other"][1:]
# A table of the amounts by year (项目 | 上年度预算安排 | 上年度实际执行 | 本年度申请金额 — 大庆): the year's column is read.
_YEAR_COLUMN_WORDS = ("本年度申请金额", "本年度申请数", "本年申请金额", "本年度预算数", "本年预算数", "本年度预算安排",
                      "当年申请金额", "本年度金额", "本年度申请")
_TOTAL_IN_SOURCES = ("合计", "总计", "小计")  # a total among the sources' labels (大庆's rows, a header over 合计 | 财政资金)
# The parts some forms split the fiscal money into (上级 | 同级): summed when the form prints no 财政拨款 of its own.
# 年度本级预算金额 | 该项目支出上级资金 (湘潭), 其中：中央补助 | 地方资金 (财政部's 区域绩效目标表) are such parts too.
_FISCAL_PARTS = ("上级财政补助资金", "上级财政资金", "上级补助资金", "上级资金", "同级财政资金", "同级财政补助资金",
                 "该项目支出上级资金", "年度本级预算金额", "本级预算金额", "中央补助", "中央补助资金", "地方资金",
                 # 广西's 2021 form lists the fiscal money by budget: 一般公共预算拨款 | 政府性基金预算拨款 | 国有资本经营预算拨款
                 "一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款",
                 "中央、省、市补助县级资金",  # 湖南's 县级专项资金 forms (the county's own money beside it)
                 "中央补助安排", "省级财政安排")  # 甘肃's
# Labels by their shape where publishers vary the words: a list item's number (（一）财政拨款小计, 1、一般公共预算) and
# 小计 are no part of the label; the year's fiscal money asked for (本年度申请市财政预算资金) is 当年财政拨款.
_ITEM_NUMBER = re.compile(r"^(?:\(?[一二三四五六七八九十]+[)、.]|\(?\d+[)、.])")
_GLOSS = re.compile(r"^(.{2,}?)\(.*\)$")
_YEAR_FISCAL = re.compile(r"^(?:本年度|当年|本年|年度)(?:申请)?(?:[省市区县]|本)?级?财政(?:预算)?(?:资金|拨款)(?:数)?$")
_GOAL_WORDS = ("年度目标", "年度绩效目标", "本年度目标", "年度总体目标", "本年度绩效目标", "年度主要目标和成果",
               "年度总体目标完成情况")  # the project's goal is the year's; the last a 自评表's (安徽宣城), under 预期目标
_WHOLE_GOAL_WORDS = ("绩效目标", "项目绩效目标", "总体目标", "总体绩效目标", "项目总体绩效目标")  # taken when the form has no year's goal
_PERIOD_GOAL_WORDS = ("实施期目标", "实施期总目标", "中长期目标", "实施期绩效目标", "总目标", "长期目标")  # no place for it
_OTHER_LABELS = ("项目资金", "项目资金(万元)", "项目资金(元)", "绩效指标", "年度绩效指标", "项目属性", "项目类型", "项目类别",
                 "项目预算", "项目预算(万元)", "资金情况", "资金情况(万元)", "项目资金申请(万元)", "项目绩效目标描述",
                 "项目负责人", "联系电话", "主管部门编码",
                 "一级项目名称", "项目总投资")  # 甘肃's: the fund a project is paid from, the whole project's cost
# Forms that set targets for the whole period and for the year print two indicator tables, each headed on its left:
_PERIOD_TABLE_WORDS = ("总目标绩效指标", "长期绩效指标", "中长期绩效指标", "实施期绩效指标", "总体绩效指标")
_YEAR_TABLE_WORDS = ("年度绩效指标", "本年度绩效指标", "本年绩效指标")
# A 绩效自评表 (the template's self-evaluation of a year done) holds a declaration's facts beside what was achieved:
# its 预期目标 under the goal's label, its 年初预算数 column of the amounts, its 年度指标值 column. Its words:
_PLANNED_WORDS = ("年初预算数", "年初预算", "预算数", "全年预算数")  # the amounts' column the year began with
_PLANNED_BARE = frozenset(loose_label(word) for word in _PLANNED_WORDS)  # 全年预算数（A）: with its column's letter
_CARRIED_WORDS = ("上年结转资金", "上年结转", "上年结余收入", "上年结余")  # money of the year before: no place among a project's sources
_INDICATOR_WORDS = {
    "level1": ("一级指标", "一级"),  # 一级 | 二级 | 三级 | 年度数值: 山东临邑's 申报表
    "level2": ("二级指标", "二级"),
    "name": ("三级指标", "三级指标名称", "指标名称", "指标内容", "绩效目标内容", "三级"),  # 绩效目标内容: 上海's 评审申报表
    "annual_value": ("年度指标值", "指标值", "年度目标值", "目标值", "指标目标值", "预期指标值", "年度预期指标值", "预期目标值", "预期实现值",
                     "指标值及单位", "计划水平", "本年度计划水平", "绩效目标值", "年度数值"),
    "period_value": ("实施周期指标值", "实施期指标值", "实施期目标值", "中长期指标值"),
    "comparator": COMPARATOR_WORDS,
    "unit": (*VALUE_UNIT_WORDS, "单位"),
}
# Indicator table columns that hold no fact of the declaration: left out without a word.
_NO_FACT_HEADERS = frozenset({"备注", "序号", "权重", "分值", "权重(%)", "分值(分)", "指标解释", "指标说明", "评分标准",
                              "计算方法", "评(扣)分标准", "指标值说明", "数据来源", "考核方式",
                              "指标方向性"})  # 正向指标 / 反向指标 (海南's form, beside its 绩效指标性质 ≥ / = / 定性)
# A cell merged down the table's left: in every row.
_SIDE_LABELS = frozenset({"绩效指标", "年度绩效指标", "项目绩效指标", *_PERIOD_TABLE_WORDS, *_YEAR_TABLE_WORDS})
# A 自评表's (or a scored form's) sum of the scores under its indicators: the table's last row, no indicator's.
_SCORE_TOTAL_WORDS = frozenset({"总分", "合计得分", "得分合计", "总得分"})  # anywhere in the row (永德: 其他需要说明事项 | 无 | 总分)
_TOTAL_ROW_WORDS = frozenset({"合计", "总计", *_SCORE_TOTAL_WORDS})
# 指标1：… of the template's blank rows; 1.观众满意度 of a form that numbers its items (not 3.5万亩: a number); ★ before
# a name marks a template's core indicator (★农村低保发放人数), no word of the name either
_NUMBERED_NAME = re.compile(r"^[★☆]?\s*(?:指标\s*\d+\s*[:：]|\d{1,2}\s*[.．、](?!\d))?\s*")
# 项目名称：… — a label and its value in one cell; a leading 其中： is the form's, not the label's (其中：财政拨款：75).
_INLINE = re.compile(r"^\s*(?:其中\s*[:：]\s*)?([^:：\n]{2,16}?)\s*[:：]\s*(\S.*)$", re.S)
# 其中：上级资金16 — an amount glued to its label, no colon between (taken only when the label is a known one).
_GLUED_AMOUNT = re.compile(r"^\s*(?:其中\s*[:：]\s*)?([^\d:：\n]{2,16}?)\s*(\d[\d,，]*(?:\.\d+)?\s*(?:万元|元)?)\s*$")
_FORM_TITLE = re.compile(r"绩效目标.{0,6}表")  # 项目支出绩效目标申报表（2024年度）: the next form begins
# 附表3：2023年中央农业产业发展资金分配表（单位：万元） merged across an indicator table's row: another table's title (江西
# 宜春's notice, its 分配表 of amounts across ten counties under it), the indicators end; 一、产出指标 so merged does not
_TABLE_TITLE = re.compile(r"^\s*(?:附表|附件)\s*\d|表\s*(?:[(（][^()（）]*[)）])?\s*$")
_LABEL_ROWS = 40  # the form's labelled fields stand within this many rows above its indicator table


def _key(value: object) -> str:
    """A label compared loosely (loose_label); a label whose words vary by shape given its listed word."""
    key = loose_label(value)
    if key in _ALL_LABELS or not key:
        return key
    bare = _ITEM_NUMBER.sub("", key).removesuffix("小计")
    if bare.endswith("数") and bare[:-1] in _WRITTEN_FUND_KEYS:
        bare = bare[:-1]  # 其中：财政拨款数 (乌海): the amount of the source, as 财政拨款 is
    glossed = _GLOSS.match(bare)  # 项目绩效目标（含项目概况、设立依据…）: the label before its gloss
    bare = glossed.group(1) if glossed and (glossed.group(1) in _ALL_LABELS or glossed.group(1) in _PLANNED_BARE) else bare
    if _YEAR_FISCAL.match(bare):
        return "当年财政拨款"
    return bare if bare != key and bare in _ALL_LABELS else key


_ALL_LABELS = frozenset(loose_label(word) for words in (*_FIELD_WORDS.values(), *_FUND_WORDS.values(), _FISCAL_PARTS, _GOAL_WORDS,
                                                  _WHOLE_GOAL_WORDS, _PERIOD_GOAL_WORDS, _OTHER_LABELS,
                                                  ACHIEVED_WORDS, _CARRIED_WORDS)
                        for word in words)
# the sources as written (labels.py keeps its own set, keyed by _key and holding 当年财政拨款's parts too)
_WRITTEN_FUND_KEYS = frozenset(loose_label(word) for words in _FUND_WORDS.values() for word in words)
_EXPECTED = frozenset(_key(word) for word in EXPECTED_WORDS)
_PERIOD_TABLE_KEYS = frozenset(_key(word) for word in _PERIOD_TABLE_WORDS)
_YEAR_TABLE_KEYS = frozenset(_key(word) for word in _YEAR_TABLE_WORDS)
_PLANNED = frozenset(_key(word) for word in _PLANNED_WORDS)
_ACHIEVED = frozenset(_key(word) for word in ACHIEVED_WORDS)
