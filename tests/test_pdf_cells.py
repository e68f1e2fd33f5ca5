"""One PDF page's cells where a cell's text runs out of its box, and tables without ruling lines (issue 22, item 4).

The PDFs in tests/data/pdf/office-*.pdf are printed as Excel and WPS print (scripts/corpus/office_pdf.py, Qt's
QPdfWriter): every cell's whole text drawn under a clip path of the cell's box, rows one line high, so the text
runs over the rows above and below and the page shows only what fits. The facts are the demo declaration's
(resources/demo-tianhe-2023.json) first projects, which the tables were rendered from.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from src.storage.infra.files import open_declaration

DATA = Path(__file__).parent / "data" / "pdf"
DEMO = Path(__file__).parent.parent / "resources" / "demo-tianhe-2023.json"
FIELDS = ("level1", "level2", "name", "period_value", "annual_value")
CLIPPED = ["office-clipped.pdf", "office-clipped-centred.pdf", "office-clipped-no-borders.pdf"]


def _squeezed(text: str | None) -> str:
    return re.sub(r"\s", "", text or "")


@pytest.fixture(scope="module")
def demo():
    return open_declaration(DEMO).declaration


def _assert_every_fact(read, source_projects) -> None:
    assert [p.name for p in read.projects] == [p.name for p in source_projects]
    for got, want in zip(read.projects, source_projects):
        assert got.unit == want.unit, got.name
        assert _squeezed(got.goal) == _squeezed(want.goal), got.name
        assert (got.funds.total, got.funds.fiscal, got.funds.special_account, got.funds.other) == \
            (want.funds.total, want.funds.fiscal, want.funds.special_account, want.funds.other), got.name
        assert len(got.indicators) == len(want.indicators), got.name
        for number, (a, b) in enumerate(zip(got.indicators, want.indicators)):
            assert [_squeezed(getattr(a, f)) for f in FIELDS] == [_squeezed(getattr(b, f)) for f in FIELDS], \
                f"{got.name}, indicator {number}"


@pytest.mark.parametrize("name", CLIPPED)
def test_text_drawn_past_its_cell_is_read_into_the_cell_that_drew_it(name, demo):
    opened = open_declaration(DATA / name)
    _assert_every_fact(opened.declaration, demo.projects[:4])
    assert opened.declaration.department.name == demo.department.name
    assert opened.declaration.year == demo.year


@pytest.mark.parametrize("name", CLIPPED)
def test_cells_the_print_cut_are_noted_at_their_project(name, demo):
    opened = open_declaration(DATA / name)
    cut = [n for n in opened.notes if "被裁掉" in n]
    assert cut, opened.notes
    # each note is at a project, names it, and says which of its cells; none about the header or the 合计 row
    for note in cut:
        assert re.fullmatch(r"projects\[\d\]", note.location or ""), note
        project = opened.declaration.projects[int(note.location[9])]
        assert f"项目“{project.name}”" in note and any(label in note for label in ("项目名称", "预算单位", "绩效目标", "绩效指标"))
        assert note.row is not None and note.column is not None
    # every project has its indicator cell cut in these prints (one line shown of several)
    assert {n.location for n in cut if "绩效指标" in n} == {f"projects[{i}]" for i in range(4)}
    assert not any("文字互相重叠" in n for n in opened.notes)  # nothing left for the page-wide warning


def test_a_table_without_ruling_lines_over_pages_with_its_header_repeated(demo):
    opened = open_declaration(DATA / "office-no-borders-pages.pdf")
    _assert_every_fact(opened.declaration, demo.projects[:8])
    assert not any("被裁掉" in n for n in opened.notes)  # rows fitted to their text: nothing cut


def test_the_test_files_are_what_they_claim():
    """The PDFs hold clip paths and text outside them (else the tests above test nothing of it), and those
    said to have no borders draw no line."""
    import pdfplumber

    from src.storage.containers.pdf.clips import mark_clips

    for name in CLIPPED:
        with pdfplumber.open(DATA / name) as pdf:
            page = pdf.pages[0]
            mark_clips(page)
            clipped = [c for c in page.chars if c.get("clip") is not None]
            hidden = [c for c in clipped if not c["clip"][1] - 1 <= (c["top"] + c["bottom"]) / 2 <= c["clip"][3] + 1]
            assert len(clipped) == len(page.chars) and len(hidden) > 100, name
            assert bool(page.rects or page.lines) == ("no-borders" not in name), name


def test_a_page_read_before_the_clips_were_kept_is_read_again_with_them():
    """pdfplumber parses a page once; the reader may look at its characters before it asks for the clips."""
    import pdfplumber

    from src.storage.containers.pdf import clips

    with pdfplumber.open(DATA / "office-clipped.pdf") as pdf:
        page = pdf.pages[0]
        assert page.chars  # parsed now, perhaps without the clips
        clips.mark_clips(page)
        assert all(c.get("clip") is not None for c in page.chars)


def test_text_drawn_over_other_text_without_clips_is_noted_at_its_project():
    """LibreOffice draws no clip around a cell's text; a row too low lets it run over the next row's. The cells
    whose lines overlap others are noted at the project read from their row, naming it (not a page-wide
    warning alone)."""
    opened = open_declaration(DATA / "tianhe-2023-projects.convert-to.pdf")
    overlapped = [n for n in opened.notes if "文字压在别的文字上" in n]
    assert len(overlapped) >= 10, opened.notes
    for note in overlapped:
        index = int(re.fullmatch(r"projects\[(\d+)\]", note.location or "").group(1))
        assert f"项目“{opened.declaration.projects[index].name}”" in note
        assert note.row is not None and note.source
