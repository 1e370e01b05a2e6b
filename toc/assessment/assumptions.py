"""An assumption's status, derived from the evidence recorded about it.

The rule (documented in docs/assessment.md): each evidence item that was found
weighs 1 (weak), 2 (moderate) or 3 (strong). ``mixed`` items count half for each
side. With S the support weight and C the contradiction weight, the support share
is S / (S + C):

* no evidence → untested
* share ≥ 2/3 and some support → supported
* share ≤ 1/3 and some contradiction → contradicted
* otherwise → mixed

So one strong contradiction outweighs one weak support (share 1/4), and two
equally strong items pulling apart make the assumption mixed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from toc.model import Assumption, AssumptionStatus, Evidence, Model, Stance, Strength

__all__ = ["WEIGHTS", "AssumptionAssessment", "assess_assumption", "assess_assumptions"]

WEIGHTS = {Strength.WEAK: 1.0, Strength.MODERATE: 2.0, Strength.STRONG: 3.0}


@dataclass(frozen=True, slots=True)
class AssumptionAssessment:
    """The derived status of one assumption and the evidence behind it."""

    assumption: Assumption
    status: AssumptionStatus
    support: float
    contradiction: float
    evidence: tuple[Evidence, ...]

    @property
    def declared(self) -> AssumptionStatus | None:
        return self.assumption.status

    @property
    def mismatch(self) -> bool:
        """The model declares a status the evidence does not bear out."""
        return self.declared is not None and self.declared is not self.status

    def items(self, stance: Stance) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.stance is stance)


def derive_status(evidence: Iterable[Evidence]) -> tuple[AssumptionStatus, float, float]:
    support = contradiction = 0.0
    counted = 0
    for item in evidence:
        if not item.found:
            continue
        counted += 1
        weight = WEIGHTS[item.strength]
        if item.stance is Stance.SUPPORTS:
            support += weight
        elif item.stance is Stance.CONTRADICTS:
            contradiction += weight
        else:
            support += weight / 2
            contradiction += weight / 2
    if counted == 0:
        return AssumptionStatus.UNTESTED, 0.0, 0.0
    share = support / (support + contradiction)
    if share >= 2 / 3:
        status = AssumptionStatus.SUPPORTED
    elif share <= 1 / 3:
        status = AssumptionStatus.CONTRADICTED
    else:
        status = AssumptionStatus.MIXED
    return status, support, contradiction


def assess_assumption(assumption: Assumption, evidence: Iterable[Evidence]) -> AssumptionAssessment:
    """Assess one assumption from the evidence items about it."""
    items = tuple(e for e in evidence if assumption.id in e.about)
    status, support, contradiction = derive_status(items)
    return AssumptionAssessment(assumption, status, support, contradiction, items)


def assess_assumptions(
    model: Model, evidence_about: Mapping[str, Sequence[Evidence]] | None = None
) -> dict[str, AssumptionAssessment]:
    """Every assumption of the model, by id, in model order (one pass over the evidence).

    ``evidence_about`` (element id → the items about it, in model order) saves that pass
    when the caller has it already (the rules' context does)."""
    by_target = evidence_about
    if by_target is None:
        grouped: dict[str, list[Evidence]] = {}
        for item in model.evidence:
            for target in item.about:
                grouped.setdefault(target, []).append(item)
        by_target = grouped
    out: dict[str, AssumptionAssessment] = {}
    for a in model.assumptions:
        items = tuple(by_target.get(a.id, ()))  # already only the items about it (assess_assumption)
        status, support, contradiction = derive_status(items)
        out[a.id] = AssumptionAssessment(a, status, support, contradiction, items)
    return out
