"""Edits go through the same gate as files, and the checks an edit re-runs give what a full check gives.

Every edit here is an undo command on a real Document (the path a keystroke takes), over every editable
field: the department's name, functions, budget amounts and overall goal, its tasks (added, removed,
edited), a project's fields (period and goal among them) and funds, the indicators of both. After every
step, undo and redo included, the document's problems must be those check_declaration() finds in the
whole file, and at the end a JSON and an xlsx round trip must give back exactly what the model holds.
"""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from src.model import paths
from src.model.checks import check_declaration
from src.model.declaration import MAX_TEXT_LENGTH, Declaration, Indicator, Project, Task
from src.model.field_values import FieldRefused
from src.model.fixes import Insert, Remove, SetField
from src.storage.infra.files import open_declaration, save_declaration
from src.ui.editing import commands
from src.ui.editing.document import Document
from src.ui.editing.fixing import FixCommand
from tests.builders import clean_declaration, clean_project, indicator

pytestmark = pytest.mark.usefixtures("qapp")

BUDGET = ["basic", "project", "special_funds", "other_development", "fiscal", "other_income", "own_level", "transfer"]
FUNDS = ["total", "fiscal", "special_account", "other"]
INDICATOR_FIELDS = ["level1", "level2", "name", "period_value", "annual_value"]

# Text a clerk pastes from Word, a PDF or a web page, and what a model value can look like.
AWKWARD_TEXT = ["a\x0bb\r\nc", "第一段\x0c第二段", "＝１００％", "=100%", "=HYPERLINK(\"http://x\")", "😀 满意度",
                "  ", "", "\u200b零宽", "制表\t符", "x" * 5000, "行一\r行二", "\x00\x1f控制", None]
AMOUNTS = ["100", "１２３.５", "1,485.34", "0", "-3", "12.345", Decimal("80.00"), None]
LEVEL1 = ["产出指标", "1-产出", "效益指标", "满意度指标", "成本指标", "乱写", None]
LEVEL2 = ["数量指标", "22-社会效益", "生态效益", "服务对象满意度指标", "经济成本指标", "不存在", None]
VALUES = ["≥95%", "＞105%", "XX", "*", "明显提高", "≤2‰", "不少于200件", "=100%", None]
PERIODS = ["2023-2025", "2023年", "长期", "2025-2023", None]


def owner_lists(declaration: Declaration) -> list[str]:
    """Every list an edit can insert into or remove from, as locations."""
    lists = ["projects", paths.TASKS, paths.indicators(paths.DEPARTMENT)]
    lists += [paths.indicators(paths.project(i)) for i in range(len(declaration.projects))]
    return lists


def field_choices(declaration: Declaration) -> list[tuple[str, list]]:
    """(location, values) for every editable field of the declaration as it is now."""
    choices = [("year", [2023, 2024, "２０２５", None]), ("department.name", AWKWARD_TEXT[:6] + ["海珠区司法局"]),
               ("department.functions", AWKWARD_TEXT), ("department.overall_goal", AWKWARD_TEXT)]
    choices += [(f"department.budget.{name}", AMOUNTS) for name in BUDGET]
    for index in range(len(declaration.department.tasks)):
        task = paths.task(index)
        choices += [(paths.field(task, "name"), AWKWARD_TEXT), (paths.field(task, "content"), AWKWARD_TEXT),
                    (paths.field(task, "funds"), AMOUNTS), (paths.field(task, "expected"), AWKWARD_TEXT)]
    owners = [paths.DEPARTMENT] + [paths.project(i) for i in range(len(declaration.projects))]
    for number, owner in enumerate(owners):
        if number:
            choices += [(paths.field(owner, "name"), AWKWARD_TEXT[:8] + ["人民调解经费", "法律援助经费"]),
                        (paths.field(owner, "unit"), ["区司法局本级", "区法律援助处", None, "a\x0bb"]),
                        (paths.field(owner, "period"), PERIODS), (paths.field(owner, "goal"), AWKWARD_TEXT)]
            choices += [(paths.field(owner, f"funds.{name}"), AMOUNTS) for name in FUNDS]
        items = paths.list_at(declaration, paths.indicators(owner))
        for row in range(len(items)):
            where = paths.indicator(owner, row)
            choices += [(paths.field(where, "level1"), LEVEL1), (paths.field(where, "level2"), LEVEL2),
                        (paths.field(where, "name"), AWKWARD_TEXT[:10] + ["调解成功率", "当事人满意度"]),
                        (paths.field(where, "period_value"), VALUES), (paths.field(where, "annual_value"), VALUES)]
    return choices


def new_item(list_location: str):
    if list_location == "projects":
        return clean_project("新增项目", "区司法局本级")
    if list_location == paths.TASKS:
        return Task(name="新任务", funds="10")
    return indicator("效益指标", "社会效益指标", "群众法律知晓率", "≥90%", "≥90%")


def problems_of(problems) -> list[tuple]:
    return sorted((p.code, p.location, str(p.severity), p.message) for p in problems)


# One step of a walk: which kind, and two numbers that pick its target and value among what exists then.
steps = st.lists(st.tuples(st.sampled_from(["field", "field", "field", "insert", "remove", "move", "undo", "redo"]),
                           st.integers(0, 10**6), st.integers(0, 10**6)), min_size=1, max_size=30)


def take_step(document: Document, kind: str, pick: int, choice: int) -> None:
    declaration = document.declaration
    stack = document.undo_stack
    if kind == "undo":
        stack.undo()
    elif kind == "redo":
        stack.redo()
    elif kind == "field":
        location, values = field_choices(declaration)[pick % len(field_choices(declaration))]
        try:
            commands.set_field(document, location, values[choice % len(values)], location)
        except FieldRefused:
            pass  # refused values change nothing; test_refused_values_change_nothing says so
    else:
        lists = owner_lists(declaration)
        list_location = lists[pick % len(lists)]
        items = paths.list_at(declaration, list_location)
        if kind == "insert":
            stack.push(commands.InsertCommand(document, list_location, choice % (len(items) + 1),
                                              new_item(list_location), "插入"))
        elif items and kind == "remove":
            stack.push(commands.RemoveCommand(document, list_location, choice % len(items), "删除"))
        elif len(items) > 1 and kind == "move":
            source = choice % len(items)
            stack.push(commands.MoveCommand(document, list_location, source, (source + 1) % len(items), "移动"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_incremental_checks_equal_a_full_check_over_every_editable_field(walk):
    document = Document(clean_declaration())
    original = document.declaration.model_dump()
    for number, (kind, pick, choice) in enumerate(walk):
        take_step(document, kind, pick, choice)
        assert problems_of(document.problems) == problems_of(check_declaration(document.declaration)), (number, kind)
        assert document.counts() == _counts(check_declaration(document.declaration))
        assert_marks_as_a_fresh_document_has_them(document)
    final, steps_done = document.declaration.model_dump(), document.undo_stack.index()
    document.undo_stack.setIndex(0)
    assert document.declaration.model_dump() == original
    assert problems_of(document.problems) == problems_of(check_declaration(document.declaration))
    document.undo_stack.setIndex(steps_done)
    assert document.declaration.model_dump() == final


def assert_marks_as_a_fresh_document_has_them(document: Document) -> None:
    """The tree's marks and each field's problems, as a document opened on the same declaration has them."""
    fresh = Document(copy.deepcopy(document.declaration))
    declaration = document.declaration
    nodes = ["department"] + [paths.project(i) for i in range(len(declaration.projects))]
    nodes += [paths.indicator(owner, row) for owner in nodes
              for row in range(len(paths.list_at(declaration, paths.indicators(owner))))]
    for node in nodes:
        assert document.worst_under(node) == fresh.worst_under(node), node
    for problem in fresh.problems:
        assert problems_of(document.problems_at(problem.location)) == problems_of(fresh.problems_at(problem.location))


def _counts(problems) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "hint": 0}
    for problem in problems:
        counts[str(problem.severity)] += 1
    return counts


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(walk=steps)
def test_what_edits_leave_saves_and_reopens_as_the_model_holds_it(tmp_path, walk):
    document = Document(clean_declaration())
    for kind, pick, choice in walk:
        take_step(document, kind, pick, choice)
    held = document.declaration
    for suffix in ("json", "xlsx"):
        path = tmp_path / f"edited.{suffix}"
        save_declaration(held, path)
        assert open_declaration(path).declaration == held, suffix


def test_a_goal_pasted_with_vertical_tab_is_what_the_form_shows_and_what_files_give_back(tmp_path):
    document = Document(clean_declaration())
    commands.set_field(document, "projects[0].goal", "a\x0bb\r\nc", "绩效目标")
    assert document.value("projects[0].goal") == "ab\nc"  # what a file with the same text reads to
    for suffix in ("json", "xlsx"):
        save_declaration(document.declaration, tmp_path / f"goal.{suffix}")
        assert open_declaration(tmp_path / f"goal.{suffix}").declaration.projects[0].goal == "ab\nc"
    document.undo_stack.undo()
    assert document.value("projects[0].goal") == clean_declaration().projects[0].goal


@pytest.mark.parametrize("location, value, reason", [
    ("projects[0].funds.total", "abc", "不是金额"),
    ("year", 50000, "不能大于 2100"),
    ("projects[0].goal", "长" * (MAX_TEXT_LENGTH + 1), "文字过长"),
])
def test_refused_values_change_nothing(location, value, reason):
    document = Document(clean_declaration())
    before = document.declaration.model_dump()
    with pytest.raises(FieldRefused, match=reason):
        commands.set_field(document, location, value, "栏目")
    assert document.declaration.model_dump() == before
    assert not document.undo_stack.canUndo()


def test_a_value_the_model_cleans_to_what_it_holds_adds_no_undo_step():
    document = Document(clean_declaration())
    commands.set_field(document, "projects[0].indicators[0].level2", "11-数量指标", "二级指标")
    assert not document.undo_stack.canUndo()  # '11-数量指标' is the 数量指标 it already holds


# ---- each kind of command: pushed, undone and redone, the declaration compared at each turn ----------------
def _set_field(document):
    return commands.SetFieldCommand(document, "department.overall_goal", "新的目标\x0b", "修改")


def _insert(document):
    return commands.InsertCommand(document, "projects", 1, clean_project("新项目", "区司法局本级"), "插入")


def _remove(document):
    return commands.RemoveCommand(document, "projects[0].indicators", 2, "删除")


def _move(document):
    return commands.MoveCommand(document, "projects", 0, 1, "移动")


def _batch(document):
    batch = commands.BatchCommand(document, "批量")
    batch.add(commands.SetFieldCommand(document, "projects[1].name", "改名", "改名", merge=False))
    batch.add(commands.InsertCommand(document, paths.TASKS, 0, Task(name="任务二"), "插入"))
    return batch


def _fix(document):
    # Parts that depend on each other: the removal takes the indicator the insert put in front.
    changes = [Insert("projects[0].indicators", 0, Indicator(level1="产出指标", name="新指标", annual_value="1")),
               SetField("projects[0].indicators[1].annual_value", "≥100件", "≥120件"),
               Remove("projects[1].indicators", 0, document.declaration.projects[1].indicators[0])]
    return FixCommand(document, changes, "修复")


@pytest.mark.parametrize("make", [_set_field, _insert, _remove, _move, _batch, _fix],
                         ids=["set-field", "insert", "remove", "move", "batch", "fix"])
def test_each_kind_of_command_does_its_work_in_redo(make):
    document = Document(clean_declaration())
    before = copy.deepcopy(document.declaration)
    command = make(document)
    assert document.declaration == before  # made, not done: the work is redo()'s
    document.undo_stack.push(command)
    after = copy.deepcopy(document.declaration)
    assert after != before
    for _ in range(2):
        document.undo_stack.undo()
        assert document.declaration == before
        assert problems_of(document.problems) == problems_of(check_declaration(before))
        document.undo_stack.redo()
        assert document.declaration == after
        assert problems_of(document.problems) == problems_of(check_declaration(after))


def test_a_fix_that_fails_half_way_leaves_the_file_and_the_stack_as_they_were():
    from src.model.fixes import Fix
    from src.ui.editing.fixing import push_fixes

    document = Document(clean_declaration())
    before = copy.deepcopy(document.declaration)
    broken = Fix("test", "projects[0]", "坏的修复", (SetField("projects[0].name", "人民调解经费", "新名"),
                                                 SetField("projects[0].funds.total", Decimal("100.00"), "不是金额")))
    with pytest.raises(FieldRefused):
        push_fixes(document, [broken], "修复")
    assert document.declaration == before
    assert not document.undo_stack.canUndo()


def test_structure_edit_values_are_model_objects():
    """Inserted items are model objects built by their own validation, so the gate holds for them too."""
    assert isinstance(new_item("projects"), Project) and isinstance(new_item(paths.TASKS), Task)
