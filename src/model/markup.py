"""Markup a web page or a rich-text editor left in a clerk's text (`<p>…</p>`, `&nbsp;`): found and removed.

The importers already strip it from what they read; this is for text typed or pasted into the editor's
own files, where a form would print the tags as they are.
"""

from __future__ import annotations

import html
import re

from .problems import WARNING, Problem

MARKUP_EXAMPLE = "如 <p>、&nbsp;"  # how the checks' messages name it
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:nbsp|lt|gt|amp|quot|apos|ensp|emsp|#\d{1,6}|#[xX][0-9A-Fa-f]{1,6});")
_BREAK = re.compile(r"<\s*(?:br\s*/?|/\s*(?:p|div|li|tr|h[1-6]))\s*>", re.IGNORECASE)
_BLANK_LINES = re.compile(r"[ \t]*\n[ \t\n]*")


def markup_problem(location: str, label: str) -> Problem:
    """The warning for markup in a text field; label names the field in the clerk's words."""
    return Problem("text-markup", WARNING, location, f"{label}含有网页标记（{MARKUP_EXAMPLE}），打印时会原样印出")


def has_markup(text: str | None) -> bool:
    # The two membership tests are what nearly every text costs: most contain neither character.
    return bool(text) and ("<" in text or "&" in text) and bool(_TAG.search(text) or _ENTITY.search(text))


def without_markup(text: str) -> str | None:
    """The text as a reader sees it: line-ending tags as line breaks, other tags dropped, entities decoded,
    &nbsp; as a space; None when nothing is left."""
    plain = _BREAK.sub("\n", text)
    plain = _TAG.sub("", plain)
    plain = _ENTITY.sub(lambda match: html.unescape(match.group(0)), plain).replace("\xa0", " ")
    plain = _BLANK_LINES.sub("\n", plain).strip()
    return plain or None
