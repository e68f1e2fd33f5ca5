"""The sections of a PDF (pdf_table) → a declaration.

Published tables (项目支出绩效目标表, 部门整体预算绩效目标申报表) go to grid_import as any container's
grids do. The 项目支出绩效目标申报表, one form per project as this editor prints it (src/forms/
html_forms.py: 项目名称, 主管部门, 实施周期, 预算单位, 项目资金 with its four amounts, 绩效目标, then the
indicator table), is read here by its labels. When a PDF holds both (the editor's 全部 print), each
project of the summary is taken from its own form, which also has 实施周期 and the indicators in
columns; projects with no form keep the summary's row.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...model.amounts import AmountError, parse_amount
from ...model.declaration import (
    FUNDS_LABELS,
    INDICATOR_LABELS,
    PROJECT_LABELS,
    Declaration,
    Funds,
    Indicator,
    Project,
)
from ..containers.pdf.section import Section
from ..containers.pdf.strips import REFUSED
from ..containers.sheet_grid import label_key
from ..infra.errors import FileProblem
from ..infra.opened import OpenResult
from ..infra.plausible import refuse_implausible
from . import project_form, reconcile
from .department_form import is_department_form, labels_run_together
from .field_shapes import excerpt
from .grid_import import import_published, not_a_declaration, settle_year
from .project_table import column_role, find_project_header
from .published import clean_multiline

_SUPERVISOR = "主管部门"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?:度)?(?!\s*[-－—–~至到])")
_PLACEHOLDER = re.compile(r"^（未填写[^）]{0,10}）$")  # html_forms: （未填写）, （未填写绩效指标）
_EDITOR_BLANK = "—"  # the editor prints a value not filled in as — (html_forms.numbered_indicators)
_FORMS_NOT_FROM_PDF = ("PDF 中是每个项目一张的项目支出绩效目标申报表（财政部模板一类的样式），本程序还不能从 PDF 可靠地读出这种表"
                       "（打印时被截断的文字和换行会让金额、栏目读错）。请打开原始的 Excel/WPS 工作簿或网页，这种表从那里能完整读入")
_RUN_TOGETHER = ("PDF {where}的表格里几个栏目名称连在同一格中（“{cell}”）：表格的行之间没有打印框线，按文字的位置分不清各行各栏，"
                 "栏目和内容会张冠李戴，未导入。请打开原始的 Excel/WPS 工作簿或网页，或把表格加上框线后再打印成 PDF")
_NO_TABLE = ("PDF 中没有找到项目支出绩效目标表、部门整体预算绩效目标申报表或项目支出绩效目标申报表（需要“项目名称”“绩效指标”等表头，"
             "或“部门名称”“总体绩效目标”等栏目）")


def declaration_from_sections(path: Path, sections: list[Section], editor: bool) -> OpenResult:
    forms, others = [], []
    for section in sections:
        if editor:
            _drop_placeholders(section)
        (forms if is_project_form(section) else others).append(section)
    grids = [s.grid() for s in others if find_project_header(s.grid()) is not None or is_department_form(s.grid())]
    if grids:
        _refuse_lost_columns(path, others)
        opened = import_published(path, grids, printed_here=editor)
    elif forms:
        opened = OpenResult(Declaration(), [], imported=True)
    elif any(project_form.is_project_form(section.grid()) for section in others):
        # Read from a PDF's cells these forms lose their long texts to the print's clipping and their labels to
        # its line breaks (元 not seen, amounts misread): refused, not read wrong. From the workbook they open.
        raise FileProblem(path, _FORMS_NOT_FROM_PDF)
    elif joined := next(((s, cell) for s in others if (cell := labels_run_together(s.grid()))), None):
        raise FileProblem(path, _RUN_TOGETHER.format(where=joined[0].name, cell=excerpt(joined[1])))
    else:
        raise not_a_declaration(path, [section.grid() for section in sections], _NO_TABLE)
    declaration = opened.declaration
    if forms:
        read = [read_project_form(section) for section in forms]
        projects = [project for project, _, _, _ in read]
        for _, _, _, notes in read:
            opened.notes.extend(notes)
        opened.notes.append(f"从 {len(forms)} 张项目支出绩效目标申报表（{forms[0].name} 起）导入 {len(projects)} 个项目、"
                            f"{sum(len(p.indicators) for p in projects)} 个绩效指标")
        if declaration.projects:
            declaration.projects = _prefer_forms(declaration.projects, projects, opened.notes)
        else:
            declaration.projects = projects
        if reconcile.ENABLED:  # the summary's rows were held against its 合计 by import_published; the forms here
            reconcile.put_first(opened.notes, reconcile.reconcile_forms(
                declaration.projects, {id(project): section.name for project, section in zip(projects, forms)}))
        supervisor = next((name for _, name, _, _ in read if name), None)
        declaration.department.name = declaration.department.name or supervisor
        declaration.year = declaration.year or next((year for _, _, year, _ in read if year), None)
    if editor:
        _editor_blanks(declaration)
    settle_year(declaration, opened.notes)
    refuse_implausible(declaration, path)
    return opened


_STRIP_ROWS = 8  # a strip's header lies in its first rows
_NO_FACT_LABELS = ("序号", "编号", "备注")  # header labels of columns with no fact, printed in any strip
_LABEL_LENGTH = 24  # characters: 本年度预算安排资金（万元） is 13
_PROSE = re.compile(r"[；;。]|</?p>")


def _refuse_lost_columns(path: Path, sections: list[Section]) -> None:
    """A project table whose columns are printed on pages of their own that were not joined to it (a table too
    wide for the page printed in strips of columns, with no ruling lines for strips/ to join them by): a row of
    nothing but column labels, naming columns the project table's header lacks (预算单位, 绩效指标), heads a section
    read as no table of its own, or stands in the table's body (the next strip's header, taken for a row going on).
    The projects would be read without those columns, or a label taken for a project: refused, as a print in strips
    that cannot be joined is (strips.REFUSED). A section whose first labels stand beside other text (部门名称 |
    测试区司法局: a form) or that has a 项目名称 of its own (another table listing its projects) is none."""
    read = [s for s in sections if find_project_header(s.grid()) is not None]
    if not read:
        return
    have, body = set(), {}
    for section in read:
        row, _ = find_project_header(section.grid())
        end = row + 1
        while end < len(section.rows) and (end == row + 1 or _labels_only(section.rows[end])):
            end += 1  # the header's rows: a second (and third) row of labels under merged cells
        for cells in section.rows[row:end]:
            have |= {column_role(cell) for cell in cells}
        body[id(section)] = end
    for section in sections:
        if id(section) in body:
            rows = [cells for cells in section.rows[body[id(section)]:] if _labels_only(cells)]
        else:
            first = next((cells for cells in section.rows[:_STRIP_ROWS] if any(column_role(c) for c in cells)), [])
            rows = [first] if _labels_only(first) else []
        roles = [(column_role(cell), cell) for cells in rows for cell in cells]
        lost = [cell for role, cell in roles if role not in (None, *have)]
        if lost and "name" not in (role for role, _ in roles):
            raise FileProblem(path, REFUSED.format(pages=f"{min(s.first_page for s in sections)}–"
                                                         f"{max(s.last_page for s in sections)}",
                                                   why=f"{section.name}的“{label_key(lost[0])}”栏与表格的其余各栏分在不同的页上，"
                                                       "没有框线可以把它们按行对齐"))


def _labels_only(cells: list[str]) -> bool:
    """Whether a row holds column labels and nothing else (at least one naming a project table's column)."""
    texts = [cell for cell in cells if cell.strip()]
    return any(_label_role(cell) for cell in texts) and \
        all(_label_role(cell) or label_key(cell) in _NO_FACT_LABELS for cell in texts)


def _label_role(cell: str) -> str | None:
    """column_role of a cell that reads as a label: short, no sentence or item in it. An indicator's text broken
    onto a row of its own (实施周期指标值:不少于2000次；年度指标值:…, a browser's print) begins as a label does."""
    key = label_key(cell)
    return None if len(key) > _LABEL_LENGTH or _PROSE.search(cell) else column_role(cell)


def _prefer_forms(summary: list[Project], forms: list[Project], notes: list[str]) -> list[Project]:
    unused = list(forms)
    result = []
    for project in summary:
        form = next((f for f in unused if f.name == project.name), None)
        if form is None:
            result.append(project)
        else:
            unused.remove(form)
            form.review = list(dict.fromkeys([*project.review, *form.review]))  # the summary row's 待复核 marks
            result.append(form)
    taken = len(forms) - len(unused)
    notes.append(f"汇总表的 {len(summary)} 个项目中，{taken} 个按各自的申报表导入（含实施周期和分栏的绩效指标）")
    if unused:
        notes.append(f"{len(unused)} 张申报表的项目不在汇总表中，已添加在后面")
        result.extend(unused)
    return result


def _drop_placeholders(section: Section) -> None:
    """The editor prints an empty task or indicator table with one row saying so: not a task."""
    keep = [i for i, (row, table) in enumerate(zip(section.rows, section.row_tables))
            if table is None or not _PLACEHOLDER.match(row[0] if row else "") or len({c for c in row if c}) != 1]
    section.rows = [section.rows[i] for i in keep]
    section.row_tables = [section.row_tables[i] for i in keep]


def _editor_blanks(declaration: Declaration) -> None:
    for project in declaration.projects:
        for indicator in project.indicators:
            if indicator.period_value == _EDITOR_BLANK:
                indicator.period_value = None
            if indicator.annual_value == _EDITOR_BLANK:
                indicator.annual_value = None


# ---- 项目支出绩效目标申报表 -------------------------------------------------------------------

def is_project_form(section: Section) -> bool:
    keys = {label_key(cell) for row, table in zip(section.rows, section.row_tables) if table is not None for cell in row}
    labels = {label_key(PROJECT_LABELS[k]) for k in ("name", "unit", "goal")} | {_SUPERVISOR, label_key(FUNDS_LABELS["total"])}
    return labels <= keys and find_project_header(section.grid()) is None


def _find(section: Section, label: str) -> tuple[int, int] | None:
    wanted = label_key(label)
    for r, (row, table) in enumerate(zip(section.rows, section.row_tables)):
        if table is None:
            continue
        for c, cell in enumerate(row):
            if label_key(cell) == wanted:
                return r, c
    return None


def _right_of(section: Section, label: str) -> str | None:
    found = _find(section, label)
    if found is None:
        return None
    row, column = found
    cells = section.rows[row]
    for cell in cells[column + 1:]:
        if label_key(cell) != label_key(label):
            return cell.strip() or None
    return None


def _below(section: Section, label: str) -> str | None:
    found = _find(section, label)
    if found is None or found[0] + 1 >= len(section.rows):
        return None
    row, column = found
    below = section.rows[row + 1]
    return below[column].strip() or None if column < len(below) else None


def read_project_form(section: Section) -> tuple[Project, str | None, int | None, list[str]]:
    notes: list[str] = []
    name = _right_of(section, PROJECT_LABELS["name"])
    funds = {}
    for key, label in FUNDS_LABELS.items():
        text = _below(section, label)
        try:
            funds[key] = parse_amount(text)
        except AmountError:  # parse_amount refuses an amount past the model's limit too
            funds[key] = None
            notes.append(f"{section.name}项目“{name}”的{label}“{text}”无法识别，已留空")
    goal = _right_of(section, PROJECT_LABELS["goal"])
    project = Project(name=name, unit=_right_of(section, PROJECT_LABELS["unit"]),
                      period=_right_of(section, PROJECT_LABELS["period"]), funds=Funds(**funds),
                      goal=clean_multiline(goal) if goal else None, indicators=_indicators(section))
    supervisor = _right_of(section, _SUPERVISOR)
    year = None
    for row, table in zip(section.rows[:6], section.row_tables[:6]):
        for cell in row:
            key = label_key(cell)
            if table is None and key.startswith(f"{_SUPERVISOR}:") and not supervisor:
                supervisor = key.split(":", 1)[1] or None
            match = _YEAR.search(cell) if table is None else None  # not 实施周期 2023-2025年
            if match and year is None:
                year = int(match.group(1))
    return project, supervisor, year, notes


def _indicators(section: Section) -> list[Indicator]:
    roles = {label_key(label): role for role, label in INDICATOR_LABELS.items()}
    for r, (row, table) in enumerate(zip(section.rows, section.row_tables)):
        if table is None:
            continue
        columns = {}
        for c, cell in enumerate(row):
            role = roles.get(label_key(cell))
            if role and role not in columns:
                columns[role] = c
        if {"level1", "name", "annual_value"} <= columns.keys():
            return _indicator_rows(section, r, table, columns)
    return []


def _indicator_rows(section: Section, header: int, table: int, columns: dict[str, int]) -> list[Indicator]:
    indicators = []
    for row, number in zip(section.rows[header + 1:], section.row_tables[header + 1:]):
        if number != table:
            break
        values = {role: (row[c].strip() if c < len(row) else "") for role, c in columns.items()}
        if not values.get("name") or len(set(row)) == 1:  # a row of one merged cell: （未填写绩效指标）
            continue
        indicators.append(Indicator(**{role: clean_multiline(text) if text else None for role, text in values.items()}))
    return indicators
