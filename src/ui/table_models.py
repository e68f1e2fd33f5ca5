"""Editable tables over a list in the document: indicators (一级/二级/三级/values) and key tasks."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from ..model import framework
from ..model.amounts import AmountError, display_amount, parse_amount
from ..model.declaration import INDICATOR_LABELS
from ..model.problems import ERROR, SEVERITY_ORDER, WARNING
from . import commands
from .document import Document

_BACKGROUND = {ERROR: QColor("#ffd7d7"), WARNING: QColor("#ffe9c4")}

INDICATOR_COLUMNS = [(field, INDICATOR_LABELS[field]) for field in ("level1", "level2", "name", "period_value", "annual_value")]
TASK_COLUMNS = [("name", "名称"), ("content", "主要实施内容"), ("funds", "拟投入的资金（万元）"), ("expected", "期望达到的目标")]


class ListTableModel(QAbstractTableModel):
    def __init__(self, document: Document, list_location_of: Callable[[], str | None],
                 columns: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.document = document
        self.list_location_of = list_location_of
        self.columns = columns
        document.listChanged.connect(self._list_changed)
        document.listMoved.connect(lambda location, *_: self._list_changed(location))
        document.fieldChanged.connect(self._field_changed)
        document.problemsChanged.connect(self._problems_changed)
        document.reset.connect(self.retarget)

    @property
    def list_location(self) -> str | None:
        return self.list_location_of()

    def items(self) -> list:
        location = self.list_location
        if location is None:
            return []
        try:
            return self.document.value(location)
        except LookupError:
            return []

    def retarget(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def location(self, row: int, column: int | None = None) -> str:
        base = f"{self.list_location}[{row}]"
        return base if column is None else f"{base}.{self.columns[column][0]}"

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section][1]
        return str(section + 1)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        field = self.columns[index.column()][0]
        value = getattr(self.items()[index.row()], field)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if field == "funds":
                return display_amount(value) if value is not None else ""
            return value or ""
        problems = self.document.problems_at(self.location(index.row(), index.column()))
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            worst = min(problems, key=lambda p: SEVERITY_ORDER[p.severity]).severity
            return QBrush(_BACKGROUND[worst]) if worst in _BACKGROUND else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(p.message for p in problems) or (value or None)
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field, label = self.columns[index.column()]
        location = self.location(index.row(), index.column())
        text = str(value) if value is not None else ""
        if field == "funds":
            try:
                new = parse_amount(text)
            except AmountError:
                return False
        else:
            new = text if text.strip() else None
        if field == "level1":
            commands.set_indicator_level1(self.document, self.location(index.row()), new)
        else:
            commands.set_field(self.document, location, new, label, merge=False)
        return True

    # ---- document signals ---------------------------------------------------------------------
    def _list_changed(self, location: str, *_) -> None:
        if location == self.list_location:
            self.retarget()

    def _field_changed(self, location: str) -> None:
        prefix = f"{self.list_location}["
        if self.list_location and location.startswith(prefix):
            row = int(location[len(prefix):].split("]", 1)[0])
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def _problems_changed(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1),
                                  [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole])


class LevelDelegate(QStyledItemDelegate):
    """一级 and 二级 as dropdowns; 二级 offers only what fits the row's 一级."""

    def __init__(self, model: ListTableModel, parent=None):
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        field = self.model.columns[index.column()][0]
        if field not in ("level1", "level2"):
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setObjectName(f"{field}Combo")
        combo.addItems(level_choices(self.model.items()[index.row()].level1, field))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            current = index.data(Qt.ItemDataRole.EditRole) or ""
            position = editor.findText(current)
            editor.setCurrentIndex(position if position >= 0 else 0)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


def level_choices(level1: str | None, field: str) -> list[str]:
    """Dropdown entries: '' first (not chosen), then the framework's names."""
    if field == "level1":
        return [""] + list(framework.level1_names())
    return [""] + framework.level2_choices(level1)
