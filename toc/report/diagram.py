"""The diagram for the HTML report, from the diagram exporter, or the reason there is none.

Drawing needs a Graphviz engine; a report must not fail for want of one, so any
rendering error becomes a sentence the report prints where the diagram would be.
"""

from __future__ import annotations

from toc.model import Model

__all__ = ["diagram_svg"]


def diagram_svg(model: Model, lang: str | None = None) -> tuple[str | None, str]:
    """(SVG text, "") or (None, why not)."""
    try:
        from toc.export.render import render_bytes
    except ImportError:  # pragma: no cover - the exporter ships with the package
        return None, "the diagram exporter (toc.export.render) is not available"
    try:
        data = render_bytes(model, "svg", lang=lang)
    except Exception as exc:  # no Graphviz engine, or a layout failure: say so, do not fail the report
        message = str(exc).strip()
        return None, message.splitlines()[0] if message else type(exc).__name__
    return data.decode("utf-8"), ""
