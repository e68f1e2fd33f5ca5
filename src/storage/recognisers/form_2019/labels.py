"""The labels of the 2019 部门整体绩效目标表, what a cell says it is, and how a grid is told to be one.

Apart from the reader so that department_form.is_department_form can ask without importing it; LabelledGrid is
a grid with what each of its cells is, and where a label's value stands.

A cell is a label when its text, compared loosely (no spaces or line breaks, half-width brackets and colons,
without a leading 1. or 其中：), is one of the words the form uses for it: alone (部门名称, 关键性指标, a header), or
followed by its value after ： or : (部门名称：广州市…, 关键性指标：调解成功率, 1. 财政拨款收入：5,922.53). Forms say
the same thing in several ways (关键性指标 or 任务（政策）关键性指标（产出、效益、公众满意度方面）, 预期实现值 or
预期值, 其他需要说明的情况 or 备注), so each role has its words and how they may stand: the whole label, or its start,
or (for the long column headers) the word anywhere in a short cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ....model.declaration import DEPARTMENT_LABELS
from ...containers.sheet_grid import Grid, cell_text, label_key

SCAN_ROWS = 400
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
NUMBERING = re.compile(r"^(?:\d{1,2}\s*[.、．]|其中:)")
INCOME_LABEL = "本年度部门预算收入"
# The income lines by the words that name them, without their numbering (1. / 其中：).
INCOME = {"total": "总额", "fiscal": "财政拨款收入", "general": "一般公共预算", "fund": "政府性基金预算",
          "special": "财政专户管理资金", "business": "事业收入", "operating": "经营收入", "other": "其他收入"}
OTHER_INCOME = ("special", "business", "operating", "other")  # together: the current form's 其他资金
NAME, FUNCTIONS = DEPARTMENT_LABELS["name"], DEPARTMENT_LABELS["functions"]
GOAL_LABEL, KEY, EXPECTED = "部门整体支出目标", "关键指标", "预期实现值"
PLAN, TASK_INDICATOR, STANDARD, PROJECTS = "主要支出计划", "关键性指标", "绩效标准", "主要实施项目"
THREE_YEARS, THIS_YEAR, REMARKS = "三年期", "本年", ("其他需要说明的情况", "其他需要说明", "备注")
OTHER_COLUMN = "other"  # LabelledGrid.header_columns: under a header that is none of the roles asked for
SPLIT_LINE = re.compile(r"^(?:其中[:：])?\s*(.+?)[:：]\s*([^:：]+)$")

# role → the label's words (loose keys): exactly, as its start, or (contains) anywhere in a label of ≤ 40 characters.
_EXACT = {
    "name": ("部门名称", "单位名称", "部门(单位)名称"),
    "functions": ("部门职能概述", "部门职能", "职能概述", "部门职责", "部门主要职能"),
    "income": (INCOME_LABEL, "部门预算收入", "本年度预算收入", "预算收入"),
    "goals": ("年度目标", "年度绩效目标"),
    "this_year": (THIS_YEAR, "本年度", "本年目标", "本年度目标", "当年", "年度目标(本年)"),
    "goal": (GOAL_LABEL, "整体支出目标", "部门整体支出绩效目标", "部门整体目标", "支出目标"),
    "key": (KEY, "关键绩效指标"),
    "task": ("任务(政策)", "任务", "任务名称", "任务(政策)名称", "对应任务(政策)", "对应任务、政策"),
    "task_goal": ("任务(政策)的绩效目标", "任务的绩效目标", "任务绩效目标", "绩效目标"),
    "remarks": REMARKS + ("其他说明",),
}
_START = {
    "expected": (EXPECTED, "预期值", "预期目标值"),
    "three_years": (THREE_YEARS,),
    "standard": (STANDARD,),
    "projects": (PROJECTS, "实施项目"),
}
_CONTAINS = {"plan": PLAN, "indicator": TASK_INDICATOR}
# The labels that stand over the form's columns or rows (a header row, a heading): not values of anything.
FRAME_ROLES = frozenset(("income", "goals", "this_year", "three_years"))
TOP_ROLES = frozenset(("name", "functions", "income", "remarks", *INCOME))  # what ends the 年度目标
# Labels that may follow a value inside one cell (关键性指标：X；绩效标准：Y): the plan's and the 关键指标's own words,
# never a word as common as 任务 or 目标 alone.
_INNER_WORDS = ("任务(政策)的绩效目标", "任务的绩效目标", "任务(政策)", "关键性指标", "绩效标准", "主要实施项目", "关键指标",
                "预期实现值", "预期值", "部门整体支出目标")
_LOOSE = {"(": "[（(]", ")": "[）)]"}
_INNER = re.compile("(?:" + "|".join(r"\s*".join(_LOOSE.get(ch, re.escape(ch)) for ch in word)
                                     for word in sorted(_INNER_WORDS, key=len, reverse=True))
                    + r")\s*(?:[（(][^（）()]{0,20}[）)])?\s*[:：]")
_PARENTHETICAL = re.compile(r"^\s*[（(][^（）()]*[）)]\s*$")
_LABELLED = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]\s*|其中\s*[:：]\s*)?([^:：]{1,40}?)\s*[:：]\s*(.+)$", re.DOTALL)


def holds_inner_word(text: str) -> bool:
    """Whether a text holds one of the form's own words for its columns (a header drawn into it)."""
    key = label_key(text)
    return any(word in key for word in _INNER_WORDS)


@dataclass(frozen=True)
class Label:
    """What a cell is: its role, and the value written after the label in the same cell (None: the label alone)."""

    role: str
    value: str | None
    words: str  # the label's loose key, as found
    tail: str | None = None  # a label alone whose words run on past it with no ：(绩效标准100%): maybe its value
    more: tuple[Label, ...] = ()  # further labels with their values in the same cell (…体系任务的绩效目标：…)
    stray: str | None = None  # other words in a label alone (数量（1）任务（政策）关键性指标): a PDF ran cells together

    @property
    def glued(self) -> bool:
        """Two or more labels alone, run together in one cell (整体支出目标关键指标): a PDF that lost a rule between
        two columns or two rows prints them so, and the cells under or beside it are run together too."""
        return self.value is None and bool(self.more)

    @property
    def roles(self) -> tuple[str, ...]:
        return (self.role, *(m.role for m in self.more))


def key(value: object) -> str:
    return label_key(value).rstrip(":")


def role_of(words: str) -> str | None:
    """The role a label's loose key names, or None; a number before or after it is no part of it (任务一, 关键指标1,
    (2)关键性指标)."""
    role = _role_of(words)
    if role is None:
        bare = _ITEM_NUMBER.sub("", words)
        role = _role_of(bare) if bare and bare != words else None
    return role


_ITEM_NUMBER = re.compile(r"^(?:\(?\d{1,2}\)|\d{1,2}[.、]|[一二三四五六七八九十]{1,2}、)|(?:\d{1,2}|[一二三四五六七八九十]{1,2})$")


def _role_of(words: str) -> str | None:
    if not words or len(words) > 60:
        return None
    bare = NUMBERING.sub("", words)
    for role, words_of_role in INCOME.items():
        if re.fullmatch(re.escape(words_of_role) + r"(?:\([^()]{0,8}\))?", bare):
            return role
    for role, labels in _EXACT.items():
        if words in labels:
            return role
    if len(words) <= 40:  # before the starts: 三年期主要支出计划 is the plan's header, not the block's mark
        for role, word in _CONTAINS.items():
            if word in words:
                return role
    for role, starts in _START.items():
        if words.startswith(starts):
            return role
    return None


def read_label(value: object) -> Label | None:
    """The label a cell holds (alone or with its value after ：/:), or None when it holds none."""
    text = cell_text(value).strip()
    return _read_label(text) if text else None


@lru_cache(maxsize=4096)  # a merged cell's copies, a header repeated on every page: read once
def _read_label(text: str) -> Label | None:
    found = _LABELLED.match(text)
    if found is not None:  # 关键性指标：调解成功率 — before the label alone, which would take the value for its tail
        role = role_of(key(found.group(1)))
        if role is not None:
            return _with_more(role, key(found.group(1)), found.group(2).strip())
    words = key(text)
    glued = _glued(words)
    if glued:
        return Label(glued[0][0], None, words, more=tuple(Label(role, None, part) for role, part in glued[1:]))
    role = role_of(words)
    if role is None:
        return None
    return Label(role, None, words, _tail(role, text), stray=_stray(words) if role in _CONTAINS else None)


# Every label's words, and the longer ones that hold another label's words (年度主要支出计划 holds 主要支出计划, 任务(政策)
# 关键性指标 holds 任务(政策)), longest first: to take apart labels run together.
_WORDS = sorted({*(w for words in _EXACT.values() for w in words), *(w for words in _START.values() for w in words),
                 *_CONTAINS.values(), "年度主要支出计划", "三年期主要支出计划", "任务(政策)关键性指标", "本年度部门预算收入"},
                key=len, reverse=True)
_REMARK = re.compile(r"\([^()]{0,24}\)")


def _stray(words: str) -> str | None:
    """What is left of a header's words without the labels and their bracketed remarks, when it is more than a
    word or two: text of another cell run into the header."""
    for word in _WORDS:
        words = words.replace(word, "")
    words = _REMARK.sub("", words)
    return words if len(words) >= 4 else None


def _glued(words: str) -> list[tuple[str, str]] | None:
    """(role, words) of each label in words that are two or more labels run together, else None."""
    parts, at = [], 0
    while at < len(words):
        word = next((w for w in _WORDS if words.startswith(w, at)), None)
        if word is None:
            return None
        end = at + len(word)
        remark = _REMARK.match(words, end)
        if remark:
            end = remark.end()
        role = role_of(words[at:end]) or role_of(word)
        if role is None:
            return None
        parts.append((role, words[at:end]))
        at = end
    return parts if len(parts) > 1 else None


def _with_more(role: str, words: str, value: str) -> Label:
    """label：value, and the labels with their values that follow in the same cell."""
    starts = [m.start() for m in _INNER.finditer(value) if m.start() > 0]
    if not starts:
        return Label(role, value, words)
    more = []
    for start, end in zip(starts, [*starts[1:], len(value)]):
        found = _LABELLED.match(value[start:end])
        inner = role_of(key(found.group(1))) if found else None
        if inner is not None:
            more.append(Label(inner, found.group(2).strip().rstrip("；;，,"), key(found.group(1))))
    return Label(role, value[:starts[0]].strip().rstrip("；;，,") or None, words, more=tuple(more)) if more \
        else Label(role, value, words)


def _tail(role: str, text: str) -> str | None:
    """What runs on past a label that names its role by its start (绩效标准100%), unless it is the label's own
    bracketed remark (绩效标准（指标解释及预期实现值）)."""
    for start in _START.get(role, ()):
        loose = r"\s*".join(_LOOSE.get(ch, re.escape(ch)) for ch in start)
        found = re.match(r"\s*" + loose, text)
        if found:
            rest = text[found.end():].strip()
            return rest if rest and not _PARENTHETICAL.match(rest) else None
    return None


def is_plan_header(k: str) -> bool:
    """The 年度主要支出计划 heading (a short cell), not a long text that happens to mention it."""
    return PLAN in k and len(k) <= 30


_MARK_WORDS = ("预算收入", "关键", "绩效标准", "预期")  # in every label is_form_2019's marks need


def is_form_2019(grid: Grid) -> bool:
    """Marks only the 2019 form has, standing in a row as its table puts them — in two cells or more of the row (a
    line of text, even with its labels run together, is not the table): 本年度部门预算收入 beside one of its income
    lines, a 关键性指标 beside its 绩效标准, 关键指标 beside 预期实现值 — as headers, or as labels before their values
    (关键性指标：… | 绩效标准：…, or both in one cell beside another labelled cell). The current forms have none."""
    for row in grid.rows[:SCAN_ROWS]:
        # The row's text without spaces or line breaks, as label_key() would give each cell (the words hold no bracket).
        words = "".join("".join(cell_text(v) for v in row if v is not None).split())
        if not any(word in words for word in _MARK_WORDS):
            continue  # no word of those marks in the row: not worth reading its cells' labels
        roles: set[str] = set()
        cells = 0
        for value in row:
            label = read_label(value) if value is not None else None
            if label is not None:
                cells += 1
                roles.update(label.roles if not label.glued else (label.role,))
        if cells < 2:
            continue
        if "income" in roles and roles & INCOME.keys():
            return True
        if {"indicator", "standard"} <= roles or {"key", "expected"} <= roles:
            return True
    return False


class LabelledGrid:
    """A grid with what each of its cells is (read_label), and where a label's value stands."""

    def __init__(self, grid: Grid):
        self.grid = grid
        self.height = min(len(grid.rows), SCAN_ROWS)
        self.labels: dict[tuple[int, int], Label] = {}
        for r in range(self.height):
            for c, value in enumerate(grid.rows[r]):
                if value is not None:
                    label = read_label(value)
                    if label is not None:
                        self.labels[(r, c)] = label
        self.repeated = self._repeated_rows()

    def _repeated_rows(self) -> set[int]:
        """Rows of the form's other sections printed again further down (a PDF's title rows repeated on each
        page): read once, and never taken for the end of the 年度目标 they interrupt."""
        seen: set[tuple[str, ...]] = set()
        repeated = set()
        for r in range(self.height):
            words = tuple(sorted({label.words for _, label in self.row_labels(r) if label.role in TOP_ROLES}))
            if words and not self._income_label_alone(r):
                if words in seen:
                    repeated.add(r)
                seen.add(words)
        return repeated

    def text(self, r: int, c: int) -> str:
        return self.grid.text(r, c).strip()

    def width(self, r: int) -> int:
        return len(self.grid.rows[r])

    def bare(self, r: int, c: int) -> bool:
        label = self.labels.get((r, c))
        return label is not None and label.value is None

    def row_labels(self, r: int) -> list[tuple[int, Label]]:
        return [(c, self.labels[(r, c)]) for c in range(self.width(r)) if (r, c) in self.labels]

    def find(self, wanted, start: int = 0, stop: int | None = None) -> tuple[int, int, Label] | None:
        for r in range(start, self.height if stop is None else stop):
            for c, label in self.row_labels(r):
                if wanted(label):
                    return r, c, label
        return None

    def right(self, r: int, c: int) -> str | None:
        """The next filled cell right of (r, c), past the copies a merged cell leaves; None when it is a bare label."""
        own = self.text(r, c)
        for k in range(c + 1, self.width(r)):
            text = self.text(r, k)
            if not text or text == own:
                continue
            return None if self.bare(r, k) else text
        return None

    def below(self, r: int, c: int, stop: int) -> str | None:
        own = self.text(r, c)
        for k in range(r + 1, min(stop, self.height)):
            text = self.text(k, c)
            if text and text != own:
                return None if self.bare(k, c) else text
        return None

    def value(self, r: int, c: int, stop: int | None = None) -> str | None:
        """A label's value: after it in its cell, else right of it, else below it (a header over its value)."""
        label = self.labels[(r, c)]
        if label.value is not None:
            return label.value
        right = self.right(r, c)
        if right is not None:
            return right
        return self.below(r, c, r + 3 if stop is None else stop)

    def is_field(self, r: int, c: int) -> bool:
        """A bare label with its value right of it (任务 | 健全…), not a header over a column."""
        return self.bare(r, c) and self.right(r, c) is not None

    def is_header(self, r: int, c: int) -> bool:
        return self.bare(r, c) and self.right(r, c) is None

    def texts(self, r: int) -> set[str]:
        """The texts a row holds, each once (a merged cell's copies are one)."""
        return {self.text(r, c) for c in range(self.width(r)) if self.text(r, c)}

    def is_heading(self, r: int) -> bool:
        """A row across the form that only names a block (三年期目标, 本年, 年度目标), however many cells it fills."""
        texts = self.texts(r)
        return len(texts) == 1 and any(self.bare(r, c) and self.labels[(r, c)].role in FRAME_ROLES
                                       for c in range(self.width(r)))

    def ends_goals(self, r: int) -> bool:
        """A row of the form's other sections (部门名称, 本年度部门预算收入 and its lines, 其他需要说明的情况). The
        本年度部门预算收入 label alone, with none of its lines beside it, is not one: a PDF printed in strips draws the
        label column's merged cells once, and carried over the page breaks that label may reach down beside the
        年度目标's rows, whose labels then say what the row is."""
        if self._income_label_alone(r):
            return False
        return r not in self.repeated and any(label.role in TOP_ROLES for _, label in self.row_labels(r))

    def _income_label_alone(self, r: int) -> bool:
        roles = {label.role for _, label in self.row_labels(r)}
        return roles & TOP_ROLES == {"income"} and not roles & INCOME.keys()

    def is_aside(self, r: int) -> bool:
        """A row that is no row of the part it stands in: a heading, or a title row repeated by a page."""
        return r in self.repeated or self.is_heading(r)

    def runs(self, r: int, left: int = 0) -> list[tuple[list[int], str]]:
        """The row's filled cells from column left on as (columns, text), a merged cell's copies (the same text in
        the cells beside it) taken once with all their columns."""
        runs: list[tuple[list[int], str]] = []
        for c in range(left, self.width(r)):
            text = self.text(r, c)
            if not text:
                continue
            if runs and runs[-1][1] == text and runs[-1][0][-1] == c - 1:
                runs[-1][0].append(c)
            else:
                runs.append(([c], text))
        return runs

    def header_columns(self, r: int, roles: dict[str, str]) -> dict[str, set[int]]:
        """The columns under each header of row r (roles: a label's role → the column's role): the label's cell and
        the copies a merged header leaves beside it. A cell of labels run together names no column."""
        found: dict[str, set[int]] = {}
        for columns, _ in self.runs(r):
            label = self.labels.get((r, columns[0]))
            if label is None or label.value is not None or label.glued or label.role not in roles:
                found.setdefault(OTHER_COLUMN, set()).update(columns)  # a column the reader does not read (序号, 备注)
                continue
            found.setdefault(roles[label.role], set()).update(columns)
        return found

    @staticmethod
    def column_role(columns: list[int], headers: dict[str, set[int]]) -> str | None:
        """The one header a run of cells stands under (OTHER_COLUMN: a header the reader does not read), or None:
        under none (a PDF whose columns did not line up with its header), or across two."""
        under = [role for role, cells in headers.items() if role != OTHER_COLUMN and cells.intersection(columns)]
        if not under and headers.get(OTHER_COLUMN, set()).intersection(columns):
            return OTHER_COLUMN
        return under[0] if len(under) == 1 else None

    def has_content(self, r: int) -> bool:
        return any(self.text(r, c) and not self.bare(r, c) for c in range(self.width(r)))
