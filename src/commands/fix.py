"""fix IN OUT: apply every safe quick fix, say what changed, save the result as OUT."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .exits import EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE

NAME = "fix"
HELP = "自动修复能机械修复的问题（二级指标、合计、重复、写法…），结果另存"

# Each round's fixes are made for the declaration as it was; what one round makes possible (a duplicate
# that became identical once both copies got their 二级) is fixed in the next.
_ROUNDS = 5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("--only", nargs="+", metavar="CODE", default=None,
                        help="只修复这些问题代码；点名的代码也包括需要补填内容的修复（如添加满意度指标）")
    parser.add_argument("--dry-run", action="store_true", help="只列出将要做的修改，不保存")


def run(arguments: argparse.Namespace) -> int:
    from ..model.checks import check_declaration
    from ..model.fix_rules import RULES
    from ..model.fixes import apply_fixes, change_lines, fixes_for
    from ..model.problems import ERROR, Severity
    from ..storage.infra.files import open_declaration, save_declaration
    from .outputs import print_notes

    only = set(arguments.only or ())
    unknown = sorted(only - set(RULES))
    if unknown:
        print(f"没有这种可修复的问题代码：{'、'.join(unknown)}（可修复的有：{'、'.join(sorted(RULES))}）", file=sys.stderr)
        return EXIT_UNUSABLE

    def wanted(fix) -> bool:
        return (not only or fix.code in only) and fix.applies_in_bulk(kind_named=bool(only))

    opened = open_declaration(arguments.source)
    print_notes(opened.notes)
    declaration = opened.declaration
    changed = 0
    for _ in range(_ROUNDS):
        offered = [fix for fix in fixes_for(declaration, check_declaration(declaration)).values() if wanted(fix)]
        if not offered:
            break
        fixed, applied = apply_fixes(declaration, offered)
        if not applied:
            break
        for fix in applied:
            for line in change_lines(declaration, fix):
                print(line)
            changed += len(fix.changes)
        declaration = fixed
    problems = check_declaration(declaration)
    counts = {severity: sum(p.severity == severity for p in problems) for severity in Severity}
    if arguments.dry_run:
        print(f"将修改 {changed} 处（未保存）")
    else:
        save_declaration(declaration, arguments.target)
        print(f"已修改 {changed} 处，保存为 {Path(arguments.target).name}")
    print(f"剩余 {counts[Severity.ERROR]} 个错误，{counts[Severity.WARNING]} 个警告，{counts[Severity.HINT]} 个提示")
    return EXIT_ERRORS if counts[ERROR] else EXIT_OK
