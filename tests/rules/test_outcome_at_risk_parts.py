"""outcome-at-risk works only on the part of the graph a broken link can affect: its two shortcuts
give what the plain definitions give (the whole-graph walk and the full propagation of causes)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from tests.assessment.test_risk_agreement import contradicted_models
from toc.assessment.risk import broken_links, sound_successors
from toc.model import Model
from toc.rules.assumptions import _causes, _soundly_reached
from toc.rules.base import Context
from toc.walks import closure


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contradicted_models())
def test_the_shortcuts_agree_with_the_definitions(model: Model) -> None:
    ctx = Context(model)
    breaking = broken_links(model, ctx.assessments, ctx.linked_assumptions)
    broken = [(ctx.links[link_id].target, causes) for link_id, causes in breaking.items()]
    cut: dict[str, set[str]] = {}
    for link_id in breaking:
        cut.setdefault(ctx.links[link_id].source, set()).add(ctx.links[link_id].target)
    affected = closure([target for target, _ in broken], ctx.successors)
    sound = sound_successors(ctx.successors, model.links, breaking)
    assert _soundly_reached(ctx, affected, cut, breaking) == closure(ctx.activities, sound) & affected
    full = _causes(ctx, broken, set(ctx.successors))  # every node wanted: the whole propagation
    for node_id in ctx.results:
        wanted = closure([node_id], ctx.predecessors)
        assert _causes(ctx, broken, wanted).get(node_id) == full.get(node_id)
