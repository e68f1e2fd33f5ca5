"""The changes between two declarations as a two-level tree: a group per project (the year and the department
form in one group first), its changes below, in the order compare() gives them.

Columns 变化/位置/原值/新值/需关注; each row knows where in the open (new) file to jump: the change's own place,
or for something removed, the project or list it was in. The rows never change; a new comparison is a reset.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...model import compare_text, paths
from ...model.compare import LABEL_SEPARATOR, Change, ChangeKind, Subject
from ...model.compare_text import KIND_WORDS, place, show
from ...model.declaration import DECLARATION_LABELS, Declaration
from ...model.matching import pair_projects

COLUMNS = ("变化", "位置", "原值", "新值", "需关注")
KIND_COLUMN, PLACE_COLUMN, OLD_COLUMN, NEW_COLUMN, FLAG_COLUMN = range(len(COLUMNS))
LOCATION_ROLE = Qt.ItemDataRole.UserRole + 1  # where in the open file the row leads
CHANGE_ROLE = Qt.ItemDataRole.UserRole + 2  # the Change of a change row; None for a group
DEPARTMENT_GROUP = f"{DECLARATION_LABELS['year']}与{DECLARATION_LABELS['department']}"
_ROOT = 0  # internalId of a group row; a change row's is its group's row + 1
_SHOWN_CHARACTERS = 120  # a 300-character goal in a cell: the tooltip has it whole

# The exported workbook's fills (Excel's own highlight colours), so the window and the xlsx read alike; a
# rename has no fill there (its row is 改名 in words), here it is blue.
COLOURS = {kind: QColor(f"#{rgb}") for kind, rgb in compare_text.COLOURS.items()}
FLAG_COLOUR = QColor("#C00000")


@dataclass
class ChangeGroup:
    project: str | None  # None: the year and the department form
    changes: list[Change] = field(default_factory=list)
    new_project: int | None = None  # the project's place in the open file; None when removed (or the department)

    @property
    def own_change(self) -> Change | None:
        """The change of the project itself (added, removed, renamed), if any."""
        return next((c for c in self.changes if c.what is Subject.PROJECT), None)

    @property
    def flagged(self) -> int:
        return sum(bool(c.flags) for c in self.changes)


def group_changes(changes: list[Change]) -> list[ChangeGroup]:
    """compare() gives each project's changes one after another, a rename first: a group starts where the
    project name changes, at a project's own change, and after an added or removed project (a change of its
    own), so two projects of the same name (a table listing one 5 times) stay apart."""
    groups: list[ChangeGroup] = []
    for change in changes:
        last = groups[-1] if groups else None
        whole = last is not None and last.own_change is not None and last.own_change.change is not ChangeKind.RENAMED
        if last is None or last.project != change.project or change.what is Subject.PROJECT or whole:
            groups.append(ChangeGroup(change.project))
        groups[-1].changes.append(change)
    return groups


def _place_new(groups: list[ChangeGroup], old: Declaration, new: Declaration) -> None:
    """Each project group's place in the new file: from a change that has one, or, for a project whose only
    changes are removals, from matching the projects again (rare, so done only then)."""
    pending = []
    for group in groups:
        if group.project is None:
            continue
        found = next((paths.project_index(c.location_new) for c in group.changes
                      if c.location_new and paths.project_index(c.location_new) is not None), None)
        group.new_project = found
        removed = group.own_change is not None and group.own_change.change is ChangeKind.REMOVED
        if found is None and not removed:
            pending.append(group)
    if pending:
        paired = dict(pair_projects(old.projects, new.projects)[0])
        for group in pending:
            old_index = next((paths.project_index(c.location_old) for c in group.changes if c.location_old), None)
            group.new_project = paired.get(old_index)


def jump_location(change: Change, group: ChangeGroup) -> str:
    """Where double-click leads in the open file: the change's place, or the list a removed item was in."""
    if change.location_new:
        return change.location_new
    if change.what is Subject.PROJECT or (change.project is not None and group.new_project is None):
        return paths.DEPARTMENT  # the list of projects hangs under the department in the tree
    if change.what is Subject.INDICATOR:
        owner = paths.DEPARTMENT if change.project is None else paths.project(group.new_project)
        return paths.indicators(owner)
    if change.location_old and paths.list_and_index(change.location_old):
        return paths.list_and_index(change.location_old)[0]  # a removed task: the task table
    return paths.DEPARTMENT


def relative_place(change: Change) -> str:
    """The place below the group's title: '指标“调解成功率” › 年度指标值'; '项目' for the project itself."""
    if change.what is Subject.PROJECT:
        return "项目"
    where = place(change)
    prefix = f"项目“{change.project or ''}”{LABEL_SEPARATOR}"
    return where[len(prefix):] if change.project is not None and where.startswith(prefix) else where


def _one_line(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= _SHOWN_CHARACTERS else text[:_SHOWN_CHARACTERS - 1] + "…"


class CompareModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.groups: list[ChangeGroup] = []
        self.changes: list[Change] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_changes(self, changes: list[Change], old: Declaration, new: Declaration) -> None:
        self.beginResetModel()
        self.changes = list(changes)
        self.groups = group_changes(self.changes)
        _place_new(self.groups, old, new)
        self.endResetModel()

    def flagged(self) -> int:
        return sum(group.flagged for group in self.groups)

    # ---- structure ------------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _ROOT)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _ROOT:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _ROOT)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _ROOT and parent.column() == 0:
            return len(self.groups[parent.row()].changes)
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ---- content -------------------------------------------------------------------------------------
    def _row(self, index: QModelIndex) -> tuple[ChangeGroup, Change | None]:
        if index.internalId() == _ROOT:
            return self.groups[index.row()], None
        group = self.groups[index.internalId() - 1]
        return group, group.changes[index.row()]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        group, change = self._row(index)
        if role == LOCATION_ROLE:
            if change is not None:
                return jump_location(change, group)
            return paths.project(group.new_project) if group.new_project is not None else paths.DEPARTMENT
        if role == CHANGE_ROLE:
            return change
        if change is None:
            return self._group_data(group, index.column(), role)
        return self._change_data(change, index.column(), role)

    def _group_data(self, group: ChangeGroup, column: int, role: int):
        own = group.own_change
        if role == Qt.ItemDataRole.DisplayRole:
            if column == KIND_COLUMN:
                return KIND_WORDS[own.change] if own is not None else KIND_WORDS[ChangeKind.CHANGED]
            if column == PLACE_COLUMN:
                title = DEPARTMENT_GROUP if group.project is None else f"项目“{group.project}”"
                return f"{title}（{len(group.changes)} 处）"
            if column == FLAG_COLUMN and group.flagged:
                return f"{group.flagged} 处"
            return None
        if role == Qt.ItemDataRole.FontRole and column == PLACE_COLUMN:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and column == KIND_COLUMN and own is not None:
            return QBrush(COLOURS[own.change])
        if role == Qt.ItemDataRole.ForegroundRole and column == FLAG_COLUMN and group.flagged:
            return QBrush(FLAG_COLOUR)
        return None

    def _change_data(self, change: Change, column: int, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(change, column)
            if role == Qt.ItemDataRole.DisplayRole:
                return _one_line(text) if text else None
            return text or None
        if role == Qt.ItemDataRole.BackgroundRole and self._coloured(change, column):
            return QBrush(COLOURS[change.change])
        if role == Qt.ItemDataRole.ForegroundRole and column == FLAG_COLUMN and change.flags:
            return QBrush(FLAG_COLOUR)
        if role == Qt.ItemDataRole.FontRole and column == FLAG_COLUMN and change.flags:
            return self._bold
        return None

    @staticmethod
    def _text(change: Change, column: int) -> str | None:
        if column == KIND_COLUMN:
            return KIND_WORDS[change.change]
        if column == PLACE_COLUMN:
            return relative_place(change)
        if column == OLD_COLUMN:
            return None if change.change is ChangeKind.ADDED else show(change, change.old)
        if column == NEW_COLUMN:
            return None if change.change is ChangeKind.REMOVED else show(change, change.new)
        return "、".join(change.flags) or None

    @staticmethod
    def _coloured(change: Change, column: int) -> bool:
        """As the xlsx colours its cells: the side that holds the change, and the kind's own cell."""
        if column == KIND_COLUMN:
            return True
        if change.change is ChangeKind.ADDED:
            return column == NEW_COLUMN
        if change.change is ChangeKind.REMOVED:
            return column == OLD_COLUMN
        return column in (OLD_COLUMN, NEW_COLUMN)
