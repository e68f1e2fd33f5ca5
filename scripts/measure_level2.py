"""How well the 二级 suggester does on indicators it was not built from.

Run from the repository root:  .venv/bin/python -m scripts.measure_level2

The held-out set is the 天河 2023 table (seed 002, tests/data/tianhe-2023-projects.xlsx): its indicators
with their 二级 removed, suggested by a suggester whose library is the bundled one (the v2 library of other
sectors' published indicators, and the v1 list built as scripts/build_indicator_library.py builds it) but with
the v1 list built from every example table except 天河, and told the table's sector as `fix` is. Indicators
whose published 二级 does not fit their 一级 (天河's two `2-效益指标：31-服务对象满意度`) have no right answer and
are left out. Printed: how many the suggester fills in bulk (from CONFIDENT up, as `fix` does), how many of
those are right, and every miss. The measurement across sectors is scripts/measure_level2_sectors.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.build_indicator_library import all_indicators, example_tables, library_from
from src.model import framework
from src.model.checks import declaration_variant
from src.model.declaration import Indicator
from src.model.level2_suggest import CONFIDENT, Level2Suggester, entries_from_v2, library_v2, sector_of
from src.storage.infra.files import open_declaration

HELD_OUT = "tianhe-2023-projects.xlsx"


@dataclass
class Measurement:
    total: int = 0
    filled: int = 0
    right: int = 0
    wrong: list[tuple[Indicator, str, str]] = field(default_factory=list)  # indicator, suggested, reason
    unfilled: list[Indicator] = field(default_factory=list)

    @property
    def filled_share(self) -> float:
        return self.filled / self.total if self.total else 0.0

    @property
    def right_share(self) -> float:
        return self.right / self.filled if self.filled else 0.0


def held_out_suggester() -> Level2Suggester:
    v1 = library_from(path for path in example_tables() if path.name != HELD_OUT)
    return Level2Suggester(v1, entries_from_v2(library_v2()))


def held_out_cases() -> tuple[list[Indicator], str | None]:
    """天河's indicators whose 二级 fits their 一级, and the framework variant the table uses."""
    path = next(path for path in example_tables() if path.name == HELD_OUT)
    declaration = open_declaration(path).declaration
    cases = [i for i in all_indicators(declaration) if i.name and framework.fits(i.level1, i.level2)]
    return cases, declaration_variant(declaration)


def held_out_sector() -> str | None:
    """The sector `fix` would read from 天河's department and units (公安/司法/应急)."""
    path = next(path for path in example_tables() if path.name == HELD_OUT)
    declaration = open_declaration(path).declaration
    return sector_of([declaration.department.name, *(project.unit for project in declaration.projects)])


def measure(suggester: Level2Suggester, cases: list[Indicator], variant: str | None, distinct: bool = False,
            sector: str | None = None) -> Measurement:
    """Each case with its 二级 removed; distinct counts a (一级, 三级) pair that repeats across projects once."""
    result = Measurement()
    seen: set[tuple[str | None, str | None]] = set()
    for case in cases:
        if distinct:
            if (case.level1, case.name) in seen:
                continue
            seen.add((case.level1, case.name))
        result.total += 1
        found = suggester.suggest(case.name, case.level1, variant, case.annual_value, case.period_value, sector)
        if found is None or found.confidence < CONFIDENT:  # below it a suggestion is only offered
            result.unfilled.append(case)
        elif found.level2 == case.level2:
            result.filled += 1
            result.right += 1
        else:
            result.filled += 1
            result.wrong.append((case, found.level2, found.reason))
    return result


def report(title: str, result: Measurement) -> None:
    print(f"{title}: {result.total} 个指标，填出 {result.filled} 个（{result.filled_share:.1%}），"
          f"其中正确 {result.right} 个（{result.right_share:.1%}）")


def main() -> None:
    suggester = held_out_suggester()
    cases, variant = held_out_cases()
    sector = held_out_sector()
    every = measure(suggester, cases, variant, sector=sector)
    distinct = measure(suggester, cases, variant, distinct=True, sector=sector)
    report("天河 2023 全部指标", every)
    report("天河 2023 不重复的指标", distinct)
    print("填错的（不重复）：")
    for case, suggested, reason in distinct.wrong:
        print(f"  {case.level1} › {case.name}：建议 {suggested}（{reason}），表中为 {case.level2}")
    print("未填的（不重复）：")
    for case in distinct.unfilled:
        print(f"  {case.level1} › {case.name}（{case.annual_value}）：表中为 {case.level2}")


if __name__ == "__main__":
    main()
