"""Make the PDFs of tests/test_pdf_word.py: tables typed in Word (a .docx written by scripts/corpus/word_document.py
from a Sheet), printed to PDF by LibreOffice Writer (`soffice --headless --convert-to pdf`, a private profile). Writer
lets a tall row break across pages: the rest of its cells stand at the top of the next page as a row of their own,
key cells empty, text going on mid-word (issue 22).

    .venv/bin/python tests/data/pdf/make_word_pdfs.py     # writes tests/data/pdf/word-*.pdf

- word-split-rows-short.pdf: a 项目支出绩效目标表 of thirty projects in one Word table (every border drawn, no header
  repeated), rows four lines high in narrow columns, so that the pages break rows within names, units and periods
  (read as fragments before: 第29号区 | 司法局…, 广州市天河 | 区司法局, 2025年1 | 月-2027年12月, the rest a project);
- word-items.pdf: twelve projects whose 绩效指标 is a numbered list, an item a paragraph ending short of the cell's
  side, the row's tallest cell: the next row's first item, drawn right after a line pitch below, on its top border (a
  cell's first line begins there), was taken for the text above going on over the border (its project's list began
  with 标：…, the one above ended with 1．产出指, both said cut);
- word-merged-over-break.pdf: seven projects each with its indicators in rows of their own, 序号, 项目名称, 预算单位
  and 绩效目标 merged down beside them: a row that begins a page under the merged cells is a row of its own (an
  indicator, its key cells empty as a split row's are: not to be joined), or the rest of an indicator's row whose
  name the page cut;
- word-cut-name.pdf: the same without the 一级/二级 columns: the rest of a cut indicator name (数量) ends a line short
  right above the next indicator's name, drawn one after the other (read as one name before);
- word-full-lines.pdf: the same with names of three full lines: the rest of a cut name fills its last line, as a
  line wrapped into the next cell's would; only where it stands tells it apart (Word's cells have no top margin: a
  cell's first line begins on its top border).

The facts are the lists below (the tests read them from here).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
sys.path.insert(0, str(ROOT))

from scripts.corpus.sheet import Sheet
from scripts.corpus.word_document import write_docx

HEADER = ["序号", "项目名称", "预算单位", "实施周期", "绩效目标", "绩效指标"]
_UNITS = ["广州市天河区公证处", "广州市天河区法律援助处", "广州市天河区司法局"]
_GOAL = ("保障{name}各项工作正常开展，提升公共法律服务水平，维护社会和谐稳定，推进法治社会建设，为群众提供优质高效的"
         "法律服务，增强人民群众的法治获得感和满意度，{n}年内完成全部既定任务。")
PROJECTS = [(f"第{n}号{kind}业务经费", _UNITS[n % 3], f"202{n % 3 + 3}年1月-202{n % 3 + 5}年12月")
            for n, kind in enumerate(["法律援助", "人民调解", "公证", "社区矫正", "普法宣传", "行政复议", "律师管理"], 1)]


def goal(index: int) -> str:
    name, _, _ = PROJECTS[index]
    return _GOAL.format(name=name, n=index % 3 + 1)


def indicators(index: int, full: bool = False) -> list[tuple[str, str]]:
    """(name, value) of each indicator of a project in word-merged-over-break.pdf: a row each. full: names of fifteen
    characters, three full lines of the column's five (word-full-lines.pdf)."""
    name, _, _ = PROJECTS[index]
    if full:
        return [(f"{name[3:7]}业务相关案件{kind}类办结率", f"不少于{10 * k + index}件")
                for k, kind in enumerate("甲乙丙丁戊己庚辛壬癸子丑"[:6 + 2 * (index % 4)], 1)]
    return [(f"办理{name[3:]}相关案件第{k}类数量", f"不少于{10 * k + index}件") for k in range(1, 7 + 2 * (index % 4))]


SHORT = [(f"第{n}号区司法局{kind}专项业务工作经费", _UNITS[n % 3], f"202{n % 3 + 3}年1月-202{n % 3 + 5}年12月",
          f"保障{kind}工作正常开展，维护社会和谐稳定。", f"{kind}案件办结率；年度指标值：≥{90 + n % 10}%")
         for n, kind in enumerate(["法律援助", "人民调解", "公证", "社区矫正", "普法宣传", "行政复议"] * 5, 1)]


def split_rows_sheet(projects: list[tuple[str, ...]] | None = None) -> Sheet:
    sheet = Sheet("项目支出绩效目标表")
    sheet.put(1, 1, "2024年项目支出绩效目标表")
    for column, label in enumerate(HEADER, 1):
        sheet.put(3, column, label)
    rows = [list(project) for project in (projects or SHORT)]
    for index, values in enumerate(rows):
        for column, value in enumerate([str(index + 1), *values], 1):
            sheet.put(4 + index, column, value)
    sheet.header_rows = (3, 3)
    sheet.table_rows = (3, 3 + len(rows))
    return sheet


# word-paragraphs.pdf: two projects whose 绩效指标 is a list of short paragraphs, a line each, longer than a page: the
# page breaks the row between two paragraphs, so the text above ends short of its cell's side, as a row's own does.
PARAGRAPHS = [(f"第{n}号区司法局{kind}专项业务工作经费", _UNITS[n % 3], "2024-2026", f"保障{kind}工作正常开展。",
               "\n".join(f"甲{k}" for k in range(10, 70)))
              for n, kind in enumerate(["法律援助", "人民调解"], 1)]


# word-items.pdf: projects whose 绩效指标 is a numbered list, an item a paragraph ending short of its cell's side, the
# tallest cell of its row: the next row's first line in that column is drawn right after it, a line pitch below.
ITEMS = [(f"第{n}号区司法局{kind}专项业务工作经费", _UNITS[n % 3], "2024-2026", f"保障{kind}工作正常开展。",
          [(f"{kind}案件第{k}类办结数量", f"不少于{10 * k + n}件") for k in range(1, 4 + n % 3)])
         for n, kind in enumerate(["法律援助", "人民调解", "公证", "社区矫正", "普法宣传", "行政复议"] * 2, 1)]


def items_sheet() -> Sheet:
    """绩效指标 the first column (the first cell drawn in a row), 序号 left out."""
    sheet = Sheet("项目支出绩效目标表")
    sheet.put(1, 1, "2024年项目支出绩效目标表")
    for column, label in enumerate(["绩效指标", *HEADER[1:-1]], 1):
        sheet.put(3, column, label)
    for index, (*values, found) in enumerate(ITEMS):
        listed = "\n".join(f"{k}．产出指标：{name}；年度指标值：{value}。" for k, (name, value) in enumerate(found, 1))
        for column, value in enumerate([listed, *values], 1):
            sheet.put(4 + index, column, value)
    sheet.header_rows = (3, 3)
    sheet.table_rows = (3, 3 + len(ITEMS))
    return sheet


MERGED_HEADER = ["序号", "项目名称", "预算单位", "绩效目标", "一级指标", "二级指标", "三级指标", "指标值"]


def merged_sheet(levels: bool = True, full: bool = False) -> Sheet:
    """levels=False: no 一级/二级 columns, the indicator's name the first cell of its row drawn (word-cut-name.pdf);
    full: names of three full lines (word-full-lines.pdf)."""
    sheet = Sheet("项目支出绩效目标表")
    sheet.put(1, 1, "2024年项目支出绩效目标表")
    header = MERGED_HEADER if levels else [label for label in MERGED_HEADER if label not in ("一级指标", "二级指标")]
    for column, label in enumerate(header, 1):
        sheet.put(3, column, label)
    row = 4
    for index, (name, unit, _) in enumerate(PROJECTS):
        found = indicators(index, full)
        for column, value in enumerate([str(index + 1), name, unit, goal(index)], 1):
            sheet.put(row, column, value)
            sheet.merge(row, column, row + len(found) - 1, column)
        for offset, (label, annual) in enumerate(found):
            values = ["产出指标", "数量指标", label, annual] if levels else [label, annual]
            for column, value in enumerate(values, 5):
                sheet.put(row + offset, column, value)
        row += len(found)
    sheet.header_rows = (3, 3)
    sheet.table_rows = (3, row - 1)
    return sheet


def convert(sheet: Sheet, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{name}.docx"
        write_docx(sheet, source)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", folder, str(source)], check=True, capture_output=True)
        shutil.copy(Path(folder) / f"{name}.pdf", HERE / f"{name}.pdf")


def main() -> None:
    if shutil.which("soffice") is None:
        sys.exit("soffice (LibreOffice) is not installed")
    convert(split_rows_sheet(), "word-split-rows-short")
    convert(split_rows_sheet(PARAGRAPHS), "word-paragraphs")
    convert(items_sheet(), "word-items")
    convert(merged_sheet(), "word-merged-over-break")
    convert(merged_sheet(levels=False), "word-cut-name")
    convert(merged_sheet(levels=False, full=True), "word-full-lines")


if __name__ == "__main__":
    main()
