"""convert SOURCE TARGET: read anything that opens, save as the target's extension says."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..storage import formats
from ..storage.files import open_declaration, save_declaration
from .exits import EXIT_OK

NAME = "convert"


def _help() -> str:
    saved_as = " / ".join(e for f in formats.writable() for e in f.save_extensions)
    return f"转换格式：读入任何能打开的文件，按目标扩展名（{saved_as}）保存"


HELP = _help()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source")
    parser.add_argument("target")


def run(arguments: argparse.Namespace) -> int:
    opened = open_declaration(arguments.source)
    save_declaration(opened.declaration, arguments.target)
    for note in opened.notes:
        print(f"导入说明：{note}", file=sys.stderr)
    print(f"已保存 {Path(arguments.target).name}")
    return EXIT_OK
