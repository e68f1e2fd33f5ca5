"""selftest: what this installation has — version, Qt, data files, the indicator libraries, Qt's Chinese
catalogue, the font printing would use — and an exit code naming what is missing (a missing indicator
library otherwise only shows as an empty completer or as 二级 suggestions on the name rules alone)."""

from __future__ import annotations

import argparse
import sys

from .exits import EXIT_ERRORS, EXIT_OK

NAME = "selftest"
HELP = "检查本程序的运行环境（Qt、数据文件、中文翻译、打印字体）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(arguments: argparse.Namespace) -> int:
    from .. import __version__, bundled
    from ..render.printing import NoChineseFont, ensure_gui_application, print_font_family

    ensure_gui_application()  # offscreen where there is no display: fonts need an application (QtGui's)
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QLibraryInfo, qVersion

    from ..model.indicator_library import indicator_library, library_v2
    from ..render.look import ICON, cjk_font_family, qt_chinese_translator

    missing: list[str] = []
    lines = [f"版本\t{__version__}", f"Python\t{sys.version.split()[0]}",
             f"Qt\t{qVersion()}（PySide6 {pyside_version}）"]

    files = {"指标框架": bundled.package_file("model/framework.json"),
             "指标库": bundled.resource_file(bundled.INDICATOR_LIBRARY),
             "指标库 v2": bundled.resource_file(bundled.INDICATOR_LIBRARY_V2),
             "示例申报": bundled.resource_file(bundled.DEMO),
             "图标": bundled.resource_file(ICON)}
    for label, path in files.items():
        present = path.is_file()
        lines.append(f"{label}\t{path}{'' if present else '（缺失）'}")
        if not present:
            missing.append(f"{label}文件 {path}")

    library = indicator_library()
    names = sum(len(entries) for entries in library.values())
    lines.append(f"指标库条目\t{names}（{len(library)} 类）")
    if not names:
        missing.append("指标库条目（指标名称的自动补全会是空的）")
    published = library_v2()
    entries, sources = len(published.get("entries", [])), len(published.get("sources") or {})
    lines.append(f"指标库 v2 条目\t{entries}（{sources} 份来源）")
    if not entries:
        missing.append("指标库 v2 条目（二级指标的建议只凭名称规则，各行业的指标名称不会补全）")

    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded = qt_chinese_translator() is not None
    lines.append(f"Qt 中文翻译\t{'已加载' if loaded else '未找到'}（{translations}）")
    if not loaded:
        missing.append(f"Qt 的中文翻译 qtbase_zh_CN.qm（{translations}）")
    lines.append(f"Qt 插件\t{QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)}")

    lines.append(f"界面字体\t{cjk_font_family() or '无首选中文字体（用系统默认）'}")
    try:
        lines.append(f"打印字体\t{print_font_family()}")
    except NoChineseFont as problem:
        lines.append(f"打印字体\t无（{problem}）")
        missing.append("中文字体（打印和导出 PDF 需要）")

    print("\n".join(lines))
    if missing:
        print("缺少：" + "；".join(missing), file=sys.stderr)
        return EXIT_ERRORS
    print("自检通过")
    return EXIT_OK
