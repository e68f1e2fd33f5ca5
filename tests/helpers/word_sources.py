"""The declarations tests/data/word/'s documents were made from (make_word_files.py), rebuilt for the tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def projects() -> list:
    """The demo's first four projects, each goal on one line (a web page's cell keeps no line break as the demo
    writes it)."""
    from src.storage.infra.files import open_declaration

    chosen = open_declaration(ROOT / "resources" / "demo-tianhe-2023.json").declaration.projects[:4]
    for project in chosen:
        project.goal = " ".join((project.goal or "").split()) or None
    return chosen


def department():
    from src.storage.infra.files import open_declaration

    return open_declaration(ROOT / "tests" / "data" / "haizhu-department.xlsx").declaration.department
