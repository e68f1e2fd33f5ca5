"""One indicator field by field, with the value's reading shown live ("识别为：≥ 2000 次") and the name completed
from the library's index (name_completer)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from ...model import paths
from ...model.declaration import INDICATOR_EXTRA_LABELS, INDICATOR_LABELS
from ...model.values import ValueKind, parse_value
from ..editing.commands import set_field, set_indicator_level1
from ..editing.document import Document
from ..models.table_models import level_choices
from ..widgets.fields import FocusTarget, set_severity
from ..widgets.fix_widgets import FixLink
from .form_parts import FormBuilder
from .name_completer import NameCompleter


class IndicatorEditor(QScrollArea):
    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("indicatorEditor")
        self.document = document
        self.location: str | None = None
        self.setWidgetResizable(True)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(QLabel("<b>绩效指标</b>"))
        self.layout_ = QFormLayout()
        column.addLayout(self.layout_)
        self.level1 = self._combo("indicatorLevel1", INDICATOR_LABELS["level1"])
        self.level2 = self._combo("indicatorLevel2", INDICATOR_LABELS["level2"])
        self.level1.activated.connect(self._level1_chosen)
        self.level2.activated.connect(self._level2_chosen)
        self.form = FormBuilder(document, self.layout_, lambda: self.location)
        self.name = self.form.field("indicatorName", QLineEdit(), "name", INDICATOR_LABELS["name"])
        self.completer = NameCompleter(self.name, self._levels)
        self.period = self.form.field("periodValue", QLineEdit(), "period_value", INDICATOR_LABELS["period_value"],
                                      on_change=self.update_readings)
        self.period_reading = self._reading("periodReading")
        self.annual = self.form.field("annualValue", QLineEdit(), "annual_value", INDICATOR_LABELS["annual_value"],
                                      on_change=self.update_readings)
        self.annual_reading = self._reading("annualReading")
        # Last year's value, as 新建下一年度申报 carried it over: shown to compare with, never edited (no binding).
        self.previous = QLineEdit()
        self.previous.setObjectName("previousAnnualValue")
        self.previous.setReadOnly(True)
        self.previous.setToolTip("上年度申报的年度指标值（只读，由新建下一年度申报带入）")
        self.layout_.addRow(f"{INDICATOR_EXTRA_LABELS['previous_annual_value']}：", self.previous)
        for widget in (self.period, self.annual):
            widget.setPlaceholderText("例如 ≥95%、不少于2000次、及时")
        column.addStretch(1)
        self.setWidget(body)
        document.fieldChanged.connect(self._field_changed)
        document.problemsChanged.connect(self._show_level_problems)

    def _combo(self, name: str, label: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        message = QLabel()
        message.setObjectName(f"{name}Message")
        message.setProperty("role", "message")
        message.hide()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(combo)
        layout.addWidget(message)
        combo.fix_link = FixLink(self.document, f"{name}Fix")
        layout.addWidget(combo.fix_link)
        caption = QLabel(f"{label}：")
        caption.setBuddy(combo)
        self.layout_.addRow(caption, box)
        combo.message = message
        return combo

    def _reading(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setProperty("role", "reading")
        self.layout_.addRow("", label)
        return label

    def show_location(self, location: str) -> None:
        self.location = location
        self.form.refresh()
        self._refresh_levels()
        self.update_readings()
        self._refresh_previous()

    def _refresh_previous(self) -> None:
        value = self.document.value(paths.field(self.location, "previous_annual_value"))
        self.previous.setText(value or "")
        self.layout_.setRowVisible(self.previous, value is not None)

    def _refresh_levels(self) -> None:
        indicator = self.document.value(self.location)
        for combo, field in ((self.level1, "level1"), (self.level2, "level2")):
            with QSignalBlocker(combo):
                combo.clear()
                choices = level_choices(indicator.level1, field)
                current = getattr(indicator, field) or ""
                if current not in choices:
                    choices.append(current)  # keep what the file says, even outside the framework
                combo.addItems(choices)
                combo.setCurrentText(current)
        self._show_level_problems()

    def _levels(self) -> tuple[str | None, str | None]:
        indicator = self.document.value(self.location) if self.location else None
        return (indicator.level1, indicator.level2) if indicator is not None else (None, None)

    def _level1_chosen(self, _row: int) -> None:
        if self.location:
            set_indicator_level1(self.document, self.location, self.level1.currentText() or None)

    def _level2_chosen(self, _row: int) -> None:
        if self.location:
            set_field(self.document, paths.field(self.location, "level2"), self.level2.currentText() or None,
                      INDICATOR_LABELS["level2"], merge=False)

    def _field_changed(self, location: str) -> None:
        if self.location and location.startswith(self.location + ".level"):
            self._refresh_levels()
        owner, field = paths.split_field(location)
        if self.location and field.endswith("_value") and owner == self.location:
            self.update_readings()
            self._refresh_previous()

    def _show_level_problems(self) -> None:
        if not self.location:
            return
        for combo, field in ((self.level1, "level1"), (self.level2, "level2")):
            problems = self.document.problems_at(paths.field(self.location, field))
            worst = min((p.severity for p in problems), key=lambda severity: severity.rank, default=None)
            set_severity(combo, worst)
            text = "\n".join(p.message for p in problems)
            combo.setToolTip(text)
            combo.message.setText(text)
            set_severity(combo.message, worst)
            combo.message.setVisible(bool(text))
            combo.fix_link.show_for(sorted(problems, key=lambda p: p.severity.rank))

    def update_readings(self) -> None:
        if not self.location:
            return
        for edit, label in ((self.period, self.period_reading), (self.annual, self.annual_reading)):
            reading = parse_value(edit.text())
            label.setText("" if reading.kind is ValueKind.EMPTY else f"识别为：{reading.describe()}")

    @property
    def bindings(self) -> list:
        """Every field with its location, the 一级/二级 combos too, so a problem can put the cursor in it."""
        if self.location is None:
            return self.form.bindings
        combos = [FocusTarget(paths.field(self.location, "level1"), self.level1),
                  FocusTarget(paths.field(self.location, "level2"), self.level2)]
        return combos + self.form.bindings
