"""A 二级指标 for an indicator that has none, read from its name, its values, the indicator library and the
framework in use — with its evidence and a confidence. A wrong 二级 applied in bulk costs the clerk more than
an empty one: only a suggestion from CONFIDENT up is applied by `fix` and 修复全部同类问题; one below it is
offered one by one with its evidence; below OFFERED nothing is said.

The evidence, strongest first:
1. the library's own classification of the same name (normalised), with the document that published it;
   where publishers filed the name under different 二级, the majority is only offered, the split named;
2. a library name that is almost the same (a word more or less, the same words in another order);
3. the keyword rules (level2_rules.py) on the name and the target value. Every rule is weighed against the
   library: its confidence is what the library's publishers said of the entries the same rule and keyword
   would classify (the declaration's own sector counting more), with the rule's own prior counted as
   _RULE_WEIGHT entries. A rule the library contradicts falls below CONFIDENT (完成率 is 质量 to some
   publishers and 数量 or 时效 to others), and so does one a nearly alike library name contradicts.
Every suggestion fits the indicator's 一级 in the framework variant the declaration uses; when the 一级 is
empty it is suggested too, and only from strong evidence.

The libraries (indicator_library.py) are read on the first suggestion, never at start-up; their loaders and
sector_of are importable from here too, where the completer, `fix` and the measurement scripts import them.
How well it does: docs/level2.md (scripts/measure_level2_sectors.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Mapping

from . import framework
from .indicator_library import (
    LibraryEntry,
    LibraryIndex,
    build_library,
    entries_from_names,
    entries_from_v2,
    indicator_library,
    library_v2,
    names_by_level2,
    normalised_name,
    sector_of,
)
from .level2_rules import (
    COST_WORDS,
    MIXED,
    SATISFACTION_WORDS,
    SERVED,
    SPLIT,
    Hit,
    effect_keyword_hit,
    output_hit,
    rule_hit,
)

if TYPE_CHECKING:
    from .declaration import Indicator

__all__ = ["CONFIDENT", "OFFERED", "Suggestion", "Level2Suggester", "bundled_suggester", "LibraryEntry",
           "build_library", "entries_from_v2", "indicator_library", "library_v2", "names_by_level2", "sector_of"]

# From here up `fix` and 修复全部同类问题 apply a suggestion (fix_changes.SAFE_CONFIDENCE is the same);
# below it a suggestion is offered one by one; below OFFERED the suggester says nothing.
CONFIDENT = 0.8
OFFERED = 0.5
# Suggesting the 一级 as well needs more than the 二级 alone: the name decides both.
_BOTH_LEVELS_FACTOR = 0.95
# A rule is weighed against the library entries it would classify: its prior counts as _RULE_WEIGHT entries,
# an entry of the declaration's own sector as 1 + _SECTOR_WEIGHT: sectors have their habits (a 司法局 files
# under 社会效益 what other departments would not).
_RULE_WEIGHT = 4.0
_SECTOR_WEIGHT = 5.0
# Names this similar (0..1, distinctive characters shared) are taken as the same indicator; from _NEAR
# the nearest names vote.
_SAME = 0.8
_NEAR = 0.5
_MEMO_SIZE = 20_000


@dataclass(frozen=True)
class Suggestion:
    """The 二级 suggested for one indicator (with its 一级), how sure, and why."""
    level2: str
    confidence: float
    reason: str  # in Chinese, for the fix and the clerk: 名称含“合格率”，衡量完成的质量；指标库中同类的…
    level1: str  # the indicator's 一级, or the one suggested with the 二级 when it had none
    evidence: tuple[LibraryEntry, ...] = ()  # the library entries the suggestion rests on, if any

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENT


def _fitting(entries: Iterable[LibraryEntry], level1: str, variant: str | None) -> list[LibraryEntry]:
    return [e for e in entries if e.level1 == level1 and framework.fits(level1, e.level2, variant)]


def _quoted(entry: LibraryEntry) -> str:
    return f"“{entry.name}”（{entry.source}）"


class Level2Suggester:
    """Suggestions from one indicator library: the bundled one, or one built from chosen sources to measure
    on indicators it was not built from (scripts/measure_level2*.py).

    names: the v1 form, 二级 → 三级 names (entries of BUILT_IN_SOURCE); entries: published classifications."""

    def __init__(self, names: Mapping[str, Iterable[str]] | None = None, entries: Iterable[LibraryEntry] = ()):
        self._library = LibraryIndex([*entries_from_names(names or {}), *entries])
        self._memo: dict[tuple, Suggestion | None] = {}
        # The library entries each rule and keyword would classify (with their names' numbers), to weigh
        # the rule by what their publishers said.
        self._classified: dict[tuple[str, str], list[tuple[int, LibraryEntry]]] = {}
        for entry in self._library.entries:
            hit = rule_hit(entry.name, entry.level1, entry.value, None)
            if hit is not None:
                number = self._library.number[normalised_name(entry.name)]
                self._classified.setdefault(hit.key, []).append((number, entry))

    def suggest(self, name: str | None, level1: str | None, variant: str | None = None,
                annual_value: str | None = None, period_value: str | None = None,
                sector: str | None = None) -> Suggestion | None:
        """The 二级 (and the 一级 when level1 is empty) for an indicator, or None when there is nothing to
        go on. A suggestion below CONFIDENT is to be offered, not applied unasked. sector (sector_of the
        declaration's department) makes the library entries of that sector count more."""
        if not name or not name.strip():
            return None
        if level1 and not framework.is_known_level1(level1):
            return None
        value = annual_value or period_value
        key = (name, level1, variant, value, sector)
        if key not in self._memo:  # a declaration repeats its names: a project's indicators, last year's
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = self._suggest(name, level1, variant, value, sector)
        return self._memo[key]

    def _suggest(self, name: str, level1: str | None, variant: str | None, value: str | None,
                 sector: str | None) -> Suggestion | None:
        if level1:
            found = self._within(name, level1, variant, value, sector)
        else:
            found = self._with_level1(name, variant, value, sector)
        if found is None or found.confidence < OFFERED:
            return None
        if not framework.fits(found.level1, found.level2, variant):
            return None  # a rule must never hand out a 二级 the framework in use rejects
        return found

    def suggest_for(self, indicator: Indicator, variant: str | None = None,
                    sector: str | None = None) -> Suggestion | None:
        return self.suggest(indicator.name, indicator.level1, variant, indicator.annual_value, indicator.period_value,
                            sector)

    # ---- the evidence ---------------------------------------------------------------------------
    def _within(self, name: str, level1: str, variant: str | None, value: str | None,
                sector: str | None) -> Suggestion | None:
        only = framework.level2_choices(level1, variant)
        if len(only) == 1:
            return Suggestion(only[0], 1.0, f"{level1}下只有这一个二级指标", level1)
        if SATISFACTION_WORDS.search(name) and level1 in (framework.OUTPUT, framework.EFFECT):
            return None  # a satisfaction under 产出/效益 (天河's 慰问对象满意度): the 一级 is what is wrong
        same = _fitting(self._library.same(name), level1, variant)
        if same:
            return _from_entries(same, level1, f"指标库中“{name}”")
        likeness = self._library.likeness(name)
        near = self._near(likeness, level1, variant)
        if near and near[0][0] >= _SAME:
            return _from_entries(near[0][1], level1, "指标库中相近的指标")
        hit = rule_hit(name, level1, value, variant)
        if hit is None:
            return self._from_neighbours(near, level1)
        return self._weighed(hit, level1, likeness, near, sector)

    def _with_level1(self, name: str, variant: str | None, value: str | None,
                     sector: str | None) -> Suggestion | None:
        same = self._library.same(name)
        owners = {e.level1 for e in same}
        if len(owners) == 1:
            level1 = owners.pop()
            found = _from_entries(_fitting(same, level1, variant), level1, f"指标库中“{name}”")
            if found is not None:
                return _both(found, f"属于{level1}；")
        if SATISFACTION_WORDS.search(name):
            return Suggestion(SERVED, 0.9, "名称含“满意”", framework.SATISFACTION)
        if COST_WORDS.search(name):
            return None  # 成本 is an 一级 in one variant and a 二级 in the other: the clerk decides
        likeness = self._library.likeness(name)
        hit = output_hit(name, variant, None)
        if hit is not None:
            near = self._near(likeness, framework.OUTPUT, variant)
            return _both(self._weighed(hit, framework.OUTPUT, likeness, near, sector), "")
        hit = effect_keyword_hit(name)
        if hit is not None:
            near = self._near(likeness, framework.EFFECT, variant)
            return _both(self._weighed(hit, framework.EFFECT, likeness, near, sector), "")
        return None

    def _near(self, likeness: dict[int, float], level1: str,
              variant: str | None) -> list[tuple[float, list[LibraryEntry]]]:
        """The library names at least _NEAR alike that have entries under level1, nearest first."""
        found = []
        for number, score in likeness.items():
            if score >= _NEAR:
                fitting = _fitting(self._library.by_name[self._library.names[number]], level1, variant)
                if fitting:
                    found.append((score, fitting))
        found.sort(key=lambda pair: -pair[0])
        return found[:3]

    def _weighed(self, hit: Hit, level1: str, likeness: dict[int, float],
                 near: list[tuple[float, list[LibraryEntry]]], sector: str | None) -> Suggestion:
        """The rule's suggestion, its confidence weighed by what the library's publishers said of the entries
        the same rule and keyword would classify, and by the nearly alike names."""
        rule = hit.rule
        classified = self._classified.get(hit.key, ())
        counts = Counter(entry.level2 for _, entry in classified)
        examples: dict[str, tuple[float, LibraryEntry]] = {}
        for number, entry in classified:
            alike = likeness.get(number, 0.0)
            if entry.level2 not in examples or alike > examples[entry.level2][0]:
                examples[entry.level2] = (alike, entry)
        agree, total = counts[rule.level2], sum(counts.values())
        own = Counter(entry.level2 for _, entry in classified if sector and entry.sector == sector)
        confidence = ((rule.prior * _RULE_WEIGHT + agree + _SECTOR_WEIGHT * own[rule.level2])
                      / (_RULE_WEIGHT + total + _SECTOR_WEIGHT * sum(own.values())))
        if rule.why == MIXED.why:
            confidence = min(confidence, SPLIT)
        reason, evidence = hit.why, ()
        if total:
            reason += f"；指标库中同类的 {total} 个指标 {agree} 个属于{rule.level2}"
            if agree:
                evidence = (examples[rule.level2][1],)
                reason += f"（如{_quoted(evidence[0])}）"
            other = next((level2 for level2, _ in counts.most_common() if level2 != rule.level2), None)
            if other:
                example = examples[other][1]
                if counts[other] > agree + rule.prior * _RULE_WEIGHT:  # the library says otherwise: offer that
                    return Suggestion(other, SPLIT, f"{hit.why}，但指标库中同类的 {total} 个指标 {counts[other]} 个"
                                      f"属于{other}（如{_quoted(example)}）", level1, (example,))
                reason += f"，{total - agree} 个属于别的二级（如{_quoted(example)}属于{other}）"
        votes = _votes(near)
        if votes and rule.level2 not in votes:  # a nearly alike name says otherwise
            level2, entry = next(iter(votes.values()))
            return Suggestion(rule.level2, min(confidence, SPLIT),
                              f"{reason}；但指标库中最相近的{_quoted(entry)}属于{level2}", level1, evidence)
        return Suggestion(rule.level2, min(confidence, 0.95), reason, level1, evidence)

    def _from_neighbours(self, near: list[tuple[float, list[LibraryEntry]]], level1: str) -> Suggestion | None:
        votes = _votes(near)
        if len(votes) != 1:
            return None
        level2, entry = next(iter(votes.values()))
        return Suggestion(level2, SPLIT + 0.1, f"指标库中相近的{_quoted(entry)}属于{level2}", level1, (entry,))


def _votes(near: list[tuple[float, list[LibraryEntry]]]) -> dict[str, tuple[str, LibraryEntry]]:
    """The 二级 of the nearest names (each with its nearest entry), nearest first."""
    votes: dict[str, tuple[str, LibraryEntry]] = {}
    for _score, entries in near:
        for entry in entries:
            votes.setdefault(entry.level2, (entry.level2, entry))
    return votes


def _from_entries(entries: list[LibraryEntry], level1: str, what: str) -> Suggestion | None:
    """The 二级 the library's entries for one name give: all of them, or their majority offered only."""
    if not entries:
        return None
    counts = Counter(e.level2 for e in entries)
    level2, count = counts.most_common(1)[0]
    backing = tuple(e for e in entries if e.level2 == level2)
    sources = "、".join(dict.fromkeys(f"“{e.name}”（{e.source}）" for e in backing[:2]))
    if len(counts) == 1:
        more = f"等 {len(backing)} 处" if len(backing) > 2 else ""
        return Suggestion(level2, 0.95, f"{what}属于{level2}：{sources}{more}", level1, backing)
    others = "、".join(f"{other} {n} 处" for other, n in counts.items() if other != level2)
    confidence = SPLIT if count > len(entries) - count else OFFERED
    return Suggestion(level2, confidence, f"{what}的归类不一：{level2} {count} 处（{sources}），{others}", level1, backing)


def _both(found: Suggestion | None, prefix: str) -> Suggestion | None:
    if found is None:
        return None
    return Suggestion(found.level2, found.confidence * _BOTH_LEVELS_FACTOR, prefix + found.reason, found.level1,
                      found.evidence)


@lru_cache(maxsize=1)
def bundled_suggester() -> Level2Suggester:
    """The suggester over the bundled indicator libraries, made once."""
    return Level2Suggester(indicator_library(), entries_from_v2(library_v2()))
