"""Web pages printed to PDF by a browser (Chromium; tests/data/browser-print/make_browser_prints.py): the browser's
margin texts are not table content, and a row whose one long cell runs on alone at the next page's top keeps it."""

from __future__ import annotations

from pathlib import Path

from src.storage.infra.files import open_declaration

DATA = Path(__file__).resolve().parent / "data" / "browser-print"
NAMES = ["法律援助服务项目经费", "普法宣传业务经费"]


def _read(name: str):
    reading = open_declaration(DATA / name)
    return reading.declaration, [str(note) for note in reading.notes]


def test_margin_texts_of_a_one_page_print_are_not_a_project():
    """The date and the page's address stand once on a file of one page: nothing repeats them, their shape says."""
    declaration, notes = _read("one-page.pdf")
    assert [p.name for p in declaration.projects] == [*NAMES, "人民调解专项经费"]
    assert [len(p.indicators) for p in declaration.projects] == [3, 2, 4]
    assert not any("file:" in note or "ﬁle:" in note for note in notes), notes


def test_a_cell_running_on_alone_over_the_page_break_stays_with_its_row():
    declaration, notes = _read("row-over-break.pdf")
    assert [p.name for p in declaration.projects] == [*NAMES, "社区矫正专项经费"]
    last = declaration.projects[-1]
    assert len(last.indicators) == 40
    assert last.indicators[-1].name.startswith("群众满意度") and last.indicators[-1].annual_value == "不少于49次"
    assert any("跨页断开" in note for note in notes), notes  # the join is said
