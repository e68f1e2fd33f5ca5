"""The 项目支出绩效目标表 laid out one row per indicator — 一级/二级/三级指标 and 指标值 columns, each project's own cells
merged down its rows (or written on each row, or on its first row only) — made from a declaration's projects as a
workbook (openpyxl), a web page (rowspan) and tab-separated text, so a test compares what an import reads with the
projects the table was made from.

fill: "merged" (the project cells merged down its rows: Excel, WPS, web pages), "repeated" (written again on each
row: a table exported from a database), "first" (written on the first row only, the rest left blank: a merged
table copied as text).
"""

from __future__ import annotations

import html
import io

from openpyxl import Workbook

FILLS = ("merged", "repeated", "first")
HEADER = ["单位名称", "项目名称", "预算金额（万元）", "其中：财政拨款", "年度绩效目标", "一级指标", "二级指标", "三级指标",
          "年度指标值", "实施周期指标值"]
_PROJECT_WIDTH = 5  # the project's own columns, before the indicator's


def table_rows(projects) -> tuple[list[list], list[tuple[int, int]]]:
    """The rows under the header, and each project's (first, last) row index among them."""
    rows, spans = [], []
    for project in projects:
        first = len(rows)
        own = [project.unit, project.name, _amount(project.funds.total), _amount(project.funds.fiscal), project.goal]
        for indicator in project.indicators or [None]:
            rows.append(own + ([indicator.level1, indicator.level2, indicator.name, indicator.annual_value,
                                indicator.period_value] if indicator else [None] * 5))
        spans.append((first, len(rows) - 1))
    return rows, spans


def _amount(value):
    return None if value is None else float(value)


def _filled(projects, fill: str) -> tuple[list[list], list[tuple[int, int]]]:
    rows, spans = table_rows(projects)
    if fill != "repeated":
        for first, last in spans:
            for row in rows[first + 1:last + 1]:
                row[:_PROJECT_WIDTH] = [None] * _PROJECT_WIDTH
    return rows, spans


def workbook_bytes(projects, fill: str, year: int = 2024, two_row_header: bool = False) -> bytes:
    """two_row_header: 资金（万元） merged over 预算金额 | 其中：财政拨款 and 绩效指标 over the indicator's five columns."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "项目支出绩效目标表"
    sheet.append([f"{year}年项目支出绩效目标表"])
    if two_row_header:
        sheet.append([HEADER[0], HEADER[1], "资金（万元）", None, HEADER[4], "绩效指标", None, None, None, None])
        sheet.append([None, None, "预算金额", "其中：财政拨款", None, *HEADER[5:]])
        for cells in ("A2:A3", "B2:B3", "C2:D2", "E2:E3", "F2:J2"):
            sheet.merge_cells(cells)
    else:
        sheet.append(HEADER)
    first_row = sheet.max_row + 1
    rows, spans = _filled(projects, fill)
    for row in rows:
        sheet.append(row)
    if fill == "merged":
        for first, last in spans:
            if last > first:
                for column in range(1, _PROJECT_WIDTH + 1):
                    sheet.merge_cells(start_row=first + first_row, start_column=column, end_row=last + first_row,
                                      end_column=column)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def page_html(projects, year: int = 2024) -> str:
    """The merged layout as a web page prints it: rowspan on the project's cells."""
    rows, spans = table_rows(projects)
    starts = {first: last - first + 1 for first, last in spans}
    lines = [f"<tr><td colspan='{len(HEADER)}'>{year}年项目支出绩效目标表</td></tr>",
             "<tr>" + "".join(f"<td>{html.escape(h)}</td>" for h in HEADER) + "</tr>"]
    for index, row in enumerate(rows):
        cells = []
        for column, value in enumerate(row):
            if column < _PROJECT_WIDTH and index not in starts:
                continue  # covered by the rowspan above
            span = f" rowspan='{starts[index]}'" if column < _PROJECT_WIDTH and starts[index] > 1 else ""
            cells.append(f"<td{span}>{'' if value is None else html.escape(_text(value))}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    return "<html><head><meta charset='utf-8'></head><body><table border=1>" + "".join(lines) + "</table></body></html>"


def tsv(projects, fill: str, year: int = 2024) -> str:
    rows, _ = _filled(projects, fill)
    lines = [f"{year}年项目支出绩效目标表", "\t".join(HEADER)]
    lines += ["\t".join("" if value is None else _text(value).replace("\n", " ") for value in row) for row in rows]
    return "\n".join(lines) + "\n"


def _text(value) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
