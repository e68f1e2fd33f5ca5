"""Make the PDFs of tests/test_pdf_fitted.py: project tables typed in Word (a .docx written by
scripts/corpus/word_document.py from a Sheet), printed by LibreOffice Writer (`soffice --headless --convert-to pdf`, a
private profile), its columns fitted to the page's width.

    .venv/bin/python tests/data/pdf/fitted/make_fitted_pdfs.py     # writes tests/data/pdf/fitted/*.pdf

- word-units-merged.pdf: twelve projects, their 预算单位 merged down over each unit's four, rows tall enough that the
  pages break within a unit's run. Writer draws every border at a page's foot, a merged cell's too, and prints a merged
  cell's text once, on its first page: the rest of the cell stands empty at the next page's top (read as projects with
  no unit before). Amounts in 元 too wide for the narrow columns: Writer breaks the number where the line is full
  (446,079,9 | 00.00; read as two numbers before, left empty with a note).

The facts are the lists below (the tests read them from here).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
sys.path.insert(0, str(ROOT))

from scripts.corpus.sheet import Sheet
from scripts.corpus.word_document import write_docx

HEADER = ["序号", "项目名称", "预算单位", "实施周期", "总计", "财政拨款", "绩效目标", "绩效指标"]
UNITS = ["广州市天河区公证处", "广州市天河区法律援助处", "广州市天河区司法局"]
_KINDS = ["法律援助", "人民调解", "公证", "社区矫正", "普法宣传", "行政复议"]
_GOAL = ("保障{kind}各项工作正常开展，提升公共法律服务水平，维护社会和谐稳定，推进法治社会建设，为群众提供优质高效的"
         "法律服务，增强人民群众的法治获得感和满意度。")


def projects() -> list[tuple[str, str, str, Decimal, str, str]]:
    """(name, unit, period, total in 元, goal, indicator) of each project, four to a unit."""
    found = []
    for n in range(12):
        kind = _KINDS[n % len(_KINDS)]
        total = Decimal(446079900 + 1357913 * n) / 1 + Decimal("0.00")
        found.append((f"第{n + 1}号{kind}专项业务经费", UNITS[n // 4], f"202{n % 3 + 3}-202{n % 3 + 5}", total,
                      _GOAL.format(kind=kind), f"1、产出指标：数量指标：{kind}案件办结数；年度指标值：≥{90 + n}件"))
    return found


def units_sheet() -> Sheet:
    sheet = Sheet("项目支出绩效目标表")
    sheet.put(1, 1, "2024年项目支出绩效目标表")
    sheet.put(2, 1, "单位：元")
    for column, label in enumerate(HEADER, 1):
        sheet.put(3, column, label)
    rows = projects()
    for index, (name, unit, period, total, goal, indicator) in enumerate(rows):
        amount = f"{total:,.2f}"
        for column, value in enumerate([str(index + 1), name, unit, period, amount, amount, goal, indicator], 1):
            if column != 3 or index % 4 == 0:
                sheet.put(4 + index, column, value)
        if index % 4 == 0:
            sheet.merge(4 + index, 3, 4 + index + 3, 3)
    sheet.header_rows = (3, 3)
    sheet.table_rows = (3, 3 + len(rows))
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
    convert(units_sheet(), "word-units-merged")


if __name__ == "__main__":
    main()
