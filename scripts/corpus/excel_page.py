"""A corpus's renderings as Excel saves a sheet as a web page (文件 → 另存为 → 网页, .htm), the way many finance
bureaus' sites publish a table: GB2312, Office's XML island in a conditional comment, the whole used range as one
table with rowspan/colspan for merged cells, numbers shown as formatted with their value in x:num, a cell's line
breaks as <br style='mso-data-placement:same-cell'>, runs of empty cells as one colspan marked mso-ignore, and the
column widths again in a hidden last row inside <![if supportMisalignedColumns]>. Written from the rendering's
cells (Excel is not on this machine; the markup follows pages Excel wrote, as found in public repositories).

    .venv/bin/python -m scripts.corpus.excel_page build/corpus-seed26 build/corpus-seed26-excel-html
    .venv/bin/python -m scripts.measure_corpus build/corpus-seed26-excel-html

Each page holds the facts of the rendering's .xlsx (the same cells).
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from html import escape
from pathlib import Path

from .copies import read_manifest, write_copies
from .sheet import Sheet

_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 14">
<style>
<!--table
	{{mso-displayed-decimal-separator:"\\.";
	mso-displayed-thousand-separator:"\\,";}}
.xl65
	{{mso-style-parent:style0;
	font-family:宋体;
	white-space:normal;}}
.xl66
	{{mso-style-parent:style0;
	mso-number-format:"\\#\\,\\#\\#0\\.00";}}
-->
</style>
<!--[if gte mso 9]><xml>
 <x:ExcelWorkbook>
  <x:ExcelWorksheets>
   <x:ExcelWorksheet>
    <x:Name>{name}</x:Name>
    <x:WorksheetOptions>
     <x:Print><x:ValidPrinterInfo/><x:PaperSizeIndex>9</x:PaperSizeIndex></x:Print>
    </x:WorksheetOptions>
   </x:ExcelWorksheet>
  </x:ExcelWorksheets>
 </x:ExcelWorkbook>
</xml><![endif]-->
</head>

<body link=blue vlink=purple>

<table border=0 cellpadding=0 cellspacing=0 width={width} style='border-collapse:
 collapse;table-layout:fixed;width:{points}pt'>
"""


def page_html(sheet: Sheet) -> str:
    first_row, first_column, last_row, last_column = sheet.used()
    widths = [round(sheet.widths.get(column, 8.43) * 7 + 5) for column in range(1, last_column + 1)]
    lines = [_HEAD.format(name=escape(sheet.name), width=sum(widths), points=round(sum(widths) * 0.75))]
    lines += [f" <col width={w} style='mso-width-source:userset;width:{round(w * 0.75)}pt'>" for w in widths]
    covered: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for merge in sheet.merges:
        r0, c0, r1, c1 = merge
        for row in range(r0, r1 + 1):
            for column in range(c0, c1 + 1):
                covered[(row, column)] = merge
    for row in range(1, last_row + 1):
        height = sheet.row_height(row) or 14.25
        lines.append(f" <tr height={round(height / 0.75)} style='height:{height:.2f}pt'>")
        empty = 0
        for column in range(1, last_column + 1):
            merge = covered.get((row, column))
            if merge is not None and (merge[0], merge[1]) != (row, column):
                if empty:  # a run of empty cells ends where a cell merged from above or the left stands
                    lines.append(_empty(empty))
                    empty = 0
                continue  # drawn by the merge's first cell
            cell = sheet.cells.get((row, column))
            if cell is None and merge is None:
                empty += 1
                continue
            if empty:
                lines.append(_empty(empty))
                empty = 0
            lines.append(_cell(sheet, row, column, merge))
        if empty:
            lines.append(_empty(empty))
        lines.append(" </tr>")
    lines.append(" <![if supportMisalignedColumns]>")
    lines.append(" <tr height=0 style='display:none'>")
    lines += [f"  <td width={w} style='width:{round(w * 0.75)}pt'></td>" for w in widths]
    lines += [" </tr>", " <![endif]>", "</table>", "", "</body>", "", "</html>", ""]
    return "\n".join(lines)


def _empty(count: int) -> str:
    return f"  <td colspan={count} style='mso-ignore:colspan'></td>" if count > 1 else "  <td></td>"


def _cell(sheet: Sheet, row: int, column: int, merge) -> str:
    spans = ""
    if merge is not None:
        r0, c0, r1, c1 = merge
        spans = (f" colspan={c1 - c0 + 1}" if c1 > c0 else "") + (f" rowspan={r1 - r0 + 1}" if r1 > r0 else "")
    cell = sheet.cells.get((row, column))
    if cell is None:
        return f"  <td{spans} class=xl65>&nbsp;</td>"
    shown = sheet.display(row, column)
    if isinstance(cell.value, (int, float, Decimal)) and not isinstance(cell.value, bool):
        return f"  <td{spans} class=xl66 align=right x:num=\"{cell.value}\">{escape(shown)}</td>"
    text = "<br style='mso-data-placement:same-cell' />".join(escape(line) for line in shown.split("\n"))
    return f"  <td{spans} class=xl65 width=64 style='width:48pt'>{text}</td>"


def make_pages(source: Path, out: Path) -> int:
    """The .htm of every rendering of source's manifest (its .xlsx variants' facts), for the seed it was made with."""
    from scripts.make_corpus import COUNTS, plan_bases

    manifest = read_manifest(source)
    bases = {base.id: base for base in plan_bases(manifest["seed"], COUNTS)}
    out.mkdir(parents=True, exist_ok=True)
    variants = []
    for variant in manifest["variants"]:
        if variant["container"] != "xlsx":
            continue
        base = bases[variant["id"].rsplit("-", 1)[0]]
        name = f"{base.id}.htm"
        (out / name).write_bytes(page_html(base.sheet).encode("gb2312", "xmlcharrefreplace"))  # as Excel does
        variants.append({**variant, "id": f"{base.id}-excelhtml", "file": name, "container": "html",
                         "knobs": {**variant["knobs"], "container": "html", "made_by": "excel"}})
    return write_copies(out, manifest, f"python -m scripts.corpus.excel_page {source} {out}", variants, None,
                        f"Excel-style web pages of {source}'s renderings")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    return make_pages(args.source, args.out)


if __name__ == "__main__":
    sys.exit(main())
