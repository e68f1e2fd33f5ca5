"""The knobs a variant is made under, and their seeded choice.

Two designs. Random (plan): every rendering (one sheet) draws each knob of its form; over a form's renderings each
value of a knob comes up equally often (a shuffled list, not independent draws), and the combinations are random.
One knob at a time (one_knob): a plain baseline, and for every other value of every knob the baseline with that
knob alone changed. Each rendering is then written to every container, so the containers are compared on the
same tables. A knob that does not apply to a rendering (the amounts of a table without amount columns) is
recorded as "-".
"""

from __future__ import annotations

import random

CONTAINERS = ("xlsx", "xls", "ods", "html", "pdf", "tsv", "docx")

PAGE = {
    "orientation": ["landscape", "portrait"],
    "fit_width": ["yes", "no"],
    "row_heights": ["generous", "fitted", "unset", "clipping"],
    "borders": ["yes", "no"],
    "repeat_header": ["yes", "no"],
}
LAYOUT = {
    "header_at": ["top", "lower"],  # the title block at the sheet's top, or rows further down
    "first_column": ["A", "shifted"],  # the table from column A, or one to three columns in
    "amounts": ["number", "number_thousands", "text_thousands", "yuan"],
    "separators": ["none", "footnotes"],
    "line_breaks": ["none", "anywhere"],
    "title_year": ["yes", "no"],
}

FORMS = {
    "project": {
        "source": ["demo-tianhe-2023", "panyu-2022", "bench"],
        "projects": ["2-4", "5-9", "10-22"],
        "columns": ["full", "no_serial", "no_period", "no_amounts"],
        "column_order": ["official", "goal_last", "unit_first", "shuffled"],
        "unit": ["column", "merged", "subtotal_rows"],
        "department_in": ["name_row", "title", "column"],
        "header_rows": ["1", "2"],
        "total_row": ["yes", "no"],
        **LAYOUT,
        "separators": ["none", "blank_rows", "footnotes", "both"],
        "indicator_style": ["panyu", "tianhe", "tianhe_codes"],
        "punctuation": ["full", "half", "mixed"],
        "numbering": ["、", ".", "．"],
        "line_breaks": ["none", "items", "anywhere"],
        "tags": ["none", "p"],
        **PAGE,
    },
    "department": {
        "source": ["haizhu", "tianhe-derived", "bench"],
        **LAYOUT,
        "budget_layout": ["grid", "list"],
        "level_cells": ["merged", "repeated", "first_only"],
        "template_rows": ["yes", "no"],
        **PAGE,
    },
    "form2019": {
        "source": ["tianhe-2019", "bench"],
        **{k: v for k, v in LAYOUT.items() if k != "title_year"},
        "three_years": ["yes", "no"],
        "label_breaks": ["yes", "no"],
        **PAGE,
    },
}
PREFIX = {"project": "p", "department": "d", "form2019": "f"}
# The one-knob design starts from a plain published table and changes one knob at a time, so that a knob's row in
# the table says what that knob alone does (the random design mixes them, and one knob's failures show in others').
BASELINE = {
    "project": {"source": "demo-tianhe-2023", "projects": "5-9", "columns": "full", "column_order": "official",
                "unit": "column", "department_in": "name_row", "header_rows": "1", "total_row": "yes",
                "header_at": "top", "first_column": "A", "amounts": "number", "separators": "none",
                "line_breaks": "none", "title_year": "yes", "indicator_style": "tianhe", "punctuation": "full",
                "numbering": "、", "tags": "none"},
    "department": {"source": "haizhu", "header_at": "top", "first_column": "A", "amounts": "number",
                   "separators": "none", "line_breaks": "none", "title_year": "yes", "budget_layout": "grid",
                   "level_cells": "merged", "template_rows": "yes"},
    "form2019": {"source": "tianhe-2019", "header_at": "top", "first_column": "A", "amounts": "number",
                 "separators": "none", "line_breaks": "none", "three_years": "yes", "label_breaks": "yes"},
}
PAGE_BASELINE = {"orientation": "landscape", "fit_width": "yes", "row_heights": "fitted", "borders": "yes",
                 "repeat_header": "yes"}
TSV_STYLES = ("excel", "calc")
# How a Word document holds the table (scripts/corpus/word_document.py): one table; broken in two, the header typed
# again above the second part or not (project tables only); a cell's lines as line breaks, not paragraphs.
WORD_LAYOUTS = ("one_table", "split_header", "split_bare", "line_breaks")


def plan(form: str, count: int, rng: random.Random) -> list[dict]:
    """`count` knob settings for a form, each value of each knob equally often."""
    space = FORMS[form]
    columns = {}
    for knob, values in space.items():
        column = (values * (count // len(values) + 1))[:count]
        rng.shuffle(column)
        columns[knob] = column
    settings = [{knob: columns[knob][i] for knob in space} for i in range(count)]
    for knobs in settings:
        if form == "project" and knobs["columns"] == "no_amounts":
            knobs["amounts"] = "-"  # no amount columns: nothing for the knob to change
    return settings


def one_knob(form: str) -> list[tuple[str | None, dict]]:
    """(the knob changed, the knobs): the baseline first (None), then each other value of each knob alone."""
    baseline = {**BASELINE[form], **PAGE_BASELINE}
    assert baseline.keys() == FORMS[form].keys(), form
    settings: list[tuple[str | None, dict]] = [(None, baseline)]
    for knob, values in FORMS[form].items():
        for value in values:
            if value != baseline[knob]:
                settings.append((knob, {**baseline, knob: value}))
    for _, knobs in settings:
        if form == "project" and knobs["columns"] == "no_amounts":
            knobs["amounts"] = "-"
    return settings


def project_count(bucket: str, available: int, rng: random.Random) -> int:
    low, high = (int(x) for x in bucket.split("-"))
    return max(1, min(available, rng.randint(low, high)))
