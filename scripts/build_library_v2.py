"""Build the v2 indicator library (指标库) from the per-source files in scripts/library_sources/.

Run from the repository root:

    python scripts/build_library_v2.py                      # writes build/indicator_library_v2.json
    python scripts/build_library_v2.py out.json             # writes out.json
    python scripts/build_library_v2.py --sources tests/data/library_holdout /tmp/holdout.json

Every scripts/library_sources/<source-id>.json holds one published document (see the README there):
{"source": {title, url|document, publisher, year, kind, note?}, "sector": ..., "entries": [...]}.
This script validates every entry against the framework of shared/DOMAIN.md (both variants),
merges identical (sector, name, level2) entries while keeping every source, and writes one file:

{"version": 2, "sectors": [...],
 "entries": [{"sector", "level1", "level2", "name", "comparator", "unit", "example_value",
              "explanation", "sources": [source-id, ...]}],
 "sources": {source-id: {"title", "url" | "document", "publisher", "year"}}}

It prints the entry count per sector and the number of names published under more than one 二级
(publishers disagree; every labelling is kept, nothing is resolved).  Plain standard library only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIR = ROOT / "scripts" / "library_sources"
DEFAULT_OUT = ROOT / "build" / "indicator_library_v2.json"

# DOMAIN.md, "The indicator framework": both variants at once.  成本指标 is a 二级 under 产出指标 in the
# older variant and a 一级 (with 经济/社会/生态环境成本指标) in the newer one (财预〔2021〕101号).
FRAMEWORK: dict[str, tuple[str, ...]] = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度指标": ("服务对象满意度指标",),
    "成本指标": ("经济成本指标", "社会成本指标", "生态环境成本指标"),
}

SECTORS = (
    "教育",
    "卫生健康/医保",
    "交通运输",
    "生态环境/林业/水务",
    "农业农村",
    "文化旅游/体育",
    "民政/残联",
    "人力资源社会保障",
    "住建/城管",
    "公安/司法/应急",
    "科技",
    "市场监管",
    "共性",
)

COMPARATORS = ("≥", "＞", "＝", "＜", "≤", "定性")
KINDS = ("指标库", "目标表", "自评表", "指导文件")


def problems_of(source_id: str, data: dict) -> list[str]:
    """Everything wrong with one source file; empty when it is fine."""
    problems: list[str] = []
    source = data.get("source")
    if not isinstance(source, dict):
        return [f"{source_id}: no source block"]
    if not str(source.get("title") or "").strip():
        problems.append(f"{source_id}: source has no title")
    if not str(source.get("url") or source.get("document") or "").strip():
        problems.append(f"{source_id}: source has neither url nor document")
    if source.get("kind") not in KINDS:
        problems.append(f"{source_id}: source kind {source.get('kind')!r} not one of {KINDS}")
    if data.get("sector") not in SECTORS:
        problems.append(f"{source_id}: sector {data.get('sector')!r} not one of {SECTORS}")
    entries = data.get("entries")
    if not isinstance(entries, list) or not entries:
        problems.append(f"{source_id}: no entries")
        return problems
    for number, entry in enumerate(entries, 1):
        where = f"{source_id} entry {number}"
        name = str(entry.get("name") or "").strip()
        if not name:
            problems.append(f"{where}: empty name")
        level1, level2 = entry.get("level1"), entry.get("level2")
        if level2 is not None:
            if level1 not in FRAMEWORK:
                problems.append(f"{where} ({name}): 一级 {level1!r} not in the framework")
            elif level2 not in FRAMEWORK[level1]:
                problems.append(f"{where} ({name}): 二级 {level2!r} does not belong to {level1}")
        elif level1 is not None and level1 not in FRAMEWORK:
            problems.append(f"{where} ({name}): 一级 {level1!r} not in the framework")
        comparator = entry.get("comparator")
        if comparator is not None and comparator not in COMPARATORS:
            problems.append(f"{where} ({name}): comparator {comparator!r} not one of {COMPARATORS}")
    return problems


def load_sources(directory: Path) -> tuple[dict[str, dict], list[str]]:
    """Every source file of the directory by source id, and every problem found in them."""
    sources: dict[str, dict] = {}
    problems: list[str] = []
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            problems.append(f"{path.name}: unreadable ({error})")
            continue
        problems.extend(problems_of(path.stem, data))
        sources[path.stem] = data
    return sources, problems


def build(sources: dict[str, dict]) -> dict:
    """The merged library: identical (sector, name, level2) become one entry listing all its sources."""
    merged: dict[tuple[str, str, str | None], dict] = {}
    for source_id, data in sources.items():
        sector = data["sector"]
        for entry in data["entries"]:
            name = entry["name"].strip()
            key = (sector, name, entry.get("level2"))
            if key not in merged:
                merged[key] = {
                    "sector": sector,
                    "level1": entry.get("level1"),
                    "level2": entry.get("level2"),
                    "name": name,
                    "comparator": entry.get("comparator"),
                    "unit": entry.get("unit"),
                    "example_value": entry.get("example_value"),
                    "explanation": entry.get("explanation"),
                    "sources": [],
                }
            target = merged[key]
            for field in ("level1", "comparator", "unit", "example_value", "explanation"):
                if target[field] is None and entry.get(field) is not None:
                    target[field] = entry[field]
            if source_id not in target["sources"]:
                target["sources"].append(source_id)

    def order(item: dict) -> tuple:
        level1 = item["level1"] or "~"
        level2 = item["level2"] or "~"
        return (SECTORS.index(item["sector"]), level1, level2, item["name"])

    entries = sorted(merged.values(), key=order)
    source_table = {}
    for source_id, data in sorted(sources.items()):
        source = data["source"]
        row = {"title": source["title"]}
        if source.get("url"):
            row["url"] = source["url"]
        if source.get("document"):
            row["document"] = source["document"]
        row["publisher"] = source.get("publisher")
        row["year"] = source.get("year")
        source_table[source_id] = row
    used = [sector for sector in SECTORS if any(e["sector"] == sector for e in entries)]
    return {"version": 2, "sectors": used, "entries": entries, "sources": source_table}


def names_under_several_level2(entries: list[dict]) -> dict[str, set[str]]:
    """Names that publishers filed under more than one 二级 (entries without a 二级 do not count)."""
    seen: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        if entry["level2"] is not None:
            seen[entry["name"]].add(entry["level2"])
    return {name: level2s for name, level2s in seen.items() if len(level2s) > 1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default=str(DEFAULT_OUT), help="where to write the library JSON")
    parser.add_argument("--sources", default=str(SOURCES_DIR), help="directory of <source-id>.json files")
    args = parser.parse_args(argv)

    sources, problems = load_sources(Path(args.sources))
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    if not sources:
        print(f"no source files in {args.sources}", file=sys.stderr)
        return 1

    library = build(sources)
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(library, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    entries = library["entries"]
    raw = sum(len(data["entries"]) for data in sources.values())
    per_sector = Counter(entry["sector"] for entry in entries)
    without_level2 = sum(1 for entry in entries if entry["level2"] is None)
    print(f"{out}: {len(entries)} entries ({raw} before merging) from {len(sources)} sources")
    for sector in library["sectors"]:
        print(f"  {sector}: {per_sector[sector]}")
    print(f"  entries without a 二级 (names only): {without_level2}")
    disputed = names_under_several_level2(entries)
    print(f"names under more than one 二级: {len(disputed)}")
    for name, level2s in sorted(disputed.items()):
        print(f"  {name}: {' / '.join(sorted(level2s))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
