"""PDF pages without ruling lines as LibreOffice prints them, and text drawn where it is not printed (issue 22).

tests/data/pdf/layout-unit-rows.pdf is made by tests/data/pdf/make_layout_pdfs.py (openpyxl, then LibreOffice):
no borders, no row heights, 项目名称 in the last column with a unit's row (its name alone) under a project, and a
实施周期 that wraps onto the next row's. The other tests give page.py and layout.py characters as pdfplumber
gives them (with clips.py's "clip"), for the rules that have no small real file yet.
"""

from __future__ import annotations

from pathlib import Path

from src.storage.containers.pdf.layout import layout
from src.storage.containers.pdf.page import printed_or_cells
from src.storage.containers.pdf.table import read_pdf_sections
from src.storage.containers.pdf.text import dedupe, group_lines
from src.storage.containers.sheet_grid import ClippedText
from src.storage.infra.files import open_declaration
from tests.data.pdf.make_layout_pdfs import ROWS  # the facts the PDF was printed from

DATA = Path(__file__).parent / "data" / "pdf"

UNIT_ROWS = DATA / "layout-unit-rows.pdf"


def _rows() -> list[list[str]]:
    section = read_pdf_sections(UNIT_ROWS).sections[0]
    return [[str(cell) for cell in row] for row in section.rows]


def test_a_units_row_under_a_project_is_a_row_of_its_own():
    # LibreOffice draws the unit's name right after the project's name, one line below in the same column: a row
    # lower (by the cells' padding) than a cell's wrapped lines are apart, so not the name's second line.
    rows = _rows()
    names = [row[-1] for row in rows]
    for unit in ("区法律援助处", "区司法局本级"):
        assert unit in names
    assert "合计" in names
    assert not any("合计" in name and name != "合计" for name in names)
    assert not any(name.startswith("人民调解工作经费") and name != "人民调解工作经费" for name in names)


def test_crossing_text_is_not_taken_for_a_doubled_glyph():
    # 2022年1月-2023年12月 wraps onto the next row, its 2023 exactly over that row's 2023-2025: two cells' text,
    # not synthetic bold (which draws a glyph again at once).
    rows = _rows()
    assert any("2022年1月-2023年12月" in cell for row in rows for cell in row)


def test_the_import_reads_every_unit_and_period():
    read = open_declaration(UNIT_ROWS).declaration
    projects = [row for row in ROWS if row[0] != ""]
    assert [p.name for p in read.projects] == [row[5] for row in projects]
    assert [p.unit for p in read.projects] == [row[2] for row in projects]
    assert [p.period for p in read.projects] == [row[3] for row in projects]


# ---- characters as pdfplumber gives them ------------------------------------------------------

def _char(text: str, x0: float, top: float, seq: int, size: float = 10.0, clip=None) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + size, "top": top, "bottom": top + size, "size": size,
            "fontname": "F", "seq": seq, "clip": clip, "matrix": (1, 0, 0, 1, x0, top), "upright": True}


def _run(text: str, x0: float, top: float, seq: int, size: float = 10.0, clip=None) -> list[dict]:
    return [_char(ch, x0 + i * size, top, seq + i, size, clip) for i, ch in enumerate(text)]


def test_synthetic_bold_is_collapsed_but_not_text_drawn_long_after():
    bold = _run("合计", 0, 0, 0) + _run("合计", 0.3, 0, 2)  # a run drawn again at once, a little apart
    crossing = _run("2023", 100, 50, 4) + _run("年度", 100, 80, 8) + _run("2023", 100.4, 50.5, 10)
    kept = dedupe(bold + crossing)
    assert "".join(c["text"] for c in kept if c["top"] < 10) == "合计"
    assert sum(1 for c in kept if c["top"] >= 50 and c["top"] < 60) == 8


def test_text_drawn_off_the_page_under_the_print_ranges_clip_is_dropped():
    # A merged cell over a page break drawn again on the next page, centred on the whole range, far above the
    # print range it is clipped to (p035: 天河区公证处 at y = -98.7 under a clip from 156 to 758).
    page_clip = (54.0, 156.0, 380.0, 758.0)
    shown = _run("序号", 60, 170, 0) + _run("预算单位", 120, 170, 2)  # text that fits is drawn unclipped
    off = _run("天河区公证处", 269, -98.7, 6, clip=page_clip)
    kept = printed_or_cells(shown + off)
    assert "".join(c["text"] for c in kept) == "序号预算单位"


def test_text_run_out_of_its_own_cells_clip_is_kept():
    # A row too low for its text (Excel, WPS, LibreOffice's clipped rows): the cell's lines below its box are
    # hidden but its first line shows; the clip says whose the text is, and the import takes all of it.
    cell = (50.0, 100.0, 200.0, 112.0)
    text = _run("第一行文字", 52, 101, 0, clip=cell) + _run("第二行文字", 52, 113, 5, clip=cell)
    assert len(printed_or_cells(text)) == 10


def test_text_beside_the_print_range_is_kept_for_the_strips():
    # A cell further left drawn past the left edge of a strip's page: strips.py refuses by it when the rows
    # of the strips do not match.
    page_clip = (54.0, 72.0, 380.0, 500.0)
    shown = _run("序号", 60, 100, 0) + _run("预算单位", 120, 100, 2)
    left = _run("广州市天河区司法局", -120, 200, 6, clip=page_clip)
    assert len(printed_or_cells(shown + left)) == len(shown) + len(left)


def test_two_cells_drawn_side_by_side_a_padding_apart_are_two_cells():
    # Rows one line high, no borders: a name that fills its column and the unit beside it are drawn one after
    # the other 1.5 pt apart (p026); an amount right-aligned against the next cell's label (d021).
    chars = (_run("序号名称", 0, 0, 0) + _run("预算单位", 60, 0, 4)   # the header: two columns
             + _run("社区矫正中心物业管理服务", 0, 14, 8, size=4) + _run("法律援助处", 49.5, 14, 20, size=4))
    _, table = layout(group_lines(chars))
    assert table is not None
    assert any("社区矫正中心物业管理服务" in row and "法律援助处" in row for row in table.rows)


def test_text_drawn_over_a_line_of_the_row_above_begins_a_row_and_is_noted():
    # p029: a project's name wraps in a row one line high, its second line over the unit's row below; the unit's
    # row is a row of its own, and both cells are in doubt (drawn over each other).
    chars = (_run("序号", 0, 0, 0) + _run("项目名称", 40, 0, 2)                 # header
             + _run("1", 0, 14, 6) + _run("专职人民调解服务项目经费", 40, 14, 7, size=4)
             + _run("（区级）", 40, 19, 19, size=4)                            # the name's second line
             + _run("番禺区司法局", 40, 20, 23, size=4))                        # the unit's row, 6 pt lower
    _, table = layout(group_lines(chars))
    cells = [cell for row in table.rows for cell in row if cell]
    unit = next(cell for cell in cells if cell == "番禺区司法局")
    assert isinstance(unit, ClippedText) and unit.overlapped


def test_cells_under_one_clip_far_apart_on_a_line_are_cells_of_their_own():
    """LibreOffice clips the text of cells merged down over a page break to the page's part of the whole row:
    seed 40's p018 (not fitted, no borders; tests/data/pdf/strips/header-cells-merged-over-the-band-break.pdf, read
    after the check that found it refused as holding no table) drew 序号 … 实施周期, five header cells of two rows,
    under one clip, read as one cell: no header, no table. A cell's own text under its clip is set solid."""
    from src.storage.containers.pdf.layout import blocks

    clip = (54.0, 474.0, 551.0, 505.0)
    chars = [{"text": ch, "x0": x, "x1": x + 11, "top": 498.0, "bottom": 509.0, "clip": clip, "seq": seq}
             for seq, (ch, x) in enumerate([("序", 60.5), ("号", 71.5), ("主", 116.0), ("管", 127.0)])]
    assert ["".join(c["text"] for c in block.chars) for block in blocks(chars)] == ["序号", "主管"]
    chars[2]["x0"], chars[2]["x1"], chars[3]["x0"], chars[3]["x1"] = 82.5, 93.5, 93.5, 104.5  # set solid: one cell
    assert ["".join(c["text"] for c in block.chars) for block in blocks(chars)] == ["序号主管"]


def test_a_table_whose_header_cells_are_merged_over_a_band_break_opens():
    opened = open_declaration(DATA / "strips" / "header-cells-merged-over-the-band-break.pdf")
    projects = opened.declaration.projects
    assert len(projects) == 5 and all(project.indicators for project in projects)  # as the corpus's manifest has them
