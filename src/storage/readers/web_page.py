"""Saved web pages (.html/.htm/.mht/.mhtml) → their tables' grids → the published-table recognisers."""

from __future__ import annotations

from pathlib import Path

from ..containers.html_table import page_grids
from ..infra.opened import OpenResult, Reader
from ..infra.progress import Progress
from ..recognisers.grid_import import import_published


def read_html(path: Path, progress: Progress | None = None) -> OpenResult:
    return import_published(path, page_grids(path, progress))


READER = Reader(page_grids, import_published)
