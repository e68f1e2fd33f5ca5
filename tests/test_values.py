"""Indicator values: every value written in the seeds reads the way DOMAIN.md says it should."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from src.model.values import EQ, GE, GT, LE, LT, parse_value

# (text, comparator, number, unit) straight from DOMAIN.md's list of values and its word rules.
DOMAIN_VALUES = [
    ("≥95%", GE, "95", "%"), ("≥8", GE, "8", ""), ("≥216个", GE, "216", "个"), ("100%", EQ, "100", "%"),
    ("0%", EQ, "0", "%"), ("≤2‰", LE, "2", "‰"), ("12人", EQ, "12", "人"), ("年均12人", EQ, "12", "人"),
    ("1次", EQ, "1", "次"), ("1期", EQ, "1", "期"), ("不少于2000次", GE, "2000", "次"), ("不少200件", GE, "200", "件"),
    ("不低于85%", GE, "85", "%"), ("达到100%", GE, "100", "%"), ("达90%以上", GE, "90", "%"),
    ("50次以上", GE, "50", "次"), ("共160个以上", GE, "160", "个"), ("每年不少于400宗", GE, "400", "宗"),
    ("全年不少于2场", GE, "2", "场"), ("每个司法所每季度至少举行1场", GE, "1", "场"),
    ("控制在2%以下", LE, "2", "%"), ("1%以下", LE, "1", "%"), ("15%以下", LE, "15", "%"), ("不超过5%", LE, "5", "%"),
    ("低于10%", LT, "10", "%"), ("少于5次", LT, "5", "次"), ("超过3次", GT, "3", "次"), ("高于90%", GT, "90", "%"),
    ("不高于5%", LE, "5", "%"), ("＞80%", GT, "80", "%"), ("＜ 3 次", LT, "3", "次"), ("＝１００％", EQ, "100", "%"),
    (">=90%", GE, "90", "%"), ("<=5", LE, "5", ""), ("≥97.5%", GE, "97.5", "%"), ("≥1,500件", GE, "1500", "件"),
]
QUALITATIVE = ["及时", "达标", "符合财务规范", "符合规范", "正常运作", "良好以上", "评估达标", "长期", "合格以上",
               "通过考核", "等级为\"合格\"以上", "力争正增长", "在法定期限内处理投诉工作"]

# Every other value the seed tables contain (000, 001, 002, 003), grouped by the rule that decides its
# reading. The readings are specified here from DOMAIN.md's rules and what the seeds' tables mean — written
# before looking at the parser's output, not recorded from it; where the parser read otherwise, the parser
# was fixed (↑ was taken for a unit).
SEED_READINGS = [
    # DOMAIN.md: "a number without unit" (seed 001's columns, OCR'd): the target is that number exactly.
    ("a bare number is an exact target", "＝", ["8 → 8", "96 → 96", "4 → 4", "95 → 95", "0 → 0"]),
    # DOMAIN.md's `12人`, `1次`, `1期`: a number and its unit, no word, is an exact target.
    ("number and unit is an exact target", "＝",
     ["10份 → 10 份", "20批次 → 20 批次", "10次 → 10 次", "2次 → 2 次", "160人次 → 160 人次", "800宗 → 800 宗",
      "95% → 95%", "90% → 90%", "400人次 → 400 人次", "800人次 → 800 人次", "1场次 → 1 场次", "1个 → 1 个",
      "3人 → 3 人", "5人 → 5 人"]),
    # DOMAIN.md's `年均12人`: 年均 says over which time, not how the target compares.
    ("年均 is a time, not a comparison", "＝", ["年均3人 → 3 人"]),
    # The seeds repeat the indicator's name before its target (覆盖率100% under the indicator 覆盖率): the name
    # is no comparison word, the target is exact.
    ("the name repeated before an exact target", "＝",
     ["覆盖率100% → 100%", "制度牌上墙率100% → 100%", "法定期限办结率100% → 100%", "完成率100% → 100%",
      "社区矫正对象监管率100% → 100%", "初审合格率100% → 100%", "提供法律帮助率100% → 100%",
      "为符合条件的援助对象提供法律援助率100% → 100%", "及时完成率100% → 100%", "创建率100% → 100%",
      "完成上级下发的创建要求, 创建率100% → 100%"]),
    # DOMAIN.md: 以上/不少于/不低于/至少 include the number (≥); its list has `不少200件` (不少 = 不少于) and
    # `达到100%`, `达90%以上` (达/达到: reach at least).
    ("以上, 不少(于), 不低于, 达: at least", "≥",
     ["30次以上 → 30 次", "10000次以上 → 10000 次", "不少于1000次 → 1000 次", "不少于3500次 → 3500 次",
      "不低于90% → 90%", "不低于60% → 60%", "90%以上 → 90%", "1次以上 → 1 次", "5次以上 → 5 次",
      "不少于5次 → 5 次", "不少于80件 → 80 件", "不少于10次 → 10 次", "不少10件 → 10 件", "达90% → 90%",
      "不少于5件 → 5 件", "不少于20件 → 20 件", "不少于20次 → 20 次", "不少于15件 → 15 件",
      "每个居委调委会调解员不少于3人 → 3 人", "调解协议履行率达100% → 100%", "达100% → 100%",
      "公职人员统一学法考试参考率不低于85%、及格率不低于85% → 85%"]),
    # The systems' own comparator (DOMAIN.md: six comparators); 年均 again only says over which time.
    ("the comparator as the systems write it", "≥",
     ["≥1 → 1", "≥95 → 95", "≥90% → 90%", "≥80% → 80%", "≥85% → 85%", "≥55 → 55", "≥70 → 70", "≥300 → 300",
      "≥100 → 100", "≥21场 → 21 场", "≥1次 → 1 次", "≥2次 → 2 次", "≥1场次 → 1 场次", "≥2场次 → 2 场次",
      "≥1场 → 1 场", "≥5个 → 5 个", "≥3500次 → 3500 次", "≥30件 → 30 件", "≥1500件 → 1500 件",
      "年均≥1场次 → 1 场次"]),
    # Seed 002 writes `≥216↑`: the arrow is a second way of saying "or more", not a unit.
    ("↑ after the number says or more", "≥", ["≥216↑ → 216", "216↑ → 216"]),
    # DOMAIN.md: 以下/控制在…以下 include the number (≤).
    ("以下: at most", "≤", ["控制在1%以下 → 1%"]),
    # Two targets in one value: the first is the indicator's (the second belongs to another indicator the
    # clerk folded in: 办结率 beside 件数).
    ("two targets: the first counts", "≥", ["不少200件，办结率达90%以上 → 200 件"]),
    # 两 is the number 2 (Chinese numerals before a counting unit); 项目评估达标 is a second, qualitative aim.
    ("a Chinese numeral before its unit", "＝", ["每年组织两次评估, 项目评估达标 → 2 次"]),
]
# DOMAIN.md's qualitative list (及时, 达标, 符合规范, 评估达标…): words without a number are 定性. The last
# group names a quantity but gives no number: still words without a number, left to the value checks.
SEED_QUALITATIVE = [
    "符合文件标准", "正常运行", "运行良好，评估达标", "项目运行良好，评估达标", "项目运行良好, 评估达标",
    "落实公法中心一楼综合岗的值班", "“两类”人员未发生影响重大的恶性事件", "以法律援助当事人申请为标准指派律师",
    "运行服务评估达标", "符合补贴支付标准", "符合标准", "符合广东省法律援助机构基础设施建设标准, 窗口建设达标",
    # 8+46 counts the stations the text is about; it sets no target for them.
    "加强对8+46个示范性公共法律服务工作站（室）建设",
    "当年指派律师人数", "法律援助案件全年受援人数", "全年受援人数",
]
# DOMAIN.md: `*`, `XX` are placeholders; seed 001 has `控制数` in the 实施周期 column where a value belongs.
SEED_PLACEHOLDERS = ["控制数", "*", "XX"]

SEED_VALUES = {text: f"{comparator} {reading}"
               for _rule, comparator, cases in SEED_READINGS for text, reading in (c.split(" → ") for c in cases)}
SEED_VALUES |= {text: "定性指标" for text in SEED_QUALITATIVE}
SEED_VALUES |= {text: "占位符，未填写实际值" for text in SEED_PLACEHOLDERS}


@pytest.mark.parametrize("text, comparator, number, unit", DOMAIN_VALUES)
def test_domain_values_read_as_comparator_number_unit(text, comparator, number, unit):
    reading = parse_value(text)
    assert reading.is_quantitative
    assert (reading.comparator, reading.number, reading.unit) == (comparator, Decimal(number), unit)


@pytest.mark.parametrize("text", QUALITATIVE)
def test_qualitative_values_are_marked_qualitative(text):
    reading = parse_value(text)
    assert reading.kind == "qualitative"
    assert reading.describe() == "定性指标"


@pytest.mark.parametrize("text, shown", sorted(SEED_VALUES.items()))
def test_every_seed_value_reads_right(text, shown):
    assert parse_value(text).describe() == shown


def test_every_value_in_the_example_tables_is_in_the_reading_table(examples_dir):
    """The table above must not fall behind the seeds: each value the importer finds is listed."""
    from src.storage.infra.files import open_declaration

    known = set(SEED_VALUES) | {t for t, *_ in DOMAIN_VALUES} | set(QUALITATIVE) | {"1", "100%", "0%"}
    missing = set()
    for path in sorted(examples_dir.glob("*.xlsx")):
        declaration = open_declaration(path).declaration
        indicators = declaration.department.indicators + [i for p in declaration.projects for i in p.indicators]
        for indicator in indicators:
            missing |= {v for v in (indicator.period_value, indicator.annual_value) if v and v not in known}
    assert not missing


def test_empty_and_blank_values_read_as_empty():
    assert parse_value(None).kind == "empty"
    assert parse_value("   ").kind == "empty"
    assert parse_value("<p></p>").kind == "empty"


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80))
def test_parser_never_raises_on_arbitrary_text(text):
    reading = parse_value(text)
    assert reading.kind in ("quantitative", "qualitative", "empty", "placeholder")
    assert isinstance(reading.describe(), str)
    if reading.is_quantitative:
        assert reading.number is not None and reading.comparator in (GE, GT, EQ, LT, LE)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["不少于", "不低于", "至少", "≥"]), st.integers(0, 10**6), st.sampled_from(["次", "件", "%", "人次", ""]))
def test_floor_words_give_at_least(word, number, unit):
    reading = parse_value(f"{word}{number}{unit}")
    assert (reading.comparator, reading.number, reading.unit) == (GE, Decimal(number), unit)
