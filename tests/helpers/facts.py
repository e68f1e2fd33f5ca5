"""The facts of the example tables (tests/data/*.expected.json) compared with what was read, with the equivalent
readings tests/data/README.md allows."""

from __future__ import annotations

from decimal import Decimal

ONLY_LEVEL2 = {"满意度指标": "服务对象满意度指标"}


def assert_indicator(got, expected: dict, missing=frozenset(), split_target: bool = False) -> None:
    """missing: keys the source does not hold, which must be left empty; split_target: a reader of text may
    split a target written into the name (`人民调解受案率100%`) off as its value (tests/data/README.md)."""
    facts = got.model_dump()
    if (split_target and expected.get("annual_value") is None and facts["annual_value"] and facts["name"]
            and facts["name"] + facts["annual_value"] == expected["name"]):
        facts = {**facts, "name": expected["name"], "annual_value": None}
    for key, value in expected.items():
        if key in missing:
            assert facts[key] is None, (key, facts[key])  # not in the source: left empty, never guessed
        elif key == "level2" and value is None and facts["level1"] in ONLY_LEVEL2:
            assert facts[key] in (None, ONLY_LEVEL2[facts["level1"]])  # README: an equivalent reading
        else:
            assert facts[key] == value, (key, facts, expected)


def amount(text):
    return None if text is None else Decimal(text)


def assert_example_facts(opened, expected: dict, sheet: str | None = None) -> None:
    """Every fact of an expected.json, and the notes naming where the table was found (sheet: the name the
    container gives it, when not the workbook's sheet name)."""
    assert any((sheet or expected["sheet"]) in note and note.startswith("从") for note in opened.notes), opened.notes
    if "header_row" in expected:
        assert any(f"表头在第 {expected['header_row']} 行" in note for note in opened.notes)
    assert_declaration_facts(opened.declaration, expected)


def assert_declaration_facts(declaration, expected: dict, unrecoverable=frozenset(), split_target: bool = False) -> None:
    """Every fact of an expected.json that the declaration itself holds. unrecoverable: ("indicators", index, key)
    of department indicators whose key the source does not hold; split_target: see assert_indicator."""

    def missing(index):
        return {key for (part, i, key) in unrecoverable if part == "indicators" and i == index}

    department = declaration.department
    assert department.name in [expected["department_name"], *expected.get("department_name_aliases", [])]
    assert len(declaration.projects) == expected["project_count"]
    indicators = department.indicators + [i for p in declaration.projects for i in p.indicators]
    assert len(indicators) == expected["indicator_count"]
    assert len(department.tasks) == expected["task_count"]
    for key, value in expected.get("budget", {}).items():
        assert getattr(department.budget, key) == amount(value), key
    if "overall_goal" in expected:
        assert department.overall_goal == expected["overall_goal"]
    for task, facts in zip(department.tasks, expected.get("tasks", []), strict=True):
        assert (task.name, task.content, task.funds, task.expected) == (
            facts["name"], facts["content"], amount(facts["funds"]), facts["expected"])
    if "indicators" in expected:
        for index, (got, facts) in enumerate(zip(department.indicators, expected["indicators"], strict=True)):
            assert_indicator(got, facts, missing(index), split_target)
    if "first_indicator" in expected:
        last = len(department.indicators) - 1
        assert_indicator(department.indicators[0], expected["first_indicator"], missing(0), split_target)
        assert_indicator(department.indicators[-1], expected["last_indicator"], missing(last), split_target)
    for project, facts in zip(declaration.projects, expected["projects"], strict=True):
        assert (project.name, project.unit) == (facts["name"], facts["unit"])
        for key in ("total", "fiscal", "special_account", "other"):
            assert getattr(project.funds, key) == amount(facts[key]), (project.name, key)
        assert len(project.indicators) == facts["indicator_count"], project.name
        assert_indicator(project.indicators[0], facts["first_indicator"], split_target=split_target)
        assert_indicator(project.indicators[-1], facts["last_indicator"], split_target=split_target)
