"""The quick fixes' widgets: the 修复：… link under a field and the 修复全部同类问题 dialog listing its changes."""

from __future__ import annotations

import html
from typing import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ...model.fixes import Fix, change_lines
from ...model.problems import Problem
from ..editing.document import Document
from ..editing.fixing import FixAllPlan, fix_tip, fixes_of


class FixLink(QLabel):
    """"修复：<label>" under a field's message; a click applies the field's fix. Mouse only: a link that took
    the keyboard would change where Tab goes next (the keyboard has Ctrl+. on the selected problem)."""

    def __init__(self, document: Document, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.fixes = fixes_of(document)
        self.fix: Fix | None = None
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.linkActivated.connect(self._activated)
        self.hide()

    def show_for(self, problems: Iterable[Problem]) -> None:
        fix = self.fixes.first_fix(problems)
        if fix == self.fix and self.isHidden() == (fix is None):
            return  # nothing new: every keystroke comes here for every field of the open forms
        self.fix = fix
        if fix is None:
            self.hide()
            return
        self.setText(f'<a href="fix">修复：{html.escape(fix.label)}</a>')
        self.setToolTip(fix_tip(fix))
        self.show()

    def _activated(self, _link: str) -> None:
        if self.fix is not None:
            self.fixes.apply_one(self.fix)  # a stale change is dropped, never applied


class FixAllDialog(QDialog):
    """The changes 修复全部同类问题 will make, one line each, with 确定 and 取消."""

    def __init__(self, document: Document, plan: FixAllPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fixAllDialog")
        self.setWindowTitle("修复全部同类问题")
        self.plan = plan
        column = QVBoxLayout(self)
        changes = sum(len(fix.changes) for fix in plan.fixes)
        summary = f"将修复 {len(plan.fixes)} 个问题，共 {changes} 处修改（可一次撤销）："
        if plan.left_out:
            summary += f"\n另有 {plan.left_out} 个把握不大的修复未包括，可在问题列表中逐个查看后修复。"
        if any(fix.needs_input for fix in plan.fixes):
            summary += "\n添加的内容需要补填（例如指标值）。"
        text = QLabel(summary)
        text.setObjectName("fixAllSummary")
        text.setWordWrap(True)
        column.addWidget(text)
        listing = QPlainTextEdit()
        listing.setObjectName("fixAllChanges")
        listing.setReadOnly(True)
        listing.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter confirms; the list is only to read
        listing.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # old → new ends each line: keep it in view
        listing.setPlainText("\n".join(line for fix in plan.fixes for line in change_lines(document.declaration, fix)))
        column.addWidget(listing)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("确定")
        ok.setObjectName("fixAllOk")
        ok.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("取消")
        cancel.setObjectName("fixAllCancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.resize(760, 420)
        ok.setFocus()
