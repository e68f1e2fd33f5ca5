"""帮助 → 使用说明 (F1): the clerk's guide (resources/guide) in a QTextBrowser, with its chapters on the
left and a search line; F1 on a field opens the guide at that field's entry."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QTextBrowser,
                               QVBoxLayout, QWidget)

from ...bundled import resource_file
from ...model import paths

GUIDE = "guide"
CHAPTERS = [("index.html", "目录"), ("start.html", "开始：安装、第一次打开"), ("open-last-year.html", "打开去年的表"),
            ("check-and-fix.html", "检查与修复"), ("next-year.html", "新建下一年度"), ("compare.html", "与去年比较"),
            ("merge-units.html", "合并单位"), ("print-export.html", "打印与导出"),
            ("files-and-recovery.html", "文件放在哪里、自动保存与恢复"), ("faq.html", "常见问题"),
            ("fields.html", "栏目说明")]
FIELDS_PAGE = "fields.html"
# A field's entry in fields.html by the field's own name (resources/guide/README.md).
_DEPARTMENT_FIELDS = {"name", "functions", "overall_goal"}
_PROJECT_FIELDS = {"name", "unit", "period", "goal"}
_INDICATOR_FIELDS = {"level1", "level2", "name", "period_value", "annual_value"}


def guide_anchor(location: str | None) -> str | None:
    """The anchor of fields.html that explains the field at location; None when there is no entry."""
    if not location:
        return None
    if location == paths.YEAR:
        return "year"
    owner, name = paths.split_field(location)
    kind = paths.kind_of(paths.node_of(location))
    if kind == paths.NodeKind.INDICATOR:
        name = "annual_value" if name == "previous_annual_value" else name
        return f"indicator-{name}" if name in _INDICATOR_FIELDS else "indicator-name"
    if kind == paths.NodeKind.TASK or location.startswith(paths.TASKS):
        return "department-tasks"
    if kind == paths.NodeKind.PROJECT:
        if owner == paths.field(paths.node_of(location), "funds") or name == "funds":
            return "project-funds"
        if name == "indicators":
            return "project-indicators"
        return f"project-{name}" if name in _PROJECT_FIELDS else "project-name"
    if owner == paths.BUDGET or name == "budget":
        return "department-budget"
    if name == "indicators":
        return "department-indicators"
    if name == "tasks":
        return "department-tasks"
    return f"department-{name}" if name in _DEPARTMENT_FIELDS else "department-name"


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle("使用说明")
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(False)
        folder = resource_file(GUIDE + "/index.html").parent
        self.browser.setSearchPaths([str(folder)])
        self.chapters = QListWidget()
        self.chapters.setObjectName("guideChapters")
        for page, title in CHAPTERS:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, page)
            self.chapters.addItem(item)
        self.chapters.setMaximumWidth(220)
        self.chapters.currentItemChanged.connect(
            lambda item, _: item is not None and self.open_page(item.data(Qt.ItemDataRole.UserRole)))
        self.search = QLineEdit()
        self.search.setObjectName("guideSearch")
        self.search.setPlaceholderText("在本页中查找，回车找下一处")
        self.search.returnPressed.connect(self.find_next)
        self.found = QLabel()
        self.found.setObjectName("guideFound")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.found)
        right = QVBoxLayout()
        right.addLayout(top)
        right.addWidget(self.browser, 1)
        row = QHBoxLayout(self)
        row.addWidget(self.chapters)
        row.addLayout(right, 1)
        self.resize(980, 680)
        self.missing = not folder.is_dir()
        if self.missing:
            self.browser.setPlainText(f"找不到使用说明（应在 {folder}），请重新安装本程序。")

    def open_page(self, page: str, anchor: str | None = None) -> None:
        if self.missing:
            return
        url = QUrl(page)
        if anchor:
            url.setFragment(anchor)
        self.browser.setSource(url)
        if anchor:
            self.browser.scrollToAnchor(anchor)
        for row in range(self.chapters.count()):
            item = self.chapters.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == page and self.chapters.currentRow() != row:
                self.chapters.blockSignals(True)
                self.chapters.setCurrentRow(row)
                self.chapters.blockSignals(False)

    def find_next(self) -> bool:
        text = self.search.text().strip()
        if not text:
            return False
        found = self.browser.find(text)
        if not found:  # from the top again
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, QTextDocument.FindFlag(0))
        self.found.setText("" if found else "本页没有找到")
        return found
