"""A ruled table's horizontal borders as the page draws them (pdfplumber page): where its rows lie, and which of
its last cells have no border at the page's end. page.py finds the table; these say more about its edges. A
table without ruling lines whose cells are its text's clips (Excel, WPS) has those clips' borders."""

from __future__ import annotations

from .clips import clip_edges, cluster
from .page import Table, is_rule

_NEAR = 2.0  # pt: borders this close lie on one line
_COVERED = 0.8  # a cell's edge is drawn when borders cover this share of its width


def table_edges(page, tables: list[Table], after_cut: bool) -> tuple[dict, dict, dict]:
    """For table.ReadPage, keyed by id(table): the columns each cut table leaves open at its foot, each table's
    row borders, and each column's drawn row borders for a cut table, or for every table when the page before
    ended in a cut one (the top of the table it continues)."""
    if not tables:
        return {}, {}, {}
    rules = horizontal_rules(page) or _clip_rules(page)
    cut = {id(table): open_bottom(rules, table) for table in tables if table.cut_bottom}
    bounds = {id(table): found for table in tables if (found := row_bounds(rules, table))}
    drawn = {id(table): drawn_borders(rules, table, bounds[id(table)]) for table in tables
             if id(table) in bounds and (table.cut_bottom or after_cut)}
    return cut, bounds, drawn


def _clip_rules(page) -> list[tuple[float, float, float]]:
    """A table without ruling lines whose cells page.py found by their clips (clips.clip_edges): the same
    borders, as rules."""
    edges = clip_edges(page.chars, float(page.width), float(page.height))
    return [(edge["top"], edge["x0"], edge["x1"]) for edge in edges if edge["height"] == 0 and edge["width"] > 0]


def horizontal_rules(page) -> list[tuple[float, float, float]]:
    """Every horizontal border on the page as (y, x0, x1): lines, thin filled rectangles, the top and bottom
    sides of stroked rectangles."""
    rules = []
    for obj in [*page.lines, *page.rects]:
        if not is_rule(obj):
            continue
        if obj["height"] <= _NEAR:
            rules.append(((obj["top"] + obj["bottom"]) / 2, obj["x0"], obj["x1"]))
        elif obj["object_type"] == "rect" and obj.get("stroke"):
            rules.extend([(obj["top"], obj["x0"], obj["x1"]), (obj["bottom"], obj["x0"], obj["x1"])])
    return rules


def open_bottom(rules: list[tuple[float, float, float]], table: Table) -> frozenset[int]:
    """The columns of a cut table whose last cell has no border at the table's bottom edge."""
    if not table.cut_bottom:
        return frozenset()
    spans = [(x0, x1) for y, x0, x1 in rules if abs(y - table.bottom) <= _NEAR]
    columns = table.columns
    result = set()
    for index in range(len(columns) - 1):
        left, right = columns[index], columns[index + 1]
        if not _covers(spans, left, right):
            result.add(index)
    return frozenset(result)


def row_bounds(rules: list[tuple[float, float, float]], table: Table) -> list[float] | None:
    """The y of each row border of the table, top to bottom (len = its row count + 1), or None when the drawn
    borders do not give its rows as page.py found them."""
    left, right = table.columns[0], table.columns[-1]
    ys = sorted(y for y, x0, x1 in rules
                if table.top - _NEAR <= y <= table.bottom + _NEAR and min(right, x1) - max(left, x0) > 3)
    bounds = cluster([table.top, *ys, table.bottom], _NEAR)
    bounds[0], bounds[-1] = table.top, table.bottom
    return bounds if len(bounds) == len(table.rows) + 1 else None


def drawn_borders(rules: list[tuple[float, float, float]], table: Table, bounds: list[float]) -> list[frozenset[int]]:
    """For each column of the table, the row borders (indices into bounds) drawn under it: where none is drawn
    between two rows, one merged cell covers both."""
    result = []
    for index in range(len(table.columns) - 1):
        left, right = table.columns[index], table.columns[index + 1]
        drawn = set()
        for number, y in enumerate(bounds):
            if _covers([(x0, x1) for ry, x0, x1 in rules if abs(ry - y) <= _NEAR], left, right):
                drawn.add(number)
        result.append(frozenset(drawn))
    return result


def _covers(spans: list[tuple[float, float]], left: float, right: float) -> bool:
    """Whether the drawn spans cover most of the column from left to right: a border drawn under it."""
    return sum(max(0.0, min(right, x1) - max(left, x0)) for x0, x1 in spans) >= _COVERED * (right - left)
