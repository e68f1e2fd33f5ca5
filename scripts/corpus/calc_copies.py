"""A corpus's workbooks saved again by LibreOffice Calc, as producers the corpus's own files do not cover.

`--to xlsx`: each .ods saved as .xlsx by Calc 7.4 headless — a workbook as Calc and the office suites like it write
one (shared strings, their own styles and merges), where the corpus's .xlsx are openpyxl's.

`--to csv`: Calc writes each .xlsx's first sheet as CSV (commas,
cells holding a comma, a quote or a line break in quotes, every cell as shown: `1,485.34`, `85%`); the copies then
take turns at how Excel for Chinese Windows saves: "CSV（逗号分隔）" in the ANSI code page (GBK) with CRLF, and "CSV
UTF-8" with a byte-order mark. A merged range gives its text in its first cell, as both write it. Each copy holds
the facts of the workbook it was made from.

    .venv/bin/python -m scripts.corpus.calc_copies build/corpus-seed28 build/corpus-seed28-csv --to csv
    .venv/bin/python -m scripts.corpus.calc_copies build/corpus-seed28 build/corpus-seed28-calc-xlsx --to xlsx
    .venv/bin/python -m scripts.measure_corpus build/corpus-seed28-csv
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from . import containers
from .copies import read_manifest, write_copies

_FROM = {"csv": "xlsx", "xlsx": "ods"}  # what each is saved from
ENCODINGS = ("gbk", "utf-8-bom")


def excel_bytes(text: str, encoding: str) -> bytes:
    """The CSV text as Excel saves it in one of its two CSV encodings."""
    if encoding == "utf-8-bom":
        return "\ufeff".encode("utf-8") + text.encode("utf-8")
    lines = text.replace("\r\n", "\n").split("\n")
    return "\r\n".join(lines).encode("gbk", errors="replace")  # what GBK cannot hold Excel writes as "?"


def make_copies(source: Path, out: Path, to: str) -> int:
    manifest = read_manifest(source)
    books = [v for v in manifest["variants"] if v["container"] == _FROM[to]]
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as staged:
        problems = containers.convert([source / v["file"] for v in books], to, Path(staged), Path(profile))
        variants = []
        for index, variant in enumerate(books):
            made = Path(staged) / variant["file"].replace(f".{_FROM[to]}", f".{to}")
            if not made.exists():
                continue  # a problem convert() said
            knobs = {**variant["knobs"], "container": to, "made_by": "calc"}
            if to == "csv":
                knobs["csv_encoding"] = encoding = ENCODINGS[index % 2]
                text = made.read_text(encoding="utf-8")
                data = excel_bytes(text, encoding)
                if encoding == "gbk" and data.decode("gbk") != text.replace("\r\n", "\n").replace("\n", "\r\n"):
                    problems.append(f"{variant['file']}: characters GBK cannot hold, written as ?")
            else:
                data = made.read_bytes()
            (out / made.name).write_bytes(data)
            variants.append({**variant, "id": variant["id"].replace(f"-{_FROM[to]}", f"-calc{to}"), "file": made.name,
                             "container": to, "knobs": knobs, "row_offset": None if to == "csv" else 0})
    return write_copies(out, manifest, f"python -m scripts.corpus.calc_copies {source} {out} --to {to}", variants,
                        problems, f".{to} copies of {source}'s workbooks")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--to", choices=tuple(_FROM), default="csv")
    args = parser.parse_args(argv)
    if shutil.which("soffice") is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return 2
    return make_copies(args.source, args.out, args.to)


if __name__ == "__main__":
    sys.exit(main())
