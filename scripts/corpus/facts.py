"""What one variant holds: its facts, the fields it holds empty, the facts it does not hold and why.

A fact is (key, value, kind, match): key a location as the editor spells it (`projects[2].funds.total`,
`department.indicators[0].level2`, `year`), for some fields with a #tag when one field holds several facts
(the 2019 form's task text); kind "text", "amount", "level" or "year"; match "equal", or "contains" for text the
reader composes from several cells (the 2019 form's tasks). Indices are those of the source declaration: the
measurement pairs them with what was read by name (compare.py).

An anchor says where a fact is printed (the cell, and how far into its text without white space the fact ends),
so that a PDF whose rows are too low for their text can be asked which facts it truly printed (containers.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


def squeeze(text: object) -> str:
    return "".join(str(text).split()) if text is not None else ""


def amount_text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


@dataclass
class Anchor:
    cell: tuple[int, int]
    end: int | None  # squeezed characters into the cell's text where the fact ends; None: the whole cell's text


@dataclass
class Facts:
    facts: list[list] = field(default_factory=list)  # [key, value, kind, match]
    empty: list[str] = field(default_factory=list)  # held, and empty in the source: a value read there is invented
    excluded: list[list] = field(default_factory=list)  # [key, reason]: in the source, not in this container
    entities: dict[str, list[str]] = field(default_factory=dict)  # list location → the names of its items, in order
    rows: dict[str, int] = field(default_factory=dict)  # item location → its sheet row (1-based)
    anchors: dict[str, Anchor] = field(default_factory=dict)

    def add(self, key: str, value: object, kind: str = "text", *, match: str = "equal", held: bool = True,
            reason: str | None = None, anchor: Anchor | None = None) -> None:
        if isinstance(value, Decimal):
            value = amount_text(value)
        if value is not None and not squeeze(value):
            value = None
        if not held:
            if value is not None:
                self.excluded.append([key, reason or "not in this container"])
            return
        if value is None:
            self.empty.append(key)
            return
        self.facts.append([key, str(value), kind, match])
        if anchor is not None:
            self.anchors[key] = anchor

    def exclude(self, key: str, reason: str) -> None:
        """A fact already added that the container turned out not to hold (a PDF's clipped row)."""
        for index, fact in enumerate(self.facts):
            if fact[0] == key:
                del self.facts[index]
                self.excluded.append([key, reason])
                return

    def manifest(self) -> dict:
        return {"facts": self.facts, "empty": self.empty, "excluded": self.excluded, "entities": self.entities,
                "rows": self.rows}

    def copy(self) -> Facts:
        return Facts([list(f) for f in self.facts], list(self.empty), [list(e) for e in self.excluded],
                     {k: list(v) for k, v in self.entities.items()}, dict(self.rows), dict(self.anchors))
