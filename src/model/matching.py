"""Which project of one declaration is which of another, and likewise for indicators and key tasks.

Projects pair by exact name first (a dict, so 2,000 projects cost a pass, not a square); only the ones
left over are compared by similarity, and only within the same 预算单位, so a project renamed from one
year to the next is a rename, not a removal and an addition. The similarity ignores what the seeds show
changing between years without the project changing: years and periods in brackets, funding document
numbers (穗财政【2023】79号), a district prefix and the generic endings (工作经费, 业务经费, 专项资金).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Hashable, Mapping, Sequence

from .declaration import Indicator, Project

# Chosen from the renames and the distinct projects of the seeds (tests/test_compare.py): a name-only
# rename scores 0.8 × name similarity, so names alike to 0.875 and more pair on their own; names alike
# to 0.75 (购买行政复议应诉辅助服务经费 beside 行政复议应诉经费, two projects of one table) need shared
# indicators as well.
RENAME_THRESHOLD = 0.7
NAME_WEIGHT = 0.8  # the rest of the score is the share of indicator names the two projects have in common

Pairs = list[tuple[int, int]]


Keys = Sequence[Hashable] | Mapping[int, Hashable]  # by position: a list, or a dict of the positions in play


def pair_exact(old_keys: Keys, new_keys: Keys, old_rest: Sequence[int] | None = None,
               new_rest: Sequence[int] | None = None) -> tuple[Pairs, list[int], list[int]]:
    """Equal keys pair in order of appearance (the 3rd 人民调解委员会工作经费 with the 3rd); returns the pairs and
    the positions left on each side. old_rest/new_rest restrict both sides to those positions."""
    old_rest = range(len(old_keys)) if old_rest is None else old_rest
    new_rest = range(len(new_keys)) if new_rest is None else new_rest
    waiting: dict[Hashable, list[int]] = defaultdict(list)
    for position in reversed(new_rest):
        waiting[new_keys[position]].append(position)  # reversed, so pop() gives the first
    pairs, old_left = [], []
    for position in old_rest:
        queue = waiting.get(old_keys[position])
        if queue:
            pairs.append((position, queue.pop()))
        else:
            old_left.append(position)
    taken = {new for _, new in pairs}
    return pairs, old_left, [position for position in new_rest if position not in taken]


# ---- projects -----------------------------------------------------------------------------------
_WIDTH = str.maketrans("（）【】〔〕［］", "()[][][]")
_DOCUMENT = re.compile(r"[\u4e00-\u9fff]{0,6}\[\d{4}\]\d+号")  # 穗财政【2023】79号
_DATED_BRACKET = re.compile(r"\([^()]*(?:\d|级)[^()]*\)")  # (2022-2025年), （区级）
_YEAR = re.compile(r"\d{4}(?:-\d{4})?年度?")
_DISTRICT = re.compile(r"^(?:广州市)?[\u4e00-\u9fff]{2}区(?:司法局)?(?=..)")  # 天河区, 番禺区司法局
_GENERIC_END = re.compile(r"(?:工作|业务|专项|项目|服务)?(?:经费|资金)$|(?:工作|业务|专项)$")


@lru_cache(maxsize=8192)
def name_core(name: str | None) -> str:
    """'天河区司法局政法网设备运维项目(2022-2025年)' → '政法网设备运维项目'; '法制业务工作经费' → '法制'."""
    text = unicodedata.normalize("NFKC", name or "").translate(_WIDTH).replace(" ", "")
    text = _DOCUMENT.sub("", text)
    text = _DATED_BRACKET.sub("", text)
    text = _YEAR.sub("", text)
    text = _DISTRICT.sub("", text)
    while True:
        shorter = _GENERIC_END.sub("", text)
        if shorter == text or not shorter:
            return text
        text = shorter


def _indicator_names(project: Project) -> frozenset[str]:
    return frozenset(_loose(indicator.name) for indicator in project.indicators if indicator.name)


def rename_score(old: Project, new: Project) -> float:
    """How surely new is old renamed: NAME_WEIGHT × name similarity + the rest × shared indicator names."""
    name = SequenceMatcher(None, name_core(old.name), name_core(new.name)).ratio()
    return _combined(name, _indicator_names(old), _indicator_names(new))


def _combined(name: float, old_names: frozenset[str], new_names: frozenset[str]) -> float:
    shared = len(old_names & new_names) / max(len(old_names), len(new_names)) if old_names or new_names else 0.0
    return NAME_WEIGHT * name + (1 - NAME_WEIGHT) * shared


def pair_projects(old: Sequence[Project], new: Sequence[Project]) -> tuple[Pairs, list[int], list[int]]:
    """(pairs, removed, added): pairs of positions (old, new), exact names and renames, in old order."""
    pairs, old_rest, new_rest = pair_exact([p.name for p in old], [p.name for p in new])
    old_by_unit, new_by_unit = defaultdict(list), defaultdict(list)
    for position in old_rest:
        old_by_unit[_loose(old[position].unit)].append(position)
    for position in new_rest:
        new_by_unit[_loose(new[position].unit)].append(position)
    cores_old = {position: name_core(old[position].name) for position in old_rest}
    cores_new = {position: name_core(new[position].name) for position in new_rest}
    for unit, old_here in old_by_unit.items():
        new_here = new_by_unit.get(unit)
        if not new_here:
            continue
        # The same core ('…（2022年）' → '…（2023年）', 工作经费 → 业务经费) is a rename whatever else differs:
        # paired in order first, so the similarity below only sees the few names that really changed.
        same, old_here, new_here = pair_exact(cores_old, cores_new, old_here, new_here)
        pairs += same + _pair_similar(old, new, old_here, new_here)
    paired_old, paired_new = {o for o, _ in pairs}, {n for _, n in pairs}
    return (sorted(pairs), [o for o in old_rest if o not in paired_old], [n for n in new_rest if n not in paired_new])


class _Name:
    """A core with what the cheap bound needs: its characters as bits of an int, and how many repeat."""

    __slots__ = ("core", "bits", "repeats")

    def __init__(self, name: str | None, bit_of: dict[str, int]):
        self.core = name_core(name)
        self.bits = 0
        for character in set(self.core):
            self.bits |= bit_of.setdefault(character, 1 << len(bit_of))
        self.repeats = len(self.core) - len(set(self.core))


def _pair_similar(old: Sequence[Project], new: Sequence[Project], old_here: list[int], new_here: list[int]) -> Pairs:
    """One-to-one, greedily by score, among the unmatched projects of one unit."""
    if not old_here or not new_here:
        return []
    floor = (RENAME_THRESHOLD - (1 - NAME_WEIGHT)) / NAME_WEIGHT  # the least name similarity that can still pass
    bit_of: dict[str, int] = {}
    news = [(position, _Name(new[position].name, bit_of)) for position in new_here]
    indicator_names: dict[tuple[int, int], frozenset[str]] = {}

    def names_of(side: int, position: int) -> frozenset[str]:
        key = (side, position)
        if key not in indicator_names:
            indicator_names[key] = _indicator_names((old, new)[side][position])
        return indicator_names[key]

    # ratio = 2·matches / (both lengths), and matches ≤ the shared characters plus the repeated ones: so a
    # pair can only pass if shared ≥ floor·(mine + theirs)/2 − my repeats. Counting shared characters as the
    # bits two ints have in common costs two integer operations per pair, which rules out most pairs before
    # difflib's Python loops see them (two unrelated 2,000-project files of one unit: 4,000,000 pairs in 0.65 s here).
    bits = [name.bits for _, name in news]
    halves = [floor * len(name.core) / 2 for _, name in news]
    candidates = []
    for position in old_here:
        mine = _Name(old[position].name, bit_of)
        own, mask = floor * len(mine.core) / 2 - mine.repeats, mine.bits
        hopeful = [k for k, (theirs, half) in enumerate(zip(bits, halves)) if (mask & theirs).bit_count() >= own + half]
        if not hopeful:
            continue
        matcher = SequenceMatcher(None, "", mine.core)
        for k in hopeful:
            other, theirs = news[k]
            matcher.set_seq1(theirs.core)  # difflib caches what it learns of the second text: mine stays there
            name = matcher.ratio()
            if name < floor:
                continue
            score = _combined(name, names_of(0, position), names_of(1, other))
            if score >= RENAME_THRESHOLD:
                candidates.append((-score, position, other))
    candidates.sort()
    used_old, used_new, pairs = set(), set(), []
    for _, position, other in candidates:
        if position not in used_old and other not in used_new:
            used_old.add(position)
            used_new.add(other)
            pairs.append((position, other))
    return pairs


# ---- indicators and tasks -------------------------------------------------------------------------
def _loose(text: str | None) -> str | None:
    """Spelling that does not make another indicator: full/half width, spaces."""
    return unicodedata.normalize("NFKC", text).replace(" ", "") if text else text


def pair_indicators(old: Sequence[Indicator], new: Sequence[Indicator]) -> tuple[Pairs, list[int], list[int]]:
    """By (一级, 二级, 三级) first, then by 三级 alone (an indicator moved under another 二级), then by its name
    spelled loosely ('成功率(%)' = '成功率（%）'). Returns (pairs in old order, removed, added)."""
    pairs, old_rest, new_rest = pair_exact([(i.level1, i.level2, i.name) for i in old],
                                           [(i.level1, i.level2, i.name) for i in new])
    for key in (lambda i: i.name, lambda i: _loose(i.name)):
        if not old_rest or not new_rest:
            break
        more, old_rest, new_rest = pair_exact([key(i) for i in old], [key(i) for i in new], old_rest, new_rest)
        pairs += more
    return sorted(pairs), old_rest, new_rest


def pair_by_name(old: Sequence, new: Sequence) -> tuple[Pairs, list[int], list[int]]:
    """Key tasks: by name, equal names in order."""
    pairs, old_rest, new_rest = pair_exact([_loose(t.name) for t in old], [_loose(t.name) for t in new])
    return sorted(pairs), old_rest, new_rest
