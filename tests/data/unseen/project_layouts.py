"""The per-project forms of the unseen layouts (make_unseen_tables.py says which form each follows), each with the
facts it holds."""

from __future__ import annotations

from sheets import Sheet, merged_indicator_rows


def qingshan_2020():
    s = Sheet("绩效目标表")
    s.put(1, 1, "项目支出绩效目标表", to_col=7)
    s.put(2, 1, "（2024年度）", to_col=7)
    s.put(3, 1, "项目名称")
    s.put(3, 2, "中小学校舍维修改造和设备购置", to_col=7)
    s.put(4, 1, "主管部门及编码")
    s.put(4, 2, "[015001]武汉市青山区教育局", to_col=3)
    s.put(4, 4, "实施单位")
    s.put(4, 5, "武汉市青山区教育局", to_col=7)
    s.put(5, 1, "项目属性")
    s.put(5, 2, "基础建设、修缮类", to_col=3)
    s.put(5, 4, "项目起止时间")
    s.put(5, 5, "202401-202612", to_col=7)
    s.put(6, 1, "项目资金", to_row=8)
    for row, (label, amount, year_label, year_amount) in enumerate((
            ("资金总额", "1200万元", "当年资金总额：", "400万元"),
            ("其中：财政拨款", "1050万元", "其中：当年财政拨款", "350万元"),
            ("其他资金", "150万元", "当年其他资金", "50万元")), start=6):
        s.put(row, 2, label)
        s.put(row, 3, amount)
        s.put(row, 4, year_label)
        s.put(row, 5, year_amount, to_col=7)
    s.put(9, 1, "总体目标", to_row=10)
    s.put(9, 2, "中期目标", to_col=4)
    s.put(9, 5, "年度目标", to_col=7)
    s.put(10, 2, "三年内完成全区42所中小学校舍维修改造，办学条件全面达标。", to_col=4)
    s.put(10, 5, "完成14所中小学校舍维修改造和教学设备更新，保障师生安全。", to_col=7)
    s.put(11, 1, "绩效项目指标表", to_col=7)
    heads = ("一级指标", "二级指标（长期）", "三级指标（长期）", "指标值（长期）", "二级指标（年度）", "三级指标（年度）", "指标值（年度）")
    for col, head in enumerate(heads, start=1):
        s.put(12, col, head)
    rows = (("产出指标", "数量指标", "校舍维修改造学校数", "42所", "14所"),
            ("产出指标", "质量指标", "维修工程验收合格率", "100%", "100%"),
            ("产出指标", "时效指标", "工程按期完工率", "≥95%", "≥95%"),
            ("效益指标", "社会效益指标", "校舍安全隐患消除率", "100%", "≥90%"),
            ("满意度指标", "服务对象满意度指标", "师生家长满意度", "≥90%", "≥90%"))
    for row, (l1, l2, name, period, annual) in enumerate(rows, start=13):
        for col, value in enumerate((l1, l2, name, period, l2, name, annual), start=1):
            s.put(row, col, value)
    indicators = [[l1, l2, name, period, annual] for l1, l2, name, period, annual in rows]
    return s, {"projects": [{
        "name": "中小学校舍维修改造和设备购置", "unit": "武汉市青山区教育局",
        "funds": {"total": "400.00", "fiscal": "350.00", "other": "50.00"},
        "goal": "完成14所中小学校舍维修改造和教学设备更新，保障师生安全。", "indicators": indicators}]}


def qingshan_2021():
    s = Sheet("Sheet1")
    s.put(1, 1, "绩效目标表", to_col=5)
    s.put(2, 1, "（2024年度）", to_col=5)
    s.put(3, 1, "项目名称")
    s.put(3, 2, "农村义务教育薄弱学校改造补助资金", to_col=5)
    s.put(4, 1, "项目主管部门")
    s.put(4, 2, "青山区教育局")
    s.put(4, 3, "项目执行单位")
    s.put(4, 4, "武汉市青山区钢花小学", to_col=5)
    s.put(5, 1, "资金情况\n（万元）", to_row=6)
    s.put(5, 2, "年度资金总额：16", to_col=5)
    s.put(6, 2, "其中：上级资金16", to_col=5)
    s.put(7, 1, "总体目标", to_row=8)
    s.put(7, 2, "年度目标", to_col=5)
    s.put(8, 2, "全面改善农村义务教育薄弱学校办学条件，进一步提高义务教育均衡发展水平。", to_col=5)
    s.put(9, 1, "绩效指标", to_row=17)
    for col, head in enumerate(("一级指标", "二级指标", "指标内容", "指标值"), start=2):
        s.put(9, col, head)
    rows = (("产出指标", "数量指标", "薄弱学校改造覆盖率", "100%"),
            ("产出指标", "质量指标", "校舍维修改造质量合格率", "100%"),
            ("产出指标", "质量指标", "购置设施设备质量合格率", "100%"),
            ("产出指标", "时效指标", "预算资金当年下达率", "100%"),
            ("产出指标", "成本指标", "建设项目成本控制率", "100%"),
            ("效益指标", "可持续影响指标", "义务教育优质均衡发展情况", "稳步提高"),
            ("效益指标", "社会公众或服务对象满意度指标", "学生家长满意度", "≥90%"),
            ("效益指标", "社会公众或服务对象满意度指标", "学校满意度", "≥90%"))
    merged_indicator_rows(s, 10, 2, rows)
    return s, {"projects": [{
        "name": "农村义务教育薄弱学校改造补助资金", "unit": "武汉市青山区钢花小学",
        "funds": {"total": "16.00", "fiscal": "16.00", "other": None},
        "goal": "全面改善农村义务教育薄弱学校办学条件，进一步提高义务教育均衡发展水平。",
        "indicators": [[l1, l2, name, None, value] for l1, l2, name, value in rows]}]}


def wuhu_2019():
    s = Sheet("申报明细表")
    s.put(1, 1, "2024年度芜湖市基层医疗卫生机构设备购置项目支出绩效目标申报明细表", to_col=6)
    s.put(2, 1, "（2024年度）", to_col=6)
    s.put(3, 1, "申报单位名称：芜湖市卫生健康委员会（盖章）", to_col=6)
    s.put(4, 1, "项目名称")
    s.put(4, 2, "基层医疗卫生机构设备购置", to_col=6)
    s.put(5, 1, "项目类型")
    s.put(5, 2, "部门预算 ☑              切块预算 □", to_col=6)
    s.put(6, 1, "项目属性")
    s.put(6, 2, "延续项目 ☑              新增项目 □", to_col=6)
    s.put(7, 1, "起始日期：2024年1月1日    结束日期：2026年12月31日", to_col=6)
    s.put(8, 1, "项目总预算（万元）")
    s.put(8, 2, "180.00")
    s.put(8, 3, "项目当年预算（万元）", to_col=4)
    s.put(8, 5, "60.00", to_col=6)
    s.put(9, 1, "项目资金来源情况（万元）", to_row=10)
    s.put(9, 2, "其中：上级财政补助资金", to_col=3)
    s.put(9, 4, "其中：同级财政资金")
    s.put(9, 5, "其他", to_col=6)
    s.put(10, 2, "10.00", to_col=3)
    s.put(10, 4, "45.00")
    s.put(10, 5, "5.00", to_col=6)
    s.put(11, 1, "同名项目上年预算额")
    s.put(11, 2, "55.00")
    s.put(11, 3, "同名项目上年预算执行数", to_col=4)
    s.put(11, 5, "52.30", to_col=6)
    goal = ("项目概况：为12家社区卫生服务中心购置基本诊疗设备。\n立项依据：《芜湖市基层医疗卫生服务能力提升方案》。\n"
            "预期目标：2024年完成4家社区卫生服务中心设备配置，基层诊疗量提高10%。")
    s.put(12, 1, "项目绩效目标（含项目概况、设立依据、必要性及预期目标）")
    s.put(12, 2, goal, to_col=6)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标值"), start=1):
        s.put(13, col, head, to_col=col + (2 if col == 4 else 0))
    rows = (("产出指标", "数量指标", "配置设备的社区卫生服务中心数", "4家"),
            ("产出指标", "质量指标", "设备验收合格率", "100%"),
            ("产出指标", "时效指标", "设备采购完成时间", "2024年10月底前"),
            ("效益指标", "社会效益指标", "基层诊疗量增长率", "≥10%"),
            ("满意度指标", "服务对象满意度指标", "就诊居民满意度", "≥90%"))
    merged_indicator_rows(s, 14, 1, rows)
    for index in range(len(rows)):
        s.ws.merge_cells(start_row=14 + index, start_column=4, end_row=14 + index, end_column=6)
    return s, {"projects": [{
        "name": "基层医疗卫生机构设备购置", "unit": None,
        "funds": {"total": "60.00", "fiscal": "55.00", "other": "5.00"}, "goal": goal,
        "indicators": [[l1, l2, name, None, value] for l1, l2, name, value in rows]}]}


def zhaohua_2021():
    s = Sheet("Sheet1")
    s.put(1, 1, "项目支出绩效目标申报表", to_col=5)
    s.put(2, 1, "（2024年度）", to_col=5)
    s.put(3, 1, "项目名称")
    s.put(3, 2, "地方病防治", to_col=5)
    s.put(4, 1, "预算单位")
    s.put(4, 2, "广元市昭化区疾病预防控制中心", to_col=5)
    s.put(5, 1, "项目资金\n（万元）", to_row=13)
    s.put(5, 2, "年度资金总额", to_col=4)
    s.put(5, 5, "金额（万元）")
    sources = (("（一）财政拨款小计", "20.00"), ("1、一般公共预算", "18.00"), ("2、政府性基金", "2.00"),
               ("3、国有资本经营预算", "0.00"), ("（二）自有资金小计", "4.00"), ("1、事业收入", "4.00"),
               ("2、经营性收入", "0.00"), ("（三）其他收入", "0.00"))
    for row, (label, amount) in enumerate(sources, start=6):
        s.put(row, 2, label, to_col=4)
        s.put(row, 5, amount)
    s.put(14, 1, "总体\n目标", to_row=15)
    s.put(14, 2, "年度目标", to_col=5)
    goal = "开展碘缺乏病、地方性氟中毒监测，完成全区8个乡镇的病情监测和健康教育，监测覆盖率达到100%。"
    s.put(15, 2, goal, to_col=5)
    s.put(16, 1, "绩效指标", to_row=24)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标值（包含数字及文字描述）"), start=2):
        s.put(16, col, head)
    rows = (("项目完成\n指标", "数量指标", "监测乡镇数", "8个"),
            ("项目完成\n指标", "数量指标", "健康教育宣传次数", "≥4次"),
            ("项目完成\n指标", "质量指标", "监测覆盖率", "100%"),
            ("项目完成\n指标", "时效指标", "项目实施时间", "2024年1月-12月"),
            ("项目完成\n指标", "成本指标", "人均监测成本", "≤25元"),
            ("项目效益\n指标", "社会效益指标", "群众地方病防治知识知晓率", "≥85%"),
            ("项目效益\n指标", "可持续影响指标", "地方病监测网络运行", "持续稳定"),
            ("满意度指标", "满意度指标", "群众满意度", "≥90%"))
    merged_indicator_rows(s, 17, 2, rows)
    canonical = {"项目完成\n指标": "产出指标", "项目效益\n指标": "效益指标", "满意度指标": "满意度指标"}
    return s, {"projects": [{
        "name": "地方病防治", "unit": "广元市昭化区疾病预防控制中心",
        "funds": {"total": "24.00", "fiscal": "20.00", "other": "4.00"}, "goal": goal,
        "indicators": [[canonical[l1], "服务对象满意度指标" if l2 == "满意度指标" else l2, name, None, value]
                       for l1, l2, name, value in rows]}]}


def dongguan_2019():
    s = Sheet("批复表")
    s.put(1, 1, "东莞市财政项目支出绩效目标批复表", to_col=8)
    s.put(2, 1, "（ 2024 年度）", to_col=8)
    s.put(3, 1, "预算单位：东莞市交通运输局", to_col=8)
    s.put(4, 1, "项目\n名称")
    s.put(4, 2, "镇际联网路升级改造工程", to_col=3)
    s.put(4, 4, "中期市财政预算（万元）")
    s.put(4, 5, "2845.00")
    s.put(4, 6, "本年度申请市财政预算资金（万元）", to_col=7)
    s.put(4, 8, "919.00")
    s.put(5, 1, "总体目标", to_row=6)
    s.put(5, 2, "中期滚动目标（2024年--2026年）", to_col=5)
    s.put(5, 6, "年度目标", to_col=8)
    s.put(6, 2, "新建或改造镇际联网道路29项，规划里程169公里。", to_col=5)
    goal = "完成3个镇街联网路项目补助结算和勘察设计费结算，结算款及时支付。"
    s.put(6, 6, goal, to_col=8)
    s.put(7, 1, "绩效\n指标", to_row=15)
    for col, head in enumerate(("一级\n指标", "二级\n指标", "三级\n指标", "指标值（或计划水平）", "二级\n指标", "三级\n指标",
                                "计划指标值（或计划水平）"), start=2):
        s.put(7, col, head)
    rows = (("预期产出指标", "数量指标（或建筑规模指标）", "联网路改造里程", "169公里", "32公里"),
            ("预期产出指标", "质量指标", "工程验收合格率", "100%", "100%"),
            ("预期产出指标", "时效指标（工期指标）", "结算款支付及时性", "及时", "及时"),
            ("预期产出指标", "预算（或投资规模）控制指标", "年度预算执行率", "≥90%", "≥90%"),
            ("效果指标", "社会效益指标", "镇际通行时间缩短", "≥15%", "≥5%"),
            ("效果指标", "可持续影响指标", "道路设计使用年限", "≥15年", "≥15年"),
            ("效果指标", "服务对象满意度指标", "沿线群众满意度", "≥85%", "≥85%"))
    for index, (l1, l2, name, period, annual) in enumerate(rows):
        for col, value in enumerate((l1, l2, name, period, l2, name, annual), start=2):
            s.put(8 + index, col, value)
    canonical = {"预期产出指标": "产出指标", "效果指标": "效益指标"}
    level2 = {"数量指标（或建筑规模指标）": "数量指标", "时效指标（工期指标）": "时效指标",
              "预算（或投资规模）控制指标": None}
    return s, {"projects": [{
        "name": "镇际联网路升级改造工程", "unit": "东莞市交通运输局",
        "funds": {"total": "919.00", "fiscal": "919.00", "other": None}, "goal": goal,
        "indicators": [["满意度指标" if l2.startswith("服务对象") else canonical[l1], level2.get(l2, l2), name, period, annual]
                       for l1, l2, name, period, annual in rows]}]}


def shizuishan_2020():
    s = Sheet("批复表")
    s.put(1, 1, "石嘴山市第一人民医院2024年项目绩效目标批复表", to_col=3)
    s.put(2, 1, "单位：元", to_col=3)
    for col, head in enumerate(("项目", "指标值", "绩效金额"), start=1):
        s.put(3, col, head)
    tree = [(1, "石嘴山市第一人民医院", None, None),
            (2, "重点专科能力建设", None, "3000000"),
            (3, "产出指标", None, None),
            (4, "数量指标（必填硬性指标）", None, None),
            (5, "建设市级重点专科数", "3个", None),
            (4, "质量指标（必填）", None, None),
            (5, "专科设备验收合格率", "100%", None),
            (3, "效益指标", None, None),
            (4, "社会效益指标（必填）", None, None),
            (5, "专科门诊量增长率", "≥10%", None),
            (3, "满意度指标", None, None),
            (4, "服务对象满意度指标（必填）", None, None),
            (5, "患者满意度", "≥90%", None),
            (2, "院内感染防控", None, "850000"),
            (3, "产出指标", None, None),
            (4, "时效指标（必填）", None, None),
            (5, "消毒物资采购及时率", "100%", None),
            (3, "效益指标", None, None),
            (4, "社会效益指标（必填）", None, None),
            (5, "院内感染发生率", "≤3%", None)]
    for row, (depth, text, value, amount) in enumerate(tree, start=4):
        s.put(row, 1, " " * depth + text)
        s.put(row, 2, value)
        s.put(row, 3, amount)
    return s, {"projects": [
        {"name": "重点专科能力建设", "unit": "石嘴山市第一人民医院", "funds": {"total": "300.00"}, "goal": None,
         "indicators": [["产出指标", "数量指标", "建设市级重点专科数", None, "3个"],
                        ["产出指标", "质量指标", "专科设备验收合格率", None, "100%"],
                        ["效益指标", "社会效益指标", "专科门诊量增长率", None, "≥10%"],
                        ["满意度指标", "服务对象满意度指标", "患者满意度", None, "≥90%"]]},
        {"name": "院内感染防控", "unit": "石嘴山市第一人民医院", "funds": {"total": "85.00"}, "goal": None,
         "indicators": [["产出指标", "时效指标", "消毒物资采购及时率", None, "100%"],
                        ["效益指标", "社会效益指标", "院内感染发生率", None, "≤3%"]]}]}


def ezhou_2022():
    s = Sheet("Sheet1")
    s.put(1, 1, "鄂州市2024年市直部门预算项目支出绩效目标表", to_col=6)
    s.put(2, 1, "项目名称")
    s.put(2, 2, "教育城域网运行保障", to_col=3)
    s.put(2, 4, "项目类别")
    s.put(2, 5, "本级支出项目", to_col=6)
    s.put(3, 1, "项目性质")
    s.put(3, 2, "持续性项目", to_col=3)
    s.put(3, 4, "立项依据")
    s.put(3, 5, "市教育局三定方案", to_col=6)
    s.put(4, 1, "项目预算", to_row=8)
    for col, head in enumerate(("成本构成", "金额", "测算（公式）依据", "2022年实际执行数", "2023年实际执行数"), start=2):
        s.put(4, col, head)
    costs = (("线路租赁费", "191", "依据招标文件", "191", "191"),
             ("设备维护费", "99", "依据招标文件", "99", "99"),
             ("网络安全服务费", "524", "据实结算", "372.88", "504.55"),
             ("合计", "814", None, "662.98", "794.55"))
    for row, values in enumerate(costs, start=5):
        for col, value in enumerate(values, start=2):
            s.put(row, col, value)
    goal = "保障全市中小学教育城域网稳定运行，网络可用率不低于99%。"
    s.put(9, 1, "绩效目标")
    s.put(9, 2, goal, to_col=6)
    s.put(10, 1, "绩效指标", to_col=5)
    s.put(10, 6, "保障绩效目标实现措施", to_row=11)
    for col, head, to in ((1, "一级指标", 1), (2, "二级指标", 2), (3, "绩效标准", 4), (5, "当年预期实现值", 5)):
        s.put(11, col, head, to_col=to)
    rows = (("数量指标", "接入学校数", "反映城域网覆盖学校情况", "126所"),
            ("数量指标", "年度巡检次数", "反映网络巡检情况", "12次"),
            ("质量指标", "网络可用率", "反映网络运行质量", "≥99%"),
            ("成本指标", "成本控制率", "不超预算", "≤100%"),
            ("时效指标", "故障修复时间", "反映故障处理及时性", "≤4小时"),
            ("社会效益指标", "在线教学保障率", "反映在线教学开展情况", "100%"),
            ("满意度指标", "师生满意度", "反映服务对象满意程度", "≥90%"))
    for index, (l2, name, standard, value) in enumerate(rows):
        s.put(12 + index, 1, l2)
        s.put(12 + index, 2, name)
        s.put(12 + index, 3, standard, to_col=4)
        s.put(12 + index, 5, value)
    s.put(12, 6, "建立巡检制度，签订服务协议，按月考核服务商。", to_row=18)
    s.put(20, 1, "主管部门审核意见：                    单位公章：      年   月   日", to_col=6)
    level1 = {"数量指标": "产出指标", "质量指标": "产出指标", "成本指标": "产出指标", "时效指标": "产出指标",
              "社会效益指标": "效益指标", "满意度指标": "满意度指标"}
    return s, {"projects": [{
        "name": "教育城域网运行保障", "unit": None, "funds": {"total": "814.00"}, "goal": goal,
        "indicators": [[level1[l2], "服务对象满意度指标" if l2 == "满意度指标" else l2, name, None, value]
                       for l2, name, _, value in rows]}]}


def ningxiang_2021():
    s = Sheet("Sheet1")
    s.put(1, 1, "项目绩效目标表", to_col=6)
    s.put(2, 1, "（2024年度）", to_col=6)
    s.put(3, 1, "填报单位（盖章）：宁乡市第一高级中学", to_col=6)
    s.put(4, 1, "项目名称")
    s.put(4, 2, "智慧校园建设", to_col=3)
    s.put(4, 4, "项目属性")
    s.put(4, 5, "新增项目□  延续项目√", to_col=6)
    s.put(5, 1, "主管部门")
    s.put(5, 2, "宁乡市教育局", to_col=3)
    s.put(5, 4, "主管部门编码")
    s.put(5, 5, "501001", to_col=6)
    s.put(6, 1, "项目单位")
    s.put(6, 2, "宁乡市第一高级中学", to_col=3)
    s.put(6, 4, "项目负责人")
    s.put(6, 5, "王强", to_col=6)
    s.put(7, 1, "项目起止时间")
    s.put(7, 2, "2024年1月-2024年12月", to_col=6)
    s.put(8, 1, "资金总额及构成")
    s.put(8, 2, "总额：320.5万元\n一、财政拨款：300.5万元（其中：上级财政资金：100万元；本级财政：200.5万元）\n"
                "二、自有资金：0万元\n三、其他：20万元", to_col=6)
    s.put(9, 1, "项目概况")
    s.put(9, 2, "建设校园网络、录播教室和智慧教学平台。", to_col=6)
    s.put(10, 1, "项目实施进度计划", to_row=12)
    for col, head, to in ((2, "项目实施内容", 4), (5, "开始时间", 5), (6, "完成时间", 6)):
        s.put(10, col, head, to_col=to)
    for row, (what, start, end) in enumerate((("1、校园网络改造", "2024.3", "2024.8"),
                                              ("2、录播教室建设", "2024.6", "2024.12")), start=11):
        s.put(row, 2, what, to_col=4)
        s.put(row, 5, start)
        s.put(row, 6, end)
    s.put(13, 1, "项目绩效目标", to_row=14)
    s.put(13, 2, "长期目标", to_col=3)
    s.put(13, 4, "年度目标", to_col=6)
    s.put(14, 2, "建成覆盖全校的智慧校园体系。", to_col=3)
    goal = "完成校园网络改造和2间录播教室建设，师生满意度达到90%以上。"
    s.put(14, 4, goal, to_col=6)
    rows = (("产出指标", "数量指标", "录播教室建设数", "4间", "2间"),
            ("产出指标", "质量指标", "设备验收合格率", "100%", "100%"),
            ("效益指标", "社会效益指标", "信息化教学课时占比", "≥60%", "≥40%"),
            ("满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "≥90%"))
    for first, title, at in ((15, "长期绩效指标", 3), (21, "年度绩效指标", 4)):
        s.put(first, 1, title, to_row=first + len(rows))
        for col, head in enumerate(("一级指标", "二级指标", "指标内容", "指标值", "备注"), start=2):
            s.put(first, col, head)
        merged_indicator_rows(s, first + 1, 2, [row[:3] + (row[at],) for row in rows])
    return s, {"projects": [{
        "name": "智慧校园建设", "unit": "宁乡市第一高级中学",
        "funds": {"total": "320.50", "fiscal": "300.50", "other": "20.00"}, "goal": goal,
        "indicators": [[l1, l2, name, period, annual] for l1, l2, name, period, annual in rows]}]}
