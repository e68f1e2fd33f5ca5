"""Building a whole declaration at once without CPython's cyclic collector running into it.

Loading 200,000 indicators allocates millions of objects and no cycles; the collector's
full passes over an ever larger heap make such loads grow faster than the data.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle_as_long_lived() -> None:
    """Move everything alive now, a freshly read declaration above all, into the oldest generation.

    Read with the collector paused, a declaration's millions of objects sit in the youngest
    generation, and two collections would walk them all before they reach the oldest; freeze
    followed by unfreeze moves them there in one step. Nothing stays frozen, so whatever becomes
    garbage later (an old document's tree, openpyxl's workbooks) is still collected.
    """
    gc.freeze()
    gc.unfreeze()
