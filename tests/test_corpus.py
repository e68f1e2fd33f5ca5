"""The corpus of published tables (docs/corpus.md, issue 22 items 6 and 7): the committed subset in
tests/data/corpus/, made by `python -m scripts.make_corpus --subset`, and the readers measured on it.

The numbers are recorded, not asserted: the measurement must run over every variant and account for every fact;
the target (every container ≥ 99 % right, no silent errors) is asserted on the subset, which meets it. Run with
`pytest tests/test_corpus.py --lanes corpus -s` to see the numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.corpus import compare, report
from scripts.corpus.knobs import CONTAINERS, FORMS

pytestmark = pytest.mark.corpus

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
MANIFEST = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
VARIANTS = MANIFEST["variants"]
MAX_BYTES = 30 * 1024 * 1024


def test_every_file_of_the_manifest_is_there_and_the_subset_stays_small():
    files = {v["file"] for v in VARIANTS}
    assert all((CORPUS / name).is_file() for name in files), sorted(n for n in files if not (CORPUS / n).is_file())
    on_disk = {p.name for p in CORPUS.iterdir() if p.is_file()} - {"manifest.json", "README.md"}
    assert on_disk == files  # nothing left over from an older subset
    assert sum((CORPUS / name).stat().st_size for name in files) <= MAX_BYTES
    assert {v["container"] for v in VARIANTS} == set(CONTAINERS)
    assert {v["form"] for v in VARIANTS} == set(FORMS)
    assert not MANIFEST["problems"]


def test_every_variant_holds_facts_and_says_why_it_leaves_others_out():
    for variant in VARIANTS:
        assert variant["facts"], variant["id"]
        assert variant["knobs"]["container"] == variant["container"] == variant["file"].rsplit(".", 1)[1]
        assert set(FORMS[variant["form"]]) <= variant["knobs"].keys(), variant["id"]
        for key, value, kind, match in variant["facts"]:
            assert compare._KEY.match(key) and value.strip() and kind in ("text", "amount", "level", "year"), key
            assert match in ("equal", "contains"), key
        assert all(reason for _, reason in variant["excluded"]), variant["id"]
        keys = [fact[0] for fact in variant["facts"]]
        assert len(keys) == len(set(keys)), variant["id"]


@pytest.mark.parametrize("variant", VARIANTS, ids=[v["id"] for v in VARIANTS])
def test_a_perfect_reading_is_all_right(variant):
    """The facts put back into a declaration read as every fact right and nothing invented: the facts and the
    comparison agree with each other."""
    outcome = compare.classify(variant, {"declaration": compare.perfect_reading(variant), "notes": []})
    counts = outcome["counts"]
    assert (counts["right"], counts["invented"]) == (counts["facts"], 0), outcome["failures"][:5]


def test_a_refused_file_counts_its_facts_missing_with_a_note():
    variant = VARIANTS[0]
    counts = compare.classify(variant, {"declaration": None, "notes": [], "error": "refused: …"})["counts"]
    assert counts["missing_noted"] == counts["facts"] == len(variant["facts"])


@pytest.fixture(scope="module")
def measured():
    from scripts.measure_corpus import measure

    return measure(CORPUS, jobs=2, timeout=60, quiet=True)


def test_the_measurement_accounts_for_every_fact_of_every_variant(measured, record_property):
    from scripts.measure_corpus import plain_summary

    outcomes = measured["outcomes"]
    assert [v["id"] for v, _ in outcomes] == [v["id"] for v in VARIANTS]
    for variant, outcome in outcomes:
        counts = outcome["counts"]
        assert sum(counts[c] for c in compare.CLASSES) == counts["facts"] == len(variant["facts"]), variant["id"]
    summary = plain_summary(outcomes)
    record_property("corpus_summary", summary)
    print(f"\n{len(outcomes)} variants of the committed corpus, read in {measured['seconds']:.0f} s\n{summary}")


def test_every_knob_value_of_the_subset_shows_in_the_tables(measured):
    lines = "\n".join(report.summary_lines(measured["outcomes"]))
    for variant in VARIANTS:
        if variant.get("design") == "random":
            for knob, value in variant["knobs"].items():
                if knob != "container":
                    assert f"| {knob} = {value} |" in lines, (knob, value)


def test_target_every_container_99_percent_right_and_no_silent_errors(measured):
    """Issue 22's target, met by the committed subset since the PDF reader joins strips of columns (an xfail till
    then): a reader that falls back below it fails here. The whole corpora's figures are in docs/corpus.md."""
    rows = report.group(measured["outcomes"], lambda v: [v["container"]])
    short = {c: (round(100 * r["right"] / r["facts"], 1), r["wrong_silent"], r["invented_silent"])
             for c, r in rows.items() if r["right"] < 0.99 * r["facts"] or r["wrong_silent"] or r["invented_silent"]}
    assert not short, f"container: (right %, silent errors, silent invented values) {short}"


def test_twin_projects_of_one_name_pair_by_their_other_facts():
    """Two source projects of one name, and the first read with a fragment before it (a row broken over a page,
    its upper part read as a project of its own): paired in order, the fragment would take the first twin and the
    first twin the second, a silent error that is the measurement's. Names tie, so the amounts and unit decide."""
    twin = "社区矫正工作经费"
    names = [twin, "人民调解工作经费", twin]
    facts = [[f"projects[{i}].{key}", value, kind, "equal"]
             for i, (total, unit) in enumerate([("100", "甲单位"), ("200", "乙单位"), ("300", "丙单位")])
             for key, value, kind in [("name", names[i], "text"), ("funds.total", total, "amount"), ("unit", unit, "text")]]
    variant = {"id": "twins", "entities": {"projects": names}, "rows": {}, "row_offset": None, "empty": [], "facts": facts}
    read = [{"name": twin, "funds": {}, "unit": None, "indicators": []},
            {"name": twin, "funds": {"total": "100"}, "unit": "甲单位", "indicators": []},
            {"name": "人民调解工作经费", "funds": {"total": "200"}, "unit": "乙单位", "indicators": []},
            {"name": twin, "funds": {"total": "300"}, "unit": "丙单位", "indicators": []}]
    outcome = compare.classify(variant, {"declaration": {"department": {}, "projects": read}, "notes": []})
    assert outcome["counts"]["right"] == outcome["counts"]["facts"] == 9, outcome["failures"]
    assert [f["fact"] for f in outcome["failures"]] == ["projects[0]"]  # the fragment, invented


def test_an_item_read_in_its_place_without_its_name_pairs_with_the_source_item_there():
    """A department indicator whose name the reader lost (its note names 指标 6) but whose value it read, between
    two indicators read whole: it is that indicator with its name missing, not one invented beside a missing one.
    Where the runs between paired items differ in length nothing is guessed."""
    assert compare.pair(["甲指标", "乙指标", "丙指标", "丁指标"], ["甲指标", "", "", "丁指标"]) == {0: 0, 1: 1, 2: 2, 3: 3}
    assert compare.pair(["甲指标", "乙指标", "丙指标"], ["甲指标", "", "", "丙指标"]) == {0: 0, 2: 3}
    assert compare.pair(["甲指标", "乙指标"], ["甲指标", "戊"]) == {0: 0}  # a name read: it is no blank to fill


def test_an_item_read_in_its_place_with_its_name_cut_in_print_pairs_with_the_source_item_there():
    """A row too low for its text: the print shows only 人民调 of 人民调解案件数, and the reader keeps what it shows
    (its note says so). In its place it is that item; a name that is not the start of the source's is not."""
    long = "人民调解案件补贴发放完成率"  # too unlike 人民调 for the names' likeness to pair them
    assert compare.pair(["甲指标", long, "丁指标"], ["甲指标", "人民调", "丁指标"]) == {0: 0, 1: 1, 2: 2}
    assert compare.pair(["甲指标", long, "丁指标"], ["甲指标", "调解", "丁指标"]) == {0: 0, 2: 2}
    assert compare.pair(["甲指标", "乙指标", long, "丁指标"], ["甲指标", "人民调", "丁指标"]) == {0: 0, 3: 2}  # 2 runs, 1
    assert compare.pair(["甲指标", long, "乙指标", "丙指标"], ["甲指标", "人民调"]) == {0: 0, 1: 1}  # the rest cut off
    assert compare.pair(["甲指标", long, "乙指标"], ["甲指标", ""]) == {0: 0, 1: 1}


def test_the_self_checks_note_that_a_block_was_read_empty_points_at_its_items():
    """需核对：…“年度重点工作任务”栏目下没有读出任何任务 says every task of the form is missing, as 没有找到…重点工作任务
    does: those tasks are missing with a note, not silently. It says nothing of the indicators."""
    facts = [["department.tasks[0].name", "一村（社区）一法律顾问公益法律服务工作经费", "text", "equal"],
             ["department.indicators[0].name", "社区法律顾问覆盖率", "text", "equal"]]
    variant = {"id": "d025-browserpdf", "rows": {}, "row_offset": None, "empty": [], "facts": facts,
               "entities": {"department.tasks": ["一村（社区）一法律顾问公益法律服务工作经费"],
                            "department.indicators": ["社区法律顾问覆盖率"]}}
    note = ("需核对：第 14 行的“年度重点工作任务”栏目下没有读出任何任务（其下有内容，如第 14 行“名称一村（社区）一法律顾问公益法律服务工”）；"
            "部门整体已标记待复核“栏目内容未读出”")
    outcome = compare.classify(variant, {"declaration": {"department": {}, "projects": []}, "notes": [note]})
    assert {f["fact"]: f["class"] for f in outcome["failures"]} == {
        "department.tasks[0].name": "missing_noted", "department.indicators[0].name": "missing_silent"}


def test_a_note_on_one_field_read_empty_in_every_task_points_at_that_field_of_each():
    """年度重点工作任务的“拟投入的资金”栏在全部 2 项任务中都没有读到 stands at the first task's funds (a note has one
    place), and says every task's: the second task's funds are missing with a note too. Not its other fields."""
    facts = [[f"department.tasks[{k}].{key}", value, kind, "equal"]
             for k, (name, funds) in enumerate([("社区矫正工作经费", "4712.32"), ("普法宣传工作经费", "14613.29")])
             for key, value, kind in [("name", name, "text"), ("funds", funds, "amount"), ("content", "开展工作。", "text")]]
    variant = {"id": "d008-browserpdf", "rows": {}, "row_offset": None, "empty": [], "facts": facts,
               "entities": {"department.tasks": ["社区矫正工作经费", "普法宣传工作经费"], "department.indicators": []}}
    read = {"tasks": [{"name": "社区矫正工作经费"}, {"name": "普法宣传工作经费"}]}
    note = {"text": "年度重点工作任务的“拟投入的资金”栏在全部 2 项任务中都没有读到（原表此栏为空，或未能识别），请对照原表填写",
            "location": "department.tasks[0].funds"}
    outcome = compare.classify(variant, {"declaration": {"department": read, "projects": []}, "notes": [note]})
    assert {f["fact"]: f["class"] for f in outcome["failures"]} == {
        "department.tasks[0].funds": "missing_noted", "department.tasks[1].funds": "missing_noted",
        "department.tasks[0].content": "missing_silent", "department.tasks[1].content": "missing_silent"}


def test_a_cells_text_printed_whole_in_another_row_is_not_its_own():
    """Seed 40's p005 (clipping rows): two projects with the same indicators, one cell cut in print after
    1-产出指 right after its project's name, the other printed whole in its own row. The cut cell's facts were
    counted as printed (its text was found, in the other row), and one read as missing unsaid."""
    from scripts.corpus.containers import printed_prefixes
    from scripts.corpus.sheet import Sheet

    indicators = "1-产出指标：11-数量指标：信息化运维工作完成率；年度指标值：100%。"
    sheet = Sheet("表")
    sheet.page.row_heights = "clipping"
    for row, name in ((3, "天河区司法局政法网设备运维项目（2022-2025年）"), (5, "天河区司法局智能化社区矫正中心运维项目")):
        sheet.put(row, 1, name)
        sheet.put(row, 2, indicators)
    cut = "天河区司法局政法网设备运维项目（2022-2025年）1-产出指" + "1,000.00" * 3
    whole = "天河区司法局智能化社区矫正中心运维项目" + indicators
    found = printed_prefixes(sheet, cut + whole)
    assert found[(3, 2)] == len("1-产出指") and found[(5, 2)] == len(indicators)
    assert printed_prefixes(sheet, whole + cut)[(3, 2)] == len("1-产出指")  # wherever the rows stand
    assert printed_prefixes(sheet, "1-产出指" + whole)[(3, 2)] == len(indicators)  # nowhere its own: as found
    sheet.page.row_heights = "unset"  # no cell printed in part; LibreOffice's order of drawing tells nothing there
    assert printed_prefixes(sheet, cut + whole)[(3, 2)] == len(indicators)
