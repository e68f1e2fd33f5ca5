"""The labels of the 2019 部门整体绩效目标表 and how a grid is told to be one (form_2019 reads it).

Apart from form_2019 so that published.is_department_form can ask without importing the reader.
"""

from __future__ import annotations

import re

from ...model.declaration import DEPARTMENT_LABELS
from ..containers.sheet_grid import Grid, cell_text, label_key

SCAN_ROWS = 400
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
NUMBERING = re.compile(r"^(?:\d{1,2}\s*[.、．]|其中:)")
INCOME_LABEL = "本年度部门预算收入"
# The income lines by the words that name them, without their numbering (1. / 其中：).
INCOME = {"total": "总额", "fiscal": "财政拨款收入", "general": "一般公共预算", "fund": "政府性基金预算",
          "special": "财政专户管理资金", "business": "事业收入", "operating": "经营收入", "other": "其他收入"}
OTHER_INCOME = ("special", "business", "operating", "other")  # together: the current form's 其他资金
NAME, FUNCTIONS = DEPARTMENT_LABELS["name"], DEPARTMENT_LABELS["functions"]
GOAL_LABEL, KEY, EXPECTED = "部门整体支出目标", "关键指标", "预期实现值"
PLAN, TASK_INDICATOR, STANDARD, PROJECTS = "主要支出计划", "关键性指标", "绩效标准", "主要实施项目"
THREE_YEARS, REMARKS = "三年期", ("其他需要说明的情况", "其他需要说明", "备注")
SPLIT_LINE = re.compile(r"^(?:其中[:：])?\s*(.+?)[:：]\s*([^:：]+)$")


def is_plan_header(k: str) -> bool:
    """The 年度主要支出计划 heading (a short cell), not a long text that happens to mention it."""
    return PLAN in k and len(k) <= 30


def key(value: object) -> str:
    return label_key(value).rstrip(":")


def is_form_2019(grid: Grid) -> bool:
    """Marks only the 2019 form has, standing in a row as its table puts them (a column of lines listed
    one by one is not the table): 本年度部门预算收入 beside one of its income lines, or the 主要支出计划
    header with its 关键性指标/绩效标准 columns, or 关键指标 beside 预期实现值. The current forms have none."""
    for row in grid.rows[:SCAN_ROWS]:
        keys = {key(value) for value in row if value is not None and cell_text(value).strip()}
        if len(keys) < 2:
            continue
        if any(k.startswith(INCOME_LABEL) for k in keys) and any(
                NUMBERING.sub("", k).startswith(words) for k in keys for words in INCOME.values()):
            return True
        if any(is_plan_header(k) for k in keys) and any(TASK_INDICATOR in k for k in keys) \
                and any(k.startswith(STANDARD) for k in keys):
            return True
        if KEY in keys and any(k.startswith(EXPECTED) for k in keys):
            return True
    return False
