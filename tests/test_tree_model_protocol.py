"""Structure edits and their undo/redo keep Qt's model protocol, the tree's content and the problems right.

A long seeded random walk of the editor's real structure edits runs under QAbstractItemModelTester on the
tree model and on the project form's indicator table. The testers report in Warning mode and a message
handler turns every report into a failure naming the seed and the steps that led there (Fatal mode would
abort the whole pytest process). A second tree in a plain view is expanded and collapsed at random so
projects whose groups were never built are edited too.
"""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QTreeView

from src.model import framework, paths
from src.model.checks import check_declaration
from src.model.declaration import Indicator
from src.ui.controllers.workspace import Workspace
from src.ui.editing import commands, structure_edits
from src.ui.editing.document import Document
from src.ui.models.tree_model import GROUP_ROLE, LOCATION_ROLE, DeclarationTreeModel
from tests.builders import clean_declaration, clean_project, indicator

# The first walk runs in the fast lane; the others, each as long, in the slow one.
SEEDS = (11, pytest.param(2023, marks=pytest.mark.slow), pytest.param(4242, marks=pytest.mark.slow),
         pytest.param(90125, marks=pytest.mark.slow))
STEPS = 600  # per seed


def small_declaration():
    declaration = clean_declaration()
    odd = clean_project("社区矫正经费", "区司法局本级")
    odd.indicators += [Indicator(name="未分组的指标", annual_value="XX"),  # the tree's（未填写一级指标）group
                       indicator("满意度指标", "社会效益指标", "群众满意度", "≥90%", "≥90%")]  # 二级 under the wrong 一级
    odd.funds.total = Decimal("90.00")  # total ≠ parts: an error that moves with its project
    declaration.projects.append(odd)
    declaration.projects.append(clean_project("普法宣传经费", "区普法办"))
    return declaration


class QtReports:
    """Collects the model testers' reports and Qt's warnings about model misuse while installed."""

    def __init__(self):
        self.messages: list[str] = []

    def __enter__(self):
        self._previous = qInstallMessageHandler(self._handle)
        return self

    def __exit__(self, *_):
        qInstallMessageHandler(self._previous)

    def _handle(self, kind, context, message):
        if kind != QtMsgType.QtDebugMsg and (context.category == "qt.modeltest" or "Model" in message
                                             or "Rows" in message or "index" in message):
            self.messages.append(f"[{context.category}] {message}")


def problems_of(problems):
    return sorted((p.code, p.location, str(p.severity), p.message) for p in problems)


def expected_groups(declaration, project_index):
    """A project's 一级 groups as the tree is to show them: framework order, indicators in file order."""
    order = list(framework.level1_names())
    groups: dict[str | None, list[str]] = {}
    for row, item in enumerate(declaration.projects[project_index].indicators):
        groups.setdefault(item.level1 or None, []).append(paths.indicator(paths.project(project_index), row))
    keys = sorted(groups, key=lambda key: (order.index(key) if key in order else len(order), key is None, key or ""))
    return [(key, groups[key]) for key in keys]


def shown_groups(model, project):
    groups = []
    for row in range(model.rowCount(project)):
        group = model.index(row, 0, project)
        children = [model.index(child, 0, group) for child in range(model.rowCount(group))]
        assert group.data().endswith(f"（{len(children)}）")
        groups.append((group.data(GROUP_ROLE), [child.data(LOCATION_ROLE) for child in children]))
    return groups


def assert_tree_shows(model, declaration, view: QTreeView | None = None):
    """The tree walked through the model's API against the file; with a view, only what it has expanded is
    opened (the rest must still say rightly whether it has children, without being built)."""
    department = model.department_index()
    assert model.rowCount(department) == len(declaration.projects)
    for row, item in enumerate(declaration.projects):
        project = model.index(row, 0, department)
        assert project.data(LOCATION_ROLE) == paths.project(row)
        assert project.data() == (item.name or "（未命名项目）")
        if view is not None and not view.isExpanded(project):
            assert model.hasChildren(project) == bool(item.indicators), row
            continue
        assert shown_groups(model, project) == expected_groups(declaration, row), row


def assert_workspace_follows(workspace: Workspace, document: Document):
    kind, location = workspace.current()
    if location is not None:
        paths.resolve(document.declaration, location)  # the current node names something that exists
    page = workspace.editors.currentWidget()
    if kind in ("project", "group"):
        assert page is workspace.project_editor and workspace.project_editor.location == location
        table = workspace.project_editor.indicators.model
        assert table.rowCount() == len(document.value(location).indicators)
    elif kind == "indicator":
        assert page is workspace.indicator_editor and workspace.indicator_editor.location == location


class RandomEditor:
    """One random structure edit (or undo/redo, or a change of selection) per step, as a clerk might."""

    LEVEL1 = [*framework.level1_names(), None]

    def __init__(self, document: Document, workspace: Workspace, lazy_view: QTreeView, seed: int):
        self.document, self.workspace, self.lazy_view = document, workspace, lazy_view
        self.random = random.Random(seed)
        self.history: list[str] = []

    @property
    def projects(self):
        return self.document.declaration.projects

    def some_indicator(self) -> str | None:
        owners = [i for i, p in enumerate(self.projects) if p.indicators]
        if not owners:
            return None
        owner = self.random.choice(owners)
        return paths.indicator(paths.project(owner), self.random.randrange(len(self.projects[owner].indicators)))

    def step(self) -> None:
        # The file stays small (about 3–7 projects of about 5 indicators) so that the testers, which walk the
        # whole tree on every signal, leave time for many steps.
        count = len(self.projects)
        crowded = sum(len(p.indicators) for p in self.projects) > 5 * max(count, 1)
        grow, shrink = (3, 1) if count < 3 else (2, 2) if count < 7 else (0, 4)
        choices = [(self.add_project, grow), (self.add_indicator, 1 if crowded else 3), (self.undo, 4),
                   (self.redo, 2), (self.select, 2), (self.expand_or_collapse, 2), (self.edit_field, 1)]
        if self.projects:
            choices += [(self.duplicate_project, grow), (self.delete_project, shrink), (self.move_project, 3)]
        if count > 2:
            choices.append((self.delete_several_projects, 1))
        if any(p.indicators for p in self.projects):
            choices += [(self.delete_indicator, 4 if crowded else 2), (self.move_indicator, 4), (self.set_level1, 3)]
        action = self.random.choices([c for c, _ in choices], [w for _, w in choices])[0]
        action()

    def note(self, text: str) -> None:
        self.history.append(text)

    # ---- the edits ----------------------------------------------------------------------------
    def add_project(self):
        after = self.random.choice([None, *range(len(self.projects))])
        self.note(f"add_project(after={after})")
        structure_edits.add_project(self.document, after)

    def duplicate_project(self):
        index = self.random.randrange(len(self.projects))
        self.note(f"duplicate_project({index})")
        structure_edits.duplicate_project(self.document, index)

    def delete_project(self):
        index = self.random.choice([len(self.projects) - 1, self.random.randrange(len(self.projects))])
        self.note(f"delete(projects[{index}])")
        structure_edits.delete(self.document, paths.project(index))

    def delete_several_projects(self):
        chosen = sorted(self.random.sample(range(len(self.projects)), 2))
        self.note(f"delete projects {chosen} in one macro")
        stack = self.document.undo_stack
        stack.beginMacro("删除 2 个项目")  # as the window deletes a multiple selection: from the end
        for index in reversed(chosen):
            structure_edits.delete(self.document, paths.project(index))
        stack.endMacro()

    def move_project(self):
        index, step = self.random.randrange(len(self.projects)), self.random.choice([-1, 1])
        self.note(f"move(projects[{index}], {step})")
        structure_edits.move(self.document, paths.project(index), step)

    def add_indicator(self):
        if not self.projects:
            return self.add_project()
        owner = self.random.randrange(len(self.projects))
        count = len(self.projects[owner].indicators)
        after = self.random.choice([None, *range(count)])
        level1 = self.random.choice(self.LEVEL1)
        self.note(f"add_indicator({owner}, {level1}, after={after})")
        structure_edits.add_indicator(self.document, owner, level1, after)

    def delete_indicator(self):
        location = self.some_indicator()
        self.note(f"delete({location})")
        structure_edits.delete(self.document, location)

    def move_indicator(self):
        location, step = self.some_indicator(), self.random.choice([-1, 1])
        self.note(f"move({location}, {step})")
        structure_edits.move(self.document, location, step)

    def set_level1(self):
        location, level1 = self.some_indicator(), self.random.choice(self.LEVEL1)
        self.note(f"set_indicator_level1({location}, {level1})")
        commands.set_indicator_level1(self.document, location, level1)

    def edit_field(self):
        location = self.some_indicator()
        if location is None:
            return
        value = self.random.choice(["≥105%", "≥95%", None, "XX", "16个"])
        self.note(f"set_field({location}.annual_value, {value})")
        commands.set_field(self.document, f"{location}.annual_value", value, "年度指标值")

    def undo(self):
        if self.document.undo_stack.canUndo():
            self.note(f"undo {self.document.undo_stack.undoText()}")
            self.document.undo_stack.undo()

    def redo(self):
        if self.document.undo_stack.canRedo():
            self.note(f"redo {self.document.undo_stack.redoText()}")
            self.document.undo_stack.redo()

    # ---- what the clerk looks at --------------------------------------------------------------------
    def select(self):
        places = ["department", *(paths.project(i) for i in range(len(self.projects)))]
        indicator_place = self.some_indicator()
        if indicator_place:
            places += [indicator_place] * 2
        location = self.random.choice(places)
        self.note(f"select {location}")
        self.workspace.select_location(location)

    def expand_or_collapse(self):
        model = self.lazy_view.model()
        department = model.department_index()
        if not model.rowCount(department):
            return
        project = model.index(self.random.randrange(model.rowCount(department)), 0, department)
        expand = not self.lazy_view.isExpanded(project)
        self.note(f"{'expand' if expand else 'collapse'} row {project.row()} of the lazy tree")
        self.lazy_view.setExpanded(project, expand)
        if expand:
            self.lazy_view.expandRecursively(project)


@pytest.mark.parametrize("seed", SEEDS)
def test_random_structure_edits_keep_the_model_protocol_the_tree_and_the_problems(qtbot, seed):
    document = Document(small_declaration())
    workspace = Workspace(document)
    qtbot.addWidget(workspace)
    workspace.show()
    lazy_tree = DeclarationTreeModel(document, workspace)
    lazy_view = QTreeView()
    qtbot.addWidget(lazy_view)
    lazy_view.setModel(lazy_tree)
    lazy_view.expand(lazy_tree.department_index())
    lazy_view.show()
    editor = RandomEditor(document, workspace, lazy_view, seed)
    with QtReports() as reports:
        testers = [QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning, workspace)
                   for model in (workspace.tree_model, workspace.project_editor.indicators.model)]
        assert testers and not reports.messages, reports.messages
        for number in range(STEPS):
            editor.step()
            try:
                assert not reports.messages, "\n".join(reports.messages[:5])
                assert problems_of(document.problems) == problems_of(check_declaration(document.declaration))
                assert_tree_shows(workspace.tree_model, document.declaration)
                assert_tree_shows(lazy_tree, document.declaration, lazy_view)
                assert_workspace_follows(workspace, document)
                assert not reports.messages, "\n".join(reports.messages[:5])
            except AssertionError as failure:
                raise AssertionError(f"seed {seed}, step {number}; last steps: {editor.history[-8:]}") from failure
    assert len(set(editor.history)) > 100  # the walk went places


def test_incremental_checks_after_field_edits_equal_a_full_check(qtbot):
    """Field edits recheck only what they can affect; after each (and each undo) the problems are those a
    full check of the file finds. Edits between structure edits so the projects' places vary."""
    document = Document(small_declaration())
    edits = [("annual_value", ["≥105%", "≥95%", None, "XX", "明显提高"]), ("level1", ["产出指标", "效益指标", None]),
             ("level2", ["数量指标", "社会效益指标", None]), ("name", ["调解成功率", None, "当事人满意度"])]
    project_edits = [("name", ["法律援助经费", "人民调解经费", None]), ("unit", ["区法律援助处", None]),
                     ("funds.total", [Decimal("1"), Decimal("100.00"), None])]
    rng = random.Random(7)
    for number in range(600):
        projects = document.declaration.projects
        roll = rng.random()
        if roll < 0.1:
            structure_edits.duplicate_project(document, rng.randrange(len(projects)))
        elif roll < 0.15 and len(projects) > 2:
            structure_edits.move(document, paths.project(rng.randrange(len(projects))), rng.choice([-1, 1]))
        elif roll < 0.3 and document.undo_stack.canUndo():
            document.undo_stack.undo()
        elif roll < 0.5:
            owner = paths.project(rng.randrange(len(projects)))
            name, values = rng.choice(project_edits)
            commands.set_field(document, paths.field(owner, name), rng.choice(values), name)
        else:
            owner = rng.randrange(len(projects))
            if not projects[owner].indicators:
                continue
            row = rng.randrange(len(projects[owner].indicators))
            name, values = rng.choice(edits)
            commands.set_field(document, paths.field(paths.indicator(paths.project(owner), row), name),
                               rng.choice(values), name)
        assert problems_of(document.problems) == problems_of(check_declaration(document.declaration)), number


def test_a_new_level1_moves_the_indicator_row_and_nodes_keep_their_identity(qtbot):
    """A change of 一级 is told as a row moving to its group (beginMoveRows, before the value changes), not as
    a layout change; nodes keep their identity through inserts above them, and their locations follow."""
    document = Document(small_declaration())
    model = DeclarationTreeModel(document)
    project = model.index_of_location(paths.project(0))
    model.rowCount(project)
    indicator_index = model.index_of_location(paths.indicator(paths.project(0), 1))  # 调解成功率, 产出指标
    node = indicator_index.internalPointer()
    kept = model.persistent(indicator_index)
    moved, layouts = [], []
    model.rowsAboutToBeMoved.connect(lambda *args: moved.append(document.value(
        paths.field(paths.indicator(paths.project(0), 1), "level1"))))
    model.layoutAboutToBeChanged.connect(lambda *args: layouts.append(args))
    commands.set_field(document, paths.field(paths.indicator(paths.project(0), 1), "level1"), "效益指标", "一级指标")
    assert moved == ["产出指标"] and layouts == []  # announced while the value was still the old one
    assert kept.isValid() and kept.internalPointer() is node
    assert kept.parent().data(GROUP_ROLE) == "效益指标"
    structure_edits.add_project(document, None)  # one at the end, then one at the top, in front of it
    document.undo_stack.push(commands.InsertCommand(document, paths.PROJECTS, 0, clean_project("新的", "区司法局本级"), "插入"))
    assert kept.internalPointer() is node and kept.data(LOCATION_ROLE) == paths.indicator(paths.project(1), 1)
    assert model.index_of_location(paths.indicator(paths.project(1), 1)).internalPointer() is node
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert kept.internalPointer() is node and kept.data(LOCATION_ROLE) == paths.indicator(paths.project(0), 1)
