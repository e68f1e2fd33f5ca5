"""Regenerate docs/screenshots: the window's main states (offscreen) and one page of each printed form.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m scripts.screenshots          # all of them
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m scripts.screenshots years    # next-year, compare, merge only
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m scripts.screenshots fix      # a quick fix offered
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QColor, QInputMethodEvent, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from src.render.printing import export_pdf  # noqa: E402
from src.storage.infra.files import open_declaration  # noqa: E402
from src.ui.controllers.app import application  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
DEMO = ROOT / "resources" / "demo-tianhe-2023.json"


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def window_shots() -> None:
    app = application()
    from src.ui.controllers.main_window import MainWindow

    settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.files.tell_import_notes = lambda *a: None
    window.resize(1360, 860)
    window.show()
    window.files.open(str(DEMO))
    window.workspace.select_location("department")
    settle(app)
    window.grab().save(str(OUT / "department-form.png"))
    window.workspace.select_location("projects[3]")
    window.workspace.tree.expand(window.workspace.tree.currentIndex())
    settle(app)
    window.grab().save(str(OUT / "project-form.png"))
    window.workspace.select_location("projects[1].indicators[3]", focus_field=False)
    annual = window.workspace.indicator_editor.annual
    annual.clear()
    annual.setFocus()
    event = QInputMethodEvent()
    event.setCommitString("不低于105%")
    QApplication.sendEvent(annual, event)
    settle(app)
    window.grab().save(str(OUT / "indicator-form-live-error.png"))
    window.document.undo_stack.setClean()
    window.close()


def _window(app: QApplication):
    from src.ui.controllers.main_window import MainWindow

    settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.files.tell_import_notes = lambda *a: None
    window.resize(1360, 860)
    window.show()
    settle(app)
    return window


def year_shots() -> None:
    """新建下一年度申报, 与其他申报比较 and 合并单位申报 on the demo (天河 2023)."""
    from src.model import paths
    from src.model.declaration import Declaration, Department
    from src.storage.infra.files import save_declaration
    from src.ui.editing import commands, structure_edits

    app = application()
    window = _window(app)
    window.files.open(str(DEMO))
    window.years.next_year()  # 2024, unsaved; the notes box is skipped (tell_import_notes above)
    settle(app)
    window.workspace.select_location("projects[1]")
    window.workspace.tree.expand(window.workspace.tree.currentIndex())
    settle(app)
    window.grab().save(str(OUT / "next-year.png"))

    # The clerk's first edits of 2024, then the comparison with 2023: a value lowered, funds raised with the
    # targets unchanged, a project dropped and one added.
    document = window.document
    commands.set_field(document, "projects[1].indicators[3].annual_value", "≥90", "年度指标值")
    commands.set_field(document, "projects[2].funds.total", document.value("projects[2].funds.total") + 5, "总计")
    commands.set_field(document, "projects[2].funds.fiscal", document.value("projects[2].funds.fiscal") + 5, "财政拨款")
    structure_edits.delete(document, "projects[5]")
    added = structure_edits.add_project(document, None)
    commands.set_field(document, paths.field(added, "name"), "公共法律服务体系建设经费", "项目名称")
    window.years.ask_compare_path = lambda: str(DEMO)
    window.years.compare()
    window.resizeDocks([window.years.compare_dock], [360], Qt.Orientation.Vertical)
    view = window.years.compare_view
    view.tree.setCurrentIndex(view.model.index(0, 0, view.model.index(0, 0)))
    window.workspace.select_location("projects[1].indicators[3]")
    settle(app)
    window.grab().save(str(OUT / "compare.png"))
    document.undo_stack.setClean()
    document.not_on_disk = False
    window.close()

    # Three units' files (the demo's projects split), merged into the first one's.
    whole = open_declaration(DEMO).declaration
    folder = Path(tempfile.mkdtemp())
    bounds = (0, 8, 15, len(whole.projects))
    files = []
    for number, (start, end) in enumerate(zip(bounds, bounds[1:])):
        department = whole.department if number == 0 else Department(name=whole.department.name)
        files.append(folder / f"{('本级', '法律援助处', '公证处')[number]}.json")
        projects = [project.model_copy(deep=True) for project in whole.projects[start:end]]
        if number == 2:  # the 公证处 clerk filed one of 法律援助处's projects too, in other words: a double
            twin = whole.projects[bounds[1]].model_copy(deep=True)
            twin.goal = f"{twin.goal}（公证处补充）"
            projects.append(twin)
        save_declaration(Declaration(year=whole.year, department=department, projects=projects), files[-1])
    window = _window(app)
    window.files.open(str(files[0]))
    shown = []
    window.years.ask_merge_paths = lambda: [str(p) for p in files[1:]]
    window.years.tell_merge_summary = shown.append
    window.years.merge_units()
    settle(app)
    picture = window.grab()
    from src.ui.controllers.merge_units import MergeSummaryDialog

    dialog = MergeSummaryDialog(shown[0], window)
    dialog.show()
    settle(app)
    # The summary is a dialog of its own, which window.grab() leaves out: painted where it opens, centred.
    painter = QPainter(picture)
    box = dialog.grab()
    title = 28
    left, top = (picture.width() - box.width()) // 2, (picture.height() - box.height() - title) // 2
    painter.fillRect(left - 1, top - 1, box.width() + 2, box.height() + title + 2, QColor("#5a5a5a"))
    painter.fillRect(left, top, box.width(), title, QColor("#e8e8e8"))
    painter.drawText(left + 10, top, box.width() - 20, title, Qt.AlignmentFlag.AlignVCenter, dialog.windowTitle())
    painter.drawPixmap(QPoint(left, top + title), box)
    painter.end()
    picture.save(str(OUT / "merge.png"))
    dialog.close()
    window.document.undo_stack.setClean()
    window.close()


def fix_shot() -> None:
    """A quick fix offered: last year's 番禺 table, F8 to its first missing 二级 (button under the list, link
    under the field)."""
    app = application()
    window = _window(app)
    window.files.open(str(ROOT / "tests" / "data" / "panyu-2022-projects.xlsx"))
    settle(app)
    from PySide6.QtTest import QTest

    for _ in range(50):
        window.next_problem()
        QTest.qWait(400)  # the buttons follow the selection after a short delay
        if window.problems_panel.fix_button.isEnabled():
            break
    settle(app)
    window.grab().save(str(OUT / "fix-offered.png"))
    window.document.undo_stack.setClean()
    window.close()


def pdf_shots() -> None:
    declaration = open_declaration(DEMO).declaration
    haizhu = ROOT / "tests" / "data" / "haizhu-department.xlsx"  # the demo has no department form data
    department = open_declaration(haizhu).declaration if haizhu.exists() else declaration
    with tempfile.TemporaryDirectory() as folder:
        for form, page in (("project", 1), ("summary", 1), ("department", 1)):
            pdf = Path(folder) / f"{form}.pdf"
            export_pdf(department if form == "department" else declaration, pdf, form, [1] if form == "project" else None)
            subprocess.run(["pdftoppm", "-r", "70", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                            str(OUT / f"print-{form}")], check=True)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    if sys.argv[1:] == ["years"]:
        year_shots()
    elif sys.argv[1:] == ["fix"]:
        fix_shot()
    else:
        window_shots()
        year_shots()
        fix_shot()
        pdf_shots()
    print("\n".join(sorted(p.name for p in OUT.glob("*.png"))))
