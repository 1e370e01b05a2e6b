"""Where a model's elements were written: the one typed way a reader tells the model, and the model
tells the rules engine.

A reader hands the model a :class:`Locator` (``Model.set_locator``); the model answers
``model.locate(id, field)`` and gives the engine ``model.positions()``, the fast form for one
look-up per finding. :class:`MapLocator` is the plain implementation over two dictionaries; the
YAML loader has its own, which makes no :class:`~toc.errors.Location` until one is asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from toc.errors import Location

__all__ = ["Locator", "MapLocator", "Position", "Positions"]

Position = tuple[str, int, int] | tuple[str, int, int, str]
"""``(file, line, column)``, or ``(file, row, column, sheet)`` in a workbook; a
:class:`~toc.errors.Location` is one too."""
Positions = Callable[[str, str | None], Position | None]
"""``(element id, key or None) → position``: the key's, else the element's, else None."""


class Locator(Protocol):
    """Where each element, and each key an element was written with, stands in the source."""

    def locate(self, element_id: str, field: str | None = None) -> Location | None:
        """Where the element's ``field`` was written, else the element itself, else None."""
        ...

    def positions(self) -> Positions:
        """:meth:`locate` as a function for many look-ups, answering plain ``(file, line, column)``
        tuples (a finding needs no more). It may read its maps once: call it after loading."""
        ...


class MapLocator:
    """A :class:`Locator` over an element map and a field map (for models built in Python, and
    readers with nothing faster)."""

    def __init__(
        self,
        elements: Mapping[str, Location] | None = None,
        fields: Mapping[tuple[str, str], Location] | None = None,
    ) -> None:
        self.elements: Mapping[str, Location] = elements or {}
        self.fields: Mapping[tuple[str, str], Location] = fields or {}

    def locate(self, element_id: str, field: str | None = None) -> Location | None:
        if field is not None:
            found = self.fields.get((element_id, field))
            if found is not None:
                return found
        return self.elements.get(element_id)

    def positions(self) -> Positions:
        elements, fields = self.elements.get, self.fields.get

        def position(element_id: str, field: str | None = None) -> Position | None:
            found = fields((element_id, field)) if field is not None else None
            return elements(element_id) if found is None else found

        return position
