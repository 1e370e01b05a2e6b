"""A file that could not be read shows in every machine-readable format, so no run looks clean."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]

from toc.errors import Location, Problem
from toc.formatters import Report, render

SCHEMA = Path(__file__).parents[1] / "data" / "sarif" / "sarif-2.1.0-rtm.5.json"
BROKEN = Problem(
    Location("broken.yaml", 3, 7), "YAML syntax error: …", "close the [ … ] list opened at line 2"
)
REPORT = Report((), ("ok.yaml",), input_errors=(BROKEN,))


def test_json_lists_unreadable_files_in_the_summary() -> None:
    data = json.loads(render("json", REPORT))
    assert data["summary"]["unreadable"] == [
        {
            "file": "broken.yaml",
            "line": 3,
            "column": 7,
            "message": "YAML syntax error: …",
            "hint": "close the [ … ] list opened at line 2",
        }
    ]
    assert json.loads(render("json", Report((), ("ok.yaml",))))["summary"]["unreadable"] == []


def test_sarif_reports_them_as_failed_execution_and_stays_valid() -> None:
    log = json.loads(render("sarif", REPORT))
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    region = note["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 7)
    clean = json.loads(render("sarif", Report((), ("ok.yaml",))))
    assert clean["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_junit_reports_them_as_errors() -> None:
    root = ET.fromstring(render("junit", REPORT))
    suite = next(s for s in root.iter("testsuite") if s.get("name") == "broken.yaml")
    assert suite.get("errors") == "1"
    error = suite.find("testcase/error")
    assert error is not None
    assert error.text == "broken.yaml:3:7: YAML syntax error: … (close the [ … ] list opened at line 2)"
