"""Round 7 of the unseen layouts: published forms of 山东临邑 (教育: a school's 项目支出目标申报表 whose levels are
named 产出值 / 数量值 / 效益值 … over 年度数值 | 备注, with no goal row and no 满意度), 广西百色 (教育: a 预算项目绩效目标
公开表 whose money nests 一般公共预算拨款 小计 | 市本级 | 中央及自治区补助, with 中期绩效目标 under 年度绩效目标 and 二级
named 产出数量指标), 河北邯郸 (民政: 绩效目标表 per 文号 with no 二级, 绩效指标分类 | 绩效指标 | 绩效指标描述 | 评价标准
优 | 良 | 中 | 差 | 评价标准确定依据 and no money) and 安徽金寨 (a 部门整体支出绩效自评表: 部门 | …, 预算资金 as an
execution table, 预期目标 | 实际完成情况 side by side), each after a stored page (the docstring names it, and says which
rows past the page's excerpt were completed in its kind), with the facts each holds (round7/round7.expected.json).
None of them was read by the readers before this round's test was written."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "round7"
sys.path.insert(0, str(HERE))

from openpyxl.styles import Border

from round4_layouts import ruled
from sheets import Sheet, merged_indicator_rows, write_layouts


def linyi_school_2025():
    """山东 德州 临邑县师范附属小学 项目支出目标申报表（2025年度） (linyixian.gov.cn/n30334494/n38447929/n38448474/
    n74342318/n74348867/n74350511/n74350513/c75276936/content.html): 项目名称, 项目主管部门 (no 实施单位), 项目资金申请
    （万元） as 资金总额： | 财政拨款： | 其他： each beside its amount (438.768, three decimals), 项目总体情况 (what the money
    is for, no 年度目标 anywhere), then 一级 | 二级 | 三级 | 年度数值 | 备注 whose levels are written 产出值 / 数量值 /
    质量值 / 时效值 / 成本值 / 效益值 / 经济效益值 / 社会效益值 / 生态效益值 / 可持续影响值, values such as <=6962人 and
    =100%, and no 满意度 row. The whole table stands in the page's excerpt; its last, empty row is kept."""
    s = Sheet("申报表")
    s.put(1, 1, "项目支出目标申报表", to_col=5)
    s.put(2, 1, "(2025年度)", to_col=5)
    name = "小学教育公用经费"
    s.put(3, 1, "项目名称")
    s.put(3, 2, name, to_col=5)
    s.put(4, 1, "项目主管部门")
    s.put(4, 2, "临邑县师范附属小学", to_col=5)
    s.put(5, 1, "项目资金申请(万元)", to_row=7)
    for row, (label, amount) in enumerate((("资金总额:", 438.768), ("财政拨款:", 438.768), ("其他:", None)), start=5):
        s.put(row, 2, label)
        s.put(row, 3, amount, to_col=5)
    s.put(8, 1, "项目总体情况")
    s.put(8, 2, "根据鲁财科教(2024)67号文件,小学教育公用经费每生每年780元,县级财政负担20%计,主要用于学校教学与管理、"
                "校舍维修维护及日常办公等。", to_col=5)
    for col, head in enumerate(("一级", "二级", "三级", "年度数值", "备注"), start=1):
        s.put(9, col, head)
    rows = (("产出值", "数量值", "小学就读人数", "<=6962人", None),
            ("产出值", "质量值", "教学条件改善、办学水平提高", "=100%", None),
            ("产出值", "时效值", "教育均衡化发展", "有效", None),
            ("产出值", "成本值", "义务教育小学生均公用经费", "780元/生/年", None),
            ("效益值", "经济效益值", "经费有效使用情况", "=100%", None),
            ("效益值", "社会效益值", "教学质量提高、办学条件改善", "=100%", None),
            ("效益值", "生态效益值", "安全情况", "有效", None),
            ("效益值", "可持续影响值", "学生受益情况", "=100%", None))
    merged_indicator_rows(s, 10, 1, rows)
    for col in range(1, 6):
        s.put(10 + len(rows), col, None)  # the form's last row, left empty
    levels = {"产出值": "产出指标", "效益值": "效益指标"}
    return ruled(s, 3), {"projects": [{
        "name": name, "unit": None, "funds": {"total": "438.768", "fiscal": "438.768"}, "goal": None,
        "indicators": [[levels[l1], l2[:-1] + "指标", ind, None, value] for l1, l2, ind, value, _ in rows]}]}


def baise_education_2023():
    """广西 百色市教育局 2023年度预算项目绩效目标公开表（百色天立学校办学补贴） (frenduro.com/zwgk/t16797836.html, a copy
    of the bureau's notice): a sentence over the form (…纳入预算绩效管理的项目1个…), 项目名称, 项目主管部门 | 项目实施
    单位 on one row, 项目属性 left blank, 项目资金（万元） nesting 合计 | 一般公共预算拨款 (小计 | 市本级 | 中央及自治区
    补助) | 政府性基金预算拨款 | 国有资本经营预算拨款 | 其他资金, 项目实施内容, 项目起止时间, 项目实施进度计划, 年度绩效
    目标 then 中期绩效目标, and 项目年度绩效目标衡量指标 beside 一级指标 | 二级指标 | 指标内容 | 指标值 whose 二级 are
    产出数量指标 / 产出质量指标 and whose first value is a sentence. The excerpt ends at 产出质量指标's 协议履约: the rows
    from there are completed in the kind of the first."""
    s = Sheet("公开表")
    s.put(1, 1, "百色市教育局(含所属二层)2023年6月年中综合财政支出预算纳入预算绩效管理的项目1个,项目名称为百色天立学校办学"
                "补贴,项目绩效目标详见附件。", to_col=8)
    s.put(2, 1, "2023年度预算项目绩效目标公开表", to_col=8)
    name = "百色天立学校办学补贴"
    s.put(3, 1, "项目名称")
    s.put(3, 2, name, to_col=8)
    s.put(4, 1, "项目主管部门")
    s.put(4, 2, "百色市教育局", to_col=4)
    s.put(4, 5, "项目实施单位")
    s.put(4, 6, "百色市教育局", to_col=8)
    s.put(5, 1, "项目属性")
    s.put(5, 2, None, to_col=8)
    s.put(6, 1, "项目资金\n(万元)", to_row=12)
    s.put(6, 2, "合计", to_col=3)
    s.put(6, 4, 1800, to_col=8)
    s.put(7, 2, "一般公共预算拨款", to_row=9)
    for row, (label, amount) in enumerate((("小计", 1800), ("市本级", 1800), ("中央及自治区补助", None)), start=7):
        s.put(row, 3, label)
        s.put(row, 4, amount, to_col=8)
    for row, label in enumerate(("政府性基金预算拨款", "国有资本经营预算拨款", "其他资金"), start=10):
        s.put(row, 2, label, to_col=3)
        s.put(row, 4, None, to_col=8)
    goal = ("投入1800万元,根据协议支付合作办学经费,确保协议履约,推进学校二期项目建设,实现学校正常运行,增加百色优质高中教育资源,"
            "缓解市学位不足的问题,满足社会需求,促进百色教育事业的全面发展。")
    for row, (label, text) in enumerate((
            ("项目实施内容", "根据2020年9月29日市人民政府与神州天立教育投资有限责任公司签署的《百色天立学校项目投资合同》第七条"
                        "支持政策,土地出让收益中的部分资金作为乙方前期办学运营成本支出补贴。"),
            ("项目起止时间", "2023年6月至12月"), ("项目实施\n进度计划", "2023年12月31日前完成"), ("年度绩效目标", goal),
            ("中期绩效目标", "引进优质教育品牌、与名校合作办学,多渠道增加优质教育资源供给,培育和催生一批新的优质教育资源,进一步"
                        "提升区域教育优质均衡发展水平和教育品牌影响力。")), start=13):
        s.put(row, 1, label)
        s.put(row, 2, text, to_col=8)
    rows = (("产出指标", "产出数量指标", "新增学位",
             "2023年预计在校生:小学600人,初中700人,高中1000人,最后以实际招生人数为准。"),
            ("产出指标", "产出质量指标", "协议履约率", "100%"),
            ("产出指标", "产出时效指标", "补贴资金拨付时间", "2023年12月31日前"),
            ("产出指标", "产出成本指标", "办学补贴金额", "≤1800万元"),
            ("效益指标", "社会效益指标", "缓解市区高中学位不足", "有效缓解"),
            ("效益指标", "可持续影响指标", "优质教育资源供给", "持续增加"),
            ("满意度指标", "服务对象满意度指标", "学生及家长满意度", "≥90%"))
    s.put(18, 1, "项目年度绩效目标衡量指标", to_row=18 + len(rows))
    for col, head in ((2, "一级指标"), (3, "二级指标"), (4, "指标内容"), (5, "指标值")):
        s.put(18, col, head, to_col=8 if col == 5 else None)
    merged_indicator_rows(s, 19, 2, rows)
    for offset in range(len(rows)):
        s.ws.merge_cells(start_row=19 + offset, start_column=5, end_row=19 + offset, end_column=8)
    return ruled(s, 3), {"projects": [{
        "name": name, "unit": "百色市教育局", "funds": {"total": "1800", "fiscal": "1800"}, "goal": goal,
        "indicators": [[l1, l2[2:] if l2.startswith("产出") else l2, ind, None, value] for l1, l2, ind, value in rows]}]}


def handan_relief_2019():
    """河北 邯郸 2019年预算项目绩效目标 (boteman.cn/paper/219141832.html, a copy of the published document): one 绩效
    目标表 after another, each titled by the 文号 that passed the money down (1、邯财社〔2018〕126号提前下达2019年中央财政
    困难群众救助补助预算指标绩效目标表), a 绩效目标 row, then 绩效指标分类 | 绩效指标 | 绩效指标描述 | 绩效指标评价标准
    (优 | 良 | 中 | 差 under it) | 评价标准确定依据: no 二级, no amount anywhere, the target the 优 standard. The copy
    lost the 〔〕 of the 文号 (邯财社2018126号): written as the document has them. The second table past the excerpt
    (its title's start stands there, the same 文号) is completed in the first's kind."""
    s = Sheet("绩效目标")
    tables = (("1、", "保障农村低保金的发放,保障农村低保户的基本生活。",
               (("产出指标", "救助覆盖率", "困难群众基本生活救助是否应救尽救", ("100%", "90%", "85%", "85%"),
                 "按临时救助标准评价"),
                ("产出指标", "农村低保救助资金按标准发放的比率", "救助标准与经济社会发展水平相适应,救助资金按标准发放的比率",
                 ("90%", "80%", "70%", "70%"), "按临时救助标准评价"),
                ("效果指标", "救助对象对救助工作满意度(%)", "问卷调查中,满意和较满意的救助对象数量占调研对象总数的比率",
                 ("85%", "80%", "70%", "70%"), "按服务对象满意度评价"))),
              ("2、", "保障特困人员基本生活,提高特困人员救助供养水平。",
               (("产出指标", "特困人员救助供养覆盖率", "符合条件的特困人员是否应养尽养", ("100%", "95%", "90%", "90%"),
                 "按特困人员救助供养标准评价"),
                ("产出指标", "供养资金按时发放率", "供养资金是否按月足额发放到位", ("100%", "90%", "80%", "80%"),
                 "按资金发放计划评价"),
                ("效果指标", "供养对象满意度(%)", "问卷调查中,满意和较满意的供养对象数量占调研对象总数的比率",
                 ("90%", "85%", "75%", "75%"), "按服务对象满意度评价"))))
    fund = "邯财社〔2018〕126号提前下达2019年中央财政困难群众救助补助预算指标"
    row, facts, open_rows = 1, [], []
    for number, goal, indicators in tables:
        s.put(row, 1, f"{number}{fund}绩效目标表", to_col=8)
        open_rows.append(row)  # a title over its table, unruled
        s.put(row + 1, 1, "绩效目标")
        s.put(row + 1, 2, goal, to_col=8)
        for col, head in ((1, "绩效指标分类"), (2, "绩效指标"), (3, "绩效指标描述"), (8, "评价标准确定依据")):
            s.put(row + 2, col, head, to_row=row + 3)
        s.put(row + 2, 4, "绩效指标评价标准", to_col=7)
        for col, grade in enumerate(("优", "良", "中", "差"), start=4):
            s.put(row + 3, col, grade)
        first = row + 4
        start = 0
        for index in range(1, len(indicators) + 1):
            if index == len(indicators) or indicators[index][0] != indicators[start][0]:
                s.put(first + start, 1, indicators[start][0], to_row=first + index - 1)
                start = index
        for index, (_, name, described, grades, basis) in enumerate(indicators):
            s.put(first + index, 2, name)
            s.put(first + index, 3, described)
            for col, grade in enumerate(grades, start=4):
                s.put(first + index, col, grade)
            s.put(first + index, 8, basis)
        row = first + len(indicators) + 1
        open_rows.append(row - 1)  # the gap before the next table
        facts.append({"name": fund, "unit": None, "funds": {}, "goal": goal,
                      "indicators": [[l1, None, name, None, grades[0]] for l1, name, _, grades, _ in indicators]})
    ruled(s, 1)
    for r in open_rows:
        for c in range(1, 9):
            s.ws.cell(r, c).border = Border()
    return s, {"projects": facts}


def jinzhai_department_review_2023():
    """安徽 金寨县茶谷和美丽乡村建设服务中心 部门整体支出绩效自评表（2023年度） (ahjinzhai.gov.cn/public/6624963/
    37545031.html): 部门 | the unit (no 部门职责, no tasks), 预算资金（万元） beside 年初预算数 | 全年预算数 | 全年执行数 |
    分值 | 执行率 | 得分 over 年度资金总额 | 其中：当年财政拨款 | 上年结转资金 | 其他资金 (— for none), 年度总体目标
    预期目标 | 实际完成情况 side by side (numbered 1.…;2.… in one cell), then 绩效指标 beside 一级 | 二级 | 三级 | 年度指标值
    | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 with 指标1: items and bare numbers as values (≤4, ≥200). The
    excerpt ends at 成本指标's 指标1: the rows from there, and the 总分 row, are completed in their kind."""
    s = Sheet("部门整体自评")
    s.put(1, 1, "部门整体支出绩效自评表", to_col=9)
    s.put(2, 1, "(2023年度)", to_col=9)
    name = "金寨县茶谷和美丽乡村建设服务中心"
    s.put(3, 1, "部门")
    s.put(3, 2, name, to_col=9)
    s.put(4, 1, "预算资金\n(万元)", to_row=8)
    for col, head in enumerate(("", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"), start=2):
        s.put(4, col, head or None)
    for row, values in enumerate((("年度资金总额", 329.77, 329.77, 338.31, 10, "102.59%", None),
                                  ("其中:当年财政拨款", 329.77, 329.77, 338.31, "—", "102.59%", "—"),
                                  ("上年结转资金", None, None, None, "—", None, "—"),
                                  ("其他资金", None, None, None, "—", None, "—")), start=5):
        for col, value in enumerate(values, start=2):
            s.put(row, col, value)
    goal = "1.建设徽风皖韵美丽乡村;2.整治美丽宜居自然村庄;3.推进农村改厕提质增效;4.深入开展村庄清洁行动;5.促进茶谷果岭融合发展。"
    s.put(9, 1, "年度总体目标", to_row=10)
    s.put(9, 2, "预期目标", to_col=5)
    s.put(9, 6, "实际完成情况", to_col=9)
    s.put(10, 2, goal, to_col=5)
    s.put(10, 6, "1.启动燕子河镇龙马村、花石乡大湾村等4个精品示范村建设;2.整治美丽宜居自然村庄202个;3.完成农村户用卫生厕所"
                 "改造3061户;4.全面完成2022年度10个省级中心村各项建设任务,并顺利通过省级验收。", to_col=9)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分",
                                "偏差原因分析及改进措施"), start=2):
        s.put(11, col, head)
    rows = (("产出指标", "数量指标", "指标1:开展精品示范村建设数量", "≤4", "4", 10, 10, None),
            ("产出指标", "数量指标", "指标2:建设美丽宜居自然村庄数量", "≥200", "202", 10, 10, None),
            ("产出指标", "数量指标", "指标3:完成农村户用卫生厕所改造数量", "≥2000", "3061", 10, 10, None),
            ("产出指标", "数量指标", "指标4:新建省级中心村数量", "≥10", "10", 10, 10, None),
            ("产出指标", "质量指标", "指标1:美丽宜居自然村庄验收通过率", "≥95%", "100%", 5, 5, None),
            ("产出指标", "质量指标", "指标2:户用卫生厕所改造验收通过率", "≥95%", "100%", 5, 5, None),
            ("产出指标", "时效指标", "指标1:完成美丽宜居自然村庄验收时间", "9月前", "7月", 5, 5, None),
            ("产出指标", "时效指标", "指标2:完成户用卫生厕所改造验收时间", "11月前", "10月", 5, 5, None),
            ("产出指标", "成本指标", "指标1:户用卫生厕所改造补助标准", "≤1000元/户", "1000元/户", 5, 5, None),
            ("效益指标", "社会效益指标", "指标1:农村人居环境", "持续改善", "持续改善", 10, 10, None),
            ("效益指标", "生态效益指标", "指标1:村庄清洁行动覆盖率", "≥95%", "100%", 5, 5, None),
            ("满意度指标", "服务对象满意度指标", "指标1:群众满意度", "≥90%", "95%", 10, 10, None))
    s.put(11, 1, "绩\n效\n指\n标", to_row=11 + len(rows))
    merged_indicator_rows(s, 12, 2, rows)
    s.put(12 + len(rows), 1, "总分", to_col=6)
    s.put(12 + len(rows), 7, 100)
    s.put(12 + len(rows), 8, 100)
    return ruled(s, 3), {"department": {
        "name": name, "functions": None, "overall_goal": goal, "budget": {"fiscal": "329.77"}, "tasks": [],
        "indicators": [[l1, l2, ind.split(":", 1)[1], None, value] for l1, l2, ind, value, *_ in rows]}}


LAYOUTS = {"linyi-school-2025": linyi_school_2025, "baise-education-2023": baise_education_2023,
           "handan-relief-2019": handan_relief_2019, "jinzhai-department-review-2023": jinzhai_department_review_2023}
CONVERTED = {"linyi-school-2025": (".html", ".pdf"), "baise-education-2023": (".html",),
             "handan-relief-2019": (".html", ".pdf"), "jinzhai-department-review-2023": (".html", ".pdf")}


def main(argv: list[str]) -> int:
    """Writes each layout's .xlsx (and the conversions of CONVERTED, by LibreOffice) into round7/, and the facts
    into round7/round7.expected.json."""
    return write_layouts(OUT, LAYOUTS, CONVERTED, "round7.expected.json")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
