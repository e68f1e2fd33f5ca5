"""New, open, save, save as, recent files and the unsaved-changes question, for the main window.

Dialogs go through ask_*/tell_* methods so tests can answer them without a modal loop.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..model.skeleton import new_declaration
from ..storage.errors import FileProblem
from ..storage.files import OPEN_FILTER, SAVE_FILTER, open_declaration, save_declaration
from .document import Document

if TYPE_CHECKING:
    from .main_window import MainWindow

MAX_RECENT = 8
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class FileController:
    def __init__(self, window: "MainWindow", settings: QSettings):
        self.window = window
        self.settings = settings

    # ---- dialogs (replaceable in tests) -------------------------------------------------------
    def ask_unsaved(self, name: str) -> str:
        box = QMessageBox(QMessageBox.Icon.Warning, "保存修改", f"“{name}”有尚未保存的修改。是否保存？", parent=self.window)
        save = box.addButton("保存", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("不保存", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL

    def ask_open_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.window, "打开申报文件", self._folder(), OPEN_FILTER)
        return path or None

    def ask_save_path(self, suggested: str) -> str | None:
        path, chosen = QFileDialog.getSaveFileName(self.window, "另存为", str(Path(self._folder()) / suggested), SAVE_FILTER)
        if not path:
            return None
        if not Path(path).suffix:
            path += ".xlsx" if "xlsx" in chosen else ".json"
        return path

    def tell_error(self, title: str, problem: Exception, advice: str) -> None:
        QMessageBox.critical(self.window, title, f"{problem}\n\n{advice}")

    def tell_import_notes(self, name: str, notes: list[str]) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "导入说明",
                          f"已从“{name}”导入。导入时做了以下推断或跳过，请核对：", parent=self.window)
        box.setInformativeText("\n".join(f"• {note}" for note in notes[:12]) + ("\n…" if len(notes) > 12 else ""))
        box.setDetailedText("\n".join(notes))
        box.exec()

    # ---- commands ---------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document (saved, discarded, or clean)."""
        document = self.window.document
        if document is None or not document.is_modified:
            return True
        answer = self.ask_unsaved(document.display_name())
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    def new(self) -> None:
        if self.maybe_save():
            self.window.set_document(Document(new_declaration()))

    def open(self, path: str | None = None) -> bool:
        if not self.maybe_save():
            return False
        path = path or self.ask_open_path()
        if not path:
            return False
        try:
            opened = open_declaration(path)
        except FileProblem as problem:
            self.tell_error("无法打开文件", problem, "请确认文件完整、是 .json 或 .xlsx 格式；当前文档未受影响。")
            return False
        source = Path(path)
        imported = bool(opened.notes)
        # A published table is imported, not edited in place: saving asks where, so it is never overwritten.
        document = Document(opened.declaration, None if imported else source.resolve())
        document.import_notes = opened.notes
        document.suggested_name = source.stem + ".json" if imported else source.name
        self.window.set_document(document)
        self._remember(source)
        if imported:
            self.tell_import_notes(source.name, opened.notes)
        return True

    def save(self) -> bool:
        document = self.window.document
        if document.path is None:
            return self.save_as()
        return self._write(document, document.path)

    def save_as(self) -> bool:
        document = self.window.document
        suggested = document.suggested_name or f"{document.declaration.department.name or '绩效目标申报'}.json"
        path = self.ask_save_path(suggested)
        if not path:
            return False
        if not self._write(document, Path(path)):
            return False
        document.set_path(Path(path).resolve())
        self._remember(Path(path))
        return True

    def _write(self, document: Document, path: Path) -> bool:
        try:
            save_declaration(document.declaration, path)
        except FileProblem as problem:
            self.tell_error("保存失败", problem, "文档仍在编辑器中，修改没有丢失。请换一个位置另存，或关闭占用该文件的程序后重试。")
            return False
        document.undo_stack.setClean()
        self.window.statusBar().showMessage(f"已保存到 {path}", 5000)
        return True

    # ---- recent files -------------------------------------------------------------------------------
    def recent(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _remember(self, path: Path) -> None:
        entry = str(path.resolve())
        files = [entry] + [p for p in self.recent() if p != entry]
        self.settings.setValue("recentFiles", files[:MAX_RECENT])
        self.window.rebuild_recent_menu()

    def _folder(self) -> str:
        recent = self.recent()
        return str(Path(recent[0]).parent) if recent else str(Path.home())
