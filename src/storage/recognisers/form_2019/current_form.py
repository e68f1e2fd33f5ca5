"""A block of the 2019 form's 年度目标 → the current department form, with a note of where each thing went.

Its 关键指标 become the 绩效指标 (预期实现值 as the 年度指标值), its 主要支出计划 the 年度重点工作任务 (the task's goal
with its 关键性指标/绩效标准 in 期望达到的目标, its 主要实施项目 in 主要内容). What the reading could not tell is said at
the indicator or task it concerns; a part found with nothing read under it is said in a note, never left to a
silent 0 项.
"""

from __future__ import annotations

from ....model import paths
from ....model.declaration import TASK_LABELS, Indicator, Task
from ....model.notes import Note
from ..published import clean_multiline
from .blocks import Block
from .labels import SPLIT_LINE

_NAMES = {"plan": "主要支出计划（任务）", "task": "任务（政策）", "goal": "部门整体支出目标", "task_goal": "任务的绩效目标",
          "indicator": "关键性指标", "standard": "绩效标准", "projects": "主要实施项目", "key": "关键指标",
          "expected": "预期实现值"}


def indicators_of(block: Block, notes: list[str]) -> list[Indicator]:
    indicators = [Indicator(name=name or None, annual_value=value or None) for name, value in block.pairs]
    for line in block.spanning:
        match = SPLIT_LINE.match(line)
        if match:
            indicators.append(Indicator(name=match.group(1), annual_value=match.group(2)))
            where = paths.indicator(paths.DEPARTMENT, len(indicators) - 1)
            notes.append(Note(f"关键指标下的“{line}”拆为指标“{match.group(1)}”和年度指标值“{match.group(2)}”"
                              f"（{paths.place_words(where)}）", location=where, source_text=line))
        else:
            indicators.append(Indicator(name=line))
            where = paths.indicator(paths.DEPARTMENT, len(indicators) - 1)
            notes.append(Note(f"关键指标下的“{line}”跨两栏，整段作为指标名称（{paths.place_words(where)}）",
                              location=where, source_text=line))
    if indicators:
        notes.append(Note(f"年度目标的 {len(indicators)} 个关键指标已作为部门绩效指标导入"
                          f"（{_span(paths.indicator(paths.DEPARTMENT, 0), len(indicators))}），预期实现值作为年度指标值；"
                          "2019 年表式不分一级/二级指标，已留空，请补填", location=paths.indicator(paths.DEPARTMENT, 0)))
    for row, index in block.key_by_order:
        where = paths.indicator(paths.DEPARTMENT, index)
        notes.append(Note(f"关键指标“{block.pairs[index][0]}”（{paths.place_words(where)}）：原表第 {row + 1} 行的文字没有对齐"
                          "表头的栏目（PDF 的表格没有框线时按文字位置分栏），按左右先后读作指标和预期实现值，请对照原表核对",
                          location=where, row=row + 1))
    if block.key_skipped:
        rows = _rows_words(block.key_skipped)
        notes.append(Note(f"原表第 {rows} 行的关键指标没有对齐表头的栏目，分不清哪段是指标、哪段是预期实现值（多是 PDF 中相邻的行或栏"
                          "连在了一起），未导入：绩效指标表中缺少这几行的关键指标，请按原表补填",
                          location=paths.indicators(paths.DEPARTMENT), row=block.key_skipped[0] + 1))
    for index, (name, value) in enumerate(block.pairs):
        if value and not name:  # a row with a value only: its name drawn into the row above, as a rule
            where = paths.indicator(paths.DEPARTMENT, index)
            above = f"，可能印进了上一行的“{block.pairs[index - 1][0]}”" if index and block.pairs[index - 1][0] else ""
            notes.append(Note(f"关键指标（{paths.place_words(where)}）只读出预期实现值“{value}”，没有读出指标名称（PDF 中名称"
                              f"{above or '可能印在了别处'}），请对照原表补填", location=where, source_text=value))
            if above:
                before = paths.indicator(paths.DEPARTMENT, index - 1)
                notes.append(Note(f"关键指标“{block.pairs[index - 1][0]}”（{paths.place_words(before)}）可能连着下一行的指标名称，"
                                  "请对照原表核对", location=before))
        if not value:
            where = paths.indicator(paths.DEPARTMENT, index)
            notes.append(Note(f"关键指标“{name}”没有预期实现值（{paths.place_words(where)}）", location=where))
            if name and index and all(block.pairs[index - 1]):
                # a name alone after a whole pair: most often the rest of that name, which a browser or a word
                # processor broke at the page's foot (the last characters at the next page's top, in a row of their
                # own); the grid cannot tell it from an indicator left without a value
                before = paths.indicator(paths.DEPARTMENT, index - 1)
                notes.append(Note(f"关键指标“{block.pairs[index - 1][0]}”（{paths.place_words(before)}）的名称可能没有读全："
                                  f"下一行只有指标名称“{name}”、没有预期实现值，可能是它在分页处断开的后半部分，请对照原表核对",
                                  location=before, source_text=name))
    return indicators


def tasks_of(block: Block, notes: list[str]) -> list[Task]:
    tasks = []
    for index, found in enumerate(block.tasks):
        if found.get("name_glued") and found["name"]:  # kept whole in both: the clerk cuts it where it turns
            where = paths.task(index)
            notes.append(Note(f"{paths.place_words(where)}：原表中任务名称和任务的绩效目标连成了一段（PDF 中两栏之间的线没有读出），"
                              f"分不出名称到哪里为止：整段既写入名称，也写入“{TASK_LABELS['expected']}”，请在名称中删去绩效目标、"
                              "在期望达到的目标中删去开头的名称", location=where, row=found["row"] + 1, source_text=found["name"]))
            found["goals"] = [found["name"], *(g for g in found["goals"] if g not in found["name"])]
        lines = "\n".join(f"{i}. {name}：{standard}" if name and standard and name != standard else f"{i}. {name or standard}"
                          for i, (name, standard) in enumerate(found["pairs"], 1))
        goal = "\n".join(found["goals"])
        expected = "\n".join(part for part in (goal, f"关键性指标及绩效标准：\n{lines}" if lines else "") if part)
        projects = "\n".join(found["projects"])
        tasks.append(Task(name=clean_multiline(found["name"] or ""), content=f"主要实施项目：{projects}" if projects else None,
                          expected=expected or None))
        _task_notes(block, index, found, notes)
    if tasks:
        pairs = sum(len(t["pairs"]) for t in block.tasks)
        notes.append(Note(f"年度主要支出计划的 {len(tasks)} 项任务已作为年度重点工作任务导入（{_span(paths.task(0), len(tasks))}）："
                          f"任务的绩效目标及其 {pairs} 个关键性指标/绩效标准写入“{TASK_LABELS['expected']}”，"
                          f"主要实施项目写入“{TASK_LABELS['content']}”（现行表式的年度重点工作任务没有这些栏目）；"
                          f"2019 年表式没有{TASK_LABELS['funds']}，已留空", location=paths.task(0)))
    plan = block.part("plan")
    if plan is not None and plan.run_into is not None:
        # its task's cells and the 部门整体支出目标 | 关键指标 labels in one row (a PDF joined two rows): the labels
        # start the next block, and whatever task the row held is not read
        notes.append(Note(f"原表第 {plan.run_into + 1} 行里，年度主要支出计划的最后一行与下一组年度目标的表头（部门整体支出目标、"
                          "关键指标）连在了一起（PDF 中两行的文字连成了一行），没有找到这一行的重点工作任务（可能少了最后一项），"
                          "请对照原表补填", location=paths.TASKS, row=plan.run_into + 1))
    return tasks


def _task_notes(block: Block, index: int, found: dict, notes: list[str]) -> None:
    """What the reader could not tell about one task, said at the task."""
    where = paths.task(index)
    if found["name"] is None:
        notes.append(Note(f"第 {found['row'] + 1} 行起的任务没有读出名称（{paths.place_words(where)}），"
                          "其绩效目标、关键性指标已导入，名称请按原表补填", location=where, row=found["row"] + 1))
    if not found["projects"] and any(task["projects"] for task in block.tasks):
        # The table has the column and other tasks fill it: this one's was read empty (a PDF cell glued to the
        # 绩效标准 beside it, or left empty in the source), which the clerk checks (a field with a place is never
        # left empty unsaid)
        notes.append(Note(f"{paths.place_words(where)}：没有读到主要实施项目（原表此格为空，或 PDF 中印进了相邻的格），"
                          f"“{TASK_LABELS['content']}”已留空，请对照原表补填", location=where, row=found["row"] + 1))
    alone = [(name, standard) for name, standard in found["pairs"] if bool(name) != bool(standard)]
    if alone:
        said = "；".join(f"关键性指标“{name}”没有读出绩效标准" if name else f"绩效标准“{standard}”没有读出对应的关键性指标"
                        for name, standard in alone[:3]) + ("等" if len(alone) > 3 else "")
        notes.append(Note(f"任务“{found['name'] or ''}”（{paths.place_words(where)}）：{said}（PDF 中可能印进了相邻的行），"
                          "请对照原表核对", location=where, row=found["row"] + 1))
    if found["by_order"]:
        notes.append(Note(f"任务“{found['name'] or ''}”（{paths.place_words(where)}）：原表第 {_rows_words(found['by_order'])} 行"
                          "的文字没有对齐表头的栏目（PDF 的表格没有框线时按文字位置分栏），其中的关键性指标和绩效标准按左右先后读出，"
                          "请对照原表核对", location=where, row=found["by_order"][0] + 1))
    if found["unread"]:
        notes.append(Note(f"任务“{found['name'] or ''}”（{paths.place_words(where)}）：原表第 {_rows_words(found['unread'])} 行"
                          "的文字没有对齐表头的栏目，分不清哪段是关键性指标、哪段是绩效标准（多是 PDF 中相邻的行或栏连在了一起），"
                          "未导入，请按原表补填这项任务的关键性指标和绩效标准", location=where, row=found["unread"][0] + 1))
    glued = [(row, f"表头“{header}”", columns) for row, header, columns in block.glued]
    glued += [(row, "这一行的栏目名", columns) for row, columns in found["glued"]]
    for row, what, columns in glued[:1]:
        held = (f"是{'、'.join(_NAMES.get(c, c) for c in columns)}几栏连在一起" if len(columns) > 1
                else "夹着别的栏目的文字")
        notes.append(Note(f"任务“{found['name'] or ''}”（{paths.place_words(where)}）：原表第 {row + 1} 行{what}中{held}"
                          "（PDF 中栏与栏之间的线没有读出），其下的文字也可能连在一起或错位，无法分开，请对照原表核对这项任务",
                          location=where, row=found["row"] + 1))


def nothing_read(block: Block, notes: list[str]) -> None:
    """A part found with nothing read under it is said, never left to a silent 0."""
    key, plan = block.part("key"), block.part("plan")
    if key is None:
        notes.append(Note("本年的年度目标中没有找到“部门整体支出目标”和“关键指标”，总体绩效目标和绩效指标请补填",
                          location=paths.field(paths.DEPARTMENT, "overall_goal")))
    else:
        if block.key_glued is not None:
            row, header, columns = block.key_glued
            notes.append(Note(f"第 {row + 1} 行的表头“{header}”一格中是{'、'.join(_NAMES.get(c, c) for c in columns)}"
                              "几栏连在一起（PDF 中栏与栏之间的线没有读出），其下的文字也可能连在一起：绩效指标表中从这里导入的"
                              f"{len(block.pairs) + len(block.spanning)} 个指标请对照原表核对",
                              location=paths.indicators(paths.DEPARTMENT), row=row + 1))
        if not block.goal:
            notes.append(Note(f"第 {key.start + 1} 行的“部门整体支出目标”下没有读出目标，总体绩效目标请按原表补填",
                              location=paths.field(paths.DEPARTMENT, "overall_goal"), row=key.start + 1))
        if not (block.pairs or block.spanning):
            notes.append(Note(f"第 {key.start + 1} 行起的“关键指标”下没有读出指标和预期实现值，绩效指标表中没有从这里导入的指标，"
                              "请按原表补填", location=paths.indicators(paths.DEPARTMENT), row=key.start + 1))
    if block.guessed_header is not None:
        row, text, column = block.guessed_header
        notes.append(Note(f"年度主要支出计划第 {row + 1} 行表头中的“{text}”不是完整的栏目名（多是行高不够，表头文字只印出一部分），"
                          f"按它所在的位置作为“{_NAMES['task_goal' if column == 'goal' else column]}”栏读取，请对照原表核对"
                          "年度重点工作任务", location=paths.TASKS, row=row + 1))
    if block.missing_columns and block.missing_columns[1] and block.tasks:
        row, columns = block.missing_columns
        names = "、".join(f"“{_NAMES['task_goal' if c == 'goal' else c]}”" for c in columns)
        notes.append(Note(f"没有找到年度主要支出计划（第 {row + 1} 行表头）的{names}栏，其下的内容未读出："
                          "年度重点工作任务请对照原表核对补填", location=paths.TASKS, row=row + 1))
    if block.skipped:
        rows = _rows_words(block.skipped)
        notes.append(Note(f"年度主要支出计划中第 {rows} 行的文字不在表格的栏目里（多是跨页断开的单元格，或 PDF "
                          "中错了位的栏），未导入：这几行里可能有没有找到的任务，年度重点工作任务请对照原表核对补填",
                          location=paths.TASKS, row=block.skipped[0] + 1))
    if plan is None:
        notes.append(Note("没有找到本年的年度主要支出计划，年度重点工作任务请补填", location=paths.TASKS))
    elif not block.tasks:
        notes.append(Note(f"第 {plan.start + 1} 行的“{plan.header or '年度主要支出计划'}”下没有找到能读出的任务"
                          "（任务、关键性指标、绩效标准），年度重点工作任务请按原表补填", location=paths.TASKS,
                          row=plan.start + 1))


def _rows_words(rows: list[int]) -> str:
    return "、".join(str(r + 1) for r in rows[:8]) + ("等" if len(rows) > 8 else "")


def _span(first: str, count: int) -> str:
    """'部门整体 › 指标 1 起 11 项': where a run of imported items starts, in the form's words."""
    return paths.place_words(first) if count == 1 else f"{paths.place_words(first)} 起 {count} 项"
