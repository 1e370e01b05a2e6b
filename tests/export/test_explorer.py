"""The explorer page without a browser: the format, its data, its policy, its safety.

What it does in a browser is tested in tests/browser.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import toc
from tests.snapshot import assert_snapshot
from tests.strategies import models
from toc.cli import main
from toc.export import limits
from toc.export.explorer.data import explorer_data
from toc.export.explorer.page import source
from toc.export.limits import EXPLORER_LIMIT, LAYOUT_LIMIT, DiagramTooLarge, explorer_limit, layout_limit
from toc.export.render import render_bytes

ROOT = Path(__file__).resolve().parents[2]
VVSG = ROOT / "models" / "vvsg_2017_2019.yaml"
WORKED = ROOT / "tests" / "data" / "report_worked.yaml"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLOCK = re.compile(r'<script type="application/json" id="toc-data">(.*?)</script>', re.DOTALL)


def _page(model: toc.Model) -> str:
    return render_bytes(model, "explorer").decode("utf-8")


@pytest.fixture(scope="module")
def vvsg() -> tuple[toc.Model, str]:
    model = toc.load(VVSG)
    return model, _page(model)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_cli_writes_the_explorer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "explorer.html"
    assert main(["render", str(VVSG), "-o", str(out), "--format", "explorer"]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert f"wrote {out}" in capsys.readouterr().err


def test_the_policy_allows_only_the_page_own_script_and_style(vvsg: tuple[toc.Model, str]) -> None:
    _, page = vvsg
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert policy is not None
    rules = dict(rule.strip().split(" ", 1) for rule in policy.group(1).split(";"))
    assert rules["default-src"] == "'none'"
    assert rules["connect-src"] == "'none'"
    assert rules["script-src"] == _hash(source("explorer.js"))
    assert rules["style-src"] == _hash(source("explorer.css"))
    assert "unsafe" not in policy.group(1)
    assert f"<script>{source('explorer.js')}</script>" in page
    assert f"<style>{source('explorer.css')}</style>" in page
    assert page.count("<script") == 2


def test_every_result_and_link_carries_its_model_id(vvsg: tuple[toc.Model, str]) -> None:
    model, page = vvsg
    drawn = {html_id.replace("&gt;", ">") for html_id in re.findall(r'data-id="([^"]*)"', page)}
    assert {n.id for n in model.nodes} <= drawn
    assert {link.id for link in model.links} <= drawn
    assert drawn & {a.id for a in model.assumptions}
    assert drawn <= {e.id for e in model.elements()}
    assert page.count('<svg class="toc-diagram"') == len(model.languages)


def test_the_embedded_data_is_the_panel_data(vvsg: tuple[toc.Model, str]) -> None:
    model, page = vvsg
    block = _BLOCK.search(page)
    assert block is not None
    data = json.loads(block.group(1))
    expected = json.loads(json.dumps(explorer_data(toc.assess(model))))
    assert {k: v for k, v in data.items() if k not in ("lang", "drawn")} == expected
    assert data["lang"] == "nl"
    assert data["drawn"] == ["nl", "en"]
    evidence = data["elements"]["as-p2-vvsg-sdg-work"]["evidence"]
    assert [e["stance"] for e in evidence].count("contradicts") == 4


def test_same_model_same_bytes(vvsg: tuple[toc.Model, str]) -> None:
    model, page = vvsg
    assert _page(model) == page


def test_panel_data_snapshot() -> None:
    data = explorer_data(toc.assess(toc.load(WORKED)))
    assert_snapshot("explorer/worked.json", json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def test_explorer_limit_is_its_own(tmp_path: Path) -> None:
    model = toc.load(VVSG)
    with pytest.raises(DiagramTooLarge, match="more than the 10"):
        toc.render(model, tmp_path / "x.html", format="explorer", max_size=10)
    assert not (tmp_path / "x.html").exists()
    assert EXPLORER_LIMIT > LAYOUT_LIMIT
    assert (explorer_limit("default"), layout_limit("default")) == (EXPLORER_LIMIT, LAYOUT_LIMIT)


def test_a_max_size_equal_to_the_layout_default_is_taken_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--max-size 1500`` means 1,500 for the explorer too, not the explorer's own 5,000."""
    model = toc.load(VVSG)
    size = len(model.nodes) + len(model.links)
    monkeypatch.setattr(limits, "LAYOUT_LIMIT", size - 1)  # VVSG stands for a model just above it
    out = tmp_path / "x.html"
    argv = ["render", str(VVSG), "-o", str(out), "--format", "explorer"]
    assert main([*argv, "--max-size", str(size - 1)]) == 2
    assert f"more than the {size - 1:,}" in capsys.readouterr().err
    assert not out.exists()
    assert main(argv) == 0  # the explorer's own default stands when none is given


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models(hostile_labels=True, max_nodes=8))
def test_any_model_gives_an_inert_page(model: toc.Model) -> None:
    page = _page(model)
    assert CONTROL.search(re.sub("[\n\r\t]", "", page)) is None
    block = _BLOCK.search(page)
    assert block is not None
    assert "<" not in block.group(1)
    assert json.loads(block.group(1))["elements"].keys() == {
        *(n.id for n in model.nodes),
        *(link.id for link in model.links),
        *(a.id for a in model.assumptions),
    }
    tags = _Tags()
    tags.feed(page)
    assert tags.scripts == 2
    assert not [a for a in tags.attributes if a[0].startswith("on")]  # no event handler
    assert not [a for a in tags.attributes if "javascript:" in (a[1] or "").lower()]
    assert tags.names <= {*_PAGE_TAGS, *_SVG_TAGS}


_PAGE_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "div",
    "main",
    "aside",
    "script",
}
_SVG_TAGS = {"svg", "g", "title", "polygon", "path", "ellipse", "text", "a", "polyline"}


class _Tags(HTMLParser):
    """Every element and attribute an HTML parser finds in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.attributes.extend(attrs)
        self.scripts += tag == "script"
