"""A table too wide for the page, printed in strips of columns, joined back into one table: by the pages' ruling
lines where they match (join.py), by the text the pages share where they do not (shifts.py measures the strips'
offsets, order.py tells which page is which strip and band, placed.py joins ruled bands at their offsets,
beside.py places the text that stands in no cell; rows.py the tolerances they share)."""

from .join import JOINED, REFUSED, stitch

__all__ = ["JOINED", "REFUSED", "stitch"]
