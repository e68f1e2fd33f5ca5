"""The page a window shows when no file is open: 打开去年的表…, 新建申报, 打开示例, the recent files and where
help is. It only says what the clerk chose (its signals); the window does the opening."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeyEvent, QPainter, QPalette, QShowEvent
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QScrollArea,
                               QStyle, QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget)

COLUMN_WIDTH = 580
PATH_ROLE = Qt.ItemDataRole.UserRole
# On this page only: the rest of the window is drawn without the style-sheet engine (workspace.py).
STYLE_SHEET = """
QPushButton[role="start"] { text-align: left; border: 1px solid palette(mid); border-radius: 6px;
    background: palette(base); }
QPushButton[role="start"]:hover { border-color: palette(highlight); }
QPushButton[role="start"]:focus { border: 2px solid palette(highlight); }
QPushButton[role="start"]:pressed { background: palette(alternate-base); }
"""


def _scaled(font: QFont, factor: float, bold: bool = False) -> QFont:
    font = QFont(font)
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def _soft(palette: QPalette, role: QPalette.ColorRole = QPalette.ColorRole.Text) -> QColor:
    """The text colour, lighter: for folders, descriptions and the help line (also right on a dark desktop)."""
    colour = QColor(palette.color(role))
    colour.setAlphaF(0.62)
    return colour


def _label(text: str, font: QFont | None = None, soft: bool = False) -> QLabel:
    label = QLabel(text)
    if font is not None:
        label.setFont(font)
    if soft:
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, _soft(palette, QPalette.ColorRole.WindowText))
        label.setPalette(palette)
    label.setForegroundRole(QPalette.ColorRole.WindowText)  # inside a button too, where ButtonText is inherited
    return label


class StartButton(QPushButton):
    """A big button: its title, and a line in lighter text saying what it does."""

    def __init__(self, name: str, title: str, description: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "start")
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        lines = QVBoxLayout(self)
        lines.setContentsMargins(18, 12, 18, 12)
        lines.setSpacing(3)
        for label in (_label(title, _scaled(self.font(), 1.25)), _label(description, soft=True)):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the click is the button's
            lines.addWidget(label)
        self.title = title
        self.setMinimumHeight(lines.sizeHint().height())


class _RecentDelegate(QStyledItemDelegate):
    """A recent file as two lines: its name, and its folder in lighter text beneath."""

    PADDING = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(option.rect.width(), option.fontMetrics.height() * 2 + self.PADDING * 2 + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        path = Path(index.data(PATH_ROLE))
        option.text = ""
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if option.state & QStyle.StateFlag.State_MouseOver and not selected:  # styles differ; this one shows it
            hover = QColor(option.palette.color(QPalette.ColorRole.Highlight))
            hover.setAlphaF(0.12)
            painter.fillRect(option.rect, hover)
        option.widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        text = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        folder = text if selected else _soft(option.palette)
        area = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        line = option.fontMetrics.height()
        painter.save()
        for row, (words, colour) in enumerate(((path.name, text), (str(path.parent), folder))):
            painter.setPen(colour)
            rect = QRect(area.left(), area.top() + row * (line + 2), area.width(), line)
            elided = option.fontMetrics.elidedText(words, Qt.TextElideMode.ElideMiddle, rect.width())
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        painter.restore()


class RecentList(QListWidget):
    """The recent files; a click or Enter chooses one. No double-click: the first click already opens it."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("startRecentList")
        self.setItemDelegate(_RecentDelegate(self))
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)  # the row under the mouse lights up: they are links
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)  # the page's colour, not a white box
        self.itemClicked.connect(lambda item: self.chosen.emit(item.data(PATH_ROLE)))

    def set_paths(self, paths: list[str]) -> None:
        self.clear()
        for path in paths:
            item = QListWidgetItem(Path(path).name)
            item.setData(PATH_ROLE, path)
            item.setToolTip(path)
            self.addItem(item)
        self.setFixedHeight(sum(self.sizeHintForRow(row) for row in range(self.count())) + 2 * self.frameWidth())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.chosen.emit(item.data(PATH_ROLE))
        else:
            super().keyPressEvent(event)


class StartPage(QScrollArea):
    openRequested = Signal()  # 打开去年的表…
    newRequested = Signal()  # 新建申报
    demoRequested = Signal()  # 打开示例
    recentChosen = Signal(str)  # the path of a recent file
    helpRequested = Signal()  # the 使用说明 link

    def __init__(self, recent: Callable[[], list[str]], recent_changed: SignalInstance, parent: QWidget | None = None):
        """recent gives the recent files, newest first; the list is read again on each recent_changed."""
        super().__init__(parent)
        self.setObjectName("startPage")
        self._recent = recent
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(STYLE_SHEET)
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        icon = QLabel()
        icon.setPixmap(QGuiApplication.windowIcon().pixmap(64, 64))
        title = _label("绩效目标申报编辑器", _scaled(self.font(), 1.9))
        subtitle = _label("填写、检查、打印部门整体和项目支出的绩效目标申报表", soft=True)
        for label in (icon, title, subtitle):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(label)
        layout.addSpacing(22)
        self.open_button = self._button(layout, "startOpen", "打开去年的表…",
                                        "本程序保存的文件，或上报、公开的 Excel、WPS 表格、网页、PDF", self.openRequested)
        self.new_button = self._button(layout, "startNew", "新建申报", "从一份空白申报开始，常用的绩效指标已经放好",
                                       self.newRequested)
        self.demo_button = self._button(layout, "startDemo", "打开示例",
                                        "看一份填好的申报（天河区司法局 2023 年），示例本身不会被改动", self.demoRequested)
        layout.addSpacing(22)
        self.recent_heading = _label("最近打开", _scaled(self.font(), 1.1, bold=True))
        layout.addWidget(self.recent_heading)
        self.recent_list = RecentList()
        self.recent_list.chosen.connect(self.recentChosen)
        layout.addWidget(self.recent_list)
        layout.addSpacing(22)
        self.help_line = _label("需要帮助时，点菜单“帮助 → <a href='guide'>使用说明</a>”，或按 F1。", soft=True)
        self.help_line.setObjectName("startHelp")
        self.help_line.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.help_line.linkActivated.connect(lambda _link: self.helpRequested.emit())
        layout.addWidget(self.help_line)
        page = QWidget()
        rows = QVBoxLayout(page)
        rows.setContentsMargins(24, 24, 24, 24)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(column, 100)
        centred.addStretch(1)
        rows.addStretch(2)
        rows.addLayout(centred)
        rows.addStretch(3)  # a little above the middle, where the eye goes first
        self.setWidget(page)
        self.show_recent()
        recent_changed.connect(self.show_recent)

    def _button(self, layout: QVBoxLayout, name: str, title: str, description: str, signal) -> StartButton:
        button = StartButton(name, title, description)
        button.clicked.connect(signal)
        layout.addWidget(button)
        return button

    def show_recent(self) -> None:
        """The heading and the list are hidden while there are no recent files."""
        paths = self._recent()
        self.recent_list.set_paths(paths)
        self.recent_heading.setVisible(bool(paths))
        self.recent_list.setVisible(bool(paths))

    def recent_paths(self) -> list[str]:
        return [self.recent_list.item(row).data(PATH_ROLE) for row in range(self.recent_list.count())]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.open_button.setFocus()  # Enter opens a file, the commonest start
