"""The labelled cells above a per-project form's indicator table, found once: each field's value beside its label,
under it, or after a colon in the label's own cell; a 自评表's planned column and its results' words."""

from __future__ import annotations

import re

from ....model import paths
from ....model.declaration import FUNDS_LABELS, PROJECT_LABELS
from ....model.notes import Note
from ...containers.sheet_grid import Grid, cell_text, label_key
from ..ocr_numbers import in_wanyuan
from ..ocr_numbers import read_published_amount as _read_amount
from ..published import clean_multiline, self_evaluation_note, without_code
from .words import (
    _ACHIEVED,
    _ALL_LABELS,
    _CARRIED_WORDS,
    _EXPECTED,
    _FIELD_WORDS,
    _FISCAL_PARTS,
    _FORM_TITLE,
    _FUND_WORDS,
    _GLUED_AMOUNT,
    _GOAL_WORDS,
    _INLINE,
    _ITEM_NUMBER,
    _LABEL_ROWS,
    _OTHER_PARTS,
    _PERIOD_GOAL_WORDS,
    _PLANNED,
    _TOTAL_IN_SOURCES,
    _WHOLE_GOAL_WORDS,
    _YEAR_COLUMN_WORDS,
    _key,
)


# 申报单位名称：芜湖市卫生健康委员会（盖章）: where the form is to be stamped, no word of the name
_STAMP = re.compile(r"\s*[（(](?:盖章|公章|印章|签章|签字)[）)]\s*")


def _first_label_row(grid: Grid, header: int) -> int:
    """Where the form's labelled cells may begin: _LABEL_ROWS above its indicator table, or below the form's own title
    (…绩效目标表) where that stands nearer. A notice over the form may print another table there first (韶关's 安排表:
    序号 | 地区 | 实施单位 | 项目内容 | 金额, whose 实施单位 was taken for the unit's label and 项目内容 for the unit)."""
    first = max(0, header - _LABEL_ROWS)
    titles = [r for r in range(first, header) if any(_FORM_TITLE.search(cell_text(cell)) for cell in grid.rows[r])]
    return titles[-1] if titles else first


class _Form:
    """The labelled cells above the indicator table, found once."""

    def __init__(self, grid: Grid, header: int, where: str):
        self.grid, self.where = grid, where
        self.labels: dict[str, tuple[int, int]] = {}  # label key → its first cell
        self.yuan_label: str | None = None
        self.planned_column: int | None = None  # a 自评表's 年初预算数 column: the amounts are read there
        self.year_column: tuple[int, int] | None = None  # (row, column) of 本年度申请金额 over a table of amounts by year
        self.achieved: list[str] = []  # a 自评表's words for what was done (实际完成值, 得分…), as printed
        self.inline: dict[tuple[int, int], str] = {}  # the value written in the label's own cell (财政拨款：75万元)
        self.first_row = _first_label_row(grid, header)
        self.repeated: dict[str, list[tuple[int, int]]] = {}  # a source's label printed again (中期 | 年度 halves)
        for r in range(self.first_row, header + 1):
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
                if key in _YEAR_COLUMNS and self.year_column is None:
                    self.year_column = (r, c)
                if key in _ALL_LABELS and key in self.labels and key in _SOURCE_KEYS:
                    self.repeated.setdefault(key, [self.labels[key]]).append((r, c))
                if key in _ALL_LABELS and key not in self.labels:
                    self.labels[key] = (r, c)
                    if label_key(text).rstrip(":").endswith("(元)"):
                        self.yuan_label = text.strip()
                elif key not in _ALL_LABELS and len(pairs := _fund_pairs(text)) > 1:
                    for k, (label, value) in enumerate(pairs.items()):  # 总额：…万元 一、财政拨款：…万元 二、其他：…
                        if label not in self.labels:
                            self.labels[label] = (r, c, k)  # one place per amount the cell holds
                            self.inline[(r, c, k)] = value
                elif key not in _ALL_LABELS and (inline := _inline(text)) is not None:
                    label = _key(inline.group(1))
                    if label not in self.labels:
                        self.labels[label] = (r, c)
                        self.inline[(r, c)] = inline.group(2).strip()
        self._bare_other_among_sources()
        self._total_among_sources(header)
        self._sources_under_the_total()
        self.unplaced: list[tuple[int, int, str]] = []  # amounts in a row of sources under no source's label
        self._sources_rows()
        self.name_row = self.labels.get("项目名称", (0, 0))[0]

    def _sources_under_the_total(self) -> None:
        """A source's label printed twice (六安's 中期资金总额 | 年度资金总额, 其中：财政拨款 under each) is the one in the
        column of the total read (the year's: 中期资金总额 is none of its words), not the first met."""
        total = self.cell_of(_FUND_WORDS["total"])
        if total is None or len(total) != 2:
            return
        for key, places in self.repeated.items():
            if self.labels.get(key) == places[0] and len(same := [p for p in places if p[1] == total[1]]) == 1:
                self.labels[key] = same[0]

    def _bare_other_among_sources(self) -> None:
        """其他 alone is the other money only among the sources (佳县's 事业收入：| 0 | 经营性收入：| 0 | 其他：| 20, a row 上级 |
        同级 | 其他 over amounts), where another source's label stands in its row or just above it; elsewhere (a cost
        breakdown's 其他 row) it is no label of the funds."""
        funds = _FUND_KEYS - _BARE_OTHER
        for key in _BARE_OTHER & self.labels.keys():
            place = self.labels[key]
            if len(place) != 2:
                continue  # one of the amounts a cell lists (_fund_pairs): among the sources already
            r, c = place
            near = [self.grid.rows[r], *(self.grid.rows[r - k][c:c + 1] for k in (1, 2) if r - k >= 0)]
            if not any(_key(cell) in funds for row in near for cell in row):
                del self.labels[key]

    def _total_among_sources(self, header: int) -> None:
        """合计 (总计, 小计) is the total where it stands among the sources' labels — in their row (合计 | 财政资金 | 其他资金
        over the amounts) or over them in their column (大庆: 合计, 财政拨款, … down the rows) — and the form has no
        label of the total's own; elsewhere (a cost breakdown's 合计) it is no label."""
        if any(_key(word) in self.labels for word in _FUND_WORDS["total"]):
            return
        funds = _FUND_KEYS - {_key(word) for word in _FUND_WORDS["total"]}
        for r in range(self.first_row, header):
            row = self.grid.rows[r]
            below = self.grid.rows[r + 1] if r + 1 < header else []
            for c, cell in enumerate(row):
                if _key(cell) not in _TOTAL_IN_SOURCES:
                    continue
                beside = any(_key(other) in funds for other in row)
                under = c < len(below) and _key(below[c]) in funds
                if beside or under:
                    self.labels[_key("资金总额")] = (r, c)
                    return

    def _sources_rows(self) -> None:
        """A row of the sources' labels (上级财政补助资金 | 同级财政资金 | 其他), each amount under its label: 其他 there is
        the other money; an amount under a label of no source is kept to be said (unplaced), never dropped in silence."""
        funds = {_key(word) for words in _FUND_WORDS.values() for word in words} | {_key(w) for w in _FISCAL_PARTS}
        rows: dict[int, int] = {}
        for key, place in self.labels.items():
            if len(place) == 2 and key in funds:
                rows[place[0]] = rows.get(place[0], 0) + 1
        taken = set(self.labels.values())
        for r in (r for r, count in rows.items() if count >= 2 and r + 1 < len(self.grid.rows)):
            row, below = self.grid.rows[r], self.grid.rows[r + 1]
            if self._amounts_beside(r, funds):
                continue  # 财政拨款： | 120 | 自有资金： | 10 — each amount beside its label, no row of labels over amounts
            for c, cell in enumerate(row):
                key = _key(cell)
                under = cell_text(below[c]).strip() if c < len(below) else ""
                if not key or key in funds or (c and key == _key(row[c - 1])) or not under or (r, c) in taken:
                    continue
                if read_published_amount(under).value is None:
                    continue
                if key in ("其他", "其它") and "其他资金" not in self.labels:
                    self.labels["其他资金"] = (r, c)
                elif key not in _ALL_LABELS:
                    self.unplaced.append((r, c, cell_text(cell).strip()))

    def _amounts_beside(self, r: int, funds: set[str]) -> bool:
        row = self.grid.rows[r]
        beside = [cell_text(row[c + 1]).strip() for c, cell in enumerate(row[:-1]) if _key(cell) in funds]
        return bool(beside) and all(text and read_published_amount(text).value is not None for text in beside)

    def other_parts(self, funds: dict, in_yuan: bool, notes: list) -> None:
        """Several labels of other money side by side (自有资金 | 事业收入 | 经营性收入 | 其他): their sum is the other
        money where it, and not the first alone, makes the sources add up to the total; where neither does, the
        labels not read are said at the other money, never dropped in silence."""
        places = {}
        for word in _OTHER_PARTS:
            place = self.labels.get(_key(word))
            if place is not None and place not in places.values():
                places[word] = place
        if len(places) < 2 or funds.get("total") is None:
            return
        read = {}
        for word, place in places.items():
            text = self.year_at(place) or self.text_at(place)
            reading = read_published_amount(text) if text else None
            if reading is None or reading.value is None:
                return
            read[word] = in_wanyuan(reading.value, text, in_yuan, "", "")[0]
        first = next(iter(read.values()))
        rest = funds["total"] - (funds.get("fiscal") or 0) - (funds.get("special_account") or 0)
        location = paths.field(self.where, "funds.other")
        if funds.get("other") == first and first != rest and sum(read.values()) == rest:
            funds["other"] = sum(read.values())
            notes.append(Note(f"{FUNDS_LABELS['other']}按表中{' + '.join(f'{w} {a:,.2f}' for w, a in read.items())}"
                              f" = {funds['other']:,.2f} 万元导入（与{FUNDS_LABELS['total']}相符），请核对", location=location))
        elif funds.get("other") != rest:
            notes.append(Note(f"表中有多个其他资金来源（{'、'.join(read)}），{FUNDS_LABELS['other']}按“{next(iter(read))}”导入，"
                              f"与{FUNDS_LABELS['total']}不符，请对照原表核对", location=location))

    def year_at(self, place: tuple[int, int] | None) -> str | None:
        """An amount in a table of amounts by year: the label's row in the 本年度申请金额 column (the others are past
        years'); None where the form has no such column or the label stands outside its table."""
        if place is None or self.year_column is None or len(place) != 2:
            return None
        head, column = self.year_column
        if not head < place[0] or place[1] >= column:
            return None
        row = self.grid.rows[place[0]]
        text = cell_text(row[column]).strip() if column < len(row) else ""
        return text or None

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
        text = _STAMP.sub("", self.text_at(self.cell_of(_FIELD_WORDS[field])) or "").strip()
        if field in ("unit", "supervisor"):
            text = without_code(text)
        return clean_multiline(text) if text else None

    def amount(self, key: str, in_yuan: bool, notes: list) -> object:
        place = self.cell_of(_FUND_WORDS[key])
        text = self.planned_at(place) if self.planned_column is not None else self.year_at(place) or self.text_at(place)
        if not text:
            return None
        reading = read_published_amount(text)
        location = paths.field(self.where, f"funds.{key}")
        if reading.value is None and (below := self.amount_below(place)) is not None:
            text, reading = below  # labels in a header row (上级 | 同级 | 其他), their amounts under them
        if reading.value is None and place not in self.inline and self.blank_beside(place):
            return None  # 其他资金 | (blank): none; the text under the label is the next block's, not its amount
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

    def fiscal_from_parts(self, in_yuan: bool, notes: list) -> object:
        """Where a form prints no 财政拨款 of its own but its parts (上级财政补助资金 | 同级财政资金): their sum, said."""
        places = [(word, self.labels[_key(word)]) for word in _FISCAL_PARTS if _key(word) in self.labels]
        read = []
        for word, place in {place: (word, place) for word, place in places}.values():
            text = self.planned_at(place) if self.planned_column is not None else self.text_at(place)
            reading = read_published_amount(text) if text else None
            if (reading is None or reading.value is None) and self.planned_column is None:
                text, reading = self.amount_below(place) or (text, reading)
            if reading is not None and reading.value is not None:
                read.append((word, in_wanyuan(reading.value, text, in_yuan, "", "")[0], place[0] + 1))
            else:
                notes.append(Note(f"表中“{word}”的金额没有读出，{FUNDS_LABELS['fiscal']}留空，请对照原表填写",
                                  location=paths.field(self.where, "funds.fiscal"), row=place[0] + 1))
                return None
        if not read:
            return None
        total = sum(amount for _, amount, _ in read)
        notes.append(Note(f"表中没有“{FUNDS_LABELS['fiscal']}”一栏，{FUNDS_LABELS['fiscal']}按"
                          f"{' + '.join(f'{word} {amount:,.2f}' for word, amount, _ in read)} = {total:,.2f} 万元导入，请核对",
                          location=paths.field(self.where, "funds.fiscal"), row=read[0][2]))
        return total

    def blank_beside(self, place: tuple[int, int]) -> bool:
        """A money label alone in its row with only empty cells right of it (金寨's 其他资金 | blank), or last of a row
        of labels each with its amount beside it (安溪's 资金总额 | 100 | 其中：财政拨款 | 100 | 其他资金 | blank):
        what stands under it is no amount of its. Not so in a row of labels over their amounts (年度资金总额： | 其中：
        财政拨款 | 其他资金), nor in a 自评表 or a table by year, whose columns say where the amount is."""
        r, c = place[:2]
        row = self.grid.rows[r]
        own = _key(row[c])
        if self.planned_column is not None or self.year_column is not None:
            return False
        if any(_key(cell) not in ("", own) for cell in row[c + 1:]):
            return False
        others = [at for at, cell in enumerate(row) if _key(cell) in _FUND_KEYS and _key(cell) != own]
        return all(at + 1 < len(row) and _read_amount(cell_text(row[at + 1])).value is not None for at in others)

    def amount_below(self, place: tuple[int, int]):
        """The amount in the cell under a label (not inline, no 自评表 column), with its reading; None when none."""
        r, c = place[:2]
        if place in self.inline or self.planned_column is not None or r + 1 >= len(self.grid.rows):
            return None
        below = self.grid.rows[r + 1]
        text = cell_text(below[c]).strip() if c < len(below) else ""
        reading = read_published_amount(text) if text else None
        return (text, reading) if reading is not None and reading.value is not None else None

    def unplaced_notes(self) -> list[Note]:
        return [Note(f"第 {r + 1} 行资金来源中的“{label}”（其下金额 {cell_text(self.grid.rows[r + 1][c]).strip()}）"
                     f"没有对应的资金栏目，未导入，请核对资金来源", location=paths.field(self.where, "funds"), row=r + 1,
                     source_text=label) for r, c, label in self.unplaced]

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


# In a cell that lists a project's amounts line by line: each 名称：金额 outside brackets (a bracket holds the parts of
# the amount before it: （其中：上级财政资金：100万元；本级财政：…）); 总额 and 其他 there are the total and the other money.
_PAIR = re.compile(r"([^\s:：;；，,。\d]{2,12})\s*[:：]\s*(\d[\d,，]*(?:\.\d+)?\s*(?:万元|元)?)")
_PIECES = re.compile(r"[\n；;，,。\s]+(?![\d])")  # between the pairs (never inside 1,200 or 320.5 万元)
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_IN_A_LIST = {"总额": "资金总额", "合计": "资金总额", "总计": "资金总额", "其他": "其他资金"}


def _fund_pairs(text: str) -> dict[str, str]:
    """The amounts a cell lists by their fund labels (label key → amount as printed); several of one fund summed."""
    found: dict[str, list[str]] = {}
    by_fund: dict[str, str] = {}  # fund key → the first label of it in the cell
    pieces = [piece for piece in _PIECES.split(_BRACKETED.sub("", text)) if piece]
    if not pieces or not all(_PAIR.fullmatch(piece) for piece in pieces):
        return {}  # prose that names amounts (a goal's text) is no list of the project's funds
    for label, amount in _PAIR.findall(_BRACKETED.sub("", text)):
        key = _ITEM_NUMBER.sub("", _key(label))
        key = _key(_IN_A_LIST.get(key, key))
        fund = next((name for name, words in _FUND_WORDS.items() if key in {_key(word) for word in words}), None)
        if fund is None:
            continue
        found.setdefault(by_fund.setdefault(fund, key), []).append(amount)
    pairs = {}
    for key, amounts in found.items():
        readings = [read_published_amount(amount).value for amount in amounts]
        if len(amounts) == 1 or None in readings or any(amount.endswith("元") and not amount.endswith("万元")
                                                          for amount in amounts):
            pairs[key] = amounts[0]
        else:  # 二、自有资金：0万元 三、其他：20万元 — both the other money
            pairs[key] = f"{sum(readings)}万元"
    return pairs


_SOURCE_KEYS = frozenset(_key(word) for key in ("fiscal", "special_account", "other") for word in _FUND_WORDS[key])
_FUND_KEYS = frozenset(_key(word) for words in (*_FUND_WORDS.values(), _FISCAL_PARTS) for word in words)
_YEAR_COLUMNS = frozenset(_key(word) for word in _YEAR_COLUMN_WORDS)
_BARE_OTHER = frozenset(("其他", "其它"))


def _inline(text: str):
    """A known label with its value in one cell: after a colon (项目名称：…), or an amount glued on (上级资金16)."""
    for shape, labels in ((_INLINE, _ALL_LABELS), (_GLUED_AMOUNT, _FUND_KEYS)):
        found = shape.match(text)
        if found is not None and _key(found.group(1)) in labels:
            return found
    return None


_BARE_WAN = re.compile(r"(\d)\s*万$")


def read_published_amount(text: str):
    """An amount as published; 180万 (湘潭's 年度本级预算金额) is 180 万元, written without its 元."""
    return _read_amount(_BARE_WAN.sub(r"\1万元", text.strip()))


def _excerpt(text: str, length: int = 30) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[:length] + "…"
