"""Tables in layouts the readers were not written against (issue 22), each after a form published by another city or
province, filled with made-up content of another sector, with the facts each holds written beside it
(unseen.expected.json) for tests/test_unseen_layouts.py.

    PYTHONPATH=. .venv/bin/python tests/data/unseen/make_unseen_tables.py [--pdf]

The layouts (labels in the order the published form prints them):
  qingshan-2020   武汉市青山区 项目支出绩效目标表 (2020): 资金总额 beside 当年资金总额, 中期目标 | 年度目标, and one indicator
                  table holding the period's and the year's indicators side by side (二级/三级/指标值（长期） | …（年度）).
  qingshan-2021   青山区 绩效目标表 (2021): 项目主管部门, 项目执行单位, 资金情况（万元） with 年度资金总额：16 and
                  其中：上级资金16 written in the cells, 总体目标 over 年度目标, 指标内容.
  wuhu-2019       芜湖市 项目支出绩效目标申报明细表: 项目总预算 (the whole period) beside 项目当年预算, 资金来源 as three
                  labelled columns with their amounts under them, last year's budget and spending beside.
  zhaohua-2021    广元市昭化区 项目支出绩效目标申报表: 年度资金总额 printed as a list of sources (（一）财政拨款小计, 1、一般公共
                  预算…), 一级指标 named 项目完成指标 / 项目效益指标.
  dongguan-2019   东莞市 财政项目支出绩效目标批复表: 中期市财政预算 beside 本年度申请, 中期滚动目标 | 年度目标, the
                  indicator table in two halves (中期 | 年度), 一级指标 named 预期产出指标 / 效果指标.
  shizuishan-2020 石嘴山市 项目绩效目标批复表: one column 项目 indented as a tree (unit, project, 一级, 二级, indicator),
                  指标值, 绩效金额 in 元.
  ezhou-2022      鄂州市 项目支出绩效目标表: 项目预算 as a cost breakdown with two past years' spending, the indicator
                  table headed 一级指标 | 二级指标 | 绩效标准 | 当年预期实现值 whose columns hold 二级 and the name.
  ningxiang-2021  宁乡市 项目绩效目标表: 资金总额及构成 written as one cell of lines (总额：…万元 一、财政拨款：…（其中：
                  上级财政资金：…；本级财政：…）二、自有资金：… 三、其他：…), 长期绩效指标 and 年度绩效指标 tables.
  template-2024   财政部's 部门整体支出绩效目标表 as most provinces print it: 年度主要任务 with 预算金额 over 总额 | 财政拨款 |
                  其他资金 (a two-row header), 年度总体目标, 年度绩效指标; no budget block.
  guangshui-2021  湖北 部门整体支出绩效目标申报表 (广水市): 部门（单位）名称 beside 填报人, 收入构成/支出构成 with 当年金额,
                  two past years' amounts and 占比, 部门职能概述, 年度主要任务, 年度绩效指标.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from project_layouts import (
    dongguan_2019,
    ezhou_2022,
    ningxiang_2021,
    qingshan_2020,
    qingshan_2021,
    shizuishan_2020,
    wuhu_2019,
    zhaohua_2021,
)
from sheets import Sheet, merged_indicator_rows


def guangshui_2021():
    s = Sheet("整体支出")
    s.put(1, 1, "附件2：", to_col=7)
    s.put(2, 1, "部门整体支出绩效目标申报表", to_col=7)
    s.put(3, 1, "填报日期：2024年1月28日", to_col=7)
    s.put(4, 1, "部门（单位）\n名称")
    s.put(4, 2, "广水市卫生健康局", to_col=3)
    s.put(4, 4, "填报人")
    s.put(4, 5, "李明")
    s.put(4, 6, "联系电话")
    s.put(4, 7, "6296906")
    s.put(5, 1, "部门总体\n资金情况\n（单位：万元）", to_row=12)
    s.put(5, 2, "总体资金情况", to_row=6, to_col=3)
    s.put(5, 4, "当年\n金额", to_row=6)
    s.put(5, 5, "近两年收支金额", to_col=6)
    s.put(6, 5, "2022年")
    s.put(6, 6, "2023年")
    s.put(5, 7, "占比", to_row=6)
    s.put(7, 2, "收入构成", to_row=9)
    s.put(10, 2, "支出构成", to_row=12)
    for row, values in enumerate((("财政拨款", "968.19", "901.20", "930.55", "100%"),
                                  ("其他资金", "0.00", "0.00", "0.00", "0%"),
                                  ("合计", "968.19", "901.20", "930.55", "100%"),
                                  ("基本支出", "724.23", "690.10", "701.32", "74.8%"),
                                  ("项目支出", "243.96", "211.10", "229.23", "25.2%"),
                                  ("合计", "968.19", "901.20", "930.55", "100%")), start=7):
        for col, value in enumerate(values, start=3):
            s.put(row, col, value)
    functions = "（一）负责全市卫生健康事业发展规划和政策的组织实施。\n（二）负责疾病预防控制和公共卫生应急管理。"
    s.put(13, 1, "部门职能概述")
    s.put(13, 2, functions, to_col=7)
    s.put(14, 1, "年度主要任务", to_row=16)
    for col, head, to in ((2, "任务名称", 3), (4, "主要内容", 6), (7, "预算金额（万元）", 7)):
        s.put(14, col, head, to_col=to)
    tasks = (("基本公共卫生服务", "为全市居民建立健康档案、开展慢病管理", "180.00"),
             ("疾病预防控制", "开展传染病监测和预防接种", "63.96"))
    for row, (name, content, funds) in enumerate(tasks, start=15):
        s.put(row, 2, name, to_col=3)
        s.put(row, 4, content, to_col=6)
        s.put(row, 7, funds)
    goal = "落实基本公共卫生服务，传染病报告及时率达到100%，居民健康档案建档率达到90%。"
    s.put(17, 1, "年度部门整体支出绩效目标")
    s.put(17, 2, goal, to_col=7)
    s.put(18, 1, "年度绩效指标", to_row=24)
    for col, head, to in ((2, "一级指标", 2), (3, "二级指标", 3), (4, "三级指标", 6), (7, "指标值", 7)):
        s.put(18, col, head, to_col=to)
    rows = (("产出指标", "数量指标", "居民健康档案建档率", "≥90%"),
            ("产出指标", "质量指标", "传染病报告及时率", "100%"),
            ("产出指标", "时效指标", "疫苗接种按时完成率", "≥95%"),
            ("效益指标", "社会效益指标", "孕产妇死亡率", "≤10/10万"),
            ("效益指标", "可持续影响指标", "基层医疗服务能力", "持续提升"),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"))
    merged_indicator_rows(s, 19, 2, rows, value_col=7)
    for index in range(len(rows)):
        s.ws.merge_cells(start_row=19 + index, start_column=4, end_row=19 + index, end_column=6)
    return s, {"department": {
        "name": "广水市卫生健康局", "functions": functions, "overall_goal": goal,
        "budget": {"basic": "724.23", "project": "243.96", "fiscal": "968.19", "other_income": "0.00"},
        "tasks": [[name, content, funds] for name, content, funds in tasks],
        "indicators": [[l1, l2, name, None, value] for l1, l2, name, value in rows]}}


def template_2024():
    s = Sheet("整体")
    s.put(1, 1, "2024年部门整体支出绩效目标表", to_col=8)
    s.put(2, 1, "部门（单位）名称")
    s.put(2, 2, "成都市武侯区交通运输局", to_col=8)
    s.put(3, 1, "年度主要任务", to_row=6)
    s.put(3, 2, "任务名称", to_row=4)
    s.put(3, 3, "主要内容", to_row=4, to_col=5)
    s.put(3, 6, "预算金额（万元）", to_col=8)
    for col, head in enumerate(("总额", "财政拨款", "其他资金"), start=6):
        s.put(4, col, head)
    tasks = (("道路养护", "辖区道路日常养护", "500.00", "450.00", "50.00"),
             ("公交补贴", "发放公交运营补贴", "300.00", "300.00", "0.00"))
    for row, (name, content, total, fiscal, other) in enumerate(tasks, start=5):
        s.put(row, 2, name)
        s.put(row, 3, content, to_col=5)
        for col, amount in enumerate((total, fiscal, other), start=6):
            s.put(row, col, amount)
    goal = "完成辖区道路养护和公交运营补贴发放，道路完好率保持在95%以上。"
    s.put(7, 1, "年度总体目标")
    s.put(7, 2, goal, to_col=8)
    s.put(8, 1, "年度绩效指标", to_row=11)
    for col, head, to in ((2, "一级指标", 2), (3, "二级指标", 3), (4, "三级指标", 4), (5, "指标值", 8)):
        s.put(8, col, head, to_col=to)
    rows = (("产出指标", "数量指标", "养护道路里程", "≥120公里"), ("效益指标", "社会效益指标", "道路完好率", "≥95%"),
            ("满意度指标", "服务对象满意度指标", "市民满意度", "≥85%"))
    for row, values in enumerate(rows, start=9):
        for col, value in enumerate(values, start=2):
            s.put(row, col, value, to_col=8 if col == 5 else col)
    return s, {"department": {
        "name": "成都市武侯区交通运输局", "functions": None, "overall_goal": goal, "budget": {},
        "tasks": [[name, content, total] for name, content, total, _, _ in tasks],
        "indicators": [[l1, l2, name, None, value] for l1, l2, name, value in rows]}}


LAYOUTS = {"qingshan-2020": qingshan_2020, "qingshan-2021": qingshan_2021, "wuhu-2019": wuhu_2019,
           "zhaohua-2021": zhaohua_2021, "dongguan-2019": dongguan_2019, "shizuishan-2020": shizuishan_2020,
           "ezhou-2022": ezhou_2022, "guangshui-2021": guangshui_2021, "ningxiang-2021": ningxiang_2021,
           "template-2024": template_2024}
CONVERTED = {"qingshan-2020": (".html",), "dongguan-2019": (".html",), "guangshui-2021": (".html", ".pdf")}


def main(argv: list[str]) -> int:
    facts = {}
    for name, make in LAYOUTS.items():
        sheet, known = make()
        path = HERE / f"{name}.xlsx"
        sheet.save(path)
        facts[name] = known
        extensions = CONVERTED.get(name, ()) + ((".pdf",) if "--pdf" in argv else ())
        for extension in extensions:
            with tempfile.TemporaryDirectory() as folder:
                subprocess.run(["soffice", "--headless", "--convert-to", extension.lstrip("."), "--outdir", folder,
                                str(path)], check=True, capture_output=True, timeout=120)
                made = Path(folder) / f"{name}{extension}"
                (HERE / made.name).write_bytes(made.read_bytes())
        print(path)
    (HERE / "unseen.expected.json").write_text(json.dumps(facts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
