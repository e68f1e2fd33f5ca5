"""Deterministic declarations of any size, worded with the seeds' vocabulary (for the benchmark and scale tests)."""

from __future__ import annotations

import json
import random
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from src.bundled import INDICATOR_LIBRARY, resource_file
from src.model.declaration import Budget, Declaration, Department, Funds, Indicator, Project, Task

_LIBRARY = resource_file(INDICATOR_LIBRARY)
_UNITS = ["区司法局本级", "区法律援助处", "区公职律师事务所", "区公证处", "区社区矫正中心", "区人民调解中心"]
_PROJECT_WORDS = ["人民调解", "法律援助", "社区矫正", "普法宣传", "公共法律服务", "行政复议", "律师管理", "安置帮教",
                  "一村（社区）一法律顾问", "法治政府建设", "信息化运维", "司法所建设"]
_SUFFIX = ["工作经费", "业务经费", "专项经费", "服务项目经费", "补贴资金"]
_VALUES = ["≥95%", "100%", "不少于2000次", "≥8", "12人", "及时", "达标", "不低于85%", "控制在2%以下", "≥1场次",
           "每年不少于400宗", "符合财务规范", "≤2‰", "50次以上", "年均12人"]
_LAYOUT = [("产出指标", "数量指标"), ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
           ("效益指标", "社会效益指标"), ("效益指标", "可持续影响指标"), ("满意度指标", "服务对象满意度指标")]


@lru_cache(maxsize=1)
def _names() -> dict[str, list[str]]:
    return json.loads(_LIBRARY.read_text(encoding="utf-8"))


def generate(projects: int, indicators_per_project: int, seed: int = 2023) -> Declaration:
    rng = random.Random(seed)
    names = _names()
    items = []
    total = Decimal(0)
    for number in range(projects):
        fiscal = Decimal(rng.randrange(100, 5_000_000)) / 100
        other = Decimal(rng.choice([0, 0, 0, rng.randrange(100, 50_000)])) / 100
        total += fiscal + other
        indicators = []
        for position in range(indicators_per_project):
            level1, level2 = _LAYOUT[position % len(_LAYOUT)]
            value = rng.choice(_VALUES)
            indicators.append(Indicator(level1=level1, level2=level2, name=rng.choice(names[level2]) + f"（{position + 1}）",
                                        period_value=value, annual_value=value))
        items.append(Project(
            name=f"{rng.choice(_PROJECT_WORDS)}{rng.choice(_SUFFIX)}（{number + 1:05d}）",
            unit=rng.choice(_UNITS), period="2024-2026",
            funds=Funds(total=fiscal + other, fiscal=fiscal, special_account=None, other=other or None),
            goal="保障各项司法行政工作顺利开展，提升公共法律服务水平，维护社会和谐稳定。", indicators=indicators))
    basic = Decimal("2293.28")
    return Declaration(year=2024, department=Department(
        name="广州市某区司法局",
        budget=Budget(basic=basic, project=total, special_funds=Decimal(0), other_development=Decimal(0),
                      fiscal=basic + total, other_income=Decimal(0), own_level=basic + total, transfer=Decimal(0)),
        overall_goal="全面履行司法行政职能，推进法治政府建设。",
        tasks=[Task(name="公共法律服务体系建设", content="建设三级公共法律服务平台", funds=Decimal("100.00"), expected="全覆盖")],
        indicators=[Indicator(level1="产出指标", level2="数量指标", name="法律援助案件数", period_value="≥1500件", annual_value="≥1500件")],
    ), projects=items)


# ---- the same declaration as the published tables a clerk starts from ------------------------------
# Written by the editor's own printers and writers, so no outside program is needed, except LibreOffice for
# .xls/.ods (the venv has no writer of either): without it those inputs are not made and the bench says why.

def published_html(declaration: Declaration) -> bytes:
    """The summary table as the editor prints it (src/forms), all projects in one <table>, as a web page."""
    from src.forms.html_forms import summary_form

    return summary_form(declaration).html.encode("utf-8")


def published_text(declaration: Declaration) -> bytes:
    """The summary table as Excel/WPS put it on the clipboard and Notepad saves it: tab-separated, a cell
    with line breaks quoted ("…"), CRLF line ends, UTF-8."""
    import csv
    import io

    from src.model.amounts import display_amount
    from src.model.declaration import DEPARTMENT_LABELS, FUNDS_LABELS, PROJECT_LABELS
    from src.model.indicator_lines import indicator_lines
    from src.model.sums import summary_totals

    def amount(value) -> str:
        return display_amount(value) if value is not None else ""

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\r\n")
    writer.writerow([f"{declaration.year}年项目支出绩效目标表"])
    writer.writerow([f"{DEPARTMENT_LABELS['name']}：{declaration.department.name}", "", "", "", "", "", "", "单位：万元"])
    writer.writerow([PROJECT_LABELS["name"], PROJECT_LABELS["unit"], *FUNDS_LABELS.values(), PROJECT_LABELS["goal"],
                     PROJECT_LABELS["indicators"]])
    writer.writerow(["合计", "", *(amount(v) for v in summary_totals(declaration.projects).values()), "", ""])
    for project in declaration.projects:
        funds = project.funds
        writer.writerow([project.name, project.unit, amount(funds.total), amount(funds.fiscal),
                         amount(funds.special_account), amount(funds.other), project.goal,
                         "\n".join(indicator_lines(project.indicators))])
    return buffer.getvalue().encode("utf-8")


def published_pdf(declaration: Declaration) -> bytes:
    """The summary table printed by the editor (src/render/printing.py, Qt): about one page per project."""
    from src.render.printing import pdf_bytes

    return pdf_bytes(declaration, "summary")[0]


def libreoffice_copy(workbook: Path, extension: str, folder: Path) -> Path | None:
    """The editor's workbook saved again as .xls or .ods by LibreOffice, as a clerk's 另存为 does; None
    when LibreOffice is not installed."""
    import shutil
    import subprocess

    program = shutil.which("libreoffice") or shutil.which("soffice")
    if program is None:
        return None
    target = folder / f"{workbook.stem}{extension}"
    profile = folder / "lo-profile"  # its own profile: a desktop LibreOffice that is open does not block it
    subprocess.run([program, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                    extension.lstrip("."), "--outdir", str(folder), str(workbook)],
                   check=True, capture_output=True, timeout=600)
    return target if target.exists() else None
