"""Makes past-foot.pdf: a project table on A4 landscape, not fitted to the page width, printed by LibreOffice
(`soffice --headless --convert-to pdf`, a private profile) in strips of columns. The rows above its header are so
tall that the header ends below the paper's height: LibreOffice then lays the first pages out as tall as A4 is
upright, and draws the first projects' rows, lines and text, below the paper's foot (nothing of them on any other
page).

    .venv/bin/python tests/data/pdf/strips/make_past_foot.py     # writes tests/data/pdf/strips/past-foot.pdf
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Side

HERE = Path(__file__).resolve().parent
HEADER = ["序号", "主管部门", "项目名称", "预算单位", "项目资金", "", "", "", "绩效指标", "绩效目标"]
FUNDS = ["总计", "财政拨款", "财政专户拨款", "其他资金"]
PROJECTS = [  # name, unit, total, fiscal, indicators, goal
    ("公职律师工作经费", "区公职律师事务所", 5004.36, 5004.36,
     "1.满意度指标:区政府交办案件投诉率,年度指标值:0%。2.效益指标:资金支出符合财务规范,年度指标值:符合财务规范。"
     "3.效益指标:审核合同完成率,年度指标值:100%。4.产出指标:审核合同数,年度指标值:10份。",
     "为政府职能部门的日常行政决策提供专项法律意见，推进政府依法行政。"),
    ("安置帮教经费", "区司法局本级", 5125.89, 5125.89,
     "1.产出指标：组织开展“大墙内”社会帮教活动，年度指标值：2次。2.效益指标：刑满释放人员重新犯罪率，年度指标值：控制在2%以下。",
     "严格落实刑满释放人员衔接和帮教工作，最大限度预防和减少刑满释放人员重新犯罪。")]


def workbook() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目支出绩效目标表"
    for column, width in zip("ABCDEFGHIJ", (5, 14, 24, 16, 12, 12, 12, 12, 64, 42)):
        sheet.column_dimensions[column].width = width
    sheet["A1"] = "附件2"
    sheet["A3"] = "说明：本表由各预算单位填报，汇总后随部门预算一并公开。"
    sheet["A4"] = "2022年项目支出绩效目标表（含转移支付项目）"
    sheet.merge_cells("A4:J4")
    sheet["J5"] = "单位：万元"
    for height, row in zip((52.5, 32.2, 255, 32.2, 32.2, 32.2, 52.5, 153.8, 133.5), range(1, 10)):
        sheet.row_dimensions[row].height = height
    line = Side(style="thin")
    rows = [HEADER, ["", "", "", "", *FUNDS, "", ""]]
    rows += [[number, "番禺区司法局", name, unit, total, fiscal, None, None, indicators, goal]
             for number, (name, unit, total, fiscal, indicators, goal) in enumerate(PROJECTS, start=1)]
    for r, values in enumerate(rows, start=6):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c, value=value if value != "" else None)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.border = Border(left=line, right=line, top=line, bottom=line)
    for column in "ABCDIJ":
        sheet.merge_cells(f"{column}6:{column}7")
    sheet.merge_cells("E6:H6")
    sheet.print_title_rows = "6:7"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    return book


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "past-foot.xlsx"
        workbook().save(source)
        profile = Path(folder) / "profile"
        subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                        "--outdir", folder, str(source)], capture_output=True, timeout=180, check=True)
        shutil.copy(Path(folder) / "past-foot.pdf", HERE / "past-foot.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
