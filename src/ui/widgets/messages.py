"""The one error box: a failed file operation or print, what happened and what to do."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget | None, title: str, problem: Exception, advice: str) -> None:
    QMessageBox.critical(parent, title, f"{problem}\n\n{advice}")
