"""A project's indicators as the numbered text of a published 绩效指标 cell, in either city's style (DOMAIN.md):

  番禺: 1、产出指标：审核合同数，年度指标值：10份。          — no 二级, no 实施周期指标值
  天河: 1、1-产出指标：11-数量指标：工程量完成率；实施周期指标值:100%；年度指标值:100%。

with full- or half-width punctuation (or both, item by item), 、 . or ． after the number, the items run on or one a
line, line breaks anywhere (mid-word too), and <p> tags around items as some systems export them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from src.model.declaration import Indicator

from .facts import squeeze

LEVEL1_CODES = {"产出指标": "1", "效益指标": "2", "满意度指标": "3", "成本指标": "4"}
LEVEL2_CODES = {"数量指标": "11", "质量指标": "12", "时效指标": "13", "成本指标": "14", "经济效益指标": "21",
                "社会效益指标": "22", "生态效益指标": "23", "可持续影响指标": "24", "服务对象满意度指标": "31",
                "经济成本指标": "41", "社会成本指标": "42", "生态环境成本指标": "43"}
_SHORT = ("效益指标", "影响指标", "满意度指标")  # 天河 prints 22-社会效益, 24-可持续影响, 31-服务对象满意度


@dataclass
class Style:
    city: str  # panyu | tianhe
    codes: bool  # 天河: 1-产出指标：11-数量指标
    punctuation: str  # full | half | mixed
    numbering: str  # 、 . ．
    breaks: str  # none | items | anywhere
    tags: bool  # <p>…</p> around each item


# Which facts of an indicator a style holds, and why not the others.
NOT_IN_PANYU = "番禺-style text has no 二级 and no 实施周期指标值"


def holds(style: Style, field: str) -> bool:
    return style.city == "tianhe" or field not in ("level2", "period_value")


def render(indicators: list[Indicator], style: Style, rng: random.Random) -> tuple[str, list[dict[str, int]]]:
    """The cell's text, and for each indicator where each of its fields ends, in characters of the text
    without white space (facts.Anchor)."""
    pieces: list[tuple[str, tuple[int, str] | None]] = []  # text, (indicator, field) that ends with it
    for number, indicator in enumerate(indicators, start=1):
        full = style.punctuation == "full" or (style.punctuation == "mixed" and rng.random() < 0.5)
        colon, semicolon, comma = ("：", "；", "，") if full else (":", ";", ",")
        if style.tags:
            pieces.append(("<p>", None))
        pieces.append((f"{number}{style.numbering}", None))
        if style.city == "panyu":
            pieces.append((f"{indicator.level1 or ''}{colon}", (number - 1, "level1")))
            if indicator.annual_value:
                pieces.append((f"{indicator.name or ''}", (number - 1, "name")))
                pieces.append((f"{comma}年度指标值{colon}", None))
                pieces.append((indicator.annual_value, (number - 1, "annual_value")))
            else:
                pieces.append((indicator.name or "", (number - 1, "name")))
            pieces.append(("。", None))
        else:
            if indicator.level1:
                code = f"{LEVEL1_CODES.get(indicator.level1, '9')}-" if style.codes else ""
                pieces.append((f"{code}{indicator.level1}{colon}", (number - 1, "level1")))
            if indicator.level2:
                level2 = indicator.level2
                if style.codes:
                    if level2.endswith(_SHORT):
                        level2 = level2.removesuffix("指标")
                    level2 = f"{LEVEL2_CODES.get(indicator.level2, '99')}-{level2}"
                pieces.append((f"{level2}{colon}", (number - 1, "level2")))
            pieces.append((indicator.name or "", (number - 1, "name")))
            pieces.append((f"{semicolon}实施周期指标值{colon}", None))
            pieces.append((indicator.period_value or "", (number - 1, "period_value")))
            pieces.append((f"{semicolon}年度指标值{colon}", None))
            pieces.append((indicator.annual_value or "", (number - 1, "annual_value")))
            pieces.append(("。", None))
        if style.tags:
            pieces.append(("</p>", None))
        if style.breaks == "items" and number < len(indicators):
            pieces.append(("\n", None))
    ends: list[dict[str, int]] = [{} for _ in indicators]
    length = 0
    for text, owner in pieces:
        length += len(squeeze(text))
        if owner is not None:
            ends[owner[0]][owner[1]] = length
    text = "".join(piece for piece, _ in pieces)
    if style.breaks == "anywhere":
        text = break_anywhere(text, rng)
    return text, ends


def break_anywhere(text: str, rng: random.Random, every: int = 35) -> str:
    """Line breaks at random places, in the middle of words too, as a narrow cell or a PDF's extraction puts them."""
    if len(text) < 4:
        return text
    count = max(1, len(text) // every)
    places = sorted(rng.sample(range(1, len(text)), min(count, len(text) - 1)))
    out, last = [], 0
    for place in places:
        out.append(text[last:place])
        last = place
    out.append(text[last:])
    return "\n".join(out)


def cell_breaker(knobs: dict, rng: random.Random):
    """What a department form does to a long cell text: when its knob says line_breaks 'anywhere', six cells in ten
    get breaks at random places (one in 45 characters); else the text as it is."""
    breaks = knobs["line_breaks"] == "anywhere"

    def text(value: str | None) -> str | None:
        return break_anywhere(value, rng, every=45) if value and breaks and rng.random() < 0.6 else value

    return text
