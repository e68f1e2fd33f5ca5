"""Round 11 of the unseen layouts: published tables of 安徽 六安 (农业: the budget system's 项目支出绩效目标申报表 of the
市农业农村局, 主管部门及代码 | [066]…, its money and its goals in a 中期 half beside the year's, and its indicators in two
halves too — 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值, one 一级 column for both, the header
naming neither half), 福建 泉州 德化 (扶贫, 2020: a notice over three tables — an 安排表 of three villages' works, a
任务清单 of two towns, and a 绩效目标表 turned on its side, a row a 项目单位 and a column an indicator under 产出指标 /
效益指标 and their 二级), 德化 again (农业, 2025: a notice over a 分配表 of six projects as columns under their two
科目 codes, a row a unit or town, then the first project's 绩效目标表 whose 主管部门 carries its budget code, 422001-…)
and 六安 叶集区 (体育, 2025: a page whose 项目基本信息 of two other projects, with their own 年度预算安排, stand in the
table's first cell above the form's title, then the same system's 项目支出绩效目标表 of a third project), each after a
stored page (the docstring names it, and says which rows past the page's excerpt were completed in its kind), with the
facts each holds (round11/round11.expected.json). None of them was read by the readers before this round's test was
written. No 部门整体 or 单位整体 form, and no budget-system export with 项目代码 | 指标值类型 | 度量单位 | 指标解释 |
评(扣)分标准 columns, of a place not covered before could be found among the stored pages (those found are of 岳阳楼区,
宁德, 广水, 井研, 青山, all covered): none is here."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "round11"
sys.path.insert(0, str(HERE))

from openpyxl.styles import Border

from round4_layouts import ruled
from sheets import Sheet, merged_indicator_rows, write_layouts


def _open(s: Sheet, rows, last_col: int) -> None:
    """Rows of a page's text between its tables, unruled."""
    for r in rows:
        for c in range(1, last_col + 1):
            s.ws.cell(r, c).border = Border()


def _runs(values) -> list[tuple[int, int]]:
    """(first, last) index of each run of equal values."""
    runs, start = [], 0
    for index in range(1, len(values) + 1):
        if index == len(values) or values[index] != values[start]:
            runs.append((start, index - 1))
            start = index
    return runs


def _anhui_form(s: Sheet, top: int, name: str, unit_code: str, unit: str, kind: str, period: str,
                money: tuple[str, str, str, str, str, str], goals: tuple[str, str, str], rows) -> int:
    """The 安徽 budget system's 项目支出绩效目标申报表 from its 项目名称 row down, eight columns wide: 项目资金 as
    中期资金总额: | amount beside 年度资金总额: | amount (then 其中:财政拨款 and 其他资金 on both sides), 总体目标 as
    中期目标(…) | 年度目标 over the two texts, and 绩效指标 beside 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 |
    三级指标 | 指标值 — the 中期 half left, the year's right, one 一级 column for both. rows: (一级, 二级, 三级, 中期值,
    年度值), the same 二级 and 三级 on both sides as the published forms have them. Returns the last row."""
    s.put(top, 1, "项目名称")
    s.put(top, 2, name, to_col=8)
    s.put(top + 1, 1, "主管部门及代码")
    s.put(top + 1, 2, unit_code, to_col=4)
    s.put(top + 1, 5, "实施单位")
    s.put(top + 1, 6, unit, to_col=8)
    s.put(top + 2, 1, "项目属性")
    s.put(top + 2, 2, kind, to_col=4)
    s.put(top + 2, 5, "项目期")
    s.put(top + 2, 6, period, to_col=8)
    first = top + 3
    s.put(first, 1, "项目资金\n(万元)", to_row=first + 2)
    labels = (("中期资金总额:", "年度资金总额:"), ("其中:财政拨款", "其中:财政拨款"), ("其他资金", "其他资金"))
    for row, ((left, right), index) in enumerate(zip(labels, range(0, 6, 2)), start=first):
        s.put(row, 2, left, to_col=3)
        s.put(row, 4, money[index])
        s.put(row, 5, right, to_col=6)
        s.put(row, 6 + 1, money[index + 1], to_col=8)
    goal_row = first + 3
    s.put(goal_row, 1, "总 体 目 标", to_row=goal_row + 1)
    s.put(goal_row, 2, goals[0], to_col=4)
    s.put(goal_row, 5, "年度目标", to_col=8)
    s.put(goal_row + 1, 2, goals[1], to_col=4)
    s.put(goal_row + 1, 5, goals[2], to_col=8)
    head = goal_row + 2
    s.put(head, 1, "绩 效 指 标", to_row=head + len(rows))
    for col, text in enumerate(("一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"), start=2):
        s.put(head, col, text)
    merged_indicator_rows(s, head + 1, 2, [(l1, l2, name3, period_value) for l1, l2, name3, period_value, _ in rows])
    for first_index, last_index in _runs([row[:2] for row in rows]):
        s.put(head + 1 + first_index, 6, rows[first_index][1], to_row=head + 1 + last_index)
    for index, (_, _, name3, _, annual) in enumerate(rows):
        s.put(head + 1 + index, 7, name3)
        s.put(head + 1 + index, 8, annual)
    return head + len(rows)


def luan_inspection_2024():
    """安徽 六安市农业农村局2024年农产品质检体系建设和“三品一标”发展项目支出预算绩效目标表 (nyncj.luan.gov.cn/public/
    6608321/10480730.html): the page's title over the budget system's 项目支出绩效目标申报表 ( 2024 年度), 项目责任人(签字):
    | 单位(盖章):, 项目名称 (发展建设类-…, the system's kind before the name, as published), 主管部门及代码 |
    [066]六安市农业农村局 | 实施单位 | 六安市农业农村局, 项目属性 | 常年项目 | 项目期 | 3年, 项目资金 (万元) 中期资金总额: |
    68.50 beside 年度资金总额: | 51.35, 其中:财政拨款 68.50 | 51.35, 其他资金 0.00 | 0.00, 总体目标 中期目标(2024年—2026年)
    | 年度目标 over one text printed twice, then 绩效指标 in two halves with one 一级 column: 产出指标 | 数量指标 | 鉴定校准
    实验室仪器 | ≥57个 | 数量指标 | 鉴定校准实验室仪器 | ≥57个, …, each value the same on both sides. The excerpt ends
    in the second 时效 row (开展质…): that row is completed as 开展质量安全例行监测 | 按季度开展, and the 效益 and 满意度
    rows after it in the kind of such forms (their 中期 value the year's, as every row of the excerpt has it)."""
    s = Sheet("绩效目标表")
    s.put(1, 1, "六安市农业农村局2024年农产品质检体系建设和“三品一标”发展项目支出预算绩效目标表", to_col=8)
    s.put(2, 1, "项目支出绩效目标申报表", to_col=8)
    s.put(3, 1, "( 2024 年度)", to_col=8)
    s.put(4, 1, "项目责任人(签字):", to_col=4)
    s.put(4, 5, "单位(盖章):", to_col=8)
    name, unit = "发展建设类-农产品质检体系建设和“三品一标”发展项目", "六安市农业农村局"
    goal = ("通过项目实施,开展农产品质量安全监测及三品一标工作,实现农产品质量安全得到提升,检测批次达到2批次/千人,"
            "“两强一增”认证总数得到上升。")
    rows = (("产出指标", "数量指标", "鉴定校准实验室仪器", "≥57个", "≥57个"),
            ("产出指标", "数量指标", "购买标准试剂", "≥100个", "≥100个"),
            ("产出指标", "数量指标", "监督抽检批次", "≥100组", "≥100组"),
            ("产出指标", "质量指标", "农产品例行监测合格率", "≥98%", "≥98%"),
            ("产出指标", "质量指标", "农产品监督抽样合格率", "≥98%", "≥98%"),
            ("产出指标", "质量指标", "实验室仪器维修维护", "≥4次", "≥4次"),
            ("产出指标", "时效指标", "检测及时率", "≤7工作日", "≤7工作日"),
            ("产出指标", "时效指标", "开展质量安全例行监测", "按季度开展", "按季度开展"),
            ("效益指标", "社会效益指标", "农产品质量安全水平", "稳步提升", "稳步提升"),
            ("效益指标", "可持续影响指标", "农产品质量安全监管长效机制", "持续健全", "持续健全"),
            ("满意度指标", "服务对象满意度指标", "农产品生产经营主体满意度", "≥90%", "≥90%"))
    _anhui_form(s, 5, name, "[066]" + unit, unit, "常年项目", "3年", ("68.50", "51.35", "68.50", "51.35", "0.00", "0.00"),
                ("中期目标(2024年—2026年)", goal, goal), rows)
    s.ws.column_dimensions["D"].width = 22
    s.ws.column_dimensions["G"].width = 22
    ruled(s, 5)
    return s, {"projects": [{
        "name": name, "unit": unit, "funds": {"total": "51.35", "fiscal": "51.35"}, "goal": goal,
        "indicators": [list(row) for row in rows]}]}


def dehua_poverty_2020():
    """福建 泉州 德化县财政局 德化县农业农村局 关于下达2020年度市级财政扶贫专项资金(第二批扶贫开发项目)的通知
    (cidudehua.net/plus/view.php?aid=4306): the notice (各有关乡镇财政所、农业服务中心:, a paragraph, 附件:1.… 2.… 3.…,
    the two bureaus, the date), then three tables: 附件1 …安排表, 乡镇、村 | 金额 | 建设项目 | 补助金额 over three villages
    (4 each, a sentence of works each) and 合计 | 12 | | 12; 附件2 …任务清单, 项目单位 | 约束性任务 | 备注 over 龙门滩镇 |
    扶持2个村 and 葛坑镇 | 扶持1个村; 附件3 …绩效目标表 turned on its side — 项目单位 merged down a three-row header, 产 出
    指 标 over 质量指标 | 数量指标 | 时效指标 and 效 益 指 标 over 社会效益指标 (two columns), the 三级 in the third row
    (资金投向合规率 | 扶持村数 | 资金使用率 | 指标1:改善村人居环境、改善基础设施 | 指标2:资金使用重大违规违纪问题), then a
    row per 项目单位 with its values. The excerpt ends at the first unit's name (龙门…): the two units' rows are completed
    (the 任务清单's towns, 扶持村数 as it says, the other values in the kind of such tables). The fund is each row's project
    (the table's title names it), the row's 项目单位 its unit; no amount stands in the 绩效目标表 (the 安排表's are the
    villages')."""
    width = 6
    s = Sheet("附件")
    fund = "2020年市级财政专项扶贫资金(第二批扶贫开发项目)"
    notice = ("关于下达2020年度市级财政扶贫专项资金(第二批扶贫开发项目)的通知", "各有关乡镇财政所、农业服务中心:",
              "根据《泉州市财政局 泉州市农业农村局关于下达2020年市级财政专项扶贫资金(第二批扶贫开发项目)的通知》(泉财农"
              "〔2020〕268号)文件精神,现将市级财政专项扶贫资金12万元下达给你们(见附件1),款列“2130599其他扶贫支出”科目,同步"
              "下达任务清单和绩效目标(见附件2、3)。请严格按照《泉州市财政局 泉州市农业农村局关于印发<泉州市市级财政专项扶贫资金"
              "管理暂行规定>的通知》(泉财农〔2019〕149号),加强资金监管,确保专款专用。",
              "附件:1. 2020年市级财政专项扶贫资金(第二批扶贫开发项目)安排表",
              "2. 2020年市级财政专项扶贫资金(第二批扶贫开发项目)任务清单",
              "3. 2020年市级财政专项扶贫资金(第二批扶贫开发项目)绩效目标表",
              "德化县财政局 德化县农业农村局", "2020年10月13日", "附件1")
    for row, text in enumerate(notice, start=1):
        s.put(row, 1, text, to_col=width)
    top = len(notice) + 1
    s.put(top, 1, fund + "安排表", to_col=width)
    head = top + 1
    for col, text, to in ((1, "乡镇、村", 1), (2, "金额", 2), (3, "建设项目", 5), (6, "补助金额", 6)):
        s.put(head, col, text, to_col=to)
    works = (("龙门滩镇霞山村", "4", "修复农田水利设施,修复拦水坝3座,水圳350米。"),
             ("龙门滩镇磻坑村", "4", "新建蓄水池及修复自来水管道,确保饮水安全。"),
             ("葛坑镇邱村村", "4", "后洋至后洋下角长约1公里,宽3.5米的道路硬化。"))
    for row, (village, amount, work) in enumerate(works, start=head + 1):
        s.put(row, 1, village)
        s.put(row, 2, amount)
        s.put(row, 3, work, to_col=5)
        s.put(row, 6, amount)
    total = head + len(works) + 1
    s.put(total, 1, "合计")
    s.put(total, 2, "12")
    s.put(total, 3, None, to_col=5)
    s.put(total, 6, "12")
    second = total + 1
    s.put(second, 1, "附件2", to_col=width)
    s.put(second + 1, 1, fund + "任务清单", to_col=width)
    tasks_head = second + 2
    for col, text in ((1, "项目单位"), (3, "约束性任务"), (5, "备注")):
        s.put(tasks_head, col, text, to_col=col + 1)
    towns = (("龙门滩镇", "扶持2个村", "2个"), ("葛坑镇", "扶持1个村", "1个"))
    for row, (town, task, _) in enumerate(towns, start=tasks_head + 1):
        s.put(row, 1, town, to_col=2)
        s.put(row, 3, task, to_col=4)
        s.put(row, 5, None, to_col=6)
    third = tasks_head + len(towns) + 1
    s.put(third, 1, "附件3", to_col=width)
    s.put(third + 1, 1, fund + "绩效目标表", to_col=width)
    form = third + 2
    s.put(form, 1, "项目单位", to_row=form + 2)
    s.put(form, 2, "产 出 指 标", to_col=4)
    s.put(form, 5, "效 益 指 标", to_col=6)
    for col, text in ((2, "质量指标"), (3, "数量指标"), (4, "时效指标")):
        s.put(form + 1, col, text)
    s.put(form + 1, 5, "社会效益指标", to_col=6)
    columns = (("产出指标", "质量指标", "资金投向合规率"), ("产出指标", "数量指标", "扶持村数"),
               ("产出指标", "时效指标", "资金使用率"), ("效益指标", "社会效益指标", "指标1:改善村人居环境、改善基础设施"),
               ("效益指标", "社会效益指标", "指标2:资金使用重大违规违纪问题"))
    for col, (_, _, name3) in enumerate(columns, start=2):
        s.put(form + 2, col, name3)
    values = {town: ("100%", count, "100%", "有效改善", "无") for town, _, count in towns}
    for row, (town, _, _) in enumerate(towns, start=form + 3):
        s.put(row, 1, town)
        for col, value in enumerate(values[town], start=2):
            s.put(row, col, value)
    s.ws.column_dimensions["A"].width = 18
    ruled(s, head)
    _open(s, (second, second + 1, third, third + 1), width)
    return s, {"projects": [{
        "name": fund, "unit": town, "funds": {}, "goal": None,
        "indicators": [[l1, l2, name3.split(":", 1)[-1], None, value]
                       for (l1, l2, name3), value in zip(columns, values[town])]} for town, _, _ in towns]}


def dehua_agri_2025():
    """福建 泉州 德化县财政局 德化县农业农村局 下达2025年特色现代农业发展资金(第一批) (德财指标〔2025〕454号, www.dehua.gov.cn/
    zwgk/zfxxgkzl/bmzfxxgk/czj/fdzdgknr/202601/t20260106_3250409.htm, whose excerpt ends in the 分配表's 南埕镇 row; the
    rest of the 分配表 and the first form's opening words are in a copy, www.chacewang.com/newsdetail/news920065.html): the
    notice (各乡镇人民政府、相关建设单位:, a paragraph, 附件:1.…6., the two bureaus, the date, (此件主动公开)), then 附件1
    …分配表 over 单位:万元 — 项目单位 乡镇 | 2130122-农业生产发展 over 农作物新品种展示示范项目 | 耕地质量保护与提升项目 |
    乡镇动物防疫员补助 | 2130108-病虫害控制 over 农作物病虫害绿色防控示范片项目 | 专业化统防统治项目 | 农药包装废弃物回收
    处理项目 | 合计, six projects as columns, 农业农村局 | 10 | 18.5 | | 5 | 5 | 4 | 42.5 and eighteen towns with their
    防疫员 money, 合计 | 10 | 18.5 | 23.0 | 5 | 5 | 4 | 65.5 — then 附件2 2025年农作物新品种展示示范专项资金绩效目标表
    (2025年度): 项目名称 | 2025年特色现代农业发展专项资金(农作物新品种展示示范) | 主管部门(单位)名称及部门预算编码 |
    422001-泉州市农业…, where the copy's excerpt ends. The form is completed in the kind of the 泉州 forms (安溪's, round
    5): the unit's name ends 农村局, 资金情况(万元) 资金总额 | 10 | 其中:财政拨款 | 10 | 其他资金 on one row (the 分配表's
    10), a 总体目标 and five indicators; 附件3-6, the other projects' forms, are left out."""
    width = 8
    s = Sheet("附件")
    notice = ("德财指标〔2025〕454号", "各乡镇人民政府、相关建设单位:",
              "根据《泉州市财政局 泉州市农业农村局关于下达2025年特色现代农业发展资金(第三批)的通知》(泉财农指〔2025〕70号)"
              "文件精神,现下达2025年特色现代农业发展资金(第一批)65.5万元(详见附件1),同步下达绩效目标(详见附件2-6)。请按照"
              "《泉州市财政局 泉州市农业农村局关于印发<泉州市市级特色现代农业发展专项资金管理规定>等3个专项资金管理规定的通知》"
              "(泉财规〔2024〕7号),加强资金管理,做好绩效跟踪,确保专款专用。",
              "附件:1.2025年特色现代农业发展资金(第一批)分配表", "2.2025年农作物新品种展示示范专项资金绩效目标表",
              "3.2025年特色现代农业发展资金(耕地质量保护与提升项目)绩效目标表",
              "4.2025年特色现代农业发展资金(乡镇动物防疫员)任务清单及绩效目标表",
              "5.2025年特色现代农业发展资金(农作物重大病虫害监测预警与防控)绩效目标表",
              "6.2025年特色现代农业发展资金(农药使用量零增长减量化行动)绩效目标表",
              "德化县财政局 德化县农业农村局", "2025年12月10日", "(此件主动公开)", "附件1")
    for row, text in enumerate(notice, start=1):
        s.put(row, 1, text, to_col=width)
    top = len(notice) + 1
    s.put(top, 1, "2025年特色现代农业发展资金(第一批)分配表", to_col=width)
    s.put(top + 1, 1, "单位:万元", to_col=width)
    head = top + 2
    s.put(head, 1, "项目\n单位 乡镇", to_row=head + 1)
    s.put(head, 2, "2130122-农业\n生产发展", to_col=4)
    s.put(head, 5, "2130108-病虫害控制", to_col=7)
    s.put(head, 8, "合计", to_row=head + 1)
    for col, text in enumerate(("农作物新品种展示示范项目", "耕地质量保护与提升项目", "乡镇动物防疫员\n补助",
                                "农作物病虫害绿色防控示范片项目", "专业化统防统治\n项目", "农药包装废弃物回收处理\n项目"),
                               start=2):
        s.put(head + 1, col, text)
    bureau = ("农业农村局", "10", "18.5", None, "5", "5", "4", "42.5")
    towns = (("龙浔镇", "1.0"), ("浔中镇", "1.3"), ("三班镇", "1.2"), ("盖德镇", "1.7"), ("龙门滩镇", "1.4"),
             ("雷峰镇", "1.7"), ("南埕镇", "1.4"), ("水口镇", "1.9"), ("美湖镇", "0.9"), ("国宝乡", "0.9"),
             ("赤水镇", "1.8"), ("上涌镇", "2.0"), ("桂阳乡", "1.0"), ("汤头乡", "0.9"), ("葛坑镇", "1.4"),
             ("杨梅乡", "0.8"), ("大铭乡", "0.8"), ("春美乡", "0.9"))
    lines = [bureau] + [(town, None, None, amount, None, None, None, amount) for town, amount in towns]
    lines.append(("合计", "10", "18.5", "23.0", "5", "5", "4", "65.5"))
    for row, line in enumerate(lines, start=head + 2):
        for col, value in enumerate(line, start=1):
            s.put(row, col, value)
    after = head + 2 + len(lines)
    s.put(after, 1, "附件2", to_col=width)
    s.put(after + 1, 1, "2025年农作物新品种展示示范专项资金绩效目标表", to_col=width)
    s.put(after + 2, 1, "(2025年度)", to_col=width)
    form = after + 3
    name, unit = "2025年特色现代农业发展专项资金(农作物新品种展示示范)", "泉州市农业农村局"
    s.put(form, 1, "项目名称")
    s.put(form, 2, name, to_col=4)
    s.put(form, 5, "主管部门(单位)名称及部门预算编码", to_col=6)
    s.put(form, 7, "422001-" + unit, to_col=8)
    s.put(form + 1, 1, "资金情况(万元)")
    for col, value in enumerate(("资金总额", "10", "其中:财政拨款", "10", "其他资金"), start=2):
        s.put(form + 1, col, value)
    s.put(form + 1, 7, None, to_col=8)
    goal = "开展农作物新品种展示示范,引进展示新品种10个以上,筛选适宜本地种植的优良品种,促进良种推广应用。"
    s.put(form + 2, 1, "总 体 目 标")
    s.put(form + 2, 2, goal, to_col=width)
    indicator_head = form + 3
    rows = (("产出指标", "数量指标", "引进展示农作物新品种数", "≥10个"),
            ("产出指标", "质量指标", "展示示范田建设达标率", "100%"),
            ("产出指标", "时效指标", "项目完成时间", "2025年12月底前"),
            ("效益指标", "社会效益指标", "筛选推荐适宜本地种植品种数", "≥3个"),
            ("满意度指标", "服务对象满意度指标", "种植户满意度", "≥90%"))
    s.put(indicator_head, 1, "绩效\n指标", to_row=indicator_head + len(rows))
    for col, text, to in ((2, "一级指标", 2), (3, "二级指标", 3), (4, "三级指标", 6), (7, "指标值", 8)):
        s.put(indicator_head, col, text, to_col=to)
    merged_indicator_rows(s, indicator_head + 1, 2, [row[:3] for row in rows])
    for index, (_, _, name3, value) in enumerate(rows):
        s.put(indicator_head + 1 + index, 4, name3, to_col=6)
        s.put(indicator_head + 1 + index, 7, value, to_col=8)
    s.ws.column_dimensions["A"].width = 14
    ruled(s, head)
    _open(s, (after, after + 1, after + 2), width)
    return s, {"projects": [{
        "name": name, "unit": unit, "funds": {"total": "10", "fiscal": "10"}, "goal": goal,
        "indicators": [[l1, l2, name3, None, value] for l1, l2, name3, value in rows]}]}


def yeji_fitness_2025():
    """安徽 六安 叶集区文化旅游体育局2025年部门项目 (www.ahyeji.gov.cn/public/6596441/25914636.html): the page's
    项目基本信息 of two projects — 1.“文化中心运营专项经费”项目。 (1)项目概述。… (6)年度预算安排。财政拨款634万元。
    (7)绩效目标。… and 2.“文旅体专项经费”项目。 … 财政拨款306.18万元。 … — stand with the form's title 项目支出绩效
    目标表 in the table's first cell, merged across it, then (2025年度), 项目名称 | 快乐健身暖民心建设资金 (a third project,
    whose paragraphs are not on the page) and 主管部门及代码 | [027]六安市叶集区文化旅游体育…, where the excerpt ends.
    The form is completed in the kind of the same system's form of 六安市农业农村局 (luan_inspection_2024, the same
    page layout): its unit 六安市叶集区文化旅游体育局, 新增项目 of 1年, the money (中期 = 年度), the goal printed in
    both halves and seven indicators in two halves."""
    s = Sheet("项目信息")
    paragraphs = (
        "1.“文化中心运营专项经费”项目。 (1)项目概述。主要用于文化中心整体运营。 (2)立项依据。文化中心运行管理需要。 "
        "(3)实施主体。六安市叶集区文化旅游体育局。 (4)起止时间。2025年1月1日-2025年12月31日 (5)项目内容。文化中心运营"
        "主要包括场馆运营费、水电费、特种设备维保和设备维修4部分。维持场馆日常运营,保障文化中心各项活动顺利开展。 (6)年度"
        "预算安排。财政拨款634万元。 (7)绩效目标。项目通过对场馆进行日常运营维护,主要工作为设备维保维修以及部分运转工作"
        "的开展,保障文化中心日常运转,提高社会对场馆的满意度,提高人民群众文化生活的质量。\n"
        "2.“文旅体专项经费”项目。 (1)项目概述。主要用于文化、旅游、广电、体育、文物等专项工作支出。 (2)立项依据。文化、"
        "旅游、广电、体育、文物等工作开展需要。 (3)实施主体。六安市叶集区文化旅游体育局。 (4)起止时间。2025年1月1日-2025年"
        "12月31日 (5)项目内容。主要用于举办群众文化活动及文化惠民活动、发放文化人才补助、应急广播维护、非物质文化遗产保护、"
        "文物保护等支出,保障单位日常工作开展 (6)年度预算安排。财政拨款306.18万元。 (7)绩效目标。完成文化工作主要项目支出,"
        "搞好文化活动等任务,确保文化工作各阶段具体任务的落实。减少文物安全隐患,保护文物安全完整。完成旅游工作一般性支出,"
        "包括旅游会议、旅游推介、参加培训、文明旅游建设等支出,推进区文旅体工作正常开展,保障区博物馆安防项目及应急广播终端"
        "建设项目实施,推动地区文旅体工作质量不断提高。\n项目支出绩效目标表")
    s.put(1, 1, paragraphs, to_col=8)
    s.put(2, 1, "(2025年度)", to_col=8)
    name, unit = "快乐健身暖民心建设资金", "六安市叶集区文化旅游体育局"
    goal = "新建、更新一批全民健身设施,完善15分钟健身圈,满足群众就近健身需求,提升群众健身获得感。"
    rows = (("产出指标", "数量指标", "新建更新全民健身设施点位", "≥12个", "≥12个"),
            ("产出指标", "数量指标", "举办全民健身赛事活动", "≥6场", "≥6场"),
            ("产出指标", "质量指标", "健身设施验收合格率", "100%", "100%"),
            ("产出指标", "时效指标", "项目完成时间", "2025年12月底前", "2025年12月底前"),
            ("效益指标", "社会效益指标", "经常参加体育锻炼人数比例", "≥40%", "≥40%"),
            ("效益指标", "可持续影响指标", "健身设施使用年限", "≥5年", "≥5年"),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "≥90%"))
    _anhui_form(s, 3, name, "[027]" + unit, unit, "新增项目", "1年", ("45.00", "45.00", "45.00", "45.00", "0.00", "0.00"),
                ("中期目标(2025年—2025年)", goal, goal), rows)
    s.ws.column_dimensions["D"].width = 22
    s.ws.column_dimensions["G"].width = 22
    ruled(s, 1)
    return s, {"projects": [{
        "name": name, "unit": unit, "funds": {"total": "45.00", "fiscal": "45.00"}, "goal": goal,
        "indicators": [list(row) for row in rows]}]}


LAYOUTS = {"luan-inspection-2024": luan_inspection_2024, "dehua-poverty-2020": dehua_poverty_2020,
           "dehua-agri-2025": dehua_agri_2025, "yeji-fitness-2025": yeji_fitness_2025}
CONVERTED = {name: (".html", ".pdf") for name in LAYOUTS}


def main(argv: list[str]) -> int:
    """Writes each layout's .xlsx (and the conversions of CONVERTED, by LibreOffice) into round11/, and the facts
    into round11/round11.expected.json."""
    return write_layouts(OUT, LAYOUTS, CONVERTED, "round11.expected.json")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
