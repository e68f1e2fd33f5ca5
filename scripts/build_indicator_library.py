"""Build resources/indicator_library.json: 三级指标 names by 二级指标, from the seeds' tables.

Run from the repository root:  .venv/bin/python -m scripts.build_indicator_library

The building itself is src/model/level2_suggest.build_library, so that scripts/measure_level2.py can build
the same library from fewer tables and measure the 二级 suggester on the tables it left out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parent.parent

from src.model.declaration import Declaration, Indicator
from src.model.level2_suggest import build_library
from src.storage.infra.files import open_declaration

EXAMPLES = ROOT / "tests" / "data"

# Indicators finance offices commonly expect (DOMAIN.md's framework), beside the seeds' own.
COMMON = {
    "数量指标": ["完成率", "覆盖率", "培训人次", "开展活动次数"],
    "质量指标": ["验收合格率", "考核合格率", "资金使用合规率"],
    "时效指标": ["完成及时率", "资金支付及时率", "按时完成率"],
    "成本指标": ["项目成本控制率", "人均成本"],
    "经济效益指标": ["节约经费", "带动投资额"],
    "社会效益指标": ["群众法律知晓率", "矛盾纠纷化解率", "社区矫正对象再犯罪率"],
    "生态效益指标": ["节能减排", "无纸化办公比率"],
    "可持续影响指标": ["长效管理机制健全性", "制度建设完善程度"],
    "服务对象满意度指标": ["服务对象满意度", "群众满意度", "当事人满意度"],
    "经济成本指标": ["项目总成本", "单位服务成本"],
    "社会成本指标": ["对社会发展的负面影响"],
    "生态环境成本指标": ["对生态环境的负面影响"],
}


def example_tables() -> list[Path]:
    """The example workbooks the bundled library is built from."""
    return sorted(EXAMPLES.glob("*.xlsx"))


def all_indicators(declaration: Declaration) -> list[Indicator]:
    return declaration.department.indicators + [i for p in declaration.projects for i in p.indicators]


def library_from(tables: Iterable[Path]) -> dict[str, list[str]]:
    """The library COMMON plus the indicators of these tables would give."""
    indicators = [i for path in tables for i in all_indicators(open_declaration(path).declaration)]
    return build_library(indicators, COMMON)


def main() -> None:
    library = library_from(example_tables())
    target = ROOT / "resources" / "indicator_library.json"
    target.write_text(json.dumps(library, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{target.name}: {sum(len(v) for v in library.values())} 个指标名称")


if __name__ == "__main__":
    main()
