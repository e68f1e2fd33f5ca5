"""Workbooks the editor reads but does not write (.xls/.et, .ods, .xlsb) → grids → a declaration.

The editor's own workbook saved again in one of them (a clerk opened it in Excel or WPS and chose 另存为
.xls) is read as losslessly as from .xlsx; any other is imported as a published table. What opens is always
imported: the editor cannot write these formats, so it never saves over them.
"""

from __future__ import annotations

from pathlib import Path

from ...model.bulk import collector_paused
from ..containers.spreadsheet_book import CONTAINERS, Book, container_by_extension, read_book
from ..infra.errors import FileProblem
from ..infra.opened import OpenResult, Reader
from ..infra.progress import Progress


def spreadsheet_book(path: Path, progress: Progress | None = None, kind: str | None = None) -> Book:
    """The worksheets' grids, merged ranges not yet filled. kind: the registry's key for what it recognised the
    file as (xls, ods, xlsb); without it (a caller that names this reader itself) the extension says which."""
    kind = kind or container_by_extension(path)
    if kind not in CONTAINERS:
        raise FileProblem(path, "不是 Excel 97-2003 工作簿（.xls）、WPS 表格（.et）、OpenDocument 表格（.ods）"
                                "或 Excel 二进制工作簿（.xlsb），文件可能已损坏、不完整，或其实是其他格式")
    with collector_paused():
        return read_book(path, kind, progress)


def book_declaration(path: Path, book: Book) -> OpenResult:
    # The recognisers (and the model) here, not at the top: a worker started afresh (Windows) reads the book
    # without them.
    from ..editor_files.workbook_reader import read_own_grids
    from ..recognisers.grid_import import import_published

    own = read_own_grids(path, book.grids)  # told by its unfilled grids, as the .xlsx reader tells it
    if own is not None:
        return OpenResult(own, [f"这是本程序的工作簿另存成的“{book.label}”，已完整读入；本程序不写这种格式，"
                                "保存时请另存为 .xlsx 或 .json"], imported=True)
    book.fill_merges(path)
    return import_published(path, book.grids)  # always imported=True


def read_spreadsheet(path: Path, progress: Progress | None = None, kind: str | None = None) -> OpenResult:
    return book_declaration(path, spreadsheet_book(path, progress, kind))


READER = Reader(spreadsheet_book, book_declaration)
