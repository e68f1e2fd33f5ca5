"""merge OUT IN…: the department's file assembled from its units' files (docs/reference.md: 合并单位申报).

Every input is only read (open_declaration takes no lock and breaks none: a colleague may have it open);
OUT may be none of them, and is written atomically like every save.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .exits import EXIT_UNUSABLE
from .outputs import print_notes, refuse_inputs_as_output, report_checks

NAME = "merge"
HELP = "合并各预算单位的申报文件为部门申报（OUT 在前，IN 可有多个）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="OUT")
    parser.add_argument("sources", metavar="IN", nargs="+")


def run(arguments: argparse.Namespace) -> int:
    from ..model.merge import MergeRefused, merge, source_labels
    from ..storage.infra import formats
    from ..storage.infra.files import distinct_paths, open_declaration, save_declaration

    target = Path(arguments.target)
    sources = [Path(source) for source in arguments.sources]
    refuse_inputs_as_output(target, sources)
    formats.for_saving(target)  # an OUT that cannot be written is said before any input is read
    unique, skipped = distinct_paths(sources)
    opened = []
    for source, label in zip(unique, source_labels(unique)):
        result = open_declaration(source)
        opened.append((result.declaration, label))
        print_notes(result.notes, label)
    try:
        declaration, notes = merge(opened)
    except MergeRefused as refused:
        print(f"无法合并：{refused}", file=sys.stderr)
        return EXIT_UNUSABLE
    save_declaration(declaration, target)
    for source in skipped:
        print(f"合并说明：{source} 重复给出，只读了一次")
    for note in notes:
        print(f"合并说明：{note}")
    print(f"已保存 {target.name}：{len(unique)} 个文件，{len(declaration.projects)} 个项目")
    return report_checks(declaration, ("duplicate-project", "projects-total-vs-budget"))
