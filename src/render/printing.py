"""Paint the forms of src/forms onto a printer or a PDF: A4, header, 第 N 页 共 M 页, optional 草稿 mark.

Every page is painted here (not by QTextDocument.print_), so the header, the footer and the
page count are ours and the orientation can change from one form to the next. The forms are laid out
once, at the PDF's resolution (Pages), and those pages are what the PDF, a printer and the window's
preview all get: a printer's resolution or a screen's does not move a line to another page.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextTable,
)

from ..forms.html_forms import LANDSCAPE, Grid, PrintJob, print_jobs
from ..model.declaration import Declaration
from ..storage.infra.atomic import atomic_write
from ..storage.infra.errors import FileProblem

# 宋体 first: the forms are official documents; WenQuanYi on Linux gives a correct PDF text layer (PLATFORM.md).
PRINT_FONTS = ["SimSun", "宋体", "NSimSun", "Microsoft YaHei", "微软雅黑", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
               "Source Han Serif SC", "Noto Serif CJK SC", "Noto Sans CJK SC"]
_MARGINS_MM = QMarginsF(15, 12, 15, 12)
LAYOUT_DPI = 300  # the PDF's resolution; every device is painted from pages laid out at it


class NoChineseFont(RuntimeError):
    pass


def print_font_family() -> str:
    families = set(QFontDatabase.families())
    for family in PRINT_FONTS:
        if family in families:
            return family
    for family in sorted(families):
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family):
            return family
    raise NoChineseFont("系统中没有可用的中文字体，打印会丢失汉字。请安装宋体或文泉驿微米黑（fonts-wqy-microhei）后再打印。")


def ensure_gui_application() -> None:
    """Headless commands print without a window, offscreen where there is no display: a QGuiApplication is
    all that fonts and painting need, and no QtWidgets is loaded. The window's process (and the test session)
    makes its QApplication before anything prints, so this finds it there."""
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and os.name != "nt":
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication([])


def _page_layout(orientation: str) -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                       QPageLayout.Orientation.Landscape if orientation == LANDSCAPE else QPageLayout.Orientation.Portrait,
                       _MARGINS_MM, QPageLayout.Unit.Millimeter)


def _layout_document(job: PrintJob, device: QPagedPaintDevice, font: QFont, body: QRectF) -> QTextDocument:
    """The form laid out on pages, its grids' rows kept whole on one page and its spans named on each.

    QTextDocument would split a row over two pages and centre nothing across the break, and a
    一级指标 spanning two pages would be named on one. So the layout is read back: rows that
    cross a page are pushed to the next one (a new table with the header), rows that begin a
    page restart the spans. Pushing moves the rows after it, so this repeats (four rounds at most;
    a row left over is split with its text whole, not cut).
    """
    document = _laid_out(job.html, device, font, body)
    if job.paginate is None or not job.grids:
        return document
    applied: dict[str, tuple[frozenset[int], frozenset[int]]] = {grid.header: (frozenset(), frozenset()) for grid in job.grids}
    for _ in range(4):
        changed = False
        for grid in job.grids:
            starts, pushes = applied[grid.header]
            found_starts, found_pushes = _grid_rows_at_page_breaks(document, grid, body.height())
            if found_pushes <= pushes and found_starts - pushes == starts:
                continue
            # Pushes stay (a pushed row begins its page from then on); starts are those of this layout.
            pushes = pushes | found_pushes
            applied[grid.header] = (found_starts - pushes, pushes)
            changed = True
        if not changed:
            break
        document = _laid_out(job.paginate(applied).html, device, font, body)
    return document


def _laid_out(html: str, device: QPagedPaintDevice, font: QFont, body: QRectF) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(font)
    document.setHtml(html)
    document.setPageSize(body.size())
    return document


def _grid_rows_at_page_breaks(document: QTextDocument, grid: Grid, page_height: float) -> tuple[frozenset[int], frozenset[int]]:
    """Rows of the grid (numbered across its tables, headers excluded) that begin a page, and
    those that cross into the next one though they would fit on a page of their own."""
    layout = document.documentLayout()
    starts, pushes = set(), set()
    number, previous_page = 0, None
    for table in _grid_tables(document, grid):
        for row in range(1, table.rows()):
            cells = [table.cellAt(row, column) for column in grid.own_columns]
            top = min(layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells)
            bottom = max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells)
            page = int(top // page_height)
            if int((bottom - 1) // page_height) != page and bottom - top < page_height * 0.8:
                pushes.add(number)
            elif number > 0 and page != previous_page:
                starts.add(number)
            previous_page = page
            number += 1
    return frozenset(starts), frozenset(pushes)


def _grid_tables(document: QTextDocument, grid: Grid) -> list[QTextTable]:
    return [frame for frame in document.rootFrame().childFrames()
            if isinstance(frame, QTextTable) and frame.rows() > 1
            and frame.cellAt(0, 0).firstCursorPosition().block().text() == grid.header]


class Pages:
    """The forms laid out once, page by page, at the PDF's resolution: what 导出 PDF writes, the printer
    prints and the preview shows. Each page has its own paper (a form portrait, the summary landscape)."""

    def __init__(self, jobs: list[PrintJob], header: str, draft: bool = False):
        self.header, self.draft = header, draft
        self.font = QFont(print_font_family(), 10)
        # The layout's device: a PDF writer that is never painted on, so every device gets the PDF's pages.
        self._buffer = QBuffer()
        self._device = QPdfWriter(self._buffer)
        self._device.setResolution(LAYOUT_DPI)
        self._pages: list[tuple[PrintJob, QTextDocument, int]] = []
        for job in jobs:
            body = _body(_page_layout(job.orientation))
            document = _layout_document(job, self._device, self.font, body)
            self._pages.extend((job, document, page) for page in range(document.pageCount()))

    def __len__(self) -> int:
        return len(self._pages)

    def page_layout(self, index: int) -> QPageLayout:
        return _page_layout(self._pages[index][0].orientation)

    def paper(self, index: int) -> QRectF:
        """The whole sheet, in the layout's pixels."""
        return QRectF(self.page_layout(index).fullRectPixels(LAYOUT_DPI))

    def printable(self, index: int) -> QRectF:
        """The part of the sheet inside the margins, where paint() paints, in the layout's pixels."""
        return QRectF(self.page_layout(index).paintRectPixels(LAYOUT_DPI))

    def paint(self, painter: QPainter, index: int) -> None:
        """Page index, in the layout's pixels from the printable part's top left (scale the painter)."""
        job, document, page = self._pages[index]
        layout = self.page_layout(index)
        _paint_page(painter, document, page, _body(layout), _band(), self.font, self.header, job.title,
                    index + 1, len(self), self.draft)

    def image(self, index: int, width: int, height: int) -> QImage:
        """The whole sheet as a picture of width × height pixels, for a screen. It is painted at the layout's
        resolution and then scaled: painted through a scaled-down painter, Qt's made-up bold (a font with no
        bold face, as WenQuanYi) comes out smeared, thickened for the size the text was laid out at."""
        sheet = self.paper(index).toRect()
        full = QImage(sheet.size(), QImage.Format.Format_RGB32)
        full.fill(Qt.GlobalColor.white)
        painter = QPainter(full)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        painter.translate(self.printable(index).topLeft())
        self.paint(painter, index)
        painter.end()
        return full.scaled(width, height, Qt.AspectRatioMode.IgnoreAspectRatio,
                           Qt.TransformationMode.SmoothTransformation)


def _band() -> float:
    return LAYOUT_DPI * 0.35  # header and footer lines, about 9 mm


def _body(layout: QPageLayout) -> QRectF:
    page = layout.paintRectPixels(LAYOUT_DPI)
    return QRectF(0, 0, page.width(), page.height() - 2 * _band())


def render(jobs: list[PrintJob], device: QPagedPaintDevice, header: str, draft: bool = False) -> int:
    """Paint all jobs onto device; returns the number of pages."""
    return print_pages(Pages(jobs, header, draft), device) if jobs else 0


def print_pages(pages: Pages, device: QPagedPaintDevice) -> int:
    """Paint the pages onto a PDF writer or a printer, each on its own paper; returns the number of pages.

    The first page's layout is set before painting begins. After that only the orientation changes: a
    QPrinter that is printing refuses setPageLayout (the preview's engine and the native ones: 'Cannot be
    changed while printer is active') but takes setPageOrientation, which the next newPage() applies, as
    a QPdfWriter does too."""
    if not len(pages):
        return 0
    device.setPageLayout(pages.page_layout(0))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("无法开始打印（打印机或文件不可用）")
    try:
        for index in range(len(pages)):
            if index:
                device.setPageOrientation(pages.page_layout(index).orientation())
                device.newPage()
            # The device's own resolution (a printer's 600 or 1200 dpi), and a printer's wider margins if it has them.
            planned = pages.printable(index)
            printable = device.pageLayout().paintRectPixels(device.resolution())
            scale = min(printable.width() / planned.width(), printable.height() / planned.height())
            painter.save()
            painter.scale(scale, scale)
            pages.paint(painter, index)
            painter.restore()
    finally:
        painter.end()
    return len(pages)


def _paint_page(painter: QPainter, document: QTextDocument, page: int, body: QRectF, band: float, font: QFont,
                header: str, title: str, number: int, total: int, draft: bool) -> None:
    small = _pixel_font(font, 8)
    painter.setFont(small)
    painter.setPen(QColor("#444444"))
    width = body.width()
    painter.drawText(QRectF(0, 0, width, band * 0.8), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, header)
    painter.drawText(QRectF(0, 0, width, band * 0.8), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, title)
    painter.drawLine(QPointF(0, band * 0.9), QPointF(width, band * 0.9))
    footer_top = band + body.height()
    painter.drawText(QRectF(0, footer_top + band * 0.2, width, band * 0.8), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                     f"第 {number} 页 共 {total} 页")
    painter.save()
    painter.translate(0, band)
    painter.setClipRect(QRectF(0, 0, width, body.height()))
    painter.translate(0, -page * body.height())
    document.drawContents(painter, QRectF(0, page * body.height(), width, body.height()))
    painter.restore()
    if draft:
        _paint_draft_mark(painter, font, width, band * 2 + body.height())


def _pixel_font(font: QFont, points: float) -> QFont:
    """The font at a size in the layout's pixels: a point size would be taken at the painted device's
    resolution (a screen's 96 dpi, a printer's 1200) while the painter is scaled from the layout's."""
    sized = QFont(font)
    sized.setPixelSize(round(points * LAYOUT_DPI / 72))
    return sized


def _paint_draft_mark(painter: QPainter, font: QFont, width: float, height: float) -> None:
    painter.save()
    mark = _pixel_font(font, 72)
    mark.setBold(True)
    painter.setFont(mark)
    painter.setPen(QColor(200, 0, 0, 60))
    painter.translate(width / 2, height / 2)
    painter.rotate(-30)
    painter.drawText(QRectF(-width, -height / 4, 2 * width, height / 2), Qt.AlignmentFlag.AlignCenter, "草稿")
    painter.restore()


def header_text(declaration: Declaration) -> str:
    name = declaration.department.name or "（未填写部门名称）"
    return f"{name}　{declaration.year}年度" if declaration.year else name


def pdf_bytes(declaration: Declaration, form: str = "all", projects: list[int] | None = None,
              draft: bool = False) -> tuple[bytes, int]:
    header = header_text(declaration)
    return jobs_pdf_bytes(print_jobs(declaration, form, projects), header, header, draft)


def jobs_pdf_bytes(jobs, header: str, title: str, draft: bool = False) -> tuple[bytes, int]:
    """Any print jobs (the declaration's forms, the 问题清单) as PDF bytes, with their page count."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LAYOUT_DPI)
    writer.setCreator("绩效目标申报编辑器")
    writer.setTitle(title)
    pages = render(jobs, writer, header, draft)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data), pages


def export_pdf(declaration: Declaration, path: str | Path, form: str = "all", projects: list[int] | None = None,
               draft: bool = False) -> int:
    """Write the PDF atomically; returns its page count. Failures are FileProblems for the UI and CLI."""
    try:
        data, pages = pdf_bytes(declaration, form, projects, draft)
    except NoChineseFont as error:
        raise FileProblem(path, str(error)) from error
    if pages == 0:
        raise FileProblem(path, "没有可打印的表格（所选范围内没有项目）")
    atomic_write(path, data, keep_backup=False)
    return pages
