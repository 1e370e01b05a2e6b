"""Where a YAML text has comments: the canonical form cannot keep them (``toc fmt``)."""

from __future__ import annotations

import bisect
from typing import Any

import yaml

__all__ = ["comment_lines", "header_comments"]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's scanner where PyYAML has it (ten times faster; its marks count characters too)."""


def comment_lines(text: str) -> list[int]:
    """The 1-based lines that carry a comment, in order.

    A ``#`` starts a comment at the start of a line or after a space or tab, unless it lies inside
    a scalar (quoted, block or plain); the scanner gives the scalars' spans. The text must already
    load (``toc fmt`` asks only after loading it).
    """
    if "#" not in text:
        return []
    spans = [
        (token.start_mark.index, token.end_mark.index)
        for token in yaml.scan(text, Loader=_Loader)
        if isinstance(token, yaml.ScalarToken)
    ]
    starts = [begin for begin, _ in spans]  # the scanner yields scalars in text order
    lines: list[int] = []
    start = 0
    while (at := text.find("#", start)) >= 0:
        start = at + 1
        if at and text[at - 1] not in " \t\r\n\ufeff":
            continue
        before = bisect.bisect_right(starts, at) - 1
        if before >= 0 and at < spans[before][1]:
            continue
        line = text.count("\n", 0, at) + 1
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


def header_comments(text: str) -> str:
    """The comment lines the text opens with (a ``yaml-language-server`` modeline, a licence),
    up to the last of them, blank lines between them kept; '' if it opens with content."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    kept = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("#"):
            kept = index + 1
        elif stripped:
            break
    return "".join(line.rstrip("\r\n") + "\n" for line in lines[:kept])
