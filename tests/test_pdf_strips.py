"""A wide table without ruling lines printed in strips of columns (src/storage/containers/pdf/shifts.py): the
pages are placed by the title LibreOffice draws across every strip's first page, joined band by band, and read
as one table with every fact of the workbook, in either page order; pages that share no text are not joined.

The PDFs are LibreOffice's prints of small workbooks made by tests/data/pdf/strips/make_strip_pdfs.py.
"""

from itertools import pairwise
from pathlib import Path

import pytest

from src.storage.containers.pdf.strips import shifts
from src.storage.containers.pdf.table import read_pages
from src.storage.readers.pdf_file import read_pdf_table
from tests.test_pdf_pages import assert_projects

STRIPS = Path(__file__).resolve().parent / "data" / "pdf" / "strips"


@pytest.mark.parametrize("name", ["borderless-down-then-over", "borderless-over-then-down", "borderless-no-print-titles"])
def test_borderless_strips_read_as_one_table(name):
    path = STRIPS / f"{name}.pdf"
    pages, _ = read_pages(path)
    assert len(pages) > 2 and not any(page.tables for page in pages)  # strips, and no ruling lines to go by
    opened = read_pdf_table(path)
    assert_projects(opened.declaration)
    assert any("按列分页打印" in note for note in opened.notes)


def test_page_order_and_offsets_come_from_the_shared_title():
    down, _ = read_pages(STRIPS / "borderless-down-then-over.pdf")
    over, _ = read_pages(STRIPS / "borderless-over-then-down.pdf")
    down_bands, down_offsets = shifts.plan(down)
    over_bands, over_offsets = shifts.plan(over)
    assert len(down_bands) == len(over_bands) >= 2 and len(down_offsets) == len(over_offsets) >= 2
    assert [page.number for page in down_bands[0]] == [1 + strip * len(down_bands) for strip in range(len(down_offsets))]
    assert [page.number for page in over_bands[0]] == list(range(1, len(over_offsets) + 1))
    assert down_offsets == pytest.approx(over_offsets, abs=1.0)  # the strips' widths, whatever the order
    assert all(b > a for a, b in pairwise(down_offsets))


def test_pages_of_one_strip_are_not_joined_by_chance():
    """Two pages of the first strip (the same columns, other rows) share text at no shift across a border."""
    pages, _ = read_pages(STRIPS / "borderless-down-then-over.pdf")
    bands, _ = shifts.plan(pages)
    assert shifts.shift_between(bands[0][0], bands[1][0]) is None


@pytest.mark.parametrize("name", ["borderless-down-then-over", "borderless-over-then-down"])
def test_a_missing_page_leaves_the_strips_unjoined(name):
    """LibreOffice leaves out a page with nothing printed on it: the pages then do not divide into bands that check
    out (strips' pages would lie left of the strip before, or two pages of one band show the same columns), and the
    file is refused rather than joined wrong."""
    pages, _ = read_pages(STRIPS / f"{name}.pdf")
    for missing in (4, len(pages) - 1):
        with pytest.raises(shifts.NotJoined):
            shifts.plan([page for index, page in enumerate(pages) if index != missing])
