"""The per-project 项目支出绩效目标申报表 (recognisers/project_form/): forms made from a declaration's projects in
three layouts and three containers read back to those projects' facts; what a form does not make certain is a
note at its place; a workbook that also holds the project table imports the table."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bench import generate
from src.model.declaration import Review
from src.storage.infra.files import open_declaration
from tests.helpers.project_forms import LAYOUTS, page_html, table_html, workbook_bytes

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
DEMO = ROOT / "resources" / "demo-tianhe-2023.json"


def facts(project) -> tuple:
    return (project.name, project.unit, project.period, project.goal, project.funds.total, project.funds.fiscal,
            project.funds.other, [(i.level1, i.level2, i.name, i.annual_value) for i in project.indicators])


def sources() -> dict[str, list]:
    generated = generate.generate(6, 7)
    for number, project in enumerate(generated.projects):  # money from other sources too, not only 财政拨款
        project.funds.other = Decimal(number * 3 + 1)
        project.funds.total = (project.funds.fiscal or Decimal(0)) + project.funds.other
    return {"demo": open_declaration(DEMO).declaration.projects[:5], "generated": generated.projects}


def _written(tmp_path: Path, projects, layout: str, container: str) -> Path:
    """The projects' forms in the layout, as a workbook (one sheet each) or a web page (one table each)."""
    path = tmp_path / f"forms-{layout}.{container}"
    if container == "xlsx":
        path.write_bytes(workbook_bytes(projects, layout))
    else:
        path.write_text(page_html(projects, layout), encoding="utf-8")
    return path


@pytest.mark.parametrize("source", ["demo", "generated"])
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("container", ["xlsx", "html"])
def test_forms_read_back_to_the_projects_they_were_made_from(tmp_path, source, layout, container):
    projects = sources()[source]
    path = _written(tmp_path, projects, layout, container)

    opened = open_declaration(path)

    assert [facts(p) for p in opened.declaration.projects] == [facts(p) for p in projects]
    assert opened.declaration.year == 2024 and opened.declaration.department.name == "广州市天河区司法局"
    assert opened.notes[0].startswith(f"从 {len(projects)} 张项目支出绩效目标申报表")
    if layout == "split":  # 项目资金（元）: said, and every amount divided by 10,000 (the facts above)
        assert any("金额单位是元" in note for note in opened.notes)


@pytest.mark.parametrize("name", ["tianhe-forms.xls", "tianhe-forms.ods"])
def test_forms_saved_again_by_libreoffice_read_back(name):
    projects = open_declaration(DEMO).declaration.projects[:4]
    opened = open_declaration(DATA / "project_forms" / name)
    assert [facts(p) for p in opened.declaration.projects] == [facts(p) for p in projects]
    notes = [note for note in opened.notes if "实施期目标" in note]  # the template's 实施期目标 has no place here
    assert len(notes) == 4 and {note.location for note in notes} == {f"projects[{i}].goal" for i in range(4)}


def _edited(projects, layout: str, edit) -> io.BytesIO:
    workbook = load_workbook(io.BytesIO(workbook_bytes(projects, layout)))
    edit(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer


def test_a_form_whose_total_is_not_its_sources_is_marked_for_review_and_said_first(tmp_path):
    projects = sources()["generated"][:3]

    def wrong_total(workbook):
        workbook["项目2"]["C5"] = float(projects[1].funds.total) + 5  # 年度资金总额 of the second form

    path = tmp_path / "forms.xlsx"
    path.write_bytes(_edited(projects, "beside", wrong_total).getvalue())
    opened = open_declaration(path)
    first = opened.notes[0]
    assert first.startswith("需核对") and first.location.startswith("projects[1]") and "项目2" in first.source
    assert Review.AMOUNTS_UNRECONCILED in opened.declaration.projects[1].review
    assert not opened.declaration.projects[0].review and not opened.declaration.projects[2].review


def test_an_unknown_comparator_word_and_a_value_without_a_name_are_said_not_guessed(tmp_path):
    projects = sources()["demo"][:1]

    def odd(workbook):
        sheet = workbook["项目1"]
        header = next(row[0].row for row in sheet.iter_rows() if row[3].value == "三级指标")
        sheet.cell(header + 1, 5, "正向")  # 指标性质 printed as a direction, not a comparator
        sheet.cell(header + 2, 4).value = None  # a value whose 三级指标 is blank

    path = tmp_path / "forms.xlsx"
    path.write_bytes(_edited(projects, "split", odd).getvalue())
    opened = open_declaration(path)
    indicators = opened.declaration.projects[0].indicators
    assert len(indicators) == len(projects[0].indicators) - 1
    said = [note for note in opened.notes if "正向" in note]
    assert said and said[0].location == "projects[0].indicators[0].annual_value"
    assert not indicators[0].annual_value.startswith("正向")
    unnamed = [note for note in opened.notes if "但没有" in note and "未导入" in note]
    assert len(unnamed) == 1 and unnamed[0].location == "projects[0].indicators"


def test_a_workbook_with_the_project_table_imports_the_table_and_says_the_forms_were_left(tmp_path):
    table = load_workbook(DATA / "tianhe-2023-projects.xlsx")
    forms = load_workbook(io.BytesIO(workbook_bytes(sources()["demo"][:2], "beside")))
    for sheet in forms.worksheets:  # the forms first: the table still counts from its own first project
        copy = table.create_sheet(sheet.title, 0)
        for row in sheet.iter_rows(values_only=True):
            copy.append(row)
    path = tmp_path / "both.xlsx"
    table.save(path)

    opened = open_declaration(path)
    alone = open_declaration(DATA / "tianhe-2023-projects.xlsx")

    assert [p.name for p in opened.declaration.projects] == [p.name for p in alone.declaration.projects]
    assert any("另有 2 张项目支出绩效目标申报表" in note for note in opened.notes)
    located = [note.location for note in opened.notes if getattr(note, "location", None)]
    assert located == [note.location for note in alone.notes if getattr(note, "location", None)]


def test_only_a_form_with_a_project_name_above_an_indicator_table_is_one(tmp_path):
    from src.storage.containers.sheet_grid import Grid
    from src.storage.recognisers.project_form import is_project_form

    indicator_header = ["一级指标", "二级指标", "三级指标", "指标值"]
    assert is_project_form(Grid("a", [["项目名称", "x"], indicator_header]))
    assert not is_project_form(Grid("b", [indicator_header, ["项目名称", "x"]]))  # the name below the table
    assert not is_project_form(Grid("c", [["项目名称", "x"], ["一级指标", "二级指标", "指标值"]]))  # no 三级


def test_a_field_whose_label_the_reader_has_no_word_for_is_said_at_the_field(tmp_path):
    projects = sources()["demo"][:1]

    def renamed(workbook):
        workbook["项目1"]["D3"] = "项目承担单位"  # 实施单位 in words this reader does not know

    path = tmp_path / "forms.xlsx"
    path.write_bytes(_edited(projects, "beside", renamed).getvalue())
    opened = open_declaration(path)
    assert opened.declaration.projects[0].unit is None
    said = [note for note in opened.notes if note.location == "projects[0].unit"]
    assert said and "没有找到" in said[0]


def test_such_forms_printed_to_pdf_are_refused_saying_what_they_are_not_read_wrong():
    """LibreOffice's PDF of the forms clips their long cells and breaks their labels (项目资金（元） unseen: 元 read
    as 万元); until a PDF reader reads them right, they are refused — and not called a 指标库."""
    from src.storage.infra.errors import FileProblem

    with pytest.raises(FileProblem) as refused:
        open_declaration(DATA / "project_forms" / "tianhe-forms.pdf")
    reason = str(refused.value)
    assert "每个项目一张的项目支出绩效目标申报表" in reason and "工作簿" in reason and "指标库" not in reason


def test_a_form_copied_from_a_spreadsheet_pastes_as_its_project():
    from src.storage.clipboard.pasted_rows import table_from_clipboard

    project = sources()["generated"][2]
    pasted = table_from_clipboard(page_html([project], "beside"), None, first_project=7)
    assert [facts(p) for p in pasted.declaration.projects] == [facts(project)]
    assert all(note.location.startswith("projects[7]") for note in pasted.notes if getattr(note, "location", None))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_forms_one_under_another_on_one_sheet_are_each_read(tmp_path, layout):
    projects = sources()["generated"]
    path = tmp_path / "stacked.xlsx"
    path.write_bytes(workbook_bytes(projects, layout, one_sheet=True))
    opened = open_declaration(path)
    assert [facts(p) for p in opened.declaration.projects] == [facts(p) for p in projects]
    assert opened.declaration.year == 2024
    assert opened.notes[0].startswith(f"从 {len(projects)} 张项目支出绩效目标申报表")
    if layout != "below":  # the template's 实施期目标, said at each form's row: the later forms keep the sheet's rows
        last = [note.row for note in opened.notes if "实施期目标" in note and note.location.startswith(
            f"projects[{len(projects) - 1}]")]
        assert last and last[0] > 20 * (len(projects) - 1)


def evaluation_facts(project) -> tuple:
    return (project.name, project.unit, project.goal, project.funds.total, project.funds.fiscal, project.funds.other,
            [(i.level1, i.level2, i.name, i.annual_value) for i in project.indicators])


@pytest.mark.parametrize("source", ["demo", "generated"])
@pytest.mark.parametrize("container", ["xlsx", "html"])
def test_a_self_evaluation_form_reads_as_the_declaration_it_evaluates_and_says_what_it_left(tmp_path, source,
                                                                                             container):
    """The 项目支出绩效自评表 prints each fact of the declaration beside what was achieved (全年预算数, 全年执行数,
    实际完成情况, 实际完成值, 得分 — all different here): the planned ones are read, the achieved ones said."""
    projects = sources()[source]
    path = _written(tmp_path, projects, "evaluation", container)

    opened = open_declaration(path)

    assert [evaluation_facts(p) for p in opened.declaration.projects] == [evaluation_facts(p) for p in projects]
    said = [note for note in opened.notes if "这是一张绩效自评表" in note]
    assert len(said) == len(projects)
    assert all("实际完成值" in note and "得分" in note and "全年执行数" in note for note in said)
    assert [note.location for note in said] == [f"projects[{i}]" for i in range(len(projects))]


def test_money_carried_over_from_the_year_before_is_said_not_added(tmp_path):
    from tests.helpers.project_forms import evaluation_rows, table_html

    project = open_declaration(DEMO).declaration.projects[0]
    path = tmp_path / "carried.html"
    path.write_text(f"<html><body>{table_html(*evaluation_rows(project, 2024, '天河区司法局', carried=12.5))}</body></html>",
                    encoding="utf-8")

    opened = open_declaration(path)

    assert opened.declaration.projects[0].funds.total == project.funds.total
    note, = [note for note in opened.notes if "上年结转资金" in note]
    assert "12.50 万元" in note and note.location == "projects[0].funds.total"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_form_naming_its_third_level_指标名称_reads_the_same(tmp_path, layout):
    """一级指标 | 二级指标 | 指标名称 | 指标值, as several provinces print the header: refused as no form before."""
    projects = sources()["demo"][:2]

    def rename(workbook):
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value == "三级指标":
                        cell.value = "指标名称"

    path = tmp_path / "forms.xlsx"
    path.write_bytes(_edited(projects, layout, rename).getvalue())

    assert [facts(p) for p in open_declaration(path).declaration.projects] == [facts(p) for p in projects]


def two_table_facts(project) -> tuple:
    return (project.name, project.unit, project.period, project.goal, project.funds.total, project.funds.fiscal,
            project.funds.other, [(i.level1, i.level2, i.name, i.period_value, i.annual_value) for i in project.indicators])


@pytest.mark.parametrize("source", ["demo", "generated"])
@pytest.mark.parametrize("container", ["xlsx", "html"])
def test_a_form_with_a_period_table_and_a_year_table_gives_each_indicator_both_values(tmp_path, source, container):
    """总目标绩效指标 over 本年度绩效指标, 指标内容 for the third level: the year's table gives the indicators, the
    period's their 实施周期指标值. Before, such a form was refused (no 三级指标 header); read as one table, the period's
    targets would have passed for the year's."""
    projects = sources()[source]
    path = _written(tmp_path, projects, "two_tables", container)

    opened = open_declaration(path)

    assert [two_table_facts(p) for p in opened.declaration.projects] == [two_table_facts(p) for p in projects]
    assert not any("未导入" in note and "总目标（长期）绩效指标" in note for note in opened.notes)


def test_a_second_indicator_table_the_form_does_not_name_is_said_not_dropped(tmp_path):
    projects = sources()["demo"][:1]

    def unname(workbook):
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value in ("总目标绩效指标", "本年度绩效指标"):
                        cell.value = "绩效指标"

    path = tmp_path / "unnamed.xlsx"
    path.write_bytes(_edited(projects, "two_tables", unname).getvalue())

    opened = open_declaration(path)

    note, = [note for note in opened.notes if "还有一张绩效指标表" in note]
    assert note.location == "projects[0].indicators"
    # what was read is the first table, as the note says: the period's targets, in the year's place
    assert [i.annual_value for i in opened.declaration.projects[0].indicators] == \
        [i.period_value for i in projects[0].indicators if i.period_value]


@pytest.mark.parametrize("layout", ["inline", "inline_yuan"])
@pytest.mark.parametrize("container", ["xlsx", "html"])
def test_labels_with_their_values_in_one_cell_and_amounts_with_their_own_unit(tmp_path, layout, container):
    """项目名称：…, 财政拨款：750000元 in one cell (宁乡, 佳县): read as the label and its value; an amount that says
    元 where the form says nothing is converted (before, 750000元 passed for 750,000 万元) and said."""
    projects = sources()["generated"][:3]
    path = _written(tmp_path, projects, layout, container)

    opened = open_declaration(path)

    assert [facts(p) for p in opened.declaration.projects] == [facts(p) for p in projects]
    converted = [note for note in opened.notes if "自带单位元" in note]
    assert len(converted) == (sum(1 for p in projects for v in (p.funds.total, p.funds.fiscal, p.funds.other)
                                  if v is not None) if layout == "inline_yuan" else 0)


def test_a_period_table_headed_实施期指标值_and_its_own_notes(tmp_path):
    """The period table's value column may say 实施期指标值: its values are still the period's (they were lost)."""
    projects = sources()["demo"][:2]

    def period_header(workbook):
        for sheet in workbook.worksheets:
            rows = list(sheet.iter_rows())
            for row in rows:
                if row[0].value == "总目标绩效指标":
                    row[4].value = "实施期指标值"

    path = tmp_path / "forms.xlsx"
    path.write_bytes(_edited(projects, "two_tables", period_header).getvalue())

    assert [two_table_facts(p) for p in open_declaration(path).declaration.projects] == \
        [two_table_facts(p) for p in projects]


def test_其中_before_an_inline_label_is_the_forms_own(tmp_path):
    from tests.helpers.project_forms import inline_rows

    project = sources()["generated"][0]
    rows, merges = inline_rows(project, 2024, "区司法局")
    rows[4][2] = f"其中：{rows[4][2]}"  # 其中：财政拨款：…万元
    path = tmp_path / "inline.html"
    path.write_text(f"<html><body>{table_html(rows, merges)}</body></html>", encoding="utf-8")

    assert open_declaration(path).declaration.projects[0].funds.fiscal == project.funds.fiscal
