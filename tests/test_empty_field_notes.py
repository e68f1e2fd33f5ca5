"""Nothing missing without a word (issue 22 items 2 and 7): a field the table has a column or a labelled place for,
read empty, gets one 导入说明 per item at that field's place (recognisers/reconcile.py, unread_*); a field the
table has no place for, a blank the table's own sums explain, and the example tables get none."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from src.model import paths
from src.storage.infra.files import open_declaration

DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = [DATA / name for name in ("tianhe-2023-projects.xlsx", "panyu-2022-projects.xlsx", "haizhu-department.xlsx")]
UNREAD = "没有读到"
FULL = ["项目名称", "预算单位", "实施周期", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"]
INDICATORS = "1、产出指标：完成数，年度指标值：10份。2、效益指标：知晓率，年度指标值：≥90%。"


def workbook(tmp_path: Path, rows: list[list], name: str = "built.xlsx") -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def project_table(tmp_path: Path, header: list[str], rows: list[dict]) -> Path:
    """A published project table: title, 部门名称, the header, then a row per project (cells by label)."""
    return workbook(tmp_path, [["2024年项目支出绩效目标表"], ["部门名称：广州市某区司法局"], header,
                               *([row.get(label) for label in header] for row in rows)])


def project(name: str, **cells) -> dict:
    row = {"项目名称": name, "预算单位": "区法律援助处", "实施周期": "2024-2026", "总计": "10", "财政拨款": "10",
           "绩效目标": f"{name}的绩效目标", "绩效指标": INDICATORS}
    row.update(cells)
    return row


def unread(notes) -> list:
    return [note for note in notes if UNREAD in note]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_example_tables_gain_no_such_note(path):
    """天河 leaves 财政专户拨款 and 其他资金 blank beside 总计 = 财政拨款; 番禺 prints no amounts and no 实施周期;
    海珠's form is filled in: nothing for a clerk to hear."""
    assert unread(open_declaration(path).notes) == []


def test_a_project_with_empty_cells_gets_one_note_naming_them_all(tmp_path):
    path = project_table(tmp_path, FULL, [
        project("甲项目"),
        project("乙项目", 预算单位=None, 总计=None, 财政拨款=None),
        project("丙项目", 绩效指标=None),
    ])
    opened = open_declaration(path)
    found = unread(opened.notes)
    assert len(found) == 2, found
    second, third = found
    for label in ("预算单位", "总计", "财政拨款", "财政专户拨款", "其他资金"):
        assert label in second
    assert "乙项目" in second and "第 5 行" in second and second.row == 5
    # At its first empty field, not at the project: a project's place would point at the fields read well too.
    assert second.location == paths.field(paths.project(1), "unit")
    assert "丙项目" in third and "绩效指标" in third and third.location == paths.field(paths.project(2), "indicators")
    assert opened.declaration.projects[2].indicators == []


def test_blank_sources_beside_a_total_they_do_not_make_are_said(tmp_path):
    path = project_table(tmp_path, FULL, [project("甲项目", 财政拨款=None), project("乙项目")])
    [note] = unread(open_declaration(path).notes)
    assert "甲项目" in note and "财政拨款" in note and note.location == paths.field(paths.project(0), "funds.fiscal")


def test_no_note_for_a_column_the_table_lacks(tmp_path):
    """番禺's layout: no 实施周期, no amounts — nothing is said about them, whatever the projects hold."""
    header = ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]
    path = project_table(tmp_path, header, [project("甲项目"), project("乙项目", 预算单位=None)])
    [note] = unread(open_declaration(path).notes)
    assert "乙项目" in note and "预算单位" in note
    assert not any(label in note for label in ("实施周期", "总计", "财政拨款"))


def test_a_column_empty_in_every_project_is_said_once(tmp_path):
    path = project_table(tmp_path, FULL, [project(name, 实施周期=None) for name in ("甲项目", "乙项目", "丙项目")])
    [note] = unread(open_declaration(path).notes)
    assert "“实施周期”栏在全部 3 个项目中" in note


def test_a_field_a_reading_note_already_points_at_is_not_said_again(tmp_path):
    """A 预算单位 cell holding a sentence is left empty with a note of its own (project_table._misfit_note)."""
    path = project_table(tmp_path, FULL, [project("甲项目"),
                                          project("乙项目", 预算单位="为保障全区法律援助工作顺利开展，提升服务质量。")])
    notes = open_declaration(path).notes
    assert [note.location for note in notes if note.location == paths.field(paths.project(1), "unit")] \
        == [paths.field(paths.project(1), "unit")], notes
    assert unread(notes) == []


def department_form(tmp_path: Path, *, transfer="0", other_income="0", basic="100", task_funds="50",
                    period_column=True, second_period="1") -> Path:
    """A 部门整体预算绩效目标申报表 as 海珠's is laid out (tests/data/haizhu-department.xlsx)."""
    values = ["实施周期指标值"] if period_column else []
    rows = [
        ["部门整体预算绩效目标申报表"],
        ["部门名称", "广州市某区司法局"],
        ["预算整体情况", "部门预算支出", "预算金额（万元）", "收入来源", "预算金额（万元）"],
        [None, "基本支出", basic, "财政拨款", "150"],
        [None, "项目支出", "50", "其他资金", other_income],
        [None, "事业发展性支出", "预算金额（万元）", "按预算级次划分", "预算金额（万元）"],
        [None, "财政专项资金", "0", "区本级使用资金", "150"],
        [None, "其他事业发展性支出", "0", "拟用于对下转移支付资金", transfer],
        ["总体绩效目标", "保障各项司法行政工作顺利开展。"],
        ["年度重点工作任务", "名称", "主要实施内容", "拟投入的资金（万元）", "期望达到的目标（概述）"],
        [None, "法律援助", "办理法律援助案件", task_funds, "应援尽援"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", *values, "年度指标值"],
        [None, "产出指标", "数量指标", "办理法律援助案件数", *(["100"] if period_column else []), "100"],
        [None, "效益指标", "社会效益指标", "法律援助知晓率", *([second_period] if period_column else []), "≥90%"],
    ]
    return workbook(tmp_path, rows, "form.xlsx")


def test_a_whole_department_form_gets_no_note():
    assert unread(open_declaration(EXAMPLES[2]).notes) == []


def test_blank_amounts_the_forms_sums_show_to_be_nothing_are_not_said(tmp_path):
    """拟用于对下转移支付资金 and 其他资金 left blank: 收入来源 = 按预算级次划分 = 部门预算支出 without them."""
    assert unread(open_declaration(department_form(tmp_path, transfer=None, other_income=None)).notes) == []


def test_an_amount_of_the_budget_block_read_empty_is_said(tmp_path):
    [note] = unread(open_declaration(department_form(tmp_path, basic=None)).notes)
    assert "预算整体情况" in note and "基本支出" in note
    assert note.location == paths.field(paths.BUDGET, "basic")


def test_a_task_without_its_funds_is_said(tmp_path):
    [note] = unread(open_declaration(department_form(tmp_path, task_funds=None)).notes)
    assert "法律援助" in note and "拟投入的资金" in note
    assert note.location == paths.field(paths.task(0), "funds")


def test_an_indicator_without_its_period_value_is_said_where_the_column_exists(tmp_path):
    [note] = unread(open_declaration(department_form(tmp_path, second_period=None)).notes)
    assert "法律援助知晓率" in note and "实施周期指标值" in note
    assert note.location == paths.field(paths.indicator(paths.DEPARTMENT, 1), "period_value")


def test_no_period_value_is_asked_for_where_the_table_has_no_such_column(tmp_path):
    opened = open_declaration(department_form(tmp_path, period_column=False))
    assert all(indicator.period_value is None for indicator in opened.declaration.department.indicators)
    assert unread(opened.notes) == []
