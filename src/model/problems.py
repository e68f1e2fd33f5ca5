"""A problem found by a check: what, how bad, where, in words a clerk understands."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
HINT = "hint"

SEVERITY_LABELS = {ERROR: "错误", WARNING: "警告", HINT: "提示"}
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, HINT: 2}


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str
    location: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"severity": self.severity, "code": self.code, "location": self.location, "message": self.message}


def project_location(index: int) -> str:
    return f"projects[{index}]"


def indicator_location(owner: str, index: int) -> str:
    return f"{owner}.indicators[{index}]"


def owner_of(location: str) -> str:
    """'projects[3].indicators[2].annual_value' → 'projects[3]'; department paths → 'department'."""
    return location.split(".", 1)[0]
