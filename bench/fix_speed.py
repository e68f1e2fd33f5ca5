"""python -m bench.fix_speed [--runs N]: how long `main.py fix` takes on a size-M declaration (target ≤ 1 s).

The generated declaration (bench/generate.py, 2,000 projects × 10 indicators) is clean apart from a few
value rules, so a second copy is damaged the way last year's tables are: every third indicator without
its 二级, every fifth project without its 总计, every tenth with a duplicated indicator, every twentieth
with `>=` typed for `≥`. Measured, each the median of N runs from a collected heap:
- fix: what the command does between reading and writing — check, find the fixes, apply the safe
  ones, repeat until none is left, check again for the exit code;
- the command end to end in this process (read the JSON, fix, save the JSON atomically).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.__main__ import timed  # noqa: E402
from bench.generate import generate  # noqa: E402
from src.model.checks import check_declaration  # noqa: E402
from src.model.declaration import Declaration  # noqa: E402
from src.model.fixes import apply_fixes, fixes_for  # noqa: E402
from src.storage.editor_files.json_file import declaration_to_json  # noqa: E402

PROJECTS, INDICATORS = 2000, 10
TARGET = 1.0


def damaged(declaration: Declaration) -> Declaration:
    copy = declaration.model_copy(deep=True)
    count = 0
    for number, project in enumerate(copy.projects):
        for indicator in project.indicators:
            if count % 3 == 0 and indicator.level1 == "产出指标":
                indicator.level2 = None
            count += 1
        if number % 5 == 0:
            project.funds.total = None
        if number % 10 == 0:
            project.indicators.append(project.indicators[0].model_copy())
        if number % 20 == 0:
            project.indicators[1].annual_value = ">=" + (project.indicators[1].annual_value or "1").lstrip("≥")
    return copy


def fix_all(declaration: Declaration) -> tuple[Declaration, int]:
    """The command's rounds (src/commands/fix.py) without its printing."""
    changes = 0
    for _ in range(5):
        safe = [fix for fix in fixes_for(declaration, check_declaration(declaration)).values() if fix.applies_in_bulk(kind_named=False)]
        declaration, applied = apply_fixes(declaration, safe)
        changes += sum(len(fix.changes) for fix in applied)
        if not applied:
            break
    check_declaration(declaration)
    return declaration, changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fix_speed")
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args(argv)
    from src.cli import run

    clean = generate(PROJECTS, INDICATORS)
    broken = damaged(clean)
    rows = []
    with tempfile.TemporaryDirectory(prefix="fix-bench-") as folder:
        for title, declaration in (("生成的 M（几乎无可修复问题）", clean), ("损坏的 M", broken)):
            fixed, changes = fix_all(declaration)
            problems = len(check_declaration(declaration))
            seconds = timed(lambda: fix_all(declaration), arguments.runs)
            source = Path(folder) / "in.json"
            source.write_bytes(declaration_to_json(declaration))
            target = Path(folder) / "out.json"

            def command() -> None:
                with redirect_stdout(StringIO()):
                    run(["fix", str(source), str(target)])

            end_to_end = timed(command, arguments.runs)
            rows.append((title, problems, changes, seconds, end_to_end))
    print(f"fix，{PROJECTS} 个项目 × {INDICATORS} 个指标，{arguments.runs} 次取中位数（目标 ≤ {TARGET:.1f} s）")
    print("| 申报表 | 问题 | 修改 | fix（检查、修复、复查） | 命令全程（读 JSON、fix、保存） |")
    print("|---|---|---|---|---|")
    for title, problems, changes, seconds, end_to_end in rows:
        print(f"| {title} | {problems} | {changes} | {seconds:.3f} s | {end_to_end:.3f} s |")
    met = all(row[3] <= TARGET for row in rows)
    print("达到目标" if met else "未达到目标")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
