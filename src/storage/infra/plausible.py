"""A declaration refused when it holds more than the editor takes: more projects or indicators than the limits,
whether it came from the editor's own files or was imported from a published table. (An amount past model/amounts.MAX_INTEGER_DIGITS or a year outside YEAR_MIN–YEAR_MAX the model's own
field types refuse, for a file as for an edit: the reader names the field from pydantic's error.)
"""

from __future__ import annotations

from pathlib import Path

from ...model.declaration import Declaration
from .errors import FileProblem
from .limits import MAX_INDICATORS, MAX_PROJECTS


def refuse_implausible(declaration: Declaration, source: str | Path) -> None:
    """FileProblem when the declaration holds more projects or indicators than the editor takes."""
    if len(declaration.projects) > MAX_PROJECTS:
        raise FileProblem(source, f"文件有 {len(declaration.projects):,} 个项目，超过 {MAX_PROJECTS:,} 个的上限，未打开。"
                                  "请按单位拆成几个文件分别打开")
    indicators = len(declaration.department.indicators) + sum(len(p.indicators) for p in declaration.projects)
    if indicators > MAX_INDICATORS:
        raise FileProblem(source, f"文件有 {indicators:,} 个绩效指标，超过 {MAX_INDICATORS:,} 个的上限，未打开。"
                                  "请按单位拆成几个文件分别打开")
