"""compare(old, new): the changes between two declarations, read from real tables and changed one thing at a time."""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

import pytest

from src.model import paths
from src.model.compare import (
    CEILING_RAISED,
    FUNDS_UP_TARGETS_SAME,
    INDICATOR_DROPPED,
    NOW_QUALITATIVE,
    VALUE_LOWERED,
    Change,
    ChangeKind,
    Subject,
    compare,
    plain,
    value_flags,
)
from src.model.compare_text import change_line
from src.model.declaration import (
    BUDGET_LABELS,
    DECLARATION_LABELS,
    DEPARTMENT_LABELS,
    FUNDS_LABELS,
    INDICATOR_LABELS,
    PROJECT_LABELS,
    Declaration,
    Project,
    Review,
)
from src.model.matching import RENAME_THRESHOLD, name_core, pair_projects, rename_score
from src.storage.infra.files import open_declaration
from tests.builders import clean_declaration, indicator

TIANHE = "tianhe-2023-projects.xlsx"
PANYU = "panyu-2022-projects.xlsx"
SEP = " › "


@pytest.fixture(scope="module")
def tianhe(examples_dir) -> Declaration:
    return open_declaration(examples_dir / TIANHE).declaration


@pytest.fixture(scope="module")
def panyu(examples_dir) -> Declaration:
    return open_declaration(examples_dir / PANYU).declaration


def copy_of(declaration: Declaration) -> Declaration:
    return declaration.model_copy(deep=True)


def keys(changes: list[Change]) -> set[tuple]:
    return {(c.change, c.what, c.project, c.indicator, c.field) for c in changes}


def test_identical_declarations_have_no_changes(tianhe, panyu):
    assert compare(tianhe, copy_of(tianhe)) == []
    assert compare(panyu, copy_of(panyu)) == []


def test_the_four_changes_of_the_done_when_scenario(tianhe, panyu):
    """One project removed, one added (a real project of another table, put under the same unit), one
    indicator value and one project total changed: exactly those four, at their places."""
    new = copy_of(tianhe)
    removed = new.projects.pop(3)
    added = panyu.projects[0].model_copy(deep=True, update={"unit": removed.unit})
    new.projects.append(added)
    valued, target = new.projects[1], new.projects[1].indicators[2]
    old_value, target.annual_value = target.annual_value, "≥99%"
    totalled = new.projects[10]
    old_total = totalled.funds.total
    totalled.funds.total = old_total + Decimal("12.50")
    assert old_value != target.annual_value

    changes = compare(tianhe, new)

    total_field = f"{PROJECT_LABELS['funds']}{SEP}{FUNDS_LABELS['total']}"
    assert keys(changes) == {
        (ChangeKind.REMOVED, Subject.PROJECT, removed.name, None, None),
        (ChangeKind.ADDED, Subject.PROJECT, added.name, None, None),
        (ChangeKind.CHANGED, Subject.FIELD, valued.name, target.name, INDICATOR_LABELS["annual_value"]),
        (ChangeKind.CHANGED, Subject.FIELD, totalled.name, None, total_field),
    }
    by_field = {c.field: c for c in changes if c.change is ChangeKind.CHANGED}
    value_change = by_field[INDICATOR_LABELS["annual_value"]]
    assert (value_change.old, value_change.new) == (old_value, "≥99%")
    assert value_change.location_old == paths.field(paths.indicator(paths.project(1), 2), "annual_value")
    total_change = by_field[total_field]
    assert (Decimal(total_change.old), Decimal(total_change.new)) == (old_total, old_total + Decimal("12.50"))
    # Projects after the removed one moved up by one in the new file; the location says where each one is.
    assert total_change.location_old == paths.field(paths.project(10 + 1), "funds.total")
    assert total_change.location_new == paths.field(paths.project(10), "funds.total")
    gone = next(c for c in changes if c.change is ChangeKind.REMOVED)
    assert gone.location_old == paths.project(3) and gone.location_new is None
    assert gone.old == plain(removed) and gone.old["name"] == removed.name
    came = next(c for c in changes if c.change is ChangeKind.ADDED)
    assert came.location_new == paths.project(len(new.projects) - 1) and came.new["unit"] == removed.unit


def test_every_location_reaches_what_the_change_says(tianhe):
    new = copy_of(tianhe)
    new.projects[0].goal = "新的绩效目标"
    moved = new.projects[5].indicators[1]
    moved.level2 = "时效指标" if moved.level2 != "时效指标" else "质量指标"
    del new.projects[7].indicators[0]
    new.department.budget.basic = Decimal("100.00")
    changes = compare(tianhe, new)
    assert len(changes) == 4
    for change in changes:
        if change.location_old is not None:
            reached = plain(paths.resolve(tianhe, change.location_old))
            assert reached == change.old or change.change is ChangeKind.RENAMED
        if change.location_new is not None:
            assert plain(paths.resolve(new, change.location_new)) == change.new


def test_a_renamed_project_is_a_rename_with_its_other_changes(tianhe):
    new = copy_of(tianhe)
    project = next(p for p in new.projects if "(2022-2025年)" in p.name)
    old_name = project.name
    project.name = old_name.replace("(2022-2025年)", "（2023-2025年）")
    project.indicators[0].annual_value = "≥1%"
    changes = compare(tianhe, new)
    assert [c.change for c in changes] == [ChangeKind.RENAMED, ChangeKind.CHANGED]
    rename, value = changes
    assert (rename.what, rename.project) == (Subject.PROJECT, project.name)
    assert (rename.old, rename.new) == (old_name, project.name)
    assert value.project == project.name  # changes inside a renamed project name it by its new name
    assert change_line(rename) == f"项目改名：“{old_name}” → “{project.name}”"


# Real renames, in the wording the seeds give one project in different years and tables (seed 002's period
# brackets, seed 000's （区级）, 工作经费/业务经费 between 番禺 and 天河); they must pair on the name alone.
RENAMES = [
    ("天河区司法局政法网设备运维项目(2022-2025年)", "天河区司法局政法网设备运维项目(2023-2025年)"),
    ("天河区司法局智能化社区矫正中心运维项目(2022-2025年)", "天河区司法局智能化社区矫正中心运维项目（2024-2026年）"),
    ("专职人民调解服务项目经费（区级）", "专职人民调解服务项目经费"),
    ("一村（社区）一法律顾问项目经费（区级）", "一村（社区）一法律顾问项目经费"),
    ("法制业务工作经费", "法制业务经费"),
    ("律师管理工作经费", "律师管理业务经费"),
    ("普法宣传业务经费", "2023年普法宣传业务经费"),
    ("法律援助经费", "法律援助经费（2023年）"),
]


@pytest.mark.parametrize("old_name, new_name", RENAMES)
def test_renames_of_the_seeds_pass_the_threshold_on_their_names(old_name, new_name):
    old, new = Project(name=old_name, unit="区司法局本级"), Project(name=new_name, unit="区司法局本级")
    assert rename_score(old, new) >= RENAME_THRESHOLD, (name_core(old_name), name_core(new_name))
    assert pair_projects([old], [new]) == ([(0, 0)], [], [])


# Distinct projects that stand side by side in one published table, each with its own indicators: never a rename.
DISTINCT = [
    (TIANHE, "行政复议应诉经费", "购买行政复议应诉辅助服务经费"),
    (TIANHE, "人民调解案件补贴", "居委调委会调解员工作补贴"),
    (TIANHE, "律师管理业务经费", "律师行业政策支持资金"),
    (TIANHE, "法制业务经费", "普法宣传业务经费"),
    (TIANHE, "基层工作和司法所经费", "机关业务用房和司法所维修维护费"),
    (PANYU, "公职律师工作经费", "律师管理工作经费"),
    (PANYU, "法制业务工作经费", "法规咨询业务工作经费"),
    (PANYU, "执法监督工作经费", "法制业务工作经费"),
    (PANYU, "安置帮教经费", "社区矫正工作经费"),
    (PANYU, "公共法律服务工作经费", "法律援助经费"),
]


@pytest.mark.parametrize("table, old_name, new_name", DISTINCT)
def test_distinct_projects_of_one_table_stay_below_the_threshold(examples_dir, table, old_name, new_name):
    projects = {p.name: p for p in open_declaration(examples_dir / table).declaration.projects}
    old, new = projects[old_name], projects[new_name].model_copy(update={"unit": projects[old_name].unit})
    assert rename_score(old, new) < RENAME_THRESHOLD
    assert pair_projects([old], [new]) == ([], [0], [0])


def test_a_similar_name_in_another_unit_is_no_rename():
    old = Project(name="法制业务工作经费", unit="区司法局本级")
    new = Project(name="法制业务经费", unit="区法律援助处")
    assert pair_projects([old], [new]) == ([], [0], [0])


def test_renames_pair_one_to_one_by_best_score():
    units = "区司法局本级"
    old = [Project(name="律师管理工作经费", unit=units), Project(name="律师管理经费（2022年）", unit=units)]
    new = [Project(name="律师管理经费（2023年）", unit=units)]
    pairs, removed, added = pair_projects(old, new)
    assert len(pairs) == 1 and len(removed) == 1 and added == []


def test_one_of_five_equal_projects_removed_is_one_removal(panyu):
    duplicates = [i for i, p in enumerate(panyu.projects) if p.name == "人民调解委员会工作经费"]
    assert len(duplicates) == 5
    new = copy_of(panyu)
    del new.projects[duplicates[2]]
    assert keys(compare(panyu, new)) == {(ChangeKind.REMOVED, Subject.PROJECT, "人民调解委员会工作经费", None, None)}


def test_a_dropped_indicator_and_a_lowered_value_are_marked(tianhe):
    new = copy_of(tianhe)
    project = new.projects[0]
    dropped = project.indicators.pop(1)
    lowered = next(i for i in project.indicators if i.annual_value == "100%")
    lowered.annual_value = "95%"
    changes = compare(tianhe, new)
    assert {(c.indicator, c.flags) for c in changes} == {(dropped.name, (INDICATOR_DROPPED,)),
                                                         (lowered.name, (VALUE_LOWERED,))}
    gone = next(c for c in changes if c.change is ChangeKind.REMOVED)
    assert gone.what is Subject.INDICATOR and gone.old == plain(dropped) and gone.project == project.name


@pytest.mark.parametrize("old, new, name, flags", [
    ("≥90%", "95%", "调解成功率", ()),  # raised
    ("≥95%", "≥90%", "调解成功率", (VALUE_LOWERED,)),
    ("不少于2000次", "1500次以上", "排查次数", (VALUE_LOWERED,)),
    ("控制在2%以下", "≤5%", "投诉率", (CEILING_RAISED,)),
    ("≤5%", "≤2%", "投诉率", ()),  # tightened
    ("0%", "2%", "再犯罪率", (CEILING_RAISED,)),  # a bare number on a "lower is better" indicator is a ceiling
    ("≥95%", "达标", "调解成功率", (NOW_QUALITATIVE,)),
    ("及时", "较及时", "办结时效", ()),  # words only: changed, unmarked
    ("12人", "10场", "培训", ()),  # other units: not comparable
])
def test_value_flags(old, new, name, flags):
    assert value_flags(old, new, name) == flags


def test_funds_up_with_targets_unchanged_is_marked_and_not_when_a_target_moves(tianhe):
    new = copy_of(tianhe)
    new.projects[2].funds.total += 10
    new.projects[2].funds.fiscal += 10
    new.projects[4].funds.total += 10
    new.projects[4].indicators[0].annual_value = "≥999"
    changes = compare(tianhe, new)
    marked = [c for c in changes if FUNDS_UP_TARGETS_SAME in c.flags]
    total = f"{PROJECT_LABELS['funds']}{SEP}{FUNDS_LABELS['total']}"
    assert [(c.project, c.field) for c in marked] == [(new.projects[2].name, total)]
    assert sum(c.project == new.projects[4].name for c in changes) == 2


def test_the_department_form_and_the_year_are_compared():
    old, new = clean_declaration(), clean_declaration()
    new.year = 2024
    new.department.budget.basic += 1
    new.department.tasks[0].funds = Decimal("120")
    new.department.tasks.append(new.department.tasks[0].model_copy(update={"name": "智慧司法建设"}))
    new.department.indicators[0].annual_value = "≥150个"
    changes = compare(old, new)
    department = DECLARATION_LABELS["department"]
    tasks = f"{department}{SEP}{DEPARTMENT_LABELS['tasks']}"
    assert keys(changes) == {
        (ChangeKind.CHANGED, Subject.FIELD, None, None, DECLARATION_LABELS["year"]),
        (ChangeKind.CHANGED, Subject.FIELD, None, None,
         f"{department}{SEP}{DEPARTMENT_LABELS['budget']}{SEP}{BUDGET_LABELS['basic']}"),
        (ChangeKind.CHANGED, Subject.FIELD, None, None, f"{tasks}“{old.department.tasks[0].name}”{SEP}拟投入的资金"),
        (ChangeKind.ADDED, Subject.FIELD, None, None, tasks),
        (ChangeKind.CHANGED, Subject.FIELD, None, old.department.indicators[0].name, INDICATOR_LABELS["annual_value"]),
    }
    lowered = next(c for c in changes if c.indicator)
    assert lowered.flags == (VALUE_LOWERED,) and lowered.location_new == "department.indicators[0].annual_value"
    assert next(c for c in changes if c.field == DECLARATION_LABELS["year"]).location_new == "year"


def test_indicators_pair_by_name_when_their_level_moved_and_loosely_spelled():
    old, new = clean_declaration(), clean_declaration()
    moved = new.projects[0].indicators[1]
    moved.level2 = "时效指标"
    new.projects[0].indicators[0].name = old.projects[0].indicators[0].name + "（件）"  # another indicator now
    old.projects[1].indicators[1].name = "调解成功率(%)"
    new.projects[1].indicators[1].name = "调解成功率（%）"
    changes = compare(old, new)
    assert keys(changes) == {
        (ChangeKind.CHANGED, Subject.FIELD, "人民调解经费", moved.name, INDICATOR_LABELS["level2"]),
        (ChangeKind.REMOVED, Subject.INDICATOR, "人民调解经费", old.projects[0].indicators[0].name, None),
        (ChangeKind.ADDED, Subject.INDICATOR, "人民调解经费", new.projects[0].indicators[0].name, None),
        (ChangeKind.CHANGED, Subject.FIELD, "法律援助经费", "调解成功率（%）", INDICATOR_LABELS["name"]),
    }


def test_bookkeeping_fields_are_not_compared():
    old, new = clean_declaration(), clean_declaration()
    new.projects[0].indicators[0].previous_annual_value = "≥80件"
    new.projects[0].source_file = "法律援助处.json"
    new.projects[0].review = [Review.FUNDS]
    assert compare(old, new) == []
    assert "source_file" not in plain(new.projects[0]) and "previous_annual_value" not in plain(indicator())


class ProjectWithContact(Project):
    contact: Optional[str] = None


def test_a_field_the_model_gains_is_compared_without_code_for_it():
    old, new = clean_declaration(), clean_declaration()
    old.projects[0] = ProjectWithContact(**old.projects[0].model_dump(), contact="张三")
    new.projects[0] = ProjectWithContact(**new.projects[0].model_dump(), contact="李四")
    changes = compare(old, new)
    found = [(c.field, c.old, c.new, c.location_new) for c in changes]
    assert found == [("contact", "张三", "李四", "projects[0].contact")]


def test_json_keys_and_text_lines(tianhe):
    new = copy_of(tianhe)
    new.projects[0].indicators[0].annual_value = "=90%"
    changes = compare(tianhe, new)
    assert [list(c.as_dict()) for c in changes] == [["change", "what", "project", "indicator", "field", "old", "new"]]
    assert changes[0].as_dict()["change"] == "changed" and type(changes[0].as_dict()["what"]) is str
    line = change_line(changes[0])
    assert line.startswith(f"修改 项目“{new.projects[0].name}” › 指标“{new.projects[0].indicators[0].name}” › 年度指标值：")
    assert tianhe.projects[0].indicators[0].annual_value == "100%"  # so 90% is lower, and the line says so
    assert line.endswith(f"100% → =90%　【{VALUE_LOWERED}】")
