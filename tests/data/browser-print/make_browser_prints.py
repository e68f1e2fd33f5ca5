"""Makes the browser-printed PDFs of this folder: a web page of a project table, as a site publishes it, printed
to PDF by Chromium headless (the browser's own page breaks; the date and the page's address in its margins).

    python tests/data/browser-print/make_browser_prints.py      (needs chromium; the PDFs are committed)

- one-page.pdf: three projects on one page, with the browser's header and footer (a file of one page, where
  nothing repeats the margin texts).
- row-over-break.pdf: the last project's indicators run over the page break, alone at the next page's top.
- unit-row-after-break.pdf: rows set taller than their text, units as rows of their own (the name alone); a
  project's indicators run over the page break, the next unit's row under them, far apart.
- department-over-break.pdf: a department form (cells merged down, set taller than their rows, as LibreOffice
  writes a sheet's .html), its indicators running over the page break: the browser ends the merged 绩效指标 box
  on the next page above the bottom of the last row, grown to its text.
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


def department_page(filler: int) -> str:
    """A department form as LibreOffice writes a sheet's .html: cells merged down (rowspan), the first column's
    set taller than the rows they cover, borders on each side."""
    side = "; ".join(f"border-{edge}: 1px solid #000000" for edge in ("top", "bottom", "left", "right"))
    cell = "<td style='" + side + "'{} valign=top>{}</td>"
    texts = lambda *labels: "".join(cell.format("", label) for label in labels)  # noqa: E731
    rows = ["<td colspan=6 height=27 align=center><b>部门整体预算绩效目标申报表</b></td>",
            cell.format(" height=27", "部门名称") + cell.format(" colspan=5", "广州市某区司法局"),
            cell.format(" height=50", "部门职能概述") + cell.format(" colspan=5", "负责本区司法行政工作。" * filler),
            cell.format(" height=50", "总体绩效目标") + cell.format(" colspan=5", "提升公共法律服务水平。"),
            cell.format(" rowspan=2 height=120", "年度重点工作任务")
            + texts("名称", "主要实施内容", "拟投入的资金（万元）") + cell.format(" colspan=2", "期望达到的目标（概述）"),
            texts("普法宣传业务经费", "开展普法宣传。", "120.50") + cell.format(" colspan=2", "群众法治意识增强。"),
            cell.format(" rowspan=12 height=370", "绩效指标") + texts("一级指标", "二级指标", "三级指标", "实施周期指标值",
                                                                 "年度指标值"),
            cell.format(" rowspan=5", "产出指标") + texts("数量指标", "普法宣传活动场次（1）", "100%", "100%"),
            texts("质量指标", "调解成功率（2）", "≥1场次", "≥1场次"),
            cell.format(" rowspan=2", "时效指标") + texts("按时完成率（3）", "≥95%", "≥95%"),
            texts("设备维护及时性（4）", "≥1场次", "≥1场次"),
            texts("成本指标", "", "", ""),
            cell.format(" rowspan=4", "效益指标") + texts("经济效益指标", "", "", ""),
            texts("社会效益指标", "", "", ""), texts("生态效益指标", "", "", ""),
            texts("可持续影响指标", "提升法律援助的影响力（5）", "50次以上", "50次以上"),
            cell.format(" rowspan=2", "满意度指标") + cell.format(" rowspan=2", "服务对象满意度指标")
            + texts("综合接待岗群众满意度（6）", "年均12人", "年均12人"),
            texts("当事人满意度（7）", "符合财务规范", "符合财务规范")]
    widths = "".join(f"<colgroup width={width}></colgroup>" for width in (131, 205, 280, 261, 205, 149))
    body = "".join(f"<tr>{row}</tr>" for row in rows)
    return ("<html><head><meta charset=utf-8><title>部门整体预算绩效目标申报表</title><style>body{font-family:"
            "'WenQuanYi Micro Hei',sans-serif;font-size:10pt}</style></head><body>"
            f"<table cellspacing=0 border=0>{widths}{body}</table></body></html>")


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
    short = units[:1] + [("区社区矫正中心", [("社区矫正专项经费", "2024年", "1、满意度指标：群众满意度，年度指标值：≥90%。")])]
    print_pdf(unit_rows_page(short), HERE / "wider-rest-of-cell.pdf", margins_text=False)
    print_pdf(department_page(FILLER), HERE / "department-over-break.pdf", margins_text=False)
    return 0


FILLER = 94  # the 部门职能概述 repeated this often puts the page break among the indicators


if __name__ == "__main__":
    sys.exit(main())
