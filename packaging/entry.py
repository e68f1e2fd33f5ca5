"""Entry script of both frozen executables, which share one _internal/ folder.

`perf-target-editor` (windowed on Windows) opens the editor or runs a command; `perf-target` (a console
program everywhere) runs the headless commands and, with no arguments, prints their usage — as the
commands `pip install .` makes. The package is frozen under its repository name `src` (see src/bundled.py).
"""

import sys
from pathlib import Path

from src.launcher import console_main, gui_main

if Path(sys.executable).stem.lower() == "perf-target":
    console_main()
else:
    gui_main()
