"""Confidence along the results chain: links, declared pathways, and the outcomes they lead to.

A link works only if its causal claim holds *and* everything it rests on holds.
Without knowing how those are correlated, the only safe statement is an upper
bound: the probability that all of them hold is at most the smallest of their
probabilities. So (docs/assessment.md, "Confidence along pathways"):

* a **link's confidence** = min(the link's posterior, the posterior of each assumption or
  condition it rests on, 1 − the posterior of each risk on it);
* a **chain's confidence** = min over its links — a chain is no stronger than its weakest link;
* where there are parallel routes, the best one counts: an **outcome's confidence** is that of its
  best-supported chain from an activity (the widest path: max over chains of the min over links);
* a **pathway's confidence** is the same, inside the pathway: for each of its end results (nodes
  no link of the pathway leaves), its best chain from the pathway's starting nodes, using only the
  pathway's links; the pathway is worth its weakest end. For a pathway that is one chain this is
  simply the min over its links.

Next to each minimum we give the **joint** value along the same best chain(s), the product of
their distinct factors: what the chain would be worth if every factor were independent. The truth
lies between the two; a long chain of merely likely links is weaker than its minimum says.

What a link rests on: the assumptions it names or that name it, those that apply to its
target node, and — for links leaving an activity — the conditions that apply to nothing
in particular (preconditions hold for the programme as a whole: docs/assessment.md).

A link is **broken** when something it rests on is contradicted by the evidence (the
derived status of :mod:`toc.assessment.assumptions`), or a risk on it is supported. An
outcome is **at risk** when an activity reaches it, but every chain to it has a broken link.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping
from dataclasses import dataclass

from toc.assessment.assumptions import AssumptionAssessment
from toc.assessment.contribution import Posterior
from toc.assessment.risk import Risk, breaks
from toc.index import ModelIndex
from toc.model import Assumption, AssumptionKind, Level, Link, Pathway

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
    """A declared pathway: all its links, and the best chain(s) through it that set its value."""

    pathway: Pathway
    links: tuple[LinkConfidence, ...]
    chain: tuple[LinkConfidence, ...]
    value: float

    @property
    def joint(self) -> float:
        # An end no chain reaches makes the pathway worth 0 whatever the other chains give.
        return min(_joint(self.chain), self.value) if self.chain else 0.0

    @property
    def weakest(self) -> LinkConfidence | None:
        return min(self.chain, key=lambda lc: lc.value) if self.chain else None

    @property
    def broken(self) -> tuple[str, ...]:
        """Links of the pathway that something contradicted breaks."""
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
    off_route: bool = False
    """Every chain broken, yet observed: reached by a route the theory does not describe."""

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


def resting_on(index: ModelIndex, link: Link) -> list[Assumption]:
    """Everything a link rests on (see the module docstring), in model order, without repeats."""
    assumptions = index.assumptions
    return [assumptions[i] for i in index.rests_on(link)]


def link_confidence(
    index: ModelIndex,
    link: Link,
    posteriors: Mapping[str, Posterior],
    statuses: Mapping[str, AssumptionAssessment],
) -> LinkConfidence:
    own = posteriors[link.id]
    factors = [Factor(link.id, "link", own.value, False)]
    for assumption in resting_on(index, link):
        p = posteriors[assumption.id].value
        risk = assumption.kind is AssumptionKind.RISK
        status = statuses[assumption.id].status
        factors.append(
            Factor(assumption.id, str(assumption.kind), 1 - p if risk else p, breaks(assumption, status))
        )
    return LinkConfidence(link, tuple(factors))


def _widest(
    starts: list[str], outgoing: Mapping[str, list[LinkConfidence]]
) -> tuple[dict[str, float], dict[str, LinkConfidence]]:
    """Best (bottleneck) confidence of every node reachable from ``starts``, and the link it came by."""
    best = dict.fromkeys(starts, 1.0)
    via: dict[str, LinkConfidence] = {}
    heap = [(-1.0, s) for s in sorted(starts)]
    heapq.heapify(heap)
    done: set[str] = set()
    while heap:
        negative, current = heapq.heappop(heap)
        if current in done:
            continue
        done.add(current)
        for lc in outgoing.get(current, []):
            value = min(-negative, lc.value)
            if value > best.get(lc.link.target, -1.0):
                best[lc.link.target] = value
                via[lc.link.target] = lc
                heapq.heappush(heap, (-value, lc.link.target))
    return best, via


def _chain(node: str, via: Mapping[str, LinkConfidence]) -> list[LinkConfidence]:
    chain: list[LinkConfidence] = []
    seen: set[str] = set()
    while node in via and node not in seen:
        seen.add(node)
        chain.append(via[node])
        node = via[node].link.source
    return chain[::-1]


def pathway_confidence(pathway: Pathway, links: Mapping[str, LinkConfidence]) -> PathwayConfidence:
    """The pathway's value: its weakest end result, each reached by its best chain inside the pathway."""
    members = [links[i] for i in dict.fromkeys(pathway.links) if i in links]
    sources = {lc.link.source for lc in members}
    targets = {lc.link.target for lc in members}
    starts = sorted(sources - targets) or sorted(sources)
    ends = [t for t in dict.fromkeys(lc.link.target for lc in members) if t not in sources] or sorted(targets)
    outgoing: dict[str, list[LinkConfidence]] = {}
    for lc in members:
        outgoing.setdefault(lc.link.source, []).append(lc)
    best, via = _widest(starts, outgoing)
    value = min((best.get(end, 0.0) for end in ends), default=0.0)
    chain: dict[str, LinkConfidence] = {}
    for end in ends:
        for lc in _chain(end, via):
            chain.setdefault(lc.link.id, lc)
    return PathwayConfidence(pathway, tuple(members), tuple(chain.values()), value)


def node_confidence(
    index: ModelIndex, links: Mapping[str, LinkConfidence], risk: Risk
) -> dict[str, NodeConfidence]:
    """Every result's best chain (widest path from any activity) and whether it is at risk
    (``risk`` from :func:`toc.assessment.risk.results_at_risk`, the definition the rule and the
    diagram use too)."""
    outgoing: dict[str, list[LinkConfidence]] = {}
    for link in index.links.values():
        outgoing.setdefault(link.source, []).append(links[link.id])
    best, via = _widest(index.activities, outgoing)
    result: dict[str, NodeConfidence] = {}
    for node in index.nodes.values():
        if node.level is Level.ACTIVITY:
            continue
        result[node.id] = NodeConfidence(
            node.id,
            node.level,
            best.get(node.id),
            tuple(lc.link.id for lc in _chain(node.id, via)),
            node.id in risk.at_risk,
            tuple(
                risk.at_risk.get(node.id) or risk.off_route.get(node.id) or risk.affected.get(node.id) or ()
            ),
            node.id in risk.off_route,
        )
    return result
