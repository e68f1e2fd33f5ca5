"""Indicator values understood: free text → comparator + number + unit, or qualitative.

Chinese statistical usage (DOMAIN.md): 以上/不少于/不低于/至少 include the number (≥),
以下/不超过/不高于 include it (≤), 低于/少于 exclude it (＜), 超过/高于 exclude it (＞).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache

from .framework import placeholders
from .markup import has_markup

GE, GT, EQ, LT, LE = "≥", "＞", "＝", "＜", "≤"


class ValueKind(StrEnum):
    QUANTITATIVE = "quantitative"  # comparator + number + unit: ≥ 2000 次
    QUALITATIVE = "qualitative"  # words only: 及时, 明显提高
    EMPTY = "empty"
    PLACEHOLDER = "placeholder"  # XX, ***, 待定 (framework.json): a target still to be written


_NORMALISE = str.maketrans(
    "０１２３４５６７８９．％，：；（）＞＜＝",
    "0123456789.%,:;()><=",
)
_SYMBOLS = [(">=", GE), ("≥", GE), ("≧", GE), ("<=", LE), ("≤", LE), ("≦", LE),
            (">", GT), ("<", LT), ("=", EQ)]
# Words before the number, longest first so 不少于 wins over 少于.
_PREFIX_WORDS = [
    ("不少于", GE), ("不低于", GE), ("不小于", GE), ("不少", GE), ("至少", GE), ("大于等于", GE),
    ("不超过", LE), ("不高于", LE), ("不大于", LE), ("最多", LE), ("控制在", None), ("小于等于", LE),
    ("低于", LT), ("少于", LT), ("小于", LT), ("超过", GT), ("高于", GT), ("大于", GT),
    ("达到", GE), ("达", GE),
]
# Words after the number (and its unit).
# An arrow after the number is one more way of writing 以上/以下 (seed 002: ≥216↑), never a unit.
_SUFFIX_WORDS = [("及以上", GE), ("以上", GE), ("及以下", LE), ("以下", LE), ("以内", LE), ("之内", LE),
                 ("↑", GE), ("↓", LE)]
# Longest first, so 场次 wins over 场 and 万元 over 万.
_KNOWN_UNITS = sorted(
    ["%", "‰", "次", "场次", "场", "人次", "人", "个", "件", "宗", "期", "批次", "批", "份", "家", "项", "小时", "天", "日", "个月", "月", "年", "户", "元", "万元", "所", "篇", "条", "台", "套", "册", "本", "名", "位", "课时", "学时", "工作日", "分", "岁", "平方米", "米", "公里", "间", "处", "张", "辆", "周", "班", "组", "类", "部", "起", "单"],
    key=len, reverse=True,
)
# Units seen standing alone in a 计量单位 column (the bundled libraries' and the bureaus'), beyond those a value's
# number is read with: kept apart so that adding them changes no reading of a written value.
_MORE_UNITS = ["亩", "公顷", "平米", "立方米", "公斤", "吨", "千克", "种", "座", "架", "倍", "粒", "株", "棵", "头", "只",
               "床", "盏", "户次", "家次", "人日", "人天", "km", "kg"]
_UNIT_WORD = "|".join(re.escape(unit) for unit in sorted({*_KNOWN_UNITS, *_MORE_UNITS}, key=len, reverse=True))
# A unit alone: 人次, 万元, 元/人, 台/件/辆/套, （%）; a magnitude (万, 亿) may go before any of them.
_BARE_UNIT = re.compile(rf"[(\[]?((?:[万亿千百]?(?:{_UNIT_WORD}))(?:[/、](?:[万亿千百]?(?:{_UNIT_WORD})))*)[)\]]?")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")
_CHINESE_DIGITS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_CHINESE_COUNT = re.compile(r"([一两二三四五六七八九十])(次|场|个|人|期|批|件|项|份|家|宗|场次|人次)")
_UNIT_STOP = re.compile(r"[\s,.;:!?()+\-/，。；：、！？\"“”'‘’以及↑↓]|左右")


@dataclass(frozen=True)
class ValueReading:
    """How an indicator value reads. number is None unless quantitative.

    floor/ceiling/percent are computed once here because the checks ask them for every indicator.
    """

    kind: ValueKind
    comparator: str | None = None
    number: Decimal | None = None
    unit: str = ""
    # The text as the systems spell it (≥ for >=, % for ％), None when it is spelled so already; read
    # here, once per distinct text, because the checks look at it for every value.
    respelled: str | None = field(default=None, compare=False)
    markup: bool = field(default=False, compare=False)  # <p>, &nbsp; left in the text (markup.py)
    floor: bool = field(init=False, default=False)
    ceiling: bool = field(init=False, default=False)
    percent: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "floor", self.comparator in (GE, GT))
        object.__setattr__(self, "ceiling", self.comparator in (LE, LT))
        object.__setattr__(self, "percent", self.unit in ("%", "‰"))

    @property
    def is_quantitative(self) -> bool:
        return self.kind is ValueKind.QUANTITATIVE

    def describe(self) -> str:
        """The reading in the words the editor shows: '≥ 2000 次', '定性指标'."""
        if self.kind is ValueKind.QUANTITATIVE:
            number = format(self.number, "f")
            return f"{self.comparator} {number}{(' ' + self.unit) if self.unit and not self.percent else self.unit}"
        if self.kind is ValueKind.QUALITATIVE:
            return "定性指标"
        if self.kind is ValueKind.PLACEHOLDER:
            return "占位符，未填写实际值"
        return "未填写"


EMPTY = ValueReading(ValueKind.EMPTY)


@lru_cache(maxsize=65536)
def parse_value(text: str | None) -> ValueReading:
    """Read an indicator value. Never raises; anything unreadable is qualitative."""
    if text is None:
        return EMPTY
    reading = _read(str(text))
    markup = has_markup(text)
    respelled = respell(text) if reading.kind is ValueKind.QUANTITATIVE and not markup else None
    if respelled is not None:
        # Offered only where it reads as the same target: a respelling never changes what the value says.
        again = _read(respelled)
        if (again.comparator, again.number, again.unit) != (reading.comparator, reading.number, reading.unit):
            respelled = None
    if markup or respelled is not None:
        return replace(reading, respelled=respelled, markup=markup)
    return reading


def bare_unit(text: str | None) -> str | None:
    """The unit when text is nothing but a unit (`%`, `人次`, `万元`, `元/人`, `（%）`), else None. A column that
    holds a target or its unit tells them apart by this: a qualitative target (`及时`, `显著提升`) is no unit."""
    normal = (text or "").translate(_NORMALISE).replace(" ", "").replace("\u3000", "")
    match = _BARE_UNIT.fullmatch(normal)
    return match.group(1) if match else None


def _read(text: str) -> ValueReading:
    normal = text.translate(_NORMALISE)
    normal = re.sub(r"<[^>]{0,20}>", "", normal).strip()
    if not normal:
        return EMPTY
    compact = normal.replace(" ", "")
    if compact in placeholders() or re.fullmatch(r"[*xX×]+", compact):
        return ValueReading(ValueKind.PLACEHOLDER)
    normal = _CHINESE_COUNT.sub(lambda m: f"{_CHINESE_DIGITS[m.group(1)]}{m.group(2)}", normal)
    match = _NUMBER.search(normal)
    if match is None:
        return ValueReading(ValueKind.QUALITATIVE)
    try:
        number = Decimal(match.group(0).replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only matches decimals
        return ValueReading(ValueKind.QUALITATIVE)
    before = normal[: match.start()].replace(" ", "")
    after = normal[match.end():].lstrip()
    if after.startswith("+"):
        return ValueReading(ValueKind.QUALITATIVE)  # "8+46个示范性…工作站建设": a description, not a target
    unit = _unit_at(after)
    rest = after[len(unit):].lstrip()
    comparator = _comparator_before(before)
    suffix = _comparator_after(rest)
    if suffix is not None:
        comparator = suffix
    return ValueReading(ValueKind.QUANTITATIVE, comparator or EQ, number, unit.strip())


# Comparators and units as typed on a keyboard or by a full-width input method → as the systems write
# them: the six comparators ≥ ＞ ＝ ＜ ≤ (DOMAIN.md), half-width digits, %.
_RESPELLINGS = (
    (re.compile(r"[>＞]\s*[=＝]|≧"), GE),
    (re.compile(r"[<＜]\s*[=＝]|≦"), LE),
    (re.compile(r"(?<![=＝])>(?=\s*[0-9０-９])"), GT),
    (re.compile(r"(?<![=＝])<(?=\s*[0-9０-９])"), LT),
)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９％", "0123456789%")
_FULL_WIDTH_POINT = re.compile(r"(?<=[0-9])．(?=[0-9])")


def respell(text: str) -> str | None:
    """The value spelled as the systems spell it ('>=90%' → '≥90%', '９５％' → '95%'), or None when it is
    already. Text with markup is left to the markup fix first: a '<p>' is no comparator."""
    spelled = text.translate(_FULL_WIDTH)
    spelled = _FULL_WIDTH_POINT.sub(".", spelled)
    for pattern, comparator in _RESPELLINGS:
        spelled = pattern.sub(comparator, spelled)
    return spelled if spelled != text else None


def _unit_at(after: str) -> str:
    for unit in _KNOWN_UNITS:
        if after.startswith(unit):
            return unit
    stop = _UNIT_STOP.search(after)
    return (after[: stop.start()] if stop else after)[:4]


def _comparator_before(before: str) -> str | None:
    for symbol, comparator in _SYMBOLS:
        if before.endswith(symbol):
            return comparator
    # The word closest to the number counts: 每年不少于 → 不少于, 控制在 → decided by 以下.
    best: tuple[int, str | None] | None = None
    for word, comparator in _PREFIX_WORDS:
        position = before.rfind(word)
        if position >= 0:
            end = position + len(word)
            if best is None or end > best[0]:
                best = (end, comparator)
    if best is not None and len(before) - best[0] <= 4:
        return best[1]
    return None


def _comparator_after(rest: str) -> str | None:
    for word, comparator in _SUFFIX_WORDS:
        if rest.startswith(word):
            return comparator
    return None
