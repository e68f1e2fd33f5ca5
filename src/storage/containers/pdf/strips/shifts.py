"""Strips of columns placed by the text their pages share; a table without ruling lines joined by its text.

Excel, WPS and LibreOffice draw every page of one band of rows at the same heights, whatever strip of columns it
shows, and draw a text that crosses a strip border (a title or 项目资金 merged across it, a cell's text running on
into the next column, a form's row merged across the whole width) on every page it reaches, each clipped to its
own part, at positions that differ by exactly the width of the strips to the left. So the characters two pages
share at one height, whole texts drawn in one go, give the shift between two strips (shift_between); which page
shows which strip for which band order.py tells. plan() gives the bands and each strip's offset; a band
without ruling lines is laid side by side as one wide page whose text the layout reader cuts into cells as it does
any page (join_band), what two pages both drew taken once; ruled bands placed.py joins by their tables.

Nothing is joined unless it checks out: the pages divide into full bands (LibreOffice leaves out a page with
nothing on it: one of the last strip is stood in for, and said; order.py), every left page's printed text past its strip's border is drawn again on the
page to its right, and no text of one page falls on other text of another. Otherwise the file is refused with why.
"""

from __future__ import annotations

from itertools import combinations

from ..clips import outside_clip
from ..page import PageContent
from ..text import group_lines, split_line
from .order import arrange, blanks_filled
from .rows import TWIN

_MIN_SHIFT = 20.0  # pt: narrower than any strip of columns
_MIN_SHARED = 4  # characters two pages share at one shift: a title's, a merged header's
_OVERLAP = 3.0  # pt: two strips' printed text may meet this much (side bearings, a border's width)
_GAP = 60.0  # pt: between two strips that share no text: a gutter the layout cannot miss
_SEQ = 10_000_000  # the drawing order of a later strip's characters comes after the strip before's


class NotJoined(Exception):
    """The pages look printed in strips but cannot be joined with certainty: the message says why."""


def _chars(page, printed: bool = False) -> list[dict]:
    """The page's characters; printed: only those its clip shows (a title merged across the strips is drawn
    whole on each of their pages, clipped to the page's part; a cell's text cut at a full cell next to it)."""
    chars = page.content.chars or [char for line in page.lines for char in line.chars]
    return [char for char in chars if char["text"] != " " and not (printed and outside_clip(char))]


def all_lines(page) -> list:
    """The page's text as lines, its tables' cells' text among them."""
    return group_lines(page.content.chars) if page.tables and page.content.chars else page.lines


def _key(char: dict) -> tuple:
    return char["text"], round(char["top"])


def shift_between(left, right) -> float | None:
    """How far right of the left page's text the right page's text is drawn, when the two pages are
    neighbouring strips of one band (they share text drawn across the strip border), else None."""
    votes: dict[int, list[float]] = {}
    by_key: dict[tuple, list[dict]] = {}
    for char in _chars(left):
        by_key.setdefault(_key(char), []).append(char)
    for char in _chars(right):
        for other in by_key.get(_key(char), ()):
            if abs(other["top"] - char["top"]) <= TWIN:
                shift = other["x0"] - char["x0"]
                if shift >= _MIN_SHIFT:
                    votes.setdefault(round(shift * 2), []).append(shift)
    def weight(k: int) -> int:
        return len(votes[k]) + len(votes.get(k - 1, ())) + len(votes.get(k + 1, ()))

    for best in sorted(votes, key=lambda k: -weight(k)):
        if weight(best) < _MIN_SHARED:
            break
        shifts = sorted(votes[best] + votes.get(best - 1, []) + votes.get(best + 1, []))
        shift = shifts[len(shifts) // 2]
        if _whole_texts_shared(left, right, shift) and _past_edge_shared(left, right, shift):
            return shift
    return None


def _whole_texts_shared(left, right, shift: float) -> bool:
    """Whether the texts holding the shared characters are shared whole, as far as both pages reach: a cell's
    text is drawn in one go (one clip, one run of the drawing order) and, drawn on two pages, whole on each
    (clipped). The same digits in a title and in a cell of other rows (2024) share a few characters, not a text."""
    shared = _whole(left, _Twins(_chars(right), shift), -shift, right.content.width)
    # The left page shows the right one's text only as far as its own printed text reaches: past that, what it
    # drew hidden (outside its clip) may have been dropped as not printed (clips.printed_or_cells)
    reach = max((char["x1"] for char in _chars(left, printed=True)), default=left.content.width)
    return shared >= _MIN_SHARED and _whole(right, _Twins(_chars(left), -shift), shift, reach) >= 0


def _whole(page, twins: _Twins, shift: float, width: float) -> int:
    """How many of the page's characters have twins on the other page, or -1 when a text drawn in one go has
    some but not all of those the other page reaches (shifted by shift) twinned."""
    shared = 0
    for run in _drawn_runs(_chars(page)):
        twinned = [twins.find(char) is not None for char in run]
        reach = [has for char, has in zip(run, twinned) if 0 <= char["x0"] + shift and char["x1"] + shift <= width]
        if any(twinned) and not all(reach):
            return -1
        shared += sum(twinned)
    return shared


def _drawn_runs(chars: list[dict]) -> list[list[dict]]:
    """The characters in the runs they were drawn in: one clip, no other character drawn between."""
    runs: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: c.get("seq", 0)):
        last = runs[-1][-1] if runs else None
        if last is not None and last.get("clip") == char.get("clip") and char.get("seq", 0) - last.get("seq", 0) <= 2:
            runs[-1].append(char)
        else:
            runs.append([char])
    return runs


def _past_edge_shared(left, right, shift: float, repeated: list | None = None) -> bool:
    """Whether all the left page's text lying right of the strip border (at x = shift) is drawn on the right page
    too: text crossing the border is drawn on both pages. The border lies where the right page's printed text
begins (its left margin, or a little right of it), shifted. Two pages of one strip sharing a cell's text by chance
    at another column's place fail this: the left page has its own columns' text there. repeated: where the right
    page was left out (right: a printed page of its strip, for its margin), the left page's strip's other pages,
    one of which must show each character it draws there, printed or clipped away, at its place (the rows every
    page repeats; a band's own text running on over the border, a footnote, puts its page there)."""
    # a page with nothing printed on it (a band's part of a strip of empty cells) has the margins of the paper the
    # left page shares: at 0 every text of the left page right of the shift would be taken for text past the border
    margin = min((char["x0"] for char in _chars(right, printed=True) if char["x0"] >= 0), default=None)
    if margin is None:
        margin = min((char["x0"] for char in _chars(left, printed=True) if char["x0"] >= 0), default=0.0)
    past = [char for char in _chars(left, printed=repeated is None) if char["x0"] >= shift + margin - TWIN]
    if repeated is not None:
        others = [_Twins(_chars(page), 0.0) for page in repeated]
        return all(any(twins.find(char) is not None for twins in others) for char in past)
    twins = _Twins(_chars(right), shift)
    return all(twins.find(char) is not None for char in past)


class _Twins:
    """The characters of a page, shifted, to look a character of another page up in."""

    def __init__(self, chars: list[dict], shift: float):
        self.shift = shift
        self.cells: dict[tuple, list[dict]] = {}
        for char in chars:
            self.cells.setdefault((char["text"], int((char["x0"] + shift) // 2), int(char["top"] // 2)), []).append(char)

    def find(self, char: dict) -> dict | None:
        bx, by = int(char["x0"] // 2), int(char["top"] // 2)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in self.cells.get((char["text"], bx + dx, by + dy), ()):
                    if abs(other["x0"] + self.shift - char["x0"]) <= TWIN and abs(other["top"] - char["top"]) <= TWIN:
                        return other
        return None


def plan(pages: list) -> tuple[list[list], list[float]] | None:
    """The bands (each its pages left to right) and each strip's offset from the first, or None when the
    pages are not strips of one table without ruling lines (no page shares text with the first across a strip
    border). Raises NotJoined when they are, but do not divide into bands that check out."""
    if len(pages) < 2:
        return None
    first = pages[0]
    shifts = {index: shift for index, page in enumerate(pages[1:], start=1)
              if (shift := shift_between(first, page)) is not None}
    if not shifts:
        return None
    lines = [all_lines(page) for page in pages]

    def checks(bands: list[list]) -> bool:
        try:
            _checked(pages, blanks_filled(bands))
        except NotJoined:
            return False
        return True

    try:
        return _checked(pages, arrange(pages, shifts, lines, checks=checks))
    except NotJoined:  # LibreOffice leaves out a page with nothing printed on it: missing pages may be why
        left_out = arrange(pages, shifts, lines, left_out=True, checks=checks)
        if left_out is None:
            raise
        return _checked(pages, blanks_filled(left_out))


def _checked(pages: list, bands: list[list] | None) -> tuple[list[list], list[float]]:
    """The bands and each strip's offset, when the arrangement checks out; else raises NotJoined."""
    if bands is None:
        raise NotJoined(f"共 {len(pages)} 页，分不清哪一页是哪几列、哪几行（空白的页不会打印出来）")
    for band in bands:
        for one, other in combinations(band, 2):
            if _same_columns(one, other):
                raise NotJoined(f"共 {len(pages)} 页，分不清哪一页是哪几列、哪几行（空白的页不会打印出来）")
    offsets = [0.0]
    beside = False  # the strip before was set beside the one before it, sharing no text: where, a guess
    for strip in range(1, len(bands[0])):
        offset = _offset(bands, strip, offsets[-1])
        placed = offset is not None
        offset = _beside(bands, strip, offsets[-1]) if offset is None else offset
        if offset < offsets[-1] + _MIN_SHIFT or (placed and beside and _overlaps(bands, strip, offset - offsets[-1])):
            # a strip lies right of the one before; one placed by the text it shares lies right of all that a strip
            # set beside prints: else the pages are not in this order (seed 36's f014: a page of one line taken for
            # a strip between two strips sharing a title, whose pages lie a page's width apart)
            raise NotJoined(f"共 {len(pages)} 页，分不清哪一页是哪几列、哪几行（空白的页不会打印出来）")
        beside = not placed
        offsets.append(offset)
    for band in bands[1:]:
        for strip in range(1, len(band)):
            step = offsets[strip] - offsets[strip - 1]
            # A page left out held nothing but the rows every page repeats (print titles, 项目资金 merged over the
            # strip border): text run on into it is text the page before repeats from another band's, at its place
            if band[strip].left_out:
                printed = next(other[strip] for other in bands if not other[strip].left_out)
                repeated = [other[strip - 1] for other in bands if other is not band and not other[strip - 1].left_out]
                shared = _past_edge_shared(band[strip - 1], printed, step, repeated)
            else:
                shared = _past_edge_shared(band[strip - 1], band[strip], step)
            if not shared:
                raise NotJoined(f"第 {band[strip - 1].number} 页超出右边的文字在第 {band[strip].number} 页上找不到")
    return bands, offsets


def _same_columns(one, other) -> bool:
    """Whether two pages show a text (a label of several Chinese characters) at the same x, at any height: they
    show the same columns (a header repeated on every page of a strip), so they are not two strips of one band."""
    def texts(page) -> set[tuple[str, int]]:
        found = set()
        for line in all_lines(page):
            for run in split_line(line, max(line.bottom - line.top, 1.0)):
                text = "".join(char["text"] for char in run if not outside_clip(char)).strip()
                if len(text) >= _MIN_SHARED and sum(ch >= "\u2e80" for ch in text) >= 2:
                    found.add((text, round(run[0]["x0"])))
        return found

    mine = texts(one)
    return any((text, x + dx) in mine for text, x in texts(other) for dx in (-1, 0, 1))


def _offset(bands: list[list], strip: int, before: float) -> float | None:
    """How far right of the first strip a strip is drawn: from text its page shares with the band's first page
    (a title merged across the table), else with the page to its left, in the first band that shares any."""
    for band in bands:
        direct = shift_between(band[0], band[strip])
        if direct is not None:
            return direct
        step = shift_between(band[strip - 1], band[strip])
        if step is not None:
            return before + step
    return None


def _printed_extent(pages: list) -> tuple[float, float] | None:
    xs = [(char["x0"], char["x1"]) for page in pages if not page.left_out for char in _chars(page, printed=True)
          if char["x0"] >= 0 and char["x1"] <= page.content.width]
    return (min(x0 for x0, _ in xs), max(x1 for _, x1 in xs)) if xs else None


def _overlaps(bands: list[list], strip: int, step: float) -> bool:
    """Whether what a strip's pages print begins left of the end of what the strip before prints, `step` right of
    it (the strip before shares no text with it: nothing of either is drawn on both)."""
    before = _printed_extent([band[strip - 1] for band in bands])
    own = _printed_extent([band[strip] for band in bands])
    return before is not None and own is not None and own[0] + step < before[1] - _OVERLAP


def _beside(bands: list[list], strip: int, before: float) -> float:
    """A strip that shares no text with another: no text crosses its left border, so its page is set right of
    everything printed on the pages of the strip before, a wide gap between (the layout cuts columns there);
    where exactly the border lay does not change which cell a text is in."""
    right = max((char["x1"] for band in bands for char in _chars(band[strip - 1], printed=True)
                 if char["x1"] <= band[strip - 1].content.width), default=0.0)
    left = min((char["x0"] for band in bands for char in _chars(band[strip], printed=True) if char["x0"] >= 0),
               default=0.0)
    return before + right - left + _GAP


def join_band(band: list, offsets: list[float]):
    """The band's pages as one wide page: each page's text shifted by its strip's offset, what two pages both
    drew taken once; the clips under which a text was drawn on two pages become one, both together (the text
    was printed across the border: one cell's, as layout groups a clip's characters)."""
    first = band[0]
    kept: list[dict] = []
    parent: dict[tuple, tuple] = {}  # clips joined by the text drawn under both: one cell's, across the border

    def root(clip: tuple) -> tuple:
        while parent.get(clip, clip) != clip:
            clip = parent[clip]
        return clip

    for strip, (page, offset) in enumerate(zip(band, offsets)):
        chars = [_shifted(char, offset, strip) for line in page.lines for char in line.chars
                 if not (outside_clip(char) and (char["x1"] <= 0 or char["x0"] >= page.content.width))]
        if not kept:
            kept = chars
            continue
        twins = _Twins(kept, 0.0)
        boxes = _Boxes(kept)
        for char in chars:
            twin = twins.find(char) if char["text"] != " " else None
            if twin is not None:
                if twin.get("clip") is not None and char.get("clip") is not None:
                    one, other = root(twin["clip"]), root(char["clip"])
                    if one != other:
                        parent[other] = one
                continue
            if char["text"] != " " and not outside_clip(char) and boxes.overlaps(char):
                raise NotJoined(f"第 {page.number} 页有文字跨过了分页处，与左边一页的文字重叠")
            kept.append(char)
    boxes: dict[tuple, tuple] = {}
    for clip in parent:
        boxes[root(clip)] = _union(boxes.get(root(clip), root(clip)), clip)
    joined_texts: dict[tuple, list[dict]] = {}
    for char in kept:
        if char.get("clip") in parent or char.get("clip") in boxes:
            char["clip"] = boxes[root(char["clip"])]
            joined_texts.setdefault(char["clip"], []).append(char)
    for chars in joined_texts.values():
        _drawn_in_one_go(chars)
    content = first.content
    width = offsets[-1] + band[-1].content.width
    rules = [(y, x0 + offset, x1 + offset) for page, offset in zip(band, offsets) for y, x0, x1 in page.content.rules]
    joined = PageContent(width, content.height, group_lines(kept), [], rules,
                         sum(page.content.dropped_slanted for page in band), sum(page.content.char_count for page in band))
    return type(first)(first.number, joined, sum(page.images for page in band),
                       last_number=max(page.last_number for page in band))


def _drawn_in_one_go(chars: list[dict]) -> None:
    """A text printed across a strip border, put together from its pages' parts: drawn in one go, line by line,
    as one page would have drawn it (layout takes a cell's text in drawing order; each page's part of every
    line drawn after the other page's would read as a text of its own)."""
    first = min(char["seq"] for char in chars)
    ordered = [char for line in group_lines(chars) for char in line.chars]
    step = 1.0 / (len(ordered) + 1)  # between the drawing order's whole numbers: nothing else drawn between
    for number, char in enumerate(ordered):
        char["seq"] = first + number * step


def _shifted(char: dict, offset: float, strip: int) -> dict:
    clip = char.get("clip")
    return {**char, "x0": char["x0"] + offset, "x1": char["x1"] + offset, "seq": char.get("seq", 0) + strip * _SEQ,
            "clip": None if clip is None else (clip[0] + offset, clip[1], clip[2] + offset, clip[3])}


def _union(one: tuple | None, other: tuple | None) -> tuple | None:
    if one is None or other is None:
        return one or other
    return min(one[0], other[0]), min(one[1], other[1]), max(one[2], other[2]), max(one[3], other[3])


class _Boxes:
    """Characters' boxes, to ask whether another character would be drawn over one of them."""

    def __init__(self, chars: list[dict]):
        self.cells: dict[tuple[int, int], list[dict]] = {}
        for char in chars:
            if char["text"] != " " and not outside_clip(char):  # text its clip hides is not on the paper
                self.cells.setdefault((int(char["x0"] // 10), int(char["top"] // 10)), []).append(char)

    def overlaps(self, char: dict) -> bool:
        bx, by = int(char["x0"] // 10), int(char["top"] // 10)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in self.cells.get((bx + dx, by + dy), ()):
                    width = min(char["x1"] - char["x0"], other["x1"] - other["x0"])
                    height = min(char["bottom"] - char["top"], other["bottom"] - other["top"])
                    across = min(char["x1"], other["x1"]) - max(char["x0"], other["x0"])
                    down = min(char["bottom"], other["bottom"]) - max(char["top"], other["top"])
                    if across > 0.5 * width and down > 0.5 * height:
                        return True
        return False
