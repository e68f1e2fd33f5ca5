"""An indicator list (a project's or the department's) as an editable table with row buttons, copy and paste."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from ...model import paths
from ...model.declaration import Indicator
from ...storage.infra.errors import FileProblem
from ..editing import clipboard
from ..editing.commands import InsertCommand, MoveCommand, RemoveCommand
from ..editing.document import Document
from ..models.table_models import INDICATOR_COLUMNS, LevelDelegate, ListTableModel
from ..widgets.actions import table_actions
from .form_parts import selected_row, table_with_buttons


class IndicatorTable:
    def __init__(self, document: Document, list_location_of: Callable[[], str | None], name: str):
        self.document = document
        self.model = ListTableModel(document, list_location_of, INDICATOR_COLUMNS)
        self.widget, self.view = table_with_buttons(name, [
            (f"{name}Add", "添加指标", self.add),
            (f"{name}Remove", "删除指标", self.remove),
            (f"{name}Up", "上移", lambda: self.move(-1)),
            (f"{name}Down", "下移", lambda: self.move(1)),
        ])
        self.view.setModel(self.model)
        self.view.setItemDelegate(LevelDelegate(self.model, self.view))
        for column, width in enumerate((100, 130, 260, 120)):
            self.view.setColumnWidth(column, width)
        actions = table_actions(self.view)
        actions["copyRows"].triggered.connect(self.copy)
        actions["pasteRows"].triggered.connect(self.paste)
        actions["fromLibrary"].triggered.connect(self.add_from_library)
        # What a copy or paste did, or why it could not, on a line under the table (no box to click away).
        self.message = QLabel()
        self.message.setObjectName(f"{name}Message")
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.widget.layout().addWidget(self.message)
        self.model.modelReset.connect(lambda: self._tell(""))  # another project's table: its own news only

    def add(self) -> None:
        location = self.model.list_location
        if location is None:
            return
        row = selected_row(self.view)
        index = len(self.model.items()) if row is None else row + 1
        previous = self.model.items()[row] if row is not None else None
        item = Indicator(level1=previous.level1 if previous else "产出指标",
                         level2=previous.level2 if previous else "数量指标")
        self.document.undo_stack.push(InsertCommand(self.document, location, index, item, "添加指标"))
        self._select(index)

    def remove(self) -> None:
        row = selected_row(self.view)
        if row is None or self.model.list_location is None:
            return
        self.document.undo_stack.push(RemoveCommand(self.document, self.model.list_location, row, "删除指标"))
        if self.model.rowCount():
            self._select(min(row, self.model.rowCount() - 1))

    def move(self, step: int) -> None:
        row = selected_row(self.view)
        if row is None or self.model.list_location is None:
            return
        target = row + step
        if not 0 <= target < self.model.rowCount():
            return
        self.document.undo_stack.push(MoveCommand(self.document, self.model.list_location, row, target, "移动指标"))
        self._select(target)

    def add_from_library(self) -> None:
        """The library browser, adding to this table's list (loaded on first use)."""
        location = self.model.list_location
        if location is not None:
            from ..widgets.library_browser import open_library_browser

            open_library_browser(self.view, self.document, paths.indicator_owner(location))

    def copy(self) -> None:
        """The selected rows (or cells: the rectangle they span) as tab-separated text and an HTML table."""
        selection = self.view.selectionModel()
        indexes = selection.selectedIndexes() if selection else []
        if not indexes and self.view.currentIndex().isValid():
            indexes = [self.view.currentIndex()]
        if not indexes:
            return
        rows = sorted({index.row() for index in indexes})
        columns = sorted({index.column() for index in indexes})
        clipboard.copy_rows([[self.model.index(row, column).data() or "" for column in columns] for row in rows])
        self._tell(f"已复制 {len(rows)} 行指标，可粘贴到 Excel/WPS 或另一个项目的绩效指标表格")

    def paste(self) -> None:
        """Copied rows as indicators after the selected row, or at the end; one undo step."""
        location = self.model.list_location
        if location is None:
            return
        selected = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        index = max(i.row() for i in selected) + 1 if selected else len(self.model.items())
        try:
            added, notes = clipboard.paste_indicators(self.document, location, index)
        except FileProblem as problem:
            self._tell(f"无法粘贴：{problem.reason}", "error")
            return
        self._select_rows(index, index + len(added) - 1)
        self._tell("；".join([f"已粘贴 {len(added)} 个指标（Ctrl+Z 一次撤销）", *notes]) + "。", "hint")

    def _tell(self, text: str, severity: str = "hint") -> None:
        self.message.setText(text)
        self.message.setProperty("severity", severity)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    def _select_rows(self, first: int, last: int) -> None:
        self.view.setCurrentIndex(self.model.index(first, 2))
        rows = QItemSelection(self.model.index(first, 0), self.model.index(last, self.model.columnCount() - 1))
        self.view.selectionModel().select(rows, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _select(self, row: int) -> None:
        index = self.model.index(row, 2)
        self.view.setCurrentIndex(index)
        self.view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)

    @property
    def container(self) -> QWidget:
        return self.widget

    @property
    def table(self) -> QTableView:
        return self.view
