"""The mouse wheel belongs to the page until a widget inside it is clicked.

The forms scroll as pages, and a table, a text box or a dropdown inside one took the wheel as the pointer
passed over it: the page stopped scrolling halfway, or a dropdown's value changed under the pointer. A
guarded widget ignores the wheel until it has the focus (a click, Tab); Qt then hands the ignored event to
the widget's parents, and the page's scroll area scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget


class WheelGuard(QObject):
    """Watches the widget that receives the wheel (a scroll area's viewport) on behalf of `owner`."""

    def __init__(self, owner: QWidget):
        super().__init__(owner)
        self.owner = owner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.Wheel or self._focused():
            return False
        event.ignore()  # not accepted: Qt offers it to the parents, up to the page
        return True

    def _focused(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and (focus is self.owner or self.owner.isAncestorOf(focus))


def guard_wheel(widget: QWidget) -> QWidget:
    """The widget takes the wheel only while it (or its cell editor) has the focus; returns the widget."""
    if widget.property("wheelGuarded"):
        return widget
    widget.setProperty("wheelGuarded", True)
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel does not take the focus either
    guard = WheelGuard(widget)
    # A scroll area's wheel arrives at its viewport; a dropdown's or a spin box's at the widget itself.
    target = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
    target.installEventFilter(guard)
    return widget


def guard_wheel_in(page: QWidget) -> None:
    """Every table, text box, dropdown and spin box on a page (the page itself scrolls)."""
    for kind in (QAbstractScrollArea, QComboBox, QAbstractSpinBox):
        for widget in page.findChildren(kind):
            if widget.window() is page.window() and not _inside_guarded(widget, page):
                guard_wheel(widget)


def _inside_guarded(widget: QWidget, page: QWidget) -> bool:
    """A part of a dropdown or of another guarded widget (a combo's list, an editable combo's line)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractScrollArea)):
            return True
        parent = parent.parentWidget()
    return False
