"""The measurement's tables: per container, per form, per knob value; and the failures grouped by kind."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .compare import CLASSES
from .knobs import CONTAINERS, FORMS, PAGE, TSV_STYLES, WORD_LAYOUTS

COLUMNS = ("variants", "facts", "right", "missing_noted", "missing_silent", "wrong_noted", "wrong_silent", "invented",
           "invented_silent", "refused", "silent_in_warned_file")


def empty_row() -> Counter:
    return Counter(dict.fromkeys(COLUMNS, 0))


def add(row: Counter, outcome: dict) -> None:
    row["variants"] += 1
    for key in ("facts", *CLASSES, "invented", "invented_silent", "silent_in_warned_file"):
        row[key] += outcome["counts"][key]
    row["refused"] += any(f["class"] == "refused" for f in outcome["failures"])


def group(outcomes: list[tuple[dict, dict]], key) -> dict[str, Counter]:
    rows: dict[str, Counter] = defaultdict(empty_row)
    for variant, outcome in outcomes:
        for name in key(variant):
            add(rows[name], outcome)
    return rows


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}" if whole else "–"


def table(rows: dict[str, Counter], title: str, order: list[str] | None = None) -> list[str]:
    """Markdown: facts, right %, missing % (noted / silent), wrong % (noted / silent), silent errors, invented."""
    lines = [(f"| {title} | variants | facts | right % | missing % (noted + silent) | wrong % (noted + silent) "
              "| silent errors | invented (silent) | refused files |"),
             "|---|---:|---:|---:|---|---|---:|---:|---:|"]
    for name in order or sorted(rows):
        if name not in rows:
            continue
        r = rows[name]
        missing = r["missing_noted"] + r["missing_silent"]
        wrong = r["wrong_noted"] + r["wrong_silent"]
        lines.append(f"| {name} | {r['variants']} | {r['facts']} | {percent(r['right'], r['facts'])} "
                     f"| {percent(missing, r['facts'])} ({percent(r['missing_noted'], r['facts'])} + "
                     f"{percent(r['missing_silent'], r['facts'])}) | {percent(wrong, r['facts'])} "
                     f"({percent(r['wrong_noted'], r['facts'])} + {percent(r['wrong_silent'], r['facts'])}) "
                     f"| {r['wrong_silent']} | {r['invented']} ({r['invented_silent']}) | {r['refused']} |")
    return lines


def knob_rows(outcomes: list[tuple[dict, dict]], containers: tuple[str, ...] | None = None) -> dict[str, Counter]:
    chosen = [(v, o) for v, o in outcomes if containers is None or v["container"] in containers]
    return group(chosen, lambda v: [f"{v['form']} · {k} = {value}" for k, value in v["knobs"].items()
                                    if k not in ("container",)])


def one_knob_rows(outcomes: list[tuple[dict, dict]]) -> dict[str, Counter]:
    """The one-knob design: the baseline counts in every row of a baseline value, a changed base in its own row."""
    rows: dict[str, Counter] = defaultdict(empty_row)
    for variant, outcome in outcomes:
        if variant.get("design") != "one-knob":
            continue
        if variant["changed"] is None:
            for knob, value in variant["knobs"].items():
                if knob not in ("container", "tsv_style", "word"):
                    add(rows[f"{variant['form']} · {knob} = {value}"], outcome)
        else:
            add(rows[f"{variant['form']} · {variant['changed']} = {variant['knobs'][variant['changed']]}"], outcome)
    return rows


def knob_order(form: str, page_only: bool = False) -> list[str]:
    space = {k: v for k, v in FORMS[form].items() if (k in PAGE) == page_only}
    order = [f"{form} · {k} = {value}" for k, values in space.items() for value in [*values, "-"]]
    if not page_only:
        order += [f"{form} · tsv_style = {s}" for s in TSV_STYLES]
        order += [f"{form} · word = {layout}" for layout in WORD_LAYOUTS]
    return order


def generic(fact: str) -> str:
    """projects[3].indicators[2].annual_value → projects[].indicators[].annual_value"""
    return re.sub(r"\[\d+\]", "[]", fact.split("#")[0])


def failure_kinds(outcomes: list[tuple[dict, dict]], examples: int = 3) -> list[dict]:
    """Failures grouped by (class, form, the field in general), most frequent first, with examples from
    different files and the containers they came from."""
    kinds: dict[tuple, dict] = {}
    for variant, outcome in outcomes:
        for failure in outcome["failures"]:
            if failure["class"] == "right":
                continue
            key = (failure["class"], variant["form"], generic(failure["fact"]))
            kind = kinds.setdefault(key, {"class": key[0], "form": key[1], "field": key[2], "count": 0,
                                          "containers": Counter(), "examples": [], "files": set()})
            kind["count"] += 1
            kind["containers"][variant["container"]] += 1
            if len(kind["examples"]) < examples and variant["file"] not in kind["files"]:
                kind["files"].add(variant["file"])
                kind["examples"].append({"file": variant["file"], "fact": failure["fact"],
                                         "expected": failure["expected"], "read": failure["read"]})
    found = sorted(kinds.values(), key=lambda k: -k["count"])
    for kind in found:
        kind.pop("files")
        kind["containers"] = dict(kind["containers"].most_common())
    return found


def knob_table(outcomes: list[tuple[dict, dict]], form: str, page_only: bool = False, design: str = "one-knob") -> list[str]:
    """Markdown, one row per knob value of a form: right % over all containers and in each, missing %, wrong %,
    silent errors, invented. Page set-up knobs (page_only) over the PDFs alone: only a PDF prints."""
    mine = [(v, o) for v, o in outcomes if v["form"] == form and (not page_only or v["container"] == "pdf")
            and v.get("design", "random") == design]
    rows = one_knob_rows if design == "one-knob" else knob_rows
    overall = rows(mine)
    per_container = {c: rows([(v, o) for v, o in mine if v["container"] == c]) for c in CONTAINERS}
    shown = ("pdf",) if page_only else CONTAINERS
    lines = ["| knob = value | variants | facts | right % | " + " | ".join(f"{c} right %" for c in shown if not page_only)
             + (" | " if not page_only else "") + "missing % | wrong % | silent errors | invented (silent) |",
             "|---|---:|---:|---:|" + "---:|" * (0 if page_only else len(shown)) + "---:|---:|---:|---:|"]
    for name in knob_order(form, page_only):
        if name not in overall:
            continue
        r = overall[name]
        cells = [] if page_only else [percent(per_container[c][name]["right"], per_container[c][name]["facts"])
                                      if name in per_container[c] else "–" for c in shown]
        lines.append(f"| {name.split(' · ', 1)[1]} | {r['variants']} | {r['facts']} | {percent(r['right'], r['facts'])} | "
                     + "".join(f"{cell} | " for cell in cells)
                     + f"{percent(r['missing_noted'] + r['missing_silent'], r['facts'])} | "
                     f"{percent(r['wrong_noted'] + r['wrong_silent'], r['facts'])} | {r['wrong_silent']} | "
                     f"{r['invented']} ({r['invented_silent']}) |")
    return lines


def summary_lines(outcomes: list[tuple[dict, dict]]) -> list[str]:
    lines = ["### Per container", ""]
    rows = group(outcomes, lambda v: [v["container"]])
    rows["all"] = group(outcomes, lambda v: ["all"])["all"]
    lines += table(rows, "container", [*CONTAINERS, "all"])
    lines += ["", "### Per form and container", ""]
    lines += table(group(outcomes, lambda v: [f"{v['form']} · {v['container']}"]), "form · container",
                   [f"{f} · {c}" for f in FORMS for c in CONTAINERS])
    lines += ["", "### Per design", ""]
    lines += table(group(outcomes, lambda v: [f"{v['form']} · {v.get('design', 'random')}"]), "form · design",
                   [f"{f} · {d}" for f in FORMS for d in ("one-knob", "random")])
    for form in FORMS:
        baseline = next((v for v, _ in outcomes if v["form"] == form and v.get("design") == "one-knob"
                         and v["changed"] is None), None)
        lines += ["", f"### One knob at a time: {form}", ""]
        if baseline is not None:
            shown = ", ".join(f"{k} = {v}" for k, v in baseline["knobs"].items()
                              if k not in ("container", "tsv_style", "word"))
            lines += [f"From the baseline ({shown}), one knob changed; a baseline value's row is the baseline itself.", ""]
        lines += knob_table(outcomes, form)
        lines += ["", f"One knob at a time, page set-up: {form} (PDF only: the other containers do not print)", ""]
        lines += knob_table(outcomes, form, page_only=True)
        lines += ["", f"### Random combinations: {form}", "",
                  "Every knob drawn, each value equally often; a row mixes its knob's effect with the others'.", ""]
        lines += knob_table(outcomes, form, design="random")
        lines += ["", f"Random combinations, page set-up: {form} (PDF only)", ""]
        lines += knob_table(outcomes, form, page_only=True, design="random")
    return lines
