"""Word documents (.docx) → their tables' grids → the published-table recognisers."""

from __future__ import annotations

from pathlib import Path

from ..containers.sheet_grid import Grid
from ..containers.word_tables import word_grids
from ..infra.opened import OpenResult, Reader


def word_declaration(path: Path, grids: list[Grid]) -> OpenResult:
    from ..recognisers.grid_import import import_published  # not at the top: a worker started afresh reads without it

    return import_published(path, grids)


READER = Reader(word_grids, word_declaration)
