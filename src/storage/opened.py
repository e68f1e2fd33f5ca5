"""What opening a file gives: the declaration, and whether it was imported rather than opened as saved."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.declaration import Declaration


@dataclass
class OpenResult:
    declaration: Declaration
    notes: list[str] = field(default_factory=list)  # what an import had to guess or skip, in Chinese
    # An imported file is never saved over: the editor asks where to save (Save As), so a published
    # table, or a workbook whose extension cannot hold what the editor writes, stays as it was.
    imported: bool = False
