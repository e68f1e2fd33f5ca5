"""The structure edits the window's actions make from the tree's selection: add, duplicate, delete and move
projects and indicators, paste a copied table as projects, and the library browser's target.

Each edit goes through ui/editing/structure_edits (commands on the document's undo stack); this module only
reads the selection, and selects and focuses what the edit made. The window makes it with its first document:
these actions are disabled until there is one.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QWidget

from ...model import paths
from ...storage.infra.errors import FileProblem
from ..editing import clipboard, structure_edits
from ..editing.session import Session
from ..models.tree_model import GROUP_ROLE
from ..widgets.actions import Actions
from .file_controller import FileController
from .workspace import Workspace


class TreeEdits(QObject):
    def __init__(self, session: Session, files: FileController, actions: Actions, window: QWidget,
                 workspace: Callable[[], Workspace | None]):
        """workspace: the window's workspace of the document shown (None before there is one)."""
        super().__init__(window)
        self.session = session
        self.files = files
        self.window = window
        self.workspace = workspace
        for name, slot in (("addProject", self.add_project), ("duplicateProject", self.duplicate_project),
                           ("addIndicator", self.add_indicator), ("addFromLibrary", self.add_from_library),
                           ("delete", self.delete_selected), ("pasteTable", self.paste_table)):
            actions[name].triggered.connect(slot)
        actions["moveUp"].triggered.connect(lambda: self.move_selected(-1))
        actions["moveDown"].triggered.connect(lambda: self.move_selected(1))

    def _selected(self) -> tuple[str | None, str | None]:
        workspace = self.workspace()
        return workspace.current() if workspace else (None, None)

    def add_project(self) -> None:
        _, location = self._selected()
        index = paths.project_index(location or "")
        workspace = self.workspace()
        workspace.select_location(structure_edits.add_project(self.session.document, index), focus_field=False)
        workspace.focus_field(paths.field(workspace.current()[1], "name"), select_all=True)

    def duplicate_project(self) -> None:
        _, location = self._selected()
        index = paths.project_index(location or "")
        if index is not None:
            self.workspace().select_location(structure_edits.duplicate_project(self.session.document, index))

    def add_indicator(self) -> None:
        """After the selected indicator, in the selected group, or last: of a project or of the department."""
        kind, location = self._selected()
        owner = paths.indicator_owner(location or "")
        if owner is None:
            return
        workspace = self.workspace()
        after = paths.list_and_index(location)[1] if kind == "indicator" else None
        level1 = workspace.tree.currentIndex().data(GROUP_ROLE) if kind == "group" else None
        new = structure_edits.add_indicator(self.session.document, owner, level1, after)
        workspace.select_location(new, focus_field=True)
        workspace.focus_field(paths.field(new, "name"), select_all=True)

    def _library_owner(self) -> str | None:
        """Whose indicators the library browser adds to: the project or department the selection is in."""
        kind, location = self._selected()
        return paths.DEPARTMENT if kind == paths.NodeKind.DEPARTMENT else paths.indicator_owner(location or "")

    def add_from_library(self):
        from ..widgets.library_browser import open_library_browser  # loads the library on first use

        return open_library_browser(self.window, self.session.document, self._library_owner())

    def retarget_library(self, *_) -> None:
        """An open browser adds to what the tree's selection is in, of the document shown."""
        browser = self.window.findChild(QDialog, "libraryBrowser", Qt.FindChildOption.FindDirectChildrenOnly)
        if browser is not None:
            browser.set_target(self.session.document, self._library_owner())

    def delete_selected(self) -> None:
        kind, location = self._selected()
        document = self.session.document
        projects = self.workspace().selected_projects(project_rows_only=True)
        if kind == "project" and len(projects) > 1:
            document.undo_stack.beginMacro(f"删除 {len(projects)} 个项目")  # one Ctrl+Z brings them all back
            for index in reversed(projects):  # from the end, so the indices before stay right
                structure_edits.delete(document, paths.project(index))
            document.undo_stack.endMacro()
        elif location:
            structure_edits.delete(document, location)

    def move_selected(self, step: int) -> None:
        _, location = self._selected()
        if location:
            moved = structure_edits.move(self.session.document, location, step)
            if moved:
                self.workspace().select_location(moved)

    def paste_table(self) -> None:
        """The copied table's projects after the open ones; its 导入说明 shown as a file import shows them."""
        document = self.session.document
        try:
            added, notes = clipboard.paste_projects(document)
        except FileProblem as problem:
            self.session.tell(f"无法粘贴：{problem.reason}", 15000)
            return
        self.workspace().select_location(added[0])
        self.session.tell(f"已从剪贴板添加 {len(added)} 个项目（撤销可一次全部去掉）", 8000)
        if notes:
            from ...storage.clipboard.pasted_rows import CLIPBOARD  # loaded by the paste itself

            document.hold_import_notes(notes, "从剪贴板粘贴")
            self.files.tell_import_notes(CLIPBOARD, notes)
