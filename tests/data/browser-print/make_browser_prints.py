"""Makes the browser-printed PDFs of this folder: a web page of a project table, as a site publishes it, printed
to PDF by Chromium headless (the browser's own page breaks; the date and the page's address in its margins).

    python tests/data/browser-print/make_browser_prints.py      (needs chromium; the PDFs are committed)

- one-page.pdf: three projects on one page, with the browser's header and footer (a file of one page, where
  nothing repeats the margin texts).
- row-over-break.pdf: the last project's indicators run over the page break, alone at the next page's top.
- unit-row-after-break.pdf: rows set taller than their text, units as rows of their own (the name alone); a
  project's indicators run over the page break, the next unit's row under them, far apart.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = ("序号", "项目名称", "预算单位", "总计", "财政拨款", "绩效指标")
STYLE = ("body{font-family:'WenQuanYi Micro Hei',sans-serif;font-size:10pt} table{border-collapse:collapse}"
         "td{vertical-align:top;padding:2pt 4pt} td.wide{width:260pt}")


def indicators(count: int, start: int = 1) -> str:
    names = ["法律援助案件办理数", "普法宣传活动场次", "调解成功率", "群众满意度", "案件办结及时率", "法治讲座覆盖社区数"]
    return "".join(f"{start + i}、产出指标：数量指标：{names[i % len(names)]}（{start + i}），"
                   f"年度指标值：不少于{10 + i}次。" for i in range(count))


def page(rows: list[tuple[str, str, str, str, str]], filler: int) -> str:
    body = "".join(f"<tr><td>{n}</td><td>{name}</td><td>{unit}</td><td>{total}</td><td>{grant}</td>"
                   f"<td class=wide>{text}</td></tr>" for n, (name, unit, total, grant, text) in enumerate(rows, 1))
    spacer = "<p>说明：本表由各预算单位填报。</p>" * filler
    return (f"<html><head><meta charset=utf-8><title>2024年项目支出绩效目标表</title><style>{STYLE}</style></head><body>"
            f"{spacer}<h3>广州市某区司法局2024年项目支出绩效目标表</h3><p>单位：万元</p><table><tr>"
            + "".join(f"<td>{label}</td>" for label in HEADER) + f"</tr>{body}</table>"
            "<p>注：1. 本表金额单位为万元。</p></body></html>")


def unit_rows_page(units: list[tuple[str, list[tuple[str, str, str]]]]) -> str:
    rows, number = "", 0
    for unit, projects in units:
        rows += f"<tr style='height:60pt'><td></td><td>{unit}</td><td></td><td></td></tr>"
        for name, period, text in projects:
            number += 1
            rows += (f"<tr style='height:60pt'><td>{number}</td><td>{name}</td><td>{period}</td>"
                     f"<td class=wide>{text}</td></tr>")
    return (f"<html><head><meta charset=utf-8><title>项目支出绩效目标表</title><style>{STYLE}</style></head><body>"
            "<h3>广州市某区司法局2024年项目支出绩效目标表</h3><table><tr><td>序号</td><td>项目名称</td><td>实施周期</td>"
            f"<td>绩效指标</td></tr>{rows}</table></body></html>")


def print_pdf(html: str, pdf: Path, margins_text: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "table.html"
        source.write_text(html, encoding="utf-8")
        command = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}",
                   source.as_uri()]
        if not margins_text:
            command.insert(-1, "--no-pdf-header-footer")
        subprocess.run(command, capture_output=True, timeout=120, check=True)


def main() -> int:
    rows = [("法律援助服务项目经费", "区法律援助处", "120.50", "120.50", indicators(3)),
            ("普法宣传业务经费", "区司法局本级", "48.00", "48.00", indicators(2)),
            ("人民调解专项经费", "区人民调解中心", "35.20", "35.20", indicators(4))]
    print_pdf(page(rows, 0), HERE / "one-page.pdf", margins_text=True)
    tall = rows[:2] + [("社区矫正专项经费", "区社区矫正中心", "66.00", "66.00", indicators(40))]
    print_pdf(page(tall, 12), HERE / "row-over-break.pdf", margins_text=True)
    units = [("区法律援助处", [("法律援助服务项目经费", "2024年", indicators(3)), ("法律援助补贴", "2024年", indicators(2)),
                             ("律师管理业务经费", "2024-2026年", indicators(30))]),
             ("区社区矫正中心", [("社区矫正专项经费", "2024年", indicators(3))])]
    print_pdf(unit_rows_page(units), HERE / "unit-row-after-break.pdf", margins_text=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
