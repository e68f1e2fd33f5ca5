"""Text PDFs → sections of grids → the published-table and form recognisers (pdf_forms)."""

from __future__ import annotations

from pathlib import Path

from ..containers.pdf.table import PdfTables, read_pdf_sections
from ..infra.opened import OpenResult, Reader
from ..infra.progress import Progress


def pdf_declaration(path: Path, tables: PdfTables) -> OpenResult:
    from ..recognisers.pdf_forms import declaration_from_sections  # the form readers need the model: loaded with them

    opened = declaration_from_sections(path, tables.sections, tables.by_this_editor)
    opened.notes.extend(tables.notes)
    return opened


def read_pdf_table(path: Path, progress: Progress | None = None) -> OpenResult:
    return pdf_declaration(path, read_pdf_sections(path, progress))


READER = Reader(read_pdf_sections, pdf_declaration)
