"""The start page (issue 27 item 3): a start with no file shows 打开去年的表…, 新建申报, 打开示例, the recent files
and where help is, instead of a blank form; each way off it opens what it says, and a start with a file goes
straight to that file."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from src.bundled import DEMO, resource_file
from src.model import paths
from src.model.skeleton import new_declaration
from src.storage.infra.files import open_declaration
from tests.helpers.gui import field, tree_projects

ROOT = Path(__file__).resolve().parent.parent

# Enabled on the start page: what needs no declaration on screen. Everything else waits for one.
WITHOUT_DOCUMENT = {"newAction", "openAction", "quitAction", "guideAction", "shortcutsAction", "checkRulesAction",
                    "aboutAction", "importLibraryAction"}


@pytest.fixture
def started(monkeypatch, tmp_path):
    """run_editor(argv) as the program's start runs it, without its event loop or signal handlers; gives the
    window it made. offer_recovery answers `restored`."""
    from src.ui.controllers import app, main_window

    made = []

    class Window(main_window.MainWindow):
        def __init__(self, _settings):
            super().__init__(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
            made.append(self)

        def offer_recovery(self):
            return state.restored

    def start(argv, restored=False):
        state.restored = restored
        assert app.run_editor([str(a) for a in argv]) == 0
        return made[-1]

    state = SimpleNamespace(restored=False)
    monkeypatch.setattr(main_window, "MainWindow", Window)
    monkeypatch.setattr(app, "Termination", lambda application: SimpleNamespace(requested=False))
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    yield start
    for window in made:
        if window.document is not None:
            window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()


def enabled_actions(window) -> set[str]:
    return {action.objectName() for action in window.actions.by_name.values() if action.isEnabled()}


def test_a_start_without_a_file_shows_the_start_page_and_nothing_that_needs_a_declaration(started):
    window = started([])
    page = window.start_page
    assert window.on_start_page() and page.isVisible()
    assert window.document is None and window.workspace is None  # no declaration under the page: none is needed
    assert [b.title for b in (page.open_button, page.new_button, page.demo_button)] == ["打开去年的表…", "新建申报", "打开示例"]
    assert "帮助 → " in page.help_line.text() and "使用说明" in page.help_line.text() and "F1" in page.help_line.text()
    assert window.windowTitle() == "绩效目标申报编辑器"  # no 未命名: nothing is open yet
    assert enabled_actions(window) == WITHOUT_DOCUMENT
    assert not window.problems_dock.isVisible() and not window.counts_label.isVisible()
    assert not page.recent_list.isVisible()  # nothing opened before: no empty heading either
    assert window.focusWidget() is page.open_button  # Enter opens a file


def test_a_start_with_a_file_or_a_restored_copy_shows_it(started, demo_path, tmp_path):
    copy = shutil.copy(demo_path, tmp_path / "天河.json")
    window = started([copy])
    assert not window.on_start_page() and window.centralWidget() is window.workspace
    assert window.document.path == copy.resolve()
    assert window.windowTitle().startswith("天河.json")
    assert not started([], restored=True).on_start_page()


def test_a_file_that_does_not_open_at_the_start_leaves_the_start_page(started, tmp_path, monkeypatch):
    from src.ui.controllers.file_controller import FileController

    told = []
    monkeypatch.setattr(FileController, "tell_error", lambda self, title, *rest: told.append(title))
    (tmp_path / "坏.json").write_text("{not json", encoding="utf-8")
    window = started([tmp_path / "坏.json"])
    assert told == ["无法打开文件"] and window.on_start_page()


def test_a_start_without_a_file_imports_no_declaration_model_and_no_reader(child_env):
    """What the empty window needs is the start page: the model (pydantic), the readers and the workspace load
    with the first document, not before the window shows (issue 21 item 7; the time is the benchmark's)."""
    code = ("import sys; from PySide6.QtCore import QSettings; from src.ui.controllers.app import application;"
            "app = application(); from src.ui.controllers.main_window import MainWindow;"
            "w = MainWindow(QSettings('/dev/null', QSettings.Format.IniFormat)); w.show(); w.offer_recovery();"
            "w.show_start_page(); app.processEvents();"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'lxml', 'openpyxl', 'pdfplumber',"
            " 'multiprocessing') or m in ('src.model.declaration', 'src.storage.readers.worker',"
            " 'src.ui.editing.document', 'src.ui.controllers.workspace', 'src.ui.models.tree_model')));"
            # then the fork server the window starts once shown, for the first open: still no model
            "from src.ui.controllers.app import _warm_up_reader; _warm_up_reader(); print('pydantic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                         env={**child_env, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.split() == ["[]", "False"], out.stdout[-2000:] + out.stderr[-2000:]


def test_new_declaration_on_a_start_without_a_file_makes_the_blank_form(started, qtbot):
    window = started([])
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    assert not window.on_start_page() and window.workspace.isVisible()
    assert window.document.declaration == new_declaration() and not window.document.is_modified
    assert window.workspace.current() == ("department", paths.DEPARTMENT)
    assert window.focusWidget() is field(window, "departmentName")
    assert {"addProjectAction", "saveAction", "printPreviewAction"} <= enabled_actions(window)
    assert window.problems_dock.isVisible() and window.counts_label.isVisible()
    assert window.windowTitle().startswith("未命名")


def test_new_declaration_leaves_the_page_with_the_blank_form_and_the_cursor_in_department_name(window, qtbot):
    blank = window.document
    window.show_start_page()
    assert window.on_start_page()
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    assert not window.on_start_page() and window.workspace.isVisible()
    assert window.document is blank and window.workspace.current() == ("department", paths.DEPARTMENT)
    assert window.focusWidget() is field(window, "departmentName")
    assert {"addProjectAction", "saveAction", "printPreviewAction"} <= enabled_actions(window)
    assert window.problems_dock.isVisible() and window.counts_label.isVisible()
    assert window.windowTitle().startswith("未命名")
    qtbot.wait(20)  # deferred deletions run: the page and the workspace were each kept, not deleted
    assert shiboken6.isValid(window.workspace) and shiboken6.isValid(window.start_page)


def test_open_last_years_table_is_the_open_dialog_and_cancelling_it_stays(window, qtbot, monkeypatch, examples_dir):
    asked = []
    answer = {"path": ""}

    def dialog(parent, caption, folder, filters, *rest):
        asked.append(caption)
        return answer["path"], ""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(dialog))
    window.show_start_page()
    qtbot.mouseClick(window.start_page.open_button, Qt.MouseButton.LeftButton)
    assert asked == ["打开申报文件"] and window.on_start_page()  # cancelled: still here, still nothing open
    old_workspace = window.workspace
    answer["path"] = str(examples_dir / "panyu-2022-projects.xlsx")
    qtbot.mouseClick(window.start_page.open_button, Qt.MouseButton.LeftButton)
    assert not window.on_start_page() and window.centralWidget() is window.workspace
    qtbot.waitUntil(window.workspace.isVisible, timeout=2000)
    assert window.document.display_name() == "panyu-2022-projects.xlsx（导入）"
    assert tree_projects(window.workspace) and "addProjectAction" in enabled_actions(window)
    assert window.centralWidget() is window.workspace
    qtbot.waitUntil(lambda: not shiboken6.isValid(old_workspace), timeout=2000)
    assert shiboken6.isValid(window.start_page)  # kept for another time


def test_the_demo_opens_as_a_copy_that_cannot_overwrite_the_shipped_file(window, qtbot, monkeypatch):
    demo = resource_file(DEMO)
    before = hashlib.sha256(demo.read_bytes()).hexdigest()
    window.show_start_page()
    qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    assert not window.on_start_page()
    expected = [project.name for project in open_declaration(demo).declaration.projects]
    assert tree_projects(window.workspace) == expected
    assert window.document.path is None and not window.document.is_modified
    assert window.windowTitle().startswith("示例申报（导入）") and DEMO not in window.windowTitle()
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, caption, suggested, *rest: asked.append(suggested) or ("", "")))
    window.actions["save"].trigger()  # 保存 asks where: it has no file of its own
    assert len(asked) == 1 and not asked[0].startswith(str(demo.parent)) and asked[0].endswith("示例申报.xlsx")
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == before
    assert window.files.recent() == [] and not list(demo.parent.glob(f".~lock.{DEMO}*"))


def test_recent_files_are_listed_by_name_and_folder_and_a_click_opens_one(window, qtbot, tmp_path, demo_path,
                                                                          examples_dir):
    older = shutil.copy(examples_dir / "panyu-2022-projects.xlsx", tmp_path / "番禺2022.xlsx")
    newer = shutil.copy(demo_path, tmp_path / "天河2023.json")
    for path in (older, newer):
        window.files.open(str(path))
    window.set_document(window.document.__class__())  # a clean blank one, as at a start
    window.show_start_page()
    listed = window.start_page.recent_list
    assert listed.isVisible() and window.start_page.recent_paths() == [str(newer.resolve()), str(older.resolve())]
    first = listed.item(0)
    assert first.text() == "天河2023.json" and first.toolTip() == str(newer.resolve())
    rect = listed.visualItemRect(listed.item(1))
    qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not window.on_start_page()
    assert window.document.display_name() == "番禺2022.xlsx（导入）"
    window.document.undo_stack.setClean()
    window.show_start_page()  # again: the page was kept, and its list followed recentChanged
    assert window.start_page.isVisible() and window.start_page.recent_paths()[0] == str(older.resolve())


def test_enter_on_a_recent_file_opens_it(window, qtbot, tmp_path, demo_path):
    path = shutil.copy(demo_path, tmp_path / "天河.json")
    window.files.open(str(path))
    window.set_document(window.document.__class__())
    window.show_start_page()
    listed = window.start_page.recent_list
    listed.setFocus()
    listed.setCurrentRow(0)
    qtbot.keyClick(listed, Qt.Key.Key_Return)
    assert not window.on_start_page() and window.document.path == path.resolve()


def test_the_help_line_and_f1_on_the_page_open_the_guides_contents(window, qtbot):
    from PySide6.QtWidgets import QTextBrowser

    window.show_start_page()
    window.start_page.help_line.linkActivated.emit("guide")
    guide = window.findChild(QTextBrowser, "guideBrowser")
    qtbot.waitUntil(lambda: guide is not None and guide.isVisible(), timeout=2000)
    assert guide.source().fileName() == "index.html"
    window.help.guide.open_page("faq.html", None)
    window.actions["guide"].trigger()  # F1 with a start-page button focused: no field, so the contents
    assert guide.source().fileName() == "index.html"


def test_a_library_imported_from_a_start_without_a_file_opens_the_browser_to_look_in(started, qtbot, monkeypatch):
    """导入指标库 needs no declaration: from the start page the bureau's file is imported, and the browser shows it
    with nothing to add to; the first declaration opened becomes what it adds to."""
    from PySide6.QtWidgets import QDialog

    from src.model.library_catalogue import LOCAL
    from src.ui.controllers.library_import import LibraryImporter

    monkeypatch.setattr(LibraryImporter, "ask_library_path", lambda self: str(ROOT / "tests/data/library/bureau-library.xlsx"))
    monkeypatch.setattr(LibraryImporter, "tell_error", lambda self, *said: pytest.fail(f"unexpected error {said}"))
    window = started([])
    assert window.on_start_page() and window.document is None and window.edits is None
    action = next(a for a in window.edit_menu.actions() if a.objectName() == "importLibraryAction")
    assert action.isEnabled()
    action.trigger()
    browser = window.findChild(QDialog, "libraryBrowser")
    assert browser is not None and browser.isVisible() and browser.origin.currentData() == LOCAL
    assert browser.model.rowCount() == 12 and "导入 12 条指标" in browser.message.text()
    assert "还没有打开申报" in browser.target_label.text() and not browser.insert_button.isEnabled()
    browser.view.selectRow(0)
    assert not browser.insert_button.isEnabled() and browser.insert_chosen() == []
    assert window.on_start_page() and window.document is None  # nothing was made to add to

    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    window.workspace.select_location(paths.DEPARTMENT)
    assert browser.target_text() == "部门整体绩效指标" and "还没有打开申报" not in browser.target_label.text()
    browser.view.selectRow(0)
    assert browser.insert_button.isEnabled() and len(browser.insert_chosen()) == 1
    assert window.document.declaration.department.indicators[-1].name == browser.model.entry(0).name
