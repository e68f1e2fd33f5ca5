"""Round 4 of the unseen layouts: department forms and self-evaluation tables of 福建宁德, a department form named only
by its 填报单位（盖章）, a 安徽金寨 form with 指标1： items, a 湖南衡山 自评表 and a 参考模板 with ★ core indicators, and round 3's 岳阳楼区 and 上海 forms printed ruled to PDF,
made by tests/data/unseen/round4_layouts.py with the facts each holds (round4/round4.expected.json). Every fact is
read right, or left empty with a note pointing at it; every file opens unless listed in REFUSED with its reason."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import tests.test_unseen_layouts_more as more
from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration

DATA = Path(__file__).resolve().parent / "data" / "unseen" / "round4"
FACTS = json.loads((DATA / "round4.expected.json").read_text(encoding="utf-8"))
# file → the words its refusal must say. A per-project 申报表 is not read from a PDF (pdf_forms: its clipped texts
# and line breaks misread amounts — minhang-ruled's ≤5元 is printed in the row above its own); a form printed
# without ruling lines runs its rows together (yueyanglou-unruled: *部门（单位）职责*年度总体绩效目标 in one cell).
REFUSED = {"jinzhai-2021.pdf": "不能从 PDF 可靠地读出", "minhang-ruled.pdf": "不能从 PDF 可靠地读出",
           "yueyanglou-unruled.pdf": "栏目名称连在同一格中", "minhang-unruled.pdf": "栏目名称连在同一格中"}
READ = sorted(p.name for p in DATA.iterdir() if p.suffix in (".xlsx", ".html", ".pdf") and p.name not in REFUSED)


def _notes(name: str) -> list[str]:
    return [str(note) for note in open_declaration(DATA / name).notes]


@pytest.mark.parametrize("name", READ)
def test_every_fact_is_read_or_noted(name):
    problems = more.problems_of(name, DATA, FACTS)  # a refusal fails here
    assert not problems, "\n".join(problems + _notes(name))


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_saying_why(name):
    """Refused, and the refusal says why (not only that no table was found)."""
    with pytest.raises(FileProblem) as refused:
        open_declaration(DATA / name)
    assert REFUSED[name] in str(refused.value)


def test_a_task_table_without_a_content_column():
    """年度履职目标 部门职能 | 年度目标任务 | 支出项目名称 | 预算金额（万元） (福建宁德): three tasks by their 年度目标任务 with
    their amounts (none was read, unsaid); the columns with no place in a task said."""
    opened = open_declaration(DATA / "ningde-2019.xlsx")
    tasks = opened.declaration.department.tasks
    assert [(t.name, t.funds) for t in tasks][1] == ("举办全区全民健身运动会", 90)
    assert any("“部门职能”“支出项目名称”" in str(n) for n in opened.notes)


@pytest.mark.parametrize("name", ["ningde-review-2018.xlsx", "ningde-review-2018.pdf", "hengshan-review-2020.xlsx"])
def test_a_self_evaluation_gives_its_plan(name):
    """A 自评表's goal under 预期目标 / 年初设定目标 (the heading was read as the goal, or the form refused), each
    indicator's planned value, not the achieved one; the results said as not imported."""
    opened = open_declaration(DATA / name)
    assert any(str(n).startswith("这是一张") and "自评表" in str(n) and "未导入" in str(n) for n in opened.notes)


def test_a_core_indicator_mark_is_no_word_of_its_name():
    names = [i.name for i in open_declaration(DATA / "starred-template.xlsx").declaration.projects[0].indicators]
    assert names[:2] == ["农村低保发放人数", "临时救助人次"]


@pytest.mark.parametrize("name", ["stamped-unit-2019.xlsx", "stamped-unit-2019.pdf"])
def test_a_department_named_over_its_form(name):
    """填报单位（盖章）：… over a form with 部门整体支出绩效目标 and no 部门名称 row: the department (it was refused as a
    指标库)."""
    department = open_declaration(DATA / name).declaration.department
    assert department.name == "某县农业农村局" and len(department.indicators) == 7


def test_a_blank_amount_beside_its_label_is_none():
    """其他资金 | (blank) over 年度目标 | 目标1：…: none, not the goal taken for its amount and said as no amount."""
    opened = open_declaration(DATA / "jinzhai-2021.xlsx")
    assert opened.declaration.projects[0].funds.other is None
    assert not any("不是金额" in str(n) for n in opened.notes)


def test_the_upper_levels_money_of_a_county_form():
    """全年预算数（A） | 全年执行数（B） over 其中：中央、省、市补助县级资金: the fiscal money from the year's budget column,
    said (it was left empty, and the blank 其他资金 took the goal's heading under it)."""
    opened = open_declaration(DATA / "hengshan-review-2020.xlsx")
    funds = opened.declaration.projects[0].funds
    assert (funds.total, funds.fiscal, funds.other) == (Decimal("194.9"), Decimal("194.9"), None)
    assert any("中央、省、市补助县级资金" in str(n) for n in opened.notes)
    assert not any("年初设定目标" in str(n) for n in opened.notes)
