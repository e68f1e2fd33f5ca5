"""An indicator list (a project's or the department's) as an editable table with row buttons."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView, QWidget

from ...model.declaration import Indicator
from ..commands import InsertCommand, MoveCommand, RemoveCommand
from ..document import Document
from ..table_models import INDICATOR_COLUMNS, LevelDelegate, ListTableModel
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
