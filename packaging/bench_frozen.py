"""Cold start of the installed program beside the venv's, in the same run (issue 13: frozen <= 1.3x venv).

    python packaging/bench_frozen.py [--bundle dist/perf-target-editor] [--runs 7] [--json OUT]

Two figures, each the median of --runs starts, frozen and venv alternating so both see the same machine:
- `check` on the demo: `perf-target check demo.json` against `python main.py check demo.json`, to exit;
- the window with the demo: `perf-target-editor demo.json` against `python main.py demo.json`
  (offscreen), from the start until the lock file appears beside the file — the file read, checked and
  taken by the window, which is then killed.
Every start has an empty environment (PATH=/usr/bin:/bin, a fresh HOME), as tests/test_frozen_app.py.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import bundle_rules as rules  # noqa: E402

TARGET = 1.3


def timed_check(command: list[str], folder: Path, env: dict) -> float:
    started = time.perf_counter()
    result = subprocess.run([*command, "check", "demo.json"], cwd=folder, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if result.returncode != 1:  # the demo has errors: 1 is the normal answer
        sys.exit(f"{command[0]} check: exit {result.returncode}\n{result.stderr.decode(errors='replace')}")
    return elapsed


def timed_window(command: list[str], folder: Path, env: dict) -> float:
    lock = folder / ".~lock.demo.json#"
    lock.unlink(missing_ok=True)
    started = time.perf_counter()
    process = subprocess.Popen([*command, "demo.json"], cwd=folder, env={**env, "QT_QPA_PLATFORM": "offscreen"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = started + 60
        while not lock.exists():
            if process.poll() is not None or time.perf_counter() > deadline:
                sys.exit(f"{command[0]}: no window (exit {process.poll()})")
            time.sleep(0.002)
        return time.perf_counter() - started
    finally:
        process.kill()
        process.wait()
        lock.unlink(missing_ok=True)


def measure(bundle: Path, python: str, runs: int) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="bench-frozen-"))
    try:
        shutil.copy(ROOT / "resources" / "demo-tianhe-2023.json", folder / "demo.json")
        (folder / "home").mkdir()
        env = {"PATH": "/usr/bin:/bin", "HOME": str(folder / "home")}
        commands = {
            "check": {"frozen": [str(bundle / rules.CONSOLE_NAME)], "venv": [python, str(ROOT / "main.py")]},
            "window": {"frozen": [str(bundle / rules.APP_NAME)], "venv": [python, str(ROOT / "main.py")]},
        }
        measurers = {"check": timed_check, "window": timed_window}
        report = {}
        for figure, pair in commands.items():
            times = {"frozen": [], "venv": []}
            for side in times:  # one unmeasured start each: the files into the page cache
                measurers[figure](pair[side], folder, env)
            for _ in range(runs):
                for side in times:
                    times[side].append(measurers[figure](pair[side], folder, env))
            frozen, venv = statistics.median(times["frozen"]), statistics.median(times["venv"])
            report[figure] = {"frozen_s": round(frozen, 3), "venv_s": round(venv, 3),
                              "ratio": round(frozen / venv, 2), "runs": runs}
        return report
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / rules.APP_NAME)
    parser.add_argument("--python", default=sys.executable, help="the venv's Python (default: this one)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if not (args.bundle / rules.CONSOLE_NAME).is_file():
        sys.exit(f"no bundle at {args.bundle}: build it with bash scripts/build-app.sh")
    report = measure(args.bundle.resolve(), args.python, args.runs)
    print(f"{'cold start':<26}{'frozen':>9}{'venv':>9}{'ratio':>8}   target <= {TARGET}x")
    labels = {"check": "check demo.json", "window": "window with the demo"}
    for figure, row in report.items():
        verdict = "met" if row["ratio"] <= TARGET else "missed"
        print(f"{labels[figure]:<26}{row['frozen_s']:>8.3f}s{row['venv_s']:>8.3f}s{row['ratio']:>7.2f}x   {verdict}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
