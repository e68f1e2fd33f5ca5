"""The clipboard's side of the editor: a copied table pasted into the tree as new projects, copied rows pasted
into an indicator table, an indicator table's rows copied so that Excel/WPS paste them as cells.

What the clipboard's text means is storage/clipboard/pasted_rows.py (pure, tested without Qt); this reads and writes
the real QClipboard and makes each paste one undo step through structure_edits.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from . import structure_edits
from .document import Document

# storage.clipboard.pasted_rows is imported by each function: it brings the web-page and text readers (lxml), ~30 ms
# of every start for a paste that most sessions never make.

_copied_html: str | None = None  # what copy_rows last put on the clipboard: pasted back without the reader worker


def contents() -> tuple[str | None, str | None]:
    """(text/html, text/plain) on the clipboard, each None when absent."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return None, None
    return (mime.html() if mime.hasHtml() else None), (mime.text() if mime.hasText() else None)


def paste_projects(document: Document) -> tuple[list[str], list[str]]:
    """The copied table's projects after the open ones, as one undo step: (their locations, the 导入说明).
    FileProblem, with nothing changed, when the clipboard holds no project table."""
    from ...storage.clipboard.pasted_rows import table_from_clipboard

    opened = table_from_clipboard(*contents(), first_project=len(document.declaration.projects))
    projects = opened.declaration.projects
    return structure_edits.add_projects(document, projects, f"粘贴 {len(projects)} 个项目"), opened.notes


def paste_indicators(document: Document, list_location: str, index: int) -> tuple[list[str], list[str]]:
    """The copied rows as indicators at index of list_location, as one undo step: (their locations, the notes).
    FileProblem, with nothing changed, when the clipboard holds no indicator rows."""
    from ...storage.clipboard.pasted_rows import indicators_from_clipboard

    html, text = contents()
    pasted = indicators_from_clipboard(html, text, own_html=html is not None and html == _copied_html)
    text = f"粘贴 {len(pasted.indicators)} 个指标"
    return structure_edits.insert_indicators(document, list_location, index, pasted.indicators, text), pasted.notes


def copy_rows(rows: list[list[str]]) -> None:
    """Cells onto the clipboard as tab-separated text and as an HTML table, as spreadsheets copy them."""
    from ...storage.clipboard.pasted_rows import rows_as_html, rows_as_tsv

    global _copied_html
    mime = QMimeData()
    mime.setText(rows_as_tsv(rows))
    mime.setHtml(rows_as_html(rows))
    QGuiApplication.clipboard().setMimeData(mime)
    _copied_html = mime.html()
