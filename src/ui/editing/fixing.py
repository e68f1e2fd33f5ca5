"""Quick fixes of a document: found on demand, applied as one undo step each time.

The fixes themselves are the model's (model/fixes.py); here they meet the undo stack. A fix, or every fix
of one problem code, becomes one FixCommand whose parts are the ordinary field and list commands, pushed
in plan_changes order (stale changes dropped), with the checks run once at the end. Fixes are computed
only when asked for — for the selected problem, a field's own problems, a menu being opened — never for
every problem on every keystroke: a size-M file has thousands of problems.
"""

from __future__ import annotations

from typing import Iterable, NamedTuple

from PySide6.QtCore import QObject

from ...model.fix_rules import FixContext
from ...model.fixes import SAFE_CONFIDENCE, Change, Fix, Insert, SetField, apply_fixes, plan_changes
from ...model.problems import Problem
from .commands import BatchCommand, InsertCommand, RemoveCommand, SetFieldCommand
from .document import Document


class FixCommand(BatchCommand):
    """A batch whose parts are made by doing them: each part is built against the declaration the parts
    before it left (a removed item is copied as it is at its turn, not as it was before the batch). The first
    redo() — the push's — builds and does them; every later redo replays them. A change that fails half-way
    undoes the parts before it and marks the command obsolete, so the stack drops it; push_fixes then raises
    the error, and the file is as it was."""

    def __init__(self, document: Document, changes: Iterable[Change], text: str):
        super().__init__(document, text)
        self._changes: list[Change] | None = list(changes)
        self.failure: BaseException | None = None

    def redo(self) -> None:
        if self._changes is None:
            super().redo()
            return
        changes, self._changes = self._changes, None
        with self.document.deferred_checks():
            try:
                for change in changes:
                    part = _part(self.document, change, self.text())
                    part.redo()
                    self.add(part)
            except Exception as error:  # never half a fix left in the file
                for part in reversed(self.parts):
                    part.undo()
                self.parts.clear()
                self.failure = error
                self.setObsolete(True)


def _part(document: Document, change: Change, text: str):
    if isinstance(change, SetField):
        return SetFieldCommand(document, change.location, change.new, text, merge=False)
    if isinstance(change, Insert):
        return InsertCommand(document, change.list_location, change.index, change.item, text)
    return RemoveCommand(document, change.list_location, change.index, text)


def push_fixes(document: Document, fixes: Iterable[Fix], text: str) -> list[Fix]:
    """Apply the fixes that still fit, whole or not at all, as one undo step; returns those applied."""
    _, chosen = apply_fixes(document.declaration, fixes)  # the model's rule for which fixes go together
    planned = plan_changes(document.declaration, [change for fix in chosen for change in fix.changes])
    if not planned:
        return []
    command = FixCommand(document, planned, text)
    document.undo_stack.push(command)
    if command.failure is not None:
        raise command.failure
    return chosen


def fix_all_wanted(fix: Fix) -> bool:
    """What 修复全部同类问题 applies, as `main.py fix --only CODE` does: guesses only from SAFE_CONFIDENCE up;
    a fix that leaves something to fill in is included, since the clerk named its kind and sees the list."""
    return fix.applies_in_bulk(kind_named=True)


class FixAllPlan(NamedTuple):
    code: str
    fixes: list[Fix]  # those 修复全部同类问题 applies
    left_out: int  # fixes of the code too unsure to apply unasked (each can still be applied on its own)


class DocumentFixes(QObject):
    """One document's fixes on demand. The rules' context (the framework variant, read from the whole
    declaration: ~2.5 ms at size M) is kept until the document re-checks everything, which it does
    whenever the variant may have changed."""

    def __init__(self, document: Document):
        super().__init__(document)
        self.setObjectName("documentFixes")
        self.document = document
        self._context: FixContext | None = None
        document.problemsReset.connect(self._forget)

    def _forget(self) -> None:
        self._context = None

    @property
    def context(self) -> FixContext:
        if self._context is None:
            self._context = FixContext(self.document.declaration)
        return self._context

    def fix_of(self, problem: Problem | None) -> Fix | None:
        return None if problem is None else self.context.fix_for(problem)

    def label_of(self, problem: Problem) -> str | None:
        """The 问题清单's 建议修改: the fix label, or None."""
        fix = self.fix_of(problem)
        return fix.label if fix else None

    def first_fix(self, problems: Iterable[Problem]) -> Fix | None:
        """The fix of the first of problems (a field's, worst first) that has one."""
        return next((fix for fix in map(self.fix_of, problems) if fix is not None), None)

    def plan_for_code(self, code: str) -> FixAllPlan:
        found = [fix for fix in map(self.fix_of, [p for p in self.document.problems if p.code == code]) if fix is not None]
        wanted = [fix for fix in found if fix_all_wanted(fix)]
        return FixAllPlan(code, wanted, len(found) - len(wanted))

    def apply_one(self, fix: Fix) -> bool:
        return bool(push_fixes(self.document, [fix], f"修复：{fix.label}"))

    def apply_plan(self, plan: FixAllPlan) -> int:
        return len(push_fixes(self.document, plan.fixes, f"修复全部同类问题（{len(plan.fixes)}）"))


def fixes_of(document: Document) -> DocumentFixes:
    """The document's DocumentFixes, made on first use and living as long as the document."""
    found = document.findChild(DocumentFixes, "documentFixes")
    return found if found is not None else DocumentFixes(document)


def fix_tip(fix: Fix) -> str:
    """Why the fix, and how sure, for a tooltip."""
    parts = [fix.reason] if fix.reason else []
    if fix.confidence is not None and fix.confidence < SAFE_CONFIDENCE:
        parts.append("把握不大，请核对后再修复")
    if fix.needs_input:
        parts.append("修复后还需补填内容")
    return "；".join(parts)
