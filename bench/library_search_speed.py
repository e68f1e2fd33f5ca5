"""python -m bench.library_search_speed [--scale K]: how fast 从指标库添加… answers a keystroke.

The target (issue 24 item 5): ≤ 50 ms per keystroke over the whole library. Queries are typed one character
at a time (the worst case: an input method usually commits a word at once). Printed, per keystroke, median
and worst: the catalogue's search alone, with no filter and with a sector filter, and the browser's whole
answer (search, list reset, details, count line, painted); and once, the first opening (both libraries read
and indexed, the dialog built). --scale K repeats the library K times (numbered names) to show how it grows.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUERIES = ("满意度", "及时率", "资金 到位", "培训人次", "合格率", "垃圾处理", "疫苗接种", "法律援助", "校舍维修", "农田",
           "覆盖率", "服务对象满意度")
TARGET_MS = 50.0


def keystrokes() -> list[str]:
    """Every prefix of every query, as the search field holds it after each key."""
    return [query[:end] for query in QUERIES for end in range(1, len(query) + 1)]


def _figures(values: list[float]) -> dict[str, float]:
    return {"median_ms": round(statistics.median(values) * 1000, 3), "max_ms": round(max(values) * 1000, 3)}


def measure(scale: int = 1) -> dict[str, dict[str, float] | float | int]:
    from PySide6.QtWidgets import QApplication

    from src.model import indicator_library, library_catalogue
    from src.ui.widgets import library_browser as lb

    app = QApplication.instance() or QApplication(sys.argv[:1])
    for cached in (indicator_library.library_v2, indicator_library.indicator_library, library_catalogue.catalogue):
        cached.cache_clear()
    started = time.perf_counter()
    catalogue = library_catalogue.catalogue()
    built = time.perf_counter() - started
    if scale > 1:
        entries = [entry.__class__(**{**entry.__dict__, "name": f"{entry.name}{copy}"})
                   for copy in range(scale) for entry in catalogue.entries]
        catalogue = library_catalogue.Catalogue(entries)
        built = catalogue.build_seconds  # the index alone: the libraries were read above
    started = time.perf_counter()
    browser = lb.LibraryBrowser(entries=catalogue)
    browser.show()
    app.processEvents()
    opened = time.perf_counter() - started + built
    typed = keystrokes()
    alone, sector, shown = [], [], []
    for text in typed:
        started = time.perf_counter()
        catalogue.search(text, own_sector="公安/司法/应急")
        alone.append(time.perf_counter() - started)
        started = time.perf_counter()
        catalogue.search(text, "教育", own_sector="教育")
        sector.append(time.perf_counter() - started)
    for text in typed:
        started = time.perf_counter()
        browser.search.setText(text)
        browser.repaint()
        app.processEvents()
        shown.append(time.perf_counter() - started)
    browser.close()
    return {"entries": len(catalogue.entries), "keystrokes": len(typed), "index_build_ms": round(built * 1000, 2),
            "first_open_ms": round(opened * 1000, 1), "search": _figures(alone), "search_sector": _figures(sector),
            "browser_keystroke": _figures(shown)}


def report(figures: dict) -> str:
    lines = [f"library: {figures['entries']} entries, {figures['keystrokes']} keystrokes; "
             f"index built in {figures['index_build_ms']} ms, first opening {figures['first_open_ms']} ms"]
    for name in ("search", "search_sector", "browser_keystroke"):
        data = figures[name]
        met = "met" if data["max_ms"] <= TARGET_MS else "MISSED"
        lines.append(f"{name:<18} median {data['median_ms']:8.3f} ms   worst {data['max_ms']:8.3f} ms   "
                     f"(target ≤ {TARGET_MS:.0f} ms: {met})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="repeat the library this many times")
    args = parser.parse_args(argv)
    print(report(measure(args.scale)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
