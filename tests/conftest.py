import gc
import os
import tempfile
from pathlib import Path

# Before any QApplication exists: no display on CI machines (PLATFORM.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings and recovery files of test runs stay out of the user's own folders.
_SANDBOX = tempfile.mkdtemp(prefix="perf-editor-tests-")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")

import pytest  # noqa: E402

# Test lanes (pyproject.toml's markers). A plain `pytest` runs the fast lane: every test without one of
# these marks. `pytest --lanes all` (the README's command, which CI runs) runs every lane; `--lanes slow,corpus`
# adds those lanes to the fast one.
LANES = ("slow", "corpus", "packaging")


def pytest_addoption(parser):
    parser.addoption("--lanes", default="", metavar="LANE,…|all",
                     help=f"run these lanes besides the fast one: {', '.join(LANES)}, or all")


def pytest_collection_modifyitems(config, items):
    chosen = {lane.strip() for lane in config.getoption("--lanes").split(",") if lane.strip()}
    unknown = chosen - set(LANES) - {"all"}
    if unknown:
        raise pytest.UsageError(f"unknown lane(s) {sorted(unknown)}: choose from {', '.join(LANES)} or all")
    if "all" in chosen:
        return
    kept, dropped = [], []
    for item in items:
        lanes = {lane for lane in LANES if item.get_closest_marker(lane)}
        (kept if lanes <= chosen else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept

# The repository root is on sys.path through pytest's `pythonpath = ["."]` (pyproject.toml).
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"  # example workbooks, their facts and seed texts, kept in the repository (README there)
SEEDS = DATA / "seeds"
DEMO = ROOT / "resources" / "demo-tianhe-2023.json"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def demo_path() -> Path:
    return DEMO


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """The real main window with its own settings file; every question it would ask fails the test unless
    the test answers it."""
    from PySide6.QtCore import QSettings

    from src.ui.controllers.app import application
    from src.ui.controllers.main_window import MainWindow

    application()
    main = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main.files.new()  # a window starts with no document (the start page's); these tests edit a blank one
    main.show()  # not qtbot.addWidget: pytest-qt would close it before this fixture can mark it clean
    monkeypatch.setattr(main.files, "ask_unsaved", lambda name: pytest.fail(f"unexpected unsaved prompt for {name}"))
    monkeypatch.setattr(main.files, "tell_error", lambda *a: pytest.fail(f"unexpected error dialog {a}"))
    monkeypatch.setattr(main.files, "tell_import_notes", lambda *a: None)
    yield main
    if main.document is not None:
        main.document.undo_stack.setClean()  # closing at teardown is not a test of the unsaved prompt
    main.close()
    main.deleteLater()


@pytest.fixture
def child_env() -> dict[str, str]:
    """The environment for a child Python that imports `src`: the repository root on its PYTHONPATH."""
    env = os.environ.copy()
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


@pytest.fixture(autouse=True)
def collect_garbage_while_qt_objects_are_valid():
    """Collect each test's cyclic garbage at its own teardown. Left to a later test, PySide6 6.11 can free
    wrappers whose C++ objects deleteLater() already destroyed and crash the process in the collector
    (seen in a fresh clone's run, in test_values, a test with no Qt at all).

    What survives is then frozen (gc.freeze): a full collection walks every live object, and with the
    session's modules and caches that cost 30–500 ms per test — most of the fast lane's time. Frozen, the
    next collection walks only what the next test made."""
    yield
    gc.collect()
    gc.freeze()


_LOCAL_LIBRARIES = iter(range(1, 1 << 30))


@pytest.fixture(autouse=True)
def local_library_of_its_own():
    """Each test's 本地指标库 and 我的指标 (ui/editing/local_library.py) in a file of its own, made only if the test
    writes it: the indicators of the files one test opened never reach another test's completer or browser."""
    from src.ui.editing import local_library

    folder = Path(_SANDBOX) / "local-library" / str(next(_LOCAL_LIBRARIES))
    yield local_library.use_store_at(folder / "local_indicator_library.json")
    local_library.use_store_at(None)


@pytest.fixture(autouse=True, scope="session")
def application_made_first(qapp):
    """The session's QApplication exists before any test runs, as in the window's process: the render layer
    makes a bare QGuiApplication when there is none (headless commands), and Qt aborts a QApplication made
    after one."""
    return qapp


@pytest.fixture(autouse=True, scope="session")
def clipboard_emptied_before_qt_goes():
    """Leave no mime data on the clipboard at the end. With the offscreen platform (not xcb: tried under
    Xvfb) Qt frees it when the application goes, after PySide6 has finalised its wrapper, and the process
    segfaults at exit — rc 139 after every paste test had passed, which CI reads as a failure."""
    yield
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()
