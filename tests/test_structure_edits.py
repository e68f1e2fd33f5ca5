"""Moving and duplicating projects and indicators: by keys in the real window, the file's data and the tree
both follow, and undo puts everything back."""

from PySide6.QtCore import Qt

from src.model.declaration import Indicator
from src.model.skeleton import new_declaration
from src.ui.editing import structure_edits
from src.ui.editing.document import Document
from tests.builders import clean_declaration
from tests.helpers.gui import field, open_in, tree_indicators, tree_projects, type_text

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def names(declaration):
    return [p.name for p in declaration.projects]


def problem_places(document):
    return {(p.code, p.location) for p in document.problems}


def test_alt_arrows_move_a_project_in_the_file_and_the_tree_and_undo_puts_it_back(window, qtbot, demo_path):
    open_in(window, qtbot, demo_path)
    document, workspace, tree = window.document, window.workspace, window.workspace.tree
    before = document.declaration.model_copy(deep=True)
    order = names(before)
    # A project whose indicator has an error: the problem moves with it.
    wrong = next(p for p in document.problems if p.code == "level2-wrong-level1")
    mover = int(wrong.location.split("]")[0].removeprefix("projects["))
    assert mover >= 1
    moved = document.declaration.projects[mover]
    tree.expandAll()  # the tree holds every project's indicator rows before the move
    rows = {n: tree_indicators(workspace, n) for n in (mover - 1, mover)}
    assert rows[mover - 1] != rows[mover]
    workspace.select_location(f"projects[{mover}]")
    tree.setFocus()

    qtbot.keyClick(tree, Qt.Key.Key_Up, ALT)
    order[mover - 1], order[mover] = order[mover], order[mover - 1]
    assert names(document.declaration) == order == tree_projects(workspace)
    assert tree_indicators(workspace, mover - 1) == rows[mover]  # its indicator rows came along
    assert tree_indicators(workspace, mover) == rows[mover - 1]
    assert document.declaration.projects[mover - 1] is moved  # the project itself, with all its indicators
    assert workspace.current() == ("project", f"projects[{mover - 1}]")  # the moved project stays selected
    at_new_place = wrong.location.replace(f"projects[{mover}]", f"projects[{mover - 1}]", 1)
    assert (wrong.code, at_new_place) in problem_places(document)
    assert (wrong.code, wrong.location) not in problem_places(document)
    assert window.isWindowModified()

    qtbot.keyClick(tree, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(tree, Qt.Key.Key_Down, ALT)
    order = names(before)
    order.insert(mover + 1, order.pop(mover))
    assert names(document.declaration) == order == tree_projects(workspace)
    assert workspace.current() == ("project", f"projects[{mover + 1}]")

    for _ in range(3):
        qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL)
    assert document.declaration == before
    assert tree_projects(workspace) == names(before)
    assert {n: tree_indicators(workspace, n) for n in rows} == rows
    assert not window.isWindowModified()
    qtbot.keyClick(tree, Qt.Key.Key_Y, CTRL)
    assert names(document.declaration)[mover - 1] == moved.name


def test_the_first_project_goes_no_higher_and_the_last_no_lower(window, qtbot, demo_path):
    open_in(window, qtbot, demo_path)
    document, workspace, tree = window.document, window.workspace, window.workspace.tree
    order = names(document.declaration)
    tree.setFocus()
    for location, key in (("projects[0]", Qt.Key.Key_Up), (f"projects[{len(order) - 1}]", Qt.Key.Key_Down)):
        workspace.select_location(location)
        qtbot.keyClick(tree, key, ALT)
        assert workspace.current() == ("project", location)
    assert names(document.declaration) == order == tree_projects(workspace)
    assert document.undo_stack.count() == 0 and not window.isWindowModified()


def test_alt_arrows_move_an_indicator_within_its_project(window, qtbot, demo_path):
    open_in(window, qtbot, demo_path)
    document, workspace, tree = window.document, window.workspace, window.workspace.tree
    before = document.declaration.model_copy(deep=True)
    # A project with two indicators under one 一级 and another 一级 after them.
    number, project = next((n, p) for n, p in enumerate(document.declaration.projects)
                           if len(p.indicators) >= 3 and p.indicators[0].level1 == p.indicators[1].level1
                           and p.indicators[-1].level1 != p.indicators[0].level1)
    first, second = project.indicators[0], project.indicators[1]

    def shown():
        """The names in the tree's group of first's 一级, in the order shown."""
        rows = tree_indicators(workspace, number)
        title = next(title for title in rows if title.startswith(f"{first.level1}（"))
        return [text.split("：")[0] for text in rows[title]]

    groups = list(tree_indicators(workspace, number))
    workspace.tree.expandAll()
    assert shown()[:2] == [first.name, second.name]
    workspace.select_location(f"projects[{number}].indicators[0]")
    tree.setFocus()

    qtbot.keyClick(tree, Qt.Key.Key_Down, ALT)
    assert project.indicators[:2] == [second, first] and project.indicators[0] is second
    assert shown()[:2] == [second.name, first.name]
    assert workspace.current() == ("indicator", f"projects[{number}].indicators[1]")
    assert field(window, "indicatorName").text() == first.name  # the form still shows the moved indicator

    # Down again and again, past the other 一级: the list order changes, the tree keeps grouping by 一级.
    last = len(project.indicators) - 1
    for _ in range(last - 1):
        qtbot.keyClick(tree, Qt.Key.Key_Down, ALT)
    assert project.indicators[last] is first
    assert workspace.current() == ("indicator", f"projects[{number}].indicators[{last}]")
    assert shown()[-1] == first.name and list(tree_indicators(workspace, number)) == groups
    qtbot.keyClick(tree, Qt.Key.Key_Down, ALT)  # already the last: nothing happens
    assert document.undo_stack.count() == last

    for _ in range(last):
        qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL)
    assert document.declaration == before
    assert shown()[:2] == [first.name, second.name]
    assert not window.isWindowModified()


def test_department_indicators_move_and_undo():
    declaration = clean_declaration()
    declaration.department.indicators.append(Indicator(level1="效益指标", level2="社会效益指标", name="群众知晓率",
                                                       annual_value="≥90%"))
    document = Document(declaration)
    before = declaration.model_copy(deep=True)
    assert structure_edits.move(document, "department.indicators[1]", -1) == "department.indicators[0]"
    assert [i.name for i in declaration.department.indicators] == ["群众知晓率", "法律顾问覆盖村居数"]
    assert structure_edits.move(document, "department.indicators[0]", -1) is None  # the top stays the top
    assert structure_edits.move(document, "department", 1) is None  # the department itself does not move
    document.undo_stack.undo()
    assert declaration == before


def test_ctrl_d_duplicates_a_project_with_all_its_indicators_independent_of_the_original(window, qtbot, demo_path):
    open_in(window, qtbot, demo_path)
    document, workspace, tree = window.document, window.workspace, window.workspace.tree
    before = document.declaration.model_copy(deep=True)
    number = next(n for n, p in enumerate(before.projects) if len(p.indicators) >= 3 and n + 1 < len(before.projects))
    workspace.select_location(f"projects[{number}]")
    tree.setFocus()

    qtbot.keyClick(tree, Qt.Key.Key_D, CTRL)
    projects = document.declaration.projects
    original, duplicate = projects[number], projects[number + 1]
    assert len(projects) == len(before.projects) + 1
    assert duplicate.name == f"{original.name}（副本）"
    assert duplicate.model_dump(exclude={"name"}) == original.model_dump(exclude={"name"})
    assert duplicate.indicators == before.projects[number].indicators  # every indicator, in order
    assert names(document.declaration) == tree_projects(workspace)
    assert tree_indicators(workspace, number + 1) == tree_indicators(workspace, number)
    assert workspace.current() == ("project", f"projects[{number + 1}]")  # the copy is selected to be edited
    assert names(document.declaration)[number + 2] == before.projects[number + 1].name  # the next one moved down

    # Edit the copy's indicator and amount, then the original's name: neither reaches the other.
    old_value = original.indicators[0].annual_value
    workspace.select_location(f"projects[{number + 1}].indicators[0]")
    annual = field(window, "annualValue")
    annual.selectAll()
    type_text(annual, "≥77%")
    workspace.select_location(f"projects[{number + 1}]")
    total = field(window, "funds_total")
    total.selectAll()
    qtbot.keyClicks(total, "12.34")
    workspace.select_location(f"projects[{number}]")
    name = field(window, "projectName")
    name.selectAll()
    type_text(name, "改过名的原项目")
    assert duplicate.indicators[0].annual_value == "≥77%" and str(duplicate.funds.total) == "12.34"
    assert original.indicators[0].annual_value == old_value and original.funds == before.projects[number].funds
    assert original.name == "改过名的原项目" and duplicate.name == f"{before.projects[number].name}（副本）"
    assert duplicate.indicators[0] is not original.indicators[0] and duplicate.funds is not original.funds

    steps = document.undo_stack.index()
    assert steps == 4  # the copy, then one step per edited field
    tree.setFocus()
    for _ in range(steps):
        qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL)
    assert document.declaration == before
    assert tree_projects(workspace) == names(before)
    assert not window.isWindowModified()


def test_ctrl_d_on_an_indicator_duplicates_its_project(window, qtbot, demo_path):
    open_in(window, qtbot, demo_path)
    document, workspace = window.document, window.workspace
    workspace.select_location("projects[5].indicators[1]")
    workspace.tree.setFocus()
    qtbot.keyClick(workspace.tree, Qt.Key.Key_D, CTRL)
    projects = document.declaration.projects
    assert projects[6].name == f"{projects[5].name}（副本）" and projects[6].indicators == projects[5].indicators


def test_an_unnamed_project_is_copied_as_a_named_copy():
    document = Document(new_declaration())
    document.declaration.projects[0].name = None
    assert structure_edits.duplicate_project(document, 0) == "projects[1]"
    assert document.declaration.projects[1].name == "项目（副本）"
    document.undo_stack.undo()
    assert len(document.declaration.projects) == 1
