"""Regenerate docs/screenshots: the window's main states (offscreen) and one page of each printed form.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m scripts.screenshots
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from src.storage.files import open_declaration  # noqa: E402
from src.ui.app import application  # noqa: E402
from src.ui.printing import export_pdf  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
DEMO = ROOT / "resources" / "demo-tianhe-2023.json"


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def window_shots() -> None:
    app = application()
    from src.ui.main_window import MainWindow

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
    window_shots()
    pdf_shots()
    print("\n".join(sorted(p.name for p in OUT.glob("*.png"))))
