"""文件 → 导出问题清单: the dialog that asks where, then problem_list_file writes it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ...model.problem_list import Suggestion, no_suggestion, problem_list_header, problem_rows
from ...render.problem_list_file import EXTENSIONS, export_problem_list
from ...storage.infra.errors import FileProblem
from ...storage.infra.files import same_file
from ..editing.session import Session
from ..widgets.messages import show_error


class ProblemListExporter:
    """文件 → 导出问题清单: ask where, then write the open document's problems in the dock's order.

    suggestion gives each problem's 建议修改 (the fix label once the fixes exist)."""

    def __init__(self, session: Session, dialog_parent: QWidget | None, suggestion: Suggestion = no_suggestion):
        self.session = session
        self.dialog_parent = dialog_parent
        self.suggestion = suggestion

    def ask_path(self) -> str | None:
        suggested = self.session.export_path(".xlsx", "-问题清单")
        path, chosen = QFileDialog.getSaveFileName(self.dialog_parent, "导出问题清单", suggested,
                                                   "Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)")
        if path and Path(path).suffix.lower() not in EXTENSIONS:
            path += ".pdf" if "pdf" in chosen else ".xlsx"
        return path or None

    def tell_error(self, problem: FileProblem) -> None:
        show_error(self.dialog_parent, "导出问题清单失败", problem, "请换一个位置或关闭占用该文件的程序后重试。")

    def export(self) -> bool:
        path = self.ask_path()
        if not path:
            return False
        document = self.session.document
        problems = document.problems
        rows = problem_rows(document.declaration, problems, self.suggestion)
        header = problem_list_header(document.declaration, problems, document.path.name if document.path else None)
        try:
            if document.path is not None and same_file(path, document.path):
                raise FileProblem(path, "这是当前打开的申报文件，问题清单不能覆盖它，请另选文件名")
            told = export_problem_list(rows, header, path)
        except FileProblem as problem:
            self.tell_error(problem)
            return False
        self.session.tell(told, 8000)
        return True
