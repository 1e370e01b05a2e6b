"""Injectable output streams, so tests call ``main`` without patching ``sys.stdout``."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class Streams:
    out: TextIO
    err: TextIO
    env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def default(cls) -> Streams:
        return cls(sys.stdout, sys.stderr, dict(os.environ))

    def colour(self) -> bool:
        """Colour only on a terminal, and never when NO_COLOR is set."""
        if "NO_COLOR" in self.env:
            return False
        return bool(getattr(self.out, "isatty", lambda: False)())
