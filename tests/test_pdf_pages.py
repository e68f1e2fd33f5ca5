"""PDF tables over several pages (src/storage/containers/pdf/strips.py, table.py, continued.py, borders.py): a
table too wide for the page printed in strips of columns, in either page order, is read as one table, a department
form too (its rows merged across the strips); a department form whose merged 一级/二级 cells run over a page break
gives every indicator its levels; a file printed in strips that cannot be joined with confidence (a column cut at
the paper's edge) is refused, saying how to print it.

The PDFs are LibreOffice's prints of small workbooks made by tests/data/pdf/make_page_pdfs.py (README there).
"""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from src.storage.containers.pdf.table import read_pdf_sections
from src.storage.infra.errors import FileProblem
from src.storage.readers.pdf_file import read_pdf_table
from tests.data.pdf.make_page_pdfs import PROJECTS
from tests.helpers.facts import assert_declaration_facts

PDF = Path(__file__).resolve().parent / "data" / "pdf"


def assert_projects(declaration):
    assert [p.name for p in declaration.projects] == [p[0] for p in PROJECTS]
    for project, (name, unit, period, total, fiscal, special, other, goal, indicators) in zip(declaration.projects, PROJECTS):
        assert (project.unit, project.period) == (unit, period), name
        assert (project.funds.total, project.funds.fiscal) == (Decimal(str(total)), Decimal(str(fiscal))), name
        assert project.goal == goal, name
        assert len(project.indicators) == indicators.count("\n") + 1, name
        first, last = project.indicators[0], project.indicators[-1]
        level1, level2, indicator = indicators.split("\n")[0].split("、", 1)[1].split("：")[:3]
        assert (first.level1, first.level2, first.name) == (level1, level2, indicator.split("；")[0]), name
        assert last.annual_value == indicators.rsplit("年度指标值：", 1)[1].rstrip("。"), name


@pytest.mark.parametrize("name, pages, strips", [("pages-wide-projects", 8, 4), ("pages-wide-projects.over-then-down", 8, 4),
                                                  ("pages-wide-projects.title-columns", 12, 6)])
def test_table_printed_in_strips_of_columns_is_one_table(name, pages, strips):
    """The sheet's own column widths are 1.5 pages wide: LibreOffice prints 序号–预算单位, 实施周期–其他资金,
    绩效目标 and 绩效指标 on pages of their own, two pages of rows each, down then over (8 pages: the left
    columns' two pages first) or over then down (the first rows' four pages first); with 序号 and 项目名称 as
    print titles they begin every page (6 strips), and are read once."""
    opened = read_pdf_table(PDF / f"{name}.pdf")
    assert_projects(opened.declaration)
    assert any(f"第 1–{pages} 页是同一张表按列分页打印的 {strips} 栏" in note for note in opened.notes)


def test_strips_join_into_one_section_with_the_header_once():
    tables = read_pdf_sections(PDF / "pages-wide-projects.pdf")
    [section] = tables.sections
    assert section.name == "第 1–8 页"
    header = [row for row in section.rows if row and row[0] == "序号"]
    assert header == [["序号", "项目名称", "预算单位", "实施周期", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"]]


def test_merged_levels_over_a_page_break_reach_every_row():
    """海珠's form with a page break after its first indicator: 产出指标 (merged over five rows) and 数量指标 (over
    two) run over it, LibreOffice prints their text on one side only, and the 部门名称 row repeats on top of each
    page (with the 年度重点工作任务 cell, merged over the page break before, drawn into it)."""
    opened = read_pdf_table(PDF / "pages-department-break.pdf")
    expected = json.loads((PDF.parent / "haizhu-department.expected.json").read_text(encoding="utf-8"))
    assert_declaration_facts(opened.declaration, expected)
    levels = [(i.level1, i.level2) for i in opened.declaration.department.indicators]
    assert levels[:3] == [("产出指标", "数量指标"), ("产出指标", "数量指标"), ("产出指标", "质量指标")]


def test_department_form_in_strips_is_read_whole():
    """The same form with wide columns and no fitting: its merged rows (部门名称, 总体绩效目标) run over the strips, so
    the pages right of the first have no side borders there and their tables break into several. The pages are
    placed by the text they share (shifts.py), each strip's tables stacked, and the merged rows' text, drawn on
    every page it reaches, taken once (beside.py): every fact of the workbook, the join said in a note."""
    opened = read_pdf_table(PDF / "pages-department-wide.pdf")
    expected = json.loads((PDF.parent / "haizhu-department.expected.json").read_text(encoding="utf-8"))
    assert_declaration_facts(opened.declaration, expected)
    assert any("按列分页打印的 3 栏" in note for note in opened.notes)


def test_strip_cut_at_the_papers_edge_is_refused():
    """绩效指标 is wider than what is left of a portrait page beside the print titles: LibreOffice prints it cut at
    the paper's edge. What was not printed cannot be read: refused, not read short."""
    with pytest.raises(FileProblem) as refused:
        read_pdf_table(PDF / "pages-column-past-the-paper.pdf")
    assert "超出了纸张右边" in str(refused.value) and "将所有列调整为一页" in str(refused.value)


def test_two_forms_with_rows_at_the_same_heights_are_not_strips_of_one():
    """A workbook's department form and its project table, printed one after the other with rows of the default
    height, draw their row borders at the same heights from the same margin; the project table is wider than
    its page and goes on in a strip on page 3. Only pages 2–3 are strips of one table: page 1 is titled as a
    form of its own (joining it once read 年度预算 as the department and the form's labels as amounts)."""
    opened = read_pdf_table(PDF / "pages-two-forms-same-rows.pdf")
    projects = opened.declaration.projects
    assert [p.name for p in projects] == [f"业务工作经费{i}" for i in range(1, 6)]
    assert [(p.unit, p.funds.total) for p in projects] == [("区司法局本级", Decimal(10 * i)) for i in range(1, 6)]
    assert all(p.indicators and p.indicators[0].annual_value == "1次" for p in projects)
    assert opened.declaration.department.name != "年度预算"
    assert any("第 2–3 页是同一张表按列分页打印的 2 栏" in note for note in opened.notes)
    assert not any("第 1–3 页" in note for note in opened.notes)
