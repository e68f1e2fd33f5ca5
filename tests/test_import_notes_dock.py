"""查看 → 导入说明: every note of the open file stays at hand in a dock, each jumping to its place — also after
edits have moved that place; the first box after opening stays short."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QMessageBox

from src.model import paths
from src.ui.controllers import file_controller
from tests.helpers.gui import open_in
from tests.test_import_notes import project_rows

DATA = Path(__file__).parent / "data"


def _table_with_a_bad_amount(examples_dir, tmp_path):
    """天河's table with the fifth project's 总计 printed as OCR leaves it: a note at that field."""
    source = examples_dir / "tianhe-2023-projects.xlsx"
    sheet_name, total, row, _ = project_rows(source)
    book = openpyxl.load_workbook(source)
    book[sheet_name].cell(row, total).value = "1, 99. 4"
    path = tmp_path / "天河2023.xlsx"
    book.save(path)
    return path


def _row_of(panel, words: str) -> int:
    model = panel.model
    return next(row for row in range(model.rowCount()) if words in model.index(row, 0).data())


def _noted_project(window, row: int):
    """The project the note of that row concerns, as the import placed it: the one whose 总计 was left empty."""
    declaration = window.document.declaration
    project = paths.resolve(declaration, paths.node_of(window.notes_panel.model.location(row)))
    assert project.funds.total is None
    return project


def test_the_notes_of_an_import_stay_in_a_dock_and_jump_to_their_place(window, qtbot, examples_dir, tmp_path):
    open_in(window, qtbot, _table_with_a_bad_amount(examples_dir, tmp_path))
    dock, panel = window.notes_dock, window.notes_panel
    assert dock.isVisible() and "导入说明" in [a.text() for a in window.view_menu.actions()]
    held = window.document.import_notes
    assert panel.model.rowCount() == len(held) > 3
    row = _row_of(panel, "1, 99. 4")
    place = panel.model.index(row, 1).data()
    source = panel.model.index(row, 2).data()
    assert place.endswith("项目资金 › 总计") and "项目“" in place, place
    assert source.startswith("工作表“") and "行" in source, source
    project = _noted_project(window, row)
    panel.view.doubleClicked.emit(panel.model.index(row, 0))
    kind, location = window.workspace.current()
    assert kind == "project" and paths.resolve(window.document.declaration, location) is project


def test_a_jump_finds_its_project_after_a_project_above_was_deleted(window, qtbot, examples_dir, tmp_path):
    open_in(window, qtbot, _table_with_a_bad_amount(examples_dir, tmp_path))
    panel = window.notes_panel
    row = _row_of(panel, "1, 99. 4")
    project = _noted_project(window, row)
    index = window.document.declaration.projects.index(project)
    assert index > 0
    window.workspace.select_location(paths.project(0))
    window.edits.delete_selected()
    panel.view.doubleClicked.emit(panel.model.index(row, 0))
    _, location = window.workspace.current()
    assert paths.resolve(window.document.declaration, location) is project
    assert location == paths.project(index - 1)
    window.document.undo_stack.undo()
    window.workspace.select_location(paths.project(index))
    window.edits.delete_selected()  # the note's own project gone: it says so and jumps nowhere
    assert panel.model.index(row, 1).data() == "（已删除）"
    shown = window.workspace.current()
    panel.view.doubleClicked.emit(panel.model.index(row, 0))
    assert window.workspace.current() == shown


def test_the_first_box_is_short_and_points_at_the_dock(window, qtbot, examples_dir, monkeypatch):
    shown = []

    def exec_(box):
        shown.append(box.informativeText())
        return 0

    monkeypatch.setattr(window.files, "tell_import_notes",
                        file_controller.FileController.tell_import_notes.__get__(window.files))
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    open_in(window, qtbot, examples_dir / "panyu-2022-projects.xlsx")
    [text] = shown
    assert text.count("• ") == file_controller.SHORT_NOTES < len(window.document.import_notes)
    assert "查看 → 导入说明" in text


def test_a_file_without_notes_says_the_dock_is_empty_and_it_stays_closed(window, qtbot, demo_path):
    open_in(window, qtbot, demo_path)
    assert not window.notes_dock.isVisible()
    window.notes_dock.toggleViewAction().trigger()
    assert window.notes_dock.isVisible() and window.notes_panel.model.rowCount() == 0
    assert "没有导入说明" in window.notes_panel.summary.text()


def test_pasted_rows_add_their_notes(window, qtbot):
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication

    data = QMimeData()
    data.setHtml((DATA / "html" / "tianhe-2023-projects.html").read_text(encoding="utf-8"))
    QApplication.clipboard().setMimeData(data)
    window.edits.paste_table()
    held = window.document.import_notes
    assert held and all(note.origin == "从剪贴板粘贴" for note in held)
    assert window.notes_dock.isVisible() and window.notes_panel.model.rowCount() == len(held)
    located = [note for note in held if note.anchor is not None]
    assert located, "the pasted table's notes say where"
    for note in located:  # each names a place of the projects the paste added, after the blank one
        assert paths.project_index(note.location(window.document.declaration)) in (None, *range(1, 100))
