"""一级/二级 names as forms print them outside the framework's words: a gloss in brackets (数量指标（或建筑规模指标）,
成本指标（必填硬性指标）) dropped when what is left is a framework name, and a 一级 of the form's own words (项目完成指标,
预期产出指标) read as the framework's 一级 only when every 二级 under it belongs to that one — said in a note, as it
is read from the 二级, not from the cell."""

from __future__ import annotations

import re

from ....model import framework, paths
from ....model.declaration import Indicator
from ....model.notes import Note
from ..field_shapes import excerpt

_GLOSS = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")


def _known(name: str | None) -> bool:
    return framework.is_known_level1(name) or framework.is_known_level2(name)


def _unglossed(name: str | None) -> str | None:
    """The framework's name for a level written with a gloss in brackets; the name as written otherwise."""
    if not name or _known(name):
        return name
    bare = framework.canonical_level(_GLOSS.sub("", name))
    return bare if _known(bare) else name


def glued_levels(text: str | None) -> tuple[str, str] | None:
    """A 一级 and a 二级 of it read as one cell's text (产出指标数量指标: a PDF page without ruling lines whose columns
    were cut between its own texts put the two merged cells in one), or None when the text is not exactly that."""
    return _name_and_level2(text, framework.level1_names(), framework.fits)


def two_level2s(text: str | None) -> tuple[str, str] | None:
    """Two 二级 names or more read as one cell's text (生态效益指标可持续影响指标: a template's 二级 row with no
    indicator, one line high, read by a PDF page without ruling lines as the first line of the row under it; three
    such rows stacked, 社会效益指标生态效益指标可持续影响指标, seed 52's d008): (those of the rows above, the last), or
    None."""
    squeezed = re.sub(r"\s+", "", text or "")
    if framework.is_known_level2(framework.canonical_level(squeezed)):
        return None
    above = ""
    for _ in range(_MAX_STACKED):
        pair = _name_and_level2(squeezed, framework.level2_names(), lambda first, rest: True)
        if pair is not None:
            return above + pair[0], pair[1]
        first = next((name for name in framework.level2_names() if squeezed.startswith(name) and len(squeezed) > len(name)),
                     None)
        if first is None:
            return None
        above, squeezed = above + first, squeezed[len(first):]
    return None


_MAX_STACKED = 6  # 二级 rows of a template read into one cell: more than a 一级 has


def _name_and_level2(text: str | None, names, fits) -> tuple[str, str] | None:
    """The text as the first of the names followed by a known 二级 that fits(name, 二级), or None."""
    squeezed = re.sub(r"\s+", "", text or "")
    for name in names:
        if squeezed.startswith(name) and len(squeezed) > len(name):
            rest = framework.canonical_level(squeezed[len(name):])
            if framework.is_known_level2(rest) and fits(name, rest):
                return name, rest
    return None


def level1_of(level2: str | None) -> str | None:
    """The one 一级 a framework 二级 belongs to (in every variant); None when it is no 二级 or ambiguous."""
    owners = {level1 for level1 in framework.level1_names() if framework.fits(level1, level2)}
    return owners.pop() if len(owners) == 1 else None


def settled_levels(indicators: list[Indicator], where: str, notes: list, header: int,
                   no_level1: bool = False) -> list[Indicator]:
    """no_level1: the table has no 一级 column (its 一级 column held the 二级): each 一级 from its 二级 (said by the caller),
    a 一级 name in the 二级 place (满意度指标) being the 一级 with its one 二级."""
    for indicator in indicators:
        if no_level1 and indicator.level1 is None:  # 成本指标 is a 二级 of 产出指标 there, as beside 数量/质量/时效
            indicator.level1 = level1_of(indicator.level2) if framework.is_known_level2(indicator.level2) else \
                indicator.level2 if framework.is_known_level1(indicator.level2) else None
    for indicator in indicators:
        indicator.level1, indicator.level2 = _unglossed(indicator.level1), _unglossed(indicator.level2)
    _levels_glued(indicators, where, notes, header)
    _levels_shifted_right(indicators, where, notes, header)
    for indicator in indicators:
        if indicator.level2 and indicator.level2 == indicator.level1 and framework.only_level2(indicator.level1):
            indicator.level2 = framework.only_level2(indicator.level1)  # 满意度指标 printed again for its one 二级
    runs: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        if indicator.level1 and not framework.is_known_level1(indicator.level1):
            runs.setdefault(indicator.level1, []).append(indicator)
    for printed, run in runs.items():
        owners = {level1_of(indicator.level2) for indicator in run}
        named = [name for name in framework.level1_names() if name in printed]
        if len(owners) == 1 and None not in owners:
            owner, why = owners.pop(), f"按其下的二级指标（{'、'.join(dict.fromkeys(i.level2 for i in run))}）"
        elif len(named) == 1 and not any(framework.is_known_level2(i.level2) and not framework.fits(named[0], i.level2)
                                         for i in run):
            owner, why = named[0], "按其名称中的一级指标名（其下的二级指标与之不矛盾）"  # 预期产出指标
        else:
            continue  # kept as printed (the checks flag it): neither its 二级 nor its words say which 一级 it is
        for indicator in run:
            indicator.level1 = owner
        notes.append(Note(f"一级指标“{excerpt(printed)}”不是指标框架中的名称，{why}读作“{owner}”，请核对",
                          location=paths.indicators(where), row=header + 1, source_text=printed))
    return indicators


def _levels_glued(indicators: list[Indicator], where: str, notes: list, header: int) -> None:
    """A 一级 cell holding a 一级 and a 二级 of it (glued_levels) beside an empty 二级, or the same: split, said once per
    text."""
    glued: dict[str, None] = {}
    for indicator in indicators:
        found = glued_levels(indicator.level1)
        if found is not None and indicator.level2 in (None, found[1]):
            glued.setdefault(indicator.level1)
            indicator.level1, indicator.level2 = found
    for printed in glued:
        notes.append(Note(f"一级指标一栏的“{excerpt(printed)}”是一级和二级指标连在一起，已拆开读作一级、二级指标，请核对",
                          location=paths.indicators(where), row=header + 1, source_text=printed))


def _levels_shifted_right(indicators: list[Indicator], where: str, notes: list, header: int) -> None:
    """A 一级 column of the form's own word over a 二级 column of framework 一级 names (天津's 中央预算内投资 table: 实施效果
    指标 | 产出指标 | 建设项目个数): the 二级 cell is the 一级, the form gives no 二级 (but the one a 一级 allows) — said once
    per word; 成本指标, a 二级 as well, is left where it stands."""
    shifted: dict[str, None] = {}
    for indicator in indicators:
        if indicator.level1 and not framework.is_known_level1(indicator.level1) \
                and framework.is_known_level1(indicator.level2) and not framework.is_known_level2(indicator.level2):
            shifted.setdefault(indicator.level1)
            indicator.level1, indicator.level2 = indicator.level2, framework.only_level2(indicator.level2)
    for printed in shifted:
        notes.append(Note(f"一级指标一栏的“{excerpt(printed)}”不是指标框架中的名称，二级指标一栏填的是一级指标：按此读作一级指标，"
                          f"二级指标留空（满意度指标读作服务对象满意度指标），请核对", location=paths.indicators(where),
                          row=header + 1, source_text=printed))
