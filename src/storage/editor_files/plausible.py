"""The editor's own files refused when a value cannot be real: an amount beyond limits.MAX_AMOUNT_DIGITS integer
digits, a year outside limits.YEAR_MIN–YEAR_MAX, more projects or indicators than the limits.

The model keeps what a clerk typed (its own year check is 1000–9999, for the editor's fields); a file of the
editor's own format with such a value was not written by the editor, or was edited by hand, and saving it would
fail (Decimal's 28 digits) or print nonsense. The file is refused naming the field, nothing is half-read.
"""

from __future__ import annotations

from pathlib import Path

from ...model import paths
from ...model.declaration import (
    BUDGET_LABELS,
    DECLARATION_LABELS,
    FUNDS_LABELS,
    TASK_LABELS,
    Declaration,
)
from ..infra.errors import FileProblem
from ..infra.limits import MAX_INDICATORS, MAX_PROJECTS, absurd_amount, absurd_year


def refuse_implausible(declaration: Declaration, source: str | Path, place_word: str = "内容有误", fix: str = "") -> None:
    """FileProblem naming the first field whose value cannot be real. place_word starts the reason (工作簿内容有误
    for the workbook), fix says where to correct it."""
    why = absurd_year(declaration.year)
    if why:
        _refuse(source, place_word, f"{paths.YEAR}（{DECLARATION_LABELS['year']}）", why, fix)
    if len(declaration.projects) > MAX_PROJECTS:
        raise FileProblem(source, f"文件有 {len(declaration.projects):,} 个项目，超过 {MAX_PROJECTS:,} 个的上限，未打开。"
                                  "请按单位拆成几个文件分别打开")
    indicators = len(declaration.department.indicators) + sum(len(p.indicators) for p in declaration.projects)
    if indicators > MAX_INDICATORS:
        raise FileProblem(source, f"文件有 {indicators:,} 个绩效指标，超过 {MAX_INDICATORS:,} 个的上限，未打开。"
                                  "请按单位拆成几个文件分别打开")
    budget = declaration.department.budget
    for key, label in BUDGET_LABELS.items():
        _amount(source, place_word, paths.field(paths.BUDGET, key), label, getattr(budget, key), fix)
    for index, task in enumerate(declaration.department.tasks):
        _amount(source, place_word, paths.field(paths.task(index), "funds"), TASK_LABELS["funds"], task.funds, fix)
    for index, project in enumerate(declaration.projects):
        where = paths.project(index)
        for key, label in FUNDS_LABELS.items():
            _amount(source, place_word, paths.field(where, f"funds.{key}"), f"项目“{project.name or ''}”的{label}",
                    getattr(project.funds, key), fix)


def _amount(source, place_word: str, location: str, label: str, value, fix: str) -> None:
    why = absurd_amount(value)
    if why:
        _refuse(source, place_word, f"{location}（{label}）", why, fix)


def _refuse(source, place_word: str, where: str, why: str, fix: str) -> None:
    raise FileProblem(source, f"{place_word}，位置 {where}：{why}，未打开。{fix or '请改正这个值后再打开'}")
