"""The one error type storage raises; the UI and the CLI turn it into a message."""

from __future__ import annotations

from pathlib import Path


class FileProblem(Exception):
    """A file could not be read or written. str() is a complete Chinese sentence naming the file."""

    def __init__(self, path: str | Path, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}：{reason}")
