"""The 2019 部门整体绩效目标表 (seed 004) opens into the current department form, from every container; it is
never read as the current form, and no other table is read as it."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from src.model import paths
from src.model.checks import check_declaration
from src.storage.containers.sheet_grid import Grid
from src.storage.infra.files import open_declaration
from src.storage.recognisers.grid_import import import_published

DATA = Path(__file__).resolve().parent / "data"
FORM = DATA / "form2019"
SEED = DATA / "seeds" / "004_c15dcf59fcd3555d.txt"
FACTS = json.loads((FORM / "tianhe-2019.facts.json").read_text(encoding="utf-8"))
THIS_YEAR, THREE_YEARS = FACTS["blocks"]
MARK = "2019 年的部门整体绩效目标表"


def squeeze(text):
    return "".join((text or "").split())


def assert_this_years_facts(opened):
    declaration = opened.declaration
    department = declaration.department
    assert declaration.year == FACTS["year"]
    assert department.name == FACTS["name"]
    assert squeeze(department.functions) == squeeze(FACTS["functions"])
    income = {label: Decimal(amount.replace(",", "")) for label, amount in FACTS["income"]}
    assert department.budget.fiscal == income["1. 财政拨款收入"]
    others = ("2.财政专户管理资金", "3.事业收入", "4.经营收入", "5.其他收入")
    assert department.budget.other_income == sum(income[label] for label in others)
    assert department.budget.basic is None and department.budget.project is None  # not on the 2019 form
    assert department.overall_goal == THIS_YEAR["goal"]
    pairs = [(i.name, i.annual_value) for i in department.indicators]
    name, value = THIS_YEAR["key_indicators_after"].removeprefix("其中：").rsplit("：", 1)
    assert pairs == [tuple(pair) for pair in THIS_YEAR["key_indicators"]] + [(name, value)]
    assert all(i.level1 is None and i.level2 is None and i.period_value is None for i in department.indicators)
    assert len(department.tasks) == len(THIS_YEAR["tasks"])
    for task, facts in zip(department.tasks, THIS_YEAR["tasks"]):
        assert task.name == facts["name"] and task.funds is None
        assert task.expected.startswith(facts["goal"])
        for indicator, standard in facts["indicators"]:  # every pair kept, in its task
            assert f"{indicator}：{standard}" in task.expected
        assert facts["projects"] in task.content
    # the 三年期 block is reported, not mixed in
    assert THREE_YEARS["goal"] not in declaration.model_dump_json()
    this_years_names = {t["name"] for t in THIS_YEAR["tasks"]} | {n for n, _ in THIS_YEAR["key_indicators"]}
    assert {t.name for t in department.tasks} <= this_years_names
    assert {i.name for i in department.indicators} - this_years_names == {name}


@pytest.mark.parametrize("name", ["tianhe-2019-department.xlsx", "tianhe-2019-department.ods",
                                  "tianhe-2019-department.html"])
def test_every_fact_of_this_year_from_each_container(name):
    opened = open_declaration(FORM / name)
    assert_this_years_facts(opened)
    notes = "\n".join(opened.notes)
    assert MARK in notes
    assert "三年期目标" in notes and f"{len(THREE_YEARS['tasks'])} 项三年期主要支出计划" in notes
    pairs = sum(len(t["indicators"]) for t in THIS_YEAR["tasks"])
    assert f"{pairs} 个关键性指标/绩效标准写入“期望达到的目标”" in notes  # where what has no field went
    assert "主要实施项目写入“主要实施内容”" in notes
    assert FACTS["remarks"] in notes


def test_checks_flag_every_indicator_left_without_its_levels():
    declaration = open_declaration(FORM / "tianhe-2019-department.xlsx").declaration
    flagged = {p.location for p in check_declaration(declaration) if p.code == "required"}
    for index in range(len(declaration.department.indicators)):
        assert f"department.indicators[{index}].level1" in flagged


@pytest.fixture(scope="module")
def filled_rows():
    from src.storage.containers.sheet_grid import read_grids_merged

    return read_grids_merged(FORM / "tianhe-2019-department.xlsx")[0].rows


@pytest.fixture(scope="module")
def unfilled_rows():
    """As calamine gives them: a merged range's value in its top-left cell only, as text-made grids have it."""
    from src.storage.containers.sheet_grid import read_grids_fast

    return read_grids_fast(FORM / "tianhe-2019-department.xlsx")[0].rows


@pytest.mark.parametrize(("shift", "fill"), [(2, True), (0, False), (3, False)])
def test_found_by_labels_not_by_place(filled_rows, unfilled_rows, shift, fill):
    rows = [[None] * shift + list(row) for row in (filled_rows if fill else unfilled_rows)]
    grid = Grid("表", [[None], ["说明：本表由财政局下发"], *rows])
    assert_this_years_facts(import_published(Path("表.xlsx"), [grid]))


def test_ocr_amounts_in_the_income_block(filled_rows):
    rows = [list(row) for row in filled_rows]
    for row in rows:
        if "1. 财政拨款收入" in row:
            row[-2:] = ["5, 922. 53"] * 2
        if "5.其他收入" in row:
            row[-2:] = ["1, 00. 5"] * 2
    opened = import_published(Path("表.xlsx"), [Grid("表", rows)])
    budget = opened.declaration.department.budget
    assert budget.fiscal == Decimal("5922.53") and budget.other_income is None
    notes = "\n".join(opened.notes)
    assert f"（{paths.place_words('department.budget.fiscal')}）：原文“5, 922. 53”" in notes and "原文“1, 00. 5”" in notes


def test_seed_004_text_gives_only_what_is_certain():
    opened = open_declaration(SEED)
    department = opened.declaration.department
    assert opened.declaration.year == FACTS["year"] and department.name == FACTS["name"]
    assert squeeze(department.functions) == squeeze(FACTS["functions"])
    assert (department.budget.fiscal, department.budget.other_income) == (Decimal("5922.53"), Decimal("0"))
    assert (department.overall_goal, department.indicators, department.tasks) == (None, [], [])
    notes = "\n".join(opened.notes)
    assert MARK in notes and "一栏一栏" in notes and "按顺序对应，并用总额与各项之和核对无误" in notes


def test_seed_004_text_amounts_that_do_not_add_up_are_not_paired(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    head, tail = text.split("5,922.53\n\n0.00", 1)  # the 政府性基金预算 amount: the sums no longer hold
    changed = tmp_path / "2019.txt"
    changed.write_text(f"{head}5,922.53\n\n7.00{tail}", encoding="utf-8")
    opened = open_declaration(changed)
    assert opened.declaration.department.budget.fiscal is None
    assert opened.declaration.department.name == FACTS["name"]
    assert any("无法用合计核对" in note for note in opened.notes)


@pytest.mark.parametrize("path", [
    "haizhu-department.xlsx", "panyu-2022-projects.xlsx", "tianhe-2023-projects.xlsx",
    "seeds/000_71042259a1c585ad.txt", "seeds/001_c3d13636fc9f2b25.txt", "seeds/002_fbe7460060ce89e9.txt",
    "seeds/003_5bca5776afea312a.txt", "html/haizhu-department.html", "html/gov-department-gbk.html",
    "containers/haizhu-department.ods"])
def test_no_other_table_is_read_as_the_2019_form(path):
    opened = open_declaration(DATA / path)
    assert not any(MARK in note for note in opened.notes)
