"""check FILE: list the problems the finance office's checks find."""

from __future__ import annotations

import argparse
import json

from ..model.checks import check_declaration
from ..model.problems import ERROR, Severity
from ..storage.files import open_declaration
from .exits import EXIT_ERRORS, EXIT_OK

NAME = "check"
HELP = "检查申报文件，列出问题"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(arguments: argparse.Namespace) -> int:
    opened = open_declaration(arguments.file)
    problems = sorted(check_declaration(opened.declaration), key=lambda p: p.severity.rank)
    if arguments.format == "json":
        print(json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2))
    else:
        for note in opened.notes:
            print(f"导入说明：{note}")
        for problem in problems:
            print(f"{problem.severity.label}\t{problem.location}\t{problem.code}\t{problem.message}")
        counts = {severity: sum(p.severity == severity for p in problems) for severity in Severity}
        print(f"共 {counts['error']} 个错误，{counts['warning']} 个警告，{counts['hint']} 个提示")
    return EXIT_ERRORS if any(p.severity == ERROR for p in problems) else EXIT_OK
