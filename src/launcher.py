"""The one way in: `main.py`, the installed commands and the frozen executables all start here.

A command name runs headless (check, convert, pdf, …); a file, or nothing, opens the editor;
anything else is refused with 未知命令 instead of being taken for a file to open.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

EXIT_USAGE = 2


def main(argv: Sequence[str]) -> int:
    from .cli import COMMANDS, run

    argv = list(argv)
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version")):
        return run(argv)
    if argv and not _names_a_file(argv):
        print(f"未知命令“{argv[0]}”。可用的命令：{'、'.join(COMMANDS)}（加 --help 查看用法）；"
              "或者只给出一个要打开的申报文件。", file=sys.stderr)
        return EXIT_USAGE
    from .ui.app import run_editor

    return run_editor(argv)


def _names_a_file(argv: list[str]) -> bool:
    """One argument that is a file, or looks like one a clerk meant (a missing file is the editor's to report)."""
    from .storage import formats

    first = argv[0]
    return len(argv) == 1 and not first.startswith("-") and (Path(first).exists() or formats.is_known_name(first))


def gui_main() -> None:
    """The installed `perf-target-editor` (a windowed program on Windows)."""
    sys.exit(main(sys.argv[1:]))


def console_main() -> None:
    """The installed `perf-target`: the headless commands; with no arguments it says how to use them."""
    sys.exit(main(sys.argv[1:] or ["--help"]))
