"""The department's declaration assembled from its budget units' files (合并单位申报, issue 15).

merge() changes none of its inputs: the files are opened by the caller (the command, or the window merging
into the open document), each with the label the merged projects remember as their source_file; the result
may hold the funds and indicators of the labelled ones (opened for the merge alone), never nodes of the one
labelled None (the open document). What it decides:
- department name and year must agree where a file has them (a unit's file often leaves the name empty);
- the department form (预算整体情况, 总体绩效目标, tasks, indicators) comes from the one file that has it;
  a 项目支出 equal to the file's own projects' total is that table's 合计 row, not a form;
- projects are appended in file order; the same project in two files (same name and unit) is kept once when
  both copies are identical, otherwise both are kept and named in the notes, as are projects of different
  names whose content is identical. Duplicates inside one file are the checks' business, not the merge's.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Sequence

from .declaration import Declaration, Department, Project
from .sums import projects_total

# A source label of None: the declaration being merged into (the window's open file); its projects keep
# whatever source_file they had.
Source = tuple[Declaration, Optional[str]]


class MergeRefused(ValueError):
    """The files cannot be one department's declaration; str() is a Chinese sentence naming the files."""


def merge(declarations_with_sources: Sequence[Source]) -> tuple[Declaration, list[str]]:
    """One declaration from several, in order, and the notes saying what came from where (Chinese)."""
    sources = list(declarations_with_sources)
    if not sources:
        raise MergeRefused("没有要合并的文件")
    labels = [_label(label, position) for position, (_, label) in enumerate(sources)]
    name = _agreed(sources, labels, lambda d: (d.department.name or "").strip() or None, "部门名称", "“{}”")
    year = _agreed(sources, labels, lambda d: d.year, "预算年度", "{} 年")
    notes: list[str] = []
    department = _department_form(sources, labels, notes)
    department.name = name
    projects = _projects(sources, labels, notes)
    return Declaration(year=year, department=department, projects=projects), notes


def _label(label: str | None, position: int) -> str:
    return label if label is not None else ("当前文件" if position == 0 else f"第 {position + 1} 个文件")


def _agreed(sources: list[Source], labels: list[str], value_of, what: str, shown: str):
    """The one value the files that have one agree on; MergeRefused naming the files otherwise."""
    by_value: dict[object, list[str]] = {}
    for (declaration, _), label in zip(sources, labels):
        value = value_of(declaration)
        if value is not None:
            by_value.setdefault(value, []).append(label)
    if len(by_value) > 1:
        parts = "；".join(f"{'、'.join(files)} 为{shown.format(value)}" for value, files in by_value.items())
        raise MergeRefused(f"{what}不一致：{parts}。只能合并同一部门、同一年度的单位申报，请先改正")
    return next(iter(by_value), None)


def _form(department: Department, projects: list[Project]) -> Department | None:
    """The department form a file holds, without its name; None when it holds none."""
    form = department.model_copy(update={"name": None})
    budget = form.budget.model_dump()
    others = [key for key, value in budget.items() if value is not None and key != "project"]
    table_total = budget["project"] is not None and budget["project"] == projects_total(projects)
    if not (form.functions or form.overall_goal or form.tasks or form.indicators or others
            or (budget["project"] is not None and not table_total)):
        return None
    return form


def _department_form(sources: list[Source], labels: list[str], notes: list[str]) -> Department:
    found: list[tuple[Department, str]] = []
    for (declaration, _), label in zip(sources, labels):
        form = _form(declaration.department, declaration.projects)
        if form is None:
            continue
        if found and form != found[0][0]:
            raise MergeRefused(f"{found[0][1]} 和 {label} 都填写了部门整体信息（预算整体情况、总体绩效目标、重点工作任务或"
                               f"部门绩效指标），且内容不同；请只在一个文件中保留部门整体信息后再合并")
        if found:
            notes.append(f"{label} 的部门整体信息与 {found[0][1]} 的相同，只保留一份")
        else:
            found.append((form, label))
    if not found:
        notes.append("各文件都没有部门整体信息（预算整体情况、总体绩效目标等），合并后的部门整体只有部门名称，请补充")
        return Department()
    notes.append(f"部门整体信息取自 {found[0][1]}")
    return found[0][0].model_copy(deep=True)


# A merge's own bookkeeping, not what the clerk declared; every other field (one added later too) counts.
_NOT_CONTENT = {"name", "unit", "source_file", "review"}


def _content(project: Project) -> str:
    """What a clerk wrote in a project, the name and unit aside: the key for spotting copies."""
    return project.model_dump_json(exclude=_NOT_CONTENT)


def _key(project: Project) -> tuple[str, str] | None:
    name = (project.name or "").strip()
    return (name, (project.unit or "").strip()) if name else None


def _projects(sources: list[Source], labels: list[str], notes: list[str]) -> list[Project]:
    merged: list[Project] = []
    origin: list[int] = []  # the source of each merged project
    by_key: dict[tuple[str, str], list[int]] = {}
    by_content: dict[tuple, list[int]] = {}
    for position, ((declaration, label), shown) in enumerate(zip(sources, labels)):
        taken = 0
        for project in declaration.projects:
            key, content = _key(project), _content(project)
            earlier = [i for i in by_key.get(key, []) if origin[i] != position] if key else []
            same = next((i for i in earlier if _content(merged[i]) == content), None)
            if same is not None:
                kept = merged[same]
                kept.review = list(dict.fromkeys([*kept.review, *project.review]))
                notes.append(f"项目“{key[0]}”（{key[1] or '未填单位'}）在 {labels[origin[same]]} 和 {shown} 中完全相同，"
                             f"只保留一份（合并后第 {same + 1} 个项目，来自 {labels[origin[same]]}）")
                continue
            index = len(merged)
            if earlier:
                places = "、".join(f"第 {i + 1} 个（来自 {labels[origin[i]]}）" for i in earlier)
                notes.append(f"项目“{key[0]}”（{key[1] or '未填单位'}）同时出现在多个文件中且内容不同，两份都已保留，请核对后删除"
                             f"多余的一份：合并后{places}和第 {index + 1} 个（来自 {shown}）")
            elif project.goal or project.indicators:
                twins = [i for i in by_content.get(content, []) if origin[i] != position]
                if twins:
                    first = twins[0]
                    notes.append(f"{shown} 的项目{_called(project)}与 {labels[origin[first]]} 的项目{_called(merged[first])}"
                                 f"内容完全相同、名称或单位不同，两份都已保留，请核对（合并后第 {first + 1} 和第 {index + 1} 个项目）")
            merged.append(_taken(project, label))
            origin.append(position)
            if key:
                by_key.setdefault(key, []).append(index)
            if project.goal or project.indicators:
                by_content.setdefault(content, []).append(index)
            taken += 1
        notes.append(f"{shown}：{taken} 个项目" if taken or declaration.projects else f"{shown}：没有项目")
    return merged


def _taken(project: Project, label: str | None) -> Project:
    """The project as the merged file holds it. A unit's file was opened for the merge alone: its projects'
    funds and indicators are taken over, not copied (20,000 copies are a fifth of a city-sized merge). The
    open document (label None) stays on the undo stack, so the result shares nothing with it."""
    if label is not None:
        return project.model_copy(update={"source_file": label, "review": list(project.review)})
    return project.model_copy(update={"funds": project.funds.model_copy(), "review": list(project.review),
                                      "indicators": [indicator.model_copy() for indicator in project.indicators]})


def _called(project: Project) -> str:
    return f"“{project.name or '未命名'}”（{project.unit or '未填单位'}）"


def source_labels(sources: list[Path]) -> list[str]:
    """What each merged project remembers as its source_file: the file's name, or where two inputs share a
    name, its path from the inputs' common folder (单位A/申报.json, 单位B/申报.json). Never a full path:
    the merged file travels to the finance office, the clerk's folders do not."""
    names = [source.name for source in sources]
    if len(set(names)) == len(names):
        return names
    absolute = [os.path.abspath(source) for source in sources]
    try:
        common = os.path.commonpath(absolute)
    except ValueError:  # different drives on Windows
        return [str(source) for source in sources]
    return [Path(os.path.relpath(path, common)).as_posix() for path in absolute]
