"""Recovery files: the unsaved document written aside every minute, offered back after a crash.

One file per editing session in a recovery folder the UI chooses (under the user's
application data). Each holds the declaration in the JSON format plus where it came from.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .atomic import atomic_write
from .errors import FileProblem, error_text

if TYPE_CHECKING:
    from ...model.declaration import Declaration

# The JSON format (and with it the declaration model) is imported by load() and write(): the window makes its
# store, and lists the orphans of a crash, before any declaration exists.

FORMAT_NAME = "perf-target-recovery"


@dataclass
class Recovery:
    file: Path
    saved_at: datetime
    original_path: Path | None
    pid: int

    def label(self) -> str:
        name = self.original_path.name if self.original_path else "未命名文档"
        return f"{name}（自动保存于 {self.saved_at:%Y-%m-%d %H:%M:%S}）"

    def load(self) -> Declaration:
        from ..editor_files.json_file import declaration_from_json

        try:
            document = json.loads(self.file.read_text(encoding="utf-8"))
            return declaration_from_json(json.dumps(document["declaration"]).encode("utf-8"), self.file)
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise FileProblem(self.file, "恢复文件已损坏，无法从它恢复", error_text(error)) from error

    def discard(self) -> None:
        try:
            self.file.unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            raise FileProblem(self.file, f"无法删除恢复文件：{error.strerror}") from error


class RecoveryStore:
    """The folder of recovery files; this session writes its own file only."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.session_file = self.folder / f"session-{os.getpid()}-{os.urandom(4).hex()}.json"  # 8 random hex digits

    def write(self, declaration: Declaration, original_path: Path | None) -> None:
        from ..editor_files.json_file import declaration_to_json

        self.folder.mkdir(parents=True, exist_ok=True)
        body = json.loads(declaration_to_json(declaration))
        payload = {"format": FORMAT_NAME, "saved_at": datetime.now().isoformat(timespec="seconds"),
                   "original_path": str(original_path) if original_path else None, "pid": os.getpid(),
                   "declaration": body}
        atomic_write(self.session_file, json.dumps(payload, ensure_ascii=False).encode("utf-8"), keep_backup=False)

    def clear(self) -> None:
        Recovery(self.session_file, datetime.now(), None, os.getpid()).discard()

    def orphans(self) -> list[Recovery]:
        """Recovery files of sessions that are no longer running (crashed or killed)."""
        found = []
        if not self.folder.is_dir():
            return found
        for file in sorted(self.folder.glob("session-*.json")):
            if file == self.session_file:
                continue
            try:
                payload = json.loads(file.read_text(encoding="utf-8"))
                if payload.get("format") != FORMAT_NAME:
                    continue
                recovery = Recovery(file, datetime.fromisoformat(payload["saved_at"]),
                                    Path(payload["original_path"]) if payload.get("original_path") else None,
                                    int(payload.get("pid", 0)))
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a damaged recovery file is skipped, never fatal at start-up
            if not process_alive(recovery.pid):
                found.append(recovery)
        return sorted(found, key=lambda r: r.saved_at, reverse=True)


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows office PCs
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if handle:
            ctypes.windll.kernel32.CloseHandle(handle)
            return True
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
