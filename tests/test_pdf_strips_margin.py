"""Text past a strip's border must be on the band's next page (strips/shifts._past_edge_shared): where that page
has nothing printed on it, the border lies at the margin of the paper both pages share (seed 30's p033, not fitted,
four strips: the last band's page of the last strip printed empty; at a margin of 0 the amounts of the page
before, at their own columns, were taken for text run past its edge and the file was refused)."""

from __future__ import annotations

from types import SimpleNamespace

from src.storage.containers.pdf.strips import shifts


def _page(*xs: float):
    chars = [{"text": "字", "x0": x, "x1": x + 10, "top": 72.0, "bottom": 82.0} for x in xs]
    return SimpleNamespace(content=SimpleNamespace(chars=chars, width=595.0), lines=[])


def test_an_empty_next_page_has_the_margin_of_the_page_before():
    amounts_in_their_column = _page(55, 65, 450, 460)  # 42.00 at x 450, short of the border at 448 + 55
    assert shifts._past_edge_shared(amounts_in_their_column, _page(), 448.0)


def test_text_past_the_border_is_still_wanted_on_an_empty_next_page():
    run_past = _page(55, 65, 590, 600)  # a cell's text running on past the page's edge
    assert not shifts._past_edge_shared(run_past, _page(), 448.0)
