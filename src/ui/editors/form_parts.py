"""Pieces the forms share: a labelled field with its message line, a table with row buttons."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...model import paths
from ...model.declaration import PROJECT_EXTRA_LABELS, REVIEW_LABELS
from ..editing.commands import set_field
from ..editing.document import Document
from ..widgets.fields import FieldBinding
from ..widgets.fix_widgets import FixLink
from ..widgets.wheel_guard import guard_wheel


class FormBuilder:
    """Adds bound fields to a QFormLayout; every field gets an objectName tests and shortcuts use."""

    def __init__(self, document: Document, layout: QFormLayout, prefix_of: Callable[[], str | None]):
        self.document = document
        self.layout = layout
        self.prefix_of = prefix_of
        self.bindings: list[FieldBinding] = []

    def field(self, name: str, widget: QWidget, field: str, label: str, kind: str = "text",
              on_change: Callable[[], None] | None = None) -> QWidget:
        widget.setObjectName(name)
        message = QLabel()
        message.setObjectName(f"{name}Message")
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(message)
        fix_link = FixLink(self.document, f"{name}Fix")
        column.addWidget(fix_link)
        caption = QLabel(f"{label}：")
        caption.setBuddy(widget)
        self.layout.addRow(caption, box)
        self.bindings.append(FieldBinding(self.document, widget, lambda: self._location(field), label, kind,
                                          message, on_change, fix_link))
        return widget

    def _location(self, field: str) -> str | None:
        prefix = self.prefix_of()
        if prefix is None:
            return None
        return paths.field(prefix, field)

    def refresh(self) -> None:
        for binding in self.bindings:
            binding.refresh()


def amount_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText("万元，例如 1,485.34")
    edit.setMaximumWidth(220)
    return edit


class FormTable(QTableView):
    """A table inside a scrolling form: the wheel scrolls the page until the table is clicked, and every
    column is at least as wide as its header's text (拟投入的资金（万元） showed as 殳入的资金（万元 in a
    column of 100 pixels); the clerk can widen a column, not narrow it past its header."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        guard_wheel(self)
        header = self.horizontalHeader()
        header.sectionResized.connect(self._section_resized)
        header.sectionCountChanged.connect(self._refit)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        if model is not None:
            # Slots of this view, not lambdas: Qt drops them with the view if the model outlives it.
            for signal in (model.modelReset, model.columnsInserted, model.headerDataChanged, model.layoutChanged):
                signal.connect(self._refit)
            self._fit_header()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fit_header()  # the page's style sheet, applied once it is placed, may set another font

    def _refit(self, *_) -> None:
        self._fit_header()

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        self._fit_header(column)

    def _fit_header(self, only: int | None = None) -> None:
        header = self.horizontalHeader()
        for column in range(header.count()) if only is None else (only,):
            if 0 <= column < header.count() and not header.isSectionHidden(column):
                wanted = header.sectionSizeHint(column)  # the text and the style's margins
                if header.sectionSize(column) < wanted:
                    header.resizeSection(column, wanted)


def table_with_buttons(name: str, buttons: list[tuple[str, str, Callable[[], None]]]) -> tuple[QWidget, QTableView]:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    table = FormTable()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                          | QAbstractItemView.EditTrigger.AnyKeyPressed)
    table.setWordWrap(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(200)
    column.addWidget(table)
    row = QHBoxLayout()
    for object_name, text, slot in buttons:
        button = QPushButton(text)
        button.setObjectName(object_name)
        button.clicked.connect(slot)
        row.addWidget(button)
    row.addStretch(1)
    column.addLayout(row)
    return box, table


def selected_row(table: QTableView) -> int | None:
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    if rows:
        return rows[0].row()
    current = table.currentIndex()
    return current.row() if current.isValid() else None


class ReviewMarks(QWidget):
    """待复核：… and 已复核 — what an import, 新建下一年度 or a merge asks the clerk to look at again on a project or
    the department, and the button that clears the marks once dealt with (one undo step)."""

    def __init__(self, document: Document, owner: Callable[[], str | None], name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.document, self.owner = document, owner
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel()
        self.text.setObjectName(name)
        self.text.setProperty("role", "message")
        self.text.setProperty("severity", "warning")
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.done = QPushButton("已复核")
        self.done.setObjectName(f"{name}Done")
        self.done.setToolTip("核实后去掉这些标记（可撤销）")
        self.done.clicked.connect(self.clear)
        row.addWidget(self.done)

    def refresh(self) -> bool:
        """Show the owner's marks; whether there are any."""
        owner = self.owner()
        marks = "、".join(REVIEW_LABELS.get(mark, str(mark)) for mark in self.document.value(paths.field(owner, "review"))) \
            if owner is not None else ""
        self.text.setText(f"{PROJECT_EXTRA_LABELS['review']}：{marks}" if marks else "")
        return bool(marks)

    def clear(self) -> None:
        owner = self.owner()
        if owner is not None:
            set_field(self.document, paths.field(owner, "review"), [], PROJECT_EXTRA_LABELS["review"], merge=False)

