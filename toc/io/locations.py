"""The loader's :class:`~toc.model.locations.Locator`: where each element and each of its keys was
written, kept compact and turned into :class:`~toc.errors.Location` objects only when asked.

Per element it keeps its keys and the reader's position array (``[line, column, then key line,
key column, value line, value column per key]``), and nothing else: a Location per element, or
per key, made up front cost a third of the load time and hundreds of MB for a 100k-node model.
The key tuples are shared: most elements of one kind are written with the same keys.
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
        self.records: dict[str, tuple[tuple[str, ...], array[int]]] = {}
        self.top: dict[str, Location] = {}
        self._shared: dict[tuple[str, ...], tuple[str, ...]] = {}

    def add(self, ident: str, keys: tuple[str, ...], record: array[int]) -> None:
        """An element written as a mapping with these keys, at the reader's ``record``; the first
        element with an id keeps it (a duplicate id is a load error anyway)."""
        if ident not in self.records:
            self.records[ident] = (self._shared.setdefault(keys, keys), record)

    def add_key(self, key: str, location: Location) -> None:
        """A top-level key (``programme`` …), found like an element unless an element has its id."""
        self.top.setdefault(key, location)

    def locate(self, element_id: str, field: str | None = None) -> Location | None:
        found = self.records.get(element_id)
        if found is None:
            return self.top.get(element_id)
        keys, record = found
        i = _slot(keys, field)
        return Location(self.file, record[i], record[i + 1])

    def positions(self) -> Positions:
        """One call per finding, and no Location made for a key: the maps are read once here."""
        file, get, top = self.file, self.records.get, self.top.get

        def position(element_id: str, field: str | None = None) -> Position | None:
            found = get(element_id)
            if found is None:
                return top(element_id)  # a Location is a (file, line, column) tuple
            keys, record = found
            i = _slot(keys, field)
            return file, record[i], record[i + 1]

        return position


def _slot(keys: tuple[str, ...], field: str | None) -> int:
    """Where ``field``'s key is kept in a record: ``periods[2]`` at ``periods`` (one position
    per key is kept); a key not written (undated, no rationale …) at its element."""
    if field is not None and field not in keys:
        field = field.partition("[")[0]
    return 2 + 4 * keys.index(field) if field in keys else 0
