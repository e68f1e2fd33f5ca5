"""帮助: the guide on F1 at the focused field's entry, the shortcuts and check rules written from the program
itself, 关于; and Qt's own dialogs in Chinese whatever the system locale says."""

import re
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTextBrowser

from src.model import paths
from src.model.check_rules import CHECK_RULES
from src.ui.widgets.guide_browser import guide_anchor
from tests.helpers.gui import field
from tests.helpers.tools import missing


def test_f1_in_a_field_opens_the_guide_at_that_fields_entry(window, qtbot):
    window.workspace.select_location(paths.project(0))
    goal = field(window, "projectGoal")
    goal.setFocus()
    qtbot.waitUntil(goal.hasFocus, timeout=2000)
    qtbot.keyClick(goal, Qt.Key.Key_F1)
    guide = window.findChild(QTextBrowser, "guideBrowser")
    qtbot.waitUntil(lambda: guide is not None and guide.isVisible(), timeout=2000)
    assert guide.source().fileName() == "fields.html" and guide.source().fragment() == "project-goal"
    assert "绩效目标" in guide.toPlainText()
    dialog = window.help.guide
    dialog.search.setText("实施周期")
    assert dialog.find_next()  # the search line finds text on the page
    dialog.chapters.setCurrentRow(3)
    assert guide.source().fileName() == "check-and-fix.html"
    dialog.close()


def test_every_field_location_has_an_entry_in_the_guide():
    from src.bundled import resource_file

    page = resource_file("guide/fields.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'(?:id|name)="([^"]+)"', page))
    project, indicator = paths.project(2), paths.indicator(paths.project(2), 1)
    for location in [paths.YEAR, "department.name", paths.field(paths.BUDGET, "basic"), paths.task(0),
                     paths.field(paths.task(0), "funds"), paths.field(paths.indicator(paths.DEPARTMENT, 0), "name"),
                     paths.field(project, "name"), paths.field(project, "funds.total"), paths.field(project, "goal"),
                     paths.field(project, "period"), paths.indicators(project),
                     *(paths.field(indicator, name) for name in ("level1", "level2", "name", "period_value",
                                                                "annual_value", "previous_annual_value"))]:
        assert guide_anchor(location) in anchors, location


def test_shortcuts_check_rules_and_about_say_what_the_program_has(window):
    shortcuts = window.help.show_shortcuts().findChild(QTextBrowser).toPlainText()
    assert "F8" in shortcuts and "F1" in shortcuts and "Ctrl+Shift+N" in shortcuts
    rules = window.help.show_check_rules().findChild(QTextBrowser).toPlainText()
    assert all(code in rules and rule.remedy[:8] in rules for code, rule in CHECK_RULES.items())
    about = window.help.show_about().findChild(QTextBrowser).toPlainText()
    from src import __version__

    assert __version__ in about and "LGPL" in about and "recovery" in about
    assert [a.objectName() for a in window.help_menu.actions() if a.objectName()] == \
        ["guideAction", "shortcutsAction", "checkRulesAction", "aboutAction"]


_FILE_DIALOG = """
import os, sys, time
from src.ui.controllers.app import application
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QTreeView
app = application()
dialog = QFileDialog(None, "打开", sys.argv[1], "Excel 工作簿 (*.xlsx)")
dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
dialog.setViewMode(QFileDialog.ViewMode.Detail)
dialog.show()
view = dialog.findChild(QTreeView, "treeView")
for _ in range(100):
    app.processEvents()
    if view.model().rowCount(view.rootIndex()):
        break
    time.sleep(0.02)
model, root = view.model(), view.rootIndex()
print("\\n".join(label.text() for label in dialog.findChildren(QLabel) if label.text()))
print("\\n".join(button.text() for button in dialog.findChildren(QPushButton) if button.text()))
print("\\n".join(str(model.index(0, column, root).data()) for column in range(1, model.columnCount(root))))
"""


def test_file_dialogs_are_chinese_under_a_c_locale(tmp_path, child_env, examples_dir):
    (tmp_path / "去年.xlsx").write_bytes((examples_dir / "tianhe-2023-projects.xlsx").read_bytes())
    env = {key: value for key, value in child_env.items() if not key.startswith("LC_")}
    env.update(LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    shown = subprocess.run([sys.executable, "-c", _FILE_DIALOG, str(tmp_path)], capture_output=True, text=True,
                           env=env, timeout=60)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert "查找范围(&L)：" in lines and "文件类型(&T)：" in lines and "取消" in lines, lines
    assert not any(re.search(r"[A-Za-z]{4,}", line) and "Excel" not in line and "KiB" not in line
                   for line in lines), lines  # no English words left (Excel and sizes in KiB are names)
    if "zh_cn.utf8" not in subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower():
        missing("the zh_CN.UTF-8 locale", "apt-get install locales; locale-gen zh_CN.UTF-8 (scripts/setup.sh does so)")
    assert any(re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}", line) for line in lines), lines  # 2026/12/5 16:20


def test_the_guide_ships_with_the_package():
    import tomllib
    from pathlib import Path

    data = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text("utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["perf_target_editor.resources"]
    assert "guide/*.html" in patterns
    assert QApplication.instance() is not None


def test_the_readme_opens_for_a_clerk_in_chinese():
    from pathlib import Path

    text = "\n".join((Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8").splitlines()[:15])
    chinese = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    english_words = len(re.findall(r"[A-Za-z]+", text))
    assert chinese >= 2 * english_words, (chinese, english_words)
    assert "bash scripts/setup.sh" in text and "--lanes all" in text  # the two commands, at once


def test_every_picture_the_guide_shows_is_there():
    from src.bundled import resource_file

    folder = resource_file("guide/index.html").parent
    shown = {src for page in folder.glob("*.html")
             for src in re.findall(r'<img[^>]+src="([^"]+)"', page.read_text(encoding="utf-8"))}
    assert shown and all((folder / src).is_file() for src in shown), sorted(shown)
