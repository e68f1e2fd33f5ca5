"""Deterministic declarations of any size, worded with the seeds' vocabulary (for the benchmark and scale tests)."""

from __future__ import annotations

import json
import random
from decimal import Decimal
from functools import lru_cache
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
