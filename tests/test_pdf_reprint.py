"""PDFs remade by a virtual PDF printer (tests/data/reprint-pdf/make_reprints.py, the commands of
scripts/corpus/reprints.py): read as their originals, or refused saying why, never read wrong in silence."""

from __future__ import annotations

from pathlib import Path

import pytest

from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration

DATA = Path(__file__).resolve().parent / "data" / "reprint-pdf"
ORIGINAL = [  # what ruled.pdf holds: name, unit, total, goal, the indicator's five cells
    ("法律援助业务经费", "区法律援助处", "148.50", "保障法律援助案件办理，维护困难群众合法权益。",
     ("产出指标", "数量指标", "办理案件数", "≥300件", "≥100件")),
    ("人民调解工作经费", "区司法局本级", "96.20", "化解矛盾纠纷，维护社会和谐稳定。",
     ("产出指标", "质量指标", "调解成功率", "≥90%", "≥90%")),
    ("普法宣传经费", "区司法局本级", "36.00", "开展普法宣传活动，提升群众法治意识。",
     ("产出指标", "数量指标", "宣传活动场次", "≥30场", "≥10场")),
]


def _facts(name: str):
    reading = open_declaration(DATA / name)
    declaration = reading.declaration
    projects = [(p.name, p.unit, str(p.funds.total), p.goal,
                 *[(i.level1, i.level2, i.name, i.period_value, i.annual_value) for i in p.indicators])
                for p in declaration.projects]
    return declaration.year, declaration.department.name, projects, [str(note) for note in reading.notes]


@pytest.mark.parametrize("name", ["ruled.pdf", "ruled.cairo.pdf"])
def test_a_table_drawn_again_by_cairo_reads_as_its_original(name):
    """cairo draws the bold header and title (glyphs stroked as well) as text and then each glyph's outline as a
    path: its straight pieces are rectangles inside the characters, which were taken for cell borders (the title
    and header cut into cells: no year, no department, before)."""
    year, department, projects, notes = _facts(name)
    assert (year, department) == (2024, "测试区司法局")
    assert projects == [tuple(project) for project in ORIGINAL]
    assert len(notes) == 1, notes  # only the summary of what was read


def test_a_print_whose_fonts_keep_no_characters_is_refused_saying_so():
    """pdftops + Ghostscript, as the Windows virtual printers do: every glyph without a character (pdfminer's
    `(cid:N)`). Refused as text without characters (a crash, said as a damaged file, before)."""
    with pytest.raises(FileProblem) as refused:
        open_declaration(DATA / "ruled.gs.pdf")
    assert "没有字符编码" in str(refused.value) and "OCR" in str(refused.value)


def test_a_borderless_table_whose_cut_text_was_left_out_is_refused():
    """cairo leaves out the text a row too low for it hid, and clips the cut line to the part that shows: without
    ruling lines nothing tells the cells apart any more (the goals read short and rows joined before)."""
    with pytest.raises(FileProblem) as refused:
        open_declaration(DATA / "clipped.cairo.pdf")
    assert "没有框线" in str(refused.value) and "被裁掉" in str(refused.value)
