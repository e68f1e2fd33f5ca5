"""convert SOURCE TARGET: read anything that opens, save as the target's extension says."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..storage.infra import formats
from ..storage.infra.files import open_declaration, recognise, save_declaration
from .exits import EXIT_OK
from .outputs import print_notes, refuse_inputs_as_output

NAME = "convert"


def _help() -> str:
    saved_as = " / ".join(e for f in formats.writable() for e in f.save_extensions)
    return f"转换格式：读入任何能打开的文件，按目标扩展名（{saved_as}）保存"


HELP = _help()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source")
    parser.add_argument("target")


class TerminalProgress:
    """"读取 第 N/M 页…" on one terminal line, rewritten in place. Only for a terminal: a script that
    captures stderr, or a log file, would get a line per report."""

    def __init__(self, unit: str, stream=None):
        self.unit = unit  # what the reader counts (页, 行…): FileFormat.counts
        self.stream = stream or sys.stderr
        self.written = False

    def __call__(self, done: int, total: int) -> None:
        self.stream.write(f"\r读取 第 {done}/{total} {self.unit}…\033[K")
        self.stream.flush()
        self.written = True

    def end(self) -> None:
        if self.written:
            self.stream.write("\n")
            self.stream.flush()


def run(arguments: argparse.Namespace) -> int:
    # OUT is never IN, by any name (a link, another spelling): the file read is never overwritten, as next-year
    # and merge refuse it; and an OUT that cannot be written is said before IN is read.
    refuse_inputs_as_output(Path(arguments.target), [Path(arguments.source)])
    formats.for_saving(arguments.target)
    found = recognise(arguments.source)  # once: the reader is handed it, the progress line its unit
    progress = TerminalProgress(found.counts or "") if sys.stderr.isatty() else None
    try:
        opened = open_declaration(arguments.source, progress, found)
    finally:
        if progress is not None:
            progress.end()  # a message after it starts on a line of its own
    save_declaration(opened.declaration, arguments.target)
    print_notes(opened.notes)
    print(f"已保存 {Path(arguments.target).name}")
    return EXIT_OK
