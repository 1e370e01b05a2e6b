"""What a check reports: one :class:`Diagnostic` per finding, whatever the output format.

Rules yield findings; the engine (:mod:`toc.rules.engine`) turns them into
diagnostics by stamping the rule's code, name, configured severity and the source
location. Formatters only ever see diagnostics, so every output format says the same.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, NamedTuple

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


class Diagnostic(NamedTuple):
    """One finding at one place.

    ``target`` is the id of the element at fault; ``path`` is where in the document
    it is when that is known (loader findings); ``suppressed`` is the reason given
    in the model's ``suppress:`` entry when the finding was silenced there: it is
    still reported, but never fails a check.

    A named tuple whose fields start with the order diagnostics are reported in
    (file, line, column, code, message), so that a list of them sorts in C with no
    key: a large model yields tens of thousands, and a frozen dataclass cost three
    times as much to make and a key function as much again to sort.
    """

    file: str
    line: int
    column: int
    code: str
    message: str
    name: str
    severity: Severity
    target: str
    path: str = ""
    suppressed: str | None = None
    sheet: str = ""
    """The workbook sheet, when the model was read from one (``line`` is then the row)."""

    @property
    def where(self) -> str:
        """``12:7``, or ``LOGFRAME!C7`` in a workbook; ``-`` when the finding has no place."""
        if self.sheet:
            from toc.errors import cell_name

            return f"{self.sheet}!{cell_name(self.line, self.column)}" if self.line else self.sheet
        return f"{self.line}:{self.column}" if self.line else "-"

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
        if self.sheet:
            out["sheet"] = self.sheet
        if self.suppressed is not None:
            out["reason"] = self.suppressed
        return out
