"""The 2019 部门整体绩效目标表's task and goal cells, merged down several rows, where a producer cut them at a page
break or a strip border (issue 22): every task read whole or said, never cut or left out unsaid.

- Calc printing the form in strips of columns (not fitted to the page width) prints a merged cell's text once, in
  the middle of the cell, on whichever page that falls; the reader carries the text it has over the breaks. So the
  本年度部门预算收入 label can reach down beside the 年度目标's rows, and 本年 beside the 三年期 block's: the grids
  below are written in the shape seed 32's f007 (landscape, unfitted, generous rows) read to. The form's own
  headers (部门整体支出目标, 年度主要支出计划 / 三年期主要支出计划) say what the rows are.
- Calc drawing a merged 绩效目标's last line unclipped past the cell's foot (seed 32's fitted f002).
- A browser flowing a task's name and goal over the page break (tests/data/pdf-form2019, its maker beside it).
"""

from __future__ import annotations

from pathlib import Path

from src.model import paths
from src.storage.containers.pdf.join_merged import rest_over_break
from src.storage.containers.pdf.page import Table, _cells_of
from src.storage.containers.pdf.section import Section
from src.storage.containers.pdf.table import _add_table, read_pdf_sections
from src.storage.containers.sheet_grid import Grid
from src.storage.recognisers.grid_import import import_published

DATA = Path(__file__).resolve().parent / "data" / "pdf-form2019"
INCOME, GOALS = "本年度部门预算收入", "年度目标"


def _read(rows: list[list[object]]):
    return import_published(Path("表.pdf"), [Grid("第 1–24 页", rows)])


def _block(side: tuple[str, str], year: str, tasks: list[tuple[str, str, str]]) -> list[list[object]]:
    """One 年度目标 block in the 7 columns of the form, its two label columns as `side` (what the carry left there)."""
    plan = "年度主要支出计划（对应任务、政策）" if year == "本年" else "三年期主要支出计划（对应任务、政策）"
    rows = [[*side, "部门整体支出目标", "部门整体支出目标", "关键指标", "预期实现值", "预期实现值"],
            [*side, f"{year}的部门目标。", f"{year}的部门目标。", f"{year}调解成功率", "≥90%", "≥90%"],
            [*side, plan, "任务（政策）的绩效目标", "任务（政策）关键性指标（产出、效益、公众满意度方面）",
             "绩效标准（指标解释及预期实现值）", "主要实施项目（项目名称）"]]
    rows += [[*side, name, goal, f"{name}指标", "100%", project] for name, goal, project in tasks]
    return rows


THIS_YEAR = [("健全公共法律服务体系", "完善公共法律服务平台建设。", "基层司法业务经费"),
             ("着力打造人民调解工作品牌", "加强专职人民调解员队伍建设。", "人民调解经费")]
THREE_YEARS = [("深化公共法律服务体系建设", "三年内完善公共法律服务平台。", "基层司法业务经费")]


def _strips_form() -> list[list[object]]:
    return [
        ["2019年部门整体绩效目标表"],
        ["部门名称", "广州市某区司法局"],
        ["部门职能概述", "部门职能概述", "负责本区司法行政工作。", "负责本区司法行政工作。", "", "", ""],
        [INCOME, INCOME, "1. 财政拨款收入", "1. 财政拨款收入", "", "90.00", "90.00"],
        [INCOME, INCOME, "5.其他收入", "5.其他收入", "", "10.00", "10.00"],
        # the income label carried down over the page breaks beside this year's block, 本年 printed low in its cell
        *_block((INCOME, INCOME), "本年", THIS_YEAR[:1]),
        *[[INCOME, "本年", *row[2:]] for row in _block(("", ""), "本年", THIS_YEAR)[3 + 1:]],
        # 年度目标 printed further down; 本年 carried on into the 三年期 block until 三年期 is printed
        *_block((GOALS, "本年"), "三年期", THREE_YEARS[:0]),
        *[[GOALS, "三年期", *row[2:]] for row in _block(("", ""), "三年期", THREE_YEARS)[3:]],
        ["其他需要说明的情况", "其他需要说明的情况", "无", "无", "无", "无", "无"],
    ]


def test_a_label_carried_down_beside_the_goals_does_not_end_them():
    opened = _read(_strips_form())
    department = opened.declaration.department
    assert [t.name for t in department.tasks] == [name for name, _, _ in THIS_YEAR]
    assert department.overall_goal == "本年的部门目标。"
    assert [(i.name, i.annual_value) for i in department.indicators] == [("本年调解成功率", "≥90%")]
    assert (department.budget.fiscal, department.budget.other_income) == (90, 10)
    assert any("三年期目标" in str(note) for note in opened.notes)  # the 三年期 block is found, and reported


def test_a_side_label_copied_into_many_rows_counts_once_against_the_plan_header():
    """本年 carried into more of the 三年期 block's rows than 三年期 stands in: the plan's header decides."""
    rows = _strips_form()
    start = next(i for i, row in enumerate(rows) if "三年期主要支出计划（对应任务、政策）" in row)
    rows[start + 1:start + 1] = [[GOALS, "本年", *rows[start + 1][2:]] for _ in range(6)]
    department = _read(rows).declaration.department
    assert [t.name for t in department.tasks] == [name for name, _, _ in THIS_YEAR]


def test_no_block_of_this_year_says_the_tasks_are_not_read():
    """Only a 三年期 block found: its plan is not this year's, so no task is read, and that is said at the tasks."""
    rows = [["2019年部门整体绩效目标表"], ["部门名称", "广州市某区司法局"],
            *_block((GOALS, "三年期"), "三年期", THREE_YEARS)]
    opened = _read(rows)
    assert opened.declaration.department.tasks == []
    assert any("年度主要支出计划" in str(note) for note in opened.notes
               if getattr(note, "location", None) == paths.TASKS)


def test_a_ruled_table_under_a_row_read_from_its_text_keeps_its_own_columns():
    """A strip's first page holds only 部门名称 | 名称 (no table found in it: read where its text lies, its columns
    ending at its text); the ruled table on the next page is wider and finer. Squeezed into the two columns of the
    row above, its cells would be read two texts as one (总额（万元）5922.53)."""
    section = Section(1, 2)
    _add_table(section, Table(72, 90, [54, 147, 295], [["部门名称", "广州市某区司法局"]]), False, ruled=False)
    ruled = Table(72, 300, [54, 138, 194, 614, 810], [["本年度部门预算收入", "", "总额（万元）", "5922.53"]])
    _add_table(section, ruled, True, ruled=True)
    assert section.rows[-1] == ["本年度部门预算收入", "", "总额（万元）", "5922.53"]


def test_the_line_under_the_key_indicators_drawn_into_the_last_ones_cell_is_split_off():
    """The 其中：部门年度整体预算完成率：100% line across both columns, in the last 关键指标's cell (the strips' rows joined
    without the border between them): the indicator keeps its own name, the line is read as the form's line."""
    rows = _strips_form()
    goal = next(i for i, row in enumerate(rows) if "本年的部门目标。" in row)
    rows.insert(goal + 1, [INCOME, INCOME, "", "", "工程量完成率（1）\n其中：部门年度整体预算完成率：100%", "符合财务规范",
                           "符合财务规范"])
    opened = _read(rows)
    pairs = [(i.name, i.annual_value) for i in opened.declaration.department.indicators]
    assert pairs == [("本年调解成功率", "≥90%"), ("工程量完成率（1）", "符合财务规范"), ("部门年度整体预算完成率", "100%")]
    assert any("拆为指标" in str(note) for note in opened.notes
               if getattr(note, "location", None) == paths.indicator(paths.DEPARTMENT, 2))


def test_the_line_under_the_key_indicators_drawn_into_a_cell_and_in_its_own_row_is_read_once():
    """Rows too low for their text: the 其中 line drawn over a 关键指标's cell above, and read in its own row too."""
    rows = _strips_form()
    goal = next(i for i, row in enumerate(rows) if "本年的部门目标。" in row)
    rows[goal + 1:goal + 1] = [
        [INCOME, INCOME, "", "", "讲座时数\n其中：部门年度整体预算完成率：100%", "每月8小时", "每月8小时"],
        [INCOME, INCOME, "", "", "办理法律援助案件", "100%", "100%"],
        [INCOME, INCOME, "", "", "其中：部门年度整体预算完成率：100%", "", ""]]
    pairs = [(i.name, i.annual_value) for i in _read(rows).declaration.department.indicators]
    assert pairs == [("本年调解成功率", "≥90%"), ("讲座时数", "每月8小时"), ("办理法律援助案件", "100%"),
                     ("部门年度整体预算完成率", "100%")]


def test_a_task_run_together_with_the_next_blocks_header_is_said_not_lost_unsaid():
    """A strip print joined the plan's last row with the 三年期 block's header row: the labels start the next block,
    and the task the row held is not read: said at the tasks."""
    rows = _strips_form()
    start = next(i for i, row in enumerate(rows) if row[2:3] == ["部门整体支出目标"] and row[1] == "本年" and i > 8)
    rows[start] = [GOALS, "本年", "推动社区矫正工作", "部门整体支出目标", "社区矫正指标", "关键指标", "预期实现值"]
    opened = _read(rows)
    assert [t.name for t in opened.declaration.department.tasks] == [name for name, _, _ in THIS_YEAR]
    assert any("没有找到这一行的重点工作任务" in str(note) for note in opened.notes
               if getattr(note, "location", None) == paths.TASKS)


def _line(text: str, x0: float, top: float, seq: int, size: float = 6.8) -> list[dict]:
    return [{"text": ch, "x0": x0 + k * size, "x1": x0 + (k + 1) * size, "top": top, "bottom": top + size,
             "seq": seq + k, "clip": None, "size": size, "fontname": "SimSun", "upright": True}
            for k, ch in enumerate(text)]


def test_a_last_line_drawn_across_its_cells_foot_is_that_cells():
    """Calc draws a merged 绩效目标's last line without a clip where its sum of line heights fits the cell by a hair:
    the line begins 2.8 pt above the cell's foot and its middle lies 0.6 pt past it, in neither cell by the margin
    the votes take, and the next task's 绩效目标 begins just under the border (seed 32's fitted f002, whose
    character positions these are). It is the cell's above going on, not the first line of the one below."""
    cells = [(308.0, 278.8, 438.1, 297.8), (308.0, 297.8, 438.1, 316.9)]
    chars = [*_line("保障各项司法行政工作顺利开展，提升公", 308.6, 279.0, 0), *_line("共法律服务水平，维护", 308.6, 287.0, 100),
             *_line("社会和谐稳定。", 308.6, 295.0, 200),
             *_line("保障各项司法行政工作顺利", 308.6, 298.0, 300), *_line("开展，提升公共法律服务水平。", 308.6, 306.0, 400)]
    placed, _, cut = _cells_of(chars, cells)
    first = "".join(char["text"] for char, cell in placed if cell == 0)
    assert first == "保障各项司法行政工作顺利开展，提升公共法律服务水平，维护社会和谐稳定。"
    assert "".join(char["text"] for char, cell in placed if cell == 1) == "保障各项司法行政工作顺利开展，提升公共法律服务水平。"
    assert cut == {0}  # the cell's text ran past its foot: said where it is read


def test_a_cells_text_split_by_the_page_break_is_joined_into_every_row_it_covers():
    """A browser flows a task's name and goal, merged down its indicators, over the page break: the first part in the
    row above the break, the rest at the next page's top in the same cell, cut open (no border at the foot). Both
    parts are the one cell's (seed 32's browser-printed f007: the rest was read as a task of its own)."""
    rows = [["优化法律援助服务，保障经济困难公民获得必要的法律", "严格依法受理、指派法律援助案件", "办理法律援助案件", "100%"],
            ["服务，提高政府公共法律服务知晓率。", "质量，加强与公、检、法协作。", "法律援助宣传活动", "≥22场"],
            ["服务，提高政府公共法律服务知晓率。", "质量，加强与公、检、法协作。", "法援工作站人员培训", "≥1次"]]
    rest_over_break(rows, [1, 1, 1], 0, 1, {0: (None, 1), 1: (2, 1)})
    name = "优化法律援助服务，保障经济困难公民获得必要的法律服务，提高政府公共法律服务知晓率。"
    assert [row[0] for row in rows] == [name] * 3
    assert [row[1] for row in rows] == ["严格依法受理、指派法律援助案件质量，加强与公、检、法协作。"] * 3
    assert [row[2] for row in rows] == ["办理法律援助案件", "法律援助宣传活动", "法援工作站人员培训"]  # closed: its own


def test_a_key_indicator_name_alone_after_a_whole_pair_is_said_at_both():
    """The last characters of a 关键指标 at the next page's top, in a row of their own (a borderless browser print):
    the grid cannot tell them from an indicator with no value, so the one before is said to be perhaps cut."""
    rows = _strips_form()
    goal = next(i for i, row in enumerate(rows) if "本年的部门目标。" in row)
    rows.insert(goal + 1, [INCOME, INCOME, "", "", "专职人民调解员配置数", "12人", "12人"])
    rows.insert(goal + 2, [INCOME, INCOME, "", "", "量", "", ""])
    opened = _read(rows)
    assert [i.name for i in opened.declaration.department.indicators][1:3] == ["专职人民调解员配置数", "量"]
    assert any("可能没有读全" in str(note) for note in opened.notes
               if getattr(note, "location", None) == paths.indicator(paths.DEPARTMENT, 1))


def test_a_browsers_task_cut_at_the_page_break_reads_whole_in_every_row():
    """tests/data/pdf-form2019/task-over-break.pdf (its maker beside it): Chromium flowed a task's name and goal,
    merged down its four indicators, over the page break after the first indicator."""
    rows = read_pdf_sections(DATA / "task-over-break.pdf").sections[0].rows
    task = [row for row in rows if len(row) == 5 and row[2] in ("办理法律援助案件", "法律援助宣传活动", "法援工作站人员培训",
                                                                "支付法律援助律师办案补贴")]
    squeezed = lambda text: "".join(str(text).split())  # noqa: E731
    assert len(task) == 4
    assert {squeezed(row[0]) for row in task} == {"优化法律援助服务，保障经济困难公民获得必要的法律服务，提高政府公共法律服务知晓率"
                                                "及法援工作人员的综合素质，做好法律援助宣传，扩大法律援助覆盖面。"}
    assert {squeezed(row[1]) for row in task} == {"严格依法受理、指派法律援助案件，跟踪检查法律援助案件质量，开展法律援助宣传及培训，"
                                                "加强与公、检、法协作，建立法律援助协调机制和季度通报机制。"}


def test_a_table_whose_first_page_shows_one_row_takes_the_finer_columns_of_the_next():
    """Seed 43's f008 (Calc, not fitted, no borders; read after the check that found it refused): the form's first
    band holds the title and 部门名称's row alone (the tall row under it went to the next band), so the table's
    columns were cut between 部门名称 and the name only and every row after was squeezed into them, each row's
    texts run together: the form was not found at all. Facts from the corpus's manifest."""
    from src.storage.infra.files import open_declaration

    opened = open_declaration(DATA.parent / "pdf" / "strips" / "form2019-first-band-one-row.pdf")
    department = opened.declaration.department
    assert department.name == "广州市天河区司法局"
    assert [task.name[:10] for task in department.tasks] == [
        "健全公共法律服务体系", "着力打造天河人民调解", "加快推进智能社区矫正", "推动司法社工项目体系",
        "深入开展需求导向的分", "推动区内律师依法依规", "优化法律援助服务，保"]
    values = {indicator.name: indicator.annual_value for indicator in department.indicators}
    assert values["实施精准普法项目数量"] == "8个" and values["调解案件调解成功率"] == "≥90%"
    assert values["部门年度整体预算完成率"] == "100%"
    assert len(department.indicators) >= 10
