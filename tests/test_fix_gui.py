"""Quick fixes in the real window: the problems dock's buttons and menu, Ctrl+. after F8, the field's link,
修复全部同类问题 with its list of changes, one undo step each, and the headline scenario on the 番禺 table
with every key press and click the clerk needs counted."""

import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit

from src.cli import run
from src.model.checks import check_declaration
from src.model.fixes import SAFE_CONFIDENCE, fixes_for
from src.storage.infra.files import open_declaration
from src.ui.models.tree_model import MARK_ROLE
from tests.conftest import DATA
from tests.helpers.gui import field, open_in, tree_projects, type_text

PANYU = DATA / "panyu-2022-projects.xlsx"
CONTROL = Qt.KeyboardModifier.ControlModifier


class Presses:
    """Every key press and click the test sends as the clerk, counted as it is sent."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.count = 0

    def key(self, widget, key, modifiers=Qt.KeyboardModifier.NoModifier):
        self.count += 1
        self.qtbot.keyClick(widget, key, modifiers)

    def click(self, widget, position: QPoint | None = None):
        self.count += 1
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=position or widget.rect().center())


def view_index(view, row: int, column: int = 1):
    """The list's index of the problem at row in the file's problem list (the list shows errors first)."""
    return view.model().mapFromSource(view.problems_model.index(row, column))


def click_row(presses, view, row: int) -> None:
    """Click the problem at row of the file's problem list, wherever the sorted list shows it."""
    index = view_index(view, row)
    view.scrollTo(index)
    presses.click(view.viewport(), view.visualRect(index).center())


def confirm_fix_all(presses, qtbot, panel) -> list[str]:
    """Wait for 修复全部同类问题's list of changes and press Enter on it; returns the lines it listed."""
    qtbot.waitUntil(lambda: panel.fix_all_dialog is not None and panel.fix_all_dialog.isVisible(), timeout=3000)
    dialog = panel.fix_all_dialog
    lines = dialog.findChild(QPlainTextEdit, "fixAllChanges").toPlainText().splitlines()
    presses.key(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.fix_all_dialog is None, timeout=3000)
    return lines


def safe_fixes(declaration, problems, code):
    """What 修复全部同类问题 is to apply for code, derived from the model as `main.py fix --only CODE` does."""
    return [fix for problem, fix in fixes_for(declaration, problems).items() if problem.code == code
            and (fix.confidence is None or fix.confidence >= SAFE_CONFIDENCE)]


def level2_missing(problems) -> int:
    return sum(p.code == "level2-missing" for p in problems)


def errors(problems):
    return sorted((p.code, p.location) for p in problems if p.severity == "error")


def shown_counts(window) -> str:
    """The status bar's counts as the clerk reads them (each is a link that filters the list)."""
    import re

    return re.sub(r"<[^>]+>", "", window.counts_label.text()).removesuffix("　全部")


def counts_shown(window) -> str:
    counts = window.document.counts()
    return f"错误 {counts['error']}　警告 {counts['warning']}　提示 {counts['hint']}"


@pytest.fixture
def panyu(tmp_path):
    path = tmp_path / "番禺 2022.xlsx"
    shutil.copy(PANYU, path)
    return path


def test_headline_open_panyu_fix_what_is_mechanical_save_recheck(window, qtbot, tmp_path, panyu, capsys):
    """Issue 14's scenario, as the clerk plays it; every key press and click is counted."""
    presses = Presses(qtbot)
    source = open_declaration(panyu).declaration
    before = check_declaration(source)
    window.files.ask_open_path = lambda: str(panyu)  # the file dialog's own typing is not counted
    presses.key(window, Qt.Key.Key_O, CONTROL)
    qtbot.waitUntil(lambda: window.document.declaration == source, timeout=5000)  # opened, as imported
    qtbot.waitUntil(window.workspace.tree.isVisible, timeout=2000)
    panel, view = window.problems_panel, window.problems_view
    first = view.problems_model.rows[0]
    assert first.code == "level2-missing"
    indicator_with_fix = next(fix.location for fix in safe_fixes(source, before, "level2-missing"))
    tree = window.workspace.tree_model
    marked = lambda location: tree.index_of_location(location.removesuffix(".level2")).data(MARK_ROLE)  # noqa: E731
    assert marked(indicator_with_fix) is not None

    # 1. the 二级: pick any 二级 problem, 修复全部同类问题（N）, Enter on the list of changes
    wanted = safe_fixes(source, before, "level2-missing")
    click_row(presses, view, 0)
    assert panel.fix_all_button.text() == f"修复全部同类问题（{len(wanted)}）"
    presses.click(panel.fix_all_button)
    lines = confirm_fix_all(presses, qtbot, panel)
    assert len(lines) == len(wanted) and any("将二级指标设为“数量指标”" in line for line in lines)
    assert level2_missing(window.document.problems) == level2_missing(before) - len(wanted)
    assert marked(indicator_with_fix) is None  # the tree's marker went with the problem
    assert shown_counts(window) == counts_shown(window)

    # 2. the project typed in five times: the last problem of the list, 修复全部同类问题, Enter
    assert QApplication.focusWidget() is view  # the buttons take no focus: the keyboard stays in the list
    presses.key(view, Qt.Key.Key_End, CONTROL)  # a table view's Ctrl+End: the last row
    assert view.current_problem().code == "duplicate-project"
    duplicates = sum(p.code == "duplicate-project" for p in window.document.problems)
    presses.click(panel.fix_all_button)
    assert len(confirm_fix_all(presses, qtbot, panel)) == duplicates
    assert len(tree_projects(window.workspace)) == len(source.projects) - duplicates
    assert shown_counts(window) == counts_shown(window)

    # 3. save (an imported table is saved elsewhere: the dialog's typing is not counted)
    saved = tmp_path / "番禺 已修复.json"
    window.files.ask_save_path = lambda suggested: str(saved)
    presses.key(window, Qt.Key.Key_S, CONTROL)
    assert not window.isWindowModified()

    # Re-check the saved file, beside what `main.py fix` makes of the same table.
    after = check_declaration(open_declaration(saved).declaration)
    by_command = tmp_path / "fix 命令.json"
    run(["fix", str(panyu), str(by_command)])
    capsys.readouterr()
    assert open_declaration(saved).declaration == open_declaration(by_command).declaration
    # 85 %: the names the library files under two 二级 (覆盖率) are offered one by one, not applied (issue 24)
    assert level2_missing(after) <= level2_missing(before) * 15 // 100
    assert errors(after) == errors(before)  # no error added
    with capsys.disabled():  # seen with -s; the README states this count
        print(f"\n番禺 headline scenario: {presses.count} key presses and clicks")
    assert presses.count <= 10


def test_fix_all_is_one_undo_step(window, qtbot, panyu):
    open_in(window, qtbot, panyu)
    original = window.document.declaration.model_copy(deep=True)
    original_problems = [(p.code, p.location) for p in window.document.problems]
    presses = Presses(qtbot)
    steps = window.document.undo_stack.count()
    click_row(presses, window.problems_view, 0)
    presses.click(window.problems_panel.fix_all_button)
    confirm_fix_all(presses, qtbot, window.problems_panel)
    assert window.document.undo_stack.count() == steps + 1
    assert window.statusBar().currentMessage().startswith("已修复 ")  # the clerk is told what happened
    fixed = window.document.declaration.model_copy(deep=True)
    assert fixed != original
    qtbot.keyClick(window, Qt.Key.Key_Z, CONTROL)
    assert window.document.declaration == original
    assert [(p.code, p.location) for p in window.document.problems] == original_problems
    assert shown_counts(window) == counts_shown(window)
    qtbot.keyClick(window, Qt.Key.Key_Y, CONTROL)
    assert window.document.declaration == fixed


def test_cancel_leaves_everything_as_it_was(window, qtbot, panyu):
    open_in(window, qtbot, panyu)
    original = window.document.declaration.model_copy(deep=True)
    presses = Presses(qtbot)
    click_row(presses, window.problems_view, 0)
    presses.click(window.problems_panel.fix_all_button)
    qtbot.waitUntil(lambda: window.problems_panel.fix_all_dialog is not None, timeout=3000)
    presses.key(window.problems_panel.fix_all_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.problems_panel.fix_all_dialog is None, timeout=3000)
    assert window.document.declaration == original and window.document.undo_stack.count() == 0


def test_f8_then_ctrl_dot_walks_through_the_problems(window, qtbot, panyu):
    """F8 goes to a problem's field; Ctrl+. there fixes it (or says it cannot); the next F8 goes on with the
    problem that took its place, so the walk visits the list in order."""
    open_in(window, qtbot, panyu)
    document, view = window.document, window.problems_view
    listed = sorted(document.problems, key=lambda p: p.severity.rank)  # F8 walks errors first, each in file order
    fixes = fixes_for(document.declaration, listed)
    visited = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F8)
        problem = view.current_problem()
        visited.append(problem)
        focus = QApplication.focusWidget()
        assert focus is not view  # the cursor is in the problem's field, not in the list
        steps = document.undo_stack.count()
        qtbot.keyClick(focus, Qt.Key.Key_Period, CONTROL)
        if problem in fixes:
            assert document.undo_stack.count() == steps + 1
            assert (problem.code, problem.location) not in {(p.code, p.location) for p in document.problems}
            change = fixes[problem].changes[0]
            if hasattr(change, "new"):
                assert document.value(problem.location) == change.new
            else:  # the 满意度指标 added, and shown in its form to fill in
                assert document.value(problem.location)[-1] == change.item
                assert window.workspace.current() == ("indicator", f"{problem.location}[{change.index}]")
        else:
            assert document.undo_stack.count() == steps
            assert "没有可自动完成的修复" in window.statusBar().currentMessage()
    assert visited == listed[:12]
    assert any(p in fixes for p in visited) and any(p not in fixes for p in visited)


def test_the_fields_link_fixes_its_problem(window, qtbot, demo_path):
    """Type `>=95%` into 年度指标值: the message says why, the link under it offers 改为“≥95%”; a click fixes it."""
    open_in(window, qtbot, demo_path)
    window.workspace.select_location("projects[1].indicators[1]")
    annual = field(window, "annualValue")
    annual.selectAll()
    type_text(annual, ">=95%")
    link = field(window, "annualValueFix")
    qtbot.waitUntil(link.isVisible, timeout=2000)
    assert "修复：改为“≥95%”" in link.text()
    problems = len(window.document.problems)
    presses = Presses(qtbot)
    presses.click(link, QPoint(8, link.height() // 2))
    assert window.document.declaration.projects[1].indicators[1].annual_value == "≥95%"
    assert annual.text() == "≥95%" and not link.isVisible()
    assert len(window.document.problems) == problems - 1
    assert shown_counts(window) == counts_shown(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CONTROL)
    assert window.document.declaration.projects[1].indicators[1].annual_value == ">=95%"


def test_the_level2_dropdowns_link(window, qtbot, panyu):
    open_in(window, qtbot, panyu)
    document = window.document
    problem, fix = next((p, f) for p, f in fixes_for(document.declaration, document.problems).items()
                        if p.code == "level2-missing" and f.confidence >= SAFE_CONFIDENCE)
    window.go_to(problem.location)
    level2, link = field(window, "indicatorLevel2"), field(window, "indicatorLevel2Fix")
    assert link.isVisible() and fix.label in link.text()
    Presses(qtbot).click(link, QPoint(8, link.height() // 2))
    assert document.value(problem.location) == fix.changes[0].new == level2.currentText()
    assert not link.isVisible() and level2.property("severity") in ("", None)


def test_context_menu_offers_the_fix_the_kind_and_go_to(window, qtbot, panyu):
    open_in(window, qtbot, panyu)
    document, view = window.document, window.problems_view
    fixes = fixes_for(document.declaration, document.problems)
    row, problem = next((r, p) for r, p in enumerate(view.problems_model.rows) if p in fixes)
    index = view_index(view, row)
    point = view.visualRect(index).center()  # a right click, as the platform delivers it
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    menu = QApplication.activePopupWidget()
    texts = [action.text() for action in menu.actions() if action.text()]
    kind = len(safe_fixes(document.declaration, document.problems, problem.code))
    assert texts == [f"修复：{fixes[problem].label}", f"修复全部同类问题（{kind}）", "转到"]
    assert fixes[problem].label in view_index(view, row, 2).data(Qt.ItemDataRole.ToolTipRole)
    action = next(a for a in menu.actions() if a.objectName() == "problemMenuFix")
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: document.value(problem.location) == fixes[problem].changes[0].new, timeout=2000)
    assert document.undo_stack.count() == 1


def test_edit_menu_counts_the_kind_when_it_opens(window, qtbot, panyu):
    open_in(window, qtbot, panyu)
    document = window.document
    assert window.actions["fixProblem"].shortcut().toString() == "Ctrl+."
    assert window.actions["fixAllOfKind"] in window.edit_menu.actions()
    assert window.actions["exportProblems"].shortcut().toString() == "Ctrl+Shift+E"
    click_row(Presses(qtbot), window.problems_view, 0)
    window.edit_menu.popup(window.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(window.edit_menu.isVisible, timeout=2000)
    kind = len(safe_fixes(document.declaration, document.problems, "level2-missing"))
    assert window.actions["fixAllOfKind"].text() == f"修复全部同类问题（{kind}）"
    window.edit_menu.hide()


def test_export_problem_list_carries_the_fix_labels(window, qtbot, panyu, tmp_path):
    import openpyxl

    open_in(window, qtbot, panyu)
    target = tmp_path / "问题清单.xlsx"
    window.problem_list.ask_path = lambda: str(target)
    qtbot.keyClick(window, Qt.Key.Key_E, CONTROL | Qt.KeyboardModifier.ShiftModifier)
    cells = [str(cell.value) for row in openpyxl.load_workbook(target).active.iter_rows() for cell in row if cell.value]
    document = window.document
    labels = {fix.label for fix in fixes_for(document.declaration, document.problems).values()}
    assert labels and labels <= set(cells)


def test_the_fix_button_under_the_list(window, qtbot, panyu):
    open_in(window, qtbot, panyu)
    document, view, panel = window.document, window.problems_view, window.problems_panel
    fixes = fixes_for(document.declaration, document.problems)
    row, problem = next((r, p) for r, p in enumerate(view.problems_model.rows) if p in fixes)
    presses = Presses(qtbot)
    click_row(presses, view, row - 1)  # a 二级 the suggester is unsure of: nothing to offer
    assert view.current_problem() not in fixes and not panel.fix_button.isEnabled()
    click_row(presses, view, row)
    assert panel.fix_button.text() == f"修复：{fixes[problem].label}" and panel.fix_button.isEnabled()
    presses.click(panel.fix_button)
    assert document.value(problem.location) == fixes[problem].changes[0].new
    assert (problem.code, problem.location) not in {(p.code, p.location) for p in document.problems}
    assert shown_counts(window) == counts_shown(window)
    assert not panel.fix_button.isEnabled()  # the list was rebuilt: nothing is selected until the next choice


def test_opening_another_file_leaves_one_problems_panel_that_follows_the_new_document(window, qtbot, panyu,
                                                                                       demo_path):
    from PySide6.QtCore import QCoreApplication, QEvent

    from src.ui.editing.commands import SetFieldCommand
    from src.ui.widgets.problems_panel import ProblemsPanel

    open_in(window, qtbot, panyu)
    first = window.problems_panel
    open_in(window, qtbot, demo_path)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    panels = window.findChildren(ProblemsPanel)
    assert panels == [window.problems_panel] and window.problems_panel is not first
    # an edit of the new document reaches the new panel only (the old one is gone, not crashing on a signal)
    window.document.undo_stack.push(SetFieldCommand(window.document, "projects[0].name", "改名", "项目名称"))
    qtbot.waitUntil(lambda: not window.problems_panel._refresh.isActive(), timeout=2000)
