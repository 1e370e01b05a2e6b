"""How much an evidence item can tell: its sensitivity and type I error, and where they come from.

Contribution tracing (Befani & Stedman-Bryce 2017) needs, for each item E and
claim H, the sensitivity Se = P(E|H) and the type I error α = P(E|¬H). An item
gets them from, in this order (docs/assessment.md, "Probative value"):

1. ``sensitivity`` and ``type_i_error`` written on the item — used as given;
2. its ``test`` type — the defaults in :data:`TEST_DEFAULTS`;
3. neither — its ``stance`` and ``strength`` read as a straw-in-the-wind
   (:data:`UNTYPED_DEFAULTS`), or the item is left out when the caller asks so.

The test-type defaults follow the Van Evera / Collier definitions as Befani &
Stedman-Bryce quantify them: a hoop test is one a true claim almost always
passes (high Se) but a false one often passes too (moderate α); a smoking gun is
rarely found (low Se) but almost never when the claim is false (low α); a
doubly decisive test has both; a straw in the wind has Se close to α. The hoop
and smoking-gun values make the worked example of docs/assessment.md §2
reproduce from test types alone.

Test types and stance defaults describe evidence *for* the claim. An item whose
stance is ``contradicts`` is the same test for the opposite claim, so its two
probabilities are swapped (a smoking gun against H has P(E|H) = 0.05). Explicit
probabilities are never swapped: they are P(E|H) and P(E|¬H) by definition.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from toc.model import Evidence, Stance, Strength, TestType

__all__ = [
    "NO_PROBATIVE_TOLERANCE",
    "TEST_DEFAULTS",
    "UNTYPED_DEFAULTS",
    "Basis",
    "Likelihoods",
    "Untyped",
    "likelihood_ratio",
    "likelihoods",
]

TEST_DEFAULTS: dict[TestType, tuple[float, float]] = {
    TestType.STRAW_IN_THE_WIND: (0.6, 0.4),
    TestType.HOOP: (0.95, 0.6),
    TestType.SMOKING_GUN: (0.3, 0.05),
    TestType.DOUBLY_DECISIVE: (0.95, 0.05),
}
"""(Se, α) assumed for each process-tracing test when the item gives no numbers."""

UNTYPED_DEFAULTS: dict[Strength, tuple[float, float]] = {
    Strength.WEAK: (0.55, 0.45),
    Strength.MODERATE: (0.6, 0.4),
    Strength.STRONG: (0.7, 0.3),
}
"""(Se, α) for a supporting item with neither numbers nor a test: straws in the wind whose lean
grows with the recorded strength. None of them can confirm or kill a claim on its own."""

NO_PROBATIVE_TOLERANCE = 0.05
"""|Se − α| at or below this: the item barely moves any claim (rule evidence-no-probative-value)."""


class Basis(StrEnum):
    """Where an item's probabilities come from."""

    EXPLICIT = "explicit"
    TEST = "test"
    STANCE = "stance"


class Untyped(StrEnum):
    """What to do with an item that has neither probabilities nor a test type."""

    STRAW = "straw-in-the-wind"
    EXCLUDE = "exclude"


@dataclass(frozen=True, slots=True)
class Likelihoods:
    """Se = P(E|H) and α = P(E|¬H) for one item, and how they were obtained."""

    sensitivity: float
    type_i_error: float
    basis: Basis
    note: str

    def ratio(self, found: bool) -> float | None:
        return likelihood_ratio(self.sensitivity, self.type_i_error, found)


def likelihood_ratio(sensitivity: float, type_i_error: float, found: bool) -> float | None:
    """P(observation|H) / P(observation|¬H); ``inf`` if only H explains it, None if nothing does."""
    num, den = (sensitivity, type_i_error) if found else (1 - sensitivity, 1 - type_i_error)
    if den == 0:
        return None if num == 0 else math.inf
    return num / den


def likelihoods(item: Evidence, untyped: Untyped = Untyped.STRAW) -> Likelihoods | str:
    """The item's probabilities, or the reason it takes no part in the Bayesian update."""
    se, alpha = item.sensitivity, item.type_i_error
    if se is not None and alpha is not None:
        return Likelihoods(se, alpha, Basis.EXPLICIT, "as recorded")
    if se is not None or alpha is not None:
        given = "sensitivity" if se is not None else "type_i_error"
        if item.test is None:
            return f"only {given} is recorded; both probabilities (or a test type) are needed"
        default_se, default_alpha = TEST_DEFAULTS[item.test]
        se = default_se if se is None else se
        alpha = default_alpha if alpha is None else alpha
        return Likelihoods(se, alpha, Basis.EXPLICIT, f"{given} as recorded, the other from the {item.test}")
    if item.stance is Stance.MIXED:
        return "its stance is mixed: record its sensitivity and type I error to use it"
    if item.test is not None:
        se, alpha = TEST_DEFAULTS[item.test]
        note = f"{item.test} default"
        basis = Basis.TEST
    elif untyped is Untyped.EXCLUDE:
        return "no test type and no probabilities"
    else:
        se, alpha = UNTYPED_DEFAULTS[item.strength]
        note = f"untyped, read as a {item.strength} straw in the wind"
        basis = Basis.STANCE
    if item.stance is Stance.CONTRADICTS:
        se, alpha = alpha, se
        note += ", against the claim"
    return Likelihoods(se, alpha, basis, note)
