"""One of the department's 年度重点工作任务 field by field: its long texts get room a table cell does not give."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from ...model.declaration import DEPARTMENT_LABELS, TASK_HEADERS, TASK_LABELS
from ..editing.document import Document
from ..widgets.fields import multiline
from .form_parts import FormBuilder, amount_edit


class TaskEditor(QScrollArea):
    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("taskEditor")
        self.document = document
        self.location: str | None = None
        self.setWidgetResizable(True)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(QLabel(f"<b>部门整体 · {DEPARTMENT_LABELS['tasks']}</b>"))
        form = QFormLayout()
        column.addLayout(form)
        self.form = FormBuilder(document, form, lambda: self.location)
        self.form.field("taskName", QLineEdit(), "name", TASK_LABELS["name"])
        self.form.field("taskContent", multiline(90), "content", TASK_LABELS["content"])
        self.form.field("taskFunds", amount_edit(), "funds", TASK_HEADERS["funds"], "amount")
        self.form.field("taskExpected", multiline(90), "expected", TASK_HEADERS["expected"])
        column.addStretch(1)
        self.setWidget(body)

    @property
    def bindings(self) -> list:
        return self.form.bindings

    def show_location(self, location: str) -> None:
        self.location = location
        self.form.refresh()
