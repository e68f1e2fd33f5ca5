"""Two declarations compared: what was added, removed, renamed or changed, the reviewer's questions marked.

compare(old, new) gives a flat list of Change, in the order of the forms: the year and the department form
first, then the projects in the old file's order (removed ones where they were), then the added ones. Each
change carries the locations (model/paths.py) of its place in both files, so a view can jump there.

Fields are taken from the model itself, so a field added to declaration.py is compared without a line
here; EXCLUDED_FIELDS names the ones that are bookkeeping rather than what was declared.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any, Iterator

from pydantic import BaseModel

from . import paths
from .amounts import format_amount
from .declaration import Declaration, Indicator, Project, field_label
from .framework import negative_pattern
from .matching import pair_by_name, pair_indicators, pair_projects
from .sums import project_total
from .values import ValueKind, parse_value

# Carried along by next-year (last year's value, the marks for the clerk to review) and merge (which unit's
# file a project came from): they say where something came from, not what is declared, and differ between
# any two files by design.
EXCLUDED_FIELDS = frozenset({"previous_annual_value", "source_file", "review"})
# Lists whose items are matched (by name, by level and name) and compared item by item; any other list is
# compared as one value.
MATCHED_LISTS = frozenset({"projects", "indicators", "tasks"})
VALUE_FIELDS = ("period_value", "annual_value")
LABEL_SEPARATOR = " › "


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    RENAMED = "renamed"


class Subject(StrEnum):
    PROJECT = "project"
    INDICATOR = "indicator"
    FIELD = "field"


# The questions a finance office asks about a change (labels shown in the text, the xlsx and the view).
VALUE_LOWERED = "指标值降低"
CEILING_RAISED = "控制上限提高"  # ≤2% → ≤5%: a "lower is better" target loosened
NOW_QUALITATIVE = "定量改为定性"
INDICATOR_DROPPED = "指标删除"
FUNDS_UP_TARGETS_SAME = "资金增加而指标未变"


@dataclass(frozen=True)
class Change:
    change: ChangeKind
    what: Subject
    project: str | None  # the project's name (the new one when renamed); None for the year and the department form
    indicator: str | None
    field: str | None  # the Chinese labels of the forms, nested ones joined: 项目资金 › 总计
    old: Any  # JSON-ready: text, amounts as "82.60", a whole project or indicator as a dict when added/removed
    new: Any
    location_old: str | None = None
    location_new: str | None = None
    flags: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The keys of `diff --format json`."""
        return {"change": str(self.change), "what": str(self.what), "project": self.project,
                "indicator": self.indicator, "field": self.field, "old": self.old, "new": self.new}


def compare(old: Declaration, new: Declaration) -> list[Change]:
    changes = [_field_change(item, None, None) for item in _differences(old, new, "", "")]
    changes += _task_changes(old, new)
    changes += _indicator_changes(old.department.indicators, new.department.indicators, paths.DEPARTMENT,
                                  paths.DEPARTMENT, None)
    pairs, removed, added = pair_projects(old.projects, new.projects)
    paired_with = dict(pairs)
    for position in sorted([o for o, _ in pairs] + removed):
        if position in paired_with:
            changes += _project_changes(old.projects[position], new.projects[paired_with[position]], position,
                                        paired_with[position])
        else:
            project = old.projects[position]
            changes.append(Change(ChangeKind.REMOVED, Subject.PROJECT, project.name, None, None, plain(project), None,
                                  location_old=paths.project(position)))
    for position in added:
        project = new.projects[position]
        changes.append(Change(ChangeKind.ADDED, Subject.PROJECT, project.name, None, None, None, plain(project),
                              location_new=paths.project(position)))
    return changes


# ---- fields, taken from the model -------------------------------------------------------------
@dataclass(frozen=True)
class _Difference:
    key: str  # dotted below the node: 'funds.total'
    label: str
    old: Any
    new: Any
    location_old: str
    location_new: str


def _differences(old: BaseModel, new: BaseModel, old_at: str, new_at: str, key: str = "",
                 label: str = "", skip: frozenset[str] = frozenset()) -> Iterator[_Difference]:
    """The fields that differ, nested models walked into; the matched lists are the caller's."""
    for name in _compared_fields(type(old)):
        if name in skip:
            continue
        before, after = getattr(old, name), getattr(new, name)
        is_node = isinstance(before, BaseModel)
        if not is_node and before == after:
            continue
        dotted = f"{key}.{name}" if key else name
        named = f"{label}{LABEL_SEPARATOR}{field_label(old, name)}" if label else field_label(old, name)
        if is_node:
            yield from _differences(before, after, old_at, new_at, dotted, named)
        else:
            yield _Difference(dotted, named, plain(before), plain(after), paths.field(old_at, dotted),
                              paths.field(new_at, dotted))


_FIELDS: dict[type, tuple[str, ...]] = {}


def _compared_fields(kind: type[BaseModel]) -> tuple[str, ...]:
    """The model's fields in their order, without the bookkeeping and the matched lists (once per class)."""
    if kind not in _FIELDS:
        _FIELDS[kind] = tuple(name for name in kind.model_fields if name not in EXCLUDED_FIELDS | MATCHED_LISTS)
    return _FIELDS[kind]


def _field_change(item: _Difference, project: str | None, indicator: str | None, flags: tuple[str, ...] = (),
                  label_prefix: str = "") -> Change:
    return Change(ChangeKind.CHANGED, Subject.FIELD, project, indicator, label_prefix + item.label, item.old, item.new,
                  item.location_old, item.location_new, flags)


def plain(value: Any) -> Any:
    """JSON-ready, as the file format writes it: amounts as text with two decimals, nodes as dicts."""
    if isinstance(value, BaseModel):
        return {name: plain(getattr(value, name)) for name in type(value).model_fields if name not in EXCLUDED_FIELDS}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, Decimal):
        return format_amount(value)
    if isinstance(value, Enum):
        return value.value
    return value


# ---- projects, indicators, tasks ----------------------------------------------------------------
def _project_changes(old: Project, new: Project, old_position: int, new_position: int) -> list[Change]:
    old_at, new_at = paths.project(old_position), paths.project(new_position)
    changes = []
    if old.name != new.name:
        changes.append(Change(ChangeKind.RENAMED, Subject.PROJECT, new.name, None, None, old.name, new.name,
                              old_at, new_at))
    fields = [_field_change(item, new.name, None)
              for item in _differences(old, new, old_at, new_at, skip=frozenset({"name"}))]
    indicators = _indicator_changes(old.indicators, new.indicators, old_at, new_at, new.name)
    before, after = project_total(old), project_total(new)
    if before is not None and after is not None and after > before and not indicators:
        fields = _flag_funds(fields, old_at)
    return changes + fields + indicators


def _flag_funds(fields: list[Change], old_at: str) -> list[Change]:
    """The funds went up while no target moved: the mark goes on 总计, or on the first amount that changed."""
    funds = [c for c in fields if c.location_old.startswith(paths.field(old_at, "funds."))]
    total = paths.field(old_at, "funds.total")
    marked = next((c for c in funds if c.location_old == total), funds[0] if funds else None)
    return [replace(c, flags=c.flags + (FUNDS_UP_TARGETS_SAME,)) if c is marked else c for c in fields]


def _indicator_changes(old: list[Indicator], new: list[Indicator], old_owner: str, new_owner: str,
                       project: str | None) -> list[Change]:
    pairs, removed, added = pair_indicators(old, new)
    changes = []
    for o, n in pairs:
        if old[o].__dict__ == new[n].__dict__:  # most indicators: one comparison of their plain fields in C
            continue
        old_at, new_at = paths.indicator(old_owner, o), paths.indicator(new_owner, n)
        for item in _differences(old[o], new[n], old_at, new_at):
            flags = value_flags(item.old, item.new, new[n].name) if item.key in VALUE_FIELDS else ()
            changes.append(_field_change(item, project, new[n].name, flags))
    for o in removed:
        changes.append(Change(ChangeKind.REMOVED, Subject.INDICATOR, project, old[o].name, None, plain(old[o]), None,
                              location_old=paths.indicator(old_owner, o), flags=(INDICATOR_DROPPED,)))
    for n in added:
        changes.append(Change(ChangeKind.ADDED, Subject.INDICATOR, project, new[n].name, None, None, plain(new[n]),
                              location_new=paths.indicator(new_owner, n)))
    return changes


def _task_changes(old: Declaration, new: Declaration) -> list[Change]:
    before, after = old.department.tasks, new.department.tasks
    pairs, removed, added = pair_by_name(before, after)
    heading = f"{field_label(old, 'department')}{LABEL_SEPARATOR}{field_label(old.department, 'tasks')}"
    changes = []
    for o, n in pairs:
        prefix = f"{heading}“{after[n].name or ''}”{LABEL_SEPARATOR}"
        changes += [_field_change(item, None, None, label_prefix=prefix)
                    for item in _differences(before[o], after[n], paths.task(o), paths.task(n))]
    changes += [Change(ChangeKind.REMOVED, Subject.FIELD, None, None, heading, plain(before[o]), None,
                       location_old=paths.task(o)) for o in removed]
    changes += [Change(ChangeKind.ADDED, Subject.FIELD, None, None, heading, None, plain(after[n]),
                       location_new=paths.task(n)) for n in added]
    return changes


# ---- the reviewer's marks on a value ------------------------------------------------------------
def value_flags(old_text: str | None, new_text: str | None, name: str | None = None) -> tuple[str, ...]:
    """A target made weaker: '≥95%' → '≥90%' lowered, '≤2%' → '≤5%' a ceiling raised, '≥95%' → '达标'.

    Values that do not read as numbers in the same unit are changed, unmarked. For a "lower is better"
    indicator (投诉率, 再犯罪率) a bare number is a ceiling too."""
    before, after = parse_value(old_text), parse_value(new_text)
    if before.is_quantitative and after.kind is ValueKind.QUALITATIVE:
        return (NOW_QUALITATIVE,)
    if not (before.is_quantitative and after.is_quantitative):
        return ()
    if before.unit and after.unit and before.unit != after.unit:
        return ()
    lower_is_better = bool(name) and negative_pattern().search(name) is not None
    old_ceiling = before.ceiling or (lower_is_better and not before.floor)
    new_ceiling = after.ceiling or (lower_is_better and not after.floor)
    if old_ceiling and new_ceiling:
        return (CEILING_RAISED,) if after.number > before.number else ()
    if not old_ceiling and not new_ceiling:
        return (VALUE_LOWERED,) if after.number < before.number else ()
    return ()
