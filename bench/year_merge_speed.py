"""python -m bench.year_merge_speed [--size M] [--runs 5] [--output FILE]

Issue 15's speed goals, measured on the benchmark's generated declarations (bench/generate.py):
- merge: the `merge` command over 50 units' files totalling size M ≤ 2× opening M as one file;
- next-year: the `next-year` command on M ≤ 2× opening and saving M.
"Opening" is what the benchmark's open_json measures (read, build, check everything), since both commands
check what they write. Each figure and its reference run alternately, from a collected heap; medians.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.generate import generate  # noqa: E402

SIZES = {"S": (50, 8), "M": (2000, 10), "L": (20000, 10)}
UNITS = 50
TARGET = 2.0


def _once(function) -> float:
    gc.collect()
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        function()
    return time.perf_counter() - start


def paired(ours, reference, runs: int) -> dict:
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(_once(ours))
        theirs.append(_once(reference))
    value, base = statistics.median(mine), statistics.median(theirs)
    return {"value": round(value, 4), "reference": round(base, 4), "ratio": round(value / base, 2), "target": TARGET,
            "met": value / base <= TARGET}


def unit_files(declaration, folder: Path, units: int = UNITS) -> list[Path]:
    """The declaration as units' files: projects in equal runs, the department form in the first file only."""
    from src.model.declaration import Declaration, Department
    from src.storage.infra.files import save_declaration

    size = -(-len(declaration.projects) // units)
    files = []
    for number in range(units):
        department = declaration.department if number == 0 else Department(name=declaration.department.name)
        part = Declaration(year=declaration.year, department=department,
                           projects=declaration.projects[number * size:(number + 1) * size])
        files.append(folder / f"unit-{number + 1:02d}.json")
        save_declaration(part, files[-1])
    return files


def measure(size: str, runs: int, folder: Path) -> dict:
    from src.cli import run as run_cli
    from src.model.checks import check_declaration
    from src.storage.infra.files import open_declaration, save_declaration

    whole = generate(*SIZES[size])
    whole_path = folder / f"{size}.json"
    save_declaration(whole, whole_path)
    files = unit_files(whole, folder)

    def open_whole():
        check_declaration(open_declaration(whole_path).declaration)

    def open_and_save_whole():
        declaration = open_declaration(whole_path).declaration
        check_declaration(declaration)
        save_declaration(declaration, folder / "saved.json")

    merged = folder / "merged.json"
    results = {
        "merge_50_files": paired(lambda: run_cli(["merge", str(merged), *map(str, files)]), open_whole, runs),
        "next_year": paired(lambda: run_cli(["next-year", str(whole_path), str(folder / "next.json")]),
                            open_and_save_whole, runs),
    }
    # The merge gave back the whole (it is the benchmark of a correct merge, not of any merge)
    assert len(open_declaration(merged).declaration.projects) == len(whole.projects)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="M")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", help="also write the figures as JSON to this file")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-year-merge-") as folder:
        results = measure(arguments.size, arguments.runs, Path(folder))
    print(f"{'size ' + arguments.size:<8}{'figure':<18}{'ours':>10}{'reference':>11}{'ratio':>8}  target")
    for name, data in results.items():
        verdict = "met" if data["met"] else "MISSED"
        print(f"{'':<8}{name:<18}{data['value']:>9.3f}s{data['reference']:>10.3f}s{data['ratio']:>7.2f}×  ≤ {TARGET:g}× {verdict}")
    if arguments.output:
        Path(arguments.output).write_text(json.dumps({arguments.size: results}, indent=2) + "\n", encoding="utf-8")
    return 0 if all(data["met"] for data in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
