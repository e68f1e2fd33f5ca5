"""The 项目支出绩效目标表 one row per indicator (recognisers/project_table.py, by_rows): tables made from a declaration's
projects — their cells merged, repeated or written once down each project's rows — read back to those projects in
every container a clerk has them in; a repeated name with other amounts is another project, not more indicators."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bench import generate
from src.storage.infra.files import open_declaration
from tests.helpers.indicator_rows import FILLS, page_html, tsv, workbook_bytes

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo-tianhe-2023.json"


def facts(project) -> tuple:
    return (project.name, project.unit, project.funds.total, project.funds.fiscal, project.goal,
            [(i.level1, i.level2, i.name, i.annual_value, i.period_value) for i in project.indicators])


def sources() -> dict[str, list]:
    generated = generate.generate(8, 6, seed=7)
    for project in generated.projects:  # one line of text each: tab-separated text holds no line break in a cell
        project.goal = " ".join((project.goal or "").split()) or None
    demo = open_declaration(DEMO).declaration.projects[:6]
    for project in demo:
        project.goal = " ".join((project.goal or "").split()) or None
    return {"demo": demo, "generated": generated.projects}


def _write(path: Path, projects, container: str, fill: str) -> Path:
    if container == "xlsx":
        path.write_bytes(workbook_bytes(projects, fill))
    elif container == "html":
        path.write_text(page_html(projects), encoding="utf-8")
    else:
        path.write_text(tsv(projects, fill), encoding="utf-8")
    return path


@pytest.mark.parametrize("source", ["demo", "generated"])
@pytest.mark.parametrize("container, fill", [("xlsx", fill) for fill in FILLS] + [("html", "merged")]
                         + [("tsv", "repeated"), ("tsv", "first")])
def test_a_table_of_indicator_rows_reads_back_to_its_projects(tmp_path, source, container, fill):
    projects = sources()[source]
    opened = open_declaration(_write(tmp_path / f"table.{container}", projects, container, fill))
    assert [facts(p) for p in opened.declaration.projects] == [facts(p) for p in projects]
    assert opened.declaration.year == 2024
    count = sum(len(p.indicators) for p in projects)
    assert any(f"导入 {len(projects)} 个项目、{count} 个绩效指标" in note for note in opened.notes)
    assert not any("没有“绩效指标”栏" in note for note in opened.notes)


@pytest.mark.parametrize("fill", ["merged", "repeated"])
def test_a_two_row_header_with_绩效指标_merged_over_the_indicator_columns(tmp_path, fill):
    projects = sources()["generated"]
    path = tmp_path / "two-rows.xlsx"
    path.write_bytes(workbook_bytes(projects, fill, two_row_header=True))
    opened = open_declaration(path)
    assert [facts(p) for p in opened.declaration.projects] == [facts(p) for p in projects]


def test_the_same_name_with_other_amounts_is_another_project(tmp_path):
    projects = sources()["demo"][:2]
    twin = projects[1].model_copy(deep=True)
    twin.name = projects[0].name
    twin.funds.total = twin.funds.fiscal = Decimal("1.23")
    table = [projects[0], twin]
    opened = open_declaration(_write(tmp_path / "twins.xlsx", table, "xlsx", "repeated"))
    assert [facts(p) for p in opened.declaration.projects] == [facts(p) for p in table]


def test_levels_written_once_per_run_are_carried_down_within_a_project_only(tmp_path):
    projects = sources()["generated"][:2]
    workbook = load_workbook(io.BytesIO(workbook_bytes(projects, "repeated")))
    sheet = workbook.active
    for row in range(4, sheet.max_row + 1):  # a 一级 and a 二级 the row above has: left blank, as a merged cell reads
        above = [sheet.cell(row - 1, column).value for column in (2, 6, 7)]
        here = [sheet.cell(row, column).value for column in (2, 6, 7)]
        if above[0] == here[0] and above[1] == here[1]:
            sheet.cell(row, 6).value = None
            if above[2] == here[2]:
                sheet.cell(row, 7).value = None
    buffer = io.BytesIO()
    workbook.save(buffer)
    path = tmp_path / "runs.xlsx"
    path.write_bytes(buffer.getvalue())
    opened = open_declaration(path)
    assert [facts(p) for p in opened.declaration.projects] == [facts(p) for p in projects]


@pytest.mark.parametrize("header", ["指标内容", "指标名称"])
def test_a_third_level_headed_指标内容_or_指标名称_reads_the_same(tmp_path, header):
    projects = sources()["demo"]
    path = _write(tmp_path / "table.tsv", projects, "tsv", "repeated")
    path.write_text(path.read_text(encoding="utf-8").replace("三级指标", header, 1), encoding="utf-8")

    opened = open_declaration(path)

    assert [facts(p) for p in opened.declaration.projects] == [facts(p) for p in projects]


def test_values_printed_in_three_columns_as_the_budget_system_exports_them_are_joined(tmp_path):
    """指标性质 | 指标值 | 度量单位 (≥ | 95 | %): before, the value came in as 95, its comparator and unit dropped with
    only a note about two unknown columns."""
    from tests.helpers.project_forms import split_value

    projects = sources()["demo"]
    lines = ["项目名称\t单位名称\t年度绩效目标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位"]
    for project in projects:
        for indicator in project.indicators:
            sign, number, unit = split_value(indicator.annual_value)
            lines.append("\t".join([project.name, project.unit, project.goal or "", indicator.level1 or "",
                                    indicator.level2 or "", indicator.name or "", sign or "定量", number, unit]))
    path = tmp_path / "system-export.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    opened = open_declaration(path)

    assert [[(i.name, i.annual_value) for i in p.indicators] for p in opened.declaration.projects] == \
        [[(i.name, i.annual_value) for i in p.indicators] for p in projects]
    assert not any("不认识" in note for note in opened.notes)


def test_an_indicator_property_that_is_no_comparator_is_said_not_dropped(tmp_path):
    path = tmp_path / "反向.tsv"
    path.write_text("项目名称\t单位名称\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\n"
                    "道路养护\t某局\t产出指标\t质量指标\t事故率\t反向\t5\t%\n", encoding="utf-8")

    opened = open_declaration(path)

    assert opened.declaration.projects[0].indicators[0].annual_value == "5%"
    note, = [note for note in opened.notes if "反向" in note]
    assert note.location == "projects[0].indicators[0].annual_value"
