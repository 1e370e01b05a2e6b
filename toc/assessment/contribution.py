"""Bayesian contribution tracing: a claim's posterior, one traceable update at a time.

For a claim H with prior P(H) and an evidence item with Se = P(E|H), α = P(E|¬H)
(docs/assessment.md §2; Befani & Stedman-Bryce 2017):

* found:  P(H|E)  = Se·P(H) / (Se·P(H) + α·(1 − P(H)))
* absent: P(H|¬E) = (1 − Se)·P(H) / ((1 − Se)·P(H) + (1 − α)·(1 − P(H)))

Updates are applied one after the other, which is exact only for independent
evidence. Items are *not* independent when they share an independence group:
their ``group`` if set, else their ``source`` (two findings of one survey share
its sample and its instrument). A group is one observation and updates the claim
once, with a combined likelihood ratio: the product of its items' ratios, capped
in size by its most probative item (the ratio furthest from 1, in log terms).

* items that agree do not compound: one source saying the same thing twice
  weighs as its strongest statement;
* items that disagree partly cancel: counter-evidence from the same source is
  not thrown away.

With a likelihood ratio LR, the update is P(H|group) = LR·P(H) / (LR·P(H) + 1 − P(H)),
which for a single item is exactly the formula above. The result does not depend
on the order the items are written in (products and maxima commute).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from toc.assessment.probative import Likelihoods, Untyped, likelihoods
from toc.model import Assumption, AssumptionKind, Claim, Evidence, Likelihood, Link

__all__ = [
    "DEFAULT_PRIOR",
    "LIKELIHOOD_PRIORS",
    "ClaimKind",
    "Excluded",
    "Posterior",
    "Step",
    "combine",
    "independence_key",
    "posterior",
    "prior_of",
    "trace",
    "update",
    "update_ratio",
]

DEFAULT_PRIOR = 0.5
"""The prior of a claim with no ``prior`` and no likelihood: as likely true as false."""

LIKELIHOOD_PRIORS = {
    Likelihood.ALMOST_CERTAIN: 0.9,
    Likelihood.LIKELY: 0.7,
    Likelihood.UNLIKELY: 0.3,
}
"""An assumption's planners' judgement (EU PCM 'will it hold?') read as its prior."""

ClaimKind = str
"""``assumption``, ``condition``, ``risk``, ``link`` or ``claim``."""


def update(prior: float, sensitivity: float, type_i_error: float, found: bool) -> float | None:
    """One Bayesian update; None when neither H nor ¬H could produce the observation."""
    se, alpha = (sensitivity, type_i_error) if found else (1 - sensitivity, 1 - type_i_error)
    num = se * prior
    den = num + alpha * (1 - prior)
    if den == 0:
        return None
    return num / den


def posterior(prior: float, items: Iterable[tuple[float, float, bool]]) -> float:
    """Sequential updating over (Se, α, found) triples assumed independent."""
    p = prior
    for se, alpha, found in items:
        nxt = update(p, se, alpha, found)
        if nxt is not None:
            p = nxt
    return p


@dataclass(frozen=True, slots=True)
class Step:
    """One update: which observation, with which probabilities, from what to what.

    ``evidence`` is the group's most probative item; ``members`` all its items with their
    probabilities. ``ratio`` is the likelihood ratio used (for a group, the capped product).
    """

    evidence: Evidence
    likelihoods: Likelihoods
    found: bool
    group: str
    before: float
    after: float
    ratio: float
    members: tuple[tuple[Evidence, Likelihoods], ...] = ()

    @property
    def combined(self) -> bool:
        """Several dependent items, combined into one likelihood ratio."""
        return len(self.members) > 1

    @property
    def uncapped(self) -> float:
        """The plain product of the members' likelihood ratios (before the cap)."""
        return math.prod(lik.ratio(e.found) or 0.0 for e, lik in self.members) if self.members else self.ratio


@dataclass(frozen=True, slots=True)
class Excluded:
    """An item about the claim that did not update it, and why."""

    evidence: Evidence
    reason: str


@dataclass(frozen=True, slots=True)
class Posterior:
    """A claim's prior, every update, and the result."""

    id: str
    kind: ClaimKind
    prior: float
    prior_basis: str
    steps: tuple[Step, ...]
    excluded: tuple[Excluded, ...]

    @property
    def value(self) -> float:
        return self.steps[-1].after if self.steps else self.prior

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return tuple(s.evidence for s in self.steps) + tuple(x.evidence for x in self.excluded)


def independence_key(item: Evidence) -> str:
    """Items with the same key are one observation: ``group`` first, else ``source``, else the item."""
    if item.group is not None:
        return f"group {item.group}"
    if item.source is not None:
        return f"source {item.source}"
    return f"item {item.id}"


def prior_of(element: Assumption | Link | Claim, default: float = DEFAULT_PRIOR) -> tuple[float, str]:
    """The prior and where it comes from: recorded, else the assumption's likelihood, else the default."""
    if element.prior is not None:
        return element.prior, "recorded"
    if isinstance(element, Assumption) and element.likelihood is not None:
        return LIKELIHOOD_PRIORS[element.likelihood], f"likelihood {element.likelihood}"
    return default, "default"


def kind_of(element: Assumption | Link | Claim) -> ClaimKind:
    if isinstance(element, Assumption):
        return str(element.kind)
    return "link" if isinstance(element, Link) else "claim"


def _size(ratio: float) -> float:
    """How far a likelihood ratio is from 1, in log terms (∞ for 0 and ∞)."""
    return math.inf if ratio == 0 or math.isinf(ratio) else abs(math.log(ratio))


def combine(ratios: Sequence[float]) -> float | None:
    """One likelihood ratio for dependent items: their product, no larger in size than the largest.

    None when one item rules the claim out (ratio 0) and another proves it (ratio ∞).
    """
    if 0 in ratios and math.inf in ratios:
        return None
    if 0 in ratios:
        return 0.0
    if math.inf in ratios:
        return math.inf
    logs = [math.log(r) for r in ratios]
    total = math.fsum(logs)
    cap = max(abs(x) for x in logs)
    return math.exp(math.copysign(min(abs(total), cap), total))


def update_ratio(prior: float, ratio: float) -> float | None:
    """P(H|E) from a likelihood ratio; None when undefined (a certain prior meets certain evidence)."""
    if math.isinf(ratio):
        return 1.0 if prior > 0 else None
    num = ratio * prior
    den = num + (1 - prior)
    return None if den == 0 else num / den


def trace(
    element: Assumption | Link | Claim,
    evidence: Sequence[Evidence],
    *,
    default_prior: float = DEFAULT_PRIOR,
    untyped: Untyped = Untyped.STRAW,
) -> Posterior:
    """The posterior of one claim from the items about it, with every step shown."""
    prior, basis = prior_of(element, default_prior)
    excluded: list[Excluded] = []
    groups: dict[str, list[tuple[Evidence, Likelihoods]]] = {}
    for item in evidence:
        lik = likelihoods(item, untyped)
        if isinstance(lik, str):
            excluded.append(Excluded(item, lik))
        elif lik.ratio(item.found) is None:
            excluded.append(Excluded(item, "neither the claim nor its negation could produce this"))
        else:
            groups.setdefault(independence_key(item), []).append((item, lik))
    steps: list[Step] = []
    p = prior
    for key, members in groups.items():
        ratios = [lik.ratio(item.found) or 0.0 for item, lik in members]
        if len(members) == 1:  # most groups: no search for the most probative item
            lead_item, lead_lik = members[0]
        else:
            lead = max(range(len(members)), key=lambda i: (_size(ratios[i]), -ratios[i]))
            lead_item, lead_lik = members[lead]
        ratio = combine(ratios)
        if ratio is None:
            for item, _ in members:
                excluded.append(Excluded(item, f"the items of {key} both prove and rule out the claim"))
            continue
        if len(members) == 1:
            after = update(p, lead_lik.sensitivity, lead_lik.type_i_error, lead_item.found)
        else:
            after = update_ratio(p, ratio)
        if after is None:  # a certain prior meets evidence it rules out
            for item, _ in members:
                excluded.append(Excluded(item, f"the prior {p:g} rules this observation out"))
            continue
        steps.append(Step(lead_item, lead_lik, lead_item.found, key, p, after, ratio, tuple(members)))
        p = after
    kind = kind_of(element)
    if isinstance(element, Assumption) and element.kind is AssumptionKind.RISK:
        kind = "risk"
    return Posterior(element.id, kind, prior, basis, tuple(steps), tuple(excluded))
