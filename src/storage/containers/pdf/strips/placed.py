"""Strips of columns placed by the text their pages share (shifts.plan), joined band by band into one page.

join.py joins a ruled table's strips by their borders when those tell: each strip's table begins at the page's
margin, one table a page. A row merged across a strip border draws no side borders on the pages it runs on to, so
there a strip's page may hold several tables, or none, or a table that begins further right; the text the pages
share tells where each page lies all the same (the strip's offset). So each page's tables are stacked into one
(their columns the finer of them all), a page with text and no table takes its strip's columns from another band,
and the band's tables are laid at their offsets: the joined table's columns are all the pages' borders, a cell
wider than one copied into each (as a merged cell is), the rows cut where any page has a row border. Text beside
the tables within the rows goes into the cells it lies in (beside.py). A band of pages without tables is
joined by its text alone (shifts.join_band).
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from ..clips import cluster
from ..page import PageContent, Table
from ..section import remap
from . import shifts
from .beside import place_beside, placed_lines
from .rows import SAME, row_holding

LEFT_OUT = ("第 {page} 页之后少了最右边一栏的{count}页：打印时没有内容的页不会打印出来，已当作空白页拼接（这几行最右边几列按空白导入），"
            "请对照原表核对")

LEFT_OUT_INSIDE = ("第 {page} 页之后少了中间一栏的{count}页：打印时没有内容的页不会打印出来，已当作空白页拼接（这几行这一栏的几列按空白导入），"
                   "请对照原表核对")

_EDGE = 3.0  # pt: column borders this close are one


def bounds_of(page) -> list[float] | None:
    """The row borders of the page's (first) table: as drawn (borders.py), else as its cells give them."""
    table = page.tables[0] if page.tables else None
    if table is None:
        return None
    drawn = page.row_bounds.get(id(table))
    return drawn if drawn is not None else (table.ys if len(table.ys) == len(table.rows) + 1 else None)


def placed_by_text(pages: list, refuse) -> tuple[list, int, list[str]] | None:
    """The pages joined band by band, how many strips each band had and the notes on pages left out (shifts.plan),
    or None when no page shares text with the first across a strip border. refuse(why) makes the FileProblem."""
    try:
        found = shifts.plan(pages)
        if found is None:
            return None
        bands, offsets = found
        columns = {strip: page.tables[0].columns for band in bands for strip, page in enumerate(band)
                   if len(page.tables) == 1}  # each strip's, from a page where it is one table
        joined = [_join_band(band, offsets, columns, refuse) for band in bands]
    except shifts.NotJoined as error:
        raise refuse(str(error)) from error
    missing = Counter((strip == len(band) - 1, page.number)
                      for band in bands for strip, page in enumerate(band) if page.left_out)
    left_out = [(LEFT_OUT if last else LEFT_OUT_INSIDE).format(page=number, count="一" if count == 1 else f" {count} ")
                for (last, number), count in missing.items()]
    return joined, len(offsets), left_out


def _join_band(band: list, offsets: list[float], strips_columns: dict[int, list[float]], refuse):
    if not any(page.tables for page in band):
        return shifts.join_band(band, offsets)
    if any(not page.tables and strips_columns.get(strip) is None for strip, page in enumerate(band)):
        # a page with no table and no strip's columns to take: the band's tables are clips of merged cells
        # (LibreOffice clips those alone; page.read_page took them for a grid), joined as text like a borderless band's
        return shifts.join_band([_as_text(page) for page in band], offsets)
    stacked = [_stacked(page, refuse) if page.tables else None for page in band]
    tops = [bounds_of(page)[0] for page in stacked if page is not None]
    bottoms = [bounds_of(page)[-1] for page in stacked if page is not None]
    for strip, page in enumerate(stacked):
        if page is None:
            stacked[strip] = _bare(band[strip], strips_columns.get(strip), min(tops), max(bottoms), refuse)
    return _join_at(stacked, offsets, refuse)


def _as_text(page):
    """The page with its tables' text as lines among the rest."""
    content = page.content
    text = PageContent(content.width, content.height, shifts.all_lines(page), [], content.rules,
                       content.dropped_slanted, content.char_count, content.chars)
    return type(page)(page.number, text, page.images, last_number=page.last_number)


def _bare(page, columns: list[float] | None, top: float, bottom: float, refuse):
    """A strip's page with text and no table in a band whose other pages have theirs: its part of the band's rows
    held nothing but text of cells merged across it, or one cell (pdfplumber finds no table in it). It takes its
    strip's columns from another band's page, as one empty row over the band's height, its text placed beside."""
    if columns is None:
        raise refuse(f"第 {page.number} 页没有找到带框线的表格")
    table = Table(top, bottom, list(columns), [[""] * (len(columns) - 1)])
    content = page.content
    bare = PageContent(content.width, content.height, content.lines, [table], content.rules,
                       content.dropped_slanted, content.char_count, content.chars)
    return type(page)(page.number, bare, page.images, row_bounds={id(table): [top, bottom]}, last_number=page.last_number)


def _stacked(page, refuse):
    """The page with its tables as one: one below the other in the finer columns of them all, the room between
    them a row of empty cells (rows that are the page's part of cells merged across the strip border)."""
    if len(page.tables) == 1:
        if bounds_of(page) is None:
            raise refuse(f"第 {page.number} 页表格的行读不清")
        return page
    tables = sorted(page.tables, key=lambda table: table.top)
    columns = cluster([x for table in tables for x in table.columns], _EDGE)
    rows, bounds, open_columns = [], [], frozenset()
    for table in tables:
        own = page.row_bounds.get(id(table)) or (table.ys if len(table.ys) == len(table.rows) + 1 else None)
        if own is None:
            raise refuse(f"第 {page.number} 页表格的行读不清")
        if bounds and own[0] > bounds[-1] + SAME:
            rows.append([""] * (len(columns) - 1))
        elif bounds:
            own = own[1:]
        rows.extend(remap(row, table.columns, columns) for row in table.rows)  # a merged cell in each column it spans
        bounds.extend(own)
        open_columns = _within(page.open_bottom.get(id(table), ()), table.columns, columns)  # the last table's
    if len(bounds) != len(rows) + 1:
        raise refuse(f"第 {page.number} 页表格的行读不清")
    table = Table(tables[0].top, tables[-1].bottom, list(columns), rows,
                  overlapping=sum(t.overlapping for t in tables), cut_bottom=tables[-1].cut_bottom)
    content = page.content
    stacked = PageContent(content.width, content.height, content.lines, [table], content.rules,
                          content.dropped_slanted, content.char_count, content.chars)
    return type(page)(page.number, stacked, page.images, open_bottom={id(table): open_columns} if open_columns else {},
                      row_bounds={id(table): bounds}, last_number=page.last_number)


def _within(open_columns, own: list[float], columns: list[float]) -> frozenset[int]:
    """The columns (of columns) that the given columns of own cover."""
    found = set()
    for column in open_columns:
        left, right = own[column], own[column + 1]
        found |= {i for i in range(len(columns) - 1) if columns[i] >= left - _EDGE and columns[i + 1] <= right + _EDGE}
    return frozenset(found)


def _join_at(pages: list, offsets: list[float], refuse):
    """The band's pages (one table each) as one page, each laid at its strip's offset."""
    first = pages[0]
    own_columns = [[x + offset for x in page.tables[0].columns] for page, offset in zip(pages, offsets)]
    columns = cluster([x for each in own_columns for x in each], _EDGE)
    rows_at = cluster([y for page in pages for y in bounds_of(page)], SAME)
    # A row border a page draws outside its table, within the band's rows, is the band's: rows of cells merged across
    # the strip border have no side borders there, and pdfplumber finds no table in them (a 2019 form's last key
    # indicator and the 其中：部门年度整体预算完成率 row under it, merged across: read as one cell, the second lost)
    drawn = [y for page in pages for y, _, _ in page.content.rules
             if rows_at[0] + SAME < y < rows_at[-1] - SAME]
    rows_at = cluster([*rows_at, *drawn], SAME) if drawn else rows_at
    rows: list[list[str]] = [[""] * (len(columns) - 1) for _ in rows_at[:-1]]
    open_columns: set[int] = set()
    for page, own in zip(pages, own_columns):
        table, bounds = page.tables[0], bounds_of(page)
        for index, (top, bottom) in enumerate(pairwise(rows_at)):
            row = row_holding(bounds, top, bottom)
            if row is None:
                continue
            for column, text in enumerate(remap(table.rows[row], own, columns)):
                if not text:
                    continue
                if rows[index][column] and rows[index][column] != text:
                    raise refuse(f"第 {page.number} 页的表格与左边一页的表格重叠")
                rows[index][column] = text
        open_columns |= _within(page.open_bottom.get(id(table), ()), own, columns)
    outside = place_beside(pages, offsets, rows, rows_at, columns, refuse)
    table = Table(rows_at[0], rows_at[-1], columns, rows, overlapping=sum(page.tables[0].overlapping for page in pages),
                  cut_bottom=any(page.tables[0].cut_bottom for page in pages))
    content = first.content
    joined = PageContent(offsets[-1] + pages[-1].content.width, content.height, placed_lines(outside, offsets), [table],
                         content.rules, sum(page.content.dropped_slanted for page in pages),
                         sum(page.content.char_count for page in pages))
    return type(first)(first.number, joined, sum(page.images for page in pages),
                       open_bottom={id(table): frozenset(open_columns)} if open_columns else {},
                       row_bounds={id(table): rows_at}, last_number=max(page.last_number for page in pages))
