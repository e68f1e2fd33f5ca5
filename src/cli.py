"""Headless commands: the parser and the dispatch; each command lives in its own module of `commands`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .commands import MODULES
from .commands.exits import EXIT_OK, EXIT_UNUSABLE
from .storage.infra.errors import FileProblem

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
