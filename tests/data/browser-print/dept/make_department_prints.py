"""Makes the browser-printed department forms of this folder: a department form as LibreOffice writes a sheet's
.html (no borders, cells merged down and across, amounts right-aligned), printed to PDF by Chromium headless.

    python tests/data/browser-print/dept/make_department_prints.py      (needs chromium; the PDFs are committed)

- amount-against-goal.pdf: the tasks' amounts right-aligned against their goals (the next cell's text, left-
  aligned, a cell's padding away), an indicator's short 指标值 far right of its name under the tasks' header.
- goal-over-break.pdf: with the browser's margin texts; a task's goal runs over the page break, and the next
  page begins with its rest, then 其他需完成的任务 and 绩效指标 printed above the indicators' header, in the
  form's label column.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "<font face='WenQuanYi Micro Hei'>{}</font>"


def cell(text: str, attributes: str = "", align: str = "left", valign: str = "top") -> str:
    return f"<td{attributes} align={align} valign={valign}>{FONT.format(text) if text else '<br>'}</td>"


def form(tasks: list[tuple[str, str, str, str]], indicators: list[tuple[str, str, str, str, str]],
         overall_goal: str) -> str:
    labels = lambda *texts: "".join(cell(text, align="center", valign="middle") for text in texts)  # noqa: E731
    rows = [cell("2024年度部门整体预算绩效目标申报表", " colspan=6 height=27", "center", "middle"),
            cell("部门名称", " height=27") + cell("广州市某区司法局", " colspan=5"),
            cell("总体绩效目标", " height=50") + cell(overall_goal, " colspan=5"),
            cell("年度重点工作任务", f" rowspan={len(tasks) + 2} height=300")
            + labels("名称", "主要实施内容", "拟投入的资金（万元）") + cell("期望达到的目标（概述）", " colspan=2", "center", "middle")]
    rows += [cell(name) + cell(content) + cell(funds, align="right") + cell(goal, " colspan=2")
             for name, content, funds, goal in tasks]
    rows.append(cell("其他需完成的任务（可选填）") + cell("") + cell("") + cell("", " colspan=2"))
    rows.append(cell("绩效指标", f" rowspan={len(indicators) + 1} height=300")
                + labels("一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"))
    rows += ["".join(cell(text) for text in indicator) for indicator in indicators]
    widths = "".join(f"<colgroup width={width}></colgroup>" for width in (131, 205, 280, 261, 205, 149))
    body = "".join(f"<tr>{row}</tr>" for row in rows)
    return ("<html><head><meta charset=utf-8><title>部门整体预算绩效目标申报表</title><style>body,td{font-family:"
            "'WenQuanYi Micro Hei',sans-serif;font-size:x-small}</style></head><body>"
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


CONTENT = "保障各项司法行政工作顺利开展，提升公共法律服务水平，维护社会和谐稳定。"
INDICATORS = [("产出指标", "数量指标", "购买专项法律服务项目(个)（1）", "50次以上", "50次以上"),
              ("", "时效指标", "资金支付及时率（2）", "≥8", "≥8"),
              ("满意度指标", "服务对象满意度指标", "律师执业活动投诉率（3）", "12人", "12人")]


def main() -> int:
    tasks = [("信息化运维业务经费", CONTENT, "23,572.22", "辅助审理行政复议案件（宗）年均12人；设备购置完成率符合财务规范。"),
             ("行政复议服务项目经费", CONTENT, "44,459.34", "购买专项法律服务项目≥1场次；普法宣传服务项目运行≥8。")]
    print_pdf(form(tasks, INDICATORS, CONTENT), HERE / "amount-against-goal.pdf", margins_text=False)
    long_goal = "在全市实现一村（社区）一法律顾问线上线下全覆盖，群众不出村（社区）即可享受到法律服务。" * 6 + "新格局。"
    tasks = [("一村（社区）一法律顾问公益法律服务工作经费", CONTENT * 2, "534", long_goal)]
    print_pdf(form(tasks, INDICATORS, CONTENT * FILLER), HERE / "goal-over-break.pdf", margins_text=True)
    return 0


FILLER = 135  # the overall goal repeated this often puts the page break inside the task's goal


if __name__ == "__main__":
    sys.exit(main())
