"""One open declaration: its data, file, undo stack and current problems.

Commands change the declaration only through the apply_* methods here, which emit
the signals every view listens to; a change of a list is announced before it is made
(listAboutToInsert …) and confirmed after (listInserted …), as Qt's models need.
Checks are re-run for what an edit can affect: one project's rules plus the few that
look across projects.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...model import paths
from ...model.checks import (
    check_across_projects,
    check_department,
    check_framework_mix,
    check_groups,
    check_project,
    declaration_variant,
    framework_signals,
    reads_across_projects,
    reads_framework,
)
from ...model.declaration import Declaration
from ...model.notes import HeldNote, hold
from ...model.problem_index import ACROSS, DEPARTMENT, MIX, ProblemIndex
from ...model.problems import Problem


class Document(QObject):
    fieldAboutToChange = Signal(str, object)  # location of the field, the value it is about to be given
    fieldChanged = Signal(str)  # location of the field
    # Structure edits are announced before the list changes and confirmed after, so views can keep Qt's
    # begin/end protocol: between the two signals of a pair the list changes and nothing else happens.
    listAboutToInsert = Signal(str, int, object)  # list location, index the item will have, the item
    listInserted = Signal(str, int)
    listAboutToRemove = Signal(str, int)  # list location, index of the item (still in the list)
    listRemoved = Signal(str, int)
    listAboutToMove = Signal(str, int, int)  # list location, from, to (the index it will have afterwards)
    listMoved = Signal(str, int, int)
    problemsChanged = Signal(object)  # set of node locations whose mark changed; None when any may have
    problemsReset = Signal()  # every problem may have changed (structure edits, a new file)
    problemRowsReplaced = Signal(int, int, int)  # offset in problems, rows removed, rows inserted there
    pathChanged = Signal()
    importNotesChanged = Signal()

    def __init__(self, declaration: Declaration | None = None, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.declaration = declaration or Declaration()
        self.path = path
        self.import_notes: list[HeldNote] = []  # every 导入说明 this document came with or took in since
        self.suggested_name: str | None = None  # for Save As after an import
        self.imported_from: str | None = None  # the imported table's file name, for the title and the prompts
        # Content that is on no disk although nothing was edited (restored from a recovery file, made by
        # 新建下一年度申报): unsaved, so closing asks and autosave keeps a copy.
        self.not_on_disk = False
        self.read_only = False  # another session holds the file's lock: Save goes to Save As
        self.undo_stack = QUndoStack(self)
        self._variant: str | None = None
        self.index = ProblemIndex()
        self._deferring = 0  # > 0 inside deferred_checks(): edits only note that a full check is due
        self._check_due = False
        self.recheck_all()

    # ---- state ------------------------------------------------------------------------
    @property
    def is_modified(self) -> bool:
        return self.not_on_disk or not self.undo_stack.isClean()

    def mark_saved(self) -> None:
        self.not_on_disk = False
        self.undo_stack.setClean()
        self.pathChanged.emit()

    def display_name(self) -> str:
        if self.path:
            return self.path.name
        return f"{self.imported_from}（导入）" if self.imported_from else "未命名"

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.pathChanged.emit()

    def hold_import_notes(self, notes: list[str], origin: str) -> None:
        """Keep notes for the 导入说明 panel, anchored now, before any edit moves what they point at."""
        if notes:
            self.import_notes.extend(hold(notes, self.declaration, origin))
            self.importNotesChanged.emit()

    def value(self, location: str) -> Any:
        return paths.get_field(self.declaration, location)

    # ---- changes (called by commands only) -----------------------------------------
    @contextmanager
    def deferred_checks(self) -> Iterator[None]:
        """Many edits as one (a paste, fix-all): views follow every edit, the checks run once at the end —
        a full check per inserted project made pasting a few hundred of them take seconds."""
        self._deferring += 1
        try:
            yield
        finally:
            self._deferring -= 1
            if not self._deferring and self._check_due:
                self._check_due = False
                self.recheck_all()

    def _recheck_after_structure_edit(self) -> None:
        if self._deferring:
            self._check_due = True
        else:
            self.recheck_all()

    def apply_field(self, location: str, value: Any) -> None:
        """Commands hand over values their constructor cleaned (SetFieldCommand); set_field still passes the
        value through the model's field type, so nothing reaches the declaration unvalidated."""
        self.fieldAboutToChange.emit(location, value)
        paths.set_field(self.declaration, location, value)
        self.fieldChanged.emit(location)
        if self._deferring:
            self._check_due = True
        else:
            self.recheck_for(location)

    def apply_insert(self, list_location: str, index: int, item: Any) -> None:
        items = paths.list_at(self.declaration, list_location)
        self.listAboutToInsert.emit(list_location, index, item)
        items.insert(index, item)
        self.listInserted.emit(list_location, index)
        self._recheck_after_structure_edit()

    def apply_remove(self, list_location: str, index: int) -> Any:
        items = paths.list_at(self.declaration, list_location)
        self.listAboutToRemove.emit(list_location, index)
        item = items.pop(index)
        self.listRemoved.emit(list_location, index)
        self._recheck_after_structure_edit()
        return item

    def apply_move(self, list_location: str, source: int, target: int) -> None:
        if source == target:
            return
        items = paths.list_at(self.declaration, list_location)
        self.listAboutToMove.emit(list_location, source, target)
        items.insert(target, items.pop(source))
        self.listMoved.emit(list_location, source, target)
        self._recheck_after_structure_edit()

    # ---- problems -----------------------------------------------------------------------
    def recheck_all(self) -> None:
        checked = check_groups(self.declaration)
        self._variant = checked.variant
        self.index.reset(checked.department, checked.projects, checked.across, checked.mix)
        self.problemsReset.emit()
        self.problemsChanged.emit(None)  # nodes may have moved: every mark is to be repainted

    def recheck_for(self, location: str) -> None:
        """The work one keystroke triggers: the edited node's own rules and the cross-project ones it touches."""
        declaration = self.declaration
        index = paths.project_index(location)
        replacements = []
        if reads_framework(location):
            signals = framework_signals(declaration)
            if declaration_variant(declaration, signals) != self._variant:
                self.recheck_all()
                return
            replacements.append((MIX, check_framework_mix(declaration, signals)))
        if index is None or index >= self.index.project_count:
            replacements.append((DEPARTMENT, check_department(declaration, self._variant)))
        else:
            replacements.append((index, check_project(declaration.projects[index], index, self._variant)))
        if reads_across_projects(location):
            replacements.append((ACROSS, check_across_projects(declaration)))
        changed: set[str] = set()
        for key, problems in replacements:
            result = self.index.replace(key, problems)
            if result is not None:
                offset, removed, inserted, nodes = result
                changed |= nodes
                self.problemRowsReplaced.emit(offset, removed, inserted)
        self.problemsChanged.emit(changed)

    @property
    def problems(self) -> list[Problem]:
        return self.index.flat

    def problems_at(self, location: str) -> list[Problem]:
        return self.index.at(location)

    def worst_under(self, node_location: str) -> str | None:
        """Worst error/warning of a node or anything under it ('department' covers the whole file)."""
        return self.index.worst_under(node_location)

    def counts(self) -> dict[str, int]:
        return self.index.counts()
