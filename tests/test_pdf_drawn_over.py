"""Calc's prints of rows one line high whose cells hold two lines (tests/data/pdf, copies of the corpora of seeds 36
and 38 as Calc printed them, not fitted; read while mending this, so tuning files). Each cell's second line is drawn
over the next row's first, at the same place: by position alone it could be either row's first line, and both
texts were put in one cell (`21、、产产出出指指标标…`, said only as overlapping). The next row's own text beginning
there too, drawn later, tells that the earlier line goes on the cell above."""

from __future__ import annotations

from pathlib import Path

import pytest

from src.storage.infra.files import open_declaration

DATA = Path(__file__).resolve().parent / "data" / "pdf"


@pytest.mark.parametrize("name, indicators", [
    ("one-line-rows-items-drawn-over-the-next.pdf",  # as the corpus's manifest has them, those printed
     [["慰问人次", "慰问完成率"], ["信息化运维工作完成率", "设备运维频率"], ["在审查起诉阶段为犯罪嫌疑人以及在审判阶段为被告人提供法律帮助"]]),
    ("one-line-rows-text-drawn-over-the-next.pdf", [["全区村（社区）法律顾问全年接访咨询数"], ["制度牌上墙率", "人民"]]),  # the print cuts 人民…
])
def test_a_cells_line_drawn_over_the_next_rows_first_line_stays_its_own(name, indicators):
    opened = open_declaration(DATA / name)
    projects = opened.declaration.projects
    assert [[indicator.name for indicator in project.indicators] for project in projects] == indicators
    doubtful = [note for note in opened.notes if "文字压在别的文字上" in note]
    assert all(any(project.name in note for note in doubtful) for project in projects[:2])
