"""What a check reports: one frozen :class:`Diagnostic` per finding, whatever the output format.

Rules yield findings; the engine (:mod:`toc.rules.engine`) turns them into
diagnostics by stamping the rule's code, name, configured severity and the source
location. Formatters only ever see diagnostics, so every output format says the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = ["Diagnostic", "Severity"]


class Severity(StrEnum):
    """How much a finding matters; ``--fail-on`` compares against this order."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more serious: info 0, warning 1, error 2."""
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding at one place.

    ``target`` is the id of the element at fault; ``path`` is where in the document
    it is when that is known (loader findings); ``suppressed`` is the reason given
    in the model's ``suppress:`` entry when the finding was silenced there: it is
    still reported, but never fails a check.
    """

    code: str
    name: str
    severity: Severity
    message: str
    target: str
    file: str
    line: int
    column: int
    path: str = ""
    suppressed: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: code, name, severity, message, file, line, column, target (+ path, reason)."""
        out: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "target": self.target,
        }
        if self.path:
            out["path"] = self.path
        if self.suppressed is not None:
            out["reason"] = self.suppressed
        return out
