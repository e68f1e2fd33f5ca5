"""The 2019 部门整体绩效目标表 laid out the ways real forms are (issue 22 item 5): variants and their facts, and the
reader measured on them.

    .venv/bin/python -m scripts.corpus.form_2019_variants                  # build/form2019-variants/ (all, 2-4 min)
    .venv/bin/python -m scripts.corpus.form_2019_variants --subset         # tests/data/form2019/variants/
    .venv/bin/python -m scripts.corpus.form_2019_variants --measure [DIR]  # read every variant, print the tables

The facts are seed 004's (tests/data/form2019/tianhe-2019.facts.json) or a bench-made form's
(scripts/corpus/sources.form2019_facts), rendered under seeded knobs — where the labels stand and how the cells
hold them, not what the form says:

  task_cells    the task, its 绩效目标 and its 主要实施项目 (and a block's 部门整体支出目标) over the task's rows:
                merged, repeated in every row, or in the first row only
  label_cells   a label and its value in two cells (部门名称 | 广州市…; a header row over the columns), or in one
                (部门名称：广州市…, 关键指标：…, 关键性指标：…, 绩效标准：…; no header rows), or packed: as one, and a
                pair's two labelled values in one cell (关键性指标：…；绩效标准：…)
  plan_layout   the 主要支出计划 as a table (a row per 关键性指标) or as records (a task's labelled rows, one below
                the other)
  frame         年度目标 / 本年 / 三年期 as label columns on the left (seed 004) or as heading rows above their blocks
  section_order 部门名称…, 本年度部门预算收入, 年度目标 in the seed's order, or the income after the goals, or the
                name and functions last
  block_order   in each block the 关键指标 before the 主要支出计划 (seed) or after; or the 三年期 block first
  three_years   the 三年期 block printed or not (it has no place in the current form: no facts)
  label_text    the labels as seed 004 prints them, shortened (关键性指标, 绩效标准, 预期值, 备注 …), or spaced and
                broken (部 门 名 称, 本年度部门\\n预算收入)
  first_column, header_at, amounts, line_breaks, orientation, row_heights: as scripts/corpus/knobs.py

Two designs, as scripts/make_corpus.py: one knob at a time from seed 004's own layout, and random combinations
(each value of each knob equally often). Every rendering is written as .xlsx (openpyxl, merges real) and .tsv (the
clipboard's text); a seeded subset is converted by LibreOffice headless, one file at a time, to .xls, .ods, .html
and .pdf, and each PDF's text taken by pdftotext (-layout and -raw in turn) as .txt. variants.expected.json lists
every variant with its knobs and facts, in scripts/corpus/compare.py's terms (so the measurement is make_corpus's: right, missing noted/silent, wrong noted/silent, invented).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from src.model.declaration import BUDGET_LABELS

from . import containers, sources
from .facts import Anchor, Facts
from .indicator_text import break_anywhere
from .sheet import PageSetup, Sheet

ROOT = Path(__file__).resolve().parents[2]
FULL = ROOT / "build" / "form2019-variants"
SUBSET = ROOT / "tests" / "data" / "form2019" / "variants"
MANIFEST = "variants.expected.json"  # .expected.json: scripts/dump_readings.py does not read it as a declaration
SEED = 2019
RANDOM_COUNT = 96
LO_SHARE = 0.4  # of the full set's renderings, converted by LibreOffice
SUBSET_BASES = 9
# Knob values the committed subset shows together in one rendering: the layout issue 22 names (task cells merged
# down each task's rows, labels and values in one cell), also with seed 004's text; the 三年期 block first; seed
# 004's text in records, and under headings with its task cells in their first row only.
TOGETHER = ({"task_cells": "merged", "label_cells": "one"},
            {"task_cells": "merged", "label_cells": "one", "source": "tianhe-2019"},
            {"block_order": "three_years_first", "three_years": "yes", "frame": "headings"},
            {"source": "tianhe-2019", "plan_layout": "record", "three_years": "yes"},
            {"source": "tianhe-2019", "frame": "headings", "task_cells": "first_only"})
CONTAINERS = ("xlsx", "xls", "ods", "html", "pdf", "tsv", "txt")
TXT_STYLES = ("layout", "raw")  # pdftotext's two ways of giving a PDF's text (a PDF reader's copy is like one)
LO_CONTAINERS = ("xls", "ods", "html", "pdf")

KNOBS = {
    "source": ["tianhe-2019", "bench"],
    "task_cells": ["merged", "repeated", "first_only"],
    "label_cells": ["two", "one", "packed"],
    "plan_layout": ["table", "record"],
    "frame": ["columns", "headings"],
    "section_order": ["official", "income_last", "head_last"],
    "block_order": ["official", "plan_first", "three_years_first"],
    "three_years": ["yes", "no"],
    "label_text": ["seed", "short", "spaced"],
    "first_column": ["A", "shifted"],
    "header_at": ["top", "lower"],
    "amounts": ["number", "number_thousands", "text_thousands"],
    "line_breaks": ["none", "anywhere"],
    "orientation": ["landscape", "portrait"],
    "row_heights": ["fitted", "generous"],
}
BASELINE = {knob: values[0] for knob, values in KNOBS.items()}  # seed 004's own layout

OTHER_INCOME = ("2.财政专户管理资金", "3.事业收入", "4.经营收入", "5.其他收入")
SPLIT = "其中："
# Each label as seed 004 prints it, shortened, and spaced or broken; plan/goal_header come from the block.
LABELS = {
    "name": ("部门名称", "部门名称", "部 门 名 称"),
    "functions": ("部门职能\n概述", "部门职能", "部门职能 概述"),
    "income": ("本年度部门预算收入", "部门预算收入", "本年度部门\n预算收入"),
    "goals": ("年度目标", "年度目标", "年 度 目 标"),
    "本年": ("本年", "本年度", "本 年"),
    "三年期": ("三年期", "三年期", "三年\n期"),
    "goal": ("部门整体支出目标", "整体支出目标", "部门整体\n支出目标"),
    "key": ("关键指标", "关键指标", "关 键 指 标"),
    "expected": ("预期实现值", "预期值", "预期\n实现值"),
    "task": ("任务（政策）", "任务", "任 务"),
    "indicator": ("任务（政策）关键性指标（产出、效益、公众满意度方面）", "关键性指标",
                  "任务（政策）关键性指标\n（产出、效益、公众满意度方面）"),
    "standard": ("绩效标准（指标解释及预期实现值）", "绩效标准", "绩效标准（指标解释及\n预期实现值）"),
    "projects": ("主要实施项目（项目名称）", "主要实施项目", "主要实施项目\n（项目名称）"),
    "remarks": ("其他需要说明的情况", "备注", "其他需要\n说明的情况"),
}
STYLES = ("seed", "short", "spaced")


# ---- one rendering --------------------------------------------------------------------------------

class _Form:
    """Writes one rendering into a Sheet, row by row, and the facts of its 本年 block."""

    def __init__(self, facts_in: dict, knobs: dict, rng: random.Random):
        self.f, self.k, self.rng = facts_in, knobs, rng
        self.sheet = Sheet("部门整体绩效目标表", page=PageSetup(orientation=knobs["orientation"],
                                                             row_heights=knobs["row_heights"], repeat_header=False))
        self.facts = Facts()
        self.c = 1 if knobs["first_column"] == "A" else rng.randint(2, 3)
        self.columns = knobs["frame"] == "columns"
        self.x = self.c + 2 if self.columns else self.c  # the first of the five content columns
        self.right = self.x + 4
        self.one = knobs["label_cells"] in ("one", "packed")
        self.packed = knobs["label_cells"] == "packed"
        self.row = 1
        widths = ([12, 8] if self.columns else []) + [30, 30, 28, 26, 24]
        for offset, width in enumerate(widths):
            self.sheet.widths[self.c + offset] = width

    # -- cells
    def label(self, name: str, block: dict | None = None) -> str:
        style = STYLES.index(self.k["label_text"])
        if name in ("plan", "goal_header"):
            seed = block["plan_header" if name == "plan" else "goal_header"]
            short = seed.split("（")[0] if name == "plan" else "绩效目标"
            spaced = seed.replace("（", "\n（", 1) if name == "plan" else seed.replace("的", "的\n", 1)
            return (seed, short, spaced)[style]
        return LABELS[name][style]

    def labelled(self, name: str, value: str, block: dict | None = None) -> str:
        """A label and its value in one cell: 部门名称：广州市…, with a half-width colon one time in four."""
        colon = ":" if self.rng.random() < 0.25 else "："
        return f"{self.label(name, block).replace(chr(10), '')}{colon}{value}"

    def pack(self, first: str, value: str, second: str, other: str) -> str:
        """Two labelled values in one cell: 关键性指标：…；绩效标准：…, with a separator or a line break between."""
        between = self.rng.choice(["；", "，", "\n", " "])
        return f"{self.labelled(first, value)}{between}{self.labelled(second, other)}"

    def text(self, value: str) -> str:
        if value and self.k["line_breaks"] == "anywhere" and len(value) > 30 and self.rng.random() < 0.6:
            return break_anywhere(value, self.rng, every=45)
        return value

    def put(self, row: int, first: int, last: int, value, centre: bool = False, bottom: int | None = None) -> None:
        self.sheet.put(row, first, value, centre=centre)
        self.sheet.merge(row, first, bottom or row, last)

    def down(self, top: int, count: int, first: int, last: int, value: str) -> None:
        """A value over `count` rows as the task_cells knob says: merged, repeated, or in the first row only."""
        mode = self.k["task_cells"]
        if mode == "merged" or count == 1:
            self.put(top, first, last, value, bottom=top + count - 1)
            return
        for r in range(top, top + (count if mode == "repeated" else 1)):
            self.put(r, first, last, value)

    def amount(self, value: Decimal) -> tuple[object, str | None]:
        mode = self.k["amounts"]
        if mode == "number":
            return value, None
        if mode == "number_thousands":
            return value, "#,##0.00"
        return f"{value:,.2f}", None

    def heading(self, text: str, inner: bool = False) -> None:
        """A row across the form (inner: across the content columns, right of the frame's label columns)."""
        self.put(self.row, self.x if inner else self.c, self.right, text, centre=True)
        self.row += 1

    # -- the form
    def render(self) -> tuple[Sheet, Facts]:
        if self.k["header_at"] == "lower":
            self.sheet.put(1, self.c, "附件")
            self.row = self.rng.randint(3, 5)
        self.put(self.row, self.c, self.right, self.f["title"], centre=True)
        self.facts.add("year", self.f["year"], "year")
        self.row += 1
        top = self.row
        sections = {"official": ("head", "income", "goals"), "income_last": ("head", "goals", "income"),
                    "head_last": ("income", "goals", "head")}[self.k["section_order"]]
        for section in sections:
            getattr(self, f"_{section}")()
        self._remarks()
        self.sheet.table_rows = (top, self.row - 1)
        _no_overlaps(self.sheet)
        return self.sheet, self.facts

    def _head(self) -> None:
        for key, value in (("name", self.f["name"]), ("functions", self.f["functions"])):
            shown = self.text(value) if key == "functions" else value
            if self.one:
                self.put(self.row, self.c, self.right, self.labelled(key, shown))
            elif self.columns:
                self.put(self.row, self.c, self.c + 1, self.label(key))
                self.put(self.row, self.x, self.right, shown)
            else:
                self.put(self.row, self.x, self.x, self.label(key))
                self.put(self.row, self.x + 1, self.right, shown)
            at = self.c if self.one else self.x if self.columns else self.x + 1
            self.facts.add(f"department.{key}", value, anchor=Anchor((self.row, at), None))
            self.row += 1

    def _income(self) -> None:
        income = self.f["income"]
        if not self.columns:
            self.heading(self.label("income"))
        first = self.row
        where = {}
        for label, amount in income:
            label = self.income_line(label)
            if self.one:
                self.put(self.row, self.x, self.right, self.labelled_amount(label, amount))
                where[label] = (self.row, self.x)
            else:
                self.put(self.row, self.x, self.x + 2, label)
                value, number_format = self.amount(amount)
                self.sheet.put(self.row, self.x + 3, value, number_format)
                self.sheet.merge(self.row, self.x + 3, self.row, self.right)
                where[label] = (self.row, self.x + 3)
            self.row += 1
        if self.columns:
            self.put(first, self.c, self.c + 1, self.label("income"), bottom=self.row - 1)
        amounts = {label: amount for label, amount in income}
        self.facts.add("department.budget.fiscal", amounts["1. 财政拨款收入"], "amount",
                       anchor=Anchor(where[self.income_line("1. 财政拨款收入")], None))
        self.facts.add("department.budget.other_income", sum((amounts[k] for k in OTHER_INCOME), Decimal(0)), "amount")
        for key in BUDGET_LABELS:
            if key not in ("fiscal", "other_income"):
                self.facts.add(f"department.budget.{key}", None, "amount")  # not on the form: a value read is invented

    def income_line(self, label: str) -> str:
        """An income line's words: as printed in seed 004, without their numbering (short), or spaced."""
        if self.k["label_text"] == "short":
            return re.sub(r"^(?:\d\.\s*|其中：)", "", label).replace("（万元）", "")
        if self.k["label_text"] == "spaced":
            return label.replace(". ", ".").replace("其中：", "其中： ")
        return label

    def labelled_amount(self, label: str, amount: Decimal) -> str:
        shown = f"{amount:,.2f}" if self.k["amounts"] != "number" else f"{amount:.2f}"
        return f"{label}{'：' if self.rng.random() < 0.75 else ':'}{shown}"

    def _goals(self) -> None:
        blocks = [b for b in self.f["blocks"] if b["label"] != "三年期" or self.k["three_years"] == "yes"]
        if self.k["block_order"] == "three_years_first":
            blocks = blocks[::-1]
        top = self.row
        if not self.columns:
            self.heading(self.label("goals"))
        for block in blocks:
            block_top = self.row
            if not self.columns:
                self.heading(f"{self.label(block['label'])}目标" if self.k["label_text"] != "spaced"
                             else self.label(block["label"]))
            facts = self.facts if block["label"] == "本年" else None
            parts = (self._plan, self._key) if self.k["block_order"] == "plan_first" else (self._key, self._plan)
            for part in parts:
                part(block, facts)
            if self.columns:
                self.put(block_top, self.c + 1, self.c + 1, self.label(block["label"]), centre=True, bottom=self.row - 1)
        if self.columns:
            self.put(top, self.c, self.c, self.label("goals"), centre=True, bottom=self.row - 1)

    def _key(self, block: dict, facts: Facts | None) -> None:
        """部门整体支出目标 and its 关键指标/预期实现值 pairs (and the line across both columns)."""
        x = self.x
        if not self.one:
            self.put(self.row, x, x + 1, self.label("goal"), centre=True)
            self.put(self.row, x + 2, x + 2, self.label("key"), centre=True)
            self.put(self.row, x + 3, self.right, self.label("expected"), centre=True)
            self.row += 1
        pairs = [(name, value) for name, value in block["key_indicators"]]
        after = block.get("key_indicators_after")
        top = self.row
        indicators = []
        for name, value in pairs:
            if self.packed:
                self.put(self.row, x + 2, self.right, self.pack("key", name, "expected", value))
            elif self.one:
                self.put(self.row, x + 2, x + 2, self.labelled("key", name))
                self.put(self.row, x + 3, self.right, self.labelled("expected", value))
            else:
                self.put(self.row, x + 2, x + 2, name)
                self.put(self.row, x + 3, self.right, value)
            indicators.append((name, value, self.row, x + 2 if self.packed else x + 3))
            self.row += 1
        if after:
            self.put(self.row, x + 2, self.right, after)
            name, value = after.removeprefix(SPLIT).rsplit("：", 1)
            indicators.append((name, value, self.row, x + 2))
            self.row += 1
        self.row = max(self.row, top + 1)
        goal = self.text(block["goal"])
        self.down(top, self.row - top, x, x + 1, self.labelled("goal", goal) if self.one else goal)
        if facts is None:
            return
        facts.add("department.overall_goal", block["goal"], anchor=Anchor((top, x), None))
        facts.entities["department.indicators"] = [name for name, _, _, _ in indicators]
        for index, (name, value, at, value_column) in enumerate(indicators):
            owner = f"department.indicators[{index}]"
            facts.rows[owner] = at
            facts.add(f"{owner}.name", name, anchor=Anchor((at, x + 2), None))
            facts.add(f"{owner}.annual_value", value, anchor=Anchor((at, value_column), None))
            for field in ("level1", "level2", "period_value"):
                facts.add(f"{owner}.{field}", None, "level" if field.startswith("level") else "text")

    def _plan(self, block: dict, facts: Facts | None) -> None:
        x = self.x
        table = self.k["plan_layout"] == "table"
        if table and not self.one:
            for offset, name in enumerate(("plan", "goal_header", "indicator", "standard", "projects")):
                self.put(self.row, x + offset, x + offset, self.label(name, block), centre=True)
            self.row += 1
        else:
            self.heading(self.label("plan", block).replace("\n", ""), inner=True)
        if facts is not None:
            facts.entities["department.tasks"] = [task["name"] for task in block["tasks"]]
        for index, task in enumerate(block["tasks"]):
            owner = f"department.tasks[{index}]"
            where = self._task_table(task, block) if table else self._task_record(task, block)
            if facts is None:
                continue
            facts.rows[owner] = where["name"][0]
            facts.add(f"{owner}.name", task["name"], anchor=Anchor(where["name"], None))
            facts.add(f"{owner}.expected#goal", task["goal"], match="contains", anchor=Anchor(where["goal"], None))
            facts.add(f"{owner}.content#projects", task["projects"], match="contains",
                      anchor=Anchor(where["projects"], None))
            facts.add(f"{owner}.funds", None, "amount")
            for number, ((name, standard), at) in enumerate(zip(task["indicators"], where["pairs"]), start=1):
                facts.add(f"{owner}.expected#pair{number}", f"{name}\u241f{standard}", match="contains",
                          anchor=Anchor(at, None))

    def _task_table(self, task: dict, block: dict) -> dict:
        x, top = self.x, self.row
        count = max(1, len(task["indicators"]))
        cells = [(x, "task", task["name"]), (x + 1, "goal_header", self.text(task["goal"])),
                 (x + 4, "projects", task["projects"])]
        for column, name, value in cells:
            self.down(top, count, column, column, self.labelled(name, value, block) if self.one else value)
        pairs = []
        for number, (name, standard) in enumerate(task["indicators"]):
            r = top + number
            if self.packed:
                self.put(r, x + 2, x + 3, self.pack("indicator_short", name, "standard_short", standard))
                pairs.append((r, x + 2))
                continue
            self.put(r, x + 2, x + 2, self.labelled("indicator_short", name) if self.one else name)
            self.put(r, x + 3, x + 3, self.labelled("standard_short", standard) if self.one else standard)
            pairs.append((r, x + 3))
        self.row = top + count
        return {"name": (top, x), "goal": (top, x + 1), "projects": (top, x + 4), "pairs": pairs}

    def _task_record(self, task: dict, block: dict) -> dict:
        x = self.x
        where = {}

        def line(name: str, value: str, key: str) -> None:
            if self.one:
                self.put(self.row, x, self.right, self.labelled(name, value, block))
                where[key] = (self.row, x)
            else:
                self.put(self.row, x, x, self.label(name, block))
                self.put(self.row, x + 1, self.right, value)
                where[key] = (self.row, x + 1)
            self.row += 1

        line("task", task["name"], "name")
        line("goal_header", self.text(task["goal"]), "goal")
        pairs = []
        for name, standard in task["indicators"]:
            if self.packed:
                self.put(self.row, x, self.right, self.pack("indicator_short", name, "standard_short", standard))
                pairs.append((self.row, x))
            elif self.one:
                self.put(self.row, x, x + 2, self.labelled("indicator_short", name))
                self.put(self.row, x + 3, self.right, self.labelled("standard_short", standard))
                pairs.append((self.row, x + 3))
            else:
                self.put(self.row, x, x, self.label("indicator_short"))
                self.put(self.row, x + 1, x + 2, name)
                self.put(self.row, x + 3, x + 3, self.label("standard_short"))
                self.put(self.row, self.right, self.right, standard)
                pairs.append((self.row, self.right))
            self.row += 1
        line("projects", task["projects"], "projects")
        where["pairs"] = pairs
        return where

    def _remarks(self) -> None:
        remark = (self.f.get("remarks") or "无").removeprefix("备注：")
        if self.one:
            self.put(self.row, self.c, self.right, self.labelled("remarks", remark))
        else:
            self.put(self.row, self.c, self.c + 1 if self.columns else self.c, self.label("remarks"))
            self.put(self.row, self.x if self.columns else self.c + 1, self.right, remark)
        self.row += 1


# Labels a record or a labelled cell carries: the short words a clerk writes before the value.
LABELS["indicator_short"] = ("关键性指标", "关键性指标", "关 键 性 指 标")
LABELS["standard_short"] = ("绩效标准", "绩效标准", "绩 效 标 准")


def _no_overlaps(sheet: Sheet) -> None:
    taken: dict[tuple[int, int], tuple] = {}
    for merge in sheet.merges:
        for r in range(merge[0], merge[2] + 1):
            for c in range(merge[1], merge[3] + 1):
                assert (r, c) not in taken, f"merges {taken[(r, c)]} and {merge} overlap"
                taken[(r, c)] = merge


# ---- the designs ----------------------------------------------------------------------------------

@dataclass
class Base:
    id: str
    knobs: dict
    design: str
    changed: str | None
    sheet: Sheet
    facts: Facts
    augmented: list[str]


def render(base_id: str, knobs: dict, design: str, changed: str | None, seed: int) -> Base:
    rng = random.Random(f"{seed}-{base_id}")
    facts_in, augmented = sources.form2019_facts(rng, knobs["source"])
    sheet, facts = _Form(facts_in, knobs, rng).render()
    return Base(base_id, knobs, design, changed, sheet, facts, augmented)


def one_knob() -> list[tuple[str | None, dict]]:
    settings: list[tuple[str | None, dict]] = [(None, dict(BASELINE))]
    for knob, values in KNOBS.items():
        settings += [(knob, {**BASELINE, knob: value}) for value in values[1:]]
    return settings


def balanced(count: int, rng: random.Random) -> list[dict]:
    columns = {}
    for knob, values in KNOBS.items():
        column = (values * (count // len(values) + 1))[:count]
        rng.shuffle(column)
        columns[knob] = column
    return [{knob: columns[knob][i] for knob in KNOBS} for i in range(count)]


def plan(seed: int = SEED, count: int = RANDOM_COUNT) -> list[Base]:
    bases = [render(f"v1k{n:02d}", knobs, "one-knob", changed, seed) for n, (changed, knobs) in enumerate(one_knob())]
    rng = random.Random(seed)
    bases += [render(f"v{n:03d}", knobs, "random", None, seed) for n, knobs in enumerate(balanced(count, rng), 1)]
    return bases


def subset(bases: list[Base], limit: int = SUBSET_BASES) -> list[Base]:
    """The baseline and random renderings that together show every value of every knob, small ones first."""
    chosen = [b for b in bases if b.design == "one-knob" and b.changed is None]
    wanted = {(k, v) for k, values in KNOBS.items() for v in values} - set(chosen[0].knobs.items())
    pool = sorted((b for b in bases if b.design == "random"), key=lambda b: (len(b.sheet.cells), b.id))
    while wanted and len(chosen) < limit:
        best = max(pool, key=lambda b: len(set(b.knobs.items()) & wanted))  # max keeps the first (smallest) of ties
        if not set(best.knobs.items()) & wanted:
            break
        chosen.append(best)
        pool.remove(best)
        wanted -= set(best.knobs.items())
    if wanted:
        print(f"the subset misses {sorted(wanted)}", file=sys.stderr)
    for together in TOGETHER:
        if not any(together.items() <= b.knobs.items() for b in chosen):
            chosen.append(next(b for b in pool if together.items() <= b.knobs.items()))
    return chosen


def lo_share(bases: list[Base], seed: int, share: float = LO_SHARE) -> set[str]:
    """Which renderings LibreOffice converts: the one-knob design's all, and a seeded share of the random ones."""
    rng = random.Random(f"{seed}-libreoffice")
    return {b.id for b in bases if b.design == "one-knob" or rng.random() < share}


# ---- files -----------------------------------------------------------------------------------------

def write(bases: list[Base], folder: Path, converted: set[str], seed: int, note: str) -> dict:
    started = time.monotonic()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.is_file() and old.name != "README.md":
            old.unlink()
    workbooks = []
    for index, base in enumerate(bases):
        path = folder / f"{base.id}.xlsx"
        base.sheet.workbook().save(path)
        containers.write_tsv(base.sheet, folder / f"{base.id}.tsv", ("excel", "calc")[index % 2])
        if base.id in converted:
            workbooks.append(path)
    problems = []
    profile = containers.private_profile().with_name("lo-profile-form2019-variants")
    for extension in LO_CONTAINERS:  # one soffice at a time
        problems += containers.convert(workbooks, extension, folder, profile)
    problems += _pdf_texts(bases, folder)
    variants = []
    for index, base in enumerate(bases):
        for container in CONTAINERS:
            path = folder / f"{base.id}.{container}"
            if not path.exists():
                continue
            facts = base.facts
            if container in ("pdf", "txt"):  # the text of the PDF holds what the PDF printed
                facts = base.facts.copy()
                containers.exclude_unprinted(facts, base.sheet, folder / f"{base.id}.pdf")
            knobs = {**base.knobs, "container": container}
            if container == "tsv":
                knobs["tsv_style"] = ("excel", "calc")[index % 2]
            if container == "txt":
                knobs["txt_style"] = TXT_STYLES[index % 2]
            first_row = base.sheet.used()[0]
            variants.append({"id": f"{base.id}-{container}", "file": path.name, "form": "form2019",
                             "container": container, "source": base.knobs["source"], "augmented": base.augmented,
                             "design": base.design, "changed": base.changed, "knobs": knobs,
                             "row_offset": None if container in ("pdf", "txt") else first_row - 1 if container == "tsv"
                             else 0,
                             **facts.manifest()})
    manifest = {"made_by": f"python -m scripts.corpus.form_2019_variants {note}".strip(), "seed": seed,
                "date": datetime.date.today().isoformat(), "libreoffice": containers.lo_version(),
                "renderings": len(bases), "problems": problems, "seconds": round(time.monotonic() - started, 1),
                "variants": variants}
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
                                   .replace('},{"id"', '},\n{"id"'), encoding="utf-8")
    print(f"{len(variants)} variants of {len(bases)} renderings in {folder} ({manifest['seconds']} s), "
          f"{len(problems)} problems", file=sys.stderr)
    for problem in problems:
        print("  " + problem, file=sys.stderr)
    return manifest


def _pdf_texts(bases: list[Base], folder: Path) -> list[str]:
    """Each PDF's text as pdftotext gives it (poppler-utils), -layout and -raw in turn: the text container."""
    program = shutil.which("pdftotext")
    if program is None:
        return ["pdftotext (poppler-utils) is not installed: no .txt"]
    problems = []
    for index, base in enumerate(bases):
        pdf = folder / f"{base.id}.pdf"
        if pdf.exists():
            done = subprocess.run([program, f"-{TXT_STYLES[index % 2]}", "-enc", "UTF-8", str(pdf),
                                   str(folder / f"{base.id}.txt")], capture_output=True, timeout=120, check=False)
            if done.returncode:
                problems.append(f"{pdf.name}: pdftotext failed")
    return problems


# ---- the measurement --------------------------------------------------------------------------------

def measure(folder: Path, jobs: int = 1, timeout: float = 120.0) -> list[tuple[dict, dict]]:
    from scripts.measure_corpus import Pool

    from . import compare

    # The readers in the worker processes here (they may not start processes of their own: readers/worker.py).
    os.environ.setdefault("PERF_TARGET_READ_IN_PROCESS", "1")
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    variants = manifest["variants"]
    pool = Pool(jobs)
    try:
        results = pool.run([str(folder / v["file"]) for v in variants], timeout)
    finally:
        pool.close()
    return [(variant, {**compare.classify(variant, result), "error": result.get("error")})
            for variant, result in zip(variants, results)]


def tables(outcomes: list[tuple[dict, dict]]) -> list[str]:
    """Markdown: per container; per knob value (one-knob design: the knob alone changed) × container, right %."""
    from . import report

    lines = ["Per container (all designs):", ""]
    rows = report.group(outcomes, lambda v: [v["container"]])
    rows["all"] = report.group(outcomes, lambda v: ["all"])["all"]
    lines += report.table(rows, "container", [*CONTAINERS, "all"])
    for design in ("one-knob", "random"):
        mine = [(v, o) for v, o in outcomes if v["design"] == design]
        if not mine:
            continue
        lines += ["", (f"Per knob value, {design} design: right % (missing noted/silent, wrong noted/silent, "
                       "invented) in each container"), ""]
        lines += ["| knob = value | " + " | ".join(CONTAINERS) + " | all |", "|---|" + "---|" * (len(CONTAINERS) + 1)]
        for knob, values in KNOBS.items():
            for value in values:
                def chosen(v, knob=knob, value=value, design=design) -> bool:
                    if design == "one-knob":
                        return v["changed"] == knob and v["knobs"][knob] == value or (
                            v["changed"] is None and BASELINE[knob] == value)
                    return v["knobs"][knob] == value
                picked = [(v, o) for v, o in mine if chosen(v)]
                if not picked:
                    continue
                by = report.group(picked, lambda v: [v["container"], "all"])
                lines.append(f"| {knob} = {value} | " + " | ".join(_cell(by.get(c)) for c in [*CONTAINERS, "all"]) + " |")
    return lines


def _cell(row) -> str:
    if not row or not row["facts"]:
        return "–"
    f = row["facts"]
    return (f"{100 * row['right'] / f:.1f} ({row['missing_noted']}/{row['missing_silent']}, "
            f"{row['wrong_noted']}/{row['wrong_silent']}, {row['invented']})")


def failures(outcomes: list[tuple[dict, dict]], count: int) -> list[str]:
    from . import report

    lines = []
    for kind in report.failure_kinds(outcomes)[:count]:
        lines.append(f"- {kind['count']} × {kind['class']} {kind['field']}  {kind['containers']}")
        for example in kind["examples"]:
            lines.append(f"    {example['file']} {example['fact']}: expected {example['expected']!r}, "
                         f"read {example['read']!r}"[:260])
    errors = [(v["file"], o["error"]) for v, o in outcomes if o.get("error")]
    lines += [f"  refused/crashed: {name}: {error}"[:260] for name, error in errors[:20]]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--subset", action="store_true", help=f"only the committed subset, into {SUBSET.relative_to(ROOT)}")
    parser.add_argument("--no-libreoffice", action="store_true", help="xlsx and tsv only")
    parser.add_argument("--measure", nargs="?", type=Path, const=FULL, metavar="DIR", help="read the variants in DIR")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--failures", type=int, default=15)
    parser.add_argument("--json", type=Path, help="with --measure: every outcome into this file")
    args = parser.parse_args(argv)
    if args.measure:
        outcomes = measure(args.measure, args.jobs)
        print("\n".join(tables(outcomes)))
        print("\nMost frequent failures:")
        print("\n".join(failures(outcomes, args.failures)))
        if args.json:
            args.json.write_text(json.dumps([{"id": v["id"], **o} for v, o in outcomes], ensure_ascii=False,
                                            indent=1, default=str), encoding="utf-8")
        return 0
    bases = plan(args.seed)
    if args.subset:
        bases, folder, note = subset(bases), args.out or SUBSET, "--subset"
        converted = {b.id for b in bases}
    else:
        folder, note = args.out or FULL, ""
        converted = lo_share(bases, args.seed)
    if args.no_libreoffice or containers.soffice() is None:
        converted = set()
    write(bases, folder, converted, args.seed, note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
