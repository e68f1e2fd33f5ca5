"""The shared ending of the scripts that make a corpus's files again with another producer (browser_prints,
calc_copies, word_copies, reprints): the copies' manifest beside them, so scripts.measure_corpus measures the
folder like any corpus, and a line saying what was made."""

from __future__ import annotations

import json
import sys
from pathlib import Path

MANIFEST = "manifest.json"


def read_manifest(source: Path) -> dict:
    return json.loads((source / MANIFEST).read_text(encoding="utf-8"))


def write_copies(out: Path, manifest: dict, made_by: str, variants: list[dict], problems: list[str] | None,
                 what: str) -> int:
    """Writes the copies' manifest (the source's, with who made them, their problems and their variants) and says
    how many `what` were made; problems None keeps the source's. Returns the exit status."""
    from scripts.make_corpus import write_manifest  # the corpus's own writer (make_corpus imports this package)

    made = {**manifest, "made_by": made_by, "variants": variants}
    if problems is not None:
        made["problems"] = problems
    write_manifest(out, made)
    said = "" if problems is None else f"; {len(problems)} problems"
    print(f"{len(variants)} {what} in {out}{said}", file=sys.stderr)
    for problem in problems or ():
        print("  " + problem, file=sys.stderr)
    return 0
