"""Any valid model passes through every rule without an exception, and findings are well-formed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from tests.strategies import models
from toc.model import Model
from toc.rules import all_rules, run_rules

CODES = {r.code for r in all_rules()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_every_rule_runs_on_any_model(model: Model) -> None:
    for d in run_rules(model):
        assert d.code in CODES
        assert d.message
        assert "\n" not in d.message
        assert d.target


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models(hostile_labels=True))
def test_hostile_labels_stay_on_one_line(model: Model) -> None:
    for d in run_rules(model, lang="nl"):
        assert "\n" not in d.message
