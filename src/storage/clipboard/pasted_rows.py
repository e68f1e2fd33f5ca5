"""What copied cells give the editor, and what the editor's copied indicator rows give a spreadsheet.

The clipboard holds text/html (Excel, WPS, LibreOffice and browsers put a <table>) and text/plain
(tab-separated; Excel quotes a cell holding a line break, a tab or a quote, LibreOffice turns the line
break into a space and quotes nothing). html is read first: its merged cells come filled and its
line breaks stay; text/plain is the fallback.

- Into the tree: a published table (项目支出绩效目标表) → new projects, read by the same recogniser as a
  file (`table_from_clipboard`). The table's department part is not merged into the open declaration:
  the notes say what was left out.
- Into an indicator table: rows → indicators (`indicators_from_clipboard`), as 5 columns
  (一级/二级/三级/实施周期指标值/年度指标值), 3 columns (一级/三级/年度指标值), a header row naming the
  columns, or the numbered indicator text of either city style in one cell. A 一级 (and a 二级 under it)
  left blank by a merged cell is carried down from the row above.
- Out of an indicator table: `rows_as_tsv` and `rows_as_html`, which Excel/WPS paste as cells.

Pure: strings in, declarations out; FileProblem named 剪贴板 for anything that is not one of these.
"""

from __future__ import annotations

import html as html_escape
import re
from dataclasses import dataclass, field
from pathlib import Path

from ...model import framework
from ...model.declaration import DEPARTMENT_LABELS, INDICATOR_LABELS, PROJECT_LABELS, Declaration, Indicator
from ..containers.html_table import grids_from_html
from ..containers.sheet_grid import Grid, cell_text, label_key
from ..containers.text_table import clean_cell
from ..infra.errors import FileProblem
from ..infra.opened import OpenResult
from ..readers.text_file import grids_from_text
from ..recognisers.grid_import import CLIPBOARD_NAME, grand_total_note, import_published, is_published_table
from ..recognisers.indicator_text import parse_indicator_text

CLIPBOARD = CLIPBOARD_NAME
FIELDS = ("level1", "level2", "name", "period_value", "annual_value")
THREE_COLUMNS = ("level1", "name", "annual_value")
TEXT = "text"  # a column of numbered indicator text
_TEXT_LABELS = ("绩效指标", "年度绩效指标", "项目绩效指标", "绩效指标及指标值")
# Header cells, compared by label_key; the model's labels first, then what published forms also print.
_HEADER_LABELS = {
    **{label_key(label): name for name, label in INDICATOR_LABELS.items()},
    "一级": "level1", "二级": "level2", "三级": "name", "指标名称": "name", "绩效指标名称": "name",
    "实施周期目标值": "period_value", "年度目标值": "annual_value", "指标值": "annual_value",
    **{label_key(label): TEXT for label in _TEXT_LABELS},
}
_QUOTED_CELL = re.compile(r'"((?:[^"]|"")*)"(?=[\t\n]|\Z)')
_CELL_END = re.compile(r"[\t\n]")
_HEADER_SCAN_ROWS = 40  # a table or a whole form copied with its title rows: the header is among the first rows
_FIRST_ITEM = re.compile(r"\s*1\s*、")
_SHAPES = (f"5 列（{'/'.join(INDICATOR_LABELS.values())}）、"
           f"3 列（{INDICATOR_LABELS['level1']}/{INDICATOR_LABELS['name']}/{INDICATOR_LABELS['annual_value']}），"
           f"或一个单元格中编号的指标文字（如“1、产出指标：…；{INDICATOR_LABELS['annual_value']}：…。”）")


@dataclass
class PastedIndicators:
    indicators: list[Indicator] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was guessed or skipped, in Chinese


_CLIPBOARD_REMEDY = "请在 Excel/WPS 或网页中只选中表格的单元格后重新复制，或把表格保存为文件后用“打开”导入"
_PASTE_SECONDS = 30  # a paste is a few rows: past this the copied page is no table a clerk meant to paste


def html_grids(html: str, own: bool = False) -> list[Grid]:
    """The clipboard's text/html as grids, parsed in the reader worker as a file's would be (readers/worker.py):
    what was copied from a web page is as untrusted as a downloaded file, and lxml is a native library. own: the
    HTML is what this editor itself put on the clipboard (rows_as_html), parsed here at once."""
    if own:
        return grids_from_html(html, CLIPBOARD)
    from ..readers import worker

    return worker.run(clipboard_grids, (html,), Path(CLIPBOARD), remedy=_CLIPBOARD_REMEDY, seconds=_PASTE_SECONDS)


def clipboard_grids(html: str, path: Path, progress=None) -> list[Grid]:
    """In the worker: the tables of the copied text/html."""
    return grids_from_html(html, path.name)


# ---- into an indicator table ------------------------------------------------------------------------

def indicators_from_clipboard(html: str | None, text: str | None, own_html: bool = False) -> PastedIndicators:
    """Indicators from what the clipboard holds; FileProblem(剪贴板) saying what it takes when it is not that.
    own_html: the HTML is this editor's own copy (html_grids)."""
    problems: list[FileProblem] = []
    try:
        grids = [grid for grid in html_grids(html, own_html) if grid.rows] if html and html.strip() else []
    except FileProblem as problem:  # the copied page broke its reader: the plain text may still hold the rows
        grids = []
        problems.append(problem)
    if grids:
        rows = [[clean_cell(cell_text(cell)) for cell in row] for row in max(grids, key=lambda g: len(g.rows)).rows]
        try:
            return indicators_from_rows(rows)
        except FileProblem as problem:
            problems.append(problem)
    if text and text.strip():
        try:
            return indicators_from_rows(split_tsv(text))
        except FileProblem as problem:
            problems.insert(0, problem)  # the plain text's reason reads closest to what the clerk copied
    if problems:
        raise problems[0]
    raise FileProblem(CLIPBOARD, f"剪贴板中没有文字或表格。请先在 Excel/WPS 或本编辑器中选中指标行并复制；可以粘贴{_SHAPES}")


def split_tsv(text: str) -> list[list[str]]:
    """Tab-separated text as Excel/WPS/LibreOffice copy it → rows of cleaned cell texts.

    A cell that starts with a quote and ends with one before a tab or a line break is Excel's quoting
    ("a""b", line breaks inside); any other quote is text. The one line break ending the copy is not a row.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    rows: list[list[str]] = []
    row: list[str] = []
    position = 0
    while True:
        quoted = _QUOTED_CELL.match(text, position) if text.startswith('"', position) else None
        if quoted:
            row.append(quoted.group(1).replace('""', '"'))
            position = quoted.end()
        else:
            end = _CELL_END.search(text, position)
            stop = end.start() if end else len(text)
            row.append(text[position:stop])
            position = stop
        if position >= len(text):
            rows.append(row)
            return [[clean_cell(cell) for cell in row] for row in rows]
        if text[position] == "\n":
            rows.append(row)
            row = []
        position += 1


def indicators_from_rows(rows: list[list[str]]) -> PastedIndicators:
    """Rows of cell texts → indicators, by a header row if the copy has one, else by the number of columns."""
    numbered = [(number, [cell.strip() for cell in row]) for number, row in enumerate(rows, start=1)]
    numbered = [(number, row) for number, row in numbered if any(row)]
    if not numbered:
        raise FileProblem(CLIPBOARD, f"剪贴板中的表格是空的；可以粘贴{_SHAPES}")
    result = PastedIndicators()
    columns = None
    header_at = next((at for at, (_, row) in enumerate(numbered[:_HEADER_SCAN_ROWS]) if _header_columns(row)), None)
    if header_at:
        result.notes.append(f"表头之前的第 {_row_list([number for number, _ in numbered[:header_at]])} 行（标题等）未粘贴")
        numbered = numbered[header_at:]
    while numbered and (found := _header_columns(numbered[0][1])) is not None:
        columns = found
        result.notes.append(f"第 {numbered[0][0]} 行是表头，已按表头对应各列，未作为指标粘贴")
        numbered = numbered[1:]
    if not numbered:
        raise FileProblem(CLIPBOARD, "剪贴板中只有表头，没有指标行")
    if columns is None:
        numbered, columns = _by_width(numbered, result.notes)
    if TEXT in columns.values() and not {"level1", "name"} & set(columns.values()):
        text_column = next(column for column, name in columns.items() if name == TEXT)
        _numbered_text([(number, row[text_column] if text_column < len(row) else "") for number, row in numbered], result)
    else:
        _column_rows(numbered, {column: name for column, name in columns.items() if name != TEXT}, result)
    if not result.indicators:
        raise FileProblem(CLIPBOARD, f"剪贴板中的内容没有可粘贴的绩效指标（{'；'.join(result.notes) or '没有三级指标或指标值'}）")
    return result


def _header_columns(row: list[str]) -> dict[int, str] | None:
    """The fields a header row names, by column; None when the row is not a header."""
    columns: dict[int, str] = {}
    for column, cell in enumerate(row):
        name = _HEADER_LABELS.get(label_key(cell))
        if name is not None and name not in columns.values():
            columns[column] = name
    named = set(columns.values())
    if len(named - {TEXT}) >= 2:
        return columns
    # 绩效指标 heads a column of numbered text, but is also the label a department form merges down beside its
    # indicator rows: a row that names a 一级 is one of those rows.
    if TEXT in named and not any(framework.is_known_level1(framework.canonical_level(cell)) for cell in row):
        return columns
    return None


def _by_width(numbered: list[tuple[int, list[str]]], notes: list[str]) -> tuple[list, dict[int, str]]:
    """Columns by their number once the columns empty in every row are set aside."""
    width = max(len(row) for _, row in numbered)
    used = [column for column in range(width) if any(column < len(row) and row[column] for _, row in numbered)]
    first, last = used[0], used[-1]
    trimmed = [(number, (row + [""] * width)[first:last + 1]) for number, row in numbered]
    count = last - first + 1
    if count == len(FIELDS):
        notes.append(f"按 5 列读取：{'、'.join(INDICATOR_LABELS.values())}")
        return trimmed, dict(enumerate(FIELDS))
    if count == len(THREE_COLUMNS):
        notes.append(f"按 3 列读取：{INDICATOR_LABELS['level1']}、{INDICATOR_LABELS['name']}、{INDICATOR_LABELS['annual_value']}"
                     f"（没有{INDICATOR_LABELS['level2']}和{INDICATOR_LABELS['period_value']}）")
        return trimmed, dict(enumerate(THREE_COLUMNS))
    if count == 1:
        return trimmed, {0: TEXT}
    raise FileProblem(CLIPBOARD, f"复制的内容有 {count} 列，不知道各列是什么。可以粘贴{_SHAPES}；列的顺序不同时，请连同表头一起复制")


def _column_rows(numbered: list[tuple[int, list[str]]], columns: dict[int, str], result: PastedIndicators) -> None:
    names = set(columns.values())
    previous: dict[str, str] = {}
    carried: list[int] = []
    templates: list[int] = []
    filled: list[str] = []
    for number, row in numbered:
        values = {name: (row[column] if column < len(row) else "") for column, name in columns.items()}
        if not values.get("level1") and previous.get("level1"):  # a merged 一级 comes as blanks below its first row
            values["level1"] = previous["level1"]
            if "level2" in names and not values.get("level2") and previous.get("level2"):
                values["level2"] = previous["level2"]
            was_carried = True
        else:
            was_carried = False
        previous = {key: values.get(key, "") for key in ("level1", "level2")}
        if not any(values.get(key) for key in ("name", "period_value", "annual_value")):
            templates.append(number)  # a form's blank row under a 二级: nothing to declare
            continue
        if was_carried:
            carried.append(number)
        indicator = Indicator(**{name: text or None for name, text in values.items()})
        if indicator.level1 and not indicator.level2 and "level2" not in names:
            indicator.level2 = framework.only_level2(indicator.level1)
            if indicator.level2:
                filled.append(indicator.name or f"第 {number} 行")
        result.indicators.append(indicator)
    if carried:
        result.notes.append(f"第 {_row_list(carried)} 行的一级指标为空（合并单元格），已沿用上一行的一级指标（二级指标为空时一并沿用）")
    if templates:
        result.notes.append(f"第 {_row_list(templates)} 行没有三级指标和指标值（表格的空白行），未粘贴")
    if filled:
        result.notes.append(f"{'、'.join(f'“{name}”' for name in filled)}没有二级指标，已按一级指标补为唯一的二级指标")
    if "level1" in names and not any(framework.is_known_level1(i.level1) for i in result.indicators):
        result.notes.append("一级指标一列中没有认出的一级指标名称（产出指标、效益指标、满意度指标、成本指标），请核对列的顺序")


def _numbered_text(cells: list[tuple[int, str]], result: PastedIndicators) -> None:
    """Cells of numbered text: a cell starting at 1、 begins a text of its own, other lines continue the text
    before (a text copied from a PDF comes as lines, a column of cells as one text each)."""
    notes: list[str] = []
    texts: list[list[str]] = []
    for _, cell in cells:
        if not cell:
            continue
        if not texts or _FIRST_ITEM.match(cell):
            texts.append([])
        texts[-1].append(cell)
    for number, lines in enumerate(texts, start=1):
        parsed = parse_indicator_text("\n".join(lines))
        recognised = [i for i in parsed.indicators if framework.is_known_level1(i.level1) or i.annual_value or i.period_value]
        if not recognised:
            notes.append(f"第 {number} 段文字不是编号的绩效指标，未粘贴")
            continue
        result.indicators.extend(parsed.indicators)
        prefix = f"第 {number} 段文字：" if len(texts) > 1 else ""
        notes.extend(prefix + note for note in parsed.notes)
    if result.indicators:
        result.notes.append(f"按编号的指标文字读取（{len(texts)} 段，{len(result.indicators)} 个指标）")
        result.notes.extend(notes)
    else:
        raise FileProblem(CLIPBOARD, f"剪贴板中的文字不是绩效指标。可以粘贴{_SHAPES}")


def _row_list(numbers: list[int]) -> str:
    shown = "、".join(str(n) for n in numbers[:8])
    return shown + (f" 等 {len(numbers)} " if len(numbers) > 8 else "")


# ---- into the tree ----------------------------------------------------------------------------------

def table_from_clipboard(html: str | None, text: str | None, first_project: int = 0) -> OpenResult:
    """A copied published project table → its projects (OpenResult.declaration), with the notes of the import
    and one naming what of the table's department part the paste leaves out; first_project: the index its first
    project will have in the open declaration (the notes' locations point there)."""
    notes: list[str] = []
    try:
        grids = html_grids(html) if html and html.strip() else []
    except FileProblem:  # the copied page broke its reader: the plain text may still hold the table
        if not (text and text.strip()):
            raise
        grids = []
    if any(is_published_table(grid) for grid in grids):
        notes.append("从剪贴板的网页格式（HTML）读取表格")
    elif text and text.strip():
        grids = grids_from_text(text, CLIPBOARD, notes)
    if not any(is_published_table(grid) for grid in grids):
        raise FileProblem(CLIPBOARD, f"剪贴板中没有可识别的项目支出绩效目标表（需要“{PROJECT_LABELS['name']}”“{PROJECT_LABELS['indicators']}”等表头）。"
                                     "请在 Excel/WPS 或网页中连同表头一起选中表格再复制；"
                                     "要粘贴指标行，请先点击项目的绩效指标表格再粘贴")
    opened = import_published(Path(CLIPBOARD), grids, first_project)
    if not opened.declaration.projects:
        raise FileProblem(CLIPBOARD, "剪贴板中的表格是部门整体预算绩效目标申报表，没有项目；粘贴只添加项目。"
                                     "请把表格保存为文件后用“打开”导入")
    budget = opened.declaration.department.budget
    if budget.project is not None:  # the import's note says the 合计 went into the budget; here it did not
        opened.notes = [note for note in opened.notes if note != grand_total_note(budget.project)]
    opened.notes[:0] = notes
    left_out = department_left_out(opened.declaration)
    if left_out:
        opened.notes.append(left_out)
    return opened


def department_left_out(pasted: Declaration) -> str | None:
    """What a pasted table says beyond its projects, which pasting does not merge into the open declaration."""
    department = pasted.department
    parts = []
    if department.name:
        parts.append(f"部门名称“{department.name}”")
    if pasted.year:
        parts.append(f"年度 {pasted.year}")
    amounts = {name: value for name, value in department.budget.model_dump().items() if value is not None}
    if set(amounts) == {"project"}:
        parts.append(f"合计行的项目支出 {amounts['project']:,.2f} 万元")
    elif amounts:
        parts.append(f"部门预算金额 {len(amounts)} 项")
    for text, label in ((department.functions, DEPARTMENT_LABELS["functions"]),
                        (department.overall_goal, DEPARTMENT_LABELS["overall_goal"])):
        if text:
            parts.append(label)
    if department.tasks:
        parts.append(f"{len(department.tasks)} 项年度重点工作任务")
    if department.indicators:
        parts.append(f"{len(department.indicators)} 个部门整体绩效指标")
    if not parts:
        return None
    return f"粘贴只添加项目：表格中的{'、'.join(parts)}没有并入当前申报表（需要时请在部门整体中填写，或用“打开”导入整张表格）"


# ---- out of an indicator table ------------------------------------------------------------------------

def rows_as_tsv(rows: list[list[str]]) -> str:
    """Tab-separated, as Excel copies: a cell holding a tab, a line break or a quote in quotes, quotes doubled."""
    def cell(text: str) -> str:
        return f'"{text.replace(chr(34), chr(34) * 2)}"' if any(mark in text for mark in '\t\n\r"') else text

    return "".join("\t".join(cell(text) for text in row) + "\n" for row in rows)


def rows_as_html(rows: list[list[str]]) -> str:
    """A <table> that Excel and WPS paste as cells: every cell as text (mso-number-format \\@, so 100% stays
    100%), a line break inside the cell (mso-data-placement), not a new row."""
    def cell(text: str) -> str:
        body = html_escape.escape(text).replace("\n", '<br style="mso-data-placement:same-cell">')
        return f"<td style=\"mso-number-format:'\\@'\">{body}</td>"

    body = "".join(f"<tr>{''.join(cell(text) for text in row)}</tr>" for row in rows)
    return ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
            f"<body><table>{body}</table></body></html>")
