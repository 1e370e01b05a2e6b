"""Which links the evidence breaks, and which results are therefore at risk.

A link is **broken** when it rests on an assumption or condition the evidence
contradicts, or on a risk the evidence supports (the risk happened). An assumption
rests on a link when either names the other; one that names a node breaks the links
into that node; a condition that names nothing at all is a pre-condition of the whole
programme and breaks every link out of an activity.

A result is **at risk** when some chain of links from an activity reached it but every
such chain now passes a broken link; it is **affected** when it lies downstream of a
broken link but an unbroken chain still reaches it. The rule ``outcome-at-risk``, the
assessment report and the diagram all use these definitions (tests/assessment/test_risk_agreement.py).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, compress, repeat
from operator import attrgetter, not_, or_

from toc.assessment.assumptions import AssumptionAssessment
from toc.graph import TocGraph
from toc.model import Assumption, AssumptionKind, AssumptionStatus, Level, Link, Model
from toc.walks import closure

__all__ = ["Risk", "breaks", "broken_links", "programme_wide", "results_at_risk", "sound_successors"]


def programme_wide(assumption: Assumption, named: bool) -> bool:
    """A condition that names no node or link, and that no link names (``named``): a
    pre-condition of the whole programme, on which every link out of an activity rests."""
    return not assumption.applies_to and assumption.kind is AssumptionKind.CONDITION and not named


def breaks(assumption: Assumption, status: AssumptionStatus) -> bool:
    """Whether this status of this assumption breaks the links resting on it."""
    if assumption.kind is AssumptionKind.RISK:
        return status is AssumptionStatus.SUPPORTED
    return status is AssumptionStatus.CONTRADICTED


def broken_links(
    model: Model,
    assessments: Mapping[str, AssumptionAssessment],
    linked: Mapping[str, Sequence[str]],
) -> dict[str, list[str]]:
    """Link id → the assumptions that break it, for every broken link, in model order.

    ``linked`` maps each link id to the assumptions it rests on, named by either side.
    """
    bad = {aid for aid, x in assessments.items() if breaks(x.assumption, x.status)}
    if not bad:
        return {}
    by_node: dict[str, list[str]] = {}
    named: set[str] | None = None  # what some link names: needed only for a bare condition
    whole_programme: list[str] = []
    for assumption in model.assumptions:
        if assumption.id not in bad:
            continue
        for target in assumption.applies_to:
            by_node.setdefault(target, []).append(assumption.id)
        if not assumption.applies_to and named is None:
            named = set(chain.from_iterable(linked.values()))
        if programme_wide(assumption, named is not None and assumption.id in named):
            whole_programme.append(assumption.id)
    activities = {n.id for n in model.nodes if n.level is Level.ACTIVITY} if whole_programme else set()
    # few links break: find them with passes in C, then look only at those
    links = model.links
    flags = map(not_, map(bad.isdisjoint, map(linked.get, map(_ID, links), repeat(()))))
    if by_node:
        flags = map(or_, flags, map(by_node.__contains__, map(_TARGET, links)))
    if whole_programme:
        flags = map(or_, flags, map(activities.__contains__, map(_SOURCE, links)))
    out: dict[str, list[str]] = {}
    for link in compress(links, flags):
        names = linked.get(link.id)
        causes = [a for a in names if a in bad] if names else []
        on_node = by_node.get(link.target)
        if on_node:
            causes += on_node
        if whole_programme and link.source in activities:
            causes += whole_programme
        if causes:
            out[link.id] = list(dict.fromkeys(causes))
    return out


_ID, _SOURCE, _TARGET = attrgetter("id"), attrgetter("source"), attrgetter("target")


def sound_successors(
    node_ids: Iterable[str], links: Iterable[Link], broken: Container[str]
) -> dict[str, list[str]]:
    """Node id → the nodes its unbroken links lead to (a pair of nodes stays joined while one
    of the links between them is unbroken)."""
    sound: dict[str, list[str]] = {node_id: [] for node_id in node_ids}
    for link in links:
        if link.id not in broken:
            sound[link.source].append(link.target)
    return sound


@dataclass(frozen=True, slots=True)
class Risk:
    """Result id → the assumptions behind it, for the two readings."""

    at_risk: dict[str, list[str]]
    affected: dict[str, list[str]]


def results_at_risk(graph: TocGraph, assessments: Mapping[str, AssumptionAssessment]) -> Risk:
    """Results at risk (every chain broken) and affected (some chain broken)."""
    linked = {link.id: [a.id for a in graph.assumptions_of(link.id)] for link in graph.links()}
    broken = broken_links(graph.model, assessments, linked)
    if not broken:
        return Risk({}, {})
    sound = sound_successors((n.id for n in graph.nodes()), graph.links(), broken)
    activities = [n.id for n in graph.nodes(Level.ACTIVITY)]
    reached = graph.reached_from(activities)
    safe = closure(activities, sound)
    causes: dict[str, set[str]] = {}
    queue: list[str] = []
    for link_id, names in broken.items():
        target = graph.link(link_id).target
        causes.setdefault(target, set()).update(names)
        queue.append(target)
    while queue:  # carry the causes downstream; a node is revisited only when it learns more
        current = queue.pop()
        for link in graph.outgoing(current):
            known = causes.setdefault(link.target, set())
            if not causes[current] <= known:
                known |= causes[current]
                queue.append(link.target)
    at_risk: dict[str, list[str]] = {}
    affected: dict[str, list[str]] = {}
    for node_id in sorted(causes):
        reading = at_risk if node_id in reached and node_id not in safe else affected
        reading[node_id] = sorted(causes[node_id])
    return Risk(at_risk, affected)
