"""Make the corpus of published tables the readers are measured on (issue 22, item 6; docs/corpus.md).

Run from the repository root:

    .venv/bin/python -m scripts.make_corpus                 # the whole corpus into build/corpus/ (1,140 files, 2 min)
    .venv/bin/python -m scripts.make_corpus --subset        # the committed subset into tests/data/corpus/
    .venv/bin/python -m scripts.make_corpus --check         # the committed manifest's facts are what this makes

Source declarations (the example tables, the demo, bench.generate's) are rendered as the three published
layouts — 项目支出绩效目标表, 部门整体预算绩效目标申报表, 部门整体绩效目标表 (2019) — under seeded knobs
(scripts/corpus/knobs.py: a random design, every knob drawn, and a one-knob design, a baseline with one knob
changed at a time), each rendering written as .xlsx (openpyxl) and .tsv (the clipboard's text) and
converted by LibreOffice headless to .xls, .ods, .html and .pdf. manifest.json next to the files lists every
variant: its file, form, container, source, knobs, and the facts it holds (derived from the source
declaration; facts the container does not hold are listed apart with the reason). Same seed, same corpus:
the renderings and facts are reproducible; LibreOffice's files differ only in their time stamps.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from scripts.corpus import containers, department_form, form2019, project_table, sources, word_document
from scripts.corpus import knobs as knob_space
from scripts.corpus.facts import Facts
from scripts.corpus.sheet import Sheet

ROOT = Path(__file__).resolve().parent.parent
FULL = ROOT / "build" / "corpus"
SUBSET = ROOT / "tests" / "data" / "corpus"
COUNTS = {"project": 64, "department": 28, "form2019": 16}  # the random design; the one-knob design adds its own
SEED = 22
SUBSET_BASES = 16
MANIFEST = "manifest.json"


@dataclass
class Base:
    id: str
    form: str
    knobs: dict
    source: str
    augmented: list[str]
    sheet: Sheet
    facts: Facts
    design: str = "random"  # random | one-knob
    changed: str | None = None  # one-knob: the knob changed from the baseline (None: the baseline)

    @property
    def size(self) -> int:
        return len(self.sheet.cells)


def render_base(form: str, base_id: str, knobs: dict, seed: int, stream: str | None = None) -> Base:
    """stream: the random stream's name (a string seed: the same on every run and machine); by default the base's
    own. The one-knob bases share theirs, so that they pick the same projects and differ in their knob alone."""
    rng = random.Random(stream or f"{seed}-{base_id}")
    knobs = dict(knobs)
    if form == "project":
        available = {"demo-tianhe-2023": 22, "panyu-2022": 19, "bench": 22}[knobs["source"]]
        count = knob_space.project_count(knobs["projects"], available, rng)
        declaration, augmented = sources.project_declaration(rng, knobs["source"], count)
        sheet, facts = project_table.render(declaration, knobs, rng)
    elif form == "department":
        declaration, augmented = sources.department_declaration(rng, knobs["source"])
        sheet, facts = department_form.render(declaration, knobs, rng)
    else:
        facts_in, augmented = sources.form2019_facts(rng, knobs["source"])
        sheet, facts = form2019.render(facts_in, knobs, rng)
    return Base(base_id, form, knobs, knobs["source"], augmented, sheet, facts)


def plan_bases(seed: int, counts: dict[str, int]) -> list[Base]:
    """The random design (counts renderings of each form, knobs drawn balanced) and the one-knob design."""
    rng = random.Random(seed)
    bases = []
    for form, count in counts.items():
        for number, knobs in enumerate(knob_space.plan(form, count, rng), start=1):
            bases.append(render_base(form, f"{knob_space.PREFIX[form]}{number:03d}", knobs, seed))
    for form in counts:
        for number, (changed, knobs) in enumerate(knob_space.one_knob(form)):
            base = render_base(form, f"{knob_space.PREFIX[form]}x{number:02d}", knobs, seed, f"{seed}-one-knob-{form}")
            base.design, base.changed = "one-knob", changed
            bases.append(base)
    return bases


def choose_subset(bases: list[Base], limit: int) -> list[Base]:
    """The one-knob baselines, and random-design bases that with them show every value of every knob of their form,
    small ones first: a greedy cover of at most `limit` bases."""
    baselines = [b for b in bases if b.design == "one-knob" and b.changed is None]
    bases = [b for b in bases if b.design == "random"]
    wanted = {(b.form, k, v) for b in bases for k, v in b.knobs.items()}
    wanted -= {(b.form, k, v) for b in baselines for k, v in b.knobs.items()}
    chosen: list[Base] = []
    while wanted and len(chosen) < limit:
        best = max((b for b in bases if b not in chosen),
                   key=lambda b: (len({(b.form, k, v) for k, v in b.knobs.items()} & wanted), -b.size))
        gain = {(best.form, k, v) for k, v in best.knobs.items()} & wanted
        if not gain:
            break
        chosen.append(best)
        wanted -= gain
    for form in knob_space.FORMS:  # at least two renderings of each form
        mine = [b for b in chosen if b.form == form]
        others = sorted((b for b in bases if b.form == form and b not in chosen), key=lambda b: b.size)
        chosen.extend(others[:max(0, 2 - len(mine))])
    return sorted(baselines + chosen, key=lambda b: b.id)


def write_corpus(bases: list[Base], folder: Path, seed: int, note: str) -> dict:
    started = time.monotonic()
    if folder.exists():
        for old in folder.iterdir():
            if old.is_file() and old.name != "README.md":
                old.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    workbooks = []
    for base in bases:
        path = folder / f"{base.id}.xlsx"
        base.sheet.workbook().save(path)
        workbooks.append(path)
    tsv_styles = {}
    for index, base in enumerate(bases):
        style = knob_space.TSV_STYLES[index % 2]
        containers.write_tsv(base.sheet, folder / f"{base.id}.tsv", style)
        tsv_styles[base.id] = style
        word_document.write_docx(base.sheet, folder / f"{base.id}.docx", _word_layout(base, index))
    problems: list[str] = []
    profile = containers.private_profile()
    # two soffice at once, each with its own profile: the machine has two cores
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [pool.submit(containers.convert, workbooks, extension, folder, Path(f"{profile}-{extension}"))
                for extension in ("pdf", "xls", "ods", "html")]
        for job in jobs:
            problems.extend(job.result())
    variants = []
    clipped = 0
    for base in bases:
        for container in knob_space.CONTAINERS:
            path = folder / f"{base.id}.{container}"
            if not path.exists():
                continue
            facts = base.facts
            if container == "pdf":
                facts = base.facts.copy()
                clipped += containers.exclude_unprinted(facts, base.sheet, path)
            knobs = {**base.knobs, "container": container}
            if container == "tsv":
                knobs["tsv_style"] = tsv_styles[base.id]
            if container == "docx":
                knobs["word"] = _word_layout(base, bases.index(base))
            variants.append(_variant(base, container, path, knobs, facts))
    manifest = {
        "made_by": "python -m scripts.make_corpus " + note, "seed": seed, "date": datetime.date.today().isoformat(),
        "libreoffice": containers.lo_version(), "bases": len(bases), "problems": problems,
        "seconds": round(time.monotonic() - started, 1), "variants": variants}
    write_manifest(folder, manifest)
    print(f"{len(variants)} variants of {len(bases)} renderings in {folder} ({manifest['seconds']} s); "
          f"{clipped} facts not printed in the PDFs left out; {len(problems)} problems", file=sys.stderr)
    for problem in problems:
        print("  " + problem, file=sys.stderr)
    return manifest


def _variant(base: Base, container: str, path: Path, knobs: dict, facts: Facts) -> dict:
    first_row = base.sheet.used()[0]
    return {
        "id": f"{base.id}-{container}", "file": path.name, "form": base.form, "container": container,
        "source": base.source, "augmented": base.augmented, "design": base.design, "changed": base.changed,
        "knobs": knobs,
        # the rows a note's 第 N 行 counts in: a TSV holds the used range only; a PDF's rows are its own, a Word
        # document's are its table's under the paragraphs above it
        "row_offset": None if container in ("pdf", "docx") else first_row - 1 if container == "tsv" else 0,
        **facts.manifest()}


def _word_layout(base: Base, index: int) -> str:
    """The Word document's layout, each equally often by the rendering's place: a project table in all of them, a
    form (one table laid out as a form) as one table, its cells' lines as paragraphs or line breaks."""
    layouts = knob_space.WORD_LAYOUTS if base.form == "project" else ("one_table", "line_breaks")
    return layouts[index % len(layouts)]


def add_word(bases: list[Base], folder: Path) -> int:
    """The Word documents of a corpus made before they were part of it: a .docx beside each rendering's .xlsx, and
    its variant in the manifest (in the renderings' order, after their other containers). No LibreOffice."""
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    kept = [v for v in manifest["variants"] if v["container"] != "docx"]
    present = {v["id"].rsplit("-", 1)[0] for v in kept}
    added = {}
    for index, base in enumerate(bases):
        if base.id not in present:
            continue
        path = folder / f"{base.id}.docx"
        layout = _word_layout(base, index)
        word_document.write_docx(base.sheet, path, layout)
        added[base.id] = _variant(base, "docx", path, {**base.knobs, "container": "docx", "word": layout}, base.facts)
    variants = []
    for index, variant in enumerate(kept):
        variants.append(variant)
        base_id = variant["id"].rsplit("-", 1)[0]
        following = kept[index + 1]["id"].rsplit("-", 1)[0] if index + 1 < len(kept) else None
        if following != base_id and base_id in added:
            variants.append(added.pop(base_id))
    manifest["variants"] = variants
    write_manifest(folder, manifest)
    print(f"{sum(v['container'] == 'docx' for v in variants)} Word documents in {folder}", file=sys.stderr)
    return 0


def rewrite_text(bases: list[Base], folder: Path) -> int:
    """The .tsv files of a corpus made before, written again by the generator as it is now (its manifest says each
    one's style); nothing else is touched. No LibreOffice."""
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    styles = {v["id"].rsplit("-", 1)[0]: v["knobs"]["tsv_style"] for v in manifest["variants"] if v["container"] == "tsv"}
    written = 0
    for base in bases:
        if base.id in styles:
            containers.write_tsv(base.sheet, folder / f"{base.id}.tsv", styles[base.id])
            written += 1
    print(f"{written} text files written again in {folder}", file=sys.stderr)
    return 0


def write_manifest(folder: Path, manifest: dict) -> None:
    text = json.dumps(manifest, ensure_ascii=False, indent=None, separators=(",", ":")).replace('},{"id"', '},\n{"id"')
    temporary = folder / (MANIFEST + ".new")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(folder / MANIFEST)  # a measurement reading it meanwhile sees the old one or the new one


def check(seed: int, folder: Path) -> int:
    """The committed manifest's facts (PDFs apart: what LibreOffice printed decides theirs) are those the generator
    makes now; 1 when any differ (the sources or the generator changed: make the subset again)."""
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    bases = {b.id: b for b in plan_bases(seed, COUNTS)}
    differing = []
    for variant in manifest["variants"]:
        if variant["container"] == "pdf":
            continue
        base = bases[variant["id"].rsplit("-", 1)[0]]
        if base.facts.manifest()["facts"] != variant["facts"]:
            differing.append(variant["id"])
    print(f"{len(differing)} of {len(manifest['variants'])} variants differ" + (": " + ", ".join(differing[:20]) if differing else ""))
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help=f"folder (default {FULL.relative_to(ROOT)}, or with --subset "
                                                 f"{SUBSET.relative_to(ROOT)})")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--subset", action="store_true", help="only the committed subset")
    parser.add_argument("--subset-bases", type=int, default=SUBSET_BASES)
    parser.add_argument("--check", action="store_true", help="compare the committed manifest with what this makes")
    parser.add_argument("--add-word", action="store_true",
                        help="only write the Word documents (.docx) of a corpus made before they were part of it")
    parser.add_argument("--rewrite-text", action="store_true",
                        help="only write the text files (.tsv) of a corpus made before again")
    args = parser.parse_args(argv)
    if args.check:
        return check(args.seed, args.out or SUBSET)
    started = time.monotonic()
    bases = plan_bases(args.seed, COUNTS)
    print(f"{len(bases)} renderings planned in {time.monotonic() - started:.1f} s", file=sys.stderr)
    if args.add_word:
        return add_word(bases, args.out or (SUBSET if args.subset else FULL))
    if args.rewrite_text:
        return rewrite_text(bases, args.out or (SUBSET if args.subset else FULL))
    if args.subset:
        bases = choose_subset(bases, args.subset_bases)
        folder = args.out or SUBSET
        note = "--subset"
    else:
        folder = args.out or FULL
        note = ""
    if shutil.which("soffice") is None:
        print("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui", file=sys.stderr)
        return 2
    write_corpus(bases, folder, args.seed, note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
