"""The numbered indicator text of published tables, split into indicators (and written back through
src/model/indicator_lines.py, which the printed forms use too).

Two styles are published (DOMAIN.md, seeds 000 and 002):
  番禺: 1、产出指标：审核合同数，年度指标值：10份。2、效益指标：…
  天河: 1、1-产出指标：11-数量指标：工程量完成率；实施周期指标值:100%；年度指标值:100%。
Full- and half-width punctuation are mixed, cells carry line breaks and stray <p> tags. Other publishers number
their items （1） (1), ①, or 一、 and write 产出指标-数量指标-名称：≥500件 or a value with no label after the name
(名称≥500件): read too, a value without its label taken as the year's and said so. An item that still holds more
than one 年度指标值 (a numbering not understood) is said, never read as one indicator in silence.

A 2,000-project table holds 20,000 of these items, so the reading is one pass per item over precompiled
patterns, and gives plain field dicts (parse_indicator_fields) that the importer validates with its project in
one pydantic call; parse_indicator_text gives the same as Indicator models.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...model import framework, paths
from ...model.declaration import Indicator
from ...model.indicator_lines import indicator_lines
from ...model.notes import Note

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]{0,40}>")
# \d\d{0,2} is \d{1,3}, spelled to start with a digit class: the regex engine then skips to the next digit in C
# rather than trying the repeat at every character (a third of the time on a 2,000-project table).
# "1." before a digit is a decimal ("1.5万元") — unless the digit opens a 天河 code of a 一级 ("1.1-产出指标："), which
# is how a table numbered 1. 2. 3. writes its 天河-style items.
# A line break may stand inside a level's word too ("效 益指标": Calc's TSV writes it as a space).
_LEVEL1_WORDS = "|".join(r"\s*".join(word) for word in ("产出", "效益", "满意度", "成本"))
_ITEM_NUMBER = re.compile(r"(\d\d{0,2})\s*(?:、|[．.](?!\d)|[．.](?=\d{1,2}\s*[-－—]\s*(?:" + _LEVEL1_WORDS + ")))")
# A space may stand anywhere in a label: a line break inside a cell becomes one in some exports (Calc's TSV).
_PERIOD_LABEL = re.compile(r"实\s*施\s*周\s*期\s*(?:[指目]\s*标\s*值)?\s*[:：]")
_ANNUAL_LABEL = re.compile(r"年\s*度\s*[指目]\s*标\s*值\s*[:：]")
_VALUE_END = re.compile(r"[；;。]")
# A level ends at a colon (or ；), or at a dash after a name ending in 指标 (产出指标-数量指标-名称; 天河's codes
# 1-产出指标 keep their dash: the part before it is no level's name).
_LEVEL_PART = re.compile(r"\s*(?:([^:：;；\-－—]{1,12}?指标)\s*[-－—]|([^:：;；]{1,20}?)\s*[:：;；])")
# A value written after the name without its label: a comparator and a number to the item's end (名称≥500件).
# The name before it: one name (no other comparator in it, at most 40 characters), not a run of items.
_TRAILING_VALUE = re.compile(r"^([^≥≤＞＜>=<＝]{0,39}[^\s≥≤＞＜>=<＝])\s*([≥≤＞＜>＝=<]\s*\d[\d.,，]*\s*[^\s\d，,；;。]{0,6})\s*$")
_TRIM = "；;，,。.、 \t"
_NAME_TRIM = _TRIM + "：:"
_ENTITIES = (("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))  # in this order: &amp;lt; stays &lt;

Fields = dict[str, "str | None"]  # an indicator's fields by name, as Indicator.model_validate takes them


@dataclass
class SplitResult:
    indicators: list[Indicator] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def clean_cell_text(text: str) -> str:
    """Remove HTML tags, entities and the line breaks PDF/Excel put inside words."""
    # Each step only where its character is there: most cells hold none of them, and the importer cleans every cell.
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text:
        for entity, character in _ENTITIES:
            text = text.replace(entity, character)
    if "\n" in text or "\r" in text:
        text = text.replace("\r", "").replace("\n", "")
    if "\u3000" in text:
        text = text.replace("\u3000", " ")
    return text.strip()


# A number out of sequence that still stands where an item starts: after the end of the item before it
# (。；;) or before a 一级/二级 (with or without its 天河 code), as in 1、… 2、… 4、1-产出指标：…
_ITEM_AFTER = re.compile(r"[。；;]\s*$")
_ITEM_HEAD = re.compile(r"\s*(?:\d{1,2}\s*[-－—]\s*)?(?:" + "|".join(
    r"\s*".join(word) for word in ("产出", "效益", "满意度", "成本", "数量", "质量", "时效", "经济", "社会", "生态", "可持续",
                                    "服务对象")) + ")")


def split_items(text: str) -> list[str]:
    """Items by their running numbers 1、2、3…; a number out of sequence is part of the text."""
    return split_numbered(text)[0]


# Numberings other than 1、 1. (tried where that one finds no item 1 at the text's start): （1） (1), ①…⑳, and
# 一、 二、 — each only at the start of the text or after an item's end or a space (统一、规范 and 新建(2)号泵站 are
# no items).
_CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ITEM_START = r"(?:^|(?<=[\s。；;，,]))"
_OTHER_NUMBERINGS = (
    (re.compile(_ITEM_START + r"[（(]\s*(\d{1,2})\s*[）)]"), int),
    (re.compile(_ITEM_START + r"([\u2460-\u2473])"), lambda circled: ord(circled) - 0x2460 + 1),
    (re.compile(_ITEM_START + r"([一二三四五六七八九十]{1,3})\s*[、．.]"), lambda numeral: _chinese_number(numeral)),
)
# 年度指标值 once more in an item, not as 上年度指标值 (last year's, said beside the value): another indicator's.
_OTHER_ANNUAL_LABEL = re.compile(r"(?<!上)年\s*度\s*[指目]\s*标\s*值\s*[:：]")


def _chinese_number(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23; 0 for what is no such number."""
    tens, _, units = numeral.partition("十")
    if "十" not in numeral:
        return _CHINESE_DIGITS.get(numeral, 0) if len(numeral) == 1 else 0
    return (_CHINESE_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CHINESE_DIGITS.get(units, 0) if units else 0)


def split_numbered(text: str) -> tuple[list[str], list[int]]:
    """The items as split_items gives them, and the item numbers the text states: the running ones, and those out
    of sequence that stand where an item starts (1、2、4、: the 4 is stated, and split_items keeps its item in the
    text of the 2). What the import's self-check (reconcile.py) compares with the indicators read."""
    items, stated = _split_by(text, _ITEM_NUMBER, int)
    first = _ITEM_NUMBER.search(text)
    if stated and (first is None or not text[:first.start()].strip(_TRIM)):
        return items, stated  # 1、 at the start: this numbering, whatever else the text holds
    for pattern, number_of in _OTHER_NUMBERINGS:
        found = pattern.search(text)
        if found is not None and number_of(found.group(1)) == 1 and not text[:found.start()].strip(_TRIM):
            return _split_by(text, pattern, number_of)
    return items, stated


def _split_by(text: str, pattern: re.Pattern, number_of) -> tuple[list[str], list[int]]:
    starts: list[tuple[int, int]] = []
    stated: list[int] = []
    expected = 1
    for match in pattern.finditer(text):
        number = number_of(match.group(1))
        if number == expected:
            starts.append((match.start(), match.end()))
            stated.append(number)
            expected += 1
        elif _ITEM_HEAD.match(text, match.end()) or (number > expected and (
                not text[:match.start()].strip() or _ITEM_AFTER.search(text, max(0, match.start() - 4), match.start()))):
            stated.append(number)  # a skipped or repeated number: a forward skip may follow an item's end alone
    if not starts:
        return ([text] if text.strip(_TRIM) else []), stated
    ends = [start for start, _ in starts[1:]] + [len(text)]
    return [text[body_start:end] for (_, body_start), end in zip(starts, ends)], stated


def parse_indicator_text(text: str | None) -> SplitResult:
    fields, notes = parse_indicator_fields(text)
    return SplitResult([Indicator.model_validate(item) for item in fields], notes)


def parse_indicator_fields(text: str | None) -> tuple[list[Fields], list[str]]:
    """The indicators of a cell as field dicts (level1, level2, name, period_value, annual_value), and notes on
    what was guessed. The values are those Indicator's validators then take: the levels canonical or None."""
    indicators, notes, _ = parse_indicator_cell(text)
    return indicators, notes


def parse_indicator_cell(text: str | None) -> tuple[list[Fields], list[str], list[int]]:
    """parse_indicator_fields, and the item numbers the cell states (split_numbered)."""
    indicators: list[Fields] = []
    notes: list[str] = []
    if not text:
        return indicators, notes, []
    period_label, annual_label, value_end = _PERIOD_LABEL.search, _ANNUAL_LABEL.search, _VALUE_END.search
    items, stated = split_numbered(clean_cell_text(str(text)))
    headings: list[str | None] = [None] * len(items)
    if len(items) == 1 and not stated and (unnumbered := _unnumbered_items(str(text))) is not None:
        items, headings = unnumbered
    for number, (item, heading) in enumerate(zip(items, headings), start=1):
        period_match = period_label(item)
        annual_match = annual_label(item)
        period = annual = None
        if period_match is None and annual_match is None:
            head_end = None
            end = value_end(item)
            head = item[: end.start()] if end else item
        else:
            if period_match is not None:
                period = _value_at(item, period_match.end(), value_end)
            if annual_match is not None:
                annual = _value_at(item, annual_match.end(), value_end)
            if annual_match is None or (period_match is not None and period_match.start() < annual_match.start()):
                head_end = period_match.start()
            else:
                head_end = annual_match.start()
            head = item[:head_end]
        level1, level2, name = _split_head(head.strip(_TRIM))
        level1 = level1 or heading  # the 一级 a line of its own (产出指标：) put over the items under it
        if not (level1 or level2 or name or period or annual):
            continue
        shown = name or item.strip(_TRIM)[:20]  # an item cut after its levels has no name to show (产出指标:数量指标:)
        cut = number == len(items) and head_end is None and name and _cut_levels(name, level1, level2)
        if cut:
            level1, level2 = cut
            name = None
            notes.append(Note(f"第 {number} 个指标只有“{item.strip(_NAME_TRIM)[:20]}”，像是被截断的指标级别，已作为级别导入；"
                              f"它的指标名称和指标值没有读到，请对照原表补全",
                              location=paths.item("indicators", len(indicators)), source_text=item.strip()[:80]))
        unlabelled = None
        if head_end is None and name and (found := _TRAILING_VALUE.match(name)):
            name, annual = found.group(1).strip(_NAME_TRIM), found.group(2).strip()
            unlabelled = Note(f"第 {number} 个指标“{name}”的“{annual}”没有“年度指标值”标签，已作为年度指标值导入，请核对",
                              location=paths.field(paths.item("indicators", len(indicators)), "annual_value"),
                              source_text=item.strip()[:80])
        labels = len(_OTHER_ANNUAL_LABEL.findall(item))
        if level1 and not level2:
            only = framework.only_level2(level1)
            if only:
                level2 = only
                notes.append(Note(f"第 {number} 个指标“{shown}”未写二级指标，已按一级指标补为“{only}”",
                                  location=paths.item("indicators", len(indicators))))  # made whole by Note.under
        if unlabelled is not None:
            notes.append(unlabelled)
        elif annual is None and head_end is None and not cut:
            notes.append(Note(f"第 {number} 个指标“{shown}”没有“年度指标值”标签，整段作为指标名称保留，请补填年度指标值",
                              location=paths.item("indicators", len(indicators)), source_text=item.strip()[:80]))
        if labels > 1:  # items whose numbering was not understood run together: only the first is read
            notes.append(Note(f"第 {number} 个指标的文字里有 {labels} 个“年度指标值”，可能是几个指标连在一起（编号方式本程序不认识），"
                              f"只读出了第一个，请对照原表补全", location=paths.item("indicators", len(indicators)),
                              source_text=item.strip()[:80]))
        indicators.append({"level1": level1, "level2": level2, "name": name, "period_value": period,
                           "annual_value": annual})
    return indicators, notes, stated


_SEGMENT_END = re.compile(r"[；;。\n]+")


def _unnumbered_items(text: str) -> tuple[list[str], list[str | None]] | None:
    """Items with no numbering, each ended by ；。 or a line, their values after the names without a label (广西:
    产出指标：⏎数量指标：签约人数≥6万人；⏎质量指标：履约率≥90%；): the items, and the 一级 over each from a line that is
    only a 一级 (产出指标：). None unless two or more such items are there and every piece is a heading or an item:
    a cell whose labels (年度指标值：) end at ；too is one item as before, never cut at its labels."""
    if _PERIOD_LABEL.search(text) or _ANNUAL_LABEL.search(text):
        return None
    items: list[str] = []
    headings: list[str | None] = []
    heading = None
    for piece in (clean_cell_text(part) for part in _SEGMENT_END.split(text)):
        piece = piece.strip(_NAME_TRIM)
        if not piece:
            continue
        level1, level2, name = _split_head(piece + "：")
        if level1 and not name and not level2:
            heading = level1
            continue
        found = _split_head(piece)
        if not found[2] or not _TRAILING_VALUE.match(found[2]):
            return None
        items.append(piece)
        headings.append(heading)
    return (items, headings) if len(items) >= 2 else None


def _value_at(item: str, start: int, value_end) -> str | None:
    """The value after a label that ends at start: up to the next ；;。, trimmed."""
    end = value_end(item, start)
    value = (item[start: end.start()] if end else item[start:]).strip(_TRIM)
    return value or None


def _split_head(head: str) -> tuple[str | None, str | None, str | None]:
    """'1-产出指标：11-数量指标：工程量完成率' → levels and name; unknown parts stay in the name. An item that starts
    with its 二级 ('数量指标：办理案件数') gives the 二级, and the 一级 it belongs to where only one has it (成本指标
    is a 二级 in one framework variant and a 一级 in the other: left for the clerk)."""
    level1 = level2 = None
    match = _LEVEL_PART.match(head)
    if match is not None:
        level1 = _known_level1(match.group(1) or match.group(2))
        if level1 is not None:
            rest = match.end()
            match = _LEVEL_PART.match(head, rest)
            if match is not None:
                level2 = _known_level2(match.group(1) or match.group(2))
                if level2 is not None:
                    rest = match.end()
            head = head[rest:]
        elif (level2 := _known_level2(match.group(1) or match.group(2))) is not None:
            level1 = _parent_of(level2)
            head = head[match.end():]
    name = head.strip(_NAME_TRIM)
    return level1, level2, name or None


_LEVEL_CODE = re.compile(r"^\s*\d{1,2}\s*[-－—]\s*")


def _cut_levels(name: str, level1: str | None, level2: str | None) -> tuple[str, str | None] | None:
    """The levels a cell's last item gives whose text ends inside a level's word, with no name after it (an item
    cut in print: '1-产出指', '产出指标-数量', '数量指标'): (一级, 二级), or None when the text starts no level's word
    alone. A name is no level: a word that only one level's name starts with is taken for that level (two
    characters at least, or one after a 天河 code '2-效')."""
    coded = _LEVEL_CODE.match(name)
    word = re.sub(r"\s+", "", name[coded.end():] if coded else name)
    if len(word) < (1 if coded else 2):
        return None
    if level1 is None:
        found = _started(word, framework.level1_names())
        if found is not None:
            return found, None
        found = _started(word, framework.level2_names())
        parent = _parent_of(found) if found is not None else None
        return (parent, found) if parent is not None else None
    if level2 is None:
        found = _started(word, tuple(framework.level2_choices(level1)))
        return (level1, found) if found is not None else None
    return None


def _started(word: str, names: tuple[str, ...]) -> str | None:
    """The one name in names that word is or starts, or None."""
    started = [name for name in names if name.startswith(word)]
    return started[0] if len(started) == 1 else None


@lru_cache(maxsize=64)
def _parent_of(level2: str) -> str | None:
    """The one 一级 a 二级 belongs to in every variant of the framework, or None when it is not one."""
    parents = {level1 for level1 in framework.level1_names() for variant in framework.variants()
               if level2 in framework.level2_choices(level1, variant)}
    return parents.pop() if len(parents) == 1 and not framework.is_known_level1(level2) else None


@lru_cache(maxsize=1024)
def _known_level1(text: str) -> str | None:
    """The canonical 一级 a level part names, or None when it names none (it is then part of the name)."""
    level = framework.canonical_level(text)
    return level if framework.is_known_level1(level) else None


@lru_cache(maxsize=1024)
def _known_level2(text: str) -> str | None:
    level = framework.canonical_level(text)
    return level if framework.is_known_level2(level) else None


def format_indicator_text(indicators: list[Indicator]) -> str:
    """The text as the workbook's cell holds it: the model's lines, one per cell line, empty values left
    empty so that parse_indicator_text() reads them back as empty."""
    return "\n".join(indicator_lines(indicators))
