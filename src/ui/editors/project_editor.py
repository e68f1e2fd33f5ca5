"""The form of one project: name, unit, period, the four amounts, goal and its indicator table."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from ...model import paths
from ...model.declaration import FUNDS_LABELS, PROJECT_LABELS
from ...model.sums import FUNDS_PARTS_TEXT, funds_parts
from ..document import Document
from ..fields import multiline
from .form_parts import FormBuilder, amount_edit
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

    def _field_changed(self, location: str) -> None:
        if self.location and location.startswith(f"{self.location}.funds."):
            self.update_computed()

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
