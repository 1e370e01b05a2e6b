"""The loader's :class:`~toc.model.locations.Locator`: where each element and each of its keys was
written, kept compact and turned into :class:`~toc.errors.Location` objects only when asked.

Making a Location for every key of every element up front cost a third of the load time and
~400 MB for a 100k-node model; this keeps, per element, its keys and the reader's position array
(``[line, column, then key line, key column, value line, value column per key]``) instead.
"""

from __future__ import annotations

from array import array

from toc.errors import Location
from toc.model.locations import Position, Positions

__all__ = ["SourceLocator"]


class SourceLocator:
    """Element id → where it was written; (element id, key) → where the key was written."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.elements: dict[str, Location] = {}
        self.records: dict[str, tuple[tuple[str, ...], array[int]]] = {}

    def add(self, ident: str, keys: tuple[str, ...], record: array[int]) -> None:
        """An element written as a mapping with these keys, at the reader's ``record``; the first
        element with an id keeps it (a duplicate id is a load error anyway)."""
        if ident not in self.elements:
            self.elements[ident] = Location(self.file, record[0], record[1])
        self.records.setdefault(ident, (keys, record))

    def add_key(self, key: str, location: Location) -> None:
        """A top-level key (``programme`` …), found like an element unless an element has its id."""
        self.elements.setdefault(key, location)

    def locate(self, element_id: str, field: str | None = None) -> Location | None:
        if field is not None:
            found = self.records.get(element_id)
            if found is not None:
                keys, record = found
                if field in keys:
                    i = 2 + 4 * keys.index(field)
                    return Location(self.file, record[i], record[i + 1])
        return self.elements.get(element_id)

    def positions(self) -> Positions:
        """One call per finding, and no Location made for a key: the maps are read once here."""
        file, get, element = self.file, self.records.get, self.elements.get

        def position(element_id: str, field: str | None = None) -> Position | None:
            found = get(element_id) if field is not None else None
            if found is None:
                return element(element_id)  # a Location is a (file, line, column) tuple
            keys, record = found
            if field in keys:
                i = 2 + 4 * keys.index(field)
                return file, record[i], record[i + 1]
            return file, record[0], record[1]  # a key not written (undated, no rationale …): the element

        return position
