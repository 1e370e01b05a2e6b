"""Show a :class:`~toc.model.Model` as its diagram in Jupyter, without the model knowing.

``import toc`` calls :func:`register` only when IPython is already imported (a notebook or
IPython shell), so plain scripts never pay for it. In a session where ``toc`` was imported
before IPython, call ``toc.export.jupyter.register()`` yourself.
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["model_svg", "register"]


def model_svg(model: Any) -> str | None:
    """The SVG of the whole model, or None (IPython then shows the next representation)
    when no Graphviz engine is installed or the drawing fails."""
    from toc.export.errors import RenderError
    from toc.export.render import render_bytes

    try:
        return render_bytes(model, "svg").decode("utf-8")
    except RenderError:
        return None


def register(shell: Any = None) -> bool:
    """Register the SVG formatter on ``shell`` (default: the running IPython); True if done.

    ``for_type_by_name`` names the class by module path, so the model module is not even
    imported here.
    """
    if shell is None:
        ipython = sys.modules.get("IPython")
        get = getattr(ipython, "get_ipython", None)
        shell = get() if get is not None else None
    if shell is None:
        return False
    formatter = shell.display_formatter.formatters["image/svg+xml"]
    formatter.for_type_by_name("toc.model.root", "Model", model_svg)
    return True
