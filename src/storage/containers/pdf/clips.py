"""The clip path each character was drawn under, for page to give a cell's text to the cell that drew it.

Excel and WPS print a cell's text whole, under a clip path of the cell's box (`re W n`): a row too low for its
text keeps all of it in the PDF, drawn over the rows above and below, and the page shows only what lies inside
the clip. pdfminer reads `W`/`W*` and forgets them, and pdfplumber's characters say nothing of clipping; so
pdfplumber is given an interpreter that keeps the clip's bounding box in the graphics state (saved and restored
with it by q/Q), and each character of a page gets it as "clip": (x0, top, x1, bottom) in the page's
coordinates, or None when nothing was clipped. A clip is kept as the bounding box of its path, intersected with
the clip before it, as the PDF's clipping intersects; curved or rotated clips are rare in tables and are boxed.
Where a page has no ruling lines, the clips of a producer that clips every cell are its cells (clip_edges).
"""

from __future__ import annotations

Box = tuple[float, float, float, float]


def _interpreter_class():
    from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter
    from pdfminer.utils import apply_matrix_pt

    class ClippedState(PDFGraphicState):
        clip: Box | None = None  # in pdfminer's device space: x0, y0, x1, y1, y upwards

        def copy(self) -> ClippedState:
            copied = ClippedState()
            copied.__dict__.update(super().copy().__dict__)
            copied.clip = self.clip
            return copied

    class ClipKeepingInterpreter(PDFPageInterpreter):
        def init_state(self, ctm) -> None:
            super().init_state(ctm)
            self.graphicstate = ClippedState()

        def do_W(self) -> None:
            self._clip()

        def do_W_a(self) -> None:
            self._clip()

        def _clip(self) -> None:
            points = []
            for segment in self.curpath:
                coordinates = [v for v in segment[1:] if isinstance(v, (int, float))]
                points.extend(apply_matrix_pt(self.ctm, (x, y)) for x, y in zip(coordinates[::2], coordinates[1::2]))
            if not points:
                return
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            box = (min(xs), min(ys), max(xs), max(ys))
            state = self.graphicstate
            before = getattr(state, "clip", None)
            if before is not None:
                box = (max(box[0], before[0]), max(box[1], before[1]), min(box[2], before[2]), min(box[3], before[3]))
            if isinstance(state, ClippedState):
                state.clip = box

    return ClipKeepingInterpreter


_installed: list[type] = []


def install() -> None:
    """pdfplumber's pages interpret their content with the clip-keeping interpreter from now on (once; this
    process's only user of pdfplumber is the PDF reader)."""
    import pdfplumber.page

    if not _installed:
        _installed.append(_interpreter_class())
    pdfplumber.page.PDFPageInterpreter = _installed[0]


def mark_clips(page) -> None:
    """Give each of the page's characters its "clip" (see above). The reader installs the interpreter before it
    parses any page; a page whose characters were read before install (by another caller) is read again."""
    install()
    if not _mark(page):
        page.flush_cache()  # pdfplumber's public way to drop its parse of the page
        _mark(page)


def _mark(page) -> bool:
    from pdfminer.layout import LTChar, LTContainer

    chars = page.chars
    drawn: list = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, LTChar):
                drawn.append(item)
            elif isinstance(item, LTContainer):
                walk(item)

    walk(page.layout)  # in pdfplumber's order: its characters are these, one for one
    if len(drawn) != len(chars) or not all(hasattr(item.graphicstate, "clip") for item in drawn):
        return False
    left, top = float(page.mediabox[0]), float(page.mediabox[1])
    height = float(page.height)
    for char, item in zip(chars, drawn):  # as pdfplumber turns pdfminer's coordinates into the page's
        clip = item.graphicstate.clip
        char["clip"] = None if clip is None else (clip[0] + left, height - clip[3] + top, clip[2] + left, height - clip[1] + top)
    return True


def hidden_in_part(char: dict) -> bool:
    """A character the clip shows only in part, its top or foot past the clip by more than a sliver: a row too low
    for its text cuts the line it ends in (LibreOffice clips a row set lower than its text and draws the lines that
    begin inside it, the last one cut through; the lines after it are not in the PDF)."""
    clip = char.get("clip")
    if clip is None or char["text"] == " ":
        return False
    sliver = _PART * max(char["bottom"] - char["top"], 1.0)
    return char["bottom"] > clip[3] + sliver or char["top"] < clip[1] - sliver


_PART = 0.25  # of a character's height: a clip hiding this much of it hides part of what the page shows


def cut_when_redrawn(char: dict) -> bool:
    """A character under a clip lower than itself: a PDF drawn again (cairo, a Linux desktop's print to file;
    Ghostscript) clips a cell's text only where it is cut, to the part that shows, and leaves out what the cell
    hid (the lines past a row too low for its text). Office suites clip to the cell, a row's height at least."""
    clip = char.get("clip")
    return clip is not None and char["text"] != " " and clip[3] - clip[1] < _LOWER * (char["bottom"] - char["top"])


def lost_when_redrawn(chars: list[dict]) -> bool:
    """Whether a page drawn again left out text a cell hid: a line cut at its foot (cut_when_redrawn, its top
    showing) above the page's last line. A line cut at its top is the rest of a cell the page before began (the
    page's print range clips it), one cut on the last line goes on overleaf: neither lost anything."""
    cut = [char for char in chars if cut_when_redrawn(char)]
    if not cut:
        return False
    last = max(char["top"] for char in chars if char["text"] != " ")
    return any(char["clip"][1] <= char["top"] + _PART * (char["bottom"] - char["top"]) and char["top"] < last - 1
               for char in cut)


_LOWER = 0.6  # a clip lower than this share of a character's height is no cell's


# ---- cells drawn by clips: a table without ruling lines ----------------------------------------
#
# A table drawn without ruling lines by a producer that clips every cell's text to the cell's box (Excel and WPS
# do): the clip boxes are the cells, so they stand in for the borders, for page to hand to pdfplumber's table
# finder.
#
# Only where the clips cover the page's text: LibreOffice clips a cell only where its text runs out of it, and a
# grid made of those few boxes would miss the rest (that page is cut into cells by layout instead). Bands of boxes
# sharing their top and bottom are rows; the table runs from the first band of two cells or more to the last, so
# that a title or a 部门名称 line above it, a merged cell of its own, stays text above the table.

_COVER = 0.8  # at least this share of the page's characters under cell-sized clips
_FITTING = 0.3  # at least this share of the clips with all their text inside: every cell is clipped
_TOLERANCE = 2.0


def clip_edges(chars: list[dict], width: float, height: float) -> list[dict]:
    """The borders of the cells the clips draw, as pdfplumber's line objects; [] when the clips are not cells."""
    visible = [c for c in chars if c["text"] != " "]
    boxes: dict[tuple, int] = {}
    for char in visible:
        clip = char.get("clip")
        if clip is not None and 1 < clip[2] - clip[0] < 0.9 * width and 1 < clip[3] - clip[1] < 0.5 * height:
            key = tuple(round(v, 1) for v in clip)
            boxes[key] = boxes.get(key, 0) + 1
    if not visible or sum(boxes.values()) < _COVER * len(visible) or len(boxes) < 4:
        return []
    # A producer that clips every cell clips those whose text fits, too; one that clips only the text that
    # runs out of its cell (LibreOffice) gives boxes that are not the grid: its page is read by layout.
    fitting = {key for key in boxes}
    for char in visible:
        clip = char.get("clip")
        key = clip is not None and tuple(round(v, 1) for v in clip)
        if key in fitting and not (clip[0] - 1 <= char["x0"] and char["x1"] <= clip[2] + 1 and
                                   clip[1] - 1 <= char["top"] and char["bottom"] <= clip[3] + 1):
            fitting.discard(key)
    if len(fitting) < _FITTING * len(boxes):
        return []
    bands: list[list[tuple]] = []
    for box in sorted(boxes, key=lambda b: (b[1], b[3], b[0])):
        band = next((b for b in bands if abs(b[0][1] - box[1]) <= _TOLERANCE and abs(b[0][3] - box[3]) <= _TOLERANCE), None)
        if band is None:
            bands.append([box])
        else:
            band.append(box)
    bands.sort(key=lambda band: band[0][1])
    most = max(len(band) for band in bands)
    wide = [i for i, band in enumerate(bands) if len(band) >= max(2, most / 2)]
    if not wide:
        return []
    table = [box for band in bands[wide[0]:wide[-1] + 1] for box in band]
    left, right = min(b[0] for b in table), max(b[2] for b in table)
    top, bottom = min(b[1] for b in table), max(b[3] for b in table)
    # A cell with no text has no clip: the rows' borders run across the table (but not through a cell merged
    # down over them), the columns' where a cell's box has its sides.
    edges = [_line(left, top, left, bottom), _line(right, top, right, bottom)]
    for x0, y0, x1, y1 in table:
        edges.extend([_line(x0, y0, x0, y1), _line(x1, y0, x1, y1)])
    for y in cluster([v for b in table for v in (b[1], b[3])]):
        spanning = sorted((b[0], b[2]) for b in table if b[1] < y - _TOLERANCE and b[3] > y + _TOLERANCE)
        start = left
        for x0, x1 in spanning:
            if x0 > start:
                edges.append(_line(start, y, x0, y))
            start = max(start, x1)
        if right > start:
            edges.append(_line(start, y, right, y))
    return edges


def cluster(values: list[float], tolerance: float = _TOLERANCE) -> list[float]:
    """The values sorted, each within tolerance of the one kept before it left out: borders drawn a little apart
    are one border."""
    result: list[float] = []
    for value in sorted(values):
        if not result or value - result[-1] > tolerance:
            result.append(value)
    return result


def _line(x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
            "height": bottom - top}


# ---- text drawn outside its clip ----------------------------------------------------------------

def outside_clip(char: dict) -> bool:
    """A character drawn outside its clip: in the PDF's text, not on the printed page."""
    clip = char.get("clip")
    if clip is None or char["text"] == " ":
        return False
    cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return not (clip[0] - 1 <= cx <= clip[2] + 1 and clip[1] - 1 <= cy <= clip[3] + 1)


def printed_or_cells(chars: list[dict]) -> list[dict]:
    """The characters without the text drawn wholly outside a clip that is no cell's. LibreOffice draws a cell
    merged over a page break (or a title merged across a table printed in strips) again on every page, centred
    on the whole range and clipped to the page's print range, so off the printed part (p035 page 2: 天河区公证处
    at y = -98.7 under a clip from 156 to 758): that text is not printed there, and the clip does not say
    whose it is. Such a clip holds other text, or none of its own shows and its text lies lines away; the text
    lies above or below it (text beside the print range is a strip's, further left or right). A run of
    text (drawn in one go under one clip) that shows in part is kept whole: a title cut by the page's edge goes
    on in the next strip, a cell's text cut by its row (too low for it) is the cell's, its clip says so."""
    hidden = [char for char in chars if outside_clip(char)]
    if not hidden:
        return chars
    runs: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: c["seq"]):
        if runs and runs[-1][-1].get("clip") == char.get("clip") and char["seq"] - runs[-1][-1]["seq"] <= 2:
            runs[-1].append(char)
        else:
            runs.append([char])
    shown = [char for char in chars if char["text"] != " " and not outside_clip(char)]
    shows = {char["clip"] for char in shown if char.get("clip") is not None}
    regions: dict[tuple, bool] = {}
    dropped: set[int] = set()
    for run in runs:
        clip = run[0].get("clip")
        drawn = [char for char in run if char["text"] != " "]
        if clip is None or not drawn or not all(outside_clip(char) for char in drawn):
            continue
        if not all(clip[0] - 1 <= (char["x0"] + char["x1"]) / 2 <= clip[2] + 1 for char in drawn):
            continue  # beside the print range: a cell of a strip to the left or right (strips/ goes by it)
        if clip not in regions:
            others = (c for c in shown if c.get("clip") != clip and
                      clip[0] <= (c["x0"] + c["x1"]) / 2 <= clip[2] and clip[1] <= (c["top"] + c["bottom"]) / 2 <= clip[3])
            regions[clip] = next(others, None) is not None and next(others, None) is not None
        far = clip not in shows and all(_beyond(char, clip) > 2 * max(char["size"], 1.0) for char in drawn)
        if regions[clip] or far:
            dropped.update(id(char) for char in run)
    return [char for char in chars if id(char) not in dropped] if dropped else chars


def _beyond(char: dict, clip: tuple) -> float:
    """How far a character's middle lies outside a box (0 inside)."""
    cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return max(clip[0] - cx, cx - clip[2], clip[1] - cy, cy - clip[3], 0.0)
