"""Round 6 of the unseen layouts: forms of 湖南澧县 (a unit's 部门整体支出 form, its budget split by income and by
spending side by side), 湖南岳阳县 (a 基础设施建设类 form whose amounts are prose, the fiscal cell printed twice over) and
宁夏原州 (a 自评表 with a 指标1 column before each indicator), 安徽黄山 (公安: one table of projects under unit and category
rows, 元 unsaid, indicators under 【一级-二级】 headings in the goal cell) and 安徽宣城 (公安 自评表 with a …… row), made by tests/data/unseen/round6_layouts.py with the facts
each holds (round6/round6.expected.json). Every fact is read right, or left empty with a note pointing at it; every
file opens unless listed in REFUSED with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tests.test_unseen_layouts_more as more
from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration

DATA = Path(__file__).resolve().parent / "data" / "unseen" / "round6"
FACTS = json.loads((DATA / "round6.expected.json").read_text(encoding="utf-8"))
# file → the words its refusal must say. A per-project 申报表 is not read from a PDF (pdf_forms: as in rounds 4, 5).
REFUSED = {"yueyangxian-2022.pdf": "不能从 PDF 可靠地读出"}
# file → what was read wrong unsaid on the code before round 6's fixes (removed as each is fixed)
XFAIL: dict[str, str] = {}
READ = sorted(p.name for p in DATA.iterdir() if p.suffix in (".xlsx", ".ods", ".xls", ".html", ".pdf")
              and p.name not in REFUSED)


def _notes(name: str) -> list[str]:
    return [str(note) for note in open_declaration(DATA / name).notes]


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=XFAIL[n]))
                                  if n in XFAIL else n for n in READ])
def test_every_fact_is_read_or_noted(name):
    problems = more.problems_of(name, DATA, FACTS)  # a refusal fails here
    assert not problems, "\n".join(problems + _notes(name))


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_saying_why(name):
    with pytest.raises(FileProblem) as refused:
        open_declaration(DATA / name)
    assert REFUSED[name] in str(refused.value)


def test_headed_goal_keeps_brackets_of_a_name_and_unknown_headings():
    """项目(工程)验收合格率(100%): the value is the last brackets'; a heading that is no 一级-二级 stays in the goal."""
    from src.storage.recognisers.headed_goal import split_headed_goal
    goal, items = split_headed_goal("【总体目标】\n按期完工\n【实施计划】\n分两期\n【产出指标-质量指标】\n"
                                    "指标1:项目(工程)验收合格率(100%)\n指标2:返工次数")
    assert goal == "按期完工\n【实施计划】分两期"
    assert items == "1、产出指标-质量指标-项目(工程)验收合格率；年度指标值：100%\n2、产出指标-质量指标-返工次数"
    assert split_headed_goal("【总体目标】只有目标") == ("【总体目标】只有目标", None)


def test_unstated_yuan_is_said_and_a_stated_unit_wins():
    """Amounts in 元 with no unit named (黄山): converted and said first; 万元 anywhere above the table: never."""
    opened = open_declaration(DATA / "huangshan-police-2025.xlsx")
    assert any("没有注明金额单位" in str(note) for note in opened.notes[:3])
    from src.storage.containers.sheet_grid import Grid
    from src.storage.recognisers.published import evidently_in_yuan, says_wanyuan
    from decimal import Decimal
    amounts = [Decimal(1681680), Decimal(100000), Decimal(200000)]
    assert not says_wanyuan(Grid("s", [["项目", "金额"]]), 0) and evidently_in_yuan(amounts) == ("200,000", True)
    assert says_wanyuan(Grid("s", [["项目", "金额（万元）"]]), 0)  # the table names its unit: no guess is made
    assert evidently_in_yuan([Decimal("12.5"), Decimal(300000)]) is None
    # 1–10 亿元 a project if 万元: said, not converted; a district's usual amounts: nothing said
    assert evidently_in_yuan([Decimal(50000), Decimal(20000)]) == ("50,000", False)
    assert evidently_in_yuan([Decimal(500), Decimal(120)]) is None


def test_a_row_taller_than_the_page_is_read_whole_and_said_cut():
    """Calc prints a row taller than the page cut at its foot; the rest of the cell's text is in the PDF past the
    page, inside the table's rules: read (2 indicators were lost unsaid), and the page said to run past the paper."""
    opened = open_declaration(DATA / "huangshan-police-2025-cut.pdf")
    assert [i.name for i in opened.declaration.projects[0].indicators][-2:] == ["持续保障社会发展", "提升群众安全感"]
    assert any("第 2 页的表格超出了纸张下边" in str(n) for n in opened.notes)


@pytest.mark.parametrize("name", ["jiayuguan-2023-typed.xlsx", "jiayuguan-2023-typed.ods", "jiayuguan-2023-typed.xls",
                                  "jiayuguan-2023-typed.html"])
def test_a_formula_error_is_no_value_and_is_said(name):
    """=300天 typed into a sheet shows #NAME? (Calc's own save, its .ods, its web page): the value was read as #NAME?
    (.xlsx, web page) or empty (.ods, .xls: calamine empties an error cell), unsaid;
    now it is empty and the cell said, once per merged cell."""
    opened = open_declaration(DATA / name)
    assert opened.declaration.projects[0].indicators[0].annual_value is None
    said = [str(n) for n in opened.notes if "公式错误“#NAME?”" in str(n)]
    assert len(said) == 8 and said[0].startswith("第 14 行第 4 列")
