"""Text PDFs → sections of grids → the published-table and form recognisers (pdf_forms)."""

from __future__ import annotations

from pathlib import Path

from ..containers.pdf.table import read_pdf_sections
from ..infra.opened import OpenResult
from ..infra.progress import Progress


def read_pdf_table(path: Path, progress: Progress | None = None) -> OpenResult:
    """The format registry's reader for .pdf."""
    tables = read_pdf_sections(path, progress)
    from ..recognisers.pdf_forms import declaration_from_sections  # the form readers need the model: loaded with them

    opened = declaration_from_sections(path, tables.sections, tables.by_this_editor)
    opened.notes.extend(tables.notes)
    return opened
