"""Which page of a borderless table printed in strips shows which strip of columns for which band of rows.

The pages come in one of two orders (down, then over; over, then down) and divide into as many bands as each
strip has pages, but how many is not written anywhere. Each possible arrangement is weighed by what the pages
show: the pages of one strip begin their texts at the same x (the same columns), the pages of one band draw
their lines at the same heights (the same rows). A pair's likeness counts for an arrangement that puts the two
in one strip (or band) by how much it exceeds the likeness of pages in general, so a sign every page shares
(rows of one default height, the left margin) weighs nothing. The pages that share text with the first page
across a strip border (shifts.shift_between) must lie in later strips, further right the further they are
shifted, and on the first band's pages unless their strip's first-band page shares it too. An arrangement whose
strips' pages are less alike than pages in general is none; the best is taken only when it is clearly the best.
LibreOffice leaves out a page with nothing printed on it (a band of a sparse strip holding nothing but the
repeated header): then no arrangement fits as the pages are, and one with a page of the last strip left out is
looked for (blanks_filled stands an empty page in for it, and the join says so); then one or two missing from
strips that show nothing of their own; then pages missing at the foot of strips (a sparse column empty from some
band on), each short strip's pages placed by their rows and its text ending above its band's last row; last, the bands
between a strip's first and last left out (its last band printed empty, for a footnote merged across). Pages missing
anywhere else: nothing is joined.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import combinations, pairwise
from typing import Callable, Iterator

from ..page import PageContent
from ..run_on import FOOTNOTE  # a page of footnotes alone (填报单位…) tells nothing of its strip's columns: they run
# across the table (seed 29's p016: its band of the footnote row under the table; weighed, that one line pulled its
# strip's pages apart and the true arrangement was none)
from ..text import split_line

_NEAR = 1.5  # pt: two pages' texts begin (or their lines lie) at the same place
_ROWS_SLACK = 0.1  # rows all of one height make every page alike: a band's pages may fall a little short
# Strips of one wide column each (绩效指标, 绩效目标: a label centred over prose begun at the column's left) are about as
# alike as pages in general: a strip's pages may fall that little short (seed 50's p026: -0.003 a pair)
_COLUMNS_SLACK = 0.02
_BAND_ROWS = 0.3  # at least this share of a band's pages' lines lie at heights the others' lines do (0.38 to
# 0.88 in the corpora's true bands; all of a 24-page file's pages taken for one band: 0.24)
_MAX_PAGES = 600  # every two pages are weighed: beyond this many, that costs more than the file is worth
_MAX_BLANK_PAGES = 60  # a page left out is looked for in every place: the pairs weighed again for each
_CLEAR = 1.0  # the best arrangement's score beats the next one's by this much (a pair's likeness is 0 to 1)


def arrange(pages: list, shifts: dict[int, float], lines: list[list], left_out: bool = False,
            checks: Callable[[list[list]], bool] | None = None) -> list[list] | None:
    """The bands, each its pages left to right, or None when no arrangement is clearly the best. shifts: the
    index of each page sharing text with the first across a strip border → how far right it is drawn; lines:
    each page's text lines (its cells' among them). left_out: the pages with one page of the last strip left out
    (LibreOffice does not print a page with nothing on it: the part of a band of a strip of sparse columns, 备注 or
    其他资金, holding nothing but the repeated header rows), None in its place; only when the pages as they are do
    not check out; else one or two left out of strips that show nothing of their own (_left_out_of_bare), else
    some at the foot of strips (_left_out_at_strip_ends). checks:
    whether the bands an arrangement makes check out as a join (shifts._checked: text run past a page's right edge
    found on its band's next page…): of the arrangements the pages' looks do not tell apart from the best, exactly
    one must check out (that one is taken: the join tells them apart); one clearly worse is never taken."""
    count = len(pages)
    if count > _MAX_PAGES:
        return None
    starts = [_starts(page_lines, page.content.width) for page, page_lines in zip(pages, lines)]
    tops = _tops(lines)
    footnotes = _footnote_pages(lines)
    columns = _likeness([[] if index in footnotes else page_starts for index, page_starts in enumerate(starts)])
    rows = _likeness(tops)
    raw_rows = _likeness(tops, centred=False)
    empty = {index for index, page_lines in enumerate(lines) if not page_lines}
    if not left_out:
        guesses = [[(*found, list(range(count)))
                    for found in _scored(list(range(count)), shifts, columns, rows, raw_rows, empty)]]
    elif count <= _MAX_BLANK_PAGES:
        guesses = _left_out_guesses(pages, lines, shifts, columns, rows, raw_rows, empty, tops)
    else:
        return None
    def same(kept: list[list[list]]) -> bool:
        return _same_but_repeated_rows(kept, pages, lines)

    for scored in guesses:  # ever bolder guesses: the first that yields an arrangement checking out decides
        kept = _checked_out(scored, pages, checks, same) if scored else []
        if kept:
            if len(kept) == 1 or (len(kept) < _MAX_RIVALS and same(kept)):
                return kept[0]
            return _told_by_rows(kept, pages, lines) if len(kept) < _MAX_RIVALS else None
    return None


def _footnote_pages(lines: list[list]) -> set[int]:
    """The pages of footnotes alone: each line a footnote's (注：…, 填报单位…) or at the height of one on another page —
    its rest past a strip border (绩效指标按“一级指标…”填列。, 联系电话：… on the next strip's page: seed 61's p043,
    whose strip of two pages was taken for less alike than pages in general and the file refused)."""
    opens = [[bool(FOOTNOTE.match(_run_text(line.chars))) for line in page_lines] for page_lines in lines]
    found = set()
    for index, page_lines in enumerate(lines):
        others = sorted(line.top for other, other_lines in enumerate(lines) if other != index
                        for line, note in zip(other_lines, opens[other]) if note)
        if page_lines and all(note or _at(others, line.top) for line, note in zip(page_lines, opens[index])):
            found.add(index)
    return found


_TELLING = 2  # line heights a page shares with the pages of one band and not with another's, for it to be that band's


def _told_by_rows(kept: list[list[list]], pages: list, lines: list[list]) -> list[list] | None:
    """Of rival arrangements that differ only in the band of pages of strips with pages left out, the one whose
    moved pages draw lines at heights their band's other pages do and the rivals' bands' pages do not (_TELLING or
    more, three times the rivals' such heights), else None. A strip of sparse columns printed on fewer pages than
    the others leaves which band each page is to its rows alone; the pages' likeness weighs a page of one line at
    the band's top (满意度指标 alone beside nothing) as much as one sharing a dozen, and cannot tell them apart (seed
    43's d007, d009, d016: the page taken for the last band's was the middle band's, its indicator header at the
    height of the middle band's 一级指标 二级指标). Heights every rival's band shares (the top row, print titles)
    tell nothing."""
    index_of = {id(page): index for index, page in enumerate(pages)}

    def places(bands: list[list]) -> dict[int, tuple[int, int]]:
        return _places(bands, index_of)

    def band_tops(bands: list[list], index: int, band: int) -> list[float]:
        return sorted(line.top for page in bands[band] if not isinstance(page, LeftOut)
                      and index_of[id(page)] != index for line in lines[index_of[id(page)]])

    def telling(one: list[list], other: list[list], moved: set[int]) -> int:
        count = 0
        for index in moved:
            own, rival = band_tops(one, index, places(one)[index][0]), band_tops(other, index, places(other)[index][0])
            count += sum(_at(own, line.top) and not _at(rival, line.top) for line in lines[index])
        return count

    placed = [places(bands) for bands in kept]
    short = {s for band in kept[0] for s, page in enumerate(band) if isinstance(page, LeftOut)}
    moved = {(a, b): {index for index, place in placed[a].items() if placed[b][index] != place}
             for a in range(len(kept)) for b in range(len(kept)) if a != b}
    if any(placed[a][index][1] != placed[b][index][1] or placed[a][index][1] not in short
           for (a, b), indices in moved.items() for index in indices):
        return None  # the rivals differ in more than the bands of a short strip's pages
    for a, best in enumerate(kept):
        if all(_beats(telling(best, kept[b], indices), telling(kept[b], best, indices))
               for (one, b), indices in moved.items() if one == a):
            return best
    return None


def _beats(ahead: int, behind: int) -> bool:
    return ahead >= _TELLING and ahead >= 3 * behind


def _places(bands: list[list], index_of: dict[int, int]) -> dict[int, tuple[int, int]]:
    """Each printed page's (band, strip) in an arrangement, by its index among the pages."""
    return {index_of[id(page)]: (b, s) for b, band in enumerate(bands) for s, page in enumerate(band)
            if not isinstance(page, LeftOut)}


def _at(tops: list[float], top: float) -> bool:
    at = bisect_left(tops, top - _NEAR)
    return at < len(tops) and tops[at] <= top + _NEAR


def _same_but_repeated_rows(kept: list[list[list]], pages: list, lines: list[list]) -> bool:
    """Whether the arrangements that check out differ only in the band of pages that print nothing but the header
    rows every band repeats (print titles): seed 40's p042, a strip of 其他资金 empty below its header, printed on the
    title's band and on one other, its header alone; which band that page is no page tells, and none needs to: in
    any band it adds the band's header row again, nothing of its rows."""
    index_of = {id(page): index for index, page in enumerate(pages)}

    def places(bands: list[list]) -> dict[int, tuple[int, int]]:
        return _places(bands, index_of)

    first = places(kept[0])
    changes = {(index, place) for other in kept[1:] for index, place in places(other).items() if first[index] != place}
    if any(first[index][1] != place[1] for index, place in changes):
        return False  # a page of another strip: other columns
    moved = {index for index, _ in changes}
    grid = [[None if isinstance(page, LeftOut) else index_of[id(page)] for page in band] for band in kept[0]]
    return bool(moved) and all(first[index][0] > 0 and _repeated_rows_only(index, first[index][1], grid, lines)
                               for index in moved)


def _repeated_rows_only(index: int, strip: int, grid: list[list[int | None]], lines: list[list]) -> bool:
    """Whether each line of the page lies where every later band's page of some other strip (two or more of
    them) draws one same text, the header rows repeated on every page, and its text is on its strip's page of
    the first band, at its place across (the header's label: rows of data differ from band to band)."""
    first_page = grid[0][strip]
    if first_page is None or not lines[index]:
        return False
    labels = [(char["text"], char["x0"]) for line in lines[first_page] for char in line.chars if char["text"] != " "]
    for line in lines[index]:
        own = [char for char in line.chars if char["text"] != " "]
        if not all(any(text == char["text"] and abs(x - char["x0"]) <= _NEAR for text, x in labels) for char in own):
            return False
        if not any(_same_text_at(line.top, [band[other] for band in grid[1:]], lines)
                   for other in range(len(grid[0])) if other != strip):
            return False
    return True


def _same_text_at(top: float, indices: list[int | None], lines: list[list]) -> bool:
    """Whether two or more of the pages are printed and every printed one draws one same text at that height."""
    printed = [index for index in indices if index is not None]
    texts = set()
    for index in printed:
        found = [_run_text(line.chars) for line in lines[index] if abs(line.top - top) <= _NEAR]
        if len(found) != 1:
            return False
        texts.add(found[0])
    return len(printed) >= 2 and len(texts) == 1


def _left_out_guesses(pages: list, lines: list[list], shifts: dict[int, float], columns: dict, rows: dict,
                      raw_rows: dict, empty: set[int], tops: list[list[float]]) -> Iterator[list]:
    """The arrangements with pages left out, in lists from the likeliest guess to the boldest: one page of the
    last strip (a column of its own left empty), then pages of bare strips, then pages at the foot of strips, then
    the bands between a sparse strip's first and last."""
    count = len(pages)
    yield [(*found, slots) for blank in range(1, count + 1)
           for slots in ([*range(blank), None, *range(blank, count)],)
           for found in _scored(slots, shifts, columns, rows, raw_rows, empty)
           if len(found[1]) > 1 and any(band[-1] is None for band in found[1])]
    bare = _bare_pages(pages, lines)
    yield from _left_out_of_bare(count, bare, shifts, columns, rows, raw_rows, empty)
    yield from _left_out_at_strip_ends(count, shifts, columns, rows, raw_rows, empty, _feet(lines))
    yield _left_out_between(count, bare | empty, shifts, columns, rows, raw_rows, empty)
    yield from _left_out_within_strips(count, shifts, columns, rows, raw_rows, empty, tops)


def _checked_out(scored: list, pages: list, checks, same=None) -> list[list[list]]:
    """Of the arrangements as good as the best by the pages' looks (within _CLEAR), those that check out: the first
    two, or while same(kept) says they give one table, up to _MAX_RIVALS (every rival must, for the best to be taken)."""
    scored.sort(key=lambda item: -item[0])
    kept: list[list[list]] = []
    for score, bands, places, slots in scored:
        if score <= scored[0][0] - _CLEAR or len(kept) == _MAX_RIVALS or \
                (len(kept) >= 2 and (same is None or not same(kept))):
            break  # clearly worse than the best by the pages' looks: not taken, whatever the join says
        made = [[pages[index] if index is not None else LeftOut(pages[_printed_before(slots, slot)])
                 for index, slot in zip(band, slot_band)] for band, slot_band in zip(bands, places)]
        if checks is None or checks(made):
            kept.append(made)
    return kept


_MAX_RIVALS = 6  # arrangements that check out, weighed for giving one table: more than this, the file is refused


_MAX_LEFT_OUT = 2  # pages left out of strips whose printed pages show nothing of their own


def _left_out_of_bare(count: int, bare: set[int], shifts: dict[int, float], columns: dict, rows: dict,
                      raw_rows: dict, empty: set[int]) -> Iterator[list]:
    """The arrangements with one page, else two, left out in strips (not the first) whose every printed page is
    bare (_bare_pages): columns empty wherever they are printed (财政专户拨款 and 其他资金 in a 项目支出 table), whose
    pages LibreOffice prints only where something crosses into them (the title on the first band, a footnote on the
    last). A page missing from a strip that shows cells of its own is looked for at strips' ends only
    (_left_out_at_strip_ends). One page left out, then two. bare: the pages that show nothing of their own."""
    for blanks in range(1, _MAX_LEFT_OUT + 1) if bare else ():
        found = []
        for places in combinations(range(1, count + blanks), blanks):
            slots: list[int | None] = list(range(count))
            for place in places:
                slots.insert(place, None)
            for arrangement in _scored(slots, shifts, columns, rows, raw_rows, empty):
                bands = arrangement[1]
                sparse = _short_strips(bands)
                if len(bands) > 1 and 0 not in sparse and all(
                        band[s] is None or band[s] in bare for band in bands for s in sparse):
                    found.append((*arrangement, slots))
        yield found


_MAX_AT_ENDS = 8  # pages left out at the foot of strips (bands of a sparse column holding nothing)
_MAX_SHAPES = 20000  # arrangements weighed for them, at most: beyond, the file is refused as before


def _left_out_at_strip_ends(count: int, shifts: dict[int, float], columns: dict, rows: dict, raw_rows: dict,
                            empty: set[int], feet: list[tuple[float, float] | None]) -> Iterator[list]:
    """Printed down, then over, with pages left out at the foot of strips other than the first: a strip of sparse
    columns (其他资金, 备注) whose cells hold nothing from some band on, its pages there empty and not printed (seed
    37's p010: a fourth strip printed on its first band's page alone; p039: a middle strip one page short). One page
    left out, then two…: the pages' looks and the join's checks choose among each count's arrangements."""
    weighed = 0
    for blanks in range(1, _MAX_AT_ENDS + 1):
        found = []
        total = count + blanks
        for strips in range(2, total):
            height = total // strips
            if total % strips or height < 2 or blanks > (strips - 1) * (height - 1):
                continue
            shape = _bands(total, strips, "down")
            for short in _shortfalls(blanks, strips - 1, height - 1):
                weighed += 1
                if weighed > _MAX_SHAPES:
                    return
                slots: list[int | None] = list(range(height))  # the first strip whole: it holds the rows' names
                start = height
                for missing in short:
                    slots += [*range(start, start + height - missing), *[None] * missing]
                    start += height - missing
                found += [(*arrangement, slots) for arrangement in _scored(slots, shifts, columns, rows, raw_rows,
                                                                            empty, strips)
                          if arrangement[2] == shape and _rows_placed(arrangement[1], rows)
                          and _ends_early(arrangement[1], feet)]
        yield found


def _left_out_between(count: int, bare: set[int], shifts: dict[int, float], columns: dict, rows: dict,
                      raw_rows: dict, empty: set[int]) -> list:
    """The arrangements in which one strip (not the first) is printed on its first band's page and its last band's
    alone, that one showing nothing of its own (empty, or text other pages print too), and the bands between left
    out: a strip of columns empty below their header (其他资金) whose last band LibreOffice prints all the same, for a
    footnote merged across the table's foot, which it draws on the first strip's page only (seed 46's p005: page 22
    printed with nothing on it). Bound so, the pages before the first left out need not show their strips: those after
    it must (_shifted_alike)."""
    found = []
    for strips in range(2, count):
        height = (count - 2) // (strips - 1)
        if height < 3 or (strips - 1) * height + 2 != count:
            continue
        total = strips * height
        for sparse in range(1, strips):
            for order in ("down", "over"):
                shape = _bands(total, strips, order)
                missing = {shape[band][sparse] for band in range(1, height - 1)}
                slots: list[int | None] = []
                pages = iter(range(count))
                for slot in range(total):
                    slots.append(None if slot in missing else next(pages))
                found += [(*arrangement, slots) for arrangement in _scored(slots, shifts, columns, rows, raw_rows,
                                                                            empty, strips, shifted_only=True)
                          if arrangement[2] == shape and arrangement[1][-1][sparse] in bare]
    return found


_MAX_WITHIN = 2  # pages left out of the middle of strips: each place weighed, so few


def _left_out_within_strips(count: int, shifts: dict[int, float], columns: dict, rows: dict, raw_rows: dict,
                            empty: set[int], tops: list[list[float]]) -> Iterator[list]:
    """Printed down, then over, with a page left out anywhere in a strip other than the first: a strip of a sparse
    column (其他资金) that shows cells of its own elsewhere, empty in one band's rows but for the repeated header,
    which LibreOffice does not print (seed 56's p017: 其他资金's strip one page short, the page of band 6 of 8). The
    boldest guess, tried last. A sparse strip's page of two or three lines is about as like every band's pages as
    its own (the header and a first row every band has), so likeness cannot place it (_rows_placed); its lines can:
    each lies at the height of a line of its band's other pages (the cells of one row), and where the page left out
    was is where that holds for every page of the strip. Only a sparse strip's page is looked for: one filled in
    every row it prints is not empty in a whole band's, and its page missing may have held cells (a page taken out of
    a print: the file is refused). The join's checks and the rivals' weighing (arrange) decide as for every guess;
    one page left out, then two."""
    for blanks in range(1, _MAX_WITHIN + 1):
        total = count + blanks
        found = []
        for strips in range(2, total):
            height = total // strips
            if total % strips or height < 3:
                continue
            shape = _bands(total, strips, "down")
            for places in combinations(range(height, total), blanks):
                slots: list[int | None] = list(range(count))
                for place in places:
                    slots.insert(place, None)
                bands = [[slots[slot] for slot in band] for band in shape]
                if not (_rows_aligned(bands, tops) and _sparse(bands, tops)):
                    continue  # told from the shape alone: the pages' likeness is weighed for the few left
                found += [(*arrangement, slots) for arrangement in _scored(slots, shifts, columns, rows, raw_rows,
                                                                            empty, strips)
                          if arrangement[2] == shape]
        yield found


def _tops(lines: list[list]) -> list[list[float]]:
    return [sorted(line.top for line in page_lines) for page_lines in lines]


def _rows_aligned(bands: list[list[int | None]], tops: list[list[float]]) -> bool:
    """Whether every line of every printed page of a strip with pages left out lies at the height of a line of its
    band's page of the first strip: the cells of one row, set on the row's foot as Excel, WPS and LibreOffice set
    them unless told otherwise. The first strip is never short and holds each row's name or number; the other
    strips' prose (绩效目标 over many lines) would give a line at every height."""
    short = _short_strips(bands)
    for band in bands:
        first = band[0]
        for s in short:
            if band[s] is not None and (first is None or not all(_at(tops[first], top) for top in tops[band[s]])):
                return False
    return True


_SPARSE = 0.5  # a short strip's printed pages draw at most this share of the lines its bands' first-strip pages do


def _sparse(bands: list[list[int | None]], tops: list[list[float]]) -> bool:
    """Whether each strip with pages left out is empty in many rows of the bands it is printed on."""
    for s in _short_strips(bands):
        printed = [band for band in bands if band[s] is not None and band[0] is not None]
        if sum(len(tops[band[s]]) for band in printed) > _SPARSE * sum(len(tops[band[0]]) for band in printed):
            return False
    return True


def _rows_placed(bands: list[list[int | None]], rows: dict) -> bool:
    """Whether each printed page of a strip with pages left out draws its lines as its band's other pages do (more
    alike than pages in general, with each): which bands a short strip's pages are is read from their rows, never
    taken from their order alone (a page missing from a strip's middle band would shift the rest up a band)."""
    short = _short_strips(bands)
    for band in bands:
        for s in short:
            if band[s] is not None and any(rows.get((min(band[s], other), max(band[s], other)), 1.0) <= 0
                                           for other in band if other is not None and other != band[s]):
                return False
    return True


def _short_strips(bands: list[list[int | None]]) -> set[int]:
    """The strips with a page left out somewhere."""
    return {s for band in bands for s, index in enumerate(band) if index is None}


def _feet(lines: list[list]) -> list[tuple[float, float] | None]:
    """Where each page's lowest line begins, and its lines' height (None: a page with no text)."""
    found = []
    for page_lines in lines:
        heights = sorted(line.bottom - line.top for line in page_lines)
        found.append((max(line.top for line in page_lines), heights[len(heights) // 2]) if page_lines else None)
    return found


def _ends_early(bands: list[list[int | None]], feet: list[tuple[float, float] | None]) -> bool:
    """Whether each strip with pages left out has its last line, on its last printed page, a line or more above the
    last line of each of its band's other pages: its columns are empty in that band's last row, and the pages after
    held nothing (LibreOffice prints no page with nothing on it). A strip with text in its band's last row may have
    gone on: a page missing there may have held cells, and nothing is joined (test_pdf_strips: a missing page)."""
    for s in _short_strips(bands):
        last = next(band for band in reversed(bands) if band[s] is not None)
        own = feet[last[s]]
        others = [feet[index] for index in last if index is not None and index != last[s] and feet[index]]
        if own is None or not others or own[0] > min(top for top, _ in others) - own[1]:
            return False
    return True


def _shortfalls(total: int, parts: int, most: int):
    """Every way of sharing total pages out among parts strips, at most `most` each."""
    if parts == 0:
        if total == 0:
            yield ()
        return
    for first in range(min(total, most) + 1):
        for rest in _shortfalls(total - first, parts - 1, most):
            yield (first, *rest)


def _bare_pages(pages: list, lines: list[list]) -> set[int]:
    """The pages that show nothing of their own: each text on them is drawn on another page as well (the repeated
    header rows, a title merged across the strips) or runs in from past the page's edge (a cell's text crossing
    the strip border, drawn on both pages)."""
    texts = [[(_run_text(run), run) for line in page_lines for run in split_line(line)] for page_lines in lines]
    seen: dict[str, set[int]] = {}
    for index, runs in enumerate(texts):
        for text, _ in runs:
            seen.setdefault(text, set()).add(index)
    return {index for index, (page, runs) in enumerate(zip(pages, texts)) if runs and all(
        seen[text] - {index} or any(c["x0"] < 0 or c["x1"] > page.content.width for c in run) for text, run in runs)}


def _run_text(run: list[dict]) -> str:
    return "".join(char["text"] for char in run).strip()


def _printed_before(slots: list[int | None], slot: int) -> int:
    """The page printed before a slot left out, in the pages' order."""
    return next(index for index in reversed(slots[:slot]) if index is not None)


@dataclass
class LeftOut:
    """The place of a page LibreOffice left out, and the page printed before it (in the pages' order, down then
    over or over then down): the page standing in for it takes that one's number."""

    printed_before: object


def _scored(slots: list[int | None], shifts: dict[int, float], columns: dict, rows: dict, raw_rows: dict,
            empty: set[int], only: int | None = None,
            shifted_only: bool = False) -> list[tuple[float, list[list[int | None]], list[list[int]]]]:
    """Every arrangement of the pages in slots (their indices; None: a page left out) that the pages' looks allow,
    with its score and the slots' places in it. A strip of pages with nothing on them is none (a band of a footnote
    row alone prints its other strips' pages empty: those pages are not strips of a band of their own). Pages left
    out, each page of a strip must be more alike to its others than pages of different strips are; shifted_only:
    those the first page left out shifts (_shifted_alike), where the shape is bound to what the pages show."""
    count = len(slots)
    scored = []
    for strips in range(2, count + 1) if only is None else (only,):
        if count % strips:
            continue
        for order in ("down", "over") if count > strips else ("over",):
            bands = [[slots[slot] for slot in band] for band in _bands(count, strips, order)]
            if not _fits(bands, shifts) or any(all(band[s] is None or band[s] in empty for band in bands)
                                                for s in range(strips)):
                continue
            strip_of = {index: s for band in bands for s, index in enumerate(band) if index is not None}
            band_of = {index: b for b, band in enumerate(bands) for index in band if index is not None}
            alike_columns = [value for (i, j), value in columns.items() if strip_of[i] == strip_of[j]]
            alike_rows = [value for (i, j), value in rows.items() if band_of[i] == band_of[j]]
            if alike_columns and sum(alike_columns) < -_COLUMNS_SLACK * len(alike_columns) or \
                    alike_rows and sum(alike_rows) < -_ROWS_SLACK * len(alike_rows):
                continue  # pages put in one strip less alike than pages in general (or in one band, clearly less)
            shifted = (_shifted_alike(columns, strip_of, slots) if shifted_only else alike_columns) \
                if None in slots else []
            if any(value <= _apart(columns, strip_of) for value in shifted):
                continue  # a page taken as left out shifts the pages after it: each must be like its strip's others
            banded = [value for (i, j), value in raw_rows.items() if band_of[i] == band_of[j]]
            if banded and sum(banded) < _BAND_ROWS * len(banded):
                continue  # a band's pages must draw many of their lines at the same heights, whatever all pages do
            scored.append((sum(alike_columns) + sum(alike_rows), bands, _bands(count, strips, order)))
    return scored


def _shifted_alike(columns: dict[tuple[int, int], float], strip_of: dict[int, int],
                   slots: list[int | None]) -> list[float]:
    """The likeness of each two pages of one strip of which one comes after the first page taken as left out: the
    pages it shifts. Pages before it lie where the arrangement's shape puts them with or without it, and a strip of
    amounts alone, right-aligned, begins its texts wherever the figures' lengths do (seed 46's p005: 其他资金's strip
    printed on its header's page and on an empty page under the footnote row, the bands between left out)."""
    first = slots.index(None)
    shifted = {index for index in slots[first:] if index is not None}
    return [value for (i, j), value in columns.items()
            if strip_of[i] == strip_of[j] and (i in shifted or j in shifted)]


def _apart(columns: dict[tuple[int, int], float], strip_of: dict[int, int]) -> float:
    """How alike the most alike two pages the arrangement puts in different strips are, where that is less than
    pages in general: two pages of one strip must be more alike than that. Pages in general is too high a bar where
    one strip's pages print much the same (print titles: a label column and the repeated 部门名称 row on every page)
    and another's differ from page to page (numbers, then prose, then an indicator table: seed 43's d016, its second
    strip's pages less alike than the mean of all pairs, and more alike than any page of the first strip is to
    them). An arrangement that parts pages of one strip has such a pair across its strips, and keeps the bar."""
    values = [value for (i, j), value in columns.items()
              if i in strip_of and j in strip_of and strip_of[i] != strip_of[j]]
    return min(0.0, max(values)) if values else 0.0


def _bands(count: int, strips: int, order: str) -> list[list[int]]:
    height = count // strips  # pages a strip has: its bands
    if order == "down":
        return [[band + strip * height for strip in range(strips)] for band in range(height)]
    return [list(range(band * strips, (band + 1) * strips)) for band in range(height)]


def _fits(bands: list[list[int]], shifts: dict[int, float]) -> bool:
    """Whether every page shifted from the first lies in a later strip, pages of one strip shifted alike and
    those of a strip further right shifted further."""
    by_strip: dict[int, list[float]] = {}
    for number, band in enumerate(bands):
        for strip, index in enumerate(band):
            if index in shifts:
                if strip == 0:
                    return False
                if number and bands[0][strip] not in shifts:  # the shared text is the first band's (a title) or
                    return False  # repeated on every band's pages (print titles): then on the first band's too
                by_strip.setdefault(strip, []).append(shifts[index])
    ranges = [(min(values), max(values)) for _, values in sorted(by_strip.items())]
    if any(high - low > 2 * _NEAR for low, high in ranges):
        return False
    return all(one[1] < other[0] for one, other in pairwise(ranges))


def _starts(lines: list, width: float) -> list[float]:
    """Where the page's texts begin (the runs of its lines set apart by wide gaps), on the paper."""
    found = []
    for line in lines:
        for run in split_line(line):
            visible = [char for char in run if char["text"] != " "]
            if visible and 0 <= visible[0]["x0"] <= width:
                found.append(visible[0]["x0"])
    return sorted(found)


def _likeness(values: list[list[float]], centred: bool = True) -> dict[tuple[int, int], float]:
    """For every two pages with something to compare, how many of either's places the other has too (0 to 1),
    less the mean over all such pairs when centred."""
    found = {}
    for i, j in combinations(range(len(values)), 2):
        if values[i] and values[j]:
            found[(i, j)] = (_shared(values[i], values[j]) + _shared(values[j], values[i])) / 2
    if not found or not centred:
        return found
    mean = sum(found.values()) / len(found)
    return {pair: value - mean for pair, value in found.items()}


def _shared(one: list[float], other: list[float]) -> float:
    hits = 0
    for value in one:
        at = bisect_left(other, value - _NEAR)
        hits += at < len(other) and other[at] <= value + _NEAR
    return hits / len(one)


def blanks_filled(bands: list[list]) -> list[list]:
    """The bands with a page LibreOffice left out (nothing printed on it) as a page with nothing on it, as wide and
    high as its strip's other pages, numbered as the page printed before it."""
    filled = [list(band) for band in bands]
    for band in filled:
        for s, page in enumerate(band):
            if not isinstance(page, LeftOut):
                continue
            like = next(other[s] for other in filled if not isinstance(other[s], LeftOut))
            before = page.printed_before
            content = PageContent(like.content.width, like.content.height, [], [], [])
            band[s] = type(like)(before.number, content, 0, last_number=before.last_number, left_out=True)
    return filled
