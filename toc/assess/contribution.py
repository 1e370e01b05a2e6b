"""Bayesian contribution tracing: a claim's posterior, one traceable update at a time.

For a claim H with prior P(H) and an evidence item with Se = P(E|H), α = P(E|¬H)
(methodology.md §4; Befani & Stedman-Bryce 2017):

* found:  P(H|E)  = Se·P(H) / (Se·P(H) + α·(1 − P(H)))
* absent: P(H|¬E) = (1 − Se)·P(H) / ((1 − Se)·P(H) + (1 − α)·(1 − P(H)))

Updates are applied one after the other, which is exact only for independent
evidence. Items are *not* independent when they share an independence group:
their ``group`` if set, else their ``source`` (two findings of one survey share
its sample and its instrument). A group updates the claim once, with its most
probative item — the one whose likelihood ratio is furthest from 1 (in log
terms); on a tie, the one less favourable to the claim. The other items of the
group are listed as not counted. This never counts one source twice, and it
makes the result independent of the order the items are written in.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from toc.assess.probative import Likelihoods, Untyped, likelihoods
from toc.model import Assumption, AssumptionKind, Claim, Evidence, Likelihood, Link

__all__ = [
    "DEFAULT_PRIOR",
    "LIKELIHOOD_PRIORS",
    "ClaimKind",
    "Excluded",
    "Posterior",
    "Step",
    "independence_key",
    "posterior",
    "prior_of",
    "trace",
    "update",
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
    """One update: which item, with which probabilities, from what to what."""

    evidence: Evidence
    likelihoods: Likelihoods
    found: bool
    group: str
    before: float
    after: float

    @property
    def ratio(self) -> float | None:
        return self.likelihoods.ratio(self.found)


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


def _strength(lik: Likelihoods, found: bool) -> tuple[float, float]:
    """Sort key for 'most probative': |log LR| descending, then LR ascending (the sceptical one)."""
    ratio = lik.ratio(found)
    if ratio is None:
        return (-math.inf, math.inf)
    if ratio == 0 or math.isinf(ratio):
        return (math.inf, ratio)
    return (abs(math.log(ratio)), ratio)


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
        best = max(members, key=lambda m: (_strength(m[1], m[0].found)[0], -_strength(m[1], m[0].found)[1]))
        item, lik = best
        after = update(p, lik.sensitivity, lik.type_i_error, item.found)
        if after is None:  # a certain prior meets evidence it rules out
            excluded.append(Excluded(item, f"the prior {p:g} rules this observation out"))
            continue
        steps.append(Step(item, lik, item.found, key, p, after))
        p = after
        for other, _ in members:
            if other is not item:
                excluded.append(Excluded(other, f"same {key} as {item.id}: counted once"))
    kind = kind_of(element)
    if isinstance(element, Assumption) and element.kind is AssumptionKind.RISK:
        kind = "risk"
    return Posterior(element.id, kind, prior, basis, tuple(steps), tuple(excluded))
