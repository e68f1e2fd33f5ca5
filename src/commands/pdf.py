"""pdf SOURCE TARGET: print the official forms to a PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model.checks import check_declaration
from ..model.problems import ERROR
from ..storage.infra.files import open_declaration
from .exits import EXIT_OK
from .outputs import refuse_inputs_as_output

NAME = "pdf"
HELP = "打印表格到 PDF"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("--form", choices=("project", "summary", "department", "all"), default="all")
    parser.add_argument("--draft", action="store_true", help="每页加“草稿”水印")


def run(arguments: argparse.Namespace) -> int:
    refuse_inputs_as_output(Path(arguments.target), [Path(arguments.source)])  # `pdf last-year.pdf last-year.pdf`
    opened = open_declaration(arguments.source)
    from ..render.printing import export_pdf  # Qt is only loaded for this command

    errors = sum(p.severity == ERROR for p in check_declaration(opened.declaration))
    if errors and not arguments.draft:
        print(f"注意：申报表还有 {errors} 个错误；需要时可加 --draft 在每页标注“草稿”", file=sys.stderr)
    pages = export_pdf(opened.declaration, arguments.target, arguments.form, draft=arguments.draft)
    print(f"已生成 {Path(arguments.target).name}，共 {pages} 页")
    return EXIT_OK
