"""New declarations and projects, pre-filled with the standard indicator skeleton a clerk fills in."""

from __future__ import annotations

from datetime import date

from .declaration import Declaration, Department, Indicator, Project

# One row per 二级 a finance office expects to see in nearly every project (DOMAIN.md).
STANDARD_ROWS = [
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("效益指标", "社会效益指标"),
    ("满意度指标", "服务对象满意度指标"),
]


def skeleton_indicators() -> list[Indicator]:
    return [Indicator(level1=level1, level2=level2) for level1, level2 in STANDARD_ROWS]


def new_project(name: str = "新项目", unit: str | None = None) -> Project:
    return Project(name=name, unit=unit, indicators=skeleton_indicators())


def new_declaration(year: int | None = None) -> Declaration:
    return Declaration(year=year or date.today().year + 1, department=Department(), projects=[new_project()])
