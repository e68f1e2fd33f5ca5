"""The cells of an .xls (.et) that show a formula's error (#NAME? of a value typed as =300天, #REF!…), which
calamine gives as empty cells: found in the workbook's own records, so that the import says them instead of
reading an empty cell in silence. The records are those of the stream spreadsheet_book._check_ole2 walked (it refuses
a file whose sector chains are broken); anything this reading does not understand gives no cells (the file opens as
before)."""

from __future__ import annotations

import re
import struct

_BOF, _BOUNDSHEET, _FORMULA, _BOOLERR, _EOF = 0x0809, 0x0085, 0x0006, 0x0205, 0x000A
_WORKSHEET = 0x0010  # a BOF's substream type
# An error's bytes as a formula's cached value or a constant's (BOOLERR): looked for in the stream first, in C, so
# that a workbook with none (nearly all) is not walked record by record (0.1 s for the 2,000-project one).
_LOOKS_LIKE_ONE = re.compile(rb"\x02[\x00-\xff][\x00\x07\x0f\x17\x1d\x24\x2a]\x00\x00\x00\xff\xff"
                             rb"|\x05\x02\x08\x00[\x00-\xff]{6}[\x00\x07\x0f\x17\x1d\x24\x2a]\x01", re.S)
_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A"}


def error_cells(workbook: bytes) -> dict[str, list[tuple[int, int, str]]]:
    """Each worksheet's cells (row, column, the error as Excel shows it), by the sheet's name. workbook: the
    Workbook stream, as spreadsheet_book._check_ole2 gives it."""
    if not _LOOKS_LIKE_ONE.search(workbook):
        return {}
    try:
        return _scan(workbook)
    except (struct.error, IndexError, ValueError, UnicodeDecodeError):
        return {}


def _records(stream: bytes):
    offset = 0
    while offset + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, offset)
        yield offset, kind, stream[offset + 4:offset + 4 + length]
        offset += 4 + length


def _scan(stream: bytes) -> dict[str, list[tuple[int, int, str]]]:
    sheets: dict[int, str] = {}  # a worksheet's BOF offset → its name
    found: dict[str, list[tuple[int, int, str]]] = {}
    current: str | None = None
    for offset, kind, body in _records(stream):
        if kind == _BOUNDSHEET and len(body) >= 8 and body[5] == 0:  # dt 0: a worksheet
            count, wide = body[6], body[7] & 1
            raw = body[8:8 + count * (2 if wide else 1)]
            sheets[struct.unpack_from("<I", body, 0)[0]] = raw.decode("utf-16-le" if wide else "latin-1")
        elif kind == _BOF and len(body) >= 4:
            current = sheets.get(offset) if struct.unpack_from("<H", body, 2)[0] == _WORKSHEET else None
        elif current is not None and kind == _FORMULA and len(body) >= 14:
            row, column = struct.unpack_from("<HH", body, 0)
            if body[6] == 0x02 and body[12:14] == b"\xff\xff" and body[8] in _ERRORS:
                found.setdefault(current, []).append((row, column, _ERRORS[body[8]]))
        elif current is not None and kind == _BOOLERR and len(body) >= 8 and body[7] == 1 and body[6] in _ERRORS:
            row, column = struct.unpack_from("<HH", body, 0)
            found.setdefault(current, []).append((row, column, _ERRORS[body[6]]))
        elif kind == _EOF:
            current = None
    return found
