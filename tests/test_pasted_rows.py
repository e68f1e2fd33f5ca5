"""What copied cells give (src/storage/clipboard/pasted_rows.py), on what LibreOffice Calc really puts on the clipboard
(tests/data/clipboard, made by make_clipboard.py there) and on Excel's quoting; facts from the example tables."""

import json
from pathlib import Path

import pytest

from src.model import paths
from src.storage.clipboard.pasted_rows import (
    CLIPBOARD,
    indicators_from_clipboard,
    indicators_from_rows,
    rows_as_html,
    rows_as_tsv,
    split_tsv,
    table_from_clipboard,
)
from src.storage.containers.html_table import grids_from_html
from src.storage.containers.sheet_grid import cell_text
from src.storage.infra.errors import FileProblem
from tests.helpers.facts import assert_declaration_facts, assert_indicator

DATA = Path(__file__).parent / "data"
COPIED = DATA / "clipboard"
FLAVOURS = ("html", "text")


def expected(name: str) -> dict:
    return json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))


def copied(name: str, flavour: str) -> tuple[str | None, str | None]:
    """(text/html, text/plain) as the clipboard holds one flavour of a LibreOffice copy."""
    if flavour == "html":
        return (COPIED / f"{name}.html").read_bytes().decode("utf-8"), None
    return None, (COPIED / f"{name}.txt").read_text(encoding="utf-8")


def dumps(indicators) -> list[dict]:
    return [i.model_dump(include={"level1", "level2", "name", "period_value", "annual_value"}) for i in indicators]


# ---- rows from a spreadsheet ------------------------------------------------------------------------

@pytest.mark.parametrize("flavour", FLAVOURS)
def test_five_columns_with_a_header_and_merged_levels(flavour):
    """haizhu's 绩效指标 block: 一级/二级 merged down (blanks in text/plain), template rows with only a 二级."""
    pasted = indicators_from_clipboard(*copied("haizhu-indicators", flavour))
    facts = expected("haizhu-department")["indicators"]
    assert len(pasted.indicators) == len(facts)
    for got, want in zip(pasted.indicators, facts):
        assert_indicator(got, want)
    assert any("第 1 行是表头" in note for note in pasted.notes)
    assert any("没有三级指标和指标值" in note for note in pasted.notes)
    if flavour == "text":  # html fills merged cells itself; plain text leaves them blank
        assert any("已沿用上一行的一级指标" in note for note in pasted.notes)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_three_columns(flavour):
    pasted = indicators_from_clipboard(*copied("haizhu-indicators-3col", flavour))
    facts = expected("haizhu-department")["indicators"]
    assert dumps(pasted.indicators) == [
        {"level1": f["level1"], "level2": None, "name": f["name"], "period_value": None, "annual_value": f["annual_value"]}
        for f in facts]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_cell_with_a_line_break_and_quotes(flavour):
    """make_clipboard.py's edit: Alt+Enter and quotes in the first 三级. Calc's html keeps the break, its text/plain
    turns it into a space (and quotes nothing)."""
    pasted = indicators_from_clipboard(*copied("haizhu-indicators-multiline", flavour))
    facts = expected("haizhu-department")["indicators"][:3]
    edited = facts[0]["name"].replace("（小时）", '\n（"小时"）' if flavour == "html" else ' （"小时"）')
    assert [i.name for i in pasted.indicators] == [edited] + [f["name"] for f in facts[1:]]
    assert [i.annual_value for i in pasted.indicators] == [f["annual_value"] for f in facts]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("name, table, project", [("tianhe-indicator-cell", "tianhe-2023-projects", 0),
                                                  ("panyu-indicator-cell", "panyu-2022-projects", 1)])
def test_numbered_text_in_one_cell_of_either_city_style(flavour, name, table, project):
    pasted = indicators_from_clipboard(*copied(name, flavour))
    facts = expected(table)["projects"][project]
    assert len(pasted.indicators) == facts["indicator_count"]
    assert_indicator(pasted.indicators[0], facts["first_indicator"])
    assert_indicator(pasted.indicators[-1], facts["last_indicator"])


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_whole_project_table_gives_every_projects_indicators(flavour):
    """Title rows above the header are passed over; each project's cell is a text of its own (numbered from 1)."""
    pasted = indicators_from_clipboard(*copied("tianhe-projects", flavour))
    facts = expected("tianhe-2023-projects")
    assert len(pasted.indicators) == facts["indicator_count"]
    assert_indicator(pasted.indicators[0], facts["projects"][0]["first_indicator"])
    assert_indicator(pasted.indicators[-1], facts["projects"][-1]["last_indicator"])
    assert any("表头之前" in note for note in pasted.notes)


def test_a_whole_department_form_gives_its_indicator_table():
    """The department form copied whole (here LibreOffice's html of the workbook): the rows above the 绩效指标
    header (budget, goal, tasks) are passed over."""
    page = (DATA / "html" / "haizhu-department.html").read_text(encoding="utf-8")
    pasted = indicators_from_clipboard(page, None)
    facts = expected("haizhu-department")["indicators"]
    assert len(pasted.indicators) == len(facts)
    for got, want in zip(pasted.indicators, facts):
        assert_indicator(got, want)


def test_a_project_table_with_a_period_column_is_read_by_its_header():
    rows = [["项目名称", "实施周期", "绩效目标", "绩效指标"],
            ["甲", "2023-2025", "目标", "1、产出指标：数量指标：培训人次；年度指标值：≥20人次。"]]
    [indicator] = indicators_from_rows(rows).indicators
    assert (indicator.level1, indicator.name, indicator.annual_value) == ("产出指标", "培训人次", "≥20人次")


def test_numbered_text_copied_from_a_pdf_as_lines():
    """No tabs: the lines of one text; a line that does not start at 1、 goes on with the text before."""
    cell = (COPIED / "tianhe-indicator-cell.txt").read_text(encoding="utf-8").strip()
    lines = [cell[i:i + 37] for i in range(0, len(cell), 37)]  # wrapped anywhere, even inside a word
    assert len(lines) > 3
    whole = indicators_from_clipboard(None, cell)
    assert dumps(indicators_from_clipboard(None, "\n".join(lines)).indicators) == dumps(whole.indicators)


# ---- without a header: 5 columns, blanks carried down -------------------------------------------------

def test_five_columns_without_a_header_carry_the_first_level_down():
    rows = [["产出指标", "数量指标", "培训人次", "≥100人次", "≥20人次"],
            ["", "", "培训场次", "10场", "2场"],
            ["", "质量指标", "合格率", "", "≥95%"],
            ["效益指标", "社会效益指标", "知晓率", "≥80%", "≥80%"]]
    pasted = indicators_from_rows(rows)
    assert dumps(pasted.indicators) == [
        dict(zip(("level1", "level2", "name", "period_value", "annual_value"), row)) | {"period_value": row[3] or None}
        for row in [rows[0], ["产出指标", "数量指标", *rows[1][2:]], ["产出指标", *rows[2][1:]], rows[3]]]
    assert any("第 2、3 行的一级指标为空" in note for note in pasted.notes)


def test_published_codes_are_read_as_their_levels():
    [indicator] = indicators_from_rows([["1-产出指标", "11-数量指标", "工程量", "100%", "100%"]]).indicators
    assert (indicator.level1, indicator.level2) == ("产出指标", "数量指标")


def test_a_header_in_another_order_decides_the_columns():
    rows = [["三级指标", "年度指标值", "一级指标"], ["满意率", "≥90%", "满意度指标"]]
    [indicator] = indicators_from_rows(rows).indicators
    assert (indicator.name, indicator.annual_value, indicator.level1) == ("满意率", "≥90%", "满意度指标")
    assert indicator.level2 == "服务对象满意度指标"  # the only one that 一级 allows, said in the notes


def test_empty_columns_around_the_copy_are_set_aside():
    rows = [["", "产出指标", "数量指标", "培训人次", "", "≥20人次", ""]]
    [indicator] = indicators_from_rows(rows).indicators
    assert (indicator.level1, indicator.name, indicator.annual_value) == ("产出指标", "培训人次", "≥20人次")


# ---- refused, with the reason ------------------------------------------------------------------------

@pytest.mark.parametrize("html, text, words", [
    (None, "一\t二\t三\t四\n", "4 列"),
    (None, "只是一段文字，没有编号的指标。", "不是绩效指标"),
    (None, "一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\n", "只有表头"),
    (None, "\n\t\t\n", "没有文字或表格"),
    (None, None, "没有文字或表格"),
    ("<p>网页上的一段话</p>", None, "没有文字或表格"),
])
def test_what_is_not_indicator_rows_is_refused_saying_why(html, text, words):
    with pytest.raises(FileProblem) as caught:
        indicators_from_clipboard(html, text)
    assert caught.value.path.name == CLIPBOARD and words in caught.value.reason


def test_rows_of_empty_cells_are_refused():
    with pytest.raises(FileProblem, match="空的"):
        indicators_from_rows([["", " "], []])


# ---- Excel's quoting, and the rows the editor copies -------------------------------------------------

def test_excel_quotes_cells_with_line_breaks_tabs_and_quotes():
    text = 'a\t"b\r\nc"\t"say ""hi"""\t"x\ty"\r\n"一社区"贯彻\t2\r\n'
    assert split_tsv(text) == [["a", "b\nc", 'say "hi"', "x\ty"], ['"一社区"贯彻', "2"]]


CELLS = [["产出指标", "数量指标", "培训\n人次", "≥100", "含\t制表符"], ["效益指标", "", '说"明"', "100%", "<p>"]]


def test_copied_rows_as_tab_separated_text_come_back_cell_for_cell():
    text = rows_as_tsv(CELLS)
    assert text.count("\n") > len(CELLS)  # the line break inside a cell is there, quoted
    assert split_tsv(text)[:1] == CELLS[:1]
    assert split_tsv(text)[1][:4] == CELLS[1][:4]


def test_copied_rows_as_an_html_table_come_back_cell_for_cell():
    [grid] = grids_from_html(rows_as_html(CELLS), CLIPBOARD)
    # a browser shows a tab as a space, an empty cell holds nothing
    assert [[cell_text(cell) for cell in row] for row in grid.rows] == [[cell.replace("\t", " ") for cell in row] for row in CELLS]
    assert "mso-data-placement:same-cell" in rows_as_html(CELLS)  # Excel: a line break stays in its cell


# ---- a table into the tree ---------------------------------------------------------------------------

@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_copied_project_table_gives_its_projects_and_says_what_it_leaves_out(flavour):
    opened = table_from_clipboard(*copied("tianhe-projects", flavour))
    facts = expected("tianhe-2023-projects")
    assert_declaration_facts(opened.declaration, facts)
    left_out = opened.notes[-1]
    assert left_out.startswith("粘贴只添加项目") and facts["department_name"] in left_out
    assert not any("已作为部门预算的项目支出" in note for note in opened.notes)  # it is not, when pasting
    assert any(("HTML" if flavour == "html" else "制表符") in note for note in opened.notes)


def test_html_that_is_no_project_table_falls_back_to_the_text():
    html, _ = copied("haizhu-indicators", "html")
    _, text = copied("tianhe-three-projects", "text")
    opened = table_from_clipboard(html, text)
    assert [p.name for p in opened.declaration.projects] == [p["name"] for p in expected("tianhe-2023-projects")["projects"][:3]]


@pytest.mark.parametrize("html, text, words", [
    (None, (COPIED / "haizhu-indicators.txt").read_text(encoding="utf-8"), "要粘贴指标行"),
    ((DATA / "html" / "haizhu-department.html").read_text(encoding="utf-8"), None, "部门整体"),
    (None, None, "没有可识别"),
])
def test_what_is_no_project_table_is_refused_saying_why(html, text, words):
    with pytest.raises(FileProblem) as caught:
        table_from_clipboard(html, text)
    assert words in caught.value.reason


def test_a_pasted_tables_notes_point_where_its_projects_will_be():
    # the first project's 总计 as OCR gives it: read, and noted at the place the project gets in the open file
    text = (DATA / "clipboard" / "tianhe-three-projects.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    cells = lines[3].split("\t")
    cells[1] = "8, 2. 6"  # ambiguous: left empty and noted
    lines[3] = "\t".join(cells)
    alone = table_from_clipboard(None, "\n".join(lines))
    after_five = table_from_clipboard(None, "\n".join(lines), first_project=5)
    first, sixth = paths.place_words("projects[0].funds.total"), paths.place_words("projects[5].funds.total")
    located = [note for note in alone.notes if first in note]
    assert located, alone.notes
    assert [note for note in after_five.notes if sixth in note] == [note.replace(first, sixth) for note in located]
    assert not [note for note in after_five.notes if first in note]
