"""The benchmark must not rot: one quick run at size S produces every figure it promises, prints what it
measured, and its ratios are the figures over their floors. Speed goals themselves live in the benchmark's
output (bench/README.md), never in a timed test."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.poppler import poppler

pytestmark = pytest.mark.slow  # runs the benchmark itself

ROOT = Path(__file__).resolve().parent.parent


def printed_rows(stdout: str) -> dict[str, tuple[float, str]]:
    """figure name → (value, ratio text) from the table the benchmark prints."""
    rows = {}
    for line in stdout.splitlines():
        match = re.match(r"S\s+(\w+)\s+([\d.e+-]+) (\S+)\s+([\d.e+-]*)\s*([\d.]+×)?", line)
        if match:
            rows[match.group(1)] = (float(match.group(2)), match.group(5) or "")
    return rows


def ratio_bounds(data: dict) -> tuple[float, float]:
    """The ratios value/floor can have had before both were rounded to 4 decimal places."""
    half = 0.00005
    return (data["value"] - half) / (data["floor"] + half), (data["value"] + half) / max(data["floor"] - half, 1e-9)


def test_benchmark_runs_at_size_s_and_prints_what_it_measured(tmp_path):
    output = tmp_path / "results.json"
    result = subprocess.run([sys.executable, "-m", "bench", "--sizes", "S", "--runs", "1", "--output", str(output)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(output.read_text(encoding="utf-8"))["S"]
    assert set(figures) == {"open_json", "save_json", "save_xlsx", "open_xlsx", "validate_all", "validate_one_field"}
    printed = printed_rows(result.stdout)
    assert set(printed) == set(figures), result.stdout
    for name, data in figures.items():
        value, ratio = printed[name]
        assert value == pytest.approx(data["value"], rel=1e-3), name  # the table shows the figure it saved
        if data["floor"]:
            # The ratio is this figure over the floor measured beside it (both saved rounded to 4 places).
            assert ratio_bounds(data)[0] - 0.006 <= data["ratio"] <= ratio_bounds(data)[1] + 0.006, (name, data)
            assert ratio == f"{data['ratio']:.2f}×", name
    assert figures["validate_one_field"]["unit"] == "ms"


def test_window_figures_measure_the_file_they_were_given(tmp_path, qapp):  # qapp: the PDF is drawn here
    from bench.__main__ import window_figures
    from bench.generate import generate
    from src.render.printing import pdf_bytes
    from src.storage.infra.files import save_declaration

    declaration = generate(20, 6)
    path = tmp_path / "small.json"
    save_declaration(declaration, path)
    figures = window_figures(path, declaration)
    assert set(figures) == {"pdf_summary", "cold_start", "open_window", "rss_open", "keystroke_feedback"}
    data, _ = pdf_bytes(declaration, "summary")
    (tmp_path / "summary.pdf").write_bytes(data)
    pages = int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", str(tmp_path / "summary.pdf")))[1])
    assert figures["pdf_summary"]["pages"] == pages  # pages/s counts the pages poppler finds in that PDF
    # The cold start is measured against a bare window started beside it.
    low, high = ratio_bounds(figures["cold_start"])
    assert low - 0.006 <= figures["cold_start"]["ratio"] <= high + 0.006
