"""The one escaping module: control characters shown, never raw; Markdown that can carry no markup.

The Markdown checks parse the output with markdown-it (CommonMark plus GitHub's tables and
strike-through) and assert on the token stream: model text may only ever give text, and the
``<br>`` that stands for its own line breaks.
"""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from tests.strategies import HOSTILE_STRINGS, hostile_text
from toc.safetext import dumps_json, json_in_html, markdown, one_line, visible

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

any_text = st.text(st.characters(codec="utf-8"), max_size=40)
"""Any text a YAML file can hold (YAML forbids lone surrogates), control characters included."""
text_or_hostile = st.one_of(any_text, hostile_text())


def _inline_children(tokens: list[Token]) -> list[Token]:
    return [child for token in tokens if token.type == "inline" for child in token.children or []]


def _expected(text: str) -> str:
    """What a reader should see: the text with escapes for controls, each line trimmed."""
    lines = re.split("\r\n|\r|\n|\u2028|\u2029", visible(text, keep="\n\r\t"))
    return "\n".join(line.strip().replace("\t", " ") for line in lines)


def _read(children: list[Token]) -> str:
    out = []
    for child in children:
        assert child.type in {"text", "html_inline"}, (child.type, child.content)
        if child.type == "html_inline":
            assert child.content == "<br>"
            out.append("\n")
        else:
            out.append(child.content)
    return "".join(out)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain", "plain"),
        ("retitle \x1b]0;pwned\x07 me", "retitle \\x1b]0;pwned\\x07 me"),
        ("csi \x9b31m", "csi \\x9b31m"),
        ("two\nlines\ttab", "two\nlines\ttab"),
        ("cr\rhides", "cr\\rhides"),
        ("del\x7f nul\x00", "del\\x7f nul\\x00"),
        ("lone \ud800 nonchar \uffff \U0010fffe", "lone \\ud800 nonchar \\uffff \\U0010fffe"),
        ("é ü 日本 🙂 \u00a0", "é ü 日本 🙂 \u00a0"),
    ],
)
def test_visible_shows_each_control_character_as_its_escape(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_one_line_escapes_newlines_too() -> None:
    assert one_line("a\nb\r\n\tc") == "a\\nb\\r\\n\tc"


@given(st.text(max_size=40))
def test_visible_leaves_no_control_character(text: str) -> None:
    shown = visible(text)
    assert not CONTROL.search(shown.replace("\n", "").replace("\t", ""))
    shown.encode("utf-8")  # no lone surrogate either
    assert "\n" not in one_line(text)


@given(st.text(max_size=40))
def test_dumps_json_reads_back_the_same_and_has_no_raw_control(text: str) -> None:
    out = dumps_json({"m": text})
    assert json.loads(out) == {"m": text}
    assert not CONTROL.search(out.replace("\n", ""))
    out.encode("utf-8")


@given(st.one_of(st.text(max_size=40), hostile_text()))
def test_json_in_html_cannot_end_its_script_block(text: str) -> None:
    out = json_in_html({"m": text, "</script>": [text]})
    assert json.loads(out) == {"m": text, "</script>": [text]}
    assert not set(out) & {"<", ">", "&", "\n", "\u2028", "\u2029"}
    assert not CONTROL.search(out)


@pytest.mark.parametrize(
    "text",
    [
        "[x](https://evil.example) ![t](https://evil.example/p.png)",
        "[x][1]\n\n[1]: https://evil.example",
        "<https://evil.example> <a@evil.example> <img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "<!-- hidden -->",
        "# heading\n## another\nsetext\n===",
        "- list\n* list\n+ list\n1. one\n2) two",
        "> quote",
        "---",
        "***",
        "    indented code",
        "```\nfence\n```",
        "~~~\nfence",
        "`code` *em* _em_ **strong** ~~strike~~ $math$",
        "a | b\n---|---\nc | d",
        "&lt; &#60; &amp; M&E",
        "back\\slash \\[ \\*",
        "trailing two spaces  \nnext",
        "[^1] footnote\n\n[^1]: https://evil.example",
        "ends with a hash #",
        "ends with hashes ##",
        "#",
    ],
)
@pytest.mark.parametrize("where", ["paragraph", "bullet", "heading", "cell"])
def test_markdown_carries_no_markup(text: str, where: str) -> None:
    assert_plain_text(text, where)


@settings(max_examples=300, deadline=None)
@given(text_or_hostile, st.sampled_from(["paragraph", "bullet", "heading", "cell"]))
def test_any_text_is_plain_text_in_markdown(text: str, where: str) -> None:
    assert_plain_text(text, where)


def assert_plain_text(text: str, where: str) -> None:
    """``text`` placed ``where`` parses to exactly that block, holding exactly the text."""
    if where == "paragraph":
        source, blocks = markdown(text), ["paragraph_open"]
    elif where == "bullet":
        source, blocks = "- " + markdown(text), ["bullet_list_open", "list_item_open", "paragraph_open"]
    elif where == "heading":
        source, blocks = "## " + markdown(text), ["heading_open"]
    else:
        source = f"| a | b |\n|---|---|\n| {markdown(text, cell=True) or ' '} | x |"
        blocks = ["table_open", "thead_open", "tr_open", "th_open"]
    tokens = MD.parse(source)
    opened = [t.type for t in tokens if t.type.endswith("_open")]
    expected = _expected(text)
    if where == "cell":
        assert opened.count("td_open") == 2, source  # the text stayed in its cell
        cell = next(i for i, t in enumerate(tokens) if t.type == "td_open")
        assert _read(tokens[cell + 1].children or []) == expected
        return
    if not markdown(text):
        return  # nothing to show: an empty paragraph, item or heading
    assert opened == blocks, source
    assert _read(_inline_children(tokens)) == expected, source


def test_markdown_reads_naturally() -> None:
    """Escaped, not stripped: the Markdown source stays readable."""
    assert markdown("M&E a->b (p. 14), 50% e.g. www.example.org") == (
        "M&E a->b (p. 14), 50% e.g. www.example.org"
    )
    assert markdown("[x](y)") == "\\[x\\](y)"
    assert markdown("a|b") == "a|b"
    assert markdown("a|b", cell=True) == "a\\|b"


def test_hostile_strings_cover_the_injection_classes() -> None:
    """The shared hostile samples keep link, image, HTML and control-character cases."""
    joined = "".join(HOSTILE_STRINGS)
    for needle in ("](http", "![", "<img", "<https://", "\x1b", "\x07", "\x9b", "\r", "]]>"):
        assert needle in joined, needle
    assert any(unicodedata.category(c) == "Cc" for c in joined)
