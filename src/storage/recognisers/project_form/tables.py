"""A per-project form's indicator table: its header, the year's and the period's tables where a form prints both,
and its rows read as indicators (一级/二级 carried down their merged runs, a 指标性质 | 指标值 | 度量单位 split joined)."""

from __future__ import annotations

import re
from itertools import zip_longest

from ....model import paths
from ....model.declaration import INDICATOR_LABELS, Indicator
from ....model.notes import Note
from ....model.values import bare_unit
from ...containers.sheet_grid import Grid, cell_text
from ..field_shapes import excerpt
from ..published import clean_multiline, is_comparator, is_footnote, joined_value
from .headers import (
    NAMES_IN_LEVEL2,
    PERIOD_NAME,
    SECOND_COMPARATOR,
    SHIFTED,
    UNSURE,
    header_columns,
    is_indicator_header,
    level1_beside_a_label,
    level2_as_names,
    numbered_names,
    shifted_columns,
)
from .levels import settled_levels
from .words import (
    _ACHIEVED,
    _ALL_LABELS,
    _EXPECTED,
    _FORM_TITLE,
    _NO_FACT_HEADERS,
    _NUMBERED_NAME,
    _PERIOD_TABLE_KEYS,
    _SCORE_TOTAL_WORDS,
    _SIDE_LABELS,
    _TABLE_TITLE,
    _TOTAL_ROW_WORDS,
    _YEAR_TABLE_KEYS,
    _key,
)


def indicator_header(grid: Grid, start: int = 0) -> tuple[int, dict[str, int]] | None:
    """The row of the indicator table's header (一级指标 and 三级指标 in it, or 一级指标, 二级指标 and 指标名称 or 指标内容)
    from row start on, and its columns by role."""
    for r in range(start, len(grid.rows)):
        keys = [_key(cell) for cell in grid.rows[r]]
        if not _is_indicator_header(keys):
            below = [[cell_text(cell).strip() for cell in row] for row in grid.rows[r + 1:r + 30]]
            shifted = shifted_columns(keys, below) if "一级指标" in keys else None
            if shifted is not None:
                return r, shifted
            continue
        lower = [_key(cell) for cell in grid.rows[r + 1]] if r + 1 < len(grid.rows) else []
        if _is_indicator_header(lower) and _cells_down(keys, lower):
            # the header's second row under a cell of the first merged across (年度指标值 over 指标性质 | 指标值 |
            # 度量单位, 永德): one header, each column named by its lower cell (the merged-down ones repeat the upper)
            keys = [low or up for up, low in zip_longest(keys, lower, fillvalue="")]
            r += 1
        columns = header_columns(keys)
        below = [[cell_text(cell).strip() for cell in row] for row in grid.rows[r + 1:r + 30]]
        return r, (level2_as_names(keys, columns, below) or numbered_names(keys, columns, below)
                   or level1_beside_a_label(keys, columns, below) or columns)
    return None


def _cells_down(upper: list[str], lower: list[str]) -> bool:
    """Two header rows of one table: the upper's 一级指标 merged down into the lower (the same word in its column), and
    a cell of the upper merged across columns the lower names apart."""
    same = [c for c, (up, low) in enumerate(zip(upper, lower)) if up and up == low]
    split = any(upper[c] and upper[c] == upper[c + 1] and lower[c] != lower[c + 1] and lower[c] and lower[c + 1]
                for c in range(min(len(upper), len(lower)) - 1))
    return "一级指标" in [upper[c] for c in same] and split


def _is_indicator_header(keys: list[str]) -> bool:
    return is_indicator_header(keys)


Header = tuple[int, dict[str, int]]  # an indicator table's header row and its columns by role


def indicator_headers(grid: Grid, first: Header) -> list[Header]:
    """The form's indicator tables, each by its header: first, and every one under it."""
    found: list[Header] = []
    header: Header | None = first
    while header is not None:
        found.append(header)
        header = indicator_header(grid, header[0] + 1)
    return found


def year_and_period(grid: Grid, headers: list[Header]) -> tuple[Header, Header | None] | None:
    """Where a form prints an indicator table for the whole period (总目标绩效指标, 长期绩效指标…) and one for the
    year (本年度绩效指标…), each headed on its left: the year's header and the period's (None when it has none). None
    when the form has one table, or its tables are not told apart so."""
    if len(headers) < 2:
        return None
    period = year = None
    for header in headers:
        words = {_key(cell) for cell in grid.rows[header[0]][:2]}
        if words & _PERIOD_TABLE_KEYS:
            period = period or header
        elif words & _YEAR_TABLE_KEYS:
            year = year or header
    return None if year is None else (year, period)


def _indicators(grid: Grid, header: int, columns: dict[str, int], where: str, notes: list) -> list[Indicator]:
    indicators: list[Indicator] = []
    level1 = level2 = None
    unread = _unread_columns(grid.rows[header], columns)
    filled: set[int] = set()  # the unread columns that hold something under their header
    # a cell merged down the table's left from its header row (年度绩效目标（90分）) is in every row: no block's label
    side = {c: cell_text(cell).strip() for c, cell in enumerate(grid.rows[header]) if c not in columns.values()}
    for r in range(header + 1, len(grid.rows)):
        row = grid.rows[r]
        cells = {role: cell_text(row[c]).strip() if c < len(row) else "" for role, c in columns.items()}
        first = next((cell_text(cell).strip() for c, cell in enumerate(row) if cell_text(cell).strip()
                      and _key(cell) not in _SIDE_LABELS and cell_text(cell).strip() != side.get(c)), "")
        if is_footnote(first) or _key(first) in _ALL_LABELS or _FORM_TITLE.search(first) \
                or _is_indicator_header([_key(cell) for cell in row]) or _key(first) in _TOTAL_ROW_WORDS \
                or any(_key(cell) in _SCORE_TOTAL_WORDS for cell in row):
            break  # the table ends: 备注, 填报人, the next block of the form, the next form's title or table, 总分
        filled |= {c for c in unread if c < len(row) and cell_text(row[c]).strip() not in ("", side.get(c))
                   and _key(row[c]) not in _SIDE_LABELS}  # 绩效指标 merged down a column: a label, no fact
        filled_cells = [text for role, text in cells.items()
                        if text and role not in ("comparator", SECOND_COMPARATOR, "unit")]
        if cells.get("name") and len(filled_cells) > 1 and len(set(filled_cells)) == 1:
            if _TABLE_TITLE.search(first):
                break
            notes.append(Note(f"第 {r + 1} 行“{excerpt(first)}”是跨整行的文字，不是指标，未导入", row=r + 1,
                              location=paths.indicators(where), source_text=first))
            continue  # one text merged across the row: no indicator's
        if cells.get("level1") and cells["level1"] != level1:
            level1, level2 = cells["level1"], None  # a new 一级: the 二级 above belongs to the one before
        level2 = cells.get("level2") or level2
        name = _NUMBERED_NAME.sub("", cells.get("name", ""))
        name = "" if not name.strip(_PLACEHOLDER) else name  # …… under the items filled in: a template's "and so on"
        annual = _value(cells, "annual_value", r, where, len(indicators), notes)
        period = cells.get("period_value") or None
        other = cells.get(PERIOD_NAME)
        if period and other and _key(other) != _key(name):  # the period's half of the row holds another indicator
            notes.append(Note(f"第 {r + 1} 行实施期一侧的指标“{excerpt(other)}”与年度一侧的“{excerpt(name)}”不是同一指标，"
                              f"其指标值“{period}”未作为实施周期指标值导入", location=paths.indicators(where), row=r + 1))
            period = None
        if not name:
            if annual or period:
                notes.append(Note(f"第 {r + 1} 行有指标值“{annual or period}”但没有{INDICATOR_LABELS['name']}，未导入",
                                  location=paths.indicators(where), row=r + 1))
            continue
        indicators.append(Indicator(level1=level1, level2=level2, name=clean_multiline(name),
                                    annual_value=annual, period_value=period))
    _said_about_columns(grid.rows[header], columns, sorted(filled), bool(indicators), header, where, notes)
    return settled_levels(indicators, where, notes, header, SHIFTED in columns)


def _unread_columns(header: list, columns: dict[str, int]) -> list[int]:
    """The header's columns no role takes and that are not known to hold no fact (备注, 权重…)."""
    taken = set(columns.values())
    return [c for c, cell in enumerate(header) if c not in taken and _key(cell)
            and _key(cell) not in _SIDE_LABELS and _key(cell) not in _NO_FACT_HEADERS
            and _key(cell) not in _ACHIEVED and _key(cell) not in _EXPECTED  # a 自评表's results: said once elsewhere
            and _key(cell) != _key(header[c - 1] if c else None)]  # a merged header cell repeats: said once


def _said_about_columns(header: list, columns: dict[str, int], filled: list[int], read: bool, row: int, where: str,
                        notes: list) -> None:
    """What the header did not make certain, said at the indicators: a column whose words are not known (its content
    not imported), no 年度指标值 column at all, two halves of which none says it is the year's."""
    location = paths.indicators(where)
    for c in filled:
        notes.append(Note(f"绩效指标表第 {row + 1} 行的表头“{excerpt(cell_text(header[c]).strip())}”（第 {c + 1} 列）"
                          f"本程序不认识，该列内容未导入，请对照原表核对", location=location, row=row + 1))
    if read and "annual_value" not in columns:
        notes.append(Note(f"绩效指标表第 {row + 1} 行的表头中没有认出{INDICATOR_LABELS['annual_value']}一栏，"
                          f"各指标的{INDICATOR_LABELS['annual_value']}留空，请对照原表填写", location=location, row=row + 1))
    if SHIFTED in columns:
        notes.append(Note(f"绩效指标表第 {row + 1} 行的“一级指标”一栏填的是二级指标（数量指标、质量指标…），“二级指标”一栏填的是"
                          f"指标名称：按此读入，一级指标由二级指标补全，请核对", location=location, row=row + 1))
    if NAMES_IN_LEVEL2 in columns:
        notes.append(Note(f"绩效指标表第 {row + 1} 行的“二级指标”一栏填的是指标名称（没有二级指标名），“指标内容”一栏是对指标的"
                          f"说明：按此读入，二级指标留空，指标说明未导入，请核对", location=location, row=row + 1))
    if UNSURE in columns:
        notes.append(Note(f"绩效指标表第 {row + 1} 行的表头把指标分左右两组并列，没有写明哪一组是年度的：按右边一组"
                          f"（第 {columns[UNSURE] + 1} 列起）读作年度指标，左边一组的指标值读作实施周期指标值，请核对",
                          location=location, row=row + 1))


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


_PLACEHOLDER = "…⋯.．。-－—/ "
_NUMBER_ONLY = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def _value(cells: dict[str, str], role: str, r: int, where: str, position: int, notes: list) -> str | None:
    """The value with its comparator and unit columns joined (≥ + 95 + % → ≥95%), where the form splits them."""
    unit = cells.get("unit", "")
    if _NUMBER_ONLY.match(unit):  # no unit: a date the budget system keeps as a day number (44,561), or a slip
        if cells.get(role):
            notes.append(Note(f"第 {r + 1} 行的计量单位“{unit}”是一个数，不是单位：指标值“{cells[role]}”看不出是什么"
                              f"（可能是存成数字的日期），未导入，请对照原表填写",
                              location=paths.field(paths.indicator(where, position), role), row=r + 1, source_text=unit))
        return None
    signs = [cells[key] for key in ("comparator", SECOND_COMPARATOR) if cells.get(key)]
    compares = next((sign for sign in signs if is_comparator(sign)), signs[0] if signs else "")
    value, sign = joined_value(cells.get(role, ""), compares, unit)
    # a direction beside the comparator (正向, 反向) is not joined either: said as one that is none
    beside = next((other for other in signs if other != compares and not is_comparator(other)), None)
    if sign and value:
        notes.append(Note(f"第 {r + 1} 行的指标性质“{sign}”不是比较符，未并入指标值",
                          location=paths.field(paths.indicator(where, position), role), row=r + 1, source_text=sign))
    elif beside and value and not _said_beside(notes, beside):
        # a direction beside a comparator column (乌海: 正向 | ＝): said once for the table, not on every row
        notes.append(Note(f"第 {r + 1} 行起的指标性质“{beside}”不是比较符，未并入指标值（比较符取自另一列）",
                          location=paths.field(paths.indicator(where, position), role), row=r + 1, source_text=beside))
    if value and _unit_only(value):  # a template's blank: 公里, ≧ % (陕西's 专项 form, its numbers never written in)
        notes.append(Note(f"第 {r + 1} 行的指标值“{value}”只有计量单位，没有数值（模板未填写），未导入，请对照原表填写",
                          location=paths.field(paths.indicator(where, position), role), row=r + 1, source_text=value))
        return None
    return value


def _said_beside(notes: list, direction: str) -> bool:
    return any(getattr(note, "source_text", None) == direction and "起的指标性质" in note for note in notes)


def _unit_only(value: str) -> bool:
    """A value with no number: a unit alone (an area's 平方 before it), a comparator before it or not."""
    bare = value.lstrip("≥≤≧≦＝=＞＜><").strip().removeprefix("平方")
    return not any(ch.isdigit() for ch in value) and bare_unit(bare) is not None
