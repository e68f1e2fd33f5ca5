"""What goes into the frozen bundle and what is left out — one list, read by the spec and by the checks
in build_app.py and tests/test_frozen_app.py. Paths are relative to the bundle's _internal/ folder,
with forward slashes."""

from __future__ import annotations

import fnmatch
import sys

APP_NAME = "perf-target-editor"  # the GUI executable, the folder under dist/, the .deb, the icon name
CONSOLE_NAME = "perf-target"  # the console executable for check/convert/pdf
DISPLAY_NAME = "绩效目标申报编辑器"
PUBLISHER = "perf-target-editor"

# Python packages never needed at run time. pydantic's hook pulls in pydantic.v1 (and through its
# _hypothesis_plugin the whole of hypothesis); the editor uses pydantic v2 only.
EXCLUDED_MODULES = [
    "hypothesis", "pytest", "_pytest", "pytestqt", "pluggy", "iniconfig",
    "pydantic.v1", "tkinter", "_tkinter", "unittest", "pydoc_data",
    "setuptools", "pkg_resources", "_distutils_hack", "pip", "PyInstaller",
    "tests", "bench", "scripts",
    # parts of the PDF/web-page import's libraries it does not use (pdfplumber renders no images; lxml's
    # etree and html parse pages): Pillow's AVIF/WebP/Tk codecs (~6 MB with their libraries), lxml.objectify
    # and the HTML diff (~3.6 MB). Pillow skips a missing codec plugin when it registers formats.
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL.ImageTk", "PIL._imagingtk",
    "lxml.objectify", "lxml.html.diff", "lxml.html._difflib", "lxml.isoschematron",
    # Qt modules the editor does not import (Core, Gui, Widgets and PrintSupport stay)
    "PySide6.QtNetwork", "PySide6.QtDBus", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtSvg", "PySide6.QtSvgWidgets",
    "PySide6.QtTest", "PySide6.QtUiTools", "PySide6.QtXml", "PySide6.QtSql", "PySide6.QtConcurrent",
    "PySide6.QtDesigner", "PySide6.QtHelp",
]

# PyInstaller run-time hooks left out. pyi_rth_pyside6 imports PySide6.QtCore at every start — Qt's core
# library, ICU and PySide's import hook, ~0.1 s — even for `check` and `convert`, which never use Qt. What it
# does beyond that import is not needed with the PyPI wheel: the wheel's QtCore registers its own qt.conf
# (prefix = the folder it was loaded from), and packaging/entry.py sets QT_PLUGIN_PATH as the hook did.
DROPPED_RUNTIME_HOOKS = ["pyi_rth_pyside6"]

# PySide6 keeps Qt under PySide6/Qt/ on Linux and directly under PySide6/ on Windows (so does PyInstaller).
QT_DIR = "PySide6/" if sys.platform == "win32" else "PySide6/Qt/"
QT_PLUGINS = QT_DIR + "plugins/"
QT_TRANSLATIONS = QT_DIR + "translations/"

# Qt plugins dropped, as globs under PySide6/Qt/plugins/ (Linux lib*.so and Windows *.dll names).
# Kept: platforms xcb (X11, also under XWayland), offscreen and minimal; windows on Windows; xcb's GL
# integrations; the compose and ibus input contexts (fcitx5 also speaks ibus); the xdg-desktop-portal
# theme; printsupport (CUPS); Windows styles; the ico, gif and jpeg image readers.
DROPPED_PLUGINS = [
    "platforms/*qwayland*", "platforms/*qeglfs*", "platforms/*qminimalegl*", "platforms/*qvnc*",
    "platforms/*qlinuxfb*", "platforms/*qvkkhrdisplay*", "platforms/*qdirect2d*",
    "wayland-*/*", "egldeviceintegrations/*", "generic/*", "tls/*", "networkinformation/*",
    "platformthemes/*qgtk3*", "iconengines/*", "platforminputcontexts/*qtvirtualkeyboard*",
    "imageformats/*qsvg*", "imageformats/*qpdf*", "imageformats/*qicns*", "imageformats/*qtga*",
    "imageformats/*qtiff*", "imageformats/*qwbmp*", "imageformats/*qwebp*",
    "sqldrivers/*", "qmltooling/*", "qmllint/*", "designer/*", "vectorimageformats/*",
]

# Qt's translations: only the Chinese ones the editor loads (qtbase) and their umbrella catalogue.
KEPT_TRANSLATIONS = ["qt_zh_CN.qm", "qtbase_zh_CN.qm"]

# What the bundle must hold (checked after every build). "|" separates alternatives.
REQUIRED_LINUX = [
    "src/model/framework.json", "resources/indicator_library.json", "resources/indicator_library_v2.json",
    "resources/demo-tianhe-2023.json",
    "resources/perf-target-editor.png", "resources/guide/index.html", "resources/guide/fields.html",
    QT_TRANSLATIONS + "qtbase_zh_CN.qm", QT_TRANSLATIONS + "qt_zh_CN.qm",
    QT_PLUGINS + "platforms/libqxcb.so", QT_PLUGINS + "platforms/libqoffscreen.so",
    QT_PLUGINS + "printsupport/libcupsprintersupport.so",
    QT_PLUGINS + "platforminputcontexts/libibusplatforminputcontextplugin.so",
    QT_PLUGINS + "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "PySide6/QtPrintSupport.abi3.so", "PySide6/QtWidgets.abi3.so",
]
REQUIRED_WINDOWS = [
    "src/model/framework.json", "resources/indicator_library.json", "resources/indicator_library_v2.json",
    "resources/demo-tianhe-2023.json",
    "resources/perf-target-editor.png", "resources/guide/index.html", "resources/guide/fields.html",
    QT_TRANSLATIONS + "qtbase_zh_CN.qm", QT_TRANSLATIONS + "qt_zh_CN.qm",
    QT_PLUGINS + "platforms/qwindows.dll", QT_PLUGINS + "platforms/qoffscreen.dll",
    "PySide6/QtPrintSupport.pyd", "PySide6/QtWidgets.pyd",
]
# Names (globs on any path part) that must not be in the bundle.
FORBIDDEN = ["hypothesis", "_pytest", "pytest", "tkinter", "_tkinter*", "unittest", "pydantic/v1",
             "libQt6Network*", "libQt6Qml*", "libQt6Quick*", "libQt6Svg*", "libQt6OpenGL*", "libQt6Test*",
             "libQt6Wayland*", "libgtk-3*", "Qt6Network.dll", "Qt6Qml*.dll", "Qt6Quick*.dll", "Qt6Svg*.dll",
             "Qt6OpenGL*.dll", "Qt6Test.dll", "opengl32sw.dll"]


def is_dropped_plugin(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    if not dest.startswith(QT_PLUGINS):
        return False
    return any(fnmatch.fnmatch(dest[len(QT_PLUGINS):], pattern) for pattern in DROPPED_PLUGINS)


def is_dropped_translation(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    return dest.startswith(QT_TRANSLATIONS) and dest[len(QT_TRANSLATIONS):] not in KEPT_TRANSLATIONS


def forbidden_parts(relative_paths) -> list[str]:
    """The paths of the bundle (relative, any slashes) that match FORBIDDEN."""
    found = []
    for path in relative_paths:
        parts = path.replace("\\", "/").split("/")
        joined = "/".join(parts)
        if any(fnmatch.fnmatch(part, pattern) for part in parts for pattern in FORBIDDEN if "/" not in pattern) \
                or any(pattern in joined for pattern in FORBIDDEN if "/" in pattern):
            found.append(path)
    return found
