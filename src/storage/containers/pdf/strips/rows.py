"""The tolerances the strips' pages are matched by, and the row of a page that holds a band's row."""

from __future__ import annotations

from itertools import pairwise

SAME = 1.5  # pt: row borders of two pages of one band lie this close
TWIN = 1.0  # pt: a character drawn on two pages lies this close once shifted


def row_holding(bounds: list[float], top: float, bottom: float) -> int | None:
    """The index of the row between a page's borders (bounds) that holds the span top–bottom, if one does."""
    return next((r for r, (a, b) in enumerate(pairwise(bounds)) if a <= top + SAME and b >= bottom - SAME), None)
