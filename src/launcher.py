"""The one way in: `main.py`, the installed commands and the frozen executables all start here.

A command name runs headless (check, convert, pdf, …); a file, or nothing, opens the editor;
anything else is refused with 未知命令 instead of being taken for a file to open.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Sequence

EXIT_USAGE = 2
CONSOLE_PROGRAM = "perf-target.exe"  # packaging/bundle_rules.py CONSOLE_NAME, beside the windowed program


def main(argv: Sequence[str]) -> int:
    _use_utf8_when_no_locale()
    _output_that_can_print_chinese()
    from .cli import COMMANDS, run

    argv = list(argv)
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version")):
        if sys.stdout is None:
            return _tell_to_use_the_console_program(argv[0])
        return run(argv)
    if argv and not _names_a_file(argv):
        print(f"未知命令“{argv[0]}”。可用的命令：{'、'.join(COMMANDS)}（加 --help 查看用法）；"
              "或者只给出一个要打开的申报文件。", file=sys.stderr)
        return EXIT_USAGE
    from .ui.controllers.app import run_editor

    return run_editor(argv)


def _names_a_file(argv: list[str]) -> bool:
    """One argument that is a file, or looks like one a clerk meant (a missing file is the editor's to report)."""
    from .storage.infra import formats

    first = argv[0]
    return len(argv) == 1 and not first.startswith("-") and (Path(first).exists() or formats.is_known_name(first))


def _use_utf8_when_no_locale() -> None:
    """A desktop session always sets LANG; a service, `env -i` or a bare container does not, and Qt then
    warns and treats file names as ASCII (a 天河.json cannot be opened). C.UTF-8 is in every glibc >= 2.35
    and Debian's older ones; it changes the encoding only, not the language of anything shown."""
    if os.name != "nt" and not any(os.environ.get(name) for name in ("LC_ALL", "LC_CTYPE", "LANG")):
        os.environ["LC_CTYPE"] = "C.UTF-8"


def _output_that_can_print_chinese() -> None:
    """Output piped from a Windows whose code page has no Chinese (cp1252 on an English CI runner or PC) would
    stop `check` with UnicodeEncodeError at its first 错误; UTF-8 there. GBK on a Chinese PC stays as it is:
    it is what `type` and Notepad read there. A frozen program ignores PYTHONIOENCODING, so it is done here."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or not hasattr(stream, "reconfigure"):
            continue
        try:
            "错误".encode(stream.encoding or "ascii")
        except (UnicodeEncodeError, LookupError):
            stream.reconfigure(encoding="utf-8")


def _tell_to_use_the_console_program(command: str) -> int:
    """Windows' windowed program has no console (sys.stdout is None): a command would print into nothing."""
    from PySide6.QtWidgets import QMessageBox

    from .ui.controllers.app import application

    application()
    console = Path(sys.executable).with_name(CONSOLE_PROGRAM)
    box = QMessageBox(QMessageBox.Icon.Information, "绩效目标申报编辑器",
                      f"“{command}”是命令行命令，本程序（窗口版）无法显示它的输出。\n\n"
                      f"请在命令提示符或 PowerShell 中运行：\n“{console}” {command} …")
    box.setObjectName("useConsoleProgram")
    box.exec()
    return EXIT_USAGE


def gui_main() -> None:
    """The installed `perf-target-editor` (a windowed program on Windows)."""
    sys.exit(main(sys.argv[1:]))


def console_main() -> None:
    """The installed `perf-target`: the headless commands; with no arguments it says how to use them."""
    sys.exit(main(sys.argv[1:] or ["--help"]))
