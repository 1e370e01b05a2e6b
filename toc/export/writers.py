"""The render formats of the registry (:data:`toc.formats.RENDER_WRITERS`): one writer object each.

Every writer takes the model and one :class:`~toc.export.options.Options`; the diagram
itself is made by :mod:`toc.export.dot`, :mod:`toc.export.mermaid` or
:mod:`toc.export.logframe`, imported only when its format is asked for.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import ClassVar

from toc.export.options import Options
from toc.model import Model

__all__ = [
    "DOT",
    "EXPLORER",
    "LOGFRAME_CSV",
    "LOGFRAME_HTML",
    "LOGFRAME_MD",
    "MERMAID",
    "PDF",
    "PNG",
    "SVG",
    "DotWriter",
    "ExplorerWriter",
    "LayoutWriter",
    "TextWriter",
]


def _drawing(options: Options) -> dict[str, object]:
    """What the drawing functions take: every option but the layout engine and its size limit."""
    skip = ("engine", "max_size")
    return {f.name: getattr(options, f.name) for f in dataclasses.fields(options) if f.name not in skip}


class DotWriter:
    """Graphviz source."""

    binary: ClassVar[bool] = False
    options: ClassVar[type[Options]] = Options

    def write(self, subject: Model, options: Options) -> str:
        from toc.export.dot import to_dot

        return to_dot(subject, **_drawing(options))


class LayoutWriter:
    """A diagram laid out by Graphviz (SVG, PNG, PDF), refused above the size limit of
    :mod:`toc.export.limits` (layout time grows far faster than the model)."""

    binary: ClassVar[bool] = True
    options: ClassVar[type[Options]] = Options

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt

    def write(self, subject: Model, options: Options) -> bytes:
        from toc.export.dot import view_dot
        from toc.export.engine import choose_engine, layout
        from toc.export.limits import check_layout_size, layout_limit
        from toc.export.view import build_view

        engine = choose_engine(options.engine)  # before the work, so a missing engine fails fast
        limit = layout_limit(options.max_size)
        if not options.focused:  # the whole model is drawn: refuse before building the view
            check_layout_size(len(subject.nodes) + len(subject.links), limit, focused=False)
        view = build_view(subject, options.for_model(subject.default_language))
        check_layout_size(len(view.nodes) + len(view.links), limit, options.focused)
        return layout(view_dot(view), self.fmt, engine)


class ExplorerWriter:
    """The interactive explorer (one self-contained HTML file, :mod:`toc.export.explorer`): the
    whole model is drawn; focused views are for the static formats. Models above the layout
    limit are laid out with less effort, up to :data:`~toc.export.limits.EXPLORER_LIMIT`
    results + links unless ``max_size`` says otherwise."""

    binary: ClassVar[bool] = False
    options: ClassVar[type[Options]] = Options

    def write(self, subject: Model, options: Options) -> str:
        from toc.assessment import assess
        from toc.export.engine import choose_engine
        from toc.export.explorer.page import explorer_html
        from toc.export.limits import check_layout_size, explorer_limit

        choose_engine(options.engine)  # before the work, so a missing engine fails fast
        size = len(subject.nodes) + len(subject.links)
        check_layout_size(size, explorer_limit(options.max_size), focused=False)
        return explorer_html(assess(subject), options)


class TextWriter:
    """A text format made by one function of the model and the drawing options."""

    binary: ClassVar[bool] = False
    options: ClassVar[type[Options]] = Options

    def __init__(self, module: str, function: str) -> None:
        self.module = module
        self.function = function

    def write(self, subject: Model, options: Options) -> str:
        import importlib

        make: Callable[..., str] = getattr(importlib.import_module(self.module), self.function)
        return make(subject, **_drawing(options))


DOT = DotWriter()
EXPLORER = ExplorerWriter()
SVG = LayoutWriter("svg")
PNG = LayoutWriter("png")
PDF = LayoutWriter("pdf")
MERMAID = TextWriter("toc.export.mermaid", "to_mermaid")
LOGFRAME_MD = TextWriter("toc.export.logframe", "logframe_markdown")
LOGFRAME_CSV = TextWriter("toc.export.logframe", "logframe_csv")
LOGFRAME_HTML = TextWriter("toc.export.logframe", "logframe_html")
