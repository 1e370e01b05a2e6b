"""The two model formats of the registry (:mod:`toc.formats`): YAML, and the same data as JSON.

JSON is read by the YAML loader (JSON is YAML's flow style), after a strict JSON parse has
vouched for the syntax: so a JSON model gets the same checks and the same
``file:line:column`` in every error, and a JSON syntax error is reported as one.
The JSON writer writes the canonical data of :func:`toc.io.write.model_to_data`, so that
YAML → JSON → YAML gives back the canonical YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from toc.errors import LoadError, Location, Problem
from toc.formats import NoOptions
from toc.model import Model

__all__ = ["JSON", "YAML", "JsonFormat", "JsonOptions", "YamlFormat"]

_TOC_KEY = re.compile(rb"^(?:\xef\xbb\xbf)?toc[ \t]*:", re.MULTILINE)
_UNPRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
"""What JSON may hold raw but YAML may not read raw (DEL, C1 controls) or reads as a line break
(NEL, U+2028, U+2029): written as ``\\uXXXX``."""
_SURROGATES = re.compile(r"(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})")


class YamlFormat:
    """The model file format (:mod:`toc.io.load`, :mod:`toc.io.write`)."""

    binary: ClassVar[bool] = False
    options: ClassVar[type[NoOptions]] = NoOptions

    def sniff(self, head: bytes) -> bool:
        """A top-level ``toc:`` key: every model file has one."""
        return bool(_TOC_KEY.search(head))

    def read(self, data: bytes, name: str) -> list[Model]:
        from toc.io.load import load_bytes

        return [load_bytes(data, name)]

    def write(self, subject: Model, options: NoOptions) -> str:
        from toc.io.write import dumps

        return dumps(subject)


@dataclass(frozen=True)
class JsonOptions:
    indent: int = 2
    """Spaces per level (0: one key or item per line, no indentation)."""


class JsonFormat:
    """The model as JSON: the canonical data, keys in model order."""

    binary: ClassVar[bool] = False
    options: ClassVar[type[JsonOptions]] = JsonOptions

    def sniff(self, head: bytes) -> bool:
        """An object: the first thing after any byte-order mark and white space is ``{``."""
        return head.lstrip(b"\xef\xbb\xbf").lstrip(b" \t\r\n").startswith(b"{")

    def read(self, data: bytes, name: str) -> list[Model]:
        from toc.io.load import loads
        from toc.io.yamlread import decode

        text = decode(data, name)
        _check_json(text, name)
        # what JSON allows but libyaml reads otherwise: raw NEL, U+2028, DEL, C1 controls (as escapes),
        # escaped surrogate pairs (an emoji written \ud83d\ude00, as the character)
        text = _UNPRINTABLE.sub(_escape, text)
        text = _SURROGATES.sub(lambda m: m[1] + _pair(m[2], m[3]), text)
        return [loads(text, name)]

    def write(self, subject: Model, options: JsonOptions) -> str:
        import json

        from toc.io.write import model_to_data

        text = json.dumps(model_to_data(subject), ensure_ascii=False, indent=options.indent)
        return _UNPRINTABLE.sub(_escape, text) + "\n"


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def _pair(high: str, low: str) -> str:
    return (chr(int(high, 16)) + chr(int(low, 16))).encode("utf-16", "surrogatepass").decode("utf-16")


def _check_json(text: str, name: str) -> None:
    """A :class:`LoadError` at the line and column of the first JSON syntax error, if any."""
    import json

    def refuse(constant: str) -> None:
        at = text.find(constant)
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        raise LoadError(
            [Problem(Location(name, line, column), f"{constant} is not a JSON number", "write a number")]
        )

    try:
        json.loads(text, parse_constant=refuse)
    except json.JSONDecodeError as exc:
        raise LoadError(
            [Problem(Location(name, exc.lineno, exc.colno), f"JSON syntax error: {exc.msg}")]
        ) from None


YAML = YamlFormat()
JSON = JsonFormat()
