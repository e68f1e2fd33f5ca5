"""The indicator libraries: the built-in v1 list (三级 names by 二级 from the 司法局 example tables,
resources/indicator_library.json, built by scripts/build_indicator_library.py) and the v2 library of published
indicators of every sector with their sources (resources/indicator_library_v2.json, built by
scripts/build_library_v2.py). Both are read on first use, never at start-up: the 二级 suggester
(level2_suggest.py) weighs its evidence against them and the name completer offers their names.

LibraryIndex finds the entries of a name and the names alike to it; names are compared normalised.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Mapping

from ..bundled import INDICATOR_LIBRARY, INDICATOR_LIBRARY_V2, resource_file
from . import framework

if TYPE_CHECKING:
    from .declaration import Indicator

BUILT_IN_SOURCE = "编辑器自带指标库（广州市区司法局示例申报表及常用指标）"
BUILT_IN_SECTOR = "公安/司法/应急"

# A department's or unit's name → its sector (scripts/build_library_v2.py's sector names), first match wins.
_SECTOR_WORDS = (
    ("公安/司法/应急", "司法|公安|法院|检察|应急管理|消防|法律援助|禁毒|戒毒|监狱|公证"),
    ("卫生健康/医保", "卫生|卫健|医院|疾控|疾病预防|医疗保障|医保|妇幼|计划生育|中医"),
    ("教育", "教育|学校|小学|中学|幼儿园|学院|大学|教师|职业技术"),
    ("交通运输", "交通|公路|运输|港航|海事|航道"),
    ("生态环境/林业/水务", "生态环境|环境保护|环保|林业|林草|水务|水利|自然资源|园林|绿化"),
    ("农业农村", "农业|农村|畜牧|水产|农机|乡村振兴|粮食|供销|扶贫"),
    ("文化旅游/体育", "文化|旅游|体育|文旅|广电|图书馆|博物馆|文物|剧团"),
    ("民政/残联", "民政|残联|残疾人|老龄|慈善|退役军人|妇联|红十字"),
    ("人力资源社会保障", "人力资源|社会保障|人社|社保|就业"),
    ("住建/城管", "住房|城乡建设|住建|城管|城市管理|综合执法|市政|环卫|房管"),
    ("科技", "科技|科学技术|科协|工业和信息化"),
    ("市场监管", "市场监督|市场监管|质量技术监督|药品监督|食品药品"),
)


@dataclass(frozen=True)
class LibraryEntry:
    """One published classification of an indicator name."""
    name: str
    level1: str
    level2: str
    source: str  # the document it was published in (its title), or BUILT_IN_SOURCE
    sector: str | None = None
    value: str | None = None  # the target value as published, where there was one


def sector_of(names: Iterable[str | None]) -> str | None:
    """The sector of the first name (the department's, then its units') that says one, or None."""
    for name in names:
        for sector, words in _SECTOR_WORDS:
            if name and re.search(words, name):
                return sector
    return None


def normalised_name(name: str) -> str:
    """The name compared with the library's: no spaces or marks, half-width brackets, no trailing target
    (`…率100%`, `…受案数30件/人以上`) and no trailing bracket (`…面积（亩）`, `…（≥**%）`)."""
    text = re.sub(r"[\s★☆*＊]+", "", name).replace("(", "（").replace(")", "）").replace("，", ",")
    for pattern in (_TRAILING_TARGET, _TRAILING_BRACKET, _TRAILING_TARGET):
        text = pattern.sub("", text) or text
    return text.rstrip("。.;；,")


_TRAILING_TARGET = re.compile(r"(达到?|不少于|不低于|不超过|控制在)?[0-9.]+(%|‰|[^\d（）,、]{1,3}(/[^\d（）,、]{1,2})?)?"
                              r"(及?以上|及?以下)?$")
_TRAILING_BRACKET = re.compile(r"（[^（）]*）$")


# ---- the index ----------------------------------------------------------------------------------
def _grams(text: str) -> frozenset[str]:
    """Characters and pairs of characters of a normalised name: what two names share."""
    chars = [c for c in text if not c.isdigit() and c not in "（）,、:：-—“”\"'《》/%．."]
    return frozenset(chars) | frozenset(a + b for a, b in zip(chars, chars[1:]))


class LibraryIndex:
    """Entries by normalised name, and the names by their characters for likeness (weighted: a character
    every name has, 率 or 数, says less than 尘)."""

    def __init__(self, entries: Iterable[LibraryEntry]):
        self.entries = [e for e in entries if framework.fits(e.level1, e.level2)]
        self.by_name: dict[str, list[LibraryEntry]] = {}
        for entry in self.entries:
            self.by_name.setdefault(normalised_name(entry.name), []).append(entry)
        self.names = list(self.by_name)
        self.number = {name: number for number, name in enumerate(self.names)}
        self._grams = [_grams(name) for name in self.names]
        counts = Counter(gram for each in self._grams for gram in each)
        self._weight = {gram: math.log(1 + len(self.names) / count) for gram, count in counts.items()}
        self._default_weight = math.log(2 + len(self.names))
        self._size = [sum(self._weight[gram] for gram in each) for each in self._grams]
        # Candidates are found by their distinctive grams only (in at most 1 name of 20): a name that shares
        # none is never alike enough to count, and 率 or 数 would make every name a candidate.
        rare = max(3, len(self.names) // 20)
        self._posting: dict[str, list[int]] = {}
        for number, each in enumerate(self._grams):
            for gram in each:
                if counts[gram] <= rare:
                    self._posting.setdefault(gram, []).append(number)

    def same(self, name: str) -> list[LibraryEntry]:
        return self.by_name.get(normalised_name(name), [])

    def likeness(self, name: str) -> dict[int, float]:
        """The library names sharing a distinctive character with this one (by number) → how alike, 0..1."""
        grams = _grams(normalised_name(name))
        candidates = {number for gram in grams for number in self._posting.get(gram, ())}
        if not candidates:
            return {}
        weight = self._weight.get
        own = sum(weight(gram, self._default_weight) for gram in grams)
        alike = {}
        for number in candidates:
            common = sum(self._weight[gram] for gram in grams & self._grams[number])
            alike[number] = common / math.sqrt(own * self._size[number])
        return alike


# ---- building the entries ---------------------------------------------------------------------------
def entries_from_names(names: Mapping[str, Iterable[str]], source: str = BUILT_IN_SOURCE,
                       sector: str | None = BUILT_IN_SECTOR) -> list[LibraryEntry]:
    """The v1 form (二级 → 三级 names; 一级 keys of names without a 二级 are left out) as entries of one sector
    (the built-in list's tables are 司法局's). 成本指标 there is the older variant's 二级 under 产出指标."""
    entries = []
    for level2, listed in names.items():
        # framework.COST, the 2021 variant's 一级, is spelled as the older variant's 二级.
        level1 = framework.OUTPUT if level2 == framework.COST else _level1_of(level2, None)
        if level1 is None or not framework.is_known_level2(level2):
            continue
        entries += [LibraryEntry(name, level1, level2, source, sector) for name in listed if name]
    return entries


def _level1_of(level2: str, variant: str | None) -> str | None:
    """The one 一级 a 二级 belongs to in the variant (both variants when unknown, if they agree)."""
    chosen = [framework.variants()[variant]] if variant else list(framework.variants().values())
    owners = {level1 for levels in chosen for level1, names in levels.items() if level2 in names}
    return owners.pop() if len(owners) == 1 else None


def entries_from_v2(library: Mapping) -> list[LibraryEntry]:
    """The entries of a v2 library (scripts/build_library_v2.py) that have a 二级, each with its first
    source's title."""
    titles = {key: (value or {}).get("title") or key for key, value in (library.get("sources") or {}).items()}
    entries = []
    for item in library.get("entries") or []:
        level1, level2, name = item.get("level1"), item.get("level2"), item.get("name")
        if not (name and level2 and framework.fits(level1, level2)):
            continue
        sources = item.get("sources") or []
        source = titles.get(sources[0], sources[0]) if sources else "指标库"
        if len(sources) > 1:
            source += f" 等 {len(sources)} 份"
        entries.append(LibraryEntry(name, level1, level2, source, item.get("sector"), item.get("example_value")))
    return entries


def build_library(indicators: Iterable[Indicator],
                  base: Mapping[str, Iterable[str]] | None = None) -> dict[str, list[str]]:
    """三级 names by 二级 (by 一级 where the 二级 is missing or does not fit), from these indicators, after base's."""
    library: dict[str, list[str]] = {key: list(names) for key, names in (base or {}).items()}
    for indicator in indicators:
        if not indicator.name or not framework.is_known_level1(indicator.level1):
            continue
        key = indicator.level2 if framework.fits(indicator.level1, indicator.level2) else indicator.level1
        names = library.setdefault(key, [])
        if indicator.name not in names:
            names.append(indicator.name)
    return library


# ---- reading the bundled libraries, once ------------------------------------------------------------
def _read_json(name: str):
    try:
        return json.loads(resource_file(name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


@lru_cache(maxsize=1)
def indicator_library() -> dict[str, list[str]]:
    """resources/indicator_library.json (三级 names by 二级), read once; {} when it is missing or broken: the
    completer and the suggester are helps, so they go without (the suggester on its name rules alone) and
    `selftest` reports it, instead of a traceback in every problem's tooltip."""
    library = _read_json(INDICATOR_LIBRARY)
    return library if isinstance(library, dict) else {}


@lru_cache(maxsize=1)
def library_v2() -> dict:
    """resources/indicator_library_v2.json (published indicators of every sector with their sources), read
    once; {} when it is missing or broken."""
    library = _read_json(INDICATOR_LIBRARY_V2)
    return library if isinstance(library, dict) and isinstance(library.get("entries"), list) else {}


@lru_cache(maxsize=1)
def names_by_level2() -> dict[str, list[str]]:
    """Every name of both libraries by 二级 (by 一级 where it has none), the built-in ones first: the completer's."""
    names = {key: list(listed) for key, listed in indicator_library().items()}
    for item in library_v2().get("entries", []):
        key, name = item.get("level2") or item.get("level1"), item.get("name")
        if key and name and name not in names.setdefault(key, []):
            names[key].append(name)
    return names
