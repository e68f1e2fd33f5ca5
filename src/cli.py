"""Headless commands: check, convert, pdf. Exit 0 ok, 1 the file has errors, 2 it cannot be used."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .model.checks import check_declaration
from .model.problems import ERROR, Severity
from .storage import formats
from .storage.errors import FileProblem
from .storage.files import open_declaration, save_declaration

COMMANDS = ("check", "convert", "pdf")
EXIT_OK, EXIT_ERRORS, EXIT_UNUSABLE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=Path(sys.argv[0]).name, description="绩效目标申报编辑器（无界面命令）")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="检查申报文件，列出问题")
    check.add_argument("file")
    check.add_argument("--format", choices=("text", "json"), default="text")
    saved_as = " / ".join(e for f in formats.writable() for e in f.save_extensions)
    convert = commands.add_parser("convert", help=f"转换格式：读入任何能打开的文件，按目标扩展名（{saved_as}）保存")
    convert.add_argument("source")
    convert.add_argument("target")
    pdf = commands.add_parser("pdf", help="打印表格到 PDF")
    pdf.add_argument("source")
    pdf.add_argument("target")
    pdf.add_argument("--form", choices=("project", "summary", "department", "all"), default="all")
    pdf.add_argument("--draft", action="store_true", help="每页加“草稿”水印")
    return parser


def run(argv: Sequence[str]) -> int:
    arguments = build_parser().parse_args(list(argv))
    try:
        if arguments.command == "check":
            return _check(arguments.file, arguments.format)
        if arguments.command == "convert":
            return _convert(arguments.source, arguments.target)
        return _pdf(arguments.source, arguments.target, arguments.form, arguments.draft)
    except FileProblem as problem:
        print(f"无法处理 {problem}", file=sys.stderr)
        return EXIT_UNUSABLE


def _check(path: str, output: str) -> int:
    opened = open_declaration(path)
    problems = sorted(check_declaration(opened.declaration), key=lambda p: p.severity.rank)
    if output == "json":
        print(json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2))
    else:
        for note in opened.notes:
            print(f"导入说明：{note}")
        for problem in problems:
            print(f"{problem.severity.label}\t{problem.location}\t{problem.code}\t{problem.message}")
        counts = {severity: sum(p.severity == severity for p in problems) for severity in Severity}
        print(f"共 {counts['error']} 个错误，{counts['warning']} 个警告，{counts['hint']} 个提示")
    return EXIT_ERRORS if any(p.severity == ERROR for p in problems) else EXIT_OK


def _convert(source: str, target: str) -> int:
    opened = open_declaration(source)
    save_declaration(opened.declaration, target)
    for note in opened.notes:
        print(f"导入说明：{note}", file=sys.stderr)
    print(f"已保存 {Path(target).name}")
    return EXIT_OK


def _pdf(source: str, target: str, form: str, draft: bool) -> int:
    opened = open_declaration(source)
    from .ui.printing import export_pdf  # Qt is only loaded for this command

    errors = sum(p.severity == ERROR for p in check_declaration(opened.declaration))
    if errors and not draft:
        print(f"注意：申报表还有 {errors} 个错误；需要时可加 --draft 在每页标注“草稿”", file=sys.stderr)
    pages = export_pdf(opened.declaration, target, form, draft=draft)
    print(f"已生成 {Path(target).name}，共 {pages} 页")
    return EXIT_OK
