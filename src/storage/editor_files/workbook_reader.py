"""The editor's own workbook read back losslessly from its grids (workbook.py writes it); any other workbook is
imported as a published table. No openpyxl here but for a published table's merged cells: the editor's own
workbook is read by calamine in the worker, and recognised in the window's process without loading the writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ...model.bulk import collector_paused
from ...model.declaration import Declaration
from ..containers.sheet_grid import Grid, cell_text, check_zip, label_key, read_grids_fast, read_grids_merged
from ..infra.errors import FileProblem
from ..infra.opened import OpenResult, Reader
from ..infra.plausible import refuse_implausible
from ..recognisers.department_form import import_department_form
from ..recognisers.grid_import import import_published
from .json_file import validation_problem
from .workbook_columns import (
    DEPARTMENT_SHEET,
    DETAIL_COLUMNS,
    DETAIL_HEADERS,
    DETAIL_SHEET,
    EDITOR_COLUMNS,
    EDITOR_SHEET,
    PRINTED_PROJECT_HEADERS,
    PROJECT_COLUMNS,
    PROJECT_COLUMNS_0_2,
    PROJECT_HEADERS_0_2,
    PROJECT_SHEET,
    V1_DETAIL_HEADERS,
    headers,
    record_reader,
)


@dataclass
class WorkbookGrids:
    """What an .xlsx gives before recognition: the editor's own workbook's grids as calamine reads them, or a
    published table's with its merged cells filled (openpyxl reads those only when the workbook is not ours)."""

    own: bool
    grids: list[Grid]


def workbook_grids(path: Path) -> WorkbookGrids:
    check_zip(path)  # once, for both readers: damage, zip bombs, cells and merges past the limits
    with collector_paused():
        grids = read_grids_fast(path, checked=True)
    if _is_own_workbook({grid.name: grid for grid in grids}):
        return WorkbookGrids(True, grids)
    return WorkbookGrids(False, read_grids_merged(path, checked=True))


def workbook_declaration(path: Path, contents: WorkbookGrids) -> OpenResult:
    if contents.own:
        return OpenResult(_read_own(path, {grid.name: grid for grid in contents.grids}))
    return import_published(path, contents.grids)


READER = Reader(workbook_grids, workbook_declaration)


def read_own_grids(path: Path, grids: list[Grid]) -> Declaration | None:
    """The editor's own layout from another container's grids (its workbook saved again as .xls or .ods by
    Excel/WPS), read as losslessly as from .xlsx; None when they are not that layout. Merged cells keep only
    their top-left value, as read_grids_fast gives them."""
    by_name = {grid.name: grid for grid in grids}
    return _read_own(path, by_name) if _is_own_workbook(by_name) else None


def _is_own_workbook(grids: dict[str, Grid]) -> bool:
    detail = grids.get(DETAIL_SHEET)
    projects = grids.get(PROJECT_SHEET)
    # The columns every version of the layout has: a workbook saved before schema 2 is still the editor's.
    return (detail is not None and projects is not None and DEPARTMENT_SHEET in grids
            and _header_row(detail, V1_DETAIL_HEADERS) is not None
            and _header_row(projects, PRINTED_PROJECT_HEADERS) is not None)


def _header_row(grid: Grid, headers: list[str]) -> int | None:
    wanted = [label_key(h) for h in headers]
    for row in range(min(10, len(grid.rows))):
        if [label_key(grid.cell(row, c)) for c in range(len(wanted))] == wanted:
            return row
    return None


def _read_own(path: Path, grids: dict[str, Grid]) -> Declaration:
    """Build the whole declaration as plain data and validate it once: 20,000 rows stay fast."""
    department_part = import_department_form(grids[DEPARTMENT_SHEET], published=False)
    department = department_part.department.model_dump()
    department["indicators"] = []
    projects = _own_projects(grids[PROJECT_SHEET])
    if EDITOR_SHEET in grids:
        _editor_marks(grids[EDITOR_SHEET], projects, department)
    owners = {0: department["indicators"]}
    owners.update({number: project["indicators"] for number, project in enumerate(projects, start=1)})
    detail = grids[DETAIL_SHEET]
    header = _header_row(detail, V1_DETAIL_HEADERS)
    width = len(DETAIL_HEADERS) if _has_columns(detail, header, DETAIL_HEADERS) else len(V1_DETAIL_HEADERS)
    read_indicator = record_reader(DETAIL_COLUMNS)
    for offset, row in enumerate(detail.rows[header + 1:]):
        number = row[0] if row else None
        if number is None or number == "":
            continue
        try:
            owner = owners[int(number) if type(number) in (int, float) else int(float(cell_text(number)))]
        except (ValueError, KeyError, OverflowError) as error:
            line = offset + header + 2
            raise FileProblem(path, f"工作表“{DETAIL_SHEET}”第 {line} 行的项目序号“{cell_text(number)}”没有对应的项目") from error
        # Optional columns left empty are left out of the record (calamine gives ""): no validator call per row.
        owner.append(read_indicator(row[:width]))
    try:
        with collector_paused():
            declaration = Declaration.model_validate({"year": department_part.year, "department": department,
                                                      "projects": projects})
    except ValidationError as error:
        reason, detail = validation_problem(error)
        raise FileProblem(path, reason.replace("内容有误", "工作簿内容有误"), detail) from error
    refuse_implausible(declaration, path)
    return declaration


def _has_columns(grid: Grid, header: int, headers: list[str]) -> bool:
    """Whether the header row goes on with all of headers' later columns (a workbook of schema 2)."""
    return all(label_key(grid.cell(header, column)) == label_key(label) for column, label in enumerate(headers))


def _own_projects(grid: Grid) -> list[dict]:
    projects = []
    header = _header_row(grid, PRINTED_PROJECT_HEADERS)
    columns = PROJECT_COLUMNS_0_2 if _has_columns(grid, header, PROJECT_HEADERS_0_2) else PROJECT_COLUMNS
    width = len(columns)
    read_project = record_reader(columns)
    for row in grid.rows[header + 1:]:
        if not row or row[0] is None or row[0] == "":
            continue  # the 合计 row and blank rows
        project = read_project(row[:width])
        project["indicators"] = []
        projects.append(project)
    return projects


def _editor_marks(grid: Grid, projects: list[dict], department: dict) -> None:
    """The bookkeeping of the 编辑器数据 sheet back onto the projects it numbers, and the department's marks from
    the row numbered 0 (rows naming no project are left out: the clerk may have edited the sheet)."""
    header = _header_row(grid, headers(EDITOR_COLUMNS)[:2])
    if header is None:
        return
    read = record_reader(EDITOR_COLUMNS)
    for row in grid.rows[header + 1:]:
        number = row[0] if row else None
        try:
            place = int(number if type(number) in (int, float) else float(cell_text(number))) - 1
        except (TypeError, ValueError, OverflowError):
            continue
        if 0 <= place < len(projects):
            projects[place].update(read(row[:len(EDITOR_COLUMNS)]))
        elif place == -1:
            department["review"] = read(row[:len(EDITOR_COLUMNS)]).get("review", [])
