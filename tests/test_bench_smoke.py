"""The benchmark must not rot: one quick run at size S produces every figure it promises."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_runs_at_size_s(tmp_path):
    output = tmp_path / "results.json"
    result = subprocess.run([sys.executable, "-m", "bench", "--sizes", "S", "--runs", "1", "--output", str(output)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(output.read_text(encoding="utf-8"))["S"]
    assert set(figures) == {"open_json", "save_json", "save_xlsx", "open_xlsx", "validate_all", "validate_one_field"}
    for name in ("open_json", "save_json", "save_xlsx", "open_xlsx"):
        assert figures[name]["value"] > 0 and figures[name]["floor"] > 0 and figures[name]["ratio"] > 0
    assert figures["validate_one_field"]["unit"] == "ms"
    assert "open_json" in result.stdout


def test_window_figures_are_measured(tmp_path, qapp):  # qapp: the PDF is drawn in this process
    """The window probes (cold start, open, keystroke, memory, PDF) on a small file, so they cannot rot either."""
    from bench.__main__ import window_figures
    from bench.generate import generate
    from src.storage.files import save_declaration

    declaration = generate(20, 6)
    path = tmp_path / "small.json"
    save_declaration(declaration, path)
    figures = window_figures(path, declaration)
    assert set(figures) == {"pdf_summary", "cold_start", "open_window", "rss_open", "keystroke_feedback"}
    assert figures["pdf_summary"]["pages"] >= 1 and figures["pdf_summary"]["value"] > 0
    assert figures["cold_start"]["floor"] > 0 and figures["cold_start"]["ratio"] > 0
    assert 0 < figures["keystroke_feedback"]["value"] < 5000
    assert figures["rss_open"]["value"] > 20
