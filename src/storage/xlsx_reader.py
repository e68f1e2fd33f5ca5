"""Open an xlsx: the editor's own workbook exactly, or a published table by its labels."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..model.bulk import collector_paused
from ..model.declaration import Declaration
from .errors import FileProblem
from .json_file import describe_validation_error
from .files import OpenResult
from .published import ImportedDepartment, ImportedTable, import_department_form, import_project_table, is_department_form
from .sheet_grid import Grid, cell_text, label_key, read_grids_fast, read_grids_merged
from .workbook import DEPARTMENT_SHEET, DETAIL_HEADERS, DETAIL_SHEET, PROJECT_HEADERS, PROJECT_SHEET


def read_workbook(path: Path) -> OpenResult:
    with collector_paused():
        grids = {grid.name: grid for grid in read_grids_fast(path)}
    if _is_own_workbook(grids):
        return OpenResult(_read_own(path, grids))
    return _import_published(path, read_grids_merged(path))


def _is_own_workbook(grids: dict[str, Grid]) -> bool:
    detail = grids.get(DETAIL_SHEET)
    projects = grids.get(PROJECT_SHEET)
    return (detail is not None and projects is not None and DEPARTMENT_SHEET in grids
            and _header_row(detail, DETAIL_HEADERS) is not None
            and _header_row(projects, PROJECT_HEADERS) is not None)


def _header_row(grid: Grid, headers: list[str]) -> int | None:
    wanted = [label_key(h) for h in headers]
    for row in range(min(10, len(grid.rows))):
        if [label_key(grid.cell(row, c)) for c in range(len(wanted))] == wanted:
            return row
    return None


def _text(value: object) -> str | None:
    """A cell as model text; blank handling is the model's own (it turns blanks into None)."""
    return value if type(value) is str else (None if value is None else cell_text(value))


def _read_own(path: Path, grids: dict[str, Grid]) -> Declaration:
    """Build the whole declaration as plain data and validate it once: 20,000 rows stay fast."""
    department_part = import_department_form(grids[DEPARTMENT_SHEET], published=False)
    department = department_part.department.model_dump()
    department["indicators"] = []
    projects = _own_projects(grids[PROJECT_SHEET])
    owners = {0: department["indicators"]}
    owners.update({number: project["indicators"] for number, project in enumerate(projects, start=1)})
    detail = grids[DETAIL_SHEET]
    for offset, row in enumerate(detail.rows[_header_row(detail, DETAIL_HEADERS) + 1:]):
        number = row[0] if row else None
        if number is None or number == "":
            continue
        try:
            owner = owners[int(number) if type(number) in (int, float) else int(float(cell_text(number)))]
        except (ValueError, KeyError, OverflowError) as error:
            line = offset + _header_row(detail, DETAIL_HEADERS) + 2
            raise FileProblem(path, f"工作表“{DETAIL_SHEET}”第 {line} 行的项目序号“{cell_text(number)}”没有对应的项目") from error
        cells = (list(row[2:7]) + [None] * 5)[:5]
        owner.append({"level1": _text(cells[0]), "level2": _text(cells[1]), "name": _text(cells[2]),
                      "period_value": _text(cells[3]), "annual_value": _text(cells[4])})
    try:
        with collector_paused():
            return Declaration.model_validate({"year": department_part.year, "department": department, "projects": projects})
    except ValidationError as error:
        raise FileProblem(path, describe_validation_error(error).replace("内容有误", "工作簿内容有误")) from error


def _own_projects(grid: Grid) -> list[dict]:
    projects = []
    for row in grid.rows[_header_row(grid, PROJECT_HEADERS) + 1:]:
        if not row or row[0] is None or row[0] == "":
            continue  # the 合计 row and blank rows
        cells = (list(row[:len(PROJECT_HEADERS)]) + [None] * len(PROJECT_HEADERS))[:len(PROJECT_HEADERS)]
        projects.append({"name": _text(cells[1]), "unit": _text(cells[2]), "period": _text(cells[3]),
                         "funds": {"total": cells[4], "fiscal": cells[5], "special_account": cells[6], "other": cells[7]},
                         "goal": _text(cells[8]), "indicators": []})
    return projects


def _import_published(path: Path, grids: list[Grid]) -> OpenResult:
    tables: list[ImportedTable] = []
    departments: list[ImportedDepartment] = []
    for grid in grids:
        table = import_project_table(grid)
        if table is not None and table.projects:
            tables.append(table)
        elif is_department_form(grid):
            departments.append(import_department_form(grid))
    if not tables and not departments:
        names = "、".join(f"“{g.name}”" for g in grids)
        raise FileProblem(path, f"在工作表 {names} 中没有找到项目支出绩效目标表或部门整体预算绩效目标申报表"
                                "（需要“项目名称”“绩效指标”等表头，或“部门名称”“总体绩效目标”等栏目）")
    notes: list[str] = []
    declaration = Declaration()
    if departments:
        form = departments[0]
        declaration.department = form.department
        declaration.year = form.year
        notes.append(f"从工作表“{form.sheet}”导入部门整体绩效目标：{len(form.department.tasks)} 项重点工作任务，"
                     f"{len(form.department.indicators)} 个绩效指标")
        notes.extend(form.notes)
    if tables:
        table = max(tables, key=lambda t: len(t.projects))
        declaration.projects = table.projects
        declaration.year = declaration.year or table.year
        declaration.department.name = declaration.department.name or table.department_name
        if table.grand_total is not None and declaration.department.budget.project is None:
            declaration.department.budget.project = table.grand_total
            notes.append(f"合计行 {table.grand_total:,.2f} 万元已作为部门预算的项目支出")
        count = sum(len(p.indicators) for p in table.projects)
        notes.append(f"从工作表“{table.sheet}”（表头在第 {table.header_row + 1} 行）导入 {len(table.projects)} 个项目、{count} 个绩效指标")
        for other in tables:
            if other is not table:
                notes.append(f"工作表“{other.sheet}”也像项目表（{len(other.projects)} 个项目），未导入")
        notes.extend(table.notes)
    return OpenResult(declaration, notes)
