"""The project table whose 绩效指标 is printed in a column per 一级 (产出指标 | 效益指标 | 满意度指标, under a merged
绩效指标 cell or as headers of their own), each holding numbered items that start with their 二级 (1、数量指标：…，
年度指标值：…。): tables made from a declaration's projects read back to them. Before, only the first column was read
(the rest dropped with no note) and the 二级 stayed in the indicator's name."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from bench import generate
from src.storage.infra.files import open_declaration

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo-tianhe-2023.json"


def column_text(indicators, style: str) -> str:
    items = []
    for number, indicator in enumerate(indicators, start=1):
        if style == "番禺":
            items.append(f"{number}、{indicator.level2}：{indicator.name}，年度指标值：{indicator.annual_value}。")
        else:
            items.append(f"{number}、{indicator.level2}：{indicator.name}；实施周期指标值：{indicator.period_value}；"
                         f"年度指标值：{indicator.annual_value}。")
    return "\n".join(items)


def workbook_bytes(projects, header: str, style: str) -> tuple[bytes, list[str]]:
    level1s = list(dict.fromkeys(i.level1 for p in projects for i in p.indicators))
    book = Workbook()
    sheet = book.active
    sheet.append(["2024年项目支出绩效目标表"])
    own = ["项目名称", "预算单位", "总计", "绩效目标"]
    if header == "two rows":
        sheet.append([*own, "绩效指标", *[None] * (len(level1s) - 1)])
        sheet.append([None] * len(own) + level1s)
        for column in range(1, len(own) + 1):
            sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
        sheet.merge_cells(start_row=2, start_column=len(own) + 1, end_row=2, end_column=len(own) + len(level1s))
    else:
        sheet.append(own + level1s)
    for project in projects:
        sheet.append([project.name, project.unit, float(project.funds.total), project.goal,
                      *[column_text([i for i in project.indicators if i.level1 == level1], style) or None
                        for level1 in level1s]])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), level1s


def facts(project, style: str) -> tuple:
    ordered = sorted(project.indicators, key=lambda i: 0)  # the table groups them by 一级: compare as groups
    return (project.name, project.unit, project.funds.total,
            sorted((i.level1, i.level2, i.name, i.annual_value, i.period_value if style == "天河" else None)
                   for i in ordered))


@pytest.mark.parametrize("source", ["demo", "generated"])
@pytest.mark.parametrize("header", ["two rows", "one row"])
@pytest.mark.parametrize("style", ["番禺", "天河"])
def test_a_column_per_一级_reads_every_column(tmp_path, source, header, style):
    projects = (open_declaration(DEMO).declaration.projects[:6] if source == "demo"
                else generate.generate(6, 7, seed=11).projects)
    data, level1s = workbook_bytes(projects, header, style)
    assert len(level1s) >= 2
    path = tmp_path / "table.xlsx"
    path.write_bytes(data)
    opened = open_declaration(path)
    assert [facts(p, style) for p in opened.declaration.projects] == [facts(p, style) for p in projects]
    assert not any(note.startswith("需核对") for note in opened.notes)  # the item numbers run on across the columns
    assert not any("没有“绩效指标”栏" in note for note in opened.notes)
