"""Workbooks the editor reads but does not write (.xls/.et, .ods, .xlsb) → grids → a declaration.

The editor's own workbook saved again in one of them (a clerk opened it in Excel or WPS and chose 另存为
.xls) is read as losslessly as from .xlsx; any other is imported as a published table. What opens is always
imported: the editor cannot write these formats, so it never saves over them.
"""

from __future__ import annotations

from pathlib import Path

from ...model.bulk import collector_paused
from ..containers.spreadsheet_book import read_book
from ..editor_files.workbook import read_own_grids
from ..infra.opened import OpenResult
from ..infra.progress import Progress
from ..recognisers.grid_import import import_published


def read_spreadsheet(path: Path, progress: Progress | None = None) -> OpenResult:
    with collector_paused():
        book = read_book(path, progress)
    own = read_own_grids(path, book.grids)
    if own is not None:
        return OpenResult(own, [f"这是本程序的工作簿另存成的“{book.label}”，已完整读入；本程序不写这种格式，"
                                "保存时请另存为 .xlsx 或 .json"], imported=True)
    book.fill_merges(path)
    return import_published(path, book.grids)  # always imported=True
