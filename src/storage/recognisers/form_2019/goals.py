"""The 年度目标 of the 2019 form: its blocks (本年, 三年期) and their parts, found and read by their labels and headers.

Forms differ in where all this stands, so nothing is found by its place (labels.py says what a cell is):
a label's value is in the same cell after ：/:, or in the next filled cell to its right, or below a header; the
blocks' parts (部门整体支出目标 with its 关键指标, and the 主要支出计划) are found by their headers in any order,
and grouped into blocks by what repeats (a second 主要支出计划 starts the next block); a block is 本年 or 三年期 by
its marks (the 本年/三年期 label column or heading, the plan header's 年度…/三年期…), else by its order. Each part is
then read by parts.py.
"""

from __future__ import annotations

from collections import Counter

from .blocks import Block, Part, same_text
from .labels import THIS_YEAR, THREE_YEARS, LabelledGrid
from .parts import read_key, read_plan


# ---- 年度目标: the parts, the blocks, their labels ------------------------------------------------

def read_blocks(form: LabelledGrid) -> list[Block]:
    blocks: list[Block] = []
    for part in _parts(form):
        if not blocks or part.kind in {p.kind for p in blocks[-1].parts}:
            blocks.append(Block([part]))
        else:
            blocks[-1].parts.append(part)
    _label_blocks(form, blocks)
    for block in blocks:
        for part in block.parts:
            (read_key if part.kind == "key" else read_plan)(form, part, block)
    return blocks


def _event(form: LabelledGrid, r: int, current: Part | None) -> tuple[str, str] | None:
    """Whether row r starts (or goes on with) a part: ("key" | "plan", its header text), or None."""
    labels = form.row_labels(r)
    headers = {role for c, label in labels if form.is_header(r, c) for role in label.roles}
    for c, label in labels:
        if label.role == "goal":
            return "key", label.value or ""
    if "key" in headers:
        return "key", ""
    for c, label in labels:
        if label.role == "plan" and label.value is None:
            return "plan", label.words
    if {"indicator", "standard"} <= headers:
        return "plan", ""
    roles = {role for _, label in labels for role in label.roles}
    if (current is None or current.kind != "key") and "key" in roles:  # labelled 关键指标 with no header above
        return "key", ""
    if (current is None or current.kind != "plan") and roles & {"task", "indicator"}:  # labelled tasks, no header
        return "plan", ""
    return None


def _parts(form: LabelledGrid) -> list[Part]:
    """The parts in the order they stand. A header of the part being read goes on with it when nothing was read
    since (a heading over a header row), or when it repeats the part's header (a page's repeated header, a goal
    repeated down its rows)."""
    parts: list[Part] = []
    current: Part | None = None
    for r in range(form.height):
        if form.ends_goals(r):
            if current is not None:
                current.stop = r
            current = None
            continue
        if r in form.repeated:
            continue
        event = _event(form, r, current)
        if event is not None and current is not None and current.kind == event[0] \
                and (not current.content or same_text(event[1], current.header)):
            current.header = current.header or event[1]
            event = None
        if event is None:
            if current is not None and r > current.start and form.has_content(r):
                current.content = True
            continue
        if current is not None:
            current.stop = r
            if current.kind == "plan" and event[0] == "key" and _unlabelled_text(form, r):
                current.run_into = r  # a row of the plan and the next block's header run together (current_form)
        current = Part(event[0], r, form.height, header=event[1])
        parts.append(current)
    return parts


def _unlabelled_text(form: LabelledGrid, r: int) -> bool:
    """Whether row r holds text that is no label of the form's (a value of the row's own)."""
    return any(form.text(r, c) and (r, c) not in form.labels for c in range(form.width(r)))


def _label_blocks(form: LabelledGrid, blocks: list[Block]) -> None:
    """本年 or 三年期, by the marks in and above each block; unmarked blocks by their order."""
    votes = [Counter() for _ in blocks]

    def block_at(r: int) -> int | None:
        for index, block in enumerate(blocks):
            if any(p.start <= r < p.stop for p in block.parts):
                return index
        return None

    for index, block in enumerate(blocks):
        plan = block.part("plan")
        if plan is not None and plan.header:
            if plan.header.startswith(THREE_YEARS):
                votes[index][THREE_YEARS] += 5
            elif plan.header.startswith(("年度", "本年")):
                votes[index][THIS_YEAR] += 5
    starts = {p.start: index for index, block in enumerate(blocks) for p in block.parts}
    beside: set[tuple[int, str]] = set()  # a label column's mark counts once per block: a merged cell is one mark,
    # however many rows it was copied into (carried over a page break, it may reach into the next block's rows)
    for (r, _), label in form.labels.items():
        if label.role not in ("this_year", "three_years") or label.value is not None:
            continue
        name = THIS_YEAR if label.role == "this_year" else THREE_YEARS
        if r in starts:  # in a part's header row: a label column beside it
            beside.add((starts[r], name))
        elif form.has_content(r) and block_at(r) is not None:  # beside the block's rows
            beside.add((block_at(r), name))
        else:  # a heading: over the block below it
            later = [i for i, b in enumerate(blocks) if b.parts[0].start > r]
            if later:
                votes[later[0]][name] += 2
    for index, name in beside:
        votes[index][name] += 1
    for block, counted in zip(blocks, votes):
        if counted:
            block.label = counted.most_common(1)[0][0]
    taken = {b.label for b in blocks}
    for block in blocks:
        if block.label is None:
            block.label = THIS_YEAR if THIS_YEAR not in taken else THREE_YEARS if THREE_YEARS not in taken else None
            block.by_order = len(blocks) > 1
            taken.add(block.label)
    first = next((b for b in blocks if b.label == THIS_YEAR), None)
    for block in blocks:
        if block.label == THIS_YEAR and block is not first:
            block.label = None  # another block that says 本年: reported, not mixed in
