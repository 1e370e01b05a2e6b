"""The report formats of the registry (:data:`toc.formats.REPORT_WRITERS`): Markdown, HTML, JSON.

Each writer takes an :class:`~toc.assessment.assessment.Assessment` and one
:class:`ReportOptions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from toc.assessment.assessment import Assessment

__all__ = ["HTML", "JSON", "MARKDOWN", "HtmlWriter", "JsonWriter", "MarkdownWriter", "ReportOptions"]


@dataclass(frozen=True)
class ReportOptions:
    lang: str | None = None
    """Language of the report's words and of model text (default: the model's first)."""
    diagram: str | None = None
    """HTML only: SVG text of the diagram to embed."""
    diagram_note: str = ""
    """HTML only: why there is no diagram, shown in its place."""
    explorer: str | None = None
    """HTML only: the explorer page (toc.export.explorer) to embed instead of ``diagram``."""


class MarkdownWriter:
    binary: ClassVar[bool] = False
    options: ClassVar[type[ReportOptions]] = ReportOptions

    def write(self, subject: Assessment, options: ReportOptions) -> str:
        from toc.report.content import build
        from toc.report.markdown import render_markdown

        return render_markdown(build(subject, options.lang))


class HtmlWriter:
    binary: ClassVar[bool] = False
    options: ClassVar[type[ReportOptions]] = ReportOptions

    def write(self, subject: Assessment, options: ReportOptions) -> str:
        from toc.report.content import build
        from toc.report.html import render_html

        return render_html(
            build(subject, options.lang),
            lang=options.lang or subject.model.default_language,
            diagram=options.diagram,
            diagram_note=options.diagram_note,
            explorer=options.explorer,
        )


class JsonWriter:
    binary: ClassVar[bool] = False
    options: ClassVar[type[ReportOptions]] = ReportOptions

    def write(self, subject: Assessment, options: ReportOptions) -> str:
        from toc.report.data import render_json

        return render_json(subject, options.lang)


MARKDOWN = MarkdownWriter()
HTML = HtmlWriter()
JSON = JsonWriter()
