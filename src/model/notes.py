"""A 导入说明 that knows where it belongs: the place in the declaration it concerns and where in the source it was
read, so that the window can list the notes and jump, the commands can print them and tests can count them.

A Note is a str (its Chinese sentence) with those facts riding along: every reader, printer and test that treats
notes as text keeps working, and a reader that knows more says more. Equality is the sentence's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from . import paths


class Note(str):
    location: str | None  # the place it concerns, in paths' spelling; relative ('indicators[2]') until under()
    source: str | None  # where the grid came from: 工作表“…”, 第 3 页, 网页中的表格1, 文本, 剪贴板中的表格
    row: int | None  # 1-based, as the table shows it
    column: int | None  # 1-based
    source_text: str | None  # what the source said, when the note is about reading it

    def __new__(cls, text: str, *, location: str | None = None, source: str | None = None, row: int | None = None,
                column: int | None = None, source_text: str | None = None) -> Note:
        note = super().__new__(cls, text)
        note.location = location
        note.source = source
        note.row = row
        note.column = column
        note.source_text = source_text
        return note

    def _with(self, text: str | None = None, **changes) -> Note:
        facts = {"location": self.location, "source": self.source, "row": self.row, "column": self.column,
                 "source_text": self.source_text}
        facts.update(changes)
        return Note(str(self) if text is None else text, **facts)

    def prefixed(self, prefix: str) -> Note:
        """The same note after words that say whose it is (项目“…”：)."""
        return self._with(prefix + str(self))

    def within(self, source: str) -> Note:
        """The note with its grid's source, unless it already names one (a reader nearer the cells knows better)."""
        return self if self.source else self._with(source=source)

    def under(self, owner: str) -> Note:
        """A location relative to an indicator list's owner ('indicators[2]') made whole ('projects[4].indicators[2]')."""
        if self.location is None or not self.location.startswith("indicators["):
            return self
        return self._with(location=f"{owner}.{self.location}" if owner else self.location)

    def at_row(self, row: int) -> Note:
        """The note with the source's row, unless it already names one."""
        return self if self.row is not None else self._with(row=row)

    def where_read(self) -> str:
        """工作表“项目表” 第 12 行 第 3 列, as much of it as is known."""
        parts = [self.source or ""]
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.column is not None:
            parts.append(f"第 {self.column} 列")
        return " ".join(part for part in parts if part)


def as_note(text: str) -> Note:
    """Any note as a Note (a reader that knows nothing more wrote a plain sentence)."""
    return text if isinstance(text, Note) else Note(text)


def all_within(notes: Iterable[str], source: str) -> list[Note]:
    return [as_note(note).within(source) for note in notes]


def settled(notes: Iterable[str], declaration) -> list[Note]:
    """The notes as Notes, each location one the declaration has: a place that is not there (a relative one never
    made whole, a run of projects that ended with the table) would make a jump land wrong, so it is dropped."""
    result = []
    for note in map(as_note, notes):
        if note.location is not None:
            try:
                paths.resolve(declaration, note.location)
            except paths.LocationError:
                note = note._with(location=None)
        result.append(note)
    return result


_ITEMS = (paths.NodeKind.PROJECT, paths.NodeKind.INDICATOR, paths.NodeKind.TASK)


class Anchor:
    """Where a note points, held by the item it concerns rather than by its index: after a project above it is
    deleted or the list is sorted, the note still finds its project (and says so when the item is gone)."""

    def __init__(self, declaration, location: str):
        node = paths.node_of(location)
        self._location = location  # the department's places and the year never move
        self._item = paths.resolve(declaration, node) if paths.kind_of(node) in _ITEMS else None
        self._rest = location[len(node) + 1:] if self._item is not None and location != node else ""

    def location(self, declaration) -> str | None:
        """The place now; None when the item was deleted."""
        if self._item is None:
            return self._location
        node = _where_is(declaration, self._item)
        if node is None:
            return None
        return paths.field(node, self._rest) if self._rest else node


def _where_is(declaration, item) -> str | None:
    for index, task in enumerate(declaration.department.tasks):
        if task is item:
            return paths.task(index)
    for index, indicator in enumerate(declaration.department.indicators):
        if indicator is item:
            return paths.indicator(paths.DEPARTMENT, index)
    for index, project in enumerate(declaration.projects):
        owner = paths.project(index)
        if project is item:
            return owner
        for number, indicator in enumerate(project.indicators):
            if indicator is item:
                return paths.indicator(owner, number)
    return None


@dataclass(frozen=True)
class HeldNote:
    """A note kept with the open declaration: what it came with (导入“…”, 剪贴板, 新建下一年度) and its anchor."""

    origin: str
    note: Note
    anchor: Anchor | None

    def location(self, declaration) -> str | None:
        return self.anchor.location(declaration) if self.anchor is not None else None


def hold(notes: Iterable[str], declaration, origin: str) -> list[HeldNote]:
    """Notes anchored in the declaration they were read into, at the moment they were read."""
    return [HeldNote(origin, note, Anchor(declaration, note.location) if note.location else None)
            for note in settled(notes, declaration)]
