"""GitHub Actions workflow commands: one annotation per finding.

``::error file=F,line=L,col=C,title=TOC302 assumption-contradicted::message``;
warnings are ``::warning``, info is ``::notice``. Values are escaped as the
runner expects (``%``, CR and LF everywhere; ``:`` and ``,`` in properties); other
control characters are written as escapes (``\x1b``), never raw.
Suppressed findings are not annotated. A file that cannot be read or parsed is annotated
as an error at the line and column of each problem.
"""

from __future__ import annotations

from toc.diagnostics import Severity
from toc.formatters import Report
from toc.safetext import visible

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Newlines as the runner's ``%0A``; every other control character as its visible escape
    (``\x1b``), so that nothing reaches the log viewer as a terminal sequence."""
    text = visible(text, keep="\n\r")
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, colour: bool = False) -> str:
    lines = []
    for problem in report.input_errors:  # a file that cannot be read fails the run: annotate it too
        where = problem.location
        props = [f"file={escape_property(where.file)}"]
        if where.line > 0:
            props += [f"line={where.line}", f"col={where.column}"]
        props.append(f"title={escape_property('toc: cannot read the model')}")
        message = problem.message + (f" ({problem.hint})" if problem.hint else "")
        lines.append(f"::error {','.join(props)}::{escape_data(message)}")
    for d in report.active:
        props = [f"file={escape_property(d.file)}"]
        if d.line:
            props += [f"line={d.line}", f"col={d.column}"]
        props.append(f"title={escape_property(f'{d.code} {d.name}')}")
        # GitHub knows lines, not sheets: a workbook finding names its cell in the message
        message = f"{d.where}: {d.message}" if d.sheet else d.message
        lines.append(f"::{LEVELS[d.severity]} {','.join(props)}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)
