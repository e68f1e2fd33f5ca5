"""帮助 menu: 使用说明 (F1, at the focused field's entry), 快捷键一览, 检查规则说明 and 关于. The shortcuts and the
check rules are written from the actions and from model/check_rules.py, so they say what the program does."""

from __future__ import annotations

import html
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QTextBrowser, QVBoxLayout, QWidget

from ... import __version__
from ...model.check_rules import CHECK_RULES
from ..editing.autosave import recovery_folder
from ..widgets.actions import Actions
from ..widgets.fields import FieldBinding
from ..widgets.guide_browser import FIELDS_PAGE, GuideDialog, guide_anchor

# The libraries the program ships with, and their licences (as their projects publish them).
LIBRARIES = [("Qt / PySide6", "LGPL-3.0"), ("pydantic", "MIT"), ("openpyxl", "MIT"), ("python-calamine", "MIT"),
             ("lxml", "BSD-3-Clause"), ("pdfplumber / pdfminer.six", "MIT"), ("defusedxml", "PSF-2.0")]


def _page(parent: QWidget | None, name: str, title: str, body: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    browser = QTextBrowser(dialog)
    browser.setObjectName(f"{name}Text")
    browser.setHtml(body)
    QVBoxLayout(dialog).addWidget(browser)
    dialog.resize(820, 600)
    return dialog


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>{body}</table>"


class HelpController:
    def __init__(self, window: QWidget, actions: Actions, current_location):
        self.window = window
        self.actions = actions
        self.current_location = current_location  # the tree's current node, when no field has the focus
        self.guide: GuideDialog | None = None

    # ---- 使用说明 ------------------------------------------------------------------------------------
    def focused_location(self) -> str | None:
        """The location of the field (or table cell) with the keyboard focus."""
        widget = QApplication.focusWidget()
        while widget is not None:
            binding = widget.findChild(FieldBinding, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if binding is not None:
                return binding.location
            if isinstance(widget, QAbstractItemView):
                model, index = widget.model(), widget.currentIndex()
                if index.isValid() and hasattr(model, "location"):
                    return model.location(index.row(), index.column())
            widget = widget.parentWidget()
        return self.current_location()

    def show_guide(self, location: str | None = None) -> GuideDialog:
        if self.guide is None:
            self.guide = GuideDialog(self.window)
        anchor = guide_anchor(location)
        self.guide.open_page(FIELDS_PAGE if anchor else "index.html", anchor)
        self.guide.show()
        self.guide.raise_()
        return self.guide

    def show_guide_for_focus(self) -> GuideDialog:
        return self.show_guide(self.focused_location())

    # ---- 快捷键一览, 检查规则说明, 关于 -----------------------------------------------------------------------
    def shortcuts_html(self) -> str:
        rows = []
        for action in self.actions.by_name.values():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                rows.append([action.text().replace("&", "").replace("(", "（").replace(")", "）"), keys,
                             action.statusTip()])
        rows += [["撤销 / 重做（在栏目中先撤销该栏目的输入）", "Ctrl+Z / Ctrl+Y", "编辑 → 撤销、重做"],
                 ["在表格中复制、粘贴指标行", "Ctrl+C / Ctrl+V", "指标表格的右键菜单中也有"]]
        return "<h2>快捷键一览</h2>" + _table(["操作", "按键", "说明"], rows)

    def check_rules_html(self) -> str:
        rows = [[rule.title, rule.meaning, rule.remedy, code] for code, rule in CHECK_RULES.items()]
        return ("<h2>检查规则说明</h2><p>问题列表中的每一类问题：它查什么、怎么改。错误须改正后再上报；警告请逐条核对；"
                "提示是建议。</p>" + _table(["规则", "查什么", "怎么改", "代码"], rows))

    def about_html(self) -> str:
        from PySide6 import __version__ as pyside
        from PySide6.QtCore import QSettings, qVersion

        libraries = "".join(f"<li>{html.escape(name)}（{licence}）</li>" for name, licence in LIBRARIES)
        return (f"<h2>绩效目标申报编辑器 {__version__}</h2>"
                "<p>离线填写、检查、保存和打印预算绩效目标申报表。</p>"
                f"<p>Python {sys.version.split()[0]}，Qt {qVersion()}（PySide6 {pyside}）</p>"
                f"<p>使用的软件库及其许可证：</p><ul>{libraries}</ul>"
                f"<p>设置保存在：{html.escape(QSettings().fileName())}<br>"
                f"自动保存的恢复副本在：{html.escape(str(recovery_folder()))}</p>")

    def show_shortcuts(self) -> QDialog:
        return self._show(_page(self.window, "shortcutsDialog", "快捷键一览", self.shortcuts_html()))

    def show_check_rules(self) -> QDialog:
        return self._show(_page(self.window, "checkRulesDialog", "检查规则说明", self.check_rules_html()))

    def show_about(self) -> QDialog:
        return self._show(_page(self.window, "aboutDialog", "关于", self.about_html()))

    @staticmethod
    def _show(dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
