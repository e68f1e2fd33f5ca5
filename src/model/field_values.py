"""The one gate a value passes on its way into a declaration, from a file or from an edit.

Files are read with model_validate; an edit sets one field. Both go through the same pydantic field types
(text cleaned of characters no format can hold, amounts parsed, 一级/二级 made canonical), so what the form
shows after an edit is what a save and a reopen give back. A value the type refuses is a FieldRefused with
the reason in Chinese.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel, ValidationError


class FieldRefused(ValueError):
    """A value a field cannot hold; str() is the Chinese reason."""

    def __init__(self, location: str, reason: str):
        super().__init__(reason)
        self.location = location
        self.reason = reason


# pydantic's own error types, said in Chinese; anything else keeps pydantic's words.
_REASONS = {
    "less_than_equal": "不能大于 {le}",
    "greater_than_equal": "不能小于 {ge}",
    "less_than": "须小于 {lt}",
    "greater_than": "须大于 {gt}",
    "int_parsing": "须为整数",
    "int_type": "须为整数",
    "int_from_float": "须为整数",
    "string_type": "须为文字",
    "list_type": "须为列表",
    "enum": "不是可选的值之一",
    "decimal_parsing": "不是数字",
}


def validation_reason(detail: dict) -> str:
    """One pydantic error detail as a Chinese reason."""
    kind = detail.get("type", "")
    message = detail.get("msg", "")
    if kind == "value_error":
        return message.removeprefix("Value error, ")
    if kind == "extra_forbidden":
        return "有本软件不认识的字段，可能来自其他软件或更新版本"
    if kind == "missing":
        return "缺少必需的字段"
    template = _REASONS.get(kind)
    if template:
        try:
            return template.format(**(detail.get("ctx") or {}))
        except (KeyError, IndexError):
            return template
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"类型不对（{message}）"
    return message


def assign(target: BaseModel, name: str, value: Any, location: str) -> None:
    """target.name = value, validated and cleaned by the field's type."""
    try:
        target.__pydantic_validator__.validate_assignment(target, name, value)
    except ValidationError as error:
        raise FieldRefused(location, validation_reason(error.errors(include_url=False)[0])) from None


def cleaned(target: BaseModel, name: str, value: Any, location: str) -> Any:
    """What target.name would hold after assign(), target left as it is."""
    probe = copy.copy(target)
    assign(probe, name, value, location)
    return getattr(probe, name)
