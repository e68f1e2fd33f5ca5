"""Round 5 of the unseen layouts: published forms of other provinces and sectors — 内蒙古乌海 (供销, codes before the
names, 指标性质 | 指标方向 | 目标值 | 计量单位 with dates kept as day numbers), 云南永德 (教育 自评表 in 元 with its
value in three columns), 山西阳泉 (交通, 中期 beside 年度), 安徽霍邱 (科技, two 自评表 on one sheet), 陕西宝鸡陈仓
(水利, a province's blank template: units without numbers), 福建安溪 (水利, one value column per town) and 四川中江
(水利 自评表 with 分值 before 年度指标值) and 云南昌宁 (供销 自评表: ticked boxes, no goal, units in the names), each after a stored page (the docstring names it, and says which rows past
the page's excerpt were completed in its kind), with the facts each holds (round5/round5.expected.json)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "round5"
sys.path.insert(0, str(HERE))

from round4_layouts import ruled
from sheets import Sheet, merged_indicator_rows, write_layouts


def wuhai_2021():
    """内蒙古 乌海 再生资源回收市场管理经费项目绩效目标表（2021年） (gxs.wuhai.gov.cn/whsgxshzslhs/1096934/sjtj/1341823/
    index.html): 项目类别 (31)部门预算项目, 主管部门 (433)…(部门), 实施单位 (433001)…, 投入目标（万元） 资金来源 |
    年初安排金额（万元）, 年度目标 as 目标1: … 目标5:, a 绩效指标（权重分值90分…） line over 一级 | 二级 | 三级 | 指标性质
    (正向/反向) | 指标方向 (=) | 目标值 | 计量单位 | 分值 | 备注, 一级/二级 on every row; the two 时效 dates printed as the
    budget system's day numbers (44,561 = 2021-12-31) in both 目标值 and 计量单位. The 效益/满意度 rows past the excerpt
    are completed in the kind of the 产出 rows."""
    s = Sheet("绩效目标表")
    s.put(1, 1, "再生资源回收市场管理经费项目绩效目标表", to_col=9)
    s.put(2, 1, "（2021年）", to_col=9)
    for row, (label, value) in enumerate((("项目名称", "再生资源回收市场管理经费"), ("项目类别", "(31)部门预算项目"),
                                          ("归口科室", "(08)经济贸易科"), ("主管部门", "(433)乌海市供销合作社联合社(部门)"),
                                          ("实施单位", "(433001)乌海市供销合作社联合社")), start=3):
        s.put(row, 1, label, to_col=2)
        s.put(row, 3, value, to_col=9)
    s.put(8, 1, "投入目标\n（万元）", to_row=11, to_col=2)
    s.put(8, 3, "资金来源", to_col=5)
    s.put(8, 6, "年初安排金额（万元）", to_col=9)
    for row, (label, amount) in enumerate((("资金总额", 3), ("其中：财政拨款数", 3), ("其他资金", 0)), start=9):
        s.put(row, 3, label, to_col=5)
        s.put(row, 6, amount, to_col=9)
    goal = ("围绕国家关于建设节约型社会和发展循环经济的要求，在充分规范整合和利用现有再生资源回收渠道的基础上，合理布局，"
            "规范建设。达成以下目标：目标1：聘用人员1人，出差8人 目标2：聘用人员在岗率100% 目标3：2021年12月31日前完成 "
            "目标4：年度预算总金额3万元 目标5：促进资源循环和高效利用，改善城乡生态环境。")
    s.put(12, 1, "年度目标", to_col=2)
    s.put(12, 3, goal, to_col=9)
    s.put(13, 1, "绩效指标（权重分值90分，其中产出指标权重分值50分，效益指标权重分值30分，满意度指标权重分值10分）", to_col=9)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位", "分值",
                                "备注"), start=1):
        s.put(14, col, head)
    day = 44561  # 2021-12-31 as the budget system's day number
    rows = (("产出指标", "数量指标", "出差人数", "正向", "=", 8, None, 4),
            ("产出指标", "数量指标", "出差人次", "正向", "=", 24, "人/次", 4),
            ("产出指标", "质量指标", "工作任务完成率", "正向", "=", 100, "%", 4),
            ("产出指标", "时效指标", "项目财政资金到位时间", "正向", "=", day, day, 10),
            ("产出指标", "时效指标", "财政资金到位及时支付率", "正向", "=", 100, "%", 4),
            ("产出指标", "时效指标", "工作计划按时完成时间", "正向", "=", day, day, 4),
            ("产出指标", "成本指标", "出差单位成本", "反向", "=", 0, "万元/人", 4),
            ("产出指标", "成本指标", "出差总成本", "反向", "=", 1, "万元", 4),
            ("产出指标", "成本指标", "劳务人员总成本", "反向", "=", 2, "万元", 4),
            ("产出指标", "成本指标", "办公费总成本", "反向", "=", 0, "万元", 4),
            ("产出指标", "成本指标", "年度预算总成本", "反向", "=", 3, "万元", 4),
            ("效益指标", "社会效益指标", "再生资源回收网点规范率", "正向", "=", 100, "%", 15),
            ("效益指标", "生态效益指标", "城乡生态环境改善情况", "正向", "=", "有效改善", None, 15),
            ("满意度指标", "服务对象满意度指标", "回收经营户满意度", "正向", "=", 90, "%", 10))
    for row, values in enumerate(rows, start=15):
        for col, value in enumerate(values, start=1):
            s.put(row, col, value)
            if value == day:
                s.ws.cell(row=row, column=col).number_format = "#,##0"

    def value(number, unit):
        if number == day:
            return None  # a day number is no value a clerk wrote: read, it would be a wrong fact
        return f"＝{number}{unit or ''}"  # 正向/反向 is no comparator: not joined (said)
    return ruled(s, 3), {"projects": [{
        "name": "再生资源回收市场管理经费", "unit": "乌海市供销合作社联合社",
        "funds": {"total": "3", "fiscal": "3", "other": "0"}, "goal": goal,
        "indicators": [[l1, l2, name, None, value(number, unit)] for l1, l2, name, _, _, number, unit, _ in rows]}]}


def yongde_review_2022():
    """云南 临沧 永德 2022年度项目支出绩效自评表 (公开14表, www.yongde.gov.cn/info/3003/116104.htm): 部门：… over the
    form, 项目资金（元） 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 over 年度资金总额 / 其中：当年财政
    拨款 / 上年结转资金 / 其他资金 (— where none), 年度总体目标 预期目标 | 实际完成情况, 绩效指标 一级 | 二级 | 三级 |
    年度指标值 (指标性质 | 指标值 | 度量单位 under it) | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施, an empty
    生态效益 row, 总分 under the form."""
    s = Sheet("公开14表")
    s.put(1, 1, "2022年度项目支出绩效自评表", to_col=12)
    s.put(2, 1, "部门：临沧市永德县明朗中学", to_col=8)
    s.put(2, 9, "公开14表", to_col=12)
    s.put(3, 1, "项目名称", to_col=2)
    s.put(3, 3, "义务教育营养改善计划专项资金", to_col=12)
    s.put(4, 1, "主管部门", to_col=2)
    s.put(4, 3, "永德县教育体育局", to_col=6)
    s.put(4, 7, "实施单位", to_col=8)
    s.put(4, 9, "永德县明朗中学", to_col=12)
    s.put(5, 1, "项目资金\n（元）", to_row=9, to_col=2)
    for col, head in enumerate(("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"), start=4):
        s.put(5, col, head)
    funds = (("年度资金总额", None, "387664.62", "387664.62", "10", "100%", "10"),
             ("其中：当年财政拨款", None, "387664.62", "387664.62", "—", None, None),
             ("上年结转资金", None, None, None, "—", None, None),
             ("其他资金", "—", "—", "—", "—", None, None))
    for row, values in enumerate(funds, start=6):
        s.put(row, 3, values[0])
        for col, value in enumerate(values[1:], start=4):
            s.put(row, col, value)
    goal = "确保每一个学生都能享受到国家政策福利，改善学生体质"
    s.put(10, 1, "年度\n总体\n目标", to_row=11, to_col=2)
    s.put(10, 3, "预期目标", to_col=7)
    s.put(10, 8, "实际完成情况", to_col=12)
    s.put(11, 3, goal, to_col=7)
    s.put(11, 8, goal, to_col=12)
    s.put(12, 1, "绩效指标", to_row=24)
    for col, head in ((2, "一级指标"), (3, "二级指标"), (4, "三级指标")):
        s.put(12, col, head, to_row=13)
    s.put(12, 5, "年度指标值", to_col=7)
    for col, head in ((8, "实际完成值"), (9, "分值"), (10, "得分"), (11, "偏差原因分析及改进措施")):
        s.put(12, col, head, to_row=13, to_col=12 if col == 11 else None)
    for col, head in enumerate(("指标性质", "指标值", "度量单位"), start=5):
        s.put(13, col, head)
    rows = (("产出指标", "数量指标", "学生受资助人数", "≧", "735", "人次", "735", "10", "10"),
            ("产出指标", "质量指标", "营养改善计划覆盖率", "≧", "100", "%", "100%", "10", "10"),
            ("产出指标", "时效指标", "资金到位及时率", "≧", "100", "%", "100%", "10", "7"),
            ("产出指标", "成本指标", "生均补助标准达标率", "═", "100", "%", "100%", "10", "10"),
            ("效益指标", "经济效益\n指标", "减轻贫困学生家庭经济负担", None, "有效", None, "有效", "10", "10"),
            ("效益指标", "社会效益\n指标", "政策知晓率", "═", "100", "%", "98%", "10", "9"),
            ("效益指标", "生态效益\n指标", None, None, None, None, None, None, None),
            ("效益指标", "可持续影响\n指标", "促进学校教育事业健康发展", "≧", "100", "%", "100%", "10", "10"),
            ("满意度指标", "服务对象满意度指标等", "学生满意度", "≧", "95", "%", "100%", "10", "10"),
            ("满意度指标", "服务对象满意度指标等", "家长满意度", "≧", "95", "%", "100%", "10", "10"))
    merged_indicator_rows(s, 14, 2, rows)
    s.put(24, 2, "其他需要说明事项", to_col=3)
    s.put(24, 4, "无")
    s.put(24, 5, "总分", to_col=7)
    s.put(24, 8, "100")
    s.put(24, 9, "96")
    s.put(24, 10, "优")
    read = [row for row in rows if row[2]]
    return ruled(s, 3), {"projects": [{
        "name": "义务教育营养改善计划专项资金", "unit": "永德县明朗中学",
        "funds": {"total": "38.766462", "fiscal": "38.766462"}, "goal": goal,
        "indicators": [[l1, l2.replace("\n", ""), name, None,
                        ("≥" if sign == "≧" else "＝" if sign == "═" else "") + value + (unit or "")]
                       for l1, l2, name, sign, value, unit, *_ in read]}]}


def yangquan_2021():
    """山西省阳泉市市级预算部门（单位）项目支出绩效目标申报表（2021年） (jtysj.yq.gov.cn/yjsgk/202104/
    t20210422_1152890.html): 主管部门及代码 | … | 实施单位 | …, 项目属性 | … | 项目期限 | …, 项目预算资金（万元）
    中期预算资金总额 | (blank) | 年度预算资金总额 | 25, 项目概况, 立项依据, 项目设立必要性, 保证项目实施的制度、措施,
    项目实施计划 (its own 合计50万元), 总体目标 under 中期目标 | 年度目标. The indicators past the excerpt are completed
    in the kind of the form's goals: 一级 | 二级 | 三级 | 中期指标值 | 年度指标值."""
    s = Sheet("申报表")
    s.put(1, 1, "山西省阳泉市市级预算部门（单位）项目支出绩效目标申报表", to_col=8)
    s.put(2, 1, "2021年", to_col=8)
    s.put(3, 1, "项目名称", to_col=2)
    s.put(3, 3, "“四好农村路”、“三个一号旅游路”工作经费", to_col=8)
    for row, (a, b, c, d) in ((4, ("主管部门及代码", "经济建设科", "实施单位", "阳泉市公路服务中心")),
                              (5, ("项目属性", "延续性项目（阶段开展）", "项目期限", "3年"))):
        s.put(row, 1, a, to_col=2)
        s.put(row, 3, b, to_col=4)
        s.put(row, 5, c, to_col=6)
        s.put(row, 7, d, to_col=8)
    s.put(6, 1, "项目预算资金（万元）", to_col=2)
    s.put(6, 3, "中期预算资金总额", to_col=4)
    s.put(6, 5, None, to_col=5)
    s.put(6, 6, "年度预算资金总额")
    s.put(6, 7, "25", to_col=8)
    work = ("“四好农村路”、“三大板块旅游路”项目开工前期项目勘察设计审批；进度督导检查、工程质量监督检查、工程安全运营"
            "检查；财务审计、工程竣工验收。")
    basis = "山西省人民政府晋政办发[2018]96号文件、阳泉市人民政府阳政办发[2017]103号文件、阳泉市人民政府办公厅会议专题纪要[2018]54号"
    plan = ("“四好农村路”、“三大板块旅游路”项目开工前期项目勘察设计审批需20万元；进度督导检查、工程质量监督检查、工程"
            "安全运营检查需20万元；财务审计、工程竣工验收需10万元，合计50万元。")
    for row, (label, text) in enumerate((("项目概况", work), ("立项依据", basis), ("项目设立必要性", work),
                                         ("保证项目实施的制度、措施", basis), ("项目实施计划", plan)), start=7):
        s.put(row, 1, label, to_col=2)
        s.put(row, 3, text, to_col=8)
    middle = ("“四好农村路”、“三大板块旅游路”项目开工前期项目勘察设计审批；进度督导检查、工程质量监督检查、工程安全运营"
              "检查；专项资金财务跟踪检查、财务审计、工程竣工验收。")
    goal = "工程前期施工图设计批复81个，建设里程巡查、质量监督检查全覆盖。"
    s.put(12, 1, "总体目标", to_row=13, to_col=2)
    s.put(12, 3, "中期目标", to_col=5)
    s.put(12, 6, "年度目标", to_col=8)
    s.put(13, 3, middle, to_col=5)
    s.put(13, 6, goal, to_col=8)
    s.put(14, 1, "绩效指标", to_row=21)
    for col, head, to in ((2, "一级指标", 2), (3, "二级指标", 3), (4, "三级指标", 5), (6, "中期指标值", 6),
                          (7, "年度指标值", 8)):
        s.put(14, col, head, to_col=to)
    rows = (("产出指标", "数量指标", "施工图设计批复项目数", "≥240个", "81个"),
            ("产出指标", "质量指标", "工程质量监督检查覆盖率", "100%", "100%"),
            ("产出指标", "时效指标", "工程竣工验收及时率", "≥95%", "≥95%"),
            ("产出指标", "成本指标", "年度项目工作经费", "≤75万元", "≤25万元"),
            ("效益指标", "社会效益指标", "农村公路通行条件", "明显改善", "明显改善"),
            ("效益指标", "可持续影响指标", "农村公路管养长效机制", "长期", "长期"),
            ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "≥90%"))
    merged_indicator_rows(s, 15, 2, [row[:2] for row in rows])
    for index, (_, _, name, middle_value, value) in enumerate(rows):
        s.put(15 + index, 4, name, to_col=5)
        s.put(15 + index, 6, middle_value)
        s.put(15 + index, 7, value, to_col=8)
    return ruled(s, 3), {"projects": [{
        "name": "“四好农村路”、“三个一号旅游路”工作经费", "unit": "阳泉市公路服务中心", "funds": {"total": "25"},
        "goal": goal, "indicators": [[l1, l2, name, period, value] for l1, l2, name, period, value in rows]}]}


def huoqiu_review_2022():
    """安徽 霍邱县科学技术局2022年项目支出绩效目标表 (www.wjbhcs.com/public/6600241/36762723.html): one sheet of
    项目支出绩效自评表（2022年度）, one per project one under the other, 主管部门 031-… | 实施单位 031001-…, 项目资金
    （万元） 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, 年度总体目标 预期目标 | 实际完成情况 (blank),
    一级 with its score (产出指标（50分）), a 时效 row whose 三级 is its deadline, an empty 生态效益 row with a 0 score,
    总分 under each form; its 满意度 二级 is the 一级's name (read as the one 二级 the framework has there, said). The second form (地震经费) past the excerpt is completed in the kind of the first."""
    s = Sheet("自评表")
    forms = (("科技特派员创业行动经费", "25", "发挥科技特派员创业带头人作用。",
              (("产出指标（50分）", "数量指标", "开展县域结对交流活动", "≥3次", "3", "10", "10"),
               ("产出指标（50分）", "质量指标", "科技特派员创业能力提升", "创业能力提升", "达成预期指标", "20", "20"),
               ("产出指标（50分）", "时效指标", "2022年底之前", "2022年底之前", "达成预期指标", "10", "10"),
               ("产出指标（50分）", "成本指标", "科技特派员业务培训开展", "≥5万元", "5", "10", "10"),
               ("效益指标（30分）", "经济效益指标", "带动农民增收", "农民增收", "达成预期指标", "10", "10"),
               ("效益指标（30分）", "社会效益指标", "巩固拓展脱贫攻坚成果", "巩固拓展脱贫攻坚成果", "达成预期指标", "10", "10"),
               ("效益指标（30分）", "可持续影响指标", "科技特派员创业行动能力持续提升", "能力持续提升", "达成预期指标", "10", "10"),
               ("效益指标（30分）", "生态效益指标", None, None, None, None, "0"),
               ("满意度指标（10分）", "满意度指标", "群众创业热情高涨", "创业热情高涨", "达成预期指标", "10", "10"))),
             ("地震经费", "8", "做好全县地震监测预报和防震减灾宣传工作。",
              (("产出指标（50分）", "数量指标", "开展防震减灾宣传活动", "≥4次", "4", "20", "20"),
               ("产出指标（50分）", "质量指标", "地震监测设备正常运行率", "≥95%", "98%", "20", "20"),
               ("产出指标（50分）", "时效指标", "2022年底之前", "2022年底之前", "达成预期指标", "10", "10"),
               ("效益指标（30分）", "社会效益指标", "公众防震减灾意识", "明显提高", "达成预期指标", "30", "30"),
               ("满意度指标（10分）", "满意度指标", "群众满意度", "≥90%", "95%", "10", "10"))))
    row = 1
    facts = []
    for name, amount, goal, indicators in forms:
        s.put(row, 1, "项目支出绩效自评表", to_col=9)
        s.put(row + 1, 1, "（2022年度）", to_col=9)
        s.put(row + 2, 1, "项目名称", to_col=2)
        s.put(row + 2, 3, name, to_col=9)
        s.put(row + 3, 1, "主管部门", to_col=2)
        s.put(row + 3, 3, "031-霍邱县科学技术局", to_col=4)
        s.put(row + 3, 5, "实施单位")
        s.put(row + 3, 6, "031001-霍邱县科学技术局", to_col=9)
        s.put(row + 4, 1, "项目资金\n（万元）", to_row=row + 8, to_col=2)
        for col, head in enumerate(("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"), start=4):
            s.put(row + 4, col, head)
        for offset, (label, values) in enumerate((("年度资金总额：", (amount, amount, amount, "10", "100.00%", "10.00")),
                                                  ("其中：本年财政拨款", (amount, amount, amount)),
                                                  ("上年结转资金", ("0", "0", "0")), ("其他资金", ("0", "0", "0"))), 5):
            s.put(row + offset, 3, label)
            for col, value in enumerate(values, start=4):
                s.put(row + offset, col, value)
        s.put(row + 9, 1, "年度总体目标", to_row=row + 10, to_col=2)
        s.put(row + 9, 3, "预期目标", to_col=6)
        s.put(row + 9, 7, "实际完成情况", to_col=9)
        s.put(row + 10, 3, goal, to_col=6)
        s.put(row + 10, 7, None, to_col=9)
        first = row + 11
        s.put(first, 1, "绩效指标", to_row=first + len(indicators))
        for col, head in enumerate(("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                    "偏差原因分析及改进措施"), start=2):
            s.put(first, col, head)
        merged_indicator_rows(s, first + 1, 2, indicators)
        last = first + len(indicators) + 1
        s.put(last, 1, "总分", to_col=6)
        s.put(last, 7, "100")
        s.put(last, 8, "100.00")
        row = last + 3
        facts.append({"name": name, "unit": "霍邱县科学技术局",
                      "funds": {"total": amount, "fiscal": amount, "other": "0"}, "goal": goal,
                      "indicators": [[l1.split("（")[0], "服务对象满意度指标" if l2 == "满意度指标" else l2, ind, None, value]
                                     for l1, l2, ind, value, *_ in indicators if ind]})
    return ruled(s, 1), {"projects": facts}


def chencang_2020():
    """陕西 宝鸡 陈仓区 2020年省级财政水利发展资金绩效目标表 (www.chencang.gov.cn/col8173/col8180/col8789/col9203/
    202005/t20200529_126007.html), the province's template passed down as filled: 专项（项目）名称, 市级财政部门 | … |
    市级主管部门 | …, 区级财政部门 | … | 区级主管部门 | …, 资金情况（万元） 资金来源 over 资金总额 (blank) / 其中：
    财政拨款 500 / 其他资金 (blank), 总体目标, 指标1： items whose 指标值 is the template's unit alone (公里, ≧ %). The
    rows past the excerpt are completed in its kind."""
    s = Sheet("绩效目标表")
    s.put(1, 1, "2020年省级财政水利发展资金绩效目标表", to_col=5)
    s.put(2, 1, "（2020）年度", to_col=5)
    s.put(3, 1, "专项（项目）名称")
    s.put(3, 2, "农村饮水安全巩固提升工程专项", to_col=5)
    for row, (a, b, c, d) in ((4, ("市级财政部门", "宝鸡市财政局", "市级主管部门", "宝鸡市水利局")),
                              (5, ("区级财政部门", "陈仓区财政局", "区级主管部门", "陈仓区水利局"))):
        for col, value in enumerate((a, b, c, d), start=1):
            s.put(row, col, value, to_col=5 if col == 4 else None)
    s.put(6, 1, "资金情况\n（万元）", to_row=8)
    s.put(6, 2, "资金来源", to_row=8)
    for row, (label, amount) in enumerate((("资金总额", None), ("其中：财政拨款", "500"), ("其他资金", None)), start=6):
        s.put(row, 3, label)
        s.put(row, 4, amount, to_col=5)
    goal = "完成省级水利发展农村饮水项目投资500，改善提升9200人饮水条件。"
    s.put(9, 1, "总体目标")
    s.put(9, 2, goal, to_col=5)
    s.put(10, 1, "绩效指标", to_row=20)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标值"), start=2):
        s.put(10, col, head)
    rows = (("产出指标", "数量指标", "指标1：新建堤防、护岸长度", "公里"),
            ("产出指标", "数量指标", "指标2：灌区节水改造面积", "万亩"),
            ("产出指标", "数量指标", "指标3：农村饮水工程覆盖服务人口数", "万人"),
            ("产出指标", "数量指标", "指标4：中小河流治理问道长度", "公里"),
            ("产出指标", "质量指标", "指标1：工程验收合格率", "≧ %"),
            ("产出指标", "时效指标", "指标1：工程完工及时率", "≧ %"),
            ("效益指标", "社会效益指标", "指标1：农村饮水受益人口", "万人"),
            ("效益指标", "生态效益指标", "指标1：水土流失治理面积", "平方公里"),
            ("效益指标", "可持续影响指标", "指标1：工程设计使用年限", "年"),
            ("满意度指标", "服务对象满意度指标", "指标1：受益群众满意度", "≧ %"))
    merged_indicator_rows(s, 11, 2, rows)
    # the template's unit with no number is no value: read as one, it would be a wrong fact
    return ruled(s, 3), {"projects": [{
        "name": "农村饮水安全巩固提升工程专项", "unit": None, "funds": {"total": None, "fiscal": "500"}, "goal": goal,
        "indicators": [[l1, l2, name.split("：", 1)[1], None, None] for l1, l2, name, _ in rows]}]}


def anxi_2022():
    """福建 安溪 2022年省级第七批水利专项资金绩效目标表 (fjax.gov.cn/zwgk/zdgkxx/sl/slgcjs/202403/t20240304_3010568.htm):
    项目名称 | … | 主管部门（单位）名称 | …, 资金情况（万元） 资金总额 | 100 | 其中：财政拨款 | 100 | 其他资金 | (blank)
    in one row, 总 体 目 标, 绩效 指标 一级 | 二级 | 三级 | 指 标 解 释 | then one value column per town (西坪镇尧山村 …
    尚卿乡尤俊村): no one 指标值 for the project. The rows past the excerpt are completed in its kind."""
    towns = ("西坪镇尧山村", "桃舟乡吾培村", "芦田镇三洋村", "蓬莱镇植洋村", "魁斗镇奇观村", "龙涓乡长塔村", "尚卿乡尤俊村")
    width = 4 + len(towns)
    s = Sheet("绩效目标表")
    s.put(1, 1, "2022年省级第七批水利专项资金绩效目标表", to_col=width)
    s.put(2, 1, "项目名称")
    s.put(2, 2, "省级第七批水利专项资金", to_col=4)
    s.put(2, 5, "主管部门（单位）名称", to_col=6)
    s.put(2, 7, "安溪县水利局", to_col=width)
    s.put(3, 1, "资金情况（万元）")
    for col, value in enumerate(("资金总额", "100", "其中：财政拨款", "100", "其他资金"), start=2):
        s.put(3, col, value)
    s.put(3, 7, None, to_col=width)
    goal = "开展7个小型水利工程建设"
    s.put(4, 1, "总 体 目 标")
    s.put(4, 2, goal, to_col=width)
    s.put(5, 1, "绩效 指标", to_row=10)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指 标 解 释") + towns, start=2):
        s.put(5, col, head)
    rows = (("产出 指标", "数量指标", "开展小型水利工程建设（个）", "反映小型水利工程建设项目开展情况", ("1",) * 7),
            ("产出 指标", "时效指标", "截至2023年12月底，项目完工率（%）", "反映项目完工情况", ("100%",) * 7),
            ("产出 指标", "成本指标", "省级财政专项资金投入（万元）", "反映省级财政专项资金投入情况",
             ("20", "15", "20", "10", "10", "10", "15")),
            ("效益 指标", "社会效益指标", "受益群众（人）", "反映项目受益群众人数",
             ("1200", "800", "1500", "600", "700", "500", "900")),
            ("满意度 指标", "服务对象满意度指标", "受益群众满意度（%）", "反映受益群众对项目的满意程度", ("≥90%",) * 7))
    merged_indicator_rows(s, 6, 2, [row[:2] for row in rows])
    for index, (_, _, name, explanation, values) in enumerate(rows):
        for col, value in enumerate((name, explanation) + values, start=4):
            s.put(6 + index, col, value)
    # one value per town and none for the project: a town's read as the project's would be a wrong fact
    return ruled(s, 2), {"projects": [{
        "name": "省级第七批水利专项资金", "unit": None, "funds": {"total": "100", "fiscal": "100"}, "goal": goal,
        "indicators": [[l1.replace(" ", ""), l2, name, None, None] for l1, l2, name, *_ in rows]}]}


def zhongjiang_review_2022():
    """四川 德阳 中江县水利局 2022年财政衔接资金实施项目绩效自评表 (chacewang.com/newsdetail/news242266.html): 绩效目标
    自评表（2022年度）, 项目名称 | … | 项目负责人及电话 | …, 资金情况（万元） 全年预算数（A） | 全年执行数（B） | 分值 |
    执行率（B/A） | 得分 over 年度资金总额： / 其中：本年财政拨款 / 其他资金, 年度总体目标 年初设定目标 | 年度总体目标
    完成情况综述, 绩效指标 一级 (产出指标（70分）) | 二级 | 三级 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟
    采取的改进措施 — each indicator's score before its value — an 经济效益 row with no indicator, 总分 and a 注."""
    s = Sheet("自评表")
    s.put(1, 1, "绩效目标自评表", to_col=9)
    s.put(2, 1, "（2022年度）", to_col=9)
    name = "中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装"
    s.put(3, 1, "项目名称", to_col=2)
    s.put(3, 3, name, to_col=5)
    s.put(3, 6, "项目负责人及电话")
    s.put(3, 7, "谢凯13990260322（办公）", to_col=9)
    s.put(4, 1, "主管部门", to_col=2)
    s.put(4, 3, "中江县水利局", to_col=5)
    s.put(4, 6, "实施单位")
    s.put(4, 7, "中江县水利局", to_col=9)
    s.put(5, 1, "资金情况\n（万元）", to_row=8, to_col=2)
    for col, head in enumerate(("全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"), start=4):
        s.put(5, col, head)
    for row, values in enumerate((("年度资金总额：", "20", "20", "10", "100.00%", "10"),
                                  ("其中：本年财政拨款", "20", "20"), ("其他资金",)), start=6):
        for col, value in enumerate(values, start=3):
            s.put(row, col, value)
    goal = "对农村地区供水计量设施设备进行改进，对项目区农业用水计量，为项目区农业生产夯实基础，"
    s.put(9, 1, "年度总体目标", to_row=10, to_col=2)
    s.put(9, 3, "年初设定目标", to_col=5)
    s.put(9, 6, "年度总体目标完成情况综述", to_col=9)
    s.put(10, 3, goal, to_col=5)
    s.put(10, 6, "对项目区农业用水计量，为项目区农业生产夯实基础，", to_col=9)
    s.put(11, 1, "绩效指标", to_row=21)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
                                "未完成原因及拟采取的改进措施"), start=2):
        s.put(11, col, head)
    rows = (("产出指标（70分）", "数量指标", "安装坡面水标尺", "10", "≥266米", "≥266米", "10"),
            ("产出指标（70分）", "数量指标", "水标尺宽度", "10", "≥50厘米", "≥50厘米", "10"),
            ("产出指标（70分）", "质量指标", "项目（工程）验收合格率", "20", "100%", "100%", "20"),
            ("产出指标（70分）", "时效指标", "及时（按期）开工率", "10", "≥90%", "≥90%", "10"),
            ("产出指标（70分）", "时效指标", "及时（按期）完工率", "10", "≥90%", "≥90%", "10"),
            ("产出指标（70分）", "成本指标", "项目计划总投资", "10", "20万元", "20万元", "10"),
            ("效益指标（20分）", "经济效益指标", None, None, None, None, None),
            ("效益指标（20分）", "社会效益指标", "受益脱贫（含监测对象）户人口数", "10", "≥1000人", "≥1000人", "10"),
            ("效益指标（20分）", "社会效益指标", "群众生产生活条件改善状况", "10", "显著提升", "显著提升", "10"),
            ("满意度指标（10分）", "服务对象满意度指标", "受益脱贫（含监测对象）户满意度", "10", "≥95%", "≥95%", "10"))
    merged_indicator_rows(s, 12, 2, rows)
    s.put(22, 1, "总分", to_col=5)
    s.put(22, 6, "100")
    s.put(22, 8, "100")
    s.put(23, 1, "注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分，各部门根据"
                 "各项指标重要程度确定三级指标的分值。", to_col=9)
    return ruled(s, 3), {"projects": [{
        "name": name, "unit": "中江县水利局", "funds": {"total": "20", "fiscal": "20"}, "goal": goal,
        "indicators": [[l1.split("（")[0], l2, ind, None, value] for l1, l2, ind, _, value, *_ in rows if ind]}]}


def changning_review_2022():
    """云南 保山 昌宁县供销社 2022年度项目支出绩效自评表 (附件3, yncn.gov.cn/info/5102/8340150.htm): 单位名称：… and
    填报日期：… over the form, 项目类别 / 项目属性 as ticked boxes (☑ □), 预算执行情况（万元）（20分） 预算数（A） | 执行数
    （B） | 执行率（B/A） | 得分（20分*执行率） over 年度财政资金总额 (its 执行率 written 20, no %), no goal row, 年度绩效目标
    （80分） over 一级 (产出指标（40分）) | 二级 | 三级 (公猪舍（≥**平方米）: the unit in the name, the clerk's ** left) |
    年初目标值（A） | 实际完成值（B） | 得分. The 效益/满意度 rows past the excerpt are completed in its kind."""
    s = Sheet("自评表")
    s.put(1, 1, "2022年度项目支出绩效自评表", to_col=7)
    s.put(2, 1, "单位名称：昌宁县供销合作社联合社", to_col=4)
    s.put(2, 5, "填报日期：2023年4月15日", to_col=7)
    name = "昌宁县昌龙鸿运牧业专业合作社生猪养殖场建设项目"
    for row, (label, value) in enumerate((("项目名称", name), ("主管部门", "昌宁县供销合作社联合社"),
                                          ("项目实施单位", "昌宁县昌龙鸿运牧业专业合作社"),
                                          ("项目类别", "1、部门预算项目 □ 2、县直专项 ☑ 3、省市对下转移支付项目 □"),
                                          ("项目属性", "1、持续性项目 ☑ 2、新增性项目 □")), start=3):
        s.put(row, 1, label, to_col=2)
        s.put(row, 3, value, to_col=7)
    s.put(8, 1, "预算执行情况（万元）\n（20分）", to_row=9, to_col=2)
    for col, head in enumerate(("预算数（A）", "执行数（B）", "执行率（B/A）", "得分\n（20分*执行率）"), start=4):
        s.put(8, col, head, to_col=7 if col == 7 else None)
    s.put(9, 3, "年度财政资金总额")
    for col, value in enumerate(("50", "10", "20", "4"), start=4):
        s.put(9, col, value)
    s.put(10, 1, "年度绩效目标\n（80分）", to_row=25)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"), start=2):
        s.put(10, col, head)
    rows = (("产出指标（40分）", "数量指标", "公猪舍（≥**平方米）", "22.8", "22.8", "1"),
            ("产出指标（40分）", "数量指标", "母猪、保育猪舍（≥**平方米）", "180", "180", "3"),
            ("产出指标（40分）", "数量指标", "育肥猪舍（≥**平方米）", "180", "180", "3"),
            ("产出指标（40分）", "数量指标", "隔离舍（≥**平方米）", "54", "54", "2"),
            ("产出指标（40分）", "数量指标", "化粪池（≥**立方米）", "63", "63", "1"),
            ("产出指标（40分）", "数量指标", "粉碎拌合机（11kw）（≥台）", "1", "1", "1"),
            ("产出指标（40分）", "数量指标", "种公猪（≥头）", "2", "2", "2"),
            ("产出指标（40分）", "数量指标", "种母猪（≥头）", "20", "20", "2"),
            ("产出指标（40分）", "质量指标", "工程验收合格率（%）", "100", "100", "10"),
            ("产出指标（40分）", "时效指标", "项目完工及时率（%）", "100", "20", "2"),
            ("产出指标（40分）", "成本指标", "项目总投资（万元）", "50", "10", "3"),
            ("效益指标（30分）", "经济效益指标", "年出栏生猪（≥头）", "300", "0", "0"),
            ("效益指标（30分）", "社会效益指标", "带动农户（≥户）", "20", "20", "15"),
            ("满意度指标（10分）", "服务对象满意度指标", "社员满意度（%）", "90", "95", "10"))
    merged_indicator_rows(s, 11, 2, rows)
    s.put(26, 1, "总分", to_col=6)
    s.put(26, 7, "62")
    return ruled(s, 3), {"projects": [{
        "name": name, "unit": "昌宁县昌龙鸿运牧业专业合作社", "funds": {"total": "50"}, "goal": None,
        "indicators": [[l1.split("（")[0], l2, ind, None, value] for l1, l2, ind, value, *_ in rows]}]}


LAYOUTS = {"wuhai-2021": wuhai_2021, "yongde-review-2022": yongde_review_2022, "yangquan-2021": yangquan_2021,
           "huoqiu-review-2022": huoqiu_review_2022, "chencang-2020": chencang_2020, "anxi-2022": anxi_2022,
           "zhongjiang-review-2022": zhongjiang_review_2022, "changning-review-2022": changning_review_2022}
CONVERTED = {"wuhai-2021": (".html",), "yongde-review-2022": (".html", ".pdf"), "anxi-2022": (".html", ".pdf"),
             "huoqiu-review-2022": (".html", ".pdf"), "zhongjiang-review-2022": (".html",), "chencang-2020": (".html",),
             "changning-review-2022": (".html",), "yangquan-2021": (".html",)}


def main(argv: list[str]) -> int:
    """Writes each layout's .xlsx (and the conversions of CONVERTED, by LibreOffice) into round5/, and the facts
    into round5/round5.expected.json."""
    return write_layouts(OUT, LAYOUTS, CONVERTED, "round5.expected.json")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
