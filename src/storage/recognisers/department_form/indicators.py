"""The 绩效指标 table of a department form: its header by its words, a 一级 written once per run carried down."""

from __future__ import annotations

from ....model import framework, paths
from ....model.declaration import (
    INDICATOR_LABELS,
    Indicator,
)
from ....model.notes import Note
from ...containers.sheet_grid import Grid
from ..project_form.levels import glued_levels, level1_of, two_level2s
from ..published import (
    clean_multiline,
    is_footnote,
    joined_value,
)
from .words import (
    INDICATOR_HEADERS,
    LEVEL1,
    header_columns,
)


def _misfit_owner(level1: str, level2: str | None) -> str | None:
    """The 一级 a framework 二级 belongs to, when level1 (carried down) is not it; None when they fit or it is unsure."""
    level1, level2 = framework.canonical_level(level1), framework.canonical_level(level2)
    if not framework.is_known_level2(level2) or framework.is_known_level1(level2) or not framework.is_known_level1(level1) \
            or framework.fits(level1, level2):  # 成本指标 is a 一级 too: unsure
        return None
    return level1_of(level2)


def _next_level1(grid: Grid, row: int, column: int) -> str | None:
    """The first 一级 written below a row, as the framework names it."""
    below = (grid.text(r, column).strip() for r in range(row + 1, len(grid.rows)))
    return framework.canonical_level(next((text for text in below if text), None))


def read_indicator_table(grid: Grid, notes: list[str], places: dict | None = None) -> list[Indicator]:
    for row in range(len(grid.rows)):
        columns = header_columns(grid, row, INDICATOR_HEADERS)
        if "name" not in columns and {"level1", "level2"} <= columns.keys():
            # 一级指标 | 二级指标 | 指标内容 | 指标值 (湖南's form): beside a 二级指标, 指标内容 names the third level
            columns.update(header_columns(grid, row, {"name": ("指标内容", "指标名称")}))
        if {"level1", "name", "annual_value"} <= columns.keys():
            (places if places is not None else {})["indicators"] = frozenset(columns) & INDICATOR_LABELS.keys()
            return _indicator_rows(grid, row, columns, notes)
    notes.append(f"没有找到绩效指标表（{' / '.join(INDICATOR_LABELS.values())}）")
    return []


def _indicator_rows(grid: Grid, header_row: int, columns: dict[str, int], notes: list[str]) -> list[Indicator]:
    indicators = []
    skipped = 0
    carried: list[int] = []  # rows whose 一级 (and 二级) was written only on the first row of its run
    first_carried: int | None = None  # that row's indicator, where the note points
    above: dict[str, str] = {}
    for row in range(header_row + 1, len(grid.rows)):
        values = {role: grid.text(row, column).strip() for role, column in columns.items()}
        first = next((text for text in values.values() if text), "")
        if is_footnote(first):
            notes.append(Note(f"绩效指标表第 {row + 1} 行是表注或签署栏（“{first[:20]}…”），未作为指标导入", row=row + 1,
                              source_text=first))
            continue
        if (glued := glued_levels(values.get("level1"))) and values.get("level2", "") in ("", glued[1]):
            notes.append(Note(f"绩效指标表第 {row + 1} 行的{LEVEL1}“{values['level1']}”是一级和二级指标连在一起（PDF 中两格的"
                              f"文字被读进了一格），已拆为“{glued[0]}”和“{glued[1]}”，请核对", row=row + 1,
                              source_text=values["level1"], location=paths.field(
                                  paths.indicator(paths.DEPARTMENT, len(indicators)), "level1")))
            values["level1"], values["level2"] = glued
        if (pair := two_level2s(values.get("level2"))) and values.get("name"):
            # the first names a row of its own with no indicator (a template's), the row's indicator is the second's
            some, rows = ("两个", "上一行") if framework.is_known_level2(pair[0]) else ("几个", "上面几行")
            notes.append(Note(f"绩效指标表第 {row + 1} 行的二级指标“{values['level2']}”是{some}二级指标连在一起（PDF 中{rows}没有"
                              f"指标的“{pair[0]}”被读进了这一格），已读作“{pair[1]}”，请核对", row=row + 1,
                              source_text=values["level2"], location=paths.field(
                                  paths.indicator(paths.DEPARTMENT, len(indicators)), "level2")))
            values["level2"] = pair[1]
        if not values.get("name"):
            skipped += any(values.get(k) for k in ("period_value", "annual_value"))
            if values.get("level1"):  # a row that only heads a group (一级/二级 alone): its rows follow
                above = {"level1": values["level1"], "level2": values.get("level2", "")}
            continue
        if not values.get("level1") and above.get("level1") and "level1" in columns:
            values["level1"] = above["level1"]
            if not values.get("level2") and above.get("level2"):
                values["level2"] = above["level2"]
            carried.append(row + 1)
            first_carried = len(indicators) if first_carried is None else first_carried
            if owner := _misfit_owner(values["level1"], values.get("level2")):
                where = paths.field(paths.indicator(paths.DEPARTMENT, len(indicators)), "level1")
                if _next_level1(grid, row, columns["level1"]) == owner:
                    # a merged 一级 printed mid-run (a PDF centres it): the one carried from above is another run's
                    notes.append(Note(f"绩效指标表第 {row + 1} 行的{LEVEL1}为空，上一行的“{values['level1']}”与本行的二级"
                                      f"指标“{values['level2']}”不相符，下面写着“{owner}”（合并单元格的文字印在其中间），"
                                      f"已按二级指标读作“{owner}”，请核对", row=row + 1, location=where))
                    values["level1"] = owner
                else:  # written once for its run, as the table has it (天河's 2-效益指标：31-服务对象满意度)
                    notes.append(Note(f"绩效指标表第 {row + 1} 行的{LEVEL1}为空，已沿用上一行的“{values['level1']}”，但按指标"
                                      f"框架二级指标“{values['level2']}”属于“{owner}”，请核对", row=row + 1,
                                      location=where))
        above = {"level1": values.get("level1", ""), "level2": values.get("level2", "")}
        sign, unit = values.pop("comparator", ""), values.pop("unit", "")
        for role in ("annual_value", "period_value"):
            values[role], unknown = joined_value(values.get(role, ""), sign, unit)
            if unknown and role == "annual_value":
                notes.append(Note(f"绩效指标表第 {row + 1} 行的指标性质“{unknown}”不是比较符，未并入指标值", row=row + 1,
                                  source_text=unknown, location=paths.field(paths.indicator(paths.DEPARTMENT,
                                                                                            len(indicators)), role)))
        indicators.append(Indicator(**{role: clean_multiline(text) if text else None for role, text in values.items()}))
    if skipped:
        notes.append(f"绩效指标表中有 {skipped} 行填了指标值但没有三级指标名称，已跳过")
    if carried:
        rows = "、".join(map(str, carried[:10])) + ("等" if len(carried) > 10 else "")
        notes.append(Note(f"绩效指标表第 {rows} 行的{LEVEL1}为空，已沿用上一行的{LEVEL1}"
                          f"（二级指标为空时一并沿用）：表中每组只在第一行写了{LEVEL1}，请核对",
                          location=paths.indicator(paths.DEPARTMENT, first_carried), row=carried[0]))
    return indicators
