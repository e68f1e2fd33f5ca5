"""The clerk's local library in the window: where its file is (QStandardPaths' AppDataLocation), read on first
use, and the one index the library browser and the indicator name's completer search — the bundled libraries,
the finance bureaus' 指标库 the clerk imported and 我的指标 (storage/library/local_store.py).

Nothing here is read at start-up: the store and the index are made when the browser opens, the clerk types an
indicator's name, a file opens or a library is imported. A store that cannot be written (a read-only profile)
costs the clerk only its remembering, said on the status bar; a damaged one is moved aside and said so; one that
cannot be read (or moved aside) is said so when it is loaded, and an import then says it was not kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QStandardPaths, Signal

if TYPE_CHECKING:
    from ...model.declaration import Declaration
    from ...model.library_catalogue import Catalogue
    from ...storage.library.bureau_table import BureauLibrary
    from ...storage.library.local_store import ImportedLibrary, LocalStore


def default_store_path() -> Path:
    from ...storage.library.local_store import FILE_NAME

    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / FILE_NAME


class LocalLibrary(QObject):
    changed = Signal()  # the index holds other entries now (a library imported or removed, 我的指标 new or cleared)
    told = Signal(str)  # for the status bar: the store set aside, unreadable, or not written

    def __init__(self, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._path = path
        self._store: LocalStore | None = None
        self._catalogue: Catalogue | None = None

    @property
    def path(self) -> Path:
        return self._path or default_store_path()

    def store(self) -> LocalStore:
        if self._store is None:
            from ...storage.library.local_store import LocalStore

            self._store = LocalStore.load(self.path)
            if self._store.set_aside is not None:
                self.told.emit(f"本地指标库文件已损坏，已改名保存为“{self._store.set_aside.name}”，本地指标库从空白重新开始")
            elif self._store.problem is not None:
                self.told.emit(self._store.problem.reason)
        return self._store

    def catalogue(self) -> Catalogue:
        """Bundled + imported + 我的指标, indexed once until they change."""
        if self._catalogue is None:
            from ...model.library_catalogue import catalogue, with_local

            local = self.store().catalogue_entries()
            self._catalogue = with_local(local) if local else catalogue()
        return self._catalogue

    def add_library(self, file: str, library: BureauLibrary) -> ImportedLibrary:
        """A bureau's library imported from the file named file; FileProblem when the store cannot be written
        (the library is then in the index until the editor closes)."""
        added = self.store().add_library(file, library.rows)
        self._changed()
        self.store().save()
        return added

    def remember(self, declaration: Declaration) -> bool:
        """我的指标 from a declaration the clerk opened or saved; written only when they change (a file opened or
        saved again, its indicators already the newest, writes nothing). True when they changed."""
        from ...storage.infra.errors import FileProblem
        from ...storage.library.local_store import rows_of_declaration

        rows = rows_of_declaration(declaration)
        if not rows:
            return False
        store = self.store()
        before = list(store.mine)
        store.remember(rows)
        if store.mine == before:
            return False
        self._changed()  # new ones, or ones moved up: the completer offers the newest first
        try:
            store.save()
        except FileProblem as problem:
            if store.problem is None:  # an unreadable store was said when it was loaded, not at every open
                self.told.emit(f"未能记住本文件的指标（我的指标）：{problem.reason}")
        return True

    def remove_libraries(self, files: list[str]) -> None:
        """The libraries imported from files taken out of the store and the index, in one write; FileProblem when
        the store cannot be written, and then nothing changes (see _rewrite)."""
        self._rewrite(lambda store: [store.remove_library(file) for file in files])

    def clear_mine(self) -> None:
        """我的指标 emptied in the store and the index; FileProblem when the store cannot be written, and then
        nothing changes."""
        self._rewrite(lambda store: store.clear_mine())

    def _rewrite(self, change: Callable[[LocalStore], object]) -> None:
        """change applied and the store written. Unlike an import, a removal that cannot be written is undone in
        memory: the file still holds the entries, and a list without them would promise what the next start does
        not keep."""
        from ...storage.infra.errors import FileProblem

        store = self.store()
        libraries, mine = list(store.libraries), list(store.mine)
        change(store)
        try:
            store.save()
        except FileProblem:
            store.libraries, store.mine = libraries, mine
            raise
        self._changed()

    def _changed(self) -> None:
        self._catalogue = None
        self.changed.emit()


_shared: LocalLibrary | None = None


def shared() -> LocalLibrary:
    """The application's one local library."""
    global _shared
    if _shared is None:
        _shared = LocalLibrary()
    return _shared


def use_store_at(path: Path | None) -> LocalLibrary:
    """A fresh shared local library kept at path (None: the default place): for tests, never the clerk's own."""
    global _shared
    _shared = LocalLibrary(Path(path) if path is not None else None)
    return _shared
