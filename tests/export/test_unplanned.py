"""Unintended and negative results, and results reached off the theory, are drawn and reported as such."""

from __future__ import annotations

import pytest

import toc
from toc.assessment.assessment import assess
from toc.export.mermaid import to_mermaid
from toc.report import render_report

MODEL = """toc: 1
programme: {id: p, title: P}
nodes:
  - {id: act, level: activity, label: Road works}
  - {id: roads, level: output, label: Roads rehabilitated}
  - {id: trade, level: outcome, label: Farmers reach markets}
  - {id: dust, level: outcome, label: Dust and accidents near schools, unintended: true, negative: true}
  - {id: jobs, level: outcome, label: Local jobs on the works, unintended: true}
links:
  - {from: act, to: roads}
  - {from: roads, to: trade, assumptions: [a1]}
  - {from: roads, to: dust}
  - {from: act, to: jobs}
assumptions:
  - {id: a1, statement: Transport services follow the roads}
evidence:
  - {id: e1, about: [a1], summary: No buses ran, method: survey, stance: contradicts, strength: strong}
  - {id: e2, about: [trade], summary: Traders came by bicycle, method: interview, stance: supports}
"""


@pytest.fixture(scope="module")
def model() -> toc.Model:
    return toc.loads(MODEL, "m.yaml")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_dot_draws_unintended_dashed_negative_red_and_the_off_route_result(
    model: toc.Model, lang: str
) -> None:
    dot = toc.to_dot(model, lang=lang)
    dust = next(line for line in dot.splitlines() if line.lstrip().startswith('"dust"'))
    assert "dashed" in dust
    assert "#f4cccc" in dust
    jobs = next(line for line in dot.splitlines() if line.lstrip().startswith('"jobs"'))
    assert "dashed" in jobs
    assert "#f4cccc" not in jobs
    trade = next(line for line in dot.splitlines() if line.lstrip().startswith('"trade"'))
    assert "#2166ac" in trade
    words = {
        "en": ("unintended", "negative", "reached off-theory"),
        "nl": ("niet beoogd", "negatief", "buiten"),
    }
    for word in words[lang]:
        assert word in dot


def test_mermaid_classes(model: toc.Model) -> None:
    text = to_mermaid(model)
    assert "classDef unintended stroke-dasharray:5 5" in text
    assert "classDef negative fill:#f4cccc" in text
    assert "classDef offroute" in text


def test_report_names_them(model: toc.Model) -> None:
    text = render_report(assess(model), "md")
    assert "dust (unintended, negative)" in text
    assert "route the theory does not describe: trade" in text
