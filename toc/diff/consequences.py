"""What a change does to the conclusions: the verdicts both models lead to, compared.

Each model is assessed on its own (as ``toc.assess`` does: assumption statuses derived from
the evidence, results at risk, indicator status on the model's own as-of date, pathway
confidence) and checked with every rule at its default severity; the old model's ids are read
through the renames the diff found. A consequence is one verdict that moved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from toc.assessment.assumptions import AssumptionAssessment, assess_assumptions
from toc.assessment.confidence import LinkConfidence, link_confidence, pathway_confidence, resting_on
from toc.assessment.contribution import Posterior, trace
from toc.assessment.indicators import model_progress
from toc.assessment.risk import results_at_risk
from toc.diagnostics import Diagnostic
from toc.gcpause import gc_paused
from toc.index import index_of
from toc.model import Assumption, Evidence, Link, Model

__all__ = ["CONSEQUENCES", "Consequence", "ConsequenceKind", "Verdicts", "consequences", "verdicts"]

ConsequenceKind = Literal["assumption-status", "risk", "indicator-status", "pathway-confidence", "finding"]
CONSEQUENCES: tuple[ConsequenceKind, ...] = (
    "assumption-status",
    "risk",
    "indicator-status",
    "pathway-confidence",
    "finding",
)
"""The kinds of consequence, in the order they are reported."""

CONFIDENCE_DIGITS = 2
"""A pathway's confidence moves when it moves at this many decimals (what the reports show)."""


@dataclass(frozen=True, slots=True)
class Consequence:
    """One verdict that moved: an assumption's derived status (``supported`` → ``contradicted``),
    a result's risk (``None`` → ``at-risk``: newly at risk), an indicator's status, a pathway's
    confidence (rounded), or a ``toc check`` finding (new: ``old`` is None; resolved: ``new`` is
    None; the finding as ``{rule, code, severity, message}``). ``None`` is "not so" or "absent"."""

    consequence: ConsequenceKind
    id: str
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        return {"consequence": self.consequence, "id": self.id, "old": self.old, "new": self.new}


@dataclass(frozen=True, slots=True)
class Verdicts:
    """What one model leads to, by element id."""

    statuses: Mapping[str, str]
    at_risk: frozenset[str]
    indicators: Mapping[str, str]
    pathways: Mapping[str, float]
    findings: tuple[Diagnostic, ...]


def verdicts(model: Model, check: bool = True) -> Verdicts:
    """The verdicts of one model (``check``: with the findings of every rule).

    Each is worked out as ``toc.assess`` does (tests/diff holds them to it), but only what is
    compared: posteriors only for the links of pathways and what those rest on, no
    triangulation, no confidence of every result."""
    found: list[Diagnostic] = []
    if check:
        from toc.rules import run_rules

        found = [d for d in run_rules(model) if d.suppressed is None]
    with gc_paused():
        about: dict[str, list[Evidence]] = {}
        for item in model.evidence:
            for target in dict.fromkeys(item.about):
                about.setdefault(target, []).append(item)
        statuses = assess_assumptions(model, about)
        return Verdicts(
            statuses={aid: str(x.status) for aid, x in statuses.items()},
            at_risk=frozenset(results_at_risk(model, statuses).at_risk),
            indicators={iid: str(p.status) for iid, p in model_progress(model).items()},
            pathways=_pathways(model, statuses, about),
            findings=tuple(found),
        )


def _pathways(
    model: Model, statuses: Mapping[str, AssumptionAssessment], about: Mapping[str, list[Evidence]]
) -> dict[str, float]:
    """Pathway id → its confidence (:func:`toc.assessment.confidence.pathway_confidence`), rounded."""
    if not model.pathways:
        return {}
    index = index_of(model)
    wanted = {lid for p in model.pathways for lid in p.links if lid in index.links}
    posteriors: dict[str, Posterior] = {}
    links: dict[str, LinkConfidence] = {}
    for lid in sorted(wanted):
        link = index.links[lid]
        needed: list[Link | Assumption] = [link, *resting_on(index, link)]
        for element in needed:
            if element.id not in posteriors:
                posteriors[element.id] = trace(element, about.get(element.id, []))
        links[lid] = link_confidence(index, link, posteriors, statuses)
    return {p.id: round(pathway_confidence(p, links).value, CONFIDENCE_DIGITS) for p in model.pathways}


def _moved(
    what: ConsequenceKind, old: Mapping[str, Any], new: Mapping[str, Any], rename: Callable[[str], str]
) -> Iterator[Consequence]:
    """Verdicts of the elements in both models that differ, in the new model's order."""
    before = {rename(k): v for k, v in old.items()}
    for key, value in new.items():
        if key in before and before[key] != value:
            yield Consequence(what, key, before[key], value)


def _finding(d: Diagnostic) -> dict[str, str]:
    return {"rule": d.name, "code": d.code, "severity": str(d.severity), "message": d.message}


def _findings(
    old: tuple[Diagnostic, ...], new: tuple[Diagnostic, ...], rename: Callable[[str], str]
) -> Iterator[Consequence]:
    """Findings of the new model that the old did not have, then those it no longer has. A
    finding is its rule and its element, counted: not its message, which quotes labels and
    counts that may change while the finding stays, nor where it was written."""
    before = Counter((d.name, rename(d.target)) for d in old)
    after = Counter((d.name, d.target) for d in new)
    extra = after - before
    for d in new:
        if extra[(d.name, d.target)] > 0:
            extra[(d.name, d.target)] -= 1
            yield Consequence("finding", d.target, None, _finding(d))
    gone = before - after
    for d in old:
        key = (d.name, rename(d.target))
        if gone[key] > 0:
            gone[key] -= 1
            yield Consequence("finding", key[1], _finding(d), None)


def consequences(old: Verdicts, new: Verdicts, rename: Callable[[str], str] = str) -> list[Consequence]:
    """Every verdict that moved from ``old`` to ``new`` (old ids read through ``rename``)."""
    out = list(_moved("assumption-status", old.statuses, new.statuses, rename))
    olds_at_risk = {rename(n) for n in old.at_risk}
    for node in sorted(olds_at_risk ^ new.at_risk):
        risky = node in new.at_risk
        out.append(Consequence("risk", node, None if risky else "at-risk", "at-risk" if risky else None))
    out.extend(_moved("indicator-status", old.indicators, new.indicators, rename))
    out.extend(_moved("pathway-confidence", old.pathways, new.pathways, rename))
    out.extend(_findings(old.findings, new.findings, rename))
    return out
