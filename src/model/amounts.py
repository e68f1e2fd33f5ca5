"""Amounts in 万元 as exact decimals, read the way clerks type them."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋　", "0123456789.,-+ ")
_AMOUNT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


# Integer digits an amount in 万元 may have: 10^15 万元 is far beyond any budget, and 15 digits with 2 decimals
# stay exact in every format (a spreadsheet number, Decimal's 28 digits).
MAX_INTEGER_DIGITS = 15


def integer_digits(value: Decimal) -> int:
    """Digits before the decimal point (10^9 for an infinity), from the exponent: never by formatting, since
    1E+999999999 is a few bytes."""
    if not value.is_finite():
        return 10 ** 9
    if value.is_zero():
        return 1
    return max(value.adjusted() + 1, 1)


def beyond_limit(amount: Decimal | None) -> str | None:
    """Why an amount cannot be a real one (in Chinese): more than MAX_INTEGER_DIGITS integer digits; None when it
    can."""
    if amount is None:
        return None
    digits = integer_digits(amount)
    if digits <= MAX_INTEGER_DIGITS:
        return None
    shown = f"{digits:,}" if digits < 10 ** 9 else "无穷多"
    return f"金额有 {shown} 位整数，超过 {MAX_INTEGER_DIGITS} 位的上限（单位万元），不是真实的金额"


def _checked(amount: Decimal) -> Decimal:
    if not amount.is_finite():
        raise AmountError("金额不是有限数字")
    why = beyond_limit(amount)
    if why:
        raise AmountError(why)
    return amount


class AmountError(ValueError):
    """Text that is not an amount; the message is for the clerk."""


def parse_amount(value: object) -> Decimal | None:
    """Decimal from text such as '1,485.34', '１４８５．３４', '1, 994. 32' or '￥12万元'.

    Empty means None. Binary floats are taken through their shortest repr so that
    0.1 stays 0.1 rather than 0.1000000000000000055511151231257827.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise AmountError("金额不能是真/假值")
    if isinstance(value, Decimal):
        return _checked(value)
    if isinstance(value, int):
        if value.bit_length() > 64:  # str() of a 5,000-digit int raises: refuse by size first
            raise AmountError(f"金额有约 {int(value.bit_length() * 0.30103) + 1:,} 位整数，超过 {MAX_INTEGER_DIGITS} 位的上限")
        return _checked(Decimal(value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise AmountError("金额不是有限数字")
        return _checked(Decimal(repr(value)))
    if not isinstance(value, str):
        raise AmountError(f"金额应为数字，实际是 {type(value).__name__}")
    text = value.translate(_FULL_WIDTH).strip()
    text = re.sub(r"^[￥¥]|万元$|元$", "", text).strip()
    text = re.sub(r"[\s,]", "", text)
    if text in ("", "-", "—"):
        return None
    if len(text) > 40 or not _AMOUNT.match(text):
        raise AmountError(f"“{value[:40]}”不是金额，请填写数字，例如 1485.34")
    try:
        return _checked(Decimal(text))
    except InvalidOperation as error:  # pragma: no cover - the pattern already excludes this
        raise AmountError(f"“{value[:40]}”不是金额") from error


def format_amount(value: Decimal | None) -> str | None:
    """Fixed-point text with at least two decimals, never exponent notation; no digit dropped."""
    if value is None:
        return None
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -2:
        value = value.quantize(Decimal("0.01"))  # "82.6" → "82.60", as the forms print amounts
    return format(value, "f")


def display_amount(value: Decimal | None) -> str:
    """Two decimals with thousands separators, as the published tables show amounts."""
    if value is None:
        return ""
    return f"{value:,.2f}"
