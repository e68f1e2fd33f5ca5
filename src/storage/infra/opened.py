"""What opening a file gives (the declaration, and whether it was imported rather than opened as saved), and the
two steps of a format's reader that give it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:  # the format registry imports this module at start-up, before the model is loaded
    from ...model.declaration import Declaration


@dataclass
class OpenResult:
    declaration: Declaration
    notes: list[str] = field(default_factory=list)  # what an import had to guess or skip, in Chinese
    # An imported file is never saved over: the editor asks where to save (Save As), so a published
    # table, or a workbook whose extension cannot hold what the editor writes, stays as it was.
    imported: bool = False
    # One of the notes when the file was written by an older version (saving upgrades it): the window says it in
    # the status bar instead of the 导入说明 box, which every old file would otherwise raise once per open.
    format_note: str | None = None

    def content_notes(self) -> list[str]:
        return [note for note in self.notes if note != self.format_note]


@dataclass(frozen=True)
class Reader:
    """A format's reading in two steps. `contents` opens the container and gives plain data (grids of cells, a
    PDF's sections, notes): the step a damaged or hostile file can crash or hang, which readers/worker.py runs in
    a worker process, and whose result is cheap to send back. `declaration` recognises the declaration in that
    data, in the caller's process (the recognisers need no native library)."""

    contents: Callable[..., Any]  # (path, progress=…, kind=…) → plain data, picklable
    declaration: Callable[[Path, Any], Any]  # (path, contents) → OpenResult

    @classmethod
    def whole(cls, read: Callable[..., Any]) -> Reader:
        """A format read in one step (the editor's own JSON, never sent to the worker)."""
        return cls(read, _already_read)


def _already_read(path: Path, opened):
    return opened
