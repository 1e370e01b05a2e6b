"""Evidence: is it triangulated, dated and traceable to a source, and is every claim backed?"""

from __future__ import annotations

from collections.abc import Iterator

from toc.diagnostics import Severity
from toc.rules.base import Context, Finding, rule

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@rule("TOC501", "evidence-single-source", groups=("evidence",), severity=WARNING)
def evidence_single_source(ctx: Context) -> Iterator[Finding]:
    """A claim or assumption rests on one kind of source only: no triangulation.

    Triangulation (Denzin) is agreement across independent sources and methods;
    a finding that only interviews (or only one survey) support or contradict is
    fragile. Counts the methods (survey, interview, document review …) of the
    evidence found about each claim and each assumption.

    Fails:

        claims:
          - {id: c1, statement: The pilot changed municipal plans, about: plans}
        nodes:
          - {id: plans, level: outcome, label: Municipal plans include the SDGs}
        evidence:
          - {id: e1, about: [c1], summary: Officials say so, method: interview, stance: supports}
          - {id: e2, about: [c1], summary: Aldermen say so, method: interview, stance: supports}

    Passes:

        claims:
          - {id: c1, statement: The pilot changed municipal plans, about: plans}
        nodes:
          - {id: plans, level: outcome, label: Municipal plans include the SDGs}
        evidence:
          - {id: e1, about: [c1], summary: Officials say so, method: interview, stance: supports}
          - {id: e2, about: [c1], summary: Plans mention SDGs, method: document-review, stance: supports}
    """
    for element in [*ctx.model.claims, *ctx.model.assumptions]:
        found = [e for e in ctx.evidence_about.get(element.id, []) if e.found]
        methods = {e.method for e in found}
        if len(methods) == 1:
            method = next(iter(methods)).value
            many = "1 item" if len(found) == 1 else f"{len(found)} items, all"
            yield Finding(
                element.id,
                f"{ctx.label(element.id)} rests on one kind of evidence only ({many} {method}): "
                "no triangulation",
            )


@rule("TOC502", "evidence-undated", groups=("evidence",), severity=INFO)
def evidence_undated(ctx: Context) -> Iterator[Finding]:
    """An evidence item has no date.

    When evidence was gathered decides what it can speak to (before or after the
    programme acted, before or after a context change); undated evidence cannot
    be placed on the timeline of a contribution story.

    Fails:

        assumptions:
          - {id: a1, statement: Members stay interested}
        evidence:
          - {id: e1, about: [a1], summary: Survey of members, method: survey, stance: supports}

    Passes:

        assumptions:
          - {id: a1, statement: Members stay interested}
        evidence:
          - {id: e1, about: [a1], summary: Survey of members, method: survey, stance: supports, date: 2018-10}
    """
    for item in ctx.model.evidence:
        if item.date is None:
            yield Finding(item.id, f"evidence {ctx.label(item.id)} has no date")


@rule("TOC503", "source-uncited", groups=("evidence",), severity=INFO)
def source_uncited(ctx: Context) -> Iterator[Finding]:
    """A source document is listed but nothing in the model cites it.

    Either the model does not use it (remove it) or the elements drawn from it
    do not say so (add ``cite:``), and a reader cannot trace them back. A bare
    ``cite: para 58`` cites the first source.

    Fails:

        sources:
          - {id: eval, title: Mid-term evaluation}
          - {id: logframe, title: Logical framework 2017-2019}
        nodes:
          - {id: a, level: outcome, label: Municipalities know LMB, cite: para 58}

    Passes:

        sources:
          - {id: eval, title: Mid-term evaluation}
        nodes:
          - {id: a, level: outcome, label: Municipalities know LMB, cite: para 58}
    """
    if not ctx.model.sources:
        return
    uncited = {source.id for source in ctx.model.sources}
    first = ctx.model.sources[0].id  # what a citation without a source cites
    for element in ctx.elements:
        for citation in element.cite:
            uncited.discard(citation.source or first)
        if not uncited:  # every source is cited: nothing left to look for
            return
    for source in ctx.model.sources:
        if source.id in uncited:
            yield Finding(source.id, f"source {ctx.label(source.id)} is not cited by anything in the model")


@rule("TOC504", "claim-without-evidence", groups=("evidence",), severity=WARNING)
def claim_without_evidence(ctx: Context) -> Iterator[Finding]:
    """A contribution claim has no evidence about it (or about the result it concerns).

    A claim that the programme contributed to a result is what a contribution
    story must substantiate; with no evidence it is an assertion.

    Fails:

        nodes:
          - {id: plans, level: outcome, label: Municipal plans include the SDGs}
        claims:
          - {id: c1, statement: The pilot changed municipal plans, about: plans}

    Passes:

        nodes:
          - {id: plans, level: outcome, label: Municipal plans include the SDGs}
        claims:
          - {id: c1, statement: The pilot changed municipal plans, about: plans}
        evidence:
          - {id: e1, about: [c1], summary: Plans cite the pilot, method: document-review, stance: supports}
    """
    for claim in ctx.model.claims:
        if not ctx.evidence_about.get(claim.id) and not ctx.evidence_about.get(claim.about):
            yield Finding(claim.id, f"claim {ctx.label(claim.id)} has no evidence")


@rule("TOC505", "recommendation-unlinked", groups=("evidence",), severity=INFO)
def recommendation_unlinked(ctx: Context) -> Iterator[Finding]:
    """A recommendation responds to nothing in the model.

    A recommendation should follow from a finding (a contradicted assumption, a
    missed target, a weak link); linking it with ``responds_to`` lets a reader
    see why it is made and check it is addressed.

    Fails:

        recommendations:
          - {id: r1, text: Invest in outcome monitoring}

    Passes:

        nodes:
          - {id: a, level: outcome, label: Municipalities know LMB}
        recommendations:
          - {id: r1, text: Invest in outcome monitoring, responds_to: [a]}
    """
    for item in ctx.model.recommendations:
        if not item.responds_to:
            yield Finding(item.id, f"recommendation {ctx.label(item.id)} responds to nothing in the model")
