"""``toc.render(model, path)``: pick the format from the file name, make the bytes, write them atomically.

The formats are the render room of the registry (:data:`toc.formats.RENDER_WRITERS`):
``dot``/``gv`` (Graphviz source), ``svg``/``png``/``pdf`` (laid out by the engine of
:mod:`toc.export.engine`, up to the size limit of :mod:`toc.export.limits`), ``mmd``
(Mermaid), ``md``/``csv``/``html`` (logframe matrix), ``explorer`` (the interactive HTML page
of :mod:`toc.export.explorer`, named by ``--format``: its file is ``.html`` too).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Unpack

from toc.export.errors import RenderError
from toc.export.options import Options, RenderKeywords
from toc.formats import RENDER_WRITERS
from toc.model import Model

__all__ = ["FORMATS", "LAYOUT_FORMATS", "format_for", "render", "render_bytes"]

LAYOUT_FORMATS = ("svg", "png", "pdf")
FORMATS = tuple(name for fmt in RENDER_WRITERS.formats for name in (fmt.name, *fmt.aliases))
"""Every name ``--format`` accepts (from the registry)."""


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The output format: ``fmt`` if given, else the file's extension."""
    found = RENDER_WRITERS.find(fmt) if fmt else RENDER_WRITERS.for_path(path)
    if found is None:
        where = f"format {fmt!r}" if fmt else f"file extension of {os.fspath(path)!r}"
        raise RenderError(f"unknown {where}; use one of: {', '.join(FORMATS)} (or pass --format)")
    return found.name


def render_bytes(
    model: Model, fmt: str, options: Options | None = None, **keywords: Unpack[RenderKeywords]
) -> bytes:
    """The model in ``fmt`` as bytes (text formats are UTF-8); ``keywords`` override ``options``."""
    writer = RENDER_WRITERS.named(format_for("", fmt)).load()
    data = writer.write(model, Options.of(options, **keywords))
    return data.encode("utf-8") if isinstance(data, str) else data


def render(
    model: Model,
    path: str | os.PathLike[str],
    format: str | None = None,
    options: Options | None = None,
    **keywords: Unpack[RenderKeywords],
) -> Path:
    """Write the model to ``path`` in ``format`` (default: from the extension); return the path.

    Nothing is written unless the whole output was made: a failure leaves any existing
    file untouched and no partial file behind.
    """
    from toc.io.atomic import write_atomic

    data = render_bytes(model, format_for(path, format), options, **keywords)
    write_atomic(path, data)
    return Path(path)
