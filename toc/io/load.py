"""``load`` and ``loads``: from a YAML file to a validated :class:`~toc.model.Model`."""

from __future__ import annotations

import os
from typing import Any

from pydantic import ValidationError

from toc.errors import LoadError, Location, Problem
from toc.gcpause import gc_paused
from toc.io.errormap import Placer, problems_from_validation
from toc.io.locations import SourceLocator
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
    with gc_paused():
        # the bytes and the text are passed on, never named here, so that each is freed as soon
        # as the next stage has it: a 100k-node file is 56 MB of each (docs/performance.md)
        return _model(read_yaml(decode(read_source(name, max_bytes), name), name))


def load_bytes(raw: bytes, file: str = "<bytes>") -> Model:
    """:func:`load` of bytes already read; the decoded text is freed once it is parsed."""
    with gc_paused():
        return _model(read_yaml(decode(raw, file), file))


def loads(text: str, file: str = "<string>") -> Model:
    """Parse and validate model text; ``file`` is the name used in error locations.

    The cyclic garbage collector is paused while loading (:func:`toc.gcpause.gc_paused`
    restores the caller's setting after, also on error): loading allocates millions of objects
    that are all still alive, so every collection it triggers is wasted work — for a 10k-node
    model it was ~4/5 of the time (docs/performance.md). Reference counting frees as usual.
    """
    with gc_paused():
        return _model(read_yaml(text, file))


def _model(doc: Document) -> Model:
    """Validate parsed data into a model, with every problem placed where it was written."""
    _check_version(doc)
    flat = flatten(doc)
    try:
        model = Model.model_validate(flat.data)
    except ValidationError as exc:
        raise LoadError(problems_from_validation(exc, doc, flat)) from None
    problems = check_model(model, Placer(doc, flat))
    if problems:
        raise LoadError(problems)
    _record_locations(model, doc, flat)
    return model


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
    """Hand the model a :class:`SourceLocator`: where each element, indicator and top-level key
    was written (elements written as mappings; keys merged in with ``<<`` have no place of their own)."""
    locator = SourceLocator(doc.file)
    positions = doc.positions
    for (section, i), origin in flat.origins.items():
        element = getattr(model, section)[i]
        _remember(locator, positions, origin, element.id)
        if section == "nodes":
            indicators = origin.get("indicators") if isinstance(origin, dict) else None
            if isinstance(indicators, list):
                for indicator, written in zip(element.indicators, indicators, strict=False):
                    _remember(locator, positions, written, indicator.id)
    for key in doc.data:
        loc = doc.key_location(doc.data, key)
        if loc is not None:
            locator.add_key(key, loc)
    model.set_locator(doc.file, locator)


def _remember(locator: SourceLocator, positions: dict[int, Any], origin: Any, ident: str) -> None:
    record = positions.get(id(origin))
    if record is None or not isinstance(origin, dict):
        return
    own = (len(record) - 2) // 4  # keys merged in with '<<' have no position of their own
    locator.add(ident, tuple(origin)[:own], record)
