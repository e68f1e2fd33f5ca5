"""Web pages printed to PDF by a browser (Chromium; tests/data/browser-print/make_browser_prints.py): the browser's
margin texts are not table content, and a row whose one long cell runs on alone at the next page's top keeps it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from src.model import paths
from src.storage.infra.files import open_declaration

DATA = Path(__file__).resolve().parent / "data" / "browser-print"
NAMES = ["法律援助服务项目经费", "普法宣传业务经费"]


def _read(name: str):
    reading = open_declaration(DATA / name)
    return reading.declaration, [str(note) for note in reading.notes]


def test_margin_texts_of_a_one_page_print_are_not_a_project():
    """The date and the page's address stand once on a file of one page: nothing repeats them, their shape says."""
    declaration, notes = _read("one-page.pdf")
    assert [p.name for p in declaration.projects] == [*NAMES, "人民调解专项经费"]
    assert [len(p.indicators) for p in declaration.projects] == [3, 2, 4]
    assert not any("file:" in note or "ﬁle:" in note for note in notes), notes


def test_a_cell_running_on_alone_over_the_page_break_stays_with_its_row():
    declaration, notes = _read("row-over-break.pdf")
    assert [p.name for p in declaration.projects] == [*NAMES, "社区矫正专项经费"]
    last = declaration.projects[-1]
    assert len(last.indicators) == 40
    assert last.indicators[-1].name.startswith("群众满意度") and last.indicators[-1].annual_value == "不少于49次"
    assert any("跨页断开" in note for note in notes), notes  # the join is said


def test_a_units_row_under_a_cell_run_on_over_the_break_keeps_its_projects():
    """Rows taller than their text put the unit's row far below the rest of the cell above it: both are the
    table's rows (the unit's projects were read under the unit before, and the cell's rest lost, unsaid)."""
    declaration, notes = _read("unit-row-after-break.pdf")
    assert [(p.name, p.unit, len(p.indicators)) for p in declaration.projects] == [
        ("法律援助服务项目经费", "区法律援助处", 3), ("法律援助补贴", "区法律援助处", 2),
        ("律师管理业务经费", "区法律援助处", 30), ("社区矫正专项经费", "区社区矫正中心", 3)]


def test_a_merged_cell_ending_inside_the_last_row_over_the_break_does_not_read_it_twice():
    """The browser ends the 绩效指标 box merged down over the page break above the bottom of the rows beside it:
    its lone border cut the last rows in two, each half read as an indicator (both halves the same cells)."""
    declaration, notes = _read("department-over-break.pdf")
    names = [indicator.name for indicator in declaration.department.indicators]
    assert names == ["普法宣传活动场次（1）", "调解成功率（2）", "按时完成率（3）", "设备维护及时性（4）", "提升法律援助的影响力（5）",
                     "综合接待岗群众满意度（6）", "当事人满意度（7）"], names
    assert declaration.department.indicators[-1].annual_value == "符合财务规范"


def test_the_rest_of_a_cell_wider_than_the_rows_under_it_is_still_the_rows():
    """The rest of a cell at the page's top reaches further right than any text of the rows under it (the last
    project's indicator one short line): it is known by where it begins (seed 32's browser-printed p020 lost 20
    facts unsaid, its next unit's projects read under the unit before)."""
    declaration, notes = _read("wider-rest-of-cell.pdf")
    assert [(p.name, p.unit, len(p.indicators)) for p in declaration.projects] == [
        ("法律援助服务项目经费", "区法律援助处", 3), ("法律援助补贴", "区法律援助处", 2),
        ("律师管理业务经费", "区法律援助处", 30), ("社区矫正专项经费", "区社区矫正中心", 1)]


# Seed 34's corpus (scripts/make_corpus.py --seed 34) as Chromium printed its web pages (scripts/corpus/browser_prints.py)

def test_a_cell_in_a_latin_font_ends_where_the_next_cells_text_in_another_begins():
    # 2024-2026 in the browser's Latin font, 4.7 pt before the next cell's <p>1．… in its Chinese one: read as one text
    # in 绩效指标, every project's 实施周期 lost (said once for the column only).
    declaration, _ = _read("period-against-text.pdf")
    assert len(declaration.projects) == 22
    assert {p.period for p in declaration.projects} == {"2024-2026"}
    assert all(p.indicators and p.indicators[0].level1 == "产出指标" for p in declaration.projects)


def test_an_indicator_line_beginning_like_a_label_is_no_strip_of_columns():
    # A row holding only 实施周期指标值:不少于2000次；年度指标值:… (an indicator's text broken onto a row of its own)
    # was taken for a strip's header naming a column the table lacks: the file was refused as a print in strips.
    declaration, _ = _read("indicator-line-like-a-label.pdf")
    assert len(declaration.projects) == 19 and all(p.funds.total for p in declaration.projects)


def test_a_row_broken_over_a_page_is_joined_where_its_cells_went_on_from_full_lines():
    # A row the browser broke over a page: its rest under the next page's header. Read as a project of its own (the
    # end of the name, 目(2022-2025年), with no money: said, the row above cut short, unit 天河区社区矫正中) until its
    # cells were seen to go on from last lines full to their column's wrap, mid-word (continued.join_wrapped).
    reading = open_declaration(DATA / "row-broken-over-pages.pdf")
    names = [p.name for p in reading.declaration.projects]
    assert "目(2022-2025年)" not in names
    project = reading.declaration.projects[names.index("天河区司法局智能化社区矫正中心运维项目(2022-2025年)")]
    assert project.unit == "天河区社区矫正中心" and project.funds.total is not None


def test_rows_either_side_of_a_break_that_both_print_their_level_are_two_rows():
    """d005 of seed 33's corpus as a browser printed it (a department form): the page ends under a row 效益指标 |
    经济效益指标 with no 三级, and the next begins 效益指标 | 社会效益指标 | 群众法律知晓率. The browser draws no border at
    the page's foot, so every column looked cut and the two were joined as one row split by the break: 二级
    经济效益指标社会效益指标, unsaid. A split row's text goes on over the break; none of it is printed twice."""
    declaration, _ = _read("levels-each-row-over-break.pdf")
    found = next(i for i in declaration.department.indicators if i.name.startswith("群众法律知晓率"))
    assert (found.level1, found.level2) == ("效益指标", "社会效益指标")


def test_rows_either_side_of_a_break_each_with_a_value_are_two_rows():
    """dx14 of seed 37's corpus as a browser printed it: the page ends under one indicator row (… 8 | 96) and the next
    begins with another (… 1 | 4), their 一级 printed once above. Joined as one split row, the second indicator was
    lost and the first read 8 1 and 96 4, unsaid. A value of one line is never split over a page."""
    declaration, _ = _read("values-each-row-over-break.pdf")
    values = {i.name: (i.period_value, i.annual_value) for i in declaration.department.indicators}
    assert values["法律顾问每月到村（社区）提供法律服务时间（小时）"] == ("8", "96")
    assert values["法律顾问每季度举办法治讲座、法治宣传数（场次）"] == ("1", "4")


def test_a_number_broken_by_its_line_and_the_page_is_one_row():
    from src.storage.containers.pdf.continued import two_rows
    assert not two_rows(["社区矫正", "448,795,7"], ["", "26.00"])  # 448,795,726.00, cut where its line was full
    assert two_rows(["法律顾问每月…", "8", "96"], ["法律顾问每季度…", "1", "4"])


def test_a_2019_task_broken_over_a_page_keeps_its_name_goal_and_indicators():
    """f002 of seed 39's corpus as a browser printed it (no borders): the page breaks inside a task, its name and
    goal (merged down beside its key indicators) going on at the next page's top mid-word (做好普法宣传工 | 作，全面…),
    beside its next indicators. Read as a task of its own named 作，全面加强宪法宣传教育。, the task above kept one of its
    seven indicator pairs, unsaid. The cells that went on from last lines full to their column's wrap are joined."""
    declaration, _ = _read("form2019-task-over-break.pdf")
    names = [task.name for task in declaration.department.tasks]
    assert "深入开展需求导向的分类精准普法，做好普法宣传工作，全面加强宪法宣传教育。" in names and len(names) == 7
    task = declaration.department.tasks[4]
    assert "督促各普法单位进一步落实" in task.expected
    assert all(pair in task.expected for pair in ("参考率：85%", "及格率：95%", "宪法学习宣传教育活动：≥22次"))


def test_a_header_row_at_a_pages_foot_is_no_row_split_by_the_break():
    """d025 of seed 39's corpus as a browser printed it: the page ends under the task table's header row (名称 |
    主要实施内容 | …, one line each, 21 pt above the row's foot), and the browser drew the border under it as the top of
    the task's row on the next page. Every column looked cut at the foot, so header and task were joined as one row
    split by the break: 名称一村（社区）…, no task read (the self-check said the block was read empty). A split row's cut
    cells are filled to the foot; a row with text in every cell, none near the foot, is no split row."""
    declaration, notes = _read("task-header-at-page-foot.pdf")
    [task] = declaration.department.tasks
    assert task.name == "一村（社区）一法律顾问公益法律服务工作经费" and str(task.funds) == "534.00"
    assert not any("没有读出任何任务" in note for note in notes)


def test_a_row_over_a_break_whose_texts_hold_typed_line_breaks_is_joined():
    """p001 of seed 39's corpus as a browser printed it (no borders; line breaks typed anywhere in the texts): a row
    broken over a page, its 实施周期 going on from a full line (-2023年12 | 月) but its indicators after a typed break
    (1．产出指标：数 | 量指标：慰问人次…), its goal short of the wrap. One cell from a full line, the 序号 empty below,
    and every text below going on one stopped mid-sentence: the rest of the row. Before, the rest was dropped."""
    declaration, _ = _read("row-over-break-typed-line-breaks.pdf")
    project = next(p for p in declaration.projects if p.name == "区管退休干部节日慰问经费")
    assert project.period == "2022年1月-2023年12月" and project.goal.endswith("福利落实到位。")
    assert [i.name for i in project.indicators][:2] == ["慰问人次", "慰问完成率"]
    assert len(declaration.projects) == 20


def test_a_goal_split_by_a_break_above_the_rows_foot_is_still_joined():
    """d017 of seed 37's corpus as a browser printed it: the 总体绩效目标 goes on over a page break, its text ending two
    lines above the row's foot (a paragraph's last lines kept together). The row's cells are all filled, like the
    header of task-header-at-page-foot.pdf, but its goal runs over several lines: a browser splits a row only inside
    a cell's lines, so it is a split row, joined (checking the foot alone cut the goal short, unsaid)."""
    declaration, _ = _read("goal-over-break-lines-kept-together.pdf")
    goal = declaration.department.overall_goal
    assert "切实发挥人民调解在维护社会和谐稳定中“第一道防线”的作用。" in goal and goal.endswith("提高监管力度。")


def test_the_row_under_a_header_at_a_pages_foot_is_no_rest_of_the_header():
    """d008 of seed 40's corpus as Calc printed it (fitted, no borders; tests/data/pdf, a tuning file): the indicator
    table's header (一级指标 | 二级指标 | …, centred) ends page 1 and its first row (产出指标 | 数量指标 | 信息化运维工作完成率（2）
    | 12人 | 12人) begins page 2. The labels stop with no end mark and two filled their cells' wrap, so the row was
    joined into the header as its rest, and the indicator lost, unsaid. A text going on begins where the text above
    it begins (a cell's lines share an edge); a label centred over the column does not."""
    opened = open_declaration(Path(__file__).resolve().parent / "data" / "pdf" / "borderless-indicator-header-at-page-foot.pdf")
    indicators = opened.declaration.department.indicators
    assert [(i.name, i.annual_value) for i in indicators][:2] == [("信息化运维工作完成率（2）", "12人"),
                                                                   ("工单及时完成率（4）", "不少于2000次")]
    assert len(indicators) == 5


def test_a_2019_forms_block_label_printed_beside_a_key_indicator_is_no_header():
    """Seed 40's f011 (form2019-year-label-beside-a-pair.pdf): the 本年度目标 label, merged down the block, printed in
    pieces on the line of 普法宣传补贴资金任务's second key indicator, 本年 under the task column. The row was taken for
    the header repeated after a page break, and the pair 设备运维频率（2） | 及时 lost without a word."""
    opened = open_declaration(DATA / "form2019-year-label-beside-a-pair.pdf")
    tasks = opened.declaration.department.tasks
    assert [task.name for task in tasks] == ["一村任务", "普法宣传补贴资金任务", "司法所建设补贴资金任务", "信息化运维补贴资金任务"]
    assert "设备运维频率（2）：及时" in tasks[1].expected
    assert [line.split(". ")[0] for line in tasks[1].expected.splitlines() if ". " in line] == ["1", "2", "3", "4"]


def test_a_cell_merged_down_past_the_pages_foot_gives_every_row_it_covers_its_text():
    """Seed 41's p011 as a browser printed it (unit-merged-past-page-foot.pdf): 预算单位 merged down the last two
    projects, the last one's row broken over the page. pdfplumber finds a cell by its four corners, and this one has
    no bottom border on the page: its text went to its first row alone (43 units of seed 41's browser prints)."""
    opened = open_declaration(DATA / "unit-merged-past-page-foot.pdf")
    assert [project.unit for project in opened.declaration.projects] == [  # as the corpus's manifest has them
        "区司法局本级", "区法律援助处", "番禺区司法局", "番禺区司法局"]


def test_merged_down_fills_only_text_cells_under_a_row_border_left_out():
    from src.storage.containers.pdf.join_merged import merged_down

    rows = [["1", "甲项目", "区司法局", "10.00"], ["2", "乙项目", "", ""], ["3", "丙项目", "", ""]]
    drawn = [frozenset({0, 1, 2, 3})] * 4
    assert merged_down(rows, drawn) == rows  # every border drawn: empty cells stay empty
    open_unit = [frozenset({0, 1, 2, 3}), frozenset({0, 1, 2, 3}), frozenset({0, 3}), frozenset({0, 3})]
    assert [row[2:] for row in merged_down(rows, open_unit)] == [["区司法局", "10.00"], ["区司法局", ""], ["区司法局", ""]]
    assert merged_down(rows, [frozenset({0, 3})] * 4) == rows  # no row border across the table: nothing said


def test_a_unit_row_read_beside_the_columns_still_heads_its_projects():
    """Seed 42's p021 as a browser printed it (unit-row-beside-the-columns.pdf): units as subtotal rows of a name
    alone, no borders; the row 区公职律师事务所 at the top of a page was read as a line of one text in no column, dropped
    without a word, and its projects given the unit above."""
    opened = open_declaration(DATA / "unit-row-beside-the-columns.pdf")
    units = [project.unit for project in opened.declaration.projects]
    assert units[2:9] == ["区公证处"] * 3 + ["区公职律师事务所"] * 4  # as the corpus's manifest has them
    assert any("区公职律师事务所" in note and "小计行" in note for note in opened.notes)
    # no amount columns: the total row's 合计 under 项目名称 is no second header row naming the name column 总计
    assert not any("不是金额" in note for note in opened.notes)


def test_a_rows_text_in_no_column_is_said():
    """A row whose text stands under no header (a category line 续建项目 beside the columns of a borderless strip)
    is not a fact the import can place: said, where it was dropped unsaid."""
    opened = open_declaration(DATA.parent / "pdf" / "strips" / "borderless-page-left-out.pdf")
    assert any("续建项目" in note and "不在表头的任何一栏下" in note for note in opened.notes)


def test_an_empty_level_row_at_a_pages_foot_is_no_rest_of_the_row_below():
    """Seed 42's dx02 as a browser printed it (empty-level-row-at-page-foot.pdf): the template's 二级 row 经济效益指标,
    no indicator in it, ends page 1, its border drawn as the top of the row on page 2. The row has empty cells, so the
    'moved whole' test was not made, and the two rows were joined: 经济效益指标社会效益指标, unsaid."""
    opened = open_declaration(DATA / "empty-level-row-at-page-foot.pdf")
    levels = [(i.level1, i.level2, i.name) for i in opened.declaration.department.indicators]
    assert ("效益指标", "社会效益指标", "提升社区矫正工作专业化水平（5）") in levels  # as the corpus's manifest has it
    assert not any("经济效益指标社会" in (level2 or "") for _, level2, _ in levels)


def test_a_cells_rest_whose_first_line_begins_further_in_is_the_cells():
    """Seed 42's p010 as a browser printed it (cell-rest-begins-further-in.pdf): 专职人民调解服务项目经费's indicator
    cell goes on at the next page's top, its first line a lone `p` (of <p>, a line break typed in the text) further
    in than the cell begins, the next line where it began. The rest was read as lines of their own, the fifth
    indicator lost."""
    opened = open_declaration(DATA / "cell-rest-begins-further-in.pdf")
    project = next(p for p in opened.declaration.projects if p.name == "专职人民调解服务项目经费")
    assert [i.name for i in project.indicators][-1] == "调解服务满意度"  # as the corpus's manifest has it
    assert len(project.indicators) == 5


def test_a_number_low_on_the_page_with_rows_under_it_is_no_page_number():
    """Seed 44's p055 as a browser printed it (no borders; the first fresh check of the twelfth session, read
    afterwards): projects 6 and 14 have their 序号 centred in a tall row near a page's foot, within the band where a
    bare number was taken for a page number and dropped. Without it, the next page's first row (project 7) lost its
    name and period to project 6's row, unsaid. A number with the body's text under it is a cell's. Facts from the
    corpus's manifest."""
    declaration, _ = _read("number-low-on-the-page-in-its-row.pdf")
    periods = {project.name: project.period for project in declaration.projects}
    assert periods["业务装备购置经费"] == "2024-2026"
    assert periods["购买行政复议应诉辅助服务经费"] == "2021-2023"
    assert periods["基层工作和司法所经费"] == "2022年1月-2023年12月"
    assert len(declaration.projects) == 21



def test_a_row_split_by_the_break_whose_first_cell_goes_on_too_is_joined():
    """Seed 46's p010 as a browser printed it (borders; the twelfth session's last fresh check, its silent facts read
    afterwards): the page breaks inside 人民调解案件补贴's row, whose 主管部门 (广州市 / 天河区 | 司法局) and 预算单位,
    merged down four projects (天河区社 / 区矫正中 | 心), both go on at the next page's top. A filled first cell below
    was taken for a row of its own: the rest stayed apart, and the merged unit cell's last character, 心, became the
    unit of the four projects under it, unsaid. A first cell that joined with the one above makes the text the
    column holds elsewhere (the 主管部门 every row repeats) goes on it; the cell merged down from the rest is the
    whole cell's text. Facts from the corpus's manifest."""
    declaration, _ = _read("unit-cell-broken-with-its-first-column.pdf")
    units = {project.name: project.unit for project in declaration.projects}
    for name in ("人民调解案件补贴", "基层工作和司法所经费", "购买行政复议应诉辅助服务经费", "社区矫正和安置帮教经费",
                 "天河区社区矫正中心物业管理服务"):
        assert units[name] == "天河区社区矫正中心", (name, units[name])
    assert units["购买司法社工服务经费"] == "天河区法律援助处"


def test_every_row_of_labels_on_a_page_going_on_with_a_table_splits_its_columns():
    """Seed 47's d024 as a browser printed it (no borders; the thirteenth session's fresh check, read afterwards): a
    department form whose first page's table is the budget list, three columns. The second page goes on with it and
    holds two rows of labels of its own, the tasks' header and under it the indicators'. Only the first split the
    list's wide last column, so 实施周期指标值 and 年度指标值 shared one (8 | 96 read as 896) and no indicator was read.
    Facts from the corpus's manifest."""
    declaration, _ = _read("indicator-labels-under-the-tasks-labels.pdf")
    indicators = [(i.level1, i.level2, i.name, i.period_value, i.annual_value) for i in declaration.department.indicators]
    assert indicators == [
        ("产出指标", "数量指标", "法律顾问每月到村（社区）提供法律服务时间（小时）", "8", "96"),
        ("产出指标", "数量指标", "法律顾问每季度举办法治讲座、法治宣传数（场次）", "1", "4"),
        ("产出指标", "质量指标", "各区司法局对法律顾问考核评分合格率（%）", "95", "95"),
        ("效益指标", "社会效益指标", "社区法律顾问覆盖率", "100%", "100%")]
    assert declaration.department.tasks[0].funds == Decimal("534.00")


def test_a_short_name_at_the_top_of_a_tall_row_was_moved_whole_not_split():
    """Seed 48's dx03 as a browser printed it (borders; the thirteenth session's last fresh check, read afterwards):
    a task's row ends page 1, its name two lines at the top of a row 24 lines tall (the goal's). The template's
    其他需完成的任务（可选填） row, first on page 2, was read as the name's rest, silently. A browser splits a row inside
    a cell's lines; a cell of several lines may end a kept-together paragraph's last lines above the foot, not 24
    lines. Facts from the corpus's manifest."""
    declaration, _ = _read("template-task-row-after-a-tall-row.pdf")
    task = declaration.department.tasks[0]
    assert (task.name, task.funds) == ("一村（社区）一法律顾问公益法律服务工作经费", Decimal("534.00"))


def test_a_2019_forms_functions_second_paragraph_in_the_next_column_goes_on_with_them():
    """Seed 48's f009 as a browser printed it (no borders; as above): 部门职能概述 is two paragraphs a blank line
    apart, read as two rows; the longer second line, begun where the first begins, has its middle in the next
    column, and was left out of the functions, silently."""
    declaration, _ = _read("form2019-functions-second-paragraph.pdf")
    assert declaration.department.functions == (
        "负责本区司法行政工作。主要职责包括：\n1.贯彻执行国家法律、法规；2.负责全区法治宣传；3.指导人民调解工作。")


def test_a_2019_forms_functions_going_on_past_a_value_over_two_columns_are_kept():
    """Seed 50's f012 as a browser printed it (no borders, line breaks typed anywhere; read afterwards: a tuning file):
    部门职能概述's value, 天 | 河区司法局…主要职责包括：, is read over two columns, and the paragraphs under it, a blank
    line below, in the column after: they were left out of the functions, silently. As the corpus's manifest has it,
    but for the line breaks typed in it."""
    declaration, _ = _read("form2019-functions-value-over-two-columns.pdf")
    functions = declaration.department.functions.replace("\n", "")
    assert functions.startswith("天河区司法局是区人民政府工作部门。主要职责包括：1.贯彻执行国家法律")
    assert functions.endswith("14.承办区委、区政府和上级司法行政部门交办的其他事项。") and len(functions) == 446


def test_a_2019_forms_functions_going_on_two_columns_past_their_first_line_are_kept():
    """Seed 56's f012 as a browser printed it (no borders, line breaks typed anywhere; the fifteenth session's fresh
    check, read in the sixteenth: now a tuning file): 部门职能概述's first line is read in one column and the
    paragraphs under it, a blank line below, two columns right of it. Only the first line was kept, silently. Facts
    from the corpus's manifest, but for the line breaks typed in it."""
    declaration, _ = _read("form2019-functions-two-columns-past-the-value.pdf")
    functions = declaration.department.functions.replace("\n", "")  # the line breaks typed in the cells'
    assert functions.startswith("天河区司法局是区人民政府工作部门。主要职责包括：1.贯彻执行国家法律、法规和有关司法行政工作的方针")
    assert functions.endswith("14.承办区委、区政府和上级司法行政部门交办的其他事项。")
    assert declaration.department.budget.fiscal == Decimal("5922.53")


def test_a_2019_forms_goal_going_on_in_a_row_under_its_first_pair_is_kept():
    """Seed 58's f008 as a browser printed it (no borders; the sixteenth session's fresh check, read afterwards: a
    tuning file): 部门整体支出目标's cell, merged down beside the key indicators, is read as rows; its last line
    (公平公正、…优质高效的法律服务。) stands in a row of its own under the first pair. The goal was read as its first
    row alone, cut off mid-sentence, silently. Facts from the corpus's manifest."""
    declaration, _ = _read("form2019-goal-last-line-under-its-first-pair.pdf")
    goal = declaration.department.overall_goal.replace("\n", "")
    assert goal.startswith("全面贯彻习近平新时代中国特色社会主义思想和党的十九大精神")
    assert goal.endswith("为把天河建设成为全国最安全稳定、最公平公正、法治环境最好的城区之一，提供坚强有力的法治保障和优质高效的法律服务。")
    assert len(declaration.department.indicators) == 11


def test_a_2019_forms_pair_cut_at_the_pages_foot_is_said_where_its_rest_is_not_told():
    """Seed 51's f012 as a browser printed it (no borders; the fresh check's silent fact, read afterwards: a tuning
    file): task 4's third 关键性指标/绩效标准 pair is cut at page 1's foot (…发生影响恶劣事件率，重 | 新犯罪率, …符合省市
    考核 | 标准), the task's goal merged down beside it going on as well. The rest was read as a fourth pair and the
    third kept cut, silently. The key cell is plainly cut, the value stopped mid-sentence, but a text under no cell of
    the row above (the goal's) keeps the rest from being told from a row of its own: both rows are said."""
    opened = open_declaration(DATA / "form2019-pair-split-beside-a-merged-goal.pdf")
    assert "3. 社区服刑人员和刑满释放人员发生影响恶劣事件率，重" in opened.declaration.department.tasks[3].expected
    said = [note for note in opened.notes if "分页处可能被截断" in note]
    assert any(getattr(note, "location", None) == paths.task(3) for note in said)
    assert any("新犯罪率" in note for note in said)


def test_a_short_name_ending_a_page_is_no_name_the_next_pages_first_row_goes_on():
    """Seed 51's p046 as a browser printed it (no borders; the fourteenth session's fresh check, its silent facts read
    afterwards: a tuning file): page 2 ends with 法律援助经费's row, its name one line at the top of a row ten lines
    tall, filling its line; its period's last line, 12月, leaves less room than 2024-2026. Page 3 begins with the next
    project, 法规咨询业务工作经费. Two cells whose first word below would not have fitted above were taken for a row cut
    at the foot: the names and periods joined (法律援助经费法规咨询业务工作经费), the rest left a row without a name. A
    text the page cut reaches the foot, where the other texts of its row stop; these stopped nine lines above it.
    Facts from the corpus's manifest."""
    declaration, notes = _read("short-name-ending-a-page-before-a-project.pdf")
    projects = {project.name: project for project in declaration.projects}
    assert len(declaration.projects) == 19
    assert (projects["法律援助经费"].unit, projects["法律援助经费"].period) == ("区法律援助处", "2022年1月-2023年12月")
    assert (projects["法规咨询业务工作经费"].unit, projects["法规咨询业务工作经费"].period) == \
        ("广州市番禺区法规咨询办公室", "2024-2026")
    assert projects["法规咨询业务工作经费"].funds.total == Decimal("6899.40")
    assert not any("没有项目名称，但有预算单位" in note for note in notes)


def test_a_cells_text_at_the_same_place_atop_two_pages_is_no_running_header():
    """Seed 55's f007 as a browser printed it (a 2019 form without borders, rows clipping; the fifteenth session's
    last fresh check, its silent fact read afterwards: a tuning file): the three-year block repeats the year's tasks,
    so task 4's fourth pair (符合佩戴条件服刑人员手环 | 佩戴率, 100%) stands at the top of page 2 and, for the three-year
    task, at the same place atop page 3. Text repeated in the page's top margin was taken for a running header and
    dropped on both pages, the pair lost unsaid. A running header stands apart from the body; these lines run on
    into it, less than half a line above the next."""
    opened = open_declaration(DATA / "form2019-pair-at-two-pages-tops-alike.pdf")
    task = opened.declaration.department.tasks[3].expected
    assert task.endswith("3. 社区服刑人员和刑满释放人员发生影响恶劣事件率，重新犯罪率：发生影响恶劣事件率0%，重新犯罪率符合省市考核标准\n"
                         "4. 符合佩戴条件服刑人员手环佩戴率：100%")
    assert len(opened.declaration.department.tasks) == 7
    # the browser's own header (date, title) and footer (address, page numbers) are still left out
    assert not any("12/7/26" in task.expected or "file://" in task.expected for task in opened.declaration.department.tasks)
