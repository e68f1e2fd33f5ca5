"""查看 → 导入说明: every note the open document came with (an import, a paste, 新建下一年度, a merge), each with
the place it concerns and where in the source it was read; activating one jumps to its place, as a problem does."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ...model.paths import describe
from ..editing.document import Document

_COLUMNS = ("说明", "涉及位置", "原表位置", "来自")
GONE = "（已删除）"


class ImportNotesModel(QAbstractTableModel):
    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.rows = list(document.import_notes)
        document.importNotesChanged.connect(self.reload)

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = list(self.document.import_notes)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[section]
        return None

    def location(self, row: int) -> str | None:
        """Where the note's place is now (edits since the import may have moved it); None if it has none."""
        return self.rows[row].location(self.document.declaration)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        held = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return self.location(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return str(held.note)
        if column == 1:
            return self._place_words(held)
        if column == 2:
            return held.note.where_read() or "—"
        return held.origin

    def _place_words(self, held) -> str:
        if held.anchor is None:
            return "—"
        location = held.location(self.document.declaration)
        return GONE if location is None else describe(self.document.declaration, location)


class ImportNotesPanel(QWidget):
    locationActivated = Signal(str)

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.setObjectName("importNotesPanel")
        self.model = ImportNotesModel(document, self)
        self.summary = QLabel()
        self.summary.setObjectName("importNotesSummary")
        self.summary.setWordWrap(True)
        self.view = QTableView()
        self.view.setObjectName("importNotesView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.verticalHeader().hide()
        # Each row as tall as its wrapped sentence at the column's width now (notes are tens, not thousands).
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the sentence gets what is left
        for column, width in ((1, 260), (2, 180), (3, 160)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, width)
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        self.model.modelReset.connect(self._update_summary)
        self._update_summary()

    def _update_summary(self) -> None:
        count = self.model.rowCount()
        self.summary.setText(f"共 {count} 条导入说明。双击一条（或选中后按回车）跳到申报中的相应位置；"
                             "“原表位置”是原文件中的工作表、页和行。" if count else
                             "这个文档没有导入说明：打开、粘贴、新建下一年度或合并时的推断和跳过会列在这里。")

    def _activated(self, index: QModelIndex) -> None:
        location = self.model.location(index.row())
        if location is not None:
            self.locationActivated.emit(location)
