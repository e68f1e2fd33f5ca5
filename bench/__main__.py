"""python -m bench [--sizes S,M,L] [--runs N] [--output bench/results.json]

Measures the editor against the floors no implementation on these libraries can beat, on
declarations generated deterministically from the seeds' vocabulary, and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import floors  # noqa: E402
from bench.generate import generate  # noqa: E402

SIZES = {"S": (50, 8), "M": (2000, 10), "L": (20000, 10)}
DEFAULT_RUNS = {"S": 5, "M": 3, "L": 1}


def timed(function, runs: int) -> float:
    values = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        values.append(time.perf_counter() - start)
    return statistics.median(values)


def figure(value: float, unit: str, floor: float | None = None) -> dict:
    ratio = round(value / floor, 2) if floor else None
    return {"value": round(value, 4), "unit": unit, "floor": None if floor is None else round(floor, 4), "ratio": ratio}


def measure_size(size: str, runs: int, folder: Path) -> dict:
    from src.model.checks import check_declaration
    from src.storage.files import open_declaration, save_declaration

    projects, per_project = SIZES[size]
    declaration = generate(projects, per_project)
    json_path, xlsx_path = folder / f"{size}.json", folder / f"{size}.xlsx"
    save_declaration(declaration, json_path)
    save_declaration(declaration, xlsx_path)
    raw = json_path.read_bytes()
    results = {}

    def open_json():
        check_declaration(open_declaration(json_path).declaration)

    results["open_json"] = figure(timed(open_json, runs), "s", timed(lambda: floors.plain_json_load(raw), runs))
    plain = floors.plain_json_load(raw)  # built before timing: the floor is the dump alone
    results["save_json"] = figure(timed(lambda: save_declaration(declaration, folder / "out.json"), runs), "s",
                                  timed(lambda: floors.plain_json_dump(plain, folder / "floor.json"), runs))
    cells = floors.workbook_cells(declaration)
    results["save_xlsx"] = figure(timed(lambda: save_declaration(declaration, folder / "out.xlsx"), runs), "s",
                                  timed(lambda: floors.write_only_cells(cells), runs))
    results["open_xlsx"] = figure(timed(lambda: open_declaration(xlsx_path), runs), "s",
                                  timed(lambda: floors.calamine_read_all(xlsx_path), runs))
    if size == "M" and shutil.which("libreoffice"):
        results["open_xlsx"]["libreoffice_csv"] = round(timed(lambda: floors.libreoffice_to_csv(xlsx_path, folder), 1), 3)
    results["validate_all"] = figure(timed(lambda: check_declaration(declaration), runs), "s")
    results["validate_one_field"] = figure(floors.one_field_revalidation(declaration) * 1000, "ms")
    if size == "M":
        results.update(window_figures(json_path, declaration))
    return results


def window_figures(json_path: Path, declaration) -> dict:
    from src.ui.printing import pdf_bytes

    results = {}
    start = time.perf_counter()
    _, pages = pdf_bytes(declaration, "summary")
    elapsed = time.perf_counter() - start
    results["pdf_summary"] = figure(pages / elapsed, "pages/s")
    results["pdf_summary"]["pages"] = pages
    probe = ROOT / "bench" / "window_probe.py"
    minimal = statistics.median(launch([sys.executable, str(ROOT / "bench" / "minimal_window.py")])["ready"] for _ in range(3))
    cold = statistics.median(launch([sys.executable, str(probe)])["ready"] for _ in range(3))
    opened = [launch([sys.executable, str(probe), str(json_path)]) for _ in range(2)]
    results["cold_start"] = figure(cold, "s", minimal)
    results["open_window"] = figure(statistics.median(o["ready"] for o in opened), "s")
    results["rss_open"] = figure(max(o["peak_rss_mb"] for o in opened), "MB")
    keystrokes = launch([sys.executable, str(probe), str(json_path), "--keystrokes"])
    results["keystroke_feedback"] = figure(keystrokes["keystroke_ms"], "ms")
    return results


def launch(command: list[str]) -> dict:
    """Run a probe; 'ready' is measured here, from before the process starts to its READY line."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    report = {}
    for line in process.stdout:
        if line.startswith("READY"):
            report["ready"] = time.perf_counter() - start
            report.update(json.loads(line[5:].strip() or "{}"))
            break
    process.kill()
    process.wait()
    if "ready" not in report:
        raise RuntimeError(f"probe failed: {' '.join(command)}")
    return report


def print_table(results: dict) -> None:
    print(f"\n{'size':<5}{'figure':<22}{'value':>12} {'unit':<8}{'floor':>10}{'ratio':>8}")
    for size, figures in results.items():
        if size == "machine":
            continue
        for name, data in figures.items():
            floor = "" if data["floor"] is None else f"{data['floor']:.4g}"
            ratio = "" if data["ratio"] is None else f"{data['ratio']:.2f}×"
            print(f"{size:<5}{name:<22}{data['value']:>12.4g} {data['unit']:<8}{floor:>10}{ratio:>8}")
    if "M" in results and "L" in results:
        print("\nL/M growth (10× the data):")
        for name in results["L"]:
            if name in results["M"] and results["M"][name]["value"]:
                print(f"  {name:<22}{results['L'][name]['value'] / results['M'][name]['value']:.1f}×")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--sizes", default="S,M,L")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (default: 5 at S, 3 at M, 1 at L)")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results.json"))
    arguments = parser.parse_args(argv)
    results: dict = {"machine": {"cpu_count": os.cpu_count(), "python": platform.python_version(),
                                 "platform": platform.platform()}}
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        for size in [s.strip().upper() for s in arguments.sizes.split(",") if s.strip()]:
            print(f"measuring {size} {SIZES[size]} …", flush=True)
            results[size] = measure_size(size, arguments.runs or DEFAULT_RUNS[size], Path(folder))
    Path(arguments.output).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
