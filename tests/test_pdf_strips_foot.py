"""A table LibreOffice printed past the paper's foot (tests/data/pdf/strips/make_past_foot.py): rows above the header
so tall that the header ends below A4's landscape height; LibreOffice lays the first pages out as tall as A4 upright,
and the first projects' rows lie below the paper, in the file and on no other page."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from src.storage.infra.files import open_declaration

DATA = Path(__file__).resolve().parent / "data" / "pdf" / "strips"


def test_rows_past_the_papers_foot_are_read_and_said():
    """Their text was dropped as off the page: a project lost whole and another's indicators and goal cut, unsaid
    (seed 25's p034, not fitted: 17 facts)."""
    reading = open_declaration(DATA / "past-foot.pdf")
    projects = reading.declaration.projects
    assert [(p.name, p.unit, p.funds.total) for p in projects] == [
        ("公职律师工作经费", "区公职律师事务所", Decimal("5004.36")), ("安置帮教经费", "区司法局本级", Decimal("5125.89"))]
    assert [len(p.indicators) for p in projects] == [4, 2]
    assert projects[1].goal == "严格落实刑满释放人员衔接和帮教工作，最大限度预防和减少刑满释放人员重新犯罪。"
    assert any("超出了纸张下边" in str(note) for note in reading.notes), reading.notes
