"""Adding, duplicating, deleting, moving and pasting projects and indicators, each one undo step."""

from __future__ import annotations

import copy

from ...model import paths
from ...model.declaration import Indicator
from ...model.skeleton import new_project
from .commands import BatchCommand, InsertCommand, MoveCommand, RemoveCommand
from .document import Document


def add_project(document: Document, after: int | None) -> str:
    projects = document.declaration.projects
    index = len(projects) if after is None else after + 1
    unit = projects[after].unit if after is not None and after < len(projects) else None
    document.undo_stack.push(InsertCommand(document, paths.PROJECTS, index, new_project(unit=unit), "添加项目"))
    return paths.project(index)


def duplicate_project(document: Document, index: int) -> str:
    copy_of = copy.deepcopy(document.declaration.projects[index])
    copy_of.name = f"{copy_of.name or '项目'}（副本）"
    document.undo_stack.push(InsertCommand(document, paths.PROJECTS, index + 1, copy_of, "复制项目"))
    return paths.project(index + 1)


def add_indicator(document: Document, owner: str | int, level1: str | None = None,
                  after: int | None = None) -> str:
    """A new indicator of owner (a project's location or index, or the department), after `after` or last."""
    owner = paths.project(owner) if isinstance(owner, int) else owner
    indicators = document.value(paths.indicators(owner))
    index = len(indicators) if after is None else after + 1
    template = indicators[after] if after is not None else None
    item = Indicator(level1=template.level1 if template else (level1 or "产出指标"),
                     level2=template.level2 if template else ("数量指标" if not level1 or level1 == "产出指标" else None))
    document.undo_stack.push(InsertCommand(document, paths.indicators(owner), index, item, "添加指标"))
    return paths.indicator(owner, index)


def delete(document: Document, location: str) -> bool:
    list_location, index = _list_and_index(location)
    if list_location is None:
        return False
    what = "删除项目" if list_location == paths.PROJECTS else "删除指标"
    document.undo_stack.push(RemoveCommand(document, list_location, index, what))
    return True


def move(document: Document, location: str, step: int) -> str | None:
    list_location, index = _list_and_index(location)
    if list_location is None:
        return None
    target = index + step
    if not 0 <= target < len(paths.list_at(document.declaration, list_location)):
        return None
    document.undo_stack.push(MoveCommand(document, list_location, index, target, "移动"))
    return paths.item(list_location, target)


def _list_and_index(location: str) -> tuple[str | None, int]:
    """The list a project or indicator is in and its place; (None, -1) for anything else (a group, a task)."""
    if paths.kind_of(location) in (paths.NodeKind.PROJECT, paths.NodeKind.INDICATOR):
        return paths.list_and_index(location)
    return None, -1


def add_projects(document: Document, projects: list, text: str) -> list[str]:
    """Projects after the existing ones, as one undo step; their locations."""
    return _insert_all(document, paths.PROJECTS, len(document.declaration.projects), projects, text)


def insert_indicators(document: Document, list_location: str, index: int, indicators: list[Indicator],
                      text: str) -> list[str]:
    """Indicators into a project's or the department's list from index on, as one undo step; their locations."""
    return _insert_all(document, list_location, index, indicators, text)


def _insert_all(document: Document, list_location: str, index: int, items: list, text: str) -> list[str]:
    batch = BatchCommand(document, text)  # one Ctrl+Z takes the whole paste back
    for offset, item in enumerate(items):
        batch.add(InsertCommand(document, list_location, index + offset, item, text))
    document.undo_stack.push(batch)
    return [paths.item(list_location, index + offset) for offset in range(len(items))]
