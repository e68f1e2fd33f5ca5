"""What a cell's text is shaped like, so that no field takes text that is evidently another field's (issue 22, item 3).

A table whose cells came apart — a PDF whose rows were too low for their text, a paste one column off — puts one
field's text in another's place: a piece of the numbered indicator text where a unit's name belongs, a goal's
sentence in the name column, amounts in 实施周期. The shapes are written from what the published tables' fields
hold (tests/data, the seeds, bench/generate.py's vocabulary):

- 项目名称 is a name of what the money is for: `天河区司法局政法网设备运维项目(2022-2025年)`, `穗财政【2023】79号专职人民调解
  服务项目经费`, `一村（社区）一法律顾问项目经费（区级）` — brackets, digits, a `%` or a `：` may stand in it, an
  indicator's labels never do, nor is it a number alone;
- 预算单位 and 部门 are organisations' names (`区司法局本级`, `广州市番禺区法规咨询办公室`, `广州市天河区司法局`): no
  sentence's punctuation either, and never ending as a project's does (…经费, …资金, …项目);
- 实施周期 is years or dates (`2022-2025`, `2022年1月-2023年12月`, `长期`), no amount;
- the indicator text is numbered items with level names and labelled values (`1、1-产出指标：11-数量指标：…；
  实施周期指标值:100%；年度指标值:100%。`), and only the 绩效指标 column holds it;
- 绩效目标, 部门职能概述 and a task's text are prose: sentences (a task's name may be one too, 海珠's are).

Pure functions on strings, each a precompiled pattern or two: they run on every project row's name, unit and
period, and most texts fail the first cheap test. project_rows.py says what a row whose name has another field's
shape is, and writes the notes.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Iterable

from ...model import framework

INDICATOR = "绩效指标的文字"
LABELLED = "“名称：值”式的列表"
PROSE = "叙述性的文字"
NUMBER = "数字"
AMOUNT = "金额"
PROJECT_NAME = "项目名称"
TOTAL_LABEL = "合计行的文字"
ORGANISATION = "单位或部门的名称"
DATE = "年份或日期"

# The values' labels (年度指标值, 实施周期指标值: only indicator text has them), a level before its item
# (产出指标：, 数量指标:, or a fragment of one: 量指标:), an item numbered with its 一级 (1、产出…, 2. 1-效益…) and
# 天河's codes (1-产出指标, 11-数量指标).
_INDICATOR_LABEL = re.compile(r"指\s*标\s*(?:值|[:：])")
_INDICATOR_ITEM = re.compile(
    r"(?:^|[。；;])\s*\d{1,2}\s*[、.．]\s*(?:\d{1,2}\s*[-－—]\s*)?(?:产出|效益|满意度|成本)"
    r"|(?<!\d)\d{1,2}\s*[-－—]\s*(?:产出|效益|满意度|成本|数量|质量|时效|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)")
_ITEM_MARKS = re.compile(r"\d\s*[、.．\-－—]")
_LEVEL_ENDS = ("指标", "效益", "影响", "满意度")
_LEVEL_STARTS = ("一级指标", "二级指标", "三级指标")
# A level's name alone (效益指标, 11-数量指标, 一级指标产出指标 where a reading ran a header into its cell).
_LEVEL_HEADER = re.compile(r"^[一二三]级指标")
_SEPARATOR = re.compile(r"[；;]")
_LABELLED_PART = re.compile(r"\s*[^：:；;，,。]{1,16}?\s*[:：]\s*\S")
# A sentence: its end (。！？), or a clause's comma or semicolon in a text longer than any name; a comma between
# digits is a thousands comma.
_SENTENCE_END = re.compile(r"[。！？!?]")
_CLAUSE = re.compile(r"[，；;]|,(?!\d{3}(?!\d))")
_LONGEST_NAME_WITH_CLAUSE = 15  # 区司法局本级，区法律援助处: two units in one cell is still names
# Digits and what amounts, years and dates write around them: nothing a name is made of.
_NUMBER = re.compile(r"^[\s\d.,，．、:：%％+\-－—~～/()（）¥￥年月日度万元]*\d[\s\d.,，．、:：%％+\-－—~～/()（）¥￥年月日度万元]*$")
# What the names of departments and units end with (局, 处, 所, 中心, 办公室, 本级…); projects end with what the
# money is for (经费, 项目, 补贴, 服务…).
_ORGANISATION_ENDS = ("局", "处", "所", "室", "中心", "委员会", "委", "办", "院", "站", "队", "馆", "会", "本级", "厅", "部",
                      "署", "庭", "科", "股", "团", "公司", "政府", "街道", "镇", "乡")
_PLACE_END = ("省", "市", "区", "县")
# What a project's name ends with and no unit's does: what the money is (经费, 维护费, 补贴资金, 服务项目).
_PROJECT_ENDS = ("费", "资金", "补贴", "补助", "项目", "运转类", "目标类", "业务类")  # the last: categories (其他运转类)
_TOTAL_LABEL = re.compile(r"(?:合\s*计|总\s*计|小\s*计)")
# A number standing alone that is no year (an amount, a count): 实施周期 writes years (2023, 2022-2025, 2022年1月).
_BARE_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+\.\d+$|^\d+$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_DATE_WORD = re.compile(r"(\d)\s+(?=年|月|日|个月|周年)")


def is_indicator_text(text: str) -> bool:
    """Indicator text or a fragment of it: a value's label (年度指标值：), a level before its item (产出指标：), an item
    numbered with its 一级, a 天河 code, or a level's name alone."""
    # Each pattern only where the characters it needs are: most names hold no 指, and no number before a 、 or a -.
    if "指" in text and _INDICATOR_LABEL.search(text):
        return True
    if _ITEM_MARKS.search(text) and _INDICATOR_ITEM.search(text):
        return True
    key = "".join(text.split())  # a line break may stand inside a word (效益指\n标)
    return (key.endswith(_LEVEL_ENDS) or key.startswith(_LEVEL_STARTS)) and _is_level_name(key)


@lru_cache(maxsize=1024)
def _is_level_name(key: str) -> bool:
    canonical = framework.canonical_level(_LEVEL_HEADER.sub("", key))
    return bool(_LEVEL_HEADER.match(key)) or framework.is_known_level1(canonical) or framework.is_known_level2(canonical)


def is_labelled_list(text: str) -> bool:
    """Label：value pairs separated by ；: 实施周期指标值:100%；年度指标值:100%, or one pair ended by its ；."""
    if not _SEPARATOR.search(text) or ("：" not in text and ":" not in text):
        return False
    parts = _SEPARATOR.split(text)
    labelled = sum(1 for part in parts if _LABELLED_PART.match(part))
    return labelled >= 2 or (labelled == 1 and not parts[-1].strip(" 。."))


def is_prose(text: str) -> bool:
    """A sentence or part of one: a sentence's end, or a clause's comma in a text longer than names are. A list
    of organisations (区司法局本级，区法律援助处，区公证处: one cell for the units sharing a project) is names."""
    if _SENTENCE_END.search(text):
        return True
    if len(text) <= _LONGEST_NAME_WITH_CLAUSE or not _CLAUSE.search(text):
        return False
    parts = [part.strip() for part in re.split(r"[，,、；;]", text) if part.strip()]
    return not (len(parts) >= 2 and all(is_organisation(part) for part in parts))


def is_number(text: str) -> bool:
    """An amount, a year, a date or a serial number: digits and the marks written around them, no word."""
    return bool(_NUMBER.match(text))


def is_amount_not_year(text: str) -> bool:
    """A number standing alone among the words that is no year: 1.2 1.2 2021-2023, 42, 289.2 where a period belongs.
    A number followed by 年/月/日/个月 is a length or a date however it is spaced (1 年, 2023 年 1 月 as a PDF's
    text often spaces them), and a period may be a number of years alone (3)."""
    words = _DATE_WORD.sub(r"\1", text).split()
    if len(words) == 1 and words[0].isdigit() and 1 <= int(words[0]) <= 10:
        return False  # 3: three years
    return any(_BARE_NUMBER.match(word) and not _YEAR.match(word) for word in words)


def is_project_name(text: str) -> bool:
    """Shaped as a project's name, ending with what the money is: 调解经费, 维修维护费, 律师行业政策支持资金."""
    return text.strip().endswith(_PROJECT_ENDS)


def is_total_label(text: str) -> bool:
    """Starts with a sum row's label (合计, 总计, 小计): 合计天河区法律援助处 where a reading ran two cells together."""
    text = text.lstrip()
    return text[:1] in ("合", "总", "小") and bool(_TOTAL_LABEL.match(text))


def is_organisation(text: str) -> bool:
    """Shaped as a department's or a unit's name: 广州市天河区司法局, 区司法局本级, 广州市番禺区法规咨询办公室."""
    text = text.strip()
    return len(text) >= 3 and text.endswith(_ORGANISATION_ENDS) and not is_prose(text)


def same_organisation(one: str, other: str) -> bool:
    """The same department or unit, with or without the place before it (广州市天河区司法局 = 天河区司法局)."""
    one, other = "".join(one.split()), "".join(other.split())
    if one == other:
        return bool(one)
    short, long = sorted((one, other), key=len)
    return len(short) >= 4 and long.endswith(short) and long[:-len(short)].endswith(_PLACE_END)


def is_known_organisation(name: str, organisations: list[str]) -> bool:
    """Whether a name is one of the department's or units' names read so far (with or without its place)."""
    return name in organisations or (is_organisation(name) and any(same_organisation(name, o) for o in organisations))


_CENT = Decimal("0.01")  # as reconcile.TOLERANCE: printed amounts are rounded to the cent


def heading_reason(name: str, amount: Decimal | None, has_amounts: bool, organisations: list[str],
                   stated: Callable[[], Iterable[tuple[str, Decimal]]], under: Callable[[], Decimal | None]) -> str | None:
    """Why a row read as a project (it has a 绩效目标 or 绩效指标: a neighbour's, where a reading let the cells slip) is
    a department's or a unit's row, if it is, in words for a note; None: a project.

    A name that is a department's or a unit's read so far: when the row has no amounts, or its amount (总计, else
    财政拨款) is a sum the table states (stated: worded, a 合计 or a unit's row) or the sum of the project rows under
    it (under). A name only shaped as a unit's (…中心, …所: a project may be named for its place) only when its
    amount is the sum of rows under it: a lone project's amount is its unit's and the table's sum too."""
    named = is_known_organisation(name, organisations)
    if not named and not is_organisation(name):
        return None
    if amount is None:
        return "名称是部门或单位的名称，且没有金额" if named and not has_amounts else None
    whose = "部门或单位的名称" if named else "单位名称的样子"
    if named:
        for words, said in stated():
            if sums_to(said, amount):
                return f"名称是{whose}，金额与{words}相同"
    if sums_to(under(), amount):
        return f"名称是{whose}，金额等于其下各项目的金额之和"
    return None


def sums_to(amount: Decimal | None, total: Decimal | None) -> bool:
    """Whether two amounts are the same to the cent (printed amounts are rounded to it)."""
    return amount is not None and total is not None and abs(amount - total) <= _CENT


# Which other fields' shapes each field must not have, in the order they are told (the first found is named).
_NAME_MISFITS = ((INDICATOR, is_indicator_text), (LABELLED, is_labelled_list), (NUMBER, is_number))
_ORGANISATION_MISFITS = ((INDICATOR, is_indicator_text), (LABELLED, is_labelled_list), (PROSE, is_prose),
                         (NUMBER, is_number), (TOTAL_LABEL, is_total_label))
# A year with its 年, or a span of years: what 实施周期 writes, no unit's name (a project's name may carry one).
_DATED = re.compile(r"(?:19|20)\d{2}\s*(?:年|[-－—~～至到]\s*(?:19|20)\d{2})")
_UNIT_MISFITS = (*_ORGANISATION_MISFITS, (PROJECT_NAME, is_project_name), (DATE, lambda text: bool(_DATED.search(text))))
_PERIOD_MISFITS = ((INDICATOR, is_indicator_text), (LABELLED, is_labelled_list), (PROSE, is_prose),
                   (AMOUNT, lambda text: _is_amount_in_period(text)), (TOTAL_LABEL, is_total_label),
                   (ORGANISATION, lambda text: is_organisation(text)))
_TASK_NAME_MISFITS = ((INDICATOR, is_indicator_text), (LABELLED, is_labelled_list))


def _misfit(text: str | None, checks) -> str | None:
    if not text or not text.strip():
        return None
    for shape, has in checks:
        if has(text):
            return shape
    return None


def project_name_misfit(text: str | None) -> str | None:
    """What other field's shape a project's name has, if it has one: indicator text, a label：value list, a number.
    Prose is not among them: a long name may carry a comma, and the goal beside it tells the row."""
    return _misfit(text, _NAME_MISFITS)


def unit_misfit(text: str | None) -> str | None:
    """What other field's shape a 预算单位 has: indicator text, a list, prose, a number, a sum row's label, a
    project's name (…经费, …资金)."""
    return _misfit(text, _UNIT_MISFITS)


def organisation_misfit(text: str | None) -> str | None:
    """What other field's shape a department's name, or a row heading a unit's projects, has: as a unit's, but
    for a project's name (a row of a project's name without its goal and indicators is not told by its name)."""
    return _misfit(text, _ORGANISATION_MISFITS)


def goal_misfit(text: str | None) -> str | None:
    """Whether a 绩效目标 holds indicator text (年度指标值：…, 1、产出指标…): a reading that ran the next cells into it."""
    return _misfit(text, ((INDICATOR, is_indicator_text),))


def period_misfit(text: str | None) -> str | None:
    """What other field's shape an 实施周期 has: indicator text, a list, prose, an amount (a number that is no
    year, or one run into the years: 148.502024-2026, 2024-2026148.50), a sum row's label."""
    if text and _YEARS_ONLY.match(text) and not has_glued_amount(text):  # 2022-2025, 2022年1月-2023年12月: told at once
        return None
    return _misfit(text, _PERIOD_MISFITS)


_YEARS_ONLY = re.compile(r"^(?:19|20)\d{2}[\d年月日度.\-－—~～至到/]*$")
_NUMBER_IN_TEXT = re.compile(r"(?<![\d.])(\d+)(?:\.(\d+))?(?![\d.])")
_LENGTH_WORD = ("年", "个月", "季度", "个季度")


def has_glued_amount(text: str) -> bool:
    """Whether years or dates have an amount in them, run together where a table without ruling lines set two
    cells side by side: five digits or more in a row (no year, month or day has them: 2026148), or a decimal
    number whose whole part is no year (148.50; 2022.01 is a month). A length of time (1.5年) is no amount."""
    for match in _NUMBER_IN_TEXT.finditer(text):
        whole, fraction = match.groups()
        if len(whole) > 4:
            return True
        if fraction is not None and not _YEAR.match(whole):
            length = len(whole) <= 2 and len(fraction) <= 1 and text[match.end():].lstrip().startswith(_LENGTH_WORD)
            if not length:
                return True
    return False


def _is_amount_in_period(text: str) -> bool:
    return is_amount_not_year(text) or has_glued_amount(text)


# An amount whose decimals end in a year (148.502024: 148.50 and 2024 of the next cell, set side by side with
# no gap): printed amounts have two decimals, four at most, and a year among them is the next cell's.
_YEAR_IN_DECIMALS = re.compile(r"\.\d+?(?:19|20)\d{2}\s*(?:年|[-－—~～至到/]|$)")


def amount_misfit(text: str | None) -> str | None:
    """Why an amount's cell is not to be read as a number though digits and a point make one, if so: digits run
    into a year (an amount and the 实施周期 beside it read as one text: 148.502024, 148.502024-2026). Text that is
    no number at all is the amount reader's to note (ocr_numbers)."""
    if text and "." in text and _YEAR_IN_DECIMALS.search(text):
        return "像是金额与相邻单元格的年份连在了一起（表格没有框线时两格的文字可能紧挨着）"
    return None


def task_name_misfit(text: str | None) -> str | None:
    """What other field's shape a task's name has: indicator text or a list. Tasks are named in sentences too
    (海珠: 优化法律援助服务，保障经济困难公民…), so prose is theirs."""
    return _misfit(text, _TASK_NAME_MISFITS)


def excerpt(text: str, length: int = 30) -> str:
    """A cell's text for a note: one line, cut with … where it is long."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length] + "…"
