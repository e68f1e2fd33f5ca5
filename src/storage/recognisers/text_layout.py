"""The text of a PDF as copied from a viewer or extracted (seeds 000, 003) → grids the recognisers read.

Such text has lost the table. The cells of a row follow one another: separated by a space (or a run
of spaces) where they share a line, by a line break where one wraps; a cell's text wraps over
several lines and even mid-word (年度指\\n标值); page numbers and repeated titles fall between rows.

项目支出绩效目标表 is rebuilt here: its header line gives the columns (project_table.py's labels); the
short cells (names, units, amounts, period) come first in a record, a wrapped one told by the width
of its lines (a wrapped cell's last line is the short one); the numbered indicator text 1、… belongs
to 绩效指标 and the text before it to 绩效目标. A new record starts after a line that ended a sentence,
with a line whose first words fit the short columns (or repeat the first cell of an earlier record).
部门整体预算绩效目标申报表 is rebuilt in text_form.
"""

from __future__ import annotations

import re

from ..containers.sheet_grid import Grid, label_key
from ..containers.text_lines import (
    TOLERANCE,
    closes_bracket,
    ends_sentence,
    is_amount,
    join_wrapped,
    merge_label_tails,
    text_lines,
    title_cells,
    width,
)
from ..infra.errors import FileProblem
from ..infra.progress import Progress, every, tell
from .department_form_text import department_grid
from .indicator_text import split_items
from .project_table import find_project_header

_HEADER_SCAN_LINES = 60
_SHORT_TEXT_WIDTH = 80  # a name or unit of up to 40 Chinese characters
_FOOTER = re.compile(r"^(?:注[:：]|备注|说明[:：]|填报人|填表人|制表人?|审核人|单位负责人|财务负责人|联系人|联系电话|填报日期)")
_PERIOD = re.compile(r"^(?:19|20)\d{2}\s*年?\s*[-－—–~至到]\s*(?:(?:19|20)\d{2}\s*年?|\d{2})$|^\d{1,2}\s*年$")
_WORD_END = "。；;，,、：:！？!?"
_INDICATOR_START = re.compile(r"(?:^|(?<=\s))1\s*[、.．]\s*(?:\d{1,2}\s*[-－—]\s*)?(?:产出|效益|满意度|成本)")
_NEXT_ITEM = re.compile(r"^(\d{1,3})?\s*[、．.]")
_INDENT = re.compile(r"[ \t\u3000]{4,}\S")
_POSITIONAL = ("这段文本是按版面位置排列的（如 pdftotext -layout 的输出），各栏的文字交错在同一行里，无法可靠地还原成表格。"
               "请直接打开 PDF，或在 PDF 阅读器、网页中选中表格复制后粘贴")
_UNCLEAR = ("文本中的表格无法可靠地还原：{reason}。各栏的文字似乎没有按行排列（例如先列出全部项目名称，再列出全部绩效目标）。"
            "请直接打开 PDF，或在 PDF 阅读器、网页中选中表格复制后粘贴")
PARAGRAPH_ROLES = ("goal", "indicators")
TEXT, AMOUNT, PERIOD, ANY = "text", "amount", "period", "any"
_COLUMN_KIND = {"total": AMOUNT, "fiscal": AMOUNT, "special_account": AMOUNT, "other": AMOUNT, "period": PERIOD}


def layout_grids(text: str, name: str, notes: list[str], progress: Progress | None = None) -> list[Grid]:
    """The tables the text holds; FileProblem(name) when it holds one this cannot rebuild faithfully."""
    lines = text_lines(text)
    if _positional(text):
        header = any(_project_header(line) for line in lines[:_HEADER_SCAN_LINES])
        if header or any(label_key(line.split()[0]) == "部门名称" for line in lines):
            raise FileProblem(name, _POSITIONAL)
        return []
    table = project_grid(lines, name, notes, progress)
    if table is not None:
        return [table]
    form = department_grid(lines, name, notes)
    return [form] if form is not None else []


def _positional(text: str) -> bool:
    """Text laid out by position (pdftotext -layout): lines indented to their column, the cells of
    several rows side by side on one line."""
    lines = [line for line in re.split(r"\r\n|\r|\n|\f", text) if line.strip()]
    indented = sum(1 for line in lines if _INDENT.match(line))
    return len(lines) >= 4 and indented * 4 >= len(lines)


# ---- 项目支出绩效目标表 -------------------------------------------------------------------------

def project_grid(lines: list[str], name: str, notes: list[str], progress: Progress | None = None) -> Grid | None:
    for index, line in enumerate(lines[:_HEADER_SCAN_LINES]):
        header = _project_header(line)
        if header is not None:
            break
    else:
        return None
    labels, roles = header
    body_start = index + 1
    if body_start < len(lines) and labels and closes_bracket(labels[-1], lines[body_start]):
        labels[-1] += lines[body_start]
        body_start += 1
    above = set(lines[:body_start])
    body = [line for line in lines[body_start:] if line not in above]  # titles and header repeated per page
    if len(body) < len(lines) - body_start:
        notes.append(f"重复的标题或表头 {len(lines) - body_start - len(body)} 行（换页处）已略去")
    records = _Records(roles, notes)
    step = every(len(body))
    for position, line in enumerate(body):
        if progress is not None and position % step == 0:
            tell(progress, name, position, len(body))
        if _FOOTER.match(line) and (position == 0 or ends_sentence(body[position - 1])):
            notes.append(f"表格后的 {len(body) - position} 行文字（“{line[:12]}…”）不是表格内容，未导入")
            break
        records.take(line)
    reason = records.unclear()
    if reason:
        raise FileProblem(name, _UNCLEAR.format(reason=reason))
    rows: list[list[object]] = [title_cells(line) for line in lines[:index]]
    rows.append(list(labels))
    rows.extend(record.cells for record in records.records)
    notes.append(f"从文本中按表头“{' '.join(labels)}”重建出 {len(records.records)} 行")
    return Grid(name, rows)


def _project_header(line: str) -> tuple[list[str], list[str | None]] | None:
    tokens = merge_label_tails(line.split())
    if len(tokens) < 2 or any(width(t) > 40 for t in tokens):
        return None
    found = find_project_header(Grid("", [tokens]))
    if found is None:
        return None
    role_of = {column: role for role, column in found[1].items()}
    return tokens, [role_of.get(column) for column in range(len(tokens))]


def _token_kind(token: str) -> str:
    if is_amount(token):
        return AMOUNT
    if _PERIOD.match(token):
        return PERIOD
    return TEXT


def _short_text(token: str) -> bool:
    return width(token) <= _SHORT_TEXT_WIDTH and token[-1] not in _WORD_END and "。" not in token


class _Record:
    def __init__(self, size: int):
        self.cells = [""] * size
        self.next_short = 0  # index into the short columns
        self.widths: dict[int, list[int]] = {}  # text columns filled so far → the widths of their lines
        self.widths_seen: dict[int, int] = {}  # text column → the width of its first line
        self.paragraph: int | None = None  # the column paragraph text goes to, once it started


class _Records:
    def __init__(self, roles: list[str | None], notes: list[str]):
        self.roles = roles
        first_paragraph = next((i for i, r in enumerate(roles) if r in PARAGRAPH_ROLES), len(roles))
        self.short = list(range(first_paragraph))
        self.kinds = [_COLUMN_KIND.get(role, TEXT) if role else ANY for role in roles]  # 序号 and the like: ANY
        self.goal = roles.index("goal") if "goal" in roles else None
        self.indicators = roles.index("indicators") if "indicators" in roles else None
        if any(r not in PARAGRAPH_ROLES for r in roles[first_paragraph:]):
            notes.append("表头中绩效目标、绩效指标之后的栏目无法从文本中分出，已留空")
        self.records: list[_Record] = []
        self.first_cells: set[str] = set()
        self.seen: dict[int, set[str]] = {column: set() for column in self.short}  # values of earlier records
        self.widest: dict[int, int] = {}  # the widest first line of each text column in earlier records
        self.previous = ""

    def take(self, line: str) -> None:
        tokens = line.split()
        if not self.records or self._starts_record(line, tokens):
            if self.records:
                for column in self.short:
                    self.seen[column].add(self.records[-1].cells[column])
                for column, widths in self.records[-1].widths_seen.items():
                    self.widest[column] = max(self.widest.get(column, 0), widths)
            record = _Record(len(self.roles))
            self.records.append(record)
            self.first_cells.add(tokens[0])
            self._short_cells(record, tokens)
        else:
            record = self.records[-1]
            if record.paragraph is None:
                self._short_cells(record, tokens)
            else:
                self._paragraph(record, line)
        self.previous = line

    def unclear(self) -> str | None:
        """Why the records cannot be what the text meant, if they cannot."""
        if self.indicators is not None:
            merged = sum(1 for r in self.records if len(_INDICATOR_START.findall(r.cells[self.indicators])) > 1)
            if merged:
                return f"{merged} 行的绩效指标里有不止一组从“1、”编起的指标"
        paragraphs = [c for c in (self.goal, self.indicators) if c is not None]
        bare = sum(1 for r in self.records
                   if paragraphs and not any(r.cells[c] for c in paragraphs)
                   and not any(self.kinds[c] == AMOUNT and r.cells[c] for c in self.short))
        if bare > 2 and bare * 10 > len(self.records):
            return f"{bare} 行只有名称，既没有绩效目标、绩效指标，也没有金额"
        return None

    # -- where a record starts
    def _starts_record(self, line: str, tokens: list[str]) -> bool:
        record = self.records[-1]
        fitting, typed = self._fit(tokens)
        if record.paragraph is None:  # among the short cells still: a typed row (name + amounts) is a new one
            complete = record.next_short >= len(self.short)
            return (fitting >= 2 and typed) or (fitting >= 1 and tokens[0] in self.first_cells and complete)
        if not ends_sentence(self.previous) or self._continues_numbering(record, line):
            return False
        if fitting >= 2 or (fitting >= 1 and tokens[0] in self.first_cells):
            return True
        # after the indicator text ended a sentence, a short line that does not go on numbering: a first
        # cell of its own line (the cells beside it wrap)
        return fitting == 1 and len(tokens) == 1 and record.paragraph == self.indicators

    def _fit(self, tokens: list[str]) -> tuple[int, bool]:
        """How many leading tokens fit the short columns in order, and whether one is an amount or period.

        An empty amount or period column may be passed over; a text column may not."""
        column, fitting, typed = 0, 0, False
        for token in tokens:
            kind = _token_kind(token)
            if kind == TEXT and not _short_text(token):
                break
            while column < len(self.short) and self.kinds[self.short[column]] not in (kind, TEXT, ANY):
                column += 1
            if column >= len(self.short) or self.kinds[self.short[column]] not in (kind, ANY):
                break
            fitting, typed, column = fitting + 1, typed or kind != TEXT, column + 1
        return fitting, typed

    def _continues_numbering(self, record: _Record, line: str) -> bool:
        if self.indicators is None or record.paragraph != self.indicators:
            return False
        match = _NEXT_ITEM.match(line)
        if match is None:
            return False
        expected = len(split_items(record.cells[self.indicators])) + 1
        return match.group(1) is None or int(match.group(1)) == expected

    # -- filling a record
    def _short_cells(self, record: _Record, tokens: list[str]) -> None:
        column = self._wrapping(record, tokens[0]) if tokens else None
        if column is not None:
            record.cells[column] = join_wrapped(record.cells[column], tokens[0])
            record.widths[column].append(width(tokens[0]))
            tokens = tokens[1:]
        while tokens and record.next_short < len(self.short):
            column = self.short[record.next_short]
            kind, token_kind = self.kinds[column], _token_kind(tokens[0])
            if token_kind == TEXT and not _short_text(tokens[0]):
                break
            record.next_short += 1
            if kind in (token_kind, ANY):
                record.cells[column] = tokens.pop(0)
                if token_kind == TEXT:
                    record.widths[column] = [width(record.cells[column])]
                    record.widths_seen[column] = record.widths[column][0]
        if tokens:
            self._paragraph(record, " ".join(tokens))

    def _wrapping(self, record: _Record, token: str) -> int | None:
        """The short cell the token goes on with, as the next line of a wrapped cell: the widest of the
        record's text cells (a wrapped cell fills its column) that is not a value an earlier record had
        (番禺区司法局 is whole) nor narrower than that column's cells in earlier records (a wrapped
        cell's first line fills its column), not closed by a short line, and not narrower than the token."""
        open_cells = [c for c in record.widths if record.cells[c] not in self.seen.get(c, ())
                      and record.widths[c][0] >= self.widest.get(c, 0) - 2 * TOLERANCE]
        if _token_kind(token) != TEXT or not _short_text(token) or not open_cells:
            return None
        column = max(open_cells, key=lambda c: (record.widths[c][0], c))
        widths = record.widths[column]
        if len(widths) >= 2 and widths[-1] < widths[-2] - TOLERANCE:
            return None
        return column if width(token) <= widths[-1] + TOLERANCE else None

    def _paragraph(self, record: _Record, text: str) -> None:
        record.widths = {}
        if record.paragraph is None:
            record.paragraph = self.goal if self.goal is not None else self.indicators
            if record.paragraph is None:
                return
        if self.indicators is not None and record.paragraph != self.indicators:
            start = _INDICATOR_START.search(text)
            if start is not None:
                before, text = text[: start.start()].strip(), text[start.start():]
                if before:
                    record.cells[record.paragraph] = join_wrapped(record.cells[record.paragraph], before)
                record.paragraph = self.indicators
        record.cells[record.paragraph] = join_wrapped(record.cells[record.paragraph], text)
