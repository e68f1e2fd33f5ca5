"""python -m bench.profile_imports [--size M] [--only open_html,open_text] [--top 25] [--runs 3] [--no-profile]

Where the time of importing a published table goes: builds the bench's inputs of one size (bench/generate.py's
declaration, written by the same makers bench/__main__.py uses), times each import beside its floor the way the
bench does (bench/__main__.import_figure: the container's parse plus the same declaration built from its JSON, and
the parse alone, run alternately), then prints cProfile's top entries for one import of each.
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

from bench import generate as made  # noqa: E402
from bench.__main__ import IMPORT_TARGETS, SIZES, import_figure  # noqa: E402

DEFAULT = ("open_html", "open_text", "open_xls", "open_ods")


def build_inputs(size: str, wanted: tuple[str, ...], folder: Path) -> dict[str, Path]:
    """name → input file, made as bench/__main__.import_figures makes them."""
    from src.storage.infra.files import save_declaration

    declaration = made.generate(*SIZES[size])
    inputs: dict[str, Path] = {}
    writers = {"open_html": ("published.html", made.published_html),
               "open_text": ("published.txt", made.published_text),
               "open_pdf": ("published.pdf", made.published_pdf)}
    for name, (file_name, write) in writers.items():
        if name in wanted:
            path = folder / file_name
            path.write_bytes(write(declaration))
            inputs[name] = path
    spreadsheets = [extension for extension in (".xls", ".ods") if "open_" + extension[1:] in wanted]
    if spreadsheets:
        xlsx = folder / f"{size}.xlsx"
        save_declaration(declaration, xlsx)
        for extension in spreadsheets:
            copy = made.libreoffice_copy(xlsx, extension, folder)
            if copy is None:
                print(f"open_{extension[1:]}: skipped, LibreOffice is not installed", file=sys.stderr)
                continue
            inputs["open_" + extension[1:]] = copy
    return inputs


def profile(function, top: int) -> str:
    """function profiled with the reader in this process (readers/worker.in_process): cProfile does not see into
    the worker process, whose hand-over (fork, pickling the result, unpickling it here) is then left out."""
    from src.storage.readers import worker

    profiler = cProfile.Profile()
    before, worker.in_process = worker.in_process, True
    try:
        profiler.enable()
        function()
        profiler.disable()
    finally:
        worker.in_process = before
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
        # parse: the container's parse alone, ours over it; in-process: our import with no worker, over the floor
        print(f"{'figure':<12}{'ours s':>10}{'floor s':>10}{'ratio':>8}  target   {'parse s':>10}{'ratio':>8}"
              f"{'in-process s':>14}{'ratio':>8}")
        for name, path in inputs.items():
            result = import_figure(name, path, arguments.runs)
            more = (f"{result['parse_floor']:>10.4f}{result['parse_ratio']:>7.2f}×{result['in_process']:>14.4f}"
                    f"{result['in_process_ratio']:>7.2f}×" if result.get("parse_floor") else f"{'(floor)':>10}")
            print(f"{name:<12}{result['value']:>10.4f}{result['floor']:>10.4f}{result['ratio']:>7.2f}×  "
                  f"≤ {IMPORT_TARGETS[name]:g}×   {more}", flush=True)
        if not arguments.no_profile:
            for name, path in inputs.items():
                print(f"\n==== {name} ({path.name}) ====")
                print(profile(lambda p=path: open_declaration(p), arguments.top))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
