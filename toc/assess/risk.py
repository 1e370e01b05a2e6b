"""Which results are at risk: every chain to them from the activities is broken.

A link is broken when it rests on a contradicted assumption (or the assumption names its
target node). A result is *at risk* when no chain of unbroken links from an activity
reaches it any more, although some chain did; it is *affected* when it lies downstream of
a broken link but another, unbroken chain still reaches it. The rule ``outcome-at-risk``,
the report and the diagram all use this one definition.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from toc.assess.assumptions import AssumptionAssessment
from toc.graph import TocGraph
from toc.model import AssumptionStatus, Level

__all__ = ["Risk", "results_at_risk"]


@dataclass(frozen=True, slots=True)
class Risk:
    """Result id → the contradicted assumptions behind it, for the two readings."""

    at_risk: dict[str, list[str]]
    affected: dict[str, list[str]]


def results_at_risk(graph: TocGraph, assessments: Mapping[str, AssumptionAssessment]) -> Risk:
    """Results at risk (every chain broken) and affected (some chain broken), in one pass each."""
    bad = sorted(a for a, x in assessments.items() if x.status is AssumptionStatus.CONTRADICTED)
    if not bad:
        return Risk({}, {})
    downstream = {aid: graph.at_risk(aid) for aid in bad}
    broken_nodes = {t for aid in bad for t in assessments[aid].assumption.applies_to if t in graph}
    bad_set = set(bad)
    sound: dict[str, list[str]] = {}
    for link in graph.links():
        rests = any(a.id in bad_set for a in graph.assumptions_of(link.id))
        if not rests and link.target not in broken_nodes:
            sound.setdefault(link.source, []).append(link.target)
    activities = [n.id for n in graph.nodes(Level.ACTIVITY)]
    reached = graph.reached_from(activities)
    safe: set[str] = set()
    stack = list(activities)
    while stack:
        current = stack.pop()
        if current not in safe:
            safe.add(current)
            stack.extend(sound.get(current, ()))
    at_risk: dict[str, list[str]] = {}
    affected: dict[str, list[str]] = {}
    for aid in bad:
        for node_id in sorted(downstream[aid]):
            target = at_risk if node_id in reached and node_id not in safe else affected
            target.setdefault(node_id, []).append(aid)
    return Risk(at_risk, affected)
