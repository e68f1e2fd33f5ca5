"""Issue 12, 4: slow imports tell their progress — a cancellable dialog in the window, a line on a terminal for
`convert` and nothing when stderr is not a terminal — and the benchmark's published-table figures."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton

from src.storage.containers.pdf import table as pdf_table
from src.storage.infra.files import open_declaration
from src.storage.infra.progress import Cancelled
from src.storage.readers import worker
from src.ui.widgets import progress_dialog
from tests.helpers.gui import open_in

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SUMMARY_PDF = DATA / "pdf" / "editor-panyu-2022-summary.pdf"  # 7 pages printed by this editor (README there)
PAGES = 7


# ---- the readers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [DATA / "html" / "tianhe-2023-projects.html",
                                  DATA / "seeds" / "000_71042259a1c585ad.txt",  # a PDF's text layout, rebuilt line by line
                                  DATA / "seeds" / "002_fbe7460060ce89e9.txt",
                                  DATA / "containers" / "tianhe-2023-projects.xls",
                                  DATA / "containers" / "panyu-2022-projects.ods",
                                  SUMMARY_PDF])
def test_every_slow_reader_reports_and_stops_when_told(path):
    seen = []
    opened = open_declaration(path, lambda done, total: seen.append((done, total)))
    assert opened.declaration.projects and seen
    assert all(0 <= done <= total for done, total in seen), seen
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)  # it only goes forward
    with pytest.raises(Cancelled) as caught:
        open_declaration(path, lambda done, total: False)
    assert path.name in str(caught.value) and "取消" in str(caught.value)


def test_a_pdf_reports_each_page_and_stops_at_the_one_it_is_told(monkeypatch):
    monkeypatch.setattr(worker, "in_process", True)  # the pages are counted by a patch in this process
    parsed = []
    real = pdf_table.read_page
    monkeypatch.setattr(pdf_table, "read_page", lambda *a, **k: parsed.append(1) or real(*a, **k))
    with pytest.raises(Cancelled):
        open_declaration(SUMMARY_PDF, lambda done, total: done < 3)
    assert len(parsed) == 3  # pages 4 to 7 were never parsed


# ---- the window ----------------------------------------------------------------------------------

def _press_cancel_when_shown(qtbot, window, seen: list, finished: list) -> None:
    """Press 取消 of the progress dialog as soon as it shows (the timer fires in the events the read lets
    through); it gives up once the test says the open has finished."""
    def attempt():
        if finished:
            return
        dialog = window.findChild(QProgressDialog, "importProgress")
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(0, attempt)
            return
        seen.append(dialog.labelText())
        button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "取消")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, attempt)


def test_cancelling_a_slow_open_changes_nothing(window, qtbot, demo_path, monkeypatch):
    monkeypatch.setattr(worker, "in_process", True)  # slowed by a patch in this process (tests/test_reader_worker.py
    # cancels a worker)
    open_in(window, qtbot, demo_path)
    before, title, recent = window.document, window.windowTitle(), window.files.recent()
    names = [p.name for p in before.declaration.projects]
    monkeypatch.setattr(progress_dialog, "SHOW_AFTER_MS", 0)  # the test hook: this PDF reads in well under 1 s
    parsed = []
    real = pdf_table.read_page
    monkeypatch.setattr(pdf_table, "read_page", lambda *a, **k: parsed.append(1) or real(*a, **k))
    labels: list[str] = []
    finished: list[bool] = []
    _press_cancel_when_shown(qtbot, window, labels, finished)

    opened = window.files.open(str(SUMMARY_PDF))
    finished.append(True)
    assert opened is False

    assert labels and SUMMARY_PDF.name in labels[0] and f"/{PAGES} 页" in labels[0]
    assert 1 <= len(parsed) < PAGES  # the read stopped where 取消 was pressed
    assert window.document is before and not before.is_modified
    assert [p.name for p in window.document.declaration.projects] == names
    assert window.windowTitle() == title and window.files.recent() == recent
    assert window.statusBar().currentMessage() == "已取消"
    qtbot.waitUntil(lambda: window.findChild(QProgressDialog, "importProgress") is None, timeout=2000)


def test_a_slow_open_shows_the_dialog_then_the_file(window, qtbot, monkeypatch):
    monkeypatch.setattr(progress_dialog, "SHOW_AFTER_MS", 0)
    values: list[tuple[int, int]] = []
    finished: list[bool] = []

    def watch():
        dialog = window.findChild(QProgressDialog, "importProgress")
        if dialog is not None and dialog.isVisible():
            values.append((dialog.value(), dialog.maximum()))
        if not finished:
            QTimer.singleShot(0, watch)

    QTimer.singleShot(0, watch)
    try:
        open_in(window, qtbot, SUMMARY_PDF)
    finally:
        finished.append(True)
    assert values and values[-1] == (PAGES, PAGES)  # shown, and it went to the last page
    assert window.document.declaration.projects  # the PDF's projects are open
    qtbot.waitUntil(lambda: window.findChild(QProgressDialog, "importProgress") is None, timeout=2000)


def test_a_quick_open_shows_no_dialog(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(progress_dialog.ImportProgress, "_dialog", lambda self: shown.append(1) or pytest.fail("shown"))
    monkeypatch.setattr(progress_dialog, "SHOW_AFTER_MS", 60_000)
    open_in(window, qtbot, DATA / "html" / "tianhe-2023-projects.html")
    assert window.document.declaration.projects and shown == []


# ---- the headless command ------------------------------------------------------------------------

def test_convert_prints_no_progress_when_stderr_is_not_a_terminal(tmp_path, child_env):
    target = tmp_path / "out.json"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "convert", str(SUMMARY_PDF), str(target)],
                            capture_output=True, text=True, timeout=300, env=child_env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["projects"]
    assert "导入说明" in result.stderr  # stderr is written to, only not with progress
    assert "读取" not in result.stderr and "\r" not in result.stderr


def test_convert_prints_progress_on_a_terminal(tmp_path, child_env):
    target = tmp_path / "out.json"
    main, terminal = pty.openpty()
    try:
        process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "convert", str(SUMMARY_PDF), str(target)],
                                   stdout=subprocess.PIPE, stderr=terminal, env=child_env, cwd=tmp_path)
        os.close(terminal)
        terminal = None
        written = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # EIO: the child closed the terminal's other end
                break
            if not chunk:
                break
            written += chunk
        assert process.wait(timeout=300) == 0
        process.stdout.close()
    finally:
        os.close(main)
        if terminal is not None:
            os.close(terminal)
    text = written.decode("utf-8")
    for page in range(1, PAGES + 1):
        assert f"读取 第 {page}/{PAGES} 页…" in text
    assert text.index(f"第 {PAGES}/{PAGES} 页") < text.index("导入说明")  # the notes follow on a line of their own
    assert json.loads(target.read_text(encoding="utf-8"))["projects"]


# ---- the benchmark's figures ---------------------------------------------------------------------

def test_benchmark_import_figures_are_measured(tmp_path, qapp):  # qapp: the PDF is printed in this process
    """`python -m bench` measures these at size M only (minutes); a tiny run here so they cannot rot."""
    from bench.__main__ import IMPORT_TARGETS, import_figures
    from bench.generate import generate
    from src.storage.infra.files import save_declaration

    declaration = generate(3, 4)
    workbook = tmp_path / "small.xlsx"
    save_declaration(declaration, workbook)
    figures = import_figures(declaration, workbook, tmp_path, runs=1)
    reconcile = figures.pop("import_reconcile")  # the self-check's cost, a ratio within the run (issue 22 item 8)
    assert reconcile["value"] > 0 and reconcile["floor"] > 0 and reconcile["ratio"] > 0
    assert set(figures) == set(IMPORT_TARGETS)
    for name, data in figures.items():
        if data.get("skipped"):  # only .xls/.ods, and only with no LibreOffice to make them
            assert name in ("open_xls", "open_ods") and "LibreOffice" in data["skipped"]
            continue
        assert data["value"] > 0 and data["floor"] > 0 and data["ratio"] > 0 and data["target"] == IMPORT_TARGETS[name]
        if name != "open_pdf":  # issue 21 item 7: the floor is the parse plus the declaration built; the parse kept
            assert data["parse_floor"] > 0 and data["parse_ratio"] > 0 and data["in_process"] > 0
    for name in ("published.html", "published.txt", "published.pdf"):
        opened = open_declaration(tmp_path / name)
        assert [p.name for p in opened.declaration.projects] == [p.name for p in declaration.projects]
    # The floor builds the same declaration the import makes, from its JSON.
    from bench import floors

    page = tmp_path / "published.html"
    built = floors.parse_then_build(floors.lxml_parse, floors.declaration_json(page))(page)
    assert [p.name for p in built.projects] == [p.name for p in declaration.projects]
    assert sum(len(p.indicators) for p in built.projects) == sum(len(p.indicators) for p in declaration.projects)
