"""Paste and copy in the real window, through the real QClipboard and real key presses: a copied table into the
tree, copied rows into an indicator table, an indicator table's rows out and into another project; one Ctrl+Z
takes each paste back. The clipboard contents are LibreOffice's own (tests/data/clipboard)."""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from src.storage.clipboard.pasted_rows import CLIPBOARD
from src.storage.containers.html_table import grids_from_html
from tests.helpers.facts import amount, assert_indicator
from tests.helpers.gui import field, open_in, tree_projects

CTRL = Qt.KeyboardModifier.ControlModifier
DATA = Path(__file__).parent / "data"
COPIED = DATA / "clipboard"
FIELDS = ("level1", "level2", "name", "period_value", "annual_value")


def expected(name: str) -> dict:
    return json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))


def put_on_clipboard(name: str, flavours=("html", "text")) -> None:
    """What LibreOffice put on the clipboard for a copy, in the flavours asked for."""
    mime = QMimeData()
    if "html" in flavours:
        mime.setHtml((COPIED / f"{name}.html").read_bytes().decode("utf-8"))
    if "text" in flavours:
        mime.setText((COPIED / f"{name}.txt").read_text(encoding="utf-8"))
    QGuiApplication.clipboard().setMimeData(mime)


@pytest.fixture
def notes_shown(window, monkeypatch):
    """The 导入说明 the window shows (the file import's own box, answered here), as (name, notes)."""
    shown = []
    monkeypatch.setattr(window.files, "tell_import_notes", lambda name, notes: shown.append((name, list(notes))))
    return shown


def facts_of(indicators) -> list[dict]:
    return [i.model_dump(include=set(FIELDS)) for i in indicators]


def press(qtbot, widget, key) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key, CTRL)


def indicator_table(window, project: int):
    window.workspace.select_location(f"projects[{project}]")
    editor = window.workspace.project_editor
    return editor.indicators.table, editor.findChild(QLabel, "indicatorTableMessage")


# ---- a table into the tree ---------------------------------------------------------------------------

@pytest.mark.parametrize("flavours", [("html", "text"), ("text",)])
def test_ctrl_v_in_the_tree_adds_the_copied_tables_projects_and_one_undo_takes_them_back(window, qtbot, notes_shown,
                                                                                        flavours):
    qtbot.waitUntil(window.workspace.tree.isVisible, timeout=2000)
    document, tree = window.document, window.workspace.tree
    before = document.declaration.model_copy(deep=True)
    shown_before = tree_projects(window.workspace)
    put_on_clipboard("tianhe-projects", flavours)

    press(qtbot, tree, Qt.Key.Key_V)

    facts = expected("tianhe-2023-projects")
    projects = document.declaration.projects
    assert len(projects) == len(before.projects) + facts["project_count"]
    assert projects[0].model_dump() == before.projects[0].model_dump()  # the open ones stay, first
    for project, want in zip(projects[len(before.projects):], facts["projects"], strict=True):
        assert (project.name, project.unit) == (want["name"], want["unit"])
        assert (project.funds.total, project.funds.fiscal) == (amount(want["total"]), amount(want["fiscal"]))
        assert len(project.indicators) == want["indicator_count"]
        assert_indicator(project.indicators[0], want["first_indicator"])
        assert_indicator(project.indicators[-1], want["last_indicator"])
    # The department is the open one's: what the table said of it is named in the notes, not merged.
    assert document.declaration.department.model_dump() == before.department.model_dump()
    assert document.declaration.year == before.year
    [(name, notes)] = notes_shown
    assert name == CLIPBOARD
    assert any(note.startswith("粘贴只添加项目") and facts["department_name"] in note for note in notes)
    assert any(("HTML" if "html" in flavours else "制表符") in note for note in notes)
    assert tree_projects(window.workspace) == shown_before + [p["name"] for p in facts["projects"]]
    assert window.workspace.current()[1] == f"projects[{len(before.projects)}]"  # the first pasted one is shown

    press(qtbot, tree, Qt.Key.Key_Z)  # one undo step for the whole paste
    assert document.declaration.model_dump() == before.model_dump()
    assert tree_projects(window.workspace) == shown_before
    assert not document.undo_stack.canUndo()


def test_the_edit_menus_paste_table_does_the_same(window, qtbot, notes_shown):
    put_on_clipboard("tianhe-three-projects")
    count = len(window.document.declaration.projects)
    menu_action = next(a for a in window.edit_menu.actions() if a.objectName() == "pasteTableAction")
    assert menu_action.text() == "粘贴表格"
    menu_action.trigger()
    names = [p["name"] for p in expected("tianhe-2023-projects")["projects"][:3]]
    assert [p.name for p in window.document.declaration.projects[count:]] == names


def test_a_clipboard_with_no_project_table_changes_nothing_and_says_so(window, qtbot, notes_shown):
    qtbot.waitUntil(window.workspace.tree.isVisible, timeout=2000)
    before = window.document.declaration.model_dump()
    put_on_clipboard("haizhu-indicators")  # indicator rows, not a project table
    press(qtbot, window.workspace.tree, Qt.Key.Key_V)
    assert window.document.declaration.model_dump() == before
    assert not window.document.undo_stack.canUndo() and notes_shown == []
    message = window.statusBar().currentMessage()
    assert message.startswith("无法粘贴") and "项目支出绩效目标表" in message and "指标行" in message


def test_ctrl_v_in_a_text_field_pastes_text_not_a_table(window, qtbot, notes_shown):
    window.workspace.select_location("projects[0]")
    name = field(window, "projectName")
    put_on_clipboard("tianhe-three-projects", ("text",))
    name.selectAll()
    press(qtbot, name, Qt.Key.Key_V)
    assert len(window.document.declaration.projects) == 1 and notes_shown == []
    assert window.document.declaration.projects[0].name == name.text() and name.text().startswith("项目名称")


# ---- rows into an indicator table -----------------------------------------------------------------------

@pytest.mark.parametrize("copy, facts_of_source", [
    ("haizhu-indicators", lambda: expected("haizhu-department")["indicators"]),
    ("haizhu-indicators-3col", lambda: [{"level1": f["level1"], "level2": None, "name": f["name"], "period_value": None,
                                         "annual_value": f["annual_value"]} for f in expected("haizhu-department")["indicators"]]),
])
def test_ctrl_v_in_the_indicator_table_turns_copied_rows_into_indicators(window, qtbot, copy, facts_of_source):
    table, message = indicator_table(window, 0)
    before = facts_of(window.document.declaration.projects[0].indicators)
    put_on_clipboard(copy, ("text",))  # plain text: merged 一级 cells come as blanks

    press(qtbot, table, Qt.Key.Key_V)

    indicators = window.document.declaration.projects[0].indicators
    assert facts_of(indicators[:len(before)]) == before
    want = facts_of_source()
    assert len(indicators) == len(before) + len(want)
    for got, facts in zip(indicators[len(before):], want):
        assert_indicator(got, facts)
    assert table.model().rowCount() == len(indicators)
    assert table.model().index(len(before), 2).data() == want[0]["name"]
    assert sorted({i.row() for i in table.selectionModel().selectedRows()}) == list(range(len(before), len(indicators)))
    assert message.isVisible() and f"已粘贴 {len(want)} 个指标" in message.text() and "表头" in message.text()

    press(qtbot, table, Qt.Key.Key_Z)
    assert facts_of(window.document.declaration.projects[0].indicators) == before


@pytest.mark.parametrize("copy, table_name, project", [("tianhe-indicator-cell", "tianhe-2023-projects", 0),
                                                       ("panyu-indicator-cell", "panyu-2022-projects", 1)])
def test_numbered_indicator_text_in_one_cell_is_pasted_as_its_indicators(window, qtbot, copy, table_name, project):
    table, _ = indicator_table(window, 0)
    count = len(window.document.declaration.projects[0].indicators)
    put_on_clipboard(copy)
    press(qtbot, table, Qt.Key.Key_V)
    facts = expected(table_name)["projects"][project]
    pasted = window.document.declaration.projects[0].indicators[count:]
    assert len(pasted) == facts["indicator_count"]
    assert_indicator(pasted[0], facts["first_indicator"])
    assert_indicator(pasted[-1], facts["last_indicator"])


def test_rows_that_are_no_indicators_change_nothing_and_the_table_says_why(window, qtbot):
    table, message = indicator_table(window, 0)
    before = window.document.declaration.model_dump()
    QGuiApplication.clipboard().setText("甲\t乙\t丙\t丁\n")
    press(qtbot, table, Qt.Key.Key_V)
    assert window.document.declaration.model_dump() == before and not window.document.undo_stack.canUndo()
    assert message.isVisible() and message.text().startswith("无法粘贴") and "4 列" in message.text()
    assert message.property("severity") == "error"


# ---- Ctrl+C out of one project, Ctrl+V into another -------------------------------------------------------

@pytest.mark.parametrize("flavours", [("html", "text"), ("text",)])
def test_copied_indicator_rows_paste_into_another_project_as_the_same_indicators(window, qtbot, demo_path, flavours):
    open_in(window, qtbot, demo_path)
    source = window.document.declaration.projects[1]
    table, message = indicator_table(window, 1)
    table.selectAll()
    press(qtbot, table, Qt.Key.Key_C)

    mime = QGuiApplication.clipboard().mimeData()
    text, html = mime.text(), mime.html()
    copied_rows = [[getattr(i, f) or "" for f in FIELDS] for i in source.indicators]
    assert text.splitlines() == ["\t".join(row) for row in copied_rows]  # cells Excel/WPS paste one per cell
    [grid] = grids_from_html(html, CLIPBOARD)
    assert [[cell or "" for cell in row] for row in grid.rows] == copied_rows
    assert "已复制" in message.text()
    if flavours == ("text",):  # as from an application that copies plain text only
        QGuiApplication.clipboard().setText(text)

    target_before = facts_of(window.document.declaration.projects[3].indicators)
    table, _ = indicator_table(window, 3)
    press(qtbot, table, Qt.Key.Key_V)
    target = window.document.declaration.projects[3].indicators
    assert facts_of(target) == target_before + facts_of(source.indicators)

    press(qtbot, table, Qt.Key.Key_Z)
    assert facts_of(window.document.declaration.projects[3].indicators) == target_before


def test_paste_goes_after_the_selected_row(window, qtbot, demo_path):
    open_in(window, qtbot, demo_path)
    table, _ = indicator_table(window, 2)
    before = facts_of(window.document.declaration.projects[2].indicators)
    assert len(before) >= 2
    table.selectRow(0)
    put_on_clipboard("haizhu-indicators")
    press(qtbot, table, Qt.Key.Key_V)
    after = facts_of(window.document.declaration.projects[2].indicators)
    want = expected("haizhu-department")["indicators"]
    assert after[0] == before[0] and after[1 + len(want):] == before[1:]
    assert [i["name"] for i in after[1:1 + len(want)]] == [f["name"] for f in want]


def test_department_indicator_table_has_copy_and_paste_too(window, qtbot):
    window.workspace.select_location("department")
    table = window.workspace.department_editor.indicators.table
    before = len(window.document.declaration.department.indicators)
    put_on_clipboard("haizhu-indicators")
    press(qtbot, table, Qt.Key.Key_V)
    indicators = window.document.declaration.department.indicators
    want = expected("haizhu-department")["indicators"]
    assert len(indicators) == before + len(want)
    assert_indicator(indicators[-1], want[-1])
    message = window.workspace.department_editor.findChild(QLabel, "departmentIndicatorTableMessage")
    assert message.isVisible() and f"已粘贴 {len(want)} 个指标" in message.text()
