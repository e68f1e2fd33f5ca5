"""The 指标库 as a clerk searches it: every entry of both bundled libraries (indicator_library) whose 一级/二级 fit
the framework, with its sources, and an index built once so that a keystroke's search looks only at the entries
holding every character typed. The library browser (ui/widgets/library_browser.py) shows it."""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from . import framework
from .indicator_library import BUILT_IN_SOURCE, entries_from_names, indicator_library, library_v2
from .level2_rules import ECONOMIC_COST

COMMON = "共性"  # the indicators of every department (资金使用, 项目管理, 机关运行)

# Where an entry comes from (the browser's 来源 filter): the libraries the editor ships, a finance bureau's
# 指标库 the clerk imported (storage/library), and 我的指标, the indicators of the clerk's own files.
BUNDLED, LOCAL, MINE = "bundled", "local", "mine"
ORIGIN_LABELS = {BUNDLED: "编辑器自带指标库", LOCAL: "本地指标库", MINE: "我的指标"}
# The sector of a local entry whose table names none, and of every 我的指标 entry. Like 共性, these come with
# any sector the clerk filters by that is the department's own (or with no sector chosen): the clerk's own
# indicators and the bureau's library are the department's whatever its sector is called.
LOCAL_SECTOR, MINE_SECTOR = ORIGIN_LABELS[LOCAL], ORIGIN_LABELS[MINE]
_OWN_SECTORS = (LOCAL_SECTOR, MINE_SECTOR)
_ORIGIN_RANK = {LOCAL: 0, BUNDLED: 1, MINE: 2}


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str | None = None
    year: int | None = None
    url: str | None = None


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    level1: str
    level2: str
    sector: str
    sources: tuple[Source, ...]
    comparator: str | None = None  # ≥ ≤ ＝ … or 定性
    unit: str | None = None
    example_value: str | None = None  # the value as one publisher wrote it: for reference only
    explanation: str | None = None
    origin: str = BUNDLED

    @property
    def form(self) -> str:
        """How its value is written: 定性, or the comparator and unit around the number left to the clerk (≥__%)."""
        if self.comparator == "定性":
            return "定性"
        if self.comparator or self.unit:
            return f"{self.comparator or ''}__{self.unit or ''}"
        return ""

    @property
    def typical(self) -> str:
        return self.example_value or self.form


def folded(text: str) -> str:
    """Compared as typed: full-width forms as half-width (NFKC), case folded, no spaces."""
    return "".join(unicodedata.normalize("NFKC", text or "").casefold().split())


class Catalogue:
    """The entries with a character → entries bitmask, so a query looks only at the entries holding all its
    characters; sectors and 一级/二级 are bitmasks too."""

    def __init__(self, entries: Iterable[CatalogueEntry]):
        started = time.perf_counter()
        self.entries = list(entries)
        self._names = [folded(e.name) for e in self.entries]
        self._texts = [f"{name}\0{folded(e.explanation or '')}" for name, e in zip(self._names, self.entries)]
        self._chars: dict[str, int] = {}
        self._sectors: dict[str, int] = {}
        self._levels: dict[tuple[str, str | None], int] = {}
        self._origins: dict[str, int] = {}
        for number, (text, entry) in enumerate(zip(self._texts, self.entries)):
            bit = 1 << number
            for char in set(text):
                self._chars[char] = self._chars.get(char, 0) | bit
            self._sectors[entry.sector] = self._sectors.get(entry.sector, 0) | bit
            self._origins[entry.origin] = self._origins.get(entry.origin, 0) | bit
            for key in ((entry.level1, None), (entry.level1, entry.level2)):
                self._levels[key] = self._levels.get(key, 0) | bit
        self._all = (1 << len(self.entries)) - 1
        known = [s for s in library_v2().get("sectors") or [] if s in self._sectors]
        self.sectors = known + sorted(set(self._sectors) - set(known) - set(_OWN_SECTORS))
        self.origins = [origin for origin in ORIGIN_LABELS if origin in self._origins]
        order = [(l1, l2) for l1 in framework.level1_names() for l2 in (None, *framework.level2_choices(l1))]
        self.levels = [key for key in order if key in self._levels]
        self.build_seconds = time.perf_counter() - started

    def search(self, query: str, sector: str | None = None, level: tuple[str, str | None] | None = None,
               own_sector: str | None = None, origin: str | None = None) -> list[int]:
        """The entries (by number) holding every word of query in their name or 指标解释, of sector (with the
        共性 ones, and the local and 我的指标 ones when it is the department's own) and level and origin: names
        before explanations, then the chosen sector's entries (else own_sector's, the department's) and the
        local ones before 共性 before 我的指标 before the rest; at the same standing, the bureau's entry before the
        bundled one and that before the clerk's own."""
        terms = _terms(query)
        mask = self._mask(terms, sector, level, own_sector, origin)
        first = sector if sector and sector != COMMON else own_sector
        rank = {LOCAL_SECTOR: 0, COMMON: 1, MINE_SECTOR: 2}
        if first:
            rank[first] = 0
        found = []
        for number in _bits(mask):
            if terms and not all(term in self._texts[number] for term in terms):
                continue
            name = self._names[number]
            in_name = 0 if all(term in name for term in terms) else 1
            starts = 0 if terms and name.startswith(terms[0]) else 1
            entry = self.entries[number]
            found.append((in_name, rank.get(entry.sector, 3), _ORIGIN_RANK[entry.origin], starts, number))
        found.sort()
        return [number for *_, number in found]

    def names_like(self, query: str, level: tuple[str, str | None] | None = None, limit: int = 30) -> list[str]:
        """The names holding every word of query, for the name field's completer: each name once, those the
        clerk wrote before (我的指标) and the bureau's (本地) first, then those that begin with the query, shorter
        before longer."""
        terms = _terms(query)
        if not terms:
            return []
        found = []
        for number in _bits(self._mask(terms, None, level, None, None)):
            name = self._names[number]
            if all(term in name for term in terms):
                origin = self.entries[number].origin
                found.append((origin == BUNDLED, origin == LOCAL, not name.startswith(terms[0]), len(name), number))
        found.sort()
        names: list[str] = []
        for *_, number in found:
            name = self.entries[number].name
            if name not in names:
                names.append(name)
                if len(names) == limit:
                    break
        return names

    def _mask(self, terms: list[str], sector: str | None, level: tuple[str, str | None] | None,
              own_sector: str | None, origin: str | None) -> int:
        mask = self._all
        if sector is not None:
            shown = self._sectors.get(sector, 0) | (self._sectors.get(COMMON, 0) if sector != COMMON else 0)
            if sector == own_sector:
                shown |= self._sectors.get(LOCAL_SECTOR, 0) | self._sectors.get(MINE_SECTOR, 0)
            mask &= shown
        if level is not None:
            mask &= self._levels.get(level, 0)
        if origin is not None:
            mask &= self._origins.get(origin, 0)
        for char in set("".join(terms)):
            mask &= self._chars.get(char, 0)
            if not mask:
                return 0
        return mask


def _terms(query: str) -> list[str]:
    return [term for term in (folded(word) for word in query.split()) if term]


def _bits(mask: int) -> list[int]:
    digits = bin(mask)[:1:-1]  # bit 0 first
    return [number for number, digit in enumerate(digits) if digit == "1"]


def entries_of(v2: Mapping, v1: Mapping[str, Iterable[str]]) -> list[CatalogueEntry]:
    """The published entries whose 一级/二级 fit the framework, then the built-in list's names they do not have."""
    sources = {key: Source(value.get("title") or key, value.get("publisher"), value.get("year"), value.get("url"))
               for key, value in (v2.get("sources") or {}).items() if isinstance(value, dict)}
    entries, seen = [], set()
    for item in v2.get("entries") or []:
        name, level1, level2 = (item.get("name") or "").strip(), item.get("level1"), item.get("level2")
        if not name or not framework.fits(level1, level2):
            continue
        cited = tuple(sources.get(key) or Source(key) for key in item.get("sources") or [])
        entries.append(CatalogueEntry(name, level1, level2, item.get("sector") or COMMON, cited or (Source("指标库"),),
                                      item.get("comparator"), item.get("unit"), item.get("example_value"),
                                      item.get("explanation")))
        seen.add((name, level1, level2))
    for entry in entries_from_names(v1):
        if (entry.name, entry.level1, entry.level2) not in seen:
            seen.add((entry.name, entry.level1, entry.level2))
            entries.append(CatalogueEntry(entry.name, entry.level1, entry.level2, entry.sector or COMMON,
                                          (Source(BUILT_IN_SOURCE),)))
    return entries


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """Both bundled libraries, read and indexed on the browser's first opening."""
    return Catalogue(entries_of(library_v2(), indicator_library()))


def with_local(local: Iterable[CatalogueEntry]) -> Catalogue:
    """The bundled catalogue with the clerk's local entries (storage/library): each indicator once, a 我的指标
    entry left out where a library already has its name under the same 一级/二级."""
    bundled = catalogue().entries
    seen = {(e.name, e.level1, e.level2) for e in bundled}
    imported: set[tuple[str, str, str]] = set()  # a bureau's entry stands beside the bundled one, its words its own
    entries = list(bundled)
    for entry in local:
        key = (entry.name, entry.level1, entry.level2)
        if key not in (imported if entry.origin == LOCAL else seen):
            seen.add(key)
            imported.add(key)
            entries.append(entry)
    return Catalogue(entries)


def fitted_levels(entry: CatalogueEntry, variant: str | None) -> tuple[str, str]:
    """The entry's 一级/二级 in the declaration's framework variant: the older variant's 产出 › 成本指标 is the
    newer one's 成本指标 › 经济成本指标 (money spent), and back."""
    if variant == framework.NEWER and (entry.level1, entry.level2) == (framework.OUTPUT, framework.COST):
        return framework.COST, ECONOMIC_COST
    if variant == framework.LEGACY and entry.level1 == framework.COST:
        return framework.OUTPUT, framework.COST
    return entry.level1, entry.level2
