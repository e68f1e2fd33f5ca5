"""The checks that read the 指标库 (issue 24 item 4): a 三级 the library files under another 二级, a number without
the unit the library's entry has. Names are real entries of resources/indicator_library_v2.json."""

import pytest

from src.cli import run
from src.model.checks import check_declaration
from src.model.fix_changes import SAFE_CONFIDENCE
from src.model.fixes import apply_fixes, fixes_for
from src.model.problems import ERROR, HINT
from src.storage.editor_files.json_file import declaration_to_json
from src.storage.infra.files import open_declaration
from tests.builders import clean_declaration, indicator
from tests.conftest import DATA

# 时效指标 in two publications (the 通用共性指标库 example and another), unit %.
AGREED = "按时完成率"
# 时效指标 in one publication (武汉市青山区教育局's 2020 table), unit %.
ONE_SOURCE = "重点建设工程按期完成率"
# 成本指标 to one publisher, 数量指标 to another: the library is split.
SPLIT = "成本控制"
WHERE = "projects[0].indicators[1]"


def with_second_indicator(level2, name, annual="≥95%", level1="产出指标"):
    declaration = clean_declaration()
    declaration.projects[0].indicators[1] = indicator(level1, level2, name, annual, annual)
    return declaration


def library_problems(declaration):
    return [p for p in check_declaration(declaration) if p.code in ("level2-library", "unit-library")]


def test_a_name_the_library_files_under_another_level2_is_a_hint_naming_the_entry_and_its_source():
    found = library_problems(with_second_indicator("质量指标", AGREED))
    assert [(p.code, p.severity, p.location) for p in found] == [("level2-library", HINT, f"{WHERE}.level2")]
    assert "时效指标" in found[0].message and "质量指标" in found[0].message and "见 " in found[0].message


def test_the_library_own_level2_or_a_split_name_or_an_unknown_name_gives_no_hint():
    assert library_problems(with_second_indicator("时效指标", AGREED)) == []
    assert library_problems(with_second_indicator("数量指标", SPLIT)) == []
    assert library_problems(with_second_indicator("成本指标", SPLIT)) == []
    assert library_problems(with_second_indicator("质量指标", "调解成功率")) == []
    assert library_problems(clean_declaration()) == []


def test_the_name_is_compared_normalised():
    found = library_problems(with_second_indicator("质量指标", f" {AGREED}（%）"))
    assert [p.code for p in found] == ["level2-library"]


def test_an_entry_under_another_level1_is_left_to_the_level1_rules():
    # 时效指标 does not belong to 效益指标: changing the 二级 alone would trade a hint for an error.
    assert library_problems(with_second_indicator("社会效益指标", AGREED, level1="效益指标")) == []


def test_the_fix_sets_the_library_level2_as_one_change_with_its_evidence():
    declaration = with_second_indicator("质量指标", AGREED)
    problem = library_problems(declaration)[0]
    fix = fixes_for(declaration, [problem])[problem]
    assert fix.label == "将二级指标改为“时效指标”"
    assert len(fix.changes) == 1 and "出处" in fix.reason and AGREED in fix.reason
    assert fix.applies_in_bulk(kind_named=False)  # two publications agree
    fixed, applied = apply_fixes(declaration, [fix])
    assert applied == [fix] and fixed.projects[0].indicators[1].level2 == "时效指标"
    assert declaration.projects[0].indicators[1].level2 == "质量指标"  # the original is untouched
    assert library_problems(fixed) == []
    assert [p for p in check_declaration(fixed) if p.severity == ERROR] == []


def test_one_publishers_word_is_offered_one_by_one_never_in_bulk():
    declaration = with_second_indicator("质量指标", ONE_SOURCE)
    problem = library_problems(declaration)[0]
    fix = fixes_for(declaration, [problem])[problem]
    assert fix.label == "将二级指标改为“时效指标”" and fix.confidence < SAFE_CONFIDENCE
    assert not fix.applies_in_bulk(kind_named=True)


def test_main_fix_changes_the_level2_in_one_change(tmp_path, capsys):
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    source.write_bytes(declaration_to_json(with_second_indicator("质量指标", AGREED)))
    assert run(["fix", str(source), str(target)]) == 0
    out = capsys.readouterr().out
    assert "将二级指标改为“时效指标”：质量指标 → 时效指标" in out and "已修改 1 处" in out
    assert open_declaration(target).declaration.projects[0].indicators[1].level2 == "时效指标"


def test_a_number_without_the_unit_the_library_has_is_a_hint_naming_the_unit():
    found = library_problems(with_second_indicator("时效指标", AGREED, annual="100"))
    assert [(p.code, p.severity, p.location) for p in found] == [("unit-library", HINT, f"{WHERE}.annual_value")]
    assert "“%”" in found[0].message
    problem = found[0]
    assert problem not in fixes_for(with_second_indicator("时效指标", AGREED, annual="100"), [problem])


@pytest.mark.parametrize("annual", ["≥95%", "按时完成", "≥95"])
def test_a_value_with_a_unit_or_in_words_or_a_unit_in_the_name_gives_no_unit_hint(annual):
    name = AGREED if annual != "≥95" else f"{AGREED}（%）"
    assert [p for p in library_problems(with_second_indicator("时效指标", name, annual=annual))
            if p.code == "unit-library"] == []


@pytest.mark.parametrize("name", ["panyu-2022-projects.xlsx", "tianhe-2023-projects.xlsx", "haizhu-department.xlsx"])
def test_fix_on_the_examples_never_trades_one_error_for_another(tmp_path, capsys, name):
    source, target = DATA / name, tmp_path / "out.json"
    run(["fix", str(source), str(target)])
    errors = lambda path: sorted((p.code, p.location) for p in check_declaration(open_declaration(path).declaration)
                                 if p.severity == ERROR)
    assert errors(target) == errors(source)
