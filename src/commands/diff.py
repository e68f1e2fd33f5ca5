"""diff OLD NEW: what changed from one declaration to another; exit 0 identical, 1 different, 2 unusable,
as diff(1) has it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .exits import EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE

NAME = "diff"
HELP = "比较两份申报（如上年与本年），列出新增、删除、改名和修改之处"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", help="原申报（如上年的）")
    parser.add_argument("new", help="新申报")
    parser.add_argument("--format", choices=("text", "json", "xlsx"), default="text")
    parser.add_argument("--output", metavar="FILE", help="写入此文件而不是屏幕；--format xlsx 时必须给出")


def run(arguments: argparse.Namespace) -> int:
    from ..model.compare import compare
    from ..model.compare_text import summary
    from ..storage.infra.files import open_declaration

    output = Path(arguments.output) if arguments.output else None
    refusal = _refusal(output, arguments)
    if refusal:
        print(refusal, file=sys.stderr)
        return EXIT_UNUSABLE
    old, new = open_declaration(arguments.old), open_declaration(arguments.new)
    changes = compare(old.declaration, new.declaration)
    old_name, new_name = Path(arguments.old).name, Path(arguments.new).name
    if arguments.format == "xlsx":
        from ..storage.reports.diff_xlsx import save_diff_workbook

        save_diff_workbook(changes, old_name, new_name, output)
        print(f"已保存 {output.name}：{summary(changes)}")
    else:
        text = _json(changes) if arguments.format == "json" else _text(changes)
        if output is None:
            print(text)
        else:
            from ..storage.infra.atomic import atomic_write

            atomic_write(output, (text + "\n").encode("utf-8"))
            print(f"已保存 {output.name}：{summary(changes)}")
    return EXIT_ERRORS if changes else EXIT_OK


def _refusal(output: Path | None, arguments: argparse.Namespace) -> str | None:
    """Before anything is read: no workbook to the terminal, and never over one of the files compared."""
    if output is None:
        return "--format xlsx 需要用 --output 指定要保存的 .xlsx 文件" if arguments.format == "xlsx" else None
    inputs = [Path(source) for source in (arguments.old, arguments.new)]
    from ..storage.infra.files import same_file

    if any(same_file(output, source) for source in inputs):
        return f"{output.name}：输出文件不能是参与比较的文件，请另选文件名"
    return None


def _json(changes) -> str:
    return json.dumps([change.as_dict() for change in changes], ensure_ascii=False, indent=2)


def _text(changes) -> str:
    from ..model.compare_text import change_line, summary

    return "\n".join([*(change_line(change) for change in changes), summary(changes)])

