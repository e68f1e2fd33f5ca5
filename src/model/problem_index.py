"""The current problems of a declaration, grouped by what produced them, updated group by group.

Groups: the department's rules, each project's rules, the cross-project rules, the framework
mix. One keystroke replaces one or two groups; everything here then costs what those groups
hold, not what the file holds, so typing stays instant in a city-sized file.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Hashable

from . import paths
from .problems import ERROR, WARNING, Problem

DEPARTMENT, ACROSS, MIX = "department", "across", "mix"
_RANK = {ERROR: 0, WARNING: 1}


@lru_cache(maxsize=65536)
def ancestors(node: str) -> tuple[str, ...]:
    """'projects[3].indicators[2]' → itself and 'projects[3]' (the department node is counted apart)."""
    chain = [node]
    parts = node.split(".")
    while len(parts) > 1:
        parts.pop()
        chain.append(".".join(parts))
    return tuple(chain)


def _worst_map(problems: list[Problem]) -> dict[str, str]:
    worst: dict[str, str] = {}
    for problem in problems:
        if problem.severity not in _RANK:
            continue
        for node in ancestors(paths.node_of(problem.location)):
            current = worst.get(node)
            if current is None or _RANK[problem.severity] < _RANK[current]:
                worst[node] = problem.severity
    return worst


class ProblemIndex:
    def __init__(self) -> None:
        self.reset([], [], [], [])

    def reset(self, department: list[Problem], projects: list[list[Problem]], across: list[Problem],
              mix: list[Problem]) -> None:
        self.groups: dict[Hashable, list[Problem]] = {DEPARTMENT: department, ACROSS: across, MIX: mix}
        self.groups.update(enumerate(projects))
        self.project_count = len(projects)
        self.project_sizes = [len(p) for p in projects]
        self.flat: list[Problem] = list(department)
        for problems in projects:
            self.flat.extend(problems)
        self.flat.extend(across)
        self.flat.extend(mix)
        self.by_location: dict[str, list[Problem]] = {}
        for problem in self.flat:
            self.by_location.setdefault(problem.location, []).append(problem)
        self.group_worst = {key: _worst_map(problems) for key, problems in self.groups.items()}
        self.totals = Counter(problem.severity for problem in self.flat)

    def offset(self, key: Hashable) -> int:
        """Where the group's problems start in flat (department, projects in order, across, mix)."""
        department = len(self.groups[DEPARTMENT])
        if key == DEPARTMENT:
            return 0
        if isinstance(key, int):
            return department + sum(self.project_sizes[:key])
        projects = sum(self.project_sizes)
        return department + projects + (len(self.groups[ACROSS]) if key == MIX else 0)

    def replace(self, key: Hashable, problems: list[Problem]) -> tuple[int, int, int, set[str]] | None:
        """Put a group's new problems in place. Returns (offset, removed, inserted, nodes whose mark
        changed), or None when the group's problems are the same as before."""
        old = self.groups[key]
        if old == problems:
            return None
        old_worst, new_worst = self.group_worst[key], _worst_map(problems)
        affected = set(old_worst) | set(new_worst) | {"department"}
        before = {node: self.worst_under(node) for node in affected}
        offset = self.offset(key)
        self.flat[offset:offset + len(old)] = problems
        for problem in old:
            bucket = self.by_location[problem.location]
            bucket.remove(problem)
            if not bucket:
                del self.by_location[problem.location]
        for problem in problems:
            self.by_location.setdefault(problem.location, []).append(problem)
        self.totals.subtract(problem.severity for problem in old)
        self.totals.update(problem.severity for problem in problems)
        self.groups[key] = problems
        self.group_worst[key] = new_worst
        if isinstance(key, int):
            self.project_sizes[key] = len(problems)
        changed = {node for node in affected if self.worst_under(node) != before[node]}
        return offset, len(old), len(problems), changed

    def worst_under(self, node: str) -> str | None:
        """Worst error/warning of a node or anything under it; 'department' covers the whole file."""
        if node == "department":
            return ERROR if self.totals[ERROR] > 0 else WARNING if self.totals[WARNING] > 0 else None
        project = paths.project_index(node)
        owner = project if project is not None and project < self.project_count else DEPARTMENT
        found = [self.group_worst[key].get(node) for key in (owner, ACROSS, MIX)]
        ranked = [severity for severity in found if severity is not None]
        return min(ranked, key=_RANK.__getitem__) if ranked else None

    def at(self, location: str) -> list[Problem]:
        return self.by_location.get(location, [])

    def counts(self) -> dict[str, int]:
        return {"error": self.totals["error"], "warning": self.totals["warning"], "hint": self.totals["hint"]}
