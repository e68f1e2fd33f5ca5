"""The columns of the editor's own workbook, written once: the writer puts each row's cells from these
records and the reader takes them back from the same records, so a column cannot be written in one place
and read from another.

A column's `field` is where its value lives in the project (or indicator) record, as dotted steps; a column
without one is written for people and not read back (序号, the 绩效指标 text, the owner's name). `since` is
the schema version that added it: a workbook of an earlier version lacks those columns, and reads them as
empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Callable

from ...model.declaration import (
    DECLARATION_LABELS,
    FUNDS_LABELS,
    INDICATOR_EXTRA_LABELS,
    INDICATOR_LABELS,
    PROJECT_EXTRA_LABELS,
    PROJECT_LABELS,
    REVIEW_LABELS,
    Review,
)
from ..containers.sheet_grid import cell_text

REVIEW_SEPARATOR = "；"
_REVIEW_BY_LABEL = {label: mark for mark, label in REVIEW_LABELS.items()}


def text_value(value: object) -> str | None:
    """A cell as model text; blank handling is the model's own (it turns blanks into None)."""
    return value if type(value) is str else (None if value is None else cell_text(value))


def review_text(marks: list[Review]) -> str | None:
    return REVIEW_SEPARATOR.join(REVIEW_LABELS[mark] for mark in marks) or None


def review_marks(value: object) -> list[Review]:
    """The 待复核 cell back as marks; words that are no mark's label (a clerk's own) are left out, and a cell
    emptied in Excel means the clerk has reviewed the project."""
    text = text_value(value) or ""
    for separator in (";", "、", "\n"):
        text = text.replace(separator, REVIEW_SEPARATOR)
    return [_REVIEW_BY_LABEL[part.strip()] for part in text.split(REVIEW_SEPARATOR) if part.strip() in _REVIEW_BY_LABEL]


@dataclass(frozen=True)
class Column:
    header: str
    field: str | None = None  # dotted steps in the record ('funds.total'); None: for people, not read back
    since: int = 1  # the schema version that added the column
    amount: bool = False  # an amount: the cell's number goes to the model as it is, not as text
    to_cell: Callable[[Any], Any] | None = None  # the model's value → the cell's (None: as it is)
    from_cell: Callable[[Any], Any] | None = None  # the cell's value → the model's (None: text or amount)
    optional: bool = False  # left out of the record when the cell is empty (the model's default applies)

    @property
    def steps(self) -> tuple[str, ...]:
        return tuple(self.field.split(".")) if self.field else ()

    def read(self, cell: Any) -> Any:
        if self.from_cell is not None:
            return self.from_cell(cell)
        return cell if self.amount else text_value(cell)


PROJECT_NUMBER = "序号"
INDICATOR_TEXT = PROJECT_LABELS["indicators"]  # the indicators as the published table's one cell: for reading only

# The official 项目支出绩效目标表: only its own columns, as a clerk hands it in.
PROJECT_COLUMNS: tuple[Column, ...] = (
    Column(PROJECT_NUMBER),
    Column(PROJECT_LABELS["name"], "name"),
    Column(PROJECT_LABELS["unit"], "unit"),
    Column(PROJECT_LABELS["period"], "period"),
    *(Column(FUNDS_LABELS[key], f"funds.{key}", amount=True) for key in FUNDS_LABELS),
    Column(PROJECT_LABELS["goal"], "goal"),
    Column(INDICATOR_TEXT),
)
_BOOKKEEPING = (
    Column(PROJECT_EXTRA_LABELS["source_file"], "source_file", since=2, optional=True),
    Column(PROJECT_EXTRA_LABELS["review"], "review", since=2, to_cell=review_text, from_cell=review_marks,
           optional=True),
)
# Version 0.2 kept the editor's bookkeeping (来源文件, 待复核) after the official columns: read, never written.
PROJECT_COLUMNS_0_2: tuple[Column, ...] = (*PROJECT_COLUMNS, *_BOOKKEEPING)

# The editor's own bookkeeping per project, on a sheet of its own that is not part of the form.
EDITOR_SHEET = "编辑器数据"
EDITOR_SHEET_NOTE = "本工作表是编辑器自己的记录（来源文件、待复核），不属于申报表，上报时可以删除；重新打开时用于恢复这些标记。"
EDITOR_COLUMNS: tuple[Column, ...] = (
    Column(PROJECT_NUMBER),
    Column(PROJECT_LABELS["name"]),  # for people: the number says which project it is
    *_BOOKKEEPING,
)

DETAIL_NUMBER = "项目序号"
DETAIL_COLUMNS: tuple[Column, ...] = (
    Column(DETAIL_NUMBER),
    Column(PROJECT_LABELS["name"]),  # the owner's name, for filtering; the number says which it is
    *(Column(INDICATOR_LABELS[key], key) for key in INDICATOR_LABELS),
    *(Column(INDICATOR_EXTRA_LABELS[key], key, since=2, optional=True) for key in INDICATOR_EXTRA_LABELS),
)


def headers(columns: tuple[Column, ...], version: int | None = None) -> list[str]:
    """The header row of a workbook of that schema version (None: the newest)."""
    return [c.header for c in columns if version is None or c.since <= version]


def row_writer(columns: tuple[Column, ...]) -> Callable[[Any, dict[str, Any]], list[Any]]:
    """A function giving one row's cells from a model record; its second argument holds the values of the
    columns written only for people, by header. Planned once per sheet, as record_reader is."""
    parts = [(c.header, None, None) if c.field is None else (None, attrgetter(c.field), c.to_cell) for c in columns]

    def cells(record: Any, people: dict[str, Any]) -> list[Any]:
        return [people.get(header) if get is None else (convert(get(record)) if convert else get(record))
                for header, get, convert in parts]

    return cells


def record_reader(columns: tuple[Column, ...]) -> Callable[[list[Any]], dict]:
    """A function giving the record (plain data for model_validate) that one row's cells hold; cells beyond
    the row read as empty (an older workbook's missing columns). Planned once per sheet: the reader calls
    it for every one of 20,000 rows."""
    plain = [(i, c.steps[0], c.optional) for i, c in enumerate(columns)
             if c.field and len(c.steps) == 1 and c.from_cell is None and not c.amount]
    special = [(i, c) for i, c in enumerate(columns) if c.field and (len(c.steps) > 1 or c.from_cell or c.amount)]

    def record(cells: list[Any]) -> dict:
        count = len(cells)
        row: dict = {}
        for index, name, optional in plain:
            cell = cells[index] if index < count else None
            if cell is None or cell == "":
                if not optional:
                    row[name] = None
            else:
                row[name] = cell if type(cell) is str else cell_text(cell)
        for index, column in special:
            cell = cells[index] if index < count else None
            if column.optional and (cell is None or cell == ""):
                continue
            target = row
            *owners, name = column.steps
            for step in owners:
                target = target.setdefault(step, {})
            target[name] = column.read(cell)
        return row

    return record


# The sheets and their header rows, for the writer and the reader alike.
DEPARTMENT_SHEET = "部门整体绩效目标"
PROJECT_SHEET = "项目支出绩效目标表"
DETAIL_SHEET = "绩效指标明细"
PRINTED_PROJECT_HEADERS = headers(PROJECT_COLUMNS)  # the official table's columns, all there is on that sheet
PROJECT_HEADERS_0_2 = headers(PROJECT_COLUMNS_0_2)
V1_DETAIL_HEADERS = headers(DETAIL_COLUMNS, version=1)
DETAIL_HEADERS = headers(DETAIL_COLUMNS)
DEPARTMENT_ROW_LABEL = DECLARATION_LABELS["department"]  # the owner named in 绩效指标明细 for the department's own indicators
OWNER_NAME = DETAIL_HEADERS[1]
