"""A finance bureau's 指标库 read from the containers the editor opens (issue 24 item 1): the columns found by their
labels wherever the header row stands and in any order, 一级/二级 merged or written once per run taken down their
rows, codes and short names made canonical, rows outside the framework skipped and counted, and a file that is no
指标库 refused in Chinese. The files are real: tests/data/library (README there: whose rows they hold)."""

from pathlib import Path

import pytest

from src.model.library_catalogue import Source
from src.storage.containers.sheet_grid import Grid
from src.storage.infra.errors import FileProblem
from src.storage.library.bureau_file import read_bureau_library
from src.storage.library.bureau_table import NO_HEADER, NOTHING_FITS, library_from_grids
from src.storage.library.entries import LOCAL, catalogue_entry

DATA = Path(__file__).resolve().parent / "data"
LIBRARY = DATA / "library"

# The published rows of bureau-library.xlsx (and its PDF), as the framework names them.
MERGED_ROWS = [
    ("培训参加人数(人)", "产出指标", "数量指标"), ("组织培训班次(次)", "产出指标", "数量指标"),
    ("办公大楼日常维修维护次数", "产出指标", "数量指标"), ("培训合格率(%)", "产出指标", "质量指标"),
    ("评审合格率(%)", "产出指标", "质量指标"), ("培训计划完成时间", "产出指标", "时效指标"),
    ("业务保障能力提升情况", "效益指标", "社会效益指标"), ("公共服务水平提升情况", "效益指标", "社会效益指标"),
    ("政策性成果废止情况", "效益指标", "可持续影响指标"), ("受训学员满意度(%)", "满意度指标", "服务对象满意度指标"),
    ("税务局对我单位税费缴纳及时、足额的满意度", "满意度指标", "服务对象满意度指标"),
    ("开展小型水利工程建设(个)", "产出指标", "数量指标"),
]


@pytest.mark.parametrize("name", ["bureau-library.xlsx", "bureau-library.pdf"])
def test_merged_levels_and_sectors_go_down_their_runs(name):
    library = read_bureau_library(LIBRARY / name)  # in the reader worker process, as the window reads it
    assert [row.key for row in library.rows] == MERGED_ROWS
    assert (library.unfit, library.repeated, library.skipped) == (1, 1, 2)
    assert "“资金到位率”：一级“过程”、二级“资金管理”不在指标体系中" in library.notes[0]
    sectors = [row.sector for row in library.rows]
    assert sectors == ["共性"] * 11 + ["生态环境/林业/水务"]  # 行业 merged down its run too
    by_name = {row.name: row for row in library.rows}
    office = by_name["办公大楼日常维修维护次数"]
    assert (office.explanation, office.value, office.unit) == ("反映办公大楼全年维修维护情况", "2280次", "次")
    assert (by_name["培训合格率(%)"].unit, by_name["培训合格率(%)"].value) == ("%", None)  # a bare unit is no value
    assert by_name["税务局对我单位税费缴纳及时、足额的满意度"].explanation == "考察税费缴纳的及时、足额"


def test_another_column_order_levels_written_once_with_codes_and_a_header_lower_down():
    library = read_bureau_library(LIBRARY / "other-order.xls")
    assert [row.key for row in library.rows] == [
        ("与会人数(人)", "产出指标", "数量指标"), ("组织召开会议次数(次)", "产出指标", "数量指标"),
        ("会议出勤率(%)", "产出指标", "质量指标"), ("会议计划完成时间", "产出指标", "时效指标"),
        ("大楼安检巡察次数", "产出指标", "数量指标"),
        ("与会人员满意度(%)", "满意度指标", "服务对象满意度指标")]  # 满意度's only 二级, though not written
    assert library.unfit == 1 and "“政府采购节支率(%)”：一级“2-效益指标”、二级“成本指标”" in library.notes[0]
    rate = library.rows[2]
    assert (rate.value, rate.comparator, rate.unit) == ("≥95%", "≥", "%")
    assert (library.rows[3].value, library.rows[3].comparator) == ("按时", "定性")
    assert library.rows[4].explanation == "反映大楼保卫巡检情况" and library.rows[0].sector is None


def test_a_new_level1_does_not_carry_the_level2_above_it():
    grid = Grid("表", [["一级指标", "二级指标", "三级指标"], ["产出指标", "数量指标", "培训人次"],
                      ["效益指标", "", "群众知晓率"], ["", "社会效益指标", "群众知晓率提升"]])
    library = library_from_grids(Path("x.tsv"), [grid])
    assert [row.key for row in library.rows] == [("培训人次", "产出指标", "数量指标"),
                                                 ("群众知晓率提升", "效益指标", "社会效益指标")]
    assert library.unfit == 1  # 群众知晓率: 效益指标 has four 二级, none written


def test_a_tab_separated_copy_and_a_web_page_are_read_too(tmp_path):
    rows = ["行业\t一级指标\t二级指标\t指标名称\t指标说明", "共性\t产出\t质量\t培训合格率(%)\t考核合格人数占比",
            "\t满意度\t\t受训学员满意度(%)\t"]
    text = tmp_path / "指标库.tsv"
    text.write_text("\n".join(rows), encoding="gb18030")
    page = tmp_path / "指标库.html"
    page.write_text("<html><body><table>" + "".join(
        "<tr>" + "".join(f"<td>{cell}</td>" for cell in row.split("\t")) + "</tr>" for row in rows)
        + "</table></body></html>", encoding="utf-8")
    for path in (text, page):
        library = read_bureau_library(path)
        assert [row.key for row in library.rows] == [("培训合格率(%)", "产出指标", "质量指标"),
                                                     ("受训学员满意度(%)", "满意度指标", "服务对象满意度指标")], path
        assert library.rows[0].explanation == "考核合格人数占比" and library.rows[1].sector == "共性"


def test_a_declaration_is_not_a_library_and_is_refused_in_chinese(demo_path):
    with pytest.raises(FileProblem) as refused:
        read_bureau_library(DATA / "tianhe-2023-projects.xlsx")  # a project table: its indicators are numbered text
    assert refused.value.reason == NO_HEADER and "没有找到指标库的表头" in str(refused.value)
    with pytest.raises(FileProblem) as refused:
        read_bureau_library(demo_path)  # the editor's own JSON
    assert "不是指标库" in refused.value.reason


def test_a_header_with_no_row_in_the_framework_is_refused():
    grid = Grid("表", [["一级指标", "二级指标", "三级指标"], ["决策", "项目立项", "立项依据充分性"],
                      ["过程", "资金管理", "资金到位率"]])
    with pytest.raises(FileProblem) as refused:
        library_from_grids(Path("评价指标体系.xlsx"), [grid])
    assert refused.value.reason == NOTHING_FITS


def test_a_qualitative_target_in_the_shared_value_and_unit_column_stays_a_value():
    """指标值/计量单位 holds a target or a unit alone: 及时 is a 定性 target (the browser shows 定性, not “__及时”),
    % and 人次 the unit a clerk's own number goes with."""
    written = ["及时", "较好提升", "达标", "显著提升", "%", "人次", "万元", "个", "元/人", "≥95%", "2280次"]
    grid = Grid("表", [["一级指标", "二级指标", "三级指标", "指标值/计量单位"],
                      *(["产出指标", "质量指标", f"指标{n}", text] for n, text in enumerate(written))])
    rows = library_from_grids(Path("x.xlsx"), [grid]).rows
    read = [(row.value, row.comparator, row.unit) for row in rows]
    assert read == [("及时", "定性", None), ("较好提升", "定性", None), ("达标", "定性", None),
                    ("显著提升", "定性", None), (None, None, "%"), (None, None, "人次"), (None, None, "万元"),
                    (None, None, "个"), (None, None, "元/人"), ("≥95%", "≥", "%"), ("2280次", "＝", "次")]
    entries = [catalogue_entry(row, LOCAL, Source("本地指标库：x.xlsx")) for row in rows]
    assert [entry.form for entry in entries[:5]] == ["定性", "定性", "定性", "定性", "__%"]
