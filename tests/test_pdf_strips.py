"""A wide table without ruling lines printed in strips of columns (src/storage/containers/pdf/shifts.py): the
pages are placed by the title LibreOffice draws across every strip's first page, joined band by band, and read
as one table with every fact of the workbook, in either page order; pages that share no text are not joined.

The PDFs are LibreOffice's prints of small workbooks made by tests/data/pdf/strips/make_strip_pdfs.py.
"""

import json
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest

from src.storage.containers.pdf.strips import shifts
from src.storage.containers.pdf.table import read_pages
from src.storage.readers.pdf_file import read_pdf_table
from tests.data.pdf.strips.make_strip_pdfs import MERGED_UNIT_ROWS
from tests.test_pdf_pages import PROJECTS, assert_projects

STRIPS = Path(__file__).resolve().parent / "data" / "pdf" / "strips"


@pytest.mark.parametrize("name", ["borderless-down-then-over", "borderless-over-then-down", "borderless-no-print-titles"])
def test_borderless_strips_read_as_one_table(name):
    path = STRIPS / f"{name}.pdf"
    pages, _ = read_pages(path)
    assert len(pages) > 2 and not any(page.tables for page in pages)  # strips, and no ruling lines to go by
    opened = read_pdf_table(path)
    assert_projects(opened.declaration)
    assert any("按列分页打印" in note for note in opened.notes)


def test_page_order_and_offsets_come_from_the_shared_title():
    down, _ = read_pages(STRIPS / "borderless-down-then-over.pdf")
    over, _ = read_pages(STRIPS / "borderless-over-then-down.pdf")
    down_bands, down_offsets = shifts.plan(down)
    over_bands, over_offsets = shifts.plan(over)
    assert len(down_bands) == len(over_bands) >= 2 and len(down_offsets) == len(over_offsets) >= 2
    assert [page.number for page in down_bands[0]] == [1 + strip * len(down_bands) for strip in range(len(down_offsets))]
    assert [page.number for page in over_bands[0]] == list(range(1, len(over_offsets) + 1))
    assert down_offsets == pytest.approx(over_offsets, abs=1.0)  # the strips' widths, whatever the order
    assert all(b > a for a, b in pairwise(down_offsets))


def test_pages_of_one_strip_are_not_joined_by_chance():
    """Two pages of the first strip (the same columns, other rows) share text at no shift across a border."""
    pages, _ = read_pages(STRIPS / "borderless-down-then-over.pdf")
    bands, _ = shifts.plan(pages)
    assert shifts.shift_between(bands[0][0], bands[1][0]) is None


@pytest.mark.parametrize("name", ["borderless-down-then-over", "borderless-over-then-down"])
def test_a_missing_page_leaves_the_strips_unjoined(name):
    """LibreOffice leaves out a page with nothing printed on it: the pages then do not divide into bands that check
    out (strips' pages would lie left of the strip before, or two pages of one band show the same columns), and the
    file is refused rather than joined wrong. One page of the last strip left out is looked for (a strip of sparse
    columns: test_a_strip_page_left_out_for_holding_nothing_is_joined_as_a_blank_page); a page missing elsewhere
    is not."""
    pages, _ = read_pages(STRIPS / f"{name}.pdf")
    bands, _ = shifts.plan(pages)
    missing = pages.index(bands[-1][1])  # the second strip's page of the last band
    with pytest.raises(shifts.NotJoined):
        shifts.plan([page for index, page in enumerate(pages) if index != missing])


def test_a_band_ending_at_the_department_line_does_not_give_the_table_its_columns():
    """A tall note above the title ends the first pages at the 部门名称…单位：万元 line; the header begins the next band.
    That line alone is no table: taken as one, its two columns were the table's, and the pages below were put in them
    (p057 of seed 28: no header found, the file refused)."""
    opened = read_pdf_table(STRIPS / "borderless-title-band.pdf")
    assert_projects(opened.declaration)
    assert opened.declaration.department.name == "测试区司法局"


def test_labels_of_two_header_rows_side_by_side_in_one_column_are_two_columns():
    """项目资金 over 总计…其他资金 in a second header row, 绩效目标 set on the row above: on the first band no row fills
    其他资金, so the texts of its rows leave 其他资金 and 绩效目标 in one column; the two labels, in different header
    rows and apart, are two columns. Before, the band below (公证业务经费's 其他资金 2) put its amount in with
    绩效目标's text (p043 of seed 27: 12.101．产出指标…)."""
    opened = read_pdf_table(STRIPS / "borderless-two-header-rows.pdf")
    read = [(p.name, p.unit, p.funds.total, p.funds.fiscal, p.funds.special_account, p.funds.other, p.goal)
            for p in opened.declaration.projects]
    assert read == [(name, unit, Decimal(str(total)), Decimal(str(fiscal)), Decimal(str(special)) if special else None,
                     Decimal(str(other)) if other else None, goal)
                    for name, unit, _, total, fiscal, special, other, goal, _ in PROJECTS]


def test_a_unit_merged_down_a_borderless_table_is_taken_by_the_rows_under_it_with_a_note():
    """Without ruling lines nothing shows how far a merged cell reaches: a unit merged down its projects is printed
    once, the rows under it empty. As in the text containers, an empty unit right under a project's unit takes it,
    said at the field (before: left empty, 33 units of seed 28's unfitted PDFs)."""
    opened = read_pdf_table(STRIPS / "borderless-merged-unit.pdf")
    first, last = MERGED_UNIT_ROWS
    units = [project.unit for project in opened.declaration.projects]
    assert units == [p[1] if not first < index <= last else PROJECTS[first - 1][1]
                     for index, p in enumerate(PROJECTS, start=1)]
    taken = [note for note in opened.notes if "预算单位一格是空的" in str(note)]
    assert len(taken) == last - first and "没有框线" in str(taken[0])
    assert taken[0].location == f"projects[{last - 1}].unit"


def test_a_form_whose_task_table_begins_on_a_later_band_takes_its_own_labels_columns(monkeypatch):
    """The 2019 form printed in strips without ruling lines (seed 22's f005): the first band holds the budget rows in
    a few wide columns, the task table begins on the next band with its own labels, long ones
    (任务（政策）关键性指标（产出、效益、公众满意度方面）). Two of those labels in one column of the table it continues
    split that column at the band's own line between them (section.split_by_labels), as shorter labels did; before,
    each task's name and goal were read as one text and its projects were lost (seed 28's f004: 35 facts)."""
    from scripts.corpus import compare
    from scripts.measure_corpus import read_file
    from src.storage.readers import worker

    monkeypatch.setattr(worker, "in_process", True)
    folder = Path(__file__).resolve().parent / "data" / "form2019" / "pdf"
    recorded = json.loads((folder / "variants.expected.json").read_text(encoding="utf-8"))
    variant = next(v for v in recorded["variants"] if v["file"] == "f005.pdf")
    counts = compare.classify(variant, read_file(str(folder / variant["file"])))["counts"]
    assert counts["right"] == counts["facts"]


def test_a_strip_page_left_out_for_holding_nothing_is_joined_as_a_blank_page():
    """A 备注 column on a strip of its own, filled in the first band only: LibreOffice does not print its page of the
    second band (nothing on it but the repeated header), so 9 pages hold 5 strips of 2 bands. Where the pages as
    they are divide into no bands that check out, one page left out is looked for (every place, the clearly best
    arrangement), and the pages around it must still check out (seed 24's p035, 470 facts, was refused)."""
    path = STRIPS / "borderless-page-left-out.pdf"
    pages, _ = read_pages(path)
    bands, _ = shifts.plan(pages)
    assert len(pages) == 9 and [[page.number for page in band] for band in bands][0] == [1, 3, 5, 7, 9]
    assert not bands[1][-1].lines  # the page left out
    reading = read_pdf_table(path)
    assert_projects(reading.declaration)
    # Printed down, then over: the page left out came after page 9 (the first band's last), not after page 8
    assert [str(note)[:9] for note in reading.notes if "少了最右边" in str(note)] == ["第 9 页之后少了"]


def test_a_2019_task_whose_projects_were_read_empty_says_so():
    """The 2019 form's 主要实施项目 glued to the 绩效标准 beside it in a borderless print (seed 24's f003: 85%普法经费):
    the task's projects read empty where the other tasks have theirs, said at the task, never left empty unsaid."""
    from tests.test_form_2019_pdf import _KEY_ROWS, _at, _form, _read
    from src.model import paths

    plan = [["人民调解", "化解矛盾纠纷", None, "调解成功率", None, "≥90%", "人民调解经费"],
            ["精准普法", "开展精准普法", None, "学法考试参考率", None, "85%普法经费", None]]
    opened = _read(_form(_KEY_ROWS[:1], plan))
    tasks = opened.declaration.department.tasks
    assert tasks[0].content == "主要实施项目：人民调解经费" and tasks[1].content is None
    assert any("没有读到主要实施项目" in note for note in _at(opened, paths.task(1)))
    assert not any("没有读到主要实施项目" in note for note in _at(opened, paths.task(0)))


def _block(text: str, x0: float, top: float):
    from src.storage.containers.pdf.layout import Block

    chars = [{"text": ch, "x0": x0 + 10 * i, "x1": x0 + 10 * (i + 1), "top": top, "bottom": top + 10,
              "size": 10.0, "seq": i} for i, ch in enumerate(text)]
    return Block(chars, x0, x0 + 10 * len(text), top, top + 10)


def test_a_total_row_under_a_one_row_header_is_not_a_second_header_row():
    """Only rows of two labels or more that follow each other are a header: a 合计 row or a unit's subtotal row under
    a one-row header (a table without amounts: no digit below) did split a column (seed 31's p017, 71 facts lost)."""
    from src.storage.containers.pdf.layout import _stacked_labels

    bounds = [0.0, 100.0, 300.0]
    header = [_block("序号", 10, 0), _block("项目名称", 110, 0)]
    stacked = [_block("项目资金", 110, 0)], [_block("总计", 110, 20), _block("其他资金", 200, 20)]
    assert _stacked_labels([header, [_block("合计", 250, 20)], [_block("天河区法律援助处", 150, 40)],
                            [_block("1", 10, 60), _block("法律援助", 110, 60)]], bounds) == bounds
    assert _stacked_labels([*stacked, [_block("1", 10, 60), _block("60.5", 110, 60)]], bounds) == bounds  # overlap
    two_rows = [[_block("序号", 10, 0), _block("绩效指标", 220, 0)], [_block("总计", 10, 20), _block("其他资金", 110, 20)],
                [_block("1", 10, 40), _block("产出指标", 230, 40)]]
    assert _stacked_labels(two_rows, bounds) == [0.0, 100.0, 185.0, 300.0]  # 其他资金 | 绩效指标 in one column


def test_pages_printed_empty_are_no_strip_of_their_own():
    """A band holding nothing but a footnote in the first columns: LibreOffice prints its other strips' pages empty
    (seed 25's p039, ruled, refused). Taken as strips of one band, those empty pages tied with the true arrangement;
    an arrangement with a strip of nothing but empty pages is none."""
    from src.storage.containers.pdf.page import PageContent

    pages, _ = read_pages(STRIPS / "borderless-over-then-down.pdf")
    bands, _ = shifts.plan(pages)
    first = bands[0]

    def empty(page):
        return type(page)(page.number, PageContent(page.content.width, page.content.height, [], [], []), 0)

    down = [page for page in first for page in (page, empty(page))]  # each strip: its first band, then nothing
    found, _ = shifts.plan(down)
    assert [[page.number for page in band] for band in found] == [[page.number for page in first], [page.number for page in first]]
    assert not any(page.lines for page in found[1])


def test_a_title_cut_by_a_strip_border_with_both_parts_showing_the_cut_is_one_forms():
    """Seed 54's p038 as Calc printed it (not fitted, landscape, the header lower, borders; the fifteenth session's
    first fresh check, read afterwards: a tuning file): the title, centred over three strips, shows
    项目支出绩效目标表（含转移支付 on the first strip's page and 出绩效目标表（含转移支付项目） on the second's, the
    characters the border runs through on both. Neither holding the other, the second strip began another form, and
    the file was refused as holding no table. Facts from the corpus's manifest."""
    from src.storage.infra.files import open_declaration

    opened = open_declaration(STRIPS / "title-cut-with-both-parts-showing.pdf")
    projects = opened.declaration.projects
    assert len(projects) == 9 and sum(len(project.indicators) for project in projects) == 50
    assert any("按列分页打印的 3 栏" in note for note in opened.notes)
    assert projects[0].name == "区管退休干部节日慰问经费" and projects[0].goal.startswith("按照文件标准做好区管退休干部")
