"""``load`` and ``loads``: from a YAML file to a validated :class:`~toc.model.Model`."""

from __future__ import annotations

import gc
import os
from array import array
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from pydantic import ValidationError

from toc.errors import LoadError, Location, Problem
from toc.io.errormap import locate_path, path_text, problems_from_validation
from toc.io.shapes import Flat, flatten
from toc.io.source import DEFAULT_MAX_BYTES, read_source
from toc.io.yamlread import Document, decode, read_yaml
from toc.model import FORMAT_VERSION, Model
from toc.model.references import check_model

__all__ = ["load", "load_bytes", "loads"]


def load(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Model:
    """Read a model file. Raises :class:`~toc.errors.LoadError` for anything wrong with it
    (also for a file larger than ``max_bytes``: :func:`toc.io.source.read_source`)."""
    name = os.fspath(path)
    return load_bytes(read_source(name, max_bytes), name)


def load_bytes(raw: bytes, file: str = "<bytes>") -> Model:
    return loads(decode(raw, file), file)


def loads(text: str, file: str = "<string>") -> Model:
    """Parse and validate model text; ``file`` is the name used in error locations.

    The cyclic garbage collector is paused while loading (and restored after, also on
    error): loading allocates millions of objects that are all still alive, so every
    collection it triggers is wasted work — for a 10k-node model it was ~4/5 of the
    time (docs/performance.md). Reference counting still frees everything as usual.
    """
    if not gc.isenabled():  # the caller paused it already
        return _loads(text, file)
    gc.disable()
    try:
        return _loads(text, file)
    finally:
        gc.enable()


def _loads(text: str, file: str) -> Model:
    doc = read_yaml(text, file)
    _check_version(doc)
    flat = flatten(doc)
    try:
        model = Model.model_validate(flat.data)
    except ValidationError as exc:
        raise LoadError(problems_from_validation(exc, doc, flat)) from None
    issues = check_model(model)
    if issues:
        raise LoadError(
            [
                Problem(
                    locate_path(doc, flat, issue.path),
                    issue.message,
                    issue.hint,
                    issue.rule,
                    path_text(issue.path),
                )
                for issue in issues
            ]
        )
    _record_locations(model, doc, flat)
    return model


def _whole(file: str, message: str, hint: str = "") -> LoadError:
    return LoadError([Problem(Location(file, 0, 0), message, hint)])


def _check_version(doc: Document) -> None:
    """Say plainly when a file is not a model at all, or from a newer format."""
    data = doc.data
    if not isinstance(data, dict):
        return  # flatten() reports it
    start = doc.location(data) or Location(doc.file, 1, 1)
    if "toc" not in data:
        raise LoadError(
            [
                Problem(
                    start,
                    "missing the format version",
                    f"a model file starts with 'toc: {FORMAT_VERSION}'",
                    path="toc",
                )
            ]
        )
    version = data["toc"]
    if version != FORMAT_VERSION and isinstance(version, int) and not isinstance(version, bool):
        where = doc.value_location(data, "toc") or start
        newer = version > FORMAT_VERSION
        raise LoadError(
            [
                Problem(
                    where,
                    f"format version {version} is not supported (this toc reads version {FORMAT_VERSION})",
                    "upgrade theory-of-change" if newer else f"write 'toc: {FORMAT_VERSION}'",
                    path="toc",
                )
            ]
        )


def _record_locations(model: Model, doc: Document, flat: Flat) -> None:
    elements: dict[str, Location] = {}
    fields = _FieldLocations(doc.file)
    for (section, i), origin in flat.origins.items():
        element = getattr(model, section)[i]
        _remember(doc, origin, element.id, elements, fields)
        if section == "nodes":
            indicators = origin.get("indicators") if isinstance(origin, dict) else None
            for j, indicator in enumerate(element.indicators):
                if isinstance(indicators, list) and j < len(indicators):
                    _remember(doc, indicators[j], indicator.id, elements, fields)
    top = {key: loc for key in doc.data if (loc := doc.key_location(doc.data, key)) is not None}
    model.set_locations(doc.file, elements, fields, top)


class _FieldLocations(Mapping[tuple[str, str], Location]):
    """(element id, key) → where the key was written, made on demand.

    Making a Location for every key of every element up front cost a third of the
    load time and ~400 MB for a 100k-node model; this keeps, per element, its keys and
    the reader's compact position array instead.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.records: dict[str, tuple[tuple[str, ...], array[int]]] = {}

    def add(self, ident: str, keys: tuple[str, ...], record: array[int]) -> None:
        self.records.setdefault(ident, (keys, record))

    def __getitem__(self, item: tuple[str, str]) -> Location:
        found = self._find(item)
        if found is None:
            raise KeyError(item)
        return found

    def get(self, item: tuple[str, str], default: Any = None) -> Any:
        """Without raising inside on a miss (``Mapping.get`` catches a KeyError: slow when most
        look-ups miss, as the rules' are)."""
        found = self._find(item)
        return default if found is None else found

    def _find(self, item: tuple[str, str]) -> Location | None:
        ident, field = item
        found = self.records.get(ident)
        if found is not None:
            keys, record = found
            if field in keys:
                i = keys.index(field)
                return Location(self.file, record[2 + 4 * i], record[3 + 4 * i])
        return None

    def positioner(
        self, elements: Mapping[str, Location]
    ) -> Callable[[str, str | None], tuple[str, int, int] | None]:
        """``(element id, key or None) → (file, line, column)``: the key's position, else the
        element's (``Model._positioner``). One call per finding, and no Location made for a key."""
        file, get, element = self.file, self.records.get, elements.get

        def locate(ident: str, field: str | None = None) -> tuple[str, int, int] | None:
            found = get(ident) if field is not None else None
            if found is None:
                return element(ident)  # a Location is a (file, line, column) tuple
            keys, record = found
            if field in keys:
                i = 2 + 4 * keys.index(field)
                return file, record[i], record[i + 1]
            return file, record[0], record[1]  # a key not written (undated, no rationale …): the element

        return locate

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for ident, (keys, _) in self.records.items():
            for key in keys:
                yield ident, key

    def __len__(self) -> int:
        return sum(len(keys) for keys, _ in self.records.values())


def _remember(
    doc: Document,
    origin: Any,
    ident: str,
    elements: dict[str, Location],
    fields: _FieldLocations,
) -> None:
    record = doc.positions.get(id(origin))
    if record is None or not isinstance(origin, dict):
        return
    if ident not in elements:
        elements[ident] = Location(doc.file, record[0], record[1])
    own = (len(record) - 2) // 4  # keys merged in with '<<' have no position of their own
    fields.add(ident, tuple(origin)[:own], record)
