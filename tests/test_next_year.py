"""next-year: year + 1, last year's values kept beside this year's, amounts and ended periods marked for review."""

import hashlib
import json
from decimal import Decimal

import pytest

from src.cli import run as run_cli
from src.commands.exits import EXIT_UNUSABLE
from src.model import paths
from src.model.declaration import Declaration, Department, Funds, Indicator, Project, Review
from src.model.next_year import next_year, period_end, review_problems
from src.model.problems import HINT, WARNING
from src.storage.infra.files import open_declaration, save_declaration
from tests.helpers.facts import assert_declaration_facts


def _indicators(declaration):
    return declaration.department.indicators + [i for p in declaration.projects for i in p.indicators]


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_converted_tianhe_table_gives_2024_with_last_years_values(tmp_path, examples_dir, demo_path, capsys):
    """The demo is the 天河 table converted (the table itself names no year; the clerk filled in 2023): checked
    here, so the done-when fact is about that table."""
    table = open_declaration(examples_dir / "tianhe-2023-projects.xlsx").declaration
    converted = open_declaration(demo_path).declaration
    assert table.year is None and converted.year == 2023
    assert converted.model_copy(update={"year": None}) == table
    before = _digest(demo_path)

    out = tmp_path / "天河 2024.json"
    run_cli(["next-year", str(demo_path), str(out)])
    printed = capsys.readouterr()
    carried = open_declaration(out).declaration

    assert carried.year == converted.year + 1 == 2024
    old, new = _indicators(converted), _indicators(carried)
    assert len(new) == len(old) == 110
    for last_year, this_year in zip(old, new, strict=True):
        assert this_year.previous_annual_value == last_year.annual_value
        assert this_year.annual_value == last_year.annual_value  # kept as the starting point
        assert (this_year.level1, this_year.level2, this_year.name) == (last_year.level1, last_year.level2, last_year.name)
    expected = json.loads((examples_dir / "tianhe-2023-projects.expected.json").read_text(encoding="utf-8"))
    assert_declaration_facts(carried, expected)  # every fact of the table carried over
    assert carried.projects[0].indicators[0].previous_annual_value == expected["projects"][0]["first_indicator"]["annual_value"]
    assert all(Review.FUNDS in p.review for p in carried.projects if p.funds.total is not None)
    assert json.loads(out.read_bytes())["schema_version"] == 2
    assert "预算年度由 2023 改为 2024" in printed.out
    assert _digest(demo_path) == before


def test_a_table_without_a_year_stays_without_one_and_says_so(examples_dir):
    table = open_declaration(examples_dir / "tianhe-2023-projects.xlsx").declaration
    carried, notes = next_year(table)
    assert carried.year is None
    assert any("没有填写预算年度" in note for note in notes)
    assert not any(Review.PERIOD_ENDED in p.review for p in carried.projects)


@pytest.mark.parametrize("period, end", [
    ("2021-2023", 2023), ("2023年", 2023), ("2022年1月-2023年12月", 2023), ("2021-23", 2023), ("2021至2024年", 2024),
    ("２０２１—２０２４年", 2024), ("2023年度", 2023), ("长期", "ongoing"), ("常年", "ongoing"),
    ("三年", "unreadable"), ("1年", "unreadable"), (None, None), ("  ", None),
])
def test_periods_are_read_leniently(period, end):
    assert period_end(period) == end


def _project(name, period, total="10.00"):
    return Project(name=name, unit="区法律援助处", period=period, goal="保障工作",
                   funds=Funds(total=total, fiscal=total) if total else Funds(),
                   indicators=[Indicator(level1="产出指标", level2="数量指标", name="案件数", annual_value="≥10件")])


def test_projects_whose_period_ended_are_marked_and_listed():
    declaration = Declaration(year=2023, department=Department(name="某区司法局"), projects=[
        _project("已结束", "2021-2023"), _project("更早结束", "2020年"), _project("继续", "2023-2025"),
        _project("看不懂", "三年"), _project("长期项目", "长期"), _project("没有资金", "2022-2024", total=None)])
    carried, notes = next_year(declaration)
    marks = {p.name: p.review for p in carried.projects}
    assert marks == {"已结束": [Review.FUNDS, Review.PERIOD_ENDED], "更早结束": [Review.FUNDS, Review.PERIOD_ENDED],
                     "继续": [Review.FUNDS], "看不懂": [Review.FUNDS], "长期项目": [Review.FUNDS], "没有资金": []}
    ended = next(note for note in notes if "实施周期已在 2023 年或之前结束" in note)
    assert "“已结束”（2021-2023）" in ended and "“更早结束”（2020年）" in ended and "继续" not in ended
    unreadable = next(note for note in notes if "无法识别" in note)
    assert "“看不懂”（三年）" in unreadable and "长期项目" not in unreadable
    assert [p.period for p in carried.projects] == [p.period for p in declaration.projects]  # kept, not changed
    assert [p.funds for p in carried.projects] == [p.funds for p in declaration.projects]  # amounts kept


def test_old_marks_are_replaced_and_older_previous_values_overwritten():
    project = _project("继续", "2023-2025")
    project.review = [Review.PERIOD_ENDED]
    project.indicators[0].previous_annual_value = "≥5件"  # 2022's value, carried last year
    carried, _ = next_year(Declaration(year=2023, projects=[project]))
    assert carried.projects[0].review == [Review.FUNDS]
    assert carried.projects[0].indicators[0].previous_annual_value == "≥10件"


def test_the_input_is_left_alone_and_shares_nothing_editable(demo_path):
    original = open_declaration(demo_path).declaration
    copy = original.model_copy(deep=True)
    carried, _ = next_year(original)
    assert original == copy
    carried.projects[0].funds.total = Decimal("1")
    carried.projects[0].indicators[0].annual_value = "改过"
    carried.department.budget.project = Decimal("2")
    carried.projects[0].review.clear()
    assert original == copy


def test_review_marks_become_a_hint_and_a_warning_at_their_fields():
    project = _project("已结束", "2021-2023")
    project.review = [Review.FUNDS, Review.PERIOD_ENDED]
    problems = review_problems(project, 4)
    where = paths.project(4)
    assert [(p.code, p.severity, p.location) for p in problems] == [
        ("review-funds", HINT, paths.field(where, "funds.total")),
        ("review-period-ended", WARNING, paths.field(where, "period"))]
    assert "已结束" in problems[1].message and "2021-2023" in problems[1].message
    assert review_problems(_project("新项目", "2024年"), 0) == []


def test_next_year_to_xlsx_keeps_the_new_fields(tmp_path, demo_path):
    out = tmp_path / "下一年.xlsx"
    run_cli(["next-year", str(demo_path), str(out)])
    expected, _ = next_year(open_declaration(demo_path).declaration)
    assert open_declaration(out).declaration == expected


@pytest.mark.parametrize("spelling", ["same", "dotted", "link"])
def test_out_may_not_be_the_input(tmp_path, demo_path, capsys, spelling):
    source = tmp_path / "本年.json"
    save_declaration(open_declaration(demo_path).declaration, source)
    before = _digest(source)
    target = {"same": source, "dotted": tmp_path / "sub" / ".." / "本年.json", "link": tmp_path / "链接.json"}[spelling]
    if spelling == "link":
        target.symlink_to(source)
    assert run_cli(["next-year", str(source), str(target)]) == EXIT_UNUSABLE
    assert "不改写输入文件" in capsys.readouterr().err
    assert _digest(source) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["本年.json", *(["链接.json"] if spelling == "link" else [])])


def test_an_unreadable_input_writes_nothing(tmp_path, capsys):
    source = tmp_path / "坏.json"
    source.write_bytes(b'{"format": "perf-target-declaration", "schema_version": 3}')
    out = tmp_path / "out.json"
    assert run_cli(["next-year", str(source), str(out)]) == EXIT_UNUSABLE
    assert "更新版本" in capsys.readouterr().err and not out.exists()
