"""One indicator of a local library as the store keeps it, and as the catalogue searches it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Mapping

from ...model import framework
from ...model.library_catalogue import LOCAL, LOCAL_SECTOR, MINE, MINE_SECTOR, CatalogueEntry, Source


@dataclass(frozen=True)
class LibraryRow:
    """An indicator of a bureau's 指标库 (with what its table says of it) or of the clerk's own files (name,
    levels and unit only)."""

    name: str
    level1: str
    level2: str
    sector: str | None = None  # the table's 行业/领域
    unit: str | None = None
    comparator: str | None = None
    value: str | None = None  # the table's 指标值/参考值 as written: another unit's target, for reference only
    explanation: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return self.name, self.level1, self.level2

    def to_json(self) -> dict[str, str]:
        return {key: value for key, value in asdict(self).items() if value}

    @classmethod
    def from_json(cls, item: Any) -> LibraryRow | None:
        """The row a stored item holds, or None for one that is not a row whose levels fit the framework (a
        store edited by hand, or written by a later version)."""
        if not isinstance(item, Mapping):
            return None
        values = {f.name: item.get(f.name) for f in fields(cls)}
        if not all(isinstance(value, str) or value is None for value in values.values()):
            return None
        if not values["name"] or not framework.fits(values["level1"], values["level2"]):
            return None
        return cls(**values)


def catalogue_entry(row: LibraryRow, origin: str, source: Source) -> CatalogueEntry:
    sector = row.sector or (LOCAL_SECTOR if origin == LOCAL else MINE_SECTOR)
    return CatalogueEntry(row.name, row.level1, row.level2, sector, (source,), row.comparator, row.unit, row.value,
                          row.explanation, origin)


__all__ = ["LibraryRow", "catalogue_entry", "LOCAL", "MINE"]
