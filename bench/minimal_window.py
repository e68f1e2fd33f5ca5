"""The floor for cold start: the least a PySide6 program does to show a main window."""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

app = QApplication(sys.argv)
window = QMainWindow()
window.show()
app.processEvents()
print("READY", flush=True)
