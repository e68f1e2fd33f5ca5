"""PDFs fitted to the page's width, printed by LibreOffice Writer from Word documents and by Calc (issue 22): what a
page break does to merged cells and to numbers too wide for their column, and the notes that point at what a print
cut. tests/data/pdf/fitted/*.pdf are made by tests/data/pdf/fitted/make_fitted_pdfs.py."""

from __future__ import annotations

from pathlib import Path

from src.model.declaration import Department, Indicator, Task
from src.storage.containers.pdf.continued import join_cut, split_row
from src.storage.infra.files import open_declaration
from src.storage.recognisers import clipped_places
from tests.data.pdf.fitted.make_fitted_pdfs import projects

DATA = Path(__file__).parent / "data" / "pdf"


def test_a_unit_merged_over_a_page_break_reaches_every_project_and_wide_amounts_are_whole():
    # 预算单位 merged down over each unit's four projects: Writer draws the border at the page's foot and prints the
    # unit once, the rest of its cell empty at the next page's top (those projects read with no unit before). Amounts
    # in 元 too wide for their column, broken where the line was full (446,079,9 | 00.00), on a page or across two
    # (read before as two numbers, left empty).
    read = open_declaration(DATA / "fitted" / "word-units-merged.pdf").declaration
    expected = [(name, unit, period, total / 10000, total / 10000, goal, indicator.rsplit("：", 1)[1])
                for name, unit, period, total, goal, indicator in projects()]
    assert [(p.name, p.unit, p.period, p.funds.total, p.funds.fiscal, p.goal, p.indicators[0].annual_value)
            for p in read.projects] == expected


def test_a_number_cut_by_the_page_is_joined_whole():
    assert join_cut("448,795,7", "26.00") == "448,795,726.00"
    assert join_cut("合计 12", "34 项") == "合计 12 34 项"  # two numbers: no thousands' grouping joins them


def test_a_row_with_one_cell_plainly_cut_is_asked_though_another_ends_short():
    # p035 of the Writer corpus, seed 22: the name and the goal wrapped mid-word at the page's foot, the indicators'
    # last line (a line break typed there, line_breaks=anywhere) ending a line above it with room left. Read as a row
    # of its own before: a project 区)一法律顾问… with the rest of the goal and indicators, the first one's cut silently.
    above = ["22", "穗财政【2023】79号一村(社", "在全区实现一社区一法律顾问线上线下全覆盖，群众不", "<p>1、产出指标:法律顾问每"]
    below = ["", "区)一法律顾问公益法律服务工作经费", "出社区即可享受到法律服务。", "季度举办法治讲座"]
    gaps, room = [51.5, 14.1, 2.6, 13.4], [4.1, 1.15, 0.62, 3.62]
    starts = [[], [("区", 1.0), (")", 0.39)], [("出", 1.0)], [("季", 1.0)]]
    assert split_row(above, below, gaps, room, [None, 0.0, 0.0, 0.0], starts, 10.5) == "ask"
    # a 序号 of its own below: a new row, whatever the cells above show
    numbered = ["23", *below[1:]]
    assert split_row(above, numbered, gaps, room, [0.0, 0.0, 0.0, 0.0], [[("2", 0.5)], *starts[1:]], 10.5) is None


def test_a_department_forms_cut_cell_is_said_at_what_holds_its_text():
    # A PDF's rows are not the sheet's: 第 N 行 alone does not point at a task, an indicator or the overall goal
    # (d004/d010/d013 of the Calc corpus, seed 29: task contents cut by rows one line high, read without a note at them).
    department = Department(overall_goal="全面推进法治政府建设。", tasks=[
        Task(name="法律援助", content="保障各项司法行政工作顺利开展，提升公共法律服务水平。"),
        Task(name="人民调解", content="加强人民调解工作。"),
        Task(name="公证", content="保障各项司法行政工作顺利开展，提升公共法律服务水平。")],
        indicators=[Indicator(name="调解成功率", annual_value="100%")])
    assert clipped_places.places(department, ["保障各项司法行政工作顺利开展，提"]) == [
        "department.tasks[0]", "department.tasks[2]"]
    assert clipped_places.places(department, ["调解成功", "全面推进法治"]) == [
        "department.overall_goal", "department.indicators[0]"]
    assert clipped_places.places(department, ["人民调"]) == ["department.tasks[1]"]  # a name's start
    assert clipped_places.places(department, ["工作"]) == []  # short text inside another: no place
    assert clipped_places.words(department, ["department.tasks[1]", "department.overall_goal"]) == \
        "部门整体 › 任务 2“人民调解”、部门整体 › 总体绩效目标"


def test_the_cut_rows_of_a_printed_department_form_are_said_at_its_tasks():
    # A Calc print of a department form with rows too low for their text (tests/test_pdf_silent.py): every note of a
    # cut cell names the task or indicator it went into, as the editor words the place.
    opened = open_declaration(DATA / "silent-department-list.pdf")
    department = opened.declaration.department
    cut = [note for note in opened.notes if "被裁掉" in note]
    assert cut
    for note in cut:
        named = [index for index, task in enumerate(department.tasks) if f"任务 {index + 1}“" in note] + \
                [index for index, _ in enumerate(department.indicators) if f"指标 {index + 1}“" in note]
        assert named, note
