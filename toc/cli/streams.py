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
from dataclasses import dataclass, field
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


@dataclass
class Streams:
    out: TextIO
    err: TextIO
    env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.err, _Visible):
            self.err = cast(TextIO, _Visible(self.err))

    @classmethod
    def default(cls) -> Streams:
        return cls(sys.stdout, sys.stderr, dict(os.environ))

    def colour(self) -> bool:
        """Colour only on a terminal, and never when NO_COLOR is set."""
        if "NO_COLOR" in self.env:
            return False
        return bool(getattr(self.out, "isatty", lambda: False)())
