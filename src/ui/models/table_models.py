"""Editable tables over a list in the document: indicators (一级/二级/三级/values) and key tasks."""

from __future__ import annotations

from itertools import zip_longest
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from ...model import framework, paths
from ...model.amounts import AmountError, display_amount, parse_amount
from ...model.declaration import INDICATOR_EXTRA_LABELS, INDICATOR_LABELS, TASK_HEADERS, TASK_LABELS
from ...model.field_values import FieldRefused
from ...model.problems import ERROR, WARNING
from ..editing import commands
from ..editing.document import Document

_BACKGROUND = {ERROR: QColor("#ffd7d7"), WARNING: QColor("#ffe9c4")}
_READ_ONLY_TEXT = QColor("#666666")
_TO_THE_END = 1 << 62  # an insert or removal shifts every later item of its list

INDICATOR_COLUMNS = [(field, INDICATOR_LABELS[field]) for field in ("level1", "level2", "name", "period_value", "annual_value")]
# The amount column names its unit as the official header does; the others are the model's labels.
TASK_COLUMNS = [(field, TASK_HEADERS[field] if field == "funds" else label) for field, label in TASK_LABELS.items()]
# Columns shown only while some row of the list has a value for them, right after the column they go with:
# last year's value (schema 2, carried over by 新建下一年度申报) beside this year's. They are read-only and not
# selectable, so a copied row keeps the columns of the official table and pastes back anywhere.
OPTIONAL_COLUMNS = {"annual_value": ("previous_annual_value", INDICATOR_EXTRA_LABELS["previous_annual_value"])}
READ_ONLY_FIELDS = frozenset(field for field, _ in OPTIONAL_COLUMNS.values())


class ListTableModel(QAbstractTableModel):
    def __init__(self, document: Document, list_location_of: Callable[[], str | None],
                 columns: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.document = document
        self.list_location_of = list_location_of
        self.base_columns = list(columns)
        self.columns = list(columns)  # the base columns and the optional ones the list has values for
        self._pending: Callable[[], None] | None = None  # ends the change begun on the document's about-to signal
        self._retarget_wanted = False  # an editor retargeted the table while a change was under way
        self._resolved: tuple[str | None, list] | None = None  # (list location, the list it names)
        document.listAboutToInsert.connect(lambda location, row, _item: self._about_to_change(
            location, row, _TO_THE_END, lambda: self.beginInsertRows(QModelIndex(), row, row), self.endInsertRows))
        document.listAboutToRemove.connect(lambda location, row: self._about_to_change(
            location, row, _TO_THE_END, lambda: self.beginRemoveRows(QModelIndex(), row, row), self.endRemoveRows))
        document.listAboutToMove.connect(lambda location, source, target: self._about_to_change(
            location, min(source, target), max(source, target), lambda: self._begin_move(source, target), self.endMoveRows))
        for done in (document.listInserted, document.listRemoved, document.listMoved):
            done.connect(self._changed)
        document.fieldChanged.connect(self._field_changed)
        document.problemsChanged.connect(self._problems_changed)

    @property
    def list_location(self) -> str | None:
        return self.list_location_of()

    def items(self) -> list:
        # Views ask for the row count constantly; the list a location names changes only with a structure
        # edit or a new target, and both drop this.
        location = self.list_location
        if self._resolved is not None and self._resolved[0] == location:
            return self._resolved[1]
        try:
            items = self.document.value(location) if location is not None else []
        except LookupError:
            items = []
        self._resolved = (location, items)
        return items

    def retarget(self) -> None:
        self._resolved = None
        if self._pending is not None:  # a reset inside a begin/end pair would break it: reset after the end
            self._retarget_wanted = True
            return
        self.beginResetModel()
        self.columns = self._wanted_columns()
        self.endResetModel()

    def _wanted_columns(self) -> list[tuple[str, str]]:
        items = self.items()
        columns = []
        for field, label in self.base_columns:
            columns.append((field, label))
            optional = OPTIONAL_COLUMNS.get(field)
            if optional is not None and any(getattr(item, optional[0], None) is not None for item in items):
                columns.append(optional)
        return columns

    def _update_columns(self) -> None:
        """An optional column comes or goes as rows with a value for it come and go (outside any other change)."""
        wanted = self._wanted_columns()
        if wanted == self.columns:
            return
        first = next(n for n, (have, want) in enumerate(zip_longest(self.columns, wanted)) if have != want)
        if len(wanted) == len(self.columns) + 1 and wanted[first + 1:] == self.columns[first:]:
            self.beginInsertColumns(QModelIndex(), first, first)
            self.columns = wanted
            self.endInsertColumns()
        elif len(wanted) + 1 == len(self.columns) and self.columns[first + 1:] == wanted[first:]:
            self.beginRemoveColumns(QModelIndex(), first, first)
            self.columns = wanted
            self.endRemoveColumns()
        else:
            self.beginResetModel()
            self.columns = wanted
            self.endResetModel()

    def location(self, row: int, column: int | None = None) -> str:
        base = paths.item(self.list_location, row)
        return base if column is None else paths.field(base, self.columns[column][0])

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
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.columns[index.column()][0] in READ_ONLY_FIELDS:
            return Qt.ItemFlag.ItemIsEnabled
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
        if field in READ_ONLY_FIELDS:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(_READ_ONLY_TEXT)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{self.columns[index.column()][1]}（只读，由新建下一年度申报带入）：{value or '无'}"
            return None
        problems = self.document.problems_at(self.location(index.row(), index.column()))
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            worst = min(problems, key=lambda p: p.severity.rank).severity
            return QBrush(_BACKGROUND[worst]) if worst in _BACKGROUND else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(p.message for p in problems) or (value or None)
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field, label = self.columns[index.column()]
        if field in READ_ONLY_FIELDS:
            return False
        location = self.location(index.row(), index.column())
        text = str(value) if value is not None else ""
        if field == "funds":
            try:
                new = parse_amount(text)
            except AmountError:
                return False
        else:
            new = text if text.strip() else None
        try:
            if field == "level1":
                commands.set_indicator_level1(self.document, self.location(index.row()), new)
            else:
                commands.set_field(self.document, location, new, label, merge=False)
        except FieldRefused:  # what the model cannot hold (a text past a cell's limit) is not taken
            return False
        return True

    # ---- document signals ---------------------------------------------------------------------
    def _about_to_change(self, list_location: str, first: int, last: int, begin: Callable[[], None],
                         end: Callable[[], None]) -> None:
        """Rows of this table's own list change as the document announced. A change in the list of projects
        that gives this table's location (projects[3].indicators) to another project is a reset around it."""
        self._resolved = None
        location = self.list_location
        if location is None:
            return
        project = paths.project_index(location)
        if list_location == location:
            begin()
            self._pending = end
        elif list_location == paths.PROJECTS and project is not None and first <= project <= last:
            self.beginResetModel()
            self._pending = self.endResetModel

    def _begin_move(self, source: int, target: int) -> None:
        moving = self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target + 1 if target > source else target)
        assert moving, (source, target)  # only a move onto itself is refused, and the document sends none

    def _changed(self, *_) -> None:
        self._resolved = None
        end, self._pending = self._pending, None
        if end is None:
            return
        end()
        if self._retarget_wanted:
            self._retarget_wanted = False
            self.retarget()
        else:
            self._update_columns()

    def _field_changed(self, location: str) -> None:
        row = paths.row_in(self.list_location, location) if self.list_location else None
        if row is not None and paths.split_field(location)[1] in READ_ONLY_FIELDS:
            self._update_columns()
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def _problems_changed(self, _changed=None) -> None:
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
