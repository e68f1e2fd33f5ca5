"""merge OUT IN…: the department's file assembled from its units' files (README: 合并单位申报).

Every input is only read (open_declaration takes no lock and breaks none: a colleague may have it open);
OUT may be none of them, and is written atomically like every save.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..storage.errors import FileProblem
from .exits import EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE

NAME = "merge"
HELP = "合并各预算单位的申报文件为部门申报（OUT 在前，IN 可有多个）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="OUT")
    parser.add_argument("sources", metavar="IN", nargs="+")


def run(arguments: argparse.Namespace) -> int:
    from ..model.merge import MergeRefused, merge
    from ..storage import formats
    from ..storage.files import open_declaration, save_declaration

    target = Path(arguments.target)
    sources = [Path(source) for source in arguments.sources]
    refuse_inputs_as_output(target, sources)
    formats.for_saving(target)  # an OUT that cannot be written is said before any input is read
    unique, skipped = _distinct(sources)
    opened = []
    for source, label in zip(unique, source_labels(unique)):
        result = open_declaration(source)
        opened.append((result.declaration, label))
        for note in result.notes:
            print(f"导入说明（{label}）：{note}", file=sys.stderr)
    try:
        declaration, notes = merge(opened)
    except MergeRefused as refused:
        print(f"无法合并：{refused}", file=sys.stderr)
        return EXIT_UNUSABLE
    save_declaration(declaration, target)
    for source in skipped:
        print(f"合并说明：{source} 重复给出，只读了一次")
    for note in notes:
        print(f"合并说明：{note}")
    print(f"已保存 {target.name}：{len(unique)} 个文件，{len(declaration.projects)} 个项目")
    return report_checks(declaration, ("duplicate-project", "projects-total-vs-budget"))


def refuse_inputs_as_output(target: Path, sources: list[Path]) -> None:
    """OUT may not be any input, under whatever name (a link, another spelling of the path)."""
    for source in sources:
        if _same_file(target, source):
            raise FileProblem(target, f"输出文件就是输入文件 {source.name}，命令从不改写输入文件；请另选输出文件名")


def _same_file(first: Path, second: Path) -> bool:
    try:
        if first.exists() and second.exists():
            return os.path.samefile(first, second)
    except OSError:
        pass
    return os.path.normcase(os.path.abspath(first)) == os.path.normcase(os.path.abspath(second))


def _distinct(sources: list[Path]) -> tuple[list[Path], list[Path]]:
    unique: list[Path] = []
    skipped: list[Path] = []
    for source in sources:
        (skipped if any(_same_file(source, seen) for seen in unique) else unique).append(source)
    return unique, skipped


def source_labels(sources: list[Path]) -> list[str]:
    """What each merged project remembers as its source_file: the file's name, or where two inputs share a
    name, its path from the inputs' common folder (单位A/申报.json, 单位B/申报.json). Never a full path:
    the merged file travels to the finance office, the clerk's folders do not."""
    names = [source.name for source in sources]
    if len(set(names)) == len(names):
        return names
    absolute = [os.path.abspath(source) for source in sources]
    try:
        common = os.path.commonpath(absolute)
    except ValueError:  # different drives on Windows
        return [str(source) for source in sources]
    return [Path(os.path.relpath(path, common)).as_posix() for path in absolute]


def report_checks(declaration, listed: tuple[str, ...]) -> int:
    """The checks of the written file: the problems named in listed in full, the rest counted; the exit code
    says whether it has errors (EXIT_ERRORS), as check's does."""
    from ..model.checks import check_declaration
    from ..model.problems import ERROR, Severity

    problems = check_declaration(declaration)
    for problem in problems:
        if problem.code in listed:
            print(f"{problem.severity.label}\t{problem.location}\t{problem.code}\t{problem.message}")
    counts = {severity: sum(p.severity == severity for p in problems) for severity in Severity}
    print(f"检查：共 {counts[Severity.ERROR]} 个错误，{counts[Severity.WARNING]} 个警告，{counts[Severity.HINT]} 个提示"
          f"（python main.py check 可列出全部）")
    return EXIT_ERRORS if counts[ERROR] else EXIT_OK
