"""Every export stays valid and inert whatever the model's text: links, HTML, control characters.

The logframe Markdown is parsed with markdown-it (no link, image or HTML of the model's
making; one heading, one table, the right number of cells); the logframe HTML, CSV,
Mermaid and SVG carry no raw control character (XML 1.0 forbids them), and the SVG parses.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import HealthCheck, given, settings

import toc
from tests.markdown_tokens import MD, markup
from tests.strategies import models
from toc.export.logframe import logframe_csv, logframe_html, logframe_markdown, logframe_rows
from toc.export.mermaid import to_mermaid
from toc.export.render import render_bytes

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HOSTILE = r"""toc: 1
programme: {id: p, title: "Title ## [x](https://evil.example) \x01 #"}
nodes:
  - {id: a, level: activity, label: "![t](https://evil.example/p.png) \x01\e[8m"}
  - id: o
    level: outcome
    label: "<img src=x> | cell \a"
    indicators:
      - {id: i, label: "\x9b2J <b>", means_of_verification: ["=HYPERLINK(\"x\") \x02"]}
links:
  - {from: a, to: o}
assumptions:
  - {id: h, statement: "]]> <![CDATA[ \x0b \ufffe", applies_to: [a->o]}
"""


def _no_control(text: str) -> bool:
    return CONTROL.search(re.sub("[\n\r\t]", "", text)) is None


def _check_logframe_markdown(model: toc.Model) -> None:
    md = logframe_markdown(model)
    assert markup(md) == []
    assert _no_control(md)
    tokens = [t.type for t in MD.parse(md)]
    assert tokens.count("heading_open") == 1
    assert tokens.count("table_open") == 1
    assert tokens.count("tr_open") == len(logframe_rows(model)) + 1
    assert tokens.count("td_open") == 6 * len(logframe_rows(model))


def test_hostile_model_exports_are_valid(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    model = toc.load(path)
    _check_logframe_markdown(model)
    md = logframe_markdown(model)
    assert md.startswith("## Logframe matrix: Title ## \\[x\\](https://evil.example) \\\\x01 \\#\n")
    html = logframe_html(model)
    assert _no_control(html)
    assert "<img" not in html
    assert "&lt;img src=x&gt;" in html
    assert _no_control(to_mermaid(model))
    svg = render_bytes(model, "svg").decode("utf-8")
    assert _no_control(svg)
    ET.fromstring(svg.encode("utf-8"))
    assert "\\x01" in svg  # shown as its escape, not dropped
    rows = list(csv.reader(io.StringIO(logframe_csv(model))))
    assert {len(row) for row in rows} == {6}
    assert _no_control(logframe_csv(model))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models(hostile_labels=True, max_nodes=12))
def test_any_model_gives_exports_without_markup_or_control_characters(model: toc.Model) -> None:
    _check_logframe_markdown(model)
    assert _no_control(logframe_html(model))
    assert _no_control(logframe_csv(model))
    rows = list(csv.reader(io.StringIO(logframe_csv(model))))
    assert {len(row) for row in rows} == {6}
    mermaid = to_mermaid(model)
    assert _no_control(mermaid)
    assert "```" not in mermaid  # can be pasted into a ```mermaid fence in Markdown
    assert _no_control(toc.to_dot(model))
