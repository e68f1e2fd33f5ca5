"""How well the 二级 suggester does outside the sectors it was built from (issue 24 item 3).

Run from the repository root:

    .venv/bin/python -m scripts.measure_level2_sectors            # both measurements, a table per sector
    .venv/bin/python -m scripts.measure_level2_sectors --wrong    # … and every wrong applied suggestion
    .venv/bin/python -m scripts.measure_level2_sectors --no-holdout --sectors 教育,科技

Two measurements, both in bulk mode (what `main.py fix` and 修复全部同类问题 do): only a suggestion from
CONFIDENT up counts as applied; one below it would only be offered.

* **Leave one sector out.** For each sector of scripts/library_sources/: the library is built (as
  scripts/build_library_v2.py builds it) from every other sector's sources, plus the built-in v1 list
  (resources/indicator_library.json, the 司法 example tables), and the suggester is tried on that sector's
  published indicators with their 二级 removed.
* **Held out.** The library is built from all of scripts/library_sources/; the suggester is tried on
  tests/data/library_holdout/ (other documents, never used to tune the suggester).

A test indicator is a published entry with a 二级 that fits its 一级. The framework variant of its document is
what the document says with every 二级 removed: the 2021 variant where it has 成本指标 as an 一级, else unknown.
Printed per sector: test indicators, filled (share given a suggestion from CONFIDENT up), right (share of
those filled that are the publisher's 二级), and the offered ones (below CONFIDENT) with how many were right.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from scripts.build_library_v2 import SECTORS, SOURCES_DIR, build, load_sources
from src.model import framework
from src.model.level2_suggest import CONFIDENT, Level2Suggester, entries_from_v2, indicator_library

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT_DIR = ROOT / "tests" / "data" / "library_holdout"
TARGET_RIGHT, TARGET_FILLED, TARGET_MIN_TESTS = 0.97, 0.80, 30


@dataclass(frozen=True)
class Case:
    sector: str
    source: str
    name: str
    level1: str
    level2: str
    value: str | None
    variant: str | None


@dataclass
class Tally:
    total: int = 0
    filled: int = 0
    right: int = 0
    offered: int = 0
    offered_right: int = 0
    wrong: list[tuple[Case, str, float, str]] = field(default_factory=list)  # case, suggested, confidence, reason
    unfilled: list[tuple[Case, str | None, float, str]] = field(default_factory=list)  # … what was offered, if any

    def add(self, other: "Tally") -> None:
        self.total += other.total
        self.filled += other.filled
        self.right += other.right
        self.offered += other.offered
        self.offered_right += other.offered_right
        self.wrong += other.wrong
        self.unfilled += other.unfilled

    @property
    def filled_share(self) -> float:
        return self.filled / self.total if self.total else 0.0

    @property
    def right_share(self) -> float:
        return self.right / self.filled if self.filled else 1.0

    def meets_targets(self) -> bool:
        return self.right_share >= TARGET_RIGHT and self.filled_share >= TARGET_FILLED


def readable_sources(directory: Path) -> dict[str, dict]:
    """The directory's source files that build_library_v2 accepts (a file with problems is left out and named)."""
    sources, problems = load_sources(directory)
    bad = {problem.split(":", 1)[0].split(" ", 1)[0].removesuffix(".json") for problem in problems}
    for source_id in sorted(bad & set(sources)):
        print(f"（跳过 {directory.name}/{source_id}.json：格式有误）", file=sys.stderr)
    return {key: value for key, value in sources.items() if key not in bad}


def suggester_from(sources: dict[str, dict]) -> Level2Suggester:
    """The suggester the bundled library would make if it were built from these sources."""
    return Level2Suggester(indicator_library(), entries_from_v2(build(sources)) if sources else [])


def cases_of(sources: dict[str, dict]) -> list[Case]:
    cases = []
    for source_id, data in sorted(sources.items()):
        entries = data["entries"]
        variant = framework.NEWER if any(e.get("level1") == framework.COST for e in entries) else None
        for entry in entries:
            level1, level2, name = entry.get("level1"), entry.get("level2"), (entry.get("name") or "").strip()
            if name and level2 and framework.fits(level1, level2):
                cases.append(Case(data["sector"], source_id, name, level1, level2, entry.get("example_value"), variant))
    return cases


def measure(suggester: Level2Suggester, cases: Iterable[Case]) -> Tally:
    tally = Tally()
    for case in cases:
        tally.total += 1
        found = suggester.suggest(case.name, case.level1, case.variant, case.value, sector=case.sector)
        if found is None:
            tally.unfilled.append((case, None, 0.0, ""))
            continue
        right = found.level2 == case.level2
        if found.confidence >= CONFIDENT:
            tally.filled += 1
            tally.right += right
            if not right:
                tally.wrong.append((case, found.level2, found.confidence, found.reason))
        else:
            tally.offered += 1
            tally.offered_right += right
            tally.unfilled.append((case, found.level2, found.confidence, found.reason))
    return tally


def leave_one_sector_out(sources: dict[str, dict], sectors: Iterable[str] | None = None) -> dict[str, Tally]:
    """Per sector: the suggester built without the sector's sources, tried on the sector's indicators."""
    results = {}
    for sector in sectors or [s for s in SECTORS if any(d["sector"] == s for d in sources.values())]:
        inside = {key: data for key, data in sources.items() if data["sector"] == sector}
        outside = {key: data for key, data in sources.items() if data["sector"] != sector}
        results[sector] = measure(suggester_from(outside), cases_of(inside))
    return results


def held_out(sources: dict[str, dict], holdout: dict[str, dict],
             sectors: Iterable[str] | None = None) -> dict[str, Tally]:
    """Per sector: the suggester built from every source, tried on the held-out documents."""
    suggester = suggester_from(sources)
    wanted = set(sectors) if sectors else None
    results: dict[str, Tally] = {}
    for case in cases_of(holdout):
        if wanted is None or case.sector in wanted:
            results.setdefault(case.sector, Tally()).add(measure(suggester, [case]))
    return {sector: results[sector] for sector in SECTORS if sector in results}


def table(title: str, results: dict[str, Tally]) -> str:
    """Markdown: one row per sector and the overall row, with whether the targets are met."""
    lines = [f"### {title}", "",
             "| sector | test indicators | filled (≥ CONFIDENT) | right of filled "
             "| offered below CONFIDENT (right) | targets |",
             "|---|---|---|---|---|---|"]
    overall = Tally()

    def row(name: str, tally: Tally, judged: bool) -> str:
        verdict = ("met" if tally.meets_targets() else "**missed**") if judged else f"(< {TARGET_MIN_TESTS} tests)"
        return (f"| {name} | {tally.total} | {tally.filled} ({tally.filled_share:.0%}) | "
                f"{tally.right} ({tally.right_share:.1%}) | {tally.offered} ({tally.offered_right}) | {verdict} |")

    for sector, tally in results.items():
        overall.add(tally)
        lines.append(row(sector, tally, tally.total >= TARGET_MIN_TESTS))
    lines.append(row("**overall**", overall, True))
    return "\n".join(lines)


def wrong_lines(results: dict[str, Tally]) -> list[str]:
    return [f"  [{case.sector}] {case.level1} › {case.name}（{case.value}）：建议 {suggested}（{confidence:.2f}，{reason}），"
            f"发布者为 {case.level2}"
            for tally in results.values() for case, suggested, confidence, reason in tally.wrong]


def unfilled_lines(results: dict[str, Tally]) -> list[str]:
    return [f"  [{case.sector}] {case.level1} › {case.name}（{case.value}）：发布者为 {case.level2}"
            + (f"；提供 {offered}（{confidence:.2f}，{reason}）" if offered else "")
            for tally in results.values() for case, offered, confidence, reason in tally.unfilled]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", default=str(SOURCES_DIR), help="the library's source files")
    parser.add_argument("--holdout", default=str(HOLDOUT_DIR), help="the held-out source files")
    parser.add_argument("--sectors", help="only these sectors, comma-separated")
    parser.add_argument("--no-holdout", action="store_true", help="leave-one-sector-out only")
    parser.add_argument("--wrong", action="store_true", help="list every wrong applied suggestion")
    parser.add_argument("--unfilled", action="store_true", help="list every indicator left unfilled in bulk")
    args = parser.parse_args(argv)

    sectors = [s.strip() for s in args.sectors.split(",")] if args.sectors else None
    sources = readable_sources(Path(args.sources))
    loso = leave_one_sector_out(sources, sectors)
    print(table("Leave one sector out (library without the sector; its indicators, 二级 removed)", loso))
    if args.wrong:
        print("\n".join(["", "wrong, applied:", *wrong_lines(loso)]))
    if args.unfilled:
        print("\n".join(["", "not applied:", *unfilled_lines(loso)]))
    if not args.no_holdout:
        holdout = held_out(sources, readable_sources(Path(args.holdout)), sectors)
        print()
        print(table("Held out (library from every source; tests/data/library_holdout)", holdout))
        if args.wrong:
            print("\n".join(["", "wrong, applied:", *wrong_lines(holdout)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
