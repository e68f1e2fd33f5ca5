"""Open and save a declaration in whichever format the registry finds; every failure is a FileProblem."""

from __future__ import annotations

import os
from pathlib import Path

from ...model.bulk import settle_as_long_lived
from ...model.declaration import Declaration
from ...model.notes import settled
from ..readers import worker
from . import formats
from .atomic import atomic_write
from .opened import OpenResult
from .progress import Progress


def recognise(path: str | Path) -> formats.FileFormat:
    """The format of the file at path, recognised once (content first, extension second): hand it to
    open_declaration, which then does not look again."""
    return formats.recognise(Path(path))  # refuses first what is no regular file, or too large (preflight)


def open_declaration(path: str | Path, progress: Progress | None = None,
                     found: formats.FileFormat | None = None) -> OpenResult:
    """progress: told (done, total) by the readers that can take long (FileFormat.counts says what they count);
    when it answers False the read stops with progress.Cancelled, and nothing has changed. found: the format
    recognise() gave, when the caller needed it first (for the progress dialog's unit)."""
    result = _read_declaration(Path(path), progress, found)
    settle_as_long_lived()
    return result


def _read_declaration(source: Path, progress: Progress | None, found: formats.FileFormat | None) -> OpenResult:
    found = found or recognise(source)
    result = worker.read(found, source, progress)  # in a worker process: a reader cannot take the caller down
    suffix = source.suffix.lower()
    if suffix not in found.extensions:
        result.notes.insert(0, f"文件扩展名是“{suffix or '无'}”，内容却是{found.label}，已按内容打开")
    # Saving over a file whose name promises another format (or .xlsm, which must hold macros) would
    # give a file its own program refuses; such a file is saved elsewhere, as an imported one is.
    if not result.imported and suffix in found.extensions and suffix not in found.save_extensions:
        result.notes.append(f"本程序不写“{suffix}”文件，保存时请另存为 {found.save_extensions[0]}")
    result.imported = result.imported or suffix not in found.save_extensions
    result.notes = settled(result.notes, result.declaration)
    return result


def declaration_bytes(declaration: Declaration, path: str | Path) -> bytes:
    return formats.for_saving(path).to_bytes(declaration)


def save_declaration(declaration: Declaration, path: str | Path) -> None:
    """Render fully in memory first, so a failure never leaves a partial file."""
    atomic_write(path, declaration_bytes(declaration, path))


def same_file(first: str | Path, second: str | Path) -> bool:
    """Whether two names lead to one file (a link, another spelling of the path); by the path when one is missing."""
    try:
        if Path(first).exists() and Path(second).exists():
            return os.path.samefile(first, second)
    except OSError:
        pass
    return os.path.normcase(os.path.abspath(first)) == os.path.normcase(os.path.abspath(second))


def distinct_paths(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(each file once, in the order given; the names that repeated one already listed)."""
    unique: list[Path] = []
    repeated: list[Path] = []
    for path in paths:
        (repeated if any(same_file(path, seen) for seen in unique) else unique).append(path)
    return unique, repeated
