"""``{"diagnostics": [...], "summary": {...}}``: unsuppressed findings, then counts and suppressions.

Each diagnostic has code, name, severity, message, file, line, column and target
(the id of the element at fault); suppressed findings sit in
``summary.suppressed`` with their ``reason``, and files that could not be read or
parsed (the run exits 2) in ``summary.unreadable`` with file, line, column, message
and hint. Keys are sorted: the same findings always give the same bytes.
"""

from __future__ import annotations

import json

from toc.formatters import Report


def render(report: Report, colour: bool = False) -> str:
    data = {"diagnostics": [d.to_dict() for d in report.active], "summary": report.summary()}
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
