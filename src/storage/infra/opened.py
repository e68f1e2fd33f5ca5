"""What opening a file gives: the declaration, and whether it was imported rather than opened as saved."""

from __future__ import annotations

from dataclasses import dataclass, field

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
