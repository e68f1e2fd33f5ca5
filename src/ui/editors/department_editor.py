"""The department form: name, year, functions, 预算整体情况 with computed totals, goal, tasks, indicators."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from ...model import paths
from ...model.declaration import BUDGET_GROUPS, BUDGET_LABELS, DECLARATION_LABELS, DEPARTMENT_LABELS, Task
from ...model.sums import DEVELOPMENT, LEVELS, budget_expenditure, budget_group, budget_income
from ..editing.commands import InsertCommand, RemoveCommand
from ..editing.document import Document
from ..models.table_models import TASK_COLUMNS, ListTableModel
from ..widgets.fields import multiline
from .form_parts import FormBuilder, ReviewMarks, amount_edit, selected_row, table_with_buttons
from .indicator_table import IndicatorTable


class DepartmentEditor(QScrollArea):
    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("departmentEditor")
        self.document = document
        self.setWidgetResizable(True)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(QLabel("<b>部门整体预算绩效目标申报表</b>"))
        # What an import could not reconcile (totals, numbered items, an empty block): cleared by 已复核.
        self.review_box = ReviewMarks(document, lambda: paths.DEPARTMENT, "departmentReview")
        column.addWidget(self.review_box)
        form = QFormLayout()
        column.addLayout(form)
        self.form = FormBuilder(document, form, lambda: paths.DEPARTMENT)
        self.form.field("departmentName", QLineEdit(), "name", DEPARTMENT_LABELS["name"])
        self.year_form = FormBuilder(document, form, lambda: "")
        self.year_form.field("year", QLineEdit(), "year", DECLARATION_LABELS["year"], "year").setMaximumWidth(120)
        self.form.field("departmentFunctions", multiline(60), "functions", DEPARTMENT_LABELS["functions"])
        column.addWidget(self._budget_box())
        goal_form = QFormLayout()
        column.addLayout(goal_form)
        self.goal_form = FormBuilder(document, goal_form, lambda: paths.DEPARTMENT)
        self.goal_form.field("overallGoal", multiline(90), "overall_goal", DEPARTMENT_LABELS["overall_goal"])
        self.task_caption = QLabel(f"<b>{DEPARTMENT_LABELS['tasks']}</b>（双击单元格修改，或在左侧树中选择一项任务）")
        column.addWidget(self.task_caption)
        self.tasks = ListTableModel(document, lambda: paths.TASKS, TASK_COLUMNS)
        box, self.task_view = table_with_buttons("taskTable", [
            ("taskTableAdd", "添加任务", self.add_task), ("taskTableRemove", "删除任务", self.remove_task)])
        self.task_view.setModel(self.tasks)
        column.addWidget(box)
        self.indicator_caption = QLabel("<b>部门整体绩效指标</b>（双击单元格修改；一级、二级为下拉选择）")
        column.addWidget(self.indicator_caption)
        self.indicators = IndicatorTable(document, lambda: paths.indicators(paths.DEPARTMENT), "departmentIndicatorTable")
        column.addWidget(self.indicators.container)
        column.addStretch(1)
        self.setWidget(body)
        document.fieldChanged.connect(lambda location: paths.split_field(location)[0] == paths.BUDGET and self.update_totals())
        document.fieldChanged.connect(lambda location: location == self._review and self._update_review())
        self._update_review()

    _review = paths.field(paths.DEPARTMENT, "review")

    def _update_review(self) -> None:
        self.review_box.setVisible(self.review_box.refresh())

    def _budget_box(self) -> QGroupBox:
        box = QGroupBox(f"{DEPARTMENT_LABELS['budget']}（万元）")
        grid = QGridLayout(box)
        budget_form = QFormLayout()
        self.budget_form = FormBuilder(self.document, budget_form, lambda: paths.BUDGET)
        for title, keys in BUDGET_GROUPS.items():
            budget_form.addRow(QLabel(f"<i>{title}</i>"))
            for key in keys:
                self.budget_form.field(f"budget_{key}", amount_edit(), key, BUDGET_LABELS[key], "amount", self.update_totals)
        grid.addLayout(budget_form, 0, 0)
        self.totals = QLabel()
        self.totals.setObjectName("budgetTotals")
        self.totals.setWordWrap(True)
        grid.addWidget(self.totals, 0, 1)
        grid.setColumnStretch(1, 1)
        return box

    @property
    def bindings(self) -> list:
        return [b for builder in (self.form, self.year_form, self.budget_form, self.goal_form) for b in builder.bindings]

    def show_location(self, location: str = paths.DEPARTMENT) -> None:
        for builder in (self.form, self.year_form, self.budget_form, self.goal_form):
            builder.refresh()
        self.tasks.retarget()
        self.indicators.model.retarget()
        self.update_totals()

    def reveal(self, location: str = paths.DEPARTMENT) -> None:
        """Scroll the page to what the tree chose: a list's table (the tree's heading of the department's
        tasks or indicators, or a 一级 group of them) at the top, the department itself from the top."""
        captions = {paths.TASKS: self.task_caption, paths.indicators(paths.DEPARTMENT): self.indicator_caption}
        caption = captions.get(location)
        if caption is None:
            if location == paths.DEPARTMENT:
                self.verticalScrollBar().setValue(0)
            return
        body = self.widget()
        body.layout().activate()  # a page just made current may not have placed its rows yet
        self.verticalScrollBar().setValue(caption.mapTo(body, QPoint(0, 0)).y())

    def update_totals(self) -> None:
        budget = self.document.declaration.department.budget

        def show(value):
            return "未填写" if value is None else f"{value:,.2f}"

        spending = budget_expenditure(budget)
        development = budget_group(budget, DEVELOPMENT)
        income = budget_income(budget)
        levels = budget_group(budget, LEVELS)
        self.totals.setText(
            f"基本支出 + 项目支出 = {show(spending)}\n"
            f"事业发展性支出合计 = {show(development)}\n"
            f"收入来源合计 = {show(income)}\n"
            f"按预算级次合计 = {show(levels)}")

    def add_task(self) -> None:
        row = selected_row(self.task_view)
        index = len(self.document.declaration.department.tasks) if row is None else row + 1
        self.document.undo_stack.push(InsertCommand(self.document, paths.TASKS, index, Task(name="新任务"), "添加重点工作任务"))

    def remove_task(self) -> None:
        row = selected_row(self.task_view)
        if row is not None:
            self.document.undo_stack.push(RemoveCommand(self.document, paths.TASKS, row, "删除重点工作任务"))
