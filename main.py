"""绩效目标申报编辑器 — `python main.py [FILE]` opens the editor; `check`, `convert`, `pdf` run headless."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from src.cli import COMMANDS, run

    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        return run(argv)
    from src.ui.app import run_editor

    return run_editor(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
