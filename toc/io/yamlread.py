"""Safe YAML to plain Python data, remembering where every collection came from.

PyYAML's own constructors lose positions, accept duplicate keys silently and
expand aliases without bound. This module composes the node tree with libyaml
(falling back to the pure-Python parser) and builds plain dicts, lists and
scalars itself, refusing what a hand-written model must never contain: tags,
duplicate keys, alias bombs, absurd nesting and non-UTF-8 bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from toc.errors import LoadError, Location, Problem

__all__ = ["MAX_ALIAS_EXPANSION", "MAX_DEPTH", "Document", "read_yaml"]

MAX_DEPTH = 64
"""Deepest nesting accepted; real models need about 12 levels."""

MAX_ALIAS_EXPANSION = 100_000
"""How many nodes aliases may add on top of the document's own ("billion laughs" guard)."""

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_T = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = _T + "str", _T + "int", _T + "float", _T + "bool", _T + "null"
_TIMESTAMP, _MERGE, _MAP, _SEQ = _T + "timestamp", _T + "merge", _T + "map", _T + "seq"
_SCALAR_TAGS = frozenset({_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP})
_SCALARS = yaml.constructor.SafeConstructor()


@dataclass(frozen=True, slots=True)
class Document:
    """Plain data plus the node each dict or list was built from (for locations)."""

    data: Any
    file: str
    nodes: dict[int, yaml.Node]

    def location(self, obj: object) -> Location | None:
        """Where a dict or list built by :func:`read_yaml` starts."""
        node = self.nodes.get(id(obj))
        return None if node is None else self.mark(node)

    def mark(self, node: yaml.Node) -> Location:
        return Location(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def key_location(self, mapping: object, key: str) -> Location | None:
        """Where ``key`` (or, failing that, the mapping) stands in the file."""
        node = self.nodes.get(id(mapping))
        if not isinstance(node, yaml.MappingNode):
            return None if node is None else self.mark(node)
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return self.mark(key_node)
        return self.mark(node)

    def field_locations(self, mapping: object) -> dict[str, Location]:
        """Where each key of a mapping was written."""
        node = self.nodes.get(id(mapping))
        if not isinstance(node, yaml.MappingNode):
            return {}
        return {k.value: self.mark(k) for k, _ in node.value if isinstance(k, yaml.ScalarNode)}

    def value_location(self, container: object, step: str | int) -> Location | None:
        """Where the value at ``container[step]`` starts (scalars included)."""
        node = self.nodes.get(id(container))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == step:
                    return self.mark(value_node)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            return self.mark(node.value[step])
        return None if node is None else self.mark(node)


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
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise _error(file, line, 1, "the file contains a NUL character", "is it a binary file?")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(p for p in (exc.context, exc.problem) if p)
        raise _error(file, line, col, f"YAML syntax error: {what}") from None
    except yaml.YAMLError as exc:  # ReaderError: control characters and the like
        position = getattr(exc, "position", 0) or 0
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        reason = getattr(exc, "reason", str(exc))
        raise _error(file, line, column, f"unreadable character: {reason}") from None
    finally:
        loader.dispose()
    if node is None:
        raise _error(file, 1, 1, "the file is empty", "a model starts with 'toc: 1'")
    return _Builder(file).document(node)


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.nodes: dict[int, yaml.Node] = {}
        self.built: dict[int, tuple[Any, int]] = {}
        self.aliased = 0

    def document(self, root: yaml.Node) -> Document:
        data, _ = self.build(root, 0)
        return Document(data, self.file, self.nodes)

    def fail(self, node: yaml.Node, message: str, hint: str = "") -> LoadError:
        mark = node.start_mark
        return _error(self.file, mark.line + 1, mark.column + 1, message, hint)

    def build(self, node: yaml.Node, depth: int) -> tuple[Any, int]:
        """Return the value and how many nodes it stands for (aliases counted in full)."""
        done = self.built.get(id(node))
        if done is not None:
            self.aliased += done[1]
            if self.aliased > MAX_ALIAS_EXPANSION:
                raise self.fail(
                    node,
                    f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes",
                    "this looks like a 'billion laughs' file; write the values out",
                )
            return done
        if depth > MAX_DEPTH:
            raise self.fail(node, f"nesting deeper than {MAX_DEPTH} levels", "flatten the file")
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node), 1  # not memoised: an aliased scalar costs one node
        if isinstance(node, yaml.SequenceNode):
            result: tuple[Any, int] = self.sequence(node, depth)
        elif isinstance(node, yaml.MappingNode):
            result = self.mapping(node, depth)
        else:  # pragma: no cover - the composer makes only these three
            raise self.fail(node, "unsupported YAML node")
        self.built[id(node)] = result
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag in (_STR, _TIMESTAMP):  # dates stay ISO text: partial dates are common
            return node.value
        if tag not in _SCALAR_TAGS:
            raise self.fail(node, f"YAML tag {tag!r} is not allowed", "remove the '!' tag")
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return _SCALARS.construct_yaml_bool(node)
        if tag == _INT:
            return _SCALARS.construct_yaml_int(node)
        return _SCALARS.construct_yaml_float(node)

    def sequence(self, node: yaml.SequenceNode, depth: int) -> tuple[list[Any], int]:
        if node.tag != _SEQ:
            raise self.fail(node, f"YAML tag {node.tag!r} is not allowed", "remove the '!' tag")
        items: list[Any] = []
        size = 1
        for child in node.value:
            value, n = self.build(child, depth + 1)
            items.append(value)
            size += n
        self.nodes[id(items)] = node
        return items, size

    def mapping(self, node: yaml.MappingNode, depth: int) -> tuple[dict[str, Any], int]:
        if node.tag != _MAP:
            raise self.fail(node, f"YAML tag {node.tag!r} is not allowed", "remove the '!' tag")
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        merges: list[yaml.Node] = []
        size = 1
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "a key must be plain text, not a list or mapping")
            if key_node.tag == _MERGE:
                merges.append(value_node)
                continue
            key = key_node.value  # keys stay text: 'no' is Norwegian, not False
            if key in first_seen:
                line = first_seen[key].start_mark.line + 1
                raise self.fail(
                    key_node,
                    f"duplicate key {key!r} (first defined at line {line})",
                    "remove one of them; YAML would silently keep only the last",
                )
            first_seen[key] = key_node
            value, n = self.build(value_node, depth + 1)
            result[key] = value
            size += n
        for merge_node in merges:
            size += self.merge(result, merge_node, depth)
        self.nodes[id(result)] = node
        return result, size

    def merge(self, target: dict[str, Any], merge_node: yaml.Node, depth: int) -> int:
        """Apply a ``<<`` merge key: keys written out in the mapping win."""
        sources = merge_node.value if isinstance(merge_node, yaml.SequenceNode) else [merge_node]
        size = 0
        for source in sources:
            if not isinstance(source, yaml.MappingNode):
                raise self.fail(source, "'<<' merges mappings only")
            value, n = self.build(source, depth + 1)
            size += n
            for key, item in value.items():
                target.setdefault(key, item)
        return size


def _error(file: str, line: int, column: int, message: str, hint: str = "") -> LoadError:
    return LoadError([Problem(Location(file, line, column), message, hint)])
