"""An indicator table's header read by what its words mean, wherever publishers vary them: a gloss in brackets
(指标值（包含数字及文字描述）, 指标值（或计划水平）, 二级指标（长期）), a scope word before the word (计划指标值, 当年指标值), and a
table that prints the period's and the year's indicators side by side (一级 | 二级 | 三级 | 指标值 for the period | 二级 |
三级 | 指标值 for the year). A value column the words do not place is left for the caller to say, never guessed."""

from __future__ import annotations

import re

from ....model import framework
from .words import _INDICATOR_WORDS

_GLOSS = re.compile(r"^(.+?)\((.*)\)$")  # keys have half-width brackets (label_key)
_ITEM_LABEL = re.compile(r"^(?:指标|序号)?\s*[(（]?\d{1,2}[)）]?[.、．]?$")  # 指标1, (2), 3、: an item's number, no name
_PERIOD_SCOPE = re.compile(r"长期|中期|实施期|实施周期|总体|总目标|周期")
_YEAR_SCOPE = re.compile(r"年度|当年|本年|年初")  # 年初目标值（A）: a 自评表's target the year began with
_SCOPE_ONLY = re.compile(r"^(?:年度|当年|本年|中期|长期|实施期)+")  # 当年预期实现值: 预期实现值 of the year
_SCOPE_PREFIX = re.compile(r"^(?:计划|年度|当年|本年|年初|预期|中期|长期|实施期|绩效)+")  # 绩效指标值, 绩效度量单位 (海南)
# The roles that make up one half of a side-by-side table; 一级 stands once on the left for both halves.
_HALF_ROLES = ("level2", "name")
UNSURE = "unsure_halves"  # set in the columns when neither half says whether it is the year's
PERIOD_NAME = "period_name"  # the period half's 三级 column: its value is taken only for the same indicator
SECOND_COMPARATOR = "second_comparator"  # a second comparator-word column (指标方向 beside 指标性质)


def _exact(key: str) -> str | None:
    return next((role for role, words in _INDICATOR_WORDS.items() if key in words), None)


def header_role(key: str) -> tuple[str | None, str | None]:
    """The role of a header cell (its label key) and the scope it states: "period", "year" or None."""
    role = _exact(key)
    if role is not None:
        return role, "period" if role == "period_value" else None
    base, gloss = key, ""
    glossed = _GLOSS.match(key)
    if glossed:
        base, gloss = glossed.group(1), glossed.group(2)
    stripped = _SCOPE_PREFIX.sub("", base)
    said = gloss + base[:len(base) - len(stripped)]
    scope = "period" if _PERIOD_SCOPE.search(said) else "year" if _YEAR_SCOPE.search(said) else None
    for candidate in (base, _SCOPE_ONLY.sub("", base), stripped):
        role = _exact(candidate)
        if role is None or not candidate:
            continue
        if role == "annual_value" and scope == "period":
            role = "period_value"
        return role, scope or ("period" if role == "period_value" else None)
    return None, None


def is_indicator_header(keys: list[str]) -> bool:
    roles = {}
    for key in keys:
        role = header_role(key)[0] if key else None
        if role:
            roles.setdefault(role, set()).add(_GLOSS.sub(r"\1", key))
    if "level1" not in roles or "name" not in roles:
        return False
    # 指标名称 / 指标内容 name the third level only beside a 二级指标 (alone they head other tables too)
    return bool(roles["name"] & {"三级指标", "三级指标名称"}) or "level2" in roles


def header_columns(keys: list[str]) -> dict[str, int]:
    """The header's columns by role. Where the 二级/三级 columns stand twice (the period's and the year's halves side by
    side), the year's half gives the indicator and the period's its 实施周期指标值 (PERIOD_NAME: the period half's
    name column, to check it is the same indicator); UNSURE is set when no header word says which half is the year's
    (the right-hand one is taken then, as forms print 中期 before 年度)."""
    # a header cell merged across columns (三级指标 over two columns) stands in each: one column, not a second half
    found = [(c, *header_role(key)) for c, key in enumerate(keys) if key and not (c and keys[c - 1] == key)]
    found = [(c, role, scope) for c, role, scope in found if role]
    firsts: dict[str, int] = {}
    for c, role, _ in found:
        firsts.setdefault(role, c)
    second = min((c for c, role, _ in found if role in _HALF_ROLES and c != firsts[role]), default=None)
    if second is None:
        # 指标性质 (正向/反向) beside 指标方向 (＝, ≥) (乌海): both comparator words; the row's cells say which compares
        signs = [c for c, role, _ in found if role == "comparator"]
        return firsts | ({SECOND_COMPARATOR: signs[1]} if len(signs) > 1 else {})
    left = [(c, role, scope) for c, role, scope in found if c < second and role != "level1"]
    right = [(c, role, scope) for c, role, scope in found if c >= second]
    scopes = [{scope for _, _, scope in half} - {None} for half in (left, right)]
    if "year" in scopes[0] or ("period" in scopes[1] and "period" not in scopes[0]):
        year, period = left, right
    else:
        year, period = right, left
    columns: dict[str, int] = {"level1": firsts["level1"]} if "level1" in firsts else {}
    for c, role, _ in year:
        columns.setdefault("annual_value" if role == "period_value" else role, c)
    for c, role, _ in period:
        if role in ("annual_value", "period_value"):
            columns.setdefault("period_value", c)
        elif role == "name":
            columns.setdefault(PERIOD_NAME, c)
        elif role == "level2":
            columns.setdefault("period_level2", c)  # taken: the year's half says the 二级
    if not any(scopes):
        columns[UNSURE] = second
    return columns


SHIFTED = "shifted_levels"  # set in the columns of a table whose 一级 column holds the 二级 and 二级 column the names


def shifted_columns(keys: list[str], below: list[list[str]]) -> dict[str, int] | None:
    """A header of 一级指标 | 二级指标 | a value, no 三级 (鄂州's form), whose 一级 column holds framework 二级 names
    (数量指标, 质量指标…) and whose 二级 column holds other words: the names. below: the rows under it, as text.
    None unless the cells say so plainly."""
    roles = {}
    for c, key in enumerate(keys):
        role = header_role(key)[0] if key else None
        if role and role not in roles:
            roles[role] = c
    if "name" in roles or not {"level1", "level2", "annual_value"} <= roles.keys():
        return None
    end = next((i for i, row in enumerate(below) if not any(row)), len(below))
    below = below[:end]  # the table's rows: to the first empty one
    firsts = [row[roles["level1"]] for row in below if len(row) > roles["level2"] and row[roles["level1"]]]
    seconds = [row[roles["level2"]] for row in below if len(row) > roles["level2"] and row[roles["level2"]]]
    level2s = [text for text in firsts if framework.is_known_level2(framework.canonical_level(text))]
    if len(level2s) < 2 or len(level2s) < len(firsts) - 1:
        return None  # the 一级 column does not hold 二级 names throughout (one 满意度指标 may stand among them)
    if any(framework.is_known_level2(framework.canonical_level(text)) for text in seconds):
        return None
    return {"level2": roles["level1"], "name": roles["level2"], "annual_value": roles["annual_value"],
            SHIFTED: roles["level1"]}


NAMES_IN_LEVEL2 = "names_in_level2"  # set (to the 指标内容 column) where the 二级 column holds the names


def level2_as_names(keys: list[str], columns: dict[str, int], below: list[list[str]]) -> dict[str, int] | None:
    """一级指标 | 二级指标 | 分值 | 指标内容 | 指标值 with no 三级 column (广西's 2021 form), whose 二级 column holds no 二级
    word (数量指标, 数量目标…) but the indicators' names, and whose 指标内容 says what each measures: the names are the
    二级 column's, the form gives no 二级. None unless the cells say so plainly."""
    if "level2" not in columns or "name" not in columns or _GLOSS.sub(r"\1", keys[columns["name"]]) != "指标内容":
        return None
    end = next((i for i, row in enumerate(below) if not any(row)), len(below))
    at = columns["level2"]
    seconds = [row[at] for row in below[:end] if len(row) > at and row[at]]
    if len(seconds) < 2 or any(framework.is_known_level2(framework.canonical_level(text))
                               or text.endswith(("指标", "目标")) for text in seconds):
        return None
    named = {role: c for role, c in columns.items() if role != "level2"}
    named["name"], named[NAMES_IN_LEVEL2] = at, columns["name"]
    return named


def numbered_names(keys: list[str], columns: dict[str, int], below: list[list[str]]) -> dict[str, int] | None:
    """三级指标 over two columns whose first holds only item numbers (指标1, 指标2…: 宁夏's 自评表) and the second the
    indicators: the names are the second column's (the numbers were read as names). None unless the cells say so."""
    at = columns.get("name")
    if at is None or at + 1 >= len(keys) or keys[at + 1] not in (keys[at], ""):
        return None
    end = next((i for i, row in enumerate(below) if not any(row)), len(below))
    # a row whose cell spans both columns (总分 under the table) is none of the indicators'
    pairs = [(row[at], row[at + 1]) for row in below[:end] if len(row) > at + 1 and row[at] and row[at] != row[at + 1]]
    if len(pairs) < 2 or not all(_ITEM_LABEL.match(number) and name for number, name in pairs):
        return None
    return columns | {"name": at + 1}


def level1_beside_a_label(keys: list[str], columns: dict[str, int], below: list[list[str]]) -> dict[str, int] | None:
    """一级指标 over two columns whose first holds one text down the table's rows and no 一级 (绩效指标 merged down beside
    them: 重庆忠县's 区域绩效目标表, its header a cell short) and the second the 一级 names: the 一级 is the second
    column's (the label was read as every indicator's 一级). None unless the cells say so."""
    at = columns.get("level1")
    if at is None or at + 1 >= len(keys) or keys[at + 1] not in (keys[at], "") or at + 1 in columns.values():
        return None
    end = next((i for i, row in enumerate(below) if not any(row)), len(below))
    rows = [row for row in below[:end] if len(row) > at + 1]
    firsts = {row[at] for row in rows if row[at]}
    seconds = [row[at + 1] for row in rows if row[at + 1]]
    if len(firsts) > 1 or any(framework.is_known_level1(framework.canonical_level(text)) for text in firsts) \
            or not any(framework.is_known_level1(framework.canonical_level(text)) for text in seconds):
        return None
    return columns | {"level1": at + 1}
