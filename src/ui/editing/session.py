"""The document open in a window, and what its helpers have to tell the clerk.

The file, print and autosave helpers hold a session, not the window: they read and replace the
document here and speak through its signals, which the window shows (status bar, title, menus).
So each helper works, and is tested, without a main window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # a window holds a session before it holds any document (the start page)
    from .document import Document


class Session(QObject):
    documentReplaced = Signal(object, object)  # the new Document, the one it replaced (None at the start)
    status = Signal(str, int)  # a status-bar message, and for how many milliseconds
    saved = Signal(object)  # a Document just written to its own file

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.document: Document | None = None
        self.last_folder: Path | None = None  # where the clerk last opened or saved a file

    def folder_for_exports(self) -> Path:
        """Where a PDF, a 问题清单 or a comparison goes by default: beside the open file, else where the clerk
        last worked, else home — never the program's own folder (the working directory of a double-click)."""
        document = self.document
        if document is not None and document.path is not None:
            return document.path.parent
        return self.last_folder or Path.home()

    def export_path(self, suffix: str, tail: str = "") -> str:
        """A default path for an export of the open document: its name with tail and suffix, in
        folder_for_exports() — '…/天河.pdf', '…/天河-问题清单.xlsx'."""
        document = self.document
        stem = Path(document.path or document.suggested_name or "绩效目标申报表").stem if document else "绩效目标申报表"
        return str(self.folder_for_exports() / f"{stem}{tail}{suffix}")

    def replace(self, document: Document) -> None:
        old, self.document = self.document, document
        self.documentReplaced.emit(document, old)

    def tell(self, text: str, milliseconds: int = 5000) -> None:
        self.status.emit(text, milliseconds)
