"""How the program looks wherever Qt draws it — the window, the printed forms, selftest's report: the
Chinese interface font, Qt's own Chinese words, the icon. QtGui/QtCore only, so headless commands use it too."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtGui import QFontDatabase

# 宋体/微软雅黑 on office PCs, WenQuanYi on Linux (PLATFORM.md: fallback picks odd faces).
FONT_PREFERENCE = ["Microsoft YaHei", "微软雅黑", "SimSun", "宋体", "WenQuanYi Micro Hei", "Noto Sans CJK SC",
                   "Source Han Sans SC", "PingFang SC"]
# The .desktop file's base name (packaging/build_app.py): Wayland and GNOME match windows to menu entries by it.
DESKTOP_FILE_NAME = "perf-target-editor"
ICON = "perf-target-editor.png"


def cjk_font_family() -> str | None:
    families = set(QFontDatabase.families())
    for family in FONT_PREFERENCE:
        if family in families:
            return family
    return None


def qt_chinese_translator(parent: QObject | None = None) -> QTranslator | None:
    """Qt's own Chinese catalogue from Qt's translations folder (the bundle's, when frozen), or None."""
    translator = QTranslator(parent)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder):
        return translator
    return None
