"""文件 → 与其他申报比较… in the real window: the 天河 table open, last year's copy chosen, the tree of changes,
its colours and marks, double-click and Enter jumping into the open file, export, compare again."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDockWidget, QPushButton

from src.model import paths
from src.model.compare import FUNDS_UP_TARGETS_SAME, VALUE_LOWERED, ChangeKind, compare, value_flags
from src.model.compare_text import KIND_WORDS
from src.model.declaration import FUNDS_LABELS, INDICATOR_LABELS
from src.model.values import parse_value
from src.storage.infra.files import open_declaration, save_declaration
from src.storage.reports.diff_xlsx import FILLS, HEADER_ROW
from src.ui.models.compare_model import (
    CHANGE_ROLE,
    FLAG_COLUMN,
    LOCATION_ROLE,
    NEW_COLUMN,
    OLD_COLUMN,
    PLACE_COLUMN,
    CompareModel,
)
from tests.helpers.gui import field, open_in, type_text
from tests.test_tree_model_protocol import QtReports

TIANHE = "tianhe-2023-projects.xlsx"


@pytest.fixture
def last_year(tmp_path, examples_dir):
    """The 天河 table as 'last year': a copy with four things different from the table the window opens —
    one of its projects not there yet (so the table adds it), one more project (removed since), a value of an
    indicator higher and a project's total lower (so the table lowered the one and raised the other)."""
    table = open_declaration(examples_dir / TIANHE).declaration
    old = table.model_copy(deep=True)
    added = old.projects.pop(3)
    assert added.funds.total is not None
    # A real project of another table, under a unit of this one, as test_compare's scenario has it.
    panyu = open_declaration(examples_dir / "panyu-2022-projects.xlsx").declaration
    gone = panyu.projects[0].model_copy(deep=True, update={"unit": table.projects[0].unit,
                                                           "funds": table.projects[0].funds.model_copy()})
    old.projects.append(gone)
    position, target = next((p, i) for p, project in enumerate(table.projects) for i, item in enumerate(project.indicators)
                            if p != 3 and parse_value(item.annual_value).floor)
    item = table.projects[position].indicators[target]
    reading = parse_value(item.annual_value)
    raised = f"≥{reading.number + 3}{reading.unit or ''}"
    old_position = position if position < 3 else position - 1
    old.projects[old_position].indicators[target].annual_value = raised
    funded = next(p for p in range(5, len(table.projects)) if p != position and table.projects[p].funds.total)
    old.projects[funded - 1].funds.total = table.projects[funded].funds.total - Decimal("10.00")
    path = tmp_path / "天河-上年.xlsx"
    save_declaration(old, path)
    return {"path": path, "old": open_declaration(path).declaration, "table": table, "added": added, "gone": gone,
            "valued": (position, target, raised, item.annual_value, item.name), "funded": funded}


def compare_with(window, qtbot, examples_dir, path):
    open_in(window, qtbot, examples_dir / TIANHE)
    window.years.ask_compare_path = lambda: str(path)
    window.actions["compare"].trigger()
    dock = window.findChild(QDockWidget, "compareDock")
    qtbot.waitUntil(dock.isVisible, timeout=2000)
    return window.years.compare_view


def rows_of(model):
    """(group title, kind, place, old, new, marks, jump location) of every change row, as the view shows them."""
    shown = []
    for group_row in range(model.rowCount()):
        group = model.index(group_row, 0)
        for row in range(model.rowCount(group)):
            cells = [model.index(row, column, group).data() for column in range(model.columnCount())]
            shown.append((model.index(group_row, PLACE_COLUMN).data(), *cells,
                          model.index(row, 0, group).data(LOCATION_ROLE)))
    return shown


def find_row(model, predicate) -> QModelIndex:
    for group_row in range(model.rowCount()):
        group = model.index(group_row, 0)
        for row in range(model.rowCount(group)):
            change = model.index(row, 0, group).data(CHANGE_ROLE)
            if predicate(change):
                return model.index(row, 0, group)
    raise AssertionError("no such change row")


def test_the_four_changes_are_shown_grouped_coloured_and_marked(window, qtbot, examples_dir, last_year):
    view = compare_with(window, qtbot, examples_dir, last_year["path"])
    model = view.model
    position, target, raised, value, name = last_year["valued"]
    funded = last_year["funded"]
    table = last_year["table"]
    expected_changes = compare(last_year["old"], window.document.declaration)
    assert len(expected_changes) == 4
    shown = rows_of(model)
    added = last_year["added"]
    assert sorted(shown) == sorted([
        (f"项目“{added.name}”（1 处）", KIND_WORDS[ChangeKind.ADDED], "项目", None,
         f"预算单位 {added.unit}，总计 {added.funds.total:.2f} 万元，{len(added.indicators)} 个指标", None, paths.project(3)),
        (f"项目“{last_year['gone'].name}”（1 处）", KIND_WORDS[ChangeKind.REMOVED], "项目",
         f"预算单位 {last_year['gone'].unit}，总计 {last_year['gone'].funds.total:.2f} 万元，"
         f"{len(last_year['gone'].indicators)} 个指标", None, None, paths.DEPARTMENT),
        (f"项目“{table.projects[position].name}”（1 处）", KIND_WORDS[ChangeKind.CHANGED],
         f"指标“{name}” › {INDICATOR_LABELS['annual_value']}", raised, value, "、".join(value_flags(raised, value, name)),
         paths.field(paths.indicator(paths.project(position), target), "annual_value")),
        (f"项目“{table.projects[funded].name}”（1 处）", KIND_WORDS[ChangeKind.CHANGED], f"项目资金 › {FUNDS_LABELS['total']}",
         f"{table.projects[funded].funds.total - 10:.2f}", f"{table.projects[funded].funds.total:.2f}", FUNDS_UP_TARGETS_SAME,
         paths.field(paths.project(funded), "funds.total")),
    ])
    assert value_flags(raised, value, name) == (VALUE_LOWERED,)
    assert view.count.text() == "共 4 处不同，其中 2 处需关注"
    assert last_year["path"].name in view.title.text()
    # Coloured as the exported workbook is: the side holding the change, in Excel's highlight fills.
    removed = find_row(model, lambda c: c.change is ChangeKind.REMOVED)
    added_row = find_row(model, lambda c: c.change is ChangeKind.ADDED)
    changed = find_row(model, lambda c: c.change is ChangeKind.CHANGED)

    def fill(index, column):
        brush = index.sibling(index.row(), column).data(Qt.ItemDataRole.BackgroundRole)
        return brush.color().name().upper()[1:] if brush is not None else None

    assert fill(removed, OLD_COLUMN) == FILLS["removed"][-6:] and fill(removed, NEW_COLUMN) is None
    assert fill(added_row, NEW_COLUMN) == FILLS["added"][-6:] and fill(added_row, OLD_COLUMN) is None
    assert fill(changed, OLD_COLUMN) == fill(changed, NEW_COLUMN) == FILLS["changed"][-6:]
    marked = find_row(model, lambda c: bool(c.flags))
    assert marked.sibling(marked.row(), FLAG_COLUMN).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c00000"
    assert view.tree.isExpanded(model.index(0, 0))  # every group open: the changes are what the clerk came for


def test_the_model_keeps_qts_protocol(qtbot, examples_dir, last_year):
    model = CompareModel()
    with QtReports() as reports:
        tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
        table = last_year["table"]
        model.set_changes(compare(last_year["old"], table), last_year["old"], table)
        assert model.rowCount() == 4
        model.set_changes(compare(table, table), table, table)  # identical: an empty tree, still a valid model
        assert model.rowCount() == 0
        model.set_changes(compare(open_declaration(examples_dir / "panyu-2022-projects.xlsx").declaration, table),
                          last_year["old"], table)
        assert model.rowCount() > 10
        del tester
    assert reports.messages == []


def test_double_click_and_enter_jump_into_the_open_file(window, qtbot, examples_dir, last_year):
    view = compare_with(window, qtbot, examples_dir, last_year["path"])
    model, tree = view.model, view.tree
    position, target, *_ = last_year["valued"]
    value_row = find_row(model, lambda c: c.what == "field" and c.indicator is not None)
    tree.scrollTo(value_row)
    rectangle = tree.visualRect(value_row.sibling(value_row.row(), PLACE_COLUMN))
    assert tree.viewport().rect().contains(rectangle.center()), (rectangle, tree.viewport().rect())
    # A double-click is a click and then the double-click event; QTest's mouseDClick sends only the second
    # half, which Qt's views ignore without the press before it.
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rectangle.center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rectangle.center())
    location = paths.indicator(paths.project(position), target)
    qtbot.waitUntil(lambda: window.workspace.current()[1] == location, timeout=2000)
    annual = field(window, "annualValue")
    assert window.workspace.editors.currentWidget() is window.workspace.indicator_editor
    assert annual.hasFocus() and annual.text() == window.document.declaration.projects[position].indicators[target].annual_value

    funds_row = find_row(model, lambda c: c.field and c.field.endswith(FUNDS_LABELS["total"]))
    tree.setFocus()
    tree.setCurrentIndex(funds_row)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    funded = last_year["funded"]
    qtbot.waitUntil(lambda: window.workspace.current()[1] == paths.project(funded), timeout=2000)
    assert field(window, "funds_total").hasFocus()

    removed_row = find_row(model, lambda c: c.change is ChangeKind.REMOVED)
    tree.setFocus()
    tree.setCurrentIndex(removed_row)
    qtbot.keyClick(tree, Qt.Key.Key_Enter)  # the removed project: to the list it was in, under the department
    qtbot.waitUntil(lambda: window.workspace.current()[1] == paths.DEPARTMENT, timeout=2000)


def test_export_writes_the_changes_and_never_over_a_compared_file(window, qtbot, examples_dir, last_year, tmp_path,
                                                                  monkeypatch):
    view = compare_with(window, qtbot, examples_dir, last_year["path"])
    target = tmp_path / "比较结果.xlsx"
    window.years.ask_export_path = lambda suggested: str(target)
    qtbot.mouseClick(view.findChild(QPushButton, "compareExport"), Qt.MouseButton.LeftButton)
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert len(rows) == len(window.years.changes) == 4
    assert {row[0] for row in rows} == {KIND_WORDS[c.change] for c in window.years.changes}
    assert last_year["path"].name in sheet.cell(1, 1).value

    before = last_year["path"].read_bytes()
    errors = []
    monkeypatch.setattr(window.files, "tell_error", lambda title, problem, advice: errors.append(str(problem)))
    window.years.ask_export_path = lambda suggested: str(last_year["path"])
    assert not window.years.export_comparison()
    assert errors and "参与比较" in errors[0]
    assert last_year["path"].read_bytes() == before


def test_an_edit_marks_the_list_stale_and_compare_again_follows_it(window, qtbot, examples_dir, last_year):
    view = compare_with(window, qtbot, examples_dir, last_year["path"])
    position, target, raised, *_ = last_year["valued"]
    window.workspace.select_location(paths.indicator(paths.project(position), target))
    annual = field(window, "annualValue")
    annual.clear()
    type_text(annual, raised)  # the value back to last year's: one change fewer
    assert "申报已修改" in view.count.text()
    qtbot.mouseClick(view.findChild(QPushButton, "compareRefresh"), Qt.MouseButton.LeftButton)
    assert view.count.text() == "共 3 处不同，其中 1 处需关注"
    assert all(c.indicator is None for c in window.years.changes)


def test_an_unreadable_file_says_why_and_shows_no_comparison(window, qtbot, tmp_path, monkeypatch):
    broken = tmp_path / "坏文件.json"
    broken.write_text('{"format": "perf-target-declaration", "schema_version": 1, "projects": [', encoding="utf-8")
    errors = []
    monkeypatch.setattr(window.files, "tell_error", lambda title, problem, advice: errors.append(str(problem)))
    window.years.ask_compare_path = lambda: str(broken)
    assert not window.years.compare()
    assert errors and broken.name in errors[0]
    dock = window.findChild(QDockWidget, "compareDock")
    assert dock is None or not dock.isVisible()


def test_opening_another_file_closes_the_comparison(window, qtbot, examples_dir, last_year, demo_path):
    compare_with(window, qtbot, examples_dir, last_year["path"])
    dock = window.findChild(QDockWidget, "compareDock")
    open_in(window, qtbot, demo_path)
    assert not dock.isVisible() and window.years.changes == []
