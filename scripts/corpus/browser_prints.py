"""A corpus's web pages printed to PDF by a browser, as a clerk saves a table published on a government site.

Chromium headless prints each `.html` of a corpus (LibreOffice's web page of the table) with its print-to-PDF:
Skia's PDF, the browser's own line breaks and page breaks, no ruling lines unless the page draws them. The copies
take turns at the two ways a clerk prints: with the browser's header and footer (date, title, file address, page
numbers), and without. A browser grows every row to its text, so each copy holds the facts of the web page it was
printed from.

    .venv/bin/python -m scripts.corpus.browser_prints build/corpus-seed31 build/corpus-seed31-browser-pdf
    .venv/bin/python -m scripts.measure_corpus build/corpus-seed31-browser-pdf

Needs Chromium (Debian: `apt-get install chromium`).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from .copies import read_manifest, write_copies

SECONDS_PER_FILE = 120


def browser() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def print_page(page: Path, pdf: Path, with_margins_text: bool) -> str | None:
    """Prints one web page; returns a problem, or None."""
    command = [browser(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               f"--print-to-pdf={pdf}", page.resolve().as_uri()]
    if not with_margins_text:
        command.insert(-1, "--no-pdf-header-footer")
    try:
        subprocess.run(command, capture_output=True, timeout=SECONDS_PER_FILE, check=False)
    except subprocess.TimeoutExpired:
        return f"{page.name}: the browser took over {SECONDS_PER_FILE} s"
    return None if pdf.exists() and pdf.stat().st_size else f"{page.name}: no PDF printed"


def make_copies(source: Path, out: Path) -> int:
    manifest = read_manifest(source)
    pages = [v for v in manifest["variants"] if v["container"] == "html"]
    out.mkdir(parents=True, exist_ok=True)
    problems, variants = [], []
    for index, variant in enumerate(pages):
        margins_text = index % 2 == 0
        pdf = out / Path(variant["file"]).with_suffix(".pdf").name
        problem = print_page(source / variant["file"], pdf, margins_text)
        if problem:
            problems.append(problem)
            continue
        knobs = {**variant["knobs"], "container": "pdf", "made_by": "chromium",
                 "browser_header_footer": "yes" if margins_text else "no"}
        variants.append({**variant, "id": variant["id"].replace("-html", "-browserpdf"), "file": pdf.name,
                         "container": "pdf", "knobs": knobs, "row_offset": None})
    return write_copies(out, manifest, f"python -m scripts.corpus.browser_prints {source} {out}", variants, problems,
                        f"browser prints of {source}'s web pages")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if browser() is None:
        print("Chromium is not installed", file=sys.stderr)
        return 2
    return make_copies(args.source, args.out)


if __name__ == "__main__":
    sys.exit(main())
