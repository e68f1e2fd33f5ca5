"""`selftest` says what the installation has and exits non-zero naming what is missing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import qVersion

from src import __version__
from src.cli import run
from tests.conftest import ROOT

LIBRARY = ROOT / "resources" / "indicator_library.json"
LIBRARY_V2 = ROOT / "resources" / "indicator_library_v2.json"
pytestmark = pytest.mark.usefixtures("qapp")  # pytest-qt's application, as the rest of the session uses


def library_names() -> int:
    return sum(len(names) for names in json.loads(LIBRARY.read_text("utf-8")).values())


@pytest.fixture
def fresh_library():
    """Both libraries, the completer's names and the suggester cache what they read; each test reads the files
    it set up (a v2 library cached by an earlier test would make a test 'without the library' have one)."""
    from src.model.indicator_library import indicator_library, library_v2, names_by_level2
    from src.model.level2_suggest import bundled_suggester

    caches = (indicator_library, library_v2, names_by_level2, bundled_suggester)
    for cache in caches:
        cache.cache_clear()
    yield
    for cache in caches:
        cache.cache_clear()


def test_selftest_reports_what_this_installation_has(capsys, fresh_library):
    assert run(["selftest"]) == 0
    out = capsys.readouterr().out
    fields = dict(line.split("\t", 1) for line in out.splitlines() if "\t" in line)
    assert fields["版本"] == __version__
    assert fields["Qt"].startswith(qVersion())
    assert fields["指标框架"] == str(ROOT / "src" / "model" / "framework.json")
    assert fields["指标库"] == str(LIBRARY)
    assert fields["指标库条目"].startswith(f"{library_names()}（")
    published = json.loads(LIBRARY_V2.read_text("utf-8"))
    assert fields["指标库 v2"] == str(LIBRARY_V2)
    assert fields["指标库 v2 条目"] == f"{len(published['entries'])}（{len(published['sources'])} 份来源）"
    assert fields["Qt 中文翻译"].startswith("已加载")
    assert fields["打印字体"] and not fields["打印字体"].startswith("无")
    assert out.rstrip().endswith("自检通过")


def test_missing_indicator_libraries_fail_and_are_named(capsys, fresh_library, monkeypatch, tmp_path):
    from src.model import indicator_library

    monkeypatch.setattr(indicator_library, "resource_file", lambda name: tmp_path / name)
    assert run(["selftest"]) == 1
    captured = capsys.readouterr()
    assert "指标库条目\t0（0 类）" in captured.out and "指标库 v2 条目\t0（0 份来源）" in captured.out
    assert "指标库条目" in captured.err and "指标库 v2 条目" in captured.err and captured.err.startswith("缺少：")
    assert "自检通过" not in captured.out


def test_without_the_library_check_and_fix_still_work_on_the_name_rules(capsys, fresh_library, monkeypatch,
                                                                          tmp_path, examples_dir):
    from src.model import indicator_library

    (tmp_path / "indicator_library.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(indicator_library, "resource_file", lambda name: tmp_path / name)
    assert run(["check", str(examples_dir / "panyu-2022-projects.xlsx"), "--format", "json"]) == 1
    assert indicator_library.indicator_library() == {} and indicator_library.library_v2() == {}
    problems = json.loads(capsys.readouterr().out)
    assert any(p["code"] == "level2-missing" and p["fix"] for p in problems), "the name rules alone still suggest"


def test_a_missing_qt_translation_fails_and_is_named(capsys, fresh_library, monkeypatch, tmp_path):
    from PySide6.QtCore import QLibraryInfo

    from src.render import look

    class ElsewhereQt:  # Qt installed without its translations folder, as a trimmed bundle could be
        LibraryPath = QLibraryInfo.LibraryPath

        @staticmethod
        def path(which):
            return str(tmp_path) if which == QLibraryInfo.LibraryPath.TranslationsPath else QLibraryInfo.path(which)

    monkeypatch.setattr(look, "QLibraryInfo", ElsewhereQt)
    assert run(["selftest"]) == 1
    captured = capsys.readouterr()
    assert "Qt 中文翻译\t未找到" in captured.out
    assert "qtbase_zh_CN.qm" in captured.err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig decides the fonts on Linux only")
def test_no_chinese_font_fails_and_is_named(tmp_path, child_env):
    """A PC without any font, as fontconfig sees it through a configuration naming one empty folder."""
    (tmp_path / "fonts").mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{tmp_path / "fonts"}</dir>'
                      f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>', "utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "selftest"], capture_output=True, text=True,
                            env=dict(child_env, FONTCONFIG_FILE=str(config), QT_QPA_PLATFORM="offscreen"),
                            timeout=60)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "打印字体\t无" in result.stdout
    assert "中文字体" in result.stderr.splitlines()[-1]


def test_selftest_is_listed_in_the_usage(capsys):
    with pytest.raises(SystemExit):
        run(["--help"])
    assert "selftest" in capsys.readouterr().out


# ------------------------------------------------------------------------ the launcher knows where it runs

def test_a_command_given_to_the_windowed_program_points_to_the_console_one(qtbot, monkeypatch, tmp_path):
    """On Windows the windowed perf-target-editor.exe has no console (sys.stdout is None)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from src import launcher

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "perf-target-editor.exe"))
    shown = []

    def answer():
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == "useConsoleProgram" and w.isVisible()]
        if not boxes:
            QTimer.singleShot(20, answer)
            return
        shown.append(boxes[0].text())
        boxes[0].accept()

    QTimer.singleShot(0, answer)
    assert launcher.main(["check", "demo.json"]) == launcher.EXIT_USAGE
    assert len(shown) == 1
    assert str(tmp_path / "perf-target.exe") in shown[0] and "check" in shown[0]


def test_no_locale_at_all_gets_utf8_file_names(monkeypatch):
    from src import launcher

    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        monkeypatch.delenv(name, raising=False)
    launcher._use_utf8_when_no_locale()
    assert os.environ.get("LC_CTYPE") == ("C.UTF-8" if os.name != "nt" else None)
    monkeypatch.setenv("LC_CTYPE", "zh_CN.GB18030")  # a clerk's own choice stays
    launcher._use_utf8_when_no_locale()
    assert os.environ["LC_CTYPE"] == "zh_CN.GB18030"


def test_output_in_a_code_page_without_chinese_becomes_utf8(monkeypatch):
    """An English Windows pipes output as cp1252: `check` must print its 错误 lines, not crash."""
    import io

    from src import launcher

    western = io.TextIOWrapper(io.BytesIO(), encoding="cp1252", newline="\n")
    chinese = io.TextIOWrapper(io.BytesIO(), encoding="gbk")
    monkeypatch.setattr(sys, "stdout", western)
    monkeypatch.setattr(sys, "stderr", chinese)
    launcher._output_that_can_print_chinese()
    assert western.encoding == "utf-8"
    assert chinese.encoding == "gbk"  # a Chinese PC's code page stays: its console and Notepad read it
    print("错误", file=western)
    western.flush()
    assert western.buffer.getvalue() == "错误\n".encode("utf-8")
