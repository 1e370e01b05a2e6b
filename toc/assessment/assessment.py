"""``assess(model)``: everything the evidence and indicators say about a model, in one typed result.

The pieces live in their own modules (derived assumption status, indicator progress,
contribution tracing, triangulation, confidence, harvest); this only runs them in
order and keeps the results together, so that every report shows the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from toc.assessment.assumptions import AssumptionAssessment, assess_assumptions
from toc.assessment.confidence import (
    LinkConfidence,
    NodeConfidence,
    PathwayConfidence,
    link_confidence,
    node_confidence,
    pathway_confidence,
)
from toc.assessment.contribution import DEFAULT_PRIOR, Posterior, trace
from toc.assessment.harvest import Harvested, harvested
from toc.assessment.indicators import Progress, as_of_date, indicator_progress
from toc.assessment.probative import Untyped
from toc.assessment.risk import results_at_risk
from toc.assessment.triangulation import Triangulation, triangulate
from toc.gcpause import gc_paused
from toc.index import index_of
from toc.model import Assumption, Claim, Evidence, Link, Model, Node

__all__ = ["LOW_CONFIDENCE", "Assessment", "assess"]

LOW_CONFIDENCE = 0.5
"""A claim whose posterior is below this is more likely false than true (rule claim-low-confidence)."""


@dataclass(frozen=True)
class Assessment:
    """The assessment of one model. All mappings keep model order."""

    model: Model
    as_of: date
    default_prior: float
    untyped: Untyped
    threshold: float
    assumptions: Mapping[str, AssumptionAssessment]
    posteriors: Mapping[str, Posterior]
    triangulation: Mapping[str, Triangulation]
    evidence_about: Mapping[str, tuple[Evidence, ...]]
    indicators: tuple[tuple[Node, Progress], ...]
    links: Mapping[str, LinkConfidence]
    pathways: tuple[PathwayConfidence, ...]
    nodes: Mapping[str, NodeConfidence]
    harvest: tuple[Harvested, ...]
    unattached: tuple[str, ...]

    def low_confidence(self, threshold: float | None = None) -> list[Posterior]:
        """Claims whose posterior is below the threshold (default: the one given to :func:`assess`)."""
        limit = self.threshold if threshold is None else threshold
        return [p for p in self.posteriors.values() if p.value < limit]

    def at_risk(self) -> list[NodeConfidence]:
        return [n for n in self.nodes.values() if n.at_risk]

    @cached_property
    def resting_links(self) -> Mapping[str, tuple[str, ...]]:
        """Assumption id → the ids of the links that rest on it, in model order (made once: a
        report lists them for every assumption)."""
        out: dict[str, list[str]] = {}
        for link_id, confidence in self.links.items():
            for factor_id in dict.fromkeys(f.id for f in confidence.factors[1:]):
                out.setdefault(factor_id, []).append(link_id)
        return {aid: tuple(ids) for aid, ids in out.items()}


def assess(
    model: Model,
    *,
    default_prior: float = DEFAULT_PRIOR,
    untyped: Untyped | str = Untyped.STRAW,
    threshold: float = LOW_CONFIDENCE,
    as_of: date | None = None,
) -> Assessment:
    """Assess a model: statuses, posteriors, triangulation, confidence, progress and harvest.

    ``untyped`` says what happens to evidence with neither probabilities nor a test type
    (``straw-in-the-wind`` or ``exclude``); ``as_of`` defaults to :func:`as_of_date`.
    The garbage collector is paused meanwhile (:func:`toc.gcpause.gc_paused`).
    """
    with gc_paused():
        return _assess(model, default_prior, Untyped(untyped), threshold, as_of)


def _assess(
    model: Model, default_prior: float, mode: Untyped, threshold: float, as_of: date | None
) -> Assessment:
    about: dict[str, list[Evidence]] = {}
    for item in model.evidence:
        for target in dict.fromkeys(item.about):
            about.setdefault(target, []).append(item)
    claims: list[Assumption | Link | Claim] = [*model.assumptions, *model.links, *model.claims]
    posteriors = {
        c.id: trace(c, about.get(c.id, []), default_prior=default_prior, untyped=mode) for c in claims
    }
    targets = [c.id for c in claims] + [t for t in about if t not in posteriors]
    triangulation = {t: triangulate(about.get(t, []), model) for t in targets}
    statuses = assess_assumptions(model)
    index = index_of(model)
    links = {link.id: link_confidence(index, link, posteriors, statuses) for link in model.links}
    resting = {f.id for confidence in links.values() for f in confidence.factors[1:]}  # what they rest on
    day = as_of or as_of_date(model)
    return Assessment(
        model=model,
        as_of=day,
        default_prior=default_prior,
        untyped=mode,
        threshold=threshold,
        assumptions=statuses,
        posteriors=posteriors,
        triangulation=triangulation,
        evidence_about={k: tuple(v) for k, v in about.items()},
        indicators=tuple(
            (node, indicator_progress(i, day, model.settings)) for node, i in model.indicators()
        ),
        links=links,
        pathways=tuple(pathway_confidence(p, links) for p in model.pathways),
        nodes=node_confidence(index, links, results_at_risk(model, statuses)),
        harvest=tuple(harvested(model)),
        unattached=tuple(a.id for a in model.assumptions if a.id not in resting),
    )
