"""Pydantic validation errors, rewritten as located problems a model author can act on."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from toc.errors import Location, Path, Problem, path_text
from toc.io.shapes import HIERARCHY_KEYS, Flat
from toc.io.yamlread import Document
from toc.model import Model
from toc.model.base import ID_PATTERN
from toc.model.references import suggest

__all__ = ["Placer", "locate_path", "path_text", "problems_from_validation"]

_SECTIONS = frozenset(Model.model_fields) - {"format", "languages", "programme"}
_ID = re.compile(ID_PATTERN)


class Placer:
    """Places a problem found in the flat data (a :class:`toc.model.references.Where`): where the
    value was written, how to name its path, and which element it belongs to."""

    def __init__(self, doc: Document, flat: Flat) -> None:
        self.doc = doc
        self.flat = flat

    def location(self, path: Path, key: bool = False) -> Location:
        return locate_path(self.doc, self.flat, path, key)

    def name(self, path: Path) -> str:
        """The path as written: ``links[0].to``; an element written in the logframe shape or inside
        an assumption is named by its id (``use-filters.indicators[0]``), else by where it was
        written (``logframe.impact.outcomes[0]``)."""
        if len(path) < 2 or not isinstance(path[1], int):
            return path_text(path)
        at = (str(path[0]), path[1])
        written = self.flat.moved.get(at)
        if written is None:
            return path_text(path)
        ident = self._ident(at) if path[2:] != ("id",) else None  # a questioned id names nothing
        head = ident if ident is not None else written
        return head + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path[2:])

    def target(self, path: Path) -> str:
        """The id of the innermost element on ``path`` ('' when it has none yet)."""
        if not path or path[0] == "programme":
            ident = _child(self.flat.data.get("programme"), "id")
            return ident if isinstance(ident, str) and _ID.match(ident) else ""
        if len(path) < 2 or not isinstance(path[1], int):
            return ""
        ident = self._ident((str(path[0]), path[1]))
        if path[0] == "nodes" and path[2:3] == ("indicators",) and len(path) > 3:
            inner = _child(_child(_child(self._data((str(path[0]), path[1])), "indicators"), path[3]), "id")
            if isinstance(inner, str) and _ID.match(inner):
                return inner
        return ident or ""

    def _data(self, at: tuple[str, int]) -> Any:
        return _child(self.flat.data.get(at[0]), at[1])

    def _ident(self, at: tuple[str, int]) -> str | None:
        """The element's id as written (a link's default ``FROM->TO``), if it is a valid one."""
        data = self._data(at)
        if not isinstance(data, dict):
            return None
        ident = data.get("id")
        if not ident and at[0] == "links":
            ends = data.get("from"), data.get("to")
            if all(isinstance(end, str) and _ID.match(end) for end in ends):
                return f"{ends[0]}->{ends[1]}"
        return ident if isinstance(ident, str) and _ID.match(ident.replace("->", "")) else None


def _walk(doc: Document, flat: Flat, path: tuple[str | int, ...]) -> tuple[Any, tuple[str | int, ...]]:
    """The innermost user-written container on ``path``, and the steps left below it."""
    if len(path) >= 2 and path[0] in _SECTIONS and (path[0], path[1]) in flat.origins:
        container: Any = flat.origins[(str(path[0]), int(path[1]))]
        rest = path[2:]
    else:
        container, rest = doc.data, path
    while len(rest) > 1:
        step = rest[0]
        nxt = _child(container, step)
        if not isinstance(nxt, (dict, list)):
            break
        container, rest = nxt, rest[1:]
    return container, rest


def _child(container: Any, step: str | int) -> Any:
    """``container[step]`` if it exists, else None."""
    if isinstance(container, dict) and isinstance(step, str):
        return container.get(step)
    if isinstance(container, list) and isinstance(step, int) and 0 <= step < len(container):
        return container[step]
    return None


def locate_path(doc: Document, flat: Flat, path: tuple[str | int, ...], key: bool = False) -> Location:
    """Where the value at ``path`` of the flat data was written (its key, if ``key``)."""
    if len(path) >= 2 and isinstance(path[1], int):
        spot = flat.spots.get((str(path[0]), path[1]))
        if spot is not None:  # an item that is not a mapping: where it stands in its list
            return spot
    container, rest = _walk(doc, flat, path)
    loc: Location | None = None
    if rest:
        step = rest[0]
        if key and isinstance(step, str):
            loc = doc.key_location(container, step)
        else:
            loc = doc.value_location(container, step)
    else:
        loc = doc.location(container)
    return loc or Location(doc.file, 1, 1)


def _as_written(doc: Document, flat: Flat, path: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Drop the ``[0]`` of a list written as its one item (``baseline: {year: 2023}``)."""
    if len(path) >= 2 and path[0] in _SECTIONS and (path[0], path[1]) in flat.origins:
        container: Any = flat.origins[(str(path[0]), int(path[1]))]
        out, rest = list(path[:2]), path[2:]
    else:
        container, out, rest = doc.data, [], path
    for step in rest:
        if step == 0 and isinstance(step, int) and not isinstance(container, list):
            continue  # the one item stands where its list would
        out.append(step)
        container = _child(container, step)
    return tuple(out)


def _real_path(flat: Flat, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Drop pydantic's union-branch and validator steps (``'str'``, ``'function-after[...]'``)."""
    out: list[str | int] = []
    cls: Any = Model
    for step in loc:
        if isinstance(step, int):
            out.append(step)
            cls = _item_type(cls)
            continue
        fields = _fields(cls)
        if fields is not None and step in fields:
            out.append(step)
            cls = _inner(fields[step])
        elif fields is None and cls is dict:
            out.append(step)
            cls = None
        elif fields is not None:
            out.append(step)  # an unknown key: the error is about it
            cls = None
        # else: a union tag, skip
    return tuple(out)


def _fields(cls: Any) -> dict[str, Any] | None:
    if isinstance(cls, type) and issubclass(cls, BaseModel):
        result: dict[str, Any] = {}
        for name, info in cls.model_fields.items():
            result[info.alias or name] = info.annotation
            result[name] = info.annotation
        return result
    return None


def _inner(annotation: Any) -> Any:
    """The model class or container behind an annotation (unwrapping Optional, Annotated, list)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        if models:
            return models[0]
        if len(args) == 1:
            return _inner(args[0])
        return None
    if origin is list:
        return list[_inner(typing.get_args(annotation)[0])]  # type: ignore[misc]
    if origin is dict:
        return dict
    return annotation


def _item_type(cls: Any) -> Any:
    if typing.get_origin(cls) is list:
        return typing.get_args(cls)[0]
    return None


def _allowed_keys(path: tuple[str | int, ...]) -> list[str]:
    cls: Any = Model
    for step in path:
        if isinstance(step, int):
            cls = _item_type(cls)
        else:
            fields = _fields(cls)
            cls = _inner(fields[step]) if fields and step in fields else None
    fields = _fields(cls)
    return sorted(fields) if fields else []


def problems_from_validation(exc: ValidationError, doc: Document, flat: Flat) -> list[Problem]:
    """One problem per distinct place, with a readable message and a hint."""
    place = Placer(doc, flat)
    seen: dict[tuple[str | int, ...], Problem] = {}
    for error in exc.errors(include_url=False):
        path = _as_written(doc, flat, _real_path(flat, tuple(error["loc"])))
        kind = error["type"]
        value = error.get("input")
        name, target = place.name(path), place.target(path)
        if kind == "extra_forbidden":
            key = str(path[-1])
            split = doc.split_value(_walk(doc, flat, path)[0], key)
            if split is not None:  # {…, comment: benefitting 3,382 people}
                field, whole = split
                message = f"unknown field {key!r}: a comma inside {{…}} splits the value of {field!r}"
                quoted = f'"{whole}"' if '"' not in whole else "'" + whole.replace("'", "''") + "'"
                hint = f"quote it, e.g. {field}: {quoted}"
            else:
                allowed = _allowed_keys(path[:-1])
                if path[:1] and path[0] == "nodes":
                    allowed = [*allowed, *HIERARCHY_KEYS]
                message = f"unknown field {key!r}"
                hint = suggest(key, allowed) or (f"allowed: {', '.join(allowed)}" if allowed else "")
            problem = Problem(place.location(path, key=True), message, hint, path=name, target=target)
        elif kind == "missing":
            container = place.location(path[:-1])
            owner = place.name(path[:-1])
            message = f"missing required field {str(path[-1])!r}"
            problem = Problem(
                container, f"{owner}: {message}" if owner else message, "", path=name, target=target
            )
        else:
            message, hint = _describe(kind, error["msg"], value, error.get("ctx") or {})
            location = place.location(path)
            if kind == "value_error":  # a check across fields: point at the field it names
                location = _named_key(doc, flat, path, message) or location
            problem = Problem(
                location, f"{name}: {message}" if name else message, hint, path=name, target=target
            )
        if (
            path in seen
            and kind == "string_pattern_mismatch"
            and "a-z]{2,3}" in str((error.get("ctx") or {}).get("pattern", ""))
        ):  # a text mapping whose key is not a language code
            code = next((s for s in reversed(error["loc"]) if isinstance(s, str) and s != "[key]"), "")
            seen[path] = Problem(
                place.location((*path, code), key=True),
                f"{name}: {code!r} is not a language code",
                "text in several languages is a mapping such as {nl: 'Gemeenten', en: 'Municipalities'}",
                path=name,
                target=target,
            )
            continue
        if path in seen:
            if kind.startswith(("string_type", "dict_type")):
                field = next((s for s in reversed(path) if isinstance(s, str)), "label")
                quote = (
                    f"; quote a number or date meant as text: {field}: '{value}'" if _scalar(value) else ""
                )
                seen[path] = Problem(
                    seen[path].location,
                    f"{name}: expected text, or a mapping of language codes to text",
                    f"e.g. {field}: {{nl: 'Gemeenten', en: 'Municipalities'}}{quote}",
                    path=name,
                    target=target,
                )
            continue
        seen[path] = problem
    return list(seen.values())


def _named_key(doc: Document, flat: Flat, path: tuple[str | int, ...], message: str) -> Location | None:
    """The key of the mapping at ``path`` that the message names first (``'horizon' is for …``)."""
    container, rest = _walk(doc, flat, (*path, ""))
    if rest != ("",) or not isinstance(container, dict):
        return None
    found = [(m.start(), key) for key in container if (m := re.search(rf"\b{re.escape(key)}", message))]
    return doc.key_location(container, min(found)[1]) if found else None


def _scalar(value: Any) -> bool:
    """A number or boolean that YAML read where text was meant (``label: 2023``)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _describe(kind: str, msg: str, value: Any, ctx: dict[str, Any]) -> tuple[str, str]:
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if "A-Za-z0-9_.:-" in pattern:
            return (
                f"{value!r} is not a valid id",
                "an id starts with a letter or digit and holds only letters, digits and _ . : -",
            )
        if pattern.startswith(r"^\d{4}"):
            return f"{value!r} is not a date", "write YYYY, YYYY-MM or YYYY-MM-DD"
        if pattern == "^[A-Z]{3}$":
            return f"{value!r} is not a currency code", "use the ISO 4217 code in capitals, e.g. EUR"
        if "a-z]{2,3}" in pattern:
            return f"{value!r} is not a language code", "use a lower-case code such as nl, en or fr-be"
        return f"{value!r} does not match {pattern}", ""
    if kind == "enum" and isinstance(value, str):
        expected = str(ctx.get("expected", ""))
        options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",") if o.strip(" '")]
        return f"{value!r} is not allowed here; expected {expected}", suggest(value, options)
    if kind == "literal_error":
        return f"unsupported value {value!r}; expected {ctx.get('expected', '')}", ""
    if kind == "value_error":
        return str(ctx.get("error", msg)), ""
    if kind in ("model_type", "dict_type"):
        got = "a list" if isinstance(value, list) else repr(value)
        return (
            f"expected a mapping of fields, got {got}",
            "write 'key: value' lines indented under it, or {key: value, ...} on one line",
        )
    if kind == "list_type":
        return msg[:1].lower() + msg[1:], "write a list: [a, b] on one line, or one '- item' per line"
    if kind in ("float_parsing", "int_parsing") and isinstance(value, str) and value.strip().endswith("%"):
        number = value.strip()[:-1].strip()
        return (
            f"{value!r} is not a number",
            f"write {number} without '%': the indicator's 'measure: percentage' says what it counts",
        )
    if kind == "int_parsing":
        return f"expected a whole number, got {value!r}", "write digits only, e.g. 12, with no words or unit"
    if kind == "float_parsing":
        return f"expected a number, got {value!r}", "write digits only, e.g. 12 or 0.5, with no words or unit"
    if kind == "less_than_equal" and ctx.get("le") == 1 and isinstance(value, (int, float)):
        hint = "probabilities run from 0 to 1"
        if 1 < value <= 100:
            hint += f": write {value / 100:g}, not {value}"
        return msg[:1].lower() + msg[1:] + f", got {value!r}", hint
    return msg[:1].lower() + msg[1:] + (f", got {value!r}" if not isinstance(value, (dict, list)) else ""), ""
