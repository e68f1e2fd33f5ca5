"""Round 5 of the unseen layouts: forms of 内蒙古乌海 (供销), 云南永德 (教育 自评表 in 元), 山西阳泉 (交通, 中期 beside
年度), 安徽霍邱 (two 自评表 on one sheet), 陕西陈仓 (水利, a template's units without numbers), 福建安溪 (水利, a value
column per town), 四川中江 (水利 自评表, 分值 before 年度指标值) and 云南昌宁 (供销 自评表, 年初目标值), made by
tests/data/unseen/round5_layouts.py with the facts each holds (round5/round5.expected.json). Every fact is read
right, or left empty with a note pointing at it; every file opens unless listed in REFUSED with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tests.test_unseen_layouts_more as more
from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration

DATA = Path(__file__).resolve().parent / "data" / "unseen" / "round5"
FACTS = json.loads((DATA / "round5.expected.json").read_text(encoding="utf-8"))
# file → the words its refusal must say.
# A per-project 申报表 is not read from a PDF (pdf_forms: as in round 4).
REFUSED = {"yongde-review-2022.pdf": "不能从 PDF 可靠地读出", "anxi-2022.pdf": "不能从 PDF 可靠地读出",
           "huoqiu-review-2022.pdf": "不能从 PDF 可靠地读出"}
# file → what was read wrong unsaid on the code before round 5's fixes (removed as each is fixed)
XFAIL: dict[str, str] = {}
READ = sorted(p.name for p in DATA.iterdir() if p.suffix in (".xlsx", ".html", ".pdf") and p.name not in REFUSED)


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


def test_a_total_row_is_no_indicator():
    """总分 | 100 | 100 under a 自评表's indicators (中江): the table's end, not an indicator 总分 of value 100."""
    indicators = open_declaration(DATA / "zhongjiang-review-2022.xlsx").declaration.projects[0].indicators
    assert [i.name for i in indicators][-1] == "受益脱贫（含监测对象）户满意度"


@pytest.mark.parametrize("name", ["huoqiu-review-2022.xlsx", "wuhai-2021.xlsx"])
def test_a_units_budget_code_is_no_word_of_its_name(name):
    """031001-霍邱县科学技术局, (433001)乌海市供销合作社联合社: the unit's name without the budget system's code."""
    assert open_declaration(DATA / name).declaration.projects[0].unit in ("霍邱县科学技术局", "乌海市供销合作社联合社")


def test_a_sources_amount_labelled_with_its_count_word():
    """其中：财政拨款数 | 3 (乌海): the fiscal money (it was left empty, said only at the total)."""
    funds = open_declaration(DATA / "wuhai-2021.xlsx").declaration.projects[0].funds
    assert (funds.total, funds.fiscal, funds.other) == (3, 3, 0)


def test_a_comparator_beside_the_direction():
    """指标性质 正向 | 指标方向 = | 目标值 24 | 计量单位 人/次 (乌海): ＝24人/次 (24人/次 was read, the ＝ in a column said
    as unknown); 正向 is still said as no comparator, once for the table (it was said on each of 12 rows)."""
    opened = open_declaration(DATA / "wuhai-2021.xlsx")
    assert opened.declaration.projects[0].indicators[1].annual_value == "＝24人/次"
    assert not any("指标方向" in str(n) for n in opened.notes)
    directions = [str(n) for n in opened.notes if "不是比较符" in str(n)]
    assert len(directions) == 2 and "“正向”" in directions[0] and "“反向”" in directions[1]


@pytest.mark.parametrize("name", ["wuhai-2021.xlsx", "wuhai-2021.html"])
def test_a_number_for_a_unit_leaves_the_value_empty_and_said(name):
    """目标值 44,561 | 计量单位 44,561 (乌海's dates as the budget system's day numbers): no value (＝44561 was read,
    unsaid), said at the value."""
    opened = open_declaration(DATA / name)
    assert opened.declaration.projects[0].indicators[3].annual_value is None
    assert any(n.location == "projects[0].indicators[3].annual_value" and "不是单位" in str(n) for n in opened.notes)


@pytest.mark.parametrize("name", ["yongde-review-2022.xlsx", "yongde-review-2022.html"])
def test_a_two_row_header_is_one_header(name):
    """年度指标值 merged over 指标性质 | 指标值 | 度量单位 in the row under it (永德): one header, the indicators read under
    it (none were: the second row was taken for a second table, said)."""
    opened = open_declaration(DATA / name)
    names = [i.name for i in opened.declaration.projects[0].indicators]
    assert names[:2] == ["学生受资助人数", "营养改善计划覆盖率"]
    assert not any("还有一张绩效指标表" in str(n) for n in opened.notes)


def test_a_footer_row_with_the_total_score_is_no_indicator():
    """其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 under 永德's indicators: the table's end (it was read as an indicator
    无 of value 总分)."""
    indicators = open_declaration(DATA / "yongde-review-2022.xlsx").declaration.projects[0].indicators
    assert [i.name for i in indicators][-1] == "家长满意度"


def test_comparators_as_other_fonts_print_them():
    """指标性质 ≧ | 735 | 人次 and ═ | 100 | % (永德): ≥735人次 and ＝100% (the signs were said as no comparators)."""
    indicators = open_declaration(DATA / "yongde-review-2022.xlsx").declaration.projects[0].indicators
    assert (indicators[0].annual_value, indicators[3].annual_value) == ("≥735人次", "＝100%")


def test_amounts_read_empty_are_said_at_each():
    """年初预算数 blank over 年度资金总额 and 其中：当年财政拨款 (永德): both empty, the one note naming them points at the
    funds (it pointed at the total alone, the 财政拨款 named only in its words)."""
    opened = open_declaration(DATA / "yongde-review-2022.xlsx")
    funds = opened.declaration.projects[0].funds
    assert (funds.total, funds.fiscal) == (None, None)
    assert any(n.location == "projects[0].funds" and "财政拨款" in str(n) for n in opened.notes)


def test_a_special_funds_form_is_no_indicator_library():
    """专项（项目）名称 | 农村饮水安全巩固提升工程专项 (陕西陈仓): a declaration (refused as a 指标库)."""
    assert open_declaration(DATA / "chencang-2020.xlsx").declaration.projects[0].name == "农村饮水安全巩固提升工程专项"


def test_a_templates_unit_without_its_number_is_no_value():
    """指标值 公里 / ≧ % (陈仓's template, its numbers never written in): empty and said (they were read as values)."""
    opened = open_declaration(DATA / "chencang-2020.xlsx")
    assert [i.annual_value for i in opened.declaration.projects[0].indicators] == [None] * 10
    assert sum("只有计量单位" in str(n) for n in opened.notes) == 10


def test_the_target_the_year_began_with_is_the_years_value():
    """年初目标值（A） | 实际完成值（B） | 得分 (昌宁's 自评表): the year's values from 年初目标值 (all 14 were left empty,
    the column said as unknown)."""
    opened = open_declaration(DATA / "changning-review-2022.xlsx")
    assert [i.annual_value for i in opened.declaration.projects[0].indicators][:2] == ["22.8", "180"]
    assert not any("年初目标值" in str(n) for n in opened.notes)


def test_the_years_fiscal_total_of_a_self_evaluation():
    """年度财政资金总额 | 50 | 10 | 20 | 4 under 预算数（A） | 执行数（B） (昌宁): the total 50, the planned one (it was
    left empty, said)."""
    assert open_declaration(DATA / "changning-review-2022.xlsx").declaration.projects[0].funds.total == 50


def test_a_blank_amount_last_in_a_row_of_label_amount_pairs():
    """资金总额 | 100 | 其中：财政拨款 | 100 | 其他资金 | (blank) over 总 体 目 标 (安溪): no other money, and no word of the
    goal under it taken for its amount (said as no amount)."""
    opened = open_declaration(DATA / "anxi-2022.xlsx")
    assert opened.declaration.projects[0].funds.other is None
    assert not any("不是金额" in str(n) for n in opened.notes)
