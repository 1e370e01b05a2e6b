"""Contribution tracing: probabilities that can be used, evidence that can tell, claims that hold up.

The arithmetic is in :mod:`toc.assessment.contribution` (docs/assessment.md); these rules
point at the items and claims where it cannot help or says "probably not".
"""

from __future__ import annotations

from collections.abc import Iterator

from toc.assessment.contribution import trace
from toc.assessment.probative import NO_PROBATIVE_TOLERANCE, Basis, likelihoods
from toc.diagnostics import Severity
from toc.model import Assumption, AssumptionKind, AssumptionStatus, Claim, Evidence, Link, Stance, TestType
from toc.rules.base import Context, Finding, rule
from toc.rules.options import Option

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

HIGH_SENSITIVITY = 0.8
LOW_TYPE_I_ERROR = 0.2
"""Van Evera's tests as quadrants: a hoop has Se ≥ 0.8 (passing is necessary), a smoking gun α ≤ 0.2
(passing is sufficient), a doubly decisive test both, a straw in the wind neither."""


def _quadrant(sensitivity: float, type_i_error: float) -> TestType:
    necessary = sensitivity >= HIGH_SENSITIVITY
    sufficient = type_i_error <= LOW_TYPE_I_ERROR
    if necessary and sufficient:
        return TestType.DOUBLY_DECISIVE
    if necessary:
        return TestType.HOOP
    if sufficient:
        return TestType.SMOKING_GUN
    return TestType.STRAW_IN_THE_WIND


@rule("TOC520", "evidence-no-probative-value", groups=("evidence",), severity=WARNING)
def evidence_no_probative_value(ctx: Context) -> Iterator[Finding]:
    """An evidence item is as likely to be seen whether the claim is true or not.

    With sensitivity P(E|H) equal to the type I error P(E|¬H) (within 0.05), finding
    the item — or not finding it — leaves the claim where it was: its likelihood ratio
    is about 1. Either the probabilities are mis-estimated, or the item says nothing
    about this claim and should not be presented as evidence for it (Befani &
    Stedman-Bryce 2017).

    Fails:

        nodes:
          - {id: plans, level: outcome, label: Municipal plans use the SDGs}
        claims:
          - {id: c1, statement: The pilot changed municipal plans, about: plans}
        evidence:
          - {id: e1, about: [c1], summary: Officials like the SDGs, method: interview,
             stance: supports, sensitivity: 0.6, type_i_error: 0.58}

    Passes:

        nodes:
          - {id: plans, level: outcome, label: Municipal plans use the SDGs}
        claims:
          - {id: c1, statement: The pilot changed municipal plans, about: plans}
        evidence:
          - {id: e1, about: [c1], summary: Plans copy the pilot's templates, method: document-review,
             stance: supports, sensitivity: 0.3, type_i_error: 0.05}
    """
    for item in ctx.model.evidence:
        lik = likelihoods(item)
        if isinstance(lik, str) or lik.basis is not Basis.EXPLICIT:
            continue
        if abs(lik.sensitivity - lik.type_i_error) <= NO_PROBATIVE_TOLERANCE:
            yield Finding(
                item.id,
                f"evidence {item.id} has no probative value: sensitivity {lik.sensitivity:g} ≈ "
                f"type I error {lik.type_i_error:g}, so finding it or not leaves the claim where it was",
                "sensitivity" if item.sensitivity is not None else "type_i_error",
            )


@rule("TOC521", "evidence-invalid-probabilities", groups=("evidence",), severity=WARNING)
def evidence_invalid_probabilities(ctx: Context) -> Iterator[Finding]:
    """An evidence item's probabilities cannot be used as written, or contradict its test type or stance.

    Contribution tracing needs both the sensitivity P(E|H) and the type I error P(E|¬H)
    (or a test type to supply the missing one). A probability of exactly 0 or 1 makes
    the posterior certain whatever the prior and the other evidence; use 0.01 or 0.99.
    A test type names a quadrant (hoop: Se ≥ 0.8; smoking gun: α ≤ 0.2; doubly decisive:
    both; straw in the wind: neither); probabilities outside it say a different test.
    An item that ``supports`` the claim with Se < α would count against it when found
    (and one that ``contradicts`` with Se > α for it). A ``mixed`` item needs explicit
    probabilities to be used at all.

    Fails:

        nodes:
          - {id: plans, level: outcome, label: Municipal plans use the SDGs}
        claims:
          - {id: c1, statement: The pilot changed municipal plans, about: plans}
        evidence:
          - {id: e1, about: [c1], summary: Plans copy the templates, method: document-review,
             stance: supports, test: smoking-gun, sensitivity: 0.3, type_i_error: 0.5}

    Passes:

        nodes:
          - {id: plans, level: outcome, label: Municipal plans use the SDGs}
        claims:
          - {id: c1, statement: The pilot changed municipal plans, about: plans}
        evidence:
          - {id: e1, about: [c1], summary: Plans copy the templates, method: document-review,
             stance: supports, test: smoking-gun, sensitivity: 0.3, type_i_error: 0.05}
    """
    for item in ctx.model.evidence:
        yield from _invalid(item)


def _invalid(item: Evidence) -> Iterator[Finding]:
    se, alpha = item.sensitivity, item.type_i_error
    if (se is None) != (alpha is None) and item.test is None:
        given = "sensitivity" if se is not None else "type_i_error"
        missing = "type_i_error" if se is not None else "sensitivity"
        yield Finding(
            item.id,
            f"evidence {item.id} gives {given} without {missing} (or a test type): it is left out of "
            "the posterior",
            given,
        )
        return
    for name, value in (("sensitivity", se), ("type_i_error", alpha)):
        if value in (0.0, 1.0):
            yield Finding(
                item.id,
                f"evidence {item.id}: {name} {value:g} makes the posterior certain whatever the prior "
                "and the other evidence; use e.g. 0.01 or 0.99",
                name,
            )
    if se is not None and alpha is not None:
        quadrant = _quadrant(se, alpha)
        if item.test is not None and item.test is not quadrant:
            yield Finding(
                item.id,
                f"evidence {item.id} is called a {item.test} test, but sensitivity {se:g} and type I error "
                f"{alpha:g} make it a {quadrant} test (hoop: Se ≥ {HIGH_SENSITIVITY:g}; smoking gun: "
                f"α ≤ {LOW_TYPE_I_ERROR:g})",
                "test",
            )
        if item.stance is Stance.SUPPORTS and se < alpha:
            yield Finding(
                item.id,
                f"evidence {item.id} supports its claim, but sensitivity {se:g} < type I error {alpha:g}: "
                "finding it counts against the claim",
                "stance",
            )
        elif item.stance is Stance.CONTRADICTS and se > alpha:
            yield Finding(
                item.id,
                f"evidence {item.id} contradicts its claim, but sensitivity {se:g} > type I error "
                f"{alpha:g}: finding it counts for the claim",
                "stance",
            )
    elif item.stance is Stance.MIXED and item.test is not None:
        yield Finding(
            item.id,
            f"evidence {item.id} is mixed: a test type cannot say which way it points; give its "
            "sensitivity and type I error, or it is left out of the posterior",
            "test",
        )


_CLAIMS = (Assumption, Link, Claim)


def _already_reported(ctx: Context, assumption: Assumption) -> bool:
    """A contradicted or mixed assumption (not a risk) is reported, with its evidence, by
    ``assumption-contradicted`` / ``assumption-mixed-evidence``; a second finding on the same
    element from the same evidence would be noise an evaluator would not accept."""
    if assumption.kind is AssumptionKind.RISK:
        return False
    status = ctx.assessments[assumption.id].status
    return status in (AssumptionStatus.CONTRADICTED, AssumptionStatus.MIXED)


@rule(
    "TOC522",
    "claim-low-confidence",
    groups=("evidence", "assumptions"),
    severity=WARNING,
    options={
        "low-confidence-threshold": Option(
            float,
            0.5,
            "a claim whose confidence after the evidence is below this is reported",
            minimum=0.0,
            maximum=1.0,
        )
    },
)
def claim_low_confidence(ctx: Context) -> Iterator[Finding]:
    """After the evidence, a claim the theory of change relies on is more likely false than true.

    The posterior of each assumption, condition, link and contribution claim is computed
    by contribution tracing (docs/assessment.md); for a risk, what the link relies on is
    that it does *not* happen, so 1 − P counts, and the finding says the risk has
    probably happened. Only claims the evidence has updated are
    checked (an untested one is ``assumption-untested``'s or ``claim-without-evidence``'s
    business, and a contradicted or mixed assumption is already reported, with its evidence,
    by ``assumption-contradicted`` or ``assumption-mixed-evidence``). The threshold is the
    rule option ``low-confidence-threshold`` (0.5 unless configured).

    Fails:

        nodes:
          - {id: plans, level: outcome, label: Municipal plans use the SDGs}
        claims:
          - {id: c1, statement: The pilot changed municipal plans, about: plans}
        evidence:
          - {id: e1, about: [c1], summary: Plans predate the pilot, method: document-review,
             stance: contradicts, test: smoking-gun}

    Passes:

        nodes:
          - {id: plans, level: outcome, label: Municipal plans use the SDGs}
        claims:
          - {id: c1, statement: The pilot changed municipal plans, about: plans}
        evidence:
          - {id: e1, about: [c1], summary: Plans copy the pilot's templates, method: document-review,
             stance: supports, test: smoking-gun}
    """
    threshold = ctx.option("low-confidence-threshold")
    # only what some evidence is about can be updated (no evidence, no steps)
    for target, evidence in ctx.evidence_about.items():
        element = ctx.index.get(target)
        if not isinstance(element, _CLAIMS):
            continue
        if isinstance(element, Assumption) and _already_reported(ctx, element):
            continue
        post = trace(element, evidence)
        if not post.steps:
            continue
        risk = getattr(element, "kind", None) is AssumptionKind.RISK
        confidence = 1 - post.value if risk else post.value
        # judged on the figure the message shows, so that 0.4999… is not "0.500 … below 0.5"
        if round(confidence, 3) >= threshold:
            continue
        updates = "1 update" if len(post.steps) == 1 else f"{len(post.steps)} updates"
        if risk:
            text = (
                f"the risk {ctx.label(element.id)} has probably happened: probability {post.value:.3f} "
                f"after the evidence (prior {post.prior:.3f}, {updates}) is above {1 - threshold:g}, so the "
                "links it threatens are more likely broken than not"
            )
        else:
            text = (
                f"{ctx.label(element.id)}: confidence {confidence:.3f} after the evidence "
                f"(prior {post.prior:.3f}, {updates}) is below {threshold:g}"
            )
        yield Finding(element.id, text)
