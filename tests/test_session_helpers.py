"""The file, autosave and print helpers work on a session alone: no main window is built here."""

import shutil
import subprocess

import pytest
from PySide6.QtCore import QSettings

from src.model.skeleton import new_declaration
from src.storage.infra import lock
from src.storage.infra.recovery import RecoveryStore
from src.ui.controllers.app import application
from src.ui.controllers.file_controller import FileController
from src.ui.controllers.print_dialogs import PrintChoice, PrintController
from src.ui.editing.autosave import AutoSaver
from src.ui.editing.commands import SetFieldCommand
from src.ui.editing.document import Document
from src.ui.editing.session import Session


@pytest.fixture
def session(tmp_path):
    application()
    session = Session()
    messages = []
    session.status.connect(lambda text, _ms: messages.append(text))
    session.messages = messages
    session.replace(Document(new_declaration()))
    yield session
    if session.document is not None and session.document.path is not None:
        lock.release(session.document.path)


def _edit(document: Document) -> None:
    document.undo_stack.push(SetFieldCommand(document, "department.name", "广州市番禺区司法局", "修改部门名称"))


def test_file_controller_opens_saves_and_remembers(tmp_path, session, demo_path):
    files = FileController(session, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    recent_changes, saves = [], []
    files.recentChanged.connect(lambda: recent_changes.append(True))
    session.saved.connect(saves.append)
    work = tmp_path / "演示.json"
    shutil.copy2(demo_path, work)
    replaced = session.document
    assert files.open(str(work))
    assert session.document is not replaced and session.document.path == work.resolve()
    assert lock.read_lock(work) is not None and recent_changes
    _edit(session.document)
    assert session.document.is_modified and files.save()
    assert saves == [session.document] and not session.document.is_modified
    assert any("已保存到" in m for m in session.messages)
    files.new()  # a clean document: no question, the old file's lock released
    assert session.document.path is None and lock.read_lock(work) is None


def test_autosaver_writes_a_recovery_copy_and_clears_it_on_save(tmp_path, session):
    store = RecoveryStore(tmp_path / "recovery")
    saver = AutoSaver(session, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), store)
    saver.timer.stop()
    saver.save_now()
    assert not store.session_file.exists()  # nothing unsaved, nothing written
    _edit(session.document)
    saver.save_now()
    assert store.session_file.exists() and "已自动保存恢复副本" in session.messages
    session.saved.emit(session.document)
    assert not store.session_file.exists()


def test_print_controller_exports_what_the_selection_names(tmp_path, session, demo_path):
    from src.storage.infra.files import open_declaration

    session.replace(Document(open_declaration(demo_path).declaration))
    printing = PrintController(session, None, lambda: (2, []))
    target = tmp_path / "第三个项目.pdf"
    printing.ask_choice = lambda: PrintChoice("project", [printing.selection()[0]], False)
    printing.ask_pdf_path = lambda: str(target)
    assert printing.export()
    text = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, text=True, check=True).stdout
    third = session.document.declaration.projects[2].name
    assert third[:8] in text.replace("\n", "")
    assert session.document.declaration.projects[0].name[:12] not in text.replace("\n", "")
    assert any("已导出" in m for m in session.messages)
