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
