"""Measure the readers on the corpus (issue 22, item 7; docs/corpus.md): every variant opened as the editor opens a
file (src.storage.infra.files.open_declaration), every fact it holds compared with what was read.

Run from the repository root:

    .venv/bin/python -m scripts.measure_corpus                       # build/corpus/ (make it with scripts.make_corpus)
    .venv/bin/python -m scripts.measure_corpus tests/data/corpus     # the committed subset
    .venv/bin/python -m scripts.measure_corpus --markdown --failures 25 --json build/corpus-results.json

Printed: per container, per form and per knob value, the facts, the share right, missing (a note pointing at it
or not) and read wrong (noted or not: a wrong fact no note points at is a silent error), and the values read
where the source has none (invented). Missing facts count as not right, noted or not. A refused file counts all
its facts missing with a note. Facts a container does not hold are not counted (the manifest lists them apart,
with the reason). scripts/corpus/compare.py says how items are paired and when a note points at a fact.

Files are read in worker processes (--jobs), each file with a time limit (--timeout): a file that hangs is
counted as refused and the run goes on.
"""

from __future__ import annotations

import argparse
import importlib
import json
import multiprocessing
import sys
import time
from multiprocessing.connection import wait
from pathlib import Path

from scripts.corpus import compare, report

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "build" / "corpus"


def read_file(path: str) -> dict:
    """What opening the file gives, as plain data."""
    from src.storage.infra.errors import FileProblem
    from src.storage.infra.files import open_declaration

    started = time.monotonic()
    try:
        opened = open_declaration(path)
    except FileProblem as problem:
        return {"declaration": None, "notes": [], "error": f"refused: {problem}", "seconds": time.monotonic() - started}
    except Exception as error:  # noqa: BLE001 — a reader's crash is a result to count, not the end of the run
        return {"declaration": None, "notes": [], "error": f"crashed: {type(error).__name__}: {error}",
                "seconds": time.monotonic() - started}
    notes = [{"text": str(note), "location": getattr(note, "location", None)} for note in opened.notes]
    return {"declaration": opened.declaration.model_dump(mode="json"), "notes": notes, "error": None,
            "seconds": time.monotonic() - started}


def _worker(connection) -> None:
    from src.storage.readers import worker

    worker.in_process = True  # this pool is the isolation; a daemonic process may not start the reader's own
    while True:
        job = connection.recv()
        if job is None:
            return
        connection.send(read_file(job))


class Pool:
    """Worker processes that each read one file at a time; one that overruns its time is killed and replaced."""

    def __init__(self, jobs: int):
        self.context = multiprocessing.get_context("fork")
        self.workers = [self._start() for _ in range(max(1, jobs))]

    def _start(self):
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker, args=(child,), daemon=True)
        process.start()
        return {"process": process, "connection": parent, "job": None, "since": 0.0}

    def run(self, paths: list[str], timeout: float, tell=None) -> list[dict]:
        results: list[dict | None] = [None] * len(paths)
        queue = list(enumerate(paths))
        done = 0
        while done < len(paths):
            for worker in self.workers:
                if worker["job"] is None and queue:
                    index, path = queue.pop(0)
                    worker["job"], worker["since"] = index, time.monotonic()
                    worker["connection"].send(path)
            busy = [w for w in self.workers if w["job"] is not None]
            ready = wait([w["connection"] for w in busy], timeout=1.0)
            for worker in busy:
                if worker["connection"] in ready:
                    try:
                        results[worker["job"]] = worker["connection"].recv()
                    except EOFError:  # the worker died (a crash below Python)
                        results[worker["job"]] = {"declaration": None, "notes": [], "error": "crashed: worker died",
                                                  "seconds": time.monotonic() - worker["since"]}
                        self._replace(worker)
                elif time.monotonic() - worker["since"] > timeout:
                    results[worker["job"]] = {"declaration": None, "notes": [], "seconds": timeout,
                                              "error": f"timed out after {timeout:.0f} s"}
                    self._replace(worker)
                else:
                    continue
                worker["job"] = None
                done += 1
                if tell:
                    tell(done, len(paths))
        return results

    def _replace(self, worker: dict) -> None:
        worker["process"].kill()
        worker["process"].join()
        fresh = self._start()
        worker.update(process=fresh["process"], connection=fresh["connection"])

    def close(self) -> None:
        for worker in self.workers:
            try:
                worker["connection"].send(None)
            except (BrokenPipeError, OSError):
                pass
            worker["process"].join(timeout=5)
            if worker["process"].is_alive():
                worker["process"].kill()


def dropped(variant: dict, drops: list[str]) -> bool:
    """drops: "knob=value|value,knob=value": a variant matching every knob of one of them is left out."""
    for drop in drops:
        wanted = dict(part.split("=", 1) for part in drop.split(","))
        if all(variant["knobs"].get(knob) in values.split("|") for knob, values in wanted.items()):
            return True
    return False


def measure(folder: Path, jobs: int = 2, timeout: float = 120.0, only: str | None = None,
            quiet: bool = False, drops: list[str] | None = None) -> dict:
    """Read every variant of folder/manifest.json; returns {"manifest", "outcomes": [(variant, outcome)], "seconds"}."""
    importlib.import_module("src.storage.infra.files")  # the readers loaded once, before the workers fork

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    variants = [v for v in manifest["variants"] if (only is None or only in v["id"]) and not dropped(v, drops or [])]
    started = time.monotonic()

    def tell(done: int, total: int) -> None:
        if not quiet and (done % 25 == 0 or done == total):
            print(f"  {done}/{total} read, {time.monotonic() - started:.0f} s", file=sys.stderr)

    pool = Pool(jobs)
    try:
        results = pool.run([str(folder / v["file"]) for v in variants], timeout, tell)
    finally:
        pool.close()
    outcomes = []
    for variant, result in zip(variants, results):
        outcome = compare.classify(variant, result)
        outcome["seconds"] = round(result.get("seconds", 0.0), 2)
        outcome["error"] = result.get("error")
        outcomes.append((variant, outcome))
    return {"manifest": manifest, "outcomes": outcomes, "seconds": time.monotonic() - started}


def plain_summary(outcomes) -> str:
    """The per-container numbers as plain text."""
    rows = report.group(outcomes, lambda v: [v["container"]])
    rows["all"] = report.group(outcomes, lambda v: ["all"])["all"]
    lines = [(f"{'container':<10}{'variants':>9}{'facts':>8}{'right':>8}{'missing':>9}{'(noted':>8}{'silent)':>8}"
              f"{'wrong':>7}{'(noted':>8}{'silent)':>8}{'invented':>9}{'refused':>8}")]
    for name in [*[c for c in compare_containers() if c in rows], "all"]:
        r = rows[name]
        facts = r["facts"] or 1
        lines.append(f"{name:<10}{r['variants']:>9}{r['facts']:>8}{100 * r['right'] / facts:>7.1f}%"
                     f"{100 * (r['missing_noted'] + r['missing_silent']) / facts:>8.1f}%{r['missing_noted']:>8}"
                     f"{r['missing_silent']:>8}{100 * (r['wrong_noted'] + r['wrong_silent']) / facts:>6.1f}%"
                     f"{r['wrong_noted']:>8}{r['wrong_silent']:>8}{r['invented']:>9}{r['refused']:>8}")
    warned = rows["all"]["silent_in_warned_file"]
    lines.append(f"(of the silent ones, {warned} are in files with a note warning about a whole page or file, "
                 "which names no fact)")
    return "\n".join(lines)


def compare_containers():
    from scripts.corpus.knobs import CONTAINERS

    return (*CONTAINERS, "csv")  # csv: made from a corpus by scripts/corpus/calc_copies.py


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds one file may take")
    parser.add_argument("--only", help="only variants whose id contains this (p012, -pdf)")
    parser.add_argument("--drop", action="append", default=[], metavar="KNOB=VALUE[|VALUE][,KNOB=VALUE…]",
                        help="leave out the variants with these knob values (repeatable): what the rest scores")
    parser.add_argument("--markdown", action="store_true", help="print the docs/corpus.md tables")
    parser.add_argument("--failures", type=int, default=12, help="print this many kinds of failure, with examples")
    parser.add_argument("--json", type=Path, help="write every outcome here")
    args = parser.parse_args(argv)
    if not (args.folder / "manifest.json").exists():
        print(f"no manifest.json in {args.folder}: make the corpus first (python -m scripts.make_corpus)", file=sys.stderr)
        return 2
    measured = measure(args.folder, args.jobs, args.timeout, args.only, drops=args.drop)
    outcomes = measured["outcomes"]
    print(f"{len(outcomes)} variants read in {measured['seconds']:.0f} s from {args.folder}")
    print(plain_summary(outcomes))
    if args.markdown:
        print()
        print("\n".join(report.summary_lines(outcomes)))
    kinds = report.failure_kinds(outcomes)
    if args.failures:
        print(f"\nThe {min(args.failures, len(kinds))} most frequent kinds of failure (of {len(kinds)}):")
        for kind in kinds[:args.failures]:
            print(f"- {kind['count']} × {kind['class']} {kind['form']} {kind['field']}  {kind['containers']}")
            for example in kind["examples"]:
                print(f"    {example['file']} {example['fact']}: expected {example['expected']!r}, read {example['read']!r}"[:300])
    errors = [(v["file"], o["error"]) for v, o in outcomes if o["error"]]
    if errors:
        print(f"\n{len(errors)} files refused, crashed or timed out:")
        for name, error in errors[:40]:
            print(f"  {name}: {error}"[:300])
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"seconds": measured["seconds"], "kinds": kinds,
                                         "outcomes": [{"id": v["id"], **o} for v, o in outcomes]},
                                        ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
