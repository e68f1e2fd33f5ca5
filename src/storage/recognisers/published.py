"""What every reader of a published table shares: the records a reading fills, and what a published cell says
whatever the form.

The records go to grid_import and to the import's self-check (reconcile/): ImportedTable from the 项目支出绩效目标表
(project_table.py, its rows told apart by project_rows.py), ImportedDepartment from the 部门整体预算绩效目标申报表
(department_form/) and from the 2019 form (form_2019/). What a cell says: a note or a signature line under a table,
amounts said to be in 元 (the forms' own unit is 万元), the year, a cell's text without the stray tags published cells
carry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ...model.declaration import Department, Project
from ...model.notes import Note
from ..containers.sheet_grid import Grid, label_key

# A table that says its amounts are in 元 (单位：元, a header 预算金额（元）); 万元 says the forms' own unit.
_IN_YUAN = re.compile(r"单位[:：]?元(?!\S*万)|[（(]元[）)]")
_YUAN_PER_WANYUAN = Decimal(10000)
# A note or a signature line under a table (merged across it, so every column holds it): 注：1. 本表…,
# 说明：…, 填报单位：… 填报人：…. Never a project or an indicator.
_FOOTNOTE = re.compile(r"^(?:注\s*[:：\d一二三1-9（(]|注\s|说明\s*[:：]|备注\s*[:：]|填报单位|填报人|填表人|填报日期|"
                       r"单位负责人|部门负责人|审核人|联系人|联系电话|制表人|制表日期|分管领导|"
                       r"(?:主管部门|财政部门|财政局|单位)?(?:审核|审批|评审)意见)")
YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")


def is_footnote(text: str | None) -> bool:
    return bool(text) and bool(_FOOTNOTE.match(text.strip()))


@dataclass
class StatedRow:
    """A row that states a sum (合计, a unit's 小计) with its amounts as printed, for the import's self-check
    (reconcile.py) to hold against the projects read."""

    row: int  # 1-based, as the table shows it
    label: str  # 合计, 小计, or the unit the row heads
    amounts: dict[str, Decimal | None]  # by Funds key; None where the row leaves the cell empty or unreadable
    first: int  # the index in ImportedTable.projects of the first project after it
    heads_group: bool = False  # a unit subtotal row above its projects (not a 合计/小计 row)


@dataclass
class ImportedTable:
    sheet: str
    header_row: int  # 0-based
    projects: list[Project] = field(default_factory=list)
    department_name: str | None = None
    year: int | None = None
    grand_total: Decimal | None = None  # the 合计 row: the department's 项目支出
    notes: list[str] = field(default_factory=list)
    first_project: int = 0  # the index its first project will have (a paste adds after the open ones)
    # What the table itself states, for reconcile.py: its 合计 and subtotal rows, and for each project (by its
    # index in projects) the row it was read from and the item numbers of its indicator cell.
    stated: list[StatedRow] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    item_numbers: list[list[int]] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)  # the header's columns by role: what the table has a place for


@dataclass
class ImportedDepartment:
    sheet: str
    department: Department
    year: int | None = None
    notes: list[str] = field(default_factory=list)
    # What the form has a place for (reconcile/unread.py says what was read empty there): "department" and "budget" the
    # fields whose label it prints, "tasks" and "indicators" the columns of those tables.
    places: dict[str, frozenset[str]] = field(default_factory=dict)


def amounts_in_yuan(grid: Grid, last_row: int) -> str | None:
    """The words that say the amounts are in 元 (not the forms' 万元), among the rows up to last_row: the line of
    the cell they stand in when it says little else (预算金额（元）, 资金结构（元）), the words themselves in a longer
    line (部门名称：…　单位：元)."""
    for row in grid.rows[:last_row + 1]:
        for value in row:
            text = cell_str(value).replace(" ", "").replace("\u3000", "")
            if text and len(text) < 80 and (found := _IN_YUAN.search(text)):
                line = text[text.rfind("\n", 0, found.start()) + 1:].split("\n", 1)[0]  # the line it stands in
                return line if len(line) <= _SHORT_CELL else found.group()
    return None


_SHORT_CELL = 12  # 金额单位：元, 预算金额（元）
_EVIDENT_YUAN = Decimal(100_000)  # a typical project of 10 亿元 if these were 万元: no district's or city's budget
_DOUBTFUL_YUAN = Decimal(10_000)  # 1 亿元 a project: a city's building project may cost it; a table of them rarely


def says_wanyuan(grid: Grid, last_row: int) -> bool:
    """Whether 万元 stands anywhere up to last_row (the title block and the header): the table names its unit."""
    return any("万元" in cell_str(value) for row in grid.rows[:last_row + 1] for value in row)


def evidently_in_yuan(amounts: list[Decimal]) -> tuple[str, bool] | None:
    """The amounts of a table that names no unit (says_wanyuan and amounts_in_yuan found nothing), all whole numbers
    and typically past 10,000: (the typical amount, for the note, and whether it is past 100,000). Past 100,000 they
    are 元, as budget systems export them (黄山's 年度预算安排 1681680); between, they may be: said, not converted.
    None when they do not look so."""
    amounts = sorted(amount for amount in amounts if amount)
    if len(amounts) < 2 or any(amount != amount.to_integral_value() for amount in amounts):
        return None
    typical = amounts[len(amounts) // 2]
    return (f"{typical:,.0f}", typical >= _EVIDENT_YUAN) if typical >= _DOUBTFUL_YUAN else None


def evident_yuan_note(typical: str, where: str, converted: bool = True) -> str:
    if not converted:
        return (f"{where}没有注明金额单位，金额都是整数且多在一万以上（如 {typical}）：按万元导入，如原表是以元为单位，"
                f"请把各金额除以 10,000")
    return (f"{where}没有注明金额单位，但金额都是整数且多在十万以上（如 {typical}），看来是以元为单位：已全部换算为万元"
            f"（除以 10,000），请核对")


def to_wanyuan(amount: Decimal | None) -> Decimal | None:
    return None if amount is None else amount / _YUAN_PER_WANYUAN


def yuan_note(said: str, where: str) -> str:
    return f"{where}注明金额单位是元（“{said}”），已全部换算为万元（除以 10,000），请核对"


def cell_str(value: object) -> str:
    return "" if value is None else str(value)


def clean_multiline(text: str) -> str | None:
    """Keep the clerk's text, but drop the stray tags published cells carry."""
    text = re.sub(r"<\s*/?\s*p\s*>", "", text)
    return text if text.strip() else None


# ≧ ≦ and ═ (a box-drawing double line): the signs some budget systems' fonts print for ≥ ≤ = (云南永德's 自评表)
_COMPARATORS = {"≥": "≥", "≧": "≥", ">=": "≥", "大于等于": "≥", "不低于": "≥", "≤": "≤", "≦": "≤", "<=": "≤",
                "小于等于": "≤", "不高于": "≤", "=": "＝", "＝": "＝", "═": "＝", "等于": "＝", ">": "＞", "＞": "＞",
                "大于": "＞", "<": "＜", "＜": "＜", "小于": "＜", "定性": "", "定量": ""}
_PLAIN_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
# The budget system's code before a unit's name ([015001]武汉市青山区教育局, (433001)乌海市…, 031001-霍邱县…,
# 821001-井研县千佛镇人民政府, 821001、…): no word of it.
_UNIT_CODE = re.compile(r"^\s*(?:[\[【(（]\s*\d{2,}\s*[\]】)）]|\d{3,}\s*[-－—_、.])\s*(?=[^\d\s.])")


def without_code(name: str) -> str:
    """A unit's name without the budget system's code before it."""
    return _UNIT_CODE.sub("", name)


REQUIRED_MARKS = "*＊★☆"  # a required field's mark beside a label (*年度总体绩效目标, 一级指标*): no word of it


def loose_label(value: object, units: tuple[str, ...] = ("(万元)", "(元)")) -> str:
    """A form's label compared loosely: label_key, without a trailing colon, a leading 其中 or a unit in brackets
    (其中：财政拨款（万元） is 财政拨款); a required field's mark before or after it (*年度总体绩效目标, ★指标值, 一级指标*:
    海南's form) is no word of it."""
    key = label_key(value).strip(REQUIRED_MARKS).rstrip(":").rstrip(REQUIRED_MARKS).removeprefix("其中:")
    for unit in units:
        key = key.removesuffix(unit)
    return key


# The words of a value printed in three columns (指标性质 | 指标值 | 度量单位), for every recogniser of such tables.
COMPARATOR_WORDS = ("指标性质", "计算符号", "符号", "指标值类型", "运算符号", "指标方向", "比较符号", "比较符")  # 指标方向: 浙江/江苏 prints
VALUE_UNIT_WORDS = ("度量单位", "计量单位", "指标单位")
# A 绩效自评表 prints a declaration's facts beside the year's results: the goal under 预期目标 (beside 实际完成情况),
# the amounts beside the year's changes and spending, each 年度指标值 beside what was achieved. The results' words:
EXPECTED_WORDS = ("预期目标", "年度预期目标", "预期", "年初设定目标")  # the last: 湖南's 专项资金绩效目标自评表
ACHIEVED_WORDS = ("实际完成情况", "实际完成值", "全年执行数", "执行数", "执行率", "得分", "完成值", "实际完成",
                  "全年实际完成情况", "目标实际完成情况")


def self_evaluation_note(what: str, achieved: list[str], location: str) -> Note:
    """The one note a 自评表 gets: what was read of it, and that its results were not."""
    return Note(f"这是一张{what}：导入的是预期目标、年初预算数和各指标的年度指标值；{'、'.join(achieved)}等记录的是执行结果，"
                f"不是申报内容，未导入", location=location)


def is_comparator(sign: str) -> bool:
    return label_key(sign) in _COMPARATORS


def joined_value(value: str, sign: str, unit: str) -> tuple[str | None, str | None]:
    """A value a form prints in three columns (指标性质 | 指标值 | 度量单位) as one (≥ + 95 + % → ≥95%); and the sign when
    it is no comparator (正向, 反向: not joined, for the caller to say)."""
    if not value:
        return None, None
    unknown = None
    if sign:
        symbol = _COMPARATORS.get(label_key(sign))
        if symbol is None:
            unknown = sign
        elif not value.startswith(tuple(_COMPARATORS)):
            value = symbol + value
    if unit and _PLAIN_NUMBER.search(value.lstrip("≥≤＝＞＜")) and not value.endswith(unit):
        value += unit
    return value, unknown


def labels_over_amounts(grid: Grid, r: int, labels: frozenset[str], excluded: frozenset[str], key, is_amount) -> bool:
    """Row r is a header row of two or more of the labels (by key) with one row of amounts under them (湖南's 部门整体
    支出 form: 基本支出 | 项目支出 over their amounts): no amount beside a label (that is the labels-beside-values
    layout), no second row of amounts under them (a task table's 预算金额 over 总额 | 财政拨款 | 其他资金 has a row per
    task), none of the excluded words (that table's own headers) in the row."""
    if r + 1 >= len(grid.rows):
        return False
    row = grid.rows[r]
    keys = [key(value) for value in row]
    found = [c for c, k in enumerate(keys) if k in labels]
    if len({keys[c] for c in found}) < 2 or set(keys) & excluded:
        return False
    if not all(keys[min(found):max(found) + 1]):  # labels apart, empty cells between: each has its amount beside it
        return False
    if any(c + 1 < len(row) and is_amount(grid.text(r, c + 1)) for c in found):
        return False
    if r + 2 < len(grid.rows) and any(is_amount(grid.text(r + 2, c)) for c in found):
        return False
    return any(is_amount(grid.text(r + 1, c)) for c in found)


def unplaced_under(grid: Grid, r: int, placed: frozenset[str], key, is_amount) -> list[str]:
    """In such a header row, the labels no field takes with the amount under each (“资金总额 2860.50”), once each."""
    keys = [key(value) for value in grid.rows[r]]
    return [f"{grid.text(r, c).strip()} {grid.text(r + 1, c).strip()}" for c, k in enumerate(keys)
            if k and k not in placed and k not in keys[:c] and is_amount(grid.text(r + 1, c))]

