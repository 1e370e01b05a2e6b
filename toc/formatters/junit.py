"""JUnit XML, for CI systems that show test reports: one test suite per file, one case per rule run.

A file with no findings is one passing test case; each unsuppressed finding is a
failing test case named ``CODE name (target)``; a suppressed one is skipped with
its reason. Built with ElementTree, so the output is well-formed XML.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from toc.formatters import Report


def render(report: Report, colour: bool = False) -> str:
    root = ET.Element("testsuites", name="toc check")
    ordered = sorted(report.diagnostics)
    grouped = {file: list(items) for file, items in groupby(ordered, key=lambda d: d.file)}
    for file in dict.fromkeys([*report.files, *grouped]):
        items = grouped.get(file, [])
        failures = sum(1 for d in items if d.suppressed is None)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=file,
            tests=str(max(len(items), 1)),
            failures=str(failures),
            errors="0",
            skipped=str(len(items) - failures),
        )
        if not items:
            ET.SubElement(suite, "testcase", classname=file, name="toc check")
        for d in items:
            case = ET.SubElement(suite, "testcase", classname=file, name=f"{d.code} {d.name} ({d.target})")
            if d.suppressed is not None:
                ET.SubElement(case, "skipped", message=f"suppressed: {d.suppressed}")
            else:
                failure = ET.SubElement(case, "failure", message=d.message, type=d.severity.value)
                failure.text = f"{d.file}:{d.line}:{d.column}: {d.message}"
    unreadable = {p.location.file: p for p in reversed(report.input_errors)}
    for file, problem in sorted(unreadable.items()):
        suite = ET.SubElement(root, "testsuite", name=file, tests="1", failures="0", errors="1", skipped="0")
        case = ET.SubElement(suite, "testcase", classname=file, name="toc check: read the model")
        error = ET.SubElement(case, "error", message=problem.message, type="unreadable")
        error.text = "\n".join(str(p) for p in report.input_errors if p.location.file == file)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
