"""The diagram for the HTML report, from the diagram exporter, or the reason there is none.

Drawing needs a Graphviz engine; a report must not fail for want of one, so any
rendering error becomes a sentence the report prints where the diagram would be. A model
larger than the layout limit (toc.export.limits) is not laid out at all: the report says so
there and names the focused views that can be drawn instead.
"""

from __future__ import annotations

from toc.export.limits import LAYOUT_LIMIT, DiagramTooLarge
from toc.model import Model

__all__ = ["diagram_svg"]


def diagram_svg(
    model: Model, lang: str | None = None, max_size: int | None = LAYOUT_LIMIT
) -> tuple[str | None, str]:
    """(SVG text, "") or (None, why not). ``max_size``: most results + links to lay out
    (None: no limit)."""
    from toc.export.render import render_bytes

    try:
        data = render_bytes(model, "svg", lang=lang, max_size=max_size)
    except DiagramTooLarge as exc:
        return None, (
            f"The diagram is left out: the model has {exc.size:,} results and links, more than the "
            f"{exc.limit:,} a layout is made for (Graphviz would take many minutes and gigabytes). "
            "Draw part of it with toc render --focus NODE, --pathway ID or --at-risk ASSUMPTION, "
            "or all of it as text (toc render -o model.dot or model.mmd)."
        )
    except Exception as exc:  # no Graphviz engine, or a layout failure: say so, do not fail the report
        message = str(exc).strip()
        return None, message.splitlines()[0] if message else type(exc).__name__
    return data.decode("utf-8"), ""
