"""Word documents (.docx) → grids of cells, one per table, for the published-table recognisers.

Per-project 项目支出绩效目标表 and department forms are often published as Word files. A .docx is a zip whose
word/document.xml holds the body: paragraphs (w:p) and tables (w:tbl) of rows (w:tr) of cells (w:tc).

- Cells: a cell spanning columns (w:gridSpan) and cells merged down (w:vMerge restart … continue) are merges,
  the value copied into every covered cell, as the web page and xlsx readers give them; w:gridBefore leaves
  its columns empty. A cell's paragraphs are its lines; w:tab and w:br are a tab and a line break; deleted
  revisions and field codes are not text. A table nested in a cell is part of the cell's text, its cells by
  tabs and rows by lines, as the web page reader gives it.
- The paragraphs above a table (its title, 单位：万元, 部门名称：…) are the first rows of its grid, one cell each,
  at most _LEAD_LINES of them: the recognisers find the year, the department and the amounts' unit there.
- A table followed by another of as many columns with nothing but empty paragraphs between is one table broken
  in two (Word shows them as one): one grid — unless the second opens with a title across its width (the next
  form of a document of per-project forms).
- Safety: the zip is checked before it is read (not a zip, encrypted, a bomb: refused with the reason); the XML
  is parsed without entities, DTDs or network, and a document past the size or cell limits is refused, not read
  in part.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from lxml import etree

from ..infra.errors import FileProblem, error_text
from ..infra.limits import MAX_PACK_RATIO, MAX_SHEET_CELLS, MAX_UNPACKED_BYTES, PACK_RATIO_FROM, megabytes
from ..infra.progress import Progress
from .sheet_grid import MAX_COLUMNS, MAX_ROWS, Grid, goes_on_from

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC = (f"{_W}{tag}" for tag in ("p", "tbl", "tr", "tc"))
# Wrappers Word puts around paragraphs, tables, rows and cells alike (content controls, custom XML): their
# content counts as if it stood in their place.
_WRAPPERS = frozenset((f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"))
_TEXT_TAGS = (f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr")
# A text box is written twice, as DrawingML (mc:Choice) and as VML for older readers (mc:Fallback): read once.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_LEAD_LINES = 6
_MAX_SPAN = 1000
_RESAVE = "请在 Word/WPS 中打开后另存为 .docx 再打开，或向发送方重新索取文件"


def word_grids(path: Path, progress: Progress | None = None) -> list[Grid]:
    """The tables of a .docx, each as a grid with the paragraphs above it as its first rows (progress: unused, a
    document's tables are read in one go)."""
    body = _body(path, _document_xml(path))
    grids: list[Grid] = []
    lead: list[str] = []
    cells = 0
    width = 0  # the columns of the table last read, while nothing but empty paragraphs has come after it
    for element in _blocks(body):
        if element.tag == _P:
            text = _paragraph_text(element)
            if text:
                lead = [*lead, text][-_LEAD_LINES:]
                width = 0
        elif element.tag == _TBL:
            rows = _table_rows(path, element)
            cells += sum(len(row) for row in rows)
            columns = max((len(row) for row in rows), default=0)
            if goes_on_from(rows, width):  # width is 0 before the first table and after any text
                # A table broken in two (pasted in two goes, or cut at a page with an empty paragraph): Word shows
                # it as one, and so is it read; a header typed again above the second part is a repeated header.
                grids[-1].rows += rows
            else:
                grids.append(Grid(f"第 {len(grids) + 1} 张表格", [[line] for line in lead] + rows))
            if cells > MAX_SHEET_CELLS or len(grids[-1].rows) > MAX_ROWS:
                raise FileProblem(path, f"Word 文档中的表格超过 {MAX_SHEET_CELLS:,} 个单元格或 {MAX_ROWS:,} 行的上限，"
                                        "不是一张申报表，未打开")
            lead = []
            width = columns
    if not grids:
        raise FileProblem(path, "Word 文档中没有表格；申报表在文档里应是一张表格（插入 → 表格），请核对文件")
    return grids


def _document_xml(path: Path) -> bytes:
    if not zipfile.is_zipfile(path):
        raise FileProblem(path, f"不是有效的 Word 文档（.docx），文件可能已损坏、不完整，或其实是其他格式。{_RESAVE}")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if any(member.flag_bits & 0x1 for member in members):
                raise FileProblem(path, "这个 Word 文档设有密码（已加密），无法读取。请向发送方索取未加密的文件")
            total = sum(member.file_size for member in members)
            packed = max(1, sum(member.compress_size for member in members))
            if total > MAX_UNPACKED_BYTES or (total > PACK_RATIO_FROM and total / packed > MAX_PACK_RATIO):
                raise FileProblem(path, f"Word 文档解压后有 {megabytes(total)}（压缩前 {megabytes(packed)}），超过 "
                                        f"{megabytes(MAX_UNPACKED_BYTES)} 或 {MAX_PACK_RATIO}:1 的上限（疑似压缩炸弹），已拒绝打开")
            return archive.read("word/document.xml")
    except FileProblem:
        raise
    except KeyError as error:
        raise FileProblem(path, f"压缩包里没有 word/document.xml，不是 Word 文档。{_RESAVE}") from error
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError, NotImplementedError) as error:
        raise FileProblem(path, f"Word 文档已损坏，无法解压。{_RESAVE}", error_text(error)) from error


def _body(path: Path, data: bytes):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise FileProblem(path, f"Word 文档的内容已损坏，无法读取。{_RESAVE}", error_text(error)) from error
    for fallback in list(root.iter(_FALLBACK)):  # the copy for old readers of what mc:Choice holds: read once
        fallback.getparent().remove(fallback)
    body = root.find(f"{_W}body")
    if body is None:
        raise FileProblem(path, f"Word 文档中没有正文。{_RESAVE}")
    return body


def _children(parent, tags: tuple[str, ...]):
    """parent's children of these tags in order, those inside wrappers (w:sdt, w:customXml…) included."""
    for element in parent:
        if element.tag in _WRAPPERS:
            yield from _children(element, tags)
        elif element.tag in tags:
            yield element


def _blocks(parent):
    """The paragraphs and tables of the body (or of a cell) in order."""
    return _children(parent, (_P, _TBL))


def _paragraph_text(paragraph) -> str:
    parts = []
    for node in paragraph.iter(*_TEXT_TAGS):
        tag = node.tag
        if tag == _TEXT_TAGS[0]:
            parts.append(node.text or "")
        elif tag == _TEXT_TAGS[1]:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts).strip()


def _cell_text(cell) -> str:
    lines = []
    for element in _blocks(cell):
        if element.tag == _P:
            lines.append(_paragraph_text(element))
        else:  # a nested table: its rows by lines, its cells by tabs (a cell's own lines joined by a space)
            lines += ["\t".join(" ".join(_cell_text(inner).split("\n")) for inner in _children(row, (_TC,)))
                      for row in _children(element, (_TR,))]
    return "\n".join(line for line in lines if line).strip()


def _number(element, tag: str, default: int) -> int:
    found = element.find(f"{_W}{tag}") if element is not None else None
    value = found.get(f"{_W}val") if found is not None else None
    try:
        return max(0, min(int(value), _MAX_SPAN)) if value is not None else default
    except ValueError:
        return default


def _table_rows(path: Path, table) -> list[list[object]]:
    rows: list[list[object]] = []
    for row in _children(table, (_TR,)):
        values: list[object] = [None] * _number(row.find(f"{_W}trPr"), "gridBefore", 0)
        for cell in _children(row, (_TC,)):
            properties = cell.find(f"{_W}tcPr")
            span = max(1, _number(properties, "gridSpan", 1))
            merge = properties.find(f"{_W}vMerge") if properties is not None else None
            column = len(values)
            if merge is not None and merge.get(f"{_W}val") != "restart" and rows:  # merged down: the value above
                above = rows[-1]
                value = above[column] if column < len(above) else None
            else:
                value = _cell_text(cell) or None
            values += [value] * span
            if len(values) > MAX_COLUMNS:
                raise FileProblem(path, f"Word 文档中的表格超过 {MAX_COLUMNS} 列，不是一张申报表，未打开")
        rows.append(values)
    return rows
