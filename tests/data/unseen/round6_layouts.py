"""Round 6 of the unseen layouts: published forms of 湖南澧县 (农业: a unit's 部门整体支出 form whose budget is split
by income and by spending side by side, 指标解释 | 指标说明及公式 before the value), 湖南岳阳县 (农业农村: a 基础设施建设类
form whose amounts are prose, 854万(…400万元,…), the fiscal cell printed twice over) and 宁夏原州 (农业 自评表: a 指标1 /
指标2 column between 二级 and the indicator, 中央补助 / 自治区补助 / 市县资金 as sources), each after a stored page (the
docstring names it, and says which rows past the page's excerpt were completed in its kind), with the facts each
holds (round6/round6.expected.json). None of them was read by the readers before this round's test was written."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "round6"
sys.path.insert(0, str(HERE))

from round4_layouts import ruled
from sheets import Sheet, merged_indicator_rows


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


LAYOUTS = {"lixian-department-2021": lixian_department_2021, "yueyangxian-2022": yueyangxian_2022,
           "yuanzhou-review-2022": yuanzhou_review_2022}
CONVERTED = {"lixian-department-2021": (".html", ".pdf"), "yueyangxian-2022": (".html", ".pdf"),
             "yuanzhou-review-2022": (".html",)}


def main(argv: list[str]) -> int:
    """Writes each layout's .xlsx (and the web pages and PDFs of CONVERTED, by LibreOffice) into round6/, and the
    facts into round6/round6.expected.json."""
    facts = {}
    OUT.mkdir(exist_ok=True)
    for name, make in LAYOUTS.items():
        sheet, known = make()
        facts[name] = known
        path = OUT / f"{name}.xlsx"
        sheet.save(path)
        with tempfile.TemporaryDirectory() as folder:
            for extension in CONVERTED.get(name, ()):
                subprocess.run(["soffice", "--headless", "--convert-to", extension.lstrip("."), "--outdir", folder,
                                str(path)], check=True, capture_output=True, timeout=120)
                (OUT / f"{name}{extension}").write_bytes((Path(folder) / f"{name}{extension}").read_bytes())
        print(name)
    (OUT / "round6.expected.json").write_text(json.dumps(facts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
