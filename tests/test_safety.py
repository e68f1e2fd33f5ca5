"""Nothing lost: crash recovery, failed saves, locks between processes, hostile files."""

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from src.storage.editor_files.json_file import declaration_from_json
from src.storage.infra import lock
from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration, save_declaration
from src.storage.infra.recovery import RecoveryStore
from src.ui.controllers import file_controller
from src.ui.controllers.app import application
from src.ui.controllers.main_window import MainWindow
from src.ui.editing.autosave import recovery_folder

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh_window(tmp_path, monkeypatch):
    application()
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    monkeypatch.setattr(window.files, "tell_import_notes", lambda *a: None)
    window.files.new()  # as 新建申报 on the start page: a window starts with no document
    window.show()
    yield window
    if window.document is not None:
        window.document.mark_saved()
    window.close()
    window.deleteLater()


def test_killed_editor_is_restored_up_to_its_last_autosave(tmp_path, demo_path, fresh_window, monkeypatch, child_env):
    shutil.rmtree(recovery_folder(), ignore_errors=True)
    work = tmp_path / "申报 副本.json"
    shutil.copy(demo_path, work)
    ini = tmp_path / "child.ini"
    ini.write_text("[General]\nautosaveSeconds=1\n", encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(ROOT / "tests" / "helpers" / "edit_then_wait.py"), str(work), str(ini)],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=child_env)
    try:
        assert child.stdout.readline().strip() == "AUTOSAVED"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert open_declaration(work).declaration == open_declaration(demo_path).declaration  # the file itself untouched
    offered = []
    monkeypatch.setattr(fresh_window.files, "ask_restore", lambda found: offered.extend(found) or file_controller.RESTORE)
    assert fresh_window.offer_recovery()
    assert len(offered) == 1 and offered[0].original_path == work.resolve()
    project = fresh_window.document.declaration.projects[0]
    assert project.name == "Renamed before autosave"  # the edit after the autosave is, honestly, lost
    assert project.funds.total == Decimal("99.5")
    assert fresh_window.document.path == work.resolve() and fresh_window.isWindowModified()
    assert RecoveryStore(recovery_folder()).orphans() == []


def test_clean_exit_leaves_no_recovery_file(tmp_path, fresh_window):
    fresh_window.autosaver.store.folder = tmp_path / "recovery"
    fresh_window.autosaver.store.session_file = tmp_path / "recovery" / "session-1.json"
    fresh_window.workspace.select_location("projects[0]")
    fresh_window.document.undo_stack.push(__import__("src.ui.editing.commands", fromlist=["x"]).SetFieldCommand(
        fresh_window.document, "projects[0].unit", "某单位", "修改"))
    fresh_window.autosaver.save_now()
    assert fresh_window.autosaver.store.session_file.exists()
    fresh_window.document.mark_saved()
    fresh_window.close()
    assert not fresh_window.autosaver.store.session_file.exists()


def test_save_into_unwritable_folder_fails_cleanly(tmp_path, fresh_window, monkeypatch, demo_path):
    import tempfile

    work = tmp_path / "a.json"
    shutil.copy(demo_path, work)
    assert fresh_window.files.open(str(work))
    fresh_window.document.undo_stack.push(__import__("src.ui.editing.commands", fromlist=["x"]).SetFieldCommand(
        fresh_window.document, "projects[0].unit", "新单位", "修改"))

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # what a read-only folder does (root ignores chmod)
    errors = []
    monkeypatch.setattr(fresh_window.files, "tell_error", lambda title, problem, advice: errors.append(str(problem)))
    assert not fresh_window.files.save()
    assert "没有写入权限" in errors[0]
    assert fresh_window.isWindowModified()
    assert work.read_bytes() == demo_path.read_bytes()


def test_interrupted_replace_keeps_old_file(tmp_path, fresh_window, monkeypatch, demo_path):
    work = tmp_path / "b.xlsx"
    save_declaration(open_declaration(demo_path).declaration, work)
    before = work.read_bytes()
    assert fresh_window.files.open(str(work))
    fresh_window.document.undo_stack.push(__import__("src.ui.editing.commands", fromlist=["x"]).SetFieldCommand(
        fresh_window.document, "projects[0].unit", "新单位", "修改"))
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    errors = []
    monkeypatch.setattr(fresh_window.files, "tell_error", lambda title, problem, advice: errors.append(str(problem)))
    assert not fresh_window.files.save()
    assert "磁盘空间不足" in errors[0] and fresh_window.isWindowModified()
    assert work.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


HOLD_LOCK = """
import time
from src.storage.infra import lock
lock.acquire({path!r})
print("LOCKED", flush=True)
time.sleep(120)
"""


def test_lock_between_two_processes(tmp_path, demo_path):
    work = tmp_path / "共享.json"
    shutil.copy(demo_path, work)
    # `python -c` puts its working directory first on sys.path: run in the repository root, it imports `src`.
    other = subprocess.Popen([sys.executable, "-c", HOLD_LOCK.format(path=str(work))], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "LOCKED"
        with pytest.raises(lock.FileLocked) as caught:
            lock.acquire(work)
        assert caught.value.info.pid == other.pid and "自" in caught.value.info.describe()
    finally:
        other.kill()
        other.wait(timeout=30)
    lock.acquire(work)  # the holder is gone: its lock is stale and taken over
    assert lock.read_lock(work).is_ours
    lock.release(work)
    assert not lock.lock_path(work).exists()


def test_window_offers_read_only_when_locked(tmp_path, demo_path, fresh_window, monkeypatch):
    work = tmp_path / "c.json"
    shutil.copy(demo_path, work)
    lock.lock_path(work).write_text(json.dumps({"user": "张三", "host": "其他电脑", "pid": 1, "since": "2026-11-20T09:00:00"}),
                                    encoding="utf-8")
    asked = []
    monkeypatch.setattr(fresh_window.files, "ask_locked", lambda locked: asked.append(locked.info.user) or file_controller.READ_ONLY)
    assert fresh_window.files.open(str(work))
    assert asked == ["张三"] and fresh_window.document.read_only
    assert "只读" in fresh_window.windowTitle()
    assert lock.read_lock(work).user == "张三"  # someone else's lock is left alone


# ---- hostile files -------------------------------------------------------------------------------
def _only_file_problems(path: Path) -> None:
    try:
        open_declaration(path)
    except FileProblem as problem:
        assert str(problem)


@pytest.mark.parametrize("source", ["json", "xlsx"])
def test_truncations_at_every_64th_only_raise_file_problem(tmp_path, demo_path, source):
    original = tmp_path / f"full.{source}"
    save_declaration(open_declaration(demo_path).declaration, original)
    data = original.read_bytes()
    for step in range(64):
        cut = tmp_path / f"cut.{source}"
        cut.write_bytes(data[: len(data) * step // 64])
        with pytest.raises(FileProblem):
            open_declaration(cut)


@pytest.fixture(scope="module")
def demo_bytes(tmp_path_factory, demo_path):
    folder = tmp_path_factory.mktemp("fuzz")
    declaration = open_declaration(demo_path).declaration
    out = {}
    for suffix in ("json", "xlsx"):
        path = folder / f"demo.{suffix}"
        save_declaration(declaration, path)
        out[suffix] = path.read_bytes()
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.data())
def test_mutated_files_only_raise_file_problem(tmp_path, demo_bytes, data):
    suffix = data.draw(st.sampled_from(["json", "xlsx"]))
    content = bytearray(demo_bytes[suffix])
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(content) - 1))
        content[position] = data.draw(st.integers(0, 255))
    path = tmp_path / f"mutated.{suffix}"
    path.write_bytes(bytes(content))
    _only_file_problems(path)


def test_newer_schema_never_half_read():
    with pytest.raises(FileProblem) as caught:
        declaration_from_json(b'{"format": "perf-target-declaration", "schema_version": 7, "projects": []}')
    assert "更新版本" in str(caught.value)


def _xlsx_with_sheet_xml(path: Path, sheet_xml: bytes) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                         b'<Default Extension="xml" ContentType="application/xml"/>'
                         b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                         b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        archive.writestr("_rels/.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                         b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)


def test_entity_bomb_in_a_sheet_is_refused(tmp_path):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + b"".join(b'<!ENTITY lol%d "%s">' % (i + 1, (b"&lol%d;" % i if i else b"&lol;") * 10) for i in range(9))
            + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
    path = tmp_path / "bomb.xlsx"
    _xlsx_with_sheet_xml(path, bomb)
    with pytest.raises(FileProblem):
        open_declaration(path)


def test_million_row_sheet_is_refused_with_a_message(tmp_path):
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i) for i in range(1, 1_000_001))
    path = tmp_path / "huge.xlsx"
    _xlsx_with_sheet_xml(path, b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                         b"<sheetData>" + rows + b"</sheetData></worksheet>")
    with pytest.raises(FileProblem) as caught:
        open_declaration(path)
    assert "上限" in str(caught.value)


def test_zip_bomb_is_refused(tmp_path):
    """60 MB of zeros packed into some 60 kB: under the 1 GB ceiling, so only the ratio rule (over 50 MB
    unpacked at more than 200:1) refuses it, before a parser inflates it."""
    path = tmp_path / "zipbomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            chunk = bytes(1024 * 1024)
            for _ in range(60):
                sheet.write(chunk)
    packed = sum(member.compress_size for member in zipfile.ZipFile(path).infolist())
    assert packed < 200 * 1024  # more than 300:1
    with pytest.raises(FileProblem) as caught:
        open_declaration(path)
    assert "压缩炸弹" in str(caught.value)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.data())
def test_mutated_xml_inside_a_valid_zip_only_raises_file_problem(tmp_path, demo_bytes, data):
    """Past the zip's checksums: damaged XML reaches calamine and openpyxl themselves."""
    source = zipfile.ZipFile(io.BytesIO(demo_bytes["xlsx"]))
    names = [n for n in source.namelist() if n.endswith(".xml")]
    victim = data.draw(st.sampled_from(names))
    content = bytearray(source.read(victim))
    for _ in range(data.draw(st.integers(1, 6))):
        position = data.draw(st.integers(0, len(content) - 1))
        content[position] = data.draw(st.sampled_from(list(b"<>/\"'=&x0 ")))
    path = tmp_path / "xml-mutated.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(name, bytes(content) if name == victim else source.read(name))
    _only_file_problems(path)
