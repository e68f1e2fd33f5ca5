"""Round 10 of the unseen layouts: published tables of 海南 (商务: the 财政厅's notice over a 分配表 of seven 会展
projects under four units, then the fund's 项目绩效目标表 whose money stands in its label's cell two to a row,
主管部门:省商务厅 | 资金总额:2430.30, whose goal is three numbered lines 目标1:… 目标2:… 目标3:…, and whose indicators are
一级指标* | 二级指标* | 三级指标* | 绩效指标性质* | 绩效指标值* | 绩效度量单位 | 权重* | 指标方向性*), 河北宁晋 (教育: a
2019 项目绩效评价指标表, 评价指标 | 评价内容 | 指标名称 | 指标说明 | 目标值 | 分值 | 备注, 评价内容 in two columns (产出 |
数量指标) but for 制度指标 across both, and a 总分 row), 江西九江 浔阳区 (乡村振兴: a notice over a 项目安排计划 of
twenty-one columns, one row a project, 项目总投资 | 财政衔接资金 | 其他资金, the households it covers and a 绩效目标
sentence, no indicators), 安徽淮南 潘集区 (教育: a page of 项目基本信息 paragraphs over a 项目支出绩效目标表 whose
中期资金总额 half stands empty beside the year's, 中期目标 | 年度目标 side by side, 成本指标 first) and 宁夏 (教育: the
自治区本级部门2019年项目支出预算绩效目标表 of a school, its 主管部门 and 实施单位 written with their codes, [812] and
【812033】, the 一级 out of the usual order and every value a sentence), each after a stored page (the docstring names it,
and says which rows past the page's excerpt were completed in its kind), with the facts each holds
(round10/round10.expected.json). None of them was read by the readers before this round's test was written. No 部门整体
支出 form of the provinces asked for (江苏, 山东, 河南, …) could be found among the stored pages: none is here."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "round10"
sys.path.insert(0, str(HERE))

from openpyxl.styles import Border

from round4_layouts import ruled
from sheets import Sheet, merged_indicator_rows, write_layouts


def _open(s: Sheet, rows, last_col: int) -> None:
    """Rows of a page's text between its tables, unruled."""
    for r in rows:
        for c in range(1, last_col + 1):
            s.ws.cell(r, c).border = Border()


def _value(sign: str, target: str, unit: str | None) -> str:
    """绩效指标性质 | 绩效指标值 | 绩效度量单位 as one value: ≥ | 280 | 亿元 → ≥280亿元; 定性 | 明显 → 明显 (the readers write a
    sign column's = as ＝, as rounds 8 and 9 have it)."""
    if sign == "定性":
        return target + (unit or "")
    return {"=": "＝"}.get(sign, sign) + target + (unit or "")


def hainan_expo_2022():
    """海南省财政厅关于下达2021年第四季度省级会展项目奖励资金的通知 (琼财建〔2022〕429号, mof.hainan.gov.cn/sczt/0503/
    202207/3b5b4cb9ab8a4b909b02cc5568abfe30.shtml, whose excerpt ends at the 分配表's 合计; its text to the form's first
    indicator row is in a copy, www.chacewang.com/newsdetail/news131288.html): the notice (省卫生健康委员会、…:, two
    paragraphs, 附件:1.… 2.…, 海南省财政厅, the date, (此件主动公开)), 附件1 项目奖励资金分配表 — 序号 | 单位名称 | 会展项目
    名称 | 分配金额(万元), seven 会展 under four units (省贸促会 over two rows, 省旅游和文化广电体育厅 over three) and 合计
    2430.3 — then 附件2 项目绩效目标表 with no 项目名称 row: 主管部门:省商务厅 | 资金总额:2430.30, 项目负责人电话:65239479 |
    财政拨款:2430.30, 预算执行率权重:10% | 其他资金:, each amount in its label's cell as the page runs them together,
    总体目标 as 目标1:… 目标2:… 目标3:…, then 一级指标* | 二级指标* | 三级指标* | 绩效指标性质* | 绩效指标值* | 绩效度量单位 |
    权重* | 指标方向性* over 产出指标 | 数量指标 | 全年实现会展业综合收入 | ≥ | 280 | 亿元 | 30% | 正向指标. The copy's
    excerpt ends there: the rows after it are completed in its kind (one for each of the other two 目标, the count of
    the 分配表's seven 会展, a 定性 row with no unit), their 权重 adding up with the 10% to 100%."""
    s = Sheet("附件")
    notice = ("海南省财政厅关于下达2021年第四季度省级会展项目奖励资金的通知", "琼财建〔2022〕429号",
              "省卫生健康委员会、省旅游和文化广电体育厅、省林业局、省贸促会:",
              "为支持我省会展业发展,经省政府同意,现下达你单位2021年第四季度省级会展项目奖励资金(具体项目及金额详见附件)。此项"
              "资金列政府支出功能分类科目“2011308招商引资”和政府支出经济分类科目“50799-其他对企业的补助”。请按照《海南省支持会展"
              "业发展资金管理办法》(琼财旅规〔2020〕11号)有关规定,尽快将资金拨付申报单位,并对照有关绩效目标(详见附件2)做好绩效"
              "监控与绩效评价,确保年度绩效目标如期实现。",
              "该项资金实行直达资金管理,纳入直达资金监控系统,直达资金标识为“01中央直达资金”,请按照直达资金有关规定执行。",
              "附件:1. 项目奖励资金分配表", "2.项目绩效目标表", "海南省财政厅", "2022年6月29日", "(此件主动公开)", "附件1")
    for row, text in enumerate(notice, start=1):
        s.put(row, 1, text, to_col=8)
    top = len(notice) + 1
    s.put(top, 1, "项目奖励资金分配表", to_col=8)
    table = top + 1
    for col, head, to in ((1, "序号", 1), (2, "单位名称", 3), (4, "会展项目名称", 6), (7, "分配金额\n(万元)", 8)):
        s.put(table, col, head, to_col=to)
    expos = (("省卫生健康委", "2021第五届海南国际健康产业博览会", "500"),
             ("省贸促会", "2021第十二届中国国际创意设计推广周", "54.3"),
             (None, "2021中国(海南)国际海洋产业博览会", "225.6"),
             ("省林业局", "2021年中国林草经济发展博鳌大会", "287.9"),
             ("省旅游和文化广电体育厅", "2021年(第六届)海南世界休闲旅游博览会", "329.8"),
             (None, "2021年(第七届)海南国际旅游美食博览会", "394.7"),
             (None, "2021年(第二届)海南国际旅游装备博览会", "638"))
    starts = [i for i, (unit, _, _) in enumerate(expos) if unit] + [len(expos)]
    for first, after in zip(starts, starts[1:]):
        s.put(table + 1 + first, 2, expos[first][0], to_row=table + after, to_col=3)
    for number, (_, expo, amount) in enumerate(expos, start=1):
        s.put(table + number, 1, number)
        s.put(table + number, 4, expo, to_col=6)
        s.put(table + number, 7, amount, to_col=8)
    total_row = table + len(expos) + 1
    s.put(total_row, 1, "合计", to_col=6)
    s.put(total_row, 7, "2430.3", to_col=8)
    after = total_row + 1
    s.put(after, 1, "附件2", to_col=8)
    s.put(after + 1, 1, "项目绩效目标表", to_col=8)
    form = after + 2
    unit = "省商务厅"
    for row, (left, right) in enumerate(((f"主管部门:{unit}", "资金总额:2430.30"),
                                         ("项目负责人电话:65239479", "财政拨款:2430.30"),
                                         ("预算执行率权重:10%", "其他资金:")), start=form):
        s.put(row, 1, left, to_col=4)
        s.put(row, 5, right, to_col=8)
    goal = ("目标1:全年实现会展业综合收入不低于280亿元\n目标2:培育一批具有影响力的品牌会展项目\n"
            "目标3:会展业对关联行业的带动作用明显")
    s.put(form + 3, 1, "总体目标")
    s.put(form + 3, 2, goal, to_col=8)
    head = form + 4
    for col, text in enumerate(("一级指标*", "二级指标*", "三级指标*", "绩效指标性质*", "绩效指标值*", "绩效度量单位", "权重*",
                                "指标方向性*"), start=1):
        s.put(head, col, text)
    rows = (("产出指标", "数量指标", "全年实现会展业综合收入", "≥", "280", "亿元", "30%", "正向指标"),
            ("产出指标", "数量指标", "奖励会展项目数量", "=", "7", "个", "10%", "正向指标"),
            ("产出指标", "时效指标", "奖励资金拨付及时率", "≥", "90", "%", "10%", "正向指标"),
            ("效益指标", "经济效益指标", "会展业对关联行业的带动作用", "定性", "明显", None, "20%", "正向指标"),
            ("效益指标", "社会效益指标", "培育具有影响力的品牌会展项目", "≥", "3", "个", "10%", "正向指标"),
            ("满意度指标", "服务对象满意度指标", "参展商满意度", "≥", "90", "%", "10%", "正向指标"))
    merged_indicator_rows(s, head + 1, 1, rows)
    s.ws.column_dimensions["C"].width = 24
    ruled(s, table)
    _open(s, (after, after + 1), 8)
    return s, {"projects": [{
        "name": "2021年第四季度省级会展项目奖励资金", "unit": unit, "funds": {"total": "2430.30", "fiscal": "2430.30"},
        "goal": goal,
        "indicators": [[l1, l2, ind, None, _value(sign, target, measure)]
                       for l1, l2, ind, sign, target, measure, _, _ in rows]}]}


def ningjin_grant_2019():
    """河北 邢台 宁晋县教育局 2019年度宁晋县高中助学金项目绩效评价指标表 (www.ningjin.gov.cn/content/26279.html), whole in
    the page's excerpt, nothing completed: the title over 评价指标 | 评价内容 | 指标名称 | 指标说明 | 目标值 | 分值 | 备注,
    评价指标 项目年度绩效目标(定量指标) merged down every row, 评价内容 heading two columns — 产出 merged down six rows
    beside their 数量指标 / 质量指标 / 时效指标 / 成本指标, and 制度指标 across both in the first row, whose 目标值 is empty
    — 指标说明 达到预计值 / 达到目标值 beside some names and nothing beside others (the page runs name and 说明 together:
    they are split only where 达到… begins), 资助对象满意度 standing under 质量指标 as published, and a 总分 | 100 row. No
    amount, unit or goal stands on it: the project is the title's."""
    s = Sheet("绩效评价指标表")
    title = "2019年度宁晋县高中助学金项目绩效评价指标表"
    s.put(1, 1, title, to_col=8)
    for col, head, to in ((1, "评价指标", 1), (2, "评价内容", 3), (4, "指标名称", 4), (5, "指标说明", 5), (6, "目标值", 6),
                          (7, "分值", 7), (8, "备注", 8)):
        s.put(2, col, head, to_col=to)
    rows = (("产出", "数量指标", "享受资助人数", "达到预计值", "2100", "10"),
            ("产出", "数量指标", "资金支出率", "达到目标值", "95%", "10"),
            ("产出", "质量指标", "建档立卡学生全面覆盖", None, "100%", "10"),
            ("产出", "质量指标", "资助对象满意度", "达到目标值", "95%以上", "10"),
            ("产出", "时效指标", "及时发放率", "达到目标值", "100%", "20"),
            ("产出", "成本指标", "资助标准达标率", None, "100%", "20"))
    s.put(3, 1, "项目年度绩效目标(定量指标)", to_row=3 + len(rows))
    s.put(3, 2, "制度指标", to_col=3)
    s.put(3, 4, "规章制度建立与否")
    s.put(3, 7, "20")
    merged_indicator_rows(s, 4, 2, rows)
    total = 4 + len(rows)
    s.put(total, 1, "总分")
    s.put(total, 7, "100")
    s.ws.column_dimensions["A"].width = 18
    s.ws.column_dimensions["D"].width = 24
    return ruled(s, 2), {"projects": [{
        "name": "宁晋县高中助学金项目", "unit": None, "funds": {}, "goal": None,
        "indicators": [[None, None, "规章制度建立与否", None, None]]
                      + [["产出指标", l2, ind, None, value] for _, l2, ind, _, value, _ in rows]}]}


def xunyang_villages_2024():
    """江西 九江 浔阳区 关于2024年市级第一批财政衔接推进乡村振兴补助资金安排项目的批复 (www.xunyang.gov.cn/zwgk/zfxxgkzl/
    zfxxgkml/czxx/zxzj/202511/t20251127_7094601.html): the notice (白水湖街道办事处、金鸡坡街道办事处:, three paragraphs,
    附件:…, the three offices, the date), then 附件 浔阳区2024年度市级第一批财政专项衔接资金项目安排计划 (the page prints
    第批, its 一 lost: written as the notice's title has it) — 序号 | 县名 | 乡镇 | 行政村及责任单位 | 组名 | 单位属性 | 建设性质
    (新建、扩建、重建) | 项目名称 | 项目类别 | 建设内容 | 建设规模 | 单位 | 项目总投资(万元) | 财政衔接资金(万元) | 其他资金(万元) |
    项目覆盖户数 | 项目覆盖脱贫困户数 | 项目覆盖人数 | 项目覆盖脱贫困人口数 | 绩效目标 | 备注, twenty-one columns, a row a
    project and no indicator anywhere. The excerpt ends in the first row's 项目类别 (渔业生…): that row is completed as
    渔业生产, its 建设内容 to 备注 in the kind of such plans, and the second row from what the notice says of it (大塘村, 金鸡坡
    街道, a 市级乡村振兴重点村, 41万元): its name and its texts are completions."""
    s = Sheet("附件")
    notice = ("关于2024年市级第一批财政衔接推进乡村振兴补助资金安排项目的批复", "白水湖街道办事处、金鸡坡街道办事处:",
              "根据《关于提前下达2024年市级第一批财政衔接推进乡村振兴补助资金的通知》(九财乡振指〔2023〕17号)文件,下达浔阳区市级"
              "财政衔接资金81万元,根据中央、省、市财政衔接推进乡村振兴补助资金管理办法,在做好管好用好资金的前提下,坚持充分发挥资金"
              "使用效益的原则。现作如下安排:",
              "根据文件要求,此批衔接资金安排要重点用于市级重点村建设、重点县村级集体经济配套等,经研究,分别用于市级乡村振兴示范村白水"
              "湖街道白水湖村及市级乡村振兴重点村金鸡坡街道大塘村。市级乡村振兴示范村白水湖村安排1个项目40万元,市级乡村振兴重点村大塘"
              "村安排1个项目41万元,2个项目共计81万元。",
              "附件:浔阳区2024年度市级第一批财政专项衔接资金项目安排计划", "浔阳乡村振兴局        浔阳区财政局",
              "浔阳区农业农村水利局代章", "2024年1月24日", "附件")
    width = 21
    for row, text in enumerate(notice, start=1):
        s.put(row, 1, text, to_col=width)
    top = len(notice) + 1
    s.put(top, 1, "浔阳区2024年度市级第一批财政专项衔接资金项目安排计划", to_col=width)
    head = top + 1
    heads = ("序号", "县名", "乡镇", "行政村及责任单位", "组名", "单位属性", "建设\n性质\n(新建、扩建、重建)", "项目名称",
             "项目\n类别", "建设内容", "建设规模", "单位", "项目总投资\n(万元)", "财政衔接资金(万元)", "其他\n资金\n(万元)",
             "项目覆盖户数", "项目覆盖脱贫困户数", "项目覆盖人数", "项目覆盖脱贫困人口数", "绩效目标", "备注")
    for col, text in enumerate(heads, start=1):
        s.put(head, col, text)
    goals = ("提升白水湖村渔业养殖科技水平,带动村集体经济年增收4万元以上,带动脱贫户和监测户稳定增收。",
             "改善大塘村设施农业生产条件,带动村集体经济年增收4万元以上,带动周边群众就近务工增收。")
    projects = (("1", "浔阳区", "白水湖街道", "白水湖村", "养殖组、白水港组", "村集体", "新建", "白水湖村渔业养殖业科技养殖项目",
                 "渔业生产", "改造标准化养殖池塘,配套智能增氧及尾水处理设施", "120", "亩", "40", "40", None, "86", "3", "265",
                 "7", goals[0], "市级乡村振兴示范村"),
                ("2", "浔阳区", "金鸡坡街道", "大塘村", "大塘组", "村集体", "新建", "大塘村蔬菜大棚建设项目",
                 "种植业基地", "新建钢架蔬菜大棚及配套水肥一体化设施", "30", "亩", "41", "41", None, "72", "2", "230",
                 "5", goals[1], "市级乡村振兴重点村"))
    for row, values in enumerate(projects, start=head + 1):
        for col, value in enumerate(values, start=1):
            s.put(row, col, value)
    for letter in "HJT":
        s.ws.column_dimensions[letter].width = 24
    ruled(s, head)
    return s, {"projects": [{"name": values[7], "unit": None, "funds": {"total": values[12], "fiscal": values[13]},
                             "goal": values[19], "indicators": []} for values in projects]}


def panji_students_2024():
    """安徽 淮南 潘集区教育局2024年部门项目基本信息 (www.panji.gov.cn/public/118322656/1260166969.html): the page's lines
    (1.“2024年家庭经济困难学生生活补助”项目。 then (1) 项目概述和内容 … (5) 绩效目标和指标, each a paragraph) over a
    项目支出绩效目标表 ( 2024 年度) with 填报单位(盖章): and nothing after it, 项目名称, 主管部门及代码 | 潘集区教育局 |
    实施单位 | 潘集区教育局, 项目资金(万元) in two halves, 中期资金总额: | (empty) beside 年度资金总额: | 245, then 其中:本年财政
    拨款 / 上年结转资金 / 其他资金 on both sides (only the year's 本年财政拨款 filled, 245), 总体目标 over 中期目标 | 年度目标
    with the two texts in the row under them, and 绩效指标 beside 一级指标 | 二级指标 | 三级指标 | 指标值, 成本指标 first
    (经济成本指标, 指标1:小学…). The excerpt ends there: the 成本 rows are completed from the page's own 项目概述 (1000元 a
    小学生, 1250元 an 初中生 a year), and the 产出 / 效益 / 满意度 rows after them in the kind of such forms."""
    s = Sheet("项目基本信息")
    lines = ("潘集区教育局2024年部门项目基本信息", "1.“2024年家庭经济困难学生生活补助”项目。",
             "(1)项目概述和内容。该项目是义务教育阶段家庭困难学生生活补助项目,主要用于家庭困难学生进行资助,义务教育阶段家庭经济"
             "困难寄宿生生活补助补助标准为小学生每生毎学年1000元,初中生每生毎学年1250元,特殊教育学校学生按初中生标准执行。义务"
             "教育阶段家庭经济困难非寄宿生生活补助的标准按义务教育阶段家庭经济困难寄宿生生活补助标准的50%核定,项目所需资金由中央"
             "和区级财政各承担50%。家庭经济困难学生生活补助项目的实施,有助于减轻困难学生家庭负担,促进社会公平和稳定,同时鼓励优秀"
             "学生努力求学,报效社会。",
             "(2)立项依据。淮南市财政局、淮南市教育体育局文件",
             "(3)实施主体和起止时间。实施主体:潘集区教育局 实施时间:2024年1月1日至2024年12月31日",
             "(4)年度预算安排。财政资金年度安排约245万元,其中区级资金122.51万元。",
             "(5)绩效目标和指标。解决贫困家庭孩子上学难的问题,切实做到义务教育入学有保障。")
    for row, text in enumerate(lines, start=1):
        s.put(row, 1, text, to_col=5)
    top = len(lines) + 1
    s.put(top, 1, "项目支出绩效目标表", to_col=5)
    s.put(top + 1, 1, "( 2024 年度)", to_col=5)
    s.put(top + 2, 1, "填报单位(盖章):", to_col=5)
    form = top + 3
    name, unit = "2024年家庭经济困难学生生活补助", "潘集区教育局"
    s.put(form, 1, "项目名称")
    s.put(form, 2, name, to_col=5)
    s.put(form + 1, 1, "主管部门及代码")
    s.put(form + 1, 2, unit, to_col=3)
    s.put(form + 1, 4, "实施单位")
    s.put(form + 1, 5, unit)
    money = form + 2
    s.put(money, 1, "项目资金\n(万元)", to_row=money + 3)
    for row, (label1, label2, amount2) in enumerate((("中期资金总额:", "年度资金总额:", "245"),
                                                     ("其中:本年财政拨款", "其中:本年财政拨款", "245"),
                                                     ("上年结转资金", "上年结转资金", None),
                                                     ("其他资金", "其他资金", None)), start=money):
        s.put(row, 2, label1)
        s.put(row, 3, None)
        s.put(row, 4, label2)
        s.put(row, 5, amount2)
    goals = money + 4
    period_goal = "促进社会公平和稳定,同时鼓励优秀学生努力求学,报效社会"
    goal = "减轻困难学生家庭负担,鼓励优秀学生努力求学"
    s.put(goals, 1, "总体目标", to_row=goals + 1)
    s.put(goals, 2, "中期目标", to_col=3)
    s.put(goals, 4, "年度目标", to_col=5)
    s.put(goals + 1, 2, period_goal, to_col=3)
    s.put(goals + 1, 4, goal, to_col=5)
    head = goals + 2
    rows = (("成本指标", "经济成本指标", "指标1:小学寄宿生生活补助标准", "1000元/生·年"),
            ("成本指标", "经济成本指标", "指标2:初中寄宿生生活补助标准", "1250元/生·年"),
            ("产出指标", "数量指标", "指标1:资助家庭经济困难学生人数", "≥2000人"),
            ("产出指标", "质量指标", "指标1:资助对象认定准确率", "100%"),
            ("产出指标", "时效指标", "指标1:补助资金发放及时率", "100%"),
            ("效益指标", "社会效益指标", "指标1:义务教育阶段因贫失学辍学人数", "0人"),
            ("满意度指标", "服务对象满意度指标", "指标1:受助学生及家长满意度", "≥95%"))
    s.put(head, 1, "绩效指标", to_row=head + len(rows))
    for col, text in enumerate(("一级指标", "二级指标", "三级指标", "指标值"), start=2):
        s.put(head, col, text)
    merged_indicator_rows(s, head + 1, 2, rows)
    s.ws.column_dimensions["D"].width = 26
    ruled(s, form)
    return s, {"projects": [{
        "name": name, "unit": unit, "funds": {"total": "245", "fiscal": "245"}, "goal": goal,
        "indicators": [[l1, l2, ind.split(":", 1)[1], None, value] for l1, l2, ind, value in rows]}]}


def changqing_school_2019():
    """宁夏 2019年宁夏长庆初级中学部门项目支出预算绩效目标公开 (nxcqcz.com/readnews.asp?newsid=1189): the page's lines
    (its title in two lines, a paragraph, 附件:…, the school, the date) over 自治区本级部门2019年项目支出预算绩效目标表:
    项目名称, 主管部门 | [812]自治区教育厅 | 实施单位 | 【812033】宁夏长庆初级中学 (each with its code, as published), 项目属性
    | 上年延续性项目 | 项目期 | 2019-2021, 项目资金(万元) 年度资金总额 | 5, 其中:财政拨款 | 5, 其他资金 | (empty), 绩效目标
    (a paragraph), then 绩效指标 beside 一级指标 | 二级指标 | 三级指标 | 指标值 with the 一级 out of the usual order — 产出指标
    over 成本 / 时效 / 数量 / 质量, then 满意度指标, then 效益指标 over 可持续影响 / 社会效益 — and every value a sentence
    (对学校2400平米体育场馆补贴5万元。, 95%以上。). Whole in the excerpt; the page goes on with the school's next form, of
    which the excerpt gives only the first words of its title: it is left out here, and nothing is completed."""
    s = Sheet("绩效目标表")
    lines = ("2019年宁夏长庆初级中学", "部门项目支出预算绩效目标公开",
             "2019年自治区政府预算草案已经自治区第十二届人民代表大会第二次会议审议通过,根据《中共中央 国务院关于全面实施预算绩效"
             "管理的意见》(中发〔2018〕34号)要求,参照《预算法》预算批复和公开的有关规定,现将宁夏长庆初级中学2019年部门项目支出"
             "预算绩效目标予以公开。",
             "附件:宁夏长庆初级中学2019年项目支出预算绩效目标表", "宁夏长庆初级中学", "2019年2月20日")
    for row, text in enumerate(lines, start=1):
        s.put(row, 1, text, to_col=5)
    top = len(lines) + 1
    s.put(top, 1, "自治区本级部门2019年项目支出预算绩效目标表", to_col=5)
    form = top + 1
    name = "学校体育设施向社会免费开放"
    s.put(form, 1, "项目名称")
    s.put(form, 2, name, to_col=5)
    for row, (label1, value1, label2, value2) in enumerate((("主管部门", "[812]自治区教育厅", "实施单位",
                                                             "【812033】宁夏长庆初级中学"),
                                                            ("项目属性", "上年延续性项目", "项目期", "2019-2021")),
                                                           start=form + 1):
        s.put(row, 1, label1)
        s.put(row, 2, value1, to_col=3)
        s.put(row, 4, label2)
        s.put(row, 5, value2)
    money = form + 3
    s.put(money, 1, "项目资金\n(万元)", to_row=money + 2)
    for row, (label, amount) in enumerate((("年度资金总额", "5"), ("其中:财政拨款", "5"), ("其他资金", None)), start=money):
        s.put(row, 2, label, to_col=3)
        s.put(row, 4, amount, to_col=5)
    goal = ("加快构建公共体育服务体系,提高公共体育设施利用率,健全公共体育服务长效机制,均衡区域体育资源布局与配置,着力改善我区"
            "全民健身条件,满足广大群众多样化的健身需求,切实增强青少年体质,有效提升全民健康水平。")
    s.put(money + 3, 1, "绩效目标")
    s.put(money + 3, 2, goal, to_col=5)
    head = money + 4
    rows = (("产出指标", "成本指标", "成本控制", "按照资金测算控制各项成本。"),
            ("产出指标", "时效指标", "完成时限", "2021年12月底完成项目规划相关工作。"),
            ("产出指标", "数量指标", "补贴数量", "对学校2400平米体育场馆补贴5万元。"),
            ("产出指标", "质量指标", "开放质量", "全面落实学校体育设施向社会开放工作。"),
            ("满意度指标", "服务对象满意度指标", "学生及群众的满意率", "95%以上。"),
            ("效益指标", "可持续影响指标", "提升全民健康水平", "促进人民群众健康水平不断提高。"),
            ("效益指标", "社会效益指标", "发展全民健身运动", "通过本项目实施,有效提高全面健康水平。"))
    s.put(head, 1, "绩效指标", to_row=head + len(rows))
    for col, text in enumerate(("一级指标", "二级指标", "三级指标", "指标值"), start=2):
        s.put(head, col, text)
    merged_indicator_rows(s, head + 1, 2, rows)
    s.ws.column_dimensions["E"].width = 30
    ruled(s, form)
    return s, {"projects": [{
        "name": name, "unit": "宁夏长庆初级中学", "funds": {"total": "5", "fiscal": "5"}, "goal": goal,
        "indicators": [[l1, l2, ind, None, value] for l1, l2, ind, value in rows]}]}


LAYOUTS = {"hainan-expo-2022": hainan_expo_2022, "ningjin-grant-2019": ningjin_grant_2019,
           "xunyang-villages-2024": xunyang_villages_2024, "panji-students-2024": panji_students_2024,
           "changqing-school-2019": changqing_school_2019}
CONVERTED = {name: (".html", ".pdf") for name in LAYOUTS}


def main(argv: list[str]) -> int:
    """Writes each layout's .xlsx (and the conversions of CONVERTED, by LibreOffice) into round10/, and the facts
    into round10/round10.expected.json."""
    return write_layouts(OUT, LAYOUTS, CONVERTED, "round10.expected.json")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
