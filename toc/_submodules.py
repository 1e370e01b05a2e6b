"""Submodules reachable as attributes of their package without importing them first.

``import toc`` then ``toc.export.jupyter.register()`` is what the docs show; Python only sets
``toc.export`` once something has imported it. A package's ``__getattr__`` calls
:func:`import_submodule`, so the documented spelling works while ``import toc`` stays cheap.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["import_submodule"]


def import_submodule(package: str, name: str) -> ModuleType:
    """``package.name`` imported, or the ``AttributeError`` Python would have raised."""
    if not name.startswith("_"):
        qualified = f"{package}.{name}"
        try:
            return importlib.import_module(qualified)
        except ModuleNotFoundError as exc:
            if exc.name != qualified:  # the submodule exists but needs something missing
                raise
    raise AttributeError(f"module {package!r} has no attribute {name!r}")
