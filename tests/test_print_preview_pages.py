"""打印预览, the printer and 导出 PDF give the same pages (issue 25): as many pages, each on its own paper (the
forms portrait, the summary landscape), and no printer refusing a page layout on the way. The preview had
shown every page on the paper of the last one (the summary running past the right edge, its footer mid-page)
and warned 'QPrinter::setPageLayout: Cannot be changed while printer is active' once a page."""

import re

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QDialog, QGraphicsView

from src.forms.html_forms import print_jobs
from src.render.printing import header_text, pdf_bytes, render
from src.storage.infra.files import open_declaration
from src.ui.controllers import print_dialogs
from src.ui.controllers.print_dialogs import PrintChoice
from tests.helpers.poppler import poppler

EVERYTHING = PrintChoice("all", None, False)


def paper(width: float, height: float) -> str:
    return "landscape" if width > height else "portrait"


def pdf_papers(pdf) -> list[str]:
    """Each page's paper as the PDF file has it (pdfinfo's page sizes)."""
    count = int(re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", str(pdf)), re.M).group(1))
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts",
                       poppler("pdfinfo", "-f", "1", "-l", str(count), str(pdf)), re.M)
    assert len(sizes) == count
    return [paper(float(width), float(height)) for width, height in sizes]


def exported_papers(window, tmp_path) -> list[str]:
    """File → 导出 PDF for every form, read back."""
    target = tmp_path / "导出.pdf"
    window.printing.ask_pdf_path = lambda: str(target)
    assert window.printing.export()
    return pdf_papers(target)


def preview_papers(window, then=None) -> list[str]:
    """File → 打印预览 as the menu opens it (a modal dialog); while it is open, the pages its view shows are
    read off the view's scene, top to bottom: each page item's paper. Then the dialog is closed, or handed
    to then()."""
    seen: list[str] = []
    failed: list[str] = []

    def look(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or dialog.findChild(QGraphicsView) is None:
            if tries < 200:
                QTimer.singleShot(50, lambda: look(tries + 1))
            else:
                failed.append(f"no preview with a page view was shown, but {dialog!r}")
                if dialog is not None:
                    dialog.close()  # another question or box: the test fails instead of waiting for an answer
            return
        QApplication.processEvents()
        scene = dialog.findChild(QGraphicsView).scene()
        pages = sorted((item for item in scene.items() if item.parentItem() is None),
                       key=lambda item: (item.scenePos().y(), item.scenePos().x()))
        seen.extend(paper(item.boundingRect().width(), item.boundingRect().height()) for item in pages)
        try:
            if then is not None:
                then(dialog)
                if dialog.isVisible():
                    failed.append("the preview stayed open")
        finally:
            if dialog.isVisible():  # never left waiting, whatever failed
                dialog.reject()

    QTimer.singleShot(0, look)
    window.printing.preview()
    assert not failed, failed
    return seen


def printer_refusals(qtlog) -> list[str]:
    return [record.message for record in qtlog.records if "QPrinter" in record.message]


def open_the_demo(window, demo_path) -> None:
    window.files.open(str(demo_path))
    window.printing.ask_choice = lambda: EVERYTHING
    window.printing.tell_error = lambda *told: pytest.fail(f"unexpected error box {told}")


def test_the_preview_shows_the_pages_the_pdf_has(window, qtbot, qtlog, tmp_path, demo_path):
    open_the_demo(window, demo_path)
    exported = exported_papers(window, tmp_path)
    assert "landscape" in exported and "portrait" in exported  # the summary and the forms
    previewed = preview_papers(window)
    assert len(previewed) == len(exported)
    assert previewed == exported
    assert printer_refusals(qtlog) == []


def printer_to_file(monkeypatch, target):
    """The print dialog, answered with a printer that writes a PDF file."""
    class PrinterToFile:
        def __init__(self, printer, parent=None):
            self.printer = printer

        def exec(self):
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(target))
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(print_dialogs, "QPrintDialog", PrinterToFile)


def test_the_printer_gets_the_pages_the_pdf_has(window, qtlog, tmp_path, demo_path, monkeypatch):
    """File → 打印, and 打印… in the preview (which then closes): the printer gets the same pages."""
    open_the_demo(window, demo_path)
    exported = exported_papers(window, tmp_path)
    printer_to_file(monkeypatch, tmp_path / "打印.pdf")
    window.printing.print()
    assert pdf_papers(tmp_path / "打印.pdf") == exported
    printer_to_file(monkeypatch, tmp_path / "从预览打印.pdf")
    previewed = preview_papers(window, then=lambda dialog: dialog.findChild(QAction, "previewPrint").trigger())
    assert pdf_papers(tmp_path / "从预览打印.pdf") == previewed == exported
    assert printer_refusals(qtlog) == []


def test_a_printer_busy_printing_turns_its_paper_without_a_warning(qtbot, qtlog, tmp_path, demo_path):
    """An active QPrinter whose engine is not a PDF writer (the preview's, Windows' native one) refuses
    setPageLayout: the pages painted on one still turn landscape and back, as the PDF's do."""
    declaration = open_declaration(demo_path).declaration
    data, _ = pdf_bytes(declaration)
    (tmp_path / "pdf.pdf").write_bytes(data)

    class PaperKeeper(QPrinter):
        """Notes each page's paper as the printer starts it: the first with the layout set before painting
        begins, the next ones from the printer's page size once newPage() has started them."""
        def __init__(self):
            super().__init__(QPrinter.PrinterMode.HighResolution)
            self.papers: list[str] = []

        def setPageLayout(self, layout: QPageLayout) -> bool:  # noqa: N802 - Qt's name
            if self.printerState() != QPrinter.PrinterState.Active:
                landscape = layout.orientation() == QPageLayout.Orientation.Landscape
                self.papers[:] = ["landscape" if landscape else "portrait"]
            return super().setPageLayout(layout)

        def newPage(self) -> bool:  # noqa: N802 - Qt's name
            started = super().newPage()
            self.papers.append(paper(self.width(), self.height()))
            return started

    printer = PaperKeeper()
    preview = QPrintPreviewWidget(printer)
    qtbot.addWidget(preview)
    preview.paintRequested.connect(lambda device: render(print_jobs(declaration, "all", None), device,
                                                         header_text(declaration)))
    preview.updatePreview()
    assert printer.papers == pdf_papers(tmp_path / "pdf.pdf")
    assert printer_refusals(qtlog) == []
