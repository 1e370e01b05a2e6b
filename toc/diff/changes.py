"""What changed between two models, element by element and field by field.

Elements are matched by kind and id. A link without an explicit id is called ``FROM->TO``, so
links match by their two ends. An element only in the old model whose content (every field
but the id) equals that of one only in the new model was **renamed**; from then on, the old
id is read as the new one wherever the old model refers to it (a renamed node's links, an
assumption naming a renamed link), so one rename is one change, not a cascade. Kinds are
compared in canonical order, so references are followed forwards (a node before the links and
assumptions that name it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from toc.diff.elements import (
    ORDERED,
    Entry,
    content_key,
    entries,
    kinds,
    nested_fields,
    plain,
    reference_fields,
    same,
    top_fields,
    written_name,
)
from toc.model import Model

__all__ = ["Change", "ChangeKind", "Renames", "changes", "set_fields"]

ChangeKind = Literal["added", "removed", "changed", "renamed"]


@dataclass(frozen=True, slots=True)
class Change:
    """One change: an element ``added``, ``removed`` or ``renamed`` (``field`` is None; ``old``
    and ``new`` are the element's data, or its two ids for a rename), or one field of it
    ``changed`` (``field`` is a dotted path such as ``label.en`` or ``period.end``; ``old`` and
    ``new`` are plain data, None where absent)."""

    change: ChangeKind
    kind: str
    id: str
    field: str | None
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        return {
            "change": self.change,
            "kind": self.kind,
            "id": self.id,
            "field": self.field,
            "old": self.old,
            "new": self.new,
        }


class Renames:
    """Old id → new id of the renamed elements, and the old model's references read through it."""

    def __init__(self) -> None:
        self.map: dict[str, str] = {}

    def __bool__(self) -> bool:
        return bool(self.map)

    def id(self, value: str) -> str:
        found = self.map.get(value)
        if found is not None:
            return found
        if "->" in value:  # a link's default id names its two ends
            start, _, end = value.partition("->")
            return f"{self.map.get(start, start)}->{self.map.get(end, end)}"
        return value

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.id(value)
        if isinstance(value, list):
            return [self.value(v) for v in value]
        return value


def _data(entry: Entry, renames: Renames | None = None) -> dict[str, Any]:
    """The element's fields as plain data (nested elements left out: they are compared on their
    own), with its parent under the parent kind's name, references read through ``renames``."""
    element = entry.element
    cls = type(element)
    skip = nested_fields(cls)
    refs = reference_fields(cls) if renames else frozenset()
    out: dict[str, Any] = {}
    for name in cls.model_fields:
        if name in skip:
            continue
        value = plain(getattr(element, name))
        out[written_name(cls, name)] = renames.value(value) if name in refs and renames else value
    if entry.parent is not None:
        kind, parent = entry.parent
        out[kind] = renames.id(parent) if renames else parent
    return out


Languages = tuple[str | None, str | None]
"""The default languages of the old and the new model."""


def _fields(
    kind: str, eid: str, path: str, old: Any, new: Any, langs: Languages = (None, None)
) -> Iterator[Change]:
    """The changes between two plain values of one field, into mappings (``label.en``). Text in
    one language against text in several is compared language by language: a plain string is
    in its model's default language."""
    if isinstance(old, str) and isinstance(new, dict) and langs[0]:
        old = {langs[0]: old}
    elif isinstance(new, str) and isinstance(old, dict) and langs[1]:
        new = {langs[1]: new}
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            yield from _fields(kind, eid, f"{path}.{key}", old.get(key), new.get(key), langs)
        return
    if same(old, new, ordered=path in ORDERED):
        return
    if _records(old) and _records(new) and len(old) == len(new):  # periods: item by item
        for at, (a, b) in enumerate(zip(old, new, strict=True)):
            yield from _fields(kind, eid, f"{path}[{at}]", a, b, langs)
        return
    yield Change("changed", kind, eid, path, old, new)


def _records(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def _compare(old: Entry, new: Entry, renames: Renames, langs: Languages) -> Iterator[Change]:
    if not renames and old.element == new.element and old.parent == new.parent:
        return  # the common case, decided by pydantic's comparison in C
    before, after = _data(old, renames), _data(new)
    for key, value in after.items():
        if key != "id":
            eid = new.element.id  # type: ignore[attr-defined]
            yield from _fields(new.kind, eid, key, before.get(key), value, langs)


def set_fields(entry: Entry) -> dict[str, Any]:
    """An added or removed element's data: the fields it sets (defaults and empty lists left out)."""
    element = entry.element
    cls = type(element)
    data = _data(entry)
    defaults = {
        written_name(cls, n): f.get_default(call_default_factory=True) for n, f in cls.model_fields.items()
    }
    return {k: v for k, v in data.items() if k == "id" or v != plain(defaults.get(k, ...))}


def _top(old: Model, new: Model, langs: Languages) -> Iterator[Change]:
    """The model's own fields: ``languages`` (kind ``model``, id ``""``) and ``programme`` (kind
    ``programme``, its new id; compared field by field, its id too)."""
    news = dict(top_fields(new))
    for name, value in top_fields(old):
        before, after = plain(value), plain(news[name])
        if isinstance(value, BaseModel):
            eid = str(getattr(news[name], "id", ""))
            for key in [*after, *(k for k in before if k not in after)]:
                yield from _fields(name, eid, key, before.get(key), after.get(key), langs)
        else:
            yield from _fields("model", "", written_name(Model, name), before, after)


def changes(old: Model, new: Model) -> tuple[list[Change], dict[str, str]]:
    """Every change from ``old`` to ``new``, and the renames found (old id → new id).

    Order: the model's own fields, then kind by kind in canonical order: renames, then the
    changed and added elements in the new model's order, then the removed in the old one's."""
    langs = (old.default_language, new.default_language)
    out = list(_top(old, new, langs))
    renames = Renames()
    before, after = entries(old), entries(new)
    for kind in kinds():
        olds = {renames.id(eid): entry for eid, entry in before[kind].items()} if renames else before[kind]
        news = after[kind]
        added = [eid for eid in news if eid not in olds]
        removed = [eid for eid in olds if eid not in news]
        renamed = _renames(olds, news, added, removed, renames)
        for old_id, new_id in renamed.items():
            original = _original(olds[old_id])
            out.append(Change("renamed", kind, new_id, None, original, new_id))
            renames.map[original] = new_id
        gone = set(renamed)
        came = set(renamed.values())
        for eid, entry in news.items():
            if eid in came:
                continue
            if eid in olds:
                out.extend(_compare(olds[eid], entry, renames, langs))
            else:
                out.append(Change("added", kind, eid, None, None, set_fields(entry)))
        for eid in removed:
            if eid not in gone:
                out.append(Change("removed", kind, _original(olds[eid]), None, set_fields(olds[eid]), None))
    return out, dict(renames.map)


def _original(entry: Entry) -> str:
    return entry.element.id  # type: ignore[attr-defined, no-any-return]


def _renames(
    olds: Mapping[str, Entry],
    news: Mapping[str, Entry],
    added: list[str],
    removed: list[str],
    renames: Renames,
) -> dict[str, str]:
    """Removed id → added id, for elements of equal content (pairs in model order)."""
    if not added or not removed:
        return {}
    pool: dict[str, list[str]] = {}
    for eid in added:
        data = _data(news[eid])
        del data["id"]
        pool.setdefault(content_key(data), []).append(eid)
    found: dict[str, str] = {}
    for eid in removed:
        data = _data(olds[eid], renames)
        del data["id"]
        candidates = pool.get(content_key(data))
        if candidates:
            found[eid] = candidates.pop(0)
    return found
