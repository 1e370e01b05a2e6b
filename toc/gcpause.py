"""Pause Python's cyclic garbage collector around work that builds many long-lived objects.

Loading a model and running the rules over it allocate millions of objects that all stay
alive; every collection the allocations trigger walks them again and frees nothing, which
made large models cost far more than linear time (docs/performance.md). Reference counting
still frees everything as usual; only the search for reference cycles waits.

A library must not change global state behind its caller's back, so the pause is a context
manager that leaves the collector as it found it: enabled again on the way out (also when
the block raises) only if it was enabled on the way in.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block; restore the caller's setting after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
