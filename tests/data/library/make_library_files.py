"""Build the 指标库 test files (README.md here says where their rows come from).

    cd tests/data/library && ../../../.venv/bin/python make_library_files.py

writes bureau-library.xlsx (openpyxl: a title, 行业/一级/二级 merged down their runs) and
other-order.xlsx (levels written once per run, codes, another column order), then LibreOffice makes
bureau-library.pdf and other-order.xls from them (other-order.xlsx is removed: the .xls is the test file).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

HERE = Path(__file__).resolve().parent
QIKAN = "期刊文章 表1 通用共性指标库示例"

# 行业/领域, 一级, 二级, 三级, 指标解释, 指标值/计量单位, 评(扣)分标准
BUREAU_ROWS = [
    ("共性", "产出指标", "数量指标", "培训参加人数(人)", "", "人", "完成目标得满分，未完成按比例扣分"),
    ("共性", "产出指标", "数量指标", "组织培训班次(次)", "", "次", "完成目标得满分，未完成按比例扣分"),
    ("共性", "产出指标", "数量指标", "办公大楼日常维修维护次数", "反映办公大楼全年维修维护情况", "2280次", "完成目标得满分"),
    ("共性", "产出指标", "质量指标", "培训合格率(%)", "", "%", "达到目标值得满分"),
    ("共性", "产出指标", "质量指标", "评审合格率(%)", "", "%", "达到目标值得满分"),
    ("共性", "产出指标", "时效指标", "培训计划完成时间", "", "", "按时完成得满分"),
    ("共性", "效益指标", "社会效益指标", "业务保障能力提升情况", "", "", "根据提升情况酌情扣分"),
    ("共性", "效益指标", "社会效益指标", "公共服务水平提升情况", "", "", "根据提升情况酌情扣分"),
    ("共性", "效益指标", "可持续影响指标", "政策性成果废止情况", "", "", "无废止得满分"),
    ("共性", "满意度指标", "服务对象满意度指标", "受训学员满意度(%)", "", "%", "≥90%得满分"),
    ("共性", "满意度指标", "服务对象满意度指标", "税务局对我单位税费缴纳及时、足额的满意度", "考察税费缴纳的及时、足额",
     "＝100%", "达到目标值得满分"),
    ("共性", "过程", "资金管理", "资金到位率", "实际到位资金与计划投入资金的比率", "%", "到位率100%得满分"),
    ("生态环境/林业/水务", "产出指标", "数量指标", "开展小型水利工程建设(个)", "反映小型水利工程建设项目开展情况", "个",
     "完成得满分"),
    ("生态环境/林业/水务", "产出指标", "数量指标", "开展小型水利工程建设(个)", "反映小型水利工程建设项目开展情况", "个",
     "完成得满分"),
]
HEADER = ("行业/领域", "一级指标", "二级指标", "三级指标", "指标解释", "指标值/计量单位", "评（扣）分标准")

# 序号, 指标名称, 一级指标, 二级指标, 计量单位, 指标说明, 参考值: levels written once per run, with codes
OTHER_HEADER = ("序号", "指标名称", "一级指标", "二级指标", "计量单位", "指标说明", "参考值")
OTHER_ROWS = [
    (1, "与会人数(人)", "1-产出指标", "11-数量", "人", "", ""),
    (2, "组织召开会议次数(次)", "", "", "次", "", ""),
    (3, "会议出勤率(%)", "", "12-质量", "%", "", "≥95%"),
    (4, "会议计划完成时间", "", "13-时效", "", "", "按时"),
    (5, "大楼安检巡察次数", "", "11-数量", "次", "反映大楼保卫巡检情况", "200次"),
    (6, "与会人员满意度(%)", "3-满意度指标", "", "%", "", "≥90%"),
    (7, "政府采购节支率(%)", "2-效益指标", "成本指标", "%", "", ""),
]


def _style(sheet, first: int, last: int, width: int) -> None:
    side = Side(style="thin")
    for row in sheet.iter_rows(min_row=first, max_row=last, max_col=width):
        for cell in row:
            cell.border = Border(left=side, right=side, top=side, bottom=side)
            cell.alignment = Alignment(vertical="center", wrap_text=True)


def bureau_library(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "指标库"
    sheet.append(["某市财政局项目支出绩效指标库（共性指标，试行）"])
    sheet.merge_cells("A1:G1")
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["说明：本指标库供编制绩效目标时参考，指标值由各单位根据实际确定。"])
    sheet.merge_cells("A2:G2")
    sheet.append([])
    sheet.append(HEADER)
    first = sheet.max_row + 1
    for row in BUREAU_ROWS:
        sheet.append(row)
    last = sheet.max_row
    for column in (1, 2, 3):  # 行业, 一级, 二级 merged down each run, as published
        start = 0
        for number in range(1, len(BUREAU_ROWS) + 1):
            if number == len(BUREAU_ROWS) or BUREAU_ROWS[number][:column] != BUREAU_ROWS[start][:column]:
                if number - 1 > start:
                    for cleared in range(first + start + 1, first + number):
                        sheet.cell(cleared, column).value = None
                    sheet.merge_cells(start_row=first + start, start_column=column, end_row=first + number - 1,
                                      end_column=column)
                start = number
    for column, width in zip("ABCDEFG", (16, 11, 16, 34, 30, 14, 22)):
        sheet.column_dimensions[column].width = width
    _style(sheet, 4, last, 7)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToHeight = 0
    book.save(path)


def other_order(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "共性指标"
    sheet.append(["共性指标参考表"])
    sheet.append([])
    sheet.append(OTHER_HEADER)
    for row in OTHER_ROWS:
        sheet.append(row)
    _style(sheet, 3, sheet.max_row, 7)
    book.save(path)


def convert(source: Path, kind: str) -> None:
    subprocess.run(["soffice", "--headless", "--convert-to", kind, "--outdir", str(HERE), str(source)], check=True,
                   capture_output=True, timeout=180)


if __name__ == "__main__":
    bureau_library(HERE / "bureau-library.xlsx")
    other_order(HERE / "other-order.xlsx")
    convert(HERE / "bureau-library.xlsx", "pdf")
    convert(HERE / "other-order.xlsx", "xls")
    (HERE / "other-order.xlsx").unlink()
