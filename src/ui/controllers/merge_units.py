"""合并单位申报 in the window: a merge applied to the open document as one undo step, and the summary of what
came from where (the merge itself is model/merge.py; reading the files is YearController's)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...model import paths
from ...model.declaration import Declaration
from ..editing.commands import BatchCommand, InsertCommand, RemoveCommand, SetFieldCommand
from ..editing.document import Document


@dataclass
class MergeSummary:
    rows: list[tuple[str, int, int]]  # per file: its label, projects taken from it, of those how many are doubles
    notes: list[str]  # merge()'s notes, then what the imports guessed
    added: int


def apply_merge(document: Document, merged: Declaration, kept: int, text: str) -> int:
    """The document made into merged as one undo step: the year and department fields that differ set, the
    projects after the first `kept` (the document's own, which merge() keeps in place) replaced by merged's.
    Returns how many projects were added."""
    current = document.declaration
    batch = BatchCommand(document, text)
    if current.year != merged.year:
        batch.add(SetFieldCommand(document, paths.YEAR, merged.year, text, merge=False))
    for name in type(current.department).model_fields:
        _department_field(document, batch, name, getattr(current.department, name), getattr(merged.department, name), text)
    for index in range(kept):
        if current.projects[index].review != merged.projects[index].review:  # a unit's identical copy's marks
            batch.add(SetFieldCommand(document, paths.field(paths.project(index), "review"),
                                      list(merged.projects[index].review), text, merge=False))
    for index in reversed(range(kept, len(current.projects))):
        batch.add(RemoveCommand(document, paths.PROJECTS, index, text))
    new = merged.projects[kept:]
    for offset, project in enumerate(new):
        batch.add(InsertCommand(document, paths.PROJECTS, kept + offset, project, text))
    if batch.parts:
        document.undo_stack.push(batch)
    return len(new)


def _department_field(document: Document, batch: BatchCommand, name: str, before, after, text: str) -> None:
    if before == after:
        return
    location = paths.field(paths.DEPARTMENT, name)
    if isinstance(before, list):  # tasks, indicators: the rows a view shows go one by one, as the tables expect
        for index in reversed(range(len(before))):
            batch.add(RemoveCommand(document, location, index, text))
        for index, item in enumerate(after):
            batch.add(InsertCommand(document, location, index, item, text))
    elif isinstance(before, BaseModel):  # 预算整体情况: amount by amount, as its fields are bound
        for key in type(before).model_fields:
            if getattr(before, key) != getattr(after, key):
                batch.add(SetFieldCommand(document, paths.field(location, key), getattr(after, key), text, merge=False))
    else:
        batch.add(SetFieldCommand(document, location, after, text, merge=False))


def summary_rows(merged: Declaration, kept: int, labels: list[str]) -> list[tuple[str, int, int]]:
    """Per file: how many projects came from it, and how many of those share name and unit with another."""
    def key(project):
        return ((project.name or "").strip(), (project.unit or "").strip())

    counts: dict[tuple[str, str], int] = {}
    for project in merged.projects:
        if project.name:
            counts[key(project)] = counts.get(key(project), 0) + 1
    rows = []
    for label in labels:
        taken = [p for p in merged.projects[kept:] if p.source_file == label]
        rows.append((label, len(taken), sum(1 for p in taken if p.name and counts[key(p)] > 1)))
    return rows


class MergeSummaryDialog(QDialog):
    """What came from where: one row per file (projects taken, doubles), then the merge's notes."""

    def __init__(self, summary: MergeSummary, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mergeSummary")
        self.setWindowTitle("合并单位申报")
        self.resize(640, 460)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(f"已添加 {summary.added} 个项目（编辑 → 撤销 可一次全部去掉）："))
        self.table = QTableWidget(len(summary.rows), 3)
        self.table.setObjectName("mergeSources")
        self.table.setHorizontalHeaderLabels(["文件", "项目数", "其中重名"])
        self.table.horizontalHeaderItem(2).setToolTip("与其他文件中的项目名称和单位都相同（两份都已保留）")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (label, taken, doubles) in enumerate(summary.rows):
            for column_number, value in enumerate((label, str(taken), str(doubles) if doubles else "")):
                item = QTableWidgetItem(value)
                if column_number == 2 and doubles:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column_number, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for number in (1, 2):
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.ResizeToContents)
        # As tall as its rows (up to a dozen files), so the notes below get the room.
        self.table.setMaximumHeight(header.sizeHint().height() + 2 * self.table.frameWidth()
                                    + sum(self.table.rowHeight(r) for r in range(min(len(summary.rows), 12))) + 2)
        column.addWidget(self.table)
        column.addWidget(QLabel("合并说明（重名的项目两份都已保留，请核对后删除多余的一份）："))
        self.notes = QPlainTextEdit("\n".join(f"• {note}" for note in summary.notes))
        self.notes.setObjectName("mergeNotes")
        self.notes.setReadOnly(True)
        column.addWidget(self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        column.addWidget(buttons)
