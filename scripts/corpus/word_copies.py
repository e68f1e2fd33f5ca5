"""A corpus's Word documents as other producers make them from Word files: saved as web pages or printed to PDF by
LibreOffice Writer, as a clerk or a government site turns a .docx into what it publishes, or saved again as .docx
by Writer (its own XML for the same table, as WPS and Writer users send them). Each copy holds the facts
of the .docx it was made from (Writer grows a row to its text, so a PDF prints every fact; a row may break across
pages, which is part of what is measured).

    .venv/bin/python -m scripts.corpus.word_copies build/corpus-seed26 build/corpus-seed26-word-pdf --to pdf
    .venv/bin/python -m scripts.measure_corpus build/corpus-seed26-word-pdf

Needs soffice with Writer (libreoffice-writer-nogui, or -calc-nogui, which brings Writer's filters here).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from . import containers
from .copies import read_manifest, write_copies



def make_copies(source: Path, out: Path, to: str) -> int:
    manifest = read_manifest(source)
    words = [v for v in manifest["variants"] if v["container"] == "docx"]
    if not words:
        raise SystemExit(f"{source} has no Word documents: python -m scripts.make_corpus --add-word first")
    out.mkdir(parents=True, exist_ok=True)
    documents = [source / v["file"] for v in words]
    with tempfile.TemporaryDirectory() as profile:
        problems = containers.convert(documents, to, out, Path(profile))
    variants = []
    for variant in words:
        copy = out / variant["file"].replace(".docx", f".{to}")
        if not copy.exists():
            continue  # a problem convert() said
        variants.append({**variant, "id": variant["id"].replace("-docx", f"-word{to}"), "file": copy.name,
                         "container": to, "knobs": {**variant["knobs"], "container": to, "made_by": "writer"},
                         "row_offset": None})
    return write_copies(out, manifest, f"python -m scripts.corpus.word_copies {source} {out} --to {to}", variants,
                        problems, f"{to} copies of {source}'s Word documents")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--to", choices=("pdf", "html", "docx"), default="pdf")
    args = parser.parse_args(argv)
    if shutil.which("soffice") is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return 2
    return make_copies(args.source, args.out, args.to)


if __name__ == "__main__":
    sys.exit(main())
