"""Model text made safe for an output: the one place that decides how hostile text is shown.

A model is written by people (or tools) we do not control, and its text reaches terminals,
CI logs, XML, JSON, Markdown and HTML. Two things must never get through:

* **Control characters.** C0 (U+0000–U+001F), DEL, C1 (U+0080–U+009F) and lone surrogates
  can retitle or blank a terminal (ESC, BEL, CSI), make XML unparsable (XML 1.0 forbids most
  of C0) or make a UTF-8 file unwritable (surrogates). :func:`visible` writes each one as its
  escape (``\\x1b``, ``\\n``, ``\\ud800``): nothing is dropped, and a reader sees that it
  was there. Tab and newline are kept where the output allows them.
* **Markup the author did not mean.** :func:`markdown` escapes model text for Markdown so
  it can never open a link, an image, raw HTML, an autolink in ``<…>``, a heading, a list,
  a quote, a code span, emphasis, strike-through, maths or a table cell; it still reads as
  written once rendered (escaped, not stripped).

The core never needs this module; the formatters, exporters, reports and the CLI all use it.
"""

from __future__ import annotations

import functools
import re
from typing import Any

__all__ = ["dumps_json", "json_in_html", "json_unsafe_escaped", "markdown", "one_line", "visible"]

_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_C0_C1 = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
"""C0 but newline, CR and tab; DEL; C1; lone surrogates; the noncharacters (XML 1.0 forbids
U+FFFE and U+FFFF, Graphviz rejects them all)."""


@functools.cache
def _unsafe(keep: str) -> re.Pattern[str]:
    allowed = "".join(c for c in "\n\r\t" if c not in keep)
    return re.compile(f"[{_C0_C1}{re.escape(allowed)}]" if allowed else f"[{_C0_C1}]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    short = _SHORT.get(char)
    if short is not None:
        return short
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str, keep: str = "\n\t") -> str:
    """``text`` with every control character, lone surrogate and noncharacter written as its escape.

    ``keep`` names the characters among newline, carriage return and tab that the output
    allows as they are; every other one becomes ``\\n``, ``\\r``, ``\\t``, ``\\x1b`` or
    ``\\ud800`` (the way Python writes them), so the text stays on the lines it was given
    and nothing hides in it.
    """
    if text.isprintable():  # the common case, checked in C: no control, surrogate or noncharacter
        return text
    return _unsafe(keep).sub(_escape, text)


def one_line(text: str) -> str:
    """Text for a line of terminal output: controls (newlines too) as escapes, tabs kept."""
    return visible(text, keep="\t")


_JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def dumps_json(data: Any, *, indent: int | None = 2, sort_keys: bool = False) -> str:
    """JSON text (UTF-8 kept readable) with DEL, C1, U+2028/9 and lone surrogates as ``\\u`` escapes.

    ``json.dumps`` already escapes C0; the rest is valid JSON but reaches a terminal raw (C1
    CSI is an escape sequence) or cannot be encoded (surrogates). The value read back is the same.
    """
    import json  # here: terminal output (toc.cli.streams) imports this module at start-up

    return json_unsafe_escaped(json.dumps(data, indent=indent, ensure_ascii=False, sort_keys=sort_keys))


def json_unsafe_escaped(text: str) -> str:
    """JSON text with DEL, C1, U+2028/9 and lone surrogates written as ``\\u`` escapes (see
    :func:`dumps_json`), for JSON made by another encoder."""
    if text.replace("\n", "").isprintable():  # the common case, checked in C
        return text
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_HTML_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_in_html(data: Any) -> str:
    """Compact JSON to sit inside an HTML ``<script type="application/json">`` block: as
    :func:`dumps_json`, and ``<``, ``>``, ``&`` as ``\\u`` escapes, so that no text in it can
    close the element (``</script>``) or open a comment; the value read back is the same."""
    return dumps_json(data, indent=None).translate(_HTML_UNSAFE)


# --- Markdown -------------------------------------------------------------------------------

_MD_ANYWHERE = re.compile(r"[\\`*_\[\]~$]")
"""Markup anywhere in a line: escape, code, emphasis, links and images (``!`` needs ``[``),
strike-through, GitHub maths."""
_MD_CELL = re.compile(r"[\\`*_\[\]~$|]")
"""The same, and the pipe that would end a table cell."""
_MD_ENTITY = re.compile(r"&(?=#|[A-Za-z][A-Za-z0-9]*;)")
"""``&`` only where it would start a character reference (``&lt;``, ``&#60;``)."""
_MD_START = re.compile(r"^(?:[#>]|[-+=](?=[-+=\s]|$)|(\d{1,9})([.)])(?=\s|$))")
"""Block markup at the start of a line: heading, quote, list item, rule, setext underline,
numbered item."""
_MD_CLOSING = re.compile(r"(?<=\s)#(?=#*$)")
"""The ``#`` run that would close a heading (``## Title ##``) and vanish."""
_LINE_BREAKS = re.compile("\r\n|\r|\n|\u2028|\u2029")


def _backslash(match: re.Match[str]) -> str:
    return "\\" + match.group()


def _md_start(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return f"{match.group(1)}\\{match.group(2)}"
    char = match.group()
    return "&gt;" if char == ">" else "\\" + char


def markdown(text: str, *, cell: bool = False) -> str:
    """Model text for anywhere in a line of (GitHub-flavoured) Markdown: a paragraph, a list
    item, a heading or a table cell.

    Markup characters are backslash-escaped, ``<`` is written ``&lt;`` (no HTML, no ``<…>``
    autolink), ``&`` only where it would start an entity; each line is trimmed and lines
    are joined with ``<br>``, so the text can never start a block of its own. In a table
    ``cell`` the pipe is escaped too; elsewhere a line-start ``#``, ``>``, ``-``, ``+``, ``=``
    or ``1.`` is, so that the text cannot become a heading, quote, list or rule. Control
    characters are shown as escapes (:func:`visible`). Rendered, it reads as written.
    """
    anywhere = _MD_CELL if cell else _MD_ANYWHERE
    lines = []
    for line in _LINE_BREAKS.split(visible(text, keep="\n\r\t")):
        line = line.strip().replace("\t", " ")
        line = anywhere.sub(_backslash, line)
        line = _MD_ENTITY.sub("&amp;", line).replace("<", "&lt;")
        if not cell:
            line = _MD_CLOSING.sub("\\#", _MD_START.sub(_md_start, line, count=1))
        lines.append(line)
    return "<br>".join(lines)
