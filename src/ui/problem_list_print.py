"""The 问题清单 written out: a PDF painted by printing.py's page machinery, or the workbook; and the
文件 → 导出问题清单 dialog that asks where."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ..forms.problem_list_html import problem_list_jobs
from ..model.problem_list import TITLE, ProblemListHeader, ProblemRow, Suggestion, no_suggestion, problem_list_header, problem_rows
from ..storage.infra.atomic import atomic_write
from ..storage.infra.errors import FileProblem
from ..storage.infra.files import same_file
from ..storage.reports.problem_list_xlsx import write_problem_list_xlsx
from .messages import show_error
from .printing import NoChineseFont, jobs_pdf_bytes
from .session import Session

EXTENSIONS = (".xlsx", ".pdf")


def problem_list_pdf_bytes(rows: list[ProblemRow], header: ProblemListHeader) -> tuple[bytes, int]:
    return jobs_pdf_bytes(problem_list_jobs(rows, header), header.page_header(), f"{header.page_header()}　{TITLE}")


def export_problem_list_pdf(rows: list[ProblemRow], header: ProblemListHeader, path: str | Path) -> int:
    """Write the PDF atomically; returns its page count. Failures are FileProblems for the UI and CLI."""
    try:
        data, pages = problem_list_pdf_bytes(rows, header)
    except NoChineseFont as error:
        raise FileProblem(path, str(error)) from error
    atomic_write(path, data, keep_backup=False)
    return pages


def export_problem_list(rows: list[ProblemRow], header: ProblemListHeader, path: str | Path) -> str:
    """By the target's extension, .xlsx or .pdf; returns what to tell the clerk."""
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        pages = export_problem_list_pdf(rows, header, path)
        return f"已导出问题清单 {Path(path).name}，{len(rows)} 个问题，共 {pages} 页"
    if suffix == ".xlsx":
        write_problem_list_xlsx(rows, header, path)
        return f"已导出问题清单 {Path(path).name}，{len(rows)} 个问题"
    raise FileProblem(path, "问题清单只能导出为 Excel 工作簿（.xlsx）或 PDF（.pdf）")


class ProblemListExporter:
    """文件 → 导出问题清单: ask where, then write the open document's problems in the dock's order.

    suggestion gives each problem's 建议修改 (the fix label once the fixes exist)."""

    def __init__(self, session: Session, dialog_parent: QWidget | None, suggestion: Suggestion = no_suggestion):
        self.session = session
        self.dialog_parent = dialog_parent
        self.suggestion = suggestion

    def ask_path(self) -> str | None:
        document = self.session.document
        stem = document.path.stem if document.path else "绩效目标申报表"
        path, chosen = QFileDialog.getSaveFileName(self.dialog_parent, "导出问题清单", f"{stem}-问题清单.xlsx",
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
