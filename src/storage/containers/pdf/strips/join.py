"""A table too wide for the page, printed in strips of columns, joined back into one table.

Spreadsheets that do not fit a sheet to the page width print the columns that do not fit on further pages.
Excel, WPS and LibreOffice offer two page orders: down, then over (先列后行, the default: every page of
the left columns, then every page of the next columns) and over, then down (先行后列: the first rows' left,
middle and right pages, then the next rows'). Either way each page holds one *strip* of columns for one *band*
of rows, and the pages of a band draw their rows at the same heights.

So a page is placed by its geometry, not by its place in the file: its strip is the column borders of its
table (every page of a strip has the same), its band the row borders it shares with the band's first page; a
band takes a strip once, and a page joins the band that lacks its strip and whose rows it matches best (the
earliest of equals: that covers both orders, and bands of equal height). A band's pages become one page: its
tables side by side, rows cut where any strip has a row border (a cell over several such rows is copied to
each, as a merged cell is), text beside a table within its rows (a merged cell over the strip border, 项目资金)
put in the cell it lies in, the text above and below the tables at the same height joined; columns a strip
repeats from the first (print titles: 序号, 项目名称 on every page) are taken once. A page of one
cell (one row, one column) has no table in pdfplumber's eyes: it is taken where the page order puts it.

Where the borders do not tell (no two pages draw their tables' rows alike: a row merged across a strip border has
no side borders on the pages it runs on to, so their tables break up or begin further right; or there are no
ruling lines at all), the pages are placed by the text they share across the strip borders instead
(shifts.py, order.py) and joined band by band (placed.py, beside.py).

The join is trusted only when it is complete: every band has every strip and every page is placed. A file
printed in strips that cannot be joined so — a strip page whose table was not found, rows that match no band,
a page with several tables, a column wider than the paper (cut at its edge), text over other text at a strip
border, or pages showing text of cells further
left drawn past their left edge (page.py keeps a character by its clip, the cell) while no strips of rows
match — is refused, saying how to print it on one page's width; it is never read in part.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ....infra.errors import FileProblem
from ...sheet_grid import label_key
from ..clips import cluster
from ..page import PageContent, Table
from ..section import FORM_TITLE
from ..text import join_lines
from .beside import joined_lines, place_beside
from .placed import bounds_of, placed_by_text
from .rows import SAME, row_holding

_EDGE = 3.0  # pt: a strip's pages have their table's left and right edges this close

REFUSED = ("PDF 中的表格太宽，打印时没有缩放到一页宽：右边的列被打印在了后面的页上（第 {pages} 页），"
           "无法可靠地把各页拼回一张表（{why}）。请在 Excel/WPS 打印时选择“将所有列调整为一页”"
           "（LibreOffice：“格式 → 页面样式 → 工作表”中把缩放设为宽 1 页）后重新导出 PDF，或直接打开原始的 Excel/WPS 文件")
JOINED = "第 {pages} 页是同一张表按列分页打印的 {strips} 栏（表格太宽，没有缩放到一页宽），已按行拼回一张表，请对照原表核对"


@dataclass
class _Band:
    pages: list = field(default_factory=list)  # ReadPage, one per strip, in the order met
    strips: list[int] = field(default_factory=list)


def stitch(pages: list, path) -> tuple[list, list[str]]:
    """Pages (table.ReadPage) with strips of columns joined into one page per band; other files as they are.
    Returns the pages and notes; refuses (FileProblem) a file printed in strips that cannot be joined.

    A page titled as a form of its own (…绩效目标表, not the title the page before repeats) begins another
    printed form, and strips are looked for within one form's pages only: a workbook's sheets printed one after
    the other start at the same margin and, with default row heights, draw their rows at the same heights."""
    joined_pages, notes = [], []
    for form_pages in _forms(pages):
        some, said = _stitch_form(form_pages, path)
        joined_pages += some
        notes += said
    return joined_pages, notes


def _forms(pages: list) -> list[list]:
    forms: list[list] = []
    title = None
    for page in pages:
        own = _title_above(page, page.tables[0] if page.tables else None)
        if not forms or (own is not None and title is not None and not _one_title(own, title)):
            forms.append([])  # a title cut by a strip border (…年项目支出绩效目标表 on the next strip) is the same
            title = own
        elif own is not None and (title is None or len(own) > len(title)):
            title = own  # the whole title, where the first page showed a cut one
        forms[-1].append(page)
    return forms


def _stitch_form(pages: list, path) -> tuple[list, list[str]]:
    span = f"{pages[0].number}–{pages[-1].number}"

    def refuse(why: str) -> FileProblem:
        return FileProblem(path, REFUSED.format(pages=span, why=why))

    if not _printed_in_strips(pages):
        joined = placed_by_text(pages, refuse)
        if joined is not None:
            return joined[0], [JOINED.format(pages=span, strips=joined[1]), *joined[2]]
        left = next((page.number for page in pages if any(line.x1 < 0 for line in page.lines)), None)
        if left is not None:  # text of a cell further left, drawn (clipped) left of this page: a strip on its right
            raise refuse(f"第 {left} 页有从左边一页接过来的单元格文字，各页的行却对不上")
        return pages, []
    try:
        return _by_borders(pages, span, refuse)
    except FileProblem:  # the borders do not tell (a strip's page holds several tables, or none): the text may
        joined = placed_by_text(pages, refuse)
        if joined is None:
            raise
        return joined[0], [JOINED.format(pages=span, strips=joined[1]), *joined[2]]


def _by_borders(pages: list, span: str, refuse) -> tuple[list, list[str]]:
    """The pages placed by their tables' borders: a strip by its column borders, a band by its row borders."""
    several = next((page.number for page in pages if len(page.tables) > 1), None)
    if several is not None:
        raise refuse(f"第 {several} 页上的表格分成了几块")
    columns_of: list[list[float]] = []
    strip_of: dict[int, int] = {}
    for page in pages:
        if page.tables:
            columns = page.tables[0].columns
            index = next((i for i, known in enumerate(columns_of) if _same_columns(known, columns)), None)
            if index is None:
                index = len(columns_of)
                columns_of.append(columns)
            strip_of[page.number] = index
    bands: list[_Band] = []
    for page in pages:
        if page.number not in strip_of:
            continue
        strip, bounds = strip_of[page.number], bounds_of(page)
        if bounds is None:
            raise refuse(f"第 {page.number} 页表格的行读不清")
        fitting = [b for b in bands if strip not in b.strips and _same_rows(bounds_of(b.pages[0]), bounds)]
        band = min(fitting, key=lambda b: _mismatch(bounds_of(b.pages[0]), bounds), default=None)  # the first of the best
        if band is None:
            band = _Band()
            bands.append(band)
        band.pages.append(page)
        band.strips.append(strip)
    _fill_single_cells(pages, bands, columns_of, strip_of, refuse)
    for band in bands:
        if sorted(band.strips) != list(range(len(columns_of))):
            numbers = "、".join(str(p.number) for p in band.pages)
            raise refuse(f"第 {numbers} 页的行在别的页上找不到对应的部分")
    bands = _in_page_order(pages, bands, len(columns_of), refuse)
    past = next((page.number for band in bands for page in band.pages
                 if page.tables[0].columns[-1] > page.content.width + _EDGE), None)
    if past is not None:  # a column wider than the paper: the printer cut it at the page's edge
        raise refuse(f"第 {past} 页的表格超出了纸张右边，超出的部分没有打印出来")
    placed = {page.number for band in bands for page in band.pages}
    stray = next((page.number for page in pages if page.number not in placed and (page.lines or page.tables)), None)
    if stray is not None:
        raise refuse(f"第 {stray} 页没有找到带框线的表格")
    return [_join(band, refuse) for band in bands], [JOINED.format(pages=span, strips=len(columns_of))]


def _in_page_order(pages: list, bands: list[_Band], strips: int, refuse) -> list[_Band]:
    """The bands as one of the two page orders puts the pages: the printer lays them out down then over or over then
    down, never otherwise. Pages matched to bands by their row borders alone can go astray where rows of one default
    height make several bands alike (a strip's first page beginning lower, under a title the first strip holds,
    matches a later band better than its own): a text crossing the strip border would tell, but a PDF remade by a
    virtual printer (cairo) leaves out the part a clip hid. So when the bands the rows chose are not in a page order,
    the order whose every page draws its band's rows is taken; when none does, or both and they differ, nothing is
    joined."""
    order = [page for page in pages if any(page is placed for band in bands for placed in band.pages)]
    rank = {id(page): index for index, page in enumerate(order)}
    count = len(bands)
    places = {"down": lambda b, s: s * count + b, "over": lambda b, s: b * strips + s}
    if any(all(rank[id(page)] == place(b, s) for b, band in enumerate(bands) for s, page in zip(band.strips, band.pages))
           for place in places.values()):
        return bands
    fitting = []
    for place in places.values():  # each page in its own strip (its columns), with its band's rows
        ordered = [_Band([order[place(b, s)] for s in range(strips)], list(range(strips))) for b in range(count)]
        strip_of = {id(page): s for band in bands for s, page in zip(band.strips, band.pages)}
        if all(strip_of[id(page)] == s for band in ordered for s, page in enumerate(band.pages)) and all(
                _same_rows(bounds_of(band.pages[0]), bounds_of(page)) for band in ordered for page in band.pages[1:]):
            fitting.append(ordered)
    if len(fitting) == 1 or len(fitting) == 2 and [b.pages for b in fitting[0]] == [b.pages for b in fitting[1]]:
        return fitting[0]
    numbers = "、".join(str(page.number) for page in bands[0].pages)
    raise refuse(f"第 {numbers} 页的行对得上，却不是按打印的页序排的，分不清哪几页是同一行")


def _printed_in_strips(pages: list) -> bool:
    """Whether a page's table draws its rows where another page's table with other edges does: two strips of
    one table (the pages of one table continued down have its edges, another table its own rows). Both ends
    must match: two tables of one workbook (a department form, then a project table) start at the same margin
    and, with default row heights, share their first row borders, but not their last. The first
    band holds the first page of every strip in either page order, so the first tables of each set of edges
    are compared (a file of 2,000 pages costs nothing)."""
    groups: list[tuple[tuple[float, float], list[list[float]]]] = []
    for page in pages:
        for table in page.tables:
            bounds = page.row_bounds.get(id(table))
            if bounds is None:
                continue
            edges = (table.columns[0], table.columns[-1])
            group = next((g for g in groups if abs(g[0][0] - edges[0]) <= _EDGE and abs(g[0][1] - edges[1]) <= _EDGE), None)
            if group is None:
                groups.append((edges, [bounds]))
            elif len(group[1]) < 3:
                group[1].append(bounds)
    for index, (_, firsts) in enumerate(groups):
        for _, others in groups[index + 1:]:
            if any(_same_rows(a, b, strict=True) for a in firsts for b in others):
                return True
    return False


_CUT_OVERLAP = 4  # characters: two parts of a title cut by a strip border that both show at least this many


def _one_title(one: str, other: str) -> bool:
    """Whether two pages' titles are one title: the same, one a part of the other, or its two parts cut by a strip
    border, each showing the characters the border runs through (项目支出绩效目标表（含转移支付 | 出绩效目标表（含转移支付
    项目）: seed 54's p038, LibreOffice printing a title centred over every strip; two forms' titles only end alike)."""
    if one in other or other in one:
        return True
    return any(a[-size:] == b[:size] for a, b in ((one, other), (other, one))
               for size in range(_CUT_OVERLAP, min(len(a), len(b))))


def _title_above(page, table: Table | None) -> str | None:
    """The form's title over the page's first table (…绩效目标表), as a key to compare."""
    return next((key for line in page.lines if (table is None or line.bottom <= table.top + 1)
                 and FORM_TITLE.search(key := label_key(line.text))), None)


def _fill_single_cells(pages: list, bands: list[_Band], columns_of: list[list[float]], strip_of: dict[int, int],
                       refuse) -> None:
    """A strip's page whose table is one cell (a band of one row, a strip of one column) has no table in
    pdfplumber's eyes. When every other page sits where one of the two page orders puts it, such a page is
    the one that order puts in the empty place, and its text within the band's row is the cell."""
    strips = len(columns_of)
    missing = [(b, s) for b, band in enumerate(bands) for s in range(strips) if s not in band.strips]
    if not missing:
        return
    first = min(strip_of)
    orders = {"down": lambda b, s: first + s * len(bands) + b, "over": lambda b, s: first + b * strips + s}
    by_number = {page.number: page for page in pages}
    for place in orders.values():
        if not all(place(b, s) == page.number for b, band in enumerate(bands)
                   for s, page in zip(band.strips, band.pages)):
            continue
        for b, s in missing:
            page = by_number.get(place(b, s))
            bounds = bounds_of(bands[b].pages[0])
            if page is None or page.tables or len(columns_of[s]) != 2 or len(bounds) != 2:
                raise refuse(f"第 {place(b, s)} 页没有找到带框线的表格")
            top, bottom = bounds
            inside = [line for line in page.lines if line.top >= top - SAME and line.bottom <= bottom + SAME]
            left, right = columns_of[s]
            text = join_lines(inside, right - left - 2 * max(0.0, min((l.x0 for l in inside), default=left) - left))
            table = Table(top, bottom, list(columns_of[s]), [[text]])
            others = [line for line in page.lines if line not in inside]
            content = PageContent(page.content.width, page.content.height, others, [table], page.content.rules,
                                  page.content.dropped_slanted, page.content.char_count)
            filled = type(page)(page.number, content, page.images, row_bounds={id(table): [top, bottom]})
            bands[b].pages.append(filled)
            bands[b].strips.append(s)
            pages[pages.index(page)] = filled
        return


def _same_columns(one: list[float], other: list[float]) -> bool:
    """One strip: the same column borders (a strip's pages repeat its columns; two strips of one table could
    share their edges, not every border)."""
    return len(one) == len(other) and all(abs(a - b) <= _EDGE for a, b in zip(one, other))


def _mismatch(first: list[float], other: list[float]) -> int:
    """The row borders of either page that the other does not have."""
    return sum(1 for y in other if not any(abs(y - z) <= SAME for z in first)) + \
        sum(1 for y in first if not any(abs(y - z) <= SAME for z in other))


def _same_rows(first: list[float] | None, other: list[float] | None, strict: bool = False) -> bool:
    """Two pages draw the rows of one band: most row borders at the same heights, the top or bottom among
    them. strict (telling that a file is printed in strips at all): both ends, and three borders or more."""
    if not first or not other:
        return False
    shared = sum(1 for y in other if any(abs(y - z) <= SAME for z in first))
    top, bottom = abs(first[0] - other[0]) <= SAME, abs(first[-1] - other[-1]) <= SAME
    if strict:
        return top and bottom and shared >= 3 and 4 * shared >= 3 * min(len(first), len(other))
    return (top or bottom) and shared >= 2 and 2 * shared >= min(len(first), len(other))


def _join(band: _Band, refuse):
    """The band's pages as one page: their tables side by side (left to right in the order of the strips)."""
    ordered = sorted(zip(band.strips, band.pages), key=lambda pair: pair[0])
    pages = [page for _, page in ordered]
    first = pages[0]
    rows_at = cluster([y for page in pages for y in bounds_of(page)], SAME)
    columns: list[float] = []
    rows: list[list[str]] = [[] for _ in rows_at[:-1]]
    open_columns: set[int] = set()
    shifts = []
    first_cells: list[list[str]] = []
    for page in pages:
        table = page.tables[0]
        own = bounds_of(page)
        cells = []
        for top, bottom in zip(rows_at, rows_at[1:]):
            row = row_holding(own, top, bottom)
            cells.append(list(table.rows[row]) if row is not None else [""] * (len(table.columns) - 1))
        repeated = _repeated_columns(first_cells, pages[0].tables[0].columns, cells, table.columns) if columns else 0
        borders = table.columns[repeated:]
        shift = (columns[-1] - borders[0]) if columns else 0.0
        shifts.append(shift)
        offset = len(columns) - 1 - repeated if columns else 0
        columns.extend(x + shift for x in (borders if not columns else borders[1:]))
        for index, row_cells in enumerate(cells):
            rows[index].extend(row_cells[repeated:])
        if not first_cells:
            first_cells = cells
        open_columns.update(offset + column for column in page.open_bottom.get(id(table), ()) if column >= repeated)
    outside = place_beside(pages, shifts, rows, rows_at, columns, refuse)
    table = Table(rows_at[0], rows_at[-1], columns, rows,
                  overlapping=sum(page.tables[0].overlapping for page in pages),
                  cut_bottom=any(page.tables[0].cut_bottom for page in pages))
    content = first.content
    joined = PageContent(content.width, content.height, joined_lines(outside), [table], content.rules,
                         sum(page.content.dropped_slanted for page in pages),
                         sum(page.content.char_count for page in pages))
    return type(first)(first.number, joined, sum(page.images for page in pages),
                       open_bottom={id(table): frozenset(open_columns)} if open_columns else {},
                       row_bounds={id(table): rows_at}, last_number=max(page.last_number for page in pages))


def _repeated_columns(first: list[list[str]], first_columns: list[float], cells: list[list[str]],
                      columns: list[float]) -> int:
    """How many columns a later strip begins with that repeat the first strip's first ones (print titles:
    序号 and 项目名称 printed on every page): as wide, and the same text in every row, a header among them."""
    count = 0
    while count < min(len(columns), len(first_columns)) - 1:
        width, first_width = columns[count + 1] - columns[count], first_columns[count + 1] - first_columns[count]
        same = abs(width - first_width) <= _EDGE and all(
            count < len(a) and count < len(b) and a[count] == b[count] for a, b in zip(first, cells))
        if not same or not any(row[count].strip() for row in cells):
            break
        count += 1
    return count if count < len(columns) - 1 else 0  # a strip of nothing but repeated columns is not one
