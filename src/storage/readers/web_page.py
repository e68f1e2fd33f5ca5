"""Saved web pages (.html/.htm/.mht/.mhtml) → their tables' grids → the published-table recognisers."""

from __future__ import annotations

from pathlib import Path

from ..containers.html_table import page_grids
from ..containers.sheet_grid import Grid
from ..infra.opened import OpenResult, Reader
from ..infra.progress import Progress


def page_declaration(path: Path, grids: list[Grid]) -> OpenResult:
    from ..recognisers.grid_import import import_published  # not at the top: a worker started afresh reads without it

    return import_published(path, grids)


def read_html(path: Path, progress: Progress | None = None) -> OpenResult:
    return page_declaration(path, page_grids(path, progress))


READER = Reader(page_grids, page_declaration)
