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


def keep_out_of_collection(collect_first: bool) -> None:
    """Move everything alive now (a freshly opened declaration above all) out of the collector's sight.

    A declaration lives until its window closes and holds no reference cycles, so reference
    counting frees it; without this, the collector's next passes re-walk its millions of objects.
    collect_first when the reading left cyclic garbage behind (openpyxl's workbook objects do),
    so that none of it is kept; JSON reading leaves none, and the collection would cost as much
    as a third of the reading.
    """
    if collect_first:
        gc.collect()
    gc.freeze()
