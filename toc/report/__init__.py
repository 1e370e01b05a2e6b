"""Assessment reports (Markdown, HTML, JSON) from :func:`toc.assessment.assess`.

>>> import toc
>>> from toc.report import render_report
>>> text = render_report(toc.assess(toc.load("examples/small.yaml")), "md")   # doctest: +SKIP

The core never imports this package; the CLI (``toc report``) and users do.
"""

from __future__ import annotations

from toc.assessment.assessment import Assessment
from toc.formats import REPORT_WRITERS
from toc.gcpause import gc_paused
from toc.report.writers import ReportOptions

__all__ = ["FORMATS", "format_for", "render_report"]

FORMATS = {
    name: fmt.name
    for fmt in REPORT_WRITERS.formats
    for name in (fmt.name, *fmt.aliases, *(e.lstrip(".") for e in fmt.extensions))
}
"""File extension or format name → format (from the registry's report room)."""


def format_for(path: str) -> str | None:
    """The format a file name asks for by its extension, if any."""
    found = REPORT_WRITERS.for_path(path)
    return None if found is None else found.name


def render_report(
    assessment: Assessment,
    fmt: str = "md",
    *,
    lang: str | None = None,
    diagram: str | None = None,
    diagram_note: str = "",
    explorer: str | None = None,
) -> str:
    """The report as text. For HTML, ``explorer`` is the explorer page to embed, else ``diagram``
    SVG text (else ``diagram_note`` is shown)."""
    found = REPORT_WRITERS.find(fmt)
    if found is None:
        raise ValueError(f"unknown report format {fmt!r}; choose {', '.join(REPORT_WRITERS.names())}")
    with gc_paused():  # a large report builds millions of strings while the model is alive
        text = found.load().write(assessment, ReportOptions(lang, diagram, diagram_note, explorer))
    return text if isinstance(text, str) else text.decode("utf-8")
