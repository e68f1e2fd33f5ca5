"""文件 → 新建下一年度申报 and 文件 → 合并单位申报… in the real window, on the 天河 table and copies of it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from src.model import paths
from src.model.declaration import (
    INDICATOR_EXTRA_LABELS,
    PROJECT_EXTRA_LABELS,
    REVIEW_LABELS,
    Declaration,
    Department,
    Review,
)
from src.model.merge import source_labels
from src.model.next_year import next_year
from src.storage.infra.files import open_declaration, save_declaration
from src.ui.controllers import file_controller
from src.ui.controllers.merge_units import MergeSummaryDialog
from tests.helpers.gui import field, open_in

TIANHE = "tianhe-2023-projects.xlsx"
SPLIT = (0, 7, 15, 22)  # the table's 22 projects as three units' files, as tests/test_merge.py splits it


@pytest.fixture
def tianhe(examples_dir) -> Declaration:
    return open_declaration(examples_dir / TIANHE).declaration


@pytest.fixture
def this_year(tmp_path, tianhe):
    """The table as the editor's 2023 file: its title says 2023 but it has no year cell, so the year is set here,
    and the first project's 实施周期 ends this year (to be marked for the clerk next year)."""
    declaration = tianhe.model_copy(deep=True)
    declaration.year = 2023
    declaration.projects[0].period = "2021-2023"
    path = tmp_path / "天河区司法局2023.json"
    save_declaration(declaration, path)
    return path


def test_next_year_opens_2024_unsaved_with_last_years_values_beside_this_years(window, qtbot, this_year, tmp_path,
                                                                                monkeypatch, request):
    # Should an assertion stop the test before the save, the unsaved new year is no prompt at teardown.
    request.addfinalizer(lambda: setattr(window.document, "restored", False))
    open_in(window, qtbot, this_year)
    before = open_declaration(this_year).declaration
    told = []
    monkeypatch.setattr(window.files, "tell_import_notes", lambda name, notes: told.append((name, notes)))
    window.actions["nextYear"].trigger()
    qtbot.waitUntil(window.workspace.tree.isVisible, timeout=2000)  # the new document's workspace, once shown
    document = window.document
    declaration = document.declaration
    assert declaration.year == before.year + 1 == 2024
    assert document.path is None and document.is_modified
    assert window.windowTitle().startswith("未命名") and window.isWindowModified()
    assert document.suggested_name == "天河区司法局2024.json"
    assert told and told[0][0] == this_year.name and told[0][1] == next_year(before)[1]
    for old, new in zip(before.projects, declaration.projects, strict=True):
        assert [i.previous_annual_value for i in new.indicators] == [i.annual_value for i in old.indicators]

    # The indicator table: 上年指标值 as a column of its own, read-only, equal to last year's 年度指标值.
    window.workspace.select_location(paths.project(1))
    table = window.workspace.project_editor.indicators.model
    headers = [table.headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())]
    previous = headers.index(INDICATOR_EXTRA_LABELS["previous_annual_value"])
    assert headers[previous - 1] == "年度指标值"
    assert [table.index(r, previous).data() for r in range(table.rowCount())] == \
        [i.annual_value for i in before.projects[1].indicators]
    assert not table.flags(table.index(0, previous)) & Qt.ItemFlag.ItemIsEditable
    assert not table.setData(table.index(0, previous), "≥1")
    view = window.workspace.project_editor.indicators.table
    view.selectRow(0)  # a copied row keeps the official table's five columns, so it pastes anywhere
    assert sorted({i.column() for i in view.selectionModel().selectedIndexes()}) == list(range(previous))
    assert declaration.projects[1].indicators[0].previous_annual_value == before.projects[1].indicators[0].annual_value

    # The indicator form: a read-only field beside the value.
    window.workspace.select_location(paths.indicator(paths.project(1), 3))
    shown = field(window, "previousAnnualValue")
    assert isinstance(shown, QLineEdit) and shown.isVisible() and shown.isReadOnly()
    assert shown.text() == before.projects[1].indicators[3].annual_value

    # The project form: the review marks next_year set, under the name, and they can be cleared (undoably).
    window.workspace.select_location(paths.project(0))
    review = window.workspace.findChild(QLabel, "projectReview")
    marks = declaration.projects[0].review
    assert set(marks) == {Review.FUNDS, Review.PERIOD_ENDED}
    assert review.isVisible() and all(REVIEW_LABELS[mark] in review.text() for mark in marks)
    qtbot.mouseClick(window.workspace.findChild(QPushButton, "projectReviewDone"), Qt.MouseButton.LeftButton)
    assert declaration.projects[0].review == [] and not review.isVisible()
    window.document.undo_stack.undo()
    assert declaration.projects[0].review == marks and review.isVisible()

    # Saved where the clerk says, it keeps last year's values (schema 2) and the file's own is untouched.
    target = tmp_path / "天河区司法局2024.json"
    monkeypatch.setattr(window.files, "ask_save_path", lambda suggested: str(target))
    assert window.files.save()
    saved = open_declaration(target).declaration
    assert saved.year == 2024 and saved.projects[1].indicators[3].previous_annual_value == \
        before.projects[1].indicators[3].annual_value
    assert open_declaration(this_year).declaration == before


def test_next_year_of_a_file_without_previous_values_shows_no_extra_column(window, qtbot, this_year):
    open_in(window, qtbot, this_year)
    window.workspace.select_location(paths.project(1))
    table = window.workspace.project_editor.indicators.model
    assert INDICATOR_EXTRA_LABELS["previous_annual_value"] not in \
        [table.headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())]
    window.workspace.select_location(paths.indicator(paths.project(1), 0))
    assert not field(window, "previousAnnualValue").isVisible()


def test_next_year_keeps_unsaved_work_when_the_clerk_cancels(window, qtbot, this_year, monkeypatch):
    open_in(window, qtbot, this_year)
    window.workspace.select_location(paths.project(0))
    field(window, "projectName").setFocus()
    qtbot.keyClicks(field(window, "projectName"), "X")
    edited = window.document
    monkeypatch.setattr(window.files, "ask_unsaved", lambda name: file_controller.CANCEL)
    window.actions["nextYear"].trigger()
    assert window.document is edited and edited.declaration.year == 2023


# ---- 合并单位申报 --------------------------------------------------------------------------------------
def split_files(tmp_path, whole: Declaration, suffixes=(".json", ".json", ".xlsx")):
    """Three units' files; the first holds the department form, the others only projects (the third no name)."""
    files = []
    for number, (start, end) in enumerate(zip(SPLIT, SPLIT[1:])):
        department = whole.department.model_copy(deep=True) if number == 0 else Department(
            name=whole.department.name if number == 1 else None)
        part = Declaration(year=whole.year, department=department,
                           projects=[p.model_copy(deep=True) for p in whole.projects[start:end]])
        files.append(tmp_path / f"单位{number + 1}{suffixes[number]}")
        save_declaration(part, files[-1])
    return files


def facts(declaration: Declaration) -> dict:
    """What the clerk declared, without the bookkeeping a merge adds (where each project came from)."""
    dumped = declaration.model_dump(mode="json")
    for project in dumped["projects"]:
        project.pop("source_file")
    return dumped


def test_merge_into_the_open_file_is_one_undo_step_with_a_summary(window, qtbot, tmp_path, tianhe, monkeypatch):
    first, *others = split_files(tmp_path, tianhe)
    open_in(window, qtbot, first)
    opened = open_declaration(first).declaration
    summaries = []
    monkeypatch.setattr(window.years, "ask_merge_paths", lambda: [str(p) for p in others])
    monkeypatch.setattr(window.years, "tell_merge_summary", summaries.append)
    steps = window.document.undo_stack.count()
    window.actions["mergeUnits"].trigger()
    document = window.document
    assert facts(document.declaration) == facts(tianhe)
    labels = source_labels(others)
    sizes = [end - start for start, end in zip(SPLIT[1:], SPLIT[2:])]
    assert [p.source_file for p in document.declaration.projects] == \
        [None] * SPLIT[1] + [label for label, size in zip(labels, sizes) for _ in range(size)]
    assert document.undo_stack.count() == steps + 1
    (summary,) = summaries
    assert summary.added == SPLIT[-1] - SPLIT[1]
    assert summary.rows == [(label, size, 0) for label, size in zip(labels, sizes)]

    # The first merged project is shown, with the file it came from under its name.
    assert window.workspace.current()[1] == paths.project(SPLIT[1])
    source = window.workspace.findChild(QLabel, "projectSource")
    assert source.isVisible() and source.text() == f"{PROJECT_EXTRA_LABELS['source_file']}：{labels[0]}"

    document.undo_stack.undo()
    assert document.declaration == opened
    assert window.workspace.tree_model.rowCount(window.workspace.tree_model.department_index()) == SPLIT[1]
    document.undo_stack.redo()
    assert facts(document.declaration) == facts(tianhe)


def test_merge_flags_the_same_project_from_two_files(window, qtbot, tmp_path, tianhe, monkeypatch):
    first, second, third = split_files(tmp_path, tianhe)
    twin = open_declaration(second).declaration.projects[0].model_copy(deep=True)
    twin.goal = f"{twin.goal}（单位补充）"  # the same project in another unit's file, written differently
    unit = open_declaration(third).declaration
    changed = unit.model_copy(update={"projects": [*unit.projects, twin]})
    save_declaration(changed, third)
    open_in(window, qtbot, first)
    summaries = []
    monkeypatch.setattr(window.years, "ask_merge_paths", lambda: [str(second), str(third)])
    monkeypatch.setattr(window.years, "tell_merge_summary", summaries.append)
    window.actions["mergeUnits"].trigger()
    (summary,) = summaries
    # Both copies kept, each counted as a double in its own file's row.
    assert summary.rows == [(second.name, SPLIT[2] - SPLIT[1], 1), (third.name, len(changed.projects), 1)]
    assert any(twin.name in note and "两份都已保留" in note for note in summary.notes)
    dialog = MergeSummaryDialog(summary, window)  # what the clerk reads
    qtbot.addWidget(dialog)
    table = dialog.table
    assert [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())] == \
        [[label, str(taken), str(doubles) if doubles else ""] for label, taken, doubles in summary.rows]
    assert twin.name in dialog.notes.toPlainText()


def test_merge_refuses_another_year_and_changes_nothing(window, qtbot, tmp_path, tianhe, monkeypatch):
    first, second, _ = split_files(tmp_path, tianhe)
    other = open_declaration(second).declaration
    other.year = 2022
    save_declaration(other, second)
    base = open_declaration(first).declaration
    base.year = 2023
    save_declaration(base, first)
    open_in(window, qtbot, first)
    errors = []
    monkeypatch.setattr(window.files, "tell_error", lambda title, problem, advice: errors.append(str(problem)))
    monkeypatch.setattr(window.years, "ask_merge_paths", lambda: [str(second)])
    monkeypatch.setattr(window.years, "tell_merge_summary", lambda summary: pytest.fail("merged anyway"))
    window.actions["mergeUnits"].trigger()
    assert errors and "预算年度不一致" in errors[0] and second.name in errors[0]
    assert window.document.declaration == base and window.document.undo_stack.count() == 0


def test_merge_into_a_new_document_takes_the_units_year_and_no_blank_project(window, qtbot, tmp_path, tianhe,
                                                                             monkeypatch):
    whole = tianhe.model_copy(update={"year": 2023})
    files = split_files(tmp_path, whole)
    blank = window.document.declaration.model_copy(deep=True)
    monkeypatch.setattr(window.years, "ask_merge_paths", lambda: [str(p) for p in files])
    monkeypatch.setattr(window.years, "tell_merge_summary", lambda summary: None)
    window.actions["mergeUnits"].trigger()
    assert facts(window.document.declaration) == facts(whole)
    window.document.undo_stack.undo()
    assert window.document.declaration == blank
