"""Bayesian contribution tracing: the worked check of methodology.md §4 and the laws of updating."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toc.assessment.contribution import (
    combine,
    independence_key,
    posterior,
    prior_of,
    trace,
    update,
    update_ratio,
)
from toc.assessment.probative import TEST_DEFAULTS, Basis, Untyped, likelihoods
from toc.model import Assumption, Claim, Evidence, Link
from toc.model.enums import TestType as Kind

CHECK = settings(deadline=None, max_examples=80)


def ev(id: str = "e", **kw: object) -> Evidence:
    data: dict[str, object] = {
        "id": id,
        "about": ["h"],
        "summary": "x",
        "method": "interview",
        "stance": "supports",
    }
    data.update(kw)
    return Evidence.model_validate(data)


def claim(prior: float | None = None) -> Claim:
    return Claim(id="h", statement="the programme contributed", about="n", prior=prior)


def test_worked_check_from_methodology() -> None:
    after_hoop = update(0.5, 0.95, 0.6, found=True)
    assert after_hoop is not None
    assert round(after_hoop, 3) == 0.613
    after_gun = update(after_hoop, 0.3, 0.05, found=True)
    assert after_gun is not None
    assert round(after_gun, 3) == 0.905


def test_worked_check_through_test_types_and_trace() -> None:
    items = [
        ev("hoop", test="hoop", source="interviews"),
        ev("gun", test="smoking-gun", source="minutes"),
    ]
    result = trace(claim(), items)
    assert [round(s.before, 3) for s in result.steps] == [0.5, 0.613]
    assert [round(s.after, 3) for s in result.steps] == [0.613, 0.905]
    assert round(result.value, 3) == 0.905
    assert result.prior_basis == "default"


def test_absent_evidence_uses_the_absent_formula() -> None:
    # hoop failed: (1-0.95)*0.5 / ((1-0.95)*0.5 + (1-0.6)*0.5) = 0.111
    assert round(update(0.5, 0.95, 0.6, found=False) or 0, 3) == 0.111
    result = trace(claim(), [ev(test="hoop", found=False)])
    assert round(result.value, 3) == 0.111


def test_explicit_probabilities_override_the_test_type() -> None:
    lik = likelihoods(ev(test="hoop", sensitivity=0.8, type_i_error=0.2))
    assert not isinstance(lik, str)
    assert (lik.sensitivity, lik.type_i_error, lik.basis) == (0.8, 0.2, Basis.EXPLICIT)


def test_one_probability_with_a_test_type_fills_the_other() -> None:
    lik = likelihoods(ev(test="smoking-gun", sensitivity=0.4))
    assert not isinstance(lik, str)
    assert (lik.sensitivity, lik.type_i_error) == (0.4, 0.05)


def test_one_probability_alone_is_excluded_with_a_reason() -> None:
    result = trace(claim(), [ev(sensitivity=0.9)])
    assert result.steps == ()
    assert "both probabilities" in result.excluded[0].reason
    assert result.value == 0.5


def test_contradicting_test_swaps_the_probabilities() -> None:
    lik = likelihoods(ev(test="smoking-gun", stance="contradicts"))
    assert not isinstance(lik, str)
    assert (lik.sensitivity, lik.type_i_error) == (0.05, 0.3)
    # 0.05·0.5 / (0.05·0.5 + 0.3·0.5) = 0.143: a smoking gun against the claim
    assert round(trace(claim(), [ev(test="smoking-gun", stance="contradicts")]).value, 3) == 0.143


def test_untyped_evidence_is_a_straw_in_the_wind_or_excluded() -> None:
    item = ev(strength="strong")
    lik = likelihoods(item)
    assert not isinstance(lik, str)
    assert lik.basis is Basis.STANCE
    assert round(trace(claim(), [item]).value, 3) == 0.7
    excluded = trace(claim(), [item], untyped=Untyped.EXCLUDE)
    assert excluded.value == 0.5
    assert excluded.excluded[0].reason == "no test type and no probabilities"


def test_mixed_stance_needs_explicit_probabilities() -> None:
    assert isinstance(likelihoods(ev(stance="mixed", test="hoop")), str)
    lik = likelihoods(ev(stance="mixed", sensitivity=0.5, type_i_error=0.4))
    assert not isinstance(lik, str)


def test_agreeing_items_of_a_group_weigh_as_their_most_probative_item() -> None:
    items = [
        ev("a", test="straw-in-the-wind", group="g"),
        ev("b", test="smoking-gun", group="g"),
        ev("c", test="hoop", group="g"),
    ]
    result = trace(claim(), items)
    (step,) = result.steps
    assert step.evidence.id == "b"
    assert [e.id for e, _ in step.members] == ["a", "b", "c"]
    assert round(step.uncapped, 2) == 14.25  # 1.5 × 6 × 1.583: what counting them thrice would give
    assert step.ratio == pytest.approx(6.0)  # capped at the smoking gun's
    assert round(result.value, 3) == round(update(0.5, 0.3, 0.05, True) or 0, 3)
    assert result.excluded == ()


def test_disagreeing_items_of_a_group_partly_cancel() -> None:
    items = [
        ev("for", test="smoking-gun", source="survey"),  # LR 6
        ev("against", test="straw-in-the-wind", stance="contradicts", source="survey"),  # LR 0.4/0.6
    ]
    (step,) = trace(claim(), items).steps
    assert step.ratio == pytest.approx(6 * (0.4 / 0.6))
    assert step.evidence.id == "for"


def test_combine_rules() -> None:
    assert combine([2.0, 2.0]) == pytest.approx(2.0)
    assert combine([2.0, 0.25]) == pytest.approx(0.5)
    assert combine([0.0, 3.0]) == 0.0
    assert combine([math.inf, 0.5]) == math.inf
    assert combine([0.0, math.inf]) is None
    assert update_ratio(0.5, 3.0) == pytest.approx(0.75)
    assert update_ratio(0.0, math.inf) is None


def test_items_of_one_source_are_one_observation_unless_grouped_apart() -> None:
    same = [ev("a", source="survey", test="hoop"), ev("b", source="survey", test="hoop")]
    assert len(trace(claim(), same).steps) == 1
    apart = [ev("a", source="survey", group="q1"), ev("b", source="survey", group="q2")]
    assert len(trace(claim(), apart).steps) == 2
    assert independence_key(ev("z")) == "item z"


def test_priors_recorded_then_likelihood_then_default() -> None:
    assert prior_of(claim(0.2)) == (0.2, "recorded")
    assumption = Assumption(id="a", statement="s", likelihood="unlikely")
    assert prior_of(assumption) == (0.3, "likelihood unlikely")
    assert prior_of(Link.model_validate({"from": "a", "to": "b"}), default=0.4) == (0.4, "default")


def test_impossible_observation_is_excluded_not_a_crash() -> None:
    result = trace(claim(), [ev(sensitivity=0.0, type_i_error=0.0)])
    assert result.value == 0.5
    assert "neither" in result.excluded[0].reason
    certain = trace(claim(1.0), [ev(sensitivity=0.0, type_i_error=0.5)])
    assert certain.value == 1.0
    assert "rules this observation out" in certain.excluded[0].reason


def test_test_defaults_have_the_documented_shape() -> None:
    straw, hoop, gun, dd = (TEST_DEFAULTS[t] for t in Kind)
    assert abs(straw[0] - straw[1]) <= 0.2
    assert hoop[0] >= 0.9
    assert hoop[1] >= 0.3
    assert gun[0] <= 0.5
    assert gun[1] <= 0.1
    assert dd[0] >= 0.9
    assert dd[1] <= 0.1


prob = st.floats(min_value=0.01, max_value=0.99, allow_nan=False)
observation = st.tuples(prob, prob, st.booleans())


@CHECK
@given(prior=st.floats(min_value=0, max_value=1), items=st.lists(observation, max_size=8))
def test_posterior_stays_in_the_unit_interval(prior: float, items: list[tuple[float, float, bool]]) -> None:
    assert 0.0 <= posterior(prior, items) <= 1.0


@CHECK
@given(prior=prob, se=prob, se2=prob, alpha=prob)
def test_found_evidence_rises_with_sensitivity(prior: float, se: float, se2: float, alpha: float) -> None:
    low, high = sorted((se, se2))
    assert (update(prior, low, alpha, True) or 0) <= (update(prior, high, alpha, True) or 0) + 1e-12


@CHECK
@given(prior=prob, se=prob, alpha=prob, alpha2=prob)
def test_found_evidence_falls_with_type_i_error(prior: float, se: float, alpha: float, alpha2: float) -> None:
    low, high = sorted((alpha, alpha2))
    assert (update(prior, se, high, True) or 0) <= (update(prior, se, low, True) or 0) + 1e-12


@CHECK
@given(prior=prob, se=prob, se2=prob, alpha=prob)
def test_absent_evidence_hurts_more_the_more_sensitive_the_test(
    prior: float, se: float, se2: float, alpha: float
) -> None:
    # failing a test a true claim would almost surely pass (a hoop) is the strongest blow
    low, high = sorted((se, se2))
    assert (update(prior, high, alpha, False) or 0) <= (update(prior, low, alpha, False) or 0) + 1e-12


@CHECK
@given(prior=prob, items=st.lists(observation, min_size=1, max_size=6), data=st.data())
def test_order_of_independent_evidence_does_not_matter(
    prior: float, items: list[tuple[float, float, bool]], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(items))
    assert math.isclose(posterior(prior, items), posterior(prior, shuffled), abs_tol=1e-9)


tests_ = st.sampled_from([None, *Kind])


@CHECK
@given(
    specs=st.lists(
        st.tuples(
            tests_, st.sampled_from(["supports", "contradicts"]), st.booleans(), st.sampled_from("abc")
        ),
        min_size=1,
        max_size=7,
    ),
    data=st.data(),
)
def test_trace_does_not_depend_on_the_order_items_are_written(
    specs: list[tuple[Kind | None, str, bool, str]], data: st.DataObject
) -> None:
    items = [ev(f"e{i}", test=t, stance=s, found=f, source=src) for i, (t, s, f, src) in enumerate(specs)]
    shuffled = data.draw(st.permutations(items))
    first, second = trace(claim(), items), trace(claim(), shuffled)
    assert math.isclose(first.value, second.value, abs_tol=1e-9)
    assert 0 <= first.value <= 1


@pytest.mark.parametrize("test", list(Kind))
def test_every_test_type_found_raises_and_absent_lowers(test: Kind) -> None:
    assert trace(claim(), [ev(test=test)]).value > 0.5
    assert trace(claim(), [ev(test=test, found=False)]).value < 0.5
