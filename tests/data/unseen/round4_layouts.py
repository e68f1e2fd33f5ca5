"""Round 4 of the unseen layouts: department forms and self-evaluation tables of 福建宁德 (2019 整体支出绩效目标表,
2018 整体支出绩效自评表), 安徽金寨 (项目支出绩效目标申报表 with 指标1： items), 湖南衡山 (专项资金绩效目标自评表) and a
参考模板 with ★ core indicators, each after a page found published (the docstring names it), filled with made-up
content, with the facts each holds (round4/round4.expected.json). Every form is ruled as published forms are, so its
PDF (LibreOffice, fitted to the page width) has the lines a printed form has; round 3's 岳阳楼区 and 上海 forms are
printed ruled here too (their unruled PDFs were refused: see docs/reference.md)."""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl.styles import Border, Side

HERE = Path(__file__).resolve().parent
OUT = HERE / "round4"
sys.path.insert(0, str(HERE))

from round3_layouts import shanghai_2019, yueyanglou_department
from sheets import Sheet, merged_indicator_rows, write_layouts

_THIN = Side(style="thin")


def ruled(s: Sheet, first_row: int) -> Sheet:
    """Every cell from first_row down boxed, as the published forms are (the title rows above stay open), each row
    as high as its text needs (LibreOffice grows no row for a merged cell's text: it would print over its
    neighbours, which a clerk's form does not)."""
    box = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
    for row in s.ws.iter_rows(min_row=first_row, max_row=s.ws.max_row, max_col=s.ws.max_column):
        for cell in row:
            cell.border = box
    spans = {(r.min_row, r.min_col): r for r in s.ws.merged_cells.ranges}
    lines: dict[int, float] = {}
    for row in s.ws.iter_rows():
        for cell in row:
            if cell.value is None or not hasattr(cell, "column_letter"):
                continue
            span = spans.get((cell.row, cell.column))
            rows = span.max_row - span.min_row + 1 if span else 1
            width = 8 * (span.max_col - span.min_col + 1 if span else 1)  # characters a 16-wide column holds
            needed = sum(max(1, -(-len(part) // width)) for part in str(cell.value).split("\n")) / rows
            for r in range(cell.row, cell.row + rows):
                lines[r] = max(lines.get(r, 1), needed)
    for r, count in lines.items():
        s.ws.row_dimensions[r].height = 15 * count + 4
    return s


def ningde_2019():
    """福建 宁德 部门整体支出绩效目标表（2019年度） (ndfzw.com/ggl/2019-12-31/7211.html): 部门（单位）名称 | … | 部门预算
    编码 | …, 年度预算安排（万元） 资金总额 / 项目支出 / 基本支出, 年度总体目标 as 目标1：… 目标2：…, 年度履职目标 部门职能 |
    年度目标任务 | 支出项目名称 | 预算金额（万元）, then 一级指标 | 二级指标 | 三级指标 | 指标解释 | 目标值."""
    s = Sheet("部门整体支出绩效目标表")
    s.put(1, 1, "部门整体支出绩效目标表", to_col=6)
    s.put(2, 1, "（2019年度）", to_col=6)
    name = "宁德市蕉城区文化体育和旅游局"
    s.put(3, 1, "部门（单位）名称")
    s.put(3, 2, name, to_col=3)
    s.put(3, 4, "部门预算编码")
    s.put(3, 5, "905012001", to_col=6)
    s.put(4, 1, "年度\n预算\n安排\n（万元）", to_row=6)
    for row, (label, amount) in enumerate((("资金总额", "486.30"), ("项目支出", "210.50"), ("基本支出", "275.80")), 4):
        s.put(row, 2, label)
        s.put(row, 3, amount, to_col=6)
    goal = ("目标1：保障全局人员工资福利按时足额发放；\n目标2：组织群众文化活动120场次，公共文化场馆免费开放；\n"
            "目标3：办好全区全民健身运动会。")
    s.put(7, 1, "年度\n总体\n目标")
    s.put(7, 2, goal, to_col=6)
    s.put(8, 1, "年度\n履职\n目标", to_row=11)
    for col, head, to in ((2, "部门职能", 2), (3, "年度目标任务", 4), (5, "支出项目名称", 5), (6, "预算金额（万元）", 6)):
        s.put(8, col, head, to_col=to)
    tasks = (("组织群众文化活动", "全年送戏下乡和广场文艺演出120场次", "群众文化活动经费", "120.50"),
             ("发展全民健身事业", "举办全区全民健身运动会", "全民健身运动会经费", "90.00"),
             ("保障机关正常运转", "按时发放人员工资和日常公用经费", "基本支出", "275.80"))
    for row, (duty, task, item, amount) in enumerate(tasks, start=9):
        s.put(row, 2, duty)
        s.put(row, 3, task, to_col=4)
        s.put(row, 5, item)
        s.put(row, 6, amount)
    heads = ("一级指标", "二级指标", "三级指标", "指标解释", "目标值")
    for col, head in zip((1, 2, 3, 5, 6), heads):
        s.put(12, col, head, to_col=4 if col == 3 else None)
    rows = (("产出指标", "数量指标", "群众文化活动场次", "全年组织文艺演出场次（计划标准）", "≥120场次"),
            ("产出指标", "数量指标", "公共文化场馆免费开放天数", "全年开放天数（历史标准）", "≥300天"),
            ("产出指标", "质量指标", "活动安全事故发生率", "安全事故起数（计划标准）", "0"),
            ("产出指标", "时效指标", "人员工资发放及时率", "按月发放（计划标准）", "100%"),
            ("效益指标", "社会效益指标", "参与群众人次", "全年参与活动群众人次", "≥5万人次"),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "抽样调查", "≥90%"))
    merged_indicator_rows(s, 13, 1, [row[:2] for row in rows])
    for index, (_, _, indicator, explanation, value) in enumerate(rows):
        s.put(13 + index, 3, indicator, to_col=4)
        s.put(13 + index, 5, explanation)
        s.put(13 + index, 6, value)
    return ruled(s, 3), {"department": {
        "name": name, "functions": None, "overall_goal": goal, "budget": {"basic": "275.80", "project": "210.50"},
        "tasks": [[task, None, None] for _, task, _, _ in tasks],
        "indicators": [[l1, l2, indicator, None, value] for l1, l2, indicator, _, value in rows]}}


def ningde_review_2018():
    """福建 宁德 部门整体支出绩效自评表（2018年度） (ndfzw.com/ggl/2019-12-31/7212.html): amounts in 元 under 预算安排
    (年初部门预算安排金额① | 历年结余结转② | 年中调整金额③ | 小计④) | 拨付情况 | 结余情况 by source (财政资金小计,
    ①中央及省级财政资金, ②市级财政资金, …, 合计), 年度总体目标完成情况 预期目标 | 目标实际完成情况, 年度绩效指标完成情况
    一级 | 二级 | 三级指标 | 指标解释 | 绩效目标值 | 实际完成值 | 指标分值 | 得分: what was planned beside what was achieved."""
    s = Sheet("自评表")
    s.put(1, 1, "部门整体支出绩效自评表", to_col=9)
    s.put(2, 1, "（2018年度）", to_col=9)
    name = "宁德市蕉城区文化体育和旅游局"
    s.put(3, 1, "部门（单位）名称", to_col=2)
    s.put(3, 3, name, to_col=5)
    s.put(3, 6, "部门预算编码", to_col=7)
    s.put(3, 8, "905012001", to_col=9)
    s.put(4, 1, "财政资金安排和使用情况\n资金结构（元）", to_row=6, to_col=2)
    s.put(4, 3, "预算安排", to_col=6)
    s.put(4, 7, "拨付情况", to_col=8)
    s.put(4, 9, "结余情况")
    for col, head in enumerate(("年初部门预算安排金额①", "历年结余结转②", "年中调整金额③", "小计④=①+②+③",
                                "年度拨付金额⑤", "支出实现率（%）⑥=⑤/④", "本年度结余金额⑦=④-⑤"), start=3):
        s.put(5, col, head, to_row=6)
    rows = (("财政资金小计", "4520000", "180000", "0", "4700000", "4559000", "97%", "141000"),
            ("①中央及省级财政资金", None, None, None, None, None, None, None),
            ("②市级财政资金", "4520000", "180000", "0", "4700000", "4559000", "97%", "141000"),
            ("其他资金小计", None, None, None, None, None, None, None),
            ("合计", "4520000", "180000", "0", "4700000", "4559000", "97%", "141000"))
    for row, values in enumerate(rows, start=7):
        s.put(row, 1, values[0], to_col=2)
        for col, value in enumerate(values[1:], start=3):
            s.put(row, col, value)
    goal = "目标1：保障全局人员工资福利按时足额发放；\n目标2：组织群众文化活动100场次。"
    s.put(12, 1, "年度总体目标完成情况", to_row=13, to_col=2)
    s.put(12, 3, "预期目标", to_col=5)
    s.put(12, 6, "目标实际完成情况", to_col=9)
    s.put(13, 3, goal, to_col=5)
    s.put(13, 6, "目标1完成情况：全部完成；\n目标2完成情况：完成112场次。", to_col=9)
    s.put(14, 1, "年度绩效指标完成情况", to_row=18)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标解释", "绩效目标值", "实际完成值", "指标分值", "得分"), 2):
        s.put(14, col, head)
    indicators = (("产出指标", "数量指标", "群众文化活动场次", "全年演出场次", "≥100场次", "112场次", "30", "30"),
                  ("产出指标", "时效指标", "人员工资发放及时率", "按月发放", "100%", "100%", "30", "30"),
                  ("效益指标", "社会效益指标", "参与群众人次", "全年参与人次", "≥4万人次", "4.6万人次", "30", "30"),
                  ("满意度指标", "服务对象满意度指标", "群众满意度", "抽样调查", "≥90%", "93%", "10", "10"))
    merged_indicator_rows(s, 15, 2, [row[:2] for row in indicators])
    for index, row in enumerate(indicators):
        for col, value in enumerate(row[2:], start=4):
            s.put(15 + index, col, value)
    return ruled(s, 3), {"department": {
        "name": name, "functions": None, "overall_goal": goal, "budget": {"basic": None, "project": None},
        "tasks": [], "indicators": [[l1, l2, ind, None, value] for l1, l2, ind, _, value, *_ in indicators]}}


def jinzhai_2021():
    """安徽 金寨 项目支出绩效目标申报表（2021年度） (ahjinzhai.gov.cn/public/6617781/34383152.html): 项目名称, 主管部门 |
    … | 实施单位 | …, 项目资金（万元） 年度资金总额： | 其中：财政拨款 | 其他资金 (the last left blank), 年度目标 as
    目标1：…, 绩效指标 一级 | 二级 | 三级 | 指标值 with each 三级 numbered 指标1：, 指标2：, and a 注 under the form."""
    s = Sheet("申报表")
    s.put(1, 1, "项目支出绩效目标申报表", to_col=5)
    s.put(2, 1, "（2021年度）", to_col=5)
    s.put(3, 1, "项目名称")
    s.put(3, 2, "安置小区物业管理", to_col=5)
    for col, value in enumerate(("主管部门", "金寨县财政局", "实施单位", "金寨经济开发区管理委员会"), start=1):
        s.put(4, col, value, to_col=5 if col == 4 else None)
    s.put(5, 1, "项目资金\n（万元）", to_row=7)
    for row, (label, amount) in enumerate((("年度资金总额：", "1125"), ("其中：财政拨款", "1125"), ("其他资金", None)), 5):
        s.put(row, 2, label, to_col=3)
        s.put(row, 4, amount, to_col=5)
    goal = "目标1：维护辖区8个安置小区安全巡逻、环境卫生及物业日常管理。"
    s.put(8, 1, "年度目标")
    s.put(8, 2, goal, to_col=5)
    s.put(9, 1, "绩效指标", to_row=19)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标值"), start=2):
        s.put(9, col, head)
    rows = (("产出指标", "数量指标", "指标1：物业管理安置小区数", "8个"),
            ("产出指标", "数量指标", "指标2：巡逻频次", "≥2次/日"),
            ("产出指标", "质量指标", "指标1：环境卫生检查合格率", "≥95%"),
            ("产出指标", "时效指标", "指标1：物业管理服务期", "2021年全年"),
            ("产出指标", "成本指标", "指标1：项目总成本", "≤1125万元"),
            ("效益指标", "经济效益指标", "指标1：物业费清算率", "≥95%"),
            ("效益指标", "社会效益指标", "指标1：安置小区生活质量", "显著改善"),
            ("效益指标", "生态效益指标", "指标1：小区居住环境", "显著提高"),
            ("效益指标", "可持续影响指标", "指标1：物业服务保障", "持续保障"),
            ("满意度指标", "服务对象满意度指标", "指标1：小区居民满意度", "≥90%"))
    merged_indicator_rows(s, 10, 2, rows)
    s.put(20, 1, "注：1.“其他资金”是指与财政拨款共同用于同一项目的单位自有资金、社会资金等。\n"
                 "2.各单位可根据项目特点自行增加或减少二级指标，并细化三级指标。", to_col=5)
    return ruled(s, 3), {"projects": [{
        "name": "安置小区物业管理", "unit": "金寨经济开发区管理委员会", "funds": {"total": "1125", "fiscal": "1125"},
        "goal": goal, "indicators": [[l1, l2, name.split("：", 1)[1], None, value] for l1, l2, name, value in rows]}]}


def hengshan_review_2020():
    """湖南 衡山 2020年度县级专项资金绩效目标自评表 (taowenge.com/p-72820237.html): 专项资金名称, 负责人及电话, 县级主管
    部门 | … | 实施单位 | …, 项目资金（万元） 全年预算数（A） | 全年执行数（B） | 执行率（B/A） over 年度资金总额 /
    其中：中央、省、市补助县级资金 / 其他资金, 年度总体目标 年初设定目标 | 全年实际完成情况, 绩效指标 一级 | 二级 | 三级
    指标 | 年度指标值 | 全年完成值 | 未完成原因和改进措施: the year's plan beside what it came to."""
    s = Sheet("自评表")
    s.put(1, 1, "2020年度县级专项资金绩效目标自评表", to_col=7)
    s.put(2, 1, "专项资金名称")
    s.put(2, 2, "县级储备粮", to_col=3)
    s.put(2, 4, "负责人及电话")
    s.put(2, 5, "刘成 0734-5812345", to_col=7)
    s.put(3, 1, "县级主管部门")
    s.put(3, 2, "衡山县商务和粮食局", to_col=3)
    s.put(3, 4, "实施单位")
    s.put(3, 5, "衡山县粮食储备服务中心", to_col=7)
    s.put(4, 1, "项目资金\n（万元）", to_row=7)
    for col, head in ((4, "全年预算数（A）"), (5, "全年执行数（B）"), (6, "执行率（B/A）")):
        s.put(4, col, head)
    for row, values in enumerate((("年度资金总额", "194.9", "186.2", "95.5%"),
                                  ("其中：中央、省、市补助县级资金", "194.9", "186.2", "95.5%"),
                                  ("其他资金", None, None, None)), start=5):
        s.put(row, 2, values[0], to_col=3)
        for col, value in enumerate(values[1:], start=4):
            s.put(row, col, value)
    goal = "保持和稳定地方粮食储备机制，县级储备粮5000吨稻谷储备到位。"
    s.put(8, 1, "年度总体目标", to_row=9)
    s.put(8, 2, "年初设定目标", to_col=4)
    s.put(8, 5, "全年实际完成情况", to_col=7)
    s.put(9, 2, goal, to_col=4)
    s.put(9, 5, "地方储备粮食规模达标，储备到位。", to_col=7)
    s.put(10, 1, "绩效指标", to_row=16)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"), 2):
        s.put(10, col, head)
    rows = (("产出指标", "数量指标", "稻谷储备到位率", "100%", "100%", None),
            ("产出指标", "质量指标", "储备粮库存粮食明显变质比例", "0", "0", None),
            ("产出指标", "时效指标", "储备粮贷款付息及时率", "100%", "100%", None),
            ("效益指标", "经济效益指标", "利息费用保障率", "100%", "95%", "轮换推迟"),
            ("效益指标", "可持续影响指标", "粮食储备设备维护", "高", "高", None),
            ("满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "96%", None))
    merged_indicator_rows(s, 11, 2, rows)
    return ruled(s, 2), {"projects": [{
        "name": "县级储备粮", "unit": "衡山县粮食储备服务中心", "funds": {"total": "194.9", "fiscal": "194.9"},
        "goal": goal, "indicators": [[l1, l2, name, None, value] for l1, l2, name, value, *_ in rows]}]}


def starred_template():
    """绩效目标申报表（参考模板） of a province's 困难群众救助 (a stored page without its address: 项目名称, 项目负责人及电话,
    主管部门 | 实施单位, 资金情况（万元） 年度资金总额： | 其中：财政拨款 | 其他资金 as labels over their amounts, 年度
    总体目标 as 目标1： 目标2：, indicators whose core ones are marked ★ before their names)."""
    s = Sheet("申报表")
    s.put(1, 1, "绩效目标申报表", to_col=5)
    s.put(2, 1, "（2021年度）", to_col=5)
    s.put(3, 1, "项目名称")
    s.put(3, 2, "困难群众救助", to_col=5)
    s.put(4, 1, "项目负责人及电话")
    s.put(4, 2, "陈丽 0851-6812345", to_col=5)
    for col, value in enumerate(("主管部门", "某县民政局", "实施单位", "某县社会救助服务中心"), start=1):
        s.put(5, col, value, to_col=5 if col == 4 else None)
    s.put(6, 1, "资金情况\n（万元）", to_row=7)
    for col, (label, amount) in enumerate((("年度资金总额：", "3680"), ("其中：财政拨款", "3600"), ("其他资金", "80")), 2):
        s.put(6, col, label, to_col=5 if col == 4 else None)
        s.put(7, col, amount, to_col=5 if col == 4 else None)
    goal = "目标1：保障农村低保对象基本生活；\n目标2：特困人员应养尽养。"
    s.put(8, 1, "年度总体目标")
    s.put(8, 2, goal, to_col=5)
    s.put(9, 1, "绩效指标", to_row=16)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标值"), start=2):
        s.put(9, col, head)
    rows = (("产出指标", "数量指标", "★农村低保发放人数", "≥2300人"),
            ("产出指标", "数量指标", "★临时救助人次", "≥400人次"),
            ("产出指标", "质量指标", "生活不能自理特困人员集中供养率", "≥50%"),
            ("产出指标", "成本指标", "农村低保标准", "≥450元/人·月"),
            ("效益指标", "社会效益指标", "农村低保对象生活水平", "逐步提高"),
            ("效益指标", "可持续影响指标", "救助制度长效运行", "长期"),
            ("满意度指标", "服务对象满意度指标", "受助对象满意度", "≥90%"))
    merged_indicator_rows(s, 10, 2, rows)
    return ruled(s, 3), {"projects": [{
        "name": "困难群众救助", "unit": "某县社会救助服务中心",
        "funds": {"total": "3680", "fiscal": "3600", "other": "80"}, "goal": goal,
        "indicators": [[l1, l2, name.lstrip("★"), None, value] for l1, l2, name, value in rows]}]}


def stamped_unit_2019():
    """部门整体支出绩效目标申报表 as its 填报说明 (2019, ezsto.com/p-47373236.html) lays it out: 年度 and 填报单位（盖章）：…
    over the form (the department named only there), 其他情况 (人员编制 | … | 实有人数 | …), 部门整体支出绩效目标 as
    目标1、目标2、目标3, then 部门整体支出绩效指标 一级 | 二级 | 三级 | 指标值 (in the guide's words, 单位预期实现的产出和
    效果)."""
    s = Sheet("申报表")
    s.put(1, 1, "部门整体支出绩效目标申报表", to_col=5)
    s.put(2, 1, "（2019年度）", to_col=5)
    name = "某县农业农村局"
    s.put(3, 1, f"填报单位（盖章）：{name}", to_col=3)
    s.put(3, 4, "单位：万元", to_col=5)
    s.put(4, 1, "其他情况")
    for col, value in enumerate(("人员编制", "45", "实有人数", "43"), start=2):
        s.put(4, col, value)
    goal = "目标1：完成高标准农田建设2万亩；\n目标2：农作物病虫害统防统治覆盖率达到40%；\n目标3：保障机关正常运转。"
    s.put(5, 1, "部门整体支出绩效目标")
    s.put(5, 2, goal, to_col=5)
    s.put(6, 1, "部门整体支出绩效指标", to_row=13)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标值"), start=2):
        s.put(6, col, head)
    rows = (("产出指标", "数量指标", "高标准农田建设面积", "≥2万亩"),
            ("产出指标", "质量指标", "农田建设工程验收合格率", "100%"),
            ("产出指标", "时效指标", "病虫害防治及时率", "≥95%"),
            ("产出指标", "成本指标", "亩均建设成本", "≤1500元"),
            ("效益指标", "经济效益指标", "项目区亩均增收", "≥100元"),
            ("效益指标", "社会效益指标", "统防统治覆盖率", "≥40%"),
            ("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%"))
    merged_indicator_rows(s, 7, 2, rows)
    return ruled(s, 4), {"department": {
        "name": name, "functions": None, "overall_goal": goal, "budget": {}, "tasks": [],
        "indicators": [[l1, l2, ind, None, value] for l1, l2, ind, value in rows]}}


def ruled_round3(make, first_row: int):
    """A round-3 layout printed as published forms are: ruled."""
    def build():
        sheet, facts = make()
        return ruled(sheet, first_row), facts
    return build


LAYOUTS = {"ningde-2019": ningde_2019, "ningde-review-2018": ningde_review_2018, "jinzhai-2021": jinzhai_2021,
           "hengshan-review-2020": hengshan_review_2020, "starred-template": starred_template,
           "stamped-unit-2019": stamped_unit_2019,
           "yueyanglou-ruled": ruled_round3(yueyanglou_department, 2),
           "minhang-ruled": ruled_round3(shanghai_2019, 2),
           # round 3's unruled prints: rows the PDF's text positions cannot tell apart (refused, saying so)
           "yueyanglou-unruled": yueyanglou_department, "minhang-unruled": shanghai_2019}
CONVERTED = {"ningde-2019": (".html", ".pdf"), "stamped-unit-2019": (".pdf",), "ningde-review-2018": (".pdf",), "jinzhai-2021": (".pdf",),
             "yueyanglou-ruled": (".pdf",), "minhang-ruled": (".pdf",), "yueyanglou-unruled": (".pdf",),
             "minhang-unruled": (".pdf",)}
PDF_ONLY = {"yueyanglou-ruled", "minhang-ruled", "yueyanglou-unruled", "minhang-unruled"}  # round 3 has the workbooks


def main(argv: list[str]) -> int:
    """Writes each layout's .xlsx (and the conversions of CONVERTED, by LibreOffice) into round4/, and the facts
    into round4/round4.expected.json."""
    return write_layouts(OUT, LAYOUTS, CONVERTED, "round4.expected.json", PDF_ONLY)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
