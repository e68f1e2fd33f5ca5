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


class AcceleratorFallback(QTranslator):
    """Qt 6's file dialog asks for '&Look in:' and 'Files of &type:', but Qt's Chinese catalogue still has
    them without the '&' ('Look in:' → '查找范围：'), so under any locale they showed in English. This finds
    the plain text's translation and gives it the accelerator back: '查找范围(&L)：'."""

    def __init__(self, catalogue: QTranslator, parent: QObject | None = None):
        super().__init__(parent)
        self.catalogue = catalogue

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: N802 - Qt's name
        # None, not "": Qt takes an empty string as a translation and stops asking the other translators.
        if not source or "&" not in source:
            return None
        plain = source.replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = self.catalogue.translate(context, plain, disambiguation, n)
        if not text:
            return None
        letter = source[source.index("&") + 1:source.index("&") + 2].upper()
        tail = "：" if text.endswith(("：", ":")) else ""
        return f"{text[:len(text) - len(tail)]}(&{letter}){tail}" if letter.strip() else text


def chinese_locale() -> QLocale:
    """The program's locale whatever LANG says (C.UTF-8 on a fresh 信创 desktop): dates, sizes and file types
    in the dialogs in Chinese, as the rest of the program is."""
    return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
