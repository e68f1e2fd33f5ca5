"""The problem index's own bookkeeping: offsets, changed marks, look-ups. Whether the checks an edit re-runs
(Document.recheck_for) give what a full check gives is tested through real edits in test_edit_gate.py."""

from src.model.checks import check_across_projects, check_department, check_framework_mix, check_project
from src.model.problem_index import ProblemIndex
from tests.builders import clean_declaration


def full_index(declaration):
    index = ProblemIndex()
    index.reset(check_department(declaration), [check_project(p, i) for i, p in enumerate(declaration.projects)],
                check_across_projects(declaration), check_framework_mix(declaration))
    return index


def test_replace_reports_offsets_and_changed_marks():
    declaration = clean_declaration()
    index = full_index(declaration)
    assert index.flat == [] and index.worst_under("department") is None
    declaration.projects[1].indicators[0].annual_value = "≥105%"
    offset, removed, inserted, changed = index.replace(1, check_project(declaration.projects[1], 1))
    assert (offset, removed, inserted) == (0, 0, 1)
    assert changed == {"department", "projects[1]", "projects[1].indicators[0]"}
    assert index.replace(1, check_project(declaration.projects[1], 1)) is None  # nothing new: no work for the views
