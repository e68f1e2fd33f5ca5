"""Incremental problem bookkeeping gives the same answers as checking the whole file again."""


from hypothesis import given, settings
from hypothesis import strategies as st

from src.model.checks import check_across_projects, check_declaration, check_department, check_framework_mix, check_project
from src.model.problem_index import ACROSS, DEPARTMENT, ProblemIndex
from tests.builders import clean_declaration


def full_index(declaration):
    index = ProblemIndex()
    index.reset(check_department(declaration), [check_project(p, i) for i, p in enumerate(declaration.projects)],
                check_across_projects(declaration), check_framework_mix(declaration))
    return index


EDITS = [
    ("projects[0].indicators[1].annual_value", ["≥105%", "≥95%", None, "XX", "明显提高"]),
    ("projects[1].funds.total", ["1", "100.00", None]),
    ("projects[0].name", ["法律援助经费", "人民调解经费", None]),
    ("projects[1].unit", ["区法律援助处", "区司法局本级"]),
    ("department.name", [None, "海珠区司法局"]),
    ("projects[1].indicators[2].level1", ["产出指标", "效益指标", None]),
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(EDITS) - 1), st.integers(0, 4)), min_size=1, max_size=12))
def test_replacing_groups_matches_a_full_recheck(edits):
    from decimal import Decimal

    from src.model import paths

    declaration = clean_declaration()
    index = full_index(declaration)
    for edit, choice in edits:
        location, values = EDITS[edit]
        value = values[choice % len(values)]
        if value is not None and location.endswith("total"):
            value = Decimal(value)
        paths.set_field(declaration, location, value)
        project = paths.project_index(location)
        index.replace(DEPARTMENT, check_department(declaration))
        if project is not None:
            index.replace(project, check_project(declaration.projects[project], project))
        index.replace(ACROSS, check_across_projects(declaration))
        reference = full_index(declaration)
        assert sorted(map(repr, index.flat)) == sorted(map(repr, check_declaration(declaration)))
        assert index.flat == reference.flat
        assert index.counts() == reference.counts()
        for node in ["department", "projects[0]", "projects[1]", "projects[0].indicators[1]", "projects[1].indicators[2]"]:
            assert index.worst_under(node) == reference.worst_under(node), node
        for problem in reference.flat:
            assert index.at(problem.location) == reference.at(problem.location)


def test_replace_reports_offsets_and_changed_marks():
    declaration = clean_declaration()
    index = full_index(declaration)
    assert index.flat == [] and index.worst_under("department") is None
    declaration.projects[1].indicators[0].annual_value = "≥105%"
    offset, removed, inserted, changed = index.replace(1, check_project(declaration.projects[1], 1))
    assert (offset, removed, inserted) == (0, 0, 1)
    assert changed == {"department", "projects[1]", "projects[1].indicators[0]"}
    assert index.replace(1, check_project(declaration.projects[1], 1)) is None  # nothing new: no work for the views
