"""部门整体预算绩效目标申报表 from the text of its PDF (seed 003) → a grid department_form/ reads.

The form's own labels carry it: a line that starts with a label keeps its value beside it
(部门名称 广州市海珠区司法局, 基本支出 2,293.28); a paragraph label alone on its line
(总体绩效目标) takes the lines below it up to the next label; the two tables (年度重点工作任务,
绩效指标) start at their header lines, and their cells are told apart by kind (an amount, a short
value) and by the width of their lines (a wrapped cell's last line is the short one).
Excel prints a wide form as a left and a right page: the right page repeats the title, and its
table headers carry the remaining columns. Its rows are joined to the left page's rows when both
halves have as many; otherwise the left columns are left empty and a note says so — which 二级 a
三级指标 belongs to cannot be told from such text, and is never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import framework
from ..containers.sheet_grid import Grid, label_key
from ..containers.text_lines import (
    TOLERANCE,
    closes_bracket,
    ends_sentence,
    is_amount,
    join_wrapped,
    merge_label_tails,
    width,
)
from .form_2019.text import form_2019_grid, looks_like_form_2019

_VALUE_LABELS = frozenset(label_key(label) for label in (
    "部门名称", "预算整体情况", "部门预算支出", "事业发展性支出", "收入来源", "按预算级次划分", "基本支出", "项目支出",
    "财政专项资金", "其他事业发展性支出", "财政拨款", "其他资金", "区本级使用资金", "本级使用资金",
    "拟用于对下转移支付资金", "对下转移支付资金", "年度重点工作任务", "绩效指标"))
_PARAGRAPH_LABELS = frozenset(("部门职能概述", "总体绩效目标"))
_TABLES = {
    "task": {"名称": "name", "主要实施内容": "content", "拟投入的资金": "funds", "期望达到的目标": "expected"},
    "indicator": {"一级指标": "level1", "二级指标": "level2", "三级指标": "name", "实施周期指标值": "period_value",
                  "年度指标值": "annual_value"},
}
_TEMPLATE_TASK = "其他需完成的任务"
_VALUE_WIDTH = 24


def department_grid(lines: list[str], name: str, notes: list[str]) -> Grid | None:
    if looks_like_form_2019(lines):  # the 2019 form: read apart, only what its text makes certain
        return form_2019_grid(lines, name, notes)
    keys = {label_key(line.split()[0]) for line in lines}
    if "部门名称" not in keys or not keys & {"总体绩效目标", "预算整体情况"}:
        return None
    return _Form(lines).grid(name, notes)


@dataclass
class _Half:
    roles: list[str]
    lines: list[str] = field(default_factory=list)


@dataclass
class _Table:
    kind: str
    labels: list[str] = field(default_factory=list)
    halves: list[_Half] = field(default_factory=list)


class _Form:
    def __init__(self, lines: list[str]):
        self.rows: list[list[str] | _Table] = []
        self.tables: dict[str, _Table] = {}
        self.paragraphs: list[list[str]] = []  # [label, text] rows, text filled as lines come
        self.loose: list[list[str]] = []  # text under no label: a merged cell repeated on the right page
        self.target: list[str] | _Half | None = None
        self.department: str | None = None
        title = lines[0] if lines and ("申报表" in lines[0] or "目标表" in lines[0]) else None
        page_break = False
        for line in lines:
            if line == title and self.rows:
                self.target, page_break = None, True
                continue
            if page_break and self.department and label_key(line) == label_key(self.department):
                continue  # the 部门名称 value, printed again on the right page
            page_break = False
            self._line(line)

    def _line(self, line: str) -> None:
        tokens = merge_label_tails(line.split())
        key = label_key(tokens[0])
        last = self.rows[-1] if self.rows else None
        if isinstance(last, list) and len(last) == 1 and self.target is None and closes_bracket(last[0], line):
            last[0] += line  # a wrapped label: 其他需完成的任务（可选 / 填）
            return
        table = self._table_header(tokens)
        if table is not None:
            return
        if key.startswith(_TEMPLATE_TASK):
            self.rows.append([" ".join(tokens)])
            self.target = None
        elif key in _PARAGRAPH_LABELS:
            row = [tokens[0], " ".join(tokens[1:])]
            self.rows.append(row)
            self.paragraphs.append(row)
            self.target = row
        elif key in _VALUE_LABELS or key.startswith("部门名称:"):
            self.rows.append(tokens)
            if key == "部门名称" and len(tokens) > 1:
                self.department = " ".join(tokens[1:])
            self.target = None
        elif isinstance(self.target, _Half):
            self.target.lines.append(line)
        else:
            if not isinstance(self.target, list):
                self.target = [""]
                self.loose.append(self.target)
                self.rows.append(self.target)
            self.target[-1] = join_wrapped(self.target[-1], line)

    def _table_header(self, tokens: list[str]) -> _Table | None:
        for kind, labels in _TABLES.items():
            roles = [next((role for label, role in labels.items() if label_key(token).startswith(label)), None)
                     for token in tokens]
            if None in roles or (len(roles) == 1 and roles[0] == "name" and kind == "task"):
                continue
            table = self.tables.get(kind)
            if table is None:
                table = self.tables[kind] = _Table(kind)
                self.rows.append(table)
            same = next((half for half in table.halves if set(roles) <= set(half.roles)), None)
            if same is not None:  # the header repeated on the next page: the same columns go on
                self.target = same
                return table
            table.labels.extend(tokens)
            half = _Half(roles)
            table.halves.append(half)
            self.target = half
            return table
        return None

    def grid(self, name: str, notes: list[str]) -> Grid:
        texts = {label_key(row[1]) for row in self.paragraphs}
        rows: list[list[object]] = []
        for row in self.rows:
            if isinstance(row, _Table):
                rows.extend(_table_rows(row, notes))
            elif not (any(row is loose for loose in self.loose) and label_key(row[0]) in texts):
                rows.append(row)
        return Grid(name, rows)


def _table_rows(table: _Table, notes: list[str]) -> list[list[object]]:
    halves = [(_indicator_rows if table.kind == "indicator" else _task_rows)(half) for half in table.halves]
    roles = [role for half in table.halves for role in half.roles]
    caption = "绩效指标" if table.kind == "indicator" else "年度重点工作任务"
    if len({len(rows) for rows in halves}) <= 1:
        body = [[cell for rows in row_parts for cell in rows] for row_parts in zip(*halves)]
    else:
        main = next((i for i, half in enumerate(table.halves) if "name" in half.roles), 0)
        start = sum(len(half.roles) for half in table.halves[:main])
        stop = start + len(table.halves[main].roles)
        body = []
        for row in halves[main]:
            cells = [""] * len(roles)
            cells[start:stop] = row
            body.append(cells)
        lost = "、".join(label for i, label in enumerate(table.labels) if not start <= i < stop)
        notes.append(f"{caption}在文本中分成左右两页，两边的行数不同（{'、'.join(str(len(r)) for r in halves)} 行），"
                     f"无法一一对应：{lost}已留空，请补填")
    problem = _implausible(roles, body)
    if problem:
        notes.append(f"{caption}无法从文本中可靠地分出各栏（{problem}），未导入，请补填")
        return [list(table.labels)]
    return [list(table.labels), *body]


def _implausible(roles: list[str], body: list[list[str]]) -> str | None:
    """What shows that cells were put together wrongly: a row without its name, a name that is running
    text or holds values, an amount where text belongs."""
    for row in body:
        cells = dict(zip(roles, row))
        name = cells.get("name", "")
        if not name:
            return "有一行没有名称"
        if "。" in name or width(name) > 120 or name[0] in "）)，,、":
            return f"名称“{name[:16]}…”不像名称"
        words = name.split()
        if len(words) > 1 and any(any(c.isdigit() for c in word) and width(word) <= 8 for word in words):
            return f"名称“{name[:16]}…”中夹着指标值"
        if any(is_amount(cells.get(role, "").replace(" ", "")) for role in ("content", "expected")):
            return "金额落在了文字栏里"
    return None


def _task_rows(half: _Half) -> list[list[str]]:
    """Cells in column order, a new row when the row has no column left for the next cell: an amount
    is a cell of its own (拟投入的资金), text lines are grouped into cells by their widths."""
    rows: list[list[str]] = []
    column = len(half.roles)
    has_funds = "funds" in half.roles
    for kind, text in _cells(half.lines, len(half.roles)):
        money = kind == "amount" and has_funds
        fitting = [i for i, role in enumerate(half.roles) if (role == "funds") == money]
        following = [i for i in fitting if i >= column]
        if not following:
            rows.append([""] * len(half.roles))
            following = fitting
        rows[-1][following[0]] = text
        column = following[0] + 1
    return rows


def _cells(lines: list[str], columns: int) -> list[tuple[str, str]]:
    """(kind, text) cells of a table half: a line with a few words, as many as the columns at most, is a
    row's cells side by side; other lines are grouped into wrapped cells by their widths."""
    cells: list[tuple[str, str]] = []
    widths: list[int] = []
    for line in lines:
        tokens = line.split()
        if not 2 <= len(tokens) <= columns or any(t[-1] in ",;:，；：、" for t in tokens[:-1]):
            tokens = [line]
        for token in tokens:
            if is_amount(token.replace(" ", "")):
                cells.append(("amount", token.replace(" ", "")))
                widths = []
            elif widths and len(tokens) == 1 and _continues(widths, token, cells[-1][1]):
                cells[-1] = ("text", join_wrapped(cells[-1][1], token))
                widths.append(width(token))
            else:
                cells.append(("text", token))
                widths = [width(token)]
    return cells


def _continues(widths: list[int], line: str, text: str) -> bool:
    """The line goes on with the cell above: not after a short last line, nor after a sentence's end
    when its width differs from the cell's."""
    this = width(line)
    if this > widths[-1] + TOLERANCE:
        return False
    return not (ends_sentence(text) and abs(this - max(widths)) > TOLERANCE)


def _indicator_rows(half: _Half) -> list[list[str]]:
    """Levels by their names (一级 and 二级 merged down their rows, so carried on); a 三级 name over
    as many lines as it wraps, closed by the line that ends with its values."""
    roles = half.roles
    values = [role for role in roles if role in ("period_value", "annual_value")]
    rows: list[list[str]] = []
    level1 = level2 = None
    name = ""
    for line in half.lines:
        tokens = line.split()
        while tokens and ("level1" in roles or "level2" in roles):
            level = framework.canonical_level(tokens[0])
            if "level2" in roles and level1 and framework.fits(level1, level):
                level2 = level
            elif "level1" in roles and framework.is_known_level1(level):
                level1, level2 = level, None
            elif "level2" in roles and framework.is_known_level2(level):
                level2 = level
            else:
                break
            tokens.pop(0)
            if "name" not in roles and level2:
                rows.append(_row(roles, {"level1": level1, "level2": level2}))
        if not tokens or "name" not in roles:
            continue
        count = _trailing_values(tokens, len(values), bool(name))
        if count:
            name = join_wrapped(name, " ".join(tokens[:-count]))
            found = dict(zip(values[len(values) - count:], tokens[-count:]))
            rows.append(_row(roles, {"level1": level1, "level2": level2, "name": name, **found}))
            name = ""
        else:
            name = join_wrapped(name, " ".join(tokens))
    if name:
        rows.append(_row(roles, {"level1": level1, "level2": level2, "name": name}))
    return rows


def _trailing_values(tokens: list[str], wanted: int, named: bool) -> int:
    """How many tokens at the end of the line are values: all the value columns after a name, or
    one where the line has nothing else and a name is waiting."""
    short = [width(t) <= _VALUE_WIDTH for t in tokens]
    if wanted and len(tokens) >= wanted and all(short[-wanted:]) and (len(tokens) > wanted or named):
        return wanted
    lone = tokens[0]
    if named and len(tokens) == 1 and width(lone) <= 12 and any(c.isdigit() for c in lone) \
            and not any(c in lone for c in "（()）"):
        return 1
    return 0


def _row(roles: list[str], values: dict[str, str | None]) -> list[str]:
    return [values.get(role) or "" for role in roles]
