"""Every check format stays valid, and inert, whatever text the model and file names carry.

JUnit must parse as XML 1.0, SARIF must validate against its schema, JSON must read back
the same values, and the text and GitHub formats must carry no control character (other
than newline and tab) that a terminal or a log viewer would act on.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import hostile_text
from toc.diagnostics import Diagnostic, Severity
from toc.errors import Location, Problem
from toc.formatters import Report, render

SCHEMA = json.loads(
    (Path(__file__).parents[1] / "data" / "sarif" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8")
)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
XMLLINT = shutil.which("xmllint")

text = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=30),
    hostile_text(),
    st.sampled_from(["]]>", "<", "&", "<![CDATA[", "&#0;", "\x1b]0;pwned\x07", "\x9b2J"]),
)


@st.composite
def diagnostics(draw: st.DrawFn) -> Diagnostic:
    return Diagnostic(
        file=draw(st.one_of(st.just("m.yaml"), text)),
        line=draw(st.integers(0, 500)),
        column=draw(st.integers(0, 80)),
        code=draw(st.sampled_from(["TOC302", "TOC401", "TOC001"])),
        message=draw(text),
        name=draw(st.sampled_from(["assumption-contradicted", "indicator-missing", "duplicate-id"])),
        severity=draw(st.sampled_from(list(Severity))),
        target=draw(text),
        suppressed=draw(st.one_of(st.none(), text)),
    )


@st.composite
def reports(draw: st.DrawFn) -> Report:
    found = draw(st.lists(diagnostics(), max_size=5))
    files = tuple(dict.fromkeys([d.file for d in found] + draw(st.lists(text, max_size=2))))
    problems = tuple(
        Problem(
            Location(draw(text), draw(st.integers(0, 9)), draw(st.integers(0, 9))), draw(text), draw(text)
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    return Report(tuple(found), files, input_errors=problems, show_suppressed=draw(st.booleans()))


def _no_control(out: str) -> None:
    raw = CONTROL.search(out.replace("\n", "").replace("\t", ""))
    assert raw is None, repr(out)


HOSTILE = Report(
    (
        Diagnostic(
            "m\x1b[8m.yaml", 3, 5, "TOC302", 'outcome "a\x1b]0;pwned\x07 ]]> \x01 \x9b2J" is at risk',
            "assumption-contradicted", Severity.ERROR, "a\x02", suppressed=None,
        ),
        Diagnostic(
            "m\x1b[8m.yaml", 4, 5, "TOC401", "b\x00", "indicator-missing", Severity.WARNING, "b",
            suppressed="reason \x1b[2J\x07",
        ),
    ),
    ("m\x1b[8m.yaml",),
    show_suppressed=True,
    input_errors=(Problem(Location("bad\x1b.yaml", 1, 1), "value '\x1b]0;x\x07' refused", "hint \x0c"),),
)  # fmt: skip


def test_junit_with_control_characters_parses() -> None:
    root = ET.fromstring(render("junit", HOSTILE).encode("utf-8"))
    failure = next(root.iter("failure"))
    assert failure.get("message") == 'outcome "a\\x1b]0;pwned\\x07 ]]> \\x01 \\x9b2J" is at risk'


@pytest.mark.parametrize("name", ["text", "github"])
def test_text_and_github_carry_no_terminal_sequences(name: str) -> None:
    out = render(name, HOSTILE)
    _no_control(out)
    assert "\\x1b]0;pwned\\x07" in out  # shown, not dropped


def test_json_and_sarif_read_back_the_same_text() -> None:
    data = json.loads(render("json", HOSTILE))
    assert data["diagnostics"][0]["message"] == HOSTILE.diagnostics[0].message
    sarif = render("sarif", HOSTILE)
    assert "\x9b" not in sarif
    assert json.loads(sarif)["runs"][0]["results"][0]["message"]["text"] == HOSTILE.diagnostics[0].message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_every_format_is_valid_for_any_text(report: Report) -> None:
    junit = render("junit", report)
    ET.fromstring(junit.encode("utf-8"))
    if XMLLINT:  # a second, stricter XML 1.0 parser where one is installed
        subprocess.run([XMLLINT, "--noout", "-"], input=junit.encode("utf-8"), check=True)
    jsonschema.Draft4Validator(SCHEMA).validate(json.loads(render("sarif", report)))
    data = json.loads(render("json", report))
    assert [d["message"] for d in data["diagnostics"]] == [d.message for d in report.active]
    for name in ("text", "github"):
        _no_control(render(name, report))
    for name in ("json", "sarif", "junit"):
        out = render(name, report)
        out.encode("utf-8")
        assert not re.search("[\x7f-\x9f]", out)


def test_junit_passes_xmllint(tmp_path: Path) -> None:
    if XMLLINT is None:
        if os.environ.get("CI"):  # .ci/run installs it: a CI run must not pass by skipping
            pytest.fail("xmllint is missing in CI (.ci/run installs libxml2-utils)")
        pytest.skip("xmllint is not installed (apt-get install libxml2-utils)")
    path = tmp_path / "junit.xml"
    path.write_text(render("junit", HOSTILE), encoding="utf-8")
    subprocess.run([str(XMLLINT), "--noout", str(path)], check=True)
