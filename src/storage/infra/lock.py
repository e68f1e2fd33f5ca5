"""Lock files beside a declaration on a shared drive, as office suites make them: who has it open, since when.

`.~lock.NAME#` holds the user, host, process and time. A lock whose process is gone
(same host) is stale and taken over silently; one from another host is shown and can be
taken over by the clerk's choice.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .recovery import process_alive


@dataclass
class LockInfo:
    user: str
    host: str
    pid: int
    since: datetime

    def describe(self) -> str:
        return f"{self.user}（计算机 {self.host}）自 {self.since:%Y-%m-%d %H:%M} 起"

    @property
    def is_stale(self) -> bool:
        return self.host == socket.gethostname() and not process_alive(self.pid)

    @property
    def is_ours(self) -> bool:
        return self.host == socket.gethostname() and self.pid == os.getpid()


class FileLocked(Exception):
    def __init__(self, path: Path, info: LockInfo):
        self.path, self.info = path, info
        super().__init__(f"{path.name} 已被 {info.describe()}打开")


def lock_path(path: Path) -> Path:
    return path.with_name(f".~lock.{path.name}#")


def read_lock(path: Path) -> LockInfo | None:
    try:
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        return LockInfo(str(data["user"]), str(data["host"]), int(data["pid"]), datetime.fromisoformat(data["since"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # Unreadable lock: treat it as someone else's, of unknown age.
        return LockInfo("未知用户", "未知计算机", 0, datetime.fromtimestamp(0))


def acquire(path: str | Path, take_over: bool = False) -> None:
    """Lock path for this process; raises FileLocked when another live session holds it."""
    target = Path(path)
    existing = read_lock(target)
    if existing is not None and not (existing.is_ours or existing.is_stale or take_over):
        raise FileLocked(target, existing)
    info = {"user": _user(), "host": socket.gethostname(), "pid": os.getpid(),
            "since": datetime.now().isoformat(timespec="seconds")}
    try:
        lock_path(target).write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass  # a read-only folder: the file can still be read, just not announced to others


def release(path: str | Path) -> None:
    target = Path(path)
    info = read_lock(target)
    if info is not None and info.is_ours:
        try:
            lock_path(target).unlink()
        except OSError:
            pass


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "未知用户"

