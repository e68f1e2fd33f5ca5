"""The second hostile run (issue 23 item 7): real files of every container, damaged the ways files get damaged.

The first run's cases (generate.py) were each a tester's idea; these are many, made by rule from the files in
tests/data, so that a reader meets damage nobody wrote a case for. Every mutation is seeded and named after
what it did, so a failure can be remade: `python -m tests.hostile.mutate OUT_DIR` writes them all.

The mutations, per source file:
- cut: the file ends at 1 %, 10 %, 30 %, 50 %, 70 %, 90 % and 99.9 % of its length (a download or copy that stopped);
- flipped: 1, 4, 16, 64 and 256 bytes flipped at seeded places (a bad disk, a bad transfer);
- zeroed: a run of 4 KB set to zero in the middle (a sector lost);
- doubled: the second half repeated (a resumed download appended twice);
- emptied: the first 512 bytes zeroed (a header lost);
- disguised: another container's bytes under this file's name.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Iterator

DATA = Path(__file__).resolve().parents[1] / "data"

# One or two real files of every container the editor opens.
SOURCES = (
    "tianhe-2023-projects.xlsx", "haizhu-department.xlsx", "containers/panyu-2022-projects.xls",
    "containers/tianhe-2023-projects.ods", "containers/date.xlsb", "html/tianhe-2023-projects.html",
    "html/tianhe-2023-projects.mht", "pdf/tianhe-2023-projects.pdf", "pdf/editor-haizhu-department.pdf",
    "text/panyu-2022-projects.pdftotext-raw.txt", "schema/demo-tianhe-2023.v1.json",
)
CUTS = (0.01, 0.10, 0.30, 0.50, 0.70, 0.90, 0.999)
FLIPS = (1, 4, 16, 64, 256)


def mutations(source: Path, seed: int = 23) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every mutation of one file; the name says what was done."""
    data = source.read_bytes()
    random_ = random.Random(f"{seed}:{source.name}")
    for share in CUTS:
        yield f"cut-{share:g}", data[:max(1, int(len(data) * share))]
    for count in FLIPS:
        damaged = bytearray(data)
        for offset in random_.sample(range(len(data)), min(count, len(data))):
            damaged[offset] ^= 1 << random_.randrange(8)
        yield f"flipped-{count}", bytes(damaged)
    middle = len(data) // 2
    yield "zeroed", data[:middle] + bytes(min(4096, len(data) - middle)) + data[middle + 4096:]
    yield "doubled", data + data[middle:]
    yield "emptied", bytes(min(512, len(data))) + data[512:]


def disguised(sources: list[Path]) -> Iterator[tuple[str, bytes]]:
    """Each file's bytes under the next file's extension: a workbook named .pdf, a PDF named .html…"""
    for this, other in zip(sources, sources[1:] + sources[:1]):
        if this.suffix != other.suffix:
            yield f"{this.stem}.disguised{other.suffix}", this.read_bytes()


def write_all(folder: Path) -> list[Path]:
    """Every mutation of every source into folder; the written paths, in a stable order."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [DATA / name for name in SOURCES]
    written = []
    for source in sources:
        for name, data in mutations(source):
            path = folder / f"{source.stem}.{name}{source.suffix}"
            path.write_bytes(data)
            written.append(path)
    for name, data in disguised(sources):
        path = folder / name
        path.write_bytes(data)
        written.append(path)
    return written


if __name__ == "__main__":
    made = write_all(Path(sys.argv[1]))
    print(f"{len(made)} files in {sys.argv[1]}")
