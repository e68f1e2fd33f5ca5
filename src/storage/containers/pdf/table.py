"""Text PDFs (exported by Excel/WPS/LibreOffice, or printed by this editor) → sections of grids, one per
printed form, for readers/pdf_file.py to recognise.

Each page is read by page.py (ruling lines → cells, or text positions → cells in layout.py); borders.py
reads more of a ruled table's edges (its row borders, the cells a page break left open). A table too wide
for the page, printed in strips of columns, is joined back first (strips/). The pages are then joined
into sections, one per printed form: a page continues the section before it unless it begins a form of its
own (a title such as 项目支出绩效目标申报表 whose first table does not repeat a header already seen). On a
continued page the table's repeated header rows and repeated title lines are dropped and its rows join the
table above, column by column (a column border the first page lacks splits its columns, continued.py), and
merged cells the page break cut reach every row they cover (continued.carry_merged). Page headers and
footers are dropped: page numbers (第 N 页 共 M 页, - 3 -, 3/12), text above a rule across the top of the page
(the editor's header line) or below one across the bottom, and text repeated in the page margins.

A PDF with no text layer is a scan (扫描件): refused with what to do. Damaged, truncated, encrypted and
oversized files are refused with one message; nothing is half-read.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ...infra.errors import FileProblem, error_text, os_problem
from ...infra.limits import (
    MAX_FILE_BYTES,
    MAX_PDF_CHARS_PER_PAGE,
    MAX_PDF_PAGES,
    MAX_PDF_STREAM_BYTES,
    megabytes,
)
from ...infra.preflight import open_regular
from ...infra.progress import Progress, tell
from ..sheet_grid import label_key
from .borders import table_edges
from .continued import (
    SAME_X,
    carry_merged,
    find_header,
    join_cut,
    join_split,
    join_wrapped,
    placed_ends,
    reached_foot,
    same_columns,
    same_row,
    title_rows,
    two_rows,
    widened,
)
from .join_merged import merged_down, merged_over_break, rest_over_break, run_below
from .layout import layout
from .page import PageContent, Table, editor_body, read_page
from .run_on import run_on_row
from .section import (
    FORM_TITLE,
    Section,
    crowded,
    labels_row,
    placed,
    remap,
    refine,
    split_by_labels,
    spread_apart,
    under_own_labels,
    widen,
)
from .strips import stitch
from .text import UNMAPPED, Line, line_text, split_line, unmapped

# 2,000 pages of this editor's summary print (the benchmark's size M) take 3 minutes here: pdfminer
# parses a page in 70-80 ms, and the reader reports progress page by page (a dialog can cancel).
# Past MAX_PAGES a file is refused before any page is parsed.
MAX_PAGES = MAX_PDF_PAGES
MAX_BYTES = MAX_FILE_BYTES
MAX_CHARS_PER_PAGE = MAX_PDF_CHARS_PER_PAGE
EDITOR_CREATOR = "绩效目标申报编辑器"  # src/render/printing.py
_MARGIN = 0.07  # page margins where running headers/footers live, as a share of the page height
_RULE_BAND = 0.15  # a header rule lies in the top (a footer rule in the bottom) 15 % of the page
_PAGE_NUMBER = re.compile(r"^(?:第\s*\d+\s*页\s*[,，/／]?\s*(?:共\s*\d+\s*页)?|共\s*\d+\s*页\s*[,，]?\s*第\s*\d+\s*页"
                          r"|[-－—–]\s*\d{1,5}\s*[-－—–]|\d{1,5}|\d{1,5}\s*/\s*\d{1,5}|page\s*\d+(?:\s*(?:of|/)\s*\d+)?)$",
                          re.IGNORECASE)
# What a browser prints in the page margins of a web page (Chromium, Edge, Firefox): the date and time, the page's
# address. On a file of one page nothing repeats them, so they are known by their shape.
_PRINTED_AT = re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}[,，]?\s*(?:上午|下午|AM|PM)?\s*\d{1,2}:\d{2}(?::\d{2})?"
                         r"\s*(?:AM|PM|上午|下午)?$", re.IGNORECASE)
_ADDRESS = re.compile(r"^(?:(?:file|https?)://|www\.)\S+$", re.IGNORECASE)
_TITLE_WORDS = re.compile(r"绩效目标|部门名称|单位[:：]|#年")
_SCAN = ("这是扫描件（PDF 里只有图片，没有文字层），无法读出表格。请找到原始的 Excel/WPS 文件或网页，"
         "或先用 WPS、Adobe Acrobat 等软件的“文字识别（OCR）”把它转成可复制文字的 PDF 后再打开")
_NO_TEXT = "PDF 里没有任何文字，无法读出表格"
_NO_CHARACTERS = ("PDF 里的文字没有字符编码（复制出来是乱码），无法读出表格。虚拟打印机“打印为 PDF”重新生成的文件常会这样。"
                  "请找到原始的 Excel/WPS 文件、网页或原来导出的 PDF，或先用 WPS、Adobe Acrobat 等软件的“文字识别（OCR）”"
                  "把它转成可复制文字的 PDF 后再打开")
_LOST_CUT = ("第 {pages} 页的表格没有框线，单元格里超出行高的文字被裁掉了，被遮住的部分也不在 PDF 里（虚拟打印机或“打印到文件”"
             "重新生成的 PDF 会这样），分不清各单元格的文字，未打开。请找到原始的 Excel/WPS 文件或原来导出的 PDF 再打开")
_UNMAPPED_SHARE = 0.2  # a page with more glyphs than this that give no character has no text to read
_TRUNCATED = "PDF 文件不完整（没有文件结尾标记 %%EOF），可能在下载或复制时被截断，请重新获取完整的文件"
_ENCRYPTED = ("PDF 文件已加密（设有打开密码），无法读取。请向发文单位索取未加密的文件，或在 PDF 阅读器中输入密码打开后"
              "“另存为”或“打印为 PDF”得到不加密的副本，再打开")
_DAMAGED_ADVICE = "请重新下载或向发文单位索取文件；能在 PDF 阅读器中打开时，可“打印为 PDF”另存一份再试"
_STREAM_TOO_LARGE = (f"PDF 中有一段数据解压后超过 {megabytes(MAX_PDF_STREAM_BYTES)} 的上限（疑似压缩炸弹，或不是表格的内容），"
                     "未打开。请只导出含表格的页面后再打开")


@dataclass
class PdfTables:
    """A text PDF's pages joined into sections (one per printed form), and what the reading noticed."""

    sections: list
    by_this_editor: bool  # printed by this editor: its own forms' layout can be trusted
    notes: list[str]


def read_pdf_sections(path: Path, progress: Progress | None = None) -> PdfTables:
    pages, creator = read_pages(path, progress)
    text_chars = sum(page.content.char_count for page in pages)
    if any(page.images for page in pages) and text_chars < 20 * len(pages):
        raise FileProblem(path, _SCAN)  # a page number or a stamp may be text; a table is not there
    if text_chars == 0:
        raise FileProblem(path, _NO_TEXT)
    lost = [page.number for page in pages if page.content.lost_cut]
    if lost:  # cells told apart by nothing but their text, and some of it missing: no reading is sure of them
        raise FileProblem(path, _LOST_CUT.format(pages=_page_list(lost)))
    notes = []
    overlapping = [page.number for page in pages if any(table.overlapping for table in page.tables)]
    if overlapping:
        notes.append(f"第 {_page_list(overlapping)} 页的表格里有文字互相重叠（行高不够，文字超出了单元格，"
                     "超出的部分可能已被裁掉），导入的内容可能不完整，请对照原表核对")
    garbled = [page.number for page in pages if page.unmapped]
    if garbled:
        notes.append(f"第 {_page_list(garbled)} 页有 {sum(page.unmapped for page in pages)} 个字符在 PDF 里没有字符编码，"
                     f"读成了“{UNMAPPED}”，含有“{UNMAPPED}”的内容请对照原表核对")
    dropped = sum(page.content.dropped_slanted for page in pages)
    if dropped:
        notes.append(f"PDF 中有 {dropped} 个倾斜的字符（如“草稿”水印），已忽略")
    past = [page.number for page in pages if any(t.columns[-1] > page.content.width + 3 for t in page.tables)]
    below = [page.number for page in pages if any(t.bottom > page.content.height + 3 for t in page.tables)]
    pages, joined = stitch(pages, path)  # a table too wide for the page, printed in strips of columns
    notes.extend(joined)
    if past:  # a column wider than the paper: the printer cut its text at the page's edge
        notes.append(f"第 {_page_list(past)} 页的表格超出了纸张右边，超出部分的文字没有打印出来，导入的内容可能不完整，"
                     "请对照原表核对")
    if below:  # rows laid out past the paper's foot (page.read_page): in the file, not on the paper
        notes.append(f"第 {_page_list(below)} 页的表格超出了纸张下边，超出部分在纸上没有打印出来，已按 PDF 中的文字导入，"
                     "请对照原表核对")
    found = sections(pages)
    asked = sorted({page for section in found for page in section.asked})
    if asked:
        notes.append(f"第 {_page_list(asked)} 页开头的一行可能是上一页最后一行被分页截断的后半部分（Word 等文字处理软件打印时"
                     "会把一行拆在两页上），没有把它们合并，请对照原表核对这两行")
    return PdfTables(found, creator == EDITOR_CREATOR, notes)


@dataclass
class ReadPage:
    number: int  # 1-based
    content: PageContent
    images: int
    open_bottom: dict[int, frozenset[int]] = field(default_factory=dict)  # id(table) → its columns cut open at its foot
    row_bounds: dict[int, list[float]] = field(default_factory=dict)  # id(table) → the y of its row borders
    drawn: dict[int, list[frozenset[int]]] = field(default_factory=dict)  # id(table) → each column's drawn row
    # borders: for a table cut at its foot, or the first of the next page (borders.table_edges)
    last_number: int = 0  # the last page it holds (strips: a page with the columns printed on later pages)
    left_out: bool = False  # (strips) an empty page standing in for one LibreOffice did not print (order.blanks_filled)
    unmapped: int = 0  # glyphs the PDF gives no character for (text.unmapped), read as text.UNMAPPED

    def __post_init__(self):
        self.last_number = self.last_number or self.number

    @property
    def lines(self) -> list[Line]:
        return self.content.lines

    @property
    def tables(self) -> list[Table]:
        return self.content.tables


def read_pages(path: Path, progress: Progress | None = None) -> tuple[list[ReadPage], str]:
    import pdfplumber

    from .clips import install as keep_clips
    from .streams import ceiling, install

    try:
        with open_regular(path) as stream:  # a regular file within limits.MAX_FILE_BYTES, or refused unread
            size = os.fstat(stream.fileno()).st_size
            stream.seek(max(0, size - 2048))
            tail = stream.read()
    except OSError as error:
        raise os_problem(path, error) from error
    if size > MAX_BYTES:
        raise FileProblem(path, f"PDF 文件有 {megabytes(size)}，超过 {megabytes(MAX_BYTES)} 的上限，未打开")
    if b"%%EOF" not in tail:
        raise FileProblem(path, _TRUNCATED)
    install()  # a ceiling on what one stream may inflate to
    keep_clips()  # before any page is parsed: pdfplumber parses each page once, with each character's clip
    try:
        pdf = pdfplumber.open(path)
    except Exception as error:  # pdfminer raises many types for damaged files; pdfplumber wraps them
        raise _unreadable(path, error, "PDF 文件已损坏，无法打开") from error
    try:
        try:
            count = len(pdf.pages)
            creator = str(pdf.metadata.get("Creator") or "")
        except Exception as error:
            raise _unreadable(path, error, "PDF 文件已损坏，读不出页面") from error
        if count > MAX_PAGES:
            raise FileProblem(path, f"PDF 有 {count} 页，超过 {MAX_PAGES} 页的上限（每页约需 0.1 秒）。"
                                    "请只导出含表格的页面（打印为 PDF 时选择页码范围）后再打开")
        pages = []
        for number, page in enumerate(pdf.pages, start=1):
            try:
                if len(page.chars) > MAX_CHARS_PER_PAGE:
                    raise FileProblem(path, f"第 {number} 页有 {len(page.chars)} 个字符，超过每页 "
                                            f"{MAX_CHARS_PER_PAGE} 个的上限，不像是一张表格")
                glyphs = [char for char in page.chars if char["text"].strip()]
                garbled = sum(1 for char in glyphs if unmapped(char))
                if garbled > _UNMAPPED_SHARE * len(glyphs):
                    raise FileProblem(path, _NO_CHARACTERS)
                body = editor_body(page) if creator == EDITOR_CREATOR else None
                content = read_page(page, body)
                # Every page after the first: a merged cell may go on from the page before with its borders drawn
                # (a word processor's), and its rows there are told by the borders (join_merged.merged_over_break)
                edges = table_edges(page, content.tables, bool(pages))
                pages.append(ReadPage(number, content, len(page.images), *edges, unmapped=garbled))
            except FileProblem:
                raise
            except Exception as error:
                raise _unreadable(path, error, f"PDF 第 {number} 页已损坏，无法读取") from error
            finally:
                page.close()
            if ceiling.tripped:  # a stream too large, and pdfminer went on without it: nothing is left out silently
                raise FileProblem(path, _STREAM_TOO_LARGE)
            tell(progress, path, number, count)  # (pages read, pages in all)
        return pages, creator
    finally:
        pdf.close()


def _unreadable(path: Path, error: BaseException, reason: str) -> FileProblem:
    """The FileProblem for pdfminer's error: encrypted, a stream too large, or damage (its words as the detail)."""
    from pdfminer.pdfdocument import PDFEncryptionError

    from .streams import StreamTooLarge, ceiling

    causes, seen = [], error
    while seen is not None and len(causes) < 8:  # pdfplumber wraps pdfminer's error: PdfminerException(error)
        causes.append(seen)
        inner = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = inner or seen.__cause__ or seen.__context__
    if any(isinstance(cause, PDFEncryptionError) for cause in causes):
        return FileProblem(path, _ENCRYPTED, error_text(causes[-1]))
    if ceiling.tripped or any(isinstance(cause, StreamTooLarge) for cause in causes):
        return FileProblem(path, _STREAM_TOO_LARGE)
    return FileProblem(path, f"{reason}。{_DAMAGED_ADVICE}", error_text(causes[-1] if len(causes) > 1 else error))


# ---- sections: the pages of one printed form, joined ---------------------------------------------

def sections(pages: list[ReadPage]) -> list[Section]:
    found: list[Section] = []
    repeated = _repeated_margin_texts(pages)
    margin_texts: set[tuple[str, int]] = set()
    for page in pages:
        lines = _body_lines(page, repeated, margin_texts)
        tables = sorted(page.tables, key=lambda t: t.top)
        ruled = bool(tables)
        if not tables and lines:
            before = found[-1] if found else None
            continues = before is not None and before.last_table is not None and not any(
                FORM_TITLE.search(label_key(line.text)) for line in lines)
            runs_on = continues and _ends_in_table(before)
            apart = title_rows(lines, before.headers) if before else []  # print titles, rows of their own
            left_edges = before.last_starts if runs_on else []
            reach = (before.last_table[1][0], before.last_table[1][-1]) if runs_on else None
            cut, table = layout(lines, apart, continues, left_edges, reach)
            if table is not None and not _title_line(table):
                lines, tables = cut, [table]
            elif table is None and runs_on:
                table, lines = run_on_row(lines, before.last_table[1], left_edges)
                tables = [table] if table is not None else []
        first_table = tables[0] if tables else None
        above = [line for line in lines if first_table is None or line.bottom <= first_table.top + 1]
        titled = any(FORM_TITLE.search(label_key(line.text)) for line in above)
        current = found[-1] if found else None
        # A continued form repeats the header of the table that ran off the page before (print titles),
        # perhaps with its title; a new form's first table is another (the same project printed twice
        # starts again with 项目名称, not with the indicator header that ended the page before).
        repeats = current is not None and first_table is not None and bool(first_table.rows) and \
            current.last_header is not None and same_row(_signature(first_table.rows[0]), current.last_header)
        if current is None or (titled and not repeats):
            current = Section(page.number, page.number)
            found.append(current)
            continuing = False
        else:
            continuing = True
        current.last_page = max(current.last_page, page.last_number)
        _add_page(current, lines, tables, continuing, page, ruled)
    return found


def _ends_in_table(section: Section) -> bool:
    """The section's last row is a row of the borderless table it holds last: a next page may carry on its row."""
    return bool(section.row_tables) and section.row_tables[-1] is not None and section.last_table is not None \
        and section.last_foot is None and not section.last_open


def _browser_margin(line: Line) -> bool:
    """A margin line a browser printed: it holds the page's address or the time of printing (with the page's
    title or number beside them on the same line)."""
    runs = [unicodedata.normalize("NFKC", line_text(run)).strip() for run in split_line(line)]  # ﬁle:// (a ligature)
    return any(_ADDRESS.match(run) or _PRINTED_AT.match(run) for run in runs)


def _title_line(table: Table) -> bool:
    """A borderless "table" of one row, each of its texts a title block's (部门名称：…, 单位：万元): the line under the
    title that ends a page, the table itself on the next (a tall row above pushed it over; a table printed in strips
    whose first band ends there). Taken as the table, it would give the table's columns to the rows that follow."""
    return len(table.rows) == 1 and all(not cell.strip() or _TITLE_WORDS.search(label_key(cell)) for cell in table.rows[0])


def _margin_key(line: Line, height: float) -> tuple[str, int] | None:
    if line.bottom < height * _MARGIN or line.top > height * (1 - _MARGIN):
        return re.sub(r"\d+", "#", label_key(line.text)), round(line.top / 4)
    return None


def _repeated_margin_texts(pages: list[ReadPage]) -> set[tuple[str, int]]:
    """Text in the page margins, at the same place on two pages or more: a running header or footer.
    A title block repeated as print titles is kept on the first page (it names the table)."""
    seen: dict[tuple[str, int], int] = {}
    for page in pages:
        for key in {_margin_key(line, page.content.height) for line in page.lines} - {None}:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count >= 2 and not _TITLE_WORDS.search(key[0])}


def _body_lines(page: ReadPage, repeated: set[tuple[str, int]], margin_texts: set[tuple[str, int]]) -> list[Line]:
    content = page.content
    height, width = content.height, content.width
    top_rules = [y for y, x0, x1 in content.rules if y < height * _RULE_BAND and x1 - x0 >= width * 0.5]
    bottom_rules = [y for y, x0, x1 in content.rules if y > height * (1 - _RULE_BAND) and x1 - x0 >= width * 0.5]
    header_end = max(top_rules, default=None)
    footer_start = min(bottom_rules, default=None)
    on_body = _on_the_body(content.lines, [line for line in content.lines
                                           if (key := _margin_key(line, height)) is not None and key in repeated], height)
    kept = []
    for line in content.lines:
        text = line.text
        in_margin = line.bottom < height * _MARGIN or line.top > height * (1 - _MARGIN)
        if header_end is not None and line.bottom <= header_end + 1:
            continue
        if footer_start is not None and line.top >= footer_start - 1:
            continue
        if (in_margin or line.top > height * (1 - _RULE_BAND)) and _PAGE_NUMBER.match(text.strip()) and \
                (line.bottom < height * _MARGIN or not _body_below(line, content.lines, height)):
            continue
        if in_margin and _browser_margin(line):
            continue
        key = _margin_key(line, height)
        if key is not None:
            if (key in repeated or key in margin_texts) and id(line) not in on_body:
                continue
            margin_texts.add(key)
        kept.append(line)
    return kept


_GLUED = 0.5  # of a line's height: lines this close one under the other are one text's, or one table's rows


def _on_the_body(lines: list[Line], candidates: list[Line], height: float) -> set[int]:
    """id() of the margin lines (candidates: those repeated on other pages) that are the page's body after all: a run
    of them whose last the body's next line follows with less than half a line between (or, at the foot, whose first
    follows the body's line above so). A running header or footer stands apart from the body; a cell's text does not,
    though it may stand at the same place on two pages (a 2019 form's three-year block repeats the year's tasks:
    符合佩戴条件服刑人员手环 | 佩戴率 at the top of pages 2 and 3 of seed 55's f007, a browser's print, was dropped)."""
    kept: set[int] = set()
    if not candidates:
        return kept
    repeated = {id(line) for line in candidates}
    others = [line for line in lines if id(line) not in repeated]
    for top_side in (True, False):
        side = sorted((c for c in candidates if (c.bottom < height * _MARGIN) == top_side), key=lambda c: c.top,
                      reverse=not top_side)
        if not side:
            continue
        inner = side[-1]  # the one nearest the body
        size = max(inner.bottom - inner.top, 1.0)
        body = [line.top - inner.bottom for line in others if line.top >= inner.bottom - 1] if top_side else \
            [inner.top - line.bottom for line in others if line.bottom <= inner.top + 1]
        if not body or min(body) >= _GLUED * size:
            continue
        chain = [inner]
        for line in reversed(side[:-1]):  # outward, each within half a line of the last taken
            gap = chain[-1].top - line.bottom if top_side else line.top - chain[-1].bottom
            if gap >= _GLUED * size:
                break
            chain.append(line)
        kept |= {id(line) for line in chain}
    return kept


def _body_below(line: Line, lines: list[Line], height: float) -> bool:
    """Whether text of the page's body (above its bottom margin) stands below the line: then a bare number low on the
    page is no page number but a cell's, a 序号 centred in a tall row near the page's foot (seed 44's p055, a
    browser's print without borders: projects 6 and 14 lost their numbers, and 6's row took the next one's name)."""
    return any(other is not line and other.top >= line.bottom - 1 and other.top <= height * (1 - _MARGIN)
               for other in lines)


def _signature(row: list[str]) -> tuple[str, ...]:
    return tuple(label_key(cell) for cell in row)


def _add_page(section: Section, lines: list[Line], tables: list[Table], continuing: bool, page: ReadPage,
              ruled: bool = True) -> None:
    items: list[tuple[float, object]] = [(line.top, line) for line in lines] + [(table.top, table) for table in tables]
    items.sort(key=lambda item: item[0])
    first_table = tables[0] if tables else None
    for _, item in items:
        if isinstance(item, Line):
            text = label_key(item.text)
            if continuing and first_table is not None and item.bottom <= first_table.top + 1 and text in section.lines_seen:
                continue  # a title block repeated above the continued table
            section.lines_seen.add(text)
            section.rows.append([line_text(run) for run in split_line(item)])
            section.row_tables.append(None)
        else:
            _add_table(section, item, continuing and item is first_table, page.open_bottom.get(id(item), frozenset()),
                       ruled, page.drawn.get(id(item)), page.number)


def _add_table(section: Section, table: Table, continuing: bool, cut: frozenset[int] = frozenset(),
               ruled: bool = True, drawn: list[frozenset[int]] | None = None, page: int = 0) -> None:
    """ruled: the table's cells come from its ruling lines (page.py), not from where its text lies (layout.py),
    so that a cell over two columns of the table it continues is a merged cell. drawn: each column's drawn row
    borders (borders.drawn_borders), for how far a merged cell cut by the page break runs, when known."""
    rows = merged_down(table.rows, drawn) if ruled else table.rows
    # Only a section whose table begins without ruling lines: a line of text under a ruled table (填报人 | 联系电话)
    # read as a borderless table of its own does not make the ruled rows' empty cells merged ones
    section.borderless = section.borderless or (not ruled and all(t is None for t in section.row_tables))
    dropped = 0
    target: int | None = None
    by_text = False  # the rows placed in the columns they continue by where their text lies (section.placed)
    labelled = False  # a page without ruling lines continuing a table with a header of its own (section.split_by_labels)
    if continuing and rows:
        header = find_header(section.headers, _signature(rows[0]))
        if header is not None:
            number, header_rows, _ = header
            drop = 0
            while drop < min(len(header_rows), len(rows)) and same_row(_signature(rows[drop]), header_rows[drop]):
                drop += 1
            rows = rows[drop:]
            dropped = drop
            target = number
            if not ruled and _header_alone(section, number, drop) and len(table.columns) > len(section.columns[number]):
                refine(section, number, table.columns)
            labelled = table.spans is not None and not ruled and table.template >= drop  # labels below the repeat
        elif section.last_table is not None and not _outgrows(section, table, ruled):
            target = section.last_table[0]
            # No header repeated: a borderless page's columns were cut between the texts of its own rows only, and
            # one of them may reach over two of the table's (a column empty in its rows): its texts are put where they
            # lie, in the table's columns (cut between its header's labels, or between the texts of its own rows)
            by_text = table.spans is not None and not ruled
            labelled = table.spans is not None and not ruled and table.template >= 0
            if not ruled and _header_alone(section, target, 1) and len(table.columns) > len(section.columns[target]):
                refine(section, target, table.columns)
    if target is None:
        section.tables += 1
        target = section.tables
        section.columns[target] = list(table.columns)
        if table.headed:
            section.headed[target] = (table.guides, table.right_aligned)
        section.edges[target] = table.edges
        if not ruled:
            section.from_text.add(target)
        if rows:
            signature = _signature(rows[0])
            following = [_signature(row) for row in rows[:8]]
            section.headers.setdefault(signature, (target, following, table.columns))
    elif ruled:
        widen(section, target, table.columns)
    coarse: list[float] | None = None  # the columns the page's rows above its own labels are in (section.split_by_labels)
    if labelled and rows:
        coarse = section.columns[target]
        widen(section, target, split_by_labels(coarse, table))
        coarse = None if section.columns[target] == coarse else coarse
    number, columns = target, section.columns[target]
    start = len(section.rows)
    carried: dict[int, tuple[int | None, int | None]] = {}  # column → (rows it runs on below, above), None: unknown
    refill: dict[int, tuple[str, str]] = {}  # column → (a split row's rest, the whole cell it was joined into)
    last_row = next((i for i in range(len(section.rows) - 1, -1, -1) if section.row_tables[i] is not None), None)
    if continuing and rows and section.last_open and last_row is not None and section.row_tables[last_row] == number:
        if section.last_split:  # the row itself was split by the page break
            first = remap(rows[0], table.columns, columns, ruled)
            previous = section.rows[last_row]
            if first and previous and previous[0].strip() and \
                    (not first[0].strip() or _key_goes_on(section, number, previous[0], first[0])) \
                    and not two_rows(previous, first) and reached_foot(section, columns, previous, first):
                section.rows[last_row] = [join_cut(a, b) for a, b in zip(previous, first)] + previous[len(first):]
                rows = rows[1:]
                # a cell merged down on this page from the rest (merged_down) is the whole cell's text below too
                refill = {c: (part, section.rows[last_row][c]) for c, part in enumerate(first) if part.strip()}
                # a cell merged down over the split row goes on under its rest (a unit's projects in a browser's print)
                carried = merged_over_break(section.rows[last_row], table, columns, drawn, dropped, 1)
        else:  # merged cells run on over the break
            for i in range(len(columns) - 1):
                middle = (columns[i] + columns[i + 1]) / 2
                above = next((run for x0, x1, run in section.last_open if x0 - SAME_X <= middle <= x1 + SAME_X), -1)
                if above != -1:
                    carried[i] = (run_below(drawn, table.columns, middle, dropped, len(table.rows)), above)
    elif continuing and rows and last_row == len(section.rows) - 1 and section.row_tables[last_row] == number:
        before = len(rows)
        rows = join_split(section, table, rows, dropped, columns, number, last_row, page)
        if not ruled and section.last_ends is not None:
            rows = join_wrapped(section, table, rows, dropped, columns, last_row)
        carried = merged_over_break(section.rows[last_row], table, columns, drawn, dropped, before - len(rows))
    size = len(table.rows)
    section.last_foot = (list(table.columns), table.last_gaps, table.last_room, table.line_height, table.last_lines) \
        if ruled and table.last_gaps else None
    section.last_open = [(table.columns[i], table.columns[i + 1],
                          size - max((b for b in drawn[i] if b < size), default=0) if drawn else None)
                         for i in sorted(cut)]
    section.last_split = bool(cut) and len(cut) == len(table.columns) - 1
    section.last_starts = [extent[0] for extent in table.spans[-1] if extent] if table.spans and table.rows else []
    section.last_header = next(signature for signature, (n, _, _) in section.headers.items() if n == number) \
        if any(n == number for n, _, _ in section.headers.values()) else None
    by_position = by_text and not same_columns(table.columns, columns)  # placed by where its text lies
    skipped = len(table.rows) - len(rows)  # header rows dropped, a split row joined: rows is what follows them
    labels = labels_row(table)  # below labels of its own, a page's columns are its labels' (section.under_own_labels)
    # A page without ruling lines under print titles (部门名称 repeated), its columns cut between its own texts: a row
    # with two texts in one of the table's columns by its own columns' middles (8 | 96, 实施周期指标值 and 年度指标值)
    # is put by where its texts lie, when the row its columns were cut between lies one text a column that way
    own_texts = labelled and not by_text and bool(rows) and spread_apart(table, columns)
    for index, row in enumerate(rows):
        # Rows above the labels that split a column go on in the table as it was: merged over both halves, as widen
        # spreads the rows before them; not a row with texts in two of the page's columns within one of the table's
        # (a task's 主要实施内容, 拟投入的资金 and 期望达到的目标 above the indicators' labels: one cell, joined, before)
        before = coarse is not None and skipped + index < table.template and not crowded(row, table.columns, coarse)
        into = coarse if before else columns
        if by_position and labels and skipped + index >= table.template:
            cells = under_own_labels(row, table, into)
        elif (by_position and not same_columns(table.columns, into)) or (
                own_texts and not before and crowded(row, table.columns, into)):
            cells = placed(row, table.spans[skipped + index], table.columns, into,
                           *section.headed.get(number, ([], False)), edges=section.edges.get(number, []))
        else:
            cells = remap(row, table.columns, into, ruled)
        section.rows.append(remap(cells, coarse, columns) if before else cells)
        section.row_tables.append(number)
    for index in range(start, len(section.rows)):
        for c, (part, whole) in refill.items():
            if c < len(section.rows[index]) and section.rows[index][c] is part:
                section.rows[index][c] = whole
    if carried:
        rest_over_break(section.rows, section.row_tables, last_row, start, carried)  # its text split by the break
        carry_merged(section.rows, section.row_tables, start, carried)
    section.last_table = (number, columns)
    section.last_ends = placed_ends(table, section.rows[-1]) if not ruled and table.last_room and table.spans and \
        len(section.rows) > start else None


def _key_goes_on(section: Section, number: int, above: str, below: str) -> bool:
    """Whether the first cell of the rest of a row split by the page break, filled, is the rest of the first cell
    above: joined, they make the text the column holds in another row of the table (主管部门 wrapped over three
    lines, 广州市 / 天河区 above the break and 司法局 below it: seed 46's p010, a browser's print; left a row of its
    own, the merged unit cell's last character 心 went to the four projects under it, unsaid). A filled first cell
    is otherwise a row of its own."""
    joined = join_cut(above, below)
    return bool(below.strip()) and joined.strip() != above.strip() and any(
        row and table == number and row[0] == joined for row, table in zip(section.rows, section.row_tables))


def _header_alone(section: Section, number: int, repeated: int) -> bool:
    """Whether all the section holds of the table so far is the rows the page repeats (print titles), or its one
    row where none is repeated: its columns were cut between their few texts alone (部门名称 | the name, on a page
    the tall row under it left), and the page's own, cut between the texts of many rows, tell the table's better
    (seed 43's f008: a 2019 form printed without borders, every row after squeezed into the two columns of 部门名称's
    row and its form not found)."""
    return repeated > 0 and sum(table == number for table in section.row_tables) <= repeated


def _outgrows(section: Section, table: Table, ruled: bool) -> bool:
    """A table that is not the one before going on, though no header tells them apart: its cells would be squeezed
    into that one's columns, two texts as one, and it is a table of its own. A ruled table under one read from where
    its text lies (a row pdfplumber found no table in: a spreadsheet printed in strips draws 部门名称 | 名称 alone on
    its first page) that is not the same table widened: that one's columns end where its text ends. A page without
    ruling lines, with labels of its own (not the table's header repeated), whose columns reach a whole column past
    the table's right edge (a department form's tasks under its budget list, printed in strips: seed 45's d024,
    every later row squeezed into the list's three columns)."""
    number, columns = section.last_table
    if not ruled:
        return labels_row(table) and len(table.columns) > 2 and table.columns[-2] >= columns[-1] - SAME_X
    return number in section.from_text and table.columns[-1] > columns[-1] + SAME_X \
        and widened(columns, table.columns) == columns


def _page_list(numbers: list[int]) -> str:
    shown = "、".join(str(n) for n in numbers[:10])
    return shown + ("等" if len(numbers) > 10 else "")
