"""The headless commands load no widgets: check, convert and pdf (and check's PDF problem list) run in a
process where PySide6.QtWidgets cannot be imported at all, as on a server or in a build step."""

import json
import subprocess
import sys

import pytest

from tests.helpers.poppler import pdf_text

# A finder that refuses QtWidgets, installed before anything of the editor is imported.
_NO_WIDGETS = """
import importlib.abc, sys
class NoWidgets(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.startswith("PySide6.QtWidgets") or name.startswith("PySide6.QtPrintSupport"):
            raise ImportError(f"{name} is not allowed in a headless command")
sys.meta_path.insert(0, NoWidgets())
sys.argv = ["main.py", *sys.argv[1:]]
from src.launcher import main
code = main(sys.argv[1:])
assert "PySide6.QtWidgets" not in sys.modules
sys.exit(code)
"""


def headless(child_env, cwd, *arguments):
    return subprocess.run([sys.executable, "-c", _NO_WIDGETS, *arguments], capture_output=True, text=True,
                          env=child_env, cwd=cwd, timeout=180)


def test_check_convert_and_pdf_run_without_qtwidgets(tmp_path, child_env, demo_path):
    checked = headless(child_env, tmp_path, "check", str(demo_path), "--format", "json")
    assert checked.returncode == 1, checked.stderr  # the demo keeps three errors on purpose
    assert sum(p["severity"] == "error" for p in json.loads(checked.stdout)) == 3
    converted = headless(child_env, tmp_path, "convert", str(demo_path), str(tmp_path / "演示.xlsx"))
    assert converted.returncode == 0, converted.stderr
    printed = headless(child_env, tmp_path, "pdf", str(demo_path), str(tmp_path / "演示.pdf"))
    assert printed.returncode == 0, printed.stderr
    assert "项目支出绩效目标" in pdf_text(tmp_path / "演示.pdf")
    listed = headless(child_env, tmp_path, "check", str(demo_path), "--output", str(tmp_path / "问题清单.pdf"))
    assert listed.returncode == 1, listed.stderr
    assert "问题清单" in pdf_text(tmp_path / "问题清单.pdf")


def test_the_finder_really_refuses_qtwidgets(tmp_path, child_env):
    """The guard above is live: a command that needs widgets fails under it."""
    result = subprocess.run([sys.executable, "-c", _NO_WIDGETS.replace("from src.launcher import main",
                             "import PySide6.QtWidgets"), "selftest"], capture_output=True, text=True,
                            env=child_env, cwd=tmp_path, timeout=60)
    assert result.returncode != 0 and "is not allowed in a headless command" in result.stderr


pytestmark = pytest.mark.usefixtures("demo_path")
