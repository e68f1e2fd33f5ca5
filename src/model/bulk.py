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


def keep_out_of_collection() -> None:
    """Move everything alive now (a freshly opened declaration above all) out of the collector's sight.

    A declaration lives until its window closes and holds no reference cycles, so reference
    counting frees it; without this, the collector's next passes re-walk its millions of objects.
    Readers that make cyclic garbage (openpyxl's workbooks) collect it themselves before this.
    """
    gc.freeze()
