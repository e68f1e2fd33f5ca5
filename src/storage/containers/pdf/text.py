"""The text of a PDF page: characters → lines → a cell's text, for page and layout.

Slanted characters (a 草稿 watermark) are dropped, the doubled glyphs of synthetic bold collapsed, and a
cell's lines joined as its producer wrapped them: nothing between Chinese characters, a space between
two Latin words or after a half-width comma, a line break only where a line stopped well short of the
cell's edge though the next line's first word would have fitted there.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Line:
    """A line of text: its characters left to right, cut into cells where a wide gap separates them."""

    top: float
    bottom: float
    x0: float
    x1: float
    chars: list[dict]

    @property
    def text(self) -> str:
        return line_text(self.chars)


# ---- characters ------------------------------------------------------------------------------

def _slanted(char: dict) -> bool:
    a, b, c, d = char["matrix"][:4]
    return not char.get("upright", True) or abs(b) > 1e-3 * max(abs(a), 1e-9) or abs(c) > 1e-3 * max(abs(d), 1e-9)


def dedupe(chars: list[dict], tolerance: float = 1.0) -> list[dict]:
    """pdfplumber's dedupe_chars (same text, font and size within tolerance: the first drawn kept) in
    linear time: its own sorts by list.index, quadratic, a third of the page's parse time here. A character
    under another clip is no duplicate: two cells' text drawn past their boxes may cross at the same place.
    Nor is one drawn apart from its twin: synthetic bold draws a glyph again at once, or its whole run again
    right after the run, so everything drawn between the two is doubled as well. Text of two cells that
    crosses (a row too low for its wrapped text, LibreOffice, no clip) meets a twin drawn long before, with
    undoubled text between: dropping it cut 2023 out of 2023年12月 under another row's 2023-2025."""
    twin_of: dict[int, int] = {}  # index → the index of the earlier character it repeats
    seen: dict[tuple, list[int]] = {}
    for index, char in enumerate(chars):
        key = (char["text"], char["fontname"], round(char["size"], 1), char.get("clip"))
        bx, by = int(char["x0"] // tolerance), int(char["top"] // tolerance)
        twin = None
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in seen.get((key, bx + dx, by + dy), ()):
                    if abs(chars[other]["x0"] - char["x0"]) <= tolerance and abs(chars[other]["top"] - char["top"]) <= tolerance:
                        twin = other
                        break
                if twin is not None:
                    break
            if twin is not None:
                break
        if twin is None:
            seen.setdefault((key, bx, by), []).append(index)
        else:
            twin_of[index] = twin
    doubled = set(twin_of) | set(twin_of.values())
    dropped = set()
    for index, twin in twin_of.items():
        between = range(twin + 1, index)
        if all(i in doubled or chars[i]["text"] == " " for i in between):
            dropped.add(index)
    return [char for index, char in enumerate(chars) if index not in dropped]


UNMAPPED = "\ufffd"  # a glyph the PDF gives no character for


def unmapped(char: dict) -> bool:
    """A glyph whose font says no character for it (no ToUnicode, glyph names that name none: pdfminer gives
    `(cid:N)`): a PostScript printer driver's fonts, distilled again by Ghostscript, often come so."""
    return char["text"].startswith("(cid:")


def page_chars(page) -> tuple[list[dict], int]:
    chars, slanted = [], 0
    for seq, char in enumerate(page.chars):
        char["seq"] = seq  # the drawing order, which tells cells apart where no line does (layout)
        if unmapped(char):
            char["text"] = UNMAPPED  # one character, shown as unknown (table.read_pages says where)
        if _slanted(char):
            slanted += 1
        elif char["text"].strip():
            chars.append(char)
        elif char["text"]:  # Qt's PDFs draw a space as a tab glyph; a producer may use U+3000 or U+00A0
            chars.append({**char, "text": " "})
    return dedupe(chars), slanted


_CELL = 20.0  # pt: the side of the squares characters are looked up in


def mark_outlines(page, chars: list[dict]) -> None:
    """Marks `outline` the drawn pieces that lie within a character's box: text printed bold by stroking its
    glyphs as well (synthetic bold, text render mode 2) comes from cairo (a Linux desktop's print to file) as the
    text and then every glyph's outline stroked as a path, whose straight pieces are rectangles and lines. They
    are no cell borders (page.is_rule); a border is longer than the character it passes."""
    squares: dict[tuple[int, int], list[dict]] = {}
    for char in chars:
        for x in range(int(char["x0"] // _CELL), int(char["x1"] // _CELL) + 1):
            for y in range(int(char["top"] // _CELL), int(char["bottom"] // _CELL) + 1):
                squares.setdefault((x, y), []).append(char)
    for obj in (*page.rects, *page.lines):
        middle = ((obj["x0"] + obj["x1"]) / 2 // _CELL, (obj["top"] + obj["bottom"]) / 2 // _CELL)
        near = squares.get((int(middle[0]), int(middle[1])), ())
        for char in near:
            room = 0.25 * char["size"]  # the glyph's ink may reach past the box its font gives it
            if char["x0"] - room <= obj["x0"] and obj["x1"] <= char["x1"] + room and \
                    char["top"] - room <= obj["top"] and obj["bottom"] <= char["bottom"] + room:
                obj["outline"] = True
                break


def _is_wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def line_text(chars: list[dict]) -> str:
    """The characters of one line; a space where a gap wider than a third of the text's height separates
    two characters that are not Chinese (Chinese text has no spaces; a producer may spread it)."""
    parts: list[str] = []
    previous = None
    for char in chars:
        text = char["text"]
        if previous is not None and text != " " and parts and parts[-1] != " ":
            gap = char["x0"] - previous["x1"]
            if gap > 0.3 * max(char["size"], 1) and not (_is_wide(text) and _is_wide(previous["text"])):
                parts.append(" ")
        if text == " " and (not parts or parts[-1] == " "):
            previous = char
            continue
        parts.append(text)
        previous = char
    return "".join(parts).strip()


def group_lines(chars: list[dict]) -> list[Line]:
    """Characters into lines: by their vertical middle, the tolerance a third of the text's height, each
    line read left to right."""
    lines: list[Line] = []
    for char in sorted(chars, key=lambda c: (c["top"] + c["bottom"]) / 2):
        middle = (char["top"] + char["bottom"]) / 2
        if lines:
            line = lines[-1]
            line_middle = (line.top + line.bottom) / 2
            if abs(middle - line_middle) <= max(1.0, 0.35 * min(char["bottom"] - char["top"], line.bottom - line.top)):
                line.chars.append(char)
                line.top, line.bottom = min(line.top, char["top"]), max(line.bottom, char["bottom"])
                continue
        lines.append(Line(char["top"], char["bottom"], 0, 0, [char]))
    for line in lines:
        line.chars.sort(key=lambda c: c["x0"])
        visible = [c for c in line.chars if c["text"] != " "] or line.chars
        line.x0, line.x1 = visible[0]["x0"], visible[-1]["x1"]
    return lines


def split_line(line: Line, gap: float | None = None) -> list[list[dict]]:
    """A line's characters in runs separated by gaps of at least `gap` (two character heights)."""
    height = max(line.bottom - line.top, 1)
    gap = 2 * height if gap is None else gap
    runs: list[list[dict]] = []
    for char in line.chars:
        if char["text"] == " ":
            if runs:
                runs[-1].append(char)
            continue
        visible = [c for c in runs[-1] if c["text"] != " "] if runs else []
        if visible and char["x0"] - visible[-1]["x1"] < gap:
            runs[-1].append(char)
        else:
            runs.append([char])
    return runs


# ---- joining wrapped lines -------------------------------------------------------------------

_CLOSING = set("，。；：、！？）》」』】〕”’%％,.;:!?)]}")
_KEPT_TO_DIGIT = _CLOSING | {"．"}  # an item's number 10． is no line's start either (kept out of _first_token_width,
# whose "well short" a wrapped 1 | 0．2-效益指标 meets: its line break read as typed, the number whole once cleaned)
_OPENING = set("（《「『【〔“‘([{")


def _first_token_width(chars: list[dict]) -> float:
    """The width of what a line breaker would have had to fit at the end of the line before: a Chinese
    character with the punctuation that may not begin a line, or a run of Latin letters and digits."""
    visible = [c for c in chars if c["text"] != " "]
    if not visible:
        return 0.0
    end = 0
    if visible[0]["text"] in _OPENING and len(visible) > 1:
        end = 1
    if not _is_wide(visible[end]["text"]) and visible[end]["text"].isascii():
        while end + 1 < len(visible) and visible[end + 1]["text"].isascii() and \
                visible[end + 1]["x0"] - visible[end]["x1"] < 0.3 * visible[end]["size"]:
            end += 1
    while end + 1 < len(visible) and visible[end + 1]["text"] in _CLOSING:
        end += 1
    return visible[end]["x1"] - visible[0]["x0"]


def space_at_wrap(last: str, first: str) -> bool:
    """A line wrapped at a space that the producer did not draw: between two Latin words, or after
    a half-width comma or semicolon (", " as typed in Chinese text too)."""
    if not (first.isascii() and (first.isalnum() or first in "(\"'")):
        return first.isascii() is False and last in ",;!?"
    return last.isascii() and (last.isalnum() or last in ",;!?)")


def join_lines(lines: list[Line], inner_width: float | None = None) -> str:
    """A cell's lines as its text. inner_width: the width text may take in the cell, when known."""
    if not lines:
        return ""
    widest = max(line.x1 - line.x0 for line in lines)
    width = max(widest, inner_width or 0.0)
    text = lines[0].text
    for previous, line in zip(lines, lines[1:]):
        following = line.text
        if not following:
            continue
        slack = width - (previous.x1 - previous.x0)
        size = max(previous.bottom - previous.top, 1)
        if slack > _first_token_width(line.chars) + 1.5 * size:  # well short: a break typed in the text
            text += "\n" + following
        elif text and space_at_wrap(text[-1], following[0]) and not _number_broken(previous, line, slack):
            text += " " + following
        else:
            text += following
    return text


def _number_broken(previous: Line, line: Line, slack: float) -> bool:
    """A number too wide for its cell, broken where the line was full (a word processor breaks a word that fits on
    no line anywhere, 446,079,9 | 00.00): a line of one word that ends in a digit or a separator, filled so far
    that the next line's first digit (with the marks that keep to it) would not have fitted, and a digit after
    it. A wrap at a space between two numbers leaves the line short of the next one whole, which a line of one word
    cannot be."""
    last = [c for c in previous.chars if c["text"] != " "]
    first = [c for c in line.chars if c["text"] != " "]
    if not last or not first or not first[0]["text"].isdigit() or last[-1]["text"] not in "0123456789,.":
        return False
    if any(c["text"] == " " for c in previous.chars if last[0]["x0"] <= c["x0"] <= last[-1]["x0"]):
        return False
    # the digit goes with the marks that may not begin a line after it (1 | 0、效益指标: 0、 did not fit, seed 49's
    # Writer px34; 1 | 0．效益指标, p028)
    end = 0
    while end + 1 < len(first) and first[end + 1]["text"] in _KEPT_TO_DIGIT:
        end += 1
    return slack < first[end]["x1"] - first[0]["x0"]


_CELL_CLIP_HEIGHT = 250.0  # a clip higher than this is a page's or a frame's, not a cell's


def cell_clip(char: dict) -> tuple | None:
    """The clip a character was drawn under, when it is a cell's (rounded, to compare)."""
    clip = char.get("clip")
    if clip is None or not 1 < clip[3] - clip[1] < _CELL_CLIP_HEIGHT or clip[2] - clip[0] <= 1:
        return None
    return tuple(round(v, 1) for v in clip)


def line_pitch(chars: list[dict]) -> float | None:
    """How far apart a cell's lines are drawn, as a share of the text's height: a wrapped cell's lines come one
    after another, each a line pitch below the last; a row's first line follows the row above's last cell a
    line and the cells' padding further down (1.37 against 1.17 in LibreOffice's rows of one line). So the
    smallest step from a character to the next drawn on a line below, taken three times or more (a tenth of
    the steps at least), and at least a line high: the largest of the steps that cluster there, as lines of
    Chinese and of Latin text step a little apart (1.17 and 1.19). Steps within a clipped cell count (a row
    too low for its text is clipped, and its lines are a cell's lines: on a page of such rows they may be the
    only wrapped text, d003); a step into or out of a clip does not. None with no such steps."""
    ratios = []
    previous = None
    for char in sorted(chars, key=lambda c: c["seq"]):
        if char["text"] == " ":
            continue
        if previous is not None and cell_clip(previous) == cell_clip(char):
            size = max(char["bottom"] - char["top"], 1.0)
            step = char["top"] - previous["top"]
            if size <= step <= 1.8 * size:
                ratios.append(step / size)
        previous = char
    return pitch_of(ratios, 3)


def pitch_of(ratios: list[float], least: int) -> float | None:
    """The line pitch among steps from a line to the next (shares of the text's height): the largest of the smallest
    steps that cluster within _PITCH_SPREAD, taken `least` times or more (a tenth of them at least)."""
    ratios = sorted(ratios)
    for index, ratio in enumerate(ratios):
        members = [r for r in ratios[index:] if r - ratio <= _PITCH_SPREAD]
        if len(members) >= max(least, 0.1 * len(ratios)):
            return members[-1]
    return None


_PITCH_SPREAD = 0.03  # steps within this share of the text's height are one line pitch
