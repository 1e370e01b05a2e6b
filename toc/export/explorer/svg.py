"""The explorer's diagram: the Graphviz SVG the project draws, with ``data-id`` on every element.

The DOT is the one :mod:`toc.export.dot` writes, with Graphviz ids on results, links and the
cell of each assumption (:class:`~toc.export.dot.ElementIds`); after layout each id becomes
``data-id="<model id>"`` and every other id, comment and the XML prolog is dropped, so the SVG
can sit inline in HTML, once per language.

Above :data:`~toc.export.limits.LAYOUT_LIMIT` results + links, ``dot`` is asked for less
effort (:data:`FAST_LAYOUT`): the layout of a 1,000-result model took 20.5 s of CPU with
Graphviz's defaults and 2.6 s so (docs/performance.md).
"""

from __future__ import annotations

import html
import re

from toc.export.dot import ElementIds, view_dot
from toc.export.engine import Engine, layout
from toc.export.limits import LAYOUT_LIMIT
from toc.export.options import Options
from toc.model import Model

__all__ = ["FAST_LAYOUT", "diagram_svg", "inline", "large"]

FAST_LAYOUT = 'mclimit=0.1, nslimit=0.2, nslimit1=0.2, searchsize=10, remincross="false"'
"""Graph attributes for large models: fewer crossing-minimisation and network-simplex iterations
(ranking and placement), a shorter search for the simplex's entering edge, and no final pass
of crossing minimisation."""

_PROLOG = re.compile(r"<\?xml.*?\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.DOTALL)
_ID = re.compile(r' id="([^"]*)"')
_SIZE = re.compile(r'<svg width="[^"]*" height="[^"]*"')


def large(model: Model) -> bool:
    """Whether the model is above the layout limit, so that it is laid out with less effort."""
    return len(model.nodes) + len(model.links) > LAYOUT_LIMIT


def diagram_svg(model: Model, options: Options, engine: Engine, lang: str) -> str:
    """The laid-out diagram in ``lang``, ready to sit inline in the page."""
    from toc.export.view import build_view

    ids = ElementIds()
    dot = view_dot(build_view(model, options.for_model(lang)), ids)
    if large(model):
        dot = dot.replace("digraph toc {", f"digraph toc {{\n  graph [{FAST_LAYOUT}]", 1)
    svg = layout(dot, "svg", engine).decode("utf-8")
    return inline(svg, ids.model_ids, lang)


def inline(svg: str, model_ids: dict[str, str], lang: str) -> str:
    """Graphviz's SVG made ready to sit in HTML: Graphviz ids → ``data-id`` (``model_ids``),
    other ids, comments and the prolog dropped."""
    svg = _PROLOG.sub("", svg).strip()
    # a group, not an image: an image's children are hidden from assistive technology, and
    # these are buttons
    svg = _SIZE.sub(
        f'<svg class="toc-diagram" data-lang="{html.escape(lang)}" role="group" width="100%" height="100%"',
        svg,
        count=1,
    )

    bare = set(_ID.findall(svg))

    def data_id(match: re.Match[str]) -> str:
        token = match.group(1)
        if token.startswith("a_"):  # a tooltip's anchor: the element itself when it is a table cell
            token = token[2:]
            if token in bare:
                return ""
        model_id = model_ids.get(token)
        return "" if model_id is None else f' data-id="{html.escape(model_id)}"'

    return _ID.sub(data_id, svg)
