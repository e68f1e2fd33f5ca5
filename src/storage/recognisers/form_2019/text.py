"""The 2019 部门整体绩效目标表 from the text of its PDF (seed 004) → a grid reader.py reads.

Such text lists the form a column at a time, in the order the PDF drew its blocks: the 关键指标 names of
a block, then far below its 预期实现值; the task names away from their goals, their indicators and their
projects. Which name goes with which value cannot be told from that, so only what is certain is taken:
部门名称 and 部门职能概述 (a label with its value or its paragraph right below), the year from the title,
and the income amounts when they stand beside their labels, or when the labels and a run of as many
amounts follow one another and the amounts add up as the form says they must (总额 = 1. + … + 5.,
财政拨款收入 = 一般公共预算 + 政府性基金预算). The rest is left for the clerk, and the notes say so.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ...containers.sheet_grid import Grid, label_key
from ...containers.text_lines import is_amount, join_wrapped
from .labels import (
    FUNCTIONS,
    INCOME,
    INCOME_LABEL,
    NAME,
    OTHER_INCOME,
    key,
    read_label,
    role_of,
)
from ..ocr_numbers import Kind, read_published_amount

_TITLE = re.compile(r"(?:19|20)\d{2}\s*年.{0,12}部门整体绩效目标表")
_SECTIONS = (INCOME_LABEL, "年度目标", "本年", "三年期", "部门整体支出目标", "年度主要支出计划", "三年期主要支出计划",
             "其他需要说明的情况", "关键指标", "预期实现值")
_NUMBERING = re.compile(r"^(?:\d{1,2}\s*[.、．]\s*|其中\s*[:：]\s*)")
_LEFT = ("文本中年度目标的关键指标/预期实现值、年度主要支出计划的任务/绩效目标/关键性指标/绩效标准/主要实施项目是一栏一栏"
         "列出的（先列出一栏的全部内容，再列出下一栏），无法可靠地对应成行，未导入：总体绩效目标、绩效指标和年度重点工作任务请补填，"
         "或直接打开 PDF、在 PDF 阅读器中选中表格复制后粘贴")


def looks_like_form_2019(lines: list[str]) -> bool:
    keys = {label_key(line) for line in lines}
    return any(_TITLE.search(line) for line in lines[:80]) and (
        any(k.startswith(INCOME_LABEL) for k in keys) or any("主要支出计划" in k for k in keys))


def form_2019_grid(lines: list[str], name: str, notes: list[str]) -> Grid:
    rows: list[list[object]] = []
    title = next((line for line in lines if _TITLE.search(line)), None)
    if title:
        rows.append([title])
    department = _labelled(lines, NAME)
    if department:
        rows.append([NAME, department])
    functions = _paragraph(lines, FUNCTIONS)
    if functions:
        rows.append([FUNCTIONS, functions])
        notes.append(f"{FUNCTIONS}按文本中标签后的段落读取：PDF 的文本可能把一段文字拆开、与别的栏目交错，请对照原表核对")
    elif any(found is not None and found.role == "functions" for found in map(read_label, lines)):
        notes.append(f"文本中有“{FUNCTIONS}”，但读不出它的内容（与别的栏目交错），请按原表补填")
    rows.extend([INCOME_LABEL, label, amount] for label, amount in _income(lines, notes))
    notes.append("按 PDF 复制或导出的文本读取 2019 年部门整体绩效目标表，只取能确定的内容")
    if any(key(line).startswith(("关键指标", "年度主要支出计划", "部门整体支出目标")) for line in lines):
        notes.append(_LEFT)
    return Grid(name, rows)


def _labelled(lines: list[str], label: str) -> str | None:
    """The value on the label's own line: 部门名称: 广州市天河区司法局."""
    for line in lines:
        k = label_key(line)
        if k.startswith(label) and len(k) > len(label) + 1:
            return re.sub(r"^" + r"\s*".join(label) + r"\s*[:：]?\s*", "", line).strip() or None
    return None


def _paragraph(lines: list[str], label: str) -> str | None:
    """The label's paragraph: beside it on its line (部门职能：负责…) and the lines below, or the lines right below
    the label alone on its line (or wrapped as 部门职能 / 概述:), up to the next label, amount or title."""
    for index, line in enumerate(lines):
        k, start = key(line), index + 1
        if k != label and start < len(lines) and label.startswith(k) and len(k) >= 2:
            k, start = k + key(lines[start]), start + 1  # the label wrapped over two lines
        found = read_label(line)
        if k == label or (found is not None and found.role == role_of(label) and found.value is None):
            text = ""
            break
        if found is not None and found.role == role_of(label):
            text = found.value
            break
    else:
        return None
    for line in lines[start:]:
        if is_amount(line.replace(" ", "")) or _TITLE.search(line) or _is_label(line):
            break
        text = join_wrapped(text, line)
    return text or None


def _is_label(line: str) -> bool:
    k = _NUMBERING.sub("", key(line))
    return any(k.startswith(label_key(s)) for s in _SECTIONS) or any(k.startswith(w) for w in INCOME.values()) \
        or read_label(line) is not None


def _income(lines: list[str], notes: list[str]) -> list[tuple[str, str]]:
    """(label, amount) of the income lines: beside each other, or paired in order only when the sums hold."""
    labelled: list[tuple[str, str, str | None]] = []  # role, label, amount on the same line
    for line in lines:
        k = _NUMBERING.sub("", label_key(line))
        role = next((r for r, words in INCOME.items() if k.startswith(words) and r not in {x[0] for x in labelled}), None)
        if role is None:
            continue
        tokens = re.split(r"\s+|[:：]\s*", line.strip())  # 5.其他收入 0.00, or 5.其他收入：0.00
        amount = tokens[-1] if len(tokens) > 1 and _amount_like(tokens[-1]) else None
        label = line if amount is None else line.strip()[:-len(amount)].rstrip(" :：")
        labelled.append((role, label, amount))
    if not labelled:
        return []
    if all(amount for _, _, amount in labelled):
        return [(label, amount) for _, label, amount in labelled]
    amounts = _amount_run(lines, len(labelled))
    if amounts is not None:
        pairs = {role: amount for (role, _, _), amount in zip(labelled, amounts)}
        if _sums_hold(pairs):
            notes.append(f"本年度部门预算收入的 {len(labelled)} 个金额与栏目在文本中分开列出，已按顺序对应，"
                         "并用总额与各项之和核对无误")
            return [(label, amount) for (_, label, _), amount in zip(labelled, amounts)]
    notes.append("本年度部门预算收入的金额与栏目在文本中分开列出，且无法用合计核对对应关系，未导入"
                 f"（{'、'.join(INCOME[role] for role, _, amount in labelled if amount is None)}），请补填")
    return [(label, amount or "") for _, label, amount in labelled]


def _amount_like(token: str) -> bool:
    return is_amount(token) or read_published_amount(token).kind is Kind.MENDED


def _amount_run(lines: list[str], count: int) -> list[str] | None:
    """The first run of exactly `count` lines that are each one amount."""
    run: list[str] = []
    for line in [*lines, ""]:
        if line and _amount_like(line.replace(" ", "")):
            run.append(line)
            continue
        if len(run) == count:
            return run
        run = []
    return None


def _sums_hold(pairs: dict[str, str]) -> bool:
    values = {role: read_published_amount(text).value for role, text in pairs.items()}
    if any(value is None for value in values.values()) or "total" not in values or "fiscal" not in values:
        return False
    parts = [values[r] for r in ("fiscal", *OTHER_INCOME) if r in values]
    if values["total"] != sum(parts, Decimal(0)):
        return False
    inside = [values[r] for r in ("general", "fund") if r in values]
    return not inside or values["fiscal"] == sum(inside, Decimal(0))
