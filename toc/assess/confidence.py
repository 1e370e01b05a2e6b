"""Confidence along the results chain: links, declared pathways, and the outcomes they lead to.

A link works only if its causal claim holds *and* everything it rests on holds.
Without knowing how those are correlated, the only safe statement is an upper
bound: the probability that all of them hold is at most the smallest of their
probabilities. So (docs/assessment.md, "Confidence along pathways"):

* a **link's confidence** = min(the link's posterior, the posterior of each assumption or
  condition it rests on, 1 − the posterior of each risk on it);
* a **pathway's confidence** = min over its links — a chain is no stronger than its weakest link;
* an **outcome's confidence** = that of its best-supported chain from an activity (the widest path:
  max over chains of the min over their links).

Next to each minimum we give the **joint** value, the product of the distinct factors,
which is what the chain would be worth if every factor were independent: the truth lies
between the two, and a long chain of merely likely links is weaker than its minimum says.

What a link rests on: the assumptions it names or that name it, those that apply to its
target node, and — for links leaving an activity — the conditions that apply to nothing
in particular (preconditions hold for the programme as a whole, methodology.md §2).

A link is **broken** when something it rests on is contradicted by the evidence (the
derived status of :mod:`toc.assess.assumptions`), or a risk on it is supported. An
outcome is **at risk** when an activity reaches it, but every chain to it has a broken link.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from toc.assess.assumptions import AssumptionAssessment
from toc.assess.contribution import Posterior
from toc.model import Assumption, AssumptionKind, AssumptionStatus, Level, Link, Pathway

if TYPE_CHECKING:  # networkx is imported only when a graph is built
    from toc.graph import TocGraph

__all__ = [
    "Factor",
    "LinkConfidence",
    "NodeConfidence",
    "PathwayConfidence",
    "link_confidence",
    "node_confidence",
    "pathway_confidence",
    "resting_on",
]


@dataclass(frozen=True, slots=True)
class Factor:
    """One thing a link needs: its own causal claim, or an assumption (a risk counts as 1 − P)."""

    id: str
    kind: str
    value: float
    broken: bool


@dataclass(frozen=True, slots=True)
class LinkConfidence:
    link: Link
    factors: tuple[Factor, ...]

    @property
    def value(self) -> float:
        return min(f.value for f in self.factors)

    @property
    def weakest(self) -> Factor:
        return min(self.factors, key=lambda f: f.value)

    @property
    def broken(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.factors if f.broken)


@dataclass(frozen=True, slots=True)
class PathwayConfidence:
    pathway: Pathway
    links: tuple[LinkConfidence, ...]

    @property
    def value(self) -> float:
        return min((lc.value for lc in self.links), default=0.0)

    @property
    def joint(self) -> float:
        return _joint(self.links)

    @property
    def weakest(self) -> LinkConfidence | None:
        return min(self.links, key=lambda lc: lc.value) if self.links else None

    @property
    def broken(self) -> tuple[str, ...]:
        return tuple(lc.link.id for lc in self.links if lc.broken)


@dataclass(frozen=True, slots=True)
class NodeConfidence:
    """How well the evidence carries the chain up to a result."""

    node: str
    level: Level
    value: float | None
    chain: tuple[str, ...]
    at_risk: bool
    affected_by: tuple[str, ...]

    @property
    def reached(self) -> bool:
        return self.value is not None


def _joint(links: tuple[LinkConfidence, ...]) -> float:
    """Product of the distinct factors (an assumption shared by two links counts once)."""
    seen: dict[str, float] = {}
    for lc in links:
        for f in lc.factors:
            seen.setdefault(f.id, f.value)
    return math.prod(seen.values())


def resting_on(graph: TocGraph, link: Link) -> list[Assumption]:
    """Everything a link rests on (see the module docstring), in model order, without repeats."""
    ids = {a.id for a in graph.assumptions_of(link.id)}
    source = graph.node(link.source) if link.source in graph else None
    for assumption in graph.model.assumptions:
        if link.target in assumption.applies_to or (
            not assumption.applies_to
            and assumption.kind is AssumptionKind.CONDITION
            and source is not None
            and source.level is Level.ACTIVITY
            and not graph.links_resting_on(assumption.id)
        ):
            ids.add(assumption.id)
    return [a for a in graph.model.assumptions if a.id in ids]


def _broken(assumption: Assumption, status: AssumptionStatus) -> bool:
    if assumption.kind is AssumptionKind.RISK:
        return status is AssumptionStatus.SUPPORTED
    return status is AssumptionStatus.CONTRADICTED


def link_confidence(
    graph: TocGraph,
    link: Link,
    posteriors: Mapping[str, Posterior],
    statuses: Mapping[str, AssumptionAssessment],
) -> LinkConfidence:
    own = posteriors[link.id]
    factors = [Factor(link.id, "link", own.value, False)]
    for assumption in resting_on(graph, link):
        p = posteriors[assumption.id].value
        risk = assumption.kind is AssumptionKind.RISK
        status = statuses[assumption.id].status
        factors.append(
            Factor(assumption.id, str(assumption.kind), 1 - p if risk else p, _broken(assumption, status))
        )
    return LinkConfidence(link, tuple(factors))


def pathway_confidence(pathway: Pathway, links: Mapping[str, LinkConfidence]) -> PathwayConfidence:
    return PathwayConfidence(pathway, tuple(links[i] for i in pathway.links if i in links))


def node_confidence(graph: TocGraph, links: Mapping[str, LinkConfidence]) -> dict[str, NodeConfidence]:
    """Every result's best chain (widest path from any activity) and whether it is at risk."""
    best: dict[str, float] = {}
    via: dict[str, str] = {}
    heap: list[tuple[float, str]] = []
    for node in graph.nodes(Level.ACTIVITY):
        best[node.id] = 1.0
        heapq.heappush(heap, (-1.0, node.id))
    done: set[str] = set()
    while heap:
        negative, current = heapq.heappop(heap)
        if current in done:
            continue
        done.add(current)
        for link in graph.outgoing(current):
            value = min(-negative, links[link.id].value)
            if value > best.get(link.target, -1.0):
                best[link.target] = value
                via[link.target] = link.id
                heapq.heappush(heap, (-value, link.target))
    intact: set[str] = set()  # nodes reached along unbroken links only
    stack = [n.id for n in graph.nodes(Level.ACTIVITY)]
    while stack:
        current = stack.pop()
        if current in intact:
            continue
        intact.add(current)
        stack.extend(link.target for link in graph.outgoing(current) if not links[link.id].broken)
    reach: dict[str, set[str]] = {}  # broken assumption -> the nodes downstream of what it breaks
    for lc in links.values():
        for aid in lc.broken:
            reach.setdefault(aid, set()).add(lc.link.target)
    downstream = {aid: graph.reached_from(starts) for aid, starts in reach.items()}
    result: dict[str, NodeConfidence] = {}
    for node in graph.nodes():
        if node.level is Level.ACTIVITY:
            continue
        chain: list[str] = []
        current = node.id
        while current in via and len(chain) <= len(via):
            chain.append(via[current])
            current = graph.link(via[current]).source
        affected = tuple(sorted(a for a, nodes in downstream.items() if node.id in nodes))
        result[node.id] = NodeConfidence(
            node.id,
            node.level,
            best.get(node.id),
            tuple(reversed(chain)),
            node.id in best and node.id not in intact,
            affected,
        )
    return result
