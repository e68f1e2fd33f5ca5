"""The declarations the corpus is made from: the example tables (read by the editor, whose readings of them
tests/test_xlsx_import.py checks against their .expected.json), the demo, the bench's generated ones, and the
2019 form transcribed from seed 004.

A source lacks what its published table lacked (番禺's amounts and 实施周期, the demo's 实施周期 and its one
unit): those fields are filled here, seeded, so that every knob has something to show, and the variant's
manifest says which fields were filled (`augmented`). The expected facts are always those of the declaration
the table was rendered from, filled fields included.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from functools import cache
from pathlib import Path

from src.model.declaration import (
    Budget,
    Declaration,
    Department,
    Funds,
    Indicator,
    Project,
    Task,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
PROJECT_SOURCES = ("demo-tianhe-2023", "panyu-2022", "bench")
DEPARTMENT_SOURCES = ("haizhu", "tianhe-derived", "bench")
FORM2019_SOURCES = ("tianhe-2019", "bench")

_PERIODS = ["2023", "2023-2025", "2022年1月-2023年12月", "2024-2026", "2021-2023", None]
_EXTRA_UNITS = {"demo-tianhe-2023": ["天河区法律援助处", "天河区社区矫正中心", "天河区公证处"]}
# 年度目标's spanning line, as seed 004 prints it under the 关键指标
_SPANNING = "其中：部门年度整体预算完成率：100%"
# The older framework's 二级 under each 一级 (seed 003), the template rows a department form prints
TEMPLATE = [("产出指标", ["数量指标", "质量指标", "时效指标", "成本指标"]),
            ("效益指标", ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]),
            ("满意度指标", ["服务对象满意度指标"])]


@cache
def _opened(relative: str) -> Declaration:
    from src.storage.infra.files import open_declaration

    return open_declaration(ROOT / relative).declaration


def _bench(projects: int, per_project: int, seed: int) -> Declaration:
    from bench.generate import generate

    return generate(projects, per_project, seed=seed)


def _copy(declaration: Declaration) -> Declaration:
    return declaration.model_copy(deep=True)


# ---- 项目支出绩效目标表 -------------------------------------------------------------------------

def project_declaration(rng: random.Random, source: str, count: int) -> tuple[Declaration, list[str]]:
    """`count` projects of the source in their order, grouped by unit (the published tables list a unit's
    projects together); the fields the source lacks filled. Returns the declaration and the filled fields."""
    augmented: list[str] = []
    if source == "bench":
        whole = _bench(count, rng.randint(3, 8), rng.randrange(1_000_000))
    elif source == "demo-tianhe-2023":
        whole = _copy(_opened("resources/demo-tianhe-2023.json"))
    elif source == "panyu-2022":
        whole = _copy(_opened("tests/data/panyu-2022-projects.xlsx"))
    else:
        raise ValueError(source)
    picked = sorted(rng.sample(range(len(whole.projects)), min(count, len(whole.projects))))
    projects = [whole.projects[i] for i in picked]
    units = {p.unit for p in projects}
    if len(units) == 1 and source in _EXTRA_UNITS:
        pool = [projects[0].unit, *_EXTRA_UNITS[source]]
        for project in projects:
            project.unit = rng.choice(pool)
        augmented.append("unit")
    if all(p.period is None for p in projects):
        for project in projects:
            project.period = rng.choice(_PERIODS)
        augmented.append("period")
    if all(p.funds.total is None for p in projects):
        for project in projects:
            fiscal = Decimal(rng.randrange(50, 900_000)) / 100
            special = Decimal(rng.randrange(100, 20_000)) / 100 if rng.random() < 0.15 else None
            other = Decimal(rng.randrange(100, 50_000)) / 100 if rng.random() < 0.25 else None
            project.funds = Funds(total=fiscal + (special or 0) + (other or 0), fiscal=fiscal,
                                  special_account=special, other=other)
        augmented.append("funds")
    order = list(dict.fromkeys(p.unit for p in projects))
    projects.sort(key=lambda p: order.index(p.unit))
    declaration = Declaration(year=whole.year, department=Department(name=whole.department.name), projects=projects)
    return declaration, augmented


# ---- 部门整体预算绩效目标申报表 ---------------------------------------------------------------------

def department_declaration(rng: random.Random, source: str) -> tuple[Declaration, list[str]]:
    if source == "haizhu":
        declaration = _copy(_opened("tests/data/haizhu-department.xlsx"))
        return declaration, []
    if source == "tianhe-derived":
        base = _copy(_opened("resources/demo-tianhe-2023.json"))
        projects = base.projects
        department = base.department
        basic = Decimal(rng.randrange(100_000, 400_000)) / 100
        project_total = department.budget.project
        special = Decimal(rng.randrange(0, int(project_total * 50))) / 100
        department.budget = Budget(basic=basic, project=project_total, special_funds=special,
                                   other_development=project_total - special, fiscal=basic + project_total,
                                   other_income=Decimal("0.00"), own_level=basic + project_total, transfer=Decimal("0.00"))
        augmented = ["budget", "overall_goal", "tasks", "indicators"]
    elif source == "bench":
        base = _bench(rng.randint(3, 6), 7, rng.randrange(1_000_000))
        projects = base.projects
        department = base.department
        department.name = rng.choice(["广州市某区司法局", "广州市白云区司法局", "广州市黄埔区司法局", "广州市南沙区司法局"])
        department.functions = "负责本区司法行政工作。主要职责：" + "；".join(
            f"{n}. 负责{p.name.split('（')[0]}相关工作" for n, p in enumerate(projects[:4], 1)) + "。"
        augmented = ["functions", "overall_goal", "tasks", "indicators"]
    else:
        raise ValueError(source)
    chosen = rng.sample(projects, min(len(projects), rng.randint(1, 4)))
    department.overall_goal = "".join(p.goal for p in rng.sample(projects, min(3, len(projects))) if p.goal) or None
    department.tasks = [Task(name=p.name, content=p.goal, funds=p.funds.total,
                             expected="；".join(f"{i.name}{i.annual_value or ''}" for i in p.indicators[:3]) + "。")
                        for p in chosen]
    pool = [i for p in projects for i in p.indicators if i.level1 and i.level2 and i.name]
    picked = rng.sample(pool, min(len(pool), rng.randint(4, 10)))
    department.indicators = [Indicator(level1=i.level1, level2=i.level2, name=i.name, period_value=i.period_value,
                                       annual_value=i.annual_value) for i in picked]
    return Declaration(year=base.year, department=department), augmented


def level_order(indicator: Indicator) -> tuple[int, int]:
    """Where an indicator's 一级/二级 sit in the form's template (unknown ones last)."""
    for first, (level1, level2s) in enumerate(TEMPLATE):
        if indicator.level1 == level1:
            return first, level2s.index(indicator.level2) if indicator.level2 in level2s else len(level2s)
    return len(TEMPLATE), 0


# ---- 部门整体绩效目标表 (2019) ---------------------------------------------------------------------

def form2019_facts(rng: random.Random, source: str) -> tuple[dict, list[str]]:
    """The 2019 form as tests/data/form2019/tianhe-2019.facts.json holds it, amounts as Decimal."""
    if source == "tianhe-2019":
        facts = json.loads((DATA / "form2019" / "tianhe-2019.facts.json").read_text(encoding="utf-8"))
        facts["income"] = [[label, Decimal(amount.replace(",", ""))] for label, amount in facts["income"]]
        return facts, []
    if source != "bench":
        raise ValueError(source)
    base = _bench(rng.randint(4, 7), 6, rng.randrange(1_000_000))
    year = rng.choice([2019, 2020])
    fiscal = Decimal(rng.randrange(100_000, 900_000)) / 100
    general = fiscal - Decimal(rng.randrange(0, 5_000)) / 100
    others = [Decimal(rng.choice([0, 0, rng.randrange(100, 9_000)])) / 100 for _ in range(4)]
    income = [["总额（万元）", fiscal + sum(others)], ["1. 财政拨款收入", fiscal], ["其中：一般公共预算", general],
              ["政府性基金预算", fiscal - general], ["2.财政专户管理资金", others[0]], ["3.事业收入", others[1]],
              ["4.经营收入", others[2]], ["5.其他收入", others[3]]]

    def block(label: str, projects: list[Project], plan: str, goal_header: str) -> dict:
        pairs = [[i.name, i.annual_value] for p in projects for i in p.indicators[:2] if i.name and i.annual_value]
        short = [p.name.split("（")[0] for p in projects]
        tasks = [{"name": (name if short.count(name) == 1 else p.name) + "任务", "goal": p.goal,
                  "indicators": [[i.name, i.annual_value] for i in p.indicators[:rng.randint(1, 4)]],
                  "projects": p.name} for name, p in zip(short, projects)]
        return {"label": label, "plan_header": plan, "goal_header": goal_header,
                "goal": "全面履行司法行政职能，" + (projects[0].goal or ""), "key_indicators": pairs[:rng.randint(3, 8)],
                "tasks": tasks}

    half = len(base.projects) // 2
    this_year = block("本年", base.projects[:half + 1], "年度主要支出计划（对应任务、政策）", "任务（政策）的绩效目标")
    if rng.random() < 0.5:
        this_year["key_indicators_after"] = _SPANNING
    three = block("三年期", base.projects[half:], "三年期主要支出计划（对应任务、政策）", "任务的绩效目标")
    facts = {"title": f"{year}年部门整体绩效目标表", "year": year,
             "name": rng.choice(["广州市某区司法局", "广州市越秀区司法局", "广州市荔湾区司法局"]),
             "functions": "负责本区司法行政工作。主要职责包括：\n1.贯彻执行国家法律、法规；2.负责全区法治宣传；3.指导人民调解工作。",
             "income": income, "blocks": [this_year, three], "remarks": "无"}
    return facts, ["all: generated from bench.generate's vocabulary"]
