"""python -m bench.diff_speed [--runs N] [--size M]: how long `diff` takes on two size-M declarations.

The target (issue 15): diff of two size-M declarations ≤ 0.5 s. Measured on a year's typical change (a
copy of M with 1 % of its projects removed, added and renamed, 1 % of its indicator values and totals
changed) for compare() alone and for the whole command (both JSON files opened, compared, printed as
json); and, as the worst case for the matching (informative, no target), two copies of M in which no two
names are alike, so every unmatched project is compared with every one of its unit: 6 units as generated,
and all in one unit.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.__main__ import SIZES, timed  # noqa: E402
from bench.generate import generate  # noqa: E402
from src.model.compare import compare  # noqa: E402
from src.model.declaration import Declaration  # noqa: E402

TARGET_SECONDS = 0.5


def yearly_edit(declaration: Declaration, seed: int = 15) -> tuple[Declaration, dict[str, int]]:
    """A copy with 1 % of projects removed, added and renamed and 1 % of totals and indicator values changed;
    with the count of each kind of change, so the run can check the comparison saw them all."""
    rng = random.Random(seed)
    new = declaration.model_copy(deep=True)
    count = max(1, len(new.projects) // 100)
    for position in sorted(rng.sample(range(len(new.projects)), count), reverse=True):
        del new.projects[position]
    for project in rng.sample(new.projects, count):
        project.name = f"{project.name}（{(declaration.year or 2024) + 1}年）"
    for project in rng.sample(new.projects, count):
        project.funds.total = (project.funds.total or Decimal(0)) + Decimal("1.00")
    for project in rng.sample(new.projects, count * 10):
        indicator = rng.choice(project.indicators)
        indicator.annual_value = f"{indicator.annual_value}（调整）"
    extra = generate(count, 10, seed=seed).projects
    for number, project in enumerate(extra):
        project.name = f"新增专项经费第{number + 1}号"
    new.projects.extend(extra)
    return new, {"removed": count, "added": count, "renamed": count, "changed": count * 11}


def unrelated(declaration: Declaration, seed: int, one_unit: bool = False) -> Declaration:
    """A copy in which no project keeps its name, nor a name's core: the square that matching cannot avoid
    (every unmatched project against every one of its unit)."""
    rng = random.Random(seed)
    new = declaration.model_copy(deep=True)
    characters = sorted(set("".join(p.name for p in declaration.projects)) - set("0123456789（）()"))
    for project in new.projects:
        project.name = "".join(rng.choice(characters) for _ in range(rng.randrange(6, 16))) + "经费"
        if one_unit:
            project.unit = "区司法局本级"
    return new


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", choices=sorted(SIZES), default="M")
    arguments = parser.parse_args(argv)
    from src.cli import run as run_command
    from src.storage.infra.files import save_declaration

    projects, per_project = SIZES[arguments.size]
    old = generate(projects, per_project)
    new, made = yearly_edit(old)
    found = compare(old, new)
    seen = {kind: sum(c.change == kind for c in found) for kind in made}
    # Every removal, addition and rename is seen; values and totals at most as often as changed (two
    # samples can land on one indicator).
    assert all(seen[kind] == made[kind] for kind in ("removed", "added", "renamed")), (seen, made)
    assert 0 < seen["changed"] <= made["changed"], (seen, made)

    rows = [("compare(), a year's typical change", timed(lambda: compare(old, new), arguments.runs), len(found), True)]
    for label, one_unit in (("compare(), no name alike, 6 units", False), ("compare(), no name alike, one unit", True)):
        first, second = unrelated(old, 1, one_unit), unrelated(old, 2, one_unit)
        rows.append((label, timed(lambda: compare(first, second), arguments.runs), len(compare(first, second)), False))
    with tempfile.TemporaryDirectory() as folder:
        old_path, new_path = Path(folder) / "old.json", Path(folder) / "new.json"
        save_declaration(old, old_path)
        save_declaration(new, new_path)

        def command() -> None:
            with contextlib.redirect_stdout(io.StringIO()):
                run_command(["diff", str(old_path), str(new_path), "--format", "json"])

        rows.append(("main.py diff OLD.json NEW.json --format json", timed(command, arguments.runs), len(found), True))
    print(f"diff, size {arguments.size} ({projects} projects × {per_project} indicators), median of {arguments.runs}; "
          f"target ≤ {TARGET_SECONDS} s")
    for label, seconds, changes, has_target in rows:
        verdict = ("met" if seconds <= TARGET_SECONDS else "MISSED") if has_target else "(worst case, no target)"
        print(f"  {label:<50} {seconds:7.3f} s  {changes:6d} changes  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
