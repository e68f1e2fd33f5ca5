"""Chinese on every screen of a clerk's journey: open last year's table, fix, next year, compare, print preview,
export — every visible widget, every menu and every dialog on the way is read, and a Latin word outside the
names a clerk knows (PDF, Excel, WPS, Ctrl, F1 …) or a file name fails the test."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTabBar,
    QTextEdit,
    QTreeView,
    QWidget,
)

from src.model import paths
from src.model.check_rules import CHECK_RULES
from tests.helpers.gui import open_in

# Names a clerk reads as names: programs, formats, keys.
ALLOWED = {
    "PDF", "Excel", "WPS", "JSON", "xlsx", "xls", "ods", "csv", "html", "htm", "mht", "txt", "tsv", "HTML",
    "Ctrl", "Shift", "Alt", "Tab", "Enter", "Esc", "Del", "Delete", "Home", "End", "PgUp", "PgDn", "Backspace",
    "Space", "Up", "Down", "Left", "Right", "Ins", "Page", "KiB", "MiB", "GiB",
    "XX",  # the placeholder a check warns about (≥XX%)
    # 关于 names the libraries and their licences as they are called
    "Qt", "PySide", "pydantic", "openpyxl", "python", "calamine", "lxml", "pdfplumber", "pdfminer", "six",
    "defusedxml", "LGPL", "GPL", "MIT", "BSD", "Clause", "Apache", "PSF", "Python", "UOS", "Kylin",
}
# Check codes are identifiers, shown beside their Chinese title for a clerk to quote (检查规则说明, the guide).
CODES = re.compile("|".join(sorted(map(re.escape, CHECK_RULES), key=len, reverse=True)))
# A name quoted from a file (工作表“Sheet1”, 项目“PPP 项目”) is the file's word, not the program's.
_QUOTED = re.compile(r"“[^”]*”")
_FILE_NAME = re.compile(r"[\w\-（）()\[\]·.]+\.(?:xlsx|xlsm|xls|json|pdf|ods|csv|html?|mhtml?|txt|tsv|et|wps|png|ini)\b",
                        re.IGNORECASE)
_SUFFIX = re.compile(r"(?<![A-Za-z0-9])\.[A-Za-z]{2,5}\b")  # a file type said by its ending: .bak, .xlsx
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[/\\][\w\-.（）()]+)+[/\\]?")
_TAG = re.compile(r"<[^>]*>|&[a-z]+;|&#\d+;")
_WORD = re.compile(r"[A-Za-z]{2,}")
_FUNCTION_KEY = re.compile(r"^F\d{1,2}$")


def latin_words(text: str) -> list[str]:
    text = _QUOTED.sub(" ", _FILE_NAME.sub(" ", _TAG.sub(" ", text or "")))
    text = CODES.sub(" ", text)
    text = _SUFFIX.sub(" ", _PATH.sub(" ", text))
    return [word for word in _WORD.findall(text) if word not in ALLOWED and not _FUNCTION_KEY.match(word)]


def _menu_texts(actions, seen) -> list[tuple[str, str]]:
    found = []
    for action in actions:
        if action in seen:
            continue
        seen.add(action)
        found += [("菜单", action.text()), ("菜单提示", action.toolTip()), ("状态栏提示", action.statusTip())]
        if action.menu() is not None:
            found += _menu_texts(action.menu().actions(), seen)
    return found


def _item_view_headers(view: QAbstractItemView) -> list[str]:
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header() if isinstance(
        view, QTreeView) else None
    if header is None or header.isHidden() or view.model() is None:
        return []
    return [str(view.model().headerData(section, Qt.Orientation.Horizontal) or "") for section in range(header.count())]


def screen_words(where: str) -> list[tuple[str, str, str]]:
    """Every text a clerk can see now, with where it was: (step, widget, text)."""
    texts: list[tuple[str, str]] = []
    seen_actions: set[QAction] = set()
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if widget.isWindow():
            texts.append((name, widget.windowTitle()))
        texts.append((name, widget.toolTip()))
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append((name, widget.text()))
        if isinstance(widget, QLineEdit):
            texts.append((name, widget.placeholderText()))  # what a clerk types is hers, not the program's
        if isinstance(widget, (QPlainTextEdit, QTextEdit)) and widget.isReadOnly():
            texts.append((name, widget.toPlainText()))
        if isinstance(widget, QGroupBox):
            texts.append((name, widget.title()))
        if isinstance(widget, QTabBar):
            texts += [(name, widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QComboBox) and not widget.isEditable():
            texts += [(name, widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView):
            texts += [(name, text) for text in _item_view_headers(widget)]
        texts += _menu_texts(QWidget.actions(widget), seen_actions)  # a menu bar's menus and their submenus too
    return [(where, name, text) for name, text in texts if latin_words(text)]


def while_modal(qtbot, action, step: str, found: list, answers: tuple[str, ...] = ("close",)) -> None:
    """Run action, which opens dialogs one after another (modal, or window-modal with open()); read each one's
    words, then answer it as a clerk would: 'accept' (确定, 是), or 'close'."""
    done = []

    def harvest():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog in done:
            QTimer.singleShot(50, harvest)
            return
        found.extend(screen_words(f"{step}：{dialog.windowTitle()}"))
        answer = answers[len(done)]
        done.append(dialog)
        if isinstance(dialog, QMessageBox):
            button = dialog.button(QMessageBox.StandardButton.Yes) if answer == "accept" else None
            button.click() if button is not None else dialog.close()
        elif isinstance(dialog, QDialog):
            dialog.accept() if answer == "accept" else dialog.reject()
        else:
            dialog.close()
        if len(done) < len(answers):
            QTimer.singleShot(50, harvest)

    QTimer.singleShot(50, harvest)
    action()
    qtbot.waitUntil(lambda: len(done) == len(answers), timeout=15000)


def test_latin_words_are_caught():
    assert latin_words("Look in:") == ["Look", "in"]
    assert latin_words("导出 PDF（Ctrl+Shift+E）、F1、番禺2022.xlsx、/tmp/a/b.json、旁边的 .bak 备份") == []
    assert latin_words("Sheet 2：") == ["Sheet"]


@pytest.mark.slow
def test_no_latin_words_on_the_screens_of_a_clerks_journey(window, qtbot, monkeypatch, tmp_path, examples_dir,
                                                           demo_path):
    found: list[tuple[str, str, str]] = []
    window.resize(1280, 820)
    window.show_start_page()
    found += screen_words("起始页")
    last_year = tmp_path / "番禺区司法局2022.xlsx"
    last_year.write_bytes((examples_dir / "panyu-2022-projects.xlsx").read_bytes())
    monkeypatch.setattr(window.files, "tell_import_notes", type(window.files).tell_import_notes.__get__(window.files))
    while_modal(qtbot, lambda: open_in(window, qtbot, last_year), "打开去年的表", found)
    assert window.notes_dock.isVisible()  # the 导入说明 dock, with the file's notes
    found += screen_words("打开后")
    for location in (paths.DEPARTMENT, paths.project(0), paths.indicator(paths.project(0), 0)):
        window.workspace.select_location(location)
        qtbot.wait(20)
        found += screen_words(f"选中 {location}")
    window.problems_view.setFocus()
    panel = window.problems_panel
    for _ in range(window.problems_view.model().rowCount()):  # F8 to the first problem with a fix
        window.next_problem()
        if panel.fixes.plan_for_code(window.problems_view.current_problem().code).fixes:
            break
    while_modal(qtbot, panel.fix_all_current, "修复全部同类问题", found, ("accept",))
    found += screen_words("修复后")
    monkeypatch.setattr(window.files, "ask_unsaved", lambda name: "discard")
    while_modal(qtbot, lambda: window.years.next_year(), "新建下一年度", found)
    assert window.document.declaration.year == 2023  # the journey went where it says
    found += screen_words("下一年度")
    monkeypatch.setattr(window.years, "ask_compare_path", lambda: str(last_year), raising=False)
    assert window.years.compare()
    qtbot.wait(50)
    found += screen_words("与去年比较")
    errors = ("accept",) if window.document.counts()["error"] else ()  # 仍要打印吗？ then the options
    while_modal(qtbot, lambda: window.printing.preview(), "打印预览", found, (*errors, "accept", "close"))
    pdf = tmp_path / "申报.pdf"
    monkeypatch.setattr(window.printing, "ask_pdf_path", lambda: str(pdf))
    while_modal(qtbot, lambda: window.printing.export(), "导出 PDF", found, (*errors, "accept"))
    qtbot.waitUntil(pdf.exists, timeout=30000)
    for name in ("guide", "shortcuts", "checkRules", "about"):  # windows of their own, not modal
        before = set(QApplication.topLevelWidgets())
        window.actions[name].trigger()
        qtbot.wait(50)
        found += screen_words(f"帮助 {name}")
        for opened in set(QApplication.topLevelWidgets()) - before:
            opened.close()
    found += screen_words("结束")
    unique = sorted({(name, text) for _, name, text in found})
    assert not unique, "\n".join(f"{name}: {text[:120]} → {latin_words(text)}" for name, text in unique)
