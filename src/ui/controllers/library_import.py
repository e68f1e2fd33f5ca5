"""编辑 → 导入指标库…, and 我的指标 remembered as files open and save: the window's one controller of the local
library (ui/editing/local_library.py), so what it says (an import's news, a store that cannot be kept) is said
from one place, and the window itself only wires it — not a 13th module in this folder.

The bureau's file is read as a declaration is opened: recognised once, read in the reader worker process with the
progress dialog and 取消 (FileController.read_chosen, storage/library/bureau_file.py); a refusal is one box in
Chinese. What was imported goes into the local library, and the library browser opens on it with how many entries
were added and skipped — news on its message line, not a box to click away. It needs no declaration: from the
start page the browser opens to look in, with nothing to add to until a declaration is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from ..editing.local_library import shared
from ..editing.session import Session
from ..widgets.actions import Actions
from ..widgets.messages import show_error
from .file_controller import FileController

if TYPE_CHECKING:
    from ..editing.document import Document

_ADVICE = ("请选择财政局发布的指标库表格（Excel、WPS、PDF、网页或制表符分隔的文本），"
           "表中要有“一级指标”“二级指标”“三级指标”（或“指标名称”）等列标题。本地指标库未改动。")


class LibraryImporter(QObject):
    def __init__(self, session: Session, files: FileController, actions: Actions, window: QWidget,
                 show_browser: Callable[[], object]):
        """show_browser: opens the window's library browser for the selection and gives it."""
        super().__init__(window)
        self.session = session
        self.files = files
        self.window = window
        self.show_browser = show_browser
        actions["importLibrary"].triggered.connect(lambda: self.import_library())
        files.opened.connect(self.remember)
        session.saved.connect(self.remember)
        shared().told.connect(lambda text: session.tell(text, 10000))  # the store is not read until it is used

    # ---- dialogs (replaceable in tests) -------------------------------------------------------------------
    def ask_library_path(self) -> str | None:
        from ...storage.infra import formats

        kinds = [f for f in formats.FORMATS if f.isolated]  # every container but the editor's own JSON
        every = " ".join("*" + e for f in kinds for e in f.extensions)
        filters = ";;".join([f"指标库表格 ({every})", *(f.dialog_filter() for f in kinds), "所有文件 (*)"])
        path, _ = QFileDialog.getOpenFileName(self.window, "导入指标库", str(self.session.folder_for_exports()),
                                              filters)
        return path or None

    def tell_error(self, title: str, problem: Exception, advice: str) -> None:
        show_error(self.window, title, problem, advice)

    # ---- importing ----------------------------------------------------------------------------------------
    def import_library(self, path: str | None = None) -> bool:
        """The 指标库 at path (asked when None) into the local library; True when something was imported (kept
        on disk or, when the store cannot be written, searchable until the editor closes, as a box says)."""
        from ...storage.infra.errors import FileProblem
        from ...storage.library.bureau_file import (
            read_bureau_library,
            recognise_library,
        )

        path = path or self.ask_library_path()
        if not path:
            return False
        source = Path(path)
        library = self.files.read_chosen(source, recognise_library, read_bureau_library,
                                         lambda problem: self.tell_error("无法导入指标库", problem, _ADVICE),
                                         "已取消导入指标库")
        if library is None:
            return False
        kept = True
        try:
            shared().add_library(source.name, library)
        except FileProblem as problem:  # in the index until the editor closes, not on disk
            kept = False
            self.tell_error("本地指标库未能保存", problem, "导入的指标本次仍可搜索，关闭编辑器后不会保留。"
                            "处理好上述问题（磁盘空间、权限或本地指标库文件）后，请重新导入。")
        news = imported_news(source.name, library, kept)
        self.session.tell(news.split("\n")[0], 10000)
        browser = self.show_browser()
        if browser is not None:
            from ...model.library_catalogue import LOCAL

            browser.show_origin(LOCAL, news)
        return True

    # ---- 我的指标 -----------------------------------------------------------------------------------------
    def remember(self, document: Document) -> None:
        """我的指标 of a file opened or saved; the store is written only when they changed."""
        shared().remember(document.declaration)


def imported_news(file: str, library, kept: bool = True) -> str:
    """'已从“…”导入 12 条指标，跳过 2 条（…）。' and the first rows skipped, for the browser's message line; kept
    False: the store could not be written, and the news says they go when the editor closes."""
    parts = [f"已从“{file}”导入 {len(library.rows)} 条指标到本地指标库"
             + ("" if kept else "（未能保存到本机，关闭编辑器后不会保留）")]
    if library.skipped:
        why = "，".join(text for count, text in ((library.unfit, f"{library.unfit} 条一级、二级指标不在指标体系中"),
                                                 (library.repeated, f"{library.repeated} 条重复")) if count)
        parts.append(f"跳过 {library.skipped} 条（{why}）")
    lines = ["，".join(parts) + "。下面列出的就是这些指标（来源：本地指标库）。"]
    lines += [f"• {note}" for note in library.notes]
    return "\n".join(lines)
