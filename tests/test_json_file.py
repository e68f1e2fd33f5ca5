"""The JSON format: stable keys, exact decimals, canonical levels, clear refusals."""

import json
import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from src.model.declaration import Declaration
from src.storage.editor_files.json_file import declaration_from_json, declaration_to_json, read_json
from src.storage.infra.atomic import atomic_write
from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration, save_declaration
from tests.builders import clean_declaration
from tests.strategies import declarations


def test_top_level_keys_and_amount_strings():
    document = json.loads(declaration_to_json(clean_declaration()))
    assert list(document) == ["format", "schema_version", "year", "department", "projects"]
    assert document["format"] == "perf-target-declaration" and document["schema_version"] == 2
    assert list(document["department"]) == ["name", "functions", "budget", "overall_goal", "tasks", "indicators"]
    assert list(document["department"]["budget"]) == ["basic", "project", "special_funds", "other_development",
                                                      "fiscal", "other_income", "own_level", "transfer"]
    assert list(document["projects"][0]) == ["name", "unit", "period", "funds", "goal", "indicators", "source_file", "review"]
    assert list(document["projects"][0]["funds"]) == ["total", "fiscal", "special_account", "other"]
    assert list(document["projects"][0]["indicators"][0]) == ["level1", "level2", "name", "period_value", "annual_value",
                                                              "previous_annual_value"]
    assert document["projects"][0]["funds"]["total"] == "100.00"
    assert document["department"]["functions"] is None


def test_amounts_are_exact_decimals_from_strings_numbers_and_clerk_habits():
    raw = json.loads(declaration_to_json(clean_declaration()))
    raw["projects"][0]["funds"]["total"] = 0.1
    raw["projects"][0]["funds"]["fiscal"] = "1,485.34"
    raw["projects"][0]["funds"]["other"] = "１２．５"
    declaration = declaration_from_json(json.dumps(raw).encode())
    funds = declaration.projects[0].funds
    assert (funds.total, funds.fiscal, funds.other) == (Decimal("0.1"), Decimal("1485.34"), Decimal("12.5"))


@pytest.mark.parametrize("mutate, words", [
    (lambda d: d.update(schema_version=99), "更新版本"),
    (lambda d: d.pop("format"), "不是绩效目标申报文件"),
    (lambda d: d["projects"][0].update(colour="red"), "projects[0].colour"),
    (lambda d: d["projects"][0]["funds"].update(total="一百万"), "projects[0].funds.total"),
    (lambda d: d.update(year="明年"), "year"),
    (lambda d: d.update(projects={"a": 1}), "projects"),
])
def test_bad_content_is_refused_with_a_located_message(mutate, words):
    raw = json.loads(declaration_to_json(clean_declaration()))
    mutate(raw)
    with pytest.raises(FileProblem) as caught:
        declaration_from_json(json.dumps(raw, ensure_ascii=False).encode(), "x.json")
    assert words in str(caught.value)


def test_deeply_nested_json_is_a_file_problem():
    with pytest.raises(FileProblem):
        declaration_from_json(b"[" * 100000 + b"]" * 100000)


def test_save_is_atomic_and_keeps_a_backup(tmp_path):
    path = tmp_path / "申报 2023.json"
    first = clean_declaration()
    save_declaration(first, path)
    second = clean_declaration()
    second.department.name = "新名称"
    save_declaration(second, path)
    assert open_declaration(path).declaration == second
    assert read_json(tmp_path / "申报 2023.json.bak") == first
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_failed_replace_leaves_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    atomic_write(path, b"old")

    def refuse(*_):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FileProblem) as caught:
        atomic_write(path, b"new")
    assert "原文件未改动" in str(caught.value)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "a.json.bak"]


@pytest.mark.parametrize("hard_links", [True, False], ids=["hard-link", "copy"])
def test_backup_holds_the_previous_save_each_time(tmp_path, monkeypatch, hard_links):
    if not hard_links:
        def no_links(*_):
            raise OSError(1, "Operation not permitted")
        monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "a.json"
    for content in (b"first", b"second", b"third"):
        atomic_write(path, content)
    assert path.read_bytes() == b"third"
    assert (tmp_path / "a.json.bak").read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "a.json.bak"]


def _save_into_read_only_folder(folder: Path) -> str:
    path = folder / "a.json"
    atomic_write(path, b"old")
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        atomic_write(path, b"new")
        outcome = "saved into a read-only folder"
    except FileProblem:
        outcome = "FileProblem"
    finally:
        folder.chmod(stat.S_IRWXU)
    return f"{outcome}; content: {path.read_bytes().decode()}"


def test_read_only_folder_save_fails_cleanly(tmp_path):
    """Run by a user the folder's permissions bind. Root writes into any folder, so as root (CI,
    containers) the save runs in a forked child that has become nobody — the test then proves the same."""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        assert _save_into_read_only_folder(tmp_path) == "FileProblem; content: old"
        return
    import pwd
    import tempfile

    nobody = pwd.getpwnam("nobody")
    folder = Path(tempfile.mkdtemp(prefix="read-only-save-"))
    os.chown(folder, nobody.pw_uid, nobody.pw_gid)
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe
        try:
            os.setgroups([])
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            report = _save_into_read_only_folder(folder)
        except BaseException as error:  # noqa: BLE001 - anything goes back to the test as text
            report = f"child failed: {error!r}"
        os.write(writer, report.encode())
        os._exit(0)
    os.close(writer)
    _, status = os.waitpid(child, 0)
    with os.fdopen(reader, "rb") as pipe:
        report = pipe.read().decode()
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    assert status == 0 and report == "FileProblem; content: old", report


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_only_ever_raise_file_problem(data):
    try:
        declaration_from_json(data)
    except FileProblem as problem:
        assert str(problem)


@pytest.mark.parametrize("name", ["demo-tianhe-2023.json", "panyu-2022-projects.xlsx"])
def test_an_opened_declaration_is_settled_in_the_oldest_generation_and_nothing_stays_frozen(demo_path, examples_dir, name):
    """open_declaration moves what it read straight to the oldest generation, so the collector's young passes
    do not walk it again and again, but freezes nothing: a frozen object is never collected, and a replaced
    document's cycles would then stay for good."""
    import gc
    import weakref

    path = demo_path if name == demo_path.name else examples_dir / name

    class Cycle:
        pass

    garbage = Cycle()
    garbage.itself = garbage
    collected = weakref.ref(garbage)
    was_enabled = gc.isenabled()
    gc.disable()  # no automatic collection may promote the declaration in its place
    try:
        declaration = open_declaration(path).declaration
        oldest = {id(thing) for thing in gc.get_objects(generation=2)}
    finally:
        if was_enabled:
            gc.enable()
    project = declaration.projects[-1]
    read = {"declaration": declaration, "department": declaration.department, "projects": declaration.projects,
            "a project": project, "its indicators": project.indicators, "an indicator": project.indicators[-1]}
    assert all(gc.is_tracked(thing) for thing in read.values())
    assert [what for what, thing in read.items() if id(thing) not in oldest] == []
    assert gc.get_freeze_count() == 0
    del garbage
    gc.collect()
    assert collected() is None  # alive while the file was read, dropped since: still collected


@settings(max_examples=40, deadline=None)
@given(declarations)
def test_the_quick_path_reads_exactly_what_the_careful_one_reads(declaration):
    """Fine files go through pydantic's JSON parser in one pass; the careful path stays for the rest."""
    from src.storage.editor_files.json_file import _declaration_from_json_slowly

    raw = declaration_to_json(declaration)
    quick, careful = declaration_from_json(raw), _declaration_from_json_slowly(raw, "x.json")
    assert type(quick) is Declaration and quick == careful == declaration
    assert quick.model_dump(exclude_unset=True) == careful.model_dump(exclude_unset=True)
    assert quick.model_dump_json() == careful.model_dump_json()


@pytest.mark.parametrize("header, words", [
    ('"schema_version": 3', "更新版本"),
    ('"schema_version": true', "schema_version"),
    ('"schema_version": "2"', "schema_version"),
    ('"schema_version": 0', "无效"),
])
def test_files_the_quick_path_refuses_get_the_careful_message(header, words):
    raw = declaration_to_json(clean_declaration()).replace(b'"schema_version": 2', header.encode())
    with pytest.raises(FileProblem) as caught:
        declaration_from_json(raw, "x.json")
    assert words in str(caught.value)
