"""Grids of cells from any container → a declaration, by the labels of the published tables.

Whatever holds a published table (a workbook today) is read into grids first; this picks the
project table and the department form (the current one, or the 2019 one through form_2019/) among
them and says what it had to guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ...model.bulk import collector_paused, settle_as_long_lived
from ...model.declaration import (
    DECLARATION_LABELS,
    DEPARTMENT_LABELS,
    PROJECT_LABELS,
    Declaration,
    year_beyond_limit,
)
from ...model import paths
from ...model.notes import Note, all_within
from ..containers.formula_errors import blank_formula_errors
from ..containers.sheet_grid import ClippedText, Grid, dropped_columns_note
from ..infra.errors import FileProblem
from ..infra.opened import OpenResult
from ..infra.plausible import refuse_implausible
from ..library.bureau_table import NOT_A_DECLARATION, is_library_table
from . import clipped_places, reconcile
from .department_form import import_department_form, is_current_department_form, is_department_form
from .form_2019.labels import is_form_2019
from .form_2019.reader import import_form_2019
from .project_form import is_project_form, read_project_forms
from .project_table import find_project_header, import_project_table
from .published import ImportedDepartment, ImportedTable


def import_published(path: Path, grids: list[Grid], first_project: int = 0, printed_here: bool = False) -> OpenResult:
    """first_project: the index the table's first project will have in the declaration it goes into (a paste
    adds after the open file's projects), so that the notes' locations lead to it. printed_here: the grids are
    of a PDF this editor printed, whose empty blocks it marks （未填写） (the self-check then trusts them empty)."""
    with collector_paused():  # tens of thousands of models and no cycles: see model/bulk.py
        opened = _import_published(path, grids, first_project, printed_here)
        # Before the collector runs again: else its first pass walks every model just made (20 ms at 2,000 projects).
        settle_as_long_lived()
    return opened


_TEXT_SUFFIXES = (".txt", ".tsv", ".csv")
_WEB_SUFFIXES = (".html", ".htm", ".mht", ".mhtml")
CLIPBOARD_NAME = "剪贴板"


def source_words(path: Path, sheet: str) -> str:
    """Where a grid came from, as the source really is: 工作表“…” in a workbook, 第 N 页 of a PDF, 网页中的表格1,
    文本, 剪贴板中的表格 — never a file's name posing as a sheet."""
    suffix = path.suffix.lower()
    if path.name == CLIPBOARD_NAME:
        return "剪贴板中的表格"
    if suffix in _TEXT_SUFFIXES:
        return "文本"
    if suffix == ".pdf":
        return sheet  # the pages it was read from: 第 1–7 页
    if suffix in _WEB_SUFFIXES:
        return f"网页中的{sheet}" if sheet.startswith("表格") else f"网页表格“{sheet}”"
    if suffix == ".docx":
        return f"Word 文档中的{sheet}"  # 第 N 张表格, its rows counted from the lines above it
    return f"工作表“{sheet}”"


def grand_total_note(amount) -> Note:
    return Note(f"合计行 {amount:,.2f} 万元已作为部门预算的项目支出", location=paths.field(paths.BUDGET, "project"))


@dataclass(frozen=True)
class Recogniser:
    """One kind of published table: what it reads a grid to, or None when the grid is not one."""

    name: str
    read: Callable[[Grid, int], ImportedTable | ImportedDepartment | None]  # (grid, first project's index)


def _form_2019(grid: Grid, _first_project: int) -> ImportedDepartment | None:
    return import_form_2019(grid) if is_form_2019(grid) else None


def _project_table(grid: Grid, first_project: int) -> ImportedTable | None:
    table = import_project_table(grid, first_project)
    return table if table is not None and table.projects else None


def _department_form(grid: Grid, _first_project: int) -> ImportedDepartment | None:
    return import_department_form(grid) if is_current_department_form(grid) else None


def _project_form(grid: Grid, first_project: int) -> ImportedTable | None:
    return read_project_forms(grid, first_project) if is_project_form(grid) else None


PROJECT_FORM = "项目支出绩效目标申报表（每个项目一张）"


# Tried in this order on every grid; the first that reads it wins. The 2019 form comes first: its
# 主要实施项目（项目名称） column must not pass for a project table's header.
RECOGNISERS: tuple[Recogniser, ...] = (
    Recogniser("部门整体绩效目标表（2019 年版）", _form_2019),
    Recogniser("项目支出绩效目标表", _project_table),
    Recogniser("部门整体预算绩效目标申报表", _department_form),
    Recogniser(PROJECT_FORM, _project_form),  # last: a form with a project table's header is that table
)


def is_published_table(grid: Grid) -> bool:
    """A grid that holds a project table's header, a department form (either layout) or a per-project form: what a
    reading of text or of the clipboard must find to be the right one."""
    return find_project_header(grid) is not None or is_department_form(grid) or is_project_form(grid)


def recognised(grid: Grid, first_project: int = 0) -> ImportedTable | ImportedDepartment | None:
    return recognised_by(grid, first_project)[0]


def recognised_by(grid: Grid, first_project: int = 0) -> tuple[ImportedTable | ImportedDepartment | None, str | None]:
    """What the first recogniser that reads the grid gives, and that recogniser's name."""
    for recogniser in RECOGNISERS:
        found = recogniser.read(grid, first_project)
        if found is not None:
            return found, recogniser.name
    return None, None


def _import_published(path: Path, grids: list[Grid], first_project: int, printed_here: bool = False) -> OpenResult:
    tables: list[ImportedTable] = []
    departments: list[tuple[ImportedDepartment, Grid]] = []
    grid_of: dict[int, Grid] = {}
    forms: list[ImportedTable] = []  # per-project forms (one project each), numbered after the forms before them
    for grid in grids:
        blank_formula_errors(grid)
    for grid in grids:
        found, name = recognised_by(grid, first_project + sum(len(form.projects) for form in forms))
        if name == PROJECT_FORM:
            forms.append(found)
            grid_of[id(found)] = grid
        elif isinstance(found, ImportedTable):
            if forms:  # read again as the table's first project: the forms before it are not imported with it
                found = recognised(grid, first_project)
            tables.append(found)
            grid_of[id(found)] = grid
        elif found is not None:
            departments.append((found, grid))
    from_forms = bool(forms) and not tables
    if from_forms:
        tables.append(_forms_as_table(path, forms))
        grid_of[id(tables[0])] = grid_of[id(forms[0])]
    if not tables and not departments:
        names = "、".join(source_words(path, g.name) for g in grids)
        damaged = "".join(f"{damage.text}；" for grid in grids for damage in grid.damage[:1])
        raise not_a_declaration(path, grids, f"{damaged}在{names}中没有找到项目支出绩效目标表或部门整体预算绩效目标申报表"
                                             f"（需要“{PROJECT_LABELS['name']}”“{PROJECT_LABELS['indicators']}”等表头，"
                                             f"或“{DEPARTMENT_LABELS['name']}”“{DEPARTMENT_LABELS['overall_goal']}”等栏目）")
    notes: list[str] = []
    unreconciled: list[Note] = []  # what the self-check found: first among the notes
    declaration = Declaration()
    if departments:
        form, grid = departments[0]
        declaration.department = form.department
        declaration.year = form.year
        notes.append(Note(f"从{source_words(path, form.sheet)}导入部门整体绩效目标：{len(form.department.tasks)} 项重点工作任务，"
                          f"{len(form.department.indicators)} 个绩效指标", source=source_words(path, form.sheet),
                          location=paths.DEPARTMENT))
        notes.extend(all_within(form.notes, source_words(path, form.sheet)))
        if reconcile.ENABLED:
            unreconciled.extend(reconcile.reconcile_department(form, grid, source_words(path, form.sheet), printed_here))
    if tables:
        table = max(tables, key=lambda t: len(t.projects))
        declaration.projects = table.projects
        declaration.year = declaration.year or table.year
        declaration.department.name = declaration.department.name or table.department_name
        if table.grand_total is not None and declaration.department.budget.project is None:
            declaration.department.budget.project = table.grand_total
            notes.append(grand_total_note(table.grand_total))
        count = sum(len(p.indicators) for p in table.projects)
        if from_forms:
            notes.append(Note(f"从 {len(table.projects)} 张项目支出绩效目标申报表（{source_words(path, forms[0].sheet)}起，每张一个项目）"
                              f"导入 {len(table.projects)} 个项目、{count} 个绩效指标", source=source_words(path, table.sheet),
                              location=paths.project(first_project)))
        else:
            notes.append(Note(f"从{source_words(path, table.sheet)}（表头在第 {table.header_row + 1} 行）导入 "
                              f"{len(table.projects)} 个项目、{count} 个绩效指标", source=source_words(path, table.sheet),
                              row=table.header_row + 1, location=paths.project(first_project) if table.projects else None))
        for other in tables:
            if other is not table:
                notes.append(f"{source_words(path, other.sheet)}也像项目表（{len(other.projects)} 个项目），未导入")
        if forms and not from_forms:
            notes.append(f"另有 {sum(len(form.projects) for form in forms)} 张项目支出绩效目标申报表（{source_words(path, forms[0].sheet)}起）未导入："
                         "已按项目表导入")
        notes.extend(all_within(table.notes, source_words(path, table.sheet)))
        if reconcile.ENABLED:
            for each in forms if from_forms else [table]:  # a form's notes name its own sheet
                unreconciled.extend(reconcile.reconcile_table(each, declaration.department, source_words(path, each.sheet),
                                                              sums=path.name != CLIPBOARD_NAME))
    notes.extend(note for note in map(dropped_columns_note, grids) if note)
    if departments:
        notes.extend(clipped_notes(departments[0][1], departments[0][0], source_words(path, departments[0][1].name)))
    if tables:
        notes.extend(clipped_notes(grid_of[id(table)], table, source_words(path, table.sheet)))
    # After every other note: a field one of them points at is not said again. Not on a PDF this editor printed:
    # its empty cells are the declaration's empty fields.
    if reconcile.ENABLED and not printed_here:
        said = {note.location for note in [*notes, *unreconciled] if getattr(note, "location", None)}
        if departments:
            notes.extend(reconcile.unread_department(departments[0][0], said, source_words(path, departments[0][0].sheet)))
        if tables:
            notes.extend(reconcile.unread_projects(table, said, source_words(path, table.sheet),
                                                   "各张项目支出绩效目标申报表" if from_forms else "项目表"))
            name = paths.field(paths.DEPARTMENT, "name")
            if not departments and not declaration.department.name and name not in said and path.name != CLIPBOARD_NAME:
                # the one fact every table is about: never left empty unsaid, whether the table lacks it or the
                # reading lost it (a 部门名称 row a PDF printed borderless and cut)
                notes.append(Note("部门名称没有读到（表中没有“部门名称：…”一行，标题里也没有，或未能识别），请对照原表填写",
                                  location=name, source=source_words(path, table.sheet)))
    # What the container found broken comes first: it says how far the rest can be trusted; and before it what
    # does not reconcile with the table's own sums, which says what to look at first.
    notes[:0] = [Note(damage.text, source=source_words(path, grid.name), row=damage.row, column=damage.column,
                      source_text=damage.source_text) for grid in grids for damage in grid.damage]
    notes[:0] = unreconciled
    settle_year(declaration, notes)
    refuse_implausible(declaration, path)
    return OpenResult(declaration, notes, imported=True)


def _forms_as_table(path: Path, forms: list[ImportedTable]) -> ImportedTable:
    """The per-project forms as one table: their projects in order, each form's notes named by its own sheet."""
    first = forms[0]
    table = ImportedTable(first.sheet, first.header_row, first_project=first.first_project,
                          department_name=next((f.department_name for f in forms if f.department_name), None),
                          year=next((f.year for f in forms if f.year), None))
    for form in forms:
        table.projects.extend(form.projects)
        table.rows.extend(form.rows)
        table.item_numbers.extend(form.item_numbers)
        table.notes.extend(all_within(form.notes, source_words(path, form.sheet)))
        for role, column in form.columns.items():
            table.columns.setdefault(role, column)
    return table


def not_a_declaration(path: Path, grids: list[Grid], reason: str) -> FileProblem:
    """The refusal of grids that hold no declaration: reason, unless they hold a 指标库 table — then what to do with
    it instead (a clerk opening the bureau's 指标库 with 文件 → 打开 on the first day)."""
    library = next((grid for grid in grids if is_library_table(grid)), None)
    if library is None:
        return FileProblem(path, reason)
    return FileProblem(path, f"{NOT_A_DECLARATION}（{source_words(path, library.name)}中是指标库的表头，"
                             f"没有项目支出绩效目标表或部门整体预算绩效目标申报表）")


# What a note says of a ClippedText, by its kind.
_CLIPPED_SAID = {
    "cut": "打印的表格里行高不够，超出单元格的文字被裁掉了（已导入 PDF 中这些格的全部文字），请对照原表核对",
    "overlapped": "打印的表格里行高不够，文字压在别的文字上，可能混进了相邻单元格的文字，请对照原表核对",
    "split": "这一行在分页处可能被截断：它与上一页最后一行（或下一页第一行）可能是同一行的两部分，未合并，请对照原表核对"}


def clipped_notes(grid: Grid, found: ImportedTable | ImportedDepartment, source: str) -> list[Note]:
    """A note for each row with cells whose printed text was cut or drawn over other text (ClippedText), at the
    project read from it (a department form's rows are the form reader's: there the note says the row and its text)."""
    table = found if isinstance(found, ImportedTable) else None
    cut: dict[tuple[int, str], list[int]] = {}
    seen: set[int] = set()
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            # A merged cell stands in each of its places: said once, where its whole text was read (cut); where it
            # may hold another cell's text or half its own, at each project it is merged over (a 预算单位 merged down
            # from a row split at the page break, each project below read 援助处: seed 47's p064 as Writer printed it)
            if isinstance(value, ClippedText) and (id(value) not in seen or (
                    value.kind != "cut" and table is not None and r + 1 in table.rows)):
                seen.add(id(value))
                cut.setdefault((r, value.kind), []).append(c)
    notes = []
    for (r, kind), columns in cut.items():
        if table is not None and r <= table.header_row:
            continue  # the header's own labels: no fact
        location = None  # a department form's cell: the tasks, indicators or fields its text went into
        start = re.sub(r"\s", "", str(grid.rows[r][columns[0]]))
        shown = start[:16] + ("…" if len(start) > 16 else "")
        whose = f"第 {r + 1} 行“{shown}”" + (f"等 {len(columns)} 格" if len(columns) > 1 else "") + "："
        if table is not None and r + 1 in table.rows:
            index = table.rows.index(r + 1)
            location = paths.project(table.first_project + index)
            labels = "、".join(dict.fromkeys(grid.text(table.header_row, c).replace("\n", "") or f"第 {c + 1} 列"
                                             for c in columns))
            whose = f"项目“{table.projects[index].name or ''}”的{labels}："
        elif isinstance(found, ImportedDepartment):
            held = clipped_places.places(found.department, [str(grid.rows[r][c]) for c in columns])
            if held:
                location = held[0] if len(held) == 1 else None
                whose = whose[:-1] + f"（{clipped_places.words(found.department, held)}）："
        notes.append(Note(whose + _CLIPPED_SAID[kind], location=location, source=source, row=r + 1,
                          column=columns[0] + 1, source_text=str(grid.rows[r][columns[0]])[:200]))
    return notes


def settle_year(declaration: Declaration, notes: list[str]) -> None:
    """A year read from a title that no budget has (model/declaration.YEAR_MIN–YEAR_MAX) is left empty, with a note."""
    why = year_beyond_limit(declaration.year)
    if why:
        notes.append(Note(f"{DECLARATION_LABELS['year']}：{why}，已留空，请按原表填写", location=paths.YEAR))
        declaration.year = None

