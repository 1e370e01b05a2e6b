"""Triangulation, link and pathway confidence, results at risk, harvest, and the assess() facade."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import toc
from tests.strategies import models
from toc.assessment import Assessment, Untyped
from toc.assessment.confidence import resting_on
from toc.index import index_of
from toc.model import Model

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def worked() -> Assessment:
    return toc.assess(toc.load(DATA / "report_worked.yaml"))


def test_claim_reproduces_the_worked_check(worked: Assessment) -> None:
    post = worked.posteriors["claim-contrib"]
    assert [round(s.after, 3) for s in post.steps] == [0.613, 0.905]
    # ev-gun and ev-gun-again share a source: one observation, worth the smoking gun alone
    assert [[e.id for e, _ in s.members] for s in post.steps] == [["ev-hoop"], ["ev-gun", "ev-gun-again"]]
    assert post.excluded == ()


def test_triangulation_counts_independent_sources_methods_documents_investigators(
    worked: Assessment,
) -> None:
    tri = worked.triangulation["network-spreads"]
    assert tri.methods == ("interview", "survey")
    assert len(tri.sources) == 2
    assert tri.documents == ("eval", "survey-report")
    assert tri.investigators == ("Bureau B", "Team A")
    assert tri.level == "triangulated"
    assert not tri.agree
    claim = worked.triangulation["claim-contrib"]
    assert (claim.items, len(claim.sources)) == (3, 2)  # two items from 'plan texts' are one source
    assert worked.triangulation["elections-disrupt"].level == "single-source"


def test_link_confidence_is_the_weakest_factor_and_a_risk_counts_as_its_complement(
    worked: Assessment,
) -> None:
    lc = worked.links["plans-use-sdg->wider-uptake"]
    values = {f.id: round(f.value, 3) for f in lc.factors}
    assert values == {
        "plans-use-sdg->wider-uptake": 0.5,
        "network-spreads": 0.344,
        "elections-disrupt": 0.891,
    }
    assert round(lc.value, 3) == 0.344
    assert lc.weakest.id == "network-spreads"
    assert lc.broken == ("network-spreads",)  # contradicted assumption; the contradicted risk is no threat


def test_pathway_confidence_min_and_joint(worked: Assessment) -> None:
    (pc,) = worked.pathways
    assert round(pc.value, 3) == 0.344
    # distinct factors: three link posteriors 0.5, councils-back, network-spreads, 1 - elections-disrupt
    post = {k: p.value for k, p in worked.posteriors.items()}
    expected = 0.5**3 * post["councils-back"] * post["network-spreads"] * (1 - post["elections-disrupt"])
    assert math.isclose(pc.joint, expected, rel_tol=1e-9)
    assert round(pc.joint, 3) == 0.030
    assert pc.broken == ("plans-use-sdg->wider-uptake",)


def test_outcome_at_risk_when_every_chain_is_broken(worked: Assessment) -> None:
    assert [n.node for n in worked.at_risk()] == ["wider-uptake"]
    assert worked.nodes["wider-uptake"].affected_by == ("network-spreads",)
    assert not worked.nodes["plans-use-sdg"].at_risk
    assert worked.nodes["plans-use-sdg"].chain[-1].endswith("->plans-use-sdg")


def test_low_confidence_uses_the_threshold(worked: Assessment) -> None:
    assert [p.id for p in worked.low_confidence()] == ["network-spreads", "elections-disrupt"]
    assert [p.id for p in worked.low_confidence(0.2)] == ["elections-disrupt"]


def test_harvest_record_used_as_evidence(worked: Assessment) -> None:
    used, unused = worked.harvest
    assert [e.id for e in used.used_by] == ["ev-gun"]
    assert used.claims == ("claim-contrib",)
    assert used.substantiated
    assert not unused.substantiated
    assert unused.used_by == ()


def test_unattached_precondition_rests_on_links_leaving_activities() -> None:
    a = toc.assess(toc.load(Path(__file__).parents[2] / "examples" / "small.yaml"))
    resting = [lid for lid, lc in a.links.items() if "permits" in {f.id for f in lc.factors}]
    assert resting == ["train-promoters->use-filters", "train-promoters->filters-distributed"]
    assert a.unattached == ()


def test_options_change_the_result() -> None:
    model = toc.load(DATA / "report_worked.yaml")
    excluded = toc.assess(model, untyped=Untyped.EXCLUDE)
    assert excluded.posteriors["network-spreads"].value == 0.5
    assert toc.assess(model, default_prior=0.2).posteriors["claim-contrib"].prior == 0.2


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(model=models())
def test_any_valid_model_assesses_with_probabilities_in_range(model: toc.Model) -> None:
    result = toc.assess(model)
    for post in result.posteriors.values():
        assert 0.0 <= post.value <= 1.0
    for lc in result.links.values():
        assert 0.0 <= lc.value <= 1.0
    for pc in result.pathways:
        assert 0.0 <= pc.joint <= pc.value + 1e-12 <= 1.0 + 1e-12
    for nc in result.nodes.values():
        assert nc.value is None or 0.0 <= nc.value <= 1.0


PARALLEL = """
toc: 1
programme: {id: p, title: t}
nodes:
  - {id: a1, level: activity, label: a1}
  - {id: a2, level: activity, label: a2}
  - {id: o, level: outcome, label: o}
links:
  - {from: a1, to: o, assumptions: [weak]}
  - {from: a2, to: o, prior: 0.8}
assumptions:
  - {id: weak, statement: s, likelihood: unlikely}
pathways:
  - {id: both, label: both routes, links: [a1->o, a2->o]}
  - {id: weak-only, label: one route, links: [a1->o]}
"""


def test_parallel_routes_the_best_one_counts() -> None:
    result = toc.assess(toc.loads(PARALLEL, "parallel.yaml"))
    both, weak_only = result.pathways
    assert both.value == pytest.approx(0.8)
    assert [lc.link.id for lc in both.chain] == ["a2->o"]
    assert both.joint == pytest.approx(0.8)
    assert weak_only.value == pytest.approx(0.3)
    assert result.nodes["o"].value == pytest.approx(0.8)
    assert result.nodes["o"].chain == ("a2->o",)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_resting_on_is_what_the_index_says_each_link_rests_on(model: Model) -> None:
    index = index_of(model)
    for link in model.links:
        assert [a.id for a in resting_on(index, link)] == index.rests_on(link)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_resting_links_lists_each_assumptions_links_in_model_order(model: Model) -> None:
    assessment = toc.assess(model)
    want: dict[str, tuple[str, ...]] = {}
    for aid in model.index():
        links = tuple(lid for lid, lc in assessment.links.items() if aid in {f.id for f in lc.factors[1:]})
        if links:
            want[aid] = links
    assert assessment.resting_links == want
