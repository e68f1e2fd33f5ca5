"""Headless commands as a clerk or a script runs them: real processes, real files, exit codes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from src.storage.editor_files.json_file import SCHEMA_VERSION, declaration_to_json
from tests.builders import clean_declaration

ROOT = Path(__file__).resolve().parent.parent


def run_main(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def hand_made_file(tmp_path) -> Path:
    """A wrong project total, a 二级 under the wrong 一级, a project without 效益指标 — and nothing else."""
    declaration = clean_declaration()
    declaration.projects[0].funds.total = declaration.projects[0].funds.total + 1
    budget = declaration.department.budget  # keep the department's 项目支出 in step, so only the three show
    budget.project, budget.basic = budget.project + 1, budget.basic - 1
    declaration.projects[0].indicators[0].level2 = "社会效益指标"
    del declaration.projects[1].indicators[2]
    path = tmp_path / "手工 申报.json"
    path.write_bytes(declaration_to_json(declaration))
    return path


def test_check_reports_exactly_the_three_problems(hand_made_file):
    result = run_main("check", str(hand_made_file), "--format", "json")
    assert result.returncode == 1, result.stderr
    problems = json.loads(result.stdout)
    assert sorted((p["code"], p["location"]) for p in problems) == sorted([
        ("project-total-mismatch", "projects[0].funds.total"),
        ("level2-wrong-level1", "projects[0].indicators[0].level2"),
        ("missing-effect-indicator", "projects[1].indicators"),
    ])
    assert all(p["severity"] == "error" and p["message"] for p in problems)


def test_check_text_output_and_clean_file_exit_zero(tmp_path):
    path = tmp_path / "clean.json"
    path.write_bytes(declaration_to_json(clean_declaration()))
    result = run_main("check", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "共 0 个错误" in result.stdout


@pytest.mark.parametrize("content", [b'{"format": "perf-target-declaration", "schema_version": 1, "year": 20', b"hello, not json", b"\xff\xfe\x00garbage"])
def test_unreadable_file_exits_2_with_one_line(tmp_path, content):
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    result = run_main("check", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "broken.json" in result.stderr


def test_newer_schema_version_is_refused(tmp_path):
    document = json.loads(declaration_to_json(clean_declaration()))
    document["schema_version"] = SCHEMA_VERSION + 1
    path = tmp_path / "future.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = run_main("check", str(path))
    assert result.returncode == 2
    assert "更新版本" in result.stderr


def test_convert_json_to_json_normalises(tmp_path, demo_path):
    document = json.loads(demo_path.read_text(encoding="utf-8"))
    document["projects"][0]["funds"]["total"] = 82.6  # readers accept numbers
    document["projects"][0]["indicators"][0]["level1"] = "1-产出"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "out.json"
    result = run_main("convert", str(source), str(target))
    assert result.returncode == 0, result.stderr
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written["projects"][0]["funds"]["total"] == "82.60"
    assert written["projects"][0]["indicators"][0]["level1"] == "产出指标"


def test_convert_never_leaves_partial_output(tmp_path):
    source = tmp_path / "in.json"
    source.write_text("{broken", encoding="utf-8")
    target = tmp_path / "out.json"
    result = run_main("convert", str(source), str(target))
    assert result.returncode == 2
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]


def test_convert_published_xlsx_to_json_and_own_xlsx_back(tmp_path, examples_dir):
    from src.storage.infra.files import open_declaration

    as_json = tmp_path / "天河 2023.json"
    result = run_main("convert", str(examples_dir / "tianhe-2023-projects.xlsx"), str(as_json))
    assert result.returncode == 0, result.stderr
    assert "导入说明" in result.stderr and "合计行" in result.stderr
    as_xlsx = tmp_path / "天河 2023.xlsx"
    assert run_main("convert", str(as_json), str(as_xlsx)).returncode == 0
    back = tmp_path / "back.json"
    assert run_main("convert", str(as_xlsx), str(back)).returncode == 0
    assert open_declaration(back).declaration == open_declaration(as_json).declaration
    assert len(open_declaration(back).declaration.projects) == 22


def test_convert_text_file_named_xlsx_exits_2_without_output(tmp_path):
    fake = tmp_path / "假的.xlsx"
    fake.write_text("不是工作簿", encoding="utf-8")
    result = run_main("convert", str(fake), str(tmp_path / "out.json"))
    assert result.returncode == 2 and "假的.xlsx" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out.json").exists()


def test_check_prints_the_import_notes_on_stderr_and_only_problems_on_stdout(examples_dir, capsys):
    from src.cli import run as run_cli
    from src.storage.infra.files import open_declaration

    source = examples_dir / "panyu-2022-projects.xlsx"
    notes = open_declaration(source).notes
    assert notes, "an imported table has notes"
    run_cli(["check", str(source)])
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert all(line.count("\t") == 3 for line in lines[:-1]) and lines[-1].startswith("共 ")
    assert [line.partition("：")[2] for line in captured.err.splitlines()] == notes
    assert all(line.startswith("导入说明（工作表“Sheet1”") or line.startswith("导入说明：") for line in captured.err.splitlines())
