"""The start page of a start with no file (widgets/start_page.py): made when first shown and kept, what its
buttons ask for, and the window's state while it shows — only the actions that need no declaration enabled,
no problems list, no counts, the bare title.

On a start the window has no document at all under the page: the declaration model is imported when the clerk
chooses something (新建申报 makes the blank declaration then), not before the window shows. Shown again later
(tests, a document kept), the page covers the workspace, which 新建申报 then uncovers.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from ...bundled import DEMO, resource_file
from ...model import paths
from ..widgets.start_page import StartPage

# The actions that need no declaration on screen: the only ones enabled while the start page shows.
# 导入指标库 fills the local library, which is the clerk's, not a declaration's: the browser then opens to look in.
WITHOUT_DOCUMENT = {"new", "open", "quit", "guide", "shortcuts", "checkRules", "about", "importLibrary"}


class StartPageController(QObject):
    def __init__(self, window: QMainWindow):
        """window: the editor's MainWindow (main_window.py, which imports this module): its files, actions,
        document, workspace, problems dock and counts label."""
        super().__init__(window)
        self.window = window
        self.page: StartPage | None = None
        self._dock_wanted = True  # the problems list, hidden under the page: shown again after it

    def show(self) -> None:
        """Whatever opens a document leaves the page (an open not cancelled, the demo, a file dropped on the
        window); 新建申报 leaves it for the blank declaration."""
        window, files = self.window, self.window.files
        if self.page is None:
            self.page = page = StartPage(files.recent, files.recentChanged)
            page.openRequested.connect(lambda: files.open())
            page.newRequested.connect(self.start_new)
            page.demoRequested.connect(lambda: files.open_copy(resource_file(DEMO), "示例申报"))
            page.recentChosen.connect(files.open)
            page.helpRequested.connect(lambda: window.help.show_guide())
        self._dock_wanted = not window.problems_dock.isHidden()
        self._set_shown(True)

    def is_shown(self) -> bool:
        return self.page is not None and self.window.centralWidget() is self.page

    def leave(self) -> None:
        """The workspace of the document shown takes the page's place, with every action the selection allows."""
        self._set_shown(False)

    def start_new(self) -> None:
        """新建申报: the blank declaration's department form, the cursor in 部门名称."""
        window = self.window
        if window.document is None:
            window.files.new()  # the first declaration of this start: its document replaces the page
        else:
            self.leave()
        window.workspace.focus_field(paths.field(paths.DEPARTMENT, "name"))

    def _set_shown(self, shown: bool) -> None:
        window = self.window
        central = self.page if shown else window.workspace
        if window.centralWidget() is not central:
            window.takeCentralWidget()  # kept, not deleted as setCentralWidget() would
            window.setCentralWidget(central)
        central.show()  # now, not when the event loop next runs: the focus can go into it at once
        enable_document_actions(window, not shown)
        window.problems_dock.toggleViewAction().setEnabled(not shown)
        window.problems_dock.setVisible(not shown and self._dock_wanted)
        window.counts_label.setVisible(not shown)
        window.update_title()


def enable_document_actions(window: QMainWindow, enabled: bool) -> None:
    """Every action, or only those that need no declaration; with a document, as its tree's selection allows."""
    for name, action in window.actions.by_name.items():
        action.setEnabled(enabled or name in WITHOUT_DOCUMENT)
    if enabled:
        window.actions.update(*window.workspace.current())
