"""A cell that shows a spreadsheet's error instead of a value (#NAME?, #REF!, Err:502): the formula its author typed
did not compute (a value typed as =300天 is taken by Excel and Calc for a formula). No reader may take it for the
cell's value: it is blanked and said where it stood, as damage of the grid's source."""

from __future__ import annotations

import re

from .sheet_grid import Damage, Grid, cell_text

_ERROR = re.compile(r"^(?:#(?:NAME\?|REF!|VALUE!|DIV/0!|N/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)|Err:\d{3})$")


def blank_formula_errors(grid: Grid) -> None:
    """Each error value in the grid made an empty cell, with a Damage that says where it stood and what it was
    (once for a merged cell's copies along its row)."""
    for r, row in enumerate(grid.rows):
        previous = None  # the error of the cell to the left, if it held one
        for c, value in enumerate(row):
            text = cell_text(value).strip() if isinstance(value, str) and len(value) <= 16 else ""
            if not _ERROR.match(text):
                previous = None
                continue
            row[c] = ""
            if text != previous:
                grid.damage.append(Damage(f"第 {r + 1} 行第 {c + 1} 列是公式错误“{text}”（原表的公式没有算出结果，常见于以“=”开头"
                                          f"的指标值），按空白读入，请对照原表填写", row=r + 1, column=c + 1, source_text=text))
            previous = text
