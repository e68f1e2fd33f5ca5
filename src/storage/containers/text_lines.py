"""Lines of a PDF's text, as the layout rebuilders (text_layout, text_form) read them: page furniture
dropped, display widths, wrapped lines joined, labels that wrapped put back together."""

from __future__ import annotations

import re
import unicodedata

TOLERANCE = 3  # display columns: kinsoku moves a character or so from line to line
_PAGE_FURNITURE = re.compile(
    r"^(?:第\s*\d+\s*页(?:\s*[/，,、]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页(?:\s*第\s*\d+\s*页)?|[-－—–]\s*\d+\s*[-－—–]"
    r"|\d+\s*/\s*\d+|page\s*\d+(?:\s*(?:of|/)\s*\d+)?)$", re.IGNORECASE)
_AMOUNT = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_SENTENCE_END = ("。", "；", ";", "！", "？", "!", "?", "”。", ".")
_TITLE_GAP = re.compile(r"\s{2,}|\s+(?=[^\s:：]{1,8}[:：])")
_OPEN, _CLOSE = "（(【[", "）)】]"


def text_lines(text: str) -> list[str]:
    """Non-empty lines without page numbers, spaces at the ends trimmed."""
    lines = []
    for line in re.split(r"\r\n|\r|\n|\f", text):
        line = line.replace("\u3000", " ").replace("\xa0", " ").strip()
        if line and not _PAGE_FURNITURE.match(line):
            lines.append(line)
    return lines


def width(text: str) -> int:
    """Display width: a Chinese character or full-width mark is two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def join_wrapped(head: str, tail: str) -> str:
    """A line wrapped by the PDF, put back: no space between Chinese, one between Latin words."""
    if not head:
        return tail
    if head[-1].isascii() and head[-1].isalnum() and tail[:1].isascii() and tail[:1].isalnum():
        return f"{head} {tail}"
    return head + tail


def ends_sentence(text: str) -> bool:
    return text.endswith(_SENTENCE_END)


def is_amount(token: str) -> bool:
    return bool(_AMOUNT.match(token))


def merge_label_tails(tokens: list[str]) -> list[str]:
    """'项目名称 （资金使用单位）' is one label: a token opening with a bracket, or closing one the
    previous token left open, belongs to the previous token."""
    merged: list[str] = []
    for token in tokens:
        if merged and (token[0] in _OPEN or _unclosed(merged[-1])):
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def _unclosed(text: str) -> bool:
    return sum(text.count(c) for c in _OPEN) > sum(text.count(c) for c in _CLOSE)


def title_cells(line: str) -> list[object]:
    """A line above a table, in cells: apart at runs of spaces and before a label such as 单位："""
    return [cell for cell in _TITLE_GAP.split(line) if cell]


def closes_bracket(label: str, line: str) -> bool:
    """The rest of a wrapped label: '其他需完成的任务（可选' + '填）'."""
    return _unclosed(label) and width(line) <= 12 and any(c in line for c in _CLOSE)
