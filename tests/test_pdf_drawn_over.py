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


def test_a_goal_drawn_over_the_header_below_it_stays_the_goals_and_the_header_is_found():
    """d010 of seed 39's corpus as Calc printed it (tuning): the last task's 期望达到的目标, merged over two columns in a
    row one line high, goes on over the indicator table's header (查（次数）≥1次；组织培训（场次）≥1场次。 over 实施周期指标值 |
    年度指标值). LibreOffice draws cells of one line before wrapped ones, so the header's text comes first; its line,
    in two columns, is the goal's going on all the same. Before, the header read 查（次数实）施≥周1次期…, no indicator
    table was found and its six indicators were lost (the self-check said the block read empty)."""
    opened = open_declaration(DATA / "strips" / "goal-drawn-over-indicator-header.pdf")
    department = opened.declaration.department
    assert [i.name for i in department.indicators] == [  # as the corpus's manifest has them
        "人员配备情况", "个案服务(个)", "司法社工配置到位率", "代理区政府行政复议案件", "信息管理系统工作日志和台账填写情况（比率）",
        "村（居）委、群众等服务对象满意度"]
    assert department.tasks[1].expected.endswith("开展执法案件评查（次数）≥1次；组织培训（场次）≥1场次。")
