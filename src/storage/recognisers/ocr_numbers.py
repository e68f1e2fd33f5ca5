"""Amounts as published tables print them, OCR noise included (seed 001: `1, 994. 32`, `3, 908.`).

model/amounts.parse_amount is for what a clerk types and stays strict; this reads what a scanned or
extracted table gives. Spaces that OCR puts around a comma or a decimal point are dropped when the
number can only be one number: every group after a thousands comma has three digits, and no space
falls between two digits of the same group. Anything else (`1, 99. 4`, `12 34`, `1.994,32`) could be
more than one number and is left empty; it is never guessed. Every number not read as printed gets
a note naming its place and its original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from ...model import paths
from ...model.amounts import AmountError, beyond_limit, format_amount, parse_amount
from ...model.notes import Note

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋　−", "0123456789.,-+ -")
_WRAPPING = re.compile(r"^[￥¥]\s*|\s*(?:万元|元)$")
_PRINTED = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")  # 1,994.32 / 1994.32: no reading needed
_NUMBER_LIKE = re.compile(r"^([+-]?)\s*([\d\s,]*\d[\d\s,]*?)\s*(?:\.\s*([\d\s]*?))?\s*$")
_DIGITS = re.compile(r"^\d+$")
_LONGEST = 40


class Kind(Enum):
    PRINTED = "printed"  # an ordinary amount (or empty): nothing to note
    MENDED = "mended"  # OCR spacing or a bare decimal point, read because only one number fits
    AMBIGUOUS = "ambiguous"  # digits that could be more than one number: left empty
    NOT_A_NUMBER = "not a number"  # letters or marks where an amount belongs: left empty
    ABSURD = "absurd"  # a number no budget has (model/amounts.beyond_limit): left empty


@dataclass(frozen=True)
class AmountReading:
    value: Decimal | None
    kind: Kind
    original: str = ""
    reason: str = ""  # for MENDED/AMBIGUOUS/NOT_A_NUMBER: what was seen, in Chinese

    def note(self, where: str, label: str, row: int | None = None) -> Note | None:
        """The 导入说明 for this reading at a location (paths' spelling) with its label, and the source's row
        (1-based) where known; None for PRINTED."""
        place = f"{label}（{paths.place_words(where)}）" if label else paths.place_words(where)
        if self.kind is Kind.MENDED:
            text = f"{place}：原文“{self.original}”{self.reason}，读作 {format_amount(self.value)}，请核对"
        elif self.kind is Kind.AMBIGUOUS:
            text = f"{place}：原文“{self.original}”{self.reason}，可能是不止一个数，已留空，请按原表填写"
        elif self.kind is Kind.NOT_A_NUMBER:
            text = f"{place}：原文“{self.original}”不是金额，已留空"
        elif self.kind is Kind.ABSURD:
            text = f"{place}：原文“{self.original}”{self.reason}，已留空，请按原表填写"
        else:
            return None
        # A place the declaration has no field for (words) is dropped with every dangling one (notes.settled).
        return Note(text, location=where, row=row, source_text=self.original)


def read_published_amount(value: object) -> AmountReading:
    """An amount from a published table's cell, read leniently only where the reading is certain; a number no
    budget has (model/amounts.beyond_limit) is left empty, with its reason."""
    reading = _read_published_amount(value)
    why = beyond_limit(reading.value)
    if why:
        original = reading.original or " ".join(str(value).split())[:_LONGEST]
        return AmountReading(None, Kind.ABSURD, original if len(original) < _LONGEST else original[:_LONGEST] + "…", why)
    return reading


def _read_published_amount(value: object) -> AmountReading:
    if not isinstance(value, str):
        try:
            return AmountReading(parse_amount(value), Kind.PRINTED)
        except AmountError:
            return AmountReading(None, Kind.NOT_A_NUMBER, str(value)[:_LONGEST])
    original = " ".join(value.split())[:_LONGEST]
    text = _WRAPPING.sub("", value.translate(_FULL_WIDTH).strip()).strip()
    if text in ("", "-", "—", "--"):
        return AmountReading(None, Kind.PRINTED)
    if _PRINTED.match(text):
        return AmountReading(Decimal(text.replace(",", "")), Kind.PRINTED)
    if len(text) > _LONGEST * 2:
        return AmountReading(None, Kind.NOT_A_NUMBER, original)
    if text.count(".") > 1:
        return _ambiguous(original, "有不止一个小数点") if _only_number_marks(text) else _not_a_number(original)
    match = _NUMBER_LIKE.match(text)
    if match is None:
        if _only_number_marks(text):
            return _ambiguous(original, "逗号和小数点的位置不合常规")
        return _not_a_number(original)
    sign, whole, fraction = match.groups()
    problem = _whole_problem(whole) or _fraction_problem(fraction)
    if problem:
        return _ambiguous(original, problem)
    digits = whole.replace(",", "").replace(" ", "")
    fraction_digits = (fraction or "").replace(" ", "")
    number = Decimal(f"{sign}{digits}.{fraction_digits}" if fraction_digits else f"{sign}{digits}")
    if fraction is not None and not fraction_digits:
        reason = "小数点后没有数字（可能有小数未识别出来）"
    else:
        reason = "中有识别留下的空格"
    return AmountReading(number, Kind.MENDED, original, reason)


def _whole_problem(whole: str) -> str | None:
    """Why the part before the decimal point is not one certain number, if it is not."""
    groups = [group.strip() for group in whole.split(",")]
    if any(not _DIGITS.match(group) for group in groups):
        if any(group == "" for group in groups):
            return "逗号前后缺少数字"
        return "数字中间有空格，不能确定是千位分隔、小数点还是两个数"
    if len(groups) > 1 and (len(groups[0]) > 3 or any(len(group) != 3 for group in groups[1:])):
        return "千位逗号后不是三位数字，不能确定逗号是千位分隔还是小数点"
    return None


def _fraction_problem(fraction: str | None) -> str | None:
    if fraction and " " in fraction.strip():
        return "小数部分中间有空格"
    return None


def _only_number_marks(text: str) -> bool:
    return all(ch.isdigit() or ch in ".,+- " for ch in text)


def _ambiguous(original: str, reason: str) -> AmountReading:
    return AmountReading(None, Kind.AMBIGUOUS, original, reason)


def _not_a_number(original: str) -> AmountReading:
    return AmountReading(None, Kind.NOT_A_NUMBER, original)


_OWN_UNIT = re.compile(r"(万?元)\s*$")
_YUAN_PER_WANYUAN = Decimal(10000)


def own_unit(text: object) -> str | None:
    """The unit an amount cell prints after its number (80万元, 800000元), or None."""
    found = _OWN_UNIT.search(text.strip()) if isinstance(text, str) else None
    return found.group(1) if found else None


def in_wanyuan(value: Decimal | None, text: object, table_in_yuan: bool, where: str, label: str,
               row: int | None = None) -> tuple[Decimal | None, Note | None]:
    """value, read from the cell text, in 万元: by the unit the cell itself prints where it prints one — its word
    outweighs the table's (800000元 in a table that says nothing of units, 80万元 under 单位：元) — else by the
    table's (元 when table_in_yuan); and the note saying so when the cell's unit decided otherwise."""
    unit = own_unit(text)
    if value is None or unit is None or (unit == "元") == table_in_yuan:
        return (value / _YUAN_PER_WANYUAN if table_in_yuan and value is not None else value), None
    converted = value / _YUAN_PER_WANYUAN if unit == "元" else value
    return converted, Note(f"{label}“{' '.join(str(text).split())}”自带单位{unit}，按{unit}读作 {converted:,.2f} 万元，请核对",
                           location=where, row=row, source_text=str(text))


def published_amount(text: object, where: str, label: str, notes: list[str], row: int | None = None) -> Decimal | None:
    """An amount cell of a published table (OCR noise read only where certain), its reading noted; row is the
    source's (1-based) where known."""
    reading = read_published_amount(text)
    note = reading.note(where, label, row)
    if note:
        notes.append(note)
    return reading.value
