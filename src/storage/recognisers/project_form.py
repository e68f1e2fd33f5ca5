"""The 项目支出绩效目标申报表 in its per-project layout — 财政部's template (财预〔2021〕101号) and most provinces'
forms: one project per sheet (or per web page table), its fields by their labels (项目名称, 主管部门, 实施单位,
实施周期, the 项目资金 amounts, 年度目标) and its indicators from the table under the 一级/二级/三级指标 header.
A workbook of such sheets imports as one declaration, a project per sheet (grid_import).

A label's value is the next filled cell to its right that is no label itself (a merged cell repeats the label:
skipped), else the cell below it (labels in a header row, values under them). Forms differ in their words, so
each field has the words publishers print for it; what a form does not make certain — an amount that is no
number, a 实施期目标 the project has no place for, a comparator column of unknown words — is read as far as it is
certain and noted at its place, never guessed.
"""

from __future__ import annotations

import re

from ...model import paths
from ...model.declaration import FUNDS_LABELS, INDICATOR_LABELS, PROJECT_LABELS, Funds, Indicator, Project
from ...model.notes import Note
from ..containers.sheet_grid import Grid, cell_text, label_key
from .field_shapes import excerpt
from .ocr_numbers import in_wanyuan, read_published_amount
from .published import (
    ACHIEVED_WORDS,
    COMPARATOR_WORDS,
    EXPECTED_WORDS,
    VALUE_UNIT_WORDS,
    YEAR,
    ImportedTable,
    amounts_in_yuan,
    clean_multiline,
    is_footnote,
    joined_value,
    loose_label,
    self_evaluation_note,
    yuan_note,
)

# The words of each field's label, compared by label_key without a trailing colon, a leading 其中 or a (万元).
_FIELD_WORDS = {
    "name": ("项目名称",),
    "supervisor": ("主管部门", "主管部门及代码", "主管单位", "主管部门名称"),
    "unit": ("实施单位", "预算单位", "项目单位", "申报单位", "项目实施单位", "资金使用单位", "预算单位名称", "实施单位名称"),
    "period": ("实施周期", "项目期", "项目周期", "项目实施周期", "项目起止时间", "起止时间", "实施期限"),
}
_FUND_WORDS = {
    "total": ("年度资金总额", "资金总额", "项目资金总额", "年度预算资金总额", "项目总金额", "年度金额合计"),
    "fiscal": ("财政拨款", "财政资金", "财政拨款资金", "一般公共预算资金", "本级财政资金", "当年财政拨款", "本年财政拨款",
               "市财政资金", "区财政资金", "县财政资金", "市级财政资金", "区级财政资金", "县级财政资金"),
    "special_account": ("财政专户拨款", "财政专户管理资金"),
    "other": ("其他资金", "单位自筹资金", "自筹资金"),
}
_GOAL_WORDS = ("年度目标", "年度绩效目标", "本年度目标", "年度总体目标")  # the project's goal is the year's
_WHOLE_GOAL_WORDS = ("绩效目标", "项目绩效目标", "总体目标", "总体绩效目标")  # taken when the form has no year's goal
_PERIOD_GOAL_WORDS = ("实施期目标", "实施期总目标", "中长期目标", "实施期绩效目标", "总目标", "长期目标")  # no place for it
_OTHER_LABELS = ("项目资金", "项目资金(万元)", "项目资金(元)", "绩效指标", "年度绩效指标", "项目属性", "项目类型", "项目类别",
                 "项目预算", "项目预算(万元)", "资金情况", "资金情况(万元)", "项目资金申请(万元)", "项目绩效目标描述",
                 "项目负责人", "联系电话", "主管部门编码")
# Forms that set targets for the whole period and for the year print two indicator tables, each headed on its left:
_PERIOD_TABLE_WORDS = ("总目标绩效指标", "长期绩效指标", "中长期绩效指标", "实施期绩效指标", "总体绩效指标")
_YEAR_TABLE_WORDS = ("年度绩效指标", "本年度绩效指标", "本年绩效指标")
# A 绩效自评表 (the template's self-evaluation of a year done) holds a declaration's facts beside what was achieved:
# its 预期目标 under the goal's label, its 年初预算数 column of the amounts, its 年度指标值 column. Its words:
_PLANNED_WORDS = ("年初预算数", "年初预算", "预算数")  # the amounts' column the year began with
_CARRIED_WORDS = ("上年结转资金", "上年结转")  # money of the year before: no place among a project's sources
_INDICATOR_WORDS = {
    "level1": ("一级指标",),
    "level2": ("二级指标",),
    "name": ("三级指标", "三级指标名称", "指标名称", "指标内容"),
    "annual_value": ("年度指标值", "指标值", "年度目标值", "目标值", "预期指标值", "年度预期指标值", "预期目标值"),
    "period_value": ("实施周期指标值", "实施期指标值", "实施期目标值", "中长期指标值"),
    "comparator": COMPARATOR_WORDS,
    "unit": (*VALUE_UNIT_WORDS, "单位"),
}
# A cell merged down the table's left: in every row.
_SIDE_LABELS = frozenset({"绩效指标", "年度绩效指标", "项目绩效指标", *_PERIOD_TABLE_WORDS, *_YEAR_TABLE_WORDS})
_NUMBERED_NAME = re.compile(r"^指标\s*\d+\s*[:：]\s*")  # 指标1：… of the template's blank rows
# 项目名称：… — a label and its value in one cell; a leading 其中： is the form's, not the label's (其中：财政拨款：75).
_INLINE = re.compile(r"^\s*(?:其中\s*[:：]\s*)?([^:：\n]{2,16}?)\s*[:：]\s*(\S.*)$", re.S)  # 指标1：… of the template's blank rows
_FORM_TITLE = re.compile(r"绩效目标.{0,6}表")  # 项目支出绩效目标申报表（2024年度）: the next form begins
_LABEL_ROWS = 40  # the form's labelled fields stand within this many rows above its indicator table


_key = loose_label


_ALL_LABELS = frozenset(_key(word) for words in (*_FIELD_WORDS.values(), *_FUND_WORDS.values(), _GOAL_WORDS,
                                                  _WHOLE_GOAL_WORDS, _PERIOD_GOAL_WORDS, _OTHER_LABELS,
                                                  ACHIEVED_WORDS, _CARRIED_WORDS)
                        for word in words)
_EXPECTED = frozenset(_key(word) for word in EXPECTED_WORDS)
_PLANNED = frozenset(_key(word) for word in _PLANNED_WORDS)
_ACHIEVED = frozenset(_key(word) for word in ACHIEVED_WORDS)


def indicator_header(grid: Grid, start: int = 0) -> tuple[int, dict[str, int]] | None:
    """The row of the indicator table's header (一级指标 and 三级指标 in it, or 一级指标, 二级指标 and 指标名称 or 指标内容)
    from row start on, and its columns by role."""
    for r in range(start, len(grid.rows)):
        keys = [_key(cell) for cell in grid.rows[r]]
        if not _is_indicator_header(keys):
            continue
        columns: dict[str, int] = {}
        for role, words in _INDICATOR_WORDS.items():
            column = next((c for c, key in enumerate(keys) if key in words), None)
            if column is not None:
                columns[role] = column
        return r, columns
    return None


def _is_indicator_header(keys: list[str]) -> bool:
    present = set(keys)
    return "一级指标" in present and bool({"三级指标", "三级指标名称"} & present
                                      or "二级指标" in present and {"指标名称", "指标内容"} & present)


def _year_table(grid: Grid, header: int) -> tuple[int, dict[str, int], int | None] | None:
    """Where a form prints an indicator table for the whole period (总目标绩效指标, 长期绩效指标…) and one for the
    year (本年度绩效指标…), each headed on its left: (the year's header row, its columns, the period's header row).
    None when the form has one table, or its tables are not told apart so."""
    headers = []
    found = (header, None)
    while found is not None:
        row, _ = found
        headers.append(row)
        found = indicator_header(grid, row + 1)
    if len(headers) < 2:
        return None
    period = year = None
    for row in headers:
        words = {_key(cell) for cell in grid.rows[row][:2]}
        if words & {_key(word) for word in _PERIOD_TABLE_WORDS}:
            period = row if period is None else period
        elif words & {_key(word) for word in _YEAR_TABLE_WORDS}:
            year = row if year is None else year
    if year is None:
        return None
    return year, indicator_header(grid, year)[1], period


def is_project_form(grid: Grid) -> bool:
    """A per-project form: a 项目名称 label above an indicator table whose header has 一级 and 三级指标."""
    found = indicator_header(grid)
    if found is None:
        return False
    return any(_names_project(cell) for row in grid.rows[:found[0]] for cell in row)


def _names_project(cell: object) -> bool:
    """The 项目名称 label, alone or with its value after a colon."""
    key = _key(cell)
    if key == "项目名称":
        return True
    inline = _INLINE.match(cell_text(cell)) if "名称" in key else None
    return inline is not None and _key(inline.group(1)) == "项目名称"


def read_project_forms(grid: Grid, index: int) -> ImportedTable | None:
    """The grid's forms as a table of their projects: one form, or several one under another on a sheet (each from
    its 项目名称 on; the rows of the others blanked, so that every note keeps the sheet's row numbers); index: the
    place the first will have in the declaration. None when the grid holds no such form."""
    starts = [r for r, row in enumerate(grid.rows) if any(_names_project(cell) for cell in row)]
    if len(starts) <= 1:
        return read_project_form(grid, index)
    read: ImportedTable | None = None
    for start, end in zip(starts, [*starts[1:], len(grid.rows)]):
        part = Grid(grid.name, [row if start <= r < end else [] for r, row in enumerate(grid.rows)])
        form = read_project_form(part, index + (len(read.projects) if read else 0))
        if form is None:
            continue
        if read is None:
            read = form
            read.year = read.year or _year(grid, start)  # the sheet's title stands above the first form only
            continue
        read.projects += form.projects
        read.rows += form.rows
        read.item_numbers += form.item_numbers
        read.notes += form.notes
        for role, column in form.columns.items():
            read.columns.setdefault(role, column)
    return read


def read_project_form(grid: Grid, index: int) -> ImportedTable | None:
    """The grid's project as a one-project table; index: the place it will have in the declaration. None when
    the grid is not such a form."""
    found = indicator_header(grid)
    if found is None:
        return None
    header, columns = found
    where = paths.project(index)
    form = _Form(grid, header, where)
    name = form.value("name")
    if name is None:
        return None
    places = form.places()
    table = ImportedTable(grid.name, header, first_project=index, columns=places)  # what unread.py checks
    yuan = amounts_in_yuan(grid, header) or form.yuan_label
    if yuan:
        table.notes.append(yuan_note(yuan, "表格"))
    table.notes += form.evaluation_notes(bool(yuan))
    funds = {key: form.amount(key, bool(yuan), table.notes) for key in _FUND_WORDS}
    two = _year_table(grid, header)
    if two is None:
        indicators = _indicators(grid, header, columns, where, table.notes)
        more = indicator_header(grid, header + 1)
        if more is not None:  # another table the form does not say is the year's or the period's
            table.notes.append(Note(f"表中第 {more[0] + 1} 行起还有一张绩效指标表，看不出是年度的还是实施期的，未导入；"
                                    f"导入的是第 {header + 1} 行起的一张，请对照原表核对", location=paths.indicators(where),
                                    row=more[0] + 1))
    else:  # the year's table gives the indicators; the period's, their 实施周期指标值 where the names agree
        year_header, year_columns, period_header = two
        indicators = _indicators(grid, year_header, year_columns, where, table.notes)
        if period_header is not None:
            period_columns = indicator_header(grid, period_header)[1]
            said: list = []
            _with_period_values(indicators, _indicators(grid, period_header, period_columns, where, said), where,
                                table.notes, period_header)
            table.notes += [Note(f"总目标（长期）绩效指标表：{note}", location=paths.indicators(where),
                                 row=getattr(note, "row", None)) for note in said]
    project = Project(name=name, unit=form.value("unit"), period=form.value("period"), funds=Funds(**funds),
                      goal=form.goal(table.notes), indicators=indicators)
    for field, label in (("unit", PROJECT_LABELS["unit"]), ("total", FUNDS_LABELS["total"]), ("goal", PROJECT_LABELS["goal"])):
        if field not in places:  # a form this reader has no word for: said at the field, never left empty in silence
            location = paths.field(where, f"funds.{field}" if field == "total" else field)
            table.notes.append(Note(f"表中没有找到“{label}”一栏（或写法本程序不认识），{label}留空，请对照原表填写",
                                    location=location))
    table.projects = [project]
    table.rows = [form.name_row + 1]
    table.item_numbers = [[]]
    table.department_name = form.value("supervisor")
    table.year = _year(grid, header)
    return table


class _Form:
    """The labelled cells above the indicator table, found once."""

    def __init__(self, grid: Grid, header: int, where: str):
        self.grid, self.where = grid, where
        self.labels: dict[str, tuple[int, int]] = {}  # label key → its first cell
        self.yuan_label: str | None = None
        self.planned_column: int | None = None  # a 自评表's 年初预算数 column: the amounts are read there
        self.achieved: list[str] = []  # a 自评表's words for what was done (实际完成值, 得分…), as printed
        self.inline: dict[tuple[int, int], str] = {}  # the value written in the label's own cell (财政拨款：75万元)
        for r in range(max(0, header - _LABEL_ROWS), header + 1):
            row = grid.rows[r]
            for c, cell in enumerate(row):
                text = cell_text(cell)
                key = _key(text)
                if key in _ACHIEVED and text.strip() not in self.achieved:
                    self.achieved.append(text.strip())
                if r == header:
                    continue  # the indicator table's header: only its 自评 columns are of the form's
                if key in _PLANNED and self.planned_column is None:
                    self.planned_column = c
                if key in _ALL_LABELS and key not in self.labels:
                    self.labels[key] = (r, c)
                    if label_key(text).rstrip(":").endswith("(元)"):
                        self.yuan_label = text.strip()
                elif key not in _ALL_LABELS and (inline := _INLINE.match(text)) is not None:
                    label = _key(inline.group(1))
                    if label in _ALL_LABELS and label not in self.labels:
                        self.labels[label] = (r, c)
                        self.inline[(r, c)] = inline.group(2).strip()
        self.name_row = self.labels.get("项目名称", (0, 0))[0]

    def places(self) -> dict[str, int]:
        """The project's fields the form has a label for (reconcile/unread.py says which of them were read empty),
        by the label's column; the indicators always (their table is what made this a form)."""
        found = {"indicators": 0}
        for field, words in (*_FIELD_WORDS.items(), *_FUND_WORDS.items(), ("goal", _GOAL_WORDS + _WHOLE_GOAL_WORDS)):
            place = self.cell_of(words)
            if place is not None and field != "supervisor":
                found[field] = place[1]
        return found

    def cell_of(self, words: tuple[str, ...]) -> tuple[int, int] | None:
        return next((self.labels[_key(word)] for word in words if _key(word) in self.labels), None)

    def text_at(self, place: tuple[int, int] | None) -> str | None:
        """The value of the label at place: in its own cell after a colon, right of it, else below it."""
        if place is None:
            return None
        if place in self.inline:
            return self.inline[place]
        r, c = place
        row = self.grid.rows[r]
        own = _key(row[c])
        for at, cell in enumerate(row[c + 1:], start=c + 1):
            key = _key(cell)
            if not key or key == own:
                continue
            if key in _ALL_LABELS:
                break  # the next label: the value, if any, is below
            if key in _EXPECTED:  # a 自评表's 预期目标 | 实际完成情况 over the texts: the value is under the first
                below = self.grid.rows[r + 1] if r + 1 < len(self.grid.rows) else []
                text = cell_text(below[at]).strip() if at < len(below) else ""
                return text if _key(text) not in _ALL_LABELS else None
            return cell_text(cell).strip()
        if r + 1 < len(self.grid.rows) and c < len(self.grid.rows[r + 1]):
            below = cell_text(self.grid.rows[r + 1][c]).strip()
            if below and _key(below) not in _ALL_LABELS and _key(below) != own:
                return below
        return None

    def value(self, field: str) -> str | None:
        text = self.text_at(self.cell_of(_FIELD_WORDS[field]))
        return clean_multiline(text) if text else None

    def amount(self, key: str, in_yuan: bool, notes: list) -> object:
        place = self.cell_of(_FUND_WORDS[key])
        text = self.planned_at(place) if self.planned_column is not None else self.text_at(place)
        if not text:
            return None
        reading = read_published_amount(text)
        location = paths.field(self.where, f"funds.{key}")
        if reading.value is None:
            notes.append(Note(f"{FUNDS_LABELS[key]}“{text}”不是金额，已留空", location=location, row=place[0] + 1,
                              source_text=text))
            return None
        note = reading.note(location, FUNDS_LABELS[key], place[0] + 1)
        if note:
            notes.append(note)
        value, said = in_wanyuan(reading.value, text, in_yuan, location, FUNDS_LABELS[key], place[0] + 1)
        if said is not None:
            notes.append(said)
        return value

    def planned_at(self, place: tuple[int, int] | None) -> str | None:
        """A 自评表's amount: the label's row in the 年初预算数 column (the others are the year's changes and
        spending), never a cell below."""
        if place is None:
            return None
        row = self.grid.rows[place[0]]
        return cell_text(row[self.planned_column]).strip() if self.planned_column < len(row) else None

    def evaluation_notes(self, in_yuan: bool) -> list[Note]:
        """What a 自评表 holds besides a declaration's facts, said once; and money carried over from the year
        before, which has no place among a project's sources."""
        found = [self_evaluation_note("绩效自评表", self.achieved, self.where)] if self.achieved else []
        carried = self.cell_of(_CARRIED_WORDS)
        text = self.planned_at(carried) if self.planned_column is not None else self.text_at(carried)
        reading = read_published_amount(text) if text else None
        if reading is not None and reading.value:
            amount = in_wanyuan(reading.value, text, in_yuan, "", "")[0]
            found.append(Note(f"表中的上年结转资金 {amount:,.2f} 万元没有对应的资金来源栏目，未导入，请核对资金来源",
                              location=paths.field(self.where, "funds.total"), row=carried[0] + 1, source_text=text))
        return found

    def goal(self, notes: list) -> str | None:
        year = self.text_at(self.cell_of(_GOAL_WORDS))
        whole = self.text_at(self.cell_of(_WHOLE_GOAL_WORDS))
        period_place = self.cell_of(_PERIOD_GOAL_WORDS)
        period = self.text_at(period_place)
        goal = year or (whole if whole and whole != period else None)
        if period and period != goal:
            notes.append(Note(f"表中的实施期目标“{_excerpt(period)}”未导入（项目只有一个{PROJECT_LABELS['goal']}栏，"
                              f"导入的是{'年度目标' if year else '总体目标'}）", location=paths.field(self.where, "goal"),
                              row=period_place[0] + 1, source_text=period))
        if goal is None and period:
            notes.append(Note(f"表中只有实施期目标，没有年度目标，{PROJECT_LABELS['goal']}留空，请填写",
                              location=paths.field(self.where, "goal")))
        return clean_multiline(goal) if goal else None


def _indicators(grid: Grid, header: int, columns: dict[str, int], where: str, notes: list) -> list[Indicator]:
    indicators: list[Indicator] = []
    level1 = level2 = None
    for r in range(header + 1, len(grid.rows)):
        row = grid.rows[r]
        cells = {role: cell_text(row[c]).strip() if c < len(row) else "" for role, c in columns.items()}
        first = next((cell_text(cell).strip() for cell in row if cell_text(cell).strip()
                      and _key(cell) not in _SIDE_LABELS), "")
        if is_footnote(first) or _key(first) in _ALL_LABELS or _FORM_TITLE.search(first) \
                or _is_indicator_header([_key(cell) for cell in row]):
            break  # the table ends: 备注, 填报人, the next block of the form, the next form's title or table
        if cells.get("name") and cells.get("name") == cells.get("level1") == cells.get("level2"):
            notes.append(Note(f"第 {r + 1} 行“{excerpt(first)}”是跨整行的文字，不是指标，未导入", row=r + 1,
                              location=paths.indicators(where), source_text=first))
            continue  # one text merged across the row: no indicator's
        if cells.get("level1") and cells["level1"] != level1:
            level1, level2 = cells["level1"], None  # a new 一级: the 二级 above belongs to the one before
        level2 = cells.get("level2") or level2
        name = _NUMBERED_NAME.sub("", cells.get("name", ""))
        annual = _value(cells, "annual_value", r, where, len(indicators), notes)
        period = cells.get("period_value") or None
        if not name:
            if annual or period:
                notes.append(Note(f"第 {r + 1} 行有指标值“{annual or period}”但没有{INDICATOR_LABELS['name']}，未导入",
                                  location=paths.indicators(where), row=r + 1))
            continue
        indicators.append(Indicator(level1=level1, level2=level2, name=clean_multiline(name),
                                    annual_value=annual, period_value=period))
    return indicators


def _with_period_values(indicators: list[Indicator], whole: list[Indicator], where: str, notes: list,
                        header: int) -> None:
    """The whole period's targets as the year's indicators' 实施周期指标值, matched by name; one the year's table does
    not have is said, not added (it has no year's value)."""
    by_name: dict[str | None, list[Indicator]] = {}
    for indicator in indicators:
        by_name.setdefault(indicator.name, []).append(indicator)
    left = []
    for indicator in whole:
        same = by_name.get(indicator.name)
        if same:  # the first of the year's indicators of that name not yet given one, in order
            # the period table's value column, headed 指标值 (read as the year's) or 实施期指标值
            same.pop(0).period_value = indicator.period_value or indicator.annual_value
        else:
            left.append(indicator.name or "")
    if left:
        notes.append(Note(f"总目标（长期）绩效指标中的“{'”“'.join(excerpt(name) for name in left[:5])}”"
                          f"{'等 ' + str(len(left)) + ' 个' if len(left) > 5 else ''}在年度绩效指标中没有同名指标，未导入",
                          location=paths.indicators(where), row=header + 1))


def _value(cells: dict[str, str], role: str, r: int, where: str, position: int, notes: list) -> str | None:
    """The value with its comparator and unit columns joined (≥ + 95 + % → ≥95%), where the form splits them."""
    value, sign = joined_value(cells.get(role, ""), cells.get("comparator", ""), cells.get("unit", ""))
    if sign:
        notes.append(Note(f"第 {r + 1} 行的指标性质“{sign}”不是比较符，未并入指标值",
                          location=paths.field(paths.indicator(where, position), role), row=r + 1, source_text=sign))
    return value


def _year(grid: Grid, header: int) -> int | None:
    for row in grid.rows[:min(header, 4)]:
        for cell in row:
            text = cell_text(cell)
            if re.search(r"\d{4}\s*[-－—–~至到]\s*\d{4}", text):
                continue  # a period, not the form's year
            match = YEAR.search(text)
            if match and 1900 < int(match.group(1)) < 2100:
                return int(match.group(1))
    return None


def _excerpt(text: str, length: int = 30) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[:length] + "…"
