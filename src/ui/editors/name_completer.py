"""The indicator name field's completer: as the clerk types, the names holding what was typed, of the indicator's
一级/二级, from the one index the library browser searches (bundled libraries, the bureau's 指标库 imported, 我的指标)
— the clerk's own names and the bureau's first. Nothing is read until the first keystroke in a name."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

MAX_SHOWN = 30


def names_for(typed: str, level1: str | None, level2: str | None) -> list[str]:
    """The names offered for what was typed: of the indicator's 二级, else of its 一级 (else of any, when it has
    none yet)."""
    from ...model import framework
    from ..editing.local_library import shared

    if not typed.strip():
        return []
    catalogue = shared().catalogue()
    levels: list = [(level1, level2)] if framework.fits(level1, level2) else []
    levels += [(level1, None)] if framework.is_known_level1(level1) else [None]
    for level in levels:
        names = catalogue.names_like(typed, level, MAX_SHOWN)
        if names:
            return names
    return []


class NameCompleter(QCompleter):
    def __init__(self, edit: QLineEdit, levels: Callable[[], tuple[str | None, str | None]]):
        self.names = QStringListModel()
        super().__init__(self.names, edit)
        self.names.setParent(self)
        self.setObjectName("indicatorNameCompleter")
        self.levels = levels
        # The index has found the names already (every word, full-width or not, anywhere in the name): the popup
        # shows them as found, in their order, not filtered again by Qt's prefix.
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(12)
        edit.setCompleter(self)
        edit.textEdited.connect(self.offer)  # before QLineEdit asks its completer to show: the list is ready
        # A name taken from the list is the clerk's edit: Qt sets the text without textEdited, which is what the
        # field's binding pushes to the document (as one undo step with the typing before it).
        self.activated[str].connect(edit.textEdited.emit)
        self.edit = edit

    def offer(self, typed: str) -> None:
        self.names.setStringList(names_for(typed, *self.levels()))
