"""Round 2 of the unseen layouts (issue 22): forms and summary tables after those of 湘潭, 佳县, 大庆, a 四川 范本, 云南's
budget system, a 区 summary in 元 with 功能科目, 财政部's 转移支付区域绩效目标表, a 政府购买服务 form and 湖南's 部门整体
支出 form, made by tests/data/unseen/more_layouts.py with the facts each holds (more/more.expected.json). Every fact
is read right, or left empty with a note pointing at it, or the file is refused saying why. Never a wrong fact
without a note."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration
from tests.test_unseen_layouts import (
    _amount,
    _flat,
    _indicator_problems,
    _wrong,
)

DATA = Path(__file__).resolve().parent / "data" / "unseen" / "more"
FACTS = json.loads((DATA / "more.expected.json").read_text(encoding="utf-8"))
REFUSED = {"sichuan-sample.xlsx"}
PDF_MERGED = {"tongzhou-yuan.pdf"}  # a PDF prints a merged cell once: tested on its own below
READ = sorted(p.name for p in DATA.iterdir() if p.suffix in (".xlsx", ".html", ".pdf") and p.name not in REFUSED | PDF_MERGED)


def problems_of(name: str, data: Path = DATA, expected: dict = FACTS) -> list[str]:
    """Every fact of a file against what was read: wrong with no note pointing at it is a problem."""
    opened = open_declaration(data / name)
    facts = expected[Path(name).stem]
    problems: list[str] = []
    if "department" in facts:
        wanted, read = facts["department"], opened.declaration.department
        problems += _wrong(opened, "department", [(f, _flat(getattr(read, f)), _flat(wanted[f]))
                                                  for f in ("name", "functions", "overall_goal")])
        problems += _wrong(opened, "department.budget", [(key, getattr(read.budget, key), _amount(value))
                                                         for key, value in wanted["budget"].items()])
        if len(read.tasks) != len(wanted["tasks"]):
            problems.append(f"department.tasks: {len(read.tasks)} read, want {len(wanted['tasks'])}")
        problems += _indicator_problems(opened, "department", read.indicators, wanted["indicators"])
        return problems
    projects = opened.declaration.projects
    if len(projects) != len(facts["projects"]):
        return [f"{len(projects)} projects read, want {len(facts['projects'])}: {[p.name for p in projects]}"]
    for index, (project, wanted) in enumerate(zip(projects, facts["projects"])):
        where = f"projects[{index}]"
        problems += _wrong(opened, where, [("name", project.name, wanted["name"]),
                                           ("goal", _flat(project.goal), _flat(wanted["goal"]))])
        if wanted["unit"] is not None:
            problems += _wrong(opened, where, [("unit", project.unit, wanted["unit"])])
        problems += _wrong(opened, f"{where}.funds", [(key, getattr(project.funds, key), _amount(value))
                                                      for key, value in wanted["funds"].items()])
        problems += _indicator_problems(opened, where, project.indicators, wanted["indicators"])
    return problems


@pytest.mark.parametrize("name", READ)
def test_every_fact_is_read_or_noted(name):
    problems = problems_of(name)
    assert not problems, "\n".join(problems + [str(n) for n in open_declaration(DATA / name).notes])


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_unreadable_layout_is_refused_or_noted(name):
    """评价内容 | 绩效内容 | 参考标准 | 绩效目标值: no 一级/三级指标 header; refused saying what was not found, or read
    with every fact right or noted."""
    try:
        problems = problems_of(name)
    except FileProblem as refused:
        assert "没有找到" in str(refused) or "不是" in str(refused), str(refused)
        return
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", ["purchase-2023.xlsx", "daqing-2020.xlsx", "yunnan-summary.xlsx"])
def test_forms_read_whole(name):
    """Forms whose facts all have a place: nothing left empty, nothing for the clerk to check (a header cell merged
    over two columns — 三级指标 — is no second, period's half of the table)."""
    opened = open_declaration(DATA / name)
    assert not problems_of(name)
    assert not [str(n) for n in opened.notes if "左右两组" in str(n) or "需核对" in str(n)
                or ("留空" in str(n) and getattr(n, "location", "") != "projects[0].unit")], opened.notes


def test_the_year_column_of_an_amounts_table():
    """项目 | 上年度预算安排 | 上年度实际执行 | 本年度申请金额: the year's amounts, not last year's (300 was read as 财政拨款);
    合计 over the sources in their column is the total."""
    funds = open_declaration(DATA / "daqing-2020.xlsx").declaration.projects[0].funds
    assert (funds.total, funds.fiscal, funds.other) == (420, 400, 20)


def test_other_sources_side_by_side_are_summed_and_said():
    """资金总额：150 | 财政拨款：120 | 自有资金：10 | 事业收入：0 | 经营性收入：0 | 其他：20, each amount beside its label:
    the other money is 30 (10 was read, and the labels taken for a row of labels over amounts)."""
    opened = open_declaration(DATA / "jiaxian-2016.xlsx")
    funds = opened.declaration.projects[0].funds
    assert (funds.total, funds.fiscal, funds.other) == (150, 120, 30)
    assert any(getattr(n, "location", "") == "projects[0].funds.other" and "自有资金" in str(n) for n in opened.notes)
    assert not any("没有对应的资金栏目" in str(n) for n in opened.notes)


@pytest.mark.parametrize("name", ["xiangtan-2023.xlsx", "transfer-2024.xlsx", "yunnan-summary.xlsx"])
def test_a_declaration_is_no_indicator_library(name):
    """项目支出名称, 转移支付（项目）名称, 单位名称、项目名称: a project's name — the file was refused as a 指标库."""
    assert open_declaration(DATA / name).declaration.projects


def test_a_department_budget_under_its_header_row():
    """湖南: 资金总额 | 一般公共预算 | 政府性基金 | … | 其他 | 基本支出 | 项目支出 over one row of amounts: read under their
    labels, 其他 of the sources the other money; a label with no place in the budget (政府性基金) said at the budget.
    The form was refused before."""
    opened = open_declaration(DATA / "liuyang-2019.xlsx")
    budget = opened.declaration.department.budget
    assert (budget.basic, budget.project, budget.fiscal, budget.other_income) == (
        Decimal("760.30"), Decimal("2100.20"), Decimal("2800.50"), Decimal("60.00"))
    assert any(n.location == "department.budget" and "政府性基金 0" in str(n) for n in opened.notes
               if getattr(n, "location", None))


def test_task_amounts_are_no_department_budget():
    """Guard for the rule above: a task table's 预算金额 over 总额 | 财政拨款 | 其他资金 (a row per task) is no budget
    header (round 1's template-2024 has no budget block)."""
    budget = open_declaration(DATA.parent / "template-2024.xlsx").declaration.department.budget
    assert (budget.fiscal, budget.other_income) == (None, None)


def test_indicator_rows_of_merged_project_cells_in_a_pdf():
    """LibreOffice's PDF of a summary whose project cells are merged down their indicator rows prints each once, in the
    middle of the rows, over a two-row header (预算金额（元） over 合计 | 财政拨款 | 其他资金): the rows with an empty name
    were taken for copies of the header's empty cells and dropped unsaid (2 of 6 indicators read, no note). Now each is
    read as its project's, or said at its row."""
    opened = open_declaration(DATA / "tongzhou-yuan.pdf")
    read = sum(len(project.indicators) for project in opened.declaration.projects)
    said = sum("没有项目名称" in str(note) for note in opened.notes)
    assert read + said == 6 and read >= 5, (read, [str(n) for n in opened.notes])
    assert [len(p.indicators) for p in opened.declaration.projects][1] == 2


def test_unnumbered_items_in_one_cell():
    """产出指标：⏎数量指标：重点人群签约人数≥6万人；⏎质量指标：… — items with no numbering, each ended by ；: every one read
    (only the first was, the rest dropped unsaid), each under the 一级 of the line above it, its value said as unlabelled."""
    project = open_declaration(DATA / "hengzhou-text.xlsx").declaration.projects[0]
    assert [(i.level1, i.level2, i.name, i.annual_value) for i in project.indicators] == [
        ("产出指标", "数量指标", "重点人群签约人数", "≥6万人"), ("产出指标", "质量指标", "签约服务履约率", "≥90%"),
        ("效益指标", "社会效益指标", "重点人群签约率", "≥75%"), ("满意度指标", "服务对象满意度指标", "签约居民满意度", "≥85%")]


def test_a_comparator_column_called_direction():
    """指标方向 | 指标值 | 计量单位 (≥ | 90 | %): the value is ≥90%, not 90% with its comparator column left unread."""
    project = open_declaration(DATA / "deqing-direction.xlsx").declaration.projects[0]
    assert [i.annual_value for i in project.indicators][:3] == ["≥1260个", "≥90%", "≤48小时"]


def test_a_cost_row_named_other_is_no_source(tmp_path):
    """Guard for 其他 as a source's label: a cost breakdown's 其他 row (鄂州's 项目预算) is no other money."""
    from openpyxl import load_workbook

    book = load_workbook(DATA.parent / "ezhou-2022.xlsx")
    book.active["B7"] = "其他"
    book.save(tmp_path / "cost.xlsx")
    funds = open_declaration(tmp_path / "cost.xlsx").declaration.projects[0].funds
    assert funds.other is None
