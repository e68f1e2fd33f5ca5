"""What a PDF's grid does to the rows of the 2019 form's 年度目标, and how the form's shape reads them anyway.

A PDF's grid is not the sheet's (containers/pdf): without ruling lines its cells are cut where the text lies, so a
cell can stand between two headers, rows merged down join the rows beside them, two cells' texts run together, a
row too low for its text pushes it into the row above, and columns that did not fit the page go to other pages.
What the form's shape settles is read (a 关键指标 row's two texts are the indicator and its value, left to right; a
plan row's two texts beside the task's own cells are a 关键性指标 and its 绩效标准; the one header cell that is no
label between two that are heads the column missing there), and said on the indicator or task; what it does not
(more texts than the row has fields) is left out and said — a field not read is left empty with a note at it.
"""

from __future__ import annotations

from .blocks import COLUMNS, Block, Tasks, pair
from .labels import OTHER_COLUMN, SPLIT_LINE, LabelledGrid


def unaligned(form: LabelledGrid, r: int, headers: dict[str, set[int]], left: int, constant) -> list[tuple[str | None, str]] | None:
    """A row whose text does not stand under the headers (a PDF without rules, cut into columns by where its text
    lies, puts a cell between two headers): its runs of text left to right as (the header it stands under or None,
    text), without those constant(role, text) says are the part's merged cells; None when every cell stands under
    one header (read by its column) or the row repeats a header."""
    if not headers:
        return None
    runs = [(form.column_role(columns, headers), text, columns) for columns, text in form.runs(r, left)]
    if not any(role is None for role, _, _ in runs):
        return None
    runs = [(role, text, columns) for role, text, columns in runs if role != OTHER_COLUMN]
    if any(form.bare(r, columns[0]) for _, _, columns in runs):
        return None  # a header again, or a heading
    return [(role, text) for role, text, _ in runs if not constant(role, text)]


def key_by_order(block: Block, r: int, texts: list[tuple[str | None, str]]) -> None:
    """A 关键指标 row whose cells stand under no header: its two texts are the indicator and its 预期实现值, in that
    order; one text across the columns is a 其中：…：100% line; anything else cannot be told apart."""
    if len(texts) == 2:
        pair(block, texts[0][1], texts[1][1])
        if block.pairs and block.pairs[-1] == (texts[0][1].strip(), texts[1][1].strip()):
            block.key_by_order.append((r, len(block.pairs) - 1))
    elif len(texts) == 1 and texts[0][1].startswith("其中") and SPLIT_LINE.match(texts[0][1]):
        block.spanning.append(texts[0][1])
    elif texts:
        block.key_skipped.append(r)


def above_header(form: LabelledGrid, start: int, header: int, block: Block) -> None:
    """Rows of the plan's part above its header row (a row too low for its text pushes it into the row above): the
    关键指标's line across both columns (其中：…：100%) is taken wherever it stands, as parts.read_key takes it, when the
    block's 关键指标 stand right above its plan."""
    key = block.part("key")
    if key is None or key.start > start:
        return
    for r in range(start, header):
        for text in dict.fromkeys(form.text(r, c) for c in range(form.width(r))):
            for line in text.splitlines():
                line = line.strip()
                if line.startswith("其中") and SPLIT_LINE.match(line) and line not in block.spanning:
                    block.spanning.append(line)


def unreadable_header(form: LabelledGrid, r: int, columns: dict[str, int], held: set[str], block: Block) -> None:
    """One column of the plan not named in its header row, and one header cell there that is no label (a cell too
    low for its text prints only a piece of it: 、公众满意度方面）) between the columns that stand either side of it
    in the form: that cell heads the missing column, and the note says so."""
    missing = [role for role in COLUMNS if role not in columns and role not in held]
    if len(missing) != 1 or missing[0] in ("task", "projects"):
        return
    at = COLUMNS.index(missing[0])
    before, after = columns.get(COLUMNS[at - 1]), columns.get(COLUMNS[at + 1])
    if before is None or after is None or before >= after:
        return
    unread = [(c, text) for c, text in ((c, form.text(r, c)) for c in range(before + 1, after))
              if text and text != form.text(r, before) and text != form.text(r, after) and (r, c) not in form.labels]
    if len({text for _, text in unread}) != 1:
        return
    columns[missing[0]] = unread[0][0]
    block.guessed_header = (r, unread[0][1], missing[0])


_ONCE_A_TASK = ("task", "goal", "projects")  # the plan's cells merged down a task's rows (or repeated in each)


def plan_by_order(tasks: Tasks, r: int, texts: list[tuple[str | None, str]]) -> None:
    """A plan row whose cells stand under no header: the task's own cells where they stand under theirs, and of the
    rest two texts are a 关键性指标 and its 绩效标准, left to right; more (or one under no header) cannot be told apart,
    and are said on the task."""
    items = [(role, text, None) for role, text in texts if role in _ONCE_A_TASK]
    rest = [(role, text) for role, text in texts if role not in _ONCE_A_TASK]
    by_order = len(rest) == 2
    if by_order:
        items += [("indicator", rest[0][1], None), ("standard", rest[1][1], None)]
    elif len(rest) == 1 and rest[0][0] is not None:
        items.append((rest[0][0], rest[0][1], None))
    tasks.add(items, r)
    if rest and (by_order or rest[0][0] is None or len(rest) > 2):
        if tasks.task is None:
            tasks.block.skipped.append(r)
        else:
            tasks.task["by_order" if by_order else "unread"].append(r)


def rows_run_together(cells: list[list[tuple]], roles: list[str]) -> list[list[tuple]]:
    """A row's items, as one row or as the rows a PDF ran together into it: a cell that holds its column's label
    twice (关键性指标：…关键性指标：…) holds two rows' cells, the k-th of each column going with the k-th of the others."""
    pieces = []
    for cell, role in zip(cells, roles):
        runs: list[list[tuple]] = []
        for item in cell:
            if not runs or item[0] == role:
                runs.append([])
            runs[-1].append(item)
        pieces.append(runs)
    count = max((len(runs) for runs in pieces), default=0)
    if count <= 1:
        return [[item for cell in cells for item in cell]]
    return [[item for runs in pieces if k < len(runs) for item in runs[k]] for k in range(count)]


def outside(form: LabelledGrid, r: int, left: int) -> bool:
    """A row whose text stands left of the table's columns: not one of its rows (in a PDF, the pieces of a cell
    cut by a page break come out so)."""
    for c in range(min(left, form.width(r))):
        text = "".join(form.text(r, c).split())
        if len(text) >= 4 and not form.labels.get((r, c)) and not text.replace(".", "").isdigit():
            return True
    return False
