"""The window's traps (issue 25), each as a clerk met it: files named and placed as expected (an imported
table keeps its source's name, Save offers the workbook first, exports go beside the open file), placeholders
that typing replaces, errors first in the problems list, and an undo with no dead end."""

import shutil

from PySide6.QtWidgets import QFileDialog

from src.model import paths


def capture_save_dialog(monkeypatch, answer=""):
    asked = []

    def fake(parent, caption, suggested, filters, *rest):
        asked.append((caption, suggested, filters))
        return answer, ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def test_an_imported_table_is_named_after_its_source_and_saved_as_a_workbook_beside_it(window, monkeypatch, tmp_path,
                                                                                       examples_dir):
    source = shutil.copyfile(examples_dir / "panyu-2022-projects.xlsx", tmp_path / "番禺2022.xlsx")
    monkeypatch.chdir(examples_dir.parent)  # the program's folder, as a double-click leaves it
    assert window.files.open(str(source))
    assert window.document.display_name() == "番禺2022.xlsx（导入）"
    assert window.windowTitle().startswith("番禺2022.xlsx（导入）")
    asked = capture_save_dialog(monkeypatch)
    window.files.save_as()
    caption, suggested, filters = asked[-1]
    assert suggested == str(tmp_path / "番禺2022.xlsx")
    assert filters.split(";;")[0].startswith("Excel 工作簿") and "JSON" in filters.split(";;")[1]
    window.printing.ask_pdf_path()
    assert asked[-1][1] == str(tmp_path / "番禺2022.pdf")
    window.problem_list.ask_path()
    assert asked[-1][1] == str(tmp_path / "番禺2022-问题清单.xlsx")


def test_exports_of_a_saved_file_go_beside_it(window, monkeypatch, tmp_path, demo_path):
    copy = shutil.copyfile(demo_path, tmp_path / "天河.json")
    monkeypatch.chdir(demo_path.parent)
    assert window.files.open(str(copy))
    window.workspace.select_location(paths.project(0))
    asked = capture_save_dialog(monkeypatch)
    window.printing.ask_pdf_path()
    window.problem_list.ask_path()
    assert [suggested for _, suggested, _ in asked] == [str(tmp_path / "天河.pdf"), str(tmp_path / "天河-问题清单.xlsx")]


def test_a_new_project_or_indicator_name_is_selected_so_typing_replaces_it(window, qtbot):
    from PySide6.QtCore import Qt

    window.workspace.tree.setFocus()
    qtbot.keyClick(window.workspace.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(window.focusWidget(), "Legal aid")
    added = window.document.declaration.projects[-1]
    assert added.name == "Legal aid"  # not 新项目Legal aid
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(window.focusWidget(), "cases")
    assert added.indicators[-1].name == "cases"


def test_errors_come_first_in_the_list_and_f8_and_the_counts_filter_it(window, qtbot, demo_path):
    from PySide6.QtCore import Qt

    assert window.files.open(str(demo_path))
    view = window.problems_view
    model = view.model()
    severities = [model.index(row, 0).data() for row in range(model.rowCount())]
    errors = severities.count("错误")
    assert errors == 3 and severities[:errors] == ["错误"] * errors  # errors first, whatever the file order
    assert severities == sorted(severities, key=["错误", "警告", "提示"].index)
    view.setCurrentIndex(model.index(model.rowCount() - 1, 0))
    view.setCurrentIndex(model.index(-1, 0))  # no current row: F8 starts at the top
    window.actions["nextProblem"].trigger()
    assert view.currentIndex().row() == 0 and view.currentIndex().data() == "错误"
    window.counts_label.linkActivated.emit("warning")  # clicking 警告 N in the status bar
    assert {model.index(row, 0).data() for row in range(model.rowCount())} == {"警告"}
    assert window.problems_panel.filter.currentText() == "显示：警告"
    window.counts_label.linkActivated.emit("all")
    assert model.rowCount() == len(window.document.problems)
    view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # 说明, by its text
    messages = [model.index(row, 2).data() for row in range(model.rowCount())]
    assert messages == sorted(messages)
    assert view.textElideMode() == Qt.TextElideMode.ElideMiddle


def test_ctrl_z_in_a_field_undoes_its_typing_then_the_documents_previous_step(window, qtbot, demo_path):
    from decimal import Decimal

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from tests.helpers.gui import field

    assert window.files.open(str(demo_path))
    window.workspace.select_location(paths.project(0))
    total = field(window, "funds_total")
    before_total = window.document.declaration.projects[0].funds.total
    total.setFocus()
    total.selectAll()
    qtbot.keyClicks(total, "123")
    assert window.document.declaration.projects[0].funds.total == Decimal("123")
    goal = field(window, "projectGoal")
    before_goal = goal.toPlainText()
    goal.setFocus()
    qtbot.waitUntil(goal.hasFocus, timeout=2000)
    qtbot.keyClicks(goal, "abc")
    assert window.document.declaration.projects[0].goal == "abc" + before_goal  # typed where the cursor is
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert goal.toPlainText() == before_goal and window.document.declaration.projects[0].goal == before_goal
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.declaration.projects[0].funds.total == before_total  # the document's previous step
    # Ctrl+Y likewise, in the order they were undone: the total, then the typing in the goal.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.declaration.projects[0].funds.total == Decimal("123")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.declaration.projects[0].goal == "abc" + before_goal == goal.toPlainText()


def test_no_empty_labels_in_what_a_clerk_hands_in(tmp_path, qapp):
    """An indicator with no 实施周期指标值 prints none and writes none (it printed 实施周期指标值：—；)."""
    from openpyxl import load_workbook

    from src.render.printing import export_pdf
    from src.storage.editor_files.workbook import PROJECT_SHEET
    from src.storage.infra.files import open_declaration, save_declaration
    from tests.builders import clean_declaration
    from tests.helpers.poppler import pdf_text

    declaration = clean_declaration()
    for indicator in declaration.projects[0].indicators:
        indicator.period_value = None
    save_declaration(declaration, tmp_path / "交.xlsx")
    cells = [str(c.value) for row in load_workbook(tmp_path / "交.xlsx")[PROJECT_SHEET].iter_rows() for c in row if c.value]
    first = next(cell for cell in cells if "调解案件数" in cell)
    assert "实施周期指标值：；" not in first and "实施周期指标值" not in first.split("\n")[0]
    assert "年度指标值：≥100件" in first
    assert open_declaration(tmp_path / "交.xlsx").declaration == declaration
    export_pdf(declaration, tmp_path / "交.pdf", "all")
    text = pdf_text(tmp_path / "交.pdf")
    assert "实施周期指标值：—" not in text and "：—；" not in text


def test_tree_rows_stay_aligned_with_or_without_a_mark(window, demo_path):
    from PySide6.QtCore import Qt

    from src.ui.models.tree_model import MARK_ROLE

    assert window.files.open(str(demo_path))
    tree = window.workspace.tree_model
    department = tree.department_index()
    rows = [tree.index(row, 0, department) for row in range(tree.rowCount(department))]
    marked = [index for index in rows if index.data(MARK_ROLE)]
    unmarked = [index for index in rows if not index.data(MARK_ROLE)]
    assert marked and unmarked  # the demo has both
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QStyle

    small = window.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)  # what a tree row draws
    icons = [index.data(Qt.ItemDataRole.DecorationRole) for index in rows]
    assert all(icon is not None and not icon.isNull() for icon in icons)  # every row has one: names line up
    assert {icon.actualSize(QSize(small, small)).toTuple() for icon in icons} == {(small, small)}
