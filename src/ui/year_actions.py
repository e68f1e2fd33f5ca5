"""File → 与其他申报比较… / 新建下一年度申报 / 合并单位申报…: the year over year and across units of a session's
document (issue 15). The model does the work (compare, next_year, merge); this controller reads the files,
shows the comparison dock, opens next year's declaration and applies a merge as one undo step.

Dialogs go through ask_*/tell_* methods so tests can answer them without a modal loop; errors and notes go
through the FileController's, so a window shows them one way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from pydantic import BaseModel
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDockWidget, QFileDialog, QHeaderView, QLabel, QMainWindow,
                               QPlainTextEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..model import paths
from ..model.declaration import Declaration
from ..model.skeleton import new_declaration
from ..storage import formats
from ..storage.errors import FileProblem
from ..storage.files import distinct_paths, open_declaration, same_file
from ..storage.opened import OpenResult
from ..storage.progress import Cancelled, counted_unit
from .commands import BatchCommand, InsertCommand, RemoveCommand, SetFieldCommand
from .compare_view import CompareView
from .document import Document
from .file_controller import FileController
from .progress_dialog import ImportProgress
from .session import Session


@dataclass
class MergeSummary:
    rows: list[tuple[str, int, int]]  # per file: its label, projects taken from it, of those how many are doubles
    notes: list[str]  # merge()'s notes, then what the imports guessed
    added: int


class YearController(QObject):
    def __init__(self, session: Session, files: FileController, window: QMainWindow, go_to: Callable[[str], None]):
        super().__init__(session)
        self.session = session
        self.files = files
        self.window = window
        self.go_to = go_to
        self.compare_dock: QDockWidget | None = None
        self.compare_view: CompareView | None = None
        self.changes: list = []
        self._old: tuple[Declaration, Path] | None = None  # the file compared with, kept for 重新比较
        self._watched: Document | None = None  # the document whose edits mark the comparison out of date
        session.documentReplaced.connect(self._document_replaced)

    # ---- dialogs (replaceable in tests) ------------------------------------------------------------
    def _folder(self) -> str:
        recent = self.files.recent()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def ask_compare_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.window, "选择要比较的原申报（如上年度的）", self._folder(),
                                              formats.open_dialog_filter())
        return path or None

    def ask_merge_paths(self) -> list[str]:
        chosen, _ = QFileDialog.getOpenFileNames(self.window, "选择要合并的单位申报（可多选）", self._folder(),
                                                 formats.open_dialog_filter())
        return list(chosen)

    def ask_export_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.window, "导出比较结果", str(Path(self._folder()) / suggested),
                                              "Excel 工作簿 (*.xlsx)")
        if path and not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return path or None

    def tell_error(self, title: str, problem: Exception, advice: str) -> None:
        self.files.tell_error(title, problem, advice)

    def tell_merge_summary(self, summary: MergeSummary) -> None:
        MergeSummaryDialog(summary, self.window).exec()

    def _read(self, path: Path) -> OpenResult | None:
        """A file opened as File → Open opens it (no lock taken: a colleague may have it open); None when it
        cannot be, after saying why."""
        progress = ImportProgress(self.window, path.name, counted_unit(path))
        try:
            return open_declaration(path, progress)
        except Cancelled:
            self.session.tell("已取消", 5000)
        except FileProblem as problem:
            self.tell_error("无法读取文件", problem, "当前文档未受影响。")
        finally:
            progress.close()
        return None

    # ---- 与其他申报比较 ---------------------------------------------------------------------------------
    def compare(self) -> bool:
        """The chosen file is the old side, the open document the new one, so every row can lead into it."""
        path = self.ask_compare_path()
        if not path:
            return False
        opened = self._read(Path(path))
        if opened is None:
            return False
        self._old = (opened.declaration, Path(path))
        self.refresh_comparison()
        return True

    def refresh_comparison(self) -> None:
        from ..model.compare import compare

        if self._old is None:
            return
        document = self.session.document
        old, old_path = self._old
        self.changes = compare(old, document.declaration)
        view = self._compare_dock()
        view.show_changes(self.changes, old, document.declaration, old_path.name, document.display_name())
        if self._watched is not document:  # UniqueConnection does not recognise a bound Python method
            document.undo_stack.indexChanged.connect(view.mark_stale)
            self._watched = document
        self.session.tell(view.count.text(), 5000)

    def _compare_dock(self) -> CompareView:
        if self.compare_dock is None:
            self.compare_dock = QDockWidget("申报比较", self.window)
            self.compare_dock.setObjectName("compareDock")
            self.compare_view = CompareView()
            self.compare_view.locationActivated.connect(self.go_to)
            self.compare_view.refreshRequested.connect(self.refresh_comparison)
            self.compare_view.exportRequested.connect(self.export_comparison)
            self.compare_dock.setWidget(self.compare_view)
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.compare_dock)
            problems = self.window.findChild(QDockWidget, "problemsDock")
            if problems is not None:
                self.window.tabifyDockWidget(problems, self.compare_dock)
        self.compare_dock.show()
        self.compare_dock.raise_()
        return self.compare_view

    def export_comparison(self) -> bool:
        from ..storage.diff_xlsx import save_diff_workbook

        if self._old is None:
            return False
        self.refresh_comparison()  # the list exported is the one of the file as it is now, not before the edits
        document = self.session.document
        old_path = self._old[1]
        new_name = document.display_name()
        path = self.ask_export_path(f"申报比较-{old_path.stem}-{Path(new_name).stem}.xlsx")
        if not path:
            return False
        target = Path(path)
        try:
            # An atomic save over one of the files compared would replace it by the list of changes.
            if any(same_file(target, source) for source in (old_path, document.path) if source is not None):
                raise FileProblem(target, "这是参与比较的文件，不能用比较结果覆盖它，请另选文件名")
            save_diff_workbook(self.changes, old_path.name, new_name, target)
        except FileProblem as problem:
            self.tell_error("导出失败", problem, "请换一个文件名或位置后重试。")
            return False
        self.session.tell(f"已导出比较结果到 {target}", 8000)
        return True

    def _document_replaced(self, *_documents) -> None:
        """Another document is open: the rows lead into the one that is gone."""
        self._old = None
        self.changes = []
        if self.compare_dock is not None:
            self.compare_dock.hide()

    # ---- 新建下一年度申报 -------------------------------------------------------------------------------
    def next_year(self) -> bool:
        """Next year's declaration from the one on screen, as a new unsaved document (Save asks where)."""
        from ..model.next_year import next_year

        current = self.session.document
        declaration, notes = next_year(current.declaration)
        source = current.path.name if current.path else (current.suggested_name or current.display_name())
        if not self.files.maybe_save():
            return False
        document = Document(declaration)
        document.suggested_name = next_year_name(source, current.declaration.year, declaration.year,
                                                 declaration.department.name)
        document.import_notes = notes
        document.not_on_disk = True
        self.session.replace(document)
        self.session.tell(f"已生成 {declaration.year or '（未填）'} 年度申报，尚未保存", 8000)
        if notes:
            self.files.tell_import_notes(source, notes)
        return True

    # ---- 合并单位申报 -----------------------------------------------------------------------------------
    def merge_units(self) -> bool:
        from ..model.merge import source_labels
        from ..model.merge import MergeRefused, merge

        document = self.session.document
        chosen, _ = distinct_paths([Path(p) for p in self.ask_merge_paths()])
        own = [p for p in chosen if document.path is not None and same_file(p, document.path)]
        chosen = [p for p in chosen if p not in own]
        if not chosen:
            if own:
                self.session.tell("所选文件就是当前打开的文件，没有可合并的内容", 8000)
            return False
        opened, read_notes = [], []
        for path, label in zip(chosen, source_labels(chosen)):
            result = self._read(path)
            if result is None:
                return False  # nothing merged: the document is as it was
            opened.append((result.declaration, label))
            read_notes += [f"导入说明（{label}）：{note}" for note in result.notes]
        fresh = _is_untouched_new(document)
        try:
            # An untouched 新建 document is the start of the department's file, not a file of its own: its year
            # and blank project would only stand in the way.
            merged, notes = merge(opened if fresh else [(document.declaration, None), *opened])
        except MergeRefused as refused:
            self.tell_error("无法合并", refused, "当前文档未作任何修改。")
            return False
        kept = 0 if fresh else len(document.declaration.projects)
        added = apply_merge(document, merged, kept, f"合并 {len(opened)} 个单位申报")
        if added:
            self.go_to(paths.project(kept))
        self.session.tell(f"已合并 {len(opened)} 个文件，添加 {added} 个项目（撤销可一次全部去掉）", 8000)
        skipped = [f"{p.name} 就是当前打开的文件，未重复合并" for p in own]
        self.tell_merge_summary(MergeSummary(_rows(merged, kept, [label for _, label in opened]),
                                             skipped + notes + read_notes, added))
        return True


def next_year_name(source: str, year: int | None, new_year: int | None, department: str | None) -> str:
    """'天河区司法局2023.xlsx' → '天河区司法局2024.json'; a name without the year gets it appended."""
    stem = Path(source).stem if source and source != "未命名" else (department or "绩效目标申报")
    if year is not None and new_year is not None and str(year) in stem:
        return f"{stem.replace(str(year), str(new_year))}.json"
    return f"{stem}-{new_year}年度.json" if new_year is not None else f"{stem}-下一年度.json"


def _is_untouched_new(document: Document) -> bool:
    declaration = document.declaration
    return (document.path is None and not document.is_modified and document.undo_stack.count() == 0
            and declaration == new_declaration(declaration.year))


def apply_merge(document: Document, merged: Declaration, kept: int, text: str) -> int:
    """The document made into merged as one undo step: the year and department fields that differ set, the
    projects after the first `kept` (the document's own, which merge() keeps in place) replaced by merged's.
    Returns how many projects were added."""
    current = document.declaration
    batch = BatchCommand(document, text)
    if current.year != merged.year:
        batch.add(SetFieldCommand(document, "year", merged.year, text, merge=False))
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


def _rows(merged: Declaration, kept: int, labels: list[str]) -> list[tuple[str, int, int]]:
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
