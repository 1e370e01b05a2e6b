"""What a Markdown renderer would make of a text: the one check of the Markdown outputs' escaping."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
"""GitHub-like Markdown: CommonMark with tables and strike-through."""


_FOLD = re.compile(r"<details><summary>[\w ]+</summary>\n|</details>\n?")


def markup(md: str) -> list[str]:
    """Every token that a renderer would turn into a link, an image or HTML of its own (the
    ``<br>`` the escaping writes for a line break, and the ``<details>`` folds of a long list
    or table, with our own words in their summary, are ours)."""
    found = []
    for token in MD.parse(md):
        if token.type == "html_block" and not _FOLD.fullmatch(token.content):
            found.append(token.content)
        for child in token.children or []:
            if child.type in {"link_open", "image"} or (
                child.type == "html_inline" and child.content != "<br>"
            ):
                found.append(f"{child.type} {child.content}")
    return found
