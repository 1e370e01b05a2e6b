"""``json.dumps(data, indent=2, ensure_ascii=False)``, byte for byte, in a third of the time.

With ``indent`` set, the standard library cannot use its C encoder and walks the data with
nested generators, each chunk passing up through every level: on a large report that was
most of the time ``toc report -f json`` took (docs/performance.md). This writes the same text
with one plain recursive walk into a list; strings are escaped by the standard library's own
C function. tests/report/test_jsontext.py holds it to ``json.dumps`` on random data.
"""

from __future__ import annotations

from collections.abc import Callable
from json.encoder import encode_basestring  # the C escaper where available, as json.dumps uses
from typing import Any

__all__ = ["dumps_indented"]


def dumps_indented(data: Any) -> str:
    """The text ``json.dumps(data, indent=2, ensure_ascii=False)`` gives."""
    out: list[str] = []
    _write(data, out.append, "\n")
    return "".join(out)


def _write(value: Any, emit: Callable[[str], None], newline: str) -> None:
    """Emit ``value``; ``newline`` is a line break and the indent of the line it starts on."""
    leaf = _LEAVES.get(value.__class__)
    if leaf is not None:
        emit(leaf(value))
    elif isinstance(value, dict):
        if not value:
            emit("{}")
            return
        inner = newline + "  "
        before = "{" + inner
        for key, item in value.items():
            name = encode_basestring(key if key.__class__ is str else _key(key))
            leaf = _LEAVES.get(item.__class__)
            if leaf is not None:  # most values: written here, without a call per value
                emit(f"{before}{name}: {leaf(item)}")
            else:
                emit(f"{before}{name}: ")
                _write(item, emit, inner)
            before = "," + inner
        emit(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            emit("[]")
            return
        inner = newline + "  "
        before = "[" + inner
        for item in value:
            leaf = _LEAVES.get(item.__class__)
            if leaf is not None:
                emit(before + leaf(item))
            else:
                emit(before)
                _write(item, emit, inner)
            before = "," + inner
        emit(newline + "]")
    elif isinstance(value, str):  # a subclass (an enum's value)
        emit(encode_basestring(value))
    else:
        emit(_scalar(value))


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


_LEAVES: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: lambda value: _float(value),
    bool: lambda value: "true" if value else "false",
    type(None): lambda value: "null",
}
"""The exact classes written without looking further (subclasses go the long way, as in json)."""


def _key(key: Any) -> str:
    """A dict key as json.dumps writes it (it turns numbers, booleans and None into text)."""
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float(key)
    if key is True or key is False or key is None or isinstance(key, int):
        return _scalar(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")
