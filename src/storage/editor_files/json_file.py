"""The editor's JSON format (docs/reference.md: "JSON (.json), schema version 2"); version 1 files are read too.

Version 2 only added fields with defaults (Indicator.previous_annual_value, Project.source_file and
review, Department.review — written only when the department has marks), so a version 1 file is read by today's model as it is: migrating it means refusing the
fields it cannot have had, and telling the clerk that saving writes version 2.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import StrictInt, TypeAdapter, ValidationError

from ...model import paths
from ...model.bulk import collector_paused
from ...model.declaration import Declaration, year_beyond_limit
from ...model.field_values import validation_reason
from ..infra.errors import FileProblem, ends_inside_a_character, error_text, os_problem
from ..infra.opened import OpenResult
from ..infra.plausible import refuse_implausible
from ..infra.preflight import open_regular

FORMAT_NAME = "perf-target-declaration"
SCHEMA_VERSION = 2
# The fields each version added, by the kind of node that has them: a file of an older version holding
# one of them was not written by that version, and is refused as an unknown key was then.
_ADDED_IN = {2: {"indicator": ("previous_annual_value",), "project": ("source_file", "review"),
                 "department": ("review",)}}


def declaration_to_json(declaration: Declaration) -> bytes:
    """The format and version keys first, then the declaration as pydantic's (Rust) serializer writes it.

    Bytes straight from the serializer: going through a str and encoding it again copied a
    city-sized file (55 MB) twice more and made saving grow faster than the file.
    """
    body = _declaration_adapter().dump_json(declaration, indent=2)
    header = f'{{\n  "format": "{FORMAT_NAME}",\n  "schema_version": {SCHEMA_VERSION},\n'.encode("utf-8")
    return header + body[2:] + b"\n"


@lru_cache(maxsize=1)
def _declaration_adapter() -> TypeAdapter:
    return TypeAdapter(Declaration)


def read_json(path: str | Path) -> Declaration:
    declaration = parse_json(_file_bytes(Path(path)), path)[0]
    refuse_implausible(declaration, path)
    return declaration


def open_json(path: Path) -> OpenResult:
    """The registry's reader: a file the clerk opens. A value no declaration has (an amount of more than 15 integer
    digits, a year outside 1900–2100: the model's own field types) refuses the file, naming the field; so does a
    file past the project or indicator limits (infra/plausible.py), which parse_json alone — the recovery copies' path —
    does not check."""
    declaration, version = parse_json(_file_bytes(path), path)
    refuse_implausible(declaration, path)
    if version == SCHEMA_VERSION:
        return OpenResult(declaration)
    note = migration_note(version)
    return OpenResult(declaration, [note], format_note=note)


def migration_note(version: int) -> str:
    return (f"文件是格式版本 {version}（旧版本软件保存），已按版本 {SCHEMA_VERSION} 打开；保存后为版本 {SCHEMA_VERSION}，"
            f"只支持版本 {version} 的旧版软件将无法打开保存后的文件")


_FIX = "请用记事本等文本编辑器改正这个值（或从备份恢复文件）后再打开"
_LONGEST_INT = 100  # digits: json.loads refuses over 4,300 with a ValueError of its own; a year has 4


def _file_bytes(source: Path) -> bytes:
    try:
        with open_regular(source) as stream:  # a regular file within limits.MAX_FILE_BYTES, or refused unread
            return stream.read()
    except OSError as error:
        raise os_problem(source, error) from error


class _WholeFile(Declaration):
    """A file and its declaration in one pass of pydantic's own JSON parser, for files that are fine."""

    format: Literal[FORMAT_NAME]
    schema_version: StrictInt


def declaration_from_json(raw: bytes, source: str | Path = "文件") -> Declaration:
    return parse_json(raw, source)[0]


def parse_json(raw: bytes, source: str | Path = "文件") -> tuple[Declaration, int]:
    """The declaration, and the schema version the file was written in."""
    try:
        with collector_paused():
            whole = _WholeFile.model_validate_json(raw)
    except (ValidationError, ValueError, RecursionError, MemoryError):
        return _parsed_slowly(raw, source)  # says exactly what is wrong
    if not 1 <= whole.schema_version <= SCHEMA_VERSION:
        return _parsed_slowly(raw, source)
    # Validated field by field with Declaration's own validators (a subclass); only the envelope goes.
    fields = {name: getattr(whole, name) for name in Declaration.model_fields}
    declaration = Declaration.model_construct(_fields_set=whole.model_fields_set & set(fields), **fields)
    _refuse_later_fields(declaration, whole.schema_version, source)
    return declaration, whole.schema_version


def _declaration_from_json_slowly(raw: bytes, source: str | Path) -> Declaration:
    return _parsed_slowly(raw, source)[0]


def _refuse_later_fields(declaration: Declaration, version: int, source: str | Path) -> None:
    """A field a later version added, in a file of an older one (model_fields_set: the keys the file had)."""
    added = [_ADDED_IN[later] for later in sorted(_ADDED_IN) if later > version]
    if not added:
        return
    for_projects = {name for step in added for name in step["project"]}
    for_indicators = {name for step in added for name in step["indicator"]}
    found = {name for step in added for name in step["department"]} & declaration.department.model_fields_set
    if found:
        _refuse_field(source, version, paths.field(paths.DEPARTMENT, min(found)))
    owners = [(paths.DEPARTMENT, declaration.department.indicators)]
    for index, project in enumerate(declaration.projects):
        where = paths.project(index)
        found = for_projects & project.model_fields_set
        if found:
            _refuse_field(source, version, paths.field(where, min(found)))
        owners.append((where, project.indicators))
    for owner, indicators in owners:
        for index, indicator in enumerate(indicators):
            found = for_indicators & indicator.model_fields_set
            if found:
                _refuse_field(source, version, paths.field(paths.indicator(owner, index), min(found)))


def _refuse_field(source: str | Path, version: int, location: str) -> None:
    raise FileProblem(source, f"内容有误，位置 {location}：格式版本 {version} 的文件不应有此字段（文件可能被其他软件改动过）")


def _parsed_slowly(raw: bytes, source: str | Path) -> tuple[Declaration, int]:
    try:
        with collector_paused():
            document = json.loads(raw.decode("utf-8-sig"), parse_int=_json_int)
    except UnicodeDecodeError as error:
        if ends_inside_a_character(error, raw):
            raise FileProblem(source, "JSON 文件不完整（在一个字符中间结束），可能在保存或复制时被截断。"
                                      "请从备份（同名的 .bak 文件）恢复，或向发送方重新索取文件") from error
        raise FileProblem(source, f"JSON 文件第 {error.start:,} 字节起的内容不是 UTF-8 编码：文件已损坏，或不是本软件保存的文件。"
                                  "请从备份（同名的 .bak 文件）恢复") from error
    except json.JSONDecodeError as error:
        raise FileProblem(source, f"JSON 格式损坏（第 {error.lineno} 行第 {error.colno} 列），文件可能不完整。"
                                  "请从备份恢复，或向发送方重新索取文件") from error
    except (RecursionError, MemoryError) as error:
        raise FileProblem(source, "JSON 嵌套过深或过大，无法读取") from error
    except ValueError as error:  # what json itself refuses beyond its syntax
        raise FileProblem(source, "JSON 内容无法读取（其中的数字或文字超出了范围），文件可能已损坏", error_text(error)) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise FileProblem(source, f"不是绩效目标申报文件（缺少 \"format\": \"{FORMAT_NAME}\"）")
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise FileProblem(source, "缺少有效的 schema_version")
    if version > SCHEMA_VERSION:
        raise FileProblem(source, f"文件由更新版本的软件保存（格式版本 {version}，本软件支持到 {SCHEMA_VERSION}），请升级软件后再打开")
    if version < 1:
        raise FileProblem(source, f"格式版本 {version} 无效")
    body = {key: value for key, value in document.items() if key not in ("format", "schema_version")}
    try:
        with collector_paused():
            declaration = Declaration.model_validate(body)
    except ValidationError as error:
        why = year_beyond_limit(body.get("year")) if tuple(error.errors()[0]["loc"]) == (paths.YEAR,) else None
        if why:  # a year of thousands of digits: said as such, not as pydantic's 不能大于 2100
            raise FileProblem(source, f"内容有误，位置 {paths.YEAR}（预算年度）：{why}，未打开。{_FIX}") from error
        raise FileProblem(source, *validation_problem(error)) from error
    except (RecursionError, MemoryError) as error:
        raise FileProblem(source, "文件内容嵌套过深或过大，无法读取") from error
    _refuse_later_fields(declaration, version, source)
    return declaration, version


def _json_int(text: str) -> int | Decimal:
    """An integer of the file; one of more than _LONGEST_INT digits as a Decimal, which has no digit limit, so
    that the field it is in is named (json.loads would refuse the whole file past 4,300 digits)."""
    return int(text) if len(text) <= _LONGEST_INT else Decimal(text)


_TYPE_WRONG = re.compile(r"^类型不对（(.*)）$", re.DOTALL)
_CJK = re.compile(r"[\u3400-\u9fff]")


def describe_validation_error(error: ValidationError) -> str:
    """First pydantic error as '位置 projects[3].funds.total：原因', in Chinese where we know the words."""
    return validation_problem(error)[0]


def validation_problem(error: ValidationError) -> tuple[str, str | None]:
    """(the first pydantic error as '内容有误，位置 projects[3].funds.total：原因' in Chinese, pydantic's own words
    when the reason could not be said in Chinese — for the 详细信息 line — or None)."""
    details = error.errors(include_url=False)
    location = paths.from_steps(details[0]["loc"])
    reason, detail = validation_reason(details[0]), None
    wrong_type = _TYPE_WRONG.match(reason)
    if wrong_type:
        reason, detail = "类型不对", wrong_type.group(1)
    elif not _CJK.search(reason):
        reason, detail = "值无效", reason
    more = f"（另有 {len(details) - 1} 处问题）" if len(details) > 1 else ""
    return f"内容有误，位置 {location or '顶层'}：{reason}{more}", detail
