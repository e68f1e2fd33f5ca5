"""Autosave for crash recovery: every minute (configurable) while there are unsaved changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths, QTimer

from ...storage.infra.errors import FileProblem
from ...storage.infra.recovery import RecoveryStore
from .session import Session

DEFAULT_SECONDS = 60


def recovery_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


class AutoSaver(QObject):
    def __init__(self, session: Session, settings: QSettings, store: RecoveryStore | None = None):
        super().__init__(session)
        self.session = session
        self.store = store or RecoveryStore(recovery_folder())
        session.saved.connect(self.clear)  # the file itself now holds what the copy held
        seconds = settings.value("autosaveSeconds", DEFAULT_SECONDS)
        try:
            seconds = max(1, int(seconds))
        except (TypeError, ValueError):
            seconds = DEFAULT_SECONDS
        self.timer = QTimer(self)
        self.timer.setInterval(seconds * 1000)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    def save_now(self) -> None:
        document = self.session.document
        if document is None:
            return
        try:
            if document.is_modified:
                self.store.write(document.declaration, document.path)
                self.session.tell("已自动保存恢复副本", 3000)
            else:
                self.store.clear()
        except (FileProblem, OSError) as error:
            # Never interrupt the clerk for this; the status bar says it, the next tick tries again.
            self.session.tell(f"自动保存失败：{error}", 8000)

    def clear(self, *_saved) -> None:
        try:
            self.store.clear()
        except FileProblem:
            pass
