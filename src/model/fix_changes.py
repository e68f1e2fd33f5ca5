"""A quick fix as data: what it changes, as change records, and how records are planned and applied.

A Fix says in Chinese what it changes and carries plain change records that map one-to-one onto the
editor's undo commands (SetField → SetFieldCommand, Insert → InsertCommand, Remove → RemoveCommand), so
the window pushes them onto its undo stack and the headless `fix` applies them with apply_fixes().
fixes.py is the entry point; which problem gets which fix is decided in fix_rules.py.

Changes address the declaration they were made for. plan_changes() turns any set of them into an order
in which each index is still right when its turn comes (fields first, then each list's insertions and
removals from its end, inner lists before outer ones), and drops every change whose old value is no
longer there: a stale change is never applied.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Iterable, Union

from . import paths
from .declaration import Declaration

# A fix built on a guess (a suggested 二级) is applied by `fix` only from this confidence up.
SAFE_CONFIDENCE = 0.8


@dataclass(frozen=True)
class SetField:
    location: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Insert:
    list_location: str
    index: int
    item: Any


@dataclass(frozen=True)
class Remove:
    list_location: str
    index: int
    item: Any  # the item as it was, so a removal of something that has changed since is recognised as stale


Change = Union[SetField, Insert, Remove]


@dataclass(frozen=True)
class Fix:
    code: str  # the problem's code
    location: str  # the problem's location
    label: str  # what it changes, in Chinese: 将二级指标设为“质量指标”
    changes: tuple[Change, ...]
    confidence: float | None = None  # set where the fix is a guess
    needs_input: bool = False  # leaves something for the clerk to fill (a new indicator's values)
    reason: str | None = None  # why the guess, in Chinese: 名称含“合格率”

    def applies_in_bulk(self, kind_named: bool) -> bool:
        """Whether `fix` and 修复全部同类问题 apply it: a guess only from SAFE_CONFIDENCE up; a fix that leaves
        something to fill in (a new 满意度指标 with empty values) only when the clerk named its kind."""
        return (self.confidence is None or self.confidence >= SAFE_CONFIDENCE) and (kind_named or not self.needs_input)


# ---- applying ---------------------------------------------------------------------------------
def is_current(declaration: Declaration, change: Change) -> bool:
    """Whether the change still fits the declaration: the old value, the removed item, the insertion place are there."""
    try:
        if isinstance(change, SetField):
            current = paths.get_field(declaration, change.location)
            return current == change.old and type(current) is type(change.old)
        items = paths.list_at(declaration, change.list_location)
    except paths.LocationError:
        return False
    if isinstance(change, Insert):
        return 0 <= change.index <= len(items)
    return 0 <= change.index < len(items) and items[change.index] == change.item


def plan_changes(declaration: Declaration, changes: Iterable[Change]) -> tuple[Change, ...]:
    """The current changes in an order that applies them one after another with their own indices:
    fields first, then structure edits list by list, inner lists first, each list from its end
    (a removal before an insertion at the same place; insertions at one place keep their order).
    A second change of a field already changed, or a second removal of one item, is dropped."""
    fields: list[SetField] = []
    claimed: set[str] = set()
    structure: dict[str, list[tuple[int, int, int, Change]]] = {}
    removed: set[tuple[str, int]] = set()
    for order, change in enumerate(changes):
        if not is_current(declaration, change):
            continue
        if isinstance(change, SetField):
            if change.location not in claimed:
                claimed.add(change.location)
                fields.append(change)
            continue
        if isinstance(change, Remove):
            if (change.list_location, change.index) in removed:
                continue
            removed.add((change.list_location, change.index))
        # Sorted by descending index; at one index the removal (0) goes before insertions (1), and
        # insertions at one index are applied last-first so that they end up in the order given.
        kind = 0 if isinstance(change, Remove) else 1
        structure.setdefault(change.list_location, []).append((-change.index, kind, -order, change))
    planned: list[Change] = list(fields)
    for list_location in sorted(structure, key=lambda location: -location.count(".")):
        planned.extend(change for *_, change in sorted(structure[list_location], key=lambda entry: entry[:3]))
    return tuple(planned)


def apply_changes(declaration: Declaration, changes: Iterable[Change]) -> Declaration:
    """A new declaration with the current changes applied (plan_changes); the given one is left as it is.

    Only the nodes on the way to a change are copied; everything else is shared with the original, so
    applying a handful of fixes to a city-sized declaration costs what the fixes touch."""
    writer = _CopyOnWrite(declaration)
    for change in plan_changes(declaration, changes):
        if isinstance(change, SetField):
            owner, name = paths.split_field(change.location)
            setattr(writer.node(owner), name, copy.deepcopy(change.new))
        elif isinstance(change, Insert):
            writer.items(change.list_location).insert(change.index, copy.deepcopy(change.item))
        else:
            writer.items(change.list_location).pop(change.index)
    return writer.root


def apply_fixes(declaration: Declaration, fixes: Iterable[Fix]) -> tuple[Declaration, list[Fix]]:
    """A new declaration with the fixes applied, and the fixes that were. A fix applies whole or not at
    all: one with a stale change, or touching what an earlier fix of the batch already changes, is left
    out (check again and ask for the fixes anew to get it)."""
    chosen: list[Fix] = []
    fields: set[str] = set()
    items: set[tuple[str, int]] = set()
    for fix in fixes:
        if not all(is_current(declaration, change) for change in fix.changes):
            continue
        touched_fields = {c.location for c in fix.changes if isinstance(c, SetField)}
        touched_items = {(c.list_location, c.index) for c in fix.changes if isinstance(c, Remove)}
        if touched_fields & fields or touched_items & items:
            continue
        fields |= touched_fields
        items |= touched_items
        chosen.append(fix)
    changed = apply_changes(declaration, [change for fix in chosen for change in fix.changes])
    return changed, chosen


class _CopyOnWrite:
    """A shallow copy of a declaration whose nodes and lists are copied the first time a change reaches them."""

    def __init__(self, declaration: Declaration):
        self.root = declaration.model_copy()
        self._own: set[int] = {id(self.root)}  # ids of the copies made here: alive as long as root holds them

    def node(self, location: str) -> Any:
        """The node at location, made this copy's own, with every node and list above it."""
        if location == "":
            return self.root
        found = paths.list_and_index(location)
        if found is not None:
            items = self.items(found[0])
            return self._owned(items, found[1], items[found[1]])
        owner, name = paths.split_field(location)
        parent = self.node(owner)
        value = getattr(parent, name)
        if id(value) in self._own:
            return value
        value = value.model_copy()
        self._own.add(id(value))
        setattr(parent, name, value)
        return value

    def items(self, list_location: str) -> list:
        owner, name = paths.split_field(list_location)
        parent = self.node(owner)
        items = getattr(parent, name)
        if id(items) not in self._own:
            items = list(items)
            self._own.add(id(items))
            setattr(parent, name, items)
        return items

    def _owned(self, items: list, index: int, value: Any) -> Any:
        if id(value) not in self._own:
            value = value.model_copy()
            self._own.add(id(value))
            items[index] = value
        return value


# ---- telling --------------------------------------------------------------------------------
_NOTHING = "（空）"


def shown(value: Any) -> str:
    """A value as a change line shows it: amounts with two decimals, nodes by name, nothing as （空）."""
    if value is None or value == "":
        return _NOTHING
    if hasattr(value, "level1") and hasattr(value, "annual_value"):  # an indicator
        return "/".join(part for part in (value.level1, value.level2, value.name) if part) or "新指标"
    if hasattr(value, "indicators"):  # a project
        return f"项目“{value.name or ''}”"
    if hasattr(value, "as_tuple"):
        return f"{value:,.2f}"
    return str(value)


def change_lines(declaration: Declaration, fix: Fix) -> list[str]:
    """One line per change of a fix, in words: where, what, old → new (before the fix is applied)."""
    lines = []
    for change in fix.changes:
        if isinstance(change, SetField):
            where, old, new = change.location, shown(change.old), shown(change.new)
        elif isinstance(change, Insert):
            where, old, new = change.list_location, _NOTHING, shown(change.item)
        else:
            where, old, new = paths.item(change.list_location, change.index), shown(change.item), "（删除）"
        lines.append(f"{paths.describe(declaration, where)}：{fix.label}：{old} → {new}")
    return lines
