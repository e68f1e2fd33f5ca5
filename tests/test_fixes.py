"""Quick fixes: each problem with a mechanical remedy gets one, applying it removes the problem and
nothing else breaks; changes apply purely, in an order whose indices hold, and never when stale."""

from decimal import Decimal

import pytest

from src.model import paths
from src.model.checks import check_declaration
from src.model.declaration import Indicator
from src.model.fixes import (
    SAFE_CONFIDENCE,
    Insert,
    Remove,
    SetField,
    apply_changes,
    apply_fixes,
    change_lines,
    fix_for,
    fixes_for,
    plan_changes,
)
from src.storage.infra.files import open_declaration
from tests.builders import clean_declaration, indicator
from tests.conftest import DATA


def problem(declaration, code, location):
    found = [p for p in check_declaration(declaration) if p.code == code and p.location == location]
    assert found, f"{code} at {location} not reported: {[(p.code, p.location) for p in check_declaration(declaration)]}"
    return found[0]


def errors(declaration):
    return {(p.code, p.location) for p in check_declaration(declaration) if p.severity == "error"}


def fixed(declaration, code, location):
    """The fix of that problem, the declaration it gives, after checking it removes the problem."""
    fix = fix_for(declaration, problem(declaration, code, location))
    assert fix is not None and fix.code == code and fix.location == location
    before = declaration.model_dump()
    after = apply_changes(declaration, fix.changes)
    assert declaration.model_dump() == before, "applying must leave the given declaration as it was"
    assert (code, location) not in {(p.code, p.location) for p in check_declaration(after)}
    return fix, after


# ---- each family --------------------------------------------------------------------------------
def test_missing_level2_is_suggested_from_the_name():
    declaration = clean_declaration()
    declaration.projects[0].indicators[1].level2 = None  # 产出指标 › 调解成功率
    fix, after = fixed(declaration, "level2-missing", "projects[0].indicators[1].level2")
    assert fix.label == "将二级指标设为“质量指标”" and fix.confidence >= SAFE_CONFIDENCE and "成功率" in fix.reason
    assert after.projects[0].indicators[1].level2 == "质量指标"
    assert check_declaration(after) == []


def test_no_level2_fix_when_the_name_says_nothing():
    declaration = clean_declaration()
    declaration.projects[0].indicators[1] = indicator("产出指标", None, "落实综合岗的值班", "落实", "落实")
    assert fix_for(declaration, problem(declaration, "level2-missing", "projects[0].indicators[1].level2")) is None


def test_missing_level1_is_set_with_the_level2_when_the_name_decides_both():
    declaration = clean_declaration()
    declaration.projects[0].indicators[3].level1 = None
    declaration.projects[0].indicators[3].level2 = None  # 当事人满意度
    fix, after = fixed(declaration, "required", "projects[0].indicators[3].level1")
    assert [c.location for c in fix.changes] == ["projects[0].indicators[3].level1", "projects[0].indicators[3].level2"]
    assert (after.projects[0].indicators[3].level1, after.projects[0].indicators[3].level2) == ("满意度指标", "服务对象满意度指标")
    assert check_declaration(after) == []


def test_level1_set_from_a_level2_that_belongs_to_one():
    declaration = clean_declaration()
    declaration.projects[0].indicators[2].level1 = None  # 社会效益指标 is under 效益指标 only
    fix, after = fixed(declaration, "required", "projects[0].indicators[2].level1")
    assert fix.label == "将一级指标设为“效益指标”" and check_declaration(after) == []


def test_satisfaction_filed_under_effect_moves_to_its_level1():
    declaration = clean_declaration()
    declaration.projects[0].indicators[3].level1 = "效益指标"  # 天河: 2-效益指标：31-服务对象满意度：慰问对象满意度
    fix, after = fixed(declaration, "level2-wrong-level1", "projects[0].indicators[3].level2")
    assert fix.label == "将一级指标改为“满意度指标”" and check_declaration(after) == []


def test_empty_total_becomes_the_sum_of_its_sources():
    declaration = clean_declaration()
    declaration.projects[0].funds.total = None
    fix, after = fixed(declaration, "project-total-empty", "projects[0].funds.total")
    expected = sum((Decimal(x) for x in ("80.00", "15.00", "5.00")), Decimal(0))
    assert after.projects[0].funds.total == expected and fix.label == f"总计设为 {expected:,.2f}（各来源之和）"
    assert fix.applies_in_bulk(kind_named=False) and check_declaration(after) == []


def test_the_one_empty_source_is_the_rest_of_the_total():
    declaration = clean_declaration()
    declaration.projects[0].funds.other = None  # 100 = 80 + 15 + ?
    fix, after = fixed(declaration, "project-total-mismatch", "projects[0].funds.total")
    assert fix.changes == (SetField("projects[0].funds.other", None, Decimal("100.00") - Decimal("95.00")),)
    assert check_declaration(after) == []


@pytest.mark.parametrize("total, fiscal, special, other", [
    ("90.00", "80.00", "15.00", None),  # the rest would be negative
    ("100.00", "80.00", None, None),  # two sources empty: how they split is the clerk's
])
def test_no_invented_amount(total, fiscal, special, other):
    declaration = clean_declaration()
    funds = declaration.projects[0].funds
    funds.total, funds.fiscal, funds.special_account, funds.other = (None if v is None else Decimal(v) for v in (total, fiscal, special, other))
    assert fix_for(declaration, problem(declaration, "project-total-mismatch", "projects[0].funds.total")) is None


def test_total_against_complete_sources_is_only_offered():
    declaration = clean_declaration()
    declaration.projects[0].funds.total = Decimal("101")
    fix = fix_for(declaration, problem(declaration, "project-total-mismatch", "projects[0].funds.total"))
    assert fix.label == "总计改为 100.00（各来源之和）" and not fix.applies_in_bulk(kind_named=False)


def test_missing_satisfaction_adds_the_template_with_values_to_fill():
    declaration = clean_declaration()
    del declaration.projects[0].indicators[3]
    fix, after = fixed(declaration, "missing-satisfaction-indicator", "projects[0].indicators")
    added = after.projects[0].indicators[-1]
    assert (added.level1, added.level2, added.name, added.annual_value) == ("满意度指标", "服务对象满意度指标", "服务对象满意度", None)
    assert fix.label == "添加满意度指标“服务对象满意度”" and fix.needs_input and not fix.applies_in_bulk(kind_named=False)
    # The clerk still fills the target: the checks say so, at the new indicator.
    assert errors(after) == {("required", "projects[0].indicators[3].annual_value")}


def test_identical_duplicate_indicator_is_removed_the_later_one():
    declaration = clean_declaration()
    declaration.projects[0].indicators.insert(2, declaration.projects[0].indicators[0].model_copy())
    fix, after = fixed(declaration, "duplicate-indicator", "projects[0].indicators[2].name")
    assert fix.changes == (Remove("projects[0].indicators", 2, declaration.projects[0].indicators[2]),)
    assert [i.name for i in after.projects[0].indicators] == [i.name for i in clean_declaration().projects[0].indicators]


def test_duplicates_that_differ_in_a_field_are_left_to_the_clerk():
    declaration = clean_declaration()
    declaration.projects[0].indicators.append(declaration.projects[0].indicators[0].model_copy(update={"annual_value": "≥120件"}))
    assert fix_for(declaration, problem(declaration, "duplicate-indicator", "projects[0].indicators[4].name")) is None
    declaration = clean_declaration()
    declaration.projects.append(declaration.projects[0].model_copy(deep=True, update={"goal": "另一个目标"}))
    assert fix_for(declaration, problem(declaration, "duplicate-project", "projects[2].name")) is None


def test_identical_duplicate_project_is_removed():
    declaration = clean_declaration()
    declaration.projects.append(declaration.projects[0].model_copy(deep=True))
    declaration.department.budget.project += declaration.projects[0].funds.total  # only the duplicate to report
    declaration.department.budget.basic -= declaration.projects[0].funds.total
    fix, after = fixed(declaration, "duplicate-project", "projects[2].name")
    assert len(after.projects) == 2 and fix.label.startswith("删除重复的项目“人民调解经费”")


@pytest.mark.parametrize("typed, spelled", [(">=95%", "≥95%"), ("＜＝5%", "≤5%"), ("９５％", "95%"), (">90%", "＞90%"), ("≧1次", "≥1次")])
def test_comparator_and_unit_spellings(typed, spelled):
    declaration = clean_declaration()
    declaration.projects[0].indicators[1].annual_value = typed
    fix, after = fixed(declaration, "value-spelling", "projects[0].indicators[1].annual_value")
    assert fix.label == f"改为“{spelled}”" and after.projects[0].indicators[1].annual_value == spelled


@pytest.mark.parametrize("location, text, plain", [
    ("projects[0].indicators[1].name", "<p>调解成功率</p>", "调解成功率"),
    ("projects[0].goal", "<p>开展人民调解工作，</p><p>化解矛盾纠纷。</p>", "开展人民调解工作，\n化解矛盾纠纷。"),
    ("projects[0].indicators[1].annual_value", "≥95%&nbsp;", "≥95%"),
    ("department.overall_goal", "提升公共法律服务水平。<br>", "提升公共法律服务水平。"),
])
def test_markup_left_in_text_is_removed(location, text, plain):
    declaration = clean_declaration()
    paths.set_field(declaration, location, text)
    fix, after = fixed(declaration, "text-markup", location)
    assert paths.get_field(after, location) == plain and check_declaration(after) == []


@pytest.mark.parametrize("name, typed, ceiling", [
    ("当事人投诉率", "≥5%", "≤5%"), ("当事人投诉率", "不低于5%", "不高于5%"), ("案件差错率", "5%以上", "5%以下"),
    ("社区矫正对象再犯罪率", ">=2‰", "≤2‰"), ("事故率", "＞1%", "＜1%"),
])
def test_floor_on_a_lower_is_better_indicator_becomes_a_ceiling(name, typed, ceiling):
    declaration = clean_declaration()
    target = declaration.projects[0].indicators[2]
    target.name, target.annual_value, target.period_value = name, typed, ceiling
    fix, after = fixed(declaration, "negative-indicator-floor", "projects[0].indicators[2].annual_value")
    assert fix.label == f"改为“{ceiling}”" and after.projects[0].indicators[2].annual_value == ceiling


def test_cost_floor_becomes_a_ceiling():
    declaration = clean_declaration()
    declaration.projects[0].indicators.append(indicator("成本指标", "经济成本指标", "单位调解成本", "≤500元", "≥500元"))
    fix, after = fixed(declaration, "cost-without-ceiling", "projects[0].indicators[4].annual_value")
    assert after.projects[0].indicators[4].annual_value == "≤500元"


def test_unit_from_the_department_when_it_runs_the_projects():
    declaration = clean_declaration()
    for project in declaration.projects:
        project.unit = declaration.department.name
    declaration.projects[1].unit = None
    fix, after = fixed(declaration, "required", "projects[1].unit")
    assert after.projects[1].unit == declaration.department.name and fix.applies_in_bulk(kind_named=False)
    declaration.projects[0].unit = None  # no project names a unit: offered, not applied unasked
    assert not fix_for(declaration, problem(declaration, "required", "projects[1].unit")).applies_in_bulk(kind_named=False)


def test_no_unit_fix_when_other_units_run_projects():
    declaration = clean_declaration()  # units 区司法局本级 and 区法律援助处
    declaration.projects[1].unit = None
    assert fix_for(declaration, problem(declaration, "required", "projects[1].unit")) is None


# ---- applying -------------------------------------------------------------------------------
def test_apply_copies_only_what_changes():
    declaration = clean_declaration()
    changed = apply_changes(declaration, [SetField("projects[1].name", "法律援助经费", "新名称")])
    assert changed.projects[1].name == "新名称" and declaration.projects[1].name == "法律援助经费"
    assert changed.projects[0] is declaration.projects[0]  # untouched nodes are shared, not copied
    assert changed.department is declaration.department


def test_removals_and_insertions_in_one_list_keep_their_meaning():
    declaration = clean_declaration()
    items = declaration.projects[0].indicators  # 调解案件数, 调解成功率, 矛盾纠纷…, 当事人满意度
    new = Indicator(level1="产出指标", level2="时效指标", name="调解及时率", annual_value="100%")
    where = "projects[0].indicators"
    changes = [Remove(where, 0, items[0]), Insert(where, 4, new), Remove(where, 2, items[2]), Insert(where, 2, new),
               SetField("projects[0].indicators[3].name", "当事人满意度", "群众满意度")]
    after = apply_changes(declaration, changes)
    assert [i.name for i in after.projects[0].indicators] == ["调解成功率", "调解及时率", "群众满意度", "调解及时率"]
    # The planned order applies one by one with its own indices, as the editor's undo commands do.
    replayed = declaration.model_copy(deep=True)
    for change in plan_changes(declaration, changes):
        if isinstance(change, SetField):
            paths.set_field(replayed, change.location, change.new)
        elif isinstance(change, Insert):
            paths.list_at(replayed, change.list_location).insert(change.index, change.item)
        else:
            assert paths.list_at(replayed, change.list_location)[change.index] == change.item
            paths.list_at(replayed, change.list_location).pop(change.index)
    assert replayed == after


def test_stale_changes_are_never_applied():
    declaration = clean_declaration()
    items = declaration.projects[0].indicators
    stale = [SetField("projects[0].name", "别的名称", "新名称"), Remove("projects[0].indicators", 1, items[0]),
             Remove("projects[0].indicators", 9, items[0]), SetField("projects[7].name", None, "x")]
    assert plan_changes(declaration, stale) == ()
    assert apply_changes(declaration, stale) == declaration


def test_a_batch_skips_the_fix_that_conflicts_with_an_earlier_one():
    declaration = clean_declaration()
    target = declaration.projects[0].indicators[2]
    target.name, target.annual_value, target.period_value = "当事人投诉率", ">=5%", "≤5%"
    offered = fixes_for(declaration, check_declaration(declaration))
    codes = sorted(fix.code for fix in offered.values())
    assert codes == ["negative-indicator-floor", "value-spelling"]  # both change the same annual value
    after, applied = apply_fixes(declaration, offered.values())
    assert len(applied) == 1 and after.projects[0].indicators[2].annual_value in ("≥5%", "≤5%")
    again, _ = apply_fixes(after, fixes_for(after, check_declaration(after)).values())  # the next round does the other
    assert again.projects[0].indicators[2].annual_value == "≤5%"


def test_change_lines_say_where_what_and_old_to_new():
    declaration = clean_declaration()
    declaration.projects[0].indicators[1].level2 = None
    fix = fix_for(declaration, problem(declaration, "level2-missing", "projects[0].indicators[1].level2"))
    assert change_lines(declaration, fix) == [
        "项目“人民调解经费” › 指标 2“调解成功率” › 二级指标：将二级指标设为“质量指标”：（空） → 质量指标"]


def test_fixes_map_onto_the_editors_undo_commands(qapp):
    """The change records are what the window's commands take: pushed as commands they give what
    apply_changes gives, and one undo macro restores the document."""
    from src.ui.editing.commands import InsertCommand, RemoveCommand, SetFieldCommand
    from src.ui.editing.document import Document

    declaration = clean_declaration()
    declaration.projects.append(declaration.projects[0].model_copy(deep=True))
    del declaration.projects[1].indicators[3]
    declaration.projects[0].indicators[1].level2 = None
    original = declaration.model_copy(deep=True)
    offered = list(fixes_for(declaration, check_declaration(declaration)).values())
    changes = [change for fix in offered for change in fix.changes]
    expected = apply_changes(declaration, changes)
    document = Document(declaration)
    stack = document.undo_stack
    stack.beginMacro("修复")
    for change in plan_changes(document.declaration, changes):
        if isinstance(change, SetField):
            stack.push(SetFieldCommand(document, change.location, change.new, "修复", merge=False))
        elif isinstance(change, Insert):
            stack.push(InsertCommand(document, change.list_location, change.index, change.item, "修复"))
        else:
            stack.push(RemoveCommand(document, change.list_location, change.index, "修复"))
    stack.endMacro()
    assert document.declaration == expected
    stack.undo()
    assert document.declaration == original


# ---- the headline: last year's 番禺 table ------------------------------------------------------
def test_panyu_table_safe_fixes_fill_most_of_the_missing_level2_and_add_no_error():
    declaration = open_declaration(DATA / "panyu-2022-projects.xlsx").declaration
    before = check_declaration(declaration)
    missing = [p for p in before if p.code == "level2-missing"]
    assert len(missing) == 97  # the count, as the checks find it
    current = declaration
    for _ in range(3):
        safe = [fix for fix in fixes_for(current, check_declaration(current)).values() if fix.applies_in_bulk(kind_named=False)]
        current, applied = apply_fixes(current, safe)
        if not applied:
            break
    after = check_declaration(current)
    # 85 %: the names the library files under two 二级 (覆盖率) are offered one by one, not applied (issue 24)
    assert sum(p.code == "level2-missing" for p in after) <= len(missing) * 15 // 100
    assert sum(p.code == "duplicate-project" for p in after) == 0 and len(current.projects) == len(declaration.projects) - 4
    assert errors(current) == errors(declaration)  # the errors it had (values to fill), none added
