"""The 问题清单 for the review meeting: each problem as one row a finance reviewer and a clerk talk over.

Pure, so the workbook, the printed form and the tests all read the same rows. The rows keep the
order they are given in: pass check_declaration() or the document's problems, which is the order
the problems dock lists them (department, each project in turn, the cross-project rules, the mix).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Callable, Iterable

from . import paths
from .declaration import DECLARATION_LABELS, Declaration
from .problems import Problem, Severity

TITLE = "绩效目标问题清单"
COLUMNS = ("序号", "项目", "位置", "问题", "严重程度", "建议修改")
NO_SUGGESTION = "—"  # printed where no fix or advice is known, so an empty cell is never mistaken for "nothing to do"
NO_FILE = "（未保存）"

Suggestion = Callable[[Problem], "str | None"]


def no_suggestion(problem: Problem) -> None:
    """The suggestion to pass until the fixes exist: every row shows NO_SUGGESTION."""
    return None


@dataclass(frozen=True)
class ProblemRow:
    number: int
    project: str
    location: str  # in words, as the problems dock shows it
    message: str
    severity: Severity
    suggestion: str

    def cells(self) -> tuple[int, str, str, str, str, str]:
        """The row's values in COLUMNS order."""
        return (self.number, self.project, self.location, self.message, self.severity.label, self.suggestion)


@dataclass(frozen=True)
class ProblemListHeader:
    """What the top of the list says: whose declaration, which file, when, how many problems."""

    department: str
    year: int | None
    file_name: str
    date: datetime.date
    counts: dict[Severity, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def counts_text(self) -> str:
        """'共 122 个：错误 7 个，警告 115 个，提示 0 个'."""
        parts = "，".join(f"{severity.label} {self.counts.get(severity, 0)} 个" for severity in Severity)
        return f"共 {self.total} 个：{parts}"

    def facts(self) -> list[tuple[str, str]]:
        """Label and text of each line of the header block, in print order."""
        return [("部门", self.department or "（未填写部门名称）"),
                ("年度", f"{self.year}年" if self.year else "（未填写）"),
                ("文件", self.file_name),
                ("日期", f"{self.date.year}年{self.date.month}月{self.date.day}日"),
                ("问题", self.counts_text())]

    def page_header(self) -> str:
        """The line at the top of every printed page (the forms' header: department and year)."""
        name = self.department or "（未填写部门名称）"
        return f"{name}　{self.year}年度" if self.year else name


def problem_rows(declaration: Declaration, problems: Iterable[Problem], suggestion: Suggestion = no_suggestion) -> list[ProblemRow]:
    rows = []
    for number, problem in enumerate(problems, start=1):
        rows.append(ProblemRow(number, project_name(declaration, problem.location),
                               paths.describe(declaration, problem.location), problem.message, problem.severity,
                               suggestion(problem) or NO_SUGGESTION))
    return rows


def project_name(declaration: Declaration, location: str) -> str:
    """The project a location lies in, by name; 部门整体 for the department's own fields and the whole file."""
    index = paths.project_index(location)
    if index is None:
        return DECLARATION_LABELS["department"]
    if index < len(declaration.projects) and declaration.projects[index].name:
        return declaration.projects[index].name
    return f"第 {index + 1} 个项目"


def problem_list_header(declaration: Declaration, problems: Iterable[Problem], file_name: str | None,
                        date: datetime.date | None = None) -> ProblemListHeader:
    counts = {severity: 0 for severity in Severity}
    for problem in problems:
        counts[problem.severity] += 1
    return ProblemListHeader(declaration.department.name or "", declaration.year, file_name or NO_FILE,
                             date or datetime.date.today(), counts)
