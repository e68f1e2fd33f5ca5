"""One reading against a variant's facts: each fact right, missing or wrong, and whether a note points at it.

Items are paired first: the source's projects with the projects read by name (the same name — where several bear
one, the pairs sharing the most other facts first, then in order —, then the most alike remaining names: difflib's
ratio at least 0.5, or one name holding the other), and within a pair of projects their indicators likewise; the
department's tasks and indicators the same way. A fact whose item was not paired is missing.

Classes:
  right           the value read is the fact (texts compared without white space: a line break a container or the
                  rendering put in is no error; amounts as numbers; levels as canonical names, a 满意度指标 with no
                  二级 may get 服务对象满意度指标 as tests/data/README.md allows)
  missing_noted   nothing read, and a note points at it (a refused file: its refusal is the note)
  missing_silent  nothing read, no note points at it
  wrong_noted     something else read, and a note points at it
  wrong_silent    something else read, no note points at it: a silent error
and apart from the facts, invented: a value read where the source has none (an item no source item pairs with,
or a value in a field the source holds empty), with invented_silent those no note points at.

A note points at a fact when it names the fact's own location as the editor spells it (`projects[3].funds.total`,
`projects[3].indicators[2]`: the location of what was read), or its item's location standing alone (`projects[3]`,
`department.tasks[1]`), or it names the item (the project's, task's or department indicator's name as in the
source or as read, without white space, or its row: 第 N 行, the sheet's row, for a TSV the row in the text) and
  - for a project's own field: the field's label (总计, 财政拨款, 实施周期, 预算单位, 绩效目标, …; the name needs none);
  - for a project's indicator: the indicator (its name, or 第 k 个指标), or 指标 with no indicator numbered;
  - for a task or a department indicator: nothing more; and a note about its list as a whole (没有找到绩效指标表,
    绩效指标表中有 N 行…已跳过) points at every task or department indicator of that list.
The department's own fields and the year are pointed at by their label (财政拨款, 总体绩效目标, 部门名称, 年度).
So a note about a project's 二级 does not excuse its amounts, and a refused file's message excuses everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from itertools import pairwise

from src.model.declaration import BUDGET_LABELS, DEPARTMENT_LABELS, INDICATOR_LABELS, TASK_LABELS
from src.model.paths import place_words

from .facts import squeeze

CLASSES = ("right", "missing_noted", "missing_silent", "wrong_noted", "wrong_silent")
ONLY_LEVEL2 = {"满意度指标": "服务对象满意度指标"}
_KEY = re.compile(r"^(?:(?P<project>projects\[(?P<p>\d+)\])\.)?(?:(?P<list>department\.tasks|department\.indicators|indicators)"
                  r"\[(?P<i>\d+)\]\.)?(?P<field>[a-z_.0-9]+?)(?:#(?P<tag>\w+))?$")
# A note saying a department list as a whole was not (fully) read: 没有找到绩效指标表, 绩效指标表中有 3 行…已跳过, the
# self-check's “年度重点工作任务”栏目下没有读出任何任务.
_LIST_NOTES = {"department.indicators": re.compile(r"没有找到绩效指标表|绩效指标表中|没有找到本年的年度目标|栏目下没有读出任何指标"),
               "department.tasks": re.compile(r"没有找到.*(?:重点工作任务|主要支出计划)|栏目下没有读出任何任务")}
# A note saying one field was read empty in every item of a department list (the self-check's
# 年度重点工作任务的“拟投入的资金”栏在全部 2 项任务中都没有读到): it points at that field of each.
_COLUMN_LABELS = {"department.tasks": TASK_LABELS, "department.indicators": INDICATOR_LABELS}
_WHOLE_FILE_WARNING = re.compile(r"重叠|可能不完整|请对照原表")
_PROJECT_FIELD_LABELS = {"unit": ["预算单位", "单位"], "period": ["实施周期"], "funds.total": ["总计"],
                         "funds.fiscal": ["财政拨款"], "funds.special_account": ["财政专户"], "funds.other": ["其他资金"],
                         "goal": ["绩效目标"]}
_FIELD_LABELS = {"department.name": [DEPARTMENT_LABELS["name"]], "department.functions": ["部门职能"],
                 "department.overall_goal": [DEPARTMENT_LABELS["overall_goal"]], "year": ["预算年度"],
                 **{f"department.budget.{k}": [label] for k, label in BUDGET_LABELS.items()}}


def pair(expected: list[str], read: list[str], agree=None) -> dict[int, int]:
    """Source item index → read item index. agree(i, j): how many other facts source item i and read item j share;
    where several items bear one name it pairs them (most facts shared first, then in order), so that a row read
    as two items of that name (a row broken over a page) does not shift the pairs onto the other twin."""
    mapping: dict[int, int] = {}
    used: set[int] = set()
    wanted = [squeeze(n) for n in expected]
    got = [squeeze(n) for n in read]
    for name in dict.fromkeys(wanted):
        sources = [i for i, n in enumerate(wanted) if n == name]
        targets = [j for j, n in enumerate(got) if n == name]
        tied = agree is not None and len(targets) > 1
        scored = sorted(((agree(i, j) if tied else 0, -abs(a - b), -a, i, j)
                         for a, i in enumerate(sources) for b, j in enumerate(targets)), reverse=True)
        for *_, i, j in scored:
            if i not in mapping and j not in used:
                mapping[i] = j
                used.add(j)
    rest = [i for i in range(len(wanted)) if i not in mapping]
    others = [j for j in range(len(got)) if j not in used]
    if rest and others:
        scored = sorted(((alike(wanted[i], got[j]), -abs(i - j), i, j) for i in rest for j in others), reverse=True)
        for score, _, i, j in scored:
            if score < 0.5:
                break
            if i not in mapping and j not in used:
                mapping[i] = j
                used.add(j)
    _pair_unnamed(mapping, wanted, got)
    return mapping


def _pair_unnamed(mapping: dict[int, int], wanted: list[str], got: list[str]) -> None:
    """Read items with no name, or only the start of their source item's name, paired in order with the source
    items left between the same two pairs (or the list's ends), where the two runs are as long — or, after the last
    pair, where fewer were read (a cell cut in print keeps its first items): an item read in its place whose name
    was lost or cut (its note names its place, and its other facts are compared) is not an item invented beside a
    missing one."""
    anchors = sorted(mapping.items())
    if any(b[1] <= a[1] for a, b in pairwise(anchors)):
        return  # the pairs cross: no gaps to trust
    bounds = [(-1, -1), *anchors, (len(wanted), len(got))]
    for (i0, j0), (i1, j1) in pairwise(bounds):
        sources, targets = list(range(i0 + 1, i1)), list(range(j0 + 1, j1))
        at_end = i1 == len(wanted) and j1 == len(got)  # a print cut at the foot loses the items after it
        if sources and (len(sources) == len(targets) or at_end and len(sources) > len(targets)) and all(
                wanted[i].startswith(got[j]) for i, j in zip(sources, targets)):
            mapping.update(zip(sources, targets))


def alike(wanted: str, got: str) -> float:
    """How alike two names are: difflib's ratio, or 0.75 when one holds the other (a name read with the next
    cell's text glued on, or cut short), both at least four characters."""
    if min(len(wanted), len(got)) >= 4 and (wanted in got or got in wanted):
        return max(0.75, SequenceMatcher(None, wanted, got).ratio())
    return SequenceMatcher(None, wanted, got).ratio()


def _amount(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def same(kind: str, match: str, expected: str, read: object) -> bool:
    if read is None or read == "":
        return False
    if kind == "amount":
        return _amount(read) == Decimal(expected)
    if kind == "year":
        return str(read) == expected
    if match == "contains":
        text, at = squeeze(read).replace(":", "："), 0
        for part in expected.split("\u241f"):
            found = text.find(squeeze(part).replace(":", "："), at)
            if found < 0:
                return False
            at = found + len(squeeze(part))
        return True
    return squeeze(read) == squeeze(expected)


class Reading:
    """What was read (declaration as model_dump(mode="json")), paired with the variant's items."""

    def __init__(self, variant: dict, declaration: dict):
        self.variant = variant
        self.declaration = declaration
        entities = variant["entities"]
        self.projects = declaration.get("projects", [])
        self.department = declaration.get("department", {})
        self.project_pairs = pair(entities.get("projects", []), [p.get("name") or "" for p in self.projects],
                                  self._agree)
        self.indicator_pairs: dict[int, dict[int, int]] = {}
        for i, j in self.project_pairs.items():
            names = entities.get(f"projects[{i}].indicators", [])
            self.indicator_pairs[i] = pair(names, [x.get("name") or "" for x in self.projects[j].get("indicators", [])])
        self.list_pairs = {key: pair(entities.get(key, []), [x.get("name") or "" for x in self._list(key)])
                           for key in ("department.tasks", "department.indicators")}

    def _agree(self, i: int, j: int) -> int:
        """How many of source project i's own facts but its name read project j holds."""
        own = re.compile(rf"projects\[{i}\]\.(?!name$|indicators\[)(.+)$")
        return sum(same(kind, match, expected, _get(self.projects[j], found[1]))
                   for key, expected, kind, match in self.variant["facts"] if (found := own.match(key)))

    def _list(self, key: str) -> list[dict]:
        return self.department.get(key.split(".")[1], [])

    def locate(self, key: str) -> tuple[object, Target]:
        """The value read for a fact key, and what a note must name to point at it."""
        match = _KEY.match(key)
        if match is None:
            raise ValueError(key)
        part = match["field"]
        entities = self.variant["entities"]
        rows = self.variant["rows"]
        offset = self.variant.get("row_offset", 0)
        if offset is None:  # a PDF: its rows are not the sheet's, only names and locations point
            rows = {}
        if match["project"]:
            i = int(match["p"])
            row = rows.get(f"projects[{i}]")
            target = Target(names=[entities["projects"][i]], rows=[] if row is None else [row - offset])
            j = self.project_pairs.get(i)
            if match["list"] != "indicators":
                target.labels = None if part == "name" else _PROJECT_FIELD_LABELS.get(part, [])
            else:
                k = int(match["i"])
                target.indicator_names.append(entities[f"projects[{i}].indicators"][k])
                target.indicator_numbers.append(k + 1)
            if j is None:
                return None, target
            project = self.projects[j]
            target.names.append(project.get("name") or "")
            target.wholes.append(f"projects[{j}]")
            node = project
            if match["list"] == "indicators":
                read_k = self.indicator_pairs[i].get(k)
                if read_k is None:
                    return None, target
                node = project["indicators"][read_k]
                target.indicator_names.append(node.get("name") or "")
                target.indicator_numbers.append(read_k + 1)
                target.places.append(f"projects[{j}].indicators[{read_k}]")
            else:
                target.places.append(f"projects[{j}].{part}")
            return _get(node, part), target
        if match["list"]:
            k = int(match["i"])
            row = rows.get(f"{match['list']}[{k}]")
            label = _COLUMN_LABELS[match["list"]].get(part)
            column = re.compile(f"“{re.escape(label)}”(?:、“[^”]+”)*栏在全部") if label else None
            target = Target(names=[entities[match["list"]][k]], rows=[] if row is None else [row - offset],
                            labels=None, list_note=_LIST_NOTES[match["list"]], column_note=column)
            read_k = self.list_pairs[match["list"]].get(k)
            if read_k is None:
                return None, target
            node = self._list(match["list"])[read_k]
            target.names.append(node.get("name") or "")
            target.wholes.append(f"{match['list']}[{read_k}]")
            target.places.append(f"{match['list']}[{read_k}].{part}")  # a note at the item's own field points at it
            return _get(node, part), target
        if part == "year":
            return self.declaration.get("year"), Target(labels=_FIELD_LABELS["year"], scalar=True)
        value = _get({"department": self.department}, part)
        return value, Target(places=[part], labels=_FIELD_LABELS.get(part, []), scalar=True)

    def invented(self) -> list[tuple[str, object, Target]]:
        """(what, value, target) of each value read where the source has none."""
        found = []
        entities = self.variant["entities"]
        for j, project in enumerate(self.projects):
            if j not in self.project_pairs.values():
                found.append((f"projects[{j}]", project.get("name"),
                              Target(names=[project.get("name") or ""], wholes=[f"projects[{j}]"], labels=None)))
        for i, j in self.project_pairs.items():
            indicators = self.projects[j].get("indicators", [])
            paired = set(self.indicator_pairs[i].values())
            for k, indicator in enumerate(indicators):
                if k not in paired:
                    found.append((f"projects[{j}].indicators[{k}]", indicator.get("name"),
                                  Target(names=[entities["projects"][i], self.projects[j].get("name") or ""],
                                         places=[f"projects[{j}].indicators[{k}]"],
                                         indicator_names=[indicator.get("name") or ""], indicator_numbers=[k + 1])))
        for key, mapping in self.list_pairs.items():
            for k, item in enumerate(self._list(key)):
                if k not in mapping.values():
                    found.append((f"{key}[{k}]", item.get("name"),
                                  Target(names=[item.get("name") or ""], wholes=[f"{key}[{k}]"], labels=None)))
        for key in self.variant["empty"]:
            value, target = self.locate(key)
            if value in (None, "", []):
                continue
            if key.endswith(".level2"):
                level1, _ = self.locate(key[:-len("level2")] + "level1")
                if ONLY_LEVEL2.get(level1) == value:
                    continue
            found.append((key, value, target))
        return found


@dataclass
class Target:
    """What a note must name to point at a fact (module docstring)."""

    names: list[str] = field(default_factory=list)  # the item's names: project, task or department indicator
    rows: list[int] = field(default_factory=list)  # the item's row
    places: list[str] = field(default_factory=list)  # locations that point at the fact wherever they stand
    wholes: list[str] = field(default_factory=list)  # the item's location, pointing when it stands alone
    labels: list[str] | None = field(default_factory=list)  # with the item named: one of these words; None: none needed
    indicator_names: list[str] = field(default_factory=list)  # a project's indicator: its names and numbers
    indicator_numbers: list[int] = field(default_factory=list)
    scalar: bool = False  # a department field or the year: named by its label alone
    list_note: re.Pattern | None = None  # a note about the whole list (no indicator table found) points at its items
    column_note: re.Pattern | None = None  # a note about one field in every item of the list points at that field

    def pointed_by(self, note: str | dict) -> bool:
        if isinstance(note, dict):  # a structured note (model/notes.Note): the place it concerns, then its words
            location = note.get("location")
            if location and (location in self.places or location in self.wholes):
                return True
            note = note["text"]
        text = squeeze(note)
        if any(place and place in note for place in self.places):
            return True
        if any(re.search(re.escape(whole) + r"(?![.\[\w])", note) for whole in self.wholes):
            return True
        # The same places as the editor words them in its notes (model/paths.place_words).
        if any(place and re.search(re.escape(place_words(place)) + r"(?!\d)", note) for place in self.places):
            return True
        if any(re.search(re.escape(place_words(whole)) + r"(?![\d ›])", note) for whole in self.wholes):
            return True
        if self.scalar:
            return any(label in text for label in self.labels or [])
        if self.list_note is not None and self.list_note.search(text):
            return True
        if self.column_note is not None and self.column_note.search(note):
            return True
        named = any(len(squeeze(n)) >= 2 and squeeze(n) in text for n in self.names) or any(
            re.search(rf"第\s*{row}\s*行", note) for row in self.rows)
        if not named:
            return False
        if self.indicator_numbers or self.indicator_names:  # an indicator of the project named
            if any(len(squeeze(n)) >= 2 and squeeze(n) in text for n in self.indicator_names) or any(
                    re.search(rf"第\s*{k}\s*个指标", note) for k in self.indicator_numbers):
                return True
            return "指标" in note and not re.search(r"第\s*\d+\s*个指标", note)  # the project's indicators as a whole
        return self.labels is None or any(label in note for label in self.labels)


def _get(node: dict, path: str) -> object:
    for step in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(step)
    return node


def points_at(notes: list[str], target: Target) -> bool:
    return any(target.pointed_by(note) for note in notes)


def classify(variant: dict, result: dict) -> dict:
    """Counts of each class over the variant's facts, the invented values, and the failures (for examples)."""
    counts = dict.fromkeys(CLASSES, 0)
    counts.update(facts=len(variant["facts"]), invented=0, invented_silent=0, silent_in_warned_file=0)
    failures: list[dict] = []
    if result.get("declaration") is None:  # refused, crashed or timed out: nothing read, the message is the note
        counts["missing_noted"] = len(variant["facts"])
        return {"counts": counts, "failures": [{"class": "refused", "fact": "*", "expected": None,
                                                 "read": result.get("error")}]}
    notes = result.get("notes", [])
    reading = Reading(variant, result["declaration"])
    for key, expected, kind, match in variant["facts"]:
        value, target = reading.locate(key)
        if same(kind, match, expected, value):
            counts["right"] += 1
            continue
        noted = points_at(notes, target)
        missing = value is None or value == "" or value == []
        label = ("missing_" if missing else "wrong_") + ("noted" if noted else "silent")
        counts[label] += 1
        failures.append({"class": label, "fact": key, "expected": expected, "read": value})
    # A note that warns about a whole page or file (text overlapping on page N: the content may be incomplete) names
    # no fact, so it excuses none; how many silent facts such files hold is counted apart.
    if any(_WHOLE_FILE_WARNING.search(note if isinstance(note, str) else note["text"]) for note in notes):
        counts["silent_in_warned_file"] = counts["missing_silent"] + counts["wrong_silent"]
    for what, value, target in reading.invented():
        counts["invented"] += 1
        silent = not points_at(notes, target)
        counts["invented_silent"] += silent
        failures.append({"class": "invented_silent" if silent else "invented_noted", "fact": what, "expected": None,
                         "read": value})
    return {"counts": counts, "failures": failures}


def perfect_reading(variant: dict) -> dict:
    """The reading a perfect reader would give: the variant's facts put back into a declaration (model_dump's
    shape). Classifying it must give every fact right and nothing invented: a check of the facts and the pairing."""
    declaration: dict = {"year": None, "department": {"budget": {}, "tasks": [], "indicators": []}, "projects": []}
    entities = variant["entities"]
    declaration["projects"] = [{"name": name, "funds": {}, "indicators": [{"name": n} for n in
                                                                          entities.get(f"projects[{i}].indicators", [])]}
                               for i, name in enumerate(entities.get("projects", []))]
    for key in ("department.tasks", "department.indicators"):
        declaration["department"][key.split(".")[1]] = [{"name": name} for name in entities.get(key, [])]
    for key, value, kind, match in variant["facts"]:
        found = _KEY.match(key)
        if found["project"]:
            node = declaration["projects"][int(found["p"])]
            if found["list"] == "indicators":
                node = node["indicators"][int(found["i"])]
        elif found["list"]:
            node = declaration["department"][found["list"].split(".")[1]][int(found["i"])]
        else:
            node = declaration
        *steps, last = found["field"].split(".")
        for step in steps:
            node = node.setdefault(step, {})
        text = value.replace("\u241f", "：") if match == "contains" else value
        if kind == "year":
            text = int(value)
        node[last] = f"{node[last]}\n{text}" if match == "contains" and node.get(last) else text
    return declaration
