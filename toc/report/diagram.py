"""The diagram for the HTML report, from the diagram exporter, or the reason there is none.

Drawing needs a Graphviz engine; a report must not fail for want of one, so any
rendering error becomes a sentence the report prints where the diagram would be. A model
larger than the layout limit (toc.export.limits) is not laid out at all: the report says so
there and names the focused views that can be drawn instead.

``toc report -o report.html`` embeds the interactive explorer (:func:`diagram_explorer`,
with the report's own assessment); :func:`diagram_svg` is the static picture.
"""

from __future__ import annotations

from toc.assessment import Assessment
from toc.export.limits import DiagramTooLarge, SizeLimit
from toc.model import Model

__all__ = ["diagram_explorer", "diagram_svg"]


def _too_large(exc: DiagramTooLarge) -> str:
    return (
        f"The diagram is left out: the model has {exc.size:,} results and links, more than the "
        f"{exc.limit:,} a layout is made for (Graphviz would take many minutes and gigabytes). "
        "Draw part of it with toc render --focus NODE, --pathway ID or --at-risk ASSUMPTION, "
        "or all of it as text (toc render -o model.dot or model.mmd)."
    )


def _failure(exc: Exception) -> str:
    message = str(exc).strip()
    return message.splitlines()[0] if message else type(exc).__name__


def diagram_svg(
    model: Model, lang: str | None = None, max_size: SizeLimit = "default"
) -> tuple[str | None, str]:
    """(SVG text, "") or (None, why not). ``max_size``: most results + links to lay out
    (None: no limit)."""
    from toc.export.render import render_bytes

    try:
        data = render_bytes(model, "svg", lang=lang, max_size=max_size)
    except DiagramTooLarge as exc:
        return None, _too_large(exc)
    except Exception as exc:  # no Graphviz engine, or a layout failure: say so, do not fail the report
        return None, _failure(exc)
    return data.decode("utf-8"), ""


def diagram_explorer(
    assessment: Assessment, lang: str | None = None, max_size: SizeLimit = "default"
) -> tuple[str | None, str]:
    """(the explorer page, "") or (None, why not), for this assessment. ``max_size`` as
    ``toc render --format explorer`` takes it (toc.export.limits.explorer_limit)."""
    from toc.export.engine import choose_engine
    from toc.export.explorer.page import explorer_html
    from toc.export.limits import check_layout_size, explorer_limit
    from toc.export.options import Options

    model = assessment.model
    try:
        choose_engine()
        check_layout_size(len(model.nodes) + len(model.links), explorer_limit(max_size), focused=False)
        return explorer_html(assessment, Options(lang=lang)), ""
    except DiagramTooLarge as exc:
        return None, _too_large(exc)
    except Exception as exc:  # as for the picture: the report is written all the same
        return None, _failure(exc)
