"""The form of one project: name, unit, period, the four amounts, goal and its indicator table."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...model import paths
from ...model.declaration import FUNDS_LABELS, PROJECT_EXTRA_LABELS, PROJECT_LABELS
from ...model.sums import FUNDS_PARTS_TEXT, funds_parts
from ..editing.document import Document
from ..widgets.fields import multiline
from .form_parts import FormBuilder, ReviewMarks, amount_edit
from .indicator_table import IndicatorTable


class ProjectEditor(QScrollArea):
    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("projectEditor")
        self.document = document
        self.location: str | None = None
        self.setWidgetResizable(True)
        body = QWidget()
        column = QVBoxLayout(body)
        title = QLabel("<b>项目支出绩效目标</b>")
        column.addWidget(title)
        form = QFormLayout()
        column.addLayout(form)
        self.form = FormBuilder(document, form, lambda: self.location)
        self.form.field("projectName", QLineEdit(), "name", PROJECT_LABELS["name"])
        self._marks_rows(form)
        self.form.field("projectUnit", QLineEdit(), "unit", PROJECT_LABELS["unit"])
        period = self.form.field("projectPeriod", QLineEdit(), "period", PROJECT_LABELS["period"])
        period.setPlaceholderText("例如 2023-2025")
        for key, label in FUNDS_LABELS.items():
            self.form.field(f"funds_{key}", amount_edit(), f"funds.{key}", f"{label}（万元）", "amount", self.update_computed)
        self.computed = QLabel()
        self.computed.setObjectName("fundsComputed")
        form.addRow("", self.computed)
        self.form.field("projectGoal", multiline(90), "goal", PROJECT_LABELS["goal"])
        column.addWidget(QLabel(f"<b>{PROJECT_LABELS['indicators']}</b>（双击单元格修改；一级、二级为下拉选择）"))
        self.indicators = IndicatorTable(document, self._indicator_list, "indicatorTable")
        column.addWidget(self.indicators.container)
        column.addStretch(1)
        self.setWidget(body)
        document.fieldChanged.connect(self._field_changed)

    @property
    def bindings(self) -> list:
        return self.form.bindings

    def _indicator_list(self) -> str | None:
        return paths.indicators(self.location) if self.location else None

    def show_location(self, location: str) -> None:
        self.location = location
        self.form.refresh()
        self.indicators.model.retarget()
        self.update_computed()
        self.update_marks()

    def _marks_rows(self, form: QFormLayout) -> None:
        """Under the name: what 新建下一年度申报 asks the clerk to look at again, and the unit's file a merged
        project came from. Both are read-only here; the review marks can be cleared once dealt with."""
        self.review_box = ReviewMarks(self.document, lambda: self.location, "projectReview")
        self.review, self.review_done = self.review_box.text, self.review_box.done
        form.addRow("", self.review_box)
        self.source = QLabel()
        self.source.setObjectName("projectSource")
        self.source.setWordWrap(True)
        form.addRow("", self.source)
        self.marks_form = form

    def update_marks(self) -> None:
        if self.location is None:
            return
        project = self.document.value(self.location)
        self.marks_form.setRowVisible(self.review_box, self.review_box.refresh())
        self.source.setText(f"{PROJECT_EXTRA_LABELS['source_file']}：{project.source_file}" if project.source_file else "")
        self.marks_form.setRowVisible(self.source, bool(project.source_file))

    def _field_changed(self, location: str) -> None:
        if self.location and paths.split_field(location)[0] == paths.field(self.location, "funds"):
            self.update_computed()
        if self.location and location in (paths.field(self.location, "review"), paths.field(self.location, "source_file")):
            self.update_marks()

    def update_computed(self) -> None:
        if self.location is None:
            return
        funds = self.document.value(paths.field(self.location, "funds"))
        parts = funds_parts(funds)
        if parts is None:
            self.computed.setText(f"{FUNDS_PARTS_TEXT}：未填写")
            return
        mark = "" if funds.total is None else ("  ✔ 与总计一致" if funds.total == parts else f"  ✘ 与总计相差 {funds.total - parts:,.2f}")
        self.computed.setText(f"{FUNDS_PARTS_TEXT} = {parts:,.2f} 万元{mark}")
