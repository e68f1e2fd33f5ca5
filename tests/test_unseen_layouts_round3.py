"""Round 3 of the unseen layouts: forms and tables after published pages of 重庆奉节 (审批表 with 分值), 四川井研 (a
summary in 元 with 权重), 湖南岳阳楼区 (整体 with 指标值类型 | 计量单位), 天津宝坻 (中央预算内投资), 广西 (分值 | 指标内容 |
评分细则), 上海 (申报表 and 评审申报表) and a 市 form with two indicator tables, made by
tests/data/unseen/round3_layouts.py with the facts each holds (round3/round3.expected.json). Every fact is read
right, or left empty with a note pointing at it; every file opens. Never a wrong fact without a note."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tests.test_unseen_layouts_more as more
from src.storage.infra.files import open_declaration

DATA = Path(__file__).resolve().parent / "data" / "unseen" / "round3"
FACTS = json.loads((DATA / "round3.expected.json").read_text(encoding="utf-8"))
PDF_MERGED = {"jingyan-2023.pdf"}  # a PDF prints a merged cell once: tested on its own below
READ = sorted(p.name for p in DATA.iterdir() if p.suffix in (".xlsx", ".html", ".pdf") and p.name not in PDF_MERGED)


def problems_of(name: str) -> list[str]:
    return more.problems_of(name, DATA, FACTS)


def _notes(name: str) -> list[str]:
    return [str(note) for note in open_declaration(DATA / name).notes]


@pytest.mark.parametrize("name", READ)
def test_every_fact_is_read_or_noted(name):
    problems = problems_of(name)  # every file of this round opens: a refusal fails here
    assert not problems, "\n".join(problems + _notes(name))


def test_a_side_label_merged_down_the_table_is_no_block():
    """年度绩效目标（90分） merged down the table's left from its header row: no label of the form's next block (the
    table ended at its first row, 0 of 7 indicators read); 项目总预算 380 over 当年年度预算 120: the year's."""
    project = open_declaration(DATA / "fengjie-2023.xlsx").declaration.projects[0]
    assert len(project.indicators) == 7 and project.indicators[0].level1 == "成本指标"
    assert (project.funds.total, project.funds.fiscal, project.funds.other) == (120, 100, 20)


def test_names_in_the_level2_column():
    """一级指标 | 二级指标 | 分值 | 指标内容 | 指标值 with no 三级: the 二级 column names the indicators, 指标内容 explains them
    (the explanations were read as the names, silently); said, no 二级 made up."""
    opened = open_declaration(DATA / "tiandong-2021.xlsx")
    first = opened.declaration.projects[0].indicators[0]
    assert (first.level1, first.level2, first.name, first.annual_value) == ("投入指标", None, "资金到位率", "100%")
    assert any("“二级指标”一栏填的是指标名称" in note for note in map(str, opened.notes))


def test_level1_names_in_the_level2_column():
    """实施效果指标 | 产出指标 | 建设项目个数: the 二级 cell is the 一级 (it was read as the 二级, silently)."""
    opened = open_declaration(DATA / "baodi-2022.xlsx")
    assert [(i.level1, i.level2) for i in opened.declaration.projects[0].indicators][::2] == [
        ("产出指标", None), ("产出指标", None), ("效益指标", None)]
    assert any("二级指标一栏填的是一级指标" in note for note in map(str, opened.notes))


def test_numbered_names_and_two_tables():
    """总目标绩效指标 over 本年度绩效指标, items numbered 1. 2. 3.: the numbers are no part of the names (and the period's
    values find their indicators by name)."""
    indicators = open_declaration(DATA / "ankang-two-tables.xlsx").declaration.projects[0].indicators
    assert [(i.name, i.period_value, i.annual_value) for i in indicators][:2] == [
        ("场馆免费开放天数", "≥900天", "≥300天"), ("公益讲座和展览场次", "≥150场", "≥50场")]


def test_a_unit_price_in_yuan_is_no_form_in_yuan():
    """项目资金（万元） 96 beside a cost table's 单价（元）: 96 万元 (it was divided by 10,000, silently)."""
    funds = open_declaration(DATA / "xuhui-review-2017.xlsx").declaration.projects[0].funds
    assert (funds.total, funds.fiscal, funds.other) == (96, 90, 6)


def test_a_value_type_column_is_no_value():
    """指标值类型 | *指标值 | 计量单位: 定量/定性 is no value (it was read as every 指标值, silently), a required field's *
    no word of a label (*年度总体绩效目标: the form was refused)."""
    department = open_declaration(DATA / "yueyanglou-2023.xlsx").declaration.department
    assert [i.annual_value for i in department.indicators][:5] == ["120万平方米", "≥150件", "≥95%", "≤15个工作日", "≤860万元"]
    assert department.overall_goal and department.functions


def test_numbered_fund_labels_and_a_whole_goal():
    """1、市级财政拨款 | 2、其他资金 and 项目总体绩效目标 (上海): read (the 财政拨款 was left empty, unsaid)."""
    project = open_declaration(DATA / "minhang-2019.xlsx").declaration.projects[0]
    assert (project.funds.fiscal, project.funds.other) == (60, 8.5)
    assert project.goal and project.unit == "上海市闵行区社区服务中心"


def test_indicator_rows_of_merged_project_cells_in_a_pdf():
    """A PDF prints a merged project cell once, in the middle of its rows: each row is its project's or said."""
    opened = open_declaration(DATA / "jingyan-2023.pdf")
    read = sum(len(project.indicators) for project in opened.declaration.projects)
    said = sum(("没有项目名称" in str(note)) for note in opened.notes)
    assert read + said == 8 and read >= 6, (read, [str(n) for n in opened.notes])
    assert [p.name for p in opened.declaration.projects] == ["村级组织运转经费", "农村人居环境整治"]


def test_unit_said_twice_is_said(tmp_path):
    """Guard for the rule above: 单位：元 over a form whose money's label says 万元 — read in 万元, the clash said at the
    funds, not converted in silence either way."""
    from openpyxl import load_workbook

    book = load_workbook(DATA / "minhang-2019.xlsx")
    book.active["A1"] = "上海市财政支出项目绩效目标申报表（金额单位：元）"
    book.save(tmp_path / "clash.xlsx")
    opened = open_declaration(tmp_path / "clash.xlsx")
    assert opened.declaration.projects[0].funds.fiscal == 60
    assert any(getattr(n, "location", "") == "projects[0].funds" and "万元" in str(n) for n in opened.notes)
