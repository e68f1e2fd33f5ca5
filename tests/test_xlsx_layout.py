"""The saved workbook looks like the official tables when opened with openpyxl (as Excel/WPS would)."""


import openpyxl
import pytest

from src.storage.editor_files.workbook import DEPARTMENT_SHEET, DETAIL_SHEET, PROJECT_SHEET
from src.storage.infra.files import save_declaration
from tests.builders import clean_declaration, indicator


@pytest.fixture
def saved(tmp_path):
    declaration = clean_declaration()
    declaration.projects[0].indicators[0].annual_value = "=100%"
    declaration.projects[0].indicators[1].period_value = "+5"
    declaration.department.indicators.append(indicator("产出指标", "数量指标", "讲座场次", "≥4场", "≥1场"))
    declaration.department.indicators.append(indicator("效益指标", "社会效益指标", "知晓率", "≥80%", "≥80%"))
    path = tmp_path / "saved.xlsx"
    save_declaration(declaration, path)
    return openpyxl.load_workbook(path), declaration


def test_three_sheets_with_titles(saved):
    workbook, _ = saved
    assert workbook.sheetnames == [DEPARTMENT_SHEET, PROJECT_SHEET, DETAIL_SHEET]
    assert workbook[DEPARTMENT_SHEET]["A1"].value == "2023年部门整体预算绩效目标申报表"
    assert workbook[PROJECT_SHEET]["A1"].value == "2023年项目支出绩效目标表（含转移支付项目）"
    assert workbook[PROJECT_SHEET]["J2"].value == "单位：万元"
    assert workbook[PROJECT_SHEET]["A2"].value == "部门名称：广州市海珠区司法局"


def test_project_sheet_headers_total_row_and_amount_format(saved):
    workbook, declaration = saved
    sheet = workbook[PROJECT_SHEET]
    assert [c.value for c in sheet[3]] == ["序号", "项目名称", "预算单位", "实施周期", "总计", "财政拨款",
                                           "财政专户拨款", "其他资金", "绩效目标", "绩效指标"]
    # Only the official columns: the editor's bookkeeping is on a sheet of its own (编辑器数据).
    assert sheet.max_column == 10
    assert sheet.print_area == f"'{PROJECT_SHEET}'!$A$1:$J${4 + len(declaration.projects)}"
    assert sheet["B4"].value == "合计" and sheet["E4"].value == 200
    assert sheet["B5"].value == declaration.projects[0].name
    assert sheet["E5"].value == 100 and sheet["E5"].number_format == "#,##0.00"
    assert sheet["J5"].value.startswith("1、产出指标：数量指标：调解案件数；实施周期指标值：≥400件；年度指标值：")
    assert sheet.freeze_panes == "C4"
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.print_title_rows == "$3:$3"
    assert sheet["B5"].alignment.wrap_text and sheet["B5"].border.left.style == "thin"


def test_formula_like_text_stays_text(saved):
    workbook, _ = saved
    detail = workbook[DETAIL_SHEET]
    values = {(row[4].value, row[6].value): row[6] for row in detail.iter_rows(min_row=4)}
    cell = values[("调解案件数", "=100%")]
    assert cell.data_type == "s" and cell.value == "=100%"
    assert any(row[5].value == "+5" and row[5].data_type == "s" for row in detail.iter_rows(min_row=4))


def test_department_form_layout_and_merged_levels(saved):
    workbook, _ = saved
    sheet = workbook[DEPARTMENT_SHEET]
    labels = {sheet.cell(r, c).value: (r, c) for r in range(1, sheet.max_row + 1) for c in range(1, 7)}
    for label in ("部门名称", "预算整体情况", "基本支出", "项目支出", "财政专项资金", "其他事业发展性支出", "财政拨款",
                  "其他资金", "区本级使用资金", "拟用于对下转移支付资金", "总体绩效目标", "年度重点工作任务", "绩效指标"):
        assert label in labels, label
    row, column = labels["基本支出"]
    assert sheet.cell(row, column + 1).value == 2293.28
    assert sheet.cell(row, column + 1).number_format == "#,##0.00"
    header_row, _ = labels["一级指标"]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    # 产出指标 spans its two rows in column B, 数量指标 in column C; the single 效益 row is not merged.
    assert f"B{header_row + 1}:B{header_row + 2}" in merged
    assert f"C{header_row + 1}:C{header_row + 2}" in merged
    assert sheet.cell(header_row + 3, 2).value == "效益指标"
    assert "A1:F1" in merged


def test_detail_sheet_filter_and_dropdowns(saved):
    workbook, declaration = saved
    sheet = workbook[DETAIL_SHEET]
    assert [c.value for c in sheet[3]] == ["项目序号", "项目名称", "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值",
                                           "上年指标值"]
    assert sheet.auto_filter.ref.startswith("A3:H")
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(rows) == len(declaration.department.indicators) + sum(len(p.indicators) for p in declaration.projects)
    assert rows[0][:2] == (0, "部门整体")
    formulas = {str(dv.sqref)[0]: dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert "产出指标" in formulas["C"] and "成本指标" in formulas["C"]
    assert "服务对象满意度指标" in formulas["D"]


def test_rows_with_wrapped_text_are_tall_enough(tmp_path, demo_path):
    from src.storage.infra.files import open_declaration

    declaration = open_declaration(demo_path).declaration
    path = tmp_path / "demo.xlsx"
    save_declaration(declaration, path)
    sheet = openpyxl.load_workbook(path)[PROJECT_SHEET]
    # The first project's goal is 120 characters in a 40-wide column: several lines, not one clipped line.
    assert sheet.row_dimensions[5].height and sheet.row_dimensions[5].height >= 13.5 * 4
    assert sheet["I5"].value == declaration.projects[0].goal


def test_every_column_the_workbook_writes_is_read_back_from_the_same_place(tmp_path):
    """One column spec (workbook_columns.py) for the writer and the reader: a value in each field that has a
    column comes back from that column, and a workbook without the 编辑器数据 sheet reads its fields as empty."""
    from openpyxl import load_workbook

    from src.model.declaration import Review
    from src.storage.editor_files.workbook import PROJECT_SHEET
    from src.storage.editor_files.workbook_columns import EDITOR_SHEET, PROJECT_COLUMNS, headers
    from src.storage.infra.files import open_declaration, save_declaration
    from tests.builders import clean_declaration

    declaration = clean_declaration()
    project = declaration.projects[0]
    project.source_file, project.review = "区法律援助处.xlsx", [Review.FUNDS]
    path = tmp_path / "列.xlsx"
    save_declaration(declaration, path)
    assert open_declaration(path).declaration == declaration
    book = load_workbook(path)
    assert [cell.value for cell in book[PROJECT_SHEET][3]] == headers(PROJECT_COLUMNS)
    del book[EDITOR_SHEET]  # as a clerk may delete it before handing the workbook in
    book.save(path)
    older = open_declaration(path).declaration.projects[0]
    assert (older.source_file, older.review) == (None, [])
    assert older.name == project.name and older.funds == project.funds


def test_a_workbook_of_0_2_with_its_bookkeeping_beside_the_table_opens_with_its_marks(examples_dir):
    """0.2 kept 来源文件 and 待复核 in columns K and L of the official table; they now live on 编辑器数据, and
    a clerk's 0.2 workbook opens with its marks as before (tests/data/schema/README.md says how it was made)."""
    from src.model.declaration import Review
    from src.storage.infra.files import open_declaration
    from tests.builders import clean_declaration

    expected = clean_declaration()
    expected.projects[0].source_file = "区法律援助处.xlsx"
    expected.projects[1].review = [Review.FUNDS, Review.PERIOD_ENDED]
    assert open_declaration(examples_dir / "schema" / "workbook-0.2-with-marks.xlsx").declaration == expected
