"""The rules that read the 指标库: a 三级 the library files under another 二级, a number without the unit the
library's entry has (issue 24 item 4). Both are hints: the library is what publishers wrote, not a rule.

The library is read on the first indicator with a name to look up, never for a blank declaration, and each
name is looked up once (names repeat across projects: 20,000 indicators of a city hold a few thousand names).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import framework, paths
from .declaration import INDICATOR_LABELS, Indicator
from .problems import HINT, Problem
from .values import ValueKind, ValueReading

_QUANTITATIVE = ValueKind.QUANTITATIVE
_LEVEL2, _ANNUAL = INDICATOR_LABELS["level2"], INDICATOR_LABELS["annual_value"]


@dataclass(frozen=True)
class LibraryVerdict:
    """What the library says of one name: its 一级/二级 where all its entries agree, and the units they give."""
    level1: str | None  # None when the library is split on the name (or does not hold it)
    level2: str | None
    source: str  # the agreeing entries' first source, for the reason
    sources: int  # how many publications file it so
    units: tuple[str, ...]  # the units the entries give, in order, without repeats


_NOTHING = LibraryVerdict(None, None, "", 0, ())


@lru_cache(maxsize=1)
def _by_name() -> dict:
    """Normalised name → its catalogue entries (both bundled libraries), built on the first look-up."""
    from .indicator_library import indicator_library, library_v2, normalised_name
    from .library_catalogue import entries_of

    found: dict = {}
    for entry in entries_of(library_v2(), indicator_library()):
        found.setdefault(normalised_name(entry.name), []).append(entry)
    return found


@lru_cache(maxsize=16384)
def library_verdict(name: str) -> LibraryVerdict:
    """The library's word on a 三级 name (compared normalised), looked up once per name."""
    from .indicator_library import normalised_name

    entries = _by_name().get(normalised_name(name))
    if not entries:
        return _NOTHING
    units = tuple(dict.fromkeys(entry.unit for entry in entries if entry.unit))
    levels = {(entry.level1, entry.level2) for entry in entries}
    if len(levels) != 1:
        return LibraryVerdict(None, None, "", 0, units)
    level1, level2 = levels.pop()
    titles = list(dict.fromkeys(source.title for entry in entries for source in entry.sources))
    return LibraryVerdict(level1, level2, titles[0], len(titles), units)


def library_problems(problems: list[Problem], indicator: Indicator, verdict: LibraryVerdict, annual: ValueReading,
                     where: str, title: str, variant: str | None) -> None:
    """Append the library's hints on a named indicator, given library_verdict() of its name."""
    level1, level2 = indicator.level1, indicator.level2
    if (verdict.level2 is not None and verdict.level2 != level2 and verdict.level1 == level1 and level2
            and framework.fits(level1, level2, variant) and framework.fits(level1, verdict.level2, variant)):
        problems.append(Problem("level2-library", HINT, paths.field(where, "level2"),
                                f"{title}在指标库中属于{_LEVEL2}“{verdict.level2}”，而不是“{level2}”"
                                f"（见 {verdict.source}）"))
    if (verdict.units and annual.kind is _QUANTITATIVE and not annual.unit
            and not any(unit in indicator.name for unit in verdict.units)):
        problems.append(Problem("unit-library", HINT, paths.field(where, "annual_value"),
                                f"{title}的{_ANNUAL}“{indicator.annual_value}”没有单位，"
                                f"指标库中该指标的单位是“{'”或“'.join(verdict.units)}”"))
