"""Locations are spelled in one place (src/model/paths.py): built, taken apart and followed there."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from src.model import paths
from src.model.paths import LocationError, NodeKind
from tests.builders import clean_declaration

indices = st.integers(0, 10_000)
owners = st.one_of(st.just("department"), indices.map(paths.project))


def test_building():
    assert paths.project(3) == "projects[3]"
    assert paths.indicators("projects[3]") == "projects[3].indicators"
    assert paths.indicator("projects[3]", 2) == "projects[3].indicators[2]"
    assert paths.indicator("department", 0) == "department.indicators[0]"
    assert paths.task(1) == "department.tasks[1]"
    assert paths.item("projects[3].indicators", 2) == "projects[3].indicators[2]"
    assert paths.field("projects[3]", "funds.total") == "projects[3].funds.total"
    assert paths.field("", "year") == "year"


def test_a_validators_steps_become_a_location():
    assert paths.from_steps(("projects", 3, "funds", "total")) == "projects[3].funds.total"
    assert paths.from_steps(["year"]) == "year"
    assert paths.from_steps(()) == ""


@given(owners, indices)
def test_an_item_taken_apart_gives_back_its_list_and_index(owner, index):
    location = paths.indicator(owner, index)
    assert paths.list_and_index(location) == (paths.indicators(owner), index)
    assert paths.item(*paths.list_and_index(location)) == location
    assert paths.row_in(paths.indicators(owner), paths.field(location, "annual_value")) == index
    assert paths.node_of(paths.field(location, "annual_value")) == location
    assert paths.kind_of(location) is NodeKind.INDICATOR


@pytest.mark.parametrize("location", ["projects[3].name", "department", "year", "projects", ""])
def test_what_is_not_an_item_has_no_list_and_index(location):
    assert paths.list_and_index(location) is None


def test_row_in_looks_only_at_its_own_list():
    assert paths.row_in("projects[1].indicators", "projects[1].indicators[10].name") == 10
    assert paths.row_in("projects[1].indicators", "projects[10].indicators[1].name") is None
    assert paths.row_in("projects[1].indicators", "projects[1].indicators") is None
    assert paths.row_in("department.tasks", "department.tasks[2]") == 2


@pytest.mark.parametrize("node, kind", [
    ("", NodeKind.DECLARATION), ("department", NodeKind.DEPARTMENT), ("projects[0]", NodeKind.PROJECT),
    ("projects[4].indicators[7]", NodeKind.INDICATOR), ("department.indicators[0]", NodeKind.INDICATOR),
    ("department.tasks[2]", NodeKind.TASK), ("projects[4].name", None), ("projects[4].indicators", None),
    ("projects[1].funds", None),
])
def test_kind_of_a_node(node, kind):
    assert paths.kind_of(node) == kind


def test_node_kinds_read_as_the_strings_the_tree_used():
    assert NodeKind.PROJECT == "project" and f"{NodeKind.INDICATOR}" == "indicator"


@pytest.mark.parametrize("location, project", [
    ("projects[3].indicators[2].annual_value", 3), ("projects[12]", 12), ("department.name", None), ("year", None),
])
def test_project_index(location, project):
    assert paths.project_index(location) == project


def test_nodes_and_their_ancestors():
    assert paths.node_of("projects[3].funds.total") == "projects[3]"
    assert paths.node_of("department.budget.fiscal") == "department"
    assert paths.node_of("year") == "department"
    assert paths.ancestors("projects[3].indicators[2]") == ("projects[3].indicators[2]", "projects[3]")
    assert paths.split_field("projects[3].funds.total") == ("projects[3].funds", "total")
    assert paths.split_field("year") == ("", "year")


def test_following_a_location():
    declaration = clean_declaration()
    first = declaration.projects[0]
    assert paths.resolve(declaration, paths.project(0)) is first
    assert paths.get_field(declaration, paths.field(paths.indicator(paths.project(0), 1), "name")) == first.indicators[1].name
    paths.set_field(declaration, "projects[0].funds.total", None)
    assert first.funds.total is None
    assert paths.list_at(declaration, paths.indicators(paths.project(0))) is first.indicators
    for wrong in ("projects[99]", "projects[0].nonsense", "projects[0].Name", "projects[x]"):
        with pytest.raises(LocationError):
            paths.resolve(declaration, wrong)
    with pytest.raises(LocationError):
        paths.list_at(declaration, "projects[0].name")


def test_describe_names_each_step_by_the_models_labels():
    declaration = clean_declaration()
    project = declaration.projects[0]
    assert paths.describe(declaration, "projects[0].indicators[1].annual_value") == (
        f"项目“{project.name}” › 指标 2“{project.indicators[1].name}” › 年度指标值")
    assert paths.describe(declaration, "projects[0].funds.total") == f"项目“{project.name}” › 项目资金 › 总计"
    assert paths.describe(declaration, "department.budget.fiscal") == "部门整体 › 预算整体情况 › 财政拨款"
    assert paths.describe(declaration, "year") == "预算年度"
