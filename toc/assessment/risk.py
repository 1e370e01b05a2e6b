"""Which assumptions the evidence breaks, and which results are therefore at risk.

An assumption or condition **breaks** when the evidence contradicts it; a risk breaks
when the evidence supports it (the risk happened). What a link rests on, which links
break and what lies beyond them are questions of the model's shape, answered by
:class:`toc.index.ModelIndex` (whose docstring defines them); this module adds what
the evidence says.

A result is **at risk** when some chain of links from an activity reached it but every
such chain now passes a broken link; it is **affected** when it lies downstream of a
broken link but an unbroken chain still reaches it. A result every chain to which is
broken, but which was **observed** (:func:`observed`: evidence about it supports it, or
an evaluator's verdict on it says achieved or on track), is not at risk: it was **reached
by a route the theory does not describe** (``off_route``), itself a central finding of a
theory-based evaluation. The rule ``outcome-at-risk``, the assessment report and the
diagram all use these definitions (tests/assessment/test_risk_agreement.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from toc.assessment.assumptions import AssumptionAssessment
from toc.index import ModelIndex, index_of
from toc.model import Assumption, AssumptionKind, AssumptionStatus, Model

if TYPE_CHECKING:  # networkx is imported only when a graph is built
    from toc.graph import TocGraph

__all__ = ["Risk", "breaking", "breaks", "broken_links", "observed", "results_at_risk"]


def breaks(assumption: Assumption, status: AssumptionStatus) -> bool:
    """Whether this status of this assumption breaks the links resting on it."""
    if assumption.kind is AssumptionKind.RISK:
        return status is AssumptionStatus.SUPPORTED
    return status is AssumptionStatus.CONTRADICTED


def breaking(assessments: Mapping[str, AssumptionAssessment]) -> set[str]:
    """The ids of the assumptions the evidence breaks."""
    return {aid for aid, x in assessments.items() if breaks(x.assumption, x.status)}


def broken_links(model: Model, assessments: Mapping[str, AssumptionAssessment]) -> dict[str, list[str]]:
    """Link id → the assumptions that break it, for every broken link, in model order."""
    return index_of(model).breakage(breaking(assessments)).links


def observed(source: Model | ModelIndex) -> set[str]:
    """The nodes something says came about (:attr:`toc.index.ModelIndex.observed`)."""
    return (index_of(source) if isinstance(source, Model) else source).observed


@dataclass(frozen=True, slots=True)
class Risk:
    """Result id → the assumptions behind it, for the three readings."""

    at_risk: dict[str, list[str]]
    affected: dict[str, list[str]]
    off_route: dict[str, list[str]] = field(default_factory=dict)
    """Every chain broken, yet observed: reached by a route the theory does not describe."""


def results_at_risk(source: Model | TocGraph, assessments: Mapping[str, AssumptionAssessment]) -> Risk:
    """Results at risk (every chain broken), reached off the theory's routes (every chain
    broken, but observed) and affected (some chain broken), each with every assumption
    behind the broken links upstream of it, sorted. ``source``: the model, or a graph of
    the whole model."""
    index: ModelIndex = index_of(source) if isinstance(source, Model) else source.index
    breakage = index.breakage(breaking(assessments))
    if not breakage.links:
        return Risk({}, {})
    causes = index.causes(breakage)
    seen = index.observed
    at_risk: dict[str, list[str]] = {}
    affected: dict[str, list[str]] = {}
    off_route: dict[str, list[str]] = {}
    for node_id in sorted(causes):
        reading = affected if node_id not in breakage.at_risk else off_route if node_id in seen else at_risk
        reading[node_id] = sorted(causes[node_id])
    return Risk(at_risk, affected, off_route)
