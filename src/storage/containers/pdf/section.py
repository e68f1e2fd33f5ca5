"""The pages of one printed form, joined: what table finds and the readers of pdf_forms and grid_import take."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..sheet_grid import Grid

FORM_TITLE = re.compile(r"绩效目标(?:申报)?表")


@dataclass
class Section:
    first_page: int
    last_page: int
    rows: list[list[str]] = field(default_factory=list)
    row_tables: list[int | None] = field(default_factory=list)  # which table each row came from
    headers: dict[tuple[str, ...], tuple[int, list[tuple[str, ...]], list[float]]] = field(default_factory=dict)
    lines_seen: set[str] = field(default_factory=set)
    columns: dict[int, list[float]] = field(default_factory=dict)  # each table's column borders, as widened
    last_table: tuple[int, list[float]] | None = None
    last_header: tuple[str, ...] | None = None
    last_open: list[tuple[float, float, int | None]] = field(default_factory=list)  # the last table's cells cut open
    # at the page end: (x0, x1, how many of its last rows the cut cell covers, None when not known)
    last_split: bool = False  # all of them: its last row was split by the page break
    tables: int = 0
    # A table without ruling lines whose columns a header row gave → its labels' x-ranges (page.Table.guides) and
    # whether it right-aligns its amounts
    headed: dict[int, tuple[list[tuple[float, float]], bool]] = field(default_factory=dict)
    edges: dict[int, list[tuple[float, int, float]]] = field(default_factory=dict)  # each table's (page.Table.edges)

    @property
    def name(self) -> str:
        if self.first_page == self.last_page:
            return f"第 {self.first_page} 页"
        return f"第 {self.first_page}–{self.last_page} 页"

    def grid(self) -> Grid:
        return Grid(self.name, self.rows)

    def title(self) -> str:
        return next((row[0] for row, table in zip(self.rows, self.row_tables)
                     if table is None and row and FORM_TITLE.search(row[0])), "")
