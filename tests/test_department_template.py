"""The 部门（单位）整体支出绩效目标申报表 of 财政部's template and most provinces (recognisers/department_form.py, its
labels' other words): forms made from a declaration's department read back to it as a workbook and a web page.
It was refused as a 指标库 (its 一级/二级/三级指标 header) before."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bench import generate
from src.storage.infra.files import open_declaration
from tests.helpers.department_forms import VALUES, page_html, workbook_bytes

DATA = Path(__file__).resolve().parent / "data"


def sources() -> dict:
    haizhu = open_declaration(DATA / "haizhu-department.xlsx").declaration.department
    generated = generate.generate(4, 3).department
    generated.budget.other_income = Decimal("12.5")
    generated.indicators = [indicator for project in generate.generate(2, 6).projects for indicator in project.indicators]
    generated.tasks = [task.model_copy(update={"name": f"{task.name}{number}", "funds": Decimal(number * 7 + 3)})
                       for number, task in enumerate(generated.tasks * 3, start=1)]
    return {"haizhu": haizhu, "generated": generated}


def facts(department, values: str) -> tuple:
    return (department.name, department.functions, department.overall_goal, department.budget.fiscal,
            department.budget.other_income, [(t.name, t.content, t.funds, t.expected) for t in department.tasks],
            [(i.level1, i.level2, i.name, i.annual_value, i.period_value if values == "two" else None)
             for i in department.indicators])


@pytest.mark.parametrize("source", ["haizhu", "generated"])
@pytest.mark.parametrize("values", VALUES)
@pytest.mark.parametrize("container", ["xlsx", "html"])
def test_the_template_department_form_reads_back(tmp_path, source, values, container):
    department = sources()[source]
    path = tmp_path / f"department.{container}"
    if container == "xlsx":
        path.write_bytes(workbook_bytes(department, values))
    else:
        path.write_text(page_html(department, values), encoding="utf-8")
    opened = open_declaration(path)
    assert facts(opened.declaration.department, values) == facts(department, values)
    assert opened.declaration.year == 2024 and not opened.declaration.projects
    assert not any("指标库" in note for note in opened.notes)


def test_the_year_of_a_title_standing_far_down_is_read(tmp_path):
    """The title under 附件1, blank rows and a 说明 line, six rows down: its year was looked for in the first five
    rows only, and the form came in without a year and without a word."""
    import openpyxl

    from tests.helpers.department_forms import form_rows

    rows, merges = form_rows(sources()["haizhu"], 2024, "two")
    above = [["附件1"], [], [], ["说明：本表由部门填报"], []]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in above + rows:
        sheet.append(row)
    for r1, c1, r2, c2 in merges:
        sheet.merge_cells(start_row=r1 + len(above), start_column=c1, end_row=r2 + len(above), end_column=c2)
    path = tmp_path / "department.xlsx"
    workbook.save(path)

    assert open_declaration(path).declaration.year == 2024


@pytest.mark.parametrize("source", ["haizhu", "generated"])
def test_a_department_self_evaluation_reads_as_the_form_it_evaluates_and_says_what_it_left(tmp_path, source):
    """部门整体支出绩效自评表: its goal stands under 预期目标 (read as the goal before, the heading itself), its
    figures beside the year's results; the planned ones are read and the results said once."""
    from tests.helpers.department_forms import evaluation_rows
    from tests.helpers.project_forms import table_html

    department = sources()[source]
    path = tmp_path / "自评.html"
    path.write_text(f"<html><body>{table_html(*evaluation_rows(department))}</body></html>", encoding="utf-8")

    read = open_declaration(path)
    got = read.declaration.department

    assert (got.name, got.overall_goal, got.budget.basic, got.budget.project) == \
        (department.name, department.overall_goal, department.budget.basic, department.budget.project)
    assert [(i.level1, i.level2, i.name, i.annual_value) for i in got.indicators] == \
        [(i.level1, i.level2, i.name, i.annual_value) for i in department.indicators]
    said, = [note for note in read.notes if "部门整体绩效自评表" in note]
    assert "实际完成值" in said and "得分" in said and said.location == "department"


def test_an_empty_amount_beside_its_label_is_not_the_number_under_it(tmp_path):
    """The form's labels stand in a column with their amounts beside them: an amount left empty is empty, not the
    number in the row under its label (here the 总体绩效目标 "0", which a rule for labels over a row of amounts read
    as the 其他事业发展性支出 — found by the round-trip property test)."""
    from src.model.declaration import Declaration
    from src.storage.infra.files import save_declaration

    declaration = Declaration.model_validate({"department": {"overall_goal": "0"}})
    path = tmp_path / "own.xlsx"
    save_declaration(declaration, path)

    assert open_declaration(path).declaration == declaration
