"""The clerk's local library, one JSON file on this computer (where is the ui's to say: QStandardPaths'
AppDataLocation): the finance bureaus' 指标库 the clerk imported, each with its file's name and the day it was
imported, and 我的指标 — the indicators (name, 一级, 二级, unit) of the declarations the clerk opened or saved,
the newest last, each once, at most MINE_LIMIT.

They help search and completion only. Nothing headless reads this file: `fix` and the 二级 suggester's bulk fixes
go by the bundled libraries alone, so a file is fixed alike on every computer.

Written whole and atomically (infra/atomic). A file that cannot be read as this store (cut short, edited by
hand, another program's) is moved aside under a name of its own and the library starts empty: the editor never
stops for it, and the old content stays for whoever wants it back. A file that cannot be read at all, or a damaged
one that cannot be moved aside, is never written over: the store is then `problem`, said when it is loaded, and
every save() raises it, so an import is never reported kept when it is not.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Iterable

from ...model import framework
from ...model.declaration import Declaration
from ...model.library_catalogue import LOCAL, MINE, CatalogueEntry, Source
from ...model.values import ValueKind, parse_value
from ..infra.atomic import atomic_write
from ..infra.errors import FileProblem, error_text
from .entries import LibraryRow, catalogue_entry

FILE_NAME = "local_indicator_library.json"
FORMAT = "perf-target-editor local indicator library"
VERSION = 1
MINE_LIMIT = 5000  # the indicators of some 100 declarations; the oldest go first
MINE_SOURCE = Source("我的指标：本机打开或保存过的申报文件中的指标")


@dataclass
class ImportedLibrary:
    file: str  # the file's name, as the clerk knows it
    imported: str  # the day, ISO (2026-12-05)
    rows: list[LibraryRow] = field(default_factory=list)

    @property
    def source(self) -> Source:
        return Source(f"本地指标库：{self.file}", f"{self.imported} 导入")


class LocalStore:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.libraries: list[ImportedLibrary] = []
        self.mine: list[LibraryRow] = []  # oldest first
        self.set_aside: Path | None = None  # where a damaged store was moved when it was loaded
        self.problem: FileProblem | None = None  # why the file there may not be written over (save() raises it)

    # ---- reading and writing ----------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path) -> LocalStore:
        """The store at path; an empty one when there is none yet, or when it is damaged (then moved aside). One
        that cannot be read, or moved aside, is empty with its problem: kept as it is, never written over."""
        store = cls(Path(path))
        try:
            data = store.path.read_bytes()
        except FileNotFoundError:
            return store
        except OSError as error:  # unreadable now (locked, no permission, a folder): its entries may be fine
            store.problem = FileProblem(store.path, "无法读取本地指标库（原因见详细信息）。为免覆盖其中已导入的指标库和我的指标，"
                                                    "本次对本地指标库的改动都不会保存；请检查该文件的权限、关闭占用它的程序，"
                                                    "然后重新启动编辑器", error.strerror or error_text(error))
            return store
        try:
            store._take(json.loads(data.decode("utf-8")))
        except (ValueError, TypeError, KeyError, AttributeError):
            store.libraries, store.mine = [], []
            store._move_aside()
        return store

    def _take(self, data: dict) -> None:
        if data.get("format") != FORMAT or not isinstance(data.get("version"), int):
            raise ValueError("not the local library")
        for item in data.get("libraries") or []:
            rows = [row for row in map(LibraryRow.from_json, item.get("entries") or []) if row is not None]
            self.libraries.append(ImportedLibrary(str(item["file"]), str(item.get("imported") or ""), rows))
        self.mine = [row for row in map(LibraryRow.from_json, data.get("mine") or []) if row is not None]

    def _move_aside(self) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        try:
            os.replace(self.path, aside)
            self.set_aside = aside
        except OSError as error:
            self.problem = FileProblem(self.path, "本地指标库文件已损坏，且无法改名另存（原因见详细信息）。为保留其中的内容，"
                                                  "本次对本地指标库的改动都不会保存；请把该文件移走或改名"
                                                  f"（如“{aside.name}”），然后重新启动编辑器", error.strerror or error_text(error))

    def save(self) -> None:
        """FileProblem when it cannot be written (the folder read-only, the disk full), or must not be (problem)."""
        if self.problem is not None:
            raise FileProblem(self.path, self.problem.reason, self.problem.detail)
        data = {"format": FORMAT, "version": VERSION,
                "libraries": [{"file": library.file, "imported": library.imported,
                               "entries": [row.to_json() for row in library.rows]} for library in self.libraries],
                "mine": [row.to_json() for row in self.mine]}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise FileProblem(self.path, f"无法创建本地指标库的文件夹：{error.strerror or error}") from error
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8"))

    # ---- changing --------------------------------------------------------------------------------------
    def add_library(self, file: str, rows: list[LibraryRow], day: date | None = None) -> ImportedLibrary:
        """A bureau's library, in place of one imported before from a file of the same name (a new edition)."""
        library = ImportedLibrary(file, (day or date.today()).isoformat(), list(rows))
        self.libraries = [known for known in self.libraries if known.file != file] + [library]
        return library

    def remove_library(self, file: str) -> ImportedLibrary | None:
        """The library imported from the file named file taken out (the clerk no longer wants its entries
        offered); None when there is none of that name."""
        removed = next((library for library in self.libraries if library.file == file), None)
        self.libraries = [library for library in self.libraries if library.file != file]
        return removed

    def clear_mine(self) -> int:
        """我的指标 emptied; how many there were. The files opened or saved after this fill it again."""
        count = len(self.mine)
        self.mine = []
        return count

    def remember(self, rows: Iterable[LibraryRow]) -> int:
        """Add rows to 我的指标 as the newest (one seen again moves up, its unit updated); the oldest go past
        MINE_LIMIT. How many were not there before."""
        fresh = {}
        for row in rows:
            fresh.pop(row.key, None)
            fresh[row.key] = row
        known = {row.key for row in self.mine}
        self.mine = [row for row in self.mine if row.key not in fresh] + list(fresh.values())
        del self.mine[:-MINE_LIMIT]
        return sum(1 for key in fresh if key not in known)

    # ---- what the catalogue searches ---------------------------------------------------------------------
    def catalogue_entries(self) -> list[CatalogueEntry]:
        """The imported libraries' entries (the newest import first), then 我的指标 (the newest first)."""
        entries = [catalogue_entry(row, LOCAL, library.source)
                   for library in reversed(self.libraries) for row in library.rows]
        entries += [catalogue_entry(row, MINE, MINE_SOURCE) for row in reversed(self.mine)]
        return entries


def rows_of_declaration(declaration: Declaration) -> list[LibraryRow]:
    """我的指标 of a declaration: every indicator whose name is written and whose 一级/二级 fit the framework, once
    (its last), with the unit its annual (else period) value is written in."""
    latest = {}
    for indicator in [*declaration.department.indicators, *(i for p in declaration.projects for i in p.indicators)]:
        name = (indicator.name or "").strip()
        if name and framework.fits(indicator.level1, indicator.level2):
            key = (name, indicator.level1, indicator.level2)
            latest.pop(key, None)
            latest[key] = indicator
    # Each value read once per indicator kept: a declaration of 20,000 indicators holds a few hundred names.
    return [LibraryRow(*key, unit=_unit(indicator.annual_value) or _unit(indicator.period_value))
            for key, indicator in latest.items()]


def _unit(value: str | None) -> str | None:
    reading = parse_value(value or "")
    return (reading.unit or None) if reading.kind is ValueKind.QUANTITATIVE else None
