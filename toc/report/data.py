"""The assessment as plain data (for ``toc report -o report.json`` and other programs).

Keys are stable and snake_case; probabilities are rounded to 6 decimals so that
the file is byte-identical across runs; an infinite likelihood ratio is ``"inf"``.
Text is given in the chosen language.
"""

from __future__ import annotations

import math
from typing import Any

from toc.assessment.assessment import Assessment
from toc.assessment.confidence import LinkConfidence
from toc.assessment.contribution import LIKELIHOOD_PRIORS, Posterior
from toc.assessment.probative import NO_PROBATIVE_TOLERANCE, TEST_DEFAULTS, UNTYPED_DEFAULTS
from toc.assessment.triangulation import Triangulation
from toc.model import Evidence, Verdict
from toc.model.base import Text
from toc.report.jsontext import dumps_indented
from toc.safetext import json_unsafe_escaped

__all__ = ["render_json", "to_data"]

SCHEMA_VERSION = 1


def _r(value: float | None) -> float | str | None:
    if value is None:
        return None
    if math.isinf(value):
        return "inf"
    return round(value, 6)


def to_data(assessment: Assessment, lang: str | None = None) -> dict[str, Any]:
    """Everything the report shows, as JSON-ready data."""
    a = assessment
    m = a.model

    def t(value: Text | None) -> str | None:
        return None if value is None else m.text(value, lang)

    def posterior(p: Posterior) -> dict[str, Any]:
        return {
            "prior": _r(p.prior),
            "prior_basis": p.prior_basis,
            "posterior": _r(p.value),
            "low_confidence": p.value < a.threshold,
            "steps": [
                {
                    "evidence": [e.id for e, _ in s.members],
                    "most_probative": s.evidence.id,
                    "found": s.found,
                    "sensitivity": None if s.combined else _r(s.likelihoods.sensitivity),
                    "type_i_error": None if s.combined else _r(s.likelihoods.type_i_error),
                    "basis": "combined" if s.combined else str(s.likelihoods.basis),
                    "basis_note": s.likelihoods.note,
                    "item_ratios": [_r(lik.ratio(e.found)) for e, lik in s.members],
                    "likelihood_ratio": _r(s.ratio),
                    "independence": s.group,
                    "before": _r(s.before),
                    "after": _r(s.after),
                }
                for s in p.steps
            ],
            "not_counted": [{"evidence": x.evidence.id, "reason": x.reason} for x in p.excluded],
            "evidence": [e.id for e in a.evidence_about.get(p.id, ())],
            "triangulation": triangulation(a.triangulation[p.id]),
        }

    def triangulation(tri: Triangulation) -> dict[str, Any]:
        return {
            "level": tri.level,
            "items": tri.items,
            "methods": list(tri.methods),
            "sources": list(tri.sources),
            "documents": list(tri.documents),
            "investigators": list(tri.investigators),
            "supports": tri.supports,
            "contradicts": tri.contradicts,
            "mixed": tri.mixed,
            "agree": tri.agree,
        }

    def link(lc: LinkConfidence) -> dict[str, Any]:
        return {
            "id": lc.link.id,
            "from": lc.link.source,
            "to": lc.link.target,
            **posterior(a.posteriors[lc.link.id]),
            "rests_on": [
                {"id": f.id, "kind": f.kind, "value": _r(f.value), "broken": f.broken} for f in lc.factors[1:]
            ],
            "confidence": _r(lc.value),
            "weakest": lc.weakest.id,
            "broken_by": list(lc.broken),
        }

    def verdict(v: Verdict) -> dict[str, Any]:
        return {
            "status": str(v.status),
            "quote": t(v.quote),
            "summary": t(v.summary),
            "by": t(v.by),
            "date": v.date,
            "cite": [str(c) for c in v.cite],
        }

    def evidence(e: Evidence) -> dict[str, Any]:
        return {
            "id": e.id,
            "about": list(e.about),
            "summary": t(e.summary),
            "method": str(e.method),
            "source": e.source,
            "sample_size": e.sample_size,
            "date": e.date,
            "stance": str(e.stance),
            "strength": str(e.strength),
            "test": str(e.test) if e.test else None,
            "sensitivity": e.sensitivity,
            "type_i_error": e.type_i_error,
            "found": e.found,
            "group": e.group,
            "harvest": e.harvest,
            "cite": [str(c) for c in e.cite],
        }

    return {
        "report": "toc-assessment",
        "version": SCHEMA_VERSION,
        "programme": {"id": m.programme.id, "title": t(m.programme.title)},
        "as_of": a.as_of.isoformat(),
        "settings": {
            "default_prior": a.default_prior,
            "untyped_evidence": str(a.untyped),
            "low_confidence_threshold": a.threshold,
            "no_probative_tolerance": NO_PROBATIVE_TOLERANCE,
            "test_defaults": {
                str(k): {"sensitivity": v[0], "type_i_error": v[1]} for k, v in TEST_DEFAULTS.items()
            },
            "untyped_defaults": {
                str(k): {"sensitivity": v[0], "type_i_error": v[1]} for k, v in UNTYPED_DEFAULTS.items()
            },
            "likelihood_priors": {str(k): v for k, v in LIKELIHOOD_PRIORS.items()},
        },
        "assumptions": [
            {
                "id": aid,
                "statement": t(s.assumption.statement),
                "kind": str(s.assumption.kind),
                "importance": str(s.assumption.importance) if s.assumption.importance else None,
                "likelihood": str(s.assumption.likelihood) if s.assumption.likelihood else None,
                "declared_status": str(s.declared) if s.declared else None,
                "derived_status": str(s.status),
                "status_mismatch": s.mismatch,
                "support_weight": s.support,
                "contradiction_weight": s.contradiction,
                "applies_to": list(a.resting_links.get(aid, ())),
                **posterior(a.posteriors[aid]),
            }
            for aid, s in a.assumptions.items()
        ],
        "links": [link(lc) for lc in a.links.values()],
        "claims": [
            {"id": c.id, "statement": t(c.statement), "about": c.about, **posterior(a.posteriors[c.id])}
            for c in m.claims
        ],
        "pathways": [
            {
                "id": pc.pathway.id,
                "label": t(pc.pathway.label),
                "links": [lc.link.id for lc in pc.links],
                "best_chain": [lc.link.id for lc in pc.chain],
                "confidence": _r(pc.value),
                "joint_if_independent": _r(pc.joint),
                "weakest_link": pc.weakest.link.id if pc.weakest else None,
                "weakest_factor": pc.weakest.weakest.id if pc.weakest else None,
                "broken_links": list(pc.broken),
            }
            for pc in a.pathways
        ],
        "results": [
            {
                "id": nc.node,
                "level": str(nc.level),
                "confidence": _r(nc.value),
                "best_chain": list(nc.chain),
                "at_risk": nc.at_risk,
                "off_route": nc.off_route,
                "affected_by": list(nc.affected_by),
            }
            for nc in a.nodes.values()
        ],
        "indicators": [
            {
                "id": p.indicator.id,
                "result": node.id,
                "label": t(p.indicator.label),
                "measure": str(p.indicator.measure),
                "ascending": p.indicator.ascending,
                "period": {"start": p.period.start, "end": p.period.end} if p.period else None,
                "baseline": p.baseline,
                "target": p.target,
                "actual": p.actual,
                "progress": _r(p.progress),
                "elapsed": _r(p.elapsed),
                "status": str(p.status),
                "judged": verdict(p.judged) if p.judged else None,
                "rating": p.rating,
            }
            for node, p in a.indicators
        ],
        "evidence": [evidence(e) for e in m.evidence],
        "harvest": [
            {
                "id": h.record.id,
                "change": t(h.record.change),
                "social_actor": t(h.record.social_actor),
                "when": h.record.when,
                "where": t(h.record.where),
                "significance": t(h.record.significance),
                "contribution": t(h.record.contribution),
                "substantiation": t(h.record.substantiation),
                "relates_to": list(h.record.relates_to),
                "used_by": [e.id for e in h.used_by],
                "claims": list(h.claims),
            }
            for h in a.harvest
        ],
        "recommendations": [
            {
                "id": r.id,
                "text": t(r.text),
                "addressee": t(r.addressee),
                "priority": r.priority,
                "responds_to": list(r.responds_to),
            }
            for r in m.recommendations
        ],
    }


def render_json(assessment: Assessment, lang: str | None = None) -> str:
    """The report as JSON, indented by two spaces (``json.dumps(…, indent=2)``'s text), with the
    characters a terminal would act on escaped (:func:`toc.safetext.json_unsafe_escaped`)."""
    return json_unsafe_escaped(dumps_indented(to_data(assessment, lang))) + "\n"
