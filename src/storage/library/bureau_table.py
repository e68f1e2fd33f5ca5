"""A finance bureau's 指标库 table (grids of any container) → library rows.

Published 指标库 tables look like 行业/领域 | 一级指标 | 二级指标 | 三级指标 | 指标解释 | 指标值/计量单位 | 评(扣)分标准,
with a title above and the 一级/二级 (and 行业) cells merged down their runs, or written once at the top of each run.
The columns are found by their labels in whichever row the header stands, in any order; a column this does not
know (评分标准, 序号, 备注) is left out. 一级/二级 are the framework's canonical names (`11-数量`, `社会效益` →
数量指标, 社会效益指标); a row whose levels do not fit the framework is skipped and counted, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ...model import framework
from ...model.values import ValueKind, bare_unit, parse_value
from ..containers.sheet_grid import Grid, cell_text, label_key
from ..infra.errors import FileProblem
from .entries import LibraryRow

HEADER_ROWS_SEARCHED = 40  # a title, a note and a blank row or two come before the header
NOTES_SHOWN = 5

NO_HEADER = ("这个文件中没有找到指标库的表头：需要一行列标题，含“一级指标”或“二级指标”，以及“三级指标”或“指标名称”"
             "（如“行业/领域 | 一级指标 | 二级指标 | 三级指标 | 指标解释 | 指标值/计量单位”）。"
             "请确认选择的是财政局发布的指标库表格；申报表请用“文件 → 打开”打开")
# A clerk's first day: the bureau's 指标库 opened with 文件 → 打开 (the declaration readers' refusal says this).
NOT_A_DECLARATION = "这是一份指标库，不是申报表：请用“编辑 → 导入指标库…”把它加入本地指标库"
NOTHING_FITS = "找到了指标库的表头，但没有一行的一级、二级指标属于指标体系（产出、效益、满意度、成本指标及其二级指标），没有可导入的指标"

# A header cell's role, by its label (label_key: no spaces, half-width brackets); the first pattern that matches
# wins, so 评(扣)分标准 is never taken for a value nor 指标值/计量单位 for a unit alone.
_ROLES = (
    ("ignored", re.compile(r"评.*分|扣分|分值|权重|^序号$|^编[号码]$|^备注$")),
    ("level1", re.compile(r"^一级(指标)?(名称)?$")),
    ("level2", re.compile(r"^二级(指标)?(名称)?$")),
    ("name", re.compile(r"^(三级(指标)?(名称)?|(绩效)?指标名称|指标)$")),
    ("explanation", re.compile(r"指标(解释|说明|定义|内涵|释义)|^(解释|说明|释义)$")),
    ("value_unit", re.compile(r"(指标值|目标值|参考值).*单位|单位.*(指标值|目标值|参考值)")),
    ("unit", re.compile(r"^(计量)?单位$")),
    ("value", re.compile(r"^(参考)?(指标值|目标值|参考值|标准值|指标参考值)(\(.*\))?$")),
    ("sector", re.compile(r"^(所属|适用)?(行业|领域)")),
)


@dataclass
class BureauLibrary:
    """What a 指标库 file gave: its rows, and what was left out and why."""

    rows: list[LibraryRow] = field(default_factory=list)
    unfit: int = 0  # rows whose 一级/二级 are not the framework's
    repeated: int = 0  # the same indicator (name, 一级, 二级) again
    notes: list[str] = field(default_factory=list)  # the first unfit rows, said where they are
    tables: list[str] = field(default_factory=list)  # the sheets (pages) a header was found in

    @property
    def skipped(self) -> int:
        return self.unfit + self.repeated


def column_roles(row: list[object]) -> dict[str, int]:
    """The role → column of a header row's cells (the first column of each role)."""
    roles: dict[str, int] = {}
    for column, value in enumerate(row):
        key = label_key(value)
        role = next((role for role, pattern in _ROLES if key and pattern.search(key)), None)
        if role is not None and role != "ignored":
            roles.setdefault(role, column)
    return roles


def find_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    """The header row of a 指标库 table and its columns: the first row naming the indicator and a level."""
    for row in range(min(HEADER_ROWS_SEARCHED, len(grid.rows))):
        roles = column_roles(grid.rows[row])
        if "name" in roles and ("level1" in roles or "level2" in roles):
            return row, roles
    return None


def is_library_table(grid: Grid) -> bool:
    """A 指标库's header, not a declaration's indicator table copied alone: that one has 年度指标值 (or 实施周期指标值),
    a 指标库 no value of a year (its 指标值 or 参考值 stand for any); nor the indicator table of a declaration's form
    (项目名称, 部门名称… above it), of a layout the recognisers did not take: that is no 指标库 to import."""
    found = find_header(grid)
    if found is None or any(label_key(value).startswith(_DECLARATION_VALUES) for value in grid.rows[found[0]]):
        return False
    # a label with its value in its cell (主管部门:省商务厅, 资金总额:2430.30) is a declaration's field as well
    return not any(label_key(value).split(":", 1)[0] in _DECLARATION_FIELDS for row in grid.rows[:found[0]] for value in row)


_DECLARATION_VALUES = ("年度指标值", "实施周期指标值")
_DECLARATION_FIELDS = frozenset({"项目名称", "部门名称", "部门(单位)名称", "单位(部门)名称", "主管部门", "实施单位", "预算单位",
                                 "项目资金", "项目资金(万元)", "年度预算申请", "年度预算申请(万元)", "资金总额"})


def library_from_grids(path: Path, grids: list[Grid]) -> BureauLibrary:
    """Every 指标库 table of the grids (each sheet or page with a header of its own); FileProblem in Chinese when
    there is none, or when no row's levels fit the framework."""
    library = BureauLibrary()
    seen: set[tuple[str, str, str]] = set()
    for grid in grids:
        found = find_header(grid)
        if found is not None:
            library.tables.append(grid.name)
            _read_table(grid, *found, library, seen)
    if not library.tables:
        raise FileProblem(path, NO_HEADER)
    if not library.rows:
        raise FileProblem(path, NOTHING_FITS)
    return library


def _read_table(grid: Grid, header: int, roles: dict[str, int], library: BureauLibrary,
                seen: set[tuple[str, str, str]]) -> None:
    labels = {label_key(value) for value in grid.rows[header] if label_key(value)}
    carried: dict[str, str] = {}  # 一级, 二级 and 行业 written once per run (or merged) go down their rows

    def text(row: int, role: str) -> str:
        return _tidy(grid.text(row, roles[role])) if role in roles else ""

    for row in range(header + 1, len(grid.rows)):
        cells = {label_key(value) for value in grid.rows[row] if label_key(value)}
        if not cells or cells <= labels or len(cells) == 1 and len([v for v in grid.rows[row] if cell_text(v)]) > 2:
            continue  # blank, the header repeated on a new page, a title or footnote merged across the row
        written = {role: text(row, role) for role in ("level1", "level2", "sector")}
        if written["level1"] and written["level1"] != carried.get("level1"):
            carried.pop("level2", None)  # a new 一级 starts a new run of 二级
        for role, value in written.items():
            if value:
                carried[role] = value
        name = text(row, "name")
        if not name:
            continue  # a group row: the levels it names go on down
        raw1, raw2 = carried.get("level1", ""), carried.get("level2", "")
        level1, level2 = fitted(raw1, raw2)
        if level1 is None:
            library.unfit += 1
            if len(library.notes) < NOTES_SHOWN:
                said = "、".join(f"{what}“{value}”" for what, value in (("一级", raw1), ("二级", raw2)) if value)
                library.notes.append(f"{grid.name}第 {row + 1} 行“{name}”：{said or '没有一级、二级指标'}"
                                     "不在指标体系中，已跳过")
            continue
        entry = LibraryRow(name, level1, level2, carried.get("sector") or None,
                           *_value_and_unit(text(row, "value"), text(row, "unit"), text(row, "value_unit")),
                           explanation=text(row, "explanation") or None)
        if entry.key in seen:
            library.repeated += 1
            continue
        seen.add(entry.key)
        library.rows.append(entry)


def fitted(raw1: str, raw2: str) -> tuple[str, str] | tuple[None, None]:
    """The canonical 一级 and 二级 of what a table wrote, when they fit the framework: a missing 一级 is its 二级's
    only owner, a missing 二级 the 一级's only one (满意度指标); else (None, None)."""
    level1, level2 = framework.canonical_level(raw1), framework.canonical_level(raw2)
    if level1 is None and level2 is not None:
        owners = {name for name in framework.level1_names() if level2 in framework.level2_choices(name)}
        level1 = owners.pop() if len(owners) == 1 else None
    if level2 is None:
        level2 = framework.only_level2(level1)
    return (level1, level2) if level1 and level2 and framework.fits(level1, level2) else (None, None)


def _value_and_unit(value: str, unit: str, both: str) -> tuple[str | None, str | None, str | None]:
    """(unit, comparator, value as written) from the 指标值, 计量单位 and 指标值/计量单位 columns. The value parser
    reads first: a target (`≥95%`, `2280次`) is a value whose unit is read from it, and so is a qualitative one
    (`及时`, `显著提升`: 定性); only text that is nothing but a unit (`%`, `人次`, `万元`) is the unit."""
    text = value or both
    if not text:
        return unit or None, None, None
    reading = parse_value(text)
    if reading.kind is ValueKind.QUANTITATIVE:
        return unit or reading.unit or None, str(reading.comparator), text
    alone = bare_unit(text)
    if alone is not None:
        return unit or alone, None, None
    if reading.kind is ValueKind.QUALITATIVE:
        return unit or None, "定性", text
    return unit or None, None, None  # a placeholder (XX, 待定): no target to show


def _tidy(text: str) -> str:
    """A cell's text on one line: a PDF or a wrapped cell breaks a name across lines."""
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n")]
    return re.sub(r"[ \t\u3000]+", " ", "".join(lines)).strip()
