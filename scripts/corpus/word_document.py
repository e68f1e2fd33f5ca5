"""A rendering written as a Word document (.docx) the way a clerk types a published table into Word: the rows
above the table (title, 部门名称：…, 单位：万元) and below it (注：…, 填报人…) as paragraphs, the table's rows as a
Word table — a cell merged across columns as w:gridSpan, merged down as w:vMerge restart/continue, a cell's lines
as its paragraphs, numbers as the text the sheet shows.

Written directly (no LibreOffice): Writer's import of Calc's HTML mangles tables with rows merged down (the
header lands in the first data row), so a converted corpus measures LibreOffice, not the reader. The XML is
what Word writes for such a table (checked against tests/data/word/*.docx, which LibreOffice Writer made).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from .sheet import Sheet

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" \
ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
Target="word/document.xml"/></Relationships>"""
_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# What a line of the sheet outside the table becomes: its cells in one paragraph, apart as a clerk spaces them.
_APART = "\u3000\u3000"


# How the clerk's document holds the table (the corpus's "word" knob, knobs.WORD_LAYOUTS): one Word table; the
# table broken in two between rows (pasted in two goes, or cut at a page), the header typed again above the second
# part or not; a cell's lines as line breaks (Shift+Enter) in one paragraph instead of paragraphs.


def write_docx(sheet: Sheet, path: Path, layout: str = "one_table") -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document_xml(sheet, layout))


def document_xml(sheet: Sheet, layout: str = "one_table") -> str:
    first_row, first_column, last_row, last_column = sheet.used()
    top, bottom = sheet.table_rows or (first_row, last_row)
    breaks = layout == "line_breaks"
    body = [_paragraph(_line(sheet, row, first_column, last_column)) for row in range(first_row, top)]
    cut = _cut_row(sheet, top, bottom) if layout.startswith("split") else None
    if cut is None:
        body.append(_table(sheet, [(top, bottom)], first_column, last_column, breaks))
    else:
        body.append(_table(sheet, [(top, cut - 1)], first_column, last_column, breaks))
        body.append("<w:p/>")
        parts = [(cut, bottom)]
        if layout == "split_header" and sheet.header_rows:
            parts.insert(0, sheet.header_rows)
        body.append(_table(sheet, parts, first_column, last_column, breaks))
    body += [_paragraph(_line(sheet, row, first_column, last_column)) for row in range(bottom + 1, last_row + 1)]
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {_NS}><w:body>'
            + "".join(body) + '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>'
            "</w:body></w:document>")


def _line(sheet: Sheet, row: int, first_column: int, last_column: int) -> str:
    texts = [sheet.display(row, column) for column in range(first_column, last_column + 1)]
    return _APART.join(text for text in texts if text)


def _paragraph(text: str) -> str:
    if not text:
        return "<w:p/>"
    runs = "<w:r><w:br/></w:r>".join(f'<w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r>'
                                       for line in text.split("\n"))
    return f"<w:p>{runs}</w:p>"


def _cut_row(sheet: Sheet, top: int, bottom: int) -> int | None:
    """A row about half-way down the table's body that no merged range crosses into: the second part's first."""
    start = sheet.header_rows[1] + 2 if sheet.header_rows else top + 2
    crossed = {row for r0, _, r1, _ in sheet.merges for row in range(r0 + 1, r1 + 1)}
    candidates = [row for row in range(start, bottom + 1) if row not in crossed]
    return candidates[len(candidates) // 2] if len(candidates) >= 2 else None


def _table(sheet: Sheet, parts: list[tuple[int, int]], first_column: int, last_column: int, breaks: bool) -> str:
    """A Word table of the sheet's rows in parts (each (first, last), in order); a merge is cut at a part's edges."""
    rows = []
    for top, bottom in parts:
        rows += _rows(sheet, top, bottom, first_column, last_column, breaks)
    columns = last_column - first_column + 1
    grid = "".join('<w:gridCol w:w="1400"/>' for _ in range(columns))
    borders = "".join(f'<w:{side} w:val="single" w:sz="4"/>' for side in
                      ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl><w:tblPr><w:tblBorders>{borders}</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            + "".join(rows) + "</w:tbl>")


def _rows(sheet: Sheet, top: int, bottom: int, first_column: int, last_column: int, breaks: bool) -> list[str]:
    covering: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for merge in sheet.merges:
        r0, c0, r1, c1 = merge
        for row in range(max(r0, top), min(r1, bottom) + 1):
            for column in range(c0, c1 + 1):
                covering[(row, column)] = merge
    rows = []
    for row in range(top, bottom + 1):
        cells = []
        column = first_column
        while column <= last_column:
            merge = covering.get((row, column))
            span = 1
            merged_down = ""
            text = sheet.display(row, column)
            if merge is not None:
                r0, c0, r1, c1 = merge
                span = min(c1, last_column) - column + 1
                if r1 > r0:
                    below_top = row > max(r0, top)
                    merged_down = '<w:vMerge/>' if below_top else '<w:vMerge w:val="restart"/>'
                    text = "" if below_top else sheet.display(max(r0, top), c0)
                else:
                    text = sheet.display(r0, c0)
            properties = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + merged_down
            if not text:
                lines = "<w:p/>"
            elif breaks:
                lines = _paragraph(text)
            else:
                lines = "".join(_paragraph(line) for line in text.split("\n"))
            cells.append(f"<w:tc><w:tcPr>{properties}</w:tcPr>{lines}</w:tc>" if properties
                         else f"<w:tc>{lines}</w:tc>")
            column += span
        rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
    return rows
