"""What each check means and what to do about it, in the clerk's words: the 检查规则说明 the window shows.

One entry per problem code the rules can raise; a test reads every Problem(...) under src and fails on a
code without an entry here, or an entry whose code no rule raises, so this list cannot drift from the rules.
"""

from __future__ import annotations

from typing import NamedTuple


class CheckRule(NamedTuple):
    title: str  # the rule in a few words
    meaning: str  # what it finds
    remedy: str  # what to do


CHECK_RULES: dict[str, CheckRule] = {
    "required": CheckRule("必填项", "必填的栏目没有填写：部门名称、预算年度、重点工作任务名称、项目名称、预算单位、绩效目标、一级指标、三级指标、年度指标值。",
                          "在栏目中填写内容；预算单位、一级指标可用“修复”补上。"),
    "year-out-of-range": CheckRule("预算年度", "预算年度不合理，应在 2000–2100 之间。", "改为四位数的年度，例如 2024。"),
    "input-invalid": CheckRule("输入不是数值", "输入的内容还不是有效的金额或年度，例如“1.2.3”。内容照原样保留在栏目里，不会保存为错误的数。",
                               "改为数字，例如 1485.34 或 1,485.34。"),
    "amount-negative": CheckRule("金额为负", "金额不能为负数。", "填写正数或 0。"),
    "amount-precision": CheckRule("小数位数", "金额以万元为单位，最多保留两位小数。", "四舍五入到两位小数。"),
    "budget-income-mismatch": CheckRule("收入与支出不平", "收入来源合计（财政拨款 + 其他资金）与 基本支出 + 项目支出（可含事业发展性支出）不一致。",
                                        "核对预算整体情况中的各项金额。"),
    "budget-level-mismatch": CheckRule("按预算级次不平", "区本级使用资金 + 拟用于对下转移支付资金 与收入来源合计不一致。",
                                       "核对按预算级次划分的两项金额。"),
    "task-funds-exceed": CheckRule("重点任务资金超出", "年度重点工作任务拟投入资金的合计超过部门预算。", "核对各任务的拟投入资金。"),
    "projects-total-vs-budget": CheckRule("项目合计与项目支出不符", "各项目资金合计与预算整体情况中的“项目支出”不一致。",
                                          "核对项目支出金额，或检查是否漏了、多了项目。"),
    "project-total-mismatch": CheckRule("项目总计不符", "项目资金总计不等于 财政拨款 + 财政专户拨款 + 其他资金。",
                                        "改正总计或各来源；“修复”可按各来源之和改总计。"),
    "project-total-empty": CheckRule("项目总计未填", "总计没有填写，各来源已填写。", "“修复”可填为各来源之和。"),
    "review-funds": CheckRule("资金沿用上年", "新建下一年度时资金沿用了上年度数额。", "按本年度预算核实后点“已复核”。"),
    "review-period-ended": CheckRule("实施周期已结束", "项目的实施周期在上年度或之前已经结束。", "删除该项目，或延长实施周期后点“已复核”。"),
    "review-amounts": CheckRule("金额与原表合计不符", "导入时核对：原表印出的合计、小计或总计，与读出的金额之和不一致（原表本身有误，或没有读对）。",
                                "对照原表核实金额（导入说明列出了原表的数和读出的数），改正后点“已复核”。"),
    "review-indicators": CheckRule("指标数与编号不符", "导入时核对：原表绩效指标的编号（1、2、3…）与读出的指标个数不一致，可能漏读了指标。",
                                   "对照原表补全或改正指标后点“已复核”。"),
    "review-block": CheckRule("栏目内容未读出", "导入时核对：部门整体表的某个栏目（年度重点工作任务、绩效指标、年度主要支出计划）下有内容，但没有读出。",
                              "对照原表补填该栏目的内容后点“已复核”。"),
    "missing-output-indicator": CheckRule("缺少产出指标", "项目没有产出指标。", "添加至少一个产出指标（数量、质量或时效）。"),
    "missing-effect-indicator": CheckRule("缺少效益指标", "项目没有效益指标。", "添加至少一个效益指标。"),
    "missing-satisfaction-indicator": CheckRule("缺少满意度指标", "项目没有满意度指标；服务于群众的项目应设置服务对象满意度指标。",
                                                "添加满意度指标（“修复”可添加，指标值待填）；不直接服务群众的项目可以不改。"),
    "duplicate-project": CheckRule("重复的项目", "同一个项目（名称和预算单位都相同）出现了多次。", "删除多余的；完全相同的可用“修复”删除。"),
    "duplicate-indicator": CheckRule("重复的指标", "同一个项目里同一个指标出现了两次。", "删除多余的；完全相同的可用“修复”删除。"),
    "level1-unknown": CheckRule("一级指标不在体系中", "一级指标应为产出指标、效益指标、满意度指标、成本指标之一。", "从下拉列表中选择一级指标。"),
    "level2-missing": CheckRule("缺少二级指标", "没有填写二级指标。", "从下拉列表中选择；“修复”会按指标名称建议，拿不准时不补。"),
    "level2-unknown": CheckRule("二级指标不在体系中", "二级指标不是指标体系中的名称。", "从下拉列表中选择二级指标。"),
    "level2-wrong-level1": CheckRule("二级指标与一级不符", "二级指标不属于所填的一级指标。", "改正一级或二级指标；“修复”可改正明显的情形。"),
    "level2-library": CheckRule("二级指标与指标库不同", "指标库（各地公开发布的绩效指标）把这个三级指标归在另一个二级指标下，且收录它的各方说法一致；指标库各方说法不一时不提示。",
                                "核对二级指标；“修复”可改为指标库的二级指标（理由中列出出处），确有依据时可以不改。"),
    "framework-mixed": CheckRule("混用新旧指标体系", "成本指标既作为一级指标、又作为产出指标下的二级指标。", "全表统一用一种指标体系。"),
    "value-placeholder": CheckRule("指标值是占位符", "指标值是 *、XX、待定、控制数 之类的占位符。", "填写实际目标值。"),
    "value-vague": CheckRule("指标值模糊", "指标值表述模糊（如“较好”“明显提高”），难以考核。", "改为可量化的目标值，例如 ≥95%。"),
    "value-qualitative-rate": CheckRule("比率写成了文字", "指标名称是“……率”，指标值却是文字。", "写成百分比，例如 ≥95%。"),
    "rate-over-100": CheckRule("比率超过 100%", "百分比类指标值超过 100%。", "改为不超过 100% 的目标值。"),
    "cost-without-ceiling": CheckRule("成本没有上限", "成本指标用了“≥”，没有上限。", "改为“≤”；“修复”可改。"),
    "negative-indicator-floor": CheckRule("越低越好的指标用了 ≥", "投诉率、再犯罪率、差错率等越低越好的指标用了“≥”。", "改为“≤”或“＜”；“修复”可改。"),
    "values-contradict": CheckRule("两个指标值相矛盾", "年度指标值与实施周期指标值方向相反（一个 ≥、一个 ≤）。", "统一两者的方向。"),
    "annual-exceeds-period": CheckRule("年度值超过周期值", "年度指标值大于整个实施周期的指标值。", "核对两个指标值。"),
    "unit-library": CheckRule("指标值缺少单位", "年度指标值是数字但没有单位，指标库中同名指标有单位（如 %、人次、万元）。",
                              "在数字后写上单位，例如 ≥95%、≥200人次；提示中给出指标库的单位。"),
    "value-spelling": CheckRule("指标值写法不规范", "指标值宜按系统的写法书写，例如 >=95% 写作 ≥95%、全角的 ９５％ 写作 95%。", "“修复”可改写，意思不变。"),
    "text-markup": CheckRule("文字里有网页标记", "文字里有 <p>、&nbsp; 之类的网页标记，打印时会原样印出。", "“修复”可去掉标记，只留文字。"),
}
