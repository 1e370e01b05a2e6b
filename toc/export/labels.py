"""Escaping and wrapping of labels, one function per output format.

Every piece of model text that reaches an output goes through exactly one of these,
so a label can never close a string, open a tag or start a table cell of its own.
"""

from __future__ import annotations

import re
import textwrap

from toc.safetext import markdown, visible

__all__ = [
    "csv_cell",
    "dot_html",
    "dot_string",
    "html_text",
    "markdown_cell",
    "mermaid_id",
    "mermaid_text",
    "wrap",
]

_NEWLINES = re.compile("\r\n|\r|\n|\u2028|\u2029")


def clean(text: str) -> str:
    """Line ends (and U+2028/9) as ``\\n``, tabs as spaces, every other control character or
    noncharacter as its escape (``\\x07``, ``\\ufffe``; :func:`toc.safetext.visible`): shown,
    never dropped, and never raw in a file (XML 1.0 forbids them, Graphviz rejects some)."""
    if text.isascii() and text.isprintable():  # the common case, checked in C
        return text
    return visible(_NEWLINES.sub("\n", text)).replace("\t", " ")


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters (longer words are kept whole), newlines kept."""
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        if len(paragraph) <= width and paragraph.strip() == paragraph and "  " not in paragraph:
            lines.append(paragraph)
            continue
        lines.extend(textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False) or [""])
    return lines


def dot_string(text: str) -> str:
    """A double-quoted DOT string. Backslashes are doubled so that Graphviz's own escapes
    (``\\N``, ``\\G``, ``\\l``) cannot be smuggled in; newlines become ``\\n``. Graphviz
    reads ``&…;`` entities in every string, so ``&`` is written ``&amp;``. Non-ASCII stays
    UTF-8 here: Graphviz 14 mis-encodes numeric references above U+FFFF in plain strings."""
    body = clean(text).replace("&", "&amp;")
    body = body.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{body}"'


def dot_html(text: str) -> str:
    """Text for inside a Graphviz HTML-like label: entities for markup, ``<br/>`` for newlines.

    Non-ASCII is written as numeric character references so the DOT file is plain
    ASCII and no engine can misread its encoding.
    """
    escaped = clean(text).translate(_HTML_TABLE)
    if escaped.isascii():
        return escaped
    return _NON_ASCII.sub(lambda m: f"&#{ord(m.group())};", escaped)


_HTML_TABLE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\n": "<br/>"}
)
_NON_ASCII = re.compile("[^\x00-\x7e]")


_MERMAID_SAFE = re.compile(r"[A-Za-z0-9 ,.:/()\-_'?!%+=]")


def mermaid_text(text: str) -> str:
    """Text for inside a quoted Mermaid label: everything that Mermaid or its Markdown/HTML
    layer could read as syntax becomes a ``#NN;`` entity code; newlines become ``<br>``."""
    out = []
    for char in clean(text):
        if char == "\n":
            out.append("<br>")
        elif _MERMAID_SAFE.fullmatch(char) or ord(char) > 159:
            out.append(char)
        else:
            out.append(f"#{ord(char)};")
    return "".join(out)


_MERMAID_ID = re.compile(r"[^A-Za-z0-9_]")


def mermaid_id(element_id: str) -> str:
    """A Mermaid node id: letters, digits and ``_`` only, prefixed so it is never a keyword
    (``end``, ``graph``, ``subgraph``) and never starts with a digit."""
    return "n_" + _MERMAID_ID.sub("_", element_id)


def markdown_cell(text: str) -> str:
    """Text for one cell of a GitHub-flavoured Markdown table (see :func:`toc.safetext.markdown`:
    the one Markdown escaping for every output)."""
    return markdown(clean(text), cell=True)


def html_text(text: str) -> str:
    """Text for an HTML element's content or attribute; newlines as ``<br>``."""
    escaped = (
        clean(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )
    return escaped.replace("\n", "<br>")


_FORMULA = ("=", "+", "-", "@")


def csv_cell(text: str) -> str:
    """A CSV cell (the csv module does the quoting). A cell that a spreadsheet would run as a
    formula (starting with ``= + - @``) gets a leading apostrophe (OWASP CSV injection)."""
    value = clean(text)
    if value.startswith(_FORMULA):
        return "'" + value
    return value
