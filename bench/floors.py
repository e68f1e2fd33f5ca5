"""The floors: what the same work costs with the bare libraries, and the editor's per-keystroke work."""

from __future__ import annotations

import io
import json
import statistics
import subprocess
import time
from decimal import Decimal
from pathlib import Path
from typing import Optional

from pydantic import BaseModel


class PlainIndicator(BaseModel):
    level1: Optional[str] = None
    level2: Optional[str] = None
    name: Optional[str] = None
    period_value: Optional[str] = None
    annual_value: Optional[str] = None


class PlainFunds(BaseModel):
    total: Optional[Decimal] = None
    fiscal: Optional[Decimal] = None
    special_account: Optional[Decimal] = None
    other: Optional[Decimal] = None


class PlainBudget(BaseModel):
    basic: Optional[Decimal] = None
    project: Optional[Decimal] = None
    special_funds: Optional[Decimal] = None
    other_development: Optional[Decimal] = None
    fiscal: Optional[Decimal] = None
    other_income: Optional[Decimal] = None
    own_level: Optional[Decimal] = None
    transfer: Optional[Decimal] = None


class PlainTask(BaseModel):
    name: Optional[str] = None
    content: Optional[str] = None
    funds: Optional[Decimal] = None
    expected: Optional[str] = None


class PlainDepartment(BaseModel):
    name: Optional[str] = None
    functions: Optional[str] = None
    budget: PlainBudget = PlainBudget()
    overall_goal: Optional[str] = None
    tasks: list[PlainTask] = []
    indicators: list[PlainIndicator] = []


class PlainProject(BaseModel):
    name: Optional[str] = None
    unit: Optional[str] = None
    period: Optional[str] = None
    funds: PlainFunds = PlainFunds()
    goal: Optional[str] = None
    indicators: list[PlainIndicator] = []


class PlainDeclaration(BaseModel):
    format: str
    schema_version: int
    year: Optional[int] = None
    department: PlainDepartment = PlainDepartment()
    projects: list[PlainProject] = []


def plain_json_load(raw: bytes) -> PlainDeclaration:
    return PlainDeclaration.model_validate(json.loads(raw))


def plain_json_dump(plain: PlainDeclaration, path: Path) -> None:
    path.write_bytes(plain.model_dump_json(indent=2).encode("utf-8"))


def workbook_cells(declaration) -> list[list[list[object]]]:
    """The values the editor's workbook holds, sheet by sheet, as plain rows."""
    from src.storage.recognisers.indicator_text import format_indicator_text

    department = declaration.department
    budget = [float(v) if v is not None else None for v in department.budget.model_dump().values()]
    first = [[department.name], [department.functions], budget, [department.overall_goal]]
    first += [[t.name, t.content, float(t.funds) if t.funds is not None else None, t.expected] for t in department.tasks]
    first += [[i.level1, i.level2, i.name, i.period_value, i.annual_value] for i in department.indicators]
    projects = [[n, p.name, p.unit, p.period] + [float(v) if v is not None else None for v in p.funds.model_dump().values()]
                + [p.goal, format_indicator_text(p.indicators)] for n, p in enumerate(declaration.projects, start=1)]
    detail = [[n, p.name, i.level1, i.level2, i.name, i.period_value, i.annual_value]
              for n, p in enumerate(declaration.projects, start=1) for i in p.indicators]
    return [first, projects, detail]


def write_only_cells(sheets: list[list[list[object]]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for number, rows in enumerate(sheets):
        sheet = workbook.create_sheet(f"sheet{number}")
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def calamine_read_all(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    return sum(len(workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)) for name in workbook.sheet_names)


def libreoffice_to_csv(path: Path, folder: Path) -> None:
    subprocess.run(["libreoffice", "--headless", "--convert-to", "csv", "--outdir", str(folder), str(path)],
                   check=True, capture_output=True, timeout=300)


def one_field_revalidation(declaration, edits: int = 40) -> float:
    """Median seconds of the checking work one edited 年度指标值 triggers in an open document."""
    from PySide6.QtGui import QGuiApplication

    from src.ui.editing.document import Document

    _app = QGuiApplication.instance() or QGuiApplication([])
    document = Document(declaration.model_copy(deep=True))
    middle = len(declaration.projects) // 2
    location = f"projects[{middle}].indicators[1].annual_value"
    values = []
    for number in range(edits):
        start = time.perf_counter()
        document.apply_field(location, "≥105%" if number % 2 else "≥95%")
        values.append(time.perf_counter() - start)
    del _app
    return statistics.median(values)


# ---- published tables: the least each container's library does with the same file ---------------------

def pdfplumber_words(path: Path) -> int:
    """pdfplumber's own word extraction over every page: the parse any reader of the PDF pays."""
    import pdfplumber

    words = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words += len(page.extract_words())
            page.close()  # as the editor's reader does: a page's objects are not kept
    return words


def lxml_parse(path: Path) -> object:
    """lxml's HTML parse of the page, bytes read from the file included."""
    from lxml import etree

    return etree.fromstring(path.read_bytes(), etree.HTMLParser(encoding="utf-8"))


def csv_rows(path: Path) -> int:
    """Python's csv module over the text (read and decoded from the file), tab-separated as copied."""
    import csv

    text = path.read_bytes().decode("utf-8-sig")
    return sum(1 for _ in csv.reader(io.StringIO(text, newline=""), delimiter="\t"))


# ---- the imports' floors: the container's parse plus the same declaration built (issue 21 item 7) -------------

def declaration_json(path: Path) -> bytes:
    """The JSON of the declaration the editor's import makes of the file at path (read once, before timing): what
    an import's floor builds, so that it builds the same projects and indicators the import does. Read by the
    format's reader in this process, which leaves the reader's modules imported here, as the window's fork server
    has them (readers/worker._PRELOAD): the timed imports' workers, forked from this process, do not import them
    again on every run, as the floor's libraries are not imported again either."""
    from src.storage.infra.files import declaration_bytes, recognise

    return declaration_bytes(recognise(path).read(path, None).declaration, path.with_suffix(".json"))


def parse_then_build(parse, raw_json: bytes):
    """An import's floor: parse(path) — the container's library reading the file, as lxml_parse, csv_rows and
    calamine_read_all do — then the same declaration built from its JSON by open JSON's floor (plain_json_load).
    Any import does both: read the container, and end with 2,000 projects and 20,000 indicators as models."""
    def floor(path: Path):
        parse(path)
        return plain_json_load(raw_json)
    return floor
