"""Make the PDFs of tests/test_pdf_reprint.py: small tables printed by LibreOffice, then remade as a virtual PDF
printer remakes them (the commands of scripts/corpus/reprints.py):

    .venv/bin/python tests/data/reprint-pdf/make_reprints.py     # needs soffice, poppler-utils and Ghostscript

- ruled.pdf: a project table with every border drawn and its header bold (LibreOffice draws bold of a font
  without a bold face by stroking the glyphs as well), as Calc prints it (`soffice --convert-to pdf`);
- ruled.cairo.pdf: ruled.pdf drawn again by cairo (`pdftocairo -pdf`, a Linux desktop's print to file): the bold
  header's glyphs come as text and then their outlines stroked as paths, whose straight pieces are rectangles;
- ruled.gs.pdf: ruled.pdf as PostScript (`pdftops`) distilled by Ghostscript (`ps2pdf`), as the Windows virtual
  printers do: its fonts keep no character for any glyph (the text copies as garbage);
- clipped.cairo.pdf: tests/data/pdf/silent-clipped-rows.pdf (no borders, rows too low for their goals) drawn
  again by cairo: what the rows hid is left out, and the cut lines are clipped to the part that shows;
- corpus-f010.cairo.pdf: tests/data/corpus/f010.pdf (a 2019 form printed in strips, not fitted to the page width)
  drawn again by cairo: the text a row merged across the strips draws on each page comes with no clip of its own.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side

HERE = Path(__file__).resolve().parent

HEADER = ["序号", "项目名称", "预算单位", "总计", "财政拨款", "绩效目标", "绩效指标"]
PROJECTS = [
    ("1", "法律援助业务经费", "区法律援助处", "148.50", "148.50", "保障法律援助案件办理，维护困难群众合法权益。",
     "1、产出指标：数量指标：办理案件数；实施周期指标值：≥300件；年度指标值：≥100件。"),
    ("2", "人民调解工作经费", "区司法局本级", "96.20", "96.20", "化解矛盾纠纷，维护社会和谐稳定。",
     "1、产出指标：质量指标：调解成功率；实施周期指标值：≥90%；年度指标值：≥90%。"),
    ("3", "普法宣传经费", "区司法局本级", "36.00", "36.00", "开展普法宣传活动，提升群众法治意识。",
     "1、产出指标：数量指标：宣传活动场次；实施周期指标值：≥30场；年度指标值：≥10场。"),
]


def ruled_workbook() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["测试区司法局2024年项目支出绩效目标表"])
    sheet.append(HEADER)
    for project in PROJECTS:
        sheet.append(list(project))
    side = Side(style="thin")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.border = Border(left=side, right=side, top=side, bottom=side)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    sheet["A1"].font = Font(bold=True, size=14)
    for column, width in zip("ABCDEFG", (6, 20, 14, 10, 10, 28, 40)):
        sheet.column_dimensions[column].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # every column on one page's width
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    return book


def convert(book: openpyxl.Workbook, target: Path) -> None:
    """The workbook printed to PDF by LibreOffice (a private profile: others may run soffice meanwhile)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{target.stem}.xlsx"
        book.save(source)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", folder, str(source)], check=True, capture_output=True)
        shutil.copy(Path(folder) / f"{target.stem}.pdf", target)


def main() -> None:
    for tool in ("soffice", "pdftocairo", "pdftops", "ps2pdf"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed")
    convert(ruled_workbook(), HERE / "ruled.pdf")
    subprocess.run(["pdftocairo", "-pdf", str(HERE / "ruled.pdf"), str(HERE / "ruled.cairo.pdf")], check=True)
    with tempfile.TemporaryDirectory() as folder:
        postscript = Path(folder) / "ruled.ps"
        subprocess.run(["pdftops", str(HERE / "ruled.pdf"), str(postscript)], check=True)
        subprocess.run(["ps2pdf", str(postscript), str(HERE / "ruled.gs.pdf")], check=True)
    subprocess.run(["pdftocairo", "-pdf", str(HERE.parent / "pdf" / "silent-clipped-rows.pdf"),
                    str(HERE / "clipped.cairo.pdf")], check=True)
    subprocess.run(["pdftocairo", "-pdf", str(HERE.parent / "corpus" / "f010.pdf"),
                    str(HERE / "corpus-f010.cairo.pdf")], check=True)


if __name__ == "__main__":
    main()
