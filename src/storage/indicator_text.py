"""The numbered indicator text of published tables, split into indicators (and written back through
src/model/indicator_lines.py, which the printed forms use too).

Two styles are published (DOMAIN.md, seeds 000 and 002):
  番禺: 1、产出指标：审核合同数，年度指标值：10份。2、效益指标：…
  天河: 1、1-产出指标：11-数量指标：工程量完成率；实施周期指标值:100%；年度指标值:100%。
Full- and half-width punctuation are mixed, cells carry line breaks and stray <p> tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import framework
from ..model.declaration import Indicator
from ..model.indicator_lines import indicator_lines

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]{0,40}>")
_ITEM_NUMBER = re.compile(r"(\d{1,3})\s*(?:、|[．.](?!\d))")
_PERIOD_LABEL = re.compile(r"实施周期(?:指标值|目标值)?\s*[:：]")
_ANNUAL_LABEL = re.compile(r"年度(?:指标值|目标值)\s*[:：]")
_VALUE_END = re.compile(r"[；;。]")
_LEVEL_PART = re.compile(r"\s*([^:：;；]{1,20}?)\s*[:：;；]")
_TRIM = "；;，,。.、 \t"


@dataclass
class SplitResult:
    indicators: list[Indicator] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def clean_cell_text(text: str) -> str:
    """Remove HTML tags, entities and the line breaks PDF/Excel put inside words."""
    text = _TAG.sub("", text)
    text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    text = re.sub(r"[\r\n]+", "", text)
    return text.replace("\u3000", " ").strip()


def split_items(text: str) -> list[str]:
    """Items by their running numbers 1、2、3…; a number out of sequence is part of the text."""
    starts: list[tuple[int, int]] = []
    expected = 1
    for match in _ITEM_NUMBER.finditer(text):
        if int(match.group(1)) == expected:
            starts.append((match.start(), match.end()))
            expected += 1
    if not starts:
        return [text] if text.strip(_TRIM) else []
    items = []
    for index, (_, body_start) in enumerate(starts):
        body_end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        items.append(text[body_start:body_end])
    return items


def parse_indicator_text(text: str | None) -> SplitResult:
    result = SplitResult()
    if not text:
        return result
    for number, item in enumerate(split_items(clean_cell_text(str(text))), start=1):
        indicator = _parse_item(item, number, result.notes)
        if indicator is not None:
            result.indicators.append(indicator)
    return result


def _parse_item(item: str, number: int, notes: list[str]) -> Indicator | None:
    period_match = _PERIOD_LABEL.search(item)
    annual_match = _ANNUAL_LABEL.search(item)
    labels = [m for m in (period_match, annual_match) if m]
    head_end = min((m.start() for m in labels), default=None)
    head = item[:head_end] if head_end is not None else _cut_at_sentence_end(item)
    period = _value_after(item, period_match)
    annual = _value_after(item, annual_match)
    level1, level2, name = _split_head(head.strip(_TRIM))
    if not (level1 or level2 or name or period or annual):
        return None
    if level1 and not level2:
        only = framework.only_level2(level1)
        if only:
            level2 = only
            notes.append(f"第 {number} 个指标“{name}”未写二级指标，已按一级指标补为“{only}”")
    if annual is None and head_end is None:
        notes.append(f"第 {number} 个指标“{name}”没有“年度指标值”标签，整段作为指标名称保留，请补填年度指标值")
    return Indicator(level1=level1, level2=level2, name=name, period_value=period, annual_value=annual)


def _cut_at_sentence_end(item: str) -> str:
    end = _VALUE_END.search(item)
    return item[: end.start()] if end else item


def _value_after(item: str, label: re.Match | None) -> str | None:
    if label is None:
        return None
    rest = item[label.end():]
    end = _VALUE_END.search(rest)
    value = (rest[: end.start()] if end else rest).strip(_TRIM)
    return value or None


def _split_head(head: str) -> tuple[str | None, str | None, str | None]:
    """'1-产出指标：11-数量指标：工程量完成率' → levels and name; unknown parts stay in the name."""
    level1, rest = _peel_level(head, framework.is_known_level1)
    level2 = None
    if level1 is not None:
        level2, rest = _peel_level(rest, framework.is_known_level2)
    name = rest.strip(_TRIM + "：:")
    return level1, level2, name or None


def _peel_level(text: str, is_known) -> tuple[str | None, str]:
    """A level name at the start of text, followed by ：or ；, and the text after it."""
    match = _LEVEL_PART.match(text)
    if match:
        level = framework.canonical_level(match.group(1))
        if is_known(level):
            return level, text[match.end():]
    return None, text


def format_indicator_text(indicators: list[Indicator]) -> str:
    """The text as the workbook's cell holds it: the model's lines, one per cell line, empty values left
    empty so that parse_indicator_text() reads them back as empty."""
    return "\n".join(indicator_lines(indicators))
