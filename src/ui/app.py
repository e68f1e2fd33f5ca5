"""Start the editor window."""

from __future__ import annotations

import sys


def run_editor(argv: list[str]) -> int:
    print("编辑器窗口正在开发中；现在可以使用 check / convert 命令，例如：python main.py check 文件.json", file=sys.stderr)
    return 2
