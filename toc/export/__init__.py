"""Drawings and tables of a model: Graphviz DOT/SVG/PNG/PDF, Mermaid, the logframe matrix.

Nothing is imported here, so that ``import toc.export.engine`` (used by ``toc --version``)
stays cheap; a submodule is imported when first named (``toc.export.jupyter.register()``).
Use :func:`toc.to_dot` and :func:`toc.render`, or the modules directly:
:mod:`toc.export.dot`, :mod:`toc.export.mermaid`, :mod:`toc.export.logframe`,
:mod:`toc.export.render`, :mod:`toc.export.engine`.
"""

from typing import Any


def __getattr__(name: str) -> Any:
    from toc._submodules import import_submodule

    return import_submodule(__name__, name)
