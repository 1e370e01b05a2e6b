"""SARIF 2.1.0 (OASIS), for code-scanning dashboards.

One run; the tool's rules are the whole catalogue (id = code, name = rule name,
default level); each finding is a result with its physical location. Findings
the model suppresses are results with an ``inSource`` suppression carrying the
reason, as SARIF provides. Severity → level: error, warning, note.
"""

from __future__ import annotations

from typing import Any

from toc._version import __version__
from toc.diagnostics import Severity
from toc.errors import cell_name
from toc.formatters import Report
from toc.rules.registry import all_rules
from toc.safetext import dumps_json

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _invocation(report: Report) -> dict[str, Any]:
    """Files that could not be read are tool execution notifications: the run did not succeed."""
    notes: list[dict[str, Any]] = []
    for problem in report.input_errors:
        loc = problem.location
        physical: dict[str, Any] = {"artifactLocation": {"uri": loc.file.replace("\\", "/")}}
        if loc.line > 0:
            physical["region"] = {"startLine": loc.line, "startColumn": max(loc.column, 1)}
        text = f"{problem.message} ({problem.hint})" if problem.hint else problem.message
        notes.append(
            {"level": "error", "message": {"text": text}, "locations": [{"physicalLocation": physical}]}
        )
    invocation: dict[str, Any] = {"executionSuccessful": not notes}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation


def render(report: Report, colour: bool = False) -> str:
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    descriptors = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.sections.get("rationale", r.summary)},
            "help": {"text": f"toc rules {r.name}  (docs/rules.md#{r.name})"},
            "defaultConfiguration": {"level": LEVELS[r.severity]},
            "properties": {"tags": list(r.groups)},
        }
        for r in rules
    ]
    results: list[dict[str, Any]] = []
    for d in report.diagnostics:  # in reporting order already (Report)
        physical: dict[str, Any] = {"artifactLocation": {"uri": d.file.replace("\\", "/")}}
        if d.line > 0:
            physical["region"] = {"startLine": d.line, "startColumn": max(d.column, 1)}
        location: dict[str, Any] = {"physicalLocation": physical}
        if d.sheet:  # a workbook: the region is row and column of this sheet
            location["properties"] = {"sheet": d.sheet, "cell": cell_name(d.line, d.column)}
        result: dict[str, Any] = {
            "ruleId": d.code,
            "level": LEVELS[d.severity],
            "message": {"text": d.message},
            "locations": [location],
            "properties": {"target": d.target, "name": d.name},
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        if d.suppressed is not None:
            result["suppressions"] = [{"kind": "inSource", "justification": d.suppressed}]
        results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "toc",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                "artifacts": [{"location": {"uri": f.replace("\\", "/")}} for f in report.files],
                "invocations": [_invocation(report)],
                "results": results,
            }
        ],
    }
    return dumps_json(log) + "\n"
