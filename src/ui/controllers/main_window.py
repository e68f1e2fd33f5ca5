"""The main window: assembles the workspace, the problems dock, menus and the status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QDockWidget, QLabel, QMainWindow, QMenu

from ...bundled import DEMO, resource_file
from ...model import paths
from ...model.skeleton import new_declaration
from ...storage.infra import formats
from ...storage.infra.errors import FileProblem
from ..editing import clipboard, structure_edits
from ..editing.autosave import AutoSaver
from ..editing.document import Document
from ..editing.fixing import fixes_of
from ..editing.session import Session
from ..models.tree_model import GROUP_ROLE
from ..widgets.actions import Actions
from ..widgets.import_notes_panel import ImportNotesPanel
from ..widgets.problems_panel import ProblemsPanel
from ..widgets.start_page import StartPage
from .file_controller import FileController
from .library_import import LibraryImporter
from .workspace import Workspace

APP_TITLE = "绩效目标申报编辑器"
# The actions that need no declaration on screen: the only ones enabled while the start page shows.
WITHOUT_DOCUMENT = {"new", "open", "quit", "guide", "shortcuts", "checkRules", "about"}


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
        self.library_import = LibraryImporter(self.session, self.files, self.actions, self, self.add_from_library)
        self.workspace: Workspace | None = None
        self.start_page: StartPage | None = None  # made by show_start_page(), on a start with no file
        self._dock_wanted = True  # the problems list, hidden under the start page: shown again after it
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
        self.set_document(Document(new_declaration()))

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
                                        lambda: None if self.on_start_page() else self.workspace.current()[1])
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
            from .problem_list_print import ProblemListExporter

            self._problem_list = ProblemListExporter(self.session, self,
                                                     lambda problem: fixes_of(self.document).label_of(problem))
        return self._problem_list

    def _print_selection(self) -> tuple[int | None, list[int]]:
        _, location = self._selected()
        return paths.project_index(location or ""), self.workspace.selected_projects()

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
        self.edit_menu.aboutToShow.connect(lambda: a["fixAllOfKind"].setText(self.problems_panel.current_fix_all_text()))
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
        a["addProject"].triggered.connect(self.add_project)
        a["duplicateProject"].triggered.connect(self.duplicate_project)
        a["addIndicator"].triggered.connect(self.add_indicator)
        a["addFromLibrary"].triggered.connect(self.add_from_library)
        a["delete"].triggered.connect(self.delete_selected)
        a["moveUp"].triggered.connect(lambda: self.move_selected(-1))
        a["moveDown"].triggered.connect(lambda: self.move_selected(1))
        a["pasteTable"].triggered.connect(self.paste_table)
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
        document.undo_stack.cleanChanged.connect(self._update_title)
        document.pathChanged.connect(self._update_title)
        document.problemsChanged.connect(self._update_counts)
        self.workspace.selectionKindChanged.connect(lambda _kind: self.actions.update(*self.workspace.current()))
        self.workspace.selectionKindChanged.connect(self._retarget_library)
        self._retarget_library()
        if leaving_start:  # a file opened from the start page, the demo, 文件 → 新建, a recovery
            self._show_start(False)
        self.actions.update(*self.workspace.current())
        self._update_title()
        self._update_counts()
        for stale in (old_workspace, old_panel, old_notes, old_document):
            if stale is not None and stale is not document:
                stale.deleteLater()

    # ---- the start page: a start with no file --------------------------------------------------------
    def show_start_page(self) -> None:
        """Over the blank declaration the window always holds: 新建申报 only leaves the page; whatever opens a
        document leaves it too (an open not cancelled, the demo, a file dropped on the window)."""
        if self.start_page is None:
            self.start_page = page = StartPage(self.files.recent, self.files.recentChanged)
            page.openRequested.connect(lambda: self.files.open())
            page.newRequested.connect(self.start_new)
            page.demoRequested.connect(lambda: self.files.open_copy(resource_file(DEMO), "示例申报"))
            page.recentChosen.connect(self.files.open)
            page.helpRequested.connect(lambda: self.help.show_guide())
        self._dock_wanted = not self.problems_dock.isHidden()
        self._show_start(True)

    def on_start_page(self) -> bool:
        return self.start_page is not None and self.centralWidget() is self.start_page

    def _show_start(self, shown: bool) -> None:
        central = self.start_page if shown else self.workspace
        if self.centralWidget() is not central:
            self.takeCentralWidget()  # kept, not deleted as setCentralWidget() would
            self.setCentralWidget(central)
            central.show()  # now, not when the event loop next runs: the focus can go into it at once
        for name, action in self.actions.by_name.items():
            action.setEnabled(not shown or name in WITHOUT_DOCUMENT)
        self.problems_dock.toggleViewAction().setEnabled(not shown)
        self.problems_dock.setVisible(not shown and self._dock_wanted)
        self.counts_label.setVisible(not shown)
        if not shown:
            self.actions.update(*self.workspace.current())
        self._update_title()

    def start_new(self) -> None:
        """新建申报: the blank declaration's department form, the cursor in 部门名称."""
        self._show_start(False)
        self.workspace.focus_field(paths.field(paths.DEPARTMENT, "name"))

    def _rebuild_edit_menu(self, document: Document) -> None:
        self.edit_menu.clear()
        for name in ("undoAction", "redoAction"):  # the previous document's; kept, they piled up as children
            for stale in self.findChildren(QAction, name):
                stale.setObjectName("")
                stale.deleteLater()
        undo = document.undo_stack.createUndoAction(self, "撤销")
        undo.setObjectName("undoAction")
        undo.setShortcut("Ctrl+Z")
        redo = document.undo_stack.createRedoAction(self, "重做")
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

    def _update_title(self) -> None:
        document = self.document
        if self.on_start_page():
            self.setWindowTitle(APP_TITLE)
            return
        read_only = "（只读）" if document.read_only else ""
        self.setWindowTitle(f"{document.display_name()}{read_only}[*] — {APP_TITLE}")
        self.setWindowModified(document.is_modified)

    def offer_recovery(self) -> bool:
        return self.files.restore(self.autosaver.store.orphans())

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

    # ---- structure edits from the tree's selection ---------------------------------------------------
    def _selected(self) -> tuple[str | None, str | None]:
        return self.workspace.current() if self.workspace else (None, None)

    def add_project(self) -> None:
        _, location = self._selected()
        index = paths.project_index(location or "")
        self.workspace.select_location(structure_edits.add_project(self.document, index), focus_field=False)
        self.workspace.focus_field(paths.field(self.workspace.current()[1], "name"), select_all=True)

    def duplicate_project(self) -> None:
        _, location = self._selected()
        index = paths.project_index(location or "")
        if index is not None:
            self.workspace.select_location(structure_edits.duplicate_project(self.document, index))

    def add_indicator(self) -> None:
        """After the selected indicator, in the selected group, or last: of a project or of the department."""
        kind, location = self._selected()
        owner = paths.indicator_owner(location or "")
        if owner is None:
            return
        after = paths.list_and_index(location)[1] if kind == "indicator" else None
        level1 = self.workspace.tree.currentIndex().data(GROUP_ROLE) if kind == "group" else None
        new = structure_edits.add_indicator(self.document, owner, level1, after)
        self.workspace.select_location(new, focus_field=True)
        self.workspace.focus_field(paths.field(new, "name"), select_all=True)

    def _library_owner(self) -> str | None:
        """Whose indicators the library browser adds to: the project or department the selection is in."""
        kind, location = self._selected()
        return paths.DEPARTMENT if kind == paths.NodeKind.DEPARTMENT else paths.indicator_owner(location or "")

    def add_from_library(self):
        from ..widgets.library_browser import open_library_browser  # loads the library on first use

        return open_library_browser(self, self.document, self._library_owner())

    def _retarget_library(self, *_) -> None:
        """An open browser adds to what the tree's selection is in, of the document shown."""
        browser = self.findChild(QDialog, "libraryBrowser", Qt.FindChildOption.FindDirectChildrenOnly)
        if browser is not None:
            browser.set_target(self.document, self._library_owner())

    def delete_selected(self) -> None:
        kind, location = self._selected()
        projects = self.workspace.selected_projects(project_rows_only=True)
        if kind == "project" and len(projects) > 1:
            self.document.undo_stack.beginMacro(f"删除 {len(projects)} 个项目")  # one Ctrl+Z brings them all back
            for index in reversed(projects):  # from the end, so the indices before stay right
                structure_edits.delete(self.document, paths.project(index))
            self.document.undo_stack.endMacro()
        elif location:
            structure_edits.delete(self.document, location)

    def move_selected(self, step: int) -> None:
        _, location = self._selected()
        if location:
            moved = structure_edits.move(self.document, location, step)
            if moved:
                self.workspace.select_location(moved)

    def paste_table(self) -> None:
        """The copied table's projects after the open ones; its 导入说明 shown as a file import shows them."""
        try:
            added, notes = clipboard.paste_projects(self.document)
        except FileProblem as problem:
            self.session.tell(f"无法粘贴：{problem.reason}", 15000)
            return
        self.workspace.select_location(added[0])
        self.session.tell(f"已从剪贴板添加 {len(added)} 个项目（撤销可一次全部去掉）", 8000)
        if notes:
            from ...storage.clipboard.pasted_rows import CLIPBOARD  # loaded by the paste itself

            self.document.hold_import_notes(notes, "从剪贴板粘贴")
            self.files.tell_import_notes(CLIPBOARD, notes)

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
                     if url.isLocalFile() and formats.is_known_name(url.toLocalFile())), None)
