"""File → Print Preview / Print / Export PDF: choose forms and projects, ask about errors, then paint."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...forms.html_forms import print_jobs
from ...render.printing import NoChineseFont, export_pdf, header_text, render
from ...storage.infra.errors import FileProblem
from ..editing.session import Session
from ..widgets.messages import show_error

FORM_CHOICES = [("all", "全部表格"), ("project", "项目支出绩效目标申报表（每个项目一份）"),
                ("summary", "项目支出绩效目标表（汇总）"), ("department", "部门整体预算绩效目标申报表")]


@dataclass
class PrintChoice:
    form: str
    projects: list[int] | None  # None: all projects
    draft: bool


class PrintOptionsDialog(QDialog):
    def __init__(self, parent: QWidget | None, current_project: int | None, has_errors: bool,
                 selected_projects: list[int] | None = None):
        super().__init__(parent)
        self.setWindowTitle("打印选项")
        self.setObjectName("printOptionsDialog")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.form = QComboBox()
        self.form.setObjectName("printForm")
        for key, label in FORM_CHOICES:
            self.form.addItem(label, key)
        form.addRow("表格：", self.form)
        self.current = QRadioButton("当前项目")
        self.current.setObjectName("printCurrentProject")
        self.current.setEnabled(current_project is not None)
        self.selected_projects = selected_projects or []
        self.selected = QRadioButton(f"树中所选的 {len(self.selected_projects)} 个项目（Ctrl/Shift+单击多选）")
        self.selected.setObjectName("printSelectedProjects")
        self.selected.setEnabled(len(self.selected_projects) > 1)
        self.every = QRadioButton("全部项目")
        self.every.setChecked(True)
        form.addRow("项目：", self.current)
        form.addRow("", self.selected)
        form.addRow("", self.every)
        self.draft = QCheckBox("每页标注“草稿”")
        self.draft.setObjectName("printDraft")
        self.draft.setChecked(has_errors)
        if has_errors:
            self.draft.setText("每页标注“草稿”（申报表还有错误）")
        form.addRow("", self.draft)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.current_project = current_project

    def choice(self) -> PrintChoice:
        projects = None
        if self.current.isChecked() and self.current_project is not None:
            projects = [self.current_project]
        elif self.selected.isChecked() and self.selected_projects:
            projects = list(self.selected_projects)
        return PrintChoice(self.form.currentData(), projects, self.draft.isChecked())


class PrintController:
    """selection() gives the project being edited (or None) and the projects selected in the tree."""

    def __init__(self, session: Session, dialog_parent: QWidget | None,
                 selection: Callable[[], tuple[int | None, list[int]]]):
        self.session = session
        self.dialog_parent = dialog_parent
        self.selection = selection

    def tell_error(self, title: str, problem: Exception, advice: str) -> None:
        show_error(self.dialog_parent, title, problem, advice)

    def ask_choice(self) -> PrintChoice | None:
        document = self.session.document
        current, selected = self.selection()
        errors = document.counts()["error"]
        dialog = PrintOptionsDialog(self.dialog_parent, current, errors > 0, selected)
        if errors and QMessageBox.question(self.dialog_parent, "申报表还有错误",
                                           f"申报表还有 {errors} 个错误。仍要打印吗？（可在下一步标注“草稿”）") != QMessageBox.StandardButton.Yes:
            return None
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_pdf_path(self) -> str | None:
        suggested = self.session.export_path(".pdf")
        path, _ = QFileDialog.getSaveFileName(self.dialog_parent, "导出 PDF", suggested, "PDF 文件 (*.pdf)")
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path or None

    def _paint(self, printer: QPrinter, choice: PrintChoice) -> None:
        declaration = self.session.document.declaration
        try:
            render(print_jobs(declaration, choice.form, choice.projects), printer, header_text(declaration), choice.draft)
        except (NoChineseFont, OSError) as error:
            self.tell_error("无法打印", error, "请安装中文字体或检查打印机后重试。")

    def preview(self) -> None:
        choice = self.ask_choice()
        if choice is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self.dialog_parent)
        dialog.setWindowTitle("打印预览")
        dialog.paintRequested.connect(lambda p: self._paint(p, choice))
        dialog.resize(1000, 800)
        dialog.exec()

    def print(self) -> None:  # noqa: A003 - the menu's word
        choice = self.ask_choice()
        if choice is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self.dialog_parent).exec() == QDialog.DialogCode.Accepted:
            self._paint(printer, choice)

    def export(self) -> bool:
        choice = self.ask_choice()
        if choice is None:
            return False
        path = self.ask_pdf_path()
        if not path:
            return False
        try:
            pages = export_pdf(self.session.document.declaration, path, choice.form, choice.projects, choice.draft)
        except FileProblem as problem:
            self.tell_error("导出 PDF 失败", problem, "请换一个位置或关闭占用该文件的程序后重试。")
            return False
        self.session.tell(f"已导出 {path}，共 {pages} 页", 8000)
        return True
