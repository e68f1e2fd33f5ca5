"""Quick fixes: for a problem with a mechanical remedy, the change that remedies it.

The entry point for the window, the `fix` and `check` commands and the 问题清单: fix_for() and fixes_for()
find the fixes (the rules, one per problem code, are in fix_rules.py); the Fix type, its change records
and applying them are in fix_changes.py and importable from here.
"""

from __future__ import annotations

from typing import Callable, Iterable

from .declaration import Declaration
from .fix_changes import (
    SAFE_CONFIDENCE,
    Change,
    Fix,
    Insert,
    Remove,
    SetField,
    apply_changes,
    apply_fixes,
    change_lines,
    is_current,
    plan_changes,
    shown,
)
from .fix_rules import FixContext
from .problems import Problem

__all__ = ["SAFE_CONFIDENCE", "Change", "Fix", "Insert", "Remove", "SetField", "apply_changes", "apply_fixes",
           "change_lines", "fix_for", "fix_labels", "fixes_for", "is_current", "plan_changes", "shown"]


def fix_for(declaration: Declaration, problem: Problem) -> Fix | None:
    return FixContext(declaration).fix_for(problem)


def fixes_for(declaration: Declaration, problems: Iterable[Problem]) -> dict[Problem, Fix]:
    """The problems that have a fix, each with it; what the rules look up is prepared once for all."""
    context = FixContext(declaration)
    found: dict[Problem, Fix] = {}
    for problem in problems:
        fix = context.fix_for(problem)
        if fix is not None:
            found[problem] = fix
    return found


def fix_labels(declaration: Declaration, problems: Iterable[Problem]) -> Callable[[Problem], str | None]:
    """Each problem's fix label or None: the 建议修改 of the 问题清单 and the `fix` key of `check --format json`."""
    fixes = fixes_for(declaration, problems)
    return lambda problem: fixes[problem].label if problem in fixes else None
