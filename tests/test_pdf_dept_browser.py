"""Department forms printed to PDF by a browser (Chromium; tests/data/browser-print/dept/make_department_prints.py): no ruling
lines, so the columns come from where the texts lie, and a tall row breaks at the page's foot."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from src.storage.infra.files import open_declaration

DATA = Path(__file__).resolve().parent / "data" / "browser-print" / "dept"
GOAL = "在全市实现一村（社区）一法律顾问线上线下全覆盖，群众不出村（社区）即可享受到法律服务。" * 6 + "新格局。"


def _read(name: str):
    reading = open_declaration(DATA / name)
    return reading.declaration, [str(note) for note in reading.notes]


def test_task_amounts_right_aligned_against_their_goals_stay_under_their_label():
    """An indicator's short 指标值 far right of its name put a line midway between them, under the tasks' 拟投入的资金;
    the amounts, a cell's padding left of the goals, fell a column further, under no label, and were lost (seed
    32's browser-printed d012). The padding seen between two cells drawn one after the other outranks a line
    guessed midway between two texts."""
    declaration, notes = _read("amount-against-goal.pdf")
    tasks = declaration.department.tasks
    assert [(task.name, str(task.funds)) for task in tasks] == [
        ("信息化运维业务经费", "23572.22"), ("行政复议服务项目经费", "44459.34")]
    assert tasks[0].expected.startswith("辅助审理")
    assert [indicator.annual_value for indicator in declaration.department.indicators] == ["50次以上", "≥8", "12人"]


def test_the_rest_of_a_tasks_goal_over_the_page_break_stays_with_its_task():
    """The next page begins with the rest of the goal, then 其他需完成的任务 and 绩效指标 above the indicators' header,
    in the form's label column, left of every text under it: the rows between the rest and the table lie within
    the table of the page before. The rest, a row with no name, goes on with the task above, said (seed 31's
    browser-printed d021 lost it unsaid)."""
    declaration, notes = _read("goal-over-break.pdf")
    tasks = declaration.department.tasks
    assert len(tasks) == 1 and tasks[0].expected == GOAL and tasks[0].funds == Decimal("534")
    assert any("跨页断开" in note and "第 1 项任务" in note for note in notes), notes
    assert len(declaration.department.indicators) == 3
