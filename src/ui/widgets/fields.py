"""A widget bound to one field of the document: edits become commands, problems show beside it.

The binding is the only place a form widget talks to the document. It writes through
the undo stack, refreshes from fieldChanged with signals blocked (so an update does not
echo back as an edit), and shows the checks' problems for its location: a coloured
border, a trailing icon with the message as tooltip, and the message under the field.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, NamedTuple

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QStyle, QWidget

from ...model.amounts import AmountError, display_amount, parse_amount
from ...model.problems import ERROR, Problem, Severity
from ..editing import commands
from ..editing.document import Document
from .fix_widgets import FixLink
from .wheel_guard import guard_wheel

STYLE_SHEET = """
QLineEdit[severity="error"], QPlainTextEdit[severity="error"], QComboBox[severity="error"] {
    border: 2px solid #d32f2f; background: #fff5f5; }
QLineEdit[severity="warning"], QPlainTextEdit[severity="warning"], QComboBox[severity="warning"] {
    border: 2px solid #ef8c00; background: #fffaf0; }
QLabel[role="message"][severity="error"] { color: #c62828; }
QLabel[role="message"][severity="warning"] { color: #b26a00; }
QLabel[role="message"][severity="hint"] { color: #1565c0; }
QLabel[role="reading"] { color: #2e7d32; }
"""


def set_severity(widget: QWidget, severity: Severity | None) -> None:
    if widget.property("severity") == (severity or ""):
        return
    widget.setProperty("severity", severity or "")
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class FocusTarget(NamedTuple):
    """A widget that edits location without a FieldBinding of its own (the indicator form's combos)."""

    location: str
    widget: QWidget


def _is_ctrl_y(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier


class FieldBinding(QObject):
    """kind: 'text' (QLineEdit), 'multiline' (QPlainTextEdit), 'amount', 'year'."""

    def __init__(self, document: Document, widget: QWidget, location_of: Callable[[], str | None], label: str,
                 kind: str = "text", message: QLabel | None = None, on_change: Callable[[], None] | None = None,
                 fix_link: FixLink | None = None):
        super().__init__(widget)
        self.document = document
        self.widget = widget
        self.location_of = location_of
        self.label = label
        self.kind = kind
        self.message = message
        self.on_change = on_change
        self.fix_link = fix_link  # 修复：… under the message when a problem of the field has a quick fix
        self.local_problem: Problem | None = None  # text that is not a value yet (kept as typed)
        self._icon_action: QAction | None = None
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._edited)
            if kind == "amount":
                # No validator: letters typed into an amount stay in view, marked, with the message saying
                # why (a validator made them vanish without a word).
                widget.editingFinished.connect(self._tidy_amount)
        else:
            widget.textChanged.connect(self._edited_multiline)
        if message is not None:
            message.setProperty("role", "message")
            message.setWordWrap(True)
            # Its line is kept whether or not there is a message: a message that came and went moved the
            # form under the mouse, and clicks landed on the wrong row.
            message.setMinimumHeight(message.fontMetrics().lineSpacing() + 2)
        document.fieldChanged.connect(self._field_changed)
        document.problemsChanged.connect(self.show_problems)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Ctrl+Z and Ctrl+Y in a field are the document's undo and redo, not the text box's own. The field's
        typing is the document's latest step (keystrokes in one field merge into one), so Ctrl+Z undoes it
        first and then, pressed again, the step before it, as 编辑 → 撤销 does; the box's own undo stack would
        end in a dead end, and its redo would push a new step that loses the document's redo."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo) \
                    or _is_ctrl_y(event):
                event.ignore()  # not overridden: the window's 撤销/重做 shortcut takes the key
                return True
        return False

    @property
    def location(self) -> str | None:
        return self.location_of()

    # ---- widget → document ---------------------------------------------------------------------
    def _edited(self, text: str) -> None:
        location = self.location
        if location is None:
            return
        try:
            value = self._value_from(text)
            commands.set_field(self.document, location, value, self.label)  # FieldRefused: the model's own no
        except (AmountError, ValueError) as error:
            self.local_problem = Problem("input-invalid", ERROR, location, str(error))
            self.show_problems()
            return
        self.local_problem = None
        self.show_problems()
        if self.on_change:
            self.on_change()

    def _edited_multiline(self) -> None:
        self._edited(self.widget.toPlainText())

    def _value_from(self, text: str):
        if self.kind == "amount":
            return parse_amount(text)
        if self.kind == "year":
            digits = text.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
            if not digits:
                return None
            if not digits.isdigit() or not 1000 <= int(digits) <= 9999:
                raise ValueError("预算年度应为四位数字，例如 2024")
            return int(digits)
        return text if text.strip() else None

    def _tidy_amount(self) -> None:
        """On leaving an amount field, show it the way the forms print it (1,485.34)."""
        if self.local_problem is None and self.location is not None:
            self.refresh()

    # ---- document → widget -----------------------------------------------------------------------
    def _field_changed(self, location: str) -> None:
        if location == self.location:
            self.local_problem = None
            self.refresh(keep_if_equal=True)

    def refresh(self, keep_if_equal: bool = False) -> None:
        location = self.location
        value = self.document.value(location) if location else None
        text = self._text_for(value)
        current = self.widget.text() if isinstance(self.widget, QLineEdit) else self.widget.toPlainText()
        if keep_if_equal:
            try:
                if self._value_from(current) == value:
                    return  # the clerk's own spelling of the same value stays as typed
            except (AmountError, ValueError):
                pass
        if current != text:
            with QSignalBlocker(self.widget):
                if isinstance(self.widget, QLineEdit):
                    position = self.widget.cursorPosition()
                    self.widget.setText(text)
                    self.widget.setCursorPosition(min(position, len(text)))
                else:
                    # The model cleaned what was typed or pasted (a \v from Word, a \r\n): show what it
                    # holds, the cursor where it was.
                    position = self.widget.textCursor().position()
                    self.widget.setPlainText(text)
                    cursor = self.widget.textCursor()
                    cursor.setPosition(min(position, len(text)))
                    self.widget.setTextCursor(cursor)
        self.local_problem = None
        self.show_problems()

    def _text_for(self, value) -> str:
        if value is None:
            return ""
        if self.kind == "amount" and isinstance(value, Decimal):
            return display_amount(value) if value == value.quantize(Decimal("0.01")) else format(value, "f")
        return str(value)

    def problems(self) -> list[Problem]:
        location = self.location
        found = list(self.document.problems_at(location)) if location else []
        if self.local_problem is not None:
            found.insert(0, self.local_problem)
        return sorted(found, key=lambda p: p.severity.rank)

    def show_problems(self) -> None:
        problems = self.problems()
        worst = problems[0].severity if problems else None
        marked = worst if worst is not None and worst.marked else None
        set_severity(self.widget, marked)
        text = "\n".join(p.message for p in problems)
        self.widget.setToolTip(text)
        if isinstance(self.widget, QLineEdit):
            self._show_icon(marked, text)
        if self.message is not None:
            self.message.setText(text)
            set_severity(self.message, worst)
            self.message.setToolTip(text)
        if self.fix_link is not None:
            self.fix_link.show_for(problems)

    def _show_icon(self, severity: Severity | None, text: str) -> None:
        if self._icon_action is not None:
            self.widget.removeAction(self._icon_action)
            self._icon_action = None
        if severity is None:
            return
        pixmap = QStyle.StandardPixmap.SP_MessageBoxCritical if severity == ERROR else QStyle.StandardPixmap.SP_MessageBoxWarning
        self._icon_action = self.widget.addAction(QApplication.style().standardIcon(pixmap), QLineEdit.ActionPosition.TrailingPosition)
        self._icon_action.setToolTip(text)


def multiline(height: int = 70) -> QPlainTextEdit:
    editor = QPlainTextEdit()
    editor.setTabChangesFocus(True)  # Tab moves on, as in every other field of the form
    editor.setFixedHeight(height)
    guard_wheel(editor)  # a long text scrolls once clicked; before that the wheel scrolls the form
    return editor
