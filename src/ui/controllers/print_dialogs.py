"""File → Print Preview / Print / Export PDF: choose forms and projects, ask about errors, then paint.

The three show and paint one set of laid-out pages (render.printing.Pages). The preview is our own: Qt's
QPrintPreviewDialog puts every page on the paper of the last one, so the landscape summary would show on
portrait paper, running past its right edge."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPen
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QMessageBox,
    QRadioButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...forms.html_forms import print_jobs
from ...render.printing import NoChineseFont, Pages, export_pdf, header_text, print_pages
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


class PagePictures:
    """The pages' pictures at the sizes last shown, the most recent few kept (a page takes about 3 MB)."""

    KEPT = 8

    def __init__(self, pages: Pages):
        self.pages = pages
        self.kept: OrderedDict[tuple[int, int, int], QImage] = OrderedDict()

    def get(self, index: int, size: QSize) -> QImage:
        key = (index, size.width(), size.height())
        if key in self.kept:
            self.kept.move_to_end(key)
        else:
            self.kept[key] = self.pages.image(index, size.width(), size.height())
            while len(self.kept) > self.KEPT:
                self.kept.popitem(last=False)
        return self.kept[key]


class PreviewPage(QGraphicsItem):
    """One sheet of the preview, at its own size and orientation, in the layout's pixels. Its picture at the
    view's zoom comes from the dialog's few kept pictures."""

    def __init__(self, pages: Pages, index: int, pictures: PagePictures):
        super().__init__()
        self.pages, self.index, self.pictures = pages, index, pictures
        self.sheet = pages.paper(index)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's override
        return self.sheet

    def paint(self, painter: QPainter, option, widget=None) -> None:
        scale = option.levelOfDetailFromTransform(painter.worldTransform()) * painter.device().devicePixelRatioF()
        if scale >= 1:  # zoomed in beyond the layout's resolution: painted as it is
            painter.fillRect(self.sheet, Qt.GlobalColor.white)
            painter.save()
            painter.translate(self.pages.printable(self.index).topLeft())
            self.pages.paint(painter, self.index)
            painter.restore()
        else:
            size = QSize(max(1, round(self.sheet.width() * scale)), max(1, round(self.sheet.height() * scale)))
            painter.drawImage(self.sheet, self.pictures.get(self.index, size))
        painter.setPen(QPen(QColor("#888888"), 0))  # a hairline at any zoom
        painter.drawRect(self.sheet)


class PrintPreviewDialog(QDialog):
    """The pages one under another, each on its own paper, with zoom and 打印… (which closes it once printed)."""

    GAP = 120  # between sheets, in the layout's pixels (1 cm)

    def __init__(self, pages: Pages, print_them: Callable[[QWidget], bool], parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(f"打印预览（共 {len(pages)} 页）")
        self.setObjectName("printPreviewDialog")
        self.scene = QGraphicsScene(self)
        self.scene.setBackgroundBrush(QColor("#808080"))
        widest = max(pages.paper(index).width() for index in range(len(pages)))
        top = 0.0
        pictures = PagePictures(pages)
        for index in range(len(pages)):
            sheet = PreviewPage(pages, index, pictures)
            sheet.setPos((widest - sheet.sheet.width()) / 2, top)
            self.scene.addItem(sheet)
            top += sheet.sheet.height() + self.GAP
        self.view = QGraphicsView(self.scene)
        self.view.setObjectName("printPreviewPages")
        self.view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                                 | QPainter.RenderHint.SmoothPixmapTransform)
        bar = QToolBar()
        self.fitted = True
        bar.addAction("适合宽度", self.fit_width).setObjectName("previewFitWidth")
        for name, text, keys, factor in (("previewZoomIn", "放大", QKeySequence.StandardKey.ZoomIn, 1.25),
                                         ("previewZoomOut", "缩小", QKeySequence.StandardKey.ZoomOut, 0.8)):
            action = bar.addAction(text, lambda factor=factor: self.zoom(factor))
            action.setObjectName(name)
            action.setShortcut(keys)
        bar.addSeparator()
        self.print_them = print_them
        printing = bar.addAction("打印…", self.print_and_close)
        printing.setObjectName("previewPrint")
        printing.setShortcut(QKeySequence.StandardKey.Print)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(self.view)

    def print_and_close(self) -> None:
        if self.print_them(self):
            self.accept()

    def fit_width(self) -> None:
        self.fitted = True
        scene = self.scene.itemsBoundingRect()
        scale = (self.view.viewport().width() - 24) / (scene.width() + self.GAP)
        self.view.resetTransform()
        self.view.scale(scale, scale)

    def zoom(self, factor: float) -> None:
        self.fitted = False
        self.view.scale(factor, factor)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's override
        super().showEvent(event)
        if self.fitted:
            self.fit_width()
            self.view.centerOn(self.scene.itemsBoundingRect().center().x(), 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's override
        super().resizeEvent(event)
        if self.fitted:
            self.fit_width()


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

    def pages(self, choice: PrintChoice) -> Pages | None:
        """The chosen forms laid out, or None when there is nothing to print or no Chinese font (said so)."""
        declaration = self.session.document.declaration
        try:
            pages = Pages(print_jobs(declaration, choice.form, choice.projects), header_text(declaration), choice.draft)
        except NoChineseFont as error:
            self.tell_error("无法打印", error, "请安装中文字体后重试。")
            return None
        if not len(pages):
            self.session.tell("没有可打印的表格（所选范围内没有项目）")
            return None
        return pages

    def send_to_printer(self, pages: Pages, parent: QWidget | None = None) -> bool:
        """The print dialog, then the pages to the printer chosen; whether they were printed."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, parent or self.dialog_parent).exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            print_pages(pages, printer)
        except OSError as error:
            self.tell_error("无法打印", error, "请检查打印机后重试。")
            return False
        return True

    def preview(self) -> None:
        choice = self.ask_choice()
        pages = self.pages(choice) if choice is not None else None
        if pages is None:
            return
        dialog = PrintPreviewDialog(pages, lambda parent: self.send_to_printer(pages, parent), self.dialog_parent)
        dialog.resize(1000, 800)
        dialog.exec()

    def print(self) -> None:  # noqa: A003 - the menu's word
        choice = self.ask_choice()
        pages = self.pages(choice) if choice is not None else None
        if pages is not None:
            self.send_to_printer(pages)

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
