"""Assumptions: are they stated, real assumptions, tested, and does the evidence bear them out?

The status of an assumption comes from :func:`toc.assessment.assess_assumptions`
(evidence weighed by stance and strength, see docs/assessment.md); these rules
only report it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from toc.assessment.risk import breaking
from toc.diagnostics import Severity
from toc.model import AssumptionKind, AssumptionStatus, Importance, Level, Likelihood, Link, Stance
from toc.rules.base import Context, Finding, rule

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
RESULTS = (Level.OUTCOME, Level.IMPACT)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@rule("TOC301", "assumption-untested", groups=("assumptions", "evidence"), severity=WARNING)
def assumption_untested(ctx: Context) -> Iterator[Finding]:
    """An assumption has no evidence recorded about it.

    Theory-based evaluation asks of each assumption whether it was tested; an
    untested assumption is a finding in itself, and a central one is a gap in the
    evaluation. Only ``kind: assumption`` counts (conditions are checked before
    the start, risks are monitored), and assumptions of low importance are left alone.

    Fails:

        assumptions:
          - {id: afford, statement: Filters stay affordable, importance: high}

    Passes:

        assumptions:
          - {id: afford, statement: Filters stay affordable, importance: high}
        evidence:
          - {id: e1, about: [afford], summary: Households pay for filters, method: survey, stance: supports}
    """
    for assessment in ctx.assessments.values():
        a = assessment.assumption
        if (
            a.kind is AssumptionKind.ASSUMPTION
            and a.importance is not Importance.LOW
            and assessment.status is AssumptionStatus.UNTESTED
        ):
            yield Finding(a.id, f"{ctx.label(a.id)} has not been tested: no evidence is recorded about it")


@rule("TOC302", "assumption-contradicted", groups=("assumptions", "evidence"), severity=ERROR)
def assumption_contradicted(ctx: Context) -> Iterator[Finding]:
    """The evidence contradicts an assumption.

    The central finding of a theory-based evaluation: something the programme
    counted on does not hold, and everything that rests on it is at risk (see
    ``outcome-at-risk``). The status is weighed from the evidence's stance and
    strength (docs/assessment.md); the message cites where the evidence is reported.

    Fails:

        assumptions:
          - {id: sdg-lmb, statement: Work on the SDGs strengthens LMB}
        evidence:
          - id: e1
            about: [sdg-lmb]
            summary: SDG work did not raise attention for LMB
            method: survey
            source: survey 2018
            stance: contradicts
            strength: strong
            cite: para 92

    Passes:

        assumptions:
          - {id: sdg-lmb, statement: Work on the SDGs strengthens LMB}
        evidence:
          - {id: e1, about: [sdg-lmb], summary: It did, method: survey, stance: supports, cite: para 92}
    """
    for assessment in ctx.assessments.values():
        if assessment.status is not AssumptionStatus.CONTRADICTED:
            continue
        a = assessment.assumption
        against = [e for e in assessment.items(Stance.CONTRADICTS) if e.found]
        support = [e for e in assessment.items(Stance.SUPPORTS) if e.found]
        text = f"{ctx.label(a.id)} is contradicted by {_plural(len(against), 'evidence item')}"
        text += ctx.cites(against)
        if support:
            text += f", against {len(support)} in support"
        yield Finding(a.id, text)


@rule("TOC303", "assumption-mixed-evidence", groups=("assumptions", "evidence"), severity=WARNING)
def assumption_mixed_evidence(ctx: Context) -> Iterator[Finding]:
    """The evidence on an assumption pulls both ways.

    Neither supported nor contradicted: the assumption may hold in some places or
    for some groups and not others. Worth a closer look (disaggregate, or look for
    a context that explains the difference).

    Fails:

        assumptions:
          - {id: afford, statement: Filters stay affordable}
        evidence:
          - {id: e1, about: [afford], summary: Most can pay, method: survey, stance: supports}
          - {id: e2, about: [afford], summary: Many cannot, method: interview, stance: contradicts}

    Passes:

        assumptions:
          - {id: afford, statement: Filters stay affordable}
        evidence:
          - {id: e1, about: [afford], summary: Most can pay, method: survey, stance: supports}
    """
    for assessment in ctx.assessments.values():
        if assessment.status is not AssumptionStatus.MIXED:
            continue
        a = assessment.assumption
        found = [e for e in assessment.evidence if e.found]
        pro = [e for e in found if e.stance is Stance.SUPPORTS]
        con = [e for e in found if e.stance is Stance.CONTRADICTS]
        yield Finding(
            a.id,
            f"the evidence on {ctx.label(a.id)} is mixed: {len(pro)} supporting{ctx.cites(pro)}, "
            f"{len(con)} contradicting{ctx.cites(con)}, {len(found) - len(pro) - len(con)} mixed",
        )


@rule("TOC304", "assumption-status-mismatch", groups=("assumptions", "evidence"), severity=WARNING)
def assumption_status_mismatch(ctx: Context) -> Iterator[Finding]:
    """The status the model declares for an assumption is not what its evidence says.

    A declared ``status: supported`` with contradicting evidence (or with none)
    is the kind of claim an evaluation exists to correct.

    Fails:

        assumptions:
          - {id: afford, statement: Filters stay affordable, status: supported}

    Passes:

        assumptions:
          - {id: afford, statement: Filters stay affordable, status: supported}
        evidence:
          - {id: e1, about: [afford], summary: Most can pay, method: survey, stance: supports}
    """
    for assessment in ctx.assessments.values():
        if not assessment.mismatch or assessment.declared is None:
            continue
        a = assessment.assumption
        if assessment.status is AssumptionStatus.UNTESTED:
            says = "no evidence is recorded about it"
        else:
            says = (
                f"the evidence says {assessment.status.value} "
                f"(support {assessment.support:g}, contradiction {assessment.contradiction:g})"
            )
        yield Finding(
            a.id, f"{ctx.label(a.id)} is declared {assessment.declared.value}, but {says}", "status"
        )


# --- condition-as-assumption -------------------------------------------------------------------
# Wording that describes what must be in place to *implement* (enough of something, someone
# willing or available, applying or taking part) rather than an external state that must keep
# holding. "Strong" cues count wherever the assumption sits; "weak" ones only at the
# implementation level (links out of activities). A cue of persistence ("remain", "despite",
# "blijven", "ondanks") marks a real assumption and cancels them (seed para 58).
_STRONG = re.compile(
    r"\b(voldoende|genoeg|bereid\w*|beschikbaar|beschikt over|beschikken over|"
    r"enough|sufficient\w*|willing\w*|available|availability|apply for|applies for|sign up)\b",
    re.IGNORECASE,
)
_WEAK = re.compile(
    r"\b(interesse|capaciteit|deelnemen|deelname|inschrijven|aanmelden|"
    r"interest(ed)?|capacity|participate|participation|take part|enrol\w*|register)\b",
    re.IGNORECASE,
)
_PERSIST = re.compile(
    r"\b(blijven|blijft|ondanks|ook al|zelfs als|remain\w*|continue\w*|keep|keeps|despite|"
    r"even if|even though|still)\b",
    re.IGNORECASE,
)


_ANY_CUE = re.compile(f"(?:{_STRONG.pattern})|(?:{_WEAK.pattern})", re.IGNORECASE)
"""Either kind of cue: most statements have none, and one search says so."""


def condition_cue(statement: str, implementation_level: bool) -> str | None:
    """The word that makes ``statement`` read like a pre-condition, or None (see module comment)."""
    if _PERSIST.search(statement):
        return None
    found = _STRONG.search(statement) or (_WEAK.search(statement) if implementation_level else None)
    return found.group(0) if found else None


@rule("TOC305", "condition-as-assumption", groups=("assumptions",), severity=WARNING)
def condition_as_assumption(ctx: Context) -> Iterator[Finding]:
    """An "assumption" that is really a pre-condition for implementation.

    An assumption is an external factor that must keep holding for a link to work;
    a condition must be in place before the programme can act at all ("there are
    enough cities for a pilot"). Logframes often list conditions as assumptions
    (seed para 58), which hides the real external risks. Recognised from wording,
    in Dutch and English: "voldoende", "genoeg", "bereid", "beschikbaar",
    "beschikken over", "enough", "sufficient", "willing", "available", "apply
    for", "sign up" anywhere; "interesse", "capaciteit", "deelnemen",
    "interest", "capacity", "participate", "take part" only where the assumption
    sits at the implementation level (it qualifies only links out of activities,
    or activities). Wording of persistence ("blijven", "ondanks", "remain",
    "continue", "keep", "despite", "even if") marks a real assumption and is
    never flagged. Only ``kind: assumption`` is checked: a declared ``kind:
    condition`` is fine.

    Fails:

        assumptions:
          - id: pilot-cities
            statement: {nl: er zijn voldoende steden voor een pilootproject}

    Passes:

        assumptions:
          - id: stay-willing
            statement:
              nl: >-
                Steden en gemeenten blijven bereid om in te zetten op een lokaal mondiaal
                beleid ondanks het wegvallen van de impulssubsidie
    """
    links = ctx.links
    for a in ctx.model.assumptions:
        if a.kind is not AssumptionKind.ASSUMPTION:
            continue
        statements = a.statement.values() if isinstance(a.statement, dict) else [a.statement]
        for statement in statements:
            if not _ANY_CUE.search(statement):
                continue
            cue = condition_cue(statement, False)
            if cue is None and _WEAK.search(statement):  # where the assumption sits decides
                cue = condition_cue(statement, _implementation_level(ctx, a.id, a.applies_to, links))
            if cue:
                yield Finding(
                    a.id,
                    f'{ctx.label(a.id)} reads like a pre-condition for implementation ("{cue}") rather '
                    "than an external assumption: declare it 'kind: condition', or state what must keep "
                    "holding outside the programme's control",
                    "statement",
                )
                break


def _implementation_level(
    ctx: Context, assumption_id: str, targets: list[str], links: dict[str, Link]
) -> bool:
    """True when everything the assumption qualifies starts at (or is) an activity."""
    levels: list[Level | None] = []
    for link_id in ctx.links_of.get(assumption_id, []):
        source = ctx.nodes.get(links[link_id].source)
        levels.append(source.level if source else None)
    for target in targets:
        node = ctx.nodes.get(target)
        if node is not None:
            levels.append(node.level)
    return bool(levels) and all(level is Level.ACTIVITY for level in levels)


@rule("TOC306", "killer-assumption", groups=("assumptions",), severity=ERROR)
def killer_assumption(ctx: Context) -> Iterator[Finding]:
    """An important assumption that is unlikely to hold, with no mitigation.

    The EU PCM assumption algorithm: an important factor that will probably not
    hold is a *killer assumption*: redesign the programme or stop. Recording a
    ``mitigation`` says how the design answers it.

    Fails:

        assumptions:
          - {id: subsidy, statement: The impulse subsidy continues, importance: high, likelihood: unlikely}

    Passes:

        assumptions:
          - id: subsidy
            statement: The impulse subsidy continues
            importance: high
            likelihood: unlikely
            mitigation: Help municipalities budget LMB from their own funds
    """
    for a in ctx.model.assumptions:
        if (
            a.kind is not AssumptionKind.CONDITION
            and a.importance is Importance.HIGH
            and a.likelihood is Likelihood.UNLIKELY
            and a.mitigation is None
        ):
            yield Finding(
                a.id,
                f"{ctx.label(a.id)} is important and unlikely to hold, and no mitigation is recorded: "
                "a killer assumption (redesign, or say how the programme answers it)",
                "likelihood",
            )


@rule("TOC307", "outcome-at-risk", groups=("assumptions", "graph"), severity=WARNING)
def outcome_at_risk(ctx: Context) -> Iterator[Finding]:
    """Every path from the activities to an outcome or impact rests on a contradicted assumption.

    If the evidence contradicts an assumption, the links that rest on it cannot be
    counted on; a result that can only be reached through such links has no
    working route left in the theory. The same holds for a risk the evidence says
    happened. A contradicted assumption named on a node breaks every link into that
    node; a contradicted condition that names nothing is a pre-condition of the whole
    programme and breaks every link out of an activity (toc.assessment.risk; the diagram
    and the report use the same definition).

    When evidence supports the result, or its verdict says achieved or on track, the
    result happened all the same: the finding then says it was reached by a route the
    theory does not describe, a central finding of a theory-based evaluation, and asks
    for that route to be modelled.

    Fails:

        nodes:
          - {id: sdg, level: output, label: Municipalities work on the SDGs}
          - {id: lmb, level: outcome, label: Stronger local global policy}
          - {id: act, level: activity, label: SDG pilot}
        links:
          - {from: act, to: sdg}
          - {from: sdg, to: lmb, assumptions: [sdg-lmb]}
        assumptions:
          - {id: sdg-lmb, statement: Work on the SDGs strengthens LMB}
        evidence:
          - {id: e1, about: [sdg-lmb], summary: It did not, method: survey, stance: contradicts}

    Passes:

        nodes:
          - {id: sdg, level: output, label: Municipalities work on the SDGs}
          - {id: lmb, level: outcome, label: Stronger local global policy}
          - {id: act, level: activity, label: SDG pilot}
          - {id: train, level: activity, label: LMB training}
        links:
          - {from: act, to: sdg}
          - {from: sdg, to: lmb, assumptions: [sdg-lmb]}
          - {from: train, to: lmb}
        assumptions:
          - {id: sdg-lmb, statement: Work on the SDGs strengthens LMB}
        evidence:
          - {id: e1, about: [sdg-lmb], summary: It did not, method: survey, stance: contradicts}
    """
    index = ctx.index
    breakage = index.breakage(breaking(ctx.assessments))
    at_risk = index.in_model_order(breakage.at_risk & index.results)
    if not at_risk:
        return
    # name the first three assumptions behind each result (asking only what lies upstream of them)
    causes = index.causes(breakage, wanted=index.reaching(at_risk), limit=3)
    observed = index.observed
    for node_id in at_risk:
        names = "; ".join(ctx.label(a) for a in causes.get(node_id, ()))
        what = f"{index.nodes[node_id].level} {ctx.label(node_id)}"
        if node_id in observed:
            yield Finding(
                node_id,
                f"{what} was observed, yet every path to it from the activities rests on an assumption "
                f"the evidence contradicts or a risk it confirms ({names}): the programme reached it by "
                "a route the theory does not describe; model that route",
            )
            continue
        yield Finding(
            node_id,
            f"{what} is at risk: every path to it from the "
            f"activities rests on an assumption the evidence contradicts or a risk it confirms ({names})",
        )


@rule("TOC308", "assumption-without-link", groups=("assumptions", "structure"), severity=WARNING)
def assumption_without_link(ctx: Context) -> Iterator[Finding]:
    """An assumption or risk qualifies no link and no node.

    An assumption matters because a step of the theory rests on it; one attached
    to nothing cannot put anything at risk, and its evidence changes nothing.
    Conditions (``kind: condition``) may stand alone: they hold for the whole programme.

    Fails:

        assumptions:
          - {id: afford, statement: Filters stay affordable}

    Passes:

        nodes:
          - {id: trained, level: output, label: Promoters trained}
          - {id: habits, level: outcome, label: Households use filters}
        links:
          - {from: trained, to: habits, assumptions: [afford]}
        assumptions:
          - {id: afford, statement: Filters stay affordable}
    """
    named = {aid for names in ctx.linked_assumptions.values() for aid in names}
    for a in ctx.model.assumptions:
        if a.kind is not AssumptionKind.CONDITION and not a.applies_to and a.id not in named:
            yield Finding(a.id, f"{a.kind.value} {ctx.label(a.id)} qualifies no link and no node")
