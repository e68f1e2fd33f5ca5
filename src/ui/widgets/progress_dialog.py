"""The progress of a slow open in the window: a storage.infra.progress callback that, once the read has gone on
for about a second, shows a window-modal QProgressDialog with a 取消 button, and stops the read when the
clerk presses it.

The read runs in the GUI thread and calls back now and then (a PDF: every page); the dialog is kept
painted by processing events in the callback. Events are processed only while the modal dialog shows,
so nothing in the window can be clicked in the middle of a read.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 1000  # a read that ends sooner shows nothing (tests lower it)


class ImportProgress:
    """Call it as storage.infra.progress.Progress: (done, total) → False once 取消 was pressed."""

    def __init__(self, parent: QWidget | None, name: str, unit: str = ""):
        self.parent = parent
        self.name = name
        self.unit = unit
        self.dialog: QProgressDialog | None = None
        self.clock = QElapsedTimer()
        self.clock.start()

    def __call__(self, done: int, total: int) -> bool:
        if self.dialog is None:
            if self.clock.elapsed() < SHOW_AFTER_MS:
                return True
            self.dialog = self._dialog()
        dialog = self.dialog
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(max(done, 0), max(total, 1)))
        counted = f"第 {done}/{total} {self.unit}" if self.unit and total else ""
        dialog.setLabelText(f"正在读取“{self.name}”…\n{counted}".rstrip())
        QCoreApplication.processEvents()  # paints the dialog and takes the click on 取消
        return not dialog.wasCanceled()

    def _dialog(self) -> QProgressDialog:
        dialog = QProgressDialog(f"正在读取“{self.name}”…", "取消", 0, 1, self.parent)
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle("正在导入")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # Shown and closed here, not by Qt's own estimate of the time left, nor reset when the bar is full
        # (the reader may still build the declaration after its last report).
        dialog.setMinimumDuration(0)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.show()
        return dialog

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
