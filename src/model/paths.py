"""Locations inside a declaration, the same strings the checks report: 'projects[3].funds.total'.

The editor addresses every field and node by these, so a problem's location leads
straight to the widget that edits it. This module is the only one that knows how they are
spelled: everything else builds them with project()/indicator()/field() and takes them apart
with list_and_index()/row_in()/project_index()/node_of()/kind_of().
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:
    from .declaration import Declaration

# The declaration's types (pydantic) are imported by the functions that use them, not here: the window's
# actions and the start page spell locations long before any declaration exists (bench/README.md, cold start).

YEAR = "year"
DEPARTMENT = "department"
BUDGET = "department.budget"
PROJECTS = "projects"
TASKS = "department.tasks"

_STEP = re.compile(r"([a-z_0-9]+)(?:\[(\d+)\])?")
_ITEM = re.compile(r"(.+)\[(\d+)\]")
_PROJECT = re.compile(r"projects\[(\d+)\]")


class NodeKind(StrEnum):
    """What a node location addresses; the tree's rows are of these kinds too."""

    DECLARATION = "declaration"  # location "": the whole file (the tree's invisible root)
    DEPARTMENT = "department"
    PROJECT = "project"
    GROUP = "group"  # the tree's 一级指标 heading over a project's indicators; its location is the project's
    INDICATOR = "indicator"
    TASK = "task"


class LocationError(LookupError):
    pass


# ---- building ---------------------------------------------------------------------------------
def project(index: int) -> str:
    """project(3) → 'projects[3]'."""
    return f"projects[{index}]"


def indicators(owner: str) -> str:
    """The indicator list of 'department' or 'projects[3]'."""
    return f"{owner}.indicators"


def indicator(owner: str, index: int) -> str:
    """indicator('projects[3]', 2) → 'projects[3].indicators[2]'."""
    return f"{owner}.indicators[{index}]"


def task(index: int) -> str:
    return f"department.tasks[{index}]"


def item(list_location: str, index: int) -> str:
    """item('projects[3].indicators', 2) → 'projects[3].indicators[2]'."""
    return f"{list_location}[{index}]"


def field(owner: str, name: str) -> str:
    """field('projects[3]', 'funds.total') → 'projects[3].funds.total'; field('', 'year') → 'year'."""
    return f"{owner}.{name}" if owner else name


def from_steps(steps: tuple[str | int, ...] | list[str | int]) -> str:
    """A validator's path of keys and list positions: ('projects', 3, 'funds', 'total') → 'projects[3].funds.total'."""
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in steps).lstrip(".")


# ---- taking apart -----------------------------------------------------------------------------
def split_field(location: str) -> tuple[str, str]:
    """'projects[3].funds.total' → ('projects[3].funds', 'total'); 'year' → ('', 'year')."""
    owner, _, name = location.rpartition(".")
    return owner, name


def list_and_index(location: str) -> tuple[str, int] | None:
    """The list an item location is in, and its position: 'projects[3].indicators[2]' → ('projects[3].indicators', 2).

    None for a location that is not a list item ('projects[3].name', 'department')."""
    match = _ITEM.fullmatch(location)
    return (match.group(1), int(match.group(2))) if match else None


def row_in(list_location: str, location: str) -> int | None:
    """The item of list_location that location is or lies in: ('projects[2].indicators', 'projects[2].indicators[5].name') → 5."""
    prefix = f"{list_location}["
    if not location.startswith(prefix):
        return None
    digits, bracket, _ = location[len(prefix):].partition("]")
    return int(digits) if bracket and digits.isdigit() else None


def indicator_owner(location: str) -> str | None:
    """Whose indicator list a node location is in or heads: a project's, the department's, or None (a task, the
    department itself): 'department.indicators[2]' → 'department'; 'projects[3].indicators' → 'projects[3]'."""
    index = project_index(location)
    if index is not None:
        return project(index)
    if location == indicators(DEPARTMENT) or location.startswith(indicators(DEPARTMENT) + "["):
        return DEPARTMENT
    return None


def project_index(location: str) -> int | None:
    """The project a location lies in: 'projects[3].indicators[2]' → 3; department locations → None."""
    match = _PROJECT.match(location)
    return int(match.group(1)) if match else None


@lru_cache(maxsize=65536)
def node_of(location: str) -> str:
    """The node a field belongs to: 'projects[3].indicators[2].annual_value' → 'projects[3].indicators[2]'.

    Amount groups belong to their owner: 'projects[3].funds.total' → 'projects[3]'.
    """
    parts = location.split(".")
    while parts and not parts[-1].endswith("]") and parts[-1] != DEPARTMENT:
        parts.pop()
    return ".".join(parts) if parts else DEPARTMENT


@lru_cache(maxsize=65536)
def ancestors(node: str) -> tuple[str, ...]:
    """'projects[3].indicators[2]' → itself and 'projects[3]' (the department node is counted apart)."""
    chain = [node]
    parts = node.split(".")
    while len(parts) > 1:
        parts.pop()
        chain.append(".".join(parts))
    return tuple(chain)


def kind_of(node: str) -> NodeKind | None:
    """The kind of node a node location addresses; None for a field or list location."""
    if node == "":
        return NodeKind.DECLARATION
    if node == DEPARTMENT:
        return NodeKind.DEPARTMENT
    found = list_and_index(node)
    if found is None:
        return None
    owner, name = split_field(found[0])
    if name == "indicators" and (owner == DEPARTMENT or _PROJECT.fullmatch(owner)):
        return NodeKind.INDICATOR
    if owner == "" and name == PROJECTS:
        return NodeKind.PROJECT
    if owner == DEPARTMENT and name == "tasks":
        return NodeKind.TASK
    return None


# ---- reaching -------------------------------------------------------------------------------
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
    return reached[-1][3] if reached else root


def _walk(root: Any, steps: list[tuple[str, int | None]]) -> Iterator[tuple[Any, str, int | None, Any]]:
    """Each step with the object it starts from and what it reaches, up to where the path leaves the declaration."""
    current = root
    for name, index in steps:
        parent = current
        try:
            current = getattr(current, name)
            if index is not None:
                current = current[index]
        except (AttributeError, IndexError, TypeError):
            return
        yield parent, name, index, current


def get_field(root: Any, location: str) -> Any:
    return resolve(root, location)


def _field_owner(root: Any, location: str) -> tuple[Any, str]:
    owner, name = split_field(location)
    target = resolve(root, owner) if owner else root
    if not hasattr(target, name):
        raise LocationError(location)
    return target, name


def set_field(root: Any, location: str, value: Any) -> None:
    """Set a field through the model's field type, as a file's value is read: the value is cleaned the same
    way, or refused with field_values.FieldRefused."""
    from . import field_values

    target, name = _field_owner(root, location)
    field_values.assign(target, name, value, location)


def cleaned_value(root: Any, location: str, value: Any) -> Any:
    """What set_field() would store at location, nothing changed; FieldRefused if the field refuses it."""
    from . import field_values

    target, name = _field_owner(root, location)
    return field_values.cleaned(target, name, value, location)


def list_at(root: Any, location: str) -> list:
    """The list at 'projects' or 'projects[2].indicators'."""
    value = resolve(root, location)
    if not isinstance(value, list):
        raise LocationError(location)
    return value


_ITEM_WORDS = {"indicators": "指标", "tasks": "任务"}


@lru_cache(maxsize=1)
def _child_types() -> dict[tuple[type, str], type]:
    """What each step of a location leads to, for place_words(): the node types by field."""
    from .declaration import Budget, Declaration, Department, Funds, Indicator, Project, Task

    return {(Declaration, "department"): Department, (Declaration, "projects"): Project,
            (Department, "budget"): Budget, (Department, "tasks"): Task, (Department, "indicators"): Indicator,
            (Project, "funds"): Funds, (Project, "indicators"): Indicator}

_ITEM_COUNTERS = {"projects": ("第 ", " 个项目"), "indicators": ("指标 ", ""), "tasks": ("任务 ", "")}


def place_words(location: str) -> str:
    """A place in the form's words without the declaration at hand (an importer's notes are written before
    there is one): 'department.budget.other_income' → '部门整体 › 预算整体情况 › 其他资金';
    'projects[3].indicators[2].annual_value' → '第 4 个项目 › 指标 3 › 年度指标值'."""
    try:
        steps = _steps(location)
    except LocationError:
        return location  # already words (a place the declaration has no field for)
    from .declaration import Declaration, field_label

    child_types = _child_types()
    words: list[str] = []
    node_type: type = Declaration
    for name, index in steps:
        if index is not None and name in _ITEM_COUNTERS:
            before, after = _ITEM_COUNTERS[name]
            words.append(f"{before}{index + 1}{after}")  # 指标 3 says its list: no 绩效指标 › before it
        else:
            words.append(field_label(node_type.model_construct(), name))
        node_type = child_types.get((node_type, name), node_type)
    return " › ".join(words)


def describe(root: Declaration, location: str) -> str:
    """'projects[3].indicators[2].annual_value' → '项目“调解经费” › 指标 3“调解成功率” › 年度指标值'."""
    from .declaration import field_label

    words = []
    for parent, name, index, current in _walk(root, _steps(location)):
        if name == PROJECTS and index is not None:
            words.append(f"项目“{current.name or f'第 {index + 1} 个'}”")
        elif name in _ITEM_WORDS and index is not None:
            words.append(f"{_ITEM_WORDS[name]} {index + 1}“{current.name or ''}”")
        else:
            words.append(field_label(parent, name))
    return " › ".join(words)
