"""A model as the diff sees it: every element under its kind and id, and each value as plain data.

Nothing here names a field of the model. The kinds are the model's sections (``nodes`` →
``node``) and the lists of elements nested in an element (a node's ``indicators``); the
fields are whatever pydantic declares, so a field added to the model later is compared
without a change here. Values become plain data (text, numbers, lists, mappings keyed by the
names a file uses, ``from``/``to``), compared so that the order of a list means nothing
(``tags``, ``applies_to``, periods), except where it does (:data:`ORDERED`).
"""

from __future__ import annotations

import json
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel, StringConstraints

from toc.model import SECTIONS, Link, Model
from toc.model.base import ID_PATTERN, Element, LinkId

__all__ = [
    "ORDERED",
    "Entry",
    "entries",
    "kinds",
    "nested_fields",
    "plain",
    "reference_fields",
    "same",
    "singular",
    "top_fields",
]

ORDERED = frozenset({"languages"})
"""Lists whose order has a meaning (the first language is the default); every other list is
compared as a collection."""

_LINK_PATTERN = next(a.pattern for a in typing.get_args(LinkId) if isinstance(a, StringConstraints))
_REFERENCE_PATTERNS = frozenset({ID_PATTERN, _LINK_PATTERN})

_SINGULAR = {"evidence": "evidence", "harvest": "harvest", "indicators": "indicator"}


def singular(section: str) -> str:
    """``nodes`` → ``node``: the kind of the elements a list holds."""
    return _SINGULAR.get(section) or (section[:-1] if section.endswith("s") else section)


@dataclass(frozen=True, slots=True)
class Entry:
    """One element: its kind, the element, and the id of the element it sits in (an
    indicator's node), under the field name that holds it (``node``)."""

    kind: str
    element: BaseModel
    parent: tuple[str, str] | None = None


def _is_element_list(annotation: Any) -> bool:
    if typing.get_origin(annotation) is not list:
        return False
    (item,) = typing.get_args(annotation) or (None,)
    return isinstance(item, type) and issubclass(item, Element)


@cache
def nested_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """Fields of ``cls`` that hold elements of their own (a node's indicators)."""
    return tuple(name for name, f in cls.model_fields.items() if _is_element_list(f.annotation))


def _mentions_reference(annotation: Any) -> bool:
    if isinstance(annotation, StringConstraints):
        return annotation.pattern in _REFERENCE_PATTERNS
    return any(_mentions_reference(arg) for arg in typing.get_args(annotation))


@cache
def reference_fields(cls: type[BaseModel]) -> frozenset[str]:
    """Fields of ``cls`` (but ``id``) whose values are ids of other elements, found by their type
    (``Id``, ``LinkId``, lists of them): a renamed element is followed through them."""
    out = set()
    for name, info in cls.model_fields.items():
        if name == "id":
            continue
        # ``source: Id`` keeps its constraint in the metadata; ``list[LinkId]`` inside the type
        if _mentions_reference(info.annotation) or any(_mentions_reference(m) for m in info.metadata):
            out.add(name)
    return frozenset(out)


@cache
def _names(cls: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(attribute, the name a file uses) of each field: ``source`` is written ``from``."""
    return tuple((name, info.alias or name) for name, info in cls.model_fields.items())


def written_name(cls: type[BaseModel], attribute: str) -> str:
    return dict(_names(cls)).get(attribute, attribute)


def plain(value: Any) -> Any:
    """``value`` as plain data: models as mappings by the names a file uses, enums as their text."""
    if isinstance(value, BaseModel):
        return {key: plain(getattr(value, name)) for name, key in _names(type(value))}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def canonical(value: Any, ordered: bool = False) -> Any:
    """Plain data with every list (but an ordered one) sorted, for comparison."""
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [canonical(v) for v in value]
        return items if ordered else sorted(items, key=_key)
    if isinstance(value, float) and value == 0:
        return 0.0  # -0.0 is the same number (and YAML writes it as 0.0)
    return value


def same(a: Any, b: Any, ordered: bool = False) -> bool:
    """Whether two plain values mean the same (lists as collections unless ``ordered``)."""
    return bool(a == b or canonical(a, ordered) == canonical(b, ordered))


def content_key(data: Mapping[str, Any]) -> str:
    """Text that is equal for two elements with the same content (for finding renames)."""
    return _key(canonical(dict(data)))


def top_fields(model: Model) -> Iterator[tuple[str, Any]]:
    """The model's fields that are not lists of elements (``toc``, ``languages``, ``programme``)."""
    for name in type(model).model_fields:
        if name not in SECTIONS:
            yield name, getattr(model, name)


@cache
def kinds() -> tuple[str, ...]:
    """Every kind, in canonical order: each section's, then those nested in it (``indicator``
    after ``node``)."""
    out: list[str] = []
    for section in SECTIONS:
        out.append(singular(section))
        (cls,) = typing.get_args(Model.model_fields[section].annotation)
        out.extend(singular(field) for field in nested_fields(cls))
    return tuple(out)


def entries(model: Model) -> dict[str, dict[str, Entry]]:
    """Kind → id → entry, in canonical model order (a kind nested in another follows it)."""
    out: dict[str, dict[str, Entry]] = {kind: {} for kind in kinds()}
    for section in SECTIONS:
        kind = singular(section)
        table = out[kind]
        element: Element | Link
        for element in getattr(model, section):
            table[element.id] = Entry(kind, element)
            for field in nested_fields(type(element)):
                inner = out[singular(field)]
                parent = (kind, element.id)
                for child in getattr(element, field):
                    inner[child.id] = Entry(singular(field), child, parent)
    return out
