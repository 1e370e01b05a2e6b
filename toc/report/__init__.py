"""Assessment reports (Markdown, HTML, JSON) from :func:`toc.assessment.assess`.

>>> import toc
>>> from toc.report import render_report
>>> text = render_report(toc.assess(toc.load("examples/small.yaml")), "md")   # doctest: +SKIP

The core never imports this package; the CLI (``toc report``) and users do.
"""

from __future__ import annotations

from toc.assessment.assessment import Assessment

__all__ = ["FORMATS", "format_for", "render_report"]

FORMATS = {"md": "md", "markdown": "md", "html": "html", "htm": "html", "json": "json"}
"""File extension or format name → format."""


def format_for(path: str) -> str | None:
    """The format a file name asks for by its extension, if any."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return FORMATS.get(suffix)


def render_report(
    assessment: Assessment,
    fmt: str = "md",
    *,
    lang: str | None = None,
    diagram: str | None = None,
    diagram_note: str = "",
) -> str:
    """The report as text. For HTML, ``diagram`` is SVG text to embed (else ``diagram_note`` is shown)."""
    kind = FORMATS.get(fmt.lower())
    if kind is None:
        raise ValueError(f"unknown report format {fmt!r}; choose md, html or json")
    if kind == "json":
        from toc.report.data import render_json

        return render_json(assessment, lang)
    from toc.report.content import build

    blocks = build(assessment, lang)
    if kind == "md":
        from toc.report.markdown import render_markdown

        return render_markdown(blocks)
    from toc.report.html import render_html

    return render_html(
        blocks, lang=lang or assessment.model.default_language, diagram=diagram, diagram_note=diagram_note
    )
