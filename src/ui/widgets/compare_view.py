"""The comparison of the open declaration with another file: the tree of changes, a count line, and buttons to
compare again and to export the list as a workbook. Activating a change (double-click, Enter) asks for a jump
to its place in the open file; the controller (year_actions) does the comparing, exporting and jumping."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget

from ...model.compare_text import summary
from ..models.compare_model import (
    FLAG_COLUMN,
    KIND_COLUMN,
    LOCATION_ROLE,
    NEW_COLUMN,
    OLD_COLUMN,
    PLACE_COLUMN,
    CompareModel,
)

_WIDTHS = {KIND_COLUMN: 90, PLACE_COLUMN: 330, OLD_COLUMN: 260, NEW_COLUMN: 260, FLAG_COLUMN: 120}


class CompareView(QWidget):
    locationActivated = Signal(str)
    refreshRequested = Signal()
    exportRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compareView")
        self.model = CompareModel(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel()
        self.title.setObjectName("compareTitle")
        self.title.setWordWrap(True)
        column.addWidget(self.title)
        self.tree = QTreeView()
        self.tree.setObjectName("compareTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # A double-click opens the change, not the group: expanding stays on the arrow and on +/-.
        self.tree.setExpandsOnDoubleClick(False)
        for section, width in _WIDTHS.items():
            self.tree.setColumnWidth(section, width)
        # activated covers double-click and Enter (and a single click where the platform activates on one).
        self.tree.activated.connect(self._activated)
        column.addWidget(self.tree)
        row = QHBoxLayout()
        self.count = QLabel()
        self.count.setObjectName("compareCount")
        row.addWidget(self.count, 1)
        self.refresh_button = QPushButton("重新比较")
        self.refresh_button.setObjectName("compareRefresh")
        self.refresh_button.setToolTip("用当前文档的内容重新比较（修改之后，位置可能已变）")
        self.refresh_button.clicked.connect(self.refreshRequested)
        self.export_button = QPushButton("导出 xlsx…")
        self.export_button.setObjectName("compareExport")
        self.export_button.setToolTip("把比较结果保存为 Excel 工作簿（可按“需关注”筛选）")
        self.export_button.clicked.connect(self.exportRequested)
        for button in (self.refresh_button, self.export_button):
            row.addWidget(button)
        column.addLayout(row)
        self._summary = ""

    def show_changes(self, changes, old, new, old_name: str, new_name: str) -> None:
        self.model.set_changes(changes, old, new)
        self.title.setText(f"原：{old_name}　→　新：{new_name}（当前打开的文件；双击或回车跳到该处）")
        self._summary = summary(changes)
        self.count.setText(self._summary)
        self.tree.expandAll()
        if self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, 0))

    def mark_stale(self) -> None:
        """The open file was edited after the comparison: the rows may no longer say where things are."""
        self.count.setText(f"{self._summary}　（申报已修改，点“重新比较”更新）")

    def _activated(self, index: QModelIndex) -> None:
        location = index.sibling(index.row(), 0).data(LOCATION_ROLE)
        if location is not None:
            self.locationActivated.emit(location)
