"""Entry script of both frozen executables, which share one _internal/ folder.

`perf-target-editor` (windowed on Windows) opens the editor or runs a command; `perf-target` (a console
program everywhere) runs the headless commands and, with no arguments, prints their usage — as the
commands `pip install .` makes. The package is frozen under its repository name `src` (see src/bundled.py).
"""

import multiprocessing
import os
import sys
from pathlib import Path

# First of all: a reading worker (src/storage/readers/worker.py) is this same program started again with
# --multiprocessing-fork; freeze_support runs it and exits, before anything below can start an editor.
multiprocessing.freeze_support()

# What PyInstaller's PySide6 run-time hook did, without its import of QtCore (bundle_rules.DROPPED_RUNTIME_HOOKS):
# Qt's plugins from the bundle only — a QT_PLUGIN_PATH of the desktop's own Qt (DTK on UOS and Deepin) would
# load plugins built against another Qt. Qt itself finds the rest through the qt.conf the wheel's QtCore embeds.
_QT = Path(sys._MEIPASS) / "PySide6" / ("" if sys.platform == "win32" else "Qt")
os.environ["QT_PLUGIN_PATH"] = str(_QT / "plugins")

from src.launcher import console_main, gui_main  # noqa: E402

if Path(sys.executable).stem.lower() == "perf-target":
    console_main()
else:
    gui_main()
