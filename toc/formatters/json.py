"""``{"diagnostics": [...], "summary": {...}}``: unsuppressed findings, then counts and suppressions.

Each diagnostic has code, name, severity, message, file, line, column and target
(the id of the element at fault); suppressed findings sit in
``summary.suppressed`` with their ``reason``, and files that could not be read or
parsed (the run exits 2) in ``summary.unreadable`` with file, line, column, message
and hint. Keys are sorted: the same findings always give the same bytes. Text is UTF-8;
control characters (C0 by ``json``, DEL, C1 and lone surrogates by us) are ``\\u`` escapes,
so the values read back unchanged and nothing raw reaches a terminal.
"""

from __future__ import annotations

from toc.formatters import Report
from toc.safetext import dumps_json


def render(report: Report, colour: bool = False) -> str:
    data = {"diagnostics": [d.to_dict() for d in report.active], "summary": report.summary()}
    return dumps_json(data, sort_keys=True) + "\n"
