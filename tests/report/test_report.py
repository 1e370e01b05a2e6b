"""Assessment reports: snapshots (Markdown, HTML, JSON), determinism, self-contained HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import toc
from tests.markdown_tokens import MD, markup
from tests.snapshot import assert_snapshot
from tests.strategies import models
from toc.report import format_for, render_report
from toc.report.content import build
from toc.report.document import Heading, Table

ROOT = Path(__file__).resolve().parents[2]
WORKED = ROOT / "tests" / "data" / "report_worked.yaml"
SMALL = ROOT / "examples" / "small.yaml"
VVSG = ROOT / "models" / "vvsg_2017_2019.yaml"
FAKE_SVG = '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>\n'


def report(path: Path, fmt: str, lang: str | None = None, **kw: str) -> str:
    return render_report(toc.assess(toc.load(path)), fmt, lang=lang, **kw)


@pytest.mark.parametrize(
    ("path", "fmt", "lang", "snapshot"),
    [
        (SMALL, "md", None, "small.md"),
        (SMALL, "md", "nl", "small.nl.md"),
        (WORKED, "md", None, "worked.md"),
        (WORKED, "json", None, "worked.json"),
        (VVSG, "md", None, "vvsg.md"),
        (VVSG, "md", "en", "vvsg.en.md"),
        (VVSG, "json", None, "vvsg.json"),
    ],
)
def test_report_snapshots(path: Path, fmt: str, lang: str | None, snapshot: str) -> None:
    assert_snapshot(f"report/{snapshot}", report(path, fmt, lang))


def test_html_snapshot_with_a_fixed_diagram() -> None:
    assert_snapshot("report/worked.html", report(WORKED, "html", diagram=FAKE_SVG))
    assert_snapshot("report/vvsg.html", report(VVSG, "html", diagram=FAKE_SVG))


def test_vvsg_report_reads_like_an_assessment_chapter() -> None:
    model = toc.load(VVSG)
    text = report(VVSG, "md", "en")
    result = toc.assess(model)
    for assumption in model.assumptions:  # every assumption with its status and confidence
        status = result.assumptions[assumption.id].status
        row = f"| {assumption.id} | "
        line = next(x for x in text.splitlines() if x.startswith(row))
        assert f"| {status} |" in line or f"| {status.value.replace('-', ' ')} |" in line
        assert f"| {result.posteriors[assumption.id].value:.3f} |" in line
        assert f"### {assumption.id}: " in text
    for _, indicator in model.indicators():  # every indicator with its progress
        assert f"| {indicator.id}: " in text
    for item in model.evidence:  # every evidence item is shown with where it is reported
        assert f"| {item.id} | " in text
    assert "#### Arithmetic" in text


def test_arithmetic_is_traceable_from_prior_to_posterior() -> None:
    text = report(WORKED, "md")
    assert (
        "| 1 | ev-hoop | found | hoop | 0.950, 0.600 | 1.58 | 0.500 | "
        "0.950×0.500 / (0.950×0.500 + 0.600×0.500) | 0.613 |" in text
    )
    assert (
        "| 2 | ev-gun + ev-gun-again | found | one observation (source plan texts): LR 6.00 × 1.50 = 9.00, "
        "capped at its most probative item | – | 6.00 | 0.613 | 6.000×0.613 / (6.000×0.613 + 0.387) | 0.905 |"
        in text
    )
    assert "**Posterior:** 0.905" in text


def test_report_names_status_confidence_sources_and_progress() -> None:
    text = report(WORKED, "md")
    assert (
        "| network-spreads | "
        "The association's network spreads the practice to other municipalities | "
        "assumption | contradicted | supported | 0.344 | triangulated |" in text
    )
    assert "survey-report: Table 3" in text  # the citation of the evidence
    assert (
        "| plans-use-sdg | ind-dropout: Pilot municipalities that dropped out (↓) | "
        "10 (2017) | 4 | 7 | 50% | 97% | off track |" in text
    )
    assert "Results at risk (every chain to them is broken): wider-uptake." in text
    assert (
        "- network-spreads (The association's network spreads the practice to other municipalities): "
        "contradicted, posterior 0.344" in text
    )
    assert "**Used as evidence by:** ev-gun → claim-contrib" in text
    assert "**Substantiation:** not substantiated" in text


def test_html_is_self_contained_and_embeds_the_diagram() -> None:
    html = report(WORKED, "html", diagram=FAKE_SVG)
    assert '<figure class="diagram"><svg xmlns="http://www.w3.org/2000/svg"><g/></svg></figure>' in html
    assert "<?xml" not in html
    assert "<!DOCTYPE svg>" not in html
    for fetch in ("<script", "<link", " src=", "url(", "@import"):
        assert fetch not in html
    assert re.findall(r"https?://[^\"' ]+", html) == [
        "http://www.w3.org/2000/svg"
    ]  # a namespace, not a fetch


def test_html_embeds_the_explorer_in_a_sandboxed_frame() -> None:
    page = '<!DOCTYPE html><p title="a">"x" & <script>1</script></p>'
    html = report(WORKED, "html", explorer=page, diagram=FAKE_SVG)
    opening = r'<iframe class="explorer" title="Diagram" sandbox="allow-scripts" srcdoc="([^"]*)">'
    frame = re.search(opening, html)
    assert frame is not None
    assert frame.group(1) == (
        "&lt;!DOCTYPE html&gt;&lt;p title=&quot;a&quot;&gt;&quot;x&quot; &amp; "
        "&lt;script&gt;1&lt;/script&gt;&lt;/p&gt;"
    )
    assert "<svg" not in html  # the explorer takes the picture's place
    assert "<script" not in html


def test_html_without_a_diagram_says_why() -> None:
    html = report(WORKED, "html", diagram_note="no Graphviz engine: install graphviz")
    assert '<p class="note">no Graphviz engine: install graphviz</p>' in html
    assert "<svg" not in html


def test_json_report_has_the_numbers() -> None:
    data = json.loads(report(WORKED, "json"))
    claim = data["claims"][0]
    assert [s["after"] for s in claim["steps"]] == [0.612903, 0.904762]
    assert claim["steps"][1]["evidence"] == ["ev-gun", "ev-gun-again"]
    assert claim["steps"][1]["item_ratios"] == [6.0, 1.5]
    assert claim["steps"][1]["likelihood_ratio"] == 6.0
    assert data["pathways"][0]["weakest_factor"] == "network-spreads"
    assert data["settings"]["test_defaults"]["hoop"] == {"sensitivity": 0.95, "type_i_error": 0.6}
    assert [r["id"] for r in data["results"] if r["at_risk"]] == ["wider-uptake"]


def test_reports_are_deterministic() -> None:
    for fmt in ("md", "html", "json"):
        assert report(WORKED, fmt) == report(WORKED, fmt)


def test_format_from_extension() -> None:
    assert [format_for(p) for p in ("a.md", "A.HTML", "x.json", "x.htm", "x.txt", "x")] == [
        "md",
        "html",
        "json",
        "html",
        None,
        None,
    ]
    with pytest.raises(ValueError, match="unknown report format"):
        render_report(toc.assess(toc.load(SMALL)), "pdf")


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(model=models(hostile_labels=True))
def test_any_model_renders_in_every_format(model: toc.Model) -> None:
    result = toc.assess(model)
    md = render_report(result, "md")
    assert md.startswith("# ")
    html = render_report(result, "html")
    assert "<script" not in html
    json.loads(render_report(result, "json"))


# --- hostile text: the report shows it, never acts on it -----------------------------------------

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
INJECTED = (
    "[x](https://evil.example) ![t](https://evil.example/p.png) <img src=x onerror=alert(1)> "
    "<https://evil.example> `c` *e* ~~s~~ | \\x1b]0;pwned\\x07 \\x9b2J"
)
"""Written into double-quoted YAML, where ``\\x1b`` is the escape for ESC."""
HOSTILE_MODEL = f"""
toc: 1
programme: {{id: p, title: "# {INJECTED}"}}
nodes:
  - {{id: a, level: activity, label: "- {INJECTED}"}}
  - id: o
    level: outcome
    label: "1. {INJECTED}"
    indicators:
      - {{id: i, label: "> {INJECTED}", means_of_verification: ["{INJECTED}"]}}
links:
  - {{from: a, to: o, rationale: "{INJECTED}"}}
assumptions:
  - {{id: h, statement: "{INJECTED}\\n\\n## not a heading\\n<div>", applies_to: [a->o]}}
evidence:
  - {{id: e, about: [h], summary: "{INJECTED}", method: survey, stance: supports, cite: "{INJECTED}"}}
recommendations:
  - {{id: r, text: "{INJECTED}", responds_to: [h]}}
"""


def _hostile(tmp_path: Path) -> toc.Assessment:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE_MODEL, encoding="utf-8")
    return toc.assess(toc.load(path))


def test_markdown_report_makes_no_link_image_or_html_from_model_text(tmp_path: Path) -> None:
    result = _hostile(tmp_path)
    md = render_report(result, "md")
    assert markup(md) == []
    assert not CONTROL.search(md.replace("\n", ""))
    headings = [t for t in MD.parse(md) if t.type == "heading_open"]
    assert len(headings) == sum(isinstance(b, Heading) for b in build(result))
    assert "\\[x\\](https://evil.example)" in md  # shown as written, escaped rather than stripped
    assert "\\\\x1b\\]0;pwned\\\\x07" in md  # the escape, its backslash escaped for Markdown


def test_html_report_carries_no_markup_or_control_character_from_model_text(tmp_path: Path) -> None:
    html = render_report(_hostile(tmp_path), "html")
    assert "<img" not in html
    assert "<div>" not in html
    assert not CONTROL.search(html.replace("\n", ""))
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(model=models(hostile_labels=True, max_nodes=12))
def test_any_model_gives_a_markdown_report_without_markup_from_its_text(model: toc.Model) -> None:
    result = toc.assess(model)
    md = render_report(result, "md")
    assert markup(md) == []
    assert not CONTROL.search(md.replace("\n", ""))
    blocks = build(result)
    parsed = [t.type for t in MD.parse(md)]
    assert parsed.count("heading_open") == sum(isinstance(b, Heading) for b in blocks)
    assert parsed.count("table_open") == sum(isinstance(b, Table) and bool(b.header) for b in blocks)
