"""The department form's traps (issue 25 item 4), as a clerk met them: the wheel stopped scrolling the page
over an embedded table (and turned a dropdown's value), a header read 殳入的资金（万元, and the department's
own tasks and indicators were nowhere in the tree."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QTableView, QWidget

from src.model import framework, paths
from src.model.declaration import Indicator, Task
from src.ui.editing import commands, structure_edits
from src.ui.editing.document import Document
from src.ui.models.tree_model import GROUP_ROLE, KIND_ROLE, LOCATION_ROLE
from tests.builders import clean_declaration, indicator
from tests.helpers.gui import field
from tests.test_tree_model_protocol import QtReports

INDICATORS = paths.indicators(paths.DEPARTMENT)


def busy_declaration():
    """A department with enough tasks and indicators that their tables scroll, a long page around them."""
    declaration = clean_declaration()
    department = declaration.department
    department.functions = "负责全区司法行政工作。" * 40
    department.tasks = [Task(name=f"重点任务{n}", content=f"实施内容{n}", funds="10.00", expected=f"目标{n}")
                        for n in range(1, 31)]
    department.indicators = [indicator("产出指标", "数量指标", f"部门产出{n}", "≥1", "≥1") for n in range(1, 16)]
    department.indicators += [indicator("效益指标", "社会效益指标", f"部门效益{n}", "提高", "提高") for n in range(1, 11)]
    department.indicators.append(indicator("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "≥90%"))
    declaration.projects[0].indicators[0].previous_annual_value = "≥80件"  # the optional 上年指标值 column
    return declaration


@pytest.fixture
def busy(window, qtbot):
    window.set_document(Document(busy_declaration()))
    window.resize(1280, 800)
    qtbot.waitUntil(window.workspace.tree.isVisible, timeout=2000)
    window.workspace.select_location(paths.DEPARTMENT)
    return window


def wheel(window, widget: QWidget, steps: int = -1) -> None:
    """A real (spontaneous) wheel turn over the middle of widget, as the window system delivers it: only such
    an event is handed on to the parents when the widget ignores it."""
    target = widget.viewport() if isinstance(widget, QTableView) else widget
    point = target.mapTo(window, target.rect().center())
    QTest.wheelEvent(window.windowHandle(), QPointF(point), QPoint(0, 120 * steps))
    QApplication.processEvents()


def page_bar(window):
    return window.workspace.department_editor.verticalScrollBar()


# ---- 1. the wheel -------------------------------------------------------------------------------
@pytest.mark.parametrize("table_of", [lambda editor: editor.task_view, lambda editor: editor.indicators.table],
                         ids=["tasks", "indicators"])
def test_the_wheel_over_an_unclicked_table_scrolls_the_page_and_after_a_click_the_table(busy, qtbot, table_of):
    editor = busy.workspace.department_editor
    table = table_of(editor)
    busy.workspace.tree.setFocus()
    editor.ensureWidgetVisible(table, 0, 0)
    page = page_bar(busy)
    page.setValue(page.value() - 60)  # the table in view, and the page still able to scroll down
    QApplication.processEvents()
    assert 0 < page.value() < page.maximum() and table.verticalScrollBar().maximum() > 0
    before = page.value()
    wheel(busy, table)
    assert page.value() > before, "the page did not scroll: the table took the wheel"
    assert table.verticalScrollBar().value() == 0

    rectangle = table.viewport().rect()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rectangle.center().x(), 10))
    assert table.hasFocus()
    clicked = page.value()
    wheel(busy, table)
    assert table.verticalScrollBar().value() > 0, "a clicked table scrolls its rows"
    assert page.value() == clicked


def test_the_wheel_over_a_long_text_box_scrolls_the_page_until_it_is_clicked(busy, qtbot):
    box = field(busy, "departmentFunctions")
    busy.workspace.tree.setFocus()
    page = page_bar(busy)
    page.setValue(0)
    assert box.verticalScrollBar().maximum() > 0
    wheel(busy, box)
    assert page.value() > 0 and box.verticalScrollBar().value() == 0
    page.setValue(0)
    QApplication.processEvents()
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    wheel(busy, box)
    assert box.verticalScrollBar().value() > 0 and page.value() == 0


def test_the_wheel_over_an_unclicked_dropdown_leaves_its_value(busy, qtbot):
    """The indicator form's 一级 dropdown: the wheel turned 产出指标 into 效益指标 as the pointer passed."""
    location = paths.indicator(paths.project(0), 0)
    busy.workspace.select_location(location)
    busy.workspace.tree.setFocus()
    combo = busy.workspace.findChild(QComboBox, "indicatorLevel1")
    assert combo.isVisible() and combo.currentText() == "产出指标"
    steps = busy.document.undo_stack.count()
    wheel(busy, combo)
    wheel(busy, combo)
    assert combo.currentText() == "产出指标" and not combo.hasFocus()
    assert busy.document.value(paths.field(location, "level1")) == "产出指标"
    assert busy.document.undo_stack.count() == steps


# ---- 2. the headers -----------------------------------------------------------------------------
def assert_headers_whole(table: QTableView) -> None:
    header = table.horizontalHeader()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    model = table.model()
    assert header.count() == model.columnCount()
    for column in range(header.count()):
        text = model.headerData(column, Qt.Orientation.Horizontal)
        wanted = header.fontMetrics().horizontalAdvance(text) + 2 * margin
        assert wanted <= header.sectionSize(column), (table.objectName(), text, wanted, header.sectionSize(column))


def test_every_header_of_the_embedded_tables_shows_whole(busy, qtbot):
    editor = busy.workspace.department_editor
    for table in (editor.task_view, editor.indicators.table):
        assert_headers_whole(table)
    busy.workspace.select_location(paths.project(0))  # a project's table, with its optional 上年指标值 column
    project_table = busy.workspace.project_editor.indicators.table
    assert project_table.model().columnCount() == 6
    assert_headers_whole(project_table)
    busy.workspace.select_location(paths.DEPARTMENT)
    header = editor.task_view.horizontalHeader()
    header.resizeSection(2, 30)  # the clerk drags 拟投入的资金（万元） narrow: it stops at its text
    assert_headers_whole(editor.task_view)


# ---- 3. the tree --------------------------------------------------------------------------------
def top_row(model, list_location):
    """The tree's top-level row that stands for one of the department's lists, beside the department."""
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    found = [row for row in rows if row.data(LOCATION_ROLE) == list_location]
    assert found, f"no row for {list_location} in the tree, only {[row.data() for row in rows]}"
    return found[0]


def heading(workspace, list_location):
    return top_row(workspace.proxy, list_location)


def children(model, parent):
    return [model.index(row, 0, parent) for row in range(model.rowCount(parent))]


def test_the_departments_tasks_and_indicators_are_in_the_tree_and_open_their_forms(busy, qtbot):
    workspace, declaration = busy.workspace, busy.document.declaration
    proxy = workspace.proxy
    tasks, indicators = heading(workspace, paths.TASKS), heading(workspace, INDICATORS)
    assert tasks.data() == "部门整体 · 年度重点工作任务（30）"
    assert indicators.data() == "部门整体 · 绩效指标（26）"
    assert [row.data() for row in children(proxy, tasks)] == [task.name for task in declaration.department.tasks]
    groups = children(proxy, indicators)
    assert [group.data() for group in groups] == ["产出指标（15）", "效益指标（10）", "满意度指标（1）"]
    assert [row.data() for row in children(proxy, groups[1])][:2] == ["部门效益1：提高", "部门效益2：提高"]
    assert proxy.rowCount(proxy.index(0, 0)) == len(declaration.projects)  # the department's rows: its projects

    workspace.tree.setCurrentIndex(children(proxy, tasks)[4])  # a task: its own form
    assert workspace.current() == ("task", paths.task(4))
    assert workspace.editors.currentWidget() is workspace.task_editor
    assert field(busy, "taskName").text() == "重点任务5" and field(busy, "taskExpected").toPlainText() == "目标5"
    assert field(busy, "taskFunds").text() == "10.00"

    workspace.tree.setCurrentIndex(children(proxy, groups[1])[2])  # an indicator: the indicator form
    assert workspace.current() == ("indicator", paths.indicator(paths.DEPARTMENT, 17))
    assert workspace.editors.currentWidget() is workspace.indicator_editor
    assert field(busy, "indicatorName").text() == "部门效益3"

    editor = workspace.department_editor
    for node, table in ((tasks, editor.task_view), (groups[0], editor.indicators.table)):
        workspace.tree.setCurrentIndex(node)  # a heading or a group: the department form, at that table
        assert workspace.editors.currentWidget() is editor
        top, shown_from = table.mapTo(editor.widget(), QPoint(0, 0)).y(), editor.verticalScrollBar().value()
        assert shown_from > 0 and shown_from <= top < shown_from + editor.viewport().height() - 100  # its top in view

    workspace.select_location(paths.field(paths.task(7), "funds"), focus_field=True)  # a problem's place
    assert workspace.current() == ("task", paths.task(7))
    assert QApplication.focusWidget() is field(busy, "taskFunds")


def test_typing_in_a_task_goes_to_the_file_the_tree_and_undo(busy, qtbot):
    workspace = busy.workspace
    workspace.select_location(paths.task(0))
    name = field(busy, "taskName")
    name.selectAll()
    qtbot.keyClicks(name, "Legal aid")
    assert busy.document.declaration.department.tasks[0].name == "Legal aid"
    assert workspace.tree.currentIndex().data() == "Legal aid"
    busy.document.undo_stack.undo()
    assert busy.document.declaration.department.tasks[0].name == "重点任务1"
    assert workspace.tree.currentIndex().data() == "重点任务1" and name.text() == "重点任务1"


def test_adding_in_the_department_form_adds_a_tree_row_and_undo_removes_it(busy, qtbot):
    workspace, document = busy.workspace, busy.document
    proxy = workspace.proxy
    editor = workspace.department_editor
    output = children(proxy, heading(workspace, INDICATORS))[0]
    assert output.data() == "产出指标（15）"
    table = editor.indicators.table
    table.setCurrentIndex(table.model().index(2, 2))  # after 部门产出3, of its 一级
    qtbot.mouseClick(busy.workspace.findChild(QWidget, "departmentIndicatorTableAdd"), Qt.MouseButton.LeftButton)
    assert len(document.declaration.department.indicators) == 27
    output = children(proxy, heading(workspace, INDICATORS))[0]
    assert output.data() == "产出指标（16）" and heading(workspace, INDICATORS).data().endswith("（27）")
    added = children(proxy, output)[3]
    assert added.data(LOCATION_ROLE) == paths.indicator(paths.DEPARTMENT, 3) and added.data(KIND_ROLE) == "indicator"

    qtbot.mouseClick(busy.workspace.findChild(QWidget, "taskTableAdd"), Qt.MouseButton.LeftButton)
    tasks = heading(workspace, paths.TASKS)
    assert tasks.data().endswith("（31）") and children(proxy, tasks)[-1].data() == "新任务"

    document.undo_stack.undo()
    assert heading(workspace, paths.TASKS).data().endswith("（30）")
    document.undo_stack.undo()
    output = children(proxy, heading(workspace, INDICATORS))[0]
    assert output.data() == "产出指标（15）" and heading(workspace, INDICATORS).data().endswith("（26）")
    assert [row.data() for row in children(proxy, output)][2:4] == ["部门产出3：≥1", "部门产出4：≥1"]

    document.undo_stack.push(commands.InsertCommand(document, INDICATORS, 0, Indicator(name="新的", level1="成本指标"),
                                                    "添加指标"))  # a 一级 the list had not: its group appears
    groups = children(proxy, heading(workspace, INDICATORS))
    assert [group.data(GROUP_ROLE) for group in groups] == ["产出指标", "效益指标", "满意度指标", "成本指标"]
    assert [row.data(LOCATION_ROLE) for row in children(proxy, groups[3])] == [paths.indicator(paths.DEPARTMENT, 0)]
    document.undo_stack.undo()
    assert "成本指标" not in [group.data(GROUP_ROLE) for group in children(proxy, heading(workspace, INDICATORS))]


def test_deleting_the_shown_department_indicator_moves_to_the_next_and_undo_restores_it(busy, qtbot):
    workspace, document = busy.workspace, busy.document
    last = paths.indicator(paths.DEPARTMENT, 25)  # 群众满意度, alone in its group
    workspace.select_location(last)
    assert workspace.current() == ("indicator", last)
    structure_edits.delete(document, last)  # the window's 删除 on the tree
    assert workspace.current() == ("indicator", paths.indicator(paths.DEPARTMENT, 24))
    assert workspace.editors.currentWidget() is workspace.indicator_editor
    assert [g.data(GROUP_ROLE) for g in children(workspace.proxy, heading(workspace, INDICATORS))] == ["产出指标", "效益指标"]
    document.undo_stack.undo()
    assert [g.data(GROUP_ROLE) for g in children(workspace.proxy, heading(workspace, INDICATORS))] == \
        ["产出指标", "效益指标", "满意度指标"]
    for _ in range(30):  # every task, the shown one each time: at the end the heading is shown
        workspace.select_location(paths.task(0))
        document.undo_stack.push(commands.RemoveCommand(document, paths.TASKS, 0, "删除重点工作任务"))
    assert workspace.current() == ("list", paths.TASKS)
    assert workspace.editors.currentWidget() is workspace.department_editor


def test_the_toolbars_add_indicator_works_on_the_departments_indicators_and_is_off_on_its_tasks(busy, qtbot):
    workspace, document, actions = busy.workspace, busy.document, busy.actions
    count = len(document.declaration.department.indicators)
    workspace.select_location(paths.indicator(paths.DEPARTMENT, 2))
    assert actions["addIndicator"].isEnabled() and not actions["duplicateProject"].isEnabled()
    actions["addIndicator"].trigger()  # after the selected one, of the same 一级 and 二级
    added = document.declaration.department.indicators[3]
    assert len(document.declaration.department.indicators) == count + 1 and added.level1 == "产出指标"
    assert workspace.current() == ("indicator", paths.indicator(paths.DEPARTMENT, 3))
    document.undo_stack.undo()
    assert len(document.declaration.department.indicators) == count
    workspace.select_location(paths.task(0))
    assert not actions["addIndicator"].isEnabled() and not actions["duplicateProject"].isEnabled()
    workspace.select_location(paths.project(0))
    assert actions["addIndicator"].isEnabled() and actions["duplicateProject"].isEnabled()


# ---- the tree's protocol over the department's lists ------------------------------------------
def expected_department_rows(declaration):
    order = list(framework.level1_names())
    groups: dict[str | None, list[str]] = {}
    for row, item in enumerate(declaration.department.indicators):
        groups.setdefault(item.level1 or None, []).append(paths.indicator(paths.DEPARTMENT, row))
    keys = sorted(groups, key=lambda key: (order.index(key) if key in order else len(order), key is None, key or ""))
    tasks = [paths.task(row) for row in range(len(declaration.department.tasks))]
    return tasks, [(key, groups[key]) for key in keys]


def shown_department_rows(model):
    tasks = [index.data(LOCATION_ROLE) for index in children(model, top_row(model, paths.TASKS))]
    groups = [(group.data(GROUP_ROLE), [index.data(LOCATION_ROLE) for index in children(model, group)])
              for group in children(model, top_row(model, INDICATORS))]
    return tasks, groups


def test_random_edits_of_the_departments_lists_keep_the_model_protocol_and_the_tree(busy, qtbot):
    document, workspace = busy.document, busy.workspace
    model = workspace.tree_model
    rng = random.Random(25)
    level1s = [*framework.level1_names(), None]
    history = []
    with QtReports() as reports:
        tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning, workspace)
        assert tester and not reports.messages
        for step in range(250):
            department = document.declaration.department
            list_location, items = rng.choice([(paths.TASKS, department.tasks), (INDICATORS, department.indicators)])
            roll = rng.random()
            stack = document.undo_stack
            if roll < 0.2 and stack.canUndo():
                history.append("undo")
                stack.undo()
            elif roll < 0.3 and stack.canRedo():
                history.append("redo")
                stack.redo()
            elif roll < 0.5 or not items:
                item = Task(name=f"任务{step}") if list_location == paths.TASKS else \
                    Indicator(name=f"指标{step}", level1=rng.choice(level1s))
                index = rng.randrange(len(items) + 1)
                history.append(f"insert {list_location}[{index}]")
                stack.push(commands.InsertCommand(document, list_location, index, item, "插入"))
            elif roll < 0.65:
                index = rng.randrange(len(items))
                history.append(f"remove {list_location}[{index}]")
                stack.push(commands.RemoveCommand(document, list_location, index, "删除"))
            elif roll < 0.8 and len(items) > 1:
                source = rng.randrange(len(items))
                target = rng.choice([t for t in range(len(items)) if t != source])
                history.append(f"move {list_location} {source}→{target}")
                stack.push(commands.MoveCommand(document, list_location, source, target, "移动"))
            elif department.indicators:
                where = paths.indicator(paths.DEPARTMENT, rng.randrange(len(department.indicators)))
                level1 = rng.choice(level1s)
                history.append(f"level1 {where} {level1}")
                commands.set_indicator_level1(document, where, level1)
            if rng.random() < 0.3:
                places = [paths.TASKS, INDICATORS, *(paths.task(i) for i in range(len(department.tasks))),
                          *(paths.indicator(paths.DEPARTMENT, i) for i in range(len(department.indicators)))]
                workspace.select_location(rng.choice(places))
            try:
                assert not reports.messages, "\n".join(reports.messages[:5])
                assert shown_department_rows(model) == expected_department_rows(document.declaration)
                kind, location = workspace.current()
                paths.resolve(document.declaration, location)
                if kind in ("task", "indicator"):
                    page = workspace.task_editor if kind == "task" else workspace.indicator_editor
                    assert workspace.editors.currentWidget() is page and page.location == location
            except AssertionError as failure:
                raise AssertionError(f"step {step}; last steps: {history[-8:]}") from failure


def test_a_department_indicators_problem_marks_its_row_and_its_heading_and_undo_clears_them(busy, qtbot):
    from src.ui.models.tree_model import MARK_ROLE

    workspace, document = busy.workspace, busy.document
    workspace.tree.expandAll()
    QApplication.processEvents()  # the rows painted: their marks shown, to be repainted when they change
    where = paths.indicator(paths.DEPARTMENT, 3)
    row = workspace.tree_model.index_of_location(where)
    indicators, tasks = top_row(workspace.tree_model, INDICATORS), top_row(workspace.tree_model, paths.TASKS)
    assert (row.data(MARK_ROLE), indicators.data(MARK_ROLE), tasks.data(MARK_ROLE)) == (None, None, None)
    repainted = []
    workspace.tree_model.dataChanged.connect(lambda first, last, roles: repainted.append(first.data(LOCATION_ROLE)))
    commands.set_field(document, paths.field(where, "annual_value"), None, "年度指标值")  # required: an error
    assert (row.data(MARK_ROLE), indicators.data(MARK_ROLE), tasks.data(MARK_ROLE)) == ("error", "error", None)
    assert {where, INDICATORS} <= set(repainted) and paths.TASKS not in repainted
    document.undo_stack.undo()
    assert (row.data(MARK_ROLE), indicators.data(MARK_ROLE)) == (None, None)
