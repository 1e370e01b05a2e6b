"""JUnit XML, for CI systems that show test reports: one test suite per file, one case per rule run.

A file with no findings is one passing test case; each unsuppressed finding is a
failing test case named ``CODE name (target)``; a suppressed one is skipped with
its reason. Built with ElementTree, so markup in the text is escaped; XML 1.0 forbids
most control characters even as references, so every text goes through
:func:`toc.safetext.visible` first (``\\x1b``, never raw): the file parses whatever the model says.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from toc.formatters import Report
from toc.safetext import visible


def _element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    """A child element whose attributes and text can be written as XML 1.0."""
    child = ET.SubElement(parent, tag, {key: visible(value) for key, value in attributes.items()})
    if text is not None:
        child.text = visible(text)
    return child


def render(report: Report, colour: bool = False) -> str:
    root = ET.Element("testsuites", name="toc check")
    ordered = report.diagnostics  # in reporting order already (Report)
    grouped = {file: list(items) for file, items in groupby(ordered, key=lambda d: d.file)}
    for file in dict.fromkeys([*report.files, *grouped]):
        items = grouped.get(file, [])
        failures = sum(1 for d in items if d.suppressed is None)
        suite = _element(
            root,
            "testsuite",
            name=file,
            tests=str(max(len(items), 1)),
            failures=str(failures),
            errors="0",
            skipped=str(len(items) - failures),
        )
        if not items:
            _element(suite, "testcase", classname=file, name="toc check")
        for d in items:
            case = _element(suite, "testcase", classname=file, name=f"{d.code} {d.name} ({d.target})")
            if d.suppressed is not None:
                _element(case, "skipped", message=f"suppressed: {d.suppressed}")
            else:
                _element(
                    case,
                    "failure",
                    f"{d.file}:{d.where}: {d.message}",
                    message=d.message,
                    type=d.severity.value,
                )
    unreadable = {p.location.file: p for p in reversed(report.input_errors)}
    for file, problem in sorted(unreadable.items()):
        suite = _element(root, "testsuite", name=file, tests="1", failures="0", errors="1", skipped="0")
        case = _element(suite, "testcase", classname=file, name="toc check: read the model")
        text = "\n".join(str(p) for p in report.input_errors if p.location.file == file)
        _element(case, "error", text, message=problem.message, type="unreadable")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
