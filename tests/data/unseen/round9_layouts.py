"""Round 9 of the unseen layouts: published tables of 福建龙岩 (教育: a notice with an 安排表 of units across three
kinds of award under a 市本级合计 row, then the fund's 绩效目标表 whose amounts read 112万元 and whose value column is
headed 区域目标质), 广东韶关 (教育: a notice with an 安排表 of seven projects, 序号 | 地区 | 实施单位 | 项目内容 | 金额,
then the fund's 绩效目标表), 新疆兵团 第一师六团 (乡村振兴: a notice over a 绩效目标申报表 whose money runs in two
label | amount pairs per row, 项目资金总额 beside 年度资金申请总额, and whose 项目总目标 | 年度总体目标 head two texts
side by side), 重庆江津 鼎山街道 (城管: a 2021年重点项目绩效目标表 with three label | value pairs on a row, 分类 twice,
empty 项目理由 and 项目中期规划绩效目标 rows, and indicators with no levels, 指标 | 指标权重 | 计量单位 | 指标性质 |
指标值) and 浙江临海 (园林: a 项目库 form whose indicators are 指标类型 | 指标名称 | 指标值 | 指标描述, the 二级 standing
under 指标名称 and no 三级 at all), each after a stored page (the docstring names it, and says which rows past the
page's excerpt were completed in its kind), with the facts each holds (round9/round9.expected.json). None of them was
read by the readers before this round's test was written."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "round9"
sys.path.insert(0, str(HERE))

from openpyxl.styles import Border

from round4_layouts import ruled
from sheets import Sheet, merged_indicator_rows, write_layouts


def _open(s: Sheet, rows, last_col: int) -> None:
    """Rows of a page's text between its tables, unruled."""
    for r in rows:
        for c in range(1, last_col + 1):
            s.ws.cell(r, c).border = Border()


def _value(sign: str, target: str, unit: str) -> str:
    """指标性质 | 指标值 | 计量单位 as one value: ≥ | 34 | 座 → ≥34座 (the readers write a sign column's = as ＝)."""
    return {"=": "＝"}.get(sign, sign) + target + unit


def longyan_education_2023():
    """福建 龙岩市财政局 龙岩市教育局 下达2023年省级基础教育质量提升专项资金 (龙财教〔2023〕24号, www.longyan.gov.cn/
    fw/ztfw/jy/zcwj/202310/t20231019_2065096.htm): the notice (市属有关单位(学校):, a paragraph, 附件:1.… 2.…, the two
    bureaus, the date), then 附件1 2023年省级基础教育质量提升专项资金安排表 over 单位:万元 — 单 位 名 称 | 合计 |
    国家级、省级 示范区、实验区建设奖补 | 基础教育 教学成果奖 | 民族教育补助, a 龙岩市本级合计 row (112 | 50 | 12 | 50)
    over five units, each with its amount in one award's column — and 附件2 基础教育质量提升专项资金绩效目标表 (2023年度):
    项目名称, 主管部门(单位)名称及部门预算编码 left blank beside 补助区域 | 市本级, 资金情况(万元) 资金总额: | 112万元,
    其中:财政资金 | 112万元, 其他资金 | (blank), 总体目标, then 绩效目标 beside 一级指标 | 二级指标 | 三级指标 | 指标解释 |
    区域目标质 (so published), the 指标解释 repeating the 三级. The excerpt ends at the second 数量指标 row's first words
    (支持国家基础…): that row is completed in the kind of the first, and the 时效 / 效益 / 满意度 rows after it too."""
    s = Sheet("附件")
    notice = ("龙财教〔2023〕24号", "市属有关单位(学校):",
              "根据《福建省财政厅福建省教育厅关于下达2023年基础教育质量提升专项资金的通知》(闽财教指〔2023〕32号)精神,现将"
              "2023年省级基础教育质量提升专项经费下达给你们(详见附件1),款列“2050299其他普通教育支出”科目。请你们严格按照"
              "《福建省基础教育质量提升专项资金管理办法》要求规范资金使用,按专项资金使用规划,加快项目实施和资金支出进度,并对照"
              "专项转移支付绩效目标表(附件2)做好绩效监控和评价。",
              "附件:1.2023年省级基础教育质量提升专项资金安排表", "2.基础教育质量提升专项资金绩效目标表",
              "龙岩市财政局 龙岩市教育局", "2023年7月7日", "附件1")
    for row, text in enumerate(notice, start=1):
        s.put(row, 1, text, to_col=6)
    top = len(notice) + 1
    s.put(top, 1, "2023年省级基础教育质量提升专项资金安排表", to_col=6)
    s.put(top + 1, 1, "单位:万元", to_col=6)
    table = top + 2
    for col, head in enumerate(("单 位 名 称", "合计", "国家级、省级\n示范区、实验区建设奖补", "基础教育\n教学成果奖",
                                "民族教育补助"), start=1):
        s.put(table, col, head, to_col=6 if col == 5 else None)
    units = (("龙岩市本级合计", 112, 50, 12, 50), ("龙岩市教育局", 50, 50, None, None),
             ("龙岩市教育科学研究院", 6, None, 6, None), ("龙岩市第一中学锦山学校", 3, None, 3, None),
             ("龙岩市松涛小学", 3, None, 3, None), ("龙岩一中", 50, None, None, 50))
    for row, values in enumerate(units, start=table + 1):
        for col, value in enumerate(values, start=1):
            s.put(row, col, value, to_col=6 if col == 5 else None)
    after = table + len(units) + 1
    for row, text in enumerate(("附件2", "基础教育质量提升专项资金绩效目标表", "(2023年度)"), start=after):
        s.put(row, 1, text, to_col=6)
    form = after + 3
    name = "基础教育质量提升"
    s.put(form, 1, "项目名称")
    s.put(form, 2, name, to_col=6)
    s.put(form + 1, 1, "主管部门(单位)名称及\n部门预算编码")
    s.put(form + 1, 2, None, to_col=3)
    s.put(form + 1, 4, "补助\n区域")
    s.put(form + 1, 5, "市本级", to_col=6)
    s.put(form + 2, 1, "资金情况(万元)", to_row=form + 4)
    for offset, (label, amount) in enumerate((("资金总额:", "112万元"), ("其中:财政资金", "112万元"),
                                              ("其他资金", None))):
        s.put(form + 2 + offset, 2, label, to_col=3)
        s.put(form + 2 + offset, 4, amount, to_col=6)
    goal = ("推进国家基础教育综合改革实验区、普通高中新课程新教材国家级示范区建设,深化教学改革,支持内地班学校发展,提高"
            "基础教育质量。")
    s.put(form + 5, 1, "总体目标")
    s.put(form + 5, 2, goal, to_col=6)
    head = form + 6
    rows = (("产出指标", "数量指标", "支持民族中小学数量", "1所"),
            ("产出指标", "数量指标", "支持国家基础教育综合改革实验区、示范区数量", "2个"),
            ("产出指标", "数量指标", "奖励基础教育教学成果数量", "4项"),
            ("产出指标", "时效指标", "资金下达及时率", "100%"),
            ("效益指标", "社会效益指标", "基础教育质量", "稳步提高"),
            ("满意度指标", "服务对象满意度指标", "学生和家长满意度", "≥90%"))
    s.put(head, 1, "绩效目标", to_row=head + len(rows))
    for col, text in enumerate(("一级指标", "二级指标", "三级指标", "指标解释", "区域目标质"), start=2):
        s.put(head, col, text)
    merged_indicator_rows(s, head + 1, 2, [(l1, l2, ind, ind, value) for l1, l2, ind, value in rows])
    s.ws.column_dimensions["C"].width = 22
    ruled(s, table)
    _open(s, range(after, after + 3), 6)
    return s, {"projects": [{
        "name": name, "unit": None, "funds": {"total": "112", "fiscal": "112"}, "goal": goal,
        "indicators": [[l1, l2, ind, None, value] for l1, l2, ind, value in rows]}]}


def shaoguan_education_2023():
    """广东 韶关市财政局 下达2023年创建广东省基础教育高质量发展试验区奖补资金 (www.sg.gov.cn/zw/zdlyxxgk/czyjshsgjf/
    czzjzdjc/content/post_2616007.html): the notice (有关县(市、区)财政局:, a paragraph, 一、… 二、…, 附件:1.… 2.…,
    韶关市财政局, the date), then 附件1 2023年创建广东省基础教育高质量发展试验区奖补资金安排表 — 序号 | 地区 |
    实施单位 | 项目内容 | 金额 (万元) | 备注, seven rows of projects (仁化县教育局 1000, 始兴县教育局 800, … 曲江中学
    100) and a 合计 row (3000) whose label stands in the 地区 column — and 附件2 2023年基础教育高质量发展试验区奖补资金
    绩效目标表. The excerpt ends in 附件2's title: the form is completed in the kind of a 区域绩效目标表 (资金名称, 主管部门,
    资金情况(万元) 年度金额 | 其中:省级资金, 年度目标, 绩效指标 一级 | 二级 | 三级 | 指标值) with what the 安排表 says of
    the money (one county 义务教育优质均衡, two 学前教育普及普惠, four schools' conditions)."""
    s = Sheet("附件")
    notice = ("有关县(市、区)财政局:",
              "根据省财政厅《关于提前下达2023年省级教育发展专项资金(基础教育高质量发展奖补资金)的通知》(粤财科教〔2022〕279"
              "号)及市教育局分配方案,经市政府批准,现下达你县(市、区)2023年创建广东省基础教育高质量发展试验区奖补资金(具体金额"
              "详见附件)。有关事项通知如下:",
              "一、请各县(市、区)及时将资金安排到具体项目,切实加快预算执行,并加强资金监管,不得挤占、截留或挪用,确保专款专用。",
              "二、请严格落实全面实施预算绩效管理的要求,在预算执行过程中,对照本次下达的绩效目标做好绩效运行监控,确保年度绩效目标"
              "如期实现,财政资金发挥预期效益。",
              "附件:1.2023年创建广东省基础教育高质量发展试验区奖补资金安排表", "2.2023年基础教育高质量发展试验区奖补资金绩效目标表",
              "韶关市财政局", "2023年3月29日", "附件1")
    for row, text in enumerate(notice, start=1):
        s.put(row, 1, text, to_col=6)
    top = len(notice) + 1
    s.put(top, 1, "2023年创建广东省基础教育高质量发展试验区奖补资金安排表", to_col=6)
    table = top + 1
    for col, head in enumerate(("序号", "地区", "实施单位", "项目内容", "金额\n(万元)", "备注"), start=1):
        s.put(table, col, head)
    projects = (("仁化县", "仁化县教育局", "支持仁化县创建广东省义务教育优质均衡发展县。", 1000),
                ("始兴县", "始兴县教育局", "支持始兴县创建广东省学前教育普及普惠县。", 800),
                ("南雄市", "南雄市教育局", "支持南雄市创建广东省学前教育普及普惠县。", 800),
                ("新丰县", "新丰县教育局", "用于第四幼儿园城乡教育共同体建设。", 100),
                ("浈江区", "建国幼儿园", "用于建国幼儿园共同体成员园信息化建设及改善园所环境。", 100),
                ("武江区", "武江区教育局", "改善市九中天子岭校区办学条件。", 100),
                ("曲江区", "曲江中学", "教学区、办公区厕所改造。", 100))
    for number, (area, unit, content, amount) in enumerate(projects, start=1):
        for col, value in enumerate((number, area, unit, content, amount, None), start=1):
            s.put(table + number, col, value)
    total_row = table + len(projects) + 1
    total = sum(p[3] for p in projects)
    s.put(total_row, 2, "合计")
    s.put(total_row, 5, total)
    after = total_row + 1
    s.put(after, 1, "附件2", to_col=6)
    name = "基础教育高质量发展试验区奖补资金"
    s.put(after + 1, 1, f"2023年{name}绩效目标表", to_col=6)
    form = after + 2
    unit = "韶关市教育局"
    for offset, (label, text) in enumerate((("资金名称", name), ("主管部门", unit))):
        s.put(form + offset, 1, label)
        s.put(form + offset, 2, text, to_col=6)
    s.put(form + 2, 1, "资金情况\n(万元)", to_row=form + 3)
    for offset, (label, amount) in enumerate((("年度金额", total), ("其中:省级资金", total))):
        s.put(form + 2 + offset, 2, label, to_col=3)
        s.put(form + 2 + offset, 4, amount, to_col=6)
    goal = ("支持仁化县创建广东省义务教育优质均衡发展县,支持始兴县、南雄市创建广东省学前教育普及普惠县,推进城乡教育共同体"
            "建设,改善薄弱学校(幼儿园)办学条件。")
    s.put(form + 4, 1, "年度目标")
    s.put(form + 4, 2, goal, to_col=6)
    head = form + 5
    rows = (("产出指标", "数量指标", "支持创建义务教育优质均衡发展县数量", "1个"),
            ("产出指标", "数量指标", "支持创建学前教育普及普惠县数量", "2个"),
            ("产出指标", "数量指标", "改善办学条件学校(幼儿园)数量", "4所"),
            ("产出指标", "时效指标", "资金下达及时率", "100%"),
            ("效益指标", "社会效益指标", "基础教育优质均衡发展水平", "稳步提升"),
            ("满意度指标", "服务对象满意度指标", "学生家长满意度", "≥85%"))
    s.put(head, 1, "绩效指标", to_row=head + len(rows))
    for col, text, to in ((2, "一级指标", 2), (3, "二级指标", 3), (4, "三级指标", 4), (5, "指标值", 6)):
        s.put(head, col, text, to_col=to)
    merged_indicator_rows(s, head + 1, 2, rows)
    for offset in range(len(rows)):
        s.ws.merge_cells(start_row=head + 1 + offset, start_column=5, end_row=head + 1 + offset, end_column=6)
    s.ws.column_dimensions["A"].width = 8
    s.ws.column_dimensions["D"].width = 30
    ruled(s, table)
    _open(s, (after, after + 1), 6)
    return s, {"projects": [{
        "name": name, "unit": unit, "funds": {"total": str(total)}, "goal": goal,
        "indicators": [[l1, l2, ind, None, value] for l1, l2, ind, value in rows]}]}


def bingtuan_liutuan_2021():
    """新疆生产建设兵团 第一师阿拉尔市财政局 关于下达2021年兵团本级财政衔接推进乡村振兴补助资金预算指标的通知
    (www.nys.gov.cn/xwzx/tzgg/content_88212): the notice (六团:, two paragraphs, 附件:…, 第一师阿拉尔市财政局, the date,
    附件:) over 兵团本级财政衔接推进乡村振兴补助资金绩效目标申报表: 项目名称, 主管部门 | 农业农村局 | 实施单位 | …,
    项目属性 | … | 项目期 | 1年, 资金情况 (万元) in two label | amount pairs a row (项目资金总额: | 1500 | 年度资金申请
    总额 | 1500; 其中:财政资金 | 1500 | 其中:当年财政拨款 | 1500; 上年结转资金 on the year's side only; 其他资金 on both),
    项目绩效目标 over 项目总目标 | 年度总体目标 with the two texts in the row under them, then 绩 效 指 标 beside 一级 指标 |
    二级指标 | 三级指标 | 年度指标值, the 一级 spaced (产 出 指 标) and each 三级 numbered 指标1:. The excerpt ends at
    指标3's value (1座): the rows after it are completed in the kind of the three 数量指标 rows."""
    s = Sheet("通知")
    notice = ("关于下达2021年兵团本级财政衔接推进乡村振兴补助资金预算指标的通知", "六团:",
              "根据兵团财政局《关于下达2021年兵团本级财政衔接推进乡村振兴补助资金的通知》(兵财农〔2021〕18号)文件要求,经研究,"
              "现下达你单位乡村振兴重点帮扶团场专项资金1500万元,列入2021年政府收支功能分类科目“2130505-生产发展”。该资金政府"
              "预算项目名称“脱贫攻坚工作经费”,项目名称“巩固拓展脱贫攻坚成果”。",
              "请切实加强资金管理,做好绩效运行监控和绩效评价,确保财政资金安全有效,针对此次下达的预算指标,抓紧开展绩效目标填报和"
              "审核工作(详见附件1)。",
              "附件:兵团本级财政衔接推进乡村振兴补助资金绩效目标表", "第一师阿拉尔市财政局", "2021年5月17日", "附件:")
    for row, text in enumerate(notice, start=1):
        s.put(row, 1, text, to_col=7)
    top = len(notice) + 1
    s.put(top, 1, "兵团本级财政衔接推进乡村振兴补助资金绩效目标申报表", to_col=7)
    form = top + 1
    name = "第一师六团巩固脱贫攻坚与乡村振兴有效衔接特色产业基地气调保鲜库建设项目"
    unit = "新疆生产建设兵团第一师阿拉尔市六团农业发展服务中心"
    s.put(form, 1, "项目名称")
    s.put(form, 2, name, to_col=7)
    for row, (label1, text1, label2, text2) in enumerate((("主管部门", "农业农村局", "实施单位", unit),
                                                          ("项目属性", "兵团推进乡村振兴补助资金", "项目期", "1年")),
                                                         start=form + 1):
        s.put(row, 1, label1)
        s.put(row, 2, text1, to_col=3)
        s.put(row, 4, label2)
        s.put(row, 5, text2, to_col=7)
    money = form + 3
    s.put(money, 1, "资金情况\n(万元)", to_row=money + 3)
    for row, (label1, amount1, label2, amount2) in enumerate((
            ("项目资金总额:", 1500, "年度资金申请总额", 1500), ("其中:财政资金", 1500, "其中:当年财政拨款", 1500),
            (None, None, "上年结转资金", None), ("其他资金", None, "其他资金", None)), start=money):
        s.put(row, 2, label1)
        s.put(row, 3, amount1)
        s.put(row, 4, label2, to_col=5)
        s.put(row, 6, amount2, to_col=7)
    goals = money + 4
    whole = "建设完成保鲜库1座,3550平方米;建设完成消防水池1座,419平方米。"
    goal = "2021年完成保鲜库钢构主体安装、封顶;完成消防水池土建工程。"
    s.put(goals, 1, "项目绩效目标", to_row=goals + 1)
    s.put(goals, 2, "项目总目标", to_col=4)
    s.put(goals, 5, "年度总体目标", to_col=7)
    s.put(goals + 1, 2, whole, to_col=4)
    s.put(goals + 1, 5, goal, to_col=7)
    head = goals + 2
    rows = (("产 出 指 标", "数量指标", "指标1:新建保鲜库数量", "1座"),
            ("产 出 指 标", "数量指标", "指标2:新建保鲜库面积", "3550平方米"),
            ("产 出 指 标", "数量指标", "指标3:新建消防水池数量", "1座"),
            ("产 出 指 标", "数量指标", "指标4:新建消防水池面积", "419平方米"),
            ("产 出 指 标", "质量指标", "指标1:工程验收合格率", "100%"),
            ("产 出 指 标", "时效指标", "指标1:保鲜库钢构主体封顶时间", "2021年12月31日前"),
            ("产 出 指 标", "成本指标", "指标1:项目总投资", "≤1500万元"),
            ("效 益 指 标", "经济效益指标", "指标1:保鲜库年租赁收入", "≥50万元"),
            ("效 益 指 标", "社会效益指标", "指标1:受益职工群众人数", "≥300人"),
            ("满 意 度 指 标", "服务对象满意度指标", "指标1:受益职工群众满意度", "≥90%"))
    s.put(head, 1, "绩 效 指 标", to_row=head + len(rows))
    for col, text, to in ((2, "一级\n指标", 2), (3, "二级指标", 3), (4, "三级指标", 5), (6, "年度指标值", 7)):
        s.put(head, col, text, to_col=to)
    merged_indicator_rows(s, head + 1, 2, rows, value_col=6)
    for r in range(head + 1, head + 1 + len(rows)):
        s.ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=5)
        s.ws.merge_cells(start_row=r, start_column=6, end_row=r, end_column=7)
    level1 = {"产 出 指 标": "产出指标", "效 益 指 标": "效益指标", "满 意 度 指 标": "满意度指标"}
    ruled(s, top + 1)
    return s, {"projects": [{
        "name": name, "unit": unit, "funds": {"total": "1500", "fiscal": "1500"}, "goal": goal,
        "indicators": [[level1[l1], l2, ind.split(":", 1)[1], None, value] for l1, l2, ind, value in rows]}]}


def jiangjin_dingshan_2021():
    """重庆 江津区鼎山街道办事处2021年重点项目绩效目标表 (www.jiangjin.gov.cn/jz/dsjdbsc_69043/zwgk_81486/fdzdgknr_81488/
    czyjs/js/202109/t20210915_9720621.html): the title over 预算单位 | … | 项目主管部门 | … | 项目名称 | … on one row,
    项目预计开始时间 | 1/1/2021 | 预计完成时间 | 12/31/2021 | 项目申报金额 (万元) | 2243.02, 项目属性 | 延续项目 | 分类 |
    常年性支出 | 分类 | 重点专项 (分类 twice), 政策依据, 项目理由 left empty, 项目概况 (a paragraph of unit costs),
    项目支出明细, 项目实施进度计划, 项目中期规划绩效目标 left empty, 项目当年绩效目标, then 绩效指标 beside 指标…. The
    excerpt ends there: the indicator table is completed as the 重庆 区县 重点项目 form has it — 指标 | 指标权重 | 计量单位 |
    指标性质 | 指标值, no 一级 or 二级 — with one row for each count the 当年绩效目标 names (1个老集镇, 1712486㎡, 34座
    公厕, …)."""
    s = Sheet("重点项目绩效目标表")
    s.put(1, 1, "重庆市江津区鼎山街道办事处2021年重点项目绩效目标表", to_col=6)
    unit = "重庆市江津区鼎山街道办事处"
    name = "市政日常维护经费"
    for col, value in enumerate(("预算单位", unit, "项目主管部门", unit, "项目名称", name), start=1):
        s.put(2, col, value)
    for col, value in enumerate(("项目预计开始时间", "1/1/2021", "预计完成时间", "12/31/2021", "项目申报金额\n(万元)",
                                 "2243.02"), start=1):
        s.put(3, col, value)
    for col, value in enumerate(("项目属性", "延续项目", "分类", "常年性支出", "分类", "重点专项"), start=1):
        s.put(4, col, value)
    survey = ("本项目主要用于主要用于维护老集镇1个,标准5万元/年;背街小巷市政设施维护80万元;黄桷树长廊占地补偿1908株、单价37"
              "元/株,补上年未纳入预算38.01万元;环卫清扫保洁(一级)1344993㎡、单价10元/㎡,环卫清扫保洁(二级)367493㎡、单价7"
              "元/㎡;公厕34座,标准6.2万元/座;桥梁路面清扫保洁(1804㎡*7元/㎡=1.27万元),路面巡查维护(1804㎡*100元/㎡=18.04"
              "万元),护栏刷漆(440米*30元/米=1.32万元),护栏更换维修按护栏总量10%(44米*300元/米=1.32万元),从2020年1月起"
              "管护;应配备临时队员49人,按区财政局50000元/人.年预算标准计算;市政执法车辆2台,按5.50万元/辆.年计算。共计"
              "22430200元。")
    goal = ("完成1个老集镇的维护,完成1908株黄桷树长廊占地补偿的发放,完成1712486㎡面积的清扫保洁,完成背街小巷166315㎡面积"
            "的管护,完成34座公厕的运行维护,完成3座桥梁的维护,完成背街小巷市政设施的维护,配备临时市政执法队员49人,保障2辆执法"
            "车辆的正常运维,弥补上年预算差额。")
    for row, (label, text) in enumerate((("政策依据", "江津府发【2016】40号"), ("项目理由", None), ("项目概况", survey),
                                         ("项目支出明细", "维修(护)费19980200元;委托业务费2450000元"),
                                         ("项目\n实施进度计划", "2021年12月31日前完成"), ("项目中期规划绩效目标", None),
                                         ("项目当年绩效目标", goal)), start=5):
        s.put(row, 1, label)
        s.put(row, 2, text, to_col=6)
    head = 12
    rows = (("老集镇维护数量", "10", "个", "≥", "1"), ("黄桷树长廊占地补偿发放株数", "10", "株", "≥", "1908"),
            ("清扫保洁面积", "20", "平方米", "≥", "1712486"), ("背街小巷管护面积", "10", "平方米", "≥", "166315"),
            ("公厕运行维护数量", "15", "座", "≥", "34"), ("桥梁维护数量", "10", "座", "≥", "3"),
            ("临时市政执法队员配备人数", "15", "人", "=", "49"), ("执法车辆正常运维数量", "10", "辆", "=", "2"))
    s.put(head, 1, "绩效指标", to_row=head + len(rows))
    for col, text in enumerate(("指标", "指标权重", "计量单位", "指标性质", "指标值"), start=2):
        s.put(head, col, text)
    for row, values in enumerate(rows, start=head + 1):
        for col, value in enumerate(values, start=2):
            s.put(row, col, value)
    s.ws.column_dimensions["B"].width = 26
    ruled(s, 2)
    return s, {"projects": [{
        "name": name, "unit": unit, "funds": {"total": "2243.02"}, "goal": goal,
        "indicators": [[None, None, ind, None, _value(sign, target, measure)]
                       for ind, _, measure, sign, target in rows]}]}


def linhai_greening_2024():
    """浙江 台州 临海市 绿化养护经费 (www.linhai.gov.cn/art/2024/6/7/art_1229304929_3933549.html): the 项目库 form as
    published, no title over it: 项目名称: | … | 项目编号: | (blank), 项目联系人: | … | 联系电话: | …, 对应一级项目 | … |
    项目功能科目 | …, 项目类型: | (ticks), 项目属性: | 新增□ 延续□ 往年备选□ | 重要程度: | …, 项目口径: | … | 项目期限: |
    全年, 项目主要内容、立项依据 over 立项依据 / 主要内容 / 项目实施计划, 项目绩效目标 | 绩效目标 总体描述 | (the goal),
    then 指标类型 | 指标名称 | 指标值 | 指标描述 — the 二级 (数量指标, 社会效益指标, 可持续性发展影响指标, 服务对象或受益者
    满意度指标) under 指标名称, values such as 375万平方米, 全年 and 是, and no 三级 anywhere — and 最近年度绩效评价情况 |
    (ticks) | 附上一年度评价报告列示的主要问题 (项目库里直接录…. No amount stands on the form. The excerpt ends in that
    last cell (录…): completed as 录入)."""
    s = Sheet("绿化养护经费")
    name = "绿化养护经费"
    for row, cells in enumerate((("项目名称:", name, "项目编号:", None),
                                 ("项目联系人:", "汤义青", "联系电话:", "13867656030"),
                                 ("对应一级项目", "城市基础设施配套费", "项目功能科目", "其他城市基础设施配套费安排的支出")),
                                start=1):
        for col, value in enumerate(cells, start=1):
            s.put(row, col, value)
    s.put(4, 1, "项目类型:")
    s.put(4, 2, "其他运转类: □专项运转类□信息化维护类 特定目标类:□重大活动类 □基建类 □信息网络购建类 □发展建设类",
          to_col=4)
    for row, cells in enumerate((("项目属性:", "新增□ 延续□ 往年备选□", "重要程度:", "重要工作□ 一般工作□"),
                                 ("项目口径:", "经常性□ 阶段性□ 一次性□", "项目期限:", "全年")), start=5):
        for col, value in enumerate(cells, start=1):
            s.put(row, col, value)
    s.put(7, 1, "项目主要内容、立项依据", to_row=9)
    for row, (label, text) in enumerate((("立项依据", "根据历年支出情况及养护外包投标情况"),
                                         ("主要内容", "市区绿化分成六个标段承包,绿地性质有道路、广场、公园、河道等"),
                                         ("项目实施计划", "绿化养护及配套设施设立、维修等")), start=7):
        s.put(row, 2, label)
        s.put(row, 3, text, to_col=4)
    goal = ("完成我市建成区的绿化养护工作,改善了城市生态环境,提升城市品位,提高人民群众满意度,保障绿化养护的稳定正常运行,"
            "促进城市园林绿化事业的发展。")
    s.put(10, 1, "项目绩效目标")
    s.put(10, 2, "绩效目标\n总体描述")
    s.put(10, 3, goal, to_col=4)
    for col, head in enumerate(("指标类型", "指标名称", "指标值", "指标描述"), start=1):
        s.put(11, col, head)
    rows = (("产出指标", "数量指标", "375万平方米", "完成全市375万平方米的绿地养护、维护等"),
            ("产出指标", "质量指标", "100%", "达到绿化绿地全覆盖"),
            ("产出指标", "时效指标", "全年", "全年"),
            ("效益指标", "社会效益指标", "是", "满足市民生存环境的需求"),
            ("效益指标", "生态效益指标", "是", "改善城市生态环境,保持生态平衡、保护自然环境"),
            ("效益指标", "可持续性发展影响指标", "是", "保障绿化养护的稳定正常运行,促进城市园林绿化事业的发展,形成绿化系统"),
            ("满意度指标", "服务对象或受益者满意度指标", "≥95%", "服务对象对于绿化的养护及配套设施的维护满意率应该在95%以上"))
    start = 0
    for index in range(1, len(rows) + 1):
        if index == len(rows) or rows[index][0] != rows[start][0]:
            s.put(12 + start, 1, rows[start][0], to_row=12 + index - 1)
            start = index
    for row, (_, level2, value, text) in enumerate(rows, start=12):
        s.put(row, 2, level2)
        s.put(row, 3, value)
        s.put(row, 4, text)
    last = 12 + len(rows)
    s.put(last, 1, "最近年度绩效评价情况")
    s.put(last, 2, "优秀□ 良好□ 合格□ 不合格□未评价□")
    s.put(last, 3, "附上一年度评价报告列示的主要问题 (项目库里直接录入)")
    s.put(last, 4, None)
    for letter, width in zip("ABCD", (18, 26, 20, 40)):
        s.ws.column_dimensions[letter].width = width
    canonical = {"可持续性发展影响指标": "可持续影响指标", "服务对象或受益者满意度指标": "服务对象满意度指标"}
    return ruled(s, 1), {"projects": [{
        "name": name, "unit": None, "funds": {}, "goal": goal,
        "indicators": [[l1, canonical.get(l2, l2), None, None, value] for l1, l2, value, _ in rows]}]}


LAYOUTS = {"longyan-education-2023": longyan_education_2023, "shaoguan-education-2023": shaoguan_education_2023,
           "bingtuan-liutuan-2021": bingtuan_liutuan_2021, "jiangjin-dingshan-2021": jiangjin_dingshan_2021,
           "linhai-greening-2024": linhai_greening_2024}
CONVERTED = {name: (".html", ".pdf") for name in LAYOUTS}


def main(argv: list[str]) -> int:
    """Writes each layout's .xlsx (and the conversions of CONVERTED, by LibreOffice) into round9/, and the facts
    into round9/round9.expected.json."""
    return write_layouts(OUT, LAYOUTS, CONVERTED, "round9.expected.json")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
