"""Makes the PDF of this folder, for tests/test_pdf_form2019.py: the 2019 部门整体绩效目标表's 年度主要支出计划 as a
site publishes it, printed to PDF by Chromium headless.

    python tests/data/pdf-form2019/make_pdfs.py      (needs chromium; the PDF is committed)

- task-over-break.pdf: ruled cells; a task's name and goal merged down its four indicators (rowspan), the page
  breaking after its first indicator: the browser flows the name's and the goal's text over the break, the rest at
  the next page's top in the same cells, which it leaves open at the page's foot.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIDE = "border: 1px solid #000000"
NAME = ("优化法律援助服务，保障经济困难公民获得必要的法律服务，提高政府公共法律服务知晓率及法援工作人员的综合素质，"
        "做好法律援助宣传，扩大法律援助覆盖面。")
GOAL = ("严格依法受理、指派法律援助案件，跟踪检查法律援助案件质量，开展法律援助宣传及培训，加强与公、检、法协作，"
        "建立法律援助协调机制和季度通报机制。")
INDICATORS = [("办理法律援助案件", "为符合条件的援助对象提供法律援助率100%"), ("法律援助宣传活动", "≥22场"),
              ("法援工作站人员培训", "≥1次"), ("支付法律援助律师办案补贴", "按规定的补贴标准支付")]
FILLER = 42  # lines of text above the table: the page breaks after the task's first indicator


def cell(text: str, extra: str = "") -> str:
    return f"<td style='{SIDE}' valign=top{extra}>{text}</td>"


def page() -> str:
    header = "".join(cell(label) for label in ("年度主要支出计划（对应任务、政策）", "任务（政策）的绩效目标",
                                               "任务（政策）关键性指标（产出、效益、公众满意度方面）",
                                               "绩效标准（指标解释及预期实现值）", "主要实施项目（项目名称）"))
    rows = [header, cell("推动区内律师依法依规执业。") + cell("规范律师执业行为。") + cell("律师年度考核完成率")
            + cell("100%") + cell("律师管理工作经费")]
    for k, (indicator, standard) in enumerate(INDICATORS):
        merged = cell(NAME, f" rowspan={len(INDICATORS)}") + cell(GOAL, f" rowspan={len(INDICATORS)}") if k == 0 else ""
        rows.append(merged + cell(indicator) + cell(standard) + (cell("法律援助处业务经费", f" rowspan={len(INDICATORS)}")
                                                                  if k == 0 else ""))
    body = "".join(f"<tr>{row}</tr>" for row in rows)
    filler = "".join(f"<p style='margin:0'>说明第 {n} 行：本表由部门填报。</p>" for n in range(1, FILLER + 1))
    return ("<html><head><meta charset=utf-8><title>2019年部门整体绩效目标表</title><style>body{font-family:"
            "'WenQuanYi Micro Hei',sans-serif;font-size:10pt} table{border-collapse:collapse} td{padding:2pt 4pt}"
            "</style></head><body>" + filler + "<h3>2019年部门整体绩效目标表</h3>"
            f"<table cellspacing=0>{body}</table></body></html>")


def print_pdf(html: str, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "table.html"
        source.write_text(html, encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}",
                        "--no-pdf-header-footer", source.as_uri()], capture_output=True, timeout=120, check=True)


if __name__ == "__main__":
    print_pdf(page(), HERE / "task-over-break.pdf")
    sys.exit(0)
