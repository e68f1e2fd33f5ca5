"""A 绩效目标 cell that holds the indicators too, under bracketed headings, as 安徽's budget system publishes a
department's projects (黄山市公安局):

    【总体目标】 保障雪亮工程机房租赁延续…
    【产出指标-数量指标】 指标1:机柜数量(≥77台) 指标2:…
    【效益指标-社会效益指标】 指标1:服务保障民生(有力保障)

split into the goal and the indicators, the latter written in the numbered style indicator_text reads
(1、产出指标-数量指标-机柜数量；年度指标值：≥77台). The value is the year's: these tables set one value per
indicator for the budget year, said once per project by the caller's note.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"【\s*([^【】]{1,30}?)\s*】")
_LEVELS = re.compile(r"^([^-－—]{2,8}指标)\s*[-－—]\s*([^-－—]{2,12}指标)$")  # 产出指标-数量指标
_GOAL_HEADINGS = frozenset(("总体目标", "年度目标", "绩效目标", "年度绩效目标", "项目目标"))
_ITEM = re.compile(r"指标\s*\d{1,2}\s*[:：]")
# the value in brackets at the item's end; a name may hold brackets of its own: 项目(工程)验收合格率(100%)
_VALUE = re.compile(r"^(.*\S)\s*[(（]([^()（）]*)[)）]\s*[;；。,，]?$", re.S)


def split_headed_goal(text: str | None) -> tuple[str | None, str | None]:
    """(the goal, the indicators as numbered text) when the text is headed so (at least one 【一级-二级】 heading),
    else (text, None): a goal like any other."""
    if not text or "【" not in text:
        return text, None
    parts = _HEADING.split(text)
    headings = parts[1::2]
    if not any(_LEVELS.match(heading.replace(" ", "")) for heading in headings):
        return text, None
    goal = [parts[0].strip()] if parts[0].strip() else []
    items: list[str] = []
    for heading, body in zip(headings, parts[2::2]):
        levels = _LEVELS.match(heading.replace(" ", ""))
        if levels is None:
            if heading.replace(" ", "") in _GOAL_HEADINGS:
                goal.append(body.strip())
            elif body.strip():
                goal.append(f"【{heading}】{body.strip()}")  # a heading this reading does not know: kept in the goal
            continue
        entries = _ITEM.split(body)
        for entry in (entries[1:] if len(entries) > 1 else [line for line in body.splitlines()]):
            entry = " ".join(entry.split())
            if entry:
                items.append(_item(levels.group(1), levels.group(2), entry))
    numbered = "\n".join(f"{number}、{item}" for number, item in enumerate(items, 1))
    return "\n".join(goal) or None, numbered or None


def _item(level1: str, level2: str, entry: str) -> str:
    valued = _VALUE.match(entry)
    if valued is None:
        return f"{level1}-{level2}-{entry}"  # no value in brackets: the indicator reader says it has none
    return f"{level1}-{level2}-{valued.group(1)}；年度指标值：{valued.group(2).strip()}"
