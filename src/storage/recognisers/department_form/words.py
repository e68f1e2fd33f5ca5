"""The words of the department forms: each block's labels (this form's own, 财政部's template's and most
provinces'), the task and indicator tables' headers, and how a label is compared."""

from __future__ import annotations

import re

from ....model.declaration import (
    BUDGET_LABELS,
    DEPARTMENT_LABELS,
    INDICATOR_LABELS,
    TASK_LABELS,
)
from ...containers.sheet_grid import Grid, label_key
from ..published import REQUIRED_MARKS, loose_label

# Each amount by its label, or by the shorter words some published forms print instead.
BUDGET_ALIASES = {"own_level": ("本级使用资金",), "transfer": ("对下转移支付资金",),
                  "fiscal": ("财政拨款资金", "一般公共预算", "公共财政拨款")}  # the last: 湖南澧县's 按收入性质分
BUDGET_WORDS = {key: (label, *BUDGET_ALIASES.get(key, ())) for key, label in BUDGET_LABELS.items()}
BUDGET_KEYS = frozenset(loose_label(label, ("(万元)",)) for labels in BUDGET_WORDS.values() for label in labels)
NAME, FUNCTIONS, GOAL = DEPARTMENT_LABELS["name"], DEPARTMENT_LABELS["functions"], DEPARTMENT_LABELS["overall_goal"]
# The words of the 部门（单位）整体支出绩效目标申报表 of 财政部's template and of most provinces, beside this form's own.
NAMES = (NAME, "部门(单位)名称", "单位(部门)名称")
FUNCTION_LABELS = (FUNCTIONS, "部门职能职责概述", "部门(单位)职能职责概述", "部门职能职责", "职能职责概述", "主要职能",
                    "部门(单位)职责", "部门职责")  # the last two: 湖南岳阳's 整体绩效目标表
GOALS = (GOAL, "年度总体目标", "年度总体绩效目标", "部门年度总体目标", "部门整体绩效目标", "整体绩效目标", "年度整体绩效目标",
          "部门整体支出绩效目标", "年度部门整体支出绩效目标", "年度部门整体绩效目标",  # these three: 湖北's form
          "年度总体目标完成情况")  # a 自评表's (福建宁德): its goal under 预期目标, beside 目标实际完成情况
# 年度绩效目标 heads 湖南's department goal, and a project's: a department's only on a sheet with no 项目名称
SHARED_GOALS = ("年度绩效目标", "部门年度绩效目标")
ALL_GOALS = (*GOALS, *SHARED_GOALS)
TASK_HEADERS = {"name": (TASK_LABELS["name"], "任务名称", "重点工作任务名称", "工作任务名称", "年度目标任务"),
                 "content": (TASK_LABELS["content"], "主要内容", "工作内容", "任务内容", "具体内容", "主要工作内容"),
                 "funds": (TASK_LABELS["funds"], "预算金额", "预算资金", "拟投入资金", "资金安排"),
                 "expected": (TASK_LABELS["expected"], "预期目标", "预期达到的目标", "预期效果", "预期成效")}
# The labels of the form's blocks, by which the tasks' table is seen to end.
FORM_LABELS = frozenset(loose_label(label, ("(万元)",)) for label in (*NAMES, *FUNCTION_LABELS, *ALL_GOALS,
                                                                     DEPARTMENT_LABELS["indicators"], "年度绩效指标"))
TITLE_ROWS = 20  # how far down a form's title is looked for, if no label comes first
INDICATOR_HEADERS = {role: (label,) for role, label in INDICATOR_LABELS.items()}
INDICATOR_HEADERS["annual_value"] += ("指标值", "年度目标值", "目标值", "绩效目标值", "预期达到目标")  # the last: 湖南澧县
# The 2021 template prints a value in three columns: 指标性质 | 指标值 | 度量单位 (joined by published.joined_value).
INDICATOR_HEADERS.update(comparator=("指标性质", "计算符号", "运算符号", "指标值类型"), unit=("度量单位", "计量单位"))
LEVEL1 = INDICATOR_LABELS["level1"]
TEMPLATE_TASK = re.compile(r"^其他需完成的任务")


def form_key(value: object) -> str:
    return loose_label(value, ("(万元)",))  # a label in 元 is no 万元 amount's: not taken for one


def header_columns(grid: Grid, row: int, headers: dict[str, str | tuple[str, ...]]) -> dict[str, int]:
    """Each role's column, its header one of the role's labels or starting with one (拟投入的资金（万元）); a header that
    is another role's label exactly is that role's (指标值类型 is the comparator's, no 指标值 with a gloss), and a
    required field's mark (*指标值) is no word of it."""
    columns: dict[str, int] = {}
    wanted = [(label_key(label), role) for role, labels in headers.items()
              for label in ((labels,) if isinstance(labels, str) else labels)]
    keys = [label_key(value).lstrip(REQUIRED_MARKS) for value in grid.rows[row]]
    for exact in (True, False):
        for column, key in enumerate(keys):
            if column in columns.values():
                continue
            for label, role in wanted:
                if role not in columns and (key == label if exact else key.startswith(label)):
                    columns[role] = column
                    break
    return columns
