"""The containers a rendering is written to: the xlsx (openpyxl), the clipboard's TSV (from the same cells), and
.xls/.ods/.html/.pdf made from the xlsx by LibreOffice headless; and what a PDF truly printed.

LibreOffice prints a cell only as far as its row's height lets it: with rows too low for their wrapped text the
PDF holds the first lines of a cell and not the rest. printed_prefixes() reads the PDF's characters in their
stream order (LibreOffice writes a cell's lines together) and finds, for each cell, how much of its text (without
white space) is there; a fact whose text ends beyond that was not printed and is left out of the count.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .facts import Facts, squeeze
from .sheet import Sheet

LO_FORMATS = {"xls": "xls", "ods": "ods", "html": "html", "pdf": "pdf", "xlsx": "xlsx", "docx": "docx",
              "csv": "csv:Text - txt - csv (StarCalc):44,34,76"}  # CSV: comma, double quote, UTF-8
CLIPPED = "not printed: the PDF's row is too low for the cell's wrapped text (LibreOffice prints the first lines only)"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def lo_version() -> str:
    program = soffice()
    if program is None:
        return "LibreOffice not installed"
    done = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=120, check=False)
    return done.stdout.strip()


def convert(sources: list[Path], extension: str, folder: Path, profile: Path, chunk: int = 40) -> list[str]:
    """LibreOffice converts every source (an xlsx, an ods, a docx) into `folder` as .extension, a chunk of files per
    call (one start-up); returns the problems (files it did not write)."""
    program = soffice()
    if program is None:
        raise SystemExit("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui")
    problems = []
    for start in range(0, len(sources), chunk):
        batch = sources[start:start + chunk]
        command = [program, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                   "--convert-to", LO_FORMATS[extension], "--outdir", str(folder), *map(str, batch)]
        try:
            subprocess.run(command, capture_output=True, timeout=60 + 20 * len(batch), check=False)
        except subprocess.TimeoutExpired:
            problems.append(f"soffice timed out converting {len(batch)} files to {extension}")
        for source in batch:
            if not (folder / f"{source.stem}.{extension}").exists():
                problems.append(f"{source.name}: LibreOffice wrote no .{extension}")
    return problems


def write_tsv(sheet: Sheet, path: Path, style: str) -> None:
    """The clipboard's text/plain written as a .tsv file (UTF-8): what a clerk pastes into Notepad and saves."""
    path.write_bytes(sheet.tsv(style).encode("utf-8"))


def stream_text(pdf: Path) -> str:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return "".join(squeeze("".join(c["text"] for c in page.chars)) for page in document.pages)


def printed_prefixes(sheet: Sheet, printed: str) -> dict[tuple[int, int], int]:
    """For each cell, the length of the longest prefix of its squeezed text found in the PDF's text; where that
    prefix begins more cells' texts than the PDF holds it (two projects with the same indicators, one cut in print by
    a row too low), the one found next to its row's other texts (_near_its_row). Rows of other heights print each
    cell whole, in an order across rows and lines (seed 41's p040) that would make a guess of it."""
    texts = {place: squeeze(sheet.display(*place)) for place in sheet.cells}
    texts = {place: text for place, text in texts.items() if text}
    found = {place: _longest_prefix(text, printed) for place, text in texts.items()}
    clipping = sheet.page.row_heights == "clipping"  # rows lower than their text: the only cells printed in part
    for place, text in texts.items():
        length = found[place]
        begun = text[:length]
        if clipping and length >= _LONG and printed.count(begun) < sum(other.startswith(begun) for other in texts.values()):
            found[place] = _near_its_row(place, text, texts, printed, length)  # fewer copies than cells: whose?
    return found


def _longest_prefix(text: str, printed: str) -> int:
    if text in printed:
        return len(text)
    low, high = 0, len(text)  # the prefix of length low is printed; high is not
    while high - low > 1:
        middle = (low + high) // 2
        if text[:middle] in printed:
            low = middle
        else:
            high = middle
    return low


_LONG = 20  # a cell's text printed this far: a wrapped cell's lines, written together (LibreOffice writes cells of
# one line, 2021-2023, apart from the rest of their row: for them, where they stand in the text tells nothing)
_SEED = 4  # characters a cell's printed text begins with, looked for wherever it stands


def _near_its_row(place: tuple[int, int], text: str, texts: dict, printed: str, length: int) -> int:
    """How much of the cell's text is printed where LibreOffice drew it: it writes a wrapped cell's lines together,
    after the wrapped cell before it in its row, so a place its text begins right where another wrapped text of its
    row, printed once, ends (or its text found there ends right where such a text begins) is its own (seed 40's
    p005: 政法网's indicator cell cut after 1-产出指 right after its name, its text printed whole in another project's
    row; the fact was counted as printed). Cells of one line it writes first, all rows' together, and a print in
    strips writes a row's cells pages apart: without such a place, the longest prefix found anywhere."""
    ends, begins = set(), set()
    for (row, column), other in texts.items():
        if row == place[0] and column != place[1] and len(other) >= _LONG:
            begun = other[:_longest_prefix(other, printed)]
            if len(begun) >= _LONG and printed.count(begun) == 1:
                at = printed.find(begun)
                ends.add(at + len(begun))
                begins.add(at)
    seed, after, before = text[:_SEED], [], []
    at = printed.find(seed)
    while at >= 0:
        matched = _matched(text, printed, at)
        if at in ends:
            after.append(matched)
        elif at + matched in begins:  # drawn before its row's wrapped text: another row's may end there by chance
            before.append(matched)
        at = printed.find(seed, at + 1)
    if after:
        return after[0] if len(after) == 1 else length
    return before[0] if len(before) == 1 else length


def _matched(text: str, printed: str, at: int) -> int:
    matched = 0
    while matched < len(text) and at + matched < len(printed) and printed[at + matched] == text[matched]:
        matched += 1
    return matched


def exclude_unprinted(facts: Facts, sheet: Sheet, pdf: Path) -> int:
    """Leave out of the count the facts the PDF did not print; returns how many."""
    prefixes = printed_prefixes(sheet, stream_text(pdf))
    left_out = 0
    for key, anchor in list(facts.anchors.items()):
        text = squeeze(sheet.display(*anchor.cell))
        if not text:
            continue
        needed = len(text) if anchor.end is None else anchor.end
        if prefixes.get(anchor.cell, 0) < needed:
            facts.exclude(key, CLIPPED)
            left_out += 1
    return left_out


def private_profile() -> Path:
    return Path(tempfile.gettempdir()) / "lo-profile-corpus"
