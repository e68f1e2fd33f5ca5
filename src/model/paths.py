"""Locations inside a declaration, the same strings the checks report: 'projects[3].funds.total'.

The editor addresses every field and node by these, so a problem's location leads
straight to the widget that edits it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

_STEP = re.compile(r"([a-z_0-9]+)(?:\[(\d+)\])?")


class LocationError(LookupError):
    pass


def _steps(location: str) -> list[tuple[str, int | None]]:
    steps = []
    for part in location.split("."):
        match = _STEP.fullmatch(part)
        if not match:
            raise LocationError(location)
        index = match.group(2)
        steps.append((match.group(1), int(index) if index is not None else None))
    return steps


def resolve(root: Any, location: str) -> Any:
    """The object or value at location."""
    steps = _steps(location)
    reached = list(_walk(root, steps))
    if len(reached) < len(steps):
        raise LocationError(location)
    return reached[-1][2] if reached else root


def _walk(root: Any, steps: list[tuple[str, int | None]]) -> Iterator[tuple[str, int | None, Any]]:
    """Each step with what it reaches, up to where the path leaves the declaration."""
    current = root
    for name, index in steps:
        try:
            current = getattr(current, name)
            if index is not None:
                current = current[index]
        except (AttributeError, IndexError, TypeError):
            return
        yield name, index, current


def split_field(location: str) -> tuple[str, str]:
    """'projects[3].funds.total' → ('projects[3].funds', 'total'); 'year' → ('', 'year')."""
    owner, _, field = location.rpartition(".")
    return owner, field


def get_field(root: Any, location: str) -> Any:
    return resolve(root, location)


def set_field(root: Any, location: str, value: Any) -> None:
    owner, field = split_field(location)
    target = resolve(root, owner) if owner else root
    if not hasattr(target, field):
        raise LocationError(location)
    setattr(target, field, value)


def list_at(root: Any, location: str) -> list:
    """The list at 'projects' or 'projects[2].indicators'."""
    value = resolve(root, location)
    if not isinstance(value, list):
        raise LocationError(location)
    return value


def project_index(location: str) -> int | None:
    match = re.match(r"projects\[(\d+)\]", location)
    return int(match.group(1)) if match else None


@lru_cache(maxsize=65536)
def node_of(location: str) -> str:
    """The node a field belongs to: 'projects[3].indicators[2].annual_value' → 'projects[3].indicators[2]'.

    Amount groups belong to their owner: 'projects[3].funds.total' → 'projects[3]'.
    """
    parts = location.split(".")
    while parts and not re.search(r"\]$", parts[-1]) and parts[-1] != "department":
        parts.pop()
    return ".".join(parts) if parts else "department"


_FIELD_NAMES = {
    "name": "名称", "unit": "预算单位", "period": "实施周期", "goal": "绩效目标", "functions": "部门职能概述",
    "overall_goal": "总体绩效目标", "year": "预算年度", "level1": "一级指标", "level2": "二级指标",
    "period_value": "实施周期指标值", "annual_value": "年度指标值", "content": "主要实施内容",
    "expected": "期望达到的目标", "funds": "资金", "total": "总计", "fiscal": "财政拨款",
    "special_account": "财政专户拨款", "other": "其他资金", "basic": "基本支出", "project": "项目支出",
    "special_funds": "财政专项资金", "other_development": "其他事业发展性支出", "other_income": "其他资金",
    "own_level": "区本级使用资金", "transfer": "拟用于对下转移支付资金", "indicators": "绩效指标",
    "tasks": "重点工作任务", "budget": "预算整体情况",
}


def describe(root: Any, location: str) -> str:
    """'projects[3].indicators[2].annual_value' → '项目“调解经费” › 指标 3“调解成功率” › 年度指标值'."""
    words = []
    for name, index, current in _walk(root, _steps(location)):
        if name == "projects" and index is not None:
            words.append(f"项目“{current.name or f'第 {index + 1} 个'}”")
        elif name == "indicators" and index is not None:
            words.append(f"指标 {index + 1}“{current.name or ''}”")
        elif name == "tasks" and index is not None:
            words.append(f"任务 {index + 1}“{current.name or ''}”")
        elif name == "department":
            words.append("部门整体")
        else:
            words.append(_FIELD_NAMES.get(name, name))
    return " › ".join(words)
