"""check FILE: list the problems the finance office's checks find."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..model.checks import check_declaration
from ..model.problems import ERROR
from ..storage.infra.files import open_declaration
from .exits import EXIT_ERRORS, EXIT_OK
from .outputs import counts_text, print_notes, problem_line, refuse_inputs_as_output

NAME = "check"
HELP = "检查申报文件，列出问题"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--output", metavar="PROBLEMS.xlsx|.pdf", help="另存问题清单（供评审会用）：.xlsx 工作簿或 .pdf")


def run(arguments: argparse.Namespace) -> int:
    opened = open_declaration(arguments.file)
    found = check_declaration(opened.declaration)  # the problems dock's order, which the 问题清单 keeps
    problems = sorted(found, key=lambda p: p.severity.rank)
    if arguments.output:  # written first: a list that cannot be written exits 2 before anything is printed
        print(_write_problem_list(opened.declaration, found, arguments.file, arguments.output), file=sys.stderr)
    if arguments.format == "json":
        from ..model.fixes import fix_labels

        # Each problem's quick fix as `fix` prints it, or null: what a script or the 问题清单 can propose.
        label = fix_labels(opened.declaration, problems)
        rows = [{**p.as_dict(), "fix": label(p)} for p in problems]
        print_notes(opened.notes)  # stdout stays pure JSON
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print_notes(opened.notes)  # as every command does: stdout is the problems, for scripts to read
        for problem in problems:
            print(problem_line(problem))
        print(counts_text(problems))
    return EXIT_ERRORS if any(p.severity == ERROR for p in problems) else EXIT_OK


def _write_problem_list(declaration, problems, source: str, target: str) -> str:
    from ..model.fixes import fix_labels
    from ..model.problem_list import problem_list_header, problem_rows
    from ..render.problem_list_file import export_problem_list  # Qt is only loaded for a list

    refuse_inputs_as_output(Path(target), [Path(source)])  # the list never replaces the declaration it lists
    rows = problem_rows(declaration, problems, fix_labels(declaration, problems))
    return export_problem_list(rows, problem_list_header(declaration, problems, Path(source).name), target)
