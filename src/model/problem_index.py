"""The current problems of a declaration, grouped by what produced them, updated group by group.

Groups: the department's rules, each project's rules, the cross-project rules, the framework
mix. One keystroke replaces one or two groups; everything here then costs what those groups
hold, not what the file holds, so typing stays instant in a city-sized file.
"""

from __future__ import annotations

from collections import Counter
from typing import Hashable

from . import paths
from .problems import ERROR, WARNING, Problem, Severity

DEPARTMENT, ACROSS, MIX = "department", "across", "mix"


def in_order(department: list[Problem], projects: list[list[Problem]], across: list[Problem],
             mix: list[Problem]) -> list[Problem]:
    """The groups as one list: department, each project in turn, across, mix (the order offset() counts in)."""
    flat = list(department)
    for problems in projects:
        flat.extend(problems)
    flat.extend(across)
    flat.extend(mix)
    return flat


def _worst_map(problems: list[Problem]) -> dict[str, Severity]:
    """Each node's worst marked severity among these problems, the problem's node and the nodes above it."""
    worst: dict[str, Severity] = {}
    for problem in problems:
        severity = problem.severity
        if not severity.marked:
            continue
        for node in paths.ancestors(paths.node_of(problem.location)):
            current = worst.get(node)
            if current is None or severity.rank < current.rank:
                worst[node] = severity
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
        self.flat = in_order(department, projects, across, mix)
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
        affected = set(old_worst) | set(new_worst) | {paths.DEPARTMENT}
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

    def worst_under(self, node: str) -> Severity | None:
        """Worst error/warning of a node or anything under it; 'department' covers the whole file."""
        if node == paths.DEPARTMENT:
            return ERROR if self.totals[ERROR] > 0 else WARNING if self.totals[WARNING] > 0 else None
        project = paths.project_index(node)
        owner = project if project is not None and project < self.project_count else DEPARTMENT
        found = [self.group_worst[key].get(node) for key in (owner, ACROSS, MIX)]
        ranked = [severity for severity in found if severity is not None]
        return min(ranked, key=lambda severity: severity.rank) if ranked else None

    def at(self, location: str) -> list[Problem]:
        return self.by_location.get(location, [])

    def counts(self) -> dict[str, int]:
        return {str(severity): self.totals[severity] for severity in Severity}
