"""A problem found by a check: what, how bad, where, in words a clerk understands."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is. The values are what `check --format json` prints and what the widgets'
    style sheets select on; rank orders them worst first; marked ones colour a field and mark the tree."""

    rank: int
    label: str
    marked: bool

    def __new__(cls, value: str, rank: int, label: str, marked: bool) -> "Severity":
        member = str.__new__(cls, value)
        member._value_ = value
        # Plain attributes, not properties: the problem index reads them for every problem of a file.
        member.rank, member.label, member.marked = rank, label, marked
        return member

    ERROR = "error", 0, "错误", True
    WARNING = "warning", 1, "警告", True
    HINT = "hint", 2, "提示", False


ERROR, WARNING, HINT = Severity.ERROR, Severity.WARNING, Severity.HINT


@dataclass(frozen=True)
class Problem:
    code: str
    severity: Severity
    location: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"severity": str(self.severity), "code": self.code, "location": self.location, "message": self.message}
