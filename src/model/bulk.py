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
