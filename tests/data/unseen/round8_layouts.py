"""Round 8 of the unseen layouts: published forms of 湖南南县 (卫健: a 2025 项目支出绩效目标表 whose value is split into
指标值类型 | 目标值 | 度量单位, 成本指标 the first 一级 with 经济成本 / 社会成本 / 生态环境成本 under it, 部门预算 | 70.00
beside the project's name), 湖南祁东 (卫健: a 部门整体支出绩效目标表 whose amounts stand in their label's cell,
资金总额:952.22, and whose values are sentences under 指标值及单位), 重庆忠县 (农业: a 区县 生猪调出大县奖励资金区域绩效
目标表 under the 财政局's notice, six 部门 rows, a 单位 column before 指标值 and 一级指标 heading two columns) and 江西宜春
(农业: a notice with two 分配表 of amounts across ten counties, each followed by its 绩效目标表), each after a stored page
(the docstring names it, and says which rows past the page's excerpt were completed in its kind), with the facts each
holds (round8/round8.expected.json). None of them was read by the readers before this round's test was written."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "round8"
sys.path.insert(0, str(HERE))

from openpyxl.styles import Border

from round4_layouts import ruled
from sheets import Sheet, merged_indicator_rows, write_layouts


def _value(kind: str, target: str, unit: str | None) -> str:
    """指标值类型 | 目标值 | 度量单位 as one value: ≤ | 70 | 万元 → ≤70万元; 定性 | 减少 → 减少."""
    sign = {"=": "＝"}.get(kind, kind)  # the readers write a sign column's = as ＝ (乌海, round 5)
    return (target if kind == "定性" else sign + target) + (unit or "")


def _open(s: Sheet, rows, last_col: int) -> None:
    """Rows of a page's text between its tables, unruled."""
    for r in rows:
        for c in range(1, last_col + 1):
            s.ws.cell(r, c).border = Border()


def nanxian_cdc_2025():
    """湖南 益阳 南县疾病预防控制中心(南县卫生综合监督执法局)2025年度预算项目支出绩效目标表 (nxjw.nanxian.gov.cn/14890/
    36191/36261/38621/content_2047266.html): 2025年项目支出绩效目标表 over 填报单位(盖章):… | 金额单位:万元, 项目支出名称
    | the project | 部门预算 | 70.00 on one row, 年度本级预算金额 | 70.00 | 该项目支出上级资金 | (empty), 项目支出实施期,
    项目绩效目标 (a paragraph), then 一级指标 | 二级指标 | 三级指标 | 指标值类型 | 目标值 | 度量单位 | 指标值内容 | 备注 with
    成本指标 the first 一级 (经济成本指标: ≤ | 70 | 万元; 社会成本指标 and 生态环境成本指标: 定性 | 减少, no 度量单位) and the
    指标值内容 repeated as 备注. The excerpt ends in the 生态环境成本指标 row (its 减少 cut): that row is completed as the
    社会成本 one, and the 产出 / 效益 / 满意度 rows after it are completed in the kind of the 经济成本 row (≥ | 2 | 次) and of
    the 定性 rows."""
    s = Sheet("项目支出绩效目标表")
    s.put(1, 1, "2025年项目支出绩效目标表", to_col=8)
    unit = "南县疾病预防控制中心"
    s.put(2, 1, f"填报单位(盖章):{unit}", to_col=5)
    s.put(2, 6, "金额单位:万元", to_col=8)
    name = "基本公共卫生服务和应急处理及卫生监督执法专项"
    s.put(3, 1, "项目支出名称")
    s.put(3, 2, name, to_col=4)
    s.put(3, 5, "部门预算")
    s.put(3, 6, 70, to_col=8)
    s.put(4, 1, "年度本级预算金额")
    s.put(4, 2, 70, to_col=4)
    s.put(4, 5, "该项目支出上级资金")
    s.put(4, 6, None, to_col=8)
    s.put(5, 1, "项目支出实施期")
    s.put(5, 2, "2025年", to_col=8)
    goal = ("对全县突发卫生公共事件进行相关人员培训、物质储备、应急能力建设,围绕人感染H7N9禽流感、手足口病、霍乱等重点传染病"
            "的防治工作,年初制定了中心业务卫生应急机动队队员培训计划,对中心业务人员开展应急培训建立和完善了突发公共卫生事件"
            "监测、评估、预警、反应机制,及时处理预警信息。规范公共场所经营秩序,大力整顿医疗市场,严厉打击非法行医行为,规范我县"
            "医疗市场秩序,保障全县人民生活饮用水饮用安全,强化了突发公共卫生事件应急机制,传染病防治、生活饮用水、放射卫生。完成"
            "市级下达的双随机监督任务。监管对象的经营管理更加规范,经营场所卫生条件有所提高。完成上级分配的各项工作任务。")
    s.put(6, 1, "项目绩效目标")
    s.put(6, 2, goal, to_col=8)
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标值类型", "目标值", "度量单位", "指标值内容", "备注"),
                               start=1):
        s.put(7, col, head)
    items = (("成本指标", "经济成本指标", "疾病预防控制中心经费", "≤", "70", "万元", "反映疾病预防控制中心经费。"),
             ("成本指标", "社会成本指标", "实施项目对社会产生的不利影响", "定性", "减少", None,
              "反映实施项目对社会产生的不利影响。"),
             ("成本指标", "生态环境成本指标", "实施项目对生态产生的不利影响", "定性", "减少", None,
              "反映实施项目对生态产生的不利影响。"),
             ("产出指标", "数量指标", "开展卫生应急培训次数", "≥", "2", "次", "反映开展卫生应急培训的次数。"),
             ("产出指标", "数量指标", "完成双随机监督抽查任务数", "≥", "120", "户", "反映完成市级下达的双随机监督任务情况。"),
             ("产出指标", "质量指标", "传染病疫情报告及时率", "≥", "95", "%", "反映传染病疫情报告的及时情况。"),
             ("产出指标", "时效指标", "突发公共卫生事件处置及时率", "=", "100", "%", "反映突发公共卫生事件处置的及时情况。"),
             ("效益指标", "社会效益指标", "突发公共卫生事件应急处置能力", "定性", "有效提升", None,
              "反映突发公共卫生事件应急处置能力的提升情况。"),
             ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "反映群众对疾病预防控制工作的满意程度。"))
    merged_indicator_rows(s, 8, 1, [item + (item[-1],) for item in items])  # 指标值内容 repeated as 备注
    return ruled(s, 3), {"projects": [{
        "name": name, "unit": unit, "funds": {"total": "70.00", "fiscal": "70.00"}, "goal": goal,
        "indicators": [[l1, l2, ind, None, _value(kind, target, measure)]
                       for l1, l2, ind, kind, target, measure, _ in items]}]}


def qidong_cdc_department_2024():
    """湖南 衡阳 祁东县疾病预防控制中心2024年祁东县部门整体支出绩效目标表 (www.qdx.gov.cn/xxgk/czzj/jxgl/20241211/
    i3532884.html): 预算14表 over the title, 填报单位:(盖章), 部门名称, 年度预算申请 (万元) beside 资金总额:952.22, then
    按收入性质分:952.22 | 按支出性质分:952.22 and the sources | the spending two by two (其中:一般公共预算:952.22 |
    其中:基本支出:875.22, 政府性基金拨款: | 项目支出:77, 纳入专户管理的非税收入拨款:, 其他资金:) — each amount in its
    label's cell, as the page's text runs them together after the colon; 部门职能 职责概述, 整体绩效目标 (a sentence of
    文件 names, its 202年度 as published), then 部门整体支出 年度绩效指标 beside 一级指标 | 二级指标 | 三级指标 | 指标值及单位
    whose first value is a sentence (自愿咨询检测1000人次以上,艾滋病人检测600人次以上,…). The excerpt ends at 开展宣传活动
    次数 (20次以…): that row is completed as 20次以上, and the 质量 / 时效 / 效益 / 满意度 rows after it in its kind."""
    s = Sheet("预算14表")
    s.put(1, 1, "预算14表", to_col=6)
    s.put(2, 1, "2024年祁东县部门整体支出绩效目标表", to_col=6)
    s.put(3, 1, "填报单位:(盖章)", to_col=6)
    name = "祁东县疾病预防控制中心"
    s.put(4, 1, "部门名称")
    s.put(4, 2, name, to_col=6)
    s.put(5, 1, "年度预算申请\n(万元)", to_row=10)
    s.put(5, 2, "资金总额:952.22", to_col=6)
    for row, (income, spending) in enumerate((
            ("按收入性质分:952.22", "按支出性质分:952.22"), ("其中:一般公共预算:952.22", "其中:基本支出:875.22"),
            ("政府性基金拨款:", "项目支出:77"), ("纳入专户管理的非税收入拨款:", None), ("其他资金:", None)), start=6):
        s.put(row, 2, income, to_col=3)
        s.put(row, 4, spending, to_col=6)
    functions = ("中心的职能职责是:承担全县各乡镇疫苗保管、发放、运输及业务指导工作;免疫规划督导、培训、宣传及预防接种;暴发疫情"
                 "标本和聚集性病例标本及时检测;结核病防治;地方病、慢性病、重性精神病防治;疟疾防治;艾滋病防治;急性传染病防治;食品"
                 "安全风险监测公共卫生监测、职业卫生和环境监测;健康教育宣传;美沙酮维持治疗;承办上级政府交办的其他工作。")
    s.put(11, 1, "部门职能\n职责概述")
    s.put(11, 2, functions, to_col=6)
    goal = ("根据《湖南省卫生健康委疾控处关于印发湖南省202年度结核病防治项目实施方案的通知》、《湖南省卫生健康委员会疾控处关于"
            "印发湖南省2020年度艾滋病防治项目实施方案的通知》、《湖南省卫生健康委疾控处关于印发全省2020年扩大国家免疫规划项目"
            "实施方案的通知》、《湖南省卫生健康委疾控处关于印发2020年度慢性病防控项目实施方案和相关工作说明的通知》等文件要求完成"
            "绩效目标。")
    s.put(12, 1, "整体绩效目标")
    s.put(12, 2, goal, to_col=6)
    rows = (("产出指标", "数量指标", "全年检测次数",
             "自愿咨询检测1000人次以上,艾滋病人检测600人次以上,结核病人筛查600人次以上"),
            ("产出指标", "数量指标", "免疫规划知识培训次数", "2次以上"),
            ("产出指标", "数量指标", "免疫规划知识培训人次", "200人以上"),
            ("产出指标", "数量指标", "开展宣传活动次数", "20次以上"),
            ("产出指标", "质量指标", "适龄儿童免疫规划疫苗接种率", "90%以上"),
            ("产出指标", "质量指标", "法定传染病报告率", "95%以上"),
            ("产出指标", "时效指标", "突发公共卫生事件报告及时率", "100%"),
            ("效益指标", "社会效益指标", "重点传染病疫情", "有效控制,无暴发流行"),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "90%以上"))
    s.put(13, 1, "部门整体支出\n年度绩效指标", to_row=13 + len(rows))
    for col, head in ((2, "一级指标"), (3, "二级指标"), (4, "三级指标"), (5, "指标值及单位")):
        s.put(13, col, head, to_col=6 if col == 5 else None)
    merged_indicator_rows(s, 14, 2, rows)
    for offset in range(len(rows)):
        s.ws.merge_cells(start_row=14 + offset, start_column=5, end_row=14 + offset, end_column=6)
    return ruled(s, 4), {"department": {
        "name": name, "functions": functions, "overall_goal": goal,
        "budget": {"fiscal": "952.22", "basic": "875.22", "project": "77"}, "tasks": [],
        "indicators": [[l1, l2, ind, None, value] for l1, l2, ind, value in rows]}}


def zhongxian_pig_2022():
    """重庆 忠县财政局 下达2022年生猪调出大县奖励资金 with its 附件 生猪(牛羊)调出大县奖励资金区域绩效目标表
    (wap2hd.com/zwgk_156/zfxxgkml/czzjzdjc/gzjz/202203/t20220316_10514456.html, a copy of 忠县's page whose copier put
    words of its own in the place of the notice's 关于: written as the notice has it): the notice (县农业农村委: …, 附件:…,
    忠县财政局, its date, 附件) over the table, 资金名称, then 中央主管部门 / 省级财政部门 / 省级主管部门 / 区县财政部门 /
    区县主管部门 one a row, 资金情况 beside 年度金额(万元): | 397, 其中:中央补助(万元) | 397, 地方资金(万元) | (empty),
    年度目标, then 一级指标 | 二级指标 | 三级指标 | 单位 | 指标值 — a header row one cell short of its rows (一级指标 heads
    both the 绩效指标 column merged down the rows and the 一级 column) — with the unit repeated in the value (% | ≥95%). The
    excerpt ends at 时效指标's first letter: the rows from there are completed in the kind of the two 数量指标 rows."""
    s = Sheet("区域绩效目标表")
    notice = ("县农业农村委:",
              "根据《重庆市财政局关于提前下达2022年中央生猪(牛羊)调出大县奖励资金预算指标的通知》(渝财农〔2021〕111号)文件,现将"
              "2022年生猪调出大县奖励资金397万元下达你单位,用于支持生猪产业发展。",
              "本次下达中央生猪(牛羊)调出大县奖励资金为2022年中央直达资金(标识:01中央直达资金),贯穿资金分配、拨付、使用等整个"
              "环节,且保持不变。按照《中央对地方专项转移支付绩效目标管理暂行办法》(财预〔2015〕153号)等文件要求,本次将2021年"
              "生猪调出大县奖励资金年度绩效目标一并下达,请严格按照《生猪(牛羊)调出大县奖励资金管理办法》(财建〔2015〕778号)等"
              "文件规定,完善资金使用方案,强化预算执行和绩效目标管理,规范资金使用,确保资金专款专用,提高资金使用绩效。",
              "年终决算列报功能科目“农业农村(21301)”,经济科目按实际支出内容列报。",
              "附件:生猪(牛羊)调出大县奖励资金区域绩效目标表", "忠县财政局", "2022年1月18日", "附件")
    for row, text in enumerate(notice, start=1):
        s.put(row, 1, text, to_col=6)
    top = len(notice) + 1
    name = "生猪(牛羊)调出大县奖励资金"
    s.put(top, 1, f"{name}区域绩效目标表", to_col=6)
    unit = "忠县农业农村委员会"
    for row, (label, text) in enumerate((("资金名称", name), ("中央主管部门", "财政部、农业农村部"),
                                         ("省级财政部门", "重庆市财政局"), ("省级主管部门", "重庆市农业农村委员会"),
                                         ("区县财政部门", "忠县财政局"), ("区县主管部门", unit)), start=top + 1):
        s.put(row, 1, label)
        s.put(row, 2, text, to_col=6)
    money = top + 7
    s.put(money, 1, "资金情况", to_row=money + 2)
    for row, (label, amount) in enumerate((("年度金额(万元):", 397), ("其中:中央补助(万元)", 397),
                                           ("地方资金(万元)", None)), start=money):
        s.put(row, 2, label, to_col=3)
        s.put(row, 4, amount, to_col=6)
    goal = "到2022年底,生猪生产稳定有序发展,能繁母猪保有量、规模养殖场保有量完成市政府既定目标,推进畜牧业高质量发展。"
    s.put(money + 3, 1, "年度目标")
    s.put(money + 3, 2, goal, to_col=6)
    head = money + 4
    s.put(head, 1, "一级指标", to_col=2)
    for col, text in ((3, "二级指标"), (4, "三级指标"), (5, "单位"), (6, "指标值")):
        s.put(head, col, text)
    rows = (("产出指标", "数量指标", "猪肉产量稳定率", "%", "≥95%"),
            ("产出指标", "数量指标", "能繁母猪稳定率", "%", "90%"),
            ("产出指标", "时效指标", "奖励资金下达及时率", "%", "100%"),
            ("效益指标", "社会效益指标", "生猪稳产保供能力", None, "稳步提升"),
            ("效益指标", "可持续影响指标", "规模养殖场保有量稳定率", "%", "≥90%"),
            ("满意度指标", "服务对象满意度指标", "养殖场户满意度", "%", "≥85%"))
    s.put(head + 1, 1, "绩效指标", to_row=head + len(rows))
    merged_indicator_rows(s, head + 1, 2, rows)
    return ruled(s, top + 1), {"projects": [{
        "name": name, "unit": unit, "funds": {"total": "397", "fiscal": "397"}, "goal": goal,
        "indicators": [[l1, l2, ind, None, value] for l1, l2, ind, _, value in rows]}]}


def yichun_agriculture_2023():
    """江西 宜春市农业农村局 两个农机类资金分配 公示 (cgjd.org.cn/show-322325.html, a copy of the bureau's notice): four
    paragraphs (一是中央粮油生产保障资金 … 5646万元 …详见附表1和附表2; 二是中央农业产业发展资金 … 6917万元, 用于农机购置补贴
    …详见附表3和附表4; 公示期), then 附表1 2023年中央粮油生产保障资金分配表(单位:万元) — 县(市、区) | 袁州 | … | 高安 |
    合计 over 金额 | 439 | … | 5646, the ten counties across — and 附表2 its 绩效目标表: 专项(项目)名称, 主管部门, 资金情况
    (万元) beside 年度资金总额 | 5646, 其中:中央补助 | 5646, 地方补助 | 0, 年度目标, then 绩效指标 beside 一级指标 | 二级指标 |
    三级指标 | 指标值. The excerpt ends in 附表2's header (三级指标(…): its rows, and 附表3 and 附表4 (named, with 6917, by the
    notice's second paragraph) are completed in the kind of 附表1 and 附表2, 附表3's county amounts adding up to 6917."""
    s = Sheet("公示")
    for letter in "KL":
        s.ws.column_dimensions[letter].width = 16
    paragraphs = (
        "省财政厅于5月份下达我市两个农机类资金,结合当前实际,现拟分配到各县,以提高农机装备能力,满足农业生产需要。",
        "一是中央粮油生产保障资金。在《关于下达2023年中央粮油生产保障资金的通知》(赣财农指[2023]10号)中下达我市5646万元,"
        "用于支持水稻集中育秧设施建设。经与市财政局农业科沟通,分配主要依据是各县申报的建设数量和资金补助计划数,在此基础上对"
        "水稻机械化种植方式比例较高的樟树市适当调剂。各县分配量及绩效目标表详见附表1和附表2。",
        "二是中央农业产业发展资金。在《关于下达2023年中央农业产业发展资金的通知》(赣财农指[2023]12号)中下达我市6917万元,"
        "用于农机购置补贴。经与市财政局农业科沟通,分配依照《关于印发农业相关转移支付资金管理办法的通知》(财农[2023]11号)中的"
        "因素法测算,按照各县的粮食面积、油料面积、畜禽年末存栏量、淡水养殖面积、近三年农机购置补贴资金使用量等因素,结合预计"
        "执行情况适当调剂。各县分配量及绩效目标表详见附表3和附表4。",
        "现予以公示,公示期间,如有异议,请于2023年6月21日17:00前向市农业农村局农机科反映,联系电话:3568693。")
    for row, text in enumerate(paragraphs, start=1):
        s.put(row, 1, text, to_col=12)
    open_rows = list(range(1, len(paragraphs) + 1))
    counties = ("袁州", "奉新", "万载", "上高", "宜丰", "靖安", "铜鼓", "丰城", "樟树", "高安")
    unit = "宜春市农业农村局"
    funds = (("粮油生产保障资金", "2023年中央粮油生产保障资金", (439, 273, 676, 367, 647, 60, 164, 1673, 457, 890),
              "支持水稻集中育秧设施建设",
              (("产出指标", "数量指标", "支持建设水稻集中育秧中心数量", "≥120个"),
               ("产出指标", "质量指标", "育秧设施验收合格率", "≥95%"),
               ("产出指标", "时效指标", "补助资金兑付及时率", "≥90%"),
               ("效益指标", "社会效益指标", "水稻机械化种植水平", "稳步提高"),
               ("满意度指标", "服务对象满意度指标", "受益主体满意度", "≥90%"))),
             ("农业产业发展资金", "2023年中央农业产业发展资金", (520, 430, 610, 560, 540, 210, 180, 1650, 917, 1300),
              "支持农机购置补贴",
              (("产出指标", "数量指标", "补贴购置农机具数量", "≥3000台(套)"),
               ("产出指标", "质量指标", "补贴机具抽查合格率", "≥95%"),
               ("产出指标", "时效指标", "补贴资金兑付及时率", "≥90%"),
               ("效益指标", "社会效益指标", "主要农作物耕种收综合机械化率", "≥80%"),
               ("满意度指标", "服务对象满意度指标", "购机农户满意度", "≥90%"))))
    row, facts = len(paragraphs) + 1, []
    for number, (name, title, amounts, goal, rows) in enumerate(funds):
        total = sum(amounts)
        s.put(row, 1, f"附表{2 * number + 1}:{title}分配表(单位:万元)", to_col=12)
        open_rows.append(row)
        for col, (county, amount) in enumerate(zip(("县(市、区)",) + counties + ("合计",),
                                                   ("金额",) + amounts + (total,)), start=1):
            s.put(row + 1, col, county)
            s.put(row + 2, col, amount)
        s.put(row + 3, 1, f"附表{2 * number + 2}:{title}绩效目标表", to_col=12)
        open_rows.append(row + 3)
        form = row + 4
        s.put(form, 1, "专项(项目)名称")
        s.put(form, 2, name, to_col=7)
        s.put(form + 1, 1, "主管部门")
        s.put(form + 1, 2, unit, to_col=7)
        s.put(form + 2, 1, "资金情况(万元)", to_row=form + 4)
        for offset, (label, amount) in enumerate((("年度资金总额", total), ("其中:中央补助", total), ("地方补助", 0))):
            s.put(form + 2 + offset, 2, label)
            s.put(form + 2 + offset, 3, amount, to_col=7)
        s.put(form + 5, 1, "年度目标")
        s.put(form + 5, 2, goal, to_col=7)
        s.put(form + 6, 1, "绩效指标", to_row=form + 6 + len(rows))
        for col, head, to in ((2, "一级指标", 2), (3, "二级指标", 3), (4, "三级指标", 5), (6, "指标值", 7)):
            s.put(form + 6, col, head, to_col=to)
        merged_indicator_rows(s, form + 7, 2, [(l1, l2, ind, None, value) for l1, l2, ind, value in rows])
        for offset in range(len(rows)):
            s.ws.merge_cells(start_row=form + 7 + offset, start_column=4, end_row=form + 7 + offset, end_column=5)
            s.ws.merge_cells(start_row=form + 7 + offset, start_column=6, end_row=form + 7 + offset, end_column=7)
        end = form + 6 + len(rows)
        for r in range(form, end + 1):  # the form is 7 columns wide: the 分配表's last five stay open beside it
            for c in range(8, 13):
                open_rows.append((r, c))
        row = end + 1
        facts.append({"name": name, "unit": unit, "funds": {"total": str(total), "fiscal": str(total)}, "goal": goal,
                      "indicators": [[l1, l2, ind, None, value] for l1, l2, ind, value in rows]})
    ruled(s, 1)
    for place in open_rows:
        if isinstance(place, tuple):
            s.ws.cell(*place).border = Border()
        else:
            _open(s, (place,), 12)
    return s, {"projects": facts}


LAYOUTS = {"nanxian-cdc-2025": nanxian_cdc_2025, "qidong-cdc-department-2024": qidong_cdc_department_2024,
           "zhongxian-pig-2022": zhongxian_pig_2022, "yichun-agriculture-2023": yichun_agriculture_2023}
CONVERTED = {"nanxian-cdc-2025": (".html", ".pdf"), "qidong-cdc-department-2024": (".html", ".pdf"),
             "zhongxian-pig-2022": (".html", ".pdf"), "yichun-agriculture-2023": (".html", ".pdf")}


def main(argv: list[str]) -> int:
    """Writes each layout's .xlsx (and the conversions of CONVERTED, by LibreOffice) into round8/, and the facts
    into round8/round8.expected.json."""
    return write_layouts(OUT, LAYOUTS, CONVERTED, "round8.expected.json")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
