"""How a slow read tells whoever waits how far it is, and how that one stops it.

A reader that can take long (a PDF of many pages, a large web page, text or spreadsheet) takes an optional
Progress callback and calls it now and then with (done, total), in the unit its format counts (FileFormat.counts). The
callback returns False to stop the read; the reader then raises Cancelled at a point where nothing has been
built yet that anyone sees, so a cancelled open changes nothing. The window's dialog and the headless
command's terminal line are two such callbacks; neither is known here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .errors import FileProblem

Progress = Callable[[int, int], "bool | None"]  # (done, total) → False to stop reading


CANCELLED = "已取消导入"


class Cancelled(FileProblem):
    """The clerk stopped the read. A FileProblem, so that a caller that knows no cancelling still says
    something true ("…：已取消导入") instead of a traceback; the window tells it apart to say 已取消."""

    def __init__(self, path: str | Path):
        super().__init__(path, CANCELLED)


def tell(progress: Progress | None, path: str | Path, done: int, total: int) -> None:
    """Report (done, total) to progress, if any; raise Cancelled when it says stop."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled(path)


def every(total: int, reports: int = 100) -> int:
    """How many items go between two reports, so that a loop over total items reports about `reports`
    times: a callback per line of a 100,000-line text would cost more than the reading."""
    return max(1, total // reports)
