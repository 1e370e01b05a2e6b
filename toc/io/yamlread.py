"""Safe YAML to plain Python data, remembering where every key and value was written.

PyYAML's own constructors lose positions, accept duplicate keys silently and
expand aliases without bound. This module reads libyaml's *event* stream (falling
back to the pure-Python parser) and builds plain dicts, lists and scalars itself,
refusing what a hand-written model must never contain: tags, duplicate keys, alias
bombs, absurd nesting and non-UTF-8 bytes.

Why events and not the composed node tree: the node tree of a 100k-node model
takes about 2 GB (a Python object and two marks per scalar) before any of the model
exists. Building from events keeps only the data plus one compact array of line
and column numbers per dict or list (``array('I')``), and makes
:class:`~toc.errors.Location` objects only when a location is asked for.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from toc.errors import LoadError, Location, Problem

__all__ = ["MAX_ALIAS_EXPANSION", "MAX_DEPTH", "Document", "decode", "read_yaml"]

MAX_DEPTH = 64
"""Deepest nesting accepted; real models need about 12 levels."""

MAX_ALIAS_EXPANSION = 100_000
"""How many nodes aliases may add on top of the document's own ("billion laughs" guard)."""

try:
    from yaml._yaml import CParser as _CParser

    _Parser: Any = _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = yaml.SafeLoader

_T = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = _T + "str", _T + "int", _T + "float", _T + "bool", _T + "null"
_TIMESTAMP, _MERGE, _MAP, _SEQ = _T + "timestamp", _T + "merge", _T + "map", _T + "seq"
_SCALAR_TAGS = frozenset({_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP})
_TEXT_TAGS = frozenset({_STR, _TIMESTAMP, _MERGE, _T + "value", _T + "yaml"})
"""Implicit types kept as text: dates stay ISO text (partial dates are common), and a bare
``=`` or ``<<`` as a value is just text, not PyYAML's 'value' and 'merge' types."""
_SCALARS = yaml.constructor.SafeConstructor()
_IMPLICIT: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    key: list(value) for key, value in yaml.resolver.Resolver.yaml_implicit_resolvers.items() if key
}
_IMPLICIT[""] = [(_NULL, re.compile(r"^$"))]

_OPEN = object()
"""An anchor whose value is still being built (an alias to it would be a cycle)."""


@dataclass(frozen=True, slots=True)
class Document:
    """Plain data plus where each dict or list, and each key and value in it, was written.

    ``positions`` maps ``id(container)`` to ``[line, column, …]``: for a mapping, then
    ``key line, key column, value line, value column`` per key in order; for a sequence,
    ``line, column`` per item. The containers stay alive in ``data``, so the ids hold.
    ``splits`` holds the keys of ``{…}`` mappings that look like the tail of the value before
    them, cut off by an unquoted comma (see :meth:`split_value`).
    """

    data: Any
    file: str
    positions: dict[int, array[int]]
    splits: dict[tuple[int, str], tuple[str, str]] = field(default_factory=dict)

    def split_value(self, mapping: object, key: str) -> tuple[str, str] | None:
        """``(field, whole text)`` when ``key`` of a ``{…}`` mapping was written with no ``:`` right
        after a plain value: ``{comment: benefitting 3,382 people}`` reads as ``comment: benefitting
        3`` and a key ``382 people``. None for an ordinary key."""
        return self.splits.get((id(mapping), key))

    def _at(self, record: array[int], offset: int) -> Location:
        return Location(self.file, record[offset], record[offset + 1])

    def location(self, obj: object) -> Location | None:
        """Where a dict or list built by :func:`read_yaml` starts."""
        record = self.positions.get(id(obj))
        return None if record is None else self._at(record, 0)

    def key_location(self, mapping: object, key: str) -> Location | None:
        """Where ``key`` (or, failing that, the mapping) stands in the file."""
        record = self.positions.get(id(mapping))
        if record is None:
            return None
        if isinstance(mapping, dict):
            offset = _key_offset(mapping, key, record)
            if offset is not None:
                return self._at(record, offset)
        return self._at(record, 0)

    def field_locations(self, mapping: object) -> dict[str, Location]:
        """Where each key of a mapping was written (keys merged in with ``<<`` excepted)."""
        record = self.positions.get(id(mapping))
        if record is None or not isinstance(mapping, dict):
            return {}
        file = self.file
        return {
            key: Location(file, record[offset], record[offset + 1])
            for key, offset in zip(mapping, range(2, len(record), 4), strict=False)
        }

    def value_location(self, container: object, step: str | int) -> Location | None:
        """Where the value at ``container[step]`` starts (scalars included)."""
        record = self.positions.get(id(container))
        if record is None:
            return None
        if isinstance(container, dict) and isinstance(step, str):
            offset = _key_offset(container, step, record)
            if offset is not None:
                return self._at(record, offset + 2)
        elif isinstance(container, list) and isinstance(step, int) and 0 <= 2 + 2 * step < len(record):
            return self._at(record, 2 + 2 * step)
        return self._at(record, 0)


def _key_offset(mapping: dict[str, Any], key: str, record: array[int]) -> int | None:
    for i, candidate in enumerate(mapping):
        if candidate == key:
            offset = 2 + 4 * i
            return offset if offset < len(record) else None
    return None


def decode(raw: bytes, file: str) -> str:
    """UTF-8 (with or without BOM) or a located error; no guessing of encodings."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _error(file, 1, 1, "the file is UTF-16, not UTF-8", "save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start : exc.start + 1].hex()
        raise _error(file, line, column, f"invalid UTF-8 byte 0x{byte}", "save the file as UTF-8") from None


def read_yaml(text: str, file: str = "<string>") -> Document:
    """Parse one YAML document into plain data; raise :class:`LoadError` on anything unsafe."""
    if "\x00" in text:
        at = text.index("\x00")
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        raise _error(file, line, column, "the file contains a NUL character", "is it a binary file?")
    parser = _Parser(text)
    try:
        return _Builder(file, parser, text).document()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        last = text.count("\n") + 1
        if line > last:  # libyaml puts "unexpected end" after a last line with no newline
            line, col = last, len(text) - (text.rfind("\n") + 1) + 1
        what = " ".join(p for p in (exc.context, exc.problem) if p)
        hint = _syntax_hint(exc, text, line, col)
        raise _error(file, line, col, f"YAML syntax error: {what}", hint) from None
    except yaml.YAMLError as exc:  # ReaderError: control characters and the like
        position = getattr(exc, "position", 0) or 0
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        reason = getattr(exc, "reason", str(exc))
        raise _error(file, line, column, f"unreadable character: {reason}") from None
    finally:
        parser.dispose()


class _Builder:
    def __init__(self, file: str, parser: Any, text: str) -> None:
        self.file = file
        self.text = text
        self.splits: dict[tuple[int, str], tuple[str, str]] = {}
        self.get = parser.get_event
        self.positions: dict[int, array[int]] = {}
        self.anchors: dict[str, tuple[Any, int, Event]] = {}
        self.aliased = 0
        self.strings: dict[str, str] = {}
        """One string object per distinct text, key or value: a 100k-node model repeats 'id' and
        'label' 100k times, and values such as 'activity', '2017-01' or a source id tens of
        thousands of times; the model keeps the strings it is given (docs/performance.md)."""

    def document(self) -> Document:
        get = self.get
        get()  # stream start
        event = get()
        if type(event) is StreamEndEvent:
            raise _error(self.file, 1, 1, "the file is empty", "a model starts with 'toc: 1'")
        if not isinstance(event, DocumentStartEvent):  # pragma: no cover - the parser guarantees it
            raise self.fail(event, "expected a YAML document")
        data, _ = self.value(get(), 0)
        get()  # document end
        event = get()
        if type(event) is not StreamEndEvent:
            raise self.fail(
                event,
                "the file holds more than one YAML document",
                "a model file is one document; remove the '---' line or split the file",
            )
        return Document(data, self.file, self.positions, self.splits)

    def fail(self, event: Any, message: str, hint: str = "") -> LoadError:
        mark = event.start_mark
        return _error(self.file, mark.line + 1, mark.column + 1, message, hint)

    def value(self, event: Event, depth: int) -> tuple[Any, int]:
        """The value an event starts, and how many nodes it stands for (aliases counted in full)."""
        kind = type(event)
        if kind is ScalarEvent:
            value: Any = self.scalar(event)
            if event.anchor is not None:  # type: ignore[attr-defined]
                self.anchor(event, (value, 1, event))
            return value, 1
        if kind is AliasEvent:
            return self.alias(event)
        if kind is MappingStartEvent:
            return self.mapping(event, depth + 1)
        if kind is SequenceStartEvent:
            return self.sequence(event, depth + 1)
        raise self.fail(event, "unexpected YAML event")  # pragma: no cover - parser guarantees

    def anchor(self, event: Event, entry: Any) -> None:
        name = event.anchor  # type: ignore[attr-defined]
        if entry is _OPEN and name in self.anchors:
            raise self.fail(event, f"anchor &{name} is defined twice", "give the second one another name")
        self.anchors[name] = entry

    def alias(self, event: Event) -> tuple[Any, int]:
        name = event.anchor  # type: ignore[attr-defined]
        entry = self.anchors.get(name)
        if entry is None:
            raise self.fail(event, f"alias *{name} refers to no anchor &{name} above it")
        if entry is _OPEN:
            raise self.fail(event, f"alias *{name} refers to the value that contains it")
        value, size, _ = entry
        self.aliased += size
        if self.aliased > MAX_ALIAS_EXPANSION:
            raise self.fail(
                event,
                f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes",
                "this looks like a 'billion laughs' file; write the values out",
            )
        return value, size

    def scalar(self, event: Any) -> Any:
        tag = event.tag
        text: str = event.value
        value = self.strings.setdefault(text, text)
        if tag is None:  # untagged: plain text is typed by its look, quoted text is text
            if not event.implicit[0]:
                return value
            for resolved, pattern in _IMPLICIT.get(value[:1], ()):
                if pattern.match(value):
                    tag = resolved
                    break
            if tag is None or tag in _TEXT_TAGS:
                return value
        elif tag in ("!", _STR, _TIMESTAMP):  # explicitly text ('!' is YAML's "not typed")
            return value
        if tag not in _SCALAR_TAGS:
            raise self.fail(event, f"YAML tag {tag!r} is not allowed", "remove the '!' tag")
        if tag == _NULL:
            return None
        construct = {
            _BOOL: _SCALARS.construct_yaml_bool,
            _INT: _SCALARS.construct_yaml_int,
            _FLOAT: _SCALARS.construct_yaml_float,
        }[tag]
        try:
            return construct(yaml.ScalarNode(tag, value))
        except (ValueError, KeyError, TypeError, IndexError):
            what = tag.rsplit(":", 1)[-1]
            raise self.fail(event, f"{value!r} is not a valid {what}", f"remove the '!!{what}' tag") from None

    def enter(self, event: Any, depth: int, expected: str) -> array[int]:
        if depth > MAX_DEPTH:
            raise self.fail(event, f"nesting deeper than {MAX_DEPTH} levels", "flatten the file")
        tag = event.tag
        if tag is not None and tag != "!" and tag != expected:
            raise self.fail(event, f"YAML tag {tag!r} is not allowed", "remove the '!' tag")
        if event.anchor is not None:
            self.anchor(event, _OPEN)
        mark = event.start_mark
        return array("I", (mark.line + 1, mark.column + 1))

    def sequence(self, start: Any, depth: int) -> tuple[list[Any], int]:
        record = self.enter(start, depth, _SEQ)
        items: list[Any] = []
        size = 1
        get, build, add = self.get, self.value, record.extend
        while True:
            event = get()
            if type(event) is SequenceEndEvent:
                break
            value, n = build(event, depth)
            items.append(value)
            size += n
            mark = event.start_mark
            add((mark.line + 1, mark.column + 1))
        self.positions[id(items)] = record
        if start.anchor is not None:
            self.anchors[start.anchor] = (items, size, start)
        return items, size

    def mapping(self, start: Any, depth: int) -> tuple[dict[str, Any], int]:
        record = self.enter(start, depth, _MAP)
        result: dict[str, Any] = {}
        merges: list[tuple[Any, Event]] = []
        size = 1
        get, build, add = self.get, self.value, record.extend
        flow = start.flow_style
        last_key: str | None = None  # in {…}: the last key with a value, and the value's event
        last_event: Any = None
        while True:
            key_event: Any = get()
            kind = type(key_event)
            if kind is MappingEndEvent:
                break
            key = self.key(key_event)
            value_event = get()
            value, n = build(value_event, depth)
            if flow:  # in {…}, a key with no value may be the tail of the value before it
                tail = (
                    value is None
                    and last_key is not None
                    and self.split(result, key, (key_event, value_event), (last_key, last_event))
                )
                if not tail:  # a tail continues the last value: a further tail continues it too
                    last_key, last_event = key, value_event
            if key is None:  # '<<'
                merges.append((value, value_event))
                size += n
                continue
            if key in result:
                offset = _key_offset(result, key, record)
                line = record[offset] if offset is not None else record[0]
                raise self.fail(
                    key_event,
                    f"duplicate key {key!r} (first defined at line {line})",
                    "remove one of them; YAML would silently keep only the last",
                )
            result[key] = value
            size += n
            k, v = key_event.start_mark, value_event.start_mark
            add((k.line + 1, k.column + 1, v.line + 1, v.column + 1))
        for value, event in merges:
            self.merge(result, value, event)
        self.positions[id(result)] = record
        if start.anchor is not None:
            self.anchors[start.anchor] = (result, size, start)
        return result, size

    def split(
        self, result: dict[str, Any], key: str | None, events: tuple[Any, Any], last: tuple[str, Any]
    ) -> bool:
        """Whether a key of a ``{…}`` mapping, with no value, is the tail of the plain value before
        it, cut off by an unquoted comma (no ``:`` follows the key); noted in ``splits``. Called
        only for keys with no value in ``{…}`` mappings: ordinary mappings pay nothing for it."""
        key_event, value_event = events
        last_key, last_event = last
        if key is None or key_event.style or type(last_event) is not ScalarEvent or last_event.style:
            return False
        end: int = key_event.end_mark.index
        if ":" in self.text[end : value_event.start_mark.index]:
            return False  # 'key:' with no value, written so on purpose
        written: Any = last_event  # a plain scalar: its text starts at its mark
        start: int = written.start_mark.index
        self.splits[(id(result), key)] = (last_key, self.text[start:end])
        return True

    def key(self, event: Any) -> str | None:
        """A key as text ('no' is Norwegian, not False); None for a ``<<`` merge key."""
        kind = type(event)
        if kind is AliasEvent:
            entry = self.anchors.get(event.anchor)
            if entry is not None and entry is not _OPEN and isinstance(entry[2], ScalarEvent):
                return str(entry[2].value)
            raise self.fail(event, "a key must be plain text, not an alias to a list or mapping")
        if kind is not ScalarEvent:
            raise self.fail(event, "a key must be plain text, not a list or mapping")
        tag = event.tag
        text: str = event.value
        if tag is None:
            if text == "<<" and event.implicit[0]:
                return None
        elif tag != "!" and tag not in _SCALAR_TAGS:
            raise self.fail(event, f"YAML tag {tag!r} is not allowed", "remove the '!' tag")
        if event.anchor is not None:
            self.anchor(event, (text, 1, event))
        return self.strings.setdefault(text, text)

    def merge(self, target: dict[str, Any], value: Any, event: Event) -> None:
        """Apply a ``<<`` merge key: keys written out in the mapping win."""
        sources = value if isinstance(value, list) else [value]
        for source in sources:
            if not isinstance(source, dict):
                raise self.fail(event, "'<<' merges mappings only")
            for key, item in source.items():
                target.setdefault(key, item)


def _syntax_hint(exc: yaml.MarkedYAMLError, text: str, line: int, col: int) -> str:
    """How to fix the commonest hand-editing mistakes, in the words of the person editing."""
    problem = exc.problem or ""
    opened = exc.context_mark.line + 1 if exc.context_mark else None
    lines = text.splitlines()
    char = lines[line - 1][col - 1 : col] if 0 < line <= len(lines) else ""
    if "cannot start any token" in problem:
        if char == "\t":
            return "YAML does not allow tabs for indentation; use spaces"
        return f"a value starting with {char!r} must be quoted" if char else ""
    if "mapping values are not allowed" in problem:
        return "quote a value that contains ': ' (label: \"Goal: fewer illnesses\"), or check the indentation"
    if "expected ',' or ']'" in problem:
        return f"close the [ … ] list opened at line {opened}" if opened else "close the [ … ] list"
    if "expected ',' or '}'" in problem:
        return f"close the {{ … }} mapping opened at line {opened}" if opened else "close the { … } mapping"
    if "unexpected end of stream" in problem and "quoted" in (exc.context or ""):
        return f"close the quote opened at line {opened}" if opened else "close the quote"
    if "expected key" in problem:
        return (
            "keys of one mapping start in the same column; check the indentation, and put a value "
            'that holds quotes in the other kind of quotes ("it\'s")'
        )
    if "expected '-' indicator" in problem:
        return "the items of a list all start with '-' in the same column"
    return ""


def _error(file: str, line: int, column: int, message: str, hint: str = "") -> LoadError:
    return LoadError([Problem(Location(file, line, column), message, hint)])
