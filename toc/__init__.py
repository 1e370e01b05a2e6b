"""theory-of-change: a programme's theory of change and logframe as a typed, checkable graph.

>>> import toc
>>> model = toc.load("models/vvsg_2017_2019.yaml")      # doctest: +SKIP
>>> graph = toc.TocGraph(model)                         # doctest: +SKIP

Loading needs only pydantic and PyYAML; the graph (networkx), the rules and the
renderers are imported when first used, so that ``toc --version`` and a plain
load stay fast.
"""

from __future__ import annotations

import importlib as _importlib
import os as _os
import sys as _sys
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from toc._version import __version__
from toc.errors import LoadError, Location, Problem

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from toc.assessment.assessment import Assessment
    from toc.diff import Diff, diff
    from toc.export.options import Options, RenderKeywords
    from toc.formats import dump, load
    from toc.graph import TocGraph
    from toc.io.load import load_bytes, loads
    from toc.io.write import dumps
    from toc.model import Model

__all__ = [
    "Assessment",
    "Diff",
    "LoadError",
    "Location",
    "Model",
    "Problem",
    "TocGraph",
    "__version__",
    "assess",
    "diff",
    "dump",
    "dumps",
    "load",
    "load_bytes",
    "loads",
    "render",
    "schema",
    "to_dot",
]

_LAZY = {
    "Assessment": ("toc.assessment.assessment", "Assessment"),
    "Diff": ("toc.diff", "Diff"),
    "diff": ("toc.diff", "diff"),
    "Model": ("toc.model", "Model"),
    "TocGraph": ("toc.graph", "TocGraph"),
    "dump": ("toc.formats", "dump"),
    "dumps": ("toc.io.write", "dumps"),
    "load": ("toc.formats", "load"),
    "load_bytes": ("toc.io.load", "load_bytes"),
    "loads": ("toc.io.load", "loads"),
}
"""Public names imported on first use: ``import toc`` (and ``toc --version``) loads neither
pydantic nor networkx nor Graphviz."""


class AssessKeywords(TypedDict, total=False):
    """The options of :func:`assess` (see :func:`toc.assessment.assessment.assess`)."""

    default_prior: float
    """Prior of a claim that records none (0.5)."""
    untyped: str
    """Evidence with neither probabilities nor a test type: ``straw-in-the-wind`` or ``exclude``."""
    threshold: float
    """Claims whose posterior is below this are flagged (0.5)."""
    as_of: date | None
    """Date for indicator status (default: the model's newest dated source)."""


def assess(model: Model, **options: Unpack[AssessKeywords]) -> Assessment:
    """What the evidence and indicators say about the model: statuses, posteriors (contribution
    tracing), triangulation, confidence along pathways, indicator progress, harvest."""
    from toc.assessment.assessment import assess as _assess

    return _assess(model, **options)


def schema() -> dict[str, Any]:
    """The JSON Schema of the file format."""
    from toc.io.schema import json_schema

    return json_schema()


def to_dot(model: Model, options: Options | None = None, **keywords: Unpack[RenderKeywords]) -> str:
    """Graphviz DOT text of the model: ``options`` (a :class:`toc.export.options.Options`) and/or
    its fields as keywords (``lang="nl"``, ``direction="LR"`` …; a keyword wins)."""
    from toc.export.dot import to_dot as _to_dot
    from toc.export.options import Options as _Options

    chosen = _Options.of(options, **keywords)
    return _to_dot(model, **{k: v for k, v in vars(chosen).items() if k != "engine"})


def render(
    model: Model,
    path: str | _os.PathLike[str],
    format: str | None = None,
    options: Options | None = None,
    **keywords: Unpack[RenderKeywords],
) -> Path:
    """Write the model as a diagram (dot, svg, png, pdf, mmd) or logframe (md, csv, html);
    options as for :func:`to_dot`. The format comes from ``format``, else the file extension."""
    from toc.export.render import render as _render

    return _render(model, path, format, options, **keywords)


if "IPython" in _sys.modules:  # a notebook: show models as their diagram (toc.export.jupyter)
    from toc.export.jupyter import register as _register_jupyter

    _register_jupyter()


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        return getattr(_importlib.import_module(module), attr)
    from toc._submodules import import_submodule

    # ``toc.export.jupyter.register()`` after a plain ``import toc`` (docs/diagrams.md).
    return import_submodule(__name__, name)


def __dir__() -> list[str]:
    """The public names only (``dir(toc)``), not the modules the facade uses."""
    return sorted(__all__)
