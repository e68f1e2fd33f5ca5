"""What GUI tests do as a clerk does: type (Chinese through the input method), pick from dropdowns, read the tree."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type as a user does; Chinese goes through the input method, as qtbot.keyClicks cannot (PLATFORM.md)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def field(window, name: str) -> QWidget:
    """A field of the form now shown, by objectName."""
    return window.workspace.findChild(QWidget, name)


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick text from a dropdown as a clerk does: F4 opens the list, the arrow keys walk to it, Enter takes it."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_F4)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    target = combo.findText(text)
    assert target >= 0, f"{text} is not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    for _ in range(combo.count()):
        row = view.currentIndex().row()
        if row == target:
            break
        qtbot.keyClick(view, Qt.Key.Key_Down if row < target else Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=2000)


def tree_projects(workspace) -> list[str]:
    """The project rows under the department, as the tree view shows them."""
    proxy = workspace.proxy
    department = proxy.index(0, 0)
    return [proxy.index(row, 0, department).data() for row in range(proxy.rowCount(department))]


def tree_indicators(workspace, project: int) -> dict[str, list[str]]:
    """A project's indicator rows as the tree shows them, under each 一级 group's title."""
    proxy = workspace.proxy
    node = proxy.index(project, 0, proxy.index(0, 0))
    shown = {}
    for row in range(proxy.rowCount(node)):
        group = proxy.index(row, 0, node)
        shown[group.data()] = [proxy.index(child, 0, group).data() for child in range(proxy.rowCount(group))]
    return shown


def open_in(window, qtbot, path) -> None:
    """Open path in the window and wait for its new workspace to be shown, as the event loop shows it after the
    swap: until then keys reach a hidden tree and no shortcut of the tree (Del, Alt+↑/↓) is in its context."""
    assert window.files.open(str(path))
    qtbot.waitUntil(window.workspace.tree.isVisible, timeout=2000)
