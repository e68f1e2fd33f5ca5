"""`main.py diff OLD NEW`: real files in, text / json / xlsx out, exit codes as diff(1) gives them."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from src.cli import run
from src.model.compare import FUNDS_UP_TARGETS_SAME, INDICATOR_DROPPED, VALUE_LOWERED
from src.model.declaration import FUNDS_LABELS, INDICATOR_LABELS, PROJECT_LABELS
from src.storage.infra.files import open_declaration, save_declaration
from src.storage.reports.diff_xlsx import FILLS, HEADER_ROW, HEADERS, SHEET

ROOT = Path(__file__).resolve().parent.parent
TOTAL = f"{PROJECT_LABELS['funds']} › {FUNDS_LABELS['total']}"


def run_main(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def tianhe(examples_dir) -> Path:
    return examples_dir / "tianhe-2023-projects.xlsx"


@pytest.fixture
def edited_copy(tianhe, examples_dir, tmp_path):
    """The 天河 table saved by the editor with one project removed, one added, one indicator value and one
    project total changed; returns the copy's path and the four changes as the json rows must name them."""
    declaration = open_declaration(tianhe).declaration
    removed = declaration.projects.pop(5)
    added = open_declaration(examples_dir / "panyu-2022-projects.xlsx").declaration.projects[1]
    added.unit = removed.unit
    declaration.projects.append(added)
    valued = declaration.projects[0]
    indicator = valued.indicators[1]
    old_value, indicator.annual_value = indicator.annual_value, "≥80%"
    totalled = declaration.projects[8]
    old_total = totalled.funds.total
    totalled.funds.total = old_total + Decimal("3.33")
    path = tmp_path / "天河 2023 副本.xlsx"
    save_declaration(declaration, path)
    expected = {
        ("removed", "project", removed.name, None, None, None),
        ("added", "project", added.name, None, None, None),
        ("changed", "field", valued.name, indicator.name, INDICATOR_LABELS["annual_value"], (old_value, "≥80%")),
        ("changed", "field", totalled.name, None, TOTAL, (f"{old_total:.2f}", f"{old_total + Decimal('3.33'):.2f}")),
    }
    return path, expected


def rows(changes: list[dict]) -> set[tuple]:
    return {(c["change"], c["what"], c["project"], c["indicator"], c["field"],
             (c["old"], c["new"]) if c["change"] == "changed" else None) for c in changes}


def test_done_when_the_four_changes_and_nothing_else(tianhe, edited_copy):
    copy, expected = edited_copy
    before = digest(tianhe), digest(copy)
    result = run_main("diff", str(tianhe), str(copy), "--format", "json")
    assert result.returncode == 1, result.stderr
    changes = json.loads(result.stdout)
    assert rows(changes) == expected
    assert all(set(c) == {"change", "what", "project", "indicator", "field", "old", "new"} for c in changes)
    assert (digest(tianhe), digest(copy)) == before  # nothing written to the inputs


def test_identical_files_print_an_empty_list_and_exit_0(tianhe, tmp_path):
    same = tmp_path / "same.json"
    save_declaration(open_declaration(tianhe).declaration, same)
    result = run_main("diff", str(tianhe), str(same), "--format", "json")
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "[]", "")


def test_text_output_one_line_per_change(tianhe, edited_copy, capsys):
    copy, expected = edited_copy
    assert run(["diff", str(tianhe), str(copy)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(expected) + 1 and lines[-1].startswith(f"共 {len(expected)} 处不同")
    names = {row[2] for row in expected}
    for name in names:
        assert sum(f"项目“{name}”" in line for line in lines) == 1
    assert sum(line.startswith("删除 项目“") for line in lines) == 1
    assert sum(line.startswith("新增 项目“") for line in lines) == 1
    assert sum(line.startswith("修改 ") and " → " in line for line in lines) == 2


def test_text_output_marks_what_reviewers_ask_about(tmp_path, capsys):
    from tests.builders import clean_declaration

    old, new = clean_declaration(), clean_declaration()
    del new.projects[0].indicators[2]
    new.projects[1].indicators[1].annual_value = "≥90%"  # was ≥95%
    new.projects[1].funds.total += 10
    new.projects[1].funds.fiscal += 10
    old_path, new_path = tmp_path / "2023.json", tmp_path / "2024.json"
    save_declaration(old, old_path)
    save_declaration(new, new_path)
    assert run(["diff", str(old_path), str(new_path)]) == 1
    out = capsys.readouterr().out
    assert f"【{INDICATOR_DROPPED}】" in out and f"【{VALUE_LOWERED}】" in out
    assert f"【{FUNDS_UP_TARGETS_SAME}】" not in out  # a target moved in that project


def test_xlsx_report_reads_back_with_colours_flags_and_filter(tianhe, edited_copy, tmp_path, capsys):
    copy, expected = edited_copy
    report = tmp_path / "比较.xlsx"
    assert run(["diff", str(tianhe), str(copy), "--format", "xlsx", "--output", str(report)]) == 1
    assert "已保存 比较.xlsx" in capsys.readouterr().out
    sheet = load_workbook(report)[SHEET]
    assert [c.value for c in sheet[HEADER_ROW]] == list(HEADERS)
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:J{HEADER_ROW + len(expected)}"
    body = [[c for c in row] for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]
    assert len(body) == len(expected)
    column = {header: index for index, header in enumerate(HEADERS)}
    projects = {row[column["项目"]].value for row in body}
    assert projects == {row[2] for row in expected}
    by_kind = {row[column["变化"]].value: row for row in body if row[column["变化"]].value != "修改"}
    assert by_kind["新增"][column["新值"]].fill.fgColor.rgb == FILLS["added"]
    assert by_kind["删除"][column["原值"]].fill.fgColor.rgb == FILLS["removed"]
    changed = [row for row in body if row[column["变化"]].value == "修改"]
    assert {(row[column["原值"]].value, row[column["新值"]].value) for row in changed} == {e[5] for e in expected if e[5]}
    assert all(row[column["新值"]].fill.fgColor.rgb == FILLS["changed"] for row in changed)
    total_row = next(row for row in changed if row[column["字段"]].value == TOTAL)  # raised, its targets kept
    assert total_row[column["需关注"]].value == FUNDS_UP_TARGETS_SAME


def test_a_value_like_a_formula_stays_text_in_the_report(tmp_path):
    from tests.builders import clean_declaration

    old, new = clean_declaration(), clean_declaration()
    new.projects[0].indicators[0].annual_value = "=100%"
    old_path, new_path, report = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "r.xlsx"
    save_declaration(old, old_path)
    save_declaration(new, new_path)
    assert run(["diff", str(old_path), str(new_path), "--format", "xlsx", "--output", str(report)]) == 1
    cell = next(row for row in load_workbook(report)[SHEET].iter_rows(min_row=HEADER_ROW + 1))[6]
    assert (cell.value, cell.data_type) == ("=100%", "s")


def test_xlsx_needs_an_output_and_never_over_an_input(tianhe, tmp_path, capsys):
    assert run(["diff", str(tianhe), str(tianhe), "--format", "xlsx"]) == 2
    assert "需要用 --output" in capsys.readouterr().err
    victim = tmp_path / "new.json"
    save_declaration(open_declaration(tianhe).declaration, victim)
    before = digest(victim)
    assert run(["diff", str(tianhe), str(victim), "--format", "xlsx", "--output", str(victim)]) == 2
    assert "不能是参与比较的文件" in capsys.readouterr().err and digest(victim) == before


def test_json_to_a_file_with_output(tianhe, edited_copy, tmp_path, capsys):
    copy, expected = edited_copy
    out = tmp_path / "changes.json"
    assert run(["diff", str(tianhe), str(copy), "--format", "json", "--output", str(out)]) == 1
    assert rows(json.loads(out.read_text(encoding="utf-8"))) == expected


def test_an_unusable_file_exits_2_with_a_message(tianhe, tmp_path):
    broken = tmp_path / "坏.json"
    broken.write_bytes(b'{"format": "perf-target-declaration", "schema_version": 1, "year": 20')
    result = run_main("diff", str(tianhe), str(broken))
    assert result.returncode == 2 and "坏.json" in result.stderr and "Traceback" not in result.stderr
    assert run_main("diff", str(tmp_path / "无此文件.json"), str(tianhe)).returncode == 2
