"""绩效目标申报编辑器 — `python main.py [FILE]` opens the editor; `check`, `convert`, `pdf` run headless."""

import sys

from src.launcher import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
