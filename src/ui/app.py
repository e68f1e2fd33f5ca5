"""Start the editor: one QApplication, a CJK font, the main window, an optional file."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication


# 宋体/微软雅黑 on office PCs, WenQuanYi on Linux (PLATFORM.md: fallback picks odd faces).
FONT_PREFERENCE = ["Microsoft YaHei", "微软雅黑", "SimSun", "宋体", "WenQuanYi Micro Hei", "Noto Sans CJK SC",
                   "Source Han Sans SC", "PingFang SC"]


def cjk_font_family() -> str | None:
    families = set(QFontDatabase.families())
    for family in FONT_PREFERENCE:
        if family in families:
            return family
    return None


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName("perf-target-editor")
    app.setApplicationName("绩效目标申报编辑器")
    family = cjk_font_family()
    if family:
        app.setFont(QFont(family, 10))
    _install_qt_chinese(app)
    return app


def _install_qt_chinese(app: QApplication) -> None:
    """Qt's own words (确定/取消 on dialog buttons, the print dialogs, file dialogs) in Chinese, as ours are."""
    if app.property("qtChineseInstalled"):
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder):
        app.installTranslator(translator)
        app.setProperty("qtChineseInstalled", True)


def run_editor(argv: list[str]) -> int:
    app = application()
    from .main_window import MainWindow  # after the QApplication, so styles and fonts apply

    window = MainWindow(QSettings())
    window.show()
    restored = window.offer_recovery()
    if argv and not restored:
        window.files.open(argv[0])
    return app.exec()
