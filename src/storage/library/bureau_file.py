"""A 指标库 file of any container the editor opens → the rows of its 指标库 table (bureau_table).

The file is recognised as a declaration is (infra/formats: content first, extension second) and read into grids
by the same containers, in the reader worker process under its memory and time limits (readers/worker.py): a
bureau's workbook is as untrusted as any file from outside. Merged cells are filled as for a declaration, so a
一级 merged down its run reaches every row.
"""

from __future__ import annotations

from pathlib import Path

from ..containers.sheet_grid import Grid
from ..infra import formats
from ..infra.errors import FileProblem, os_problem
from ..infra.limits import MAX_PDF_TABLE_SECONDS
from ..infra.preflight import open_regular
from ..infra.progress import Progress, tell
from ..readers import worker
from .bureau_table import BureauLibrary, find_header, library_from_grids

NOUN = "指标库"  # what the refusals call the file: 里面没有指标库内容, 请选择文件夹里的指标库文件
_OWN_FILE = "这是本程序的申报文件（JSON），不是指标库。申报文件请用“文件 → 打开”打开"


def recognise_library(path: str | Path) -> formats.FileFormat:
    """The format of the 指标库 file at path, recognised once (hand it to read_bureau_library): FileProblem in
    Chinese for what is no regular file, too large, empty, of no known kind, or the editor's own JSON."""
    path = Path(path)
    found = formats.recognise(path, NOUN)
    if not found.isolated:
        raise FileProblem(path, _OWN_FILE)
    return found


def read_bureau_library(path: str | Path, progress: Progress | None = None,
                        found: formats.FileFormat | None = None) -> BureauLibrary:
    """The 指标库 rows of the file at path; every failure one FileProblem in Chinese, Cancelled when progress
    says stop. progress is told what the format counts (FileFormat.counts: 张工作表, 页, 行). found: what
    recognise_library gave, when the caller needed it first (for the progress dialog's unit)."""
    path = Path(path)
    found = found or recognise_library(path)
    return worker.run(read_library_as, (found.key,), path, progress,
                      seconds_per_report=MAX_PDF_TABLE_SECONDS if found.key == "pdf" else None)


def read_library_as(key: str, path: Path, progress: Progress | None = None) -> BureauLibrary:
    """In the worker: the file's grids as the container the registry named key gives them, then its table."""
    return library_from_grids(path, grids_of(key, path, progress))


def grids_of(key: str, path: Path, progress: Progress | None = None) -> list[Grid]:
    if key == "xlsx":
        from ..containers.sheet_grid import check_zip, read_grids_merged

        check_zip(path)
        tell(progress, path, 0, 1)
        return read_grids_merged(path, checked=True)
    if key in ("xls", "ods", "xlsb"):
        from ..containers.spreadsheet_book import read_book

        book = read_book(path, key, progress)
        book.fill_merges(path)
        return book.grids
    if key == "html":
        from ..containers.html_table import page_grids

        return page_grids(path, progress)
    if key == "pdf":
        from ..containers.pdf.table import read_pdf_sections

        return [section.grid() for section in read_pdf_sections(path, progress).sections]
    if key == "text":
        return _text_grids(path)
    raise FileProblem(path, f"不支持从{formats.by_key(key).label}导入指标库")


def _text_grids(path: Path) -> list[Grid]:
    """Tab-separated (a table copied out of Excel or WPS and saved), else comma-separated: the first reading with
    a 指标库 header."""
    from ..containers.text_table import decode_text, delimited_grid

    try:
        with open_regular(path, NOUN) as stream:
            data = stream.read()
    except OSError as error:
        raise os_problem(path, error) from error
    text = decode_text(data, path)[0].lstrip("\ufeff")
    readings = [delimited_grid(path.name, text, delimiter) for delimiter in ("\t", ",") if delimiter in text]
    return [next((grid for grid in readings if find_header(grid) is not None), readings[0] if readings else
                 Grid(path.name, []))]
