"""outcome-at-risk works only on the part of the graph a broken link can affect: its two shortcuts
give what the plain definitions give (the whole-graph walk and the full propagation of causes)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from tests.test_risk_agreement import contradicted_models
from toc.assess.risk import broken_links
from toc.model import Model
from toc.rules.assumptions import _causes, _soundly_reached
from toc.rules.base import Context
from toc.walks import closure


def _full_causes(ctx: Context, broken: list[tuple[str, list[str]]]) -> dict[str, list[str]]:
    """The propagation over the whole graph (what the rule did before it kept to the wanted nodes)."""
    causes_of: dict[str, list[str]] = {}
    queue = []
    for target, causes in broken:
        known = causes_of.setdefault(target, [])
        for cause in causes:
            if cause not in known and len(known) < 3:
                known.append(cause)
                queue.append(target)
    while queue:
        current = queue.pop()
        for nxt in ctx.successors[current]:
            known = causes_of.setdefault(nxt, [])
            changed = False
            for cause in causes_of[current]:
                if cause not in known and len(known) < 3:
                    known.append(cause)
                    changed = True
            if changed:
                queue.append(nxt)
    return causes_of


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
    sound: dict[str, list[str]] = {node_id: [] for node_id in ctx.successors}
    for link in model.links:
        if link.id not in breaking:
            sound[link.source].append(link.target)
    assert _soundly_reached(ctx, affected, cut, breaking) == closure(ctx.activities, sound) & affected
    full = _full_causes(ctx, broken)
    for node_id in ctx.results:
        wanted = closure([node_id], ctx.predecessors)
        assert _causes(ctx, broken, wanted).get(node_id) == full.get(node_id)
