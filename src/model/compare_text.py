"""A change in the clerk's words: the one line `diff` prints, and the old and new values as the xlsx and the
comparison view show them (a whole project or indicator in one short phrase)."""

from __future__ import annotations

from typing import Any

from .compare import LABEL_SEPARATOR, Change, ChangeKind, Subject
from .declaration import DECLARATION_LABELS, FUNDS_LABELS, INDICATOR_LABELS, PROJECT_LABELS, TASK_LABELS

KIND_WORDS = {ChangeKind.ADDED: "新增", ChangeKind.REMOVED: "删除", ChangeKind.CHANGED: "修改", ChangeKind.RENAMED: "改名"}
SUBJECT_WORDS = {Subject.PROJECT: "项目", Subject.INDICATOR: "指标", Subject.FIELD: "字段"}
EMPTY = "（空）"
LINE_TEXT_LIMIT = 60  # a goal of 300 characters would bury the line; json and xlsx keep it whole


# The colour of each kind of change, shared by the comparison view and the exported workbook (RRGGBB).
COLOURS = {ChangeKind.ADDED: "C6EFCE", ChangeKind.REMOVED: "FFC7CE", ChangeKind.CHANGED: "FFEB9C",
           ChangeKind.RENAMED: "BDD7EE"}


def place(change: Change) -> str:
    """Where the change is: '项目“调解经费” › 指标“调解成功率” › 年度指标值', '部门整体 › 预算整体情况 › 基本支出'."""
    parts = []
    if change.project is not None or change.what is Subject.PROJECT:
        parts.append(f"项目“{change.project or ''}”")
    elif change.indicator is not None or change.what is Subject.INDICATOR:
        parts.append(DECLARATION_LABELS["department"])
    if change.indicator is not None or change.what is Subject.INDICATOR:
        parts.append(f"指标“{change.indicator or ''}”")
    if change.field and change.what is Subject.FIELD:
        parts.append(change.field)
    return LABEL_SEPARATOR.join(parts)


def show(change: Change, value: Any) -> str:
    """One side of a change as text: a value as written, a project or an indicator summed up."""
    if value is None:
        return EMPTY
    if isinstance(value, dict):
        if change.what is Subject.PROJECT:
            return _project_summary(value)
        if change.what is Subject.INDICATOR:
            return _indicator_summary(value)
        return _task_summary(value)
    return str(value)


def change_line(change: Change) -> str:
    """The line `diff` prints for a change, its reviewer's marks at the end."""
    kind = KIND_WORDS[change.change]
    if change.change is ChangeKind.RENAMED:
        line = f"项目改名：“{change.old or ''}” → “{change.new or ''}”"
    elif change.change is ChangeKind.CHANGED:
        line = f"{kind} {place(change)}：{_short(show(change, change.old))} → {_short(show(change, change.new))}"
    else:
        content = change.new if change.change is ChangeKind.ADDED else change.old
        line = f"{kind} {place(change)}：{_short(show(change, content))}"
    if change.flags:
        line += "　" + "".join(f"【{flag}】" for flag in change.flags)
    return line


def summary(changes: list[Change]) -> str:
    """The one-line count under a comparison, in the window, the text output and the workbook's title."""
    if not changes:
        return "两份申报相同"
    marked = sum(bool(change.flags) for change in changes)
    return f"共 {len(changes)} 处不同" + (f"，其中 {marked} 处需关注" if marked else "")


def _short(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= LINE_TEXT_LIMIT else text[:LINE_TEXT_LIMIT - 1] + "…"


def _project_summary(project: dict) -> str:
    funds = project.get("funds") or {}
    total = funds.get("total")
    parts = [f"{PROJECT_LABELS['unit']} {project.get('unit') or EMPTY}"]
    if total is not None:
        parts.append(f"{FUNDS_LABELS['total']} {total} 万元")
    parts.append(f"{len(project.get('indicators') or [])} 个指标")
    return "，".join(parts)


def _indicator_summary(indicator: dict) -> str:
    levels = LABEL_SEPARATOR.join(indicator.get(key) or EMPTY for key in ("level1", "level2"))
    values = "，".join(f"{INDICATOR_LABELS[key]} {indicator.get(key)}" for key in ("period_value", "annual_value")
                      if indicator.get(key) is not None)
    return f"{levels}{'，' + values if values else ''}"


def _task_summary(task: dict) -> str:
    return "，".join(f"{label} {task[key]}" for key, label in TASK_LABELS.items() if task.get(key) is not None) or EMPTY
