"""The 二级 suggester: right on indicators it was not built from, applying in bulk only what the library backs,
every suggestion with its evidence, never outside the framework; the libraries it reads built by the scripts
and read on first use; the measurement across sectors runs."""

import json
import shutil
import subprocess
import sys

import pytest

from scripts import measure_level2_sectors
from scripts.build_indicator_library import example_tables, library_from
from scripts.build_library_v2 import SOURCES_DIR, build, load_sources
from scripts.measure_level2 import held_out_cases, held_out_sector, held_out_suggester, measure
from src.bundled import INDICATOR_LIBRARY, INDICATOR_LIBRARY_V2, resource_file
from src.model import framework
from src.model.checks import check_declaration
from src.model.fixes import fix_for
from src.model.level2_suggest import (
    CONFIDENT,
    Level2Suggester,
    bundled_suggester,
    library_v2,
    names_by_level2,
    sector_of,
)
from tests.builders import clean_declaration, indicator
from tests.conftest import ROOT


def test_held_out_accuracy_stays_at_what_was_reached():
    """天河's indicators, 二级 removed, with the v1 list built without 天河 (scripts/measure_level2.py).
    Reached: 108 indicators, 68 applied, 67 right; 92 distinct, 58 applied, 57 right. Before the v2 library
    more were applied (97, 95 right): 完成率 and the like, which the library's publishers split, are now offered."""
    suggester = held_out_suggester()
    cases, variant = held_out_cases()
    every = measure(suggester, cases, variant, sector=held_out_sector())
    distinct = measure(suggester, cases, variant, distinct=True, sector=held_out_sector())
    assert every.total == 108 and distinct.total == 92
    assert every.filled >= 60 and len(every.wrong) <= 2 and every.right_share >= 0.97
    assert distinct.filled >= 50 and len(distinct.wrong) <= 2 and distinct.right_share >= 0.97


def test_the_held_out_library_really_lacks_the_held_out_table():
    library = library_from(p for p in example_tables() if "tianhe" not in p.name)
    held_out = {name for names in library.values() for name in names}
    cases, _ = held_out_cases()
    common = {"完成率", "覆盖率"}  # COMMON's generic names, not 天河's
    assert not ({case.name for case in cases} - common) & held_out


def test_the_script_builds_the_bundled_library():
    bundled = json.loads(resource_file(INDICATOR_LIBRARY).read_text(encoding="utf-8"))
    assert library_from(example_tables()) == bundled


def test_the_bundled_v2_library_is_built_from_the_sources():
    """Rebuild with: python scripts/build_library_v2.py resources/indicator_library_v2.json"""
    sources, problems = load_sources(SOURCES_DIR)
    assert not problems
    assert build(sources) == json.loads(resource_file(INDICATOR_LIBRARY_V2).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name, level1, value, variant, level2", [
    ("验收合格率", "产出指标", "100%", None, "质量指标"),
    ("培训人次", "产出指标", "≥200人次", None, "数量指标"),
    ("宣传手册印制册数", "产出指标", "5000册", None, "数量指标"),
    ("组织普法讲座", "产出指标", "12场", None, "数量指标"),  # counted by its value
    ("律师业务培训（场次）", "产出指标", "≥2", None, "数量指标"),
    ("资金支付及时率", "产出指标", "100%", None, "时效指标"),
    ("项目按期完成", "产出指标", "按期", None, "时效指标"),
    ("人均培训成本", "产出指标", "≤500元", framework.LEGACY, "成本指标"),
    ("带动社会投资", "效益指标", "≥100万元", None, "经济效益指标"),
    ("无纸化办公比率", "效益指标", "≥80%", None, "生态效益指标"),
    ("长效管理机制健全性", "效益指标", "健全", None, "可持续影响指标"),
    ("群众法律知晓率", "效益指标", "≥85%", None, "社会效益指标"),
    ("当事人满意度", "满意度指标", "≥90%", None, "服务对象满意度指标"),
    ("单位服务成本", "成本指标", "≤50元", framework.NEWER, "经济成本指标"),
])
def test_rules_of_the_issue(name, level1, value, variant, level2):
    found = bundled_suggester().suggest(name, level1, variant, value)
    assert found is not None and found.level2 == level2 and found.level1 == level1
    assert found.confidence >= CONFIDENT and found.reason


# Published names of the classes the 二级 quick fix got wrong outside 司法 (issue 24): each with its
# publisher's sector and 二级, suggested by a library built without that sector, as the measurement does.
@pytest.mark.parametrize("sector, level1, name, value, level2, word", [
    ("农业农村", "效益指标", "病害减少,防治病虫害使用的化学农药量较上年减少", None, "生态效益指标", "农药"),
    ("公安/司法/应急", "效益指标", "为生态环境保护提供支撑", "正面支撑", "生态效益指标", "生态"),
    ("农业农村", "效益指标", "种薯亩均收入较鲜薯亩均收入", None, "经济效益指标", "亩均"),
    ("人力资源社会保障", "效益指标", "减轻参训人员经济负担", "有效减轻", "经济效益指标", "经济"),
    ("教育", "效益指标", "基础教育巩固提高情况", "巩固提高", "可持续影响指标", "巩固"),
    ("文化旅游/体育", "效益指标", "图书馆管理机制健全性", "好坏", "可持续影响指标", "机制"),
    ("教育", "产出指标", "项目按计划完成率", "100%", "时效指标", "按计划"),
    ("教育", "产出指标", "预算资金当年下达率", "100%", "时效指标", "当年下达"),
    ("教育", "产出指标", "重点建设工程按期完成率", "100%", "时效指标", "按期"),
])
def test_the_issue_s_classes_outside_their_sector(library_sources, sector, level1, name, value, level2, word):
    outside = {key: data for key, data in library_sources.items() if data["sector"] != sector}
    found = measure_level2_sectors.suggester_from(outside).suggest(name, level1, None, value, sector=sector)
    assert found is not None and (found.level2, found.level1) == (level2, level1)
    assert found.confidence >= CONFIDENT
    assert f"“{word}”" in found.reason  # the rule
    assert all(entry.sector != sector and entry.level2 == level2 for entry in found.evidence)  # the library's


@pytest.fixture(scope="module")
def library_sources():
    return measure_level2_sectors.readable_sources(SOURCES_DIR)


def test_a_library_name_is_suggested_with_its_source():
    library = library_v2()
    entry = next(e for e in library["entries"] if e["name"] == "雾炮车降尘抑尘服务配备车辆数")
    title = library["sources"][entry["sources"][0]]["title"]
    found = bundled_suggester().suggest(entry["name"], entry["level1"], None, "10辆")
    assert found.level2 == entry["level2"] and found.confidence >= CONFIDENT
    assert title in found.reason and found.evidence[0].source.startswith(title)


@pytest.mark.parametrize("name, value, split", [
    ("成本控制", "不超过预算", "归类不一"),  # 成本指标 to one publisher, 数量指标 to another
    ("档案整理完成率", "100%", "属于别的二级"),  # 完成率: 数量 to some, 质量 or 时效 to others
])
def test_where_the_library_is_split_it_is_only_offered(name, value, split):
    found = bundled_suggester().suggest(name, "产出指标", None, value)
    assert found is not None and found.confidence < CONFIDENT and split in found.reason


def test_a_split_suggestion_is_offered_but_never_applied_in_bulk():
    declaration = clean_declaration()
    declaration.projects[0].indicators[1] = indicator("产出指标", None, "档案整理完成率", "100%", "100%")
    problem = next(p for p in check_declaration(declaration) if p.code == "level2-missing")
    fix = fix_for(declaration, problem)
    assert fix is not None and fix.reason and not fix.applies_in_bulk(kind_named=True)


def test_the_fix_carries_the_evidence_and_the_declaration_s_sector():
    declaration = clean_declaration()  # 广州市海珠区司法局
    declaration.projects[0].indicators[1] = indicator("产出指标", None, "雾炮车降尘抑尘服务配备车辆数", "10辆", "10辆")
    problem = next(p for p in check_declaration(declaration) if p.code == "level2-missing")
    fix = fix_for(declaration, problem)
    assert fix.label == "将二级指标设为“数量指标”" and fix.applies_in_bulk(kind_named=False)
    assert "湘潭市环境卫生管理处" in fix.reason  # the source's title, shown with the fix


@pytest.mark.parametrize("names, sector", [
    (["广州市番禺区司法局"], "公安/司法/应急"),
    ([None, "岳阳县农业农村局"], "农业农村"),
    (["某县教育体育局", "某县卫生健康局"], "教育"),  # the department's own name first
    (["某某单位"], None),
])
def test_the_sector_is_read_from_the_department_and_units(names, sector):
    assert sector_of(names) == sector


@pytest.mark.parametrize("name, level1, variant", [
    ("落实综合岗的值班", "产出指标", None),  # nothing in the name or value
    ("人均培训成本", "产出指标", framework.NEWER),  # a cost is an 一级 of its own there
    ("慰问对象满意度", "效益指标", None),  # the 一级 is what is wrong
    ("经费使用符合财务规范", "效益指标", None),  # no effect of any kind
    ("审核合同数", "投入指标", None),  # an 一级 outside the framework
    ("促进区域经济发展和生态环境保护", "效益指标", None),  # more than one kind of effect
    ("", "产出指标", None),
])
def test_not_applied_when_unsure(name, level1, variant):
    found = bundled_suggester().suggest(name, level1, variant, "落实")
    assert found is None or found.confidence < CONFIDENT


def test_both_levels_only_from_strong_evidence():
    suggester = bundled_suggester()
    found = suggester.suggest("群众满意度", None)
    assert (found.level1, found.level2) == ("满意度指标", "服务对象满意度指标")
    assert suggester.suggest("开展律师事务所年度检查考核", None) is None  # 考核 alone is too weak for two levels


def test_the_library_beats_the_rules():
    library = {"时效指标": ["法律援助案件承办完成率"]}
    found = Level2Suggester(library).suggest("法律援助案件承办完成率", "产出指标")
    assert found.level2 == "时效指标" and "指标库" in found.reason and found.confidence >= CONFIDENT
    assert Level2Suggester({}).suggest("法律援助案件承办完成率", "产出指标").level2 == "数量指标"


def test_every_suggestion_fits_the_framework_in_use():
    suggester = bundled_suggester()
    names = {name for names in names_by_level2().values() for name in names}
    for variant in (None, framework.NEWER, framework.LEGACY):
        for level1 in (None, *framework.level1_names()):
            for name in names:
                found = suggester.suggest(name, level1, variant)
                if found is not None:
                    assert framework.fits(found.level1, found.level2, variant), (name, level1, variant, found)
                    assert level1 is None or found.level1 == level1
                    assert found.reason


def test_the_completer_offers_both_libraries_names():
    from src.ui.editors.name_completer import names_for

    assert "工程量完成率" in names_for("工程量", "产出指标", "数量指标")  # the built-in list's (seed 002)
    assert "雾炮车降尘抑尘服务配备车辆数" in names_for("雾炮车", "产出指标", "数量指标")  # the v2 library's
    assert "工程量完成率" not in names_for("工程量", "满意度指标", "服务对象满意度指标")  # of the indicator's levels


def test_the_libraries_are_read_on_first_use_not_at_start_up():
    code = ("import sys; import src.ui.editors.indicator_editor; import src.model.fix_rules;"
            "print('src.model.level2_suggest' in sys.modules);"
            "from src.model import level2_suggest as m;"
            "print(m.library_v2.cache_info().currsize, m.indicator_library.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.stdout.split() == ["False", "0", "0"], out.stderr


def test_the_measurement_across_sectors_prints_its_tables(tmp_path, capsys):
    """scripts/measure_level2_sectors.py on a few sources, so that it cannot rot unnoticed."""
    sources, holdout = tmp_path / "sources", tmp_path / "holdout"
    sources.mkdir()
    holdout.mkdir()
    for name in ("qingshan-edu-2020-jcss", "qingshan-edu-2020-brxx", "xiangtan-cg-2023-wpc", "qingshan-kj-2021-kjyf"):
        shutil.copy(SOURCES_DIR / f"{name}.json", sources)
    shutil.copy(next((ROOT / "tests" / "data" / "library_holdout").glob("*.json")), holdout)
    assert measure_level2_sectors.main(["--sources", str(sources), "--holdout", str(holdout), "--wrong"]) == 0
    out = capsys.readouterr().out
    assert "### Leave one sector out" in out and "### Held out" in out
    for sector in ("教育", "住建/城管", "科技", "**overall**"):
        assert f"| {sector} |" in out
    assert "| sector | test indicators | filled (≥ CONFIDENT) | right of filled |" in out


def test_a_measure_with_a_decimal_point_is_not_read_as_a_date():
    """10157.6 平方米 once passed for year.month (0157.6) and made an area 时效; a real year.month still is."""
    from src.model.level2_rules import _DATE_VALUE

    assert not _DATE_VALUE.search("大于等于10157.6平方米")
    assert not _DATE_VALUE.search("≥2023.5吨")
    assert _DATE_VALUE.search("2023.12")
    assert _DATE_VALUE.search("≤2024-06")
