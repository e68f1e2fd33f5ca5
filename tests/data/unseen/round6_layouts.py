"""Round 6 of the unseen layouts: published forms of 湖南澧县 (农业: a unit's 部门整体支出 form whose budget is split
by income and by spending side by side, 指标解释 | 指标说明及公式 before the value), 湖南岳阳县 (农业农村: a 基础设施建设类
form whose amounts are prose, 854万(…400万元,…), the fiscal cell printed twice over) and 宁夏原州 (农业 自评表: a 指标1 /
指标2 column between 二级 and the indicator, 中央补助 / 自治区补助 / 市县资金 as sources), 安徽黄山 (公安: all projects in one
table under their unit's and categories' rows, amounts in 元 unsaid, goal and indicators in one cell under 【产出指标-数量
指标】 headings) and 安徽宣城 (公安 自评表: a …… row, 一级 printed as its score only), each after a stored page (the
docstring names it, and says which rows past the page's excerpt were completed in its kind), with the facts each
holds (round6/round6.expected.json). None of them was read by the readers before this round's test was written."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "round6"
sys.path.insert(0, str(HERE))

from round4_layouts import ruled
from sheets import Sheet, merged_indicator_rows, write_layouts


def lixian_department_2021():
    """湖南 澧县食用菌研究所 部门整体支出项目绩效目标申报表（2021年度） (li-xian.gov.cn/zwgk/public/6616363/
    1168565791.html): 填报单位（公章） over the form, 部门（单位）名称, 资金类别 | 业务股室 on one row, 年度预算申请（万元）
    with 资金总额 over two label | amount pairs per row (按收入性质分 | 按支出性质分), 部门职能职责概述, 整体绩效目标, then
    绩效目标 beside 一级 | 二级 | 三级 | 指标解释 | 指标说明及公式 | 预期达到目标. The 效益/满意度 rows past the excerpt
    are completed in the kind of the 产出 rows."""
    s = Sheet("部门整体")
    s.put(1, 1, "部门整体支出项目绩效目标申报表", to_col=7)
    s.put(2, 1, "（    2021     年度）", to_col=7)
    s.put(3, 1, "填报单位(公章):  澧县食用菌研究所", to_col=7)
    name = "澧县食用菌研究所"
    s.put(4, 1, "部门(单位)名称", to_col=2)
    s.put(4, 3, name, to_col=7)
    s.put(5, 1, "资金类别", to_col=2)
    s.put(5, 3, "部门(单位)整体支出", to_col=4)
    s.put(5, 5, "业务股室")
    s.put(5, 6, "农业股", to_col=7)
    s.put(6, 1, "年度预算申请\n(万元)", to_row=11, to_col=2)
    s.put(6, 3, "资金总额")
    s.put(6, 4, 222.45, to_col=7)
    s.put(7, 3, "按收入性质分:", to_col=4)
    s.put(7, 5, "按支出性质分:", to_col=7)
    for row, (income, amount, spending, spent) in enumerate((
            ("公共财政拨款", 222.45, "基本支出", 220.45), ("政府性基金拨款", None, "项目支出", 2),
            ("纳入专户管理的非税收入拨款", None, None, None), ("其他资金", None, None, None)), start=8):
        s.put(row, 3, income)
        s.put(row, 4, amount)
        s.put(row, 5, spending)
        s.put(row, 6, spent, to_col=7)
    functions = ("县食用菌研究所为县农业农村局所属副科级公益类事业单位，主要职能是为全县食用菌生产科研提供服务，引进新品种，"
                 "对食用菌新技术进行推广。推动我县食用菌和中药材产业健康稳定发展，围绕食用菌品种结构进一步优化，秸秆基料化利用率"
                 "进一步提高等工作。")
    s.put(12, 1, "部门职能职责概述", to_col=2)
    s.put(12, 3, functions, to_col=7)
    goal = ("1、围绕我县农业特色产业发展的总体要求，着力培育我县食用菌及中药材产业，夯实产业基础。2、以局党组为核心，配合抓好"
            "局里各项中心工作，以服务强根本。3、保障干部职工生活待遇，保证日常工作正常运转")
    s.put(13, 1, "整体绩效目标", to_col=2)
    s.put(13, 3, goal, to_col=7)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标解释", "指标说明及公式", "预期达到目标"), start=2):
        s.put(14, col, head)
    rows = (("产出指标", "数量指标", "研究培育食用菌品种数量", "研究培育食用菌品种数量", None, "2种"),
            ("产出指标", "数量指标", "培育中药材品种数量", "培育中药材品种数量", None, "4种"),
            ("产出指标", "数量指标", "创建食用菌生产基地", "创建食用菌生产基地", None, "2个"),
            ("产出指标", "数量指标", "推广食用菌品种数量", "推广食用菌品种数量", None, "3种"),
            ("产出指标", "数量指标", "消化利用农作物秸秆数量", "建立秸秆综合利用点", None, "5个"),
            ("产出指标", "数量指标", "技术指导服务数量", "对生产种植企业技术指导服务数量", None, "10家"),
            ("产出指标", "质量指标", "机关事务正常运转率", "机关事务正常运转率", None, "100%"),
            ("产出指标", "质量指标", "党建任务完成率", "上级党组织要求完成党建工作任务完成率", None, "100%"),
            ("产出指标", "质量指标", "培育推广成功率", "食用菌及中药材培育推广成功率", None, "≥90%"),
            ("效益指标", "经济效益指标", "带动农户增收", "推广品种带动农户增收情况", None, "≥50万元"),
            ("效益指标", "生态效益指标", "秸秆综合利用率", "农作物秸秆基料化利用率", "利用量/产生量×100%", "≥85%"),
            ("满意度指标", "服务对象满意度指标", "种植户满意度", "技术服务对象满意度", None, "≥90%"))
    s.put(14, 1, "绩效目标", to_row=14 + len(rows))
    merged_indicator_rows(s, 15, 2, rows)
    return ruled(s, 4), {"department": {
        "name": name, "functions": functions, "overall_goal": goal,
        "budget": {"fiscal": "222.45", "basic": "220.45", "project": "2"}, "tasks": [],
        "indicators": [[l1, l2, ind, None, value] for l1, l2, ind, _, _, value in rows]}}


def yueyangxian_2022():
    """湖南 岳阳县 乡村振兴衔接资金绩效目标申报表（高标准农田建设） (yyx.gov.cn/37584/38137/content_2016103.html):
    绩效目标申报表（基础设施建设类）, 项目名称 | … | 项目负责人及电话, 主管部门 | 实施单位, 资金情况（万元） whose
    年度资金总额 is prose (854万(高标准农田建设400万元,…)) and whose 其中：财政拨款 cell is that prose printed twice
    over (854万854万(…)), 总体目标 | 年度目标, 一级 | 二级 | 三级 | 指标值 with 二级 words broken over lines
    (经济效益\\n指标) and a 注 under the table. The whole table stands in the page's excerpt."""
    s = Sheet("申报表")
    s.put(1, 1, "绩效目标申报表(基础设施建设类)", to_col=5)
    s.put(2, 1, "(2022年度)", to_col=5)
    name = "岳阳县2022年高标准农田建设项目"
    s.put(3, 1, "项目名称")
    s.put(3, 2, name, to_col=3)
    s.put(3, 4, "项目负责人及电话")
    s.put(3, 5, "彭兵")
    s.put(4, 1, "主管部门")
    s.put(4, 2, "岳阳县农业农村局", to_col=3)
    s.put(4, 4, "实施单位")
    s.put(4, 5, "农田建设服务中心")
    prose = "854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)"
    s.put(5, 1, "资金情况 (万元)", to_row=7)
    s.put(5, 2, "年度资金总额:")
    s.put(5, 3, prose, to_col=5)
    s.put(6, 2, "其中:财政拨款")
    s.put(6, 3, "854万" + prose, to_col=5)
    s.put(7, 2, "其他资金")
    s.put(7, 3, None, to_col=5)
    goal = "完成项目主体工程70%"
    s.put(8, 1, "总体目标")
    s.put(8, 2, "年度目标")
    s.put(8, 3, goal, to_col=5)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标值"), start=2):
        s.put(9, col, head)
    rows = (("产出指标", "数量指标", "脱贫村村内道路硬化里程", "≥100公里"),
            ("产出指标", "数量指标", "脱贫户供水设施数量", "≥20座"),
            ("产出指标", "质量指标", "项目(工程)验收合格率", "100%"),
            ("产出指标", "时效指标", "项目(工程)完成及时率", "≥100%"),
            ("产出指标", "成本指标", "财政资金补助", "1600元/亩"),
            ("效益指标", "经济效益\n指标", "年增粮食", "3500公斤"),
            ("效益指标", "社会效益\n指标", "受益脱贫(监测)人口数", "≥500人"),
            ("效益指标", "社会效益\n指标", "解决脱贫(监测)饮水安全问题人数", "≥1000人"),
            ("效益指标", "生态效益\n指标", "新增和改善灌溉达标面积", "≥500亩"),
            ("效益指标", "生态效益\n指标", "新增和改善排水达标面积", "≥200亩"),
            ("效益指标", "可持续影响\n指标", "工程设计使用年限", "≥20年"),
            ("满意度指标", "服务对象满意度指标", "受益脱贫(监测)户满意度", "≥95%"))
    s.put(9, 1, "绩效指标", to_row=9 + len(rows))
    merged_indicator_rows(s, 10, 2, rows)
    s.put(10 + len(rows), 1, "注:各地请根据实际情况,从上述绩效指标中选择适合的填报(其中三颗星为必填的核心绩效指标,可结合已下达的"
                              "中央对地方专项转移支付绩效指标),也可自行增加或适当调整。", to_col=5)
    return ruled(s, 3), {"projects": [{
        "name": name, "unit": "农田建设服务中心", "funds": {"total": "854", "fiscal": "854"}, "goal": goal,
        "indicators": [[l1, l2.replace("\n", ""), ind, None, value] for l1, l2, ind, value in rows]}]}


def yuanzhou_review_2022():
    """宁夏 固原原州 马铃薯种薯繁育示范推广项目绩效目标自评表（2022年度） (bigxun.com/view/1651813082920488962, a copy
    of the published form): 项目总得分 beside the year, 实施单位/项目负责人 in one cell (原州区农技中心/杨勃兴),
    自治区主管部门, 专项实施期 | 市县财政部门 | 市县主管部门, 资金情况 全年预算数（A） | 全年执行数（B） | 执行率 over
    年度资金总额 | 中央补助 | 自治区补助 | 市县资金, 年度总体目标, then 一级 | 二级 | 三级 (over two columns: 指标1 |
    the indicator) | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及改进措施. The project's name is OCR-garbled on
    the copy (碟令薯樽轴示施项目): written as its title says. The 满意度 row past the excerpt is completed in its kind."""
    s = Sheet("自评表")
    name = "马铃薯种薯繁育示范推广项目"
    s.put(1, 1, f"{name}绩效目标自评表", to_col=10)
    s.put(2, 1, "(2022年度)", to_col=8)
    s.put(2, 9, "项目总得分", to_col=9)
    s.put(2, 10, "99分")
    s.put(3, 1, "项目名称", to_col=2)
    s.put(3, 3, name, to_col=10)
    s.put(4, 1, "实施单位/项目负责人", to_col=2)
    s.put(4, 3, "原州区农技中心/杨勃兴", to_col=6)
    s.put(4, 7, "自治区主管部门", to_col=8)
    s.put(4, 9, "农业农村厅", to_col=10)
    s.put(5, 1, "专项实施期", to_col=2)
    s.put(5, 3, "2022年3月-2022年11月", to_col=4)
    s.put(5, 5, "市县财政部门")
    s.put(5, 6, "原州区财政局")
    s.put(5, 7, "市县主管部门", to_col=8)
    s.put(5, 9, "原州区农业农村局", to_col=10)
    s.put(6, 1, "资金情况(万元)", to_row=10, to_col=2)
    s.put(6, 3, None, to_col=4)
    s.put(6, 5, "全年预算数(A)", to_col=6)
    s.put(6, 7, "全年执行数(B)", to_col=8)
    s.put(6, 9, "执行率(B/A)", to_col=10)
    for row, (label, planned, spent, rate) in enumerate((
            ("年度资金总额", 300, 259.45, "86.5%"), ("其中:中央补助", None, None, None),
            ("自治区补助", "300万元", "259.45万元", "86.5%"), ("市县资金", None, None, None)), start=7):
        s.put(row, 3, label, to_col=4)
        s.put(row, 5, planned, to_col=6)
        s.put(row, 7, spent, to_col=8)
        s.put(row, 9, rate, to_col=10)
    goal = ("一是通过政府招标采购方式，采购马铃薯原原种425万粒，免费向全区农户、种植大户、合作社和企业发放，完成马铃薯原种繁育田"
            "850亩；二是企业自行采购马铃薯原原种200万粒，建成原种基地400亩，共计建成原种繁育基地1250亩，平均亩产马铃薯原种2500公斤")
    s.put(11, 1, "年度总体目标", to_col=2)
    s.put(11, 3, goal, to_col=10)
    s.put(12, 2, "一级指标")
    s.put(12, 3, "二级指标")
    s.put(12, 4, "三级指标", to_col=5)  # over the 指标1 column and the indicator's
    for col, head in enumerate(("分值", "年度指标值", "全年实际值", "得分", "未完成原因及改进措施"), start=6):
        s.put(12, col, head)
    rows = (("产出指标(40分)", "数量指标", "指标1", "免费发放原原种", 8, "550万粒", "550万粒", 8, None),
            ("产出指标(40分)", "数量指标", "指标2", "企业自行采购", 8, "200万粒", "200万粒", 8, None),
            ("产出指标(40分)", "数量指标", "指标3", "一级种薯繁育基地", 8, "≥500亩", "535.5亩", 8, None),
            ("产出指标(40分)", "质量指标", "指标1", "采购的原原种合格率", 8, "≥90%", "90%", 8, None),
            ("产出指标(40分)", "时效指标", "指标1", "2022年11月30日前完成资金支付", 8, "100%", "100%", 8, None),
            ("产出指标(40分)", "成本指标", "指标1", "种薯采购价格不高于市场价", 8, "是", "是", 8, None),
            ("效益指标(40分)", "经济效益指标", "指标1", "种薯亩均收入较鲜薯亩均收入", 8, "≥5%", "≥5%", 8, None),
            ("效益指标(40分)", "社会效益指标", "指标1", "一级种薯推广面积占总面积比例", 8, "≥80%", "≥80%", 8, None),
            ("效益指标(40分)", "社会效益指标", "指标2", "群众对脱毒种薯和主食化专用品种的认知度", 8, "≥50%", "≥50%", 8,
             None),
            ("效益指标(40分)", "可持续影响指标", "指标1", "持续完善马铃薯种薯繁育体系，保障脱毒马铃薯种薯供应", 8, "是",
             "基本达到", 7, "加强技术指导，加大宣传力度"),
            ("满意度指标(20分)", "服务对象满意度指标", "指标1", "种薯繁育企业、种植农户满意度", 20, "≥90%", "95%", 20, None))
    s.put(12, 1, "绩效指标", to_row=12 + len(rows))
    merged_indicator_rows(s, 13, 2, rows)
    s.put(13 + len(rows), 1, "总分", to_col=5)
    s.put(13 + len(rows), 6, 100)
    s.put(13 + len(rows), 9, 99)
    return ruled(s, 3), {"projects": [{
        "name": name, "unit": "原州区农技中心", "funds": {"total": "300"}, "goal": goal,
        "indicators": [[l1.split("(")[0], l2, ind, None, value] for l1, l2, _, ind, _, value, *_ in rows]}]}


def huangshan_police_2025():
    """安徽 黄山市公安局2025年项目绩效目标和指标 (huangshan.gov.cn/zwgk/public/6615714/11798831.html): one table of all
    projects, 单位编码 | 单位名称（项目类别/支出项目） | 年度预算安排 | 项目内容 | 绩效目标, the department's, the unit's
    and each category's rows (其他运转类, 本级项目) above their projects with their sums, the amounts in 元 with no word
    saying so (the indicators do: 维护成本(<1681680元)), and each project's goal and indicators in one cell:
    【总体目标】 then 【产出指标-数量指标】 headings over 指标1:名称(值) lines. The page's excerpt ends in 执法办案费's
    项目概况: its goal and indicators, and the third project, are completed in the kind of the first."""
    s = Sheet("项目绩效目标")
    s.put(1, 1, "黄山市公安局2025年项目绩效目标和指标", to_col=5)
    for col, head in enumerate(("单位编码", "单位名称(项目类别\n/支出项目)", "年度预算安排", "项目内容", "绩效目标"), 1):
        s.put(2, col, head)
    unit = "黄山市公安局"
    projects = (
        ("其他运转类", "黄山市雪亮工程市本级机房租赁2024至2027服务采购项目", 1681680,
         "【项目概况】:该项目为市本级雪亮工程后端机房租赁服务,共计77个机柜,租赁周期为36个月。项目已于2024年7月完成招标"
         "采购,服务期限3年,逐年支付费用。",
         "保障雪亮工程机房租赁延续,保障机房内所有设备设施运转,保障雪亮工程持续发挥积极作用",
         (("产出指标", "数量指标", "机柜数量", "≥77台"), ("产出指标", "质量指标", "视频监控在线率", "≥0.97比例"),
          ("产出指标", "时效指标", "维护及时性", "<24小时"), ("产出指标", "成本指标", "维护成本", "<1681680元"),
          ("效益指标", "经济效益指标", "为全市经济发展保驾护航", "正面支撑"),
          ("效益指标", "社会效益指标", "服务保障民生", "有力保障"),
          ("效益指标", "生态效益指标", "为生态环境保护提供支撑", "正面支撑"),
          ("效益指标", "可持续影响指标", "持续保障社会发展", "持续保障"),
          ("满意度指标", "服务对象满意度指标", "提升群众安全感", "≥90%"))),
        ("本级项目", "执法办案费", 100000,
         "【项目概况】:专门用于国保、反恐、禁毒业务,打击违法犯罪,维护社会稳定。",
         "保障国保、反恐、禁毒等执法办案工作顺利开展,有效打击违法犯罪",
         (("产出指标", "数量指标", "办理案件数", "≥300起"), ("产出指标", "质量指标", "办案合规率", "100%"),
          ("产出指标", "时效指标", "经费支付及时性", "及时"), ("产出指标", "成本指标", "办案经费", "≤100000元"),
          ("效益指标", "社会效益指标", "社会治安秩序", "持续向好"),
          ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"))),
        ("本级项目", "禁毒宣传教育经费", 200000,
         "【项目概况】:开展全市禁毒宣传教育活动,提升全民禁毒意识。",
         "开展禁毒宣传进校园、进社区活动,全民禁毒意识进一步增强",
         (("产出指标", "数量指标", "宣传活动场次", "≥20场"), ("产出指标", "质量指标", "宣传覆盖率", "≥90%"),
          ("产出指标", "时效指标", "活动完成时间", "2025年12月底前"), ("产出指标", "成本指标", "宣传经费", "≤200000元"),
          ("效益指标", "社会效益指标", "禁毒知识知晓率", "≥95%"),
          ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"))))
    categories: dict[str, int] = {}
    for category, _, amount, *_ in projects:
        categories[category] = categories.get(category, 0) + amount
    total = sum(categories.values())
    s.put(3, 2, unit)
    s.put(3, 3, total)  # the department's row: its other units (past the excerpt) left out, so it adds up
    s.put(4, 1, "037001")
    s.put(4, 2, unit)
    s.put(4, 3, total)
    row, facts = 5, []
    for category in categories:
        s.put(row, 2, category)
        s.put(row, 3, categories[category])
        row += 1
        for _, name, amount, content, goal, indicators in (p for p in projects if p[0] == category):
            s.put(row, 1, "037001")
            s.put(row, 2, name)
            s.put(row, 3, amount)
            s.put(row, 4, content)
            lines, heading = ["【总体目标】", goal], None
            for level1, level2, indicator, value in indicators:
                if (level1, level2) != heading:
                    heading, number = (level1, level2), 0
                    lines.append(f"【{level1}-{level2}】")
                number += 1
                lines.append(f"指标{number}:{indicator}({value})")
            s.put(row, 5, "\n".join(lines))
            row += 1
            facts.append({"name": name, "unit": unit, "funds": {"total": str(amount / 10000)}, "goal": goal,
                          "indicators": [[l1, l2, ind, None, value] for l1, l2, ind, value in indicators]})
    for letter, width in zip("ABCDE", (10, 30, 14, 40, 60)):
        s.ws.column_dimensions[letter].width = width
    return ruled(s, 2), {"projects": facts}


def huangshan_police_2025_cut():
    """黄山's table with every column as narrow as the others' (16): the first project's goal cell needs a row
    taller than a page, which Calc prints cut at the page's foot (its rules and the rest of its text run on past the
    page in the PDF, where no clip hides them)."""
    sheet, facts = huangshan_police_2025()
    for letter in "ABCDE":
        sheet.ws.column_dimensions[letter].width = 16
    return sheet, facts


def xuancheng_police_review_2021():
    """安徽 宣城市公安局禁毒项目绩效支出自评表（2021年度） (gaj.xuancheng.gov.cn/OpennessContent/show/2572090.html):
    项目资金 年初预算数 | 全年预算数（A） | 全年执行数（B） | 分值 | 执行率 | 得分, 年度总体目标完成情况 预期目标 | 实际完成
    情况, then 年度绩效指标完成情况 beside 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因, whose
    一级 cell says only its score ((50分): the word 产出指标 lost in print) and whose 三级 names carry their item
    number (指标1:禁毒舞台剧宣传的场次), …… rows standing for items not filled in. The rows past the excerpt's
    质量指标 are completed in its kind."""
    s = Sheet("自评表")
    name = "禁毒经费"
    s.put(1, 1, "项目支出绩效自评表", to_col=9)
    s.put(2, 1, "(2021年度)", to_col=9)
    s.put(3, 1, "项目名称", to_col=2)
    s.put(3, 3, name, to_col=9)
    s.put(4, 1, "主管部门", to_col=2)
    s.put(4, 3, "宣城市公安局", to_col=5)
    s.put(4, 6, "实施单位")
    s.put(4, 7, "禁毒支队", to_col=9)
    s.put(5, 1, "项目资金\n(万元)", to_row=9, to_col=2)
    for col, head in enumerate(("", "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"), 3):
        s.put(5, col, head or None)
    for row, values in enumerate((("年度资金总额:", 100, 100, 100, 10, "100%", 10),
                                  ("其中:本年财政拨款", 100, 100, 100, "-", None, "-"),
                                  ("上年结转资金", None, None, None, "-", None, "-"),
                                  ("其他资金", None, None, None, "-", None, "-")), start=6):
        for col, value in enumerate(values, 3):
            s.put(row, col, value)
    goal = ("支持公安机关开展禁毒业务工作,补助必须的办案、业务、装备等开支,有效的打击毒品犯罪,遏制毒品蔓延、毒品渗透、毒品制贩"
            "和毒品流入非法渠道,进一步巩固禁种铲毒工作成果,进一步增强全民禁毒意识")
    s.put(10, 1, "年度总体目标完成情况", to_row=11, to_col=2)
    s.put(10, 3, "预期目标", to_col=5)
    s.put(10, 6, "实际完成情况", to_col=9)
    s.put(11, 3, goal, to_col=5)
    s.put(11, 6, "有效的打击了毒品犯罪,提升了群众安全感和满意度。", to_col=9)
    for col, head in enumerate(("一级\n指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                "偏差原因分析及改进措施"), 2):
        s.put(12, col, head)
    rows = (("(50分)", "数量指标", "指标1:禁毒舞台剧宣传的场次", "≥1场", "1场", 12, 12, None),
            ("(50分)", "数量指标", "指标2:毛发检查试剂数量", "≥2400份", "3200份", 12, 12, None),
            ("(50分)", "数量指标", "……", None, None, None, None, None),
            ("(50分)", "质量指标", "指标1:经费支出合规性", "严格执行相关财经法规制度", "严格执行相关财经法规制度", 13, 13,
             None),
            ("(50分)", "时效指标", "指标1:经费支出及时性", "及时", "及时", 13, 13, None),
            ("效益指标(30分)", "社会效益指标", "指标1:群众禁毒意识", "明显增强", "明显增强", 30, 30, None),
            ("满意度指标(10分)", "服务对象满意度指标", "指标1:群众满意度", "≥90%", "95%", 10, 10, None))
    s.put(12, 1, "年度绩效指标完成情况", to_row=12 + len(rows))
    merged_indicator_rows(s, 13, 2, rows)
    s.put(13 + len(rows), 1, "总分", to_col=6)
    s.put(13 + len(rows), 7, 100)
    s.put(13 + len(rows), 8, 100)
    named = [row for row in rows if row[2] != "……"]
    return ruled(s, 3), {"projects": [{
        "name": name, "unit": "禁毒支队", "funds": {"total": "100", "fiscal": "100"}, "goal": goal,
        "indicators": [["产出指标" if l1 == "(50分)" else l1.split("(")[0], l2, ind.split(":", 1)[1], None, value]
                       for l1, l2, ind, value, *_ in named]}]}


def jiayuguan_2023(typed: bool = False):
    """甘肃 嘉峪关 省级部门预算项目支出绩效目标表（2023年度） (bigxun.com/view/1667741699571552258, a copy of the
    published forms): one form per project, two on one sheet, each naming an 一级项目名称 (the fund: 文化事业发展专项
    资金) above its 二级项目名称 (the project), 项目总投资 | 中央补助安排 | 省级财政安排 | 其他资金 | 预算申报数, the
    units of 组织实施 / 监督管理 / 项目实施, 年度绩效目标, then 一级 | 二级 | 三级 | 指标目标值 with 成本指标 as an 一级
    (经济/社会/生态环境成本指标) and values such as =100百分比. The copy's OCR slips (二100, LJUI,冈位) are written as
    the form has them (=100, 增加岗位); the second form past the excerpt is completed in the first's kind.
    typed: the values opening with "=" typed into the sheet as a clerk types them, which Calc takes for formulas that
    do not compute (#NAME?): each such value is no fact the file holds."""
    s = Sheet("绩效目标表", typed=typed)
    forms = (("文化事业发展专项资金", "博物馆纪念馆市级免费开放补助资金", "20", "嘉峪关城市博物馆",
              "进一步提高博物馆纪念馆运行效率和免费开放服务水平",
              (("产出指标", "数量指标", "免费开放天数", "=300天"), ("产出指标", "质量指标", "博物馆绩效考核指标完成率", "=100百分比"),
               ("产出指标", "时效指标", "各项工作完成及时率", "=99百分比"),
               ("成本指标", "经济成本指标", "资金使用效率", "=100百分比"),
               ("成本指标", "社会成本指标", "对当地文物保护、文化传承影响", "长远"),
               ("成本指标", "生态环境成本指标", "提升博物馆绿化水平", "提升"),
               ("效益指标", "经济效益指标", "为当地提供就业岗位", "增加岗位"),
               ("效益指标", "社会效益指标", "免费开放接待观众人数", "=30000人次"),
               ("效益指标", "生态效益指标", "历史文化传承环保意识", "时限长远"),
               ("满意度指标", "服务对象满意度指标", "服务对象满意度", "=99百分比"))),
             ("公共文化服务体系建设专项资金", "博物馆提升改造项目", "174.78", "嘉峪关长城博物馆",
              "完成博物馆展厅提升改造，改善观众参观条件",
              (("产出指标", "数量指标", "提升改造展厅数量", "=2个"), ("产出指标", "质量指标", "工程验收合格率", "=100百分比"),
               ("产出指标", "时效指标", "项目完成时限", "2023年12月底前"),
               ("成本指标", "经济成本指标", "改造成本控制", "≤174.78万元"),
               ("效益指标", "社会效益指标", "年接待观众人数", "≥50000人次"),
               ("满意度指标", "服务对象满意度指标", "观众满意度", "≥95百分比"))))
    row, facts = 1, []
    for fund, name, amount, unit, goal, indicators in forms:
        s.put(row, 1, "省级部门预算项目支出绩效目标表", to_col=6)
        s.put(row + 1, 1, "（2023年度）", to_col=6)
        row += 2
        pairs = ((("一级项目名称", fund), ("二级项目名称", name)), (("项目类型", "新增项目"), ("项目分类", "专项工作经费")),
                 (("资金用途", "业务类项目"), ("主管部门", "嘉峪关市文化和旅游局")),
                 (("项目开始日期", "2023-01-01"), ("项目完成日期", "2023-12-31")),
                 (("项目总投资", f"{amount}万元"), ("中央补助安排", "0")), (("省级财政安排", "0"), ("其他资金", f"{amount}万元")),
                 (("预算申报数", f"{amount}万元"), ("资金性质", "一般公共预算")),
                 (("组织实施单位", "甘肃省文物局"), ("监督管理单位", "嘉峪关文旅局")), (("项目实施单位", unit), ("政策依据", "甘财科[2022]78号")))
        for (label1, value1), (label2, value2) in pairs:
            s.put(row, 1, label1)
            s.put(row, 2, value1, to_col=3)
            s.put(row, 4, label2)
            s.put(row, 5, value2, to_col=6)
            row += 1
        s.put(row, 1, "年度绩效目标")
        s.put(row, 2, goal, to_col=6)
        row += 1
        for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标目标值"), start=1):
            s.put(row, col, head, to_col=6 if col == 4 else None)
        merged_indicator_rows(s, row + 1, 1, [(*levels, value) for *levels, value in indicators], value_col=4)
        for offset in range(len(indicators)):
            s.ws.merge_cells(start_row=row + 1 + offset, start_column=4, end_row=row + 1 + offset, end_column=6)
        row += len(indicators) + 2
        facts.append({"name": name, "unit": unit, "funds": {"total": amount, "other": amount}, "goal": goal,
                      "indicators": [[l1, l2, ind, None, None if typed and value.startswith("=") else value]
                                     for l1, l2, ind, value in indicators]})
    return ruled(s, 1), {"projects": facts}


def jiayuguan_2023_typed():
    """嘉峪关's forms with =300天 typed as a clerk types it: Calc's copies (.ods, web page) show #NAME? there."""
    return jiayuguan_2023(typed=True)


LAYOUTS = {"lixian-department-2021": lixian_department_2021, "yueyangxian-2022": yueyangxian_2022,
           "yuanzhou-review-2022": yuanzhou_review_2022, "huangshan-police-2025": huangshan_police_2025,
           "huangshan-police-2025-cut": huangshan_police_2025_cut,
           "xuancheng-police-review-2021": xuancheng_police_review_2021, "jiayuguan-2023": jiayuguan_2023,
           "jiayuguan-2023-typed": jiayuguan_2023_typed}
CONVERTED = {"lixian-department-2021": (".html", ".pdf"), "yueyangxian-2022": (".html", ".pdf"),
             "yuanzhou-review-2022": (".html",), "huangshan-police-2025": (".html", ".pdf"),
             "huangshan-police-2025-cut": (".pdf",),
             "xuancheng-police-review-2021": (".html",), "jiayuguan-2023": (".html",),
             "jiayuguan-2023-typed": (".xlsx", ".ods", ".xls", ".html")}  # .xlsx first: Calc's own save, showing #NAME?


def main(argv: list[str]) -> int:
    """Writes each layout's .xlsx (and the conversions of CONVERTED, by LibreOffice) into round6/, and the facts
    into round6/round6.expected.json."""
    return write_layouts(OUT, LAYOUTS, CONVERTED, "round6.expected.json")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
