"""A clerk's first day (issue 22): the finance bureau's 指标库 opened with 文件 → 打开 instead of 编辑 → 导入指标库….
The refusal says what the file is and where it goes, in the window and in the headless commands alike; a
declaration's own indicator table copied alone is no 指标库 and keeps the plain refusal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from src.storage.infra.errors import FileProblem
from src.storage.infra.files import open_declaration
from src.storage.library.bureau_table import NOT_A_DECLARATION

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "tests" / "data" / "library"


@pytest.mark.parametrize("name", ["bureau-library.xlsx", "other-order.xls", "bureau-library.pdf"])
def test_a_library_opened_as_a_declaration_is_named_and_sent_to_its_menu(name):
    with pytest.raises(FileProblem) as refused:
        open_declaration(LIBRARY / name)
    assert refused.value.reason.startswith(NOT_A_DECLARATION), refused.value.reason
    assert "编辑 → 导入指标库…" in str(refused.value)


def test_a_library_saved_as_text_is_named_too(tmp_path):
    text = tmp_path / "指标库.txt"
    text.write_text("一级指标\t二级指标\t三级指标\t指标解释\t指标值\n产出指标\t数量指标\t培训参加人数\t参加培训的人数\t≥100人\n",
                    encoding="utf-8")
    with pytest.raises(FileProblem) as refused:
        open_declaration(text)
    assert refused.value.reason.startswith(NOT_A_DECLARATION)


def test_a_declarations_indicator_table_copied_alone_is_no_library():
    """一级/二级/三级 with 实施周期指标值 and 年度指标值: a department form's rows, not a bureau's 指标库."""
    with pytest.raises(FileProblem) as refused:
        open_declaration(ROOT / "tests" / "data" / "clipboard" / "haizhu-indicators.txt")
    assert NOT_A_DECLARATION not in str(refused.value)
    assert "没有找到项目支出绩效目标表" in refused.value.reason


@pytest.mark.parametrize("command", ["check", "convert"])
def test_the_commands_say_it(command, tmp_path, child_env):
    arguments = [str(LIBRARY / "bureau-library.xlsx")] + ([str(tmp_path / "out.json")] if command == "convert" else [])
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), command, *arguments], capture_output=True, check=False,
                          text=True, encoding="utf-8", env=child_env, timeout=120)
    assert done.returncode != 0
    assert NOT_A_DECLARATION in done.stdout + done.stderr


def test_the_window_says_it_without_calling_the_file_damaged(window, monkeypatch):
    told = []
    monkeypatch.setattr(window.files, "tell_error", lambda title, problem, advice: told.append((title, problem, advice)))
    assert not window.files.open(str(LIBRARY / "bureau-library.xlsx"))
    [(_title, problem, advice)] = told
    assert NOT_A_DECLARATION in str(problem)
    assert "文件完整" not in advice and "当前文档未受影响" in advice


def test_the_indicator_table_of_a_form_the_recognisers_did_not_take_is_no_指标库():
    from src.storage.containers.sheet_grid import Grid
    from src.storage.library.bureau_table import is_library_table

    header = ["一级指标", "二级指标", "三级指标", "指标值"]
    assert is_library_table(Grid("库", [["某区指标库"], header]))
    assert not is_library_table(Grid("表", [["项目名称：", "某项目"], ["主管部门", "某局"], header]))
    assert not is_library_table(Grid("表", [["部门（单位）名称", "某局"], header]))
