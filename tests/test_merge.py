"""merge: units' files assembled into the department's, in order, each project remembering its file."""

import hashlib
import json
import socket
from decimal import Decimal

import pytest

from src.cli import run as run_cli
from src.commands.exits import EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE
from src.model.checks import check_declaration
from src.model.declaration import Declaration, Department, Funds, Indicator, Project, Review, Task
from src.model.merge import MergeRefused, merge, source_labels
from src.storage.infra import lock
from src.storage.infra.files import open_declaration, save_declaration
from tests.helpers.facts import assert_declaration_facts

SPLIT = (0, 7, 15, 22)  # the 天河 table's 22 projects as three units' files


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _split(whole: Declaration) -> list[Declaration]:
    """Three units' files: the first holds the department form, the second only the department's name, the
    third leaves the name empty, as a unit's clerk may."""
    parts = []
    for number, (start, end) in enumerate(zip(SPLIT, SPLIT[1:])):
        department = whole.department.model_copy(deep=True) if number == 0 else Department(
            name=whole.department.name if number == 1 else None)
        parts.append(Declaration(year=whole.year, department=department,
                                 projects=[p.model_copy(deep=True) for p in whole.projects[start:end]]))
    return parts


@pytest.mark.parametrize("suffixes", [(".json",) * 3, (".xlsx",) * 3, (".xlsx", ".json", ".xlsx")],
                         ids=["json", "xlsx", "mixed"])
def test_the_tianhe_table_split_into_three_units_merges_back_whole(tmp_path, examples_dir, capsys, suffixes):
    whole = open_declaration(examples_dir / "tianhe-2023-projects.xlsx").declaration
    assert whole.projects and len(whole.projects) == SPLIT[-1]
    files = []
    for number, (part, suffix) in enumerate(zip(_split(whole), suffixes), start=1):
        files.append(tmp_path / f"单位{number}{suffix}")
        save_declaration(part, files[-1])
    digests = [_digest(f) for f in files]
    out = tmp_path / "部门.json"

    code = run_cli(["merge", str(out), *map(str, files)])
    printed = capsys.readouterr().out
    merged = open_declaration(out).declaration

    expected = json.loads((examples_dir / "tianhe-2023-projects.expected.json").read_text(encoding="utf-8"))
    assert_declaration_facts(merged, expected)
    assert [p.source_file for p in merged.projects] == [f.name for f, (a, b) in zip(files, zip(SPLIT, SPLIT[1:]))
                                                        for _ in range(a, b)]
    assert [p.model_copy(update={"source_file": None}) for p in merged.projects] == whole.projects
    assert merged.department == whole.department and merged.year == whole.year
    # 项目支出 (the 合计 row, 1,485.34) is checked against the merged projects as usual: they add up
    assert not [p for p in check_declaration(merged) if p.code == "projects-total-vs-budget"]
    assert code == (EXIT_ERRORS if any(p.severity == "error" for p in check_declaration(merged)) else EXIT_OK)
    assert f"部门整体信息取自 {files[0].name}" in printed
    assert all(f"{f.name}：{b - a} 个项目" in printed for f, (a, b) in zip(files, zip(SPLIT, SPLIT[1:])))
    assert [_digest(f) for f in files] == digests


def test_the_project_total_is_checked_against_the_department_as_usual(tmp_path, examples_dir, capsys):
    whole = open_declaration(examples_dir / "tianhe-2023-projects.xlsx").declaration
    first, second, third = _split(whole)
    del third.projects[0]  # a unit forgot a project: the sum no longer meets 项目支出
    files = [tmp_path / "a.json", tmp_path / "b.json", tmp_path / "c.json"]
    for part, path in zip((first, second, third), files):
        save_declaration(part, path)
    run_cli(["merge", str(tmp_path / "out.json"), *map(str, files)])
    assert "projects-total-vs-budget" in capsys.readouterr().out


def _unit(name=None, year=2024, projects=(), **department):
    return Declaration(year=year, department=Department(name=name, **department), projects=list(projects))


def _project(name, unit="区公证处", total="10.00", value="≥10件"):
    return Project(name=name, unit=unit, period="2024年", goal="保障工作", funds=Funds(total=total, fiscal=total),
                   indicators=[Indicator(level1="产出指标", level2="数量指标", name="办件数", annual_value=value)])


def test_the_same_project_identical_in_two_files_is_kept_once():
    merged, notes = merge([(_unit(projects=[_project("公证经费"), _project("调解经费")]), "公证处.json"),
                           (_unit(projects=[_project("公证经费")]), "司法局.json")])
    assert [(p.name, p.source_file) for p in merged.projects] == [("公证经费", "公证处.json"), ("调解经费", "公证处.json")]
    note = next(n for n in notes if "完全相同" in n)
    assert "公证经费" in note and "公证处.json" in note and "司法局.json" in note


def test_the_same_project_different_in_two_files_is_kept_twice_and_named():
    merged, notes = merge([(_unit(projects=[_project("公证经费")]), "公证处.json"),
                           (_unit(projects=[_project("调解经费"), _project("公证经费", total="12.00")]), "司法局.json")])
    assert [(p.name, p.source_file) for p in merged.projects] == [
        ("公证经费", "公证处.json"), ("调解经费", "司法局.json"), ("公证经费", "司法局.json")]
    note = next(n for n in notes if "内容不同" in n)
    assert "第 1 个（来自 公证处.json）" in note and "第 3 个（来自 司法局.json）" in note
    assert [p.code for p in check_declaration(merged)].count("duplicate-project") == 1  # and the checks say it too


def test_copies_under_another_name_are_flagged_and_kept():
    merged, notes = merge([(_unit(projects=[_project("公证经费")]), "a.json"),
                           (_unit(projects=[_project("公证业务经费")]), "b.json")])
    assert len(merged.projects) == 2
    assert any("内容完全相同、名称或单位不同" in n and "“公证业务经费”" in n and "“公证经费”" in n for n in notes)


def test_repeats_inside_one_file_are_left_to_the_checks():
    merged, notes = merge([(_unit(projects=[_project("公证经费"), _project("公证经费")]), "a.json")])
    assert len(merged.projects) == 2 and not any("相同" in n for n in notes)


@pytest.mark.parametrize("first, second, words", [
    (_unit("天河区司法局"), _unit("海珠区司法局"), ["部门名称不一致", "a.json 为“天河区司法局”", "b.json 为“海珠区司法局”"]),
    (_unit(year=2024), _unit(year=2023), ["预算年度不一致", "a.json 为2024 年", "b.json 为2023 年"]),
    (_unit(overall_goal="目标一"), _unit(overall_goal="目标二"), ["a.json 和 b.json 都填写了部门整体信息"]),
])
def test_files_that_disagree_are_refused_naming_them(tmp_path, capsys, first, second, words):
    files = [tmp_path / "a.json", tmp_path / "b.json"]
    for declaration, path in zip((first, second), files):
        save_declaration(declaration, path)
    out = tmp_path / "out.json"
    assert run_cli(["merge", str(out), *map(str, files)]) == EXIT_UNUSABLE
    message = capsys.readouterr().err
    assert message.startswith("无法合并：") and all(word in message for word in words), message
    assert not out.exists()
    with pytest.raises(MergeRefused):
        merge([(first, "a.json"), (second, "b.json")])


def test_empty_names_and_years_agree_with_any_and_a_form_is_taken_from_its_file():
    form = dict(overall_goal="全面履行职能", tasks=[Task(name="普法", funds="5.00")])
    merged, notes = merge([(_unit(None, None, [_project("甲")]), "a.json"),
                           (_unit("天河区司法局", 2024, [_project("乙")], **form), "b.json"),
                           (_unit("天河区司法局", None, [], **form), "c.json")])
    assert (merged.department.name, merged.year, merged.department.overall_goal) == ("天河区司法局", 2024, "全面履行职能")
    assert "部门整体信息取自 b.json" in notes and any("c.json 的部门整体信息与 b.json 的相同" in n for n in notes)
    assert "c.json：没有项目" in notes


def test_a_table_total_as_project_spending_is_no_department_form():
    """An imported 项目支出绩效目标表 puts its 合计 row into 项目支出; two units' tables must still merge."""
    first = _unit(projects=[_project("甲", total="10.00")], budget={"project": "10.00"})
    second = _unit(projects=[_project("乙", total="20.00")], budget={"project": "20.00"})
    merged, notes = merge([(first, "a.xlsx"), (second, "b.xlsx")])
    assert merged.department.budget.project is None and any("都没有部门整体信息" in n for n in notes)


def test_the_open_file_merged_into_keeps_its_own_sources():
    current = _unit(projects=[_project("甲")])
    current.projects[0].source_file = "去年的单位.json"
    merged, _ = merge([(current, None), (_unit(projects=[_project("乙")]), "新单位.json")])
    assert [p.source_file for p in merged.projects] == ["去年的单位.json", "新单位.json"]
    merged.projects[0].funds.total = Decimal("1")
    assert current.projects[0].funds.total == Decimal("10.00")  # the inputs share nothing with the result


def test_review_marks_of_identical_copies_are_kept():
    marked = _project("甲")
    marked.review = [Review.FUNDS]
    merged, _ = merge([(_unit(projects=[_project("甲")]), "a.json"), (_unit(projects=[marked]), "b.json")])
    assert len(merged.projects) == 1 and merged.projects[0].review == [Review.FUNDS]


def test_a_published_table_merges_with_a_units_json(tmp_path, examples_dir, capsys):
    table = examples_dir / "tianhe-2023-projects.xlsx"
    unit = tmp_path / "区法律援助处.json"
    save_declaration(_unit(None, None, [_project("法律援助经费", unit="区法律援助处")]), unit)
    out = tmp_path / "部门.xlsx"
    run_cli(["merge", str(out), str(table), str(unit)])
    printed = capsys.readouterr()
    merged = open_declaration(out).declaration
    whole = open_declaration(table).declaration
    assert len(merged.projects) == len(whole.projects) + 1
    assert merged.projects[-1].source_file == unit.name and merged.projects[0].source_file == table.name
    assert f"导入说明（{table.name}）" in printed.err  # what the import guessed, per file


def test_a_file_a_colleague_has_open_is_read_without_touching_the_lock(tmp_path, monkeypatch):
    unit = tmp_path / "单位.json"
    save_declaration(_unit("天河区司法局", 2024, [_project("甲")]), unit)
    monkeypatch.setattr(socket, "gethostname", lambda: "同事的电脑")
    monkeypatch.setattr(lock, "_user", lambda: "张三")
    lock.acquire(unit)  # the colleague's editor has it open
    monkeypatch.undo()
    lock_file = lock.lock_path(unit)
    held = lock_file.read_bytes()
    assert not lock.read_lock(unit).is_ours

    assert run_cli(["merge", str(tmp_path / "部门.json"), str(unit)]) in (EXIT_OK, EXIT_ERRORS)
    assert lock_file.read_bytes() == held and lock.read_lock(unit).user == "张三"
    assert open_declaration(tmp_path / "部门.json").declaration.projects[0].name == "甲"
    assert not lock.lock_path(tmp_path / "部门.json").exists()


@pytest.mark.parametrize("spelling", ["same", "dotted", "link"])
def test_out_may_not_be_an_input(tmp_path, capsys, spelling):
    files = [tmp_path / "a.json", tmp_path / "b.json"]
    for name, path in zip("甲乙", files):
        save_declaration(_unit(projects=[_project(name)]), path)
    digests = [_digest(f) for f in files]
    out = {"same": files[1], "dotted": tmp_path / "x" / ".." / "b.json", "link": tmp_path / "合并.json"}[spelling]
    if spelling == "link":
        out.symlink_to(files[1])
    assert run_cli(["merge", str(out), *map(str, files)]) == EXIT_UNUSABLE
    assert "不改写输入文件" in capsys.readouterr().err
    assert [_digest(f) for f in files] == digests
    assert not (tmp_path / "b.json.bak").exists()


def test_out_is_replaced_atomically_with_a_backup(tmp_path):
    unit = tmp_path / "a.json"
    save_declaration(_unit(projects=[_project("甲")]), unit)
    out = tmp_path / "部门.json"
    out.write_bytes(b"old")
    run_cli(["merge", str(out), str(unit)])
    assert (tmp_path / "部门.json.bak").read_bytes() == b"old"
    assert open_declaration(out).declaration.projects[0].source_file == "a.json"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_the_same_input_twice_is_read_once(tmp_path, capsys):
    unit = tmp_path / "a.json"
    save_declaration(_unit(projects=[_project("甲")]), unit)
    run_cli(["merge", str(tmp_path / "out.json"), str(unit), str(tmp_path / "." / "a.json")])
    assert "重复给出" in capsys.readouterr().out
    assert len(open_declaration(tmp_path / "out.json").declaration.projects) == 1


def test_sources_are_named_by_file_name_or_by_path_when_names_repeat(tmp_path):
    assert source_labels([tmp_path / "x" / "a.json", tmp_path / "b.json"]) == ["a.json", "b.json"]
    assert source_labels([tmp_path / "单位A" / "申报.json", tmp_path / "单位B" / "申报.json"]) == ["单位A/申报.json", "单位B/申报.json"]


def test_nothing_to_merge_is_refused():
    with pytest.raises(MergeRefused):
        merge([])


def test_the_units_declarations_are_not_changed_by_the_merge():
    first, second = _unit(projects=[_project("甲")]), _unit(projects=[_project("甲"), _project("乙")])
    before = [first.model_copy(deep=True), second.model_copy(deep=True)]
    merged, _ = merge([(first, "a.json"), (second, "b.json")])
    assert [first, second] == before and first.projects[0].source_file is None
    assert [p.source_file for p in merged.projects] == ["a.json", "b.json"]
