"""The import's self-check: what was read, held against what the table itself states (issue 22 item 2).

A published table states sums of its own — the 合计 row, a unit's subtotal row, each project's 总计 beside its
sources, the department form's groups of amounts, the numbering 1、2、3… of an indicator cell, a block heading
over its rows. Where what was read does not come to what the table states, either the table is wrong or the
reading is: the clerk is told first among the notes (需核对：…, with the table's figure, the figure read and the
row), and the project or the department form gets a 待复核 mark of that kind (model/declaration.Review), saved
with the file and shown as a warning until 已复核.

Everything here runs once per import over what the recognisers kept (published.ImportedTable.stated, rows,
item_numbers); the grid is looked at again only for a department form (a few dozen rows).

The jobs apart: what they share (common), the project table (table), the department form (department), the
places the table has that were read empty (unread).
"""

from __future__ import annotations

from .common import PREFIX, TOLERANCE, is_mismatch, put_first
from .department import reconcile_department
from .table import reconcile_forms, reconcile_table
from .unread import unread_department, unread_projects

__all__ = ["ENABLED", "PREFIX", "TOLERANCE", "is_mismatch", "put_first", "reconcile_department", "reconcile_forms",
           "reconcile_table", "unread_department", "unread_projects"]

# Whether imports run the self-check: always, but for the benchmark's figure of an import with and without it
# (bench/__main__.py turns it off for that one measurement).
ENABLED = True
