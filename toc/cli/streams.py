"""Injectable output streams, so tests call ``main`` without patching ``sys.stdout``.

Standard error carries only messages for a person, and they quote file names and model text
(a load error shows the value it refused). Every write to it goes through
:func:`toc.safetext.visible`, so no message can drive the terminal (ESC, BEL, CSI): the one
place that guards every message, present and future. Standard output carries the formats
themselves, which escape their own text.
"""

from __future__ import annotations

import io
import os
import sys
from typing import TextIO, cast

from toc.safetext import visible


class _Visible(io.TextIOBase):
    """A text stream that writes to another with control characters (tab and newline aside)
    shown as escapes."""

    def __init__(self, target: TextIO) -> None:
        self.target = target

    def write(self, text: str) -> int:
        self.target.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self.target.flush()

    def isatty(self) -> bool:
        return bool(getattr(self.target, "isatty", lambda: False)())


class Streams:
    """Standard output, standard error (shown through :func:`toc.safetext.visible`) and the
    environment. A plain class: every ``toc`` call makes one, and ``dataclasses`` would cost
    start-up time."""

    def __init__(self, out: TextIO, err: TextIO, env: dict[str, str] | None = None) -> None:
        self.out = out
        self.err = err if isinstance(err, _Visible) else cast(TextIO, _Visible(err))
        self.env: dict[str, str] = {} if env is None else env

    @classmethod
    def default(cls) -> Streams:
        return cls(sys.stdout, sys.stderr, dict(os.environ))

    def colour(self) -> bool:
        """Colour only on a terminal, and never when NO_COLOR is set."""
        if "NO_COLOR" in self.env:
            return False
        return bool(getattr(self.out, "isatty", lambda: False)())
