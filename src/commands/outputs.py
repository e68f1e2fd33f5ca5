"""What the commands that write a file share: OUT never an input, the written file's checks in a few lines,
the problem line and the counts line that `check` prints too."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable

from ..model.notes import as_note
from ..model.problems import ERROR, Problem, Severity
from ..storage.infra.errors import FileProblem
from ..storage.infra.files import same_file
from .exits import EXIT_ERRORS, EXIT_OK


def problem_line(problem: Problem) -> str:
    return f"{problem.severity.label}\t{problem.location}\t{problem.code}\t{problem.message}"


def print_notes(notes: Iterable[str], label: str | None = None) -> None:
    """Each 导入说明 on stderr (stdout is the command's own output, for scripts), with where in the source it was
    read when the reader knew: 导入说明（工作表“项目表” 第 12 行）：…; label names the file among several.

    When the import's self-check found figures that do not reconcile with the table's own (合计, 小计, 总计, the
    numbering of indicators), a 需核对 line comes first, then those notes, then the rest."""
    notes = list(map(as_note, notes))
    if not notes:
        return
    from ..storage.recognisers.reconcile import is_mismatch  # loaded already by the import that made the notes

    unreconciled = [note for note in notes if is_mismatch(note)]
    if unreconciled:
        whose = f"{label}：" if label else ""
        print(f"需核对：{whose}{len(unreconciled)} 处读出的内容与原表自身的合计或编号不符，已标记“待复核”，"
              "请对照原表逐项核对（见下面的导入说明）", file=sys.stderr)
        notes = unreconciled + [note for note in notes if not is_mismatch(note)]
    for note in notes:
        where = "，".join(part for part in (label, note.where_read()) if part)
        print(f"导入说明（{where}）：{note}" if where else f"导入说明：{note}", file=sys.stderr)


def counts_text(problems: Iterable[Problem]) -> str:
    problems = list(problems)
    counts = {severity: sum(p.severity == severity for p in problems) for severity in Severity}
    return f"共 {counts[Severity.ERROR]} 个错误，{counts[Severity.WARNING]} 个警告，{counts[Severity.HINT]} 个提示"


def refuse_inputs_as_output(target: Path, sources: list[Path]) -> None:
    """OUT may not be any input, under whatever name (a link, another spelling of the path)."""
    for source in sources:
        if same_file(target, source):
            raise FileProblem(target, f"输出文件就是输入文件 {source.name}，命令从不改写输入文件；请另选输出文件名")


def report_checks(declaration, listed: tuple[str, ...]) -> int:
    """The checks of the written file: the problems named in listed in full, the rest counted; the exit code
    says whether it has errors (EXIT_ERRORS), as check's does."""
    from ..model.checks import check_declaration

    problems = check_declaration(declaration)
    for problem in problems:
        if problem.code in listed:
            print(problem_line(problem))
    print(f"检查：{counts_text(problems)}（python main.py check 可列出全部）")
    return EXIT_ERRORS if any(p.severity == ERROR for p in problems) else EXIT_OK
