"""Headless commands: the parser and the dispatch; each command lives in its own module of `commands`.

Whatever a command meets, it ends with a message and an exit code, never a traceback: a FileProblem is said as it
is (its first line names the file, in Chinese; a library's words follow on a line starting 详细信息：); anything
else is an error of the program's own, said in the same shape with exit 2 and nothing written (saves are atomic).
PERF_TARGET_TRACEBACK=1 in the environment shows the traceback instead, for the program's developers.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .commands import MODULES
from .commands.exits import EXIT_OK, EXIT_UNUSABLE
from .storage.infra.errors import DETAIL_PREFIX, FileProblem, error_text, short_detail

COMMANDS = tuple(module.NAME for module in MODULES)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=Path(sys.argv[0]).name, description="绩效目标申报编辑器（无界面命令）")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for module in MODULES:
        module.add_arguments(commands.add_parser(module.NAME, help=module.HELP))
    return parser


def run(argv: Sequence[str]) -> int:
    arguments = build_parser().parse_args(list(argv))
    command = next(module for module in MODULES if module.NAME == arguments.command)
    try:
        return command.run(arguments)
    except FileProblem as problem:
        print(f"无法处理 {problem}", file=sys.stderr)
        return EXIT_UNUSABLE
    except BrokenPipeError:  # `check … | head`: the reader has gone; say nothing more, as other tools do
        sys.stdout = None
        return EXIT_OK
    except Exception as error:  # not KeyboardInterrupt or SystemExit: those end the run as they should
        if os.environ.get("PERF_TARGET_TRACEBACK"):
            raise
        print(_internal_error(arguments, error), file=sys.stderr)
        return EXIT_UNUSABLE


def _internal_error(arguments: argparse.Namespace, error: BaseException) -> str:
    """The message for an error of the program's own: the files the command was given, what happened, what to do."""
    names = []
    for value in vars(arguments).values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and os.path.exists(item):
                names.append(os.path.basename(item) or item)
    subject = "、".join(dict.fromkeys(names)) or "命令"
    if isinstance(error, MemoryError):
        what = "内存不足，无法处理（文件可能过大或已损坏）。请关闭其他程序后重试，或把文件拆小后再处理"
    elif isinstance(error, RecursionError):
        what = "文件内容嵌套过深，无法处理，文件可能已损坏"
    else:
        what = "程序内部出错，命令未完成，没有写入任何文件。请把输入文件和下面的详细信息发给软件维护人员"
    return f"无法处理 {subject}：{what}\n{DETAIL_PREFIX}{short_detail(error_text(error))}"
