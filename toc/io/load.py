"""``load`` and ``loads``: from a YAML file to a validated :class:`~toc.model.Model`."""

from __future__ import annotations

import os
from typing import Any

from pydantic import ValidationError

from toc.errors import LoadError, Location, Problem
from toc.io.errormap import locate_path, path_text, problems_from_validation
from toc.io.shapes import Flat, flatten
from toc.io.yamlread import Document, decode, read_yaml
from toc.model import FORMAT_VERSION, Model
from toc.model.references import check_model

__all__ = ["load", "load_bytes", "loads"]


def load(path: str | os.PathLike[str]) -> Model:
    """Read a model file. Raises :class:`~toc.errors.LoadError` for anything wrong with it."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise _whole(name, "no such file", "check the path") from None
    except IsADirectoryError:
        raise _whole(name, "is a directory, not a model file") from None
    except OSError as exc:
        raise _whole(name, f"cannot be read: {exc.strerror or exc}") from None
    return load_bytes(raw, name)


def load_bytes(raw: bytes, file: str = "<bytes>") -> Model:
    return loads(decode(raw, file), file)


def loads(text: str, file: str = "<string>") -> Model:
    """Parse and validate model text; ``file`` is the name used in error locations."""
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
    fields: dict[tuple[str, str], Location] = {}
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


def _remember(
    doc: Document,
    origin: Any,
    ident: str,
    elements: dict[str, Location],
    fields: dict[tuple[str, str], Location],
) -> None:
    loc = doc.location(origin)
    if loc is None:
        return
    elements.setdefault(ident, loc)
    for key, key_loc in doc.field_locations(origin).items():
        fields.setdefault((ident, key), key_loc)
