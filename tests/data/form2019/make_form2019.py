"""Write tianhe-2019-department.html, the 2019 部门整体绩效目标表 of seed 004 as a web page, from the facts
transcribed in tianhe-2019.facts.json. Run from the repository root:

    python tests/data/form2019/make_form2019.py

then convert it with LibreOffice (README.md in this folder). The page is laid out as the published PDF is:
a label column (本年度部门预算收入, 年度目标 over both blocks), a 本年/三年期 column, five content columns;
merged cells as rowspan/colspan, the label 部门职能概述 broken with <br> as in the PDF.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
WIDTH = 7  # label, 本年/三年期, then five content columns


def cell(text: str, rows: int = 1, columns: int = 1, tag: str = "td") -> str:
    spans = (f' rowspan="{rows}"' if rows > 1 else "") + (f' colspan="{columns}"' if columns > 1 else "")
    body = "<br>".join(html.escape(part) for part in text.split("\n"))
    return f"<{tag}{spans}>{body}</{tag}>"


def block_rows(block: dict) -> list[list[str]]:
    """The rows of one block (本年 or 三年期), without the two label columns."""
    pairs = block["key_indicators"]
    after = block.get("key_indicators_after")
    goal_rows = len(pairs) + (1 if after else 0)
    rows = [[cell("部门整体支出目标", columns=2, tag="th"), cell("关键指标", tag="th"), cell("预期实现值", columns=2, tag="th")]]
    for index, (name, value) in enumerate(pairs):
        row = [cell(block["goal"], rows=goal_rows, columns=2)] if index == 0 else []
        rows.append([*row, cell(name), cell(value, columns=2)])
    if after:
        rows.append([cell(after, columns=3)])
    rows.append([cell(block["plan_header"], tag="th"), cell(block["goal_header"], tag="th"),
                 cell("任务（政策）关键性指标（产出、效益、公众满意度方面）", tag="th"),
                 cell("绩效标准（指标解释及预期实现值）", tag="th"), cell("主要实施项目（项目名称）", tag="th")])
    for task in block["tasks"]:
        count = len(task["indicators"])
        for index, (name, standard) in enumerate(task["indicators"]):
            if index == 0:
                rows.append([cell(task["name"], rows=count), cell(task["goal"], rows=count), cell(name),
                             cell(standard), cell(task["projects"], rows=count)])
            else:
                rows.append([cell(name), cell(standard)])
    return rows


def page(facts: dict) -> str:
    rows = [[cell(facts["title"], columns=WIDTH, tag="th")],
            [cell("部门名称", columns=2), cell(facts["name"], columns=WIDTH - 2)],
            [cell("部门职能\n概述", columns=2), cell(facts["functions"], columns=WIDTH - 2)]]
    income = facts["income"]
    for index, (label, amount) in enumerate(income):
        head = [cell("本年度部门预算收入", rows=len(income), columns=2)] if index == 0 else []
        rows.append([*head, cell(label, columns=3), cell(amount, columns=2)])
    blocks = [block_rows(block) for block in facts["blocks"]]
    first = True
    for block, body in zip(facts["blocks"], blocks):
        for index, row in enumerate(body):
            head = []
            if first:
                head.append(cell("年度目标", rows=sum(len(b) for b in blocks)))
                first = False
            if index == 0:
                head.append(cell(block["label"], rows=len(body)))
            rows.append([*head, *row])
    rows.append([cell("其他需要说明的情况", columns=2), cell(facts["remarks"], columns=WIDTH - 2)])
    body = "\n".join(f"<tr>{''.join(row)}</tr>" for row in rows)
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>2019年部门整体绩效目标表</title></head>\n"
            f"<body>\n<table border=\"1\">\n{body}\n</table>\n</body></html>\n")


if __name__ == "__main__":
    facts = json.loads((HERE / "tianhe-2019.facts.json").read_text(encoding="utf-8"))
    (HERE / "tianhe-2019-department.html").write_text(page(facts), encoding="utf-8")
