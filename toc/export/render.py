"""``toc.render(model, path)``: pick the format from the file name, make the bytes, write them atomically.

Formats: ``dot``/``gv`` (Graphviz source), ``svg``/``png``/``pdf`` (laid out by the engine of
:mod:`toc.export.engine`, up to the size limit of :mod:`toc.export.limits`), ``mmd``
(Mermaid), ``md``/``csv``/``html`` (logframe matrix).
"""

from __future__ import annotations

import os
from pathlib import Path

from toc.export.errors import RenderError
from toc.export.options import Options
from toc.model import Model

__all__ = ["FORMATS", "LAYOUT_FORMATS", "format_for", "render", "render_bytes"]

LAYOUT_FORMATS = ("svg", "png", "pdf")
FORMATS = ("dot", "gv", *LAYOUT_FORMATS, "mmd", "md", "csv", "html")


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The output format: ``fmt`` if given, else the file's extension."""
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    if chosen == "mermaid":
        chosen = "mmd"
    if chosen not in FORMATS:
        where = f"format {fmt!r}" if fmt else f"file extension of {os.fspath(path)!r}"
        raise RenderError(f"unknown {where}; use one of: {', '.join(FORMATS)} (or pass --format)")
    return chosen


def render_bytes(model: Model, fmt: str, **options: object) -> bytes:
    """The model in ``fmt`` as bytes (text formats are UTF-8)."""
    fmt = format_for("", fmt)
    opts = Options.of(**options)
    kwargs = {k: v for k, v in vars(opts).items() if k not in ("engine", "max_size")}
    if fmt in ("dot", "gv"):
        from toc.export.dot import to_dot

        return to_dot(model, **kwargs).encode("utf-8")
    if fmt in LAYOUT_FORMATS:
        from toc.export.dot import view_dot
        from toc.export.engine import choose_engine, layout
        from toc.export.limits import check_layout_size
        from toc.export.view import build_view

        engine = choose_engine(opts.engine)  # before the work, so a missing engine fails fast
        if not opts.focused:  # the whole model is drawn: refuse before building the view
            check_layout_size(len(model.nodes) + len(model.links), opts.max_size, focused=False)
        view = build_view(model, opts.for_model(model.default_language))
        check_layout_size(len(view.nodes) + len(view.links), opts.max_size, opts.focused)
        return layout(view_dot(view), fmt, engine)
    if fmt == "mmd":
        from toc.export.mermaid import to_mermaid

        return to_mermaid(model, **kwargs).encode("utf-8")
    from toc.export import logframe

    writer = {"md": logframe.logframe_markdown, "csv": logframe.logframe_csv, "html": logframe.logframe_html}
    return writer[fmt](model, **kwargs).encode("utf-8")


def render(model: Model, path: str | os.PathLike[str], format: str | None = None, **options: object) -> Path:
    """Write the model to ``path`` in ``format`` (default: from the extension); return the path.

    Nothing is written unless the whole output was made: a failure leaves any existing
    file untouched and no partial file behind.
    """
    from toc.io.atomic import write_atomic

    data = render_bytes(model, format_for(path, format), **options)
    write_atomic(path, data)
    return Path(path)
