"""A pause of the cyclic garbage collector that gives the caller back its own setting.

Building large results while a whole model is alive (an assessment, a report) makes the
collector walk the model again and again, though nothing built is cyclic garbage
(docs/performance.md). Reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector inside the block; afterwards it is on again only if
    it was on before (also when the block raises)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
