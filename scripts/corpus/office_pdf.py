"""A published sheet (sheet.Sheet) printed to PDF the way Excel and WPS print it, with Qt's QPdfWriter: each cell's
text drawn whole under a clip path of the cell's box (`painter.setClipRect`), so a row too low for its text keeps
all of it in the PDF's text layer, drawn past the cell's edges over the rows above and below, while the page shows
only what fits (issue 22, item 4). LibreOffice, which makes the corpus' PDFs, instead leaves out what a row cannot
show; this is the other producers' way.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m scripts.corpus.office_pdf OUT.pdf [--rows low|fitted]
        [--no-borders] [--valign top|centre] [--projects N] [--no-repeat-header] [--header-rows 1|2] [--portrait]

Knobs: rows `low` (every table row one line high, whatever it holds: autofit did not run) or `fitted` (each row
as high as its text); borders drawn or not (then only the text's positions tell the cells apart); the text at a
cell's top (overflowing downwards) or centred (overflowing both ways, as WPS centres); the header repeated on
every page or not; one header row or two (项目资金 over its four amounts). The table is the corpus' project table
(project_table.render) of the demo declaration (resources/demo-tianhe-2023.json), 天河-style indicator text.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

from .project_table import render
from .sheet import Sheet

POINTS_PER_WIDTH_UNIT = 5.6  # one of Excel's character width units (7 px at 96 dpi, padding included), in points
FONT_POINTS = 8.0
LINE = FONT_POINTS * 1.45  # a line of text, in points
PADDING = 2.0
MARGIN = 28.0


@dataclass
class Print:
    rows: str = "low"  # low | fitted
    borders: bool = True
    valign: str = "top"  # top | centre
    repeat_header: bool = True
    landscape: bool = True


def project_sheet(projects: int = 4, header_rows: str = "1", seed: str = "office-pdf") -> tuple[Sheet, object]:
    """The demo declaration's first projects as a published 项目支出绩效目标表 (the corpus' plain knobs)."""
    from src.storage.infra.files import open_declaration

    declaration = open_declaration(Path("resources/demo-tianhe-2023.json")).declaration
    declaration.projects = declaration.projects[:projects]
    knobs = {"source": "demo-tianhe-2023", "projects": "2-4", "columns": "full", "column_order": "official",
             "unit": "column", "department_in": "name_row", "header_rows": header_rows, "total_row": "yes",
             "header_at": "top", "first_column": "A", "amounts": "number", "separators": "none",
             "line_breaks": "none", "title_year": "yes", "indicator_style": "tianhe", "punctuation": "full",
             "numbering": "、", "tags": "none", "orientation": "landscape", "fit_width": "yes",
             "row_heights": "fitted", "borders": "yes", "repeat_header": "yes"}
    sheet, _ = render(declaration, knobs, random.Random(seed))
    return sheet, declaration


def write_pdf(sheet: Sheet, path: Path, setup: Print) -> None:
    from PySide6.QtCore import QMarginsF, QRectF, Qt
    from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

    _ = QGuiApplication.instance() or QGuiApplication([])
    writer = QPdfWriter(str(path))
    writer.setCreator("office_pdf (scripts/corpus)")
    writer.setResolution(72)  # painter units are points
    orientation = QPageLayout.Orientation.Landscape if setup.landscape else QPageLayout.Orientation.Portrait
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                     QMarginsF(MARGIN, MARGIN, MARGIN, MARGIN), QPageLayout.Unit.Point))
    painter = QPainter(writer)
    body = QRectF(writer.pageLayout().paintRect(QPageLayout.Unit.Point))
    body.moveTo(0, 0)
    font = QFont("WenQuanYi Micro Hei")
    font.setPointSizeF(FONT_POINTS)
    bold = QFont(font)
    bold.setBold(True)
    first_row, first_column, last_row, last_column = sheet.used()
    columns = list(range(first_column, last_column + 1))
    natural = [sheet.widths.get(c, 8.43) * POINTS_PER_WIDTH_UNIT for c in columns]
    scale = min(1.0, body.width() / sum(natural))  # fit to the page's width
    lefts = [0.0]
    for width in natural:
        lefts.append(lefts[-1] + width * scale)
    merges = {(m[0], m[1]): m for m in sheet.merges}
    covered = {(r, c) for m in sheet.merges for r in range(m[0], m[2] + 1) for c in range(m[1], m[3] + 1)} - set(merges)
    wrap = Qt.TextFlag.TextWrapAnywhere

    def span(row: int, column: int) -> tuple[int, int]:
        merge = merges.get((row, column))
        return (merge[2], merge[3]) if merge else (row, column)

    def text_height(row: int, column: int) -> float:
        _, last = span(row, column)
        width = lefts[last - first_column + 1] - lefts[column - first_column] - 2 * PADDING
        cell = sheet.cells[(row, column)]
        metrics = QFontMetricsF(bold if cell.bold else font, writer)  # the PDF's 72 dpi, not the screen's
        return metrics.boundingRect(QRectF(0, 0, width, 1e5), int(wrap), sheet.display(row, column)).height()

    in_table = (lambda r: sheet.table_rows[0] <= r <= sheet.table_rows[1]) if sheet.table_rows else (lambda r: False)
    heights = {}
    for row in range(first_row, last_row + 1):
        single = [text_height(r, c) for (r, c) in sheet.cells if r == row and span(r, c)[0] == row]
        if setup.rows == "low" and in_table(row):
            heights[row] = LINE + 2 * PADDING
        else:
            heights[row] = max([LINE, *single]) + 2 * PADDING

    def paint_row(row: int, top: float) -> None:
        for column in columns:
            if (row, column) in covered:
                continue
            last_r, last_c = span(row, column)
            x0, x1 = lefts[column - first_column], lefts[last_c - first_column + 1]
            height = sum(heights[r] for r in range(row, last_r + 1))
            box = QRectF(x0, top, x1 - x0, height)
            if setup.borders and in_table(row):
                painter.setPen(QPen(Qt.GlobalColor.black, 0.5))
                painter.drawRect(box)
            cell = sheet.cells.get((row, column))
            if cell is None:
                continue
            text = sheet.display(row, column)
            painter.setFont(bold if cell.bold else font)
            needed = text_height(row, column)
            if setup.valign == "centre" or cell.centre:
                text_top = top + (height - needed) / 2
            else:
                text_top = top + PADDING
            align = Qt.AlignmentFlag.AlignHCenter if cell.centre else Qt.AlignmentFlag.AlignLeft
            painter.save()
            painter.setClipRect(box)  # what an office suite does: the whole text, clipped to its cell
            painter.drawText(QRectF(x0 + PADDING, text_top, x1 - x0 - 2 * PADDING, needed),
                             int(wrap | align | Qt.AlignmentFlag.AlignTop), text)
            painter.restore()

    header = list(range(sheet.header_rows[0], sheet.header_rows[1] + 1)) if sheet.header_rows else []
    top = 0.0
    for row in range(first_row, last_row + 1):
        block = max(span(row, c)[0] for c in columns)  # a row merged down with the next goes with it
        needed = sum(heights[r] for r in range(row, block + 1))
        if top + needed > body.height() and top > 0:
            writer.newPage()
            top = 0.0
            if setup.repeat_header and header and row > header[-1]:
                for repeated in header:
                    paint_row(repeated, top)
                    top += heights[repeated]
        paint_row(row, top)
        top += heights[row]
    painter.end()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", choices=("low", "fitted"), default="low")
    parser.add_argument("--no-borders", action="store_true")
    parser.add_argument("--valign", choices=("top", "centre"), default="top")
    parser.add_argument("--projects", type=int, default=4)
    parser.add_argument("--header-rows", choices=("1", "2"), default="1")
    parser.add_argument("--no-repeat-header", action="store_true")
    parser.add_argument("--portrait", action="store_true")
    arguments = parser.parse_args()
    sheet, _ = project_sheet(arguments.projects, arguments.header_rows)
    write_pdf(sheet, arguments.out, Print(arguments.rows, not arguments.no_borders, arguments.valign,
                                         not arguments.no_repeat_header, not arguments.portrait))


if __name__ == "__main__":
    main()
