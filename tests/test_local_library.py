"""The clerk's local library (issue 24 item 2): bureau libraries imported and 我的指标 kept in one JSON file under
AppData, searched by the catalogue's one index in the library browser and by the name completer, and never read by
`fix`. Every test has a store file of its own (conftest.local_library_of_its_own), never the clerk's."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QToolButton

from src.model import framework, paths
from src.model.library_catalogue import BUNDLED, LOCAL, MINE, MINE_SECTOR, catalogue, with_local
from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration
from src.storage.library import local_store
from src.storage.library.entries import LibraryRow
from src.storage.library.local_store import MINE_LIMIT, LocalStore, rows_of_declaration
from src.ui.editing import local_library
from tests.conftest import DATA, ROOT
from tests.helpers.gui import choose, field, open_in, type_text

BUREAU = DATA / "library" / "bureau-library.xlsx"
TRAINING = LibraryRow("受训学员满意度(%)", "满意度指标", "服务对象满意度指标", "共性", "%")


def row(number: int) -> LibraryRow:
    return LibraryRow(f"指标{number}", "产出指标", "数量指标", unit="次")


# ---- the store ------------------------------------------------------------------------------------------------
def test_the_store_keeps_libraries_and_mine_across_a_save_and_a_load(tmp_path):
    path = tmp_path / "AppData" / "local.json"
    store = LocalStore.load(path)  # none yet: empty, nothing written
    assert (store.libraries, store.mine, path.exists()) == ([], [], False)
    store.add_library("某市财政局指标库.xlsx", [TRAINING], date(2026, 12, 5))
    store.remember([row(1), row(2)])
    store.save()
    again = LocalStore.load(path)
    assert [(lib.file, lib.imported, lib.rows) for lib in again.libraries] == [
        ("某市财政局指标库.xlsx", "2026-12-05", [TRAINING])]
    assert again.mine == [row(1), row(2)]
    entries = again.catalogue_entries()
    assert [(e.name, e.origin, e.sector) for e in entries] == [
        ("受训学员满意度(%)", LOCAL, "共性"), ("指标2", MINE, MINE_SECTOR), ("指标1", MINE, MINE_SECTOR)]
    assert entries[0].sources[0].title == "本地指标库：某市财政局指标库.xlsx" and entries[0].unit == "%"
    again.add_library("某市财政局指标库.xlsx", [row(3)])  # a new edition of the same file takes the old one's place
    assert [lib.rows for lib in again.libraries] == [[row(3)]]


def test_mine_is_capped_oldest_first_and_each_indicator_is_kept_once(tmp_path):
    store = LocalStore(tmp_path / "local.json")
    assert store.remember(row(n) for n in range(MINE_LIMIT)) == MINE_LIMIT
    assert store.remember([row(0), row(0)]) == 0  # seen again: the newest now, once
    assert store.remember([row(MINE_LIMIT)]) == 1
    assert len(store.mine) == MINE_LIMIT
    assert store.mine[0] == row(2) and store.mine[-2:] == [row(0), row(MINE_LIMIT)]  # 1 dropped, 0 moved up
    store.save()
    assert len(LocalStore.load(store.path).mine) == MINE_LIMIT


def test_an_imported_library_is_removed_and_mine_cleared_in_the_store(tmp_path):
    """Managing the local library (the browser's 管理本地指标库…) changes the store with no Qt in it."""
    path = tmp_path / "local.json"
    store = LocalStore(path)
    store.add_library("甲.xlsx", [TRAINING])
    store.add_library("乙.xlsx", [row(3)])
    store.remember([row(1), row(2)])
    assert store.remove_library("甲.xlsx").rows == [TRAINING] and store.remove_library("甲.xlsx") is None
    assert store.clear_mine() == 2 and store.clear_mine() == 0
    store.save()
    again = LocalStore.load(path)
    assert ([lib.file for lib in again.libraries], again.mine) == (["乙.xlsx"], [])
    assert [e.name for e in again.catalogue_entries()] == ["指标3"]


def test_a_removal_the_store_cannot_keep_changes_nothing(tmp_path):
    """The file still holds what it held: the index keeps it too, so nothing is shown gone that comes back."""
    path = tmp_path / "unreadable.json"
    path.mkdir()
    library = local_library.use_store_at(path)
    try:
        library.store().add_library("甲.xlsx", [TRAINING])
        library.store().remember([row(1)])
        for change in (lambda: library.remove_libraries(["甲.xlsx"]), library.clear_mine):
            with pytest.raises(FileProblem, match="无法读取本地指标库"):
                change()
        assert [lib.file for lib in library.store().libraries] == ["甲.xlsx"] and library.store().mine == [row(1)]
        assert library.catalogue().search("受训学员", origin=LOCAL) and path.is_dir()
    finally:
        local_library.use_store_at(None)


def test_mine_takes_named_indicators_that_fit_with_the_unit_of_their_value():
    declaration = open_declaration(DATA / "tianhe-2023-projects.xlsx").declaration
    rows = rows_of_declaration(declaration)
    indicators = [i for p in declaration.projects for i in p.indicators]
    kept = {(i.name, i.level1, i.level2) for i in indicators if i.name and framework.fits(i.level1, i.level2)}
    assert {r.key for r in rows} == kept and len(rows) == len(kept) > 50  # each once
    assert any(r.unit == "%" for r in rows) and all(r.unit is None or r.unit.strip() for r in rows)


def test_a_damaged_store_is_moved_aside_and_the_library_starts_empty(tmp_path):
    path = tmp_path / "local.json"
    for damage in (b'{"format": "perf-target-editor local indicator library", "version": 1, "mine": [',
                   b'{"format": "perf-target-editor local indicator library", "version": 1, "libraries": [7]}',
                   "不是 JSON".encode("gb18030")):
        path.write_bytes(damage)
        store = LocalStore.load(path)
        assert store.mine == [] and store.libraries == [] and not path.exists()
        assert store.set_aside.read_bytes() == damage and store.set_aside.parent == tmp_path
        store.remember([row(1)])
        store.save()  # a new store where the damaged one was; the damaged one kept beside it
        assert LocalStore.load(path).mine == [row(1)]
        path.unlink()
        store.set_aside.unlink()


def test_a_damaged_store_does_not_stop_the_editor(window, qtbot, demo_path):
    store_path = local_library.shared().path
    store_path.parent.mkdir(parents=True, exist_ok=True)
    store_path.write_text('{"format": "perf-target-editor local indicator library", "mine": [{"name": 1', "utf-8")
    open_in(window, qtbot, demo_path)  # remembers its indicators: the store is read, found damaged, set aside
    qtbot.waitUntil(lambda: "本地指标库文件已损坏" in window.statusBar().currentMessage(), timeout=2000)
    aside = [p for p in store_path.parent.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_text("utf-8").startswith('{"format"')
    assert LocalStore.load(store_path).mine  # the demo's indicators, in a new store
    browser = window.edits.add_from_library()  # the index of the bundled library and the new store's
    type_text(browser.search, "满意度")
    assert browser.model.rowCount() > 0


def test_a_store_that_cannot_be_read_or_moved_aside_is_never_written_over_and_says_so(tmp_path, monkeypatch):
    """Nothing lost silently: an unreadable store (here a folder where the file should be), or a damaged one that
    cannot be moved aside, is left as it is, and every save says why in Chinese instead of returning."""
    unreadable = tmp_path / "unreadable.json"
    unreadable.mkdir()
    store = LocalStore.load(unreadable)
    assert store.problem is not None and "无法读取本地指标库" in store.problem.reason
    assert "重新启动编辑器" in store.problem.reason  # and what to do
    store.add_library("某市财政局指标库.xlsx", [TRAINING])
    with pytest.raises(FileProblem) as refused:
        store.save()
    assert refused.value.reason == store.problem.reason and unreadable.is_dir()

    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(b"{cut short")
    monkeypatch.setattr(local_store.os, "replace", lambda *_: (_ for _ in ()).throw(PermissionError(13, "denied")))
    store = LocalStore.load(damaged)
    assert store.set_aside is None and "已损坏，且无法改名另存" in store.problem.reason
    store.remember([row(1)])
    with pytest.raises(FileProblem, match="移走或改名"):
        store.save()
    assert damaged.read_bytes() == b"{cut short"


def test_an_import_into_a_store_that_cannot_be_kept_says_so(window, qtbot, monkeypatch):
    store_path = local_library.shared().path
    store_path.mkdir(parents=True)  # not a file the editor can read: the clerk's libraries may be in it
    said = []
    monkeypatch.setattr(window.library_import, "tell_error", lambda title, problem, advice: said.append(
        (title, str(problem), advice)))
    assert window.library_import.import_library(str(BUREAU))
    assert [title for title, *_ in said] == ["本地指标库未能保存"]  # not news of a library kept
    assert "无法读取本地指标库" in said[0][1] and "关闭编辑器后不会保留" in said[0][2]
    assert "未能保存到本机，关闭编辑器后不会保留" in window.statusBar().currentMessage()
    assert store_path.is_dir() and local_library.shared().catalogue().search("受训学员", origin=LOCAL)


def test_the_store_is_read_when_unreadable_tells_the_window(window, qtbot):
    local_library.shared().path.mkdir(parents=True)
    local_library.shared().catalogue()  # the browser or the completer reads it first
    qtbot.waitUntil(lambda: "无法读取本地指标库" in window.statusBar().currentMessage(), timeout=2000)


def test_mine_is_written_only_when_it_changed(window, qtbot, monkeypatch, demo_path, tmp_path):
    saved = []
    real_save = LocalStore.save
    monkeypatch.setattr(LocalStore, "save", lambda store: saved.append(1) or real_save(store))
    open_in(window, qtbot, demo_path)
    assert len(saved) == 1
    monkeypatch.setattr(window.files, "ask_save_path", lambda suggested: str(tmp_path / "天河.json"))
    assert window.files.save_as() and window.files.save()  # the same indicators: nothing to write
    window.document.undo_stack.setClean()
    open_in(window, qtbot, tmp_path / "天河.json")
    assert len(saved) == 1
    open_in(window, qtbot, DATA / "panyu-2022-projects.xlsx")  # new indicators
    assert len(saved) == 2


def test_an_import_recognises_the_file_once(window, monkeypatch):
    from src.storage.infra import formats

    seen = []
    real = formats.recognise
    monkeypatch.setattr(formats, "recognise", lambda path, *rest: seen.append(path) or real(path, *rest))
    monkeypatch.setattr(window.library_import, "tell_error", lambda *a: pytest.fail(f"unexpected error {a}"))
    assert window.library_import.import_library(str(BUREAU))
    assert seen == [BUREAU]


def test_the_import_refusals_speak_of_a_library_and_opening_still_of_a_declaration(window, tmp_path, monkeypatch):
    empty = tmp_path / "指标库.xlsx"
    empty.write_bytes(b"")
    said = []
    monkeypatch.setattr(window.library_import, "tell_error", lambda title, problem, advice: said.append(str(problem)))
    monkeypatch.setattr(window.files, "tell_error", lambda title, problem, advice: said.append(str(problem)))
    for path in (empty, tmp_path):
        assert not window.library_import.import_library(str(path))
    assert "里面没有指标库内容" in said[0] and "请选择文件夹里的指标库文件" in said[1]
    assert not any("申报" in text for text in said)
    for path in (empty, tmp_path):
        assert not window.files.open(str(path))
    assert "里面没有申报内容" in said[2] and "请选择文件夹里的申报文件" in said[3]


# ---- one index ----------------------------------------------------------------------------------------------
def test_the_index_holds_local_and_mine_beside_the_bundled_entries_each_once():
    store = LocalStore(Path("unused.json"))
    store.add_library("某市财政局指标库.xlsx", [TRAINING, LibraryRow("法律援助案件结案率", "产出指标", "质量指标")])
    bundled_name = next(e for e in catalogue().entries if e.origin == BUNDLED and "法律援助" in e.name)
    store.remember([LibraryRow("法律援助值班律师接待人次", "产出指标", "数量指标"),
                    LibraryRow(bundled_name.name, bundled_name.level1, bundled_name.level2)])
    index = with_local(store.catalogue_entries())
    assert len(index.entries) == len(catalogue().entries) + 3  # the 我的指标 one the library has is not shown twice
    names = lambda numbers: [index.entries[n].name for n in numbers]  # noqa: E731
    assert names(index.search("法律援助", origin=MINE)) == ["法律援助值班律师接待人次"]
    assert names(index.search("法律援助", origin=LOCAL)) == ["法律援助案件结案率"]
    justice = "公安/司法/应急"
    assert "法律援助值班律师接待人次" in names(index.search("法律援助", justice, own_sector=justice))
    assert "法律援助值班律师接待人次" not in names(index.search("法律援助", "教育", own_sector=justice))
    assert MINE_SECTOR not in index.sectors and index.origins == [BUNDLED, LOCAL, MINE]
    offered = index.names_like("法律援助", ("产出指标", "数量指标"))
    assert offered[0] == "法律援助值班律师接待人次" and "法律援助案件结案率" not in offered  # of its 二级 only
    assert len(offered) == len(set(offered))


# ---- never a bulk fix --------------------------------------------------------------------------------------
def test_fix_gives_the_same_result_with_a_populated_local_library(tmp_path, monkeypatch, child_env):
    """`fix` reads no local library: a bureau's library and 我的指标 that classify every indicator of the 番禺 table
    under another 二级 than the suggester chooses change nothing of what it does."""
    source = DATA / "panyu-2022-projects.xlsx"
    populated = tmp_path / "populated"
    monkeypatch.setenv("XDG_DATA_HOME", str(populated))
    store_path = local_library.default_store_path()  # where the window of a clerk with this profile keeps it
    assert populated in store_path.parents
    indicators = [i for p in open_declaration(source).declaration.projects for i in p.indicators if i.name]
    assert sum(i.level2 is None for i in indicators) > 50
    other = [LibraryRow(i.name, i.level1, framework.level2_choices(i.level1)[-1]) for i in indicators
             if framework.is_known_level1(i.level1)]
    store = LocalStore(store_path)
    store.add_library("某市财政局指标库.xlsx", other)
    store.remember(other)
    store.save()

    def fixed(home: Path) -> tuple[str, str]:
        target = tmp_path / "fixed" / home.name / "番禺.json"  # one name: the command's last line says it
        target.parent.mkdir(parents=True)
        env = {**child_env, "XDG_DATA_HOME": str(home)}
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "fix", str(source), str(target)],
                              capture_output=True, text=True, timeout=180, env=env)
        assert "Traceback" not in done.stderr, done.stderr
        return done.stdout, target.read_text("utf-8")

    empty = tmp_path / "empty"
    empty.mkdir()
    with_library, without = fixed(populated), fixed(empty)
    assert "将二级指标设为" in without[0]
    assert with_library == without
    assert LocalStore.load(store_path).mine == store.mine  # read by nobody, untouched


# ---- the window ----------------------------------------------------------------------------------------------
def test_a_bureau_library_imported_through_the_menu_is_found_in_the_browser_and_inserted(window, qtbot, demo_path,
                                                                                         monkeypatch):
    open_in(window, qtbot, demo_path)
    window.workspace.select_location(paths.project(1))
    before = [i.model_copy() for i in window.document.declaration.projects[1].indicators]
    importer = window.library_import
    monkeypatch.setattr(importer, "ask_library_path", lambda: str(BUREAU))
    monkeypatch.setattr(importer, "tell_error", lambda *a: pytest.fail(f"unexpected error {a}"))
    action = next(a for a in window.edit_menu.actions() if a.objectName() == "importLibraryAction")
    assert action.text() == "导入指标库(&M)…" and action.isEnabled()
    action.trigger()

    browser = window.findChild(QDialog, "libraryBrowser")
    assert browser.isVisible() and browser.origin.currentData() == LOCAL
    assert "导入 12 条指标" in browser.message.text() and "跳过 2 条（1 条一级、二级指标不在指标体系中，1 条重复）" \
        in browser.message.text()
    assert browser.model.rowCount() == 12 and {browser.model.entry(r).origin for r in range(12)} == {LOCAL}
    assert "导入 12 条指标" in window.statusBar().currentMessage()
    assert browser.findChild(QToolButton, "libraryImport").defaultAction() is action  # importing again from there
    saved = json.loads(local_library.shared().path.read_text("utf-8"))
    assert [lib["file"] for lib in saved["libraries"]] == [BUREAU.name] and len(saved["libraries"][0]["entries"]) == 12

    type_text(browser.search, "受训学员")
    assert [browser.model.entry(r).name for r in range(browser.model.rowCount())] == ["受训学员满意度(%)"]
    choose(qtbot, browser.origin, "全部来源")  # the bundled library has it too, from the publication it came from
    origins = [browser.model.entry(r).origin for r in range(browser.model.rowCount())]
    assert origins[:2] == [LOCAL, BUNDLED]  # the bureau's own first
    browser.search.setFocus()
    qtbot.keyClick(browser.search, Qt.Key.Key_Down)
    assert "本地指标库：bureau-library.xlsx" in browser.details.toPlainText()
    qtbot.keyClick(browser.view, Qt.Key.Key_Return)
    indicators = window.document.declaration.projects[1].indicators
    assert len(indicators) == len(before) + 1
    added = indicators[-1]
    assert (added.name, added.level1, added.level2, added.annual_value) == (
        "受训学员满意度(%)", "满意度指标", "服务对象满意度指标", None)
    window.findChild(type(action), "undoAction").trigger()
    assert window.document.declaration.projects[1].indicators == before


def test_the_browser_manages_the_local_library_removing_an_import_and_clearing_mine(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from src.ui.widgets.library_browser import open_library_browser

    store = local_library.shared().store()
    store.add_library("某市财政局指标库.xlsx", [TRAINING], date(2026, 12, 5))
    store.remember([row(1), row(2)])
    store.save()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(title)
                        or QMessageBox.StandardButton.Yes)
    browser = open_library_browser(window, None, None)
    choose(qtbot, browser.origin, "我的指标")
    assert browser.count.text() == "共 2 条"
    browser.findChild(QPushButton, "libraryManage").click()
    manager = browser.findChild(QDialog, "localLibraryManager")
    assert manager.isVisible()
    table = manager.table
    assert [table.item(0, c).text() for c in range(3)] == ["某市财政局指标库.xlsx", "2026-12-05", "1"]
    assert "2 条" in manager.mine_label.text() and not manager.remove_button.isEnabled()

    table.selectRow(0)
    manager.remove_button.click()
    assert table.rowCount() == 0 and asked == ["删除导入的指标库"]
    saved = json.loads(local_library.shared().path.read_text("utf-8"))
    assert saved["libraries"] == [] and len(saved["mine"]) == 2
    assert not local_library.shared().catalogue().search("受训学员", origin=LOCAL)

    manager.clear_button.click()
    assert asked[-1] == "清空我的指标" and "0 条" in manager.mine_label.text() and not manager.clear_button.isEnabled()
    assert json.loads(local_library.shared().path.read_text("utf-8"))["mine"] == []
    assert browser.origin.currentData() is None  # 我的指标 is no longer a choice: all sources
    assert browser.count.text() == f"共 {len(local_library.shared().catalogue().entries)} 条"
    assert browser.origin.findData(MINE) == -1


def test_a_file_that_is_no_library_is_refused_and_the_library_stays_as_it_was(window, qtbot, monkeypatch):
    said = []
    monkeypatch.setattr(window.library_import, "tell_error", lambda title, problem, advice: said.append(
        (title, str(problem), advice)))
    assert not window.library_import.import_library(str(DATA / "tianhe-2023-projects.xlsx"))
    assert said[0][0] == "无法导入指标库" and "没有找到指标库的表头" in said[0][1] and "本地指标库未改动" in said[0][2]
    assert not local_library.shared().path.exists()


def test_the_completer_offers_a_name_the_clerk_saved_before(window, qtbot, tmp_path, monkeypatch):
    """A name typed into an indicator and saved is 我的指标: another declaration's indicator is offered it after a
    few characters, and taking it from the list is an edit of the document."""
    open_in(window, qtbot, DATA / "tianhe-2023-projects.xlsx")
    first = paths.indicator(paths.project(0), 0)
    window.workspace.select_location(first)
    name = field(window, "indicatorName")
    name.selectAll()
    type_text(name, "普法短视频网络播放量")
    assert window.document.value(first).name == "普法短视频网络播放量"
    monkeypatch.setattr(window.files, "ask_save_path", lambda suggested: str(tmp_path / "天河.xlsx"))
    assert window.files.save_as()  # remembered on saving
    catalogue = local_library.shared().catalogue()
    assert {e.origin for e in catalogue.entries if e.name == "普法短视频网络播放量"} == {MINE}

    window.files.new()  # another declaration: its first project's first indicator is a blank 产出 › 数量 one
    target = paths.indicator(paths.project(0), 0)
    window.workspace.select_location(target)
    assert (window.document.value(target).level1, window.document.value(target).level2) == ("产出指标", "数量指标")
    name = field(window, "indicatorName")
    name.selectAll()
    type_text(name, "普法")
    completer = name.completer()
    offered = [completer.model().index(r, 0).data() for r in range(completer.model().rowCount())]
    assert offered[0] == "普法短视频网络播放量"  # the clerk's own first, then the libraries' 普法 names
    assert "开展普法宣传活动场次" in offered
    qtbot.waitUntil(completer.popup().isVisible, timeout=2000)
    completer.activated[str].emit("普法短视频网络播放量")  # what a click on it in the list sends
    assert name.text() == "普法短视频网络播放量"
    assert window.document.value(target).name == "普法短视频网络播放量"
    window.document.undo_stack.undo()  # the typing and the name taken: one step, as keystrokes in a field merge
    assert window.document.value(target).name is None


def test_nothing_of_the_local_library_is_read_at_start_up(tmp_path):
    code = ("import sys; from PySide6.QtCore import QSettings; from src.ui.controllers.app import application;"
            "application(); from src.ui.controllers.main_window import MainWindow;"
            "w = MainWindow(QSettings('/dev/null', QSettings.Format.IniFormat)); w.show();"
            "from src.ui.editing import local_library as l;"
            "print(l.shared()._store is None, l.shared()._catalogue is None,"
            " any(m.startswith('src.storage.library') for m in sys.modules), 'src.model.library_catalogue' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                              "XDG_DATA_HOME": str(tmp_path / "data")})
    assert out.stdout.split() == ["True", "True", "False", "False"], out.stderr[-2000:]
