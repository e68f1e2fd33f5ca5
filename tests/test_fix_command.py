"""`main.py fix IN OUT` and the `fix` key of `check --format json`, on real files."""

import hashlib
import json
import subprocess
import sys

import pytest

from src.cli import run
from src.model.checks import check_declaration
from src.storage.editor_files.json_file import declaration_to_json
from src.storage.infra.files import open_declaration
from tests.builders import clean_declaration
from tests.conftest import DATA, ROOT


def written(tmp_path, declaration, name="申报.json"):
    path = tmp_path / name
    path.write_bytes(declaration_to_json(declaration))
    return path


def codes(path):
    return [(p.code, p.location) for p in check_declaration(open_declaration(path).declaration)]


def two_problems():
    """A 二级 to suggest and a comparator typed as >=, nothing else."""
    declaration = clean_declaration()
    declaration.projects[0].indicators[1].level2 = None
    declaration.projects[1].indicators[0].annual_value = ">=100件"
    return declaration


def test_fix_panyu_table_in_a_real_process(tmp_path):
    source = DATA / "panyu-2022-projects.xlsx"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    target = tmp_path / "番禺 已修复.json"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "fix", str(source), str(target)],
                            capture_output=True, text=True, timeout=120)
    before = codes(source)
    assert result.returncode == 1, result.stderr  # the table's own errors (values to fill in) remain
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stdout.splitlines() if " → " in line]
    assert f"已修改 {len(lines)} 处" in result.stdout
    assert any("将二级指标设为“数量指标”" in line for line in lines)
    after = codes(target)
    missing_before = sum(code == "level2-missing" for code, _ in before)
    # At least 85 % filled in bulk: a name the library files under two 二级 (覆盖率: 数量 to some publishers, 质量 to
    # others) is offered one by one, never applied (issue 24), and stays missing here.
    assert sum(code == "level2-missing" for code, _ in after) <= missing_before * 15 // 100
    errors = lambda path: sorted((p.code, p.location) for p in check_declaration(open_declaration(path).declaration) if p.severity == "error")
    assert errors(target) == errors(source)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == digest  # IN is never written


def test_prints_one_line_per_change_and_exits_zero_when_clean(tmp_path, capsys):
    source = written(tmp_path, two_problems())
    target = tmp_path / "out.json"
    assert run(["fix", str(source), str(target)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        "项目“人民调解经费” › 指标 2“调解成功率” › 二级指标：将二级指标设为“质量指标”：（空） → 质量指标",
        "项目“法律援助经费” › 指标 1“调解案件数” › 年度指标值：改为“≥100件”：>=100件 → ≥100件",
    ]
    assert "已修改 2 处" in out[2] and out[3] == "剩余 0 个错误，0 个警告，0 个提示"
    assert codes(target) == []
    assert codes(source) != []


def test_dry_run_writes_nothing(tmp_path, capsys):
    source = written(tmp_path, two_problems())
    target = tmp_path / "out.json"
    assert run(["fix", str(source), str(target), "--dry-run"]) == 0
    assert "将修改 2 处（未保存）" in capsys.readouterr().out
    assert not target.exists()


def test_only_the_named_codes(tmp_path, capsys):
    source = written(tmp_path, two_problems())
    target = tmp_path / "out.json"
    assert run(["fix", str(source), str(target), "--only", "value-spelling"]) == 0
    assert codes(target) == [("level2-missing", "projects[0].indicators[1].level2")]


def test_a_new_indicator_to_fill_in_only_when_asked(tmp_path, capsys):
    declaration = clean_declaration()
    del declaration.projects[0].indicators[3]
    source = written(tmp_path, declaration)
    target = tmp_path / "out.json"
    assert run(["fix", str(source), str(target)]) == 0  # a warning, left alone unasked
    assert codes(target) == [("missing-satisfaction-indicator", "projects[0].indicators")]
    assert run(["fix", str(source), str(target), "--only", "missing-satisfaction-indicator"]) == 1
    assert codes(target) == [("required", "projects[0].indicators[3].annual_value")]  # the clerk's figure to write


def test_out_may_be_in(tmp_path, capsys):
    source = written(tmp_path, two_problems())
    assert run(["fix", str(source), str(source)]) == 0
    assert codes(source) == []


def test_unknown_code_and_unreadable_file_exit_2(tmp_path, capsys):
    source = written(tmp_path, two_problems())
    assert run(["fix", str(source), str(tmp_path / "out.json"), "--only", "frobnicate"]) == 2
    assert "frobnicate" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert run(["fix", str(broken), str(tmp_path / "out.json")]) == 2
    assert not (tmp_path / "out.json").exists()


def test_check_json_gives_each_problem_its_fix_label_or_null(tmp_path, capsys):
    declaration = two_problems()
    declaration.projects[0].indicators[0].annual_value = "XX"  # a placeholder: no mechanical remedy
    source = written(tmp_path, declaration)
    run(["check", str(source), "--format", "json"])
    problems = json.loads(capsys.readouterr().out)
    assert {p["location"]: p["fix"] for p in problems} == {
        "projects[0].indicators[1].level2": "将二级指标设为“质量指标”",
        "projects[1].indicators[0].annual_value": "改为“≥100件”",
        "projects[0].indicators[0].annual_value": None,
    }
    assert all(set(p) == {"severity", "code", "location", "message", "fix"} for p in problems)


@pytest.mark.parametrize("name", ["resources/demo-tianhe-2023.json", "tests/data/panyu-2022-projects.xlsx",
                                  "tests/data/tianhe-2023-projects.xlsx", "tests/data/haizhu-department.xlsx"])
def test_fix_never_trades_one_error_for_another(tmp_path, capsys, name):
    # 天河's 效益指标 › 服务对象满意度指标 row moved to 满意度指标 left its project with no 效益指标: an error for an error
    source = ROOT / name
    before = [p for p in check_declaration(open_declaration(source).declaration) if p.severity == "error"]
    run(["fix", str(source), str(tmp_path / "fixed.json")])
    after = [p for p in check_declaration(open_declaration(tmp_path / "fixed.json").declaration) if p.severity == "error"]
    assert {(p.code, p.location) for p in after} <= {(p.code, p.location) for p in before}
