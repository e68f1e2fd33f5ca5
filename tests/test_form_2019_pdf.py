"""The 2019 部门整体绩效目标表 from a PDF whose table reads back wrong (issue 22, items 4 and 5).

A PDF's grid is not the sheet's: without ruling lines its cells are cut by where the text lies, so a cell lands
between two of the header's columns, rows merged down (the task, its 绩效目标) join the rows beside them, and two
cells' texts can come run together; the columns that did not fit the page are printed on other pages. The reader
reads what it can tell by the labels and the form's shape and says where it could not — never a silent guess.

tests/data/form2019/pdf/ holds three PDFs LibreOffice printed for the corpus (seed 22, f001, f005, f007: no borders
with rows too low, no borders with fitted rows, the columns not fitted to the page) with their facts; the grids
below are written by hand in the shapes those PDFs read to.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.corpus import compare
from src.model import paths
from src.storage.containers.sheet_grid import Grid
from src.storage.recognisers.grid_import import import_published

PDFS = Path(__file__).resolve().parent / "data" / "form2019" / "pdf"
RECORDED = json.loads((PDFS / "variants.expected.json").read_text(encoding="utf-8"))


def _read(rows: list[list[object]]):
    return import_published(Path("表.pdf"), [Grid("第 1–2 页", rows)])


def _at(opened, location: str) -> list[str]:
    return [str(note) for note in opened.notes if getattr(note, "location", None) == location]


# ---- the PDFs ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", RECORDED["variants"], ids=[v["id"] for v in RECORDED["variants"]])
def test_a_pdf_whose_table_reads_back_wrong_is_never_read_silently(variant, monkeypatch):
    from scripts.measure_corpus import read_file
    from src.storage.readers import worker

    monkeypatch.setattr(worker, "in_process", True)  # read here: the flag is read once, when worker is imported
    result = read_file(str(PDFS / variant["file"]))
    # A refusal is an honest answer (its reason is the note); a crash would count every fact as noted
    assert not (result["error"] or "").startswith("crashed"), result["error"]
    outcome = compare.classify(variant, result)
    counts = outcome["counts"]
    assert result["error"] or counts["right"] > 0
    misses = "\n".join(f"  {f['class']} {f['fact']}: expected {f['expected']!r}, read {f['read']!r}"[:300]
                       for f in outcome["failures"])
    assert counts["wrong_silent"] == counts["missing_silent"] == counts["invented_silent"] == 0, misses


# ---- 关键指标 whose cells stand between the header's columns -------------------------------------------------------

def _form(key_rows: list[list[object]], plan_rows: list[list[object]]) -> list[list[object]]:
    return [
        ["2019年部门整体绩效目标表"],
        ["部门名称", "广州市某区司法局"],
        ["部门职能概述", "负责本区司法行政工作。"],
        ["本年度部门预算收入", "1. 财政拨款收入", None, None, None, "90.00"],
        [None, "5.其他收入", None, None, None, "10.00"],
        ["部门整体支出目标", None, "关键指标", None, "预期实现值", None],
        *key_rows,
        ["年度主要支出计划（对应任务、政策）", "任务（政策）的绩效目标", None, "任务（政策）关键性指标", None,
         "绩效标准", "主要实施项目"],
        *plan_rows,
    ]


_KEY_ROWS = [
    ["推进法治政府建设。", None, "调解成功率", None, "≥90%", None],
    [None, "普法活动场次", None, None, None, "≥20场"],  # between goal and 关键指标; right of 预期实现值
    [None, "法律顾问覆盖率", "法律援助案件数", None, "100%", "≥500件"],  # two rows run together
]
_PLAN_ROWS = [["人民调解", "化解矛盾纠纷", None, "调解成功率", None, "≥90%", "人民调解经费"]]


def test_key_indicators_under_no_header_are_read_left_to_right_and_said():
    opened = _read(_form(_KEY_ROWS, _PLAN_ROWS))
    department = opened.declaration.department
    assert department.overall_goal == "推进法治政府建设。"
    assert [(i.name, i.annual_value) for i in department.indicators] == [("调解成功率", "≥90%"), ("普法活动场次", "≥20场")]
    assert not any("按左右先后" in note for note in _at(opened, paths.indicator(paths.DEPARTMENT, 0)))
    assert any("按左右先后读作指标和预期实现值" in note for note in _at(opened, paths.indicator(paths.DEPARTMENT, 1)))
    # four texts in one row: which value is whose cannot be told, so none is taken, and the note says so
    assert "法律顾问覆盖率" not in opened.declaration.model_dump_json()
    assert any("分不清哪段是指标、哪段是预期实现值" in note and "绩效指标表中缺少" in note
               for note in _at(opened, paths.indicators(paths.DEPARTMENT)))


def test_a_line_across_the_key_columns_is_still_split():
    rows = [*_KEY_ROWS[:1], [None, None, "其中：部门年度整体预算完成率：100%", None, "其中：部门年度整体预算完成率：100%", None]]
    department = _read(_form(rows, _PLAN_ROWS)).declaration.department
    assert [(i.name, i.annual_value) for i in department.indicators][-1] == ("部门年度整体预算完成率", "100%")


# ---- the plan's rows whose cells stand between the header's columns -------------------------------------------------

def test_plan_rows_under_no_header_are_read_left_to_right_or_left_out_and_said_on_their_task():
    plan = [
        ["人民调解", "化解矛盾纠纷", "调解成功率", None, None, "≥90%", "人民调解经费"],  # 关键性指标 left of its header
        [None, None, None, "调解案件数", "≥500件", None, None],  # 绩效标准 left of its header
        ["法治宣传", "提高法治意识", "普法活动场次", "法律讲座场次", "≥20场", "≥10场", "普法经费"],  # two rows run together
    ]
    opened = _read(_form(_KEY_ROWS[:1], plan))
    tasks = opened.declaration.department.tasks
    assert [t.name for t in tasks] == ["人民调解", "法治宣传"]
    assert "1. 调解成功率：≥90%\n2. 调解案件数：≥500件" in tasks[0].expected
    assert tasks[0].content == "主要实施项目：人民调解经费"
    assert any("按左右先后读出" in note for note in _at(opened, paths.task(0)))
    assert tasks[1].expected == "提高法治意识" and tasks[1].content == "主要实施项目：普法经费"
    assert any("分不清哪段是关键性指标、哪段是绩效标准" in note and "未导入" in note for note in _at(opened, paths.task(1)))


def test_an_aligned_plan_reads_without_notes_about_alignment():
    opened = _read(_form(_KEY_ROWS[:1], _PLAN_ROWS))
    assert opened.declaration.department.tasks[0].expected == "化解矛盾纠纷\n关键性指标及绩效标准：\n1. 调解成功率：≥90%"
    assert not any("没有对齐" in str(note) for note in opened.notes)


def test_the_page_header_drawn_into_a_task_cell_goes_on_with_the_task():
    """A page break inside a task: the page's repeated 部门名称 row drawn into the same cell as the task's name."""
    plan = [
        ["人民调解", "化解矛盾纠纷", None, "调解成功率", None, "≥90%", "人民调解经费"],
        ["部门名称人民调解广州市某区司法局", "化解矛盾纠纷", None, "调解案件数", None, "≥500件", "人民调解经费"],
    ]
    tasks = _read(_form(_KEY_ROWS[:1], plan)).declaration.department.tasks
    assert [t.name for t in tasks] == ["人民调解"]
    assert "2. 调解案件数：≥500件" in tasks[0].expected


def test_a_task_run_into_its_goal_is_kept_whole_in_both_and_said():
    """The rule between 任务 and 任务的绩效目标 lost (the header reads as both labels in one cell): where the name
    ends cannot be told, so the clerk gets the text in the name and in 期望达到的目标, and a note at the task."""
    rows = _form(_KEY_ROWS[:1], [])[:-1] + [
        ["年度主要支出计划（对应任务、政策）任务（政策）的绩效目标", None, None, "任务（政策）关键性指标", None, "绩效标准",
         "主要实施项目"],
        ["人民调解化解矛盾纠纷", None, None, "调解成功率", None, "≥90%", "人民调解经费"],
    ]
    opened = _read(rows)
    task = opened.declaration.department.tasks[0]
    assert task.name == "人民调解化解矛盾纠纷" and task.expected.startswith("人民调解化解矛盾纠纷\n")
    assert any("连成了一段" in note for note in _at(opened, paths.task(0)))


# ---- the fields a PDF printed elsewhere -------------------------------------------------------------------------

def test_fields_not_read_are_left_empty_and_said_where_they_are():
    rows = [
        ["部门整体绩效目标表"],
        ["部门名称", None],
        ["本年度部门预算收入", "1. 财政拨款收入", None],
        *_form(_KEY_ROWS[:1], _PLAN_ROWS)[5:],
    ]
    opened = _read(rows)
    department = opened.declaration.department
    assert (department.name, department.functions, department.budget.fiscal, opened.declaration.year) == (
        None, None, None, None)
    assert any("部门名称" in note for note in _at(opened, paths.field(paths.DEPARTMENT, "name")))
    assert any("部门职能概述" in note for note in _at(opened, paths.field(paths.DEPARTMENT, "functions")))
    assert any("财政拨款" in note for note in _at(opened, paths.field(paths.DEPARTMENT, "budget.fiscal")))
    assert any("年度" in note for note in _at(opened, paths.YEAR))


def test_a_header_cell_printed_only_in_part_is_taken_by_where_it_stands_and_said():
    """Rows too low for their text: the 关键性指标 header's first line is drawn into the row above, with the 关键指标's
    last line (其中：…：100%); the header row keeps only 、公众满意度方面）."""
    piece = "其中：部门年度整体预算完成率：100%\n任务（政策）关键性指标（产出、效益"
    rows = _form(_KEY_ROWS[:1], [])[:-1] + [
        [None, None, piece, None, piece, piece],
        ["年度主要支出计划（对应任务、政策）", "任务（政策）的绩效目标", None, "、公众满意度方面）", None, "绩效标准",
         "主要实施项目"],
        ["人民调解", "化解矛盾纠纷", None, "调解成功率", None, "≥90%", "人民调解经费"],
    ]
    opened = _read(rows)
    department = opened.declaration.department
    assert [(i.name, i.annual_value) for i in department.indicators][-1] == ("部门年度整体预算完成率", "100%")
    assert department.tasks[0].expected.endswith("1. 调解成功率：≥90%")
    assert any("“、公众满意度方面）”不是完整的栏目名" in note and "“关键性指标”栏" in note
               for note in _at(opened, paths.TASKS))


def test_only_the_left_columns_of_the_form_in_the_grid_is_said_on_the_long_texts():
    """Not fitted to the page's width: the values right of the labels are printed on other pages, the long texts
    cut at the page's edge."""
    rows = [
        ["2019年部门整体绩效目标表"],
        ["部门名称", "广州市某区司法局"],
        ["部门职能概述", "负责本区司法行政工作。主要职责包"],
        ["本年度部门预算收入", "总额（万元）"],
        [None, "1. 财政拨款收入"],
        [None, "5.其他收入"],
        [None, "部门整体支出目标"],
        [None, "推进法治政府建设，提升公共"],
    ]
    opened = _read(rows)
    for role in ("functions", "overall_goal"):
        assert any("可能在页边被截断" in note for note in _at(opened, paths.field(paths.DEPARTMENT, role))), role


def test_a_label_column_beside_the_rows_does_not_hide_their_misalignment():
    """The 本年 label column printed in every row (seed 004's layout) beside 关键指标 cells between the headers."""
    rows = [[None, *row] for row in _form([_KEY_ROWS[0], _KEY_ROWS[1]], _PLAN_ROWS)]
    for row in rows[5:8]:
        row[0] = "本年"
    opened = _read(rows)
    department = opened.declaration.department
    assert [(i.name, i.annual_value) for i in department.indicators] == [("调解成功率", "≥90%"), ("普法活动场次", "≥20场")]
    assert any("按左右先后读作指标和预期实现值" in note for note in _at(opened, paths.indicator(paths.DEPARTMENT, 1)))
