"""SIGTERM and SIGINT end the editor as closing its window does: the lock file beside the open file goes,
and unsaved changes stay as the recovery copy the next start offers."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from tests.helpers.gui import field, type_text

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows delivers no SIGTERM to a GUI process")


def lock_of(path):
    return path.with_name(f".~lock.{path.name}#")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_to_the_editor_process_closes_it_and_releases_the_lock(tmp_path, demo_path, child_env, signum):
    path = tmp_path / "天河 申报.json"
    shutil.copy(demo_path, path)
    env = dict(child_env, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), str(path)], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while not lock_of(path).exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert lock_of(path).exists(), f"the editor took no lock; exit {process.poll()}"
        time.sleep(0.3)  # the event loop idle, as a window waiting for the clerk is
        process.send_signal(signum)
        output = process.communicate(timeout=15)[0].decode("utf-8", "replace")
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, output
    assert "Traceback" not in output, output
    assert not lock_of(path).exists()
    assert not list((tmp_path / "data").rglob("session-*.json")), "a clean document left a recovery copy"


@pytest.fixture
def restore_signals():
    """run_editor installs the editor's handlers in this process: put the test process's back afterwards."""
    previous = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGINT)}
    yield
    signal.set_wakeup_fd(-1)
    for signum, handler in previous.items():
        signal.signal(signum, handler)


def test_sigterm_with_unsaved_changes_keeps_them_as_the_recovery_copy(qapp, qtbot, tmp_path, demo_path,
                                                                     monkeypatch, restore_signals):
    """The editor's own run_editor and event loop, in this process; the signal comes from another process
    while the loop is idle, as a `kill` does."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from src.ui.controllers import app
    from src.ui.controllers.file_controller import FileController
    from src.ui.controllers.main_window import MainWindow
    from src.ui.editing import autosave

    monkeypatch.setattr(autosave, "recovery_folder", lambda: tmp_path / "recovery")
    monkeypatch.setattr(MainWindow, "offer_recovery", lambda self: False)
    monkeypatch.setattr(FileController, "tell_import_notes", lambda *a: None)
    monkeypatch.setattr(FileController, "ask_unsaved", lambda *a: pytest.fail("asked about unsaved changes"))
    path = tmp_path / "demo.json"
    shutil.copy(demo_path, path)
    seen = {}

    def edit_then_get_killed():
        window = seen["window"] = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        window.workspace.select_location("projects[0]")
        unit = field(window, "projectUnit")
        unit.selectAll()
        type_text(unit, "某某街道办事处")
        seen["modified"], seen["locked"] = window.document.is_modified, lock_of(path).exists()
        subprocess.Popen(["kill", "-TERM", str(os.getpid())])

    QTimer.singleShot(0, edit_then_get_killed)
    guard = QTimer(singleShot=True, interval=15000)  # a handler that never runs fails the test, not hangs it
    guard.timeout.connect(lambda: QApplication.instance().exit(3))
    guard.start()
    try:
        assert app.run_editor([str(path)]) == 0
        assert seen["modified"] and seen["locked"]
        assert not lock_of(path).exists()
        saved = json.loads(next((tmp_path / "recovery").glob("session-*.json")).read_text("utf-8"))
        assert saved["original_path"] == str(path)
        assert saved["declaration"]["projects"][0]["unit"] == "某某街道办事处"
        assert path.read_bytes() == demo_path.read_bytes()  # the file itself untouched
    finally:
        guard.stop()
        window = seen.get("window")
        if window is not None:
            window.document.undo_stack.setClean()
            window.close()
            window.deleteLater()
