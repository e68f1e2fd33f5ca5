"""What the self-check's jobs share: the 需核对 prefix, the cent of rounding, the 待复核 marks and how amounts are worded."""

from __future__ import annotations

from decimal import Decimal

from ....model.declaration import REVIEW_LABELS, Department, Project, Review
from ....model.notes import Note

PREFIX = "需核对："
# Published amounts are printed rounded to the cent (万元 with two decimals), and a printed 合计 is often the
# rounded sum of unrounded amounts: the printed parts may then add up to a cent off the printed sum. A cent is
# rounding; more is not, at the sizes these tables have.
TOLERANCE = Decimal("0.01")
ZERO = Decimal(0)


def is_mismatch(note: str) -> bool:
    """Whether a 导入说明 is one of the self-check's (the commands print a 需核对 line first when there are some)."""
    return note.startswith(PREFIX)


def put_first(notes: list, found: list[Note]) -> None:
    """The self-check's notes first among the notes, after those of its that are there already."""
    at = next((index for index, note in enumerate(notes) if not is_mismatch(note)), len(notes))
    notes[at:at] = found


def differs(stated: Decimal, read: Decimal | None) -> bool:
    return abs(stated - (read or ZERO)) > TOLERANCE


def add_mark(owner: Project | Department, mark: Review) -> None:
    if mark not in owner.review:
        owner.review = [*owner.review, mark]  # a new list: models never share their default


def amount_words(value: Decimal | None) -> str:
    return "空" if value is None else f"{value:,.2f} 万元"


def marked_words(mark: Review, whose: str) -> str:
    return f"{whose}已标记待复核“{REVIEW_LABELS[mark]}”，请对照原表核对"
