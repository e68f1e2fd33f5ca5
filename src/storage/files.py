"""Open and save a declaration by file extension; every failure is a FileProblem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model.bulk import settle_as_long_lived
from ..model.declaration import Declaration
from .atomic import atomic_write
from .errors import FileProblem
from .json_file import declaration_to_json, read_json

OPEN_FILTER = "绩效目标申报文件 (*.json *.xlsx);;JSON 文件 (*.json);;Excel 工作簿 (*.xlsx)"
SAVE_FILTER = "JSON 文件 (*.json);;Excel 工作簿 (*.xlsx)"


@dataclass
class OpenResult:
    declaration: Declaration
    notes: list[str] = field(default_factory=list)  # what an import had to guess or skip


def open_declaration(path: str | Path) -> OpenResult:
    result = _read_declaration(Path(path))
    settle_as_long_lived()
    return result


def _read_declaration(source: Path) -> OpenResult:
    suffix = source.suffix.lower()
    if not source.exists():
        raise FileProblem(source, "文件不存在")
    if source.is_dir():
        raise FileProblem(source, "这是一个文件夹，不是文件")
    if suffix == ".json":
        return OpenResult(read_json(source))
    if suffix in (".xlsx", ".xlsm"):
        from .xlsx_reader import read_workbook  # openpyxl is slow to import; only when needed

        return read_workbook(source)
    raise FileProblem(source, f"不支持的文件类型“{suffix or '无扩展名'}”，请选择 .json 或 .xlsx 文件")


def declaration_bytes(declaration: Declaration, path: str | Path) -> bytes:
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".json":
        return declaration_to_json(declaration)
    if suffix == ".xlsx":
        from .workbook import workbook_bytes

        return workbook_bytes(declaration)
    raise FileProblem(target, f"不支持保存为“{suffix or '无扩展名'}”，请使用 .json 或 .xlsx")


def save_declaration(declaration: Declaration, path: str | Path) -> None:
    """Render fully in memory first, so a failure never leaves a partial file."""
    atomic_write(path, declaration_bytes(declaration, path))
