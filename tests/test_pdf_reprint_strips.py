"""A 2019 部门整体绩效目标表 printed in strips (not fitted to the page width) and remade by cairo, as a Linux
desktop's print to file does (tests/data/reprint-pdf/make_reprints.py: tests/data/corpus/f010.pdf drawn again by
`pdftocairo -pdf`): read as its original.

The row 其中：部门年度整体预算完成率：100% is merged across the strips, so on its page it has no side borders and
lies between two ruled tables, a row of its own. Calc draws its text under a clip of its own; cairo draws it with
no clip, right after the cells above, so it was taken for the last cell above running on past its border
(page._spilled) and the indicator was lost, unsaid."""

from __future__ import annotations

from pathlib import Path

from src.storage.infra.files import open_declaration

DATA = Path(__file__).resolve().parent / "data"


def _department(path: Path):
    return open_declaration(path).declaration.department


def test_a_row_between_two_tables_of_a_strip_is_its_own_after_cairo():
    original = _department(DATA / "corpus" / "f010.pdf")
    remade = _department(DATA / "reprint-pdf" / "corpus-f010.cairo.pdf")
    assert ("部门年度整体预算完成率", "100%") in [(i.name, i.annual_value) for i in original.indicators]
    assert [(i.name, i.annual_value) for i in remade.indicators] == [(i.name, i.annual_value) for i in original.indicators]
    assert [task.name for task in remade.tasks] == [task.name for task in original.tasks]
