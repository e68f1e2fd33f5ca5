"""The main window: assembles the workspace, the problems dock, menus and the status bar.

A window starts with no document: the start page (start_page.py) or the file opened fills it. What a document
needs — the declaration model, the workspace, the problems and notes panels, the tree's edits — is imported and
made when the first document is shown, so an empty window shows without them (bench/README.md, cold start).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu

from ...model import paths
from ..editing.autosave import AutoSaver
from ..editing.session import Session
from ..widgets.actions import Actions
from .file_controller import FileController
from .library_import import LibraryImporter
from .start_page import StartPageController, enable_document_actions

if TYPE_CHECKING:
    from ..editing.document import Document
    from ..widgets.start_page import StartPage
    from .tree_edits import TreeEdits
    from .workspace import Workspace

APP_TITLE = "绩效目标申报编辑器"


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.resize(1280, 820)
        self.setAcceptDrops(True)
        self.settings = settings or QSettings()
        self.session = Session(self)
        self.files = FileController(self.session, self.settings, self)
        self._printing = None
        self._problem_list = None
        self._years = None
        self._help = None
        self.autosaver = AutoSaver(self.session, self.settings)
        self.actions = Actions(self)
        self.library_import = LibraryImporter(self.session, self.files, self.actions, self, self.show_library)
        self.workspace: Workspace | None = None  # each document's, made when it is shown
        self.edits: TreeEdits | None = None  # made with the first document
        self.problems_panel = self.problems_view = self.notes_panel = None
        self.start = StartPageController(self)
        self.problems_dock = QDockWidget("问题列表", self)
        self.problems_dock.setObjectName("problemsDock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.notes_dock = QDockWidget("导入说明", self)  # every note of the open file, beside the problems
        self.notes_dock.setObjectName("importNotesDock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.notes_dock)
        self.tabifyDockWidget(self.problems_dock, self.notes_dock)
        self.notes_dock.hide()
        self.counts_label = QLabel()
        self.counts_label.setObjectName("problemCounts")
        self.counts_label.setToolTip("点击一类，问题列表只显示这一类；点“全部”恢复")
        # Each count is a link: clicking it filters the problems list to that kind.
        self.counts_label.linkActivated.connect(self._show_problems_of)
        self.statusBar().addPermanentWidget(self.counts_label)
        self._build_menus()
        self._connect_actions()
        self.session.documentReplaced.connect(self._show_document)
        self.session.status.connect(lambda text, milliseconds: self.statusBar().showMessage(text, milliseconds))
        self.files.recentChanged.connect(self.rebuild_recent_menu)
        enable_document_actions(self, False)  # until a document is shown

    @property
    def document(self) -> Document | None:
        return self.session.document

    @property
    def years(self):
        """文件 → 新建下一年度申报 / 合并单位申报 / 与其他申报比较, made on first use like printing."""
        if self._years is None:
            from .year_actions import YearController

            self._years = YearController(self.session, self.files, self, self.go_to)
        return self._years

    @property
    def help(self):
        """帮助 menu, made on first use."""
        if self._help is None:
            from .help import HelpController

            self._help = HelpController(self, self.actions,
                                        lambda: self.workspace.current()[1] if self._editing() else None)
        return self._help

    @property
    def printing(self):
        """Print support loads on first use: QtPrintSupport is not needed to start editing."""
        if self._printing is None:
            from .print_dialogs import PrintController

            self._printing = PrintController(self.session, self, self._print_selection)
        return self._printing

    @property
    def problem_list(self):
        """文件 → 导出问题清单, made on first use like printing; 建议修改 is each problem's fix label,
        found at export time in the document open then."""
        if self._problem_list is None:
            from ..editing.fixing import fixes_of
            from .problem_list_print import ProblemListExporter

            self._problem_list = ProblemListExporter(self.session, self,
                                                     lambda problem: fixes_of(self.document).label_of(problem))
        return self._problem_list

    def show_library(self):
        """The library browser: adding to the selection's project or department when a declaration is shown; on
        the start page (a 指标库 imported before any declaration) only to look in, until one is opened."""
        if self._editing():
            return self.edits.add_from_library()
        from ..widgets.library_browser import open_library_browser

        return open_library_browser(self, None, None)

    def _print_selection(self) -> tuple[int | None, list[int]]:
        _, location = self.workspace.current()
        return paths.project_index(location or ""), self.workspace.selected_projects()

    def _editing(self) -> bool:
        """A document's workspace on screen (not the start page, not a window still empty)."""
        return self.workspace is not None and not self.on_start_page()

    # ---- assembly ---------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.actions
        file_menu = self.menuBar().addMenu("文件(&F)")
        for name in ("new", "open"):
            file_menu.addAction(a[name])
        self.recent_menu = QMenu("最近打开(&R)", self)
        self.recent_menu.setObjectName("recentMenu")
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        for name in ("save", "saveAs"):
            file_menu.addAction(a[name])
        file_menu.addSeparator()
        for name in ("nextYear", "mergeUnits", "compare"):
            file_menu.addAction(a[name])
        file_menu.addSeparator()
        for name in ("printPreview", "print", "exportPdf", "exportProblems"):
            file_menu.addAction(a[name])
        file_menu.addSeparator()
        file_menu.addAction(a["quit"])
        self.edit_menu = self.menuBar().addMenu("编辑(&E)")
        self.edit_menu.aboutToShow.connect(self._name_fix_all)
        self.view_menu = self.menuBar().addMenu("查看(&V)")
        self.view_menu.addAction(a["find"])
        self.view_menu.addAction(a["nextProblem"])
        self.view_menu.addAction(self.problems_dock.toggleViewAction())
        self.view_menu.addAction(self.notes_dock.toggleViewAction())
        self.help_menu = self.menuBar().addMenu("帮助(&H)")
        for name in ("guide", "shortcuts", "checkRules"):
            self.help_menu.addAction(a[name])
        self.help_menu.addSeparator()
        self.help_menu.addAction(a["about"])
        self.toolbar = self.addToolBar("常用")
        self.toolbar.setObjectName("mainToolbar")
        for name in ("new", "open", "save"):
            self.toolbar.addAction(a[name])
        self.toolbar.addSeparator()
        for name in ("addProject", "addIndicator", "duplicateProject", "delete"):
            self.toolbar.addAction(a[name])
        self.toolbar.addSeparator()
        for name in ("printPreview", "exportPdf"):
            self.toolbar.addAction(a[name])
        self.rebuild_recent_menu()
        self._rebuild_edit_menu(None)

    def _name_fix_all(self) -> None:
        if self.problems_panel is not None:
            self.actions["fixAllOfKind"].setText(self.problems_panel.current_fix_all_text())

    def _connect_actions(self) -> None:
        a = self.actions
        a["new"].triggered.connect(self.files.new)
        a["open"].triggered.connect(lambda: self.files.open())
        a["save"].triggered.connect(self.files.save)
        a["saveAs"].triggered.connect(self.files.save_as)
        a["nextYear"].triggered.connect(lambda: self.years.next_year())
        a["mergeUnits"].triggered.connect(lambda: self.years.merge_units())
        a["compare"].triggered.connect(lambda: self.years.compare())
        a["guide"].triggered.connect(lambda: self.help.show_guide_for_focus())
        a["shortcuts"].triggered.connect(lambda: self.help.show_shortcuts())
        a["checkRules"].triggered.connect(lambda: self.help.show_check_rules())
        a["about"].triggered.connect(lambda: self.help.show_about())
        a["quit"].triggered.connect(self.close)
        a["find"].triggered.connect(self.focus_filter)
        a["nextProblem"].triggered.connect(self.next_problem)
        a["printPreview"].triggered.connect(lambda: self.printing.preview())
        a["print"].triggered.connect(lambda: self.printing.print())
        a["exportPdf"].triggered.connect(lambda: self.printing.export())
        a["exportProblems"].triggered.connect(lambda: self.problem_list.export())
        a["fixProblem"].triggered.connect(self.fix_problem)
        a["fixAllOfKind"].triggered.connect(lambda: self.problems_panel.fix_all_current())

    def set_document(self, document: Document) -> None:
        self.session.replace(document)

    def _show_document(self, document: Document, old_document: Document | None) -> None:
        from ..widgets.import_notes_panel import ImportNotesPanel
        from ..widgets.problems_panel import ProblemsPanel
        from .workspace import Workspace

        leaving_start, old_workspace = self.on_start_page(), self.workspace
        self.takeCentralWidget()  # the old workspace, or the start page (kept for another time)
        self.workspace = Workspace(document)
        self.setCentralWidget(self.workspace)
        old_panel = self.problems_dock.widget()  # setWidget() does not delete the widget it replaces
        self.problems_panel = ProblemsPanel(document)
        self.problems_view = self.problems_panel.view
        self.problems_panel.locationActivated.connect(self.go_to)
        self.problems_panel.told.connect(lambda text: self.session.tell(text, 8000))
        self.problems_dock.setWidget(self.problems_panel)
        old_notes = self.notes_dock.widget()
        self.notes_panel = ImportNotesPanel(document)
        self.notes_panel.locationActivated.connect(self.go_to)
        self.notes_dock.setWidget(self.notes_panel)
        document.importNotesChanged.connect(self.show_import_notes)
        if document.import_notes:
            self.show_import_notes()
        tree = self.workspace.tree
        for name in ("addProject", "addIndicator", "addFromLibrary", "duplicateProject", "delete", "moveUp", "moveDown",
                     "pasteTable"):
            tree.addAction(self.actions[name])
        self._rebuild_edit_menu(document)
        document.undo_stack.cleanChanged.connect(self.update_title)
        document.pathChanged.connect(self.update_title)
        document.problemsChanged.connect(self._update_counts)
        self.workspace.selectionKindChanged.connect(lambda _kind: self.actions.update(*self.workspace.current()))
        if self.edits is None:
            from .tree_edits import TreeEdits

            self.edits = TreeEdits(self.session, self.files, self.actions, self, lambda: self.workspace)
        self.workspace.selectionKindChanged.connect(self.edits.retarget_library)
        self.edits.retarget_library()
        if leaving_start:  # a file opened from the start page, the demo, 文件 → 新建, a recovery
            self.start.leave()
        else:
            enable_document_actions(self, True)  # the first document of a start with a file, or the next one
            self.update_title()
        self._update_counts()
        for stale in (old_workspace, old_panel, old_notes, old_document):
            if stale is not None and stale is not document:
                stale.deleteLater()

    # ---- the start page: a start with no file (start_page.py) -------------------------------------------
    def show_start_page(self) -> None:
        self.start.show()

    @property
    def start_page(self) -> StartPage | None:
        return self.start.page

    def on_start_page(self) -> bool:
        return self.start.is_shown()

    def _rebuild_edit_menu(self, document: Document | None) -> None:
        """The document's undo and redo first; before there is a document, the same two disabled."""
        self.edit_menu.clear()
        for name in ("undoAction", "redoAction"):  # the previous document's; kept, they piled up as children
            for stale in self.findChildren(QAction, name):
                stale.setObjectName("")
                stale.deleteLater()
        if document is None:
            undo, redo = QAction("撤销", self), QAction("重做", self)
            undo.setEnabled(False)
            redo.setEnabled(False)
        else:
            undo = document.undo_stack.createUndoAction(self, "撤销")
            redo = document.undo_stack.createRedoAction(self, "重做")
        undo.setObjectName("undoAction")
        undo.setShortcut("Ctrl+Z")
        redo.setObjectName("redoAction")
        redo.setShortcuts(["Ctrl+Y", "Ctrl+Shift+Z"])
        for action in (undo, redo):
            self.edit_menu.addAction(action)
        self.edit_menu.addSeparator()
        for name in ("addProject", "duplicateProject", "addIndicator", "addFromLibrary", "importLibrary", "delete",
                     "moveUp", "moveDown"):
            self.edit_menu.addAction(self.actions[name])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.actions["pasteTable"])
        self.edit_menu.addSeparator()
        for name in ("fixProblem", "fixAllOfKind"):
            self.edit_menu.addAction(self.actions[name])

    def rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.files.recent()
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.files.open(p))
        self.recent_menu.setEnabled(bool(recent))

    def update_title(self) -> None:
        document = self.document
        if document is None or self.on_start_page():
            self.setWindowTitle(APP_TITLE)
            return
        read_only = "（只读）" if document.read_only else ""
        self.setWindowTitle(f"{document.display_name()}{read_only}[*] — {APP_TITLE}")
        self.setWindowModified(document.is_modified)

    def offer_recovery(self) -> bool:
        return self.files.restore(self.autosaver.store.orphans())

    # ---- the problems dock and the tree's filter ----------------------------------------------------
    def _update_counts(self) -> None:
        counts = self.document.counts()
        link = "<a href='{0}' style='color: palette(text); text-decoration: none'>{1}</a>"
        parts = [link.format(kind, f"{label} {counts[kind]}") for kind, label in (("error", "错误"), ("warning", "警告"),
                                                                                   ("hint", "提示"))]
        self.counts_label.setText("　".join([*parts, link.format("all", "全部")]))

    def show_import_notes(self) -> None:
        self.notes_dock.show()
        self.notes_dock.raise_()

    def _show_problems_of(self, kind: str) -> None:
        self.problems_dock.show()
        self.problems_panel.show_only(kind)

    def focus_filter(self) -> None:
        self.workspace.filter.setFocus()
        self.workspace.filter.selectAll()

    def go_to(self, location: str) -> None:
        self.workspace.select_location(location, focus_field=True)

    def next_problem(self) -> None:
        view = self.problems_view
        model = view.model()
        if model.rowCount() == 0:
            return
        row = view.next_row()
        view.setCurrentIndex(model.index(row, 0))
        self.go_to(model.index(row, 0).data(Qt.ItemDataRole.UserRole))

    def fix_problem(self) -> None:
        """Ctrl+., wherever the focus is: the problem selected in the list (F8 selects the next one)."""
        if not self.problems_panel.fix_current():
            chosen = self.problems_view.current_problem() is not None
            self.session.tell("所选问题没有可自动完成的修复" if chosen else "请先在问题列表中选择一个问题（F8）", 5000)

    # ---- window events ---------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.maybe_save():
            self.autosaver.clear()  # a clean exit leaves no recovery file behind
            self.files.release(self.document)
            event.accept()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.files.open(path)

    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> str | None:
        """The first dropped file of a kind the registry knows; opening it says what it is if unreadable."""
        return next((url.toLocalFile() for url in event.mimeData().urls()
                     if url.isLocalFile() and _known_name(url.toLocalFile())), None)


def _known_name(name: str) -> bool:
    from ...storage.infra import formats  # the format registry, when something is dragged over the window

    return formats.is_known_name(name)
