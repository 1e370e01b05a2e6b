"""Every output format renders the same findings: JSON shape, GitHub syntax, SARIF schema, JUnit XML."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest

from toc.diagnostics import Diagnostic, Severity
from toc.formats import CHECK_FORMATTERS
from toc.formatters import Report, render

SCHEMA = Path(__file__).parents[1] / "data" / "sarif" / "sarif-2.1.0-rtm.5.json"

D = [
    Diagnostic(
        code="TOC302",
        name="assumption-contradicted",
        severity=Severity.ERROR,
        message='"Work on the SDGs strengthens LMB" is contradicted by 3 evidence items '
        "(para 92, 99; survey 2018)",
        target="sdg-lmb",
        file="models/vvsg.yaml",
        line=212,
        column=7,
    ),
    Diagnostic(
        code="TOC401", name="indicator-missing", severity=Severity.WARNING,
        message='impact "A, b: 100%" has no indicator', target="a", file="models/vvsg.yaml", line=12,
        column=5,
    ),
    Diagnostic(
        code="TOC502", name="evidence-undated", severity=Severity.INFO, message='evidence "x" has no date',
        target="e1", file="b.yaml", line=3, column=5,
    ),
    Diagnostic(
        code="TOC308", name="assumption-without-link", severity=Severity.WARNING,
        message="assumption \"y\" qualifies no link", target="y", file="b.yaml", line=9, column=5,
        suppressed="applies to the whole programme",
    ),
    Diagnostic(
        code="TOC601", name="missing-translation", severity=Severity.INFO, message="no location", target="z",
        file="b.yaml", line=0, column=0,
    ),
]  # fmt: skip
REPORT = Report(tuple(D), ("b.yaml", "models/vvsg.yaml", "clean.yaml"))


def test_json_shape() -> None:
    data = json.loads(render("json", REPORT))
    assert set(data) == {"diagnostics", "summary"}
    first = data["diagnostics"][0]
    assert set(first) == {"code", "name", "severity", "message", "file", "line", "column", "target"}
    assert len(data["diagnostics"]) == 4  # the suppressed one is in the summary instead
    summary = data["summary"]
    assert (summary["errors"], summary["warnings"], summary["info"], summary["files"]) == (1, 1, 2, 3)
    assert summary["failed"] is True
    assert summary["suppressed"][0]["reason"] == "applies to the whole programme"
    assert summary["by_rule"]["assumption-contradicted"] == 1


def test_github_annotations() -> None:
    lines = render("github", REPORT).splitlines()
    assert len(lines) == 4
    pattern = re.compile(r"^::(error|warning|notice) file=[^,:]+(,line=\d+,col=\d+)?,title=[^,:]+::.+$")
    assert all(pattern.match(line) for line in lines), lines
    assert lines[1].startswith("::notice file=b.yaml,line=3,col=5,title=TOC502 evidence-undated::")
    assert "::warning file=models/vvsg.yaml,line=12,col=5,title=TOC401 indicator-missing::" in "\n".join(
        lines
    )
    assert "::notice file=b.yaml,title=TOC601 missing-translation::no location" in lines


def test_github_escapes() -> None:
    d = Diagnostic(
        code="TOC101",
        name="duplicate-id",
        severity=Severity.ERROR,
        message="100%\nnext",
        target="a",
        file="a,b:c.yaml",
        line=1,
        column=1,
    )
    out = render("github", Report((d,), ("a,b:c.yaml",)))
    assert out == "::error file=a%2Cb%3Ac.yaml,line=1,col=1,title=TOC101 duplicate-id::100%25%0Anext\n"


def test_sarif_is_valid_against_the_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(render("sarif", REPORT))
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["TOC601", "TOC502", "TOC308", "TOC401", "TOC302"]
    suppressed = [r for r in results if "suppressions" in r]
    assert suppressed[0]["suppressions"][0]["justification"] == "applies to the whole programme"
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[results[1]["ruleIndex"]]["id"] == "TOC502"
    unlocated = next(r for r in results if r["ruleId"] == "TOC601")
    assert "region" not in unlocated["locations"][0]["physicalLocation"]


def test_sarif_of_an_empty_report_is_valid() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(render("sarif", Report((), ("a.yaml",)))))


def test_junit_is_well_formed() -> None:
    root = ET.fromstring(render("junit", REPORT))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"b.yaml", "models/vvsg.yaml", "clean.yaml"}
    assert suites["models/vvsg.yaml"].get("failures") == "2"
    assert suites["b.yaml"].get("skipped") == "1"
    assert [c.get("name") for c in suites["clean.yaml"].iter("testcase")] == ["toc check"]
    failures = [f.get("message", "") for f in suites["models/vvsg.yaml"].iter("failure")]
    assert failures[1].startswith('"Work on the SDGs')


def test_text_groups_by_file_and_reports_suppressions() -> None:
    out = render("text", REPORT)
    assert out.splitlines()[0] == "b.yaml"
    assert '  3:5     info     evidence "x" has no date [TOC502 evidence-undated]' in out
    assert "\033[" not in out
    assert out.splitlines()[-2] == "1 error, 1 warning, 2 info in 3 files (1 suppressed)"
    assert out.splitlines()[-1].endswith("lists them): assumption-without-link 1")
    assert "\033[31m" in render("text", REPORT, colour=True)
    full = render("text", Report(REPORT.diagnostics, REPORT.files, show_suppressed=True))
    assert (
        '  9:5     suppressed assumption "y" qualifies no link [TOC308 assumption-without-link] '
        "(reason: applies to the whole programme)"
    ) in full


@pytest.mark.parametrize("name", sorted(CHECK_FORMATTERS.names()))
def test_every_format_is_deterministic(name: str) -> None:
    assert render(name, REPORT) == render(name, Report(tuple(reversed(D)), REPORT.files))


def test_fail_levels() -> None:
    assert Report(tuple(D[1:]), (), fail_on=Severity.ERROR).failed() is False
    assert Report(tuple(D[1:]), (), fail_on=Severity.WARNING).failed() is True
    assert Report(tuple(D[3:4]), (), fail_on=Severity.INFO).failed() is False  # suppressed only
    assert Report(tuple(D), (), fail_on=None).failed() is False


def test_check_formats_come_from_the_registry() -> None:
    from toc.cli.check import FORMATS
    from toc.formats import Formatter

    assert FORMATS == CHECK_FORMATTERS.choices() == ("text", "json", "github", "sarif", "junit")
    report = Report((), ("m.yaml",))
    for name in CHECK_FORMATTERS.names():
        formatter: Formatter = CHECK_FORMATTERS.named(name).load()
        assert formatter(report, False) == render(name, report)
