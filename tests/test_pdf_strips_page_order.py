"""Strips of a ruled table joined by their row borders (strips/join.py) only as a page order puts the pages.

The row borders are those of a 2019 部门整体绩效目标表 printed in two strips of four pages each, down then over, as
cairo remade it (seed 31's f010 printed to file: the text crossing the strip border, which told the bands apart,
is gone): the right strip's first page begins lower (the title is the left strip's), so its rows match the left
strip's second and third pages better than its own first page's. Matched by rows alone, page 5 joined page 2's
band and the tasks were read against the 3-year goals' rows, unsaid."""

from __future__ import annotations

from pathlib import Path

import pytest

from src.storage.containers.pdf.page import PageContent, Table
from src.storage.containers.pdf.strips import stitch
from src.storage.containers.pdf.table import ReadPage
from src.storage.infra.errors import FileProblem

LEFT, RIGHT = [174, 258, 313, 523, 733], [54, 250, 432, 600]  # each strip's column borders
BOUNDS = {  # the row borders each page draws
    1: [132, 147, 162, 282, 297, 461, 476, 521],
    2: [72, 117, 132, 192, 297, 356, 446, 461, 521],
    3: [72, 147, 162, 192, 222, 237, 297, 446, 521],
    4: [72, 162, 177],
    5: [162 + 15 * k for k in range(24)] + [521],
    6: [72 + 15 * k for k in range(30)] + [521],
    7: [72 + 15 * k for k in range(30)] + [521],
    8: [72 + 15 * k for k in range(7)],
}


def _page(number: int, columns: list[float], bounds: list[float]) -> ReadPage:
    rows = [[f"p{number}r{row}c{column}" for column in range(len(columns) - 1)] for row in range(len(bounds) - 1)]
    table = Table(bounds[0], bounds[-1], list(columns), rows)
    content = PageContent(842.0, 595.0, [], [table], [])
    return ReadPage(number, content, 0, row_bounds={id(table): list(bounds)})


def _pages(order: list[int]) -> list[ReadPage]:
    return [_page(index + 1, LEFT if number <= 4 else RIGHT, BOUNDS[number]) for index, number in enumerate(order)]


def _joined_pages(pages: list[ReadPage]) -> list[set[int]]:
    joined, _ = stitch(pages, Path("f010.pdf"))
    return [{int(cell[1:cell.index("r")]) for row in page.tables[0].rows for cell in row if cell} for page in joined]


def test_bands_follow_the_page_order_down_then_over():
    assert _joined_pages(_pages([1, 2, 3, 4, 5, 6, 7, 8])) == [{1, 5}, {2, 6}, {3, 7}, {4, 8}]


def test_bands_follow_the_page_order_over_then_down():
    joined = _joined_pages(_pages([1, 5, 2, 6, 3, 7, 4, 8]))  # numbered in the file's order
    assert joined == [{1, 2}, {3, 4}, {5, 6}, {7, 8}]


def test_pages_in_no_page_order_are_refused():
    with pytest.raises(FileProblem, match="页序"):
        _joined_pages(_pages([1, 2, 5, 3, 6, 4, 7, 8]))
