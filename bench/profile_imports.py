"""python -m bench.profile_imports [--size M] [--only open_html,open_text] [--top 25] [--runs 3] [--no-profile]

Where the time of importing a published table goes: builds the bench's inputs of one size (bench/generate.py's
declaration, written by the same makers bench/__main__.py uses), times each import beside its floor the way the
bench does (bench.floors, run alternately), then prints cProfile's top entries for one import of each.
PDF is left out unless named in --only: one M-size run takes minutes. .xls/.ods need LibreOffice.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import floors  # noqa: E402
from bench import generate as made  # noqa: E402
from bench.__main__ import IMPORT_TARGETS, SIZES, paired  # noqa: E402

DEFAULT = ("open_html", "open_text", "open_xls", "open_ods")


def build_inputs(size: str, wanted: tuple[str, ...], folder: Path) -> dict[str, tuple[Path, object]]:
    """name → (input file, its floor), made as bench/__main__.import_figures makes them."""
    from src.storage.infra.files import save_declaration

    declaration = made.generate(*SIZES[size])
    inputs: dict[str, tuple[Path, object]] = {}
    writers = {"open_html": ("published.html", made.published_html, floors.lxml_parse),
               "open_text": ("published.txt", made.published_text, floors.csv_rows),
               "open_pdf": ("published.pdf", made.published_pdf, floors.pdfplumber_words)}
    for name, (file_name, write, floor) in writers.items():
        if name in wanted:
            path = folder / file_name
            path.write_bytes(write(declaration))
            inputs[name] = (path, floor)
    spreadsheets = [extension for extension in (".xls", ".ods") if "open_" + extension[1:] in wanted]
    if spreadsheets:
        xlsx = folder / f"{size}.xlsx"
        save_declaration(declaration, xlsx)
        for extension in spreadsheets:
            copy = made.libreoffice_copy(xlsx, extension, folder)
            if copy is None:
                print(f"open_{extension[1:]}: skipped, LibreOffice is not installed", file=sys.stderr)
                continue
            inputs["open_" + extension[1:]] = (copy, floors.calamine_read_all)
    return inputs


def profile(function, top: int) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    function()
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile_imports")
    parser.add_argument("--size", default="M", choices=sorted(SIZES))
    parser.add_argument("--only", default=",".join(DEFAULT), help="comma-separated: " + ",".join(IMPORT_TARGETS))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--no-profile", action="store_true", help="only the timings")
    arguments = parser.parse_args(argv)
    wanted = tuple(name.strip() for name in arguments.only.split(",") if name.strip())
    from src.storage.infra.files import open_declaration

    with tempfile.TemporaryDirectory(prefix="profile-imports-") as folder:
        inputs = build_inputs(arguments.size, wanted, Path(folder))
        print(f"{'figure':<12}{'ours s':>10}{'floor s':>10}{'ratio':>8}  target")
        for name, (path, floor) in inputs.items():
            result = paired(lambda p=path: open_declaration(p), lambda p=path, f=floor: f(p), arguments.runs)
            print(f"{name:<12}{result['value']:>10.4f}{result['floor']:>10.4f}{result['ratio']:>7.2f}×  "
                  f"≤ {IMPORT_TARGETS[name]:g}×", flush=True)
        if not arguments.no_profile:
            for name, (path, _) in inputs.items():
                print(f"\n==== {name} ({path.name}) ====")
                print(profile(lambda p=path: open_declaration(p), arguments.top))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
