"""The editor started as main.py starts it; prints READY{json} once the window is usable.
Run from the repository root:

    python -m bench.window_probe                   → empty window shown, the start page on it (cold start)
    python -m bench.window_probe FILE              → FILE open, tree shown, first project selected
    python -m bench.window_probe FILE --keystrokes → also times keystroke → error style in the 年度指标值 field
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402

from src.ui.controllers.app import application  # noqa: E402


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def keystroke_ms(window, app) -> float:
    from PySide6.QtTest import QTest  # only here: the editor itself never loads QtTest

    workspace = window.workspace
    middle = len(window.document.declaration.projects) // 2
    workspace.select_location(f"projects[{middle}].indicators[1]")
    annual = workspace.indicator_editor.annual
    annual.setFocus()
    annual.setText("≥10%")
    annual.textEdited.emit(annual.text())
    app.processEvents()
    timings = []
    for _ in range(20):
        annual.setCursorPosition(3)
        start = time.perf_counter()
        QTest.keyClick(annual, Qt.Key.Key_5)  # ≥10% → ≥105%: a rate above 100 %
        app.processEvents()
        assert annual.property("severity") == "error", annual.text()
        timings.append(time.perf_counter() - start)
        QTest.keyClick(annual, Qt.Key.Key_Backspace)
        app.processEvents()
        assert annual.property("severity") != "error", annual.text()
    return statistics.median(timings) * 1000


def main() -> None:
    import tempfile

    app = application()
    from src.ui.controllers.main_window import MainWindow

    window = MainWindow(QSettings(str(Path(tempfile.mkdtemp()) / "probe.ini"), QSettings.Format.IniFormat))
    window.show()
    report = {}
    if len(sys.argv) > 1:
        window.files.open(sys.argv[1])
        window.workspace.select_location("projects[0]")
    else:
        window.show_start_page()  # what run_editor shows on a start with no file
    app.processEvents()
    report["peak_rss_mb"] = round(peak_rss_mb(), 1)
    if "--keystrokes" in sys.argv:
        report["keystroke_ms"] = round(keystroke_ms(window, app), 3)
    print("READY" + json.dumps(report), flush=True)
    if window.document is not None:
        window.document.mark_saved()


if __name__ == "__main__":
    main()
