"""Round 3 of the unseen layouts: forms and summary tables of 重庆, 四川, 湖南, 天津, 广西 and 上海 and a 市 form
with two indicator tables, each after a page found published (the docstring names it), filled with made-up
content of transport, villages, city management, farmland, farming, community services and culture, with the
facts each holds (round3/round3.expected.json)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "round3"
sys.path.insert(0, str(HERE))

from sheets import Sheet, merged_indicator_rows


def fengjie_approval():
    """重庆 奉节 项目支出绩效目标审批表 (cqfj.gov.cn/…/t20240201_12892054.html): 预算单位 and 金额单位 over the form,
    项目名称 | 项目分类, 项目资金 预算执行 10分 with 项目总预算 over 当年年度预算 | 其中：财政资金 | 其中：其它资金 and
    年度预算执行率 | 分值, then 年度绩效目标（90分） 一级 | 二级 | 三级 | 指标值 | 分值 | 指标解释, its 一级 cells carrying
    their score range (成本指标（0-20）分), 二级 rows left empty."""
    s = Sheet("审批表")
    s.put(1, 1, "2024年农村公路日常养护项目支出绩效目标审批表", to_col=7)
    s.put(2, 1, "（2024年度）", to_col=7)
    s.put(3, 1, "预算单位：奉节县交通运输委员会", to_col=4)
    s.put(3, 5, "金额单位：万元", to_col=7)
    s.put(4, 1, "项目名称")
    s.put(4, 2, "2024年农村公路日常养护", to_col=4)
    s.put(4, 5, "项目分类")
    s.put(4, 6, "运转类--其他运转类", to_col=7)
    s.put(5, 1, "建设周期")
    s.put(5, 2, "2024年1月-2024年12月", to_col=4)
    s.put(5, 5, "业务主管部门")
    s.put(5, 6, "县交通运输委", to_col=7)
    for col, value in enumerate(("实施单位", "奉节县农村公路养护中心", "项目负责人", "谭军", "联系电话", "13512345678"), 1):
        s.put(6, col, value, to_col=7 if col == 6 else col)
    s.put(7, 1, "项目审批")
    s.put(7, 2, "奉节县交通运输委员会《关于2024年农村公路养护计划的通知》", to_col=7)
    s.put(8, 1, "项目总体概况")
    s.put(8, 2, "全县农村公路日常养护，路面病害处治和沿线设施维护。", to_col=7)
    goal = "完成全县860公里农村公路日常养护，优良中等路率达到80%以上。"
    s.put(9, 1, "年度主要目标\n和成果")
    s.put(9, 2, goal, to_col=7)
    s.put(10, 1, "项目资金\n预算执行\n10分", to_row=14)
    for row, (label, amount, label2, value2) in enumerate((
            ("项目总预算", "380", "财政资金预算分类", "一般公共预算"), ("当年年度预算", "120", None, None),
            ("其中：财政资金", "100", "财政资金科目代码", "2140106"), ("其中：其它资金", "20", None, None),
            ("年度预算执行率", "100%", "分值", "10分")), start=10):
        s.put(row, 2, label)
        s.put(row, 3, amount, to_col=4)
        s.put(row, 5, label2)
        s.put(row, 6, value2, to_col=7)
    s.put(15, 1, "年度绩效目标（90分）", to_row=24)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标值", "分值", "指标解释"), start=2):
        s.put(15, col, head)
    rows = (("成本指标\n（0-20）分", "经济成本指标", "农村公路养护成本", "≤120万元", "10", "按预算控制"),
            ("成本指标\n（0-20）分", "社会成本指标", None, None, None, None),
            ("产出指标\n（40-50）分", "数量指标", "日常养护农村公路里程", "≥860公里", "15", "全年养护里程"),
            ("产出指标\n（40-50）分", "质量指标", "优良中等路率", "≥80%", "15", "年度路况检测"),
            ("产出指标\n（40-50）分", "时效指标", "路面病害处治及时率", "≥95%", "10", "发现后7日内处治"),
            ("效益指标\n（20-30）分", "社会效益指标", "群众出行条件", "明显改善", "10", "沿线群众出行更便利"),
            ("效益指标\n（20-30）分", "可持续影响指标", "养护长效机制", "长期有效", "10", "建立县乡村三级养护"),
            ("满意度指标\n（10）分", "服务对象满意度指标", "沿线群众满意度", "≥95%", "10", "抽样调查"))
    merged_indicator_rows(s, 16, 2, rows)
    s.put(24, 2, "合计分值", to_col=5)
    s.put(24, 6, "100", to_col=7)
    level1 = {"成本": "成本指标", "产出": "产出指标", "效益": "效益指标", "满意": "满意度指标"}
    return s, {"projects": [{
        "name": "2024年农村公路日常养护", "unit": "奉节县农村公路养护中心",
        "funds": {"total": "120.00", "fiscal": "100.00", "other": "20.00"}, "goal": goal,
        "indicators": [[level1[l1[:2]], l2, name, None, value] for l1, l2, name, value, _, _ in rows if name]}]}


def jingyan_summary():
    """四川 井研 部门预算项目绩效目标申报表 (m.qbidia.com/jyx/zjgk/202412/baa621fd1ec74c86bf45aa16dfd0603d.shtml):
    金额单位：元, 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 | 权重 |
    指标方向性; a row for the department (code-name and its sum), the unit as code-name merged down its projects,
    amounts with thousands separators, indicators not in 一级 order."""
    s = Sheet("绩效目标")
    s.put(1, 1, "部门预算项目绩效目标申报表（2024年度）", to_col=12)
    s.put(2, 1, "金额单位：元", to_col=12)
    heads = ("单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值",
             "度量单位", "权重", "指标方向性")
    for col, head in enumerate(heads, start=1):
        s.put(3, col, head)
    s.put(4, 1, "821-千佛镇部门")
    s.put(4, 3, "3,135,400.00")
    projects = (
        ("村级组织运转经费", "2,310,000.00", "保障12个行政村村级组织正常运转，按时发放村干部报酬。", (
            ("效益指标", "社会效益指标", "村级组织正常运转率", "≥", "95", "%"),
            ("产出指标", "数量指标", "保障行政村数量", "=", "12", "个"),
            ("产出指标", "时效指标", "报酬发放时限", "≤", "1", "月"),
            ("满意度指标", "服务对象满意度指标", "村民满意度", "≥", "95", "%"))),
        ("农村人居环境整治", "825,400.00", "清运农村生活垃圾3600吨以上，村容村貌明显改善。", (
            ("产出指标", "数量指标", "清运生活垃圾量", "≥", "3600", "吨"),
            ("产出指标", "质量指标", "垃圾无害化处理率", "=", "100", "%"),
            ("效益指标", "生态效益指标", "村庄保洁覆盖率", "≥", "90", "%"),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%"))))
    row, first = 5, 5
    for name, amount, goal, indicators in projects:
        last = row + len(indicators) - 1
        for col, value in ((2, name), (3, amount), (4, goal)):
            s.put(row, col, value, to_row=last)
        for offset, (l1, l2, ind, sign, value, unit) in enumerate(indicators):
            for col, cell in enumerate((l1, l2, ind, sign, value, unit, "10", "正向指标"), start=5):
                s.put(row + offset, col, cell)
        row = last + 1
    s.put(first, 1, "821001-井研县千佛镇人民政府", to_row=row - 1)
    sign_of = {"≥": "≥", "=": "＝", "≤": "≤"}
    return s, {"projects": [
        {"name": name, "unit": "井研县千佛镇人民政府",  # its budget code before it is no word of its name
         "funds": {"total": f"{float(amount.replace(',', '')) / 10000:.2f}"},
         "goal": goal, "indicators": [[l1, l2, ind, None, f"{sign_of[sign]}{value}{unit}"]
                                      for l1, l2, ind, sign, value, unit in indicators]}
        for name, amount, goal, indicators in projects]}


def yueyanglou_department():
    """湖南 岳阳楼区 整体绩效目标表 (2023, monopolymediamarketing.com/21487/21535/21748/21750/21907/content_2062100.html,
    a copy of the 区's page): 部门（单位）名称, *部门（单位）职责, *年度总体绩效目标, 绩效指标 一级 | 二级 | 三级 |
    指标值类型 | *指标值 | 计量单位 | *指标解释 | *评（扣）分标准 | 备注; a 二级 row holding only its 评分标准, a value
    carrying its own unit, a 定性 value with a unit beside it."""
    s = Sheet("整体绩效目标")
    s.put(1, 1, "岳阳楼区城市管理和综合执法局2024年度整体绩效目标表", to_col=9)
    name = "岳阳楼区城市管理和综合执法局"
    functions = "负责城区市容环境卫生、市政设施维护和城市管理综合执法。"
    goal = "市政道路完好率达到95%以上，违法建设查处到位，市容环境持续改善。"
    for row, label, value in ((2, "部门（单位）名称", name), (3, "*部门（单位）职责", functions), (4, "*年度总体绩效目标", goal)):
        s.put(row, 1, label, to_col=2)
        s.put(row, 3, value, to_col=9)
    s.put(5, 1, "绩效指标", to_col=9)
    heads = ("一级指标", "二级指标", "三级指标", "指标值类型", "*指标值", "计量单位", "*指标解释", "*评（扣）分标准", "备注")
    for col, head in enumerate(heads, start=1):
        s.put(6, col, head)
    rows = (("产出指标", "数量指标", "市政道路维护面积", "定量", "120", "万平方米", "全年维护面积", "未达指标值酌情扣分"),
            ("产出指标", "数量指标", "查处违法建设案件", "定量", "≥150", "件", "全年查处案件数", "未达指标值酌情扣分"),
            ("产出指标", "质量指标", "市政道路完好率", "定量", "≥95", "%", "完好道路占比", "未达指标值酌情扣分"),
            ("产出指标", "时效指标", "投诉案件办结时限", "定量", "≤15", "个工作日", "受理至办结", "未达指标值酌情扣分"),
            ("产出指标", "成本指标", "业务工作经费", "定量", "≤860万元", "万元", "控制在预算内", "未达指标值酌情扣分"),
            ("效益指标", "经济效益指标", None, None, None, None, None, "未达指标值酌情扣分"),
            ("效益指标", "社会效益指标", "保障单位正常运转", "定性", "应保尽保", "%", "运转需要应保尽保", "未达指标值酌情扣分"),
            ("效益指标", "社会效益指标", "市容环境", "定性", "明显改善", None, "市容环境变化", "未达指标值酌情扣分"),
            ("满意度指标", "服务对象满意度指标", "市民满意度", "定量", "≥90", "%", "问卷调查", "未达指标值酌情扣分"))
    merged_indicator_rows(s, 7, 1, [row[:3] for row in rows])
    for index, row in enumerate(rows):
        for col, value in enumerate(row[3:], start=4):
            s.put(7 + index, col, value)
    wanted = {"120": "120万平方米", "≥150": "≥150件", "≥95": "≥95%", "≤15": "≤15个工作日", "≤860万元": "≤860万元",
              "应保尽保": "应保尽保", "明显改善": "明显改善", "≥90": "≥90%"}
    return s, {"department": {
        "name": name, "functions": functions, "overall_goal": goal, "budget": {}, "tasks": [],
        "indicators": [[l1, l2, ind, None, wanted[value]] for l1, l2, ind, _, value, *_ in rows if ind]}}


def baodi_investment():
    """天津 中央预算内投资计划绩效目标表 (tyc-yl.com/zwgk_53713/ysgk_59783/czjzxzj/202207/t20220710_5930157.html, a copy
    of 宝坻区's page): 专项名称, 下达地方或单位, 下达中央预算内投资（万元）, 总体目标, 绩效指标 一级 | 二级 | 三级 | 指标值
    whose 一级 column says 实施效果指标 for all and whose 二级 column holds 产出指标 / 效益指标."""
    s = Sheet("绩效目标表")
    s.put(1, 1, "天津市农业绿色发展专项2024年中央预算内投资计划绩效目标表", to_col=5)
    s.put(2, 1, "（天津市宝坻区高标准农田建设项目）", to_col=5)
    s.put(3, 1, "专项名称")
    s.put(3, 2, "农业绿色发展专项（高标准农田建设）", to_col=5)
    s.put(4, 1, "下达地方或单位")
    s.put(4, 2, "宝坻区人民政府", to_col=5)
    s.put(5, 1, "下达中央预算内投资（万元）")
    s.put(5, 2, "2350", to_col=5)
    goal = "建成高标准农田2万亩，提高项目区粮食综合生产能力和节水灌溉水平。"
    s.put(6, 1, "总体目标")
    s.put(6, 2, goal, to_col=5)
    s.put(7, 1, "绩效指标", to_row=13)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标值"), start=2):
        s.put(7, col, head)
    rows = (("实施效果指标", "产出指标", "建设项目个数（含续建）", "1"),
            ("实施效果指标", "产出指标", "竣工验收合格率", "100%"),
            ("实施效果指标", "产出指标", "按进度计划实施情况", "按计划实施"),
            ("实施效果指标", "效益指标", "项目区粮食综合生产能力提升", "≥10%"),
            ("实施效果指标", "效益指标", "节水灌溉面积占比", "≥60%"),
            ("实施效果指标", "满意度指标", "受益农户满意度", "≥90%"))
    merged_indicator_rows(s, 8, 2, rows)
    return s, {"projects": [{
        "name": "农业绿色发展专项（高标准农田建设）", "unit": None, "funds": {"total": "2350.00"}, "goal": goal,
        "indicators": [[l2, "服务对象满意度指标" if l2 == "满意度指标" else None, name, None, value]
                       for _, l2, name, value in rows]}]}


def guangxi_scores_2021():
    """广西 财政支出绩效目标申报表 (2021, gxglmes.com/templets/default/2021yusuan/sqb.files/sheet001.htm): 主管部门编码 |
    主管部门名称, 项目起止时间（如20190101） … 到 …, 项目资金申请（万元） as label rows 资金总额： | 一般公共预算拨款： |
    政府性基金预算拨款： | 国有资本经营预算拨款： | 纳入/未纳入财政专户管理的收入： | 上年结余收入：, 长期目标 | 年度目标,
    项目年度绩效目标衡量指标 一级指标 | 二级指标 | 分值 | 指标内容 | 指标值 | 评分细则 whose 二级 column names the
    indicator and whose 指标内容 explains it."""
    s = Sheet("申报表")
    s.put(1, 1, "财政支出绩效目标申报表", to_col=7)
    s.put(2, 1, "（2024年度）", to_col=7)
    s.put(3, 1, "填报单位：田东县农业农村局", to_col=7)
    s.put(4, 1, "项目名称")
    s.put(4, 2, "水稻绿色高产高效技术推广", to_col=3)
    s.put(4, 4, "项目类型")
    s.put(4, 5, "经常性项目", to_col=7)
    s.put(5, 1, "主管部门编码")
    s.put(5, 2, "145001", to_col=3)
    s.put(5, 4, "主管部门名称")
    s.put(5, 5, "田东县农业农村局", to_col=7)
    for col, value in enumerate(("项目实施单位", "田东县农业技术推广中心", "项目负责人", "黄明", "联系电话", "0776-5212345"), 1):
        s.put(6, col, value, to_col=7 if col == 6 else col)
    s.put(7, 1, "项目起止时间（如20190101）")
    s.put(7, 2, "20240101", to_col=3)
    s.put(7, 4, "到")
    s.put(7, 5, "20241231", to_col=7)
    s.put(8, 1, "项目资金申请（万元）", to_row=14)
    for row, (label, amount) in enumerate((("资金总额：", "85"), ("一般公共预算拨款：", "80"), ("政府性基金预算拨款：", "0"),
                                           ("国有资本经营预算拨款：", "0"), ("纳入财政专户管理的收入：", "0"),
                                           ("未纳入财政专户管理的收入：", "5"), ("上年结余收入：", "0")), start=8):
        s.put(row, 2, label, to_col=3)
        s.put(row, 4, amount, to_col=7)
    for row, label, text in ((15, "单位职能概述（450字内）", "负责全县农业技术推广、农产品质量安全和农业生产服务。"),
                             (16, "项目概况（450字内）", "建设水稻绿色高产高效示范片，推广新品种和测土配方施肥。")):
        s.put(row, 1, label)
        s.put(row, 2, text, to_col=7)
    s.put(17, 1, "项目立项情况", to_row=20)
    for row, label in enumerate(("项目立项的依据（450字内）", "项目申报的可行性（450字内）", "项目申报的必要性（450字内）",
                                 "项目实施进度计划（450字内）"), start=17):
        s.put(row, 2, label)
        s.put(row, 3, "按县农业农村工作要点实施。", to_col=7)
    s.put(21, 1, "项目绩效目标", to_row=22)
    s.put(21, 2, "长期目标（450字内）", to_col=4)
    s.put(21, 5, "年度目标（450字内）", to_col=7)
    s.put(22, 2, "三年内全县水稻绿色高产高效技术覆盖率达到60%。", to_col=4)
    goal = "推广水稻新品种5万亩，培训农户3000人次，项目区亩均增收100元以上。"
    s.put(22, 5, goal, to_col=7)
    s.put(23, 1, "项目年度绩效目标衡量指标", to_row=30)
    for col, head in enumerate(("一级指标", "二级指标", "分值", "指标内容（150字内）", "指标值（150字内）", "评分细则（150字内）"), 2):
        s.put(23, col, head)
    rows = (("投入指标", "资金到位率", "5", "资金到位率=（实际到位资金/计划投入资金）×100%。", "100%", "到位率100%得5分，每少10个百分点扣1分。"),
            ("投入指标", "预算支出进度", "15", "预算支出进度是否达到90%以上。", "≥90%", "每少1个百分点扣1分，扣完为止。"),
            ("过程指标", "项目资金专项核算", "5", "专项资金是否专款专用、专项核算。", "专款专用", "专款专用得2分，专项核算得3分。"),
            ("产出指标", "推广水稻新品种面积", "20", "全年推广水稻新品种的面积。", "≥5万亩", "每少0.5万亩扣2分。"),
            ("产出指标", "农户技术培训人次", "15", "全年开展技术培训的农户人次。", "≥3000人次", "每少300人次扣1分。"),
            ("效益指标", "项目区亩均增收", "20", "项目区水稻亩均增收金额。", "≥100元", "每少10元扣2分。"),
            ("满意度指标", "农户满意度", "20", "抽样调查项目区农户满意度。", "≥90%", "每低1个百分点扣1分。"))
    first = 24
    start = 0
    for index in range(1, len(rows) + 1):
        if index == len(rows) or rows[index][0] != rows[start][0]:
            s.put(first + start, 2, rows[start][0], to_row=first + index - 1)
            start = index
    for index, row in enumerate(rows):
        for col, value in enumerate(row[1:], start=3):
            s.put(first + index, col, value)
    return s, {"projects": [{
        "name": "水稻绿色高产高效技术推广", "unit": "田东县农业技术推广中心",
        "funds": {"total": "85.00", "fiscal": "80.00", "other": "5.00"}, "goal": goal,
        "indicators": [[l1, None, name, None, value] for l1, name, _, _, value, _ in rows]}]}


def shanghai_2019():
    """上海市财政支出项目绩效目标申报表 (360docs.net/doc/145716245.html): 申报单位名称：… in the title's cell, 项目类型
    and 资金用途 as rows of check boxes, 开始时间 | … | 结束时间 | …, 项目概况, 立项依据, 项目设立的必要性, 保证项目实施
    的制度、措施; its money and indicators as the city's 评审申报表 has them (kunmingchi.com/archives/m536dx2vrqzqmlkg7098.html):
    项目资金（万元） 合计 | 1、市级财政拨款 | 2、其他资金, 项目总体绩效目标, 项目年度绩效目标 with 一级 投入 / 产出 / 效果
    and 二级 时效目标 / 成本目标 / 数量目标 / …."""
    s = Sheet("申报表")
    s.put(1, 1, "上海市财政支出项目绩效目标申报表", to_col=6)
    s.put(2, 1, "申报单位名称：上海市闵行区社区服务中心", to_col=6)
    s.put(3, 1, "项目名称")
    s.put(3, 2, "社区长者助餐服务", to_col=6)
    s.put(4, 1, "项目类型")
    s.put(4, 2, "市委市政府已确定的新增项目□ 结转项目□ 其他一次性项目□\n经常性专项业务费☑ 其他经常性项目□", to_col=6)
    s.put(5, 1, "资金用途")
    s.put(5, 2, "基本建设工程类□ 信息化建设类□ 政策补贴类□ 政府购买服务☑ 资产购置类□ 其他事业专业类□", to_col=6)
    for col, value, to in ((1, "开始时间", 1), (2, "2024/1/1", 3), (4, "结束时间", 4), (5, "2024/12/31", 6)):
        s.put(6, col, value, to_col=to)
    for row, label, text in ((7, "项目概况", "在12个社区长者食堂为老年人提供助餐服务。"),
                             (8, "立项依据", "《上海市社区养老服务管理办法》和区民生实事项目安排。"),
                             (9, "项目设立的必要性", "满足高龄、独居老人就餐需求。"),
                             (10, "保证项目实施的制度、措施", "签订服务协议，每月考核服务质量。")):
        s.put(row, 1, label)
        s.put(row, 2, text, to_col=6)
    s.put(11, 1, "项目资金（万元）", to_row=13)
    for row, (label, amount) in enumerate((("合计", "68.5"), ("1、市级财政拨款", "60"), ("2、其他资金", "8.5")), start=11):
        s.put(row, 2, label, to_col=3)
        s.put(row, 4, amount, to_col=6)
    goal = "全年为辖区老年人提供助餐服务36万人次，老年人就餐满意度达到90%以上。"
    s.put(14, 1, "项目总体绩效目标")
    s.put(14, 2, goal, to_col=6)
    s.put(15, 1, "项目年度绩效目标", to_row=21)
    for col, head, to in ((2, "一级指标", 2), (3, "二级指标", 3), (4, "指标名称", 5), (6, "指标值", 6)):
        s.put(15, col, head, to_col=to)
    rows = (("投入", "时效目标", "项目完成时间", "2024年12月底前"),
            ("投入", "成本目标", "每餐补贴标准", "≤5元"),
            ("产出", "数量目标", "助餐服务人次", "≥36万人次"),
            ("产出", "质量目标", "食品安全抽检合格率", "100%"),
            ("效果", "社会效益目标", "长者食堂覆盖社区数", "12个"),
            ("效果", "服务对象满意度目标", "老年人就餐满意度", "≥90%"))
    merged_indicator_rows(s, 16, 2, rows, value_col=6)
    for index in range(len(rows)):
        s.ws.merge_cells(start_row=16 + index, start_column=4, end_row=16 + index, end_column=5)
    level = {"产出": "产出指标", "效果": "效益指标", "投入": "投入", "时效目标": "时效指标", "成本目标": "成本指标",
             "数量目标": "数量指标", "质量目标": "质量指标", "社会效益目标": "社会效益指标",
             "服务对象满意度目标": "服务对象满意度指标"}
    return s, {"projects": [{
        "name": "社区长者助餐服务", "unit": "上海市闵行区社区服务中心",
        "funds": {"total": "68.50", "fiscal": "60.00", "other": "8.50"}, "goal": goal,
        "indicators": [["满意度指标" if l2.startswith("服务对象") else level[l1], level[l2], name, None, value]
                       for l1, l2, name, value in rows]}]}


def municipal_two_tables():
    """项目支出绩效目标申报表 of a 市 (a stored page without its address: 项目预算（万元） 资金总额 | 其中：市财政资金 |
    其他资金：, 项目绩效目标描述 总目标 / 本年度目标, 项目实施进度计划, then 总目标绩效指标 and 本年度绩效指标 one under
    the other, each 一级指标 | 二级指标 | 指标内容 | 指标值 | 备注 with 一级 cells like 产出（工作量）指标（数量、质量、成本
    方面的指标） and numbered items, then 审核意见 of 主管部门, 第三方机构 and 市财政局)."""
    s = Sheet("申报表")
    s.put(1, 1, "项目支出绩效目标申报表", to_col=6)
    s.put(2, 1, "（2024年度）", to_col=6)
    s.put(3, 1, "填报单位：安康市文化和旅游广电局", to_col=6)
    s.put(4, 1, "项目名称")
    s.put(4, 2, "公共文化场馆免费开放", to_col=6)
    s.put(5, 1, "项目属性")
    s.put(5, 2, "新增项目□  延续项目☑", to_col=6)
    for col, value in enumerate(("主管部门", "安康市文化和旅游广电局", "项目负责人", "李华", "联系电话", "0915-3212345"), 1):
        s.put(6, col, value)
    s.put(7, 1, "项目起止时间")
    s.put(7, 2, "2023年1月至2025年12月", to_col=6)
    s.put(8, 1, "项目预算\n（万元）", to_row=10)
    for row, (label, amount) in enumerate((("资金总额", "150"), ("其中：市财政资金", "120"), ("其他资金：", "30")), start=8):
        s.put(row, 2, label, to_col=3)
        s.put(row, 4, amount, to_col=6)
    goal = "全年免费开放场馆不少于300天，接待群众20万人次以上。"
    s.put(11, 1, "项目绩效目标描述", to_row=12)
    s.put(11, 2, "总目标")
    s.put(11, 3, "三年内全市公共文化场馆免费开放全覆盖，年接待群众60万人次。", to_col=6)
    s.put(12, 2, "本年度目标")
    s.put(12, 3, goal, to_col=6)
    s.put(13, 1, "项目实施进度计划", to_row=15)
    for col, head in enumerate(("项目实施进度内容", "开始时间", "完成时间", "备注"), start=2):
        s.put(13, col, head, to_col=6 if col == 5 else col)
    s.put(14, 2, "1.场馆日常开放")
    s.put(14, 3, "2024年1月")
    s.put(14, 4, "2024年12月")
    s.put(15, 2, "2.公益讲座和展览")
    s.put(15, 3, "2024年3月")
    s.put(15, 4, "2024年11月")
    output = "产出（工作量）指标\n（数量、质量、成本方面的指标）"
    effect = "效益指标\n（经济效益、社会效益、环境效益、可持续影响等方面指标）"
    rows = ((output, "数量指标", "1.场馆免费开放天数", "≥900天", "≥300天"),
            (output, "数量指标", "2.公益讲座和展览场次", "≥150场", "≥50场"),
            (output, "质量指标", "3.安全责任事故", "0起", "0起"),
            (effect, "社会效益指标", "1.接待群众人次", "≥60万人次", "≥20万人次"),
            ("满意度指标", "服务对象满意度指标", "1.观众满意度", "≥90%", "≥90%"))
    for first, title, at in ((16, "总目标绩效指标", 3), (22, "本年度绩效指标", 4)):
        s.put(first, 1, title, to_row=first + len(rows))
        for col, head in enumerate(("一级指标", "二级指标", "指标内容", "指标值", "备注"), start=2):
            s.put(first, col, head)
        merged_indicator_rows(s, first + 1, 2, [row[:3] + (row[at],) for row in rows])
    s.put(28, 1, "审核意见", to_row=30)
    for row, label in enumerate(("主管部门审核意见", "第三方机构审核意见", "市财政局审核意见"), start=28):
        s.put(row, 2, label)
        s.put(row, 3, "审核人：          日期：", to_col=6)
    s.put(31, 1, "填报人及联系电话：              填报日期：", to_col=6)
    level1 = {output: "产出指标", effect: "效益指标", "满意度指标": "满意度指标"}
    return s, {"projects": [{
        "name": "公共文化场馆免费开放", "unit": None,
        "funds": {"total": "150.00", "fiscal": "120.00", "other": "30.00"}, "goal": goal,
        "indicators": [[level1[l1], l2, name.split(".", 1)[1], period, annual] for l1, l2, name, period, annual in rows]}]}


def shanghai_review_2017():
    """上海 绩效目标评审申报表 (kunmingchi.com/archives/m536dx2vrqzqmlkg7098.html): a cover (项目名称：…, 项目单位（印章）：
    …, 主管部门（印章）：…, 编报时间：…), 项目属性 and 项目类别 check boxes, 实施时间 预计开始时间 | 预计完成时间, 项目资金
    合计 | 1、市级财政拨款 | 2、其他资金, 一、项目概况 … 五、制度措施, 六、项目总体绩效目标, 七、项目支出预算明细 (项目用途 |
    金额 | 数量 | 单位 | 单价（元） | 测算依据 with a 合计 row), 八、预期进度与资金支出计划, 九、项目年度绩效目标 一级 | 二级
    | 绩效目标内容 | 指标值."""
    s = Sheet("评审申报表")
    s.put(1, 1, "绩效目标评审申报表", to_col=7)
    s.put(2, 1, "（适用2024年全部预算项目）", to_col=7)
    for row, text in enumerate(("项目名称：社区卫生服务中心设备更新", "项目单位（印章）：上海市徐汇区枫林街道社区卫生服务中心",
                                "主管部门（印章）：上海市徐汇区卫生健康委员会", "编报时间：2023年11月"), start=3):
        s.put(row, 1, text, to_col=7)
    s.put(7, 1, "项目属性")
    s.put(7, 2, "市委市政府确定项目□ 经常性项目□ 已确定分年度安排项目□ 其他项目☑", to_col=7)
    s.put(8, 1, "项目名称")
    s.put(8, 2, "社区卫生服务中心设备更新", to_col=4)
    s.put(8, 5, "项目类别")
    s.put(8, 6, "专项业务费□ 发展经费☑", to_col=7)
    for row, (label, who) in enumerate((("主管部门", "上海市徐汇区卫生健康委员会"),
                                        ("项目单位", "上海市徐汇区枫林街道社区卫生服务中心")), start=9):
        for col, value in enumerate((label, who, None, "联系人", "王敏", "联系电话", "021-64001234"), start=1):
            if value:
                s.put(row, col, value, to_col=3 if col == 2 else None)
    s.put(11, 1, "部门职能概述")
    s.put(11, 2, "提供社区基本医疗和基本公共卫生服务。", to_col=7)
    s.put(12, 1, "实施时间")
    s.put(12, 2, "预计开始时间：2024年3月1日", to_col=4)
    s.put(12, 5, "预计完成时间：2024年10月31日", to_col=7)
    s.put(13, 1, "项目资金\n（万元）", to_row=15)
    for row, (label, amount) in enumerate((("合计", "96"), ("1、市级财政拨款", "90"), ("2、其他资金", "6")), start=13):
        s.put(row, 2, label, to_col=3)
        s.put(row, 4, amount, to_col=7)
    for row, label in enumerate(("一、项目概况", "二、设立依据", "三、必要性", "四、可行性", "五、制度措施"), start=16):
        s.put(row, 1, label)
        s.put(row, 2, "更新DR、彩超等诊疗设备，提升社区诊疗能力。" if row == 16 else "按区卫生健康规划实施。", to_col=7)
    goal = "更新诊疗设备20台，社区首诊率提高到65%，居民就诊满意度90%以上。"
    s.put(21, 1, "六、项目总体绩效目标")
    s.put(21, 2, goal, to_col=7)
    s.put(22, 1, "七、项目支出预算明细", to_row=25)
    for col, head in enumerate(("项目用途", "金额（万元）", "数量", "单位", "单价（元）", "测算依据"), start=2):
        s.put(22, col, head)
    for row, values in enumerate((("1、DR设备", "60", "1", "台", "600000", "市场询价"),
                                  ("2、彩超及检验设备", "36", "19", "台", "18947", "市场询价"),
                                  ("合计", "96", None, None, None, None)), start=23):
        for col, value in enumerate(values, start=2):
            s.put(row, col, value)
    s.put(26, 1, "八、预期进度与资金支出计划", to_row=28)
    for col, head, to in ((2, "实施起止时间", 3), (4, "实施内容", 5), (6, "资金支出计划（万元）", 7)):
        s.put(26, col, head, to_col=to)
    for row, values in enumerate((("2024年3月-6月", "政府采购", "0"), ("2024年7月-10月", "安装调试并付款", "96")), start=27):
        for (col, to), value in zip(((2, 3), (4, 5), (6, 7)), values):
            s.put(row, col, value, to_col=to)
    s.put(29, 1, "九、项目年度绩效目标", to_row=35)
    for col, head, to in ((2, "一级指标", 2), (3, "二级指标", 3), (4, "绩效目标内容", 6), (7, "指标值", 7)):
        s.put(29, col, head, to_col=to)
    rows = (("投入", "时效目标", "设备采购安装完成时间", "2024年10月底前"),
            ("投入", "成本目标", "设备采购总成本", "≤96万元"),
            ("产出", "数量目标", "更新诊疗设备数量", "20台"),
            ("产出", "质量目标", "设备验收合格率", "100%"),
            ("效果", "社会效益目标", "社区首诊率", "≥65%"),
            ("效果", "服务对象满意度目标", "居民就诊满意度", "≥90%"))
    merged_indicator_rows(s, 30, 2, rows, value_col=7)
    for index in range(len(rows)):
        s.ws.merge_cells(start_row=30 + index, start_column=4, end_row=30 + index, end_column=6)
    level = {"产出": "产出指标", "效果": "效益指标", "投入": "投入", "时效目标": "时效指标", "成本目标": "成本指标",
             "数量目标": "数量指标", "质量目标": "质量指标", "社会效益目标": "社会效益指标",
             "服务对象满意度目标": "服务对象满意度指标"}
    return s, {"projects": [{
        "name": "社区卫生服务中心设备更新", "unit": "上海市徐汇区枫林街道社区卫生服务中心",
        "funds": {"total": "96.00", "fiscal": "90.00", "other": "6.00"}, "goal": goal,
        "indicators": [["满意度指标" if l2.startswith("服务对象") else level[l1], level[l2], name, None, value]
                       for l1, l2, name, value in rows]}]}


LAYOUTS = {"fengjie-2023": fengjie_approval, "jingyan-2023": jingyan_summary, "yueyanglou-2023": yueyanglou_department,
           "baodi-2022": baodi_investment, "tiandong-2021": guangxi_scores_2021, "minhang-2019": shanghai_2019,
           "ankang-two-tables": municipal_two_tables, "xuhui-review-2017": shanghai_review_2017}
CONVERTED = {"fengjie-2023": (".html",), "jingyan-2023": (".html", ".pdf"), "tiandong-2021": (".html",),
             "yueyanglou-2023": (".html",)}


def main(argv: list[str]) -> int:
    """Writes each layout's .xlsx (and the web pages and PDFs of CONVERTED, by LibreOffice) into round3/, and the
    facts into round3/round3.expected.json."""
    facts = {}
    OUT.mkdir(exist_ok=True)
    for name, make in LAYOUTS.items():
        sheet, known = make()
        path = OUT / f"{name}.xlsx"
        sheet.save(path)
        facts[name] = known
        for extension in CONVERTED.get(name, ()):
            with tempfile.TemporaryDirectory() as folder:
                subprocess.run(["soffice", "--headless", "--convert-to", extension.lstrip("."), "--outdir", folder,
                                str(path)], check=True, capture_output=True, timeout=120)
                (OUT / f"{name}{extension}").write_bytes((Path(folder) / f"{name}{extension}").read_bytes())
        print(path)
    (OUT / "round3.expected.json").write_text(json.dumps(facts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
