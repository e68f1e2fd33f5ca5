"""A real editor session for the crash test: open FILE, type edits, wait for the autosave, keep editing, hang.

Run as: python edit_then_wait.py FILE SETTINGS_INI with the repository root on PYTHONPATH (tests/test_safety.py
does so). Prints AUTOSAVED once the recovery file is written.
"""

import sys
import time

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from src.ui.controllers.app import application
from src.ui.controllers.main_window import MainWindow

app = application()
window = MainWindow(QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
window.files.open(sys.argv[1])
window.workspace.select_location("projects[0]")
name = window.workspace.findChild(QLineEdit, "projectName")
name.selectAll()
QTest.keyClicks(name, "Renamed before autosave")
total = window.workspace.findChild(QLineEdit, "funds_total")
total.selectAll()
QTest.keyClicks(total, "99.5")
store = window.autosaver.store
deadline = time.time() + 30
while not store.session_file.exists() and time.time() < deadline:
    app.processEvents()
    time.sleep(0.05)
print("AUTOSAVED" if store.session_file.exists() else "NO AUTOSAVE", flush=True)
window.autosaver.timer.stop()  # the edit below happens after the last autosave
QTest.keyClicks(name, " and after")
while True:
    app.processEvents()
    time.sleep(0.05)
