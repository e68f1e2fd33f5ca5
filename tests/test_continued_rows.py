"""A project's row continued on the rows below it (recognisers/project_table._take_continuations): a row that Word
broke across a page (the rest of its 绩效目标 and 绩效指标 under the next page's header), or a project whose
indicators run down several rows with its name written once. Their text is the project's, said in a note; before,
the rows were skipped ("没有项目名称") and the project lost those indicators."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from src.storage.infra.files import open_declaration

HEADER = ["项目名称", "预算单位", "总计", "绩效目标", "绩效指标"]


def _opened(tmp_path: Path, rows: list[list]):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["2024年项目支出绩效目标表"])
    sheet.append(["部门名称：某区教育局"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    path = tmp_path / "表.xlsx"
    workbook.save(path)
    return open_declaration(path)


def test_rows_holding_only_more_text_belong_to_the_project_above(tmp_path):
    opened = _opened(tmp_path, [
        ["校舍维修", "第一中学", 10, "完成教学楼维修，", "1、产出指标：数量指标：维修面积，年度指标值：500平方米。"],
        [None, None, None, None, "2、产出指标：质量指标：验收合格率，年度指标值：100%。"],
        [None, None, None, "保障教学安全。", "3、满意度指标：服务对象满意度指标：师生满意度，年度指标值：≥90%。"],
        ["课后服务", "第一中学", 5, "开展课后服务。", "1、产出指标：数量指标：服务学生数，年度指标值：800人。"],
    ])
    first, second = opened.declaration.projects

    assert [i.name for i in first.indicators] == ["维修面积", "验收合格率", "师生满意度"]
    assert [i.annual_value for i in first.indicators] == ["500平方米", "100%", "≥90%"]
    assert first.goal == "完成教学楼维修，保障教学安全。"
    assert [i.name for i in second.indicators] == ["服务学生数"]
    said = [note for note in opened.notes if "已接在" in note]
    assert len(said) == 1 and "第 5–6 行" in said[0] and "校舍维修" in said[0]


def test_an_item_cut_by_a_page_is_one_indicator(tmp_path):
    opened = _opened(tmp_path, [
        ["校舍维修", "第一中学", 10, "完成教学楼维修。", "1、产出指标：数量指标：维修面积，年度指标值：500平方米。\n2、产出指标：质量"],
        [None, None, None, None, "指标：验收合格率，年度指标值：100%。"],
    ])
    (project,) = opened.declaration.projects

    assert [(i.level2, i.name, i.annual_value) for i in project.indicators] == [
        ("数量指标", "维修面积", "500平方米"), ("质量指标", "验收合格率", "100%")]


def test_a_row_with_an_amount_or_a_number_of_its_own_is_not_taken_as_the_rest(tmp_path):
    opened = _opened(tmp_path, [
        ["校舍维修", "第一中学", 10, "完成教学楼维修。", "1、产出指标：数量指标：维修面积，年度指标值：500平方米。"],
        [None, None, 3, "开展课后服务。", "1、产出指标：数量指标：服务学生数，年度指标值：800人。"],
    ])
    (project,) = opened.declaration.projects

    assert [i.name for i in project.indicators] == ["维修面积"]
    assert any("第 5 行没有项目名称" in note for note in opened.notes)  # said as before: a project without its name
