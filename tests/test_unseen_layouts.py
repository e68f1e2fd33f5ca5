"""Tables in layouts the readers were not written against (issue 22): forms after those of 武汉青山, 芜湖, 广元昭化,
东莞, 石嘴山, 鄂州, 宁乡 and 湖北广水, of other sectors, made by tests/data/unseen/make_unseen_tables.py with the facts
each holds (unseen.expected.json). Every fact is read right, or left empty with a note pointing at it; a 一级/二级
that is no framework name is the form's own word kept (the checks flag it), never another framework name; a form
that cannot be read is refused saying why. Never a wrong fact without a note."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from src.model import framework
from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration

DATA = Path(__file__).resolve().parent / "data" / "unseen"
FACTS = json.loads((DATA / "unseen.expected.json").read_text(encoding="utf-8"))
READ = sorted(p.name for p in DATA.iterdir() if p.suffix in (".xlsx", ".html", ".pdf") and p.stem != "shizuishan-2020")


def _noted(opened, location: str) -> bool:
    """A note points at the fact: at its place or at a place holding it (the project's funds, its indicators) — not
    at the whole project (the import's summary line is there)."""
    for note in opened.notes:
        where = getattr(note, "location", None)
        if where and (location == where or "." in where and location.startswith((where + ".", where + "["))):
            return True
    return False


def _flat(text: str | None) -> str | None:
    """Text compared without its line breaks (a PDF's text keeps none)."""
    return None if text is None else "".join(text.split())


def _amount(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _level_ok(read, wanted) -> bool:
    # the form's own word kept is flagged by the checks; a framework name other than the right one would not be
    return read == wanted or not (framework.is_known_level1(read) or framework.is_known_level2(read))


def _wrong(opened, where: str, pairs: list[tuple[str, object, object]]) -> list[str]:
    return [f"{where}.{field}: read {read!r}, want {wanted!r}" for field, read, wanted in pairs
            if read != wanted and not (read is None and _noted(opened, f"{where}.{field}"))]


def _indicator_problems(opened, where: str, read: list, wanted: list) -> list[str]:
    if len(read) != len(wanted):
        return [f"{where}.indicators: {len(read)} read, want {len(wanted)}"]
    problems = []
    for index, (indicator, (level1, level2, name, period, annual)) in enumerate(zip(read, wanted)):
        place = f"{where}.indicators[{index}]"
        problems += _wrong(opened, place, [("name", _flat(indicator.name), _flat(name)),
                                           ("annual_value", indicator.annual_value, annual),
                                           ("period_value", indicator.period_value, period)])
        problems += [f"{place}.{field}: read {got!r}, want {want!r}" for field, got, want in
                     (("level1", indicator.level1, level1), ("level2", indicator.level2, level2))
                     if not _level_ok(got, want)]
    return problems


@pytest.mark.parametrize("name", READ)
def test_every_fact_is_read_or_noted(name):
    opened = open_declaration(DATA / name)
    facts = FACTS[Path(name).stem]
    problems: list[str] = []
    if "department" in facts:
        wanted, read = facts["department"], opened.declaration.department
        problems += _wrong(opened, "department", [(f, _flat(getattr(read, f)), _flat(wanted[f]))
                                                  for f in ("name", "functions", "overall_goal")])
        problems += _wrong(opened, "department.budget", [(key, getattr(read.budget, key), _amount(value))
                                                         for key, value in wanted["budget"].items()])
        if len(read.tasks) != len(wanted["tasks"]):
            problems.append(f"department.tasks: {len(read.tasks)} read, want {len(wanted['tasks'])}")
        for index, (task, (task_name, content, funds)) in enumerate(zip(read.tasks, wanted["tasks"])):
            problems += _wrong(opened, f"department.tasks[{index}]", [
                ("name", _flat(task.name), task_name), ("content", _flat(task.content), content),
                ("funds", task.funds, _amount(funds))])
        problems += _indicator_problems(opened, "department", read.indicators, wanted["indicators"])
    else:
        projects = opened.declaration.projects
        if len(projects) != len(facts["projects"]):
            pytest.fail(f"{len(projects)} projects read, want {len(facts['projects'])}")
        for index, (project, wanted) in enumerate(zip(projects, facts["projects"])):
            where = f"projects[{index}]"
            problems += _wrong(opened, where, [("name", project.name, wanted["name"]), ("goal", project.goal, wanted["goal"])])
            if wanted["unit"] is not None:
                problems += _wrong(opened, where, [("unit", project.unit, wanted["unit"])])
            problems += _wrong(opened, f"{where}.funds", [(key, getattr(project.funds, key), _amount(value))
                                                          for key, value in wanted["funds"].items()])
            problems += _indicator_problems(opened, where, project.indicators, wanted["indicators"])
    assert not problems, "\n".join(problems + [str(note) for note in opened.notes])


@pytest.mark.parametrize("name", ["qingshan-2020.xlsx", "qingshan-2020.html", "guangshui-2021.xlsx", "ningxiang-2021.xlsx"])
def test_forms_read_whole(name):
    """Forms whose every fact has a place in the declaration: nothing left for the clerk."""
    opened = open_declaration(DATA / name)
    test_every_fact_is_read_or_noted(name)
    assert not any("留空" in str(note) or "需核对" in str(note) for note in opened.notes), opened.notes


def test_the_year_amount_not_the_period_one():
    """资金总额 1200 (three years) beside 当年资金总额 400: the declaration's is the year's."""
    project = open_declaration(DATA / "qingshan-2020.xlsx").declaration.projects[0]
    assert (project.funds.total, project.funds.fiscal, project.funds.other) == (400, 350, 50)


def test_side_by_side_halves_said_when_unmarked():
    opened = open_declaration(DATA / "dongguan-2019.xlsx")
    assert any("左右两组" in str(note) for note in opened.notes)
    first = opened.declaration.projects[0].indicators[0]
    assert (first.period_value, first.annual_value) == ("169公里", "32公里")


def test_a_second_header_row_is_no_task():
    """预算金额 over 总额 | 财政拨款 | 其他资金: the header's merged 任务名称 | 主要内容 under it are no task."""
    department = open_declaration(DATA / "template-2024.xlsx").declaration.department
    assert [(task.name, task.funds) for task in department.tasks] == [("道路养护", 500), ("公交补贴", 300)]


def test_a_row_under_the_tasks_is_no_task():
    """The 年度部门整体支出绩效目标 row under the 年度主要任务 table is the goal, not a third task."""
    department = open_declaration(DATA / "guangshui-2021.xlsx").declaration.department
    assert [task.name for task in department.tasks] == ["基本公共卫生服务", "疾病预防控制"]
    assert department.overall_goal.startswith("落实基本公共卫生服务")


def test_levels_shifted_one_column_left_are_said():
    """鄂州's 一级指标 | 二级指标 | 绩效标准 | 当年预期实现值 holding 二级 and names: read so, said; its signature line
    (主管部门审核意见) no indicator."""
    opened = open_declaration(DATA / "ezhou-2022.xlsx")
    indicators = opened.declaration.projects[0].indicators
    assert [(i.level1, i.level2, i.name) for i in indicators[:2]] == [("产出指标", "数量指标", "接入学校数"),
                                                                      ("产出指标", "数量指标", "年度巡检次数")]
    assert not any("审核意见" in (i.name or "") for i in indicators)
    assert any("一级指标”一栏填的是二级指标" in str(note) for note in opened.notes)
    assert any("保障绩效目标实现措施" in str(note) for note in opened.notes)  # a column not imported is said


def test_an_amount_under_no_source_label_is_said(tmp_path):
    """A row of source labels with amounts under them: one of a label no source has is said at the funds."""
    book = load_workbook(DATA / "wuhu-2019.xlsx")
    book.active["E9"] = "社会捐赠"
    book.save(tmp_path / "donation.xlsx")
    opened = open_declaration(tmp_path / "donation.xlsx")
    assert opened.declaration.projects[0].funds.other is None
    assert any("社会捐赠" in str(note) and getattr(note, "location", "") == "projects[0].funds" for note in opened.notes)


def test_a_total_with_no_source_read_is_said(tmp_path):
    """年度资金总额 read, its one source under a label of no known source: the sources' emptiness is said."""
    book = load_workbook(DATA / "qingshan-2021.xlsx")
    book.active["B6"] = "其中：专项补助16"
    book.save(tmp_path / "grant.xlsx")
    opened = open_declaration(tmp_path / "grant.xlsx")
    funds = opened.declaration.projects[0].funds
    assert (funds.total, funds.fiscal, funds.other) == (16, None, None)
    assert any("没有读出任何资金来源" in str(note) and note.location == "projects[0].funds" for note in opened.notes)


@pytest.mark.parametrize("name", ["shizuishan-2020.xlsx"])
def test_unreadable_layout_is_refused_with_a_reason(name):
    with pytest.raises(FileProblem) as refused:
        open_declaration(DATA / name)
    assert "没有找到" in str(refused.value)
