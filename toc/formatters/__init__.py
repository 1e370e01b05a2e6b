"""Output formats for ``toc check``: each one renders the same :class:`Report`, chosen by name.

The formats are the check room of the registry (:data:`toc.formats.CHECK_FORMATTERS`);
each is a :class:`toc.formats.Formatter`, a module's ``render(report, colour) -> str``.
The core (model, io, graph, assess, rules) never imports this package; the CLI
picks a formatter with :func:`render` and its module is imported only then.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from toc.diagnostics import Diagnostic, Severity
from toc.errors import Problem

__all__ = ["Report", "render"]


@dataclass(frozen=True)
class Report:
    """What one ``toc check`` run found: every diagnostic (suppressed ones too) and the files read."""

    diagnostics: tuple[Diagnostic, ...]
    files: tuple[str, ...]
    fail_on: Severity | None = Severity.ERROR
    show_suppressed: bool = False
    """Text format only: list each suppressed finding, not just their count per rule."""
    input_errors: tuple[Problem, ...] = ()
    """Files that could not be read or parsed (exit 2). The CLI prints them on standard error;
    the text summary counts them and the github format annotates them, so that a run that
    checked nothing never looks clean."""

    def __post_init__(self) -> None:
        # one order for every format: file, line, column, code, message (then as given: two
        # findings alike but for their suppression reason cannot be compared as whole tuples)
        object.__setattr__(self, "diagnostics", tuple(sorted(self.diagnostics, key=Diagnostic.sort_key)))

    @property
    def active(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.suppressed is None]

    @property
    def suppressed(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.suppressed is not None]

    def failed(self) -> bool:
        """Any unsuppressed finding at or above the fail level."""
        if self.fail_on is None:
            return False
        return any(d.severity.rank >= self.fail_on.rank for d in self.active)

    def counts(self) -> dict[Severity, int]:
        found = Counter(d.severity for d in self.active)
        return {s: found[s] for s in Severity}

    def summary(self) -> dict[str, Any]:
        """The ``summary`` object of the JSON format."""
        counts = self.counts()
        return {
            "files": len(self.files),
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "info": counts[Severity.INFO],
            "fail_on": self.fail_on.value if self.fail_on else "never",
            "failed": self.failed(),
            "by_rule": dict(sorted(Counter(d.name for d in self.active).items())),
            "suppressed": [d.to_dict() for d in self.suppressed],
            "unreadable": [_problem_dict(p) for p in self.input_errors],
        }

    def summary_line(self) -> str:
        counts = self.counts()
        parts = [
            _plural(counts[Severity.ERROR], "error"),
            _plural(counts[Severity.WARNING], "warning"),
            f"{counts[Severity.INFO]} info",
        ]
        line = ", ".join(parts) + f" in {_plural(len(self.files), 'file')}"
        if self.suppressed:
            line += f" ({len(self.suppressed)} suppressed)"
        unreadable = len({p.location.file for p in self.input_errors})
        if unreadable:
            line += f"; {_plural(unreadable, 'file')} could not be read (see standard error)"
        return line


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _problem_dict(problem: Problem) -> dict[str, Any]:
    """An input that could not be checked, in the shape of a diagnostic's location."""
    loc = problem.location
    out: dict[str, Any] = {
        "file": loc.file,
        "line": loc.line,
        "column": loc.column,
        "message": problem.message,
        "hint": problem.hint,
    }
    if loc.sheet:
        out["sheet"] = loc.sheet
    return out


def render(name: str, report: Report, colour: bool = False) -> str:
    """The report in format ``name`` (one of :data:`toc.formats.CHECK_FORMATTERS`)."""
    from toc.formats import CHECK_FORMATTERS

    return CHECK_FORMATTERS.named(name).load()(report, colour)
