"""The 问题清单 written out as a file: a PDF painted by printing.py's page machinery, or the workbook."""

from __future__ import annotations

from pathlib import Path

from ..forms.problem_list_html import problem_list_jobs
from ..model.problem_list import TITLE, ProblemListHeader, ProblemRow
from ..storage.infra.atomic import atomic_write
from ..storage.infra.errors import FileProblem
from ..storage.reports.problem_list_xlsx import write_problem_list_xlsx
from .printing import NoChineseFont, jobs_pdf_bytes

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
