"""Pausing Python's cyclic garbage collector around work that only allocates, without changing the
caller's setting.

Loading a model (and checking it) creates millions of objects that all stay alive: each
collection the allocations trigger walks them all and frees nothing. Pausing it is sound there;
turning it back on is the caller's business, so the pause restores whatever was set before —
enabled or not — also when the work raises.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_collector"]


@contextmanager
def paused_collector() -> Iterator[None]:
    """Run the body with the cyclic collector off; afterwards it is as the caller had it.

    Reference counting still frees everything that is not part of a cycle. Nested pauses
    are fine: the inner one finds the collector off and leaves it off.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
