"""Every edit as a QUndoCommand: redo() does the work, undo() restores exactly."""

from __future__ import annotations

import copy
import weakref
from typing import Any

from PySide6.QtGui import QUndoCommand

from ...model import paths
from .document import Document

_FIELD_COMMAND_ID = 1001


class DocumentCommand(QUndoCommand):
    """An edit of one document. It holds its document weakly: the document's undo stack owns the command
    (in C++), so a strong reference back would make a cycle through Qt that only the garbage collector can
    break — and it breaks it by deleting the stack, and the commands with it, while it is still walking their
    wrappers (a segfault after a few dozen edits of a document that was then dropped)."""

    def __init__(self, document: Document, text: str):
        super().__init__(text)
        self._document = weakref.ref(document)

    @property
    def document(self) -> Document:
        document = self._document()
        if document is None:
            raise RuntimeError("the document of this undo step is gone")
        return document


class SetFieldCommand(DocumentCommand):
    """One field changed; consecutive keystrokes in the same field merge into one undo step."""

    def __init__(self, document: Document, location: str, value: Any, text: str, merge: bool = True):
        """value passes the model's field type here (paths.cleaned_value: FieldRefused if refused), so the
        command holds what the field will hold and redo() cannot fail half-way."""
        # Judged before the Qt object exists: a QUndoCommand whose __init__ raises leaves PySide a half-made
        # wrapper that can crash the garbage collector later.
        cleaned = paths.cleaned_value(document.declaration, location, value)
        super().__init__(document, text)
        self.location = location
        self.old = document.value(location)
        self.new = cleaned
        self.mergeable = merge

    def id(self) -> int:
        return _FIELD_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetFieldCommand) and self.mergeable and other.mergeable
                and other.location == self.location):
            return False
        self.new = other.new
        if self.new == self.old and type(self.new) is type(self.old):
            self.setObsolete(True)  # typed and undone back to where it was: no undo step left that does nothing
        return True

    def redo(self) -> None:
        self.document.apply_field(self.location, self.new)

    def undo(self) -> None:
        self.document.apply_field(self.location, self.old)


class InsertCommand(DocumentCommand):
    def __init__(self, document: Document, list_location: str, index: int, item: Any, text: str):
        super().__init__(document, text)
        self.list_location, self.index, self.item = list_location, index, item

    def redo(self) -> None:
        self.document.apply_insert(self.list_location, self.index, copy.deepcopy(self.item))

    def undo(self) -> None:
        self.document.apply_remove(self.list_location, self.index)


class RemoveCommand(DocumentCommand):
    def __init__(self, document: Document, list_location: str, index: int, text: str):
        super().__init__(document, text)
        self.list_location, self.index = list_location, index
        self.item = copy.deepcopy(paths.list_at(document.declaration, list_location)[index])

    def redo(self) -> None:
        self.document.apply_remove(self.list_location, self.index)

    def undo(self) -> None:
        self.document.apply_insert(self.list_location, self.index, copy.deepcopy(self.item))


class MoveCommand(DocumentCommand):
    def __init__(self, document: Document, list_location: str, source: int, target: int, text: str):
        super().__init__(document, text)
        self.list_location, self.source, self.target = list_location, source, target

    def redo(self) -> None:
        self.document.apply_move(self.list_location, self.source, self.target)

    def undo(self) -> None:
        self.document.apply_move(self.list_location, self.target, self.source)


class BatchCommand(DocumentCommand):
    """Commands done and undone as one step, with the checks run once (Document.deferred_checks).

    The parts are kept in a Python list, not as Qt child commands: PySide6 lets the Python side of a child
    command be collected while Qt still calls it (a crash in the first paste test)."""

    def __init__(self, document: Document, text: str):
        super().__init__(document, text)
        self.parts: list[QUndoCommand] = []

    def add(self, command: QUndoCommand) -> None:
        self.parts.append(command)

    def redo(self) -> None:
        with self.document.deferred_checks():
            for part in self.parts:
                part.redo()

    def undo(self) -> None:
        with self.document.deferred_checks():
            for part in reversed(self.parts):
                part.undo()


def set_field(document: Document, location: str, value: Any, label: str, merge: bool = True) -> None:
    """Push a field change unless it changes nothing (so focus-out does not add undo steps). The value is
    judged as the model will hold it (cleaned); a value the field refuses raises FieldRefused, nothing pushed."""
    command = SetFieldCommand(document, location, value, f"修改{label}", merge)
    current = document.value(location)
    if current == command.new and type(current) is type(command.new):
        return
    document.undo_stack.push(command)


def set_indicator_level1(document: Document, location: str, level1: str | None) -> None:
    """Changing 一级 clears a 二级 that no longer fits, as one undo step."""
    from ...model import framework

    stack = document.undo_stack
    stack.beginMacro("修改一级指标")
    stack.push(SetFieldCommand(document, paths.field(location, "level1"), level1, "修改一级指标", merge=False))
    level2 = document.value(paths.field(location, "level2"))
    if level2 and level2 not in framework.level2_choices(level1):
        stack.push(SetFieldCommand(document, paths.field(location, "level2"), framework.only_level2(level1), "修改二级指标", merge=False))
    elif not level2 and framework.only_level2(level1):
        stack.push(SetFieldCommand(document, paths.field(location, "level2"), framework.only_level2(level1), "修改二级指标", merge=False))
    stack.endMacro()
