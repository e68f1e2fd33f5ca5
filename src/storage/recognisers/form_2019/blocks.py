"""What a reading of the 2019 form's 年度目标 gathers: the parts found (部门整体支出目标 with its 关键指标, the 主要支出
计划), the blocks they make with what was read under them and what could not be, and the plan's rows as tasks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .labels import SPLIT_LINE, holds_inner_word

COLUMNS = ("task", "goal", "indicator", "standard", "projects")  # the plan's columns (parts._PLAN_ROLES' values)


@dataclass
class Part:
    kind: str  # "key": 部门整体支出目标 and its 关键指标; "plan": the 主要支出计划
    start: int
    stop: int
    header: str = ""  # the plan's header text (年度主要支出计划…), or the goal label's value
    content: bool = False
    run_into: int | None = None  # (a plan) the row where its last row and the next block's header ran together


@dataclass
class Block:
    parts: list[Part]
    label: str | None = None
    goal: str | None = None
    pairs: list[tuple[str, str]] = field(default_factory=list)
    spanning: list[str] = field(default_factory=list)  # a line across both columns: 其中：…：100%
    tasks: list[dict] = field(default_factory=list)
    glued: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)  # (row, header, columns): a PDF's
    key_glued: tuple[int, str, tuple[str, ...]] | None = None
    skipped: list[int] = field(default_factory=list)  # rows of the plan whose text stands outside its columns
    missing_columns: tuple[int, list[str]] | None = None  # (header row, the plan's columns not found in it)
    by_order: bool = False  # 本年 or 三年期 told by where the block stands, the form saying neither
    key_by_order: list[tuple[int, int]] = field(default_factory=list)  # (row, pair index): 关键指标 read left to right
    key_skipped: list[int] = field(default_factory=list)  # rows of 关键指标 under no header that could not be read
    guessed_header: tuple[int, str, str] | None = None  # (row, text, column): a plan header read by where it stands

    def part(self, kind: str) -> Part | None:
        return next((p for p in self.parts if p.kind == kind), None)


def same_text(new: str, old: str) -> bool:
    """A header that goes on with the part's own: none, the same, or a piece of it (a cell cut by a page break)."""
    new, old = "".join(new.split()), "".join(old.split())
    return not new or new == old or (bool(old) and (old.startswith(new) or new.startswith(old)))


def pair(block: Block, name: str, value: str) -> None:
    name, value = name.strip(), value.strip()
    if not (name or value):
        return
    if name == value or (name and not value and _spanning(name)):
        _add_spanning(block, name)
        return
    lines = name.split("\n")
    if len(lines) > 1 and _spanning(lines[-1].strip()):
        # The line across both columns under the 关键指标 (其中：部门年度整体预算完成率：100%) drawn into a 关键指标's
        # cell: a PDF that lost the row border between them (a strip's rows joined), or rows too low for their text
        # (drawn over the rows above, and perhaps in its own row too: read once)
        name = "\n".join(lines[:-1]).strip()
        _add_spanning(block, lines[-1].strip())
    block.pairs.append((name, value))


def _add_spanning(block: Block, line: str) -> None:
    if line not in block.spanning:
        block.spanning.append(line)


def _spanning(line: str) -> bool:
    return line.startswith("其中") and bool(SPLIT_LINE.match(line)) and not holds_inner_word(line)


class Tasks:
    """Rows of the plan → tasks: a task's name starts it, and it runs until another name; its goal and projects
    once however many rows repeat them; each 关键性指标 with the 绩效标准 beside or after it."""

    def __init__(self, block: Block, page_header: tuple[str, ...] = ()):
        self.block = block
        self.task: dict | None = None
        self.page_header = tuple(words for words in page_header if words)  # 部门名称 and its value, repeated by a page

    def _goes_on(self, text: str) -> bool:
        """A name that is the current task's, or a piece of it (a page break cut the cell), also when the page's
        repeated 部门名称 row was drawn into the cell (部门名称深入开展…广州市天河区司法局)."""
        name = self.task["name"] or "" if self.task is not None else None
        if name is None:
            return False
        if same_text(text, name):
            return True
        bare = "".join(text.split())
        for words in self.page_header:
            bare = bare.replace("".join(words.split()), "")
        return bare != "".join(text.split()) and same_text(bare, name)

    def add(self, items: list[tuple[str, str, tuple | None]], row: int) -> None:
        pair_here: list | None = None
        for role, text, glued in items:
            text = (text or "").strip()
            if not text:
                continue
            if role == "task":  # a new name starts a task; a piece of the name (a page break cut it) goes on with it
                if not self._goes_on(text):
                    self._start(text, row)
            elif self.task is None:
                self._start(None, row)
            task = self.task
            if glued:
                task["glued"].append((row, glued))
            if role == "task":
                continue
            if role in ("goal", "projects"):
                bucket = task["goals" if role == "goal" else "projects"]
                if text not in bucket:
                    bucket.append(text)
            elif role == "indicator":
                pair_here = [text, ""]
                task["pairs"].append(pair_here)
            elif role == "standard":
                if pair_here is not None and not pair_here[1]:
                    pair_here[1] = text
                elif task["pairs"] and not task["pairs"][-1][1] and task["pairs"][-1] is not pair_here:
                    task["pairs"][-1][1] = text  # the 绩效标准 on the row below its 关键性指标
                else:
                    pair_here = ["", text]
                    task["pairs"].append(pair_here)

    def _start(self, name: str | None, row: int) -> None:
        self.task = {"name": name, "goals": [], "pairs": [], "projects": [], "row": row, "glued": [], "by_order": [],
                     "unread": []}
        self.block.tasks.append(self.task)
