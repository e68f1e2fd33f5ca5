"""The labelled cells above a per-project form's indicator table, found once: each field's value beside its label,
under it, or after a colon in the label's own cell; a 自评表's planned column and its results' words."""

from __future__ import annotations

from ....model import paths
from ....model.declaration import FUNDS_LABELS, PROJECT_LABELS
from ....model.notes import Note
from ...containers.sheet_grid import Grid, cell_text, label_key
from ..ocr_numbers import in_wanyuan, read_published_amount
from ..published import clean_multiline, self_evaluation_note
from .words import (
    _ACHIEVED,
    _ALL_LABELS,
    _CARRIED_WORDS,
    _EXPECTED,
    _FIELD_WORDS,
    _FUND_WORDS,
    _GOAL_WORDS,
    _INLINE,
    _LABEL_ROWS,
    _PERIOD_GOAL_WORDS,
    _PLANNED,
    _WHOLE_GOAL_WORDS,
    _key,
)

class _Form:
    """The labelled cells above the indicator table, found once."""

    def __init__(self, grid: Grid, header: int, where: str):
        self.grid, self.where = grid, where
        self.labels: dict[str, tuple[int, int]] = {}  # label key → its first cell
        self.yuan_label: str | None = None
        self.planned_column: int | None = None  # a 自评表's 年初预算数 column: the amounts are read there
        self.achieved: list[str] = []  # a 自评表's words for what was done (实际完成值, 得分…), as printed
        self.inline: dict[tuple[int, int], str] = {}  # the value written in the label's own cell (财政拨款：75万元)
        for r in range(max(0, header - _LABEL_ROWS), header + 1):
            row = grid.rows[r]
            for c, cell in enumerate(row):
                text = cell_text(cell)
                key = _key(text)
                if key in _ACHIEVED and text.strip() not in self.achieved:
                    self.achieved.append(text.strip())
                if r == header:
                    continue  # the indicator table's header: only its 自评 columns are of the form's
                if key in _PLANNED and self.planned_column is None:
                    self.planned_column = c
                if key in _ALL_LABELS and key not in self.labels:
                    self.labels[key] = (r, c)
                    if label_key(text).rstrip(":").endswith("(元)"):
                        self.yuan_label = text.strip()
                elif key not in _ALL_LABELS and (inline := _INLINE.match(text)) is not None:
                    label = _key(inline.group(1))
                    if label in _ALL_LABELS and label not in self.labels:
                        self.labels[label] = (r, c)
                        self.inline[(r, c)] = inline.group(2).strip()
        self.name_row = self.labels.get("项目名称", (0, 0))[0]

    def places(self) -> dict[str, int]:
        """The project's fields the form has a label for (reconcile/unread.py says which of them were read empty),
        by the label's column; the indicators always (their table is what made this a form)."""
        found = {"indicators": 0}
        for field, words in (*_FIELD_WORDS.items(), *_FUND_WORDS.items(), ("goal", _GOAL_WORDS + _WHOLE_GOAL_WORDS)):
            place = self.cell_of(words)
            if place is not None and field != "supervisor":
                found[field] = place[1]
        return found

    def cell_of(self, words: tuple[str, ...]) -> tuple[int, int] | None:
        return next((self.labels[_key(word)] for word in words if _key(word) in self.labels), None)

    def text_at(self, place: tuple[int, int] | None) -> str | None:
        """The value of the label at place: in its own cell after a colon, right of it, else below it."""
        if place is None:
            return None
        if place in self.inline:
            return self.inline[place]
        r, c = place
        row = self.grid.rows[r]
        own = _key(row[c])
        for at, cell in enumerate(row[c + 1:], start=c + 1):
            key = _key(cell)
            if not key or key == own:
                continue
            if key in _ALL_LABELS:
                break  # the next label: the value, if any, is below
            if key in _EXPECTED:  # a 自评表's 预期目标 | 实际完成情况 over the texts: the value is under the first
                below = self.grid.rows[r + 1] if r + 1 < len(self.grid.rows) else []
                text = cell_text(below[at]).strip() if at < len(below) else ""
                return text if _key(text) not in _ALL_LABELS else None
            return cell_text(cell).strip()
        if r + 1 < len(self.grid.rows) and c < len(self.grid.rows[r + 1]):
            below = cell_text(self.grid.rows[r + 1][c]).strip()
            if below and _key(below) not in _ALL_LABELS and _key(below) != own:
                return below
        return None

    def value(self, field: str) -> str | None:
        text = self.text_at(self.cell_of(_FIELD_WORDS[field]))
        return clean_multiline(text) if text else None

    def amount(self, key: str, in_yuan: bool, notes: list) -> object:
        place = self.cell_of(_FUND_WORDS[key])
        text = self.planned_at(place) if self.planned_column is not None else self.text_at(place)
        if not text:
            return None
        reading = read_published_amount(text)
        location = paths.field(self.where, f"funds.{key}")
        if reading.value is None:
            notes.append(Note(f"{FUNDS_LABELS[key]}“{text}”不是金额，已留空", location=location, row=place[0] + 1,
                              source_text=text))
            return None
        note = reading.note(location, FUNDS_LABELS[key], place[0] + 1)
        if note:
            notes.append(note)
        value, said = in_wanyuan(reading.value, text, in_yuan, location, FUNDS_LABELS[key], place[0] + 1)
        if said is not None:
            notes.append(said)
        return value

    def planned_at(self, place: tuple[int, int] | None) -> str | None:
        """A 自评表's amount: the label's row in the 年初预算数 column (the others are the year's changes and
        spending), never a cell below."""
        if place is None:
            return None
        row = self.grid.rows[place[0]]
        return cell_text(row[self.planned_column]).strip() if self.planned_column < len(row) else None

    def evaluation_notes(self, in_yuan: bool) -> list[Note]:
        """What a 自评表 holds besides a declaration's facts, said once; and money carried over from the year
        before, which has no place among a project's sources."""
        found = [self_evaluation_note("绩效自评表", self.achieved, self.where)] if self.achieved else []
        carried = self.cell_of(_CARRIED_WORDS)
        text = self.planned_at(carried) if self.planned_column is not None else self.text_at(carried)
        reading = read_published_amount(text) if text else None
        if reading is not None and reading.value:
            amount = in_wanyuan(reading.value, text, in_yuan, "", "")[0]
            found.append(Note(f"表中的上年结转资金 {amount:,.2f} 万元没有对应的资金来源栏目，未导入，请核对资金来源",
                              location=paths.field(self.where, "funds.total"), row=carried[0] + 1, source_text=text))
        return found

    def goal(self, notes: list) -> str | None:
        year = self.text_at(self.cell_of(_GOAL_WORDS))
        whole = self.text_at(self.cell_of(_WHOLE_GOAL_WORDS))
        period_place = self.cell_of(_PERIOD_GOAL_WORDS)
        period = self.text_at(period_place)
        goal = year or (whole if whole and whole != period else None)
        if period and period != goal:
            notes.append(Note(f"表中的实施期目标“{_excerpt(period)}”未导入（项目只有一个{PROJECT_LABELS['goal']}栏，"
                              f"导入的是{'年度目标' if year else '总体目标'}）", location=paths.field(self.where, "goal"),
                              row=period_place[0] + 1, source_text=period))
        if goal is None and period:
            notes.append(Note(f"表中只有实施期目标，没有年度目标，{PROJECT_LABELS['goal']}留空，请填写",
                              location=paths.field(self.where, "goal")))
        return clean_multiline(goal) if goal else None


def _excerpt(text: str, length: int = 30) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[:length] + "…"
