"""Round 2 of the unseen layouts (issue 22): forms and summary tables of other provinces and kinds, each after a
published template (make_unseen_tables.py lists them), filled with made-up content of water, agriculture, civil
affairs, culture and health, with the facts each holds."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "more"  # a folder of its own: test_unseen_layouts reads every table beside this file
sys.path.insert(0, str(HERE))

from sheets import Sheet, merged_indicator_rows


def xiangtan_2023():
    """湘潭 项目支出绩效目标申报表: 项目支出名称 | 预算部门, 年度本级预算金额 written “180万” beside 该项目支出上级资金,
    实施期绩效目标 over 本年度绩效目标, 指标值及单位 | 绩效标准, empty 二级 rows, the 满意度 row's first cell across 一级
    and 二级, 财政部门审核意见 under the table."""
    s = Sheet("申报表")
    s.put(1, 1, "2024年项目支出绩效目标申报表", to_col=6)
    s.put(2, 1, "填报单位：（盖章）                                  单位：万元", to_col=6)
    s.put(3, 1, "项目支出名称")
    s.put(3, 2, "农村饮水安全工程维修养护", to_col=3)
    s.put(3, 4, "预算部门")
    s.put(3, 5, "湘潭县水利局", to_col=6)
    s.put(4, 1, "年度本级\n预算金额")
    s.put(4, 2, "180万", to_col=3)
    s.put(4, 4, "该项目支出上级资金")
    s.put(4, 5, "0", to_col=6)
    s.put(5, 1, "项目支出实施期")
    s.put(5, 2, "2024.01-2024.12", to_col=6)
    s.put(6, 1, "实施期绩效目标")
    s.put(6, 2, "完成全县农村饮水工程维修养护，保障农村居民饮水安全。", to_col=6)
    goal = "完成42处农村供水工程维修养护，农村自来水普及率保持在90%以上。"
    s.put(7, 1, "本年度绩效目标")
    s.put(7, 2, goal, to_col=6)
    s.put(8, 1, "本年度\n绩效指标", to_row=20)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标值及单位", "绩效标准"), start=2):
        s.put(8, col, head)
    rows = (("产出指标", "数量指标", "维修养护供水工程数", "42处"),
            ("产出指标", "数量指标", "水质检测次数", "≥4次"),
            ("产出指标", "质量指标", "维修工程验收合格率", "100%"),
            ("产出指标", "时效指标", "故障修复时间", "≤48小时"),
            ("产出指标", "成本指标", "控制在预算成本内", "180万"),
            ("效益指标", "经济效益指标", None, None),
            ("效益指标", "社会效益指标", "农村自来水普及率", "≥90%"),
            ("效益指标", "生态效益指标", None, None),
            ("效益指标", "可持续影响指标", "工程长效运行机制", "持续有效"))
    merged_indicator_rows(s, 9, 2, rows)
    for index, row in enumerate(rows):
        s.put(9 + index, 6, "计划标准" if row[2] else None)
    s.put(18, 2, "社会公众或服务对象满意度指标", to_col=3)
    s.put(18, 4, "受益群众满意度")
    s.put(18, 5, "≥90%")
    s.put(18, 6, "计划标准")
    s.put(19, 2, None)
    s.put(20, 2, None)
    s.put(21, 1, "财政部门审核意见")
    s.put(21, 2, None, to_col=6)
    s.put(22, 1, "填表人：刘芳    联系电话：0731-57821234    填报日期：    单位负责人签字：", to_col=6)
    indicators = [[l1, l2, name, None, value] for l1, l2, name, value in rows if name]
    indicators.append(["满意度指标", "服务对象满意度指标", "受益群众满意度", None, "≥90%"])
    return s, {"projects": [{
        "name": "农村饮水安全工程维修养护", "unit": None,  # 预算部门 names the department
        "funds": {"total": "180.00", "fiscal": "180.00"}, "goal": goal, "indicators": indicators}]}


def jiaxian_2016():
    """佳县 财政支出项目绩效目标申报表 (陕西): 项目资金申请（万元） as label cells 资金总额：| 财政拨款：| 自有资金：| 事业收入：|
    经营性收入：| 其他： each with its amount beside it, 单位职能概述, 项目概况, 长期目标 | 年度目标 and two indicator tables
    (长期绩效指标, 年度绩效指标) headed 一级指标 | 二级指标 | 指标内容 | 指标值 | 备注."""
    s = Sheet("申报表")
    s.put(1, 1, "佳县财政支出项目绩效目标申报表", to_col=6)
    s.put(2, 1, "（ 2024 年度）", to_col=6)
    s.put(3, 1, "填报单位（盖章）：佳县农业农村局", to_col=6)
    s.put(4, 1, "项目名称")
    s.put(4, 2, "红枣产业提质增效", to_col=3)
    s.put(4, 4, "项目属性")
    s.put(4, 5, "新增项目 □  延续项目 ☑", to_col=6)
    s.put(5, 1, "主管部门")
    s.put(5, 2, "佳县农业农村局", to_col=3)
    s.put(5, 4, "主管部门编码")
    s.put(5, 5, "312001", to_col=6)
    s.put(6, 1, "项目实施单位")
    s.put(6, 2, "佳县红枣产业发展中心")
    s.put(6, 3, "项目负责人")
    s.put(6, 4, "张伟")
    s.put(6, 5, "联系电话")
    s.put(6, 6, "0912-6721234")
    s.put(7, 1, "项目起止时间")
    s.put(7, 2, "2024年1月至2024年12月", to_col=6)
    s.put(8, 1, "项目资金申请\n（万元）", to_row=10)
    for row, pairs in ((8, (("资金总额：", "150"),)),
                       (9, (("财政拨款：", "120"), ("自有资金：", "10"))),
                       (10, (("事业收入：", "0"), ("经营性收入：", "0"), ("其他：", "20")))):
        for index, (label, amount) in enumerate(pairs):
            s.put(row, 2 + 2 * index, label)
            s.put(row, 3 + 2 * index, amount)
    s.put(11, 1, "单位职能概述")
    s.put(11, 2, "负责全县红枣产业的规划、技术推广和品牌建设。", to_col=6)
    s.put(12, 1, "项目概况")
    s.put(12, 2, "改造低产枣园，推广防裂果技术，建设红枣烘干设施。", to_col=6)
    s.put(13, 1, "项目绩效目标", to_row=14)
    s.put(13, 2, "长期目标", to_col=3)
    s.put(13, 4, "年度目标", to_col=6)
    s.put(14, 2, "三年内改造低产枣园3万亩，红枣优果率提高到70%。", to_col=3)
    goal = "改造低产枣园1万亩，建设烘干设施5处，带动枣农户均增收1000元以上。"
    s.put(14, 4, goal, to_col=6)
    rows = (("产出指标", "数量指标", "低产枣园改造面积", "3万亩", "1万亩"),
            ("产出指标", "数量指标", "烘干设施建设数", "15处", "5处"),
            ("产出指标", "质量指标", "改造枣园验收合格率", "≥95%", "≥95%"),
            ("效益指标", "经济效益指标", "枣农户均增收", "≥3000元", "≥1000元"),
            ("满意度指标", "服务对象满意度指标", "枣农满意度", "≥90%", "≥90%"))
    for first, title, at in ((15, "长期绩效指标", 3), (21, "年度绩效指标", 4)):
        s.put(first, 1, title, to_row=first + len(rows))
        for col, head in enumerate(("一级指标", "二级指标", "指标内容", "指标值", "备注"), start=2):
            s.put(first, col, head)
        merged_indicator_rows(s, first + 1, 2, [row[:3] + (row[at],) for row in rows])
    s.put(27, 1, "其他说明的问题")
    s.put(27, 2, "无", to_col=6)
    s.put(28, 1, "填报人：李娜        单位负责人：王刚        填报日期：2024年1月10日", to_col=6)
    return s, {"projects": [{
        "name": "红枣产业提质增效", "unit": "佳县红枣产业发展中心",
        "funds": {"total": "150.00", "fiscal": "120.00", "other": "30.00"}, "goal": goal,
        "indicators": [[l1, l2, name, period, annual] for l1, l2, name, period, annual in rows]}]}


def daqing_2020():
    """大庆 部门预算项目支出绩效目标申报表 (黑龙江): 项目资金情况 as a table 项目 | 上年度预算安排 | 上年度实际执行 | 本年度
    申请金额 with rows 合计, 财政拨款, 政府性基金拨款, 财政专户拨款, 其他资金; 绩效目标情况 (预期提供的公共产品和服务的
    数量, 预期效果); 绩效指标 二级指标 | 三级指标 | 上年度实际水平 | 本年度计划水平 | 指标内容/计算公式."""
    s = Sheet("申报表")
    s.put(1, 1, "大庆市部门预算项目支出绩效目标申报表", to_col=6)
    s.put(2, 1, "（ 2024 年度）", to_col=6)
    s.put(3, 1, "编制单位（盖章）：大庆市卫生健康委员会", to_col=6)
    s.put(4, 1, "项目基本情况", to_row=6)
    s.put(4, 2, "项目名称")
    s.put(4, 3, "基层医疗卫生机构设备更新", to_col=4)
    s.put(4, 5, "项目负责人")
    s.put(4, 6, "赵敏")
    s.put(5, 2, "项目属性")
    s.put(5, 3, "新增项目□  延续项目☑", to_col=6)
    s.put(6, 2, "项目计划实施时间")
    s.put(6, 3, "2024年1月1日至2024年12月31日", to_col=6)
    s.put(7, 1, "项目资金情况\n（万元）", to_row=12)
    for col, head in enumerate(("项目", "上年度预算安排", "上年度实际执行", "本年度申请金额"), start=2):
        s.put(7, col, head, to_col=6 if col == 5 else col)
    money = (("合计", "300", "286.5", "420"), ("财政拨款", "300", "286.5", "400"), ("政府性基金拨款", "——", "——", "0"),
             ("财政专户拨款", "——", "——", "0"), ("其他资金", "——", "——", "20"))
    for row, values in enumerate(money, start=8):
        for col, value in enumerate(values, start=2):
            s.put(row, col, value, to_col=6 if col == 5 else col)
    s.put(13, 1, "绩效目标情况", to_row=15)
    s.put(13, 2, "预期目标", to_row=14)
    s.put(13, 3, "年度绩效目标", to_col=6)
    goal = "为全市32家乡镇卫生院更新DR、彩超等诊疗设备，基层首诊率提高到60%。"
    s.put(14, 3, goal, to_col=6)
    s.put(15, 2, "保障绩效目标实现的措施")
    s.put(15, 3, "组织机构：成立设备更新工作专班；管理制度：执行政府采购制度。", to_col=6)
    s.put(16, 1, "绩效指标", to_col=6)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "上年度实际水平", "本年度计划水平", "指标内容/计算公式"), start=1):
        s.put(17, col, head)
    rows = (("产出指标", "数量指标", "更新设备卫生院数", "20家", "32家"),
            ("产出指标", "质量指标", "设备验收合格率", "100%", "100%"),
            ("产出指标", "时效指标", "设备安装调试完成时间", "10月底前", "9月底前"),
            ("效益指标", "社会效益指标", "基层首诊率", "52%", "≥60%"),
            ("满意度指标", "服务对象满意度指标", "患者满意度", "88%", "≥90%"))
    merged_indicator_rows(s, 18, 1, [row[:3] for row in rows])
    for index, (_, _, _, last, this) in enumerate(rows):
        s.put(18 + index, 4, last)
        s.put(18 + index, 5, this)
        s.put(18 + index, 6, "按年度统计")
    return s, {"projects": [{
        "name": "基层医疗卫生机构设备更新", "unit": None,
        "funds": {"total": "420.00", "fiscal": "400.00", "other": "20.00"}, "goal": goal,
        "indicators": [[l1, l2, name, None, this] for l1, l2, name, _, this in rows]}]}


def sichuan_sample():
    """财政支出项目绩效目标申报表（范本） (四川等地): 单位代码 | 单位名称, 上年度预算安排资金（万元） beside 项目类型, 功能
    科目编码 | 功能科目名称, 项目资金申请 as 资金总额： … 其他： in one cell, 项目总体绩效目标（长期目标）, 项目年度绩效目标
    as 评价内容 | 绩效内容 | 参考标准 | 绩效目标值 with 产出/效益 and 数量目标/质量目标/…."""
    s = Sheet("范本")
    s.put(1, 1, "附件1：", to_col=6)
    s.put(2, 1, "财政支出项目绩效目标申报表", to_col=6)
    s.put(3, 1, "填报单位（盖章）：", to_col=6)
    s.put(4, 1, "单位代码")
    s.put(4, 2, "208003", to_col=3)
    s.put(4, 4, "单位名称")
    s.put(4, 5, "南充市顺庆区民政局", to_col=6)
    s.put(5, 1, "项目名称")
    s.put(5, 2, "特困人员集中供养", to_col=3)
    s.put(5, 4, "是否新增")
    s.put(5, 5, "是□  否☑", to_col=6)
    s.put(6, 1, "上年度预算安排资金（万元）")
    s.put(6, 2, "260", to_col=3)
    s.put(6, 4, "项目类型")
    s.put(6, 5, "社会发展性项目", to_col=6)
    s.put(7, 1, "功能科目编码")
    s.put(7, 2, "2082002", to_col=3)
    s.put(7, 4, "功能科目名称")
    s.put(7, 5, "农村特困人员救助供养支出", to_col=6)
    s.put(8, 1, "项目实施单位")
    s.put(8, 2, "南充市顺庆区社会福利院", to_col=3)
    s.put(8, 4, "项目负责人")
    s.put(8, 5, "陈静", to_col=6)
    s.put(9, 1, "项目资金申请（万元）")
    s.put(9, 2, "资金总额：285    财政拨款：285    自有资金：0\n事业收入：0    经营性收入：0    其他：0", to_col=6)
    s.put(10, 1, "单位职能概述")
    s.put(10, 2, "承担全区特困人员集中供养和社会福利服务。", to_col=6)
    s.put(11, 1, "项目概况")
    s.put(11, 2, "为集中供养的特困人员提供基本生活、照料护理和医疗保障。", to_col=6)
    s.put(12, 1, "项目总体绩效目标（长期目标）")
    s.put(12, 2, "建立健全特困人员集中供养长效机制，供养服务质量持续提升。", to_col=6)
    s.put(13, 1, "项目年度绩效目标（定量目标）", to_row=20)
    for col, head, to in ((2, "评价内容", 3), (4, "绩效内容", 4), (5, "参考标准", 5), (6, "绩效目标值", 6)):
        s.put(13, col, head, to_col=to)
    rows = (("产出", "数量目标", "集中供养特困人员数", "上年实际", "≥320人"),
            ("产出", "质量目标", "供养标准达标率", "省定标准", "100%"),
            ("产出", "时效目标", "供养资金按月发放率", "上年实际", "100%"),
            ("效益", "社会效益目标", "特困人员基本生活保障率", "上年实际", "100%"),
            ("效益", "服务对象满意度目标", "供养对象满意度", "行业标准", "≥90%"))
    merged_indicator_rows(s, 14, 2, rows)
    s.put(21, 1, "单位已有的（或拟订的）保证项目实施的制度、措施")
    s.put(21, 2, "执行特困人员供养服务规范，按月公示供养资金发放情况。", to_col=6)
    s.put(22, 1, "填报人：          单位负责人：          填报日期：", to_col=6)
    level = {"产出": "产出指标", "效益": "效益指标", "数量目标": "数量指标", "质量目标": "质量指标", "时效目标": "时效指标",
             "社会效益目标": "社会效益指标", "服务对象满意度目标": "服务对象满意度指标"}
    return s, {"projects": [{
        "name": "特困人员集中供养", "unit": "南充市顺庆区社会福利院",
        "funds": {"total": "285.00", "fiscal": "285.00", "other": "0.00"}, "goal": None,
        "indicators": [["满意度指标" if l2.startswith("服务对象") else level[l1], level[l2], name, None, value]
                       for l1, l2, name, _, value in rows]}]}


def yunnan_summary():
    """云南 部门预算 项目支出绩效目标表 (the budget system's print): 单位名称、项目名称 | 项目年度绩效目标 | 一级指标 | 二级
    指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 指标属性 | 指标内容; a row naming the unit, then each project's name and
    goal merged down its indicator rows."""
    s = Sheet("项目支出绩效目标表")
    s.put(1, 1, "2024年项目支出绩效目标表", to_col=10)
    s.put(2, 1, "单位名称：弥勒市文化和旅游局", to_col=10)
    heads = ("单位名称、项目名称", "项目年度绩效目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
             "指标属性", "指标内容")
    for col, head in enumerate(heads, start=1):
        s.put(3, col, head)
    s.put(4, 1, "弥勒市文化和旅游局")
    projects = (
        ("公共文化服务体系建设", "开展送戏下乡和公共文化场馆免费开放，惠及群众10万人次。", (
            ("产出指标", "数量指标", "送戏下乡场次", "≥", "60", "场", "定量指标", "全年送戏下乡演出场次"),
            ("产出指标", "质量指标", "场馆免费开放率", "=", "100", "%", "定量指标", "公共文化场馆免费开放比例"),
            ("效益指标", "社会效益指标", "惠及群众人次", "≥", "10", "万人次", "定量指标", "活动覆盖群众人次"),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "定量指标", "抽样调查满意度"))),
        ("文物保护修缮", "完成3处县级文物保护单位修缮，文物安全无事故。", (
            ("产出指标", "数量指标", "修缮文物保护单位数", "=", "3", "处", "定量指标", "年度修缮数量"),
            ("产出指标", "时效指标", "修缮完成时间", "定性", "年底前完成", None, "定性指标", "按计划完工"),
            ("效益指标", "社会效益指标", "文物安全事故发生数", "=", "0", "起", "定量指标", "全年文物安全事故"))))
    row = 5
    for name, goal, indicators in projects:
        s.put(row, 1, name, to_row=row + len(indicators) - 1)
        s.put(row, 2, goal, to_row=row + len(indicators) - 1)
        merged_indicator_rows(s, row, 3, indicators)
        row += len(indicators)
    facts = []
    for name, goal, indicators in projects:
        wanted = []
        for l1, l2, ind, nature, value, unit, _, _ in indicators:
            sign = {"≥": "≥", "=": "＝", "定性": ""}[nature]
            wanted.append([l1, l2, ind, None, f"{sign}{value}{unit or ''}"])
        facts.append({"name": name, "unit": "弥勒市文化和旅游局", "funds": {}, "goal": goal, "indicators": wanted})
    return s, {"projects": facts}


def function_subjects_in_yuan():
    """A 区 summary 项目支出绩效目标表 as 北京/上海 districts print it from the budget system: 功能科目 | 项目名称 | 预算金额
    （元） over 合计 | 财政拨款 | 其他资金 (a two-row header) | 年度绩效目标 | 一级 | 二级 | 三级 | 指标值, one row per
    indicator with the project's cells merged down."""
    s = Sheet("绩效目标")
    s.put(1, 1, "2024年项目支出绩效目标表", to_col=10)
    s.put(2, 1, "部门名称：北京市通州区水务局                                        单位：元", to_col=10)
    s.put(3, 1, "功能科目", to_row=4)
    s.put(3, 2, "项目名称", to_row=4)
    s.put(3, 3, "预算金额（元）", to_col=5)
    for col, head in enumerate(("合计", "财政拨款", "其他资金"), start=3):
        s.put(4, col, head)
    s.put(3, 6, "年度绩效目标", to_row=4)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标值"), start=7):
        s.put(3, col, head, to_row=4)
    projects = (
        ("2130306 水利工程运行与维护", "中小河道日常养护", "3680000.00", "3680000.00", "0.00",
         "完成全区126公里中小河道日常养护，河道水质稳定达标。",
         (("产出指标", "数量指标", "养护河道长度", "126公里"), ("产出指标", "质量指标", "河道保洁达标率", "≥95%"),
          ("效益指标", "生态效益指标", "河道水质达标率", "≥90%"), ("满意度指标", "服务对象满意度指标", "沿岸居民满意度", "≥85%"))),
        ("2130399 其他水利支出", "节水宣传和考核", "450000.00", "400000.00", "50000.00",
         "开展节水宣传进社区活动，完成节水型单位考核。",
         (("产出指标", "数量指标", "宣传活动场次", "≥20场"), ("效益指标", "社会效益指标", "居民节水知晓率", "≥80%"))))
    row = 5
    for subject, name, total, fiscal, other, goal, indicators in projects:
        last = row + len(indicators) - 1
        for col, value in enumerate((subject, name, total, fiscal, other, goal), start=1):
            s.put(row, col, value, to_row=last)
        merged_indicator_rows(s, row, 7, indicators)
        row = last + 1
    return s, {"projects": [
        {"name": name, "unit": None,
         "funds": {"total": f"{float(total) / 10000:.2f}", "fiscal": f"{float(fiscal) / 10000:.2f}",
                   "other": f"{float(other) / 10000:.2f}"},
         "goal": goal, "indicators": [[l1, l2, ind, None, value] for l1, l2, ind, value in indicators]}
        for _, name, total, fiscal, other, goal, indicators in projects]}


def transfer_region_2024():
    """财政部 中央对地方转移支付区域绩效目标表 as provinces pass it down: 转移支付（项目）名称, 中央主管部门, 地方主管部门,
    资金情况（万元） as 年度金额： | 其中：中央补助 | 地方资金, 年度总体目标 (目标1：… 目标2：…), 绩效指标 一级 | 二级 | 三级 |
    指标值."""
    s = Sheet("区域绩效目标表")
    s.put(1, 1, "中央对地方转移支付区域绩效目标表", to_col=5)
    s.put(2, 1, "（2024年度）", to_col=5)
    s.put(3, 1, "转移支付（项目）名称")
    s.put(3, 2, "农田建设补助资金", to_col=5)
    s.put(4, 1, "中央主管部门")
    s.put(4, 2, "农业农村部", to_col=5)
    s.put(5, 1, "地方主管部门")
    s.put(5, 2, "桂平市农业农村局", to_col=3)
    s.put(5, 4, "省级财政部门")
    s.put(5, 5, "广西壮族自治区财政厅")
    s.put(6, 1, "资金情况\n（万元）", to_row=8)
    s.put(6, 2, "年度金额：", to_col=3)
    s.put(6, 4, "6500", to_col=5)
    s.put(7, 2, "其中：中央补助", to_col=3)
    s.put(7, 4, "5200", to_col=5)
    s.put(8, 2, "地方资金", to_col=3)
    s.put(8, 4, "1300", to_col=5)
    goal = "目标1：建成高标准农田3.5万亩。\n目标2：新增高效节水灌溉面积0.8万亩。"
    s.put(9, 1, "年度总体目标")
    s.put(9, 2, goal, to_col=5)
    s.put(10, 1, "绩效指标", to_row=16)
    for col, head, to in ((2, "一级指标", 2), (3, "二级指标", 3), (4, "三级指标", 4), (5, "指标值", 5)):
        s.put(10, col, head, to_col=to)
    rows = (("产出指标", "数量指标", "建设高标准农田面积", "≥3.5万亩"),
            ("产出指标", "数量指标", "新增高效节水灌溉面积", "≥0.8万亩"),
            ("产出指标", "质量指标", "项目工程验收合格率", "≥95%"),
            ("产出指标", "成本指标", "亩均财政投入", "≤1857元"),
            ("效益指标", "经济效益指标", "项目区粮食亩产增加", "≥50公斤"),
            ("满意度指标", "服务对象满意度指标", "受益农户满意度", "≥85%"))
    merged_indicator_rows(s, 11, 2, rows)
    return s, {"projects": [{
        "name": "农田建设补助资金", "unit": "桂平市农业农村局",  # 地方主管部门: the unit, or left empty with a note
        "funds": {"total": "6500.00", "fiscal": "6500.00", "other": None}, "goal": goal,
        "indicators": [[l1, l2, name, None, value] for l1, l2, name, value in rows]}]}


def purchase_service_2023():
    """政府购买服务项目绩效目标表 (湖北/广东 县区): 购买主体 | 承接主体 side by side, 购买内容, 购买方式, 资金来源 as 财政
    资金 | 其他资金 under 预算金额（万元）, 年度绩效目标, 一级 | 二级 | 三级 | 指标值."""
    s = Sheet("购买服务")
    s.put(1, 1, "2024年政府购买服务项目绩效目标表", to_col=6)
    s.put(2, 1, "项目名称")
    s.put(2, 2, "居家养老上门服务", to_col=6)
    s.put(3, 1, "购买主体")
    s.put(3, 2, "江门市蓬江区民政局", to_col=3)
    s.put(3, 4, "承接主体")
    s.put(3, 5, "江门市康乐社会工作服务中心", to_col=6)
    s.put(4, 1, "购买内容")
    s.put(4, 2, "为辖区失能、高龄独居老人提供助餐、助洁、助浴等上门服务。", to_col=6)
    s.put(5, 1, "购买方式")
    s.put(5, 2, "公开招标", to_col=6)
    s.put(6, 1, "预算金额\n（万元）", to_row=7)
    for col, head in enumerate(("合计", "财政资金", "其他资金"), start=2):
        s.put(6, col, head, to_col=6 if col == 4 else col)
    for col, value in enumerate(("96.00", "96.00", "0.00"), start=2):
        s.put(7, col, value, to_col=6 if col == 4 else col)
    goal = "为1200名失能、高龄独居老人提供上门服务，服务满意度达到90%以上。"
    s.put(8, 1, "年度绩效目标")
    s.put(8, 2, goal, to_col=6)
    s.put(9, 1, "绩效指标", to_row=14)
    for col, head, to in ((2, "一级指标", 2), (3, "二级指标", 3), (4, "三级指标", 5), (6, "指标值", 6)):
        s.put(9, col, head, to_col=to)
    rows = (("产出指标", "数量指标", "服务老人人数", "≥1200人"),
            ("产出指标", "数量指标", "上门服务人次", "≥36000人次"),
            ("产出指标", "质量指标", "服务记录完整率", "≥98%"),
            ("效益指标", "社会效益指标", "老人居家生活质量改善率", "≥80%"),
            ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%"))
    merged_indicator_rows(s, 10, 2, rows, value_col=6)
    for index in range(len(rows)):
        s.ws.merge_cells(start_row=10 + index, start_column=4, end_row=10 + index, end_column=5)
    return s, {"projects": [{
        "name": "居家养老上门服务", "unit": "江门市蓬江区民政局",
        "funds": {"total": "96.00", "fiscal": "96.00", "other": "0.00"}, "goal": goal,
        "indicators": [[l1, l2, name, None, value] for l1, l2, name, value in rows]}]}


def hunan_department_2019():
    """湖南 部门整体支出绩效目标申报表 (2019–2021): 年度预算申请（万元） as a header row 资金总额 | 按收入性质分 (一般公共
    预算 | 政府性基金 | 纳入专户管理的非税收入 | 其他) | 按支出性质分 (基本支出 | 项目支出) over one row of amounts, 部门职能
    职责概述, 年度绩效目标, 年度绩效指标 一级指标 | 二级指标 | 指标内容 | 指标值 | 备注."""
    s = Sheet("整体支出")
    s.put(1, 1, "部门整体支出绩效目标申报表", to_col=8)
    s.put(2, 1, "（2024年度）", to_col=8)
    s.put(3, 1, "部门（单位）名称")
    s.put(3, 2, "浏阳市民政局", to_col=8)
    s.put(4, 1, "年度预算申请\n（万元）", to_row=6)
    s.put(4, 2, "资金总额", to_row=5)
    s.put(4, 3, "按收入性质分", to_col=6)
    s.put(4, 7, "按支出性质分", to_col=8)
    for col, head in enumerate(("一般公共预算", "政府性基金", "纳入专户管理的非税收入", "其他", "基本支出", "项目支出"), start=3):
        s.put(5, col, head)
    for col, value in enumerate(("2860.50", "2800.50", "0", "0", "60.00", "760.30", "2100.20"), start=2):
        s.put(6, col, value)
    functions = "贯彻执行民政工作法规政策，负责社会救助、养老服务、儿童福利、殡葬管理和社区治理。"
    s.put(7, 1, "部门职能\n职责概述")
    s.put(7, 2, functions, to_col=8)
    goal = "保障城乡低保、特困供养等救助资金足额发放，新建社区养老服务中心5个，社区治理能力进一步提升。"
    s.put(8, 1, "年度绩效目标")
    s.put(8, 2, goal, to_col=8)
    s.put(9, 1, "年度绩效指标", to_row=15)
    for col, head, to in ((2, "一级指标", 2), (3, "二级指标", 3), (4, "指标内容", 6), (7, "指标值", 7), (8, "备注", 8)):
        s.put(9, col, head, to_col=to)
    rows = (("产出指标", "数量指标", "城乡低保保障人数", "≥8600人"),
            ("产出指标", "数量指标", "新建社区养老服务中心", "5个"),
            ("产出指标", "质量指标", "救助资金足额发放率", "100%"),
            ("产出指标", "时效指标", "救助资金按月发放", "及时"),
            ("效益指标", "社会效益指标", "困难群众基本生活保障率", "100%"),
            ("满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%"))
    merged_indicator_rows(s, 10, 2, rows, value_col=7)
    for index in range(len(rows)):
        s.ws.merge_cells(start_row=10 + index, start_column=4, end_row=10 + index, end_column=6)
    s.put(16, 1, "填报人：周丽        联系电话：0731-83612345        填报日期：2024年1月15日", to_col=8)
    return s, {"department": {
        "name": "浏阳市民政局", "functions": functions, "overall_goal": goal,
        "budget": {"basic": "760.30", "project": "2100.20", "fiscal": "2800.50", "other_income": "60.00"},
        "tasks": [], "indicators": [[l1, l2, name, None, value] for l1, l2, name, value in rows]}}


def zhejiang_direction():
    """浙江/江苏 县区 项目支出绩效目标表 from the budget system: 项目资金（万元） as a header row 年度资金总额 | 财政拨款 | 其他资金
    over one row of amounts, 年度绩效目标, indicators 一级 | 二级 | 三级 | 指标方向 | 指标值 | 计量单位 | 评分标准."""
    s = Sheet("项目绩效目标")
    s.put(1, 1, "2024年度项目支出绩效目标表", to_col=7)
    s.put(2, 1, "项目名称")
    s.put(2, 2, "农村生活污水处理设施运维", to_col=7)
    s.put(3, 1, "主管部门")
    s.put(3, 2, "德清县生态环境局", to_col=3)
    s.put(3, 4, "实施单位")
    s.put(3, 5, "德清县农村污水治理中心", to_col=7)
    s.put(4, 1, "项目资金\n（万元）", to_row=5)
    for col, head, to in ((2, "年度资金总额", 3), (4, "财政拨款", 5), (6, "其他资金", 7)):
        s.put(4, col, head, to_col=to)
    for col, value, to in ((2, "560.00", 3), (4, "520.00", 5), (6, "40.00", 7)):
        s.put(5, col, value, to_col=to)
    goal = "保障全县1260个农村生活污水处理终端正常运行，出水达标率不低于90%。"
    s.put(6, 1, "年度绩效目标")
    s.put(6, 2, goal, to_col=7)
    heads = ("一级指标", "二级指标", "三级指标", "指标方向", "指标值", "计量单位", "评分标准")
    for col, head in enumerate(heads, start=1):
        s.put(7, col, head)
    rows = (("产出指标", "数量指标", "运维终端数量", "≥", "1260", "个", "完成得满分"),
            ("产出指标", "质量指标", "出水水质达标率", "≥", "90", "%", "每低1%扣1分"),
            ("产出指标", "时效指标", "故障处理时间", "≤", "48", "小时", "超时扣分"),
            ("效益指标", "生态效益指标", "化学需氧量削减量", "≥", "1500", "吨", "按监测数据"),
            ("满意度指标", "服务对象满意度指标", "村民满意度", "≥", "90", "%", "问卷调查"))
    merged_indicator_rows(s, 8, 1, [row[:3] for row in rows])
    for index, row in enumerate(rows):
        for col, value in enumerate(row[3:], start=4):
            s.put(8 + index, col, value)
    return s, {"projects": [{
        "name": "农村生活污水处理设施运维", "unit": "德清县农村污水治理中心",
        "funds": {"total": "560.00", "fiscal": "520.00", "other": "40.00"}, "goal": goal,
        "indicators": [[l1, l2, name, None, f"{sign}{value}{unit}"] for l1, l2, name, sign, value, unit, _ in rows]}]}


def guangxi_text_cells():
    """广西 县区 部门预算 项目支出绩效目标表: one row per project, 绩效指标 as one cell of lines 一级指标：… under which
    二级指标：三级指标 指标值；."""
    s = Sheet("项目绩效目标")
    s.put(1, 1, "2024年项目支出绩效目标表", to_col=7)
    s.put(2, 1, "单位名称：横州市卫生健康局                                    单位：万元", to_col=7)
    for col, head in enumerate(("项目名称", "预算单位", "资金总额", "财政拨款", "其他资金", "年度绩效目标", "绩效指标"), start=1):
        s.put(3, col, head)
    projects = (
        ("家庭医生签约服务", "横州市基层卫生服务中心", "85.00", "85.00", "0.00", "重点人群家庭医生签约率达到75%。",
         ("产出指标：\n数量指标：重点人群签约人数≥6万人；\n质量指标：签约服务履约率≥90%；\n效益指标：\n社会效益指标：重点人群签约率≥75%；"
          "\n满意度指标：\n服务对象满意度指标：签约居民满意度≥85%。"),
         [["产出指标", "数量指标", "重点人群签约人数", None, "≥6万人"], ["产出指标", "质量指标", "签约服务履约率", None, "≥90%"],
          ["效益指标", "社会效益指标", "重点人群签约率", None, "≥75%"],
          ["满意度指标", "服务对象满意度指标", "签约居民满意度", None, "≥85%"]]),
        ("妇幼健康服务", "横州市妇幼保健院", "42.50", "40.00", "2.50", "孕产妇系统管理率达到90%以上。",
         "产出指标：\n数量指标：孕产妇健康管理人数≥8000人；\n效益指标：\n社会效益指标：孕产妇系统管理率≥90%。",
         [["产出指标", "数量指标", "孕产妇健康管理人数", None, "≥8000人"], ["效益指标", "社会效益指标", "孕产妇系统管理率", None, "≥90%"]]))
    facts = []
    for row, (name, unit, total, fiscal, other, goal, text, indicators) in enumerate(projects, start=4):
        for col, value in enumerate((name, unit, total, fiscal, other, goal, text), start=1):
            s.put(row, col, value)
        facts.append({"name": name, "unit": unit, "funds": {"total": total, "fiscal": fiscal, "other": other},
                      "goal": goal, "indicators": indicators})
    return s, {"projects": facts}


LAYOUTS = {"xiangtan-2023": xiangtan_2023, "jiaxian-2016": jiaxian_2016, "daqing-2020": daqing_2020,
           "sichuan-sample": sichuan_sample, "yunnan-summary": yunnan_summary,
           "tongzhou-yuan": function_subjects_in_yuan, "transfer-2024": transfer_region_2024,
           "purchase-2023": purchase_service_2023, "liuyang-2019": hunan_department_2019,
           "deqing-direction": zhejiang_direction, "hengzhou-text": guangxi_text_cells}
CONVERTED = {"yunnan-summary": (".html",), "tongzhou-yuan": (".html", ".pdf"), "jiaxian-2016": (".html",)}


def main(argv: list[str]) -> int:
    """Writes each layout's .xlsx (and the web pages of CONVERTED, by LibreOffice) beside this file, and the facts
    into more/more.expected.json."""
    facts = {}
    OUT.mkdir(exist_ok=True)
    for name, make in LAYOUTS.items():
        sheet, known = make()
        path = OUT / f"{name}.xlsx"
        sheet.save(path)
        facts[name] = known
        for extension in CONVERTED.get(name, ()) + ((".pdf",) if "--pdf" in argv else ()):
            with tempfile.TemporaryDirectory() as folder:
                subprocess.run(["soffice", "--headless", "--convert-to", extension.lstrip("."), "--outdir", folder,
                                str(path)], check=True, capture_output=True, timeout=120)
                (OUT / f"{name}{extension}").write_bytes((Path(folder) / f"{name}{extension}").read_bytes())
        print(path)
    (OUT / "more.expected.json").write_text(json.dumps(facts, ensure_ascii=False, indent=1) + "\n",
                                                    encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
