"""The default format: findings grouped by file, one line each, then a summary.

::

    models/vvsg.yaml
      212:7   error    "Work on the SDGs strengthens LMB" is contradicted by … [TOC302 …]

Suppressed findings are counted per rule under the summary line (``--show-suppressed``
lists each one with its reason, after the others). Colour (ANSI) only when asked for:
the CLI asks on a terminal. Model text and file names are shown on one line with their
control characters as escapes (``\x1b``, ``\n``: :func:`toc.safetext.one_line`), so a
finding can neither drive the terminal nor forge a line of its own.
"""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from toc.diagnostics import Diagnostic, Severity
from toc.formatters import Report
from toc.safetext import one_line

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def _line(d: Diagnostic, colour: bool) -> str:
    where = one_line(d.where)  # 12:7, or LOGFRAME!C7 in a workbook
    severity = d.severity.value if d.suppressed is None else "suppressed"
    painted = _paint(f"{severity:<8}", _COLOURS[d.severity] if d.suppressed is None else "2", colour)
    text = f"  {where:<7} {painted} {one_line(d.message)} [{one_line(d.code)} {one_line(d.name)}]"
    if d.suppressed is not None:
        text += f" (reason: {one_line(d.suppressed)})"
    return text


def render(report: Report, colour: bool = False) -> str:
    out: list[str] = []
    ordered = report.active + (report.suppressed if report.show_suppressed else [])
    ordered.sort(key=lambda d: (d.file, d.suppressed is not None, d.line, d.column, d.code))
    for file, items in groupby(ordered, key=lambda d: d.file):
        out.append(_paint(one_line(file), "1", colour))
        out.extend(_line(d, colour) for d in items)
        out.append("")
    out.append(report.summary_line())
    if report.suppressed and not report.show_suppressed:
        counts = Counter(d.name for d in report.suppressed)
        listed = ", ".join(f"{one_line(name)} {n}" for name, n in sorted(counts.items()))
        out.append(f"suppressed in the model, with reasons (--show-suppressed lists them): {listed}")
    return "\n".join(out) + "\n"
