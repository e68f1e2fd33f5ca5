"""A corpus's PDFs remade by a virtual PDF printer, as a clerk "prints" a published PDF to a PDF instead of saving it.

`--via gs`: the page as PostScript (`pdftops`), turned into PDF by Ghostscript (`ps2pdf`), as the Windows virtual
printers do (PDFCreator, CutePDF, Bullzip: the printer's PostScript distilled by Ghostscript). `--via cairo`: the
page drawn again through cairo (`pdftocairo -pdf`), as the print dialog's "print to file" of a Linux desktop (统信UOS,
麒麟, GNOME) does. `--via gs-pdf`: Ghostscript distils the PDF itself (`gs -sDEVICE=pdfwrite`, as PDF "printers"
and shrinkers built on it do), which keeps the text's characters where the PostScript path loses them (pdftops
names the glyphs /c01…, so ps2pdf's fonts say no character for any). All remake every page: text re-encoded, bold
glyphs stroked as paths, other clip paths, and the text a clip hid left out. Each copy holds the facts of the PDF
it was made from.

    .venv/bin/python -m scripts.corpus.reprints --via gs build/corpus-seed31 /tmp/reprint-data/corpus-seed31-gs-pdf
    .venv/bin/python -m scripts.measure_corpus /tmp/reprint-data/corpus-seed31-gs-pdf

Needs poppler-utils (pdftops, pdftocairo) and, for gs and gs-pdf, Ghostscript.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .copies import read_manifest, write_copies

SECONDS_PER_FILE = 120
TOOLS = {"gs": ("pdftops", "ps2pdf"), "cairo": ("pdftocairo",), "gs-pdf": ("gs",)}


def commands(pdf: Path, copy: Path, via: str, staged: Path) -> list[list[str]]:
    """The commands that remake pdf as copy by the way via."""
    if via == "cairo":
        return [["pdftocairo", "-pdf", str(pdf), str(copy)]]
    if via == "gs-pdf":
        return [["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", f"-sOutputFile={copy}", str(pdf)]]
    postscript = staged / pdf.with_suffix(".ps").name
    return [["pdftops", str(pdf), str(postscript)], ["ps2pdf", str(postscript), str(copy)]]


def remake(pdf: Path, copy: Path, via: str, staged: Path) -> str | None:
    """Remakes one PDF; returns a problem, or None."""
    for command in commands(pdf, copy, via, staged):
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=SECONDS_PER_FILE, check=False)
        except subprocess.TimeoutExpired:
            return f"{pdf.name}: {command[0]} took over {SECONDS_PER_FILE} s"
        if done.returncode:
            return f"{pdf.name}: {command[0]} failed: {done.stderr.strip()[:200]}"
    return None if copy.exists() and copy.stat().st_size else f"{pdf.name}: no PDF made"


def make_copies(source: Path, out: Path, via: str) -> int:
    manifest = read_manifest(source)
    pdfs = [v for v in manifest["variants"] if v["container"] == "pdf"]
    out.mkdir(parents=True, exist_ok=True)
    problems, variants = [], []
    with tempfile.TemporaryDirectory() as staged:
        for variant in pdfs:
            copy = out / variant["file"]
            problem = remake(source / variant["file"], copy, via, Path(staged))
            if problem:
                problems.append(problem)
                continue
            base, _, kind = variant["id"].rpartition("-")
            variants.append({**variant, "id": f"{base}-{via}{kind}", "knobs": {**variant["knobs"], "reprinted_by": via}})
    return write_copies(out, manifest, f"python -m scripts.corpus.reprints --via {via} {source} {out}", variants,
                        problems, f"PDFs of {source} remade by {via}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--via", choices=tuple(TOOLS), required=True)
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    missing = [tool for tool in TOOLS[args.via] if shutil.which(tool) is None]
    if missing:
        print(f"not installed: {', '.join(missing)}", file=sys.stderr)
        return 2
    return make_copies(args.source, args.out, args.via)


if __name__ == "__main__":
    sys.exit(main())
