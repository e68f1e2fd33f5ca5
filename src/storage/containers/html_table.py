"""Web pages → grids of cells, one per `<table>`, for the published-table recogniser.

Reads `.html`/`.htm` and `.mht`/`.mhtml` as browsers save them (a MIME multipart/related message whose
text/html part is quoted-printable or base64), and the text/html a clipboard holds (`grids_from_html`).

- Parser: lxml's libxml2 HTML parser: 0.6 s for a 41 MB page (20,000 indicators) against html5lib's 37 s.
  It never touches the network, expands no entities declared in the page (HTML has none; libxml2's HTML
  parser ignores an internal DTD subset), and keeps its safety limits (256 levels of nesting, 10 MB in one
  text node): a page that hits them is refused, not read in part.
- Cells: rowspan/colspan are merges, the value copied into every covered cell (as `read_grids_merged` does
  for xlsx); rowspan stops at the end of its row group, as browsers draw it. The text is what a browser
  shows: runs of spaces and line breaks in the source collapse to one space, `<br>` and block elements
  (`<p>`, `<div>`, `<li>`…) are line breaks, `<pre>` keeps its spacing, other markup is stripped, entities
  are decoded, `&nbsp;` becomes a space, scripts, styles and `display:none` are not shown.
- A table nested in a cell is a grid of its own and its text (cells by tabs, rows by lines, as a browser's
  innerText) is part of the outer cell: a layout table around the data table costs nothing to recognise.
- Encodings: a BOM; else UTF-8 when the bytes are valid UTF-8 (a saved page lost the HTTP header that
  may have overridden a wrong `<meta>`); else the MIME part's charset or the page's `<meta charset>` /
  http-equiv / XML declaration; else GB18030 (GBK and GB2312 are its subsets). Nothing decodes: refused.
"""

from __future__ import annotations

import codecs
import email
import email.errors
import email.policy
import os
import re
from pathlib import Path

from lxml import etree

from ..infra import limits
from ..infra.errors import FileProblem, ends_inside_a_character, os_problem
from ..infra.preflight import open_regular
from ..infra.progress import Progress, every, tell
from .sheet_grid import MAX_COLUMNS, MAX_ROWS, Damage, Grid, goes_on_from
from .text_table import damaged_utf8

MAX_PAGE_BYTES = limits.MAX_PAGE_BYTES  # a 41 MB page takes ~310 MB parsed; published pages are a few MB
MAX_CELLS = limits.MAX_SHEET_CELLS  # cells of all grids, merged copies included (20,000 indicators as LibreOffice html: 0.2 M)
_TEXT_FACTOR = 8  # cell text may repeat nested tables' text: at most this many times the page's size
_MAX_COLSPAN, _MAX_ROWSPAN = 1000, 65534  # the HTML standard's clamps

# Markers while a cell's text is gathered (Unicode noncharacters: no page holds them).
_HARD = "\ufdd0"  # <br>: a line break that always shows
_SOFT = "\ufdd1"  # a block's edge: one line break between content, none at the ends, runs collapse
_TAB = "\ufdd2"  # between the cells of a nested table's row (its rows are _SOFT)
_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML's whitespace; U+3000 and U+00A0 are text
_AT_EDGE = re.compile(f"[{_HARD}{_TAB}](?= *(?:{_SOFT}|$))")  # a <br> ending a block adds no empty line
_LINE_END = re.compile(r" +\n")
_SOFT_RUN = re.compile(f" *{_SOFT}[ {_SOFT}]*")
_AROUND_LINE_BREAK, _AROUND_TAB = re.compile(r" *\n *"), re.compile(r" *\t *")
_BLANK = f" \t\n\r\f\xa0{_HARD}{_SOFT}{_TAB}"
_SPAN = re.compile(r"\s*(\d+)")
_TAIL = 1 << 20  # where a cut-off page's last table is looked for
_BASE64_DEFECTS = (email.errors.InvalidBase64PaddingDefect, email.errors.InvalidBase64CharactersDefect,
                   email.errors.InvalidBase64LengthDefect)

_CELLS = frozenset(("td", "th"))
_GROUPS = frozenset(("thead", "tbody", "tfoot"))
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dir", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "legend", "li", "main", "menu", "nav",
    "ol", "p", "pre", "section", "summary", "ul", *_HEADINGS))
# Not shown by a browser. `comment` is LibreOffice's cell note, hidden by the style sheet it writes.
_NOT_SHOWN = frozenset(("script", "style", "template", "noscript", "head", "title", "object", "comment"))
_MARKED = ("br", "table", *_BLOCKS, *_NOT_SHOWN)
# Blocks that may stand above a table as a line of its own (its title, 单位：万元); the last _LEAD_BLOCKS before
# a table are looked at, the last _LEAD_LINES of them with text kept (as many as the Word reader keeps), each
# at most _LEAD_LENGTH characters (a paragraph of prose above a table is no title).
_LINES = frozenset(("p", "div", "center", "caption", *_HEADINGS))
_LEAD_BLOCKS = 12
_LEAD_LINES = 6
_LEAD_LENGTH = 120

_GBK_LABELS = frozenset(("gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "gb_2312-80", "gb_2312",
                         "chinese", "csgb2312", "csiso58gb231280", "iso-ir-58", "euc-cn", "gb18030"))
_DECLARED = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
                       rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_MIME_START = re.compile(rb"\A\s*[!-9;-~]+:")  # a header line, RFC 5322
_MIME_HTML = re.compile(rb"^content-type:\s*(?:multipart/related|text/html)", re.IGNORECASE | re.MULTILINE)
_CF_HTML_FIELD = re.compile(r"^(StartHTML|EndHTML|StartFragment|EndFragment):\s*(-?\d+)\s*$", re.MULTILINE)


def page_grids(path: Path, progress: Progress | None = None) -> list[Grid]:
    """A saved web page (.html/.htm/.mht/.mhtml) → a grid per table; progress is told the table rows laid
    out (after the parse, one call in C)."""
    try:
        with open_regular(path) as stream:  # a regular file within limits.MAX_FILE_BYTES, or refused unread
            size = os.fstat(stream.fileno()).st_size
            if size > MAX_PAGE_BYTES:
                raise FileProblem(path, _too_big(size))
            data = stream.read()
    except OSError as error:
        raise os_problem(path, error) from error
    declared, damage = None, []
    if _looks_like_mime(data):
        data, declared, damage = _html_part(path, data)
    declared = declared or _declared(data)
    tables = None
    if _codec(declared) in (None, "utf-8") and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:  # most pages: libxml2 reads the UTF-8 and says when it is not, sparing a decode in Python
            tables = _page_grids(data, path, unchecked=True, progress=progress)
        except _NotUtf8:
            pass
    if tables is None:
        tables = _page_grids(_utf8(path, data, declared), path, progress=progress)
    if not tables and damage:
        raise FileProblem(path, f"没有读出表格：{damage[0]}")
    if not tables:
        raise FileProblem(path, "网页中没有表格（<table>）；如果表格在网页的附件里（PDF、Excel），请下载附件后打开附件")
    tables[0].damage.extend(Damage(text) for text in damage)
    _say_where_cut(data, tables[-1])
    for grid in tables:
        _say_undecodable(grid)
    return tables


def grids_from_html(html: str, name: str) -> list[Grid]:
    """HTML text (a page, or what a clipboard's text/html holds) → one grid per table; [] when it has none.

    Windows' CF_HTML header (`Version:0.9 StartHTML:…`) is dropped; rows copied without their `<table>`
    (a fragment between `<!--StartFragment-->` and `<!--EndFragment-->`) are read as one table. Problems
    raise FileProblem named after `name` (e.g. "剪贴板").
    """
    if len(html) > MAX_PAGE_BYTES:
        raise FileProblem(name, _too_big(len(html)))
    html = _without_clipboard_header(html)
    if re.search(r"<t[dhr][\s>/]", html, re.IGNORECASE) and not re.search(r"<table[\s>/]", html, re.IGNORECASE):
        start, end = html.find("<!--StartFragment-->"), html.find("<!--EndFragment-->")
        if 0 <= start < end:
            html = f"{html[:start]}<table>{html[start:end]}</table>{html[end:]}"
        else:
            html = f"<table>{html}</table>"
    return _page_grids(html.encode("utf-8", errors="replace"), name)


# Containers and encodings


def _too_big(size: int) -> str:
    return f"网页有 {size / 1024 / 1024:.0f} MB，超过 {MAX_PAGE_BYTES // 1024 // 1024} MB 的上限，不是一张申报表"


def _looks_like_mime(data: bytes) -> bool:
    head = data[:4096]
    return not head.lstrip().startswith(b"<") and bool(_MIME_START.match(head)) and bool(_MIME_HTML.search(head))


def _html_part(path: Path, data: bytes) -> tuple[bytes, str | None]:
    """The page of an .mht: the multipart/related root (its `start`, else the first text/html part)."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    parts = [part for part in message.walk() if part.get_content_type() == "text/html"]
    start = message.get_param("start")
    if isinstance(start, str):
        parts.sort(key=lambda part: (part.get("Content-ID") or "").strip() != start.strip())
    for part in parts:
        payload = part.get_payload(decode=True)  # quoted-printable and base64 decoded, as far as they go
        if isinstance(payload, bytes):
            return payload, part.get_content_charset(), _mime_damage(message, part)
    raise FileProblem(path, "这个 MHT 文件里没有网页（text/html）部分，可能已损坏")


def _mime_damage(message, part) -> list[str]:
    """What the email parser forgave: a base64 part that does not decode whole, a message without its end."""
    said = []
    if any(isinstance(defect, _BASE64_DEFECTS) for defect in part.defects):
        said.append("MHT 文件中网页部分的编码（base64）已损坏或不完整（文件不完整），只读出了能解码的部分，"
                    "表格可能缺行，请重新保存或索取完整的文件后核对")
    if any(isinstance(defect, email.errors.CloseBoundaryNotFoundDefect) for defect in message.defects):
        said.append("MHT 文件没有结束标记（文件不完整，可能在下载或复制时被截断），请核对导入的内容是否齐全")
    return said


def _say_where_cut(data: bytes, last: Grid) -> None:
    """A page that ends inside a table (a download or a save that stopped short) is said, and a last row cut
    in the middle is left out rather than read as a row: a cut project reads as a 小计 row, a cut indicator as
    a whole one."""
    low = data[-_TAIL:].lower() if len(data) > _TAIL else data.lower()
    if low.count(b"<table") <= low.count(b"</table") and not _opens_before_tail(data, low):
        return
    last_row_end = low.rfind(b"</tr")
    row_cut = re.search(rb"<t[dhr][\s>/]", low[last_row_end + 4:] if last_row_end >= 0 else low) is not None
    if row_cut and last.rows:
        dropped = last.rows.pop()
        text = " ".join(str(value) for value in dropped if value not in (None, ""))[:40]
        last.damage.append(Damage(f"网页在表格中间结束（文件不完整，可能在下载或保存时被截断）：最后一行（“{text}”）不完整，"
                                  "未导入；其后的内容缺失，请取得完整的文件后核对", row=len(last.rows) + 1,
                                  source_text=text))
    else:
        last.damage.append(Damage("网页在表格中间结束（文件不完整，可能在下载或保存时被截断）：表格后面的内容缺失，"
                                  "请取得完整的文件后核对"))


def _opens_before_tail(data: bytes, low_tail: bytes) -> bool:
    """A table opened before the tail and not closed in it (a long last table): its closing tag is missing."""
    if len(data) <= _TAIL:
        return False
    return low_tail.count(b"</table") == 0 and b"</html" not in low_tail and b"</body" not in low_tail


def _say_undecodable(grid: Grid) -> None:
    """Cells with U+FFFD: bytes that were not in the page's encoding (or a page that was damaged before)."""
    found = [(row, column, value) for row, cells in enumerate(grid.rows) for column, value in enumerate(cells)
             if isinstance(value, str) and "\ufffd" in value]
    if found:
        row, column, value = found[0]
        texts = len({value for _, _, value in found})  # a merged cell's text is in each cell it covers: once
        grid.damage.append(Damage(f"有 {texts} 处文字含有不符合网页编码的字节（编码错误），显示为“\ufffd”，"
                                  f"如第 {row + 1} 行第 {column + 1} 列“{value[:30]}”：这些文字已损坏，请对照原表改正",
                                  row=row + 1, column=column + 1, source_text=value[:80]))


def _utf8(source: Path | str, data: bytes, declared: str | None) -> bytes:
    """The page's bytes as UTF-8, from the encoding the page has (see the module's docstring)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            data = data[len(bom):]
            return data if encoding == "utf-8" else data.decode(encoding, errors="replace").encode("utf-8")
    if _decoded(data, "utf-8") is not None:
        return data
    damaged = damaged_utf8(data)
    if damaged is not None:  # the cells holding the bad bytes are said (_say_undecodable)
        return damaged[0].encode("utf-8")
    encoding = _codec(declared or _declared(data))
    for candidate in (encoding, "gb18030"):
        text = _decoded(data, candidate) if candidate and candidate != "utf-8" else None
        if text is not None:
            return text.encode("utf-8")
    if encoding:
        return data.decode(encoding, errors="replace").encode("utf-8")
    raise FileProblem(source, "无法识别网页的编码：它既不是 UTF-8，也不是 GBK/GB18030，网页里也没有写明编码（<meta charset>）")


def _declared(data: bytes) -> str | None:
    """The encoding the page names: <meta charset>, http-equiv Content-Type or an XML declaration."""
    found = _DECLARED.search(data[:16384])
    return (found.group(1) or found.group(2)).decode("ascii") if found else None


class _NotUtf8(Exception):
    pass


def _codec(label: str | None) -> str | None:
    """An encoding label as pages write it → a Python codec, browsers' way: GBK family → GB18030."""
    if not label:
        return None
    label = label.strip().lower()
    if label in _GBK_LABELS:
        return "gb18030"
    if label.startswith(("utf-16", "utf16")):  # a page that says UTF-16 but has no BOM is read as UTF-8
        return "utf-8"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name  # as the HTML standard maps them


def _decoded(data: bytes, encoding: str) -> str | None:
    """The text, or None when the bytes are not in that encoding (a character cut at the very end is
    forgiven: a download that stopped short)."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        if ends_inside_a_character(error, data):
            return data.decode(encoding, errors="replace")
        return None


def _without_clipboard_header(text: str) -> str:
    """Windows' CF_HTML: `Version:0.9` and byte offsets (into the UTF-8) of the HTML, then the HTML."""
    if not text.lstrip().startswith("Version:"):
        return text
    first_tag = text.find("<")
    fields = dict(_CF_HTML_FIELD.findall(text[:first_tag if first_tag >= 0 else 512]))
    raw = text.encode("utf-8")
    for start_key, end_key in (("StartHTML", "EndHTML"), ("StartFragment", "EndFragment")):
        start, end = int(fields.get(start_key, -1)), int(fields.get(end_key, -1))
        if 0 <= start < len(raw):
            body = raw[start:end if end > start else None].decode("utf-8", errors="replace")
            if body.lstrip().startswith("<"):  # offsets some programs get wrong are not trusted
                return body
    return text[first_tag:] if first_tag >= 0 else ""


# Tables


def _page_grids(data: bytes, source: Path | str, unchecked: bool = False, progress: Progress | None = None) -> list[Grid]:
    """Grids of a page in UTF-8; `unchecked`: bytes that may not be UTF-8 (then _NotUtf8, before any work)."""
    # etree's parser, not lxml.html's: the same libxml2 parser without a Python class lookup per element
    parser = etree.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True,
                              default_doctype=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):  # nothing at all to parse
        return []
    if any(entry.type_name == "ERR_RESOURCE_LIMIT" or "XML_PARSE_HUGE" in entry.message for entry in parser.error_log):
        raise FileProblem(source, "网页超出解析的安全上限（标签嵌套超过 256 层，或一段文字超过 10 MB），已拒绝打开")
    if unchecked and any(entry.type_name == "ERR_INVALID_ENCODING" for entry in parser.error_log):
        raise _NotUtf8
    if root is None:
        return []
    tables, headings = _mark_what_a_browser_shows(root, _may_hide(data))
    return _TableReader(source, _TEXT_FACTOR * len(data) + 1_000_000, progress).grids(tables, headings)


def _mark_what_a_browser_shows(root, may_hide: bool) -> tuple[list, dict]:
    """Prepare the tree so that a cell's text is its serialised text content, tidied: what is not shown
    goes, line breaks and nested tables' cells become markers. One pass over the tree in C, Python only
    for the elements that matter. Gives the tables in page order and the heading before each."""
    tables, headings, gone = [], {}, []
    heading = None
    lines: list = []  # the text blocks since the last table: a table's lead lines are the last of them
    for element in root.iter(*_MARKED):
        tag = element.tag
        if tag == "br":
            element.tail = _HARD + element.tail if element.tail else _HARD
            continue
        if tag == "table":
            tables.append(element)
            headings[element] = heading, lines[-_LEAD_BLOCKS:]
            heading, lines = None, []
            continue
        if tag in _LINES:
            lines.append(element)
            if len(lines) > 4 * _LEAD_BLOCKS:  # a table's cells hold blocks too: only the last few are ever looked at
                del lines[:-_LEAD_BLOCKS]
        if tag in _NOT_SHOWN:
            gone.append(element)
            continue
        if tag == "pre":  # keeps its spaces and line breaks
            for node in element.iter():
                node.text = _preformatted(node.text)
                if node is not element:
                    node.tail = _preformatted(node.tail)
        elif tag in _HEADINGS:
            heading = element
        element.text = _SOFT + element.text if element.text else _SOFT  # a block
        element.tail = _SOFT + element.tail if element.tail else _SOFT
    if may_hide:
        gone.extend(root.xpath(_HIDDEN))
    if gone:
        dropped = {table for element in gone for table in element.iter("table")}
        for element in gone:
            _remove_keeping_tail(element)
        tables = [table for table in tables if table not in dropped]
    for table in tables:
        if next(table.iterancestors("td", "th"), None) is None:
            continue
        for row in table.iter("tr"):  # a nested table in a cell reads as lines of tab-separated cells
            row.text = _SOFT + row.text if row.text else _SOFT
            row.tail = _SOFT + row.tail if row.tail else _SOFT
        for cell in table.iter("td", "th"):
            cell.tail = _TAB + cell.tail if cell.tail else _TAB
    return tables, headings


def _may_hide(data: bytes) -> bool:
    """Whether a tag has `hidden` or an inline display:none (a look at the bytes spares an XPath)."""
    lowered = data.lower()
    for word, pattern in ((b"none", _DISPLAY_NONE), (b"hidden", _HIDDEN_ATTRIBUTE)):
        at = lowered.find(word)
        while at >= 0:
            if pattern.search(lowered, max(0, at - 40), at + len(word) + 1) and \
                    lowered.rfind(b"<", 0, at) > lowered.rfind(b">", 0, at):  # inside a tag
                return True
            at = lowered.find(word, at + 1)
    return False


def _remove_keeping_tail(element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _preformatted(text: str | None) -> str | None:
    if not text:
        return text
    return text.replace("\r\n", "\n").replace(" ", "\xa0").replace("\n", _HARD).replace("\t", _TAB)


class _TableReader:
    def __init__(self, source: Path | str, text_budget: int, progress: Progress | None = None):
        self.source = source
        self.text_budget = text_budget
        self.cells_left = MAX_CELLS
        self.spanned_cells = 0
        self.progress = progress
        self.rows_done = self.rows_total = 0
        self.dropped = 0  # the furthest column (1-based) of content left out past MAX_COLUMNS, in this table

    def grids(self, tables: list, headings: dict) -> list[Grid]:
        grids: list[Grid] = []
        if self.progress is not None:  # rows of nested tables counted twice: a bar that ends a little early
            self.rows_total = sum(1 for table in tables for _ in table.iter("tr"))
            tell(self.progress, self.source, 0, self.rows_total)
        width = 0  # the columns of the table last read
        for number, table in enumerate(tables, 1):
            self.dropped = 0
            rows = self.table_rows(table, number)
            if not rows:
                continue
            heading, blocks = headings[table]
            lead = self.lead_lines(table, blocks)
            if not lead and heading is None and goes_on_from(rows, width) and self.nothing_between(table, blocks):
                # A table broken in two (a page made from a Word document cuts its table at every page, an empty
                # paragraph between): a browser shows one table, and so is it read; a header given again above
                # the second part is a repeated header.
                grids[-1].rows += rows
            else:
                grids.append(Grid(self.table_name(table, heading, number), [[line] for line in lead] + rows,
                                  self.dropped))
            width = max(len(row) for row in rows)
        return grids

    def nothing_between(self, table, blocks: list) -> bool:
        """Nothing shown between a table and the one before it (neither in a cell): the blocks between are empty.
        A block around the table (a site wraps each table in a <div>) counts only with what it shows before it."""
        if next(table.iterancestors("td", "th"), None) is not None:
            return False
        around = set(table.iterancestors())
        return all(not (self.shown_before(block, table) if block in around else self.text(block)).strip()
                   for block in blocks if next(block.iterancestors("table"), None) is None)

    def shown_before(self, block, table) -> str:
        """The text a block around a table shows before the table starts."""
        parts = []
        for piece in block.xpath(".//text()"):  # in page order; a table's text begins at its first piece
            owner = piece.getparent()
            if owner is table or table in set(owner.iterancestors()):
                break
            parts.append(str(piece))
        return self.tidied("".join(parts)) or ""

    def lead_lines(self, table, blocks: list) -> list[str]:
        """The lines shown right above a table that stands in no cell — its title, 单位：元, 部门名称：… in
        paragraphs of their own, as a page made from a Word document holds them — for the recognisers to find
        the year, the department and the amounts' unit there, as in a sheet's rows above its header. Blocks in
        a cell, around the table or around another block are not lines of their own."""
        if next(table.iterancestors("td", "th"), None) is not None or next(table.iterdescendants("table"), None) is not None:
            return []  # a table in a cell, or one that holds tables: the page's layout, not a published table
        lines = []
        for block in blocks:
            if (next(block.iterancestors("table"), None) is not None or block in set(table.iterancestors())
                    or any(child.tag in _LINES for child in block.iterdescendants())):
                continue
            text = self.text(block).replace("\n", " ").replace("\t", " ").strip()
            if text and len(text) <= _LEAD_LENGTH:
                lines.append(text)
        return lines[-_LEAD_LINES:]

    def table_name(self, table, heading, number: int) -> str:
        caption = next((child for child in table if child.tag == "caption"), None)
        for labelled in (caption, heading):
            text = self.text(labelled).replace("\n", " ").replace("\t", " ") if labelled is not None else ""
            if text:
                return text if len(text) <= 40 else text[:40] + "…"
        return f"表格{number}"

    def table_rows(self, table, number: int) -> list[list[object]]:
        groups: list[tuple[str, list]] = []
        loose: list = []  # rows directly in <table>: an implicit <tbody>
        bare: list | None = None  # cells directly in <table> (a pasted fragment): an implicit <tr>
        for child in table:
            tag = child.tag
            if tag == "tr" or tag in _CELLS:
                if not loose:
                    groups.append(("tbody", loose))
                if tag == "tr":
                    loose.append(child)
                    bare = None
                elif bare is None:
                    bare = [child]
                    loose.append(bare)
                else:
                    bare.append(child)
                continue
            loose, bare = [], None
            if tag in _GROUPS:
                groups.append((tag, [row for row in child if row.tag == "tr"]))
        for tag, moved_to in (("thead", 0), ("tfoot", -1)):  # the first <thead> on top, the first <tfoot> last
            found = next((group for group in groups if group[0] == tag), None)
            if found is not None:
                groups.remove(found)
                groups.insert(0 if moved_to == 0 else len(groups), found)
        count = sum(len(group) for _, group in groups)
        if count > MAX_ROWS:
            raise FileProblem(self.source, f"网页的第 {number} 个表格有 {count} 行，超过 {MAX_ROWS} 行的上限")
        rows: list[list[object]] = []
        for _, group in groups:
            rows.extend(self.group_rows(group))
        width = max((len(row) for row in rows), default=0)
        if width == 0:
            return []
        self.spend_cells(width * len(rows))
        for row in rows:
            if len(row) < width:
                row.extend([None] * (width - len(row)))
        return rows

    def group_rows(self, trs: list) -> list[list[object]]:
        """One row group laid out as a browser does: each cell in the next free column, spans cover."""
        rows: list[list[object]] = [[] for _ in trs]
        spanned: set[int] = set()  # rows that cells from above reach into: they may have free gaps
        past: dict[int, int] = {}  # rows with cells past MAX_COLUMNS: the column the last of them was in
        tidied, tostring = self.tidied, etree.tostring
        step = every(self.rows_total) if self.progress is not None else 0
        for r, tr in enumerate(trs):
            if step and r % step == 0 and r:  # about a hundred reports over the page, not one a row
                self.rows_done += step
                tell(self.progress, self.source, min(self.rows_done, self.rows_total), self.rows_total)
            row, column = rows[r], 0
            for cell in tr.iterchildren("td", "th") if not isinstance(tr, list) else tr:
                # self.text(cell), written out: this loop runs for every cell of the page
                value = tidied(tostring(cell, method="text", encoding=str, with_tail=False) if len(cell) else cell.text)
                colspan, rowspan = cell.get("colspan"), cell.get("rowspan")
                if colspan is None and rowspan is None and r not in spanned:  # most cells: the next in the row
                    if len(row) < MAX_COLUMNS:
                        row.append(value)
                    else:  # left out, and said (Grid.dropped_columns): counted from the row's own cells
                        past[r] = past.get(r, MAX_COLUMNS) + 1
                        if value:
                            self.dropped = max(self.dropped, past[r])
                    continue
                while column < len(row) and row[column] is not _FREE:
                    column += 1
                if column >= MAX_COLUMNS:
                    if value:
                        self.dropped = max(self.dropped, column + 1)
                    continue
                colspan = min(max(_span(colspan), 1), _MAX_COLSPAN)
                rowspan = min(_span(rowspan), _MAX_ROWSPAN)
                rowspan = len(trs) - r if rowspan == 0 else min(max(rowspan, 1), len(trs) - r)
                end = min(column + colspan, MAX_COLUMNS)
                self.spanned_cells += rowspan * (end - column)  # stops a span bomb before it is laid out
                if self.spanned_cells > MAX_CELLS:
                    self.refuse_cells()
                if rowspan > 1:
                    spanned.update(range(r + 1, r + rowspan))
                for covered in rows[r:r + rowspan]:
                    if len(covered) < end:
                        covered.extend([_FREE] * (end - len(covered)))
                    for c in range(column, end):
                        if covered[c] is _FREE:  # cells that overlap keep the first, as browsers draw them
                            covered[c] = value
                column = end
        for r in spanned:
            rows[r][:] = [None if value is _FREE else value for value in rows[r]]
        return rows

    def spend_cells(self, count: int) -> None:
        self.cells_left -= count
        if self.cells_left < 0:
            self.refuse_cells()

    def refuse_cells(self):
        raise FileProblem(self.source, f"网页的表格（合并单元格展开后）超过 {MAX_CELLS:,} 个单元格，不是一张申报表，已拒绝打开")

    def text(self, element) -> str:
        """What a browser shows of an element (a cell, a caption, a heading), tidied."""
        return self.tidied(etree.tostring(element, method="text", encoding=str, with_tail=False)
                           if len(element) else element.text) or ""

    def tidied(self, text: str | None) -> str | None:
        """The text content of an element as a browser shows it; None when it shows nothing."""
        if not text:
            return None
        if _SOFT in text or _HARD in text or _TAB in text:
            text = _tidy(text) if text.strip(_BLANK) else ""  # `<font><br></font>`: how LibreOffice writes an empty cell
        else:  # a plain run of text: the regex only when there is whitespace to collapse (cheaper to ask)
            if "\n" in text or "  " in text or "\t" in text or "\r" in text or "\f" in text:
                text = _SPACES.sub(" ", text)
            if "\xa0" in text:
                text = text.replace("\xa0", " ")
            text = text.strip(" ")
        self.text_budget -= len(text)
        if self.text_budget < 0:
            raise FileProblem(self.source, "网页中的表格层层嵌套，展开后的文字过多，不是一张申报表，已拒绝打开")
        return text or None


class _Free:
    __slots__ = ()


_FREE = _Free()  # a grid position no cell covers (yet)
# Not shown: the `hidden` attribute, an inline display:none (Excel writes it for hidden rows and columns).
_HIDDEN = ("//*[@hidden or ((contains(@style, 'none') or contains(@style, 'NONE') or contains(@style, 'None')) and "
           "contains(translate(@style, 'ADEILNOPSY \t\n\r', 'adeilnopsy'), 'display:none'))]")
_DISPLAY_NONE = re.compile(rb"display\s*:\s*none")
_HIDDEN_ATTRIBUTE = re.compile(rb"\shidden(?=[\s=>/])")


def _span(value: str | None) -> int:
    found = _SPAN.match(value) if value else None
    return int(found.group(1)) if found else 1


def _tidy(text: str) -> str:
    if _SOFT not in text and _TAB not in text and "\xa0" not in text:
        # Only <br>s, as in a published table's indicator cell (one line an indicator): the steps below that
        # could change nothing are skipped, the rest give the same text (tests/test_import_paths.py).
        if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text:
            text = _SPACES.sub(" ", text)
        text = text.replace(_HARD, "\n")
        if " " in text:
            text = _AROUND_LINE_BREAK.sub("\n", text)
        return text.strip(" \n\t")
    text = _SPACES.sub(" ", text)
    text = _AT_EDGE.sub("", text)
    text = _SOFT_RUN.sub(_SOFT, text).strip(f" {_SOFT}")
    text = text.replace(_SOFT, "\n").replace(_HARD, "\n").replace(_TAB, "\t")
    text = _AROUND_TAB.sub("\t", _AROUND_LINE_BREAK.sub("\n", text))
    return _LINE_END.sub("\n", text.replace("\xa0", " ")).strip(" \n\t")  # &nbsp; indents, never ends a line
