"""Web pages (.html, .mht) and clipboard HTML → grids → published tables (src/storage/containers/html_table.py).

The examples are the shared workbooks converted by LibreOffice (tests/data/html/README.md says how); each must
give every fact of its expected.json, as the workbooks do in tests/test_xlsx_import.py.
"""

import base64
import json
import time
from decimal import Decimal
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from pathlib import Path

import pytest

from src.storage.containers.html_table import MAX_CELLS, MAX_PAGE_BYTES, grids_from_html
from src.storage.infra import formats
from src.storage.infra.errors import FileProblem
from src.storage.readers.web_page import read_html
from tests.helpers.facts import assert_example_facts

HTML_DATA = Path(__file__).parent / "data" / "html"
EXAMPLES = [("haizhu-department", ".html"), ("panyu-2022-projects", ".html"), ("tianhe-2023-projects", ".html"),
            ("tianhe-2023-projects", ".mht")]
GOV_PAGE = HTML_DATA / "gov-department-gbk.html"

# The comparison of tests/test_xlsx_import.py, written out here (to be unified with it later).


@pytest.mark.parametrize("name, suffix", EXAMPLES, ids=[n + s for n, s in EXAMPLES])
def test_every_fact_of_the_converted_example(name, suffix):
    expected = json.loads((HTML_DATA.parent / f"{name}.expected.json").read_text(encoding="utf-8"))
    path = HTML_DATA / f"{name}{suffix}"
    opened = read_html(path)
    assert opened.imported
    assert_example_facts(opened, expected, sheet="表格1")


@pytest.mark.parametrize("path", sorted(HTML_DATA.glob("*.htm*")) + sorted(HTML_DATA.glob("*.mht")),
                         ids=lambda p: p.name)
def test_the_registry_recognises_the_test_pages_as_web_pages(path):
    assert formats.recognise(path).key == "html"


def rows_of(html, name="剪贴板"):
    return [grid.rows for grid in grids_from_html(html, name)]


# Cells: spans, text, nesting


def test_rowspan_and_colspan_copy_the_value_into_every_covered_cell():
    [rows] = rows_of("""<table>
        <tr><td rowspan=3>产出指标</td><td rowspan=2>数量指标</td><td>甲</td><td colspan=2>≥1</td></tr>
        <tr><td>乙</td><td>2</td><td>3</td></tr>
        <tr><td>质量指标</td><td colspan="2">丙</td><td>4</td></tr>
        <tr><td colspan=5>合计</td></tr></table>""")
    assert rows == [["产出指标", "数量指标", "甲", "≥1", "≥1"],
                    ["产出指标", "数量指标", "乙", "2", "3"],
                    ["产出指标", "质量指标", "丙", "丙", "4"],
                    ["合计"] * 5]


def test_spans_as_browsers_draw_them():
    # rowspan=0 and a rowspan past the end stop at the end of their row group; thead on top, tfoot last;
    # a row or a cell with display:none is not there; a width filled with None; junk spans read as browsers do
    [rows] = rows_of("""<table>
        <tfoot><tr><td>脚</td></tr></tfoot>
        <tbody><tr><td rowspan=0>A</td><td rowspan="9">B</td><td colspan="2px">C</td></tr>
               <tr style="DISPLAY: none"><td>隐藏</td></tr>
               <tr><td>D</td></tr></tbody>
        <thead><tr><th>一</th><th>二</th><th colspan=x>三</th><td style="display:none">隐</td></tr></thead>
        <tbody><tr><td>E</td></tr></tbody></table>""")
    assert rows == [["一", "二", "三", None], ["A", "B", "C", "C"], ["A", "B", "D", None], ["E", None, None, None],
                    ["脚", None, None, None]]


def test_overlapping_spans_keep_the_first_cell():
    [rows] = rows_of("<table><tr><td>a</td><td rowspan=2>b</td></tr><tr><td colspan=3>c</td></tr></table>")
    assert rows == [["a", "b", None], ["c", "b", "c"]]  # the HTML table model: c covers 0–2, b keeps 1


def test_cell_text_is_what_a_browser_shows():
    [[row]] = rows_of("""<table><tr>
        <td>  第一行<br>第二行<br/>  </td>
        <td><p>段落一</p>
            <p>段落   二，
               接着写</p><div></div></td>
        <td>&lt;p&gt;原样&amp;&#x4E2D;&#20013;&nbsp;&nbsp;文&emsp;字&gt;</td>
        <td><b>加</b><i>粗</i> <span>与</span>斜<script>document.write('脚本')</script><style>td{}</style>体</td>
        <td><pre>  保留
  空格</pre></td>
        <td>　全角空格保留　</td>
        <td><ul><li>一项</li><li>二项</li></ul>尾</td>
        <td><p>末尾换行<br></p><p>新段</p></td>
        <td> <br> </td><td></td></tr></table>""")
    assert row == ["第一行\n第二行", "段落一\n段落 二， 接着写", "<p>原样&中中  文\u2003字>", "加粗 与斜体", "保留\n  空格",
                   "　全角空格保留　", "一项\n二项\n尾", "末尾换行\n新段", None, None]


def test_a_nested_table_is_a_grid_and_part_of_its_cell():
    grids = grids_from_html("""<table><tr><td>外</td><td>前<table><caption>内表</caption>
        <tr><td>a</td><td>b<br>c</td></tr><tr><td>d</td></tr></table>后</td></tr></table>""", "剪贴板")
    assert [(g.name, g.rows) for g in grids] == [
        ("表格1", [["外", "前\n内表\na\tb\nc\nd\n后"]]),
        ("内表", [["a", "b\nc"], ["d", None]])]


def test_tables_are_named_by_caption_or_the_heading_before_them():
    grids = grids_from_html("""<h2>附件1：<b>项目支出绩效目标表</b></h2><table><tr><td>x</td></tr></table>
        <table><tr><td>y</td></tr></table><h3></h3><table><caption>表三</caption><tr><td>z</td></tr></table>
        <table></table><table><tr></tr></table>""", "剪贴板")
    assert [g.name for g in grids] == ["附件1：项目支出绩效目标表", "表格2", "表三"]


def test_the_lines_right_above_a_table_are_its_first_rows():
    """A page made from a Word document holds the title and 单位：元 as paragraphs above the table: the recognisers
    find the year and the amounts' unit there, as in a sheet's rows above its header (they were dropped before,
    and amounts in 元 read as 万元). Prose is no title; what stands in the table's cells is not above it."""
    prose = "根据预算法的规定，" * 20
    grids = rows_of(f"<div><p>{prose}</p><p>2023年项目支出绩效目标表</p><p>单位：<b>元</b></p></div>"
                    "<table><tr><td>项目名称</td><td>总计</td><td>绩效目标</td></tr></table>"
                    "<p>注：<span>另一张表</span></p><table><tr><td><p>a</p></td><td>b</td><td>c</td></tr></table>")

    assert grids == [[["2023年项目支出绩效目标表"], ["单位：元"], ["项目名称", "总计", "绩效目标"]],
                     [["注：另一张表"], ["a", "b", "c"]]]


def test_a_table_broken_in_two_with_nothing_between_is_one():
    part = "<table><tr><td>道路</td><td>10</td><td>目标</td></tr></table>"
    joined = rows_of(f"<table><tr><td>项目名称</td><td>总计</td><td>绩效目标</td></tr></table><p>&nbsp;</p>{part}")
    narrow = rows_of("<table><tr><td>x</td></tr></table><table><tr><td>y</td></tr></table>")
    titled = rows_of(f"{part}<p></p><table><tr><td colspan=3>项目支出绩效目标表</td></tr></table>")

    assert joined == [[["项目名称", "总计", "绩效目标"], ["道路", "10", "目标"]]]
    assert narrow == [[["x"]], [["y"]]]  # layout boxes, not a table's parts
    assert len(titled) == 2  # a title across the next table: a table of its own


def test_a_broken_table_each_part_in_a_block_of_its_own_is_one():
    """Sites wrap each table in a <div>: the block around the second part is no text between the parts, unless it
    shows some before the table."""
    header = "<tr><td>项目名称</td><td>总计</td><td>绩效目标</td></tr>"
    part = "<tr><td>道路</td><td>10</td><td>目标</td></tr>"
    wrapped = rows_of(f"<div><table>{header}</table></div><div class=t><table>{part}</table></div>")
    said = rows_of(f"<div><table>{header}</table></div><div>另表：<table>{part}</table></div>")
    after = rows_of(f"<div><table>{header}</table></div><div><table>{part}</table>注：单位万元</div>")

    assert wrapped == after == [[["项目名称", "总计", "绩效目标"], ["道路", "10", "目标"]]]
    assert len(said) == 2


# The hand-written page in the style of a government site, GBK-encoded


def assert_gov_facts(opened):
    department = opened.declaration.department
    assert department.name == "广州市示例区司法局"
    budget = department.budget
    assert (budget.basic, budget.project, budget.fiscal, budget.own_level, budget.transfer) == (
        Decimal("1850.00"), Decimal("620.50"), Decimal("2470.50"), Decimal("2470.50"), Decimal("0.00"))
    assert department.overall_goal == ("一、依法为经济困难公民和特殊案件当事人提供法律援助，做到应援尽援、应援优援。\n"
                                       "二、推进公共法律服务实体、热线、网络平台融合发展， 提升群众获得感。")
    [task] = department.tasks
    assert (task.name, task.content, task.funds) == (
        "法律援助案件办理", "办理民事、刑事、行政法律援助案件；\n开展值班律师法律帮助工作。", Decimal("120.50"))
    assert [(i.level1, i.level2, i.name, i.period_value, i.annual_value) for i in department.indicators] == [
        ("产出指标", "数量指标", "法律援助案件办理数（件）", "≥1500件", "≥500件"),
        ("产出指标", "数量指标", "法律咨询接待人次", "≥30000人次", "≥10000人次"),
        ("产出指标", "质量指标", "案件质量评查合格率", "≥95%", "≥95%"),
        ("产出指标", "时效指标", "案件指派及时率", "100%", "100%"),
        ("效益指标", "社会效益指标", "法律援助知晓率", "≥85%", "≥80%"),
        ("效益指标", "可持续影响指标", "公共法律服务体系覆盖率", "100%", "100%"),
        ("满意度指标", "服务对象满意度指标", "受援人满意度", "≥90%", "≥90%"),
    ]
    assert any("网页表格“广州市示例区司法局2024年部门整体预算绩效目标申报表”" in note for note in opened.notes), opened.notes


def test_gbk_government_page_with_rowspans_and_paragraphs():
    data = GOV_PAGE.read_bytes()
    assert b'charset=gb2312' in data and "一级指标".encode("gbk") in data  # really GBK, as such sites serve it
    assert_gov_facts(read_html(GOV_PAGE))


def test_the_layout_table_around_the_form_is_a_grid_that_is_not_taken(tmp_path):
    grids = grids_from_html(GOV_PAGE.read_bytes().decode("gbk"), "网页")
    assert [g.name for g in grids] == ["表格1", "广州市示例区司法局2024年部门整体预算绩效目标申报表"]
    assert grids[0].rows[0] == ["当前位置：首页 > 政务公开 > 财政预决算"]
    assert "浏览次数" not in grids[0].rows[1][0] and "访问统计" not in grids[0].rows[1][0]  # hidden, a script


@pytest.mark.parametrize("change", ["no meta", "meta says utf-8", "utf-8 with meta gbk", "utf-8 bom", "utf-16 bom"])
def test_encodings(tmp_path, change):
    text = GOV_PAGE.read_bytes().decode("gbk")
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'
    data = {"no meta": text.replace(meta, "").encode("gbk"),
            "meta says utf-8": text.replace("charset=gb2312", "charset=utf-8").encode("gb18030"),
            "utf-8 with meta gbk": text.encode("utf-8"),
            "utf-8 bom": "\ufeff".encode() + text.replace("gb2312", "utf-8").encode("utf-8"),
            "utf-16 bom": text.encode("utf-16")}[change]
    path = tmp_path / "page.htm"
    path.write_bytes(data)
    assert_gov_facts(read_html(path))


def test_a_declared_big5_page():
    [[row]] = rows_of('<meta charset="big5"><table><tr><td>臺灣</td></tr></table>')  # a str: nothing to decode
    assert row == ["臺灣"]


def test_undecidable_encoding_is_one_problem(tmp_path):
    path = tmp_path / "乱码.html"
    path.write_bytes(b"<html><table><tr><td>" + bytes(range(0x80, 0x100)) * 4 + b"</td></tr></table></html>")
    with pytest.raises(FileProblem) as caught:
        read_html(path)
    assert "乱码.html" in str(caught.value) and "编码" in str(caught.value)


# .mht


def test_mht_saved_ie_style_with_base64_and_a_gbk_charset(tmp_path):
    message = MIMEMultipart("related", type="text/html")
    message["From"] = "<由 Windows Internet Explorer 11 保存>"
    page = MIMENonMultipart("text", "html", charset="gb2312")
    page.set_payload(base64.encodebytes(GOV_PAGE.read_bytes()).decode("ascii"))
    page["Content-Transfer-Encoding"] = "base64"
    page["Content-Location"] = "http://www.example.gov.cn/zwgk/czyjs/content/post_1.html"
    image = MIMENonMultipart("image", "gif")
    image.set_payload(base64.encodebytes(b"GIF89a...").decode("ascii"))
    image["Content-Transfer-Encoding"] = "base64"
    message.attach(image)  # not first: the page is found by its type
    message.attach(page)
    path = tmp_path / "申报表.mhtml"
    path.write_bytes(message.as_bytes())
    assert formats.recognise(path).key == "html"
    assert_gov_facts(read_html(path))


def test_mht_without_a_page(tmp_path):
    message = MIMEMultipart("related")
    message.attach(MIMENonMultipart("image", "png"))
    message.get_payload()[0].set_payload("")
    path = tmp_path / "空.mht"
    path.write_bytes(message.as_bytes())
    with pytest.raises(FileProblem) as caught:
        read_html(path)
    assert "空.mht" in str(caught.value) and "text/html" in str(caught.value)


# Bad input: one clear FileProblem


def test_a_page_with_no_table(tmp_path):
    path = tmp_path / "通知.html"
    path.write_text("<html><head><title>关于公开2024年部门预算的通知</title></head><body><p>详见附件。</p>"
                    "<script>var t = '<table><tr><td>x</td></tr></table>';</script></body></html>", encoding="utf-8")
    with pytest.raises(FileProblem) as caught:
        read_html(path)
    assert str(caught.value).startswith("通知.html：") and "没有表格" in str(caught.value)


def test_a_page_whose_tables_hold_no_published_table(tmp_path):
    path = tmp_path / "目录.html"
    path.write_text("<table><tr><td>姓名</td><td>电话</td></tr></table>", encoding="utf-8")
    with pytest.raises(FileProblem) as caught:
        read_html(path)
    assert "目录.html" in str(caught.value) and "没有找到" in str(caught.value)


def test_a_huge_page_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "巨大.html"
    with path.open("wb") as stream:  # sparse: nothing written
        stream.write(b"<html><table>")
        stream.truncate(MAX_PAGE_BYTES + 1)
    with pytest.raises(FileProblem) as caught:
        read_html(path)
    assert "巨大.html" in str(caught.value) and "上限" in str(caught.value)
    with pytest.raises(FileProblem, match="剪贴板：.*上限"):
        grids_from_html("x" * (MAX_PAGE_BYTES + 1), "剪贴板")


BILLION_LAUGHS = """<!DOCTYPE html [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
<!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]><html><body><table><tr><td>&i;&i;</td></tr></table></body></html>"""


def test_entities_declared_in_the_page_are_not_expanded(tmp_path):
    start = time.perf_counter()
    grids = grids_from_html(BILLION_LAUGHS, "剪贴板")
    assert time.perf_counter() - start < 1
    assert all(len(cell or "") < 100 for grid in grids for row in grid.rows for cell in row)


@pytest.mark.parametrize("bomb, words", [
    ("<div>" * 300 + "x", "嵌套"),  # libxml2 stops at 256 levels: refused, not half-read
    ("<table>" + "<tr><td colspan=1000>展开</td></tr>" * (MAX_CELLS // 200 + 1) + "</table>", "单元格"),
    ("<table>" + "<tr><td rowspan=65534 colspan=1000>x</td></tr>" * 60 + "<tr></tr>" * 60000 + "</table>", "单元格"),
    ("<table><tr><td>" + "字" * (11 * 1024 * 1024) + "</td></tr></table>", "10 MB"),
], ids=["deep", "colspans", "spans", "long text"])
def test_bombs_are_one_clear_problem(tmp_path, bomb, words):
    path = tmp_path / "炸弹.html"
    path.write_text(bomb, encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(FileProblem) as caught:
        read_html(path)
    assert time.perf_counter() - start < 10
    assert "炸弹.html" in str(caught.value) and words in str(caught.value) and "拒绝" in str(caught.value)


# The clipboard


def cf_html(html: str, fragment_start: int, fragment_end: int) -> str:
    """Windows' CF_HTML as Excel and browsers write it: byte offsets into the UTF-8."""
    header = ("Version:0.9\r\nStartHTML:{:010d}\r\nEndHTML:{:010d}\r\n"
              "StartFragment:{:010d}\r\nEndFragment:{:010d}\r\n")
    size = len(header.format(0, 0, 0, 0).encode())
    body = html.encode()
    prefix = len(html[:fragment_start].encode())
    fragment = len(html[:fragment_end].encode())
    return header.format(size, size + len(body), size + prefix, size + fragment) + html


EXCEL_CLIPBOARD = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<style>.xl65{mso-number-format:"\\@";}</style></head>
<body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=432 style='border-collapse:collapse'>
<!--StartFragment--><col width=72 span=6>
 <tr height=19><td height=19 width=72>一级指标</td><td width=72>二级指标</td><td>三级指标</td></tr>
 <tr height=19><td rowspan=2 class=xl65>产出指标</td><td>数量指标</td><td>培训人次</td></tr>
 <tr height=19 style='display:none'><td>隐藏行</td></tr>
 <tr height=19><td>质量指标</td><td>合格率</td></tr>
<!--EndFragment--></table></body></html>"""


def test_excel_clipboard_with_the_cf_html_header():
    fragment = EXCEL_CLIPBOARD.index("<!--StartFragment-->"), EXCEL_CLIPBOARD.index("<!--EndFragment-->")
    text = cf_html(EXCEL_CLIPBOARD, *fragment)
    assert text.startswith("Version:0.9")
    [rows] = rows_of(text)
    assert rows == [["一级指标", "二级指标", "三级指标"], ["产出指标", "数量指标", "培训人次"], ["产出指标", "质量指标", "合格率"]]


def test_a_fragment_of_rows_without_their_table():
    html = ("<html><body><!--StartFragment--><tr><td>项目名称</td><td>绩效指标</td></tr>"
            "<tr><td>甲</td><td>1、产出指标：数量指标：X；年度指标值：1次。</td></tr><!--EndFragment--></body></html>")
    expected = [[["项目名称", "绩效指标"], ["甲", "1、产出指标：数量指标：X；年度指标值：1次。"]]]
    assert rows_of(html) == expected
    assert rows_of(cf_html(html, html.index("<!--Start"), html.index("<!--End"))) == expected
    assert rows_of("<td>只有</td><td>单元格</td>") == [[["只有", "单元格"]]]


def test_cf_html_with_offsets_that_do_not_fit_falls_back_to_the_markup():
    text = "Version:1.0\r\nStartHTML:-1\r\nEndHTML:-1\r\nStartFragment:0000099999\r\nEndFragment:0000099999\r\n" \
           "<table><tr><td>中文</td></tr></table>"
    assert rows_of(text) == [[["中文"]]]


def test_html_without_a_table_gives_no_grids():
    assert grids_from_html("<p>只是一段文字</p>", "剪贴板") == []
    assert grids_from_html("", "剪贴板") == []
