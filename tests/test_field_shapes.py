"""Plausibility guards on imported tables (issue 22, item 3): no field takes text that is evidently another
field's. The shapes (src/storage/recognisers/field_shapes.py) against the real names of tests/data and the seeds,
then tables — the example workbooks edited as a reading whose cells slipped would leave them, and small tables
built with openpyxl — opened as the editor opens a file."""

import json
from pathlib import Path

import openpyxl
import pytest

from src.model import paths
from src.storage.recognisers import field_shapes
from src.storage.infra.files import open_declaration
from src.storage.recognisers.field_shapes import (
    AMOUNT,
    INDICATOR,
    LABELLED,
    NUMBER,
    PROJECT_NAME,
    PROSE,
    TOTAL_LABEL,
    amount_misfit,
    is_indicator_text,
    is_labelled_list,
    is_organisation,
    is_prose,
    organisation_misfit,
    period_misfit,
    project_name_misfit,
    same_organisation,
    task_name_misfit,
    unit_misfit,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
TIANHE, PANYU, HAIZHU = (DATA / name for name in ("tianhe-2023-projects.xlsx", "panyu-2022-projects.xlsx",
                                                  "haizhu-department.xlsx"))
INDICATORS = "1、产出指标：完成数，年度指标值：10份。2、效益指标：知晓率，年度指标值：≥90%。"
GOAL = "保障各项司法行政工作顺利开展，提升公共法律服务水平。"
# What the guards say when they refuse or reclassify (project_rows.py, project_table.py, department_form.py): none of
# it on a table that reads right.
GUARD_WORDS = ("不是项目或单位的名称", "不是单位名称", "不是实施周期", "不是预算单位", "是部门或单位的标题行",
               "与部门或单位的名称相同", "不是部门名称", "不是任务", "是项目名称（不是单位名称）")


def _expected(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _real_projects() -> list[dict]:
    projects = [p for name in ("panyu-2022-projects.expected.json", "tianhe-2023-projects.expected.json")
                for p in _expected(name)["projects"]]
    projects += json.loads((ROOT / "resources" / "demo-tianhe-2023.json").read_text(encoding="utf-8"))["projects"]
    return projects


REAL_PROJECTS = _real_projects()
REAL_NAMES = sorted({p["name"] for p in REAL_PROJECTS}) + [
    # seeds 000 and 002 as printed, and names with what a name may hold: %, a year range, a 文号, a colon
    "一村（社区）一法律顾问项目经费（区级）", "天河区司法局智能化社区矫正中心运维项目(2022-2025年)",
    "穗财政【2023】79号专职人民调解服务项目经费", "100%覆盖村居法律顾问补贴", "专项：律师行业政策支持资金",
    "2023年普法宣传业务经费", "12348公共法律服务热线运维经费"]
REAL_UNITS = sorted({p["unit"] for p in REAL_PROJECTS if p.get("unit")}) + [
    "区司法局本级", "区法律援助处", "区公职律师事务所", "区公证处", "区社区矫正中心", "区人民调解中心", "天河区公证处",
    "广州市番禺区法规咨询办公室", "区司法局本级，区法律援助处"]
REAL_DEPARTMENTS = ["广州市天河区司法局", "番禺区司法局", "广州市海珠区司法局", "广州市番禺区司法局", "广州市某区司法局"]
REAL_PERIODS = ["2021-2023", "2022年1月-2023年12月", "2023", "2023-2025", "2024-2026", "长期", "2022.01-2024.12",
                "2022年-2025年", "3年"]
# Pieces of indicator text the held-out PDFs put where a unit's name belongs, and more of the seeds' kind.
INDICATOR_PIECES = ["值：100%；年度指标值：100%。", "量指标: 民主法治示范社区申报创建数; 实施周期指标值:完成",
                    "1、产出指标：审核合同数，年度指标值：10份。", "1、1-产出指标：11-数量指标：工程量完成率；",
                    "11-数量指标", "3-满意度指标", "效益指标", "社会效益", "一级指标产出指标",
                    "出指标:落实区-镇（街）-村（社区）三级公共法律服务", "年度指标值:及时"]


# ---- the shapes ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", REAL_NAMES)
def test_a_real_project_name_has_no_other_fields_shape(name):
    assert project_name_misfit(name) is None


@pytest.mark.parametrize("unit", REAL_UNITS + REAL_DEPARTMENTS)
def test_a_real_unit_or_department_has_no_other_fields_shape(unit):
    assert unit_misfit(unit) is None
    assert organisation_misfit(unit) is None
    assert is_organisation(unit)


@pytest.mark.parametrize("period", REAL_PERIODS)
def test_a_real_period_has_no_other_fields_shape(period):
    assert period_misfit(period) is None


def test_task_names_may_be_sentences():
    """海珠's tasks are named in sentences; a task's name is refused only for indicator text."""
    task = "优化法律援助服务，保障经济困难公民获得必要的法律服务，提高政府公共法律服务知晓率。"
    assert is_prose(task)
    assert task_name_misfit(task) is None
    assert task_name_misfit("一村（社区）一法律顾问公益法律服务工作经费") is None
    assert task_name_misfit("效益指标") == INDICATOR


@pytest.mark.parametrize("piece", INDICATOR_PIECES)
def test_indicator_text_is_told_in_every_field_but_its_own(piece):
    assert is_indicator_text(piece)
    assert project_name_misfit(piece) == INDICATOR
    assert unit_misfit(piece) == INDICATOR
    assert period_misfit(piece) == INDICATOR


def test_real_names_are_no_indicator_text():
    for text in REAL_NAMES + REAL_UNITS + REAL_PERIODS:
        assert not is_indicator_text(text), text


def test_a_labelled_list():
    assert is_labelled_list("完成时间：2023年12月；完成率：100%")
    assert is_labelled_list("验收：合格；")
    assert project_name_misfit("完成时间：2023年12月；完成率：100%") == LABELLED
    assert not is_labelled_list("专项：律师行业政策支持资金")  # one colon, no list
    assert not is_labelled_list("区司法局本级；区法律援助处")  # a list of names, no labels


def test_prose():
    assert unit_misfit("我区人民调解工作，实现新时代“枫桥经验”的番禺实践，") == PROSE
    assert unit_misfit("局上走在全市、全省前列。") == PROSE
    assert period_misfit("在2023年内完成全部验收工作，确保运行正常。") == PROSE
    assert project_name_misfit("我区人民调解工作，实现新时代“枫桥经验”的番禺实践，") is None  # a name may be long
    assert not is_prose("1,485.34")


def test_numbers_and_amounts():
    for number in ("1,485.34", "82.60", "2023年", "1", "（2）", "2、1-"):
        assert project_name_misfit(number) == NUMBER, number
        assert organisation_misfit(number) == NUMBER, number
    assert period_misfit("1.2 1.2 2021-2023") == AMOUNT
    assert period_misfit("289.2") == AMOUNT
    assert period_misfit("30 30") == AMOUNT
    assert period_misfit("2023") is None


def test_years_with_an_amount_run_into_them():
    # A table without ruling lines sets an amount and the 实施周期 beside it with no gap: one text (issue 22).
    for glued in ("148.502024-2026", "2024-2026148.50", "2026148", "36.002022年-2024年"):
        assert period_misfit(glued) == AMOUNT, glued
    for period in ("2022.01-2023.12", "2022年1月-2023年12月", "1.5年", "3", "2024-2026", "2022.1—2024.12"):
        assert period_misfit(period) is None, period


def test_an_amount_run_into_a_year_is_no_amount():
    for glued in ("148.502024", "148.502024-2026", "1,296.692023年"):
        assert amount_misfit(glued), glued
    for amount in ("148.50", "1,296.69", "0.2000", "12.3456", "2024", "2,024.00", "", None):
        assert amount_misfit(amount) is None, amount


def test_a_unit_holding_a_project_name_or_a_sum_rows_label():
    assert unit_misfit("区管退休干部节日慰问经费") == PROJECT_NAME
    assert unit_misfit("律师行业政策支持资金") == PROJECT_NAME
    assert unit_misfit("合计天河区法律援助处") == TOTAL_LABEL
    assert organisation_misfit("区管退休干部节日慰问经费") is None  # a heading row of it is told apart by the reader


def test_organisations():
    assert is_organisation("区司法局本级")
    assert not any(is_organisation(name) for name in REAL_NAMES)
    assert same_organisation("广州市天河区司法局", "天河区司法局")
    assert same_organisation("番禺区司法局", "番禺区司法局")
    assert not same_organisation("区司法局本级", "番禺区司法局")
    assert not same_organisation("法律援助处", "天河区法律援助处律师")


# ---- tables that read as before ----------------------------------------------------------------------------

@pytest.mark.parametrize("source", [TIANHE, PANYU, HAIZHU], ids=lambda p: p.stem)
def test_the_example_tables_get_no_guard_note(source):
    notes = open_declaration(source).notes
    assert not [note for note in notes if any(words in note for words in GUARD_WORDS)], notes


def test_real_names_that_look_odd_are_imported_as_they_are(tmp_path):
    rows = [["天河区司法局政法网设备运维项目(2022-2025年)", "区司法局本级", "2022-2025", "10", GOAL, INDICATORS],
            ["100%覆盖村居法律顾问补贴", "广州市天河区司法局", "2022年1月-2023年12月", "20", GOAL, INDICATORS],
            ["专项：律师行业政策支持资金", "区公职律师事务所", "2023", "30", GOAL, INDICATORS]]
    opened = open_declaration(_table(tmp_path, ["项目名称", "预算单位", "实施周期", "总计", "绩效目标", "绩效指标"], rows))
    read = [(p.name, p.unit, p.period) for p in opened.declaration.projects]
    assert read == [(r[0], r[1], r[2]) for r in rows]
    assert not [note for note in opened.notes if any(words in note for words in GUARD_WORDS)], opened.notes


# ---- each guard at work ------------------------------------------------------------------------------------

def _edited(source: Path, tmp_path: Path, **cells) -> Path:
    book = openpyxl.load_workbook(source)
    for cell, value in cells.items():
        book.worksheets[0][cell] = value
    path = tmp_path / f"edited-{source.name}"
    book.save(path)
    return path


def _table(tmp_path: Path, header: list[str], rows: list[list], title: str = "2024年项目支出绩效目标表",
           department: str | None = "部门名称：广州市天河区司法局") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([title])
    if department:
        sheet.append([department])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    path = tmp_path / "built.xlsx"
    book.save(path)
    return path


def _notes_at(opened, location: str) -> list:
    return [note for note in opened.notes if getattr(note, "location", None) == location]


def test_a_department_row_with_a_neighbours_indicator_text_is_no_project(tmp_path):
    """天河's 资金使用单位 row under the 合计, its amounts the 合计's, with a piece of indicator text that slipped into
    its 绩效指标 cell: it stays the heading of the projects under it, and the piece is said."""
    before = open_declaration(TIANHE).declaration
    opened = open_declaration(_edited(TIANHE, tmp_path, G6="值：100%；年度指标值：100%。"))
    projects = opened.declaration.projects
    assert [p.name for p in projects] == [p.name for p in before.projects]
    assert "广州市天河区司法局" not in [p.name for p in projects]
    assert all(p.unit == "广州市天河区司法局" for p in projects)
    said = [note for note in opened.notes if "是部门或单位的标题行" in note]
    assert len(said) == 1 and said[0].row == 6 and "值：100%；年度指标值：100%。" in said[0].source_text, opened.notes
    assert "第 5 行“合计”" in said[0]


def test_a_unit_row_whose_amounts_are_its_projects_sum_is_no_project(tmp_path):
    """A unit's row (not named anywhere else) with a sentence slipped into its 绩效目标: its amounts are the sum
    of the projects under it."""
    header = ["项目名称", "总计", "财政拨款", "绩效目标", "绩效指标"]
    rows = [["区法律援助处", "30", "30", "开展工作。", None],
            ["法律援助经费", "10", "10", GOAL, INDICATORS],
            ["法律援助业务经费", "20", "20", GOAL, INDICATORS]]
    opened = open_declaration(_table(tmp_path, header, rows, department=None,
                                     title="广州市天河区司法局2024年项目支出绩效目标表"))
    assert [(p.name, p.unit) for p in opened.declaration.projects] == [
        ("法律援助经费", "区法律援助处"), ("法律援助业务经费", "区法律援助处")]
    assert any("是部门或单位的标题行" in note and "其下各项目的金额之和" in note for note in opened.notes), opened.notes


def test_a_project_named_as_the_department_with_other_amounts_is_reported(tmp_path):
    header = ["项目名称", "总计", "绩效目标", "绩效指标"]
    rows = [["合计", "30", None, None],
            ["广州市天河区司法局", "12", GOAL, INDICATORS],
            ["法律援助经费", "18", GOAL, INDICATORS]]
    opened = open_declaration(_table(tmp_path, header, rows))
    assert [p.name for p in opened.declaration.projects] == ["广州市天河区司法局", "法律援助经费"]
    assert any("与部门或单位的名称相同" in note for note in _notes_at(opened, "projects[0].name")), opened.notes


def test_indicator_text_in_the_name_column_heads_no_unit(tmp_path):
    """A piece of indicator text alone in a row (where a unit's row stands: no goal, no indicators) is no unit for
    the projects under it: they keep theirs, and the piece is pointed at the project above."""
    header = ["项目名称", "总计", "绩效目标", "绩效指标"]
    rows = [["区司法局本级", "30", None, None],
            ["法制业务经费", "10", GOAL, INDICATORS],
            ["值：100%；年度指标值：100%。", None, None, None],
            ["量指标: 民主法治示范社区申报创建数; 实施周期指标值:完成", None, None, None],
            ["普法宣传业务经费", "20", GOAL, INDICATORS]]
    opened = open_declaration(_table(tmp_path, header, rows))
    assert [(p.name, p.unit) for p in opened.declaration.projects] == [
        ("法制业务经费", "区司法局本级"), ("普法宣传业务经费", "区司法局本级")]
    said = _notes_at(opened, paths.indicators("projects[0]"))
    assert [note.row for note in said] == [6, 7], opened.notes
    assert all("绩效指标的文字" in note and "该行未导入" in note for note in said)


def test_a_sentence_in_the_name_column_heads_no_unit(tmp_path):
    header = ["项目名称", "总计", "绩效目标", "绩效指标"]
    rows = [["法制业务经费", "10", GOAL, INDICATORS],
            ["我区人民调解工作，实现新时代“枫桥经验”的番禺实践，", None, None, None],
            ["普法宣传业务经费", "20", GOAL, INDICATORS]]
    opened = open_declaration(_table(tmp_path, header, rows))
    assert [(p.name, p.unit) for p in opened.declaration.projects] == [("法制业务经费", None), ("普法宣传业务经费", None)]
    assert any("叙述性的文字" in note for note in _notes_at(opened, "projects[0].goal")), opened.notes


def test_a_unit_holding_a_year_is_a_period_run_into_it():
    assert unit_misfit("运维项目(2022-2025年)2022年1月-") == field_shapes.DATE
    assert unit_misfit("区公证处2023年") == field_shapes.DATE
    assert unit_misfit("区公证处2023-2025") == field_shapes.DATE


def test_a_goal_holding_indicator_text_is_kept_and_said(tmp_path):
    """A reading that ran the indicator cell into the goal (a PDF's text layout, a shifted web row): the text stays
    the clerk's, with a note at the goal; a goal that merely mentions 指标 is a goal."""
    ran_in = "保障运行。1、产出指标：运维完成率；实施周期指标值：100%；年度指标值：100%。"
    header = ["项目名称", "总计", "绩效目标", "绩效指标"]
    rows = [["法制业务经费", "10", ran_in, INDICATORS], ["律师管理业务经费", "30", "完成各项考核指标，保障运行。", INDICATORS]]
    opened = open_declaration(_table(tmp_path, header, rows))

    assert [p.goal for p in opened.declaration.projects] == [ran_in, "完成各项考核指标，保障运行。"]
    note, = _notes_at(opened, "projects[0].goal")
    assert "绩效指标的文字" in note and note.source_text == ran_in
    assert not _notes_at(opened, "projects[1].goal")
    assert field_shapes.goal_misfit(GOAL) is None


def test_a_unit_cell_holding_another_fields_text_is_left_empty(tmp_path):
    header = ["项目名称", "预算单位", "实施周期", "总计", "绩效目标", "绩效指标"]
    rows = [["法制业务经费", "实施周期指标值:100%；年度指标值:100%", "2023", "10", GOAL, INDICATORS],
            ["普法宣传业务经费", "区管退休干部节日慰问经费", "41.4 41.4 2023-2025", "20", GOAL, INDICATORS],
            ["律师管理业务经费", "区司法局本级", "2023-2025", "30", GOAL, INDICATORS]]
    opened = open_declaration(_table(tmp_path, header, rows))
    assert [(p.unit, p.period) for p in opened.declaration.projects] == [
        (None, "2023"), (None, None), ("区司法局本级", "2023-2025")]
    unit, = _notes_at(opened, "projects[0].unit")
    assert unit.row == 4 and unit.source_text == "实施周期指标值:100%；年度指标值:100%" and "已留空" in unit
    assert "项目名称" in _notes_at(opened, "projects[1].unit")[0]
    assert "金额" in _notes_at(opened, "projects[1].period")[0]


def test_an_amount_cell_holding_prose_is_left_empty(tmp_path):
    header = ["项目名称", "总计", "财政拨款", "绩效目标", "绩效指标"]
    rows = [["法制业务经费", "保障各项司法行政工作顺利开展。", "10", GOAL, INDICATORS]]
    opened = open_declaration(_table(tmp_path, header, rows))
    assert opened.declaration.projects[0].funds.total is None
    note, = _notes_at(opened, "projects[0].funds.total")
    assert "不是金额" in note and note.row == 4


def test_a_title_without_a_department_names_none(tmp_path):
    header = ["项目名称", "总计", "绩效目标", "绩效指标"]
    opened = open_declaration(_table(tmp_path, header, [["法制业务经费", "10", GOAL, INDICATORS]],
                                     title="2023年项目支出绩效目标表（含转移支付项目）", department=None))
    assert opened.declaration.department.name is None
    assert any("不是部门名称" in note for note in _notes_at(opened, "department.name")), opened.notes


def test_a_department_form_row_of_the_departments_name_or_of_indicators_is_no_task(tmp_path):
    """A page's repeated 部门名称 row, and an indicator row whose table header was not told, under the tasks."""
    opened = open_declaration(_edited(HAIZHU, tmp_path, B12="广州市海珠区司法局", C12=None))
    assert [t.name for t in opened.declaration.department.tasks] == ["一村（社区）一法律顾问公益法律服务工作经费"]
    assert any("部门名称" in note and "不是任务" in note for note in _notes_at(opened, paths.TASKS)), opened.notes
    opened = open_declaration(_edited(HAIZHU, tmp_path, B12="效益指标", C12="经济效益指标"))
    assert [t.name for t in opened.declaration.department.tasks] == ["一村（社区）一法律顾问公益法律服务工作经费"]
    assert any("绩效指标的文字" in note for note in _notes_at(opened, paths.TASKS)), opened.notes


def test_a_project_named_for_its_place_stays_a_project(tmp_path):
    """A project may be named as a unit is (…中心): alone under its unit's row and the 合计, its amount is theirs."""
    header = ["项目名称", "总计", "绩效目标", "绩效指标"]
    rows = [["合计", "50", None, None],
            ["区司法局本级", "50", None, None],
            ["天河区公共法律服务中心", "50", GOAL, INDICATORS]]
    opened = open_declaration(_table(tmp_path, header, rows))
    assert [(p.name, p.unit) for p in opened.declaration.projects] == [("天河区公共法律服务中心", "区司法局本级")]
    assert not [note for note in opened.notes if any(words in note for words in GUARD_WORDS)], opened.notes


def test_rows_named_as_projects_without_goal_or_indicators(tmp_path):
    """一、专项业务费 over its projects is a category's row (its sum, no unit); a piece of a name alone is nothing; a
    project whose goal and indicators are empty is a project — none of them a unit for the projects under it."""
    header = ["项目名称", "预算单位", "总计", "绩效目标", "绩效指标"]
    rows = [["一、专项业务费", None, "30", None, None],
            ["法制业务经费", "区司法局本级", "10", GOAL, INDICATORS],
            ["普法宣传业务经费", "区司法局本级", "20", GOAL, INDICATORS],
            ["作经费", None, None, None, None],
            ["区法律援助处", None, "5", None, None],
            ["律师管理业务经费", "区法律援助处", "5", None, None]]
    opened = open_declaration(_table(tmp_path, header, rows))
    assert [(p.name, p.unit, p.funds.total) for p in opened.declaration.projects] == [
        ("法制业务经费", "区司法局本级", 10), ("普法宣传业务经费", "区司法局本级", 20), ("律师管理业务经费", "区法律援助处", 5)]
    assert any("分类的小计行" in note and note.row == 4 for note in opened.notes), opened.notes
    assert any("只有名称" in note and note.row == 7 for note in opened.notes), opened.notes
    assert not [note for note in opened.notes if note.startswith("需核对")], opened.notes
    assert any("已作为项目导入" in note for note in _notes_at(opened, "projects[2]")), opened.notes


def test_a_subtotal_row_whose_name_is_no_units_heads_projects_of_no_unit(tmp_path):
    """A unit's subtotal row whose name a reading garbled (合计 run into it) still ends the unit above: the projects
    under it get no unit rather than the one above, and a note says so."""
    header = ["项目名称", "总计", "绩效目标", "绩效指标"]
    rows = [["区司法局本级", "10", None, None],
            ["法制业务经费", "10", GOAL, INDICATORS],
            ["合计天河区法律援助处", "20", None, None],
            ["法律援助经费", "20", GOAL, INDICATORS]]
    opened = open_declaration(_table(tmp_path, header, rows))
    assert [(p.name, p.unit) for p in opened.declaration.projects] == [("法制业务经费", "区司法局本级"), ("法律援助经费", None)]
    note, = _notes_at(opened, "projects[1].unit")
    assert "合计行的文字" in note and note.row == 6
    assert not [note for note in opened.notes if note.startswith("需核对")], opened.notes


@pytest.mark.parametrize("period", ["1 年", "2023 年 1 月-2023 年 12 月", "3", "12 个月", "2022-2025", "2023年"])
def test_a_period_spaced_as_pdf_text_spaces_it_is_no_amount(period):
    """A PDF's text puts spaces between digits and 年/月 (2023 年 1 月); a period of 3 (years) is a period."""
    assert not field_shapes.is_amount_not_year(period)


@pytest.mark.parametrize("amount", ["289.2", "1.2 1.2", "42", "1,485.34"])
def test_an_amount_where_a_period_belongs_is_one(amount):
    assert field_shapes.is_amount_not_year(amount)


def test_a_cell_naming_several_units_is_names_not_prose():
    assert not field_shapes.is_prose("区司法局本级，区法律援助处，区公证处")
    assert field_shapes.is_prose("保障各项工作顺利开展，提升公共法律服务水平")


def test_the_yuan_note_quotes_the_words_that_said_it():
    """A line that says more than the unit (部门名称：X　　单位：元, as a Word paragraph holds it) is quoted by those words."""
    from src.storage.containers.sheet_grid import Grid
    from src.storage.recognisers.published import amounts_in_yuan

    assert amounts_in_yuan(Grid("t", [["部门名称：北京市通州区水务局　　单位：元"]]), 0) == "单位：元"
    assert amounts_in_yuan(Grid("t", [["预算金额（元）"]]), 0) == "预算金额（元）"
    assert amounts_in_yuan(Grid("t", [["财政资金安排和使用情况\n资金结构（元）"]]), 0) == "资金结构（元）"
    assert amounts_in_yuan(Grid("t", [["单位：万元"]]), 0) is None
