"""One open declaration: its data, file, undo stack and current problems.

Commands change the declaration only through the apply_* methods here, which emit
the signals every view listens to. Checks are re-run for what an edit can affect:
one project's rules plus the few that look across projects.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..model import paths
from ..model.checks import (check_across_projects, check_department, check_framework_mix, check_project,
                            declaration_variant, framework_signals)
from ..model.declaration import Declaration
from ..model.problems import ERROR, SEVERITY_ORDER, WARNING, Problem


class Document(QObject):
    fieldChanged = Signal(str)  # location of the field
    listChanged = Signal(str, str, int, int)  # list location, "insert"|"remove", first, count
    listMoved = Signal(str, int, int)  # list location, from, to
    reset = Signal()
    problemsChanged = Signal()
    pathChanged = Signal()

    def __init__(self, declaration: Declaration | None = None, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.declaration = declaration or Declaration()
        self.path = path
        self.import_notes: list[str] = []
        self.suggested_name: str | None = None  # for Save As after an import
        self.restored = False  # restored from a recovery file: unsaved although the undo stack is clean
        self.read_only = False  # another session holds the file's lock: Save goes to Save As
        self.undo_stack = QUndoStack(self)
        self._department_problems: list[Problem] = []
        self._project_problems: list[list[Problem]] = []
        self._across_problems: list[Problem] = []
        self._mix_problems: list[Problem] = []
        self._variant: str | None = None
        self.problems: list[Problem] = []
        self._by_location: dict[str, list[Problem]] = {}
        self._worst_by_node: dict[str, str] = {}
        self.changed_nodes: set[str] | None = None  # nodes whose mark changed in the last publish
        self.recheck_all()

    # ---- state ------------------------------------------------------------------------
    @property
    def is_modified(self) -> bool:
        return self.restored or not self.undo_stack.isClean()

    def mark_saved(self) -> None:
        self.restored = False
        self.undo_stack.setClean()
        self.pathChanged.emit()

    def display_name(self) -> str:
        return self.path.name if self.path else "未命名"

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.pathChanged.emit()

    def value(self, location: str) -> Any:
        return paths.get_field(self.declaration, location)

    # ---- changes (called by commands only) -----------------------------------------
    def apply_field(self, location: str, value: Any) -> None:
        paths.set_field(self.declaration, location, value)
        self.fieldChanged.emit(location)
        self.recheck_for(location)

    def apply_insert(self, list_location: str, index: int, item: Any) -> None:
        paths.list_at(self.declaration, list_location).insert(index, item)
        self.listChanged.emit(list_location, "insert", index, 1)
        self.recheck_all()

    def apply_remove(self, list_location: str, index: int) -> Any:
        item = paths.list_at(self.declaration, list_location).pop(index)
        self.listChanged.emit(list_location, "remove", index, 1)
        self.recheck_all()
        return item

    def apply_move(self, list_location: str, source: int, target: int) -> None:
        items = paths.list_at(self.declaration, list_location)
        items.insert(target, items.pop(source))
        self.listMoved.emit(list_location, source, target)
        self.recheck_all()

    # ---- problems -----------------------------------------------------------------------
    def recheck_all(self) -> None:
        declaration = self.declaration
        signals = framework_signals(declaration)
        self._variant = declaration_variant(declaration, signals)
        self._department_problems = check_department(declaration, self._variant)
        self._project_problems = [check_project(p, i, self._variant) for i, p in enumerate(declaration.projects)]
        self._across_problems = check_across_projects(declaration)
        self._mix_problems = check_framework_mix(declaration, signals)
        self._publish(structural=True)

    def recheck_for(self, location: str) -> None:
        """The work one keystroke triggers: the edited node's own rules and the cross-project ones it touches."""
        declaration = self.declaration
        index = paths.project_index(location)
        if location.endswith(("level1", "level2")):
            signals = framework_signals(declaration)
            if declaration_variant(declaration, signals) != self._variant:
                self.recheck_all()
                return
            self._mix_problems = check_framework_mix(declaration, signals)
        if index is None or index >= len(self._project_problems):
            self._department_problems = check_department(declaration, self._variant)
        else:
            self._project_problems[index] = check_project(declaration.projects[index], index, self._variant)
        if index is None or location.endswith((f"[{index}].name", f"[{index}].unit", "total", "fiscal",
                                               "special_account", "other")):
            self._across_problems = check_across_projects(declaration)
        self._publish()

    def _publish(self, structural: bool = False) -> None:
        """structural: nodes may have moved, so every mark is to be repainted (changed_nodes None)."""
        problems = list(self._department_problems)
        for project_problems in self._project_problems:
            problems.extend(project_problems)
        problems.extend(self._across_problems)
        problems.extend(self._mix_problems)
        self.problems = problems
        by_location: dict[str, list[Problem]] = {}
        worst: dict[str, str] = {}
        for problem in problems:
            by_location.setdefault(problem.location, []).append(problem)
            if problem.severity not in (ERROR, WARNING):
                continue
            node = paths.node_of(problem.location)
            for ancestor in _ancestors(node):
                current = worst.get(ancestor)
                if current is None or SEVERITY_ORDER[problem.severity] < SEVERITY_ORDER[current]:
                    worst[ancestor] = problem.severity
        self._by_location = by_location
        previous = self._worst_by_node
        self.changed_nodes = None if structural else {
            node for node in previous.keys() | worst.keys() if previous.get(node) != worst.get(node)}
        self._worst_by_node = worst
        self.problemsChanged.emit()

    def problems_at(self, location: str) -> list[Problem]:
        return self._by_location.get(location, [])

    def worst_under(self, node_location: str) -> str | None:
        """Worst error/warning of a node or anything under it ('department' covers the whole file)."""
        return self._worst_by_node.get(node_location)

    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "hint": 0}
        for problem in self.problems:
            counts[problem.severity] += 1
        return counts


@lru_cache(maxsize=65536)
def _ancestors(node: str) -> tuple[str, ...]:
    """'projects[3].indicators[2]' → itself, 'projects[3]', 'department' (the department node holds all)."""
    chain = [node]
    parts = node.split(".")
    while len(parts) > 1:
        parts.pop()
        chain.append(".".join(parts))
    if "department" not in chain:
        chain.append("department")
    return tuple(chain)
