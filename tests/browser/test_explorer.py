"""The explorer in a real browser: it loads offline, deep links open their panel, clicking,
filtering, searching and the language switch do what they say, and hostile text never runs."""

from __future__ import annotations

from pathlib import Path

import pytest

import toc
from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
VVSG = ROOT / "models" / "vvsg_2017_2019.yaml"
SCREENSHOT = ROOT / "docs" / "img" / "explorer.png"


@pytest.fixture(scope="module")
def vvsg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("explorer") / "vvsg.html"
    toc.render(toc.load(VVSG), out, format="explorer")
    return out


def _visible_diagram(visit: Visit) -> str:
    lang: str = visit.page.evaluate(
        "document.querySelector('.diagram:not([hidden]) svg').getAttribute('data-lang')"
    )
    return lang


def test_loads_offline_without_console_messages(visit: Visit, vvsg: Path) -> None:
    page = visit.open(vvsg)
    assert visit.requests == [vvsg.resolve().as_uri()]
    assert visit.messages == []
    assert page.locator(".diagram:not([hidden]) svg").is_visible()
    assert page.locator(".diagram:not([hidden]) [data-id]").count() > 50


def test_deep_link_opens_the_panel_with_the_evidence(visit: Visit, vvsg: Path) -> None:
    page = visit.open(vvsg, "#as-p2-vvsg-sdg-work")
    panel = page.locator("#toc-panel")
    assert panel.is_visible()
    assert page.locator("#toc-panel-title").inner_text().startswith("Een SDG-werking binnen de VVSG")
    text = panel.inner_text()
    assert "WEERLEGD" in text  # the derived status: contradicted
    assert "Bewijs tegen (4)" in text
    assert "ev-p99-contradicted-by-reality" in text
    assert "interview" in text  # the method of an item
    assert visit.messages == []


def test_clicking_an_element_opens_it_and_sets_the_fragment(visit: Visit, vvsg: Path) -> None:
    page = visit.open(vvsg)
    page.locator('.diagram:not([hidden]) g.node[data-id="sd1"]').click()
    assert page.locator("#toc-panel").is_visible()
    assert page.evaluate("location.hash") == "#sd1"
    assert page.locator('.diagram:not([hidden]) [data-id="sd1"].selected').count() == 1
    page.keyboard.press("Escape")
    assert page.locator("#toc-panel").is_hidden()


def test_clicking_an_assumption_in_a_note_opens_that_assumption(visit: Visit, vvsg: Path) -> None:
    page = visit.open(vvsg)
    cell = page.locator('.diagram:not([hidden]) [data-id="as-p2-vvsg-sdg-work"]').first
    assert cell.locator("rect.hit").count() == 1  # text alone: the page gave it an area
    cell.click()
    assert page.evaluate("location.hash") == "#as-p2-vvsg-sdg-work"
    assert "WEERLEGD" in page.locator("#toc-panel").inner_text()


def test_keyboard_selects_and_zooms(visit: Visit, vvsg: Path) -> None:
    page = visit.open(vvsg)
    width = "document.querySelector('.diagram:not([hidden]) svg').viewBox.baseVal.width"
    full = page.evaluate(width)
    page.locator("#toc-viewport").focus()
    page.keyboard.press("+")
    assert page.evaluate(width) < full
    page.keyboard.press("0")
    assert page.evaluate(width) == full
    page.locator('.diagram:not([hidden]) [data-id="sd1"]').first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#sd1"


def test_filter_by_assumption_status(visit: Visit, vvsg: Path) -> None:
    page = visit.open(vvsg)
    page.select_option('select[data-filter="x-assumption-status"]', "contradicted")
    shown = '.diagram:not([hidden]) [data-id="as-p2-vvsg-sdg-work"]'
    assert page.locator(shown + ".dim").count() == 0
    statuses = page.evaluate("JSON.parse(document.getElementById('toc-data').textContent).elements")
    supported = next(k for k, v in statuses.items() if v.get("status") == "supported")
    assert page.locator(f'.diagram:not([hidden]) [data-id="{supported}"]:not(.dim)').count() == 0


def test_search_lists_and_opens_matches(visit: Visit, vvsg: Path) -> None:
    page = visit.open(vvsg)
    page.keyboard.press("/")
    page.keyboard.type("SDG-werking")
    assert "gevonden" in page.locator(".search .count").inner_text()
    assert page.locator("#toc-results button").count() >= 1
    assert page.locator('.diagram:not([hidden]) [data-id="as-p2-vvsg-sdg-work"].match').count() >= 1
    page.keyboard.press("Enter")
    assert page.locator("#toc-panel").is_visible()


def test_language_switch(visit: Visit, vvsg: Path) -> None:
    page = visit.open(vvsg, "#as-p2-vvsg-sdg-work")
    assert _visible_diagram(visit) == "nl"
    page.select_option("#toc-language", "en")
    assert _visible_diagram(visit) == "en"
    assert page.evaluate("document.documentElement.lang") == "en"
    assert "CONTRADICTED" in page.locator("#toc-panel").inner_text()
    assert page.locator("label", has_text="Assumption status").count() == 1


INDICATORS = """toc: 1
languages: [en]
programme: {id: p, title: P, period: {start: 2017, end: 2019}}
links: [{from: a, to: o1}, {from: a, to: o2}]
nodes:
  - {id: a, level: activity, label: Train staff}
  - {id: o2, level: outcome, label: Staff overloaded, unintended: true, negative: true}
  - id: o1
    level: outcome
    label: Municipal plans name the SDGs
    verdict: {by: ACE Europe, cite: para 84, status: on-track, quote: "Zeker 18/20 pilootgemeenten"}
    indicators:
      - id: i1
        label: Plans naming the SDGs
        baseline: [{year: 2016, value: "2,800"}, {year: 2016, value: 5, dimensions: {sex: female}}]
        periods:
          - {start: 2017, end: 2018, label: Milestone 1, target: 20, verdict: {status: off-track}}
          - start: 2018
            end: 2019
            target: policy adopted
            actual: [{value: 4}, {value: 1, dimensions: {sex: female}}]
"""


def _explorer_of(text: str, folder: Path) -> Path:
    """The explorer of the model written as ``text``."""
    model_path = folder / "model.yaml"
    model_path.write_text(text, encoding="utf-8")
    out = folder / "explorer.html"
    toc.render(toc.load(model_path), out, format="explorer")
    return out


def test_indicators_show_every_period_and_verdict(visit: Visit, tmp_path: Path) -> None:
    page = visit.open(_explorer_of(INDICATORS, tmp_path), "#o1")
    text = page.locator("#toc-panel").inner_text()
    assert "Verdict (judged, not measured): on track" in text
    assert "Zeker 18/20 pilootgemeenten" in text
    assert "ACE Europe" in text
    assert "2,800 [2016]" in text  # the value as reported, with its year
    assert "5 (sex: female) [2016]" in text
    assert "Milestone 1: 2017 – 2018" in text
    assert "policy adopted" in text
    assert "4; 1 (sex: female)" in text
    assert "Verdict (judged, not measured): off track" in text
    page.evaluate("location.hash = 'o2'")
    text = page.locator("#toc-panel").inner_text()
    assert "unintended result" in text
    assert "negative result" in text
    assert visit.messages == []


HOSTILE = """toc: 1
languages: [en]
programme: {id: p, title: "</script><script>window.pwned=1</script>"}
sources:
  - {id: s, title: "<img src=x onerror=window.pwned=2>", url: "javascript:window.pwned=3"}
nodes:
  - {id: a, level: activity, label: "<svg onload=window.pwned=4> \\x01\\e[8m \\u2028 end"}
  - {id: o, level: outcome, label: "</script><!-- <script>alert(1)</script>"}
links:
  - {from: a, to: o, rationale: "javascript:alert(1) <a href=javascript:alert(2)>x</a>"}
assumptions:
  - {id: h, statement: "\\"><img src=x onerror=alert(3)> ]]> </style>", applies_to: [a->o]}
evidence:
  - {id: e, about: [h], summary: "<iframe srcdoc='<script>parent.pwned=5</script>'>", method: interview,
     stance: contradicts, source: s}
"""


def test_hostile_text_never_runs(visit: Visit, tmp_path: Path) -> None:
    out = _explorer_of(HOSTILE, tmp_path)
    page = visit.open(out, "#h")
    for element in ("h", "a", "o", "a->o"):
        page.evaluate("id => location.hash = encodeURIComponent(id)", element)
        assert page.locator("#toc-panel").is_visible()
    page.locator("#toc-search").fill("script")
    assert page.evaluate("window.pwned") is None
    assert visit.dialogs == []
    assert visit.messages == []
    assert visit.requests == [out.resolve().as_uri()]
    assert page.locator("iframe, img, script:not(#toc-data)").count() == 1  # the page's own script
    page.evaluate("location.hash = 'a'")
    assert "<svg onload=window.pwned=4>" in page.locator("#toc-panel-title").inner_text()


def test_screenshot_for_the_readme(visit: Visit, vvsg: Path, tmp_path: Path) -> None:
    """The README's picture of the explorer; rewritten with TOC_UPDATE_SNAPSHOTS=1."""
    import os

    page = visit.open(vvsg, "#as-p2-vvsg-sdg-work")
    page.locator("#toc-viewport").focus()
    for _ in range(2):
        page.keyboard.press("+")
    shot = tmp_path / "explorer.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("TOC_UPDATE_SNAPSHOTS"):
        SCREENSHOT.write_bytes(shot.read_bytes())
    assert SCREENSHOT.exists(), "run TOC_UPDATE_SNAPSHOTS=1 pytest tests/browser to take it"


def test_report_embeds_the_explorer(visit: Visit, tmp_path: Path) -> None:
    from toc.cli import main

    out = tmp_path / "report.html"
    assert main(["report", str(VVSG), "-o", str(out)]) == 0
    visit.page.goto(out.resolve().as_uri())
    frame = visit.page.frame_locator("iframe.explorer")
    frame.locator("body.ready").wait_for(timeout=15_000)
    assert frame.locator(".diagram:not([hidden]) svg").is_visible()
    frame.locator('.diagram:not([hidden]) g.node[data-id="sd1"]').click()
    assert frame.locator("#toc-panel").is_visible()
    assert visit.messages == []
    assert visit.requests == [out.resolve().as_uri()]
