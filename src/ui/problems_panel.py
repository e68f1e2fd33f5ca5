"""The problems dock: every problem of the file; activating one jumps to its field."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QStyle, QTableView

from ..model.paths import describe
from ..model.problems import ERROR, WARNING
from .document import Document

_COLUMNS = ("类型", "位置", "说明")


class ProblemsModel(QAbstractTableModel):
    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.rows = []
        style = QApplication.style()
        self._icons = {ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                       WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
                       "hint": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)}
        document.problemsReset.connect(self.reload)
        document.problemRowsReplaced.connect(self._replace_rows)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = list(self.document.problems)
        self.endResetModel()

    def _replace_rows(self, offset: int, removed: int, inserted: int) -> None:
        """One group of problems changed: remove its old rows and insert the new, nothing else moves."""
        if removed:
            self.beginRemoveRows(QModelIndex(), offset, offset + removed - 1)
            del self.rows[offset:offset + removed]
            self.endRemoveRows()
        if inserted:
            self.beginInsertRows(QModelIndex(), offset, offset + inserted - 1)
            self.rows[offset:offset] = self.document.problems[offset:offset + inserted]
            self.endInsertRows()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        problem = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return problem.severity.label
            if column == 1:
                return describe(self.document.declaration, problem.location)
            return problem.message
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._icons[problem.severity]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{problem.message}\n（{problem.code}，{problem.location}）"
        if role == Qt.ItemDataRole.UserRole:
            return problem.location
        return None


class ProblemsView(QTableView):
    locationActivated = Signal(str)

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.setObjectName("problemsView")
        self.problems_model = ProblemsModel(document, self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.problems_model)
        self.setModel(proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)  # measuring thousands of rows per keystroke is too slow
        self.setColumnWidth(0, 70)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.setColumnWidth(1, 320)
        self.activated.connect(self._activated)
        self.doubleClicked.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        location = index.sibling(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        if location:
            self.locationActivated.emit(location)
