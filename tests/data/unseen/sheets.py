"""The clerk's sheet the unseen layouts are written on (make_unseen_tables.py): text put in cells, merged as the
published forms merge them, printed on one page's width."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment


class Sheet:
    """A clerk's form: text put in cells, merged where the form merges them."""

    def __init__(self, title: str = "Sheet1", typed: bool = False):
        self.book = Workbook()
        self.ws = self.book.active
        self.ws.title = title
        self.typed = typed  # text opening with "=" left as typed: Excel and Calc take it for a formula (#NAME?)

    def put(self, row: int, col: int, value, to_row: int | None = None, to_col: int | None = None):
        cell = self.ws.cell(row=row, column=col, value=value)
        if isinstance(value, str) and value.startswith("=") and not self.typed:
            cell.data_type = "s"  # the form's text (=300天), not a formula
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        if (to_row and to_row != row) or (to_col and to_col != col):
            self.ws.merge_cells(start_row=row, start_column=col, end_row=to_row or row, end_column=to_col or col)

    def save(self, path: Path):
        for letter in "ABCDEFGHIJ":
            if not self.ws.column_dimensions[letter].customWidth:  # a layout's own widths stand
                self.ws.column_dimensions[letter].width = 16
        # printed as clerks are told to: all columns on one page's width (a PDF of it then reads as one table)
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.page_setup.fitToWidth, self.ws.page_setup.fitToHeight = 1, 0
        self.ws.page_setup.orientation = "landscape"
        self.book.save(path)


def merged_indicator_rows(s: Sheet, first: int, col: int, rows, value_col: int | None = None):
    """一级 and 二级 merged down their runs, as the published forms have them; value_col: where the last value stands
    when the name's cell is merged across columns."""
    for level in (0, 1):
        start = 0
        for index in range(1, len(rows) + 1):
            if index == len(rows) or rows[index][:level + 1] != rows[start][:level + 1]:
                s.put(first + start, col + level, rows[start][level], to_row=first + index - 1)
                start = index
    for index, row in enumerate(rows):
        for offset, value in enumerate(row[2:], start=2):
            at = value_col if value_col and offset == len(row) - 1 else col + offset
            s.put(first + index, at, value)


def write_layouts(out: Path, layouts: dict, converted: dict, facts_file: str,
                  not_kept: frozenset[str] = frozenset()) -> int:
    """Each layout's .xlsx into out (not for those in not_kept: only their conversions are kept), the conversions
    converted lists (web pages, PDFs, .ods, Calc's own .xlsx) made by LibreOffice from it, and the facts of every
    layout into out/facts_file."""
    facts = {}
    out.mkdir(exist_ok=True)
    for name, make in layouts.items():
        sheet, known = make()
        facts[name] = known
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder if name in not_kept else out) / f"{name}.xlsx"
            sheet.save(path)
            for extension in converted.get(name, ()):
                subprocess.run(["soffice", "--headless", "--convert-to", extension.lstrip("."), "--outdir", folder,
                                str(path)], check=True, capture_output=True, timeout=120)
                (out / f"{name}{extension}").write_bytes((Path(folder) / f"{name}{extension}").read_bytes())
        print(name)
    (out / facts_file).write_text(json.dumps(facts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0
