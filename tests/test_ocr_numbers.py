"""Published amounts with OCR noise: read when only one number fits, otherwise left empty and noted."""

from decimal import Decimal

import pytest

from src.model import paths
from src.model.amounts import parse_amount
from src.storage.infra.files import open_declaration
from src.storage.recognisers.ocr_numbers import Kind, read_published_amount

# text as printed → (what it is read as, how). Every MENDED/AMBIGUOUS case is written here from the rule
# in ocr_numbers' docstring, not taken from running the code.
CASES = [
    # printed amounts: nothing to note
    ("1,994.32", "1994.32", Kind.PRINTED),
    ("5,922.53", "5922.53", Kind.PRINTED),
    ("1994.32", "1994.32", Kind.PRINTED),
    ("1,234,567.8", "1234567.8", Kind.PRINTED),
    ("０．００", "0.00", Kind.PRINTED),
    ("１，９９４．３２", "1994.32", Kind.PRINTED),
    ("￥12.50", "12.50", Kind.PRINTED),
    ("82.6万元", "82.6", Kind.PRINTED),
    ("-3.00", "-3.00", Kind.PRINTED),
    ("", None, Kind.PRINTED),
    ("—", None, Kind.PRINTED),
    # seed 001: spaces around the comma and the point, a point with nothing after it
    ("1, 994. 32", "1994.32", Kind.MENDED),
    ("1, 777. 04", "1777.04", Kind.MENDED),
    ("3, 908.", "3908", Kind.MENDED),
    ("3, 902. 0", "3902.0", Kind.MENDED),
    ("17. 28", "17.28", Kind.MENDED),
    ("444. 07", "444.07", Kind.MENDED),
    ("0.", "0", Kind.MENDED),
    ("1 , 994 .32", "1994.32", Kind.MENDED),
    ("12, 345, 678. 90", "12345678.90", Kind.MENDED),
    ("- 5. 00", "-5.00", Kind.MENDED),
    # could be more than one number: never guessed
    ("1, 99. 4", None, Kind.AMBIGUOUS),  # a two-digit group after the comma
    ("12 34", None, Kind.AMBIGUOUS),  # a space between digits: a lost comma, a lost point or two numbers
    ("1 994.32", None, Kind.AMBIGUOUS),
    ("1994,32", None, Kind.AMBIGUOUS),  # a decimal comma?
    ("1234,567.00", None, Kind.AMBIGUOUS),  # four digits before a thousands comma
    ("3.9.08", None, Kind.AMBIGUOUS),
    ("1.994,32", None, Kind.AMBIGUOUS),
    ("3,908,", None, Kind.AMBIGUOUS),
    (",908.00", None, Kind.AMBIGUOUS),
    ("17. 2 8", None, Kind.AMBIGUOUS),
    # not an amount at all
    ("1O0.00", None, Kind.NOT_A_NUMBER),
    ("预算金额", None, Kind.NOT_A_NUMBER),
    ("进一步加强或流生。 非诉讼 积 经", None, Kind.NOT_A_NUMBER),
]


@pytest.mark.parametrize(("text", "value", "kind"), CASES)
def test_case_table(text, value, kind):
    reading = read_published_amount(text)
    assert (reading.value, reading.kind) == (None if value is None else Decimal(value), kind)
    if value is not None:
        assert str(reading.value) == value  # the digits printed, no precision added or lost


@pytest.mark.parametrize(("text", "value", "kind"), [c for c in CASES if c[2] is Kind.PRINTED and c[1]])
def test_printed_amounts_read_as_the_typed_parser_reads_them(text, value, kind):
    assert read_published_amount(text).value == parse_amount(text)


def test_numbers_from_a_workbook_cell_are_printed_amounts():
    assert read_published_amount(82.6) == read_published_amount(Decimal("82.6"))
    assert read_published_amount(82.6).value == Decimal("82.6")
    assert read_published_amount(None).kind is Kind.PRINTED and read_published_amount(None).value is None
    assert read_published_amount(True).kind is Kind.NOT_A_NUMBER


def test_notes_name_the_place_and_the_original_text():
    mended = read_published_amount("3, 908.").note("department.budget.fiscal", "财政拨款")
    assert mended.startswith(f"财政拨款（{paths.place_words('department.budget.fiscal')}）：原文“3, 908.”")
    assert "读作 3908.00" in mended and "小数" in mended
    ambiguous = read_published_amount("1, 99. 4").note("projects[2].funds.total", "总计")
    assert ambiguous.startswith(f"总计（{paths.place_words('projects[2].funds.total')}）：原文“1, 99. 4”") and "已留空" in ambiguous
    assert read_published_amount("1,994.32").note("department.budget.basic", "基本支出") is None


def test_typed_amounts_stay_strict():
    """The editor's own parser is unchanged: it is not the place for OCR readings."""
    assert parse_amount("1,485.34") == Decimal("1485.34")
    with pytest.raises(ValueError):
        parse_amount("1O0")


def test_seed_001_amounts_are_read_and_noted(seeds_dir):
    opened = open_declaration(seeds_dir / "001_c3d13636fc9f2b25.txt")
    budget = opened.declaration.department.budget
    assert (budget.basic, budget.project, budget.fiscal) == (Decimal("1994.32"), Decimal("1777.04"), Decimal("3908"))
    assert (budget.other_income, budget.own_level, budget.other_development) == (Decimal("0"), Decimal("3902.0"),
                                                                                 Decimal("136.85"))
    notes = [n for n in opened.notes if "原文“" in n]
    for place, original in [("department.budget.basic", "1, 994. 32"), ("department.budget.fiscal", "3, 908."),
                            ("department.budget.own_level", "3, 902. 0"), ("department.tasks[0].funds", "17. 28")]:
        assert any(f"（{paths.place_words(place)}）：原文“{original}”" in n for n in notes), place
    assert not any(paths.place_words("department.budget.other_development") in n for n in notes)  # printed cleanly
    funds = [task.funds for task in opened.declaration.department.tasks[:5]]
    assert funds == [Decimal("17.28"), Decimal("62.00"), Decimal("6.00"), Decimal("444.07"), Decimal("224.00")]


def test_an_ambiguous_amount_in_a_project_table_is_left_empty(tmp_path):
    path = tmp_path / "项目.txt"
    path.write_text("项目名称\t预算单位\t总计\t财政拨款\t绩效目标\t绩效指标\n"
                    "甲项目\t某单位\t1, 99. 4\t1, 994. 00\t完成工作\t1、产出指标：完成率，年度指标值：100%。\n",
                    encoding="utf-8")
    opened = open_declaration(path)
    funds = opened.declaration.projects[0].funds
    assert (funds.total, funds.fiscal) == (None, Decimal("1994.00"))
    total, fiscal = paths.place_words("projects[0].funds.total"), paths.place_words("projects[0].funds.fiscal")
    assert any(f"（{total}）：原文“1, 99. 4”" in n and "已留空" in n for n in opened.notes)
    assert any(f"（{fiscal}）：原文“1, 994. 00”" in n and "读作 1994.00" in n for n in opened.notes)
