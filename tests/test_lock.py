"""Lock files on a shared drive: a colleague's lock is respected, and taken over only when the clerk says so;
afterwards the lock names this session and nothing of the colleague's is left in it."""

import getpass
import json
import os
import shutil
import socket

import pytest

from src.storage.infra import lock
from src.ui.controllers import file_controller

COLLEAGUE = {"user": "张三", "host": "财务科-PC07", "pid": 4242, "since": "2026-11-20T09:00:00"}


def colleague_holds(path):
    lock.lock_path(path).write_text(json.dumps(COLLEAGUE, ensure_ascii=False), encoding="utf-8")


def assert_names_this_session(path):
    raw = lock.lock_path(path).read_text(encoding="utf-8")
    info = lock.read_lock(path)
    assert (info.user, info.host, info.pid) == (getpass.getuser(), socket.gethostname(), os.getpid())
    assert info.is_ours and not info.is_stale
    assert COLLEAGUE["user"] not in raw and COLLEAGUE["host"] not in raw and COLLEAGUE["since"] not in raw


@pytest.fixture
def shared_file(tmp_path, demo_path):
    work = tmp_path / "共享盘" / "申报 2023.json"
    work.parent.mkdir()
    shutil.copy(demo_path, work)
    yield work
    lock.release(work)


def test_a_colleagues_lock_is_refused_then_taken_over(shared_file):
    colleague_holds(shared_file)
    with pytest.raises(lock.FileLocked) as caught:
        lock.acquire(shared_file)
    assert caught.value.info.user == "张三" and "财务科-PC07" in caught.value.info.describe()
    assert lock.read_lock(shared_file).user == "张三"  # refusing leaves their lock as it was
    lock.acquire(shared_file, take_over=True)
    assert_names_this_session(shared_file)
    lock.acquire(shared_file)  # ours now: opening again is no conflict
    lock.release(shared_file)
    assert not lock.lock_path(shared_file).exists()


def test_an_unreadable_lock_counts_as_someone_elses_and_can_be_taken_over(shared_file):
    lock.lock_path(shared_file).write_bytes(b"\xff\xfe not json")
    with pytest.raises(lock.FileLocked) as caught:
        lock.acquire(shared_file)
    assert caught.value.info.user == "未知用户"
    lock.acquire(shared_file, take_over=True)
    assert lock.read_lock(shared_file).is_ours


def test_the_window_takes_over_when_the_clerk_says_so(window, shared_file, monkeypatch):
    colleague_holds(shared_file)
    asked = []
    monkeypatch.setattr(window.files, "ask_locked",
                        lambda locked: asked.append(locked.info.describe()) or file_controller.TAKE_OVER)
    assert window.files.open(str(shared_file))
    assert len(asked) == 1 and "张三" in asked[0] and "财务科-PC07" in asked[0]
    document = window.document
    assert document.path == shared_file.resolve() and not document.read_only
    assert "只读" not in window.windowTitle()
    assert_names_this_session(shared_file)
    window.files.new()  # the file is let go: the lock, ours now, goes with it
    assert not lock.lock_path(shared_file).exists()


def test_cancel_leaves_the_colleagues_lock_and_the_open_document(window, shared_file, monkeypatch):
    colleague_holds(shared_file)
    before = window.document
    monkeypatch.setattr(window.files, "ask_locked", lambda locked: file_controller.CANCEL)
    assert not window.files.open(str(shared_file))
    assert window.document is before
    assert json.loads(lock.lock_path(shared_file).read_text(encoding="utf-8")) == COLLEAGUE
