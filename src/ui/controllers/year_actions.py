"""File → 与其他申报比较… / 新建下一年度申报 / 合并单位申报…: the year over year and across units of a session's
document (issue 15). The model does the work (compare, next_year, merge); this controller reads the files,
shows the comparison dock, opens next year's declaration and applies a merge as one undo step.

Dialogs go through ask_*/tell_* methods so tests can answer them without a modal loop; errors and notes go
through the FileController's, so a window shows them one way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow

from ...model import paths
from ...model.declaration import Declaration
from ...model.skeleton import new_declaration
from ...storage.infra import formats
from ...storage.infra.errors import FileProblem
from ...storage.infra.files import distinct_paths, open_declaration, recognise, same_file
from ...storage.infra.opened import OpenResult
from ..editing.document import Document
from ..editing.session import Session
from ..widgets.compare_view import CompareView
from .file_controller import FileController
from .merge_units import MergeSummary, MergeSummaryDialog, apply_merge, summary_rows


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
    def ask_compare_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.window, "选择要比较的原申报（如上年度的）", self.files.folder(),
                                              formats.open_dialog_filter())
        return path or None

    def ask_merge_paths(self) -> list[str]:
        chosen, _ = QFileDialog.getOpenFileNames(self.window, "选择要合并的单位申报（可多选）", self.files.folder(),
                                                 formats.open_dialog_filter())
        return list(chosen)

    def ask_export_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.window, "导出比较结果", str(self.session.folder_for_exports() / suggested),
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
        return self.files.read_chosen(path, recognise, open_declaration,
                                      lambda problem: self.tell_error("无法读取文件", problem, "当前文档未受影响。"))

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
        from ...model.compare import compare

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
        from ...storage.reports.diff_xlsx import save_diff_workbook

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
        from ...model.next_year import next_year

        current = self.session.document
        declaration, notes = next_year(current.declaration)
        source = current.path.name if current.path else (current.suggested_name or current.display_name())
        if not self.files.maybe_save():
            return False
        document = Document(declaration)
        document.suggested_name = next_year_name(source, current.declaration.year, declaration.year,
                                                 declaration.department.name)
        document.hold_import_notes(notes, f"由“{source}”新建下一年度")
        document.not_on_disk = True
        self.session.replace(document)
        self.session.tell(f"已生成 {declaration.year or '（未填）'} 年度申报，尚未保存", 8000)
        if notes:
            self.files.tell_import_notes(source, notes)
        return True

    # ---- 合并单位申报 -----------------------------------------------------------------------------------
    def merge_units(self) -> bool:
        from ...model.merge import MergeRefused, merge, source_labels

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
        said = skipped + notes + read_notes
        # Each file's notes name places in that file, not in the merged one: kept as text, without a jump.
        document.hold_import_notes(said, f"合并 {len(opened)} 个单位申报")
        self.tell_merge_summary(MergeSummary(summary_rows(merged, kept, [label for _, label in opened]), said, added))
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
