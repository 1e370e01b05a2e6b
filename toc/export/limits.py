"""How large a diagram ``toc render`` lays out before it refuses, and the refusal itself.

Graphviz's ``dot`` layout grows much faster than the model (crossing minimisation and
network simplex on every rank): on the busy 2-core development machine a synthetic model of
500 results and 650 links took about 14 s, 1,000 and 1,300 over a minute, 2,000 and 2,600
five and a half minutes, and 100,000 results ran for many minutes past 3.6 GB without a word.
Above :data:`LAYOUT_LIMIT` results + links drawn, SVG/PNG/PDF output is refused with the
ways out: a focused view, DOT or Mermaid text (no layout, linear in the model; no limit), or
a higher limit. docs/performance.md has the measurements behind the figure.
"""

from __future__ import annotations

from typing import Literal

from toc.export.errors import RenderError

__all__ = [
    "EXPLORER_LIMIT",
    "LAYOUT_LIMIT",
    "DiagramTooLarge",
    "SizeLimit",
    "check_layout_size",
    "explorer_limit",
    "layout_limit",
]

SizeLimit = int | None | Literal["default"]
"""A ``max_size`` option: a number of results + links, None (no limit), or ``"default"``:
each format's own (:data:`LAYOUT_LIMIT`, :data:`EXPLORER_LIMIT`)."""

LAYOUT_LIMIT = 1500
"""Most results + links drawn that SVG, PNG and PDF are laid out for (by default)."""

EXPLORER_LIMIT = 5000
"""The explorer's default: above LAYOUT_LIMIT it asks Graphviz for less effort
(toc.export.explorer.svg); the layout of 1,000 results and 1,300 links then took 2.6 s of CPU,
of 2,000 and 2,600 8.4 s (docs/performance.md)."""


class DiagramTooLarge(RenderError):
    """The drawing has more results and links than the layout limit allows."""

    def __init__(self, size: int, limit: int, focused: bool) -> None:
        self.size, self.limit, self.focused = size, limit, focused
        what = "this view" if focused else "the diagram"
        super().__init__(
            f"{what} has {size:,} results and links, more than the {limit:,} that Graphviz is asked "
            "to lay out (its layout time grows steeply with size); draw a focused view "
            "(--focus NODE [--depth N], --pathway ID or --at-risk ASSUMPTION; in Python focus=, "
            "pathway=, at_risk=), write DOT or Mermaid text instead (.dot, .mmd: no layout), "
            "or raise the limit with --max-size N or --force (in Python max_size=N or None)"
        )


def check_layout_size(size: int, limit: int | None, focused: bool) -> None:
    """Raise :class:`DiagramTooLarge` when ``size`` results + links exceed ``limit`` (None: no limit)."""
    if limit is not None and size > limit:
        raise DiagramTooLarge(size, limit, focused)


def layout_limit(max_size: SizeLimit) -> int | None:
    """The SVG/PNG/PDF limit for a ``max_size`` option."""
    return LAYOUT_LIMIT if max_size == "default" else max_size


def explorer_limit(max_size: SizeLimit) -> int | None:
    """The explorer's limit for a ``max_size`` option: its own default is higher, as it asks
    Graphviz for less effort on large models; a number given, or None, is taken as given."""
    return EXPLORER_LIMIT if max_size == "default" else max_size
