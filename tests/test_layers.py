"""The floors of the codebase: model and storage never import Qt (STYLE.md)."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(("." * node.level) + (node.module or ""))
    return names


@pytest.mark.parametrize("floor", ["model", "storage", "forms"])
def test_no_qt_below_the_ui(floor):
    files = sorted((SRC / floor).rglob("*.py"))
    assert files
    for path in files:
        for name in imported_modules(path):
            assert "PySide6" not in name and "Qt" not in name.split(".")[0], f"{path.name} imports {name}"
            assert ".ui" not in name and not name.startswith("src.ui"), f"{path.name} imports the UI: {name}"


def test_model_does_not_import_storage():
    for path in sorted((SRC / "model").rglob("*.py")):
        assert not any("storage" in name for name in imported_modules(path)), path.name
