"""New, open, save, save as, recent files and the unsaved-changes question, for a session's document.

Dialogs go through ask_*/tell_* methods so tests can answer them without a modal loop.

The window makes this controller before it shows; the declaration model, the readers and the format registry
are imported by the commands that use them (the first new, open or save), not with it (bench/README.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...storage.infra.errors import FileProblem
from ...storage.infra.progress import Cancelled
from ..editing.session import Session
from ..widgets.messages import show_error
from ..widgets.progress_dialog import ImportProgress

if TYPE_CHECKING:
    from ...storage.infra import lock
    from ...storage.infra.formats import FileFormat
    from ...storage.infra.recovery import Recovery
    from ..editing.document import Document

MAX_RECENT = 8
SHORT_NOTES = 6  # the box after opening; the 导入说明 panel has them all
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
READ_ONLY, TAKE_OVER = "read-only", "take-over"
RESTORE, LATER = "restore", "later"
Read = TypeVar("Read")


class FileController(QObject):
    recentChanged = Signal()
    opened = Signal(object)  # a Document just read from a file the clerk chose (not the demo, not a recovery)

    def __init__(self, session: Session, settings: QSettings, dialog_parent: QWidget | None = None):
        super().__init__(session)
        self.session = session
        self.settings = settings
        self.dialog_parent = dialog_parent
        session.documentReplaced.connect(self._release_replaced)

    # ---- dialogs (replaceable in tests) -------------------------------------------------------
    def _choose(self, icon: QMessageBox.Icon, title: str, text: str, accept: tuple[str, str],
                destructive: tuple[str, str], reject: tuple[str, str]) -> str:
        """A three-way question; each choice is (button text, answer). The accepting one is the default."""
        box = QMessageBox(icon, title, text, parent=self.dialog_parent)
        answers = {}
        for (label, answer), role in ((accept, QMessageBox.ButtonRole.AcceptRole),
                                      (destructive, QMessageBox.ButtonRole.DestructiveRole),
                                      (reject, QMessageBox.ButtonRole.RejectRole)):
            answers[box.addButton(label, role)] = answer
        box.setDefaultButton(next(iter(answers)))
        box.exec()
        return answers.get(box.clickedButton(), reject[1])

    def ask_unsaved(self, name: str) -> str:
        return self._choose(QMessageBox.Icon.Warning, "保存修改", f"“{name}”有尚未保存的修改。是否保存？",
                            ("保存", SAVE), ("不保存", DISCARD), ("取消", CANCEL))

    def ask_open_path(self) -> str | None:
        from ...storage.infra import formats

        path, _ = QFileDialog.getOpenFileName(self.dialog_parent, "打开申报文件", self.folder(), formats.open_dialog_filter())
        return path or None

    def ask_save_path(self, suggested: str) -> str | None:
        from ...storage.infra import formats

        # The Excel workbook first: it is what a clerk hands in and opens in WPS; JSON second.
        filters = dict(sorted(formats.save_dialog_filters(), key=lambda pair: pair[1] != ".xlsx"))
        path, chosen = QFileDialog.getSaveFileName(self.dialog_parent, "另存为", str(Path(self.folder()) / suggested),
                                                   ";;".join(filters))
        if not path:
            return None
        if not Path(path).suffix:
            path += filters.get(chosen, next(iter(filters.values())))
        return path

    def tell_error(self, title: str, problem: Exception, advice: str) -> None:
        show_error(self.dialog_parent, title, problem, advice)

    def ask_locked(self, locked: lock.FileLocked) -> str:
        return self._choose(QMessageBox.Icon.Warning, "文件正在被使用",
                            f"“{locked.path.name}”正被 {locked.info.describe()}打开。\n\n"
                            "以只读方式打开可以查看和另存；如果确定对方已经关闭（例如电脑死机），可以接管。",
                            ("以只读方式打开", READ_ONLY), ("接管并编辑", TAKE_OVER), ("取消", CANCEL))

    def ask_restore(self, recoveries: list[Recovery]) -> str:
        listing = "\n".join(f"• {r.label()}" for r in recoveries[:5])
        return self._choose(QMessageBox.Icon.Question, "恢复未保存的工作",
                            f"上次编辑器没有正常关闭，找到自动保存的副本：\n{listing}\n\n是否恢复最近的一份？",
                            ("恢复", RESTORE), ("放弃这些副本", DISCARD), ("以后再说", LATER))

    def tell_import_notes(self, name: str, notes: list[str]) -> None:
        """A short first box; every note stays in 查看 → 导入说明, where each jumps to its place."""
        box = QMessageBox(QMessageBox.Icon.Information, "导入说明",
                          f"已从“{name}”导入。导入时做了以下推断或跳过，请核对：", parent=self.dialog_parent)
        shown = "\n".join(f"• {note}" for note in notes[:SHORT_NOTES])
        rest = f"\n…… 共 {len(notes)} 条" if len(notes) > SHORT_NOTES else ""
        box.setInformativeText(f"{shown}{rest}\n\n全部说明在“查看 → 导入说明”中，双击一条可跳到申报中的相应位置。")
        box.exec()

    # ---- reading a chosen file ---------------------------------------------------------------------
    def read_chosen(self, source: Path, recognise: Callable[[Path], FileFormat],
                    read: Callable[[Path, Any, FileFormat], Read], failed: Callable[[FileProblem], None],
                    cancelled: str = "已取消") -> Read | None:
        """read(source, progress, found) for a file the clerk chose (opened, compared, merged, a 指标库 imported):
        recognised once by recognise (the progress dialog's unit, then the reader's format), read with the
        progress dialog and its 取消. None when it was cancelled (cancelled on the status bar: nothing was read
        into the window) or refused (failed(problem) says why)."""
        progress = None
        try:
            found = recognise(source)
            progress = ImportProgress(self.dialog_parent, source.name, found.counts or "")
            return read(source, progress, found)
        except Cancelled:
            self.session.tell(cancelled, 5000)
        except FileProblem as problem:
            failed(problem)
        finally:
            if progress is not None:
                progress.close()
        return None

    # ---- commands ---------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document (saved, discarded, or clean)."""
        document = self.session.document
        if document is None or not document.is_modified:
            return True
        answer = self.ask_unsaved(document.display_name())
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    def new(self) -> None:
        if self.maybe_save():
            from ...model.skeleton import new_declaration
            from ..editing.document import Document

            self.session.replace(Document(new_declaration()))

    def open(self, path: str | None = None) -> bool:
        if not self.maybe_save():
            return False
        path = path or self.ask_open_path()
        if not path:
            return False
        from ...storage.infra.files import open_declaration, recognise
        from ..editing.document import Document

        source = Path(path)
        # Recognised once: the progress dialog is given its unit, the reader its format.
        opened = self.read_chosen(source, recognise, open_declaration, self._tell_open_problem)
        if opened is None:  # cancelled or refused: the document stays as it was
            return False
        imported = opened.imported
        # An imported file is not edited in place: saving asks where, so it is never overwritten.
        document = Document(opened.declaration, None if imported else source.resolve())
        if not imported and not self._lock(document):
            return False
        # An imported table is saved as the workbook a clerk hands in, beside where it came from.
        document.suggested_name = source.stem + ".xlsx" if imported else source.name
        document.imported_from = source.name if imported else None
        document.hold_import_notes(opened.content_notes(), f"导入“{source.name}”")
        self.session.replace(document)
        self._remember(source)
        self.opened.emit(document)
        if opened.format_note:
            self.session.tell(opened.format_note, 15000)
        if opened.content_notes():
            self.tell_import_notes(source.name, opened.content_notes())
        return True

    def _tell_open_problem(self, problem: FileProblem) -> None:
        from ...storage.infra import formats
        from ...storage.library.bureau_table import NOT_A_DECLARATION

        # A 指标库 is a sound file of another kind: its message says where it goes, not to check the file.
        self.tell_error("无法打开文件", problem, "当前文档未受影响。" if NOT_A_DECLARATION in problem.reason
                        else f"请确认文件完整、是 {formats.readable_description()} 文件；当前文档未受影响。")

    def open_copy(self, path: Path, name: str) -> bool:
        """A file the program ships (the demo) as an unsaved copy named `name`, like an imported table: 保存 asks
        where, and the file itself is never overwritten, locked or listed among the recent files."""
        if not self.maybe_save():
            return False
        from ...storage.infra.files import open_declaration
        from ..editing.document import Document

        try:
            document = Document(open_declaration(path).declaration)
        except FileProblem as problem:
            self.tell_error(f"无法打开{name}", problem, "文件缺失或已损坏，请重新安装本程序。")
            return False
        document.imported_from, document.suggested_name = name, f"{name}.xlsx"
        self.session.replace(document)
        return True

    def _lock(self, document: Document) -> bool:
        from ...storage.infra import lock

        try:
            lock.acquire(document.path)
        except lock.FileLocked as locked:
            answer = self.ask_locked(locked)
            if answer == CANCEL:
                return False
            if answer == TAKE_OVER:
                lock.acquire(document.path, take_over=True)
            else:
                document.read_only = True
        return True

    def _release_replaced(self, new: Document, old: Document | None) -> None:
        if old is not None and old is not new:
            self.release(old)

    def release(self, document: Document | None) -> None:
        if document is not None and document.path is not None and not document.read_only:
            from ...storage.infra import lock

            lock.release(document.path)

    def restore(self, recoveries: list[Recovery]) -> bool:
        """Offer the newest recovery file of a crashed session; True when a document was restored."""
        if not recoveries:
            return False
        answer = self.ask_restore(recoveries)
        if answer == LATER:
            return False
        if answer == DISCARD:
            for recovery in recoveries:
                recovery.discard()
            return False
        from ..editing.document import Document

        newest = recoveries[0]
        try:
            declaration = newest.load()
        except FileProblem as problem:
            self.tell_error("无法恢复", problem, "该恢复副本已损坏，已保留在恢复文件夹中。")
            return False
        original = newest.original_path if newest.original_path and newest.original_path.exists() else None
        document = Document(declaration, original)
        document.not_on_disk = True
        if original is not None:
            self._lock(document)
        self.session.replace(document)
        newest.discard()  # this session's autosave takes over from here
        return True

    def save(self) -> bool:
        document = self.session.document
        if document.path is None or document.read_only:
            return self.save_as()
        return self._write(document, document.path)

    def save_as(self) -> bool:
        document = self.session.document
        suggested = document.suggested_name or f"{document.declaration.department.name or '绩效目标申报'}.xlsx"
        path = self.ask_save_path(suggested)
        if not path:
            return False
        if not self._write(document, Path(path)):
            return False
        from ...storage.infra import lock

        self.release(document)
        document.read_only = False
        document.set_path(Path(path).resolve())
        lock.acquire(document.path, take_over=True)
        self._remember(Path(path))
        return True

    def _write(self, document: Document, path: Path) -> bool:
        from ...storage.infra.files import save_declaration

        try:
            save_declaration(document.declaration, path)
        except FileProblem as problem:
            self.tell_error("保存失败", problem, "文档仍在编辑器中，修改没有丢失。请换一个位置另存，或关闭占用该文件的程序后重试。")
            return False
        document.mark_saved()
        self.session.saved.emit(document)
        self.session.tell(f"已保存到 {path}", 5000)
        return True

    # ---- recent files -------------------------------------------------------------------------------
    def recent(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _remember(self, path: Path) -> None:
        self.session.last_folder = path.resolve().parent
        entry = str(path.resolve())
        files = [entry] + [p for p in self.recent() if p != entry]
        self.settings.setValue("recentFiles", files[:MAX_RECENT])
        self.recentChanged.emit()

    def folder(self) -> str:
        """Where open and save dialogs start: the last folder used, else the newest recent file's, else home."""
        if self.session.last_folder is not None:
            return str(self.session.last_folder)
        recent = self.recent()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

