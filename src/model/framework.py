"""The indicator framework (一级/二级指标) loaded from data, and name normalisation.

The tables live in framework.json so that a new code or alias is a data change,
not a code change (DOMAIN.md: "keep the code table in data").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from ..bundled import package_file

_DATA_FILE = package_file("model/framework.json")

NEWER = "2021"
LEGACY = "legacy"

OUTPUT = "产出指标"
EFFECT = "效益指标"
SATISFACTION = "满意度指标"
COST = "成本指标"

# A code prefix as published: "11-数量指标", "2－效益指标", "22.社会效益".
_CODE_PREFIX = re.compile(r"^\s*(\d{1,3})\s*[-－—.．、]\s*")


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(_DATA_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def variants() -> dict[str, dict[str, list[str]]]:
    return {key: value["levels"] for key, value in _data()["variants"].items()}


@lru_cache(maxsize=1)
def level1_names() -> tuple[str, ...]:
    names: list[str] = []
    for levels in variants().values():
        for name in levels:
            if name not in names:
                names.append(name)
    return tuple(names)


@lru_cache(maxsize=1)
def _all_level2() -> frozenset[str]:
    return frozenset(l2 for levels in variants().values() for l2s in levels.values() for l2 in l2s)


@lru_cache(maxsize=1)
def level2_names() -> tuple[str, ...]:
    """Every 二级 of every variant, in a fixed order."""
    return tuple(sorted(_all_level2()))


def level2_choices(level1: str | None, variant: str | None = None) -> list[str]:
    """二级 names that fit level1 in the variant (both variants when unknown)."""
    return list(_level2_choices(level1, variant))


@lru_cache(maxsize=256)
def _level2_choices(level1: str | None, variant: str | None) -> tuple[str, ...]:
    if not level1:
        return ()
    chosen = [variants()[variant]] if variant else list(variants().values())
    names: list[str] = []
    for levels in chosen:
        for name in levels.get(level1, []):
            if name not in names:
                names.append(name)
    return tuple(names)


def fits(level1: str | None, level2: str | None, variant: str | None = None) -> bool:
    return level2 in _level2_choices(level1, variant)


def only_level2(level1: str | None) -> str | None:
    """The 二级 when level1 allows exactly one in every variant (满意度 → 服务对象满意度)."""
    choices = _level2_choices(level1, None)
    return choices[0] if len(choices) == 1 else None


@lru_cache(maxsize=1)
def negative_keywords() -> tuple[str, ...]:
    return tuple(_data()["negative_keywords"])


@lru_cache(maxsize=1)
def vague_words() -> tuple[str, ...]:
    return tuple(_data()["vague_words"])


@lru_cache(maxsize=1)
def negative_pattern() -> re.Pattern:
    return re.compile("|".join(map(re.escape, negative_keywords())))


@lru_cache(maxsize=1)
def vague_pattern() -> re.Pattern:
    return re.compile("|".join(map(re.escape, vague_words())))


@lru_cache(maxsize=1)
def placeholders() -> frozenset[str]:
    return frozenset(_data()["placeholders"])


@lru_cache(maxsize=4096)
def canonical_level(text: str | None) -> str | None:
    """Canonical full name for a level as written in real tables; unknown text is kept."""
    if text is None:
        return None
    name = re.sub(r"\s+", "", str(text))
    if not name:
        return None
    data = _data()
    match = _CODE_PREFIX.match(name)
    code = None
    if match:
        code = match.group(1)
        name = name[match.end():]
    known = set(level1_names()) | _all_level2()
    if name in known:
        return name
    if name in data["aliases"]:
        return data["aliases"][name]
    if name + "指标" in known:
        return name + "指标"
    if not name and code in data["codes"]:
        return data["codes"][code]
    return name or None


def is_known_level1(name: str | None) -> bool:
    return name in level1_names()


def is_known_level2(name: str | None) -> bool:
    return name in _all_level2()


def variant_signals(level1: str | None, level2: str | None) -> str | None:
    """Which variant a (level1, level2) pair can only come from, if any."""
    if level1 == COST:
        return NEWER
    if level1 == OUTPUT and level2 == COST:
        return LEGACY
    return None
