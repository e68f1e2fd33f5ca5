"""next-year IN OUT: next year's declaration from this year's (docs/reference.md: 新建下一年度申报). IN is only read."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "next-year"
HELP = "由本年度申报生成下一年度申报（年度加一，年度指标值记为上年指标值）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="IN")
    parser.add_argument("target", metavar="OUT")


def run(arguments: argparse.Namespace) -> int:
    from ..model.next_year import next_year
    from ..storage.infra import formats
    from ..storage.infra.files import open_declaration, save_declaration
    from .outputs import print_notes, refuse_inputs_as_output, report_checks

    source, target = Path(arguments.source), Path(arguments.target)
    refuse_inputs_as_output(target, [source])
    formats.for_saving(target)
    opened = open_declaration(source)
    print_notes(opened.notes)
    declaration, notes = next_year(opened.declaration)
    save_declaration(declaration, target)
    for note in notes:
        print(f"说明：{note}")
    print(f"已保存 {target.name}（{declaration.year or '未填'} 年度，{len(declaration.projects)} 个项目）")
    return report_checks(declaration, ("review-period-ended",))
