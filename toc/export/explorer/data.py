"""What the explorer's panels, filters and highlighting know about each element: one JSON-ready dict.

Everything here is read from the assessment (statuses, evidence, indicator progress, what is
at risk) and the model index (adjacency, what a link rests on, what lies downstream); nothing
is worked out again. Model text goes through :func:`toc.safetext.visible`, and a multilingual
text stays a mapping ``{lang: text}`` so that the page can switch language without a
round trip. The indicator part is one function (:func:`_indicator`, with :func:`_value` and
:func:`_verdict`), so a change to the indicator model touches one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from toc.assessment import Assessment, Progress
from toc.index import ModelIndex, index_of
from toc.model import Assumption, Baseline, Evidence, Indicator, Link, Node, Value, Verdict
from toc.safetext import visible
from toc.words import status_word, word

__all__ = ["UI_WORDS", "explorer_data"]

UI_WORDS = (
    "activity",
    "output",
    "outcome",
    "impact",
    "contradicted",
    "untested",
    "mixed",
    "supported",
    "achieved",
    "on-track",
    "off-track",
    "not-achieved",
    "no-data",
    "qualitative",
    "assumption",
    "condition",
    "risk",
    "at-risk",
    "affected",
    "baseline",
    "target",
    "actual",
    "period",
    "statement",
    "status",
    "declared",
    "derived",
    "rationale",
    "mitigation",
    "method",
    "no-evidence",
    "x-search",
    "x-search-label",
    "x-filters",
    "x-pathway",
    "x-level",
    "x-assumption-status",
    "x-indicator-status",
    "x-at-risk-only",
    "x-all",
    "x-language",
    "x-fit",
    "x-zoom-in",
    "x-zoom-out",
    "x-close",
    "x-diagram",
    "x-details",
    "x-overview",
    "x-result",
    "x-link",
    "x-evidence",
    "x-evidence-for",
    "x-evidence-against",
    "x-evidence-mixed",
    "x-quote",
    "x-sample-size",
    "x-source",
    "x-citation",
    "x-date",
    "x-strength",
    "x-indicators",
    "x-rests-on",
    "x-resting",
    "x-downstream",
    "x-pathways",
    "x-from",
    "x-to",
    "x-no-match",
    "x-matches",
    "x-comment",
    "x-unit",
    "x-verdict",
    "x-judged-by",
    "x-unintended",
    "x-negative",
    "x-owner",
    "id",
    "x-weights",
    "x-confidence",
    "x-chain",
    "x-keys",
    "x-one-language",
)
"""The fixed words the page shows, from :mod:`toc.words` (``x-`` keys are the explorer's own)."""


def _text(value: object) -> str | dict[str, str] | None:
    """Model text as the page reads it: one string, or one per language; controls made visible."""
    if value is None:
        return None
    if isinstance(value, dict):
        return {str(lang): visible(str(text)) for lang, text in value.items()}
    return visible(str(value))


def _plain(value: object) -> str | None:
    return None if value is None else visible(str(value))


def explorer_data(assessment: Assessment) -> dict[str, Any]:
    """The page's data: languages, fixed words, and every result, link and assumption by id."""
    model = assessment.model
    index = index_of(model)
    languages = list(model.languages) or ["en"]
    ends: dict[str, tuple[list[str], list[str]]] = {n.id: ([], []) for n in model.nodes}
    for link in model.links:
        ends[link.source][0].append(link.id)
        ends[link.target][1].append(link.id)
    elements: dict[str, dict[str, Any]] = {}
    for node in model.nodes:
        elements[node.id] = {
            **_result(assessment, index, node),
            "out": ends[node.id][0],
            "in": ends[node.id][1],
        }
    for link in model.links:
        elements[link.id] = _link(assessment, index, link)
    for assumption in model.assumptions:
        elements[assumption.id] = _assumption(assessment, index, assumption)
    return {
        "languages": languages,
        "words": {lang: _words(lang) for lang in languages},
        "title": _text(model.programme.title),
        "asOf": assessment.as_of.isoformat(),
        "pathways": [{"id": p.id, "label": _text(p.label), "links": list(p.links)} for p in model.pathways],
        "elements": elements,
    }


def _words(lang: str) -> dict[str, str]:
    words = {key: word(key, lang) for key in UI_WORDS}
    for status in ("contradicted", "untested", "mixed", "supported"):
        words["status-" + status] = status_word(status, lang)
    return words


def _result(assessment: Assessment, index: ModelIndex, node: Node) -> dict[str, Any]:
    confidence = assessment.nodes.get(node.id)
    progress = {p.indicator.id: p for owner, p in assessment.indicators if owner.id == node.id}
    reached = index.reached_from([node.id]) - {node.id}
    return {
        "kind": "result",
        "level": node.level.value,
        "label": _text(node.label),
        "text": _text(node.description),
        "owner": _text(node.owner),
        "cite": [visible(str(c)) for c in node.cite],
        "unintended": node.unintended,
        "negative": node.negative,
        "verdict": _verdict(node.verdict),
        "atRisk": bool(confidence and confidence.at_risk),
        "affectedBy": list(confidence.affected_by) if confidence else [],
        "confidence": confidence.value if confidence else None,
        "evidence": _evidence(assessment, assessment.evidence_about.get(node.id, ())),
        "indicators": [_indicator(i, progress.get(i.id)) for i in node.indicators],
        "assumptions": list(index.node_assumptions.get(node.id, ())),
        "downstream": index.in_model_order(reached),
    }


def _link(assessment: Assessment, index: ModelIndex, link: Link) -> dict[str, Any]:
    confidence = assessment.links.get(link.id)
    statuses = [assessment.assumptions[a].status for a in index.link_assumptions.get(link.id, ())]
    from toc.export.view import worst

    status = worst(statuses)
    return {
        "kind": "link",
        "linkKind": link.kind.value,
        "from": link.source,
        "to": link.target,
        "text": _text(link.rationale),
        "cite": [visible(str(c)) for c in link.cite],
        "status": status.value if status else None,
        "confidence": confidence.value if confidence else None,
        "evidence": _evidence(assessment, assessment.evidence_about.get(link.id, ())),
        "assumptions": list(index.link_assumptions.get(link.id, ())),
        "restsOn": index.rests_on(link),
        "downstream": index.in_model_order(index.reached_from([link.target])),
    }


def _assumption(assessment: Assessment, index: ModelIndex, assumption: Assumption) -> dict[str, Any]:
    judged = assessment.assumptions[assumption.id]
    return {
        "kind": "assumption",
        "assumptionKind": assumption.kind.value,
        "label": _text(assumption.statement),
        "text": _text(assumption.rationale),
        "mitigation": _text(assumption.mitigation),
        "cite": [visible(str(c)) for c in assumption.cite],
        "status": judged.status.value,
        "declared": judged.declared.value if judged.declared else None,
        "support": judged.support,
        "contradiction": judged.contradiction,
        "evidence": _evidence(assessment, judged.evidence),
        "links": list(index.assumption_links.get(assumption.id, ())),
        "resting": list(assessment.resting_links.get(assumption.id, ())),
        "downstream": index.in_model_order(index.downstream_of_assumption(assumption.id)),
    }


def _evidence(assessment: Assessment, items: Iterable[Evidence]) -> list[dict[str, Any]]:
    titles = {s.id: s.title for s in assessment.model.sources}
    out = []
    for item in items:
        source = item.source
        out.append(
            {
                "id": item.id,
                "stance": item.stance.value,
                "found": item.found,
                "summary": _text(item.summary),
                "quote": _text(getattr(item, "quote", None)),
                "method": item.method.value,
                "sampleSize": item.sample_size,
                "date": item.date,
                "strength": item.strength.value,
                "source": _text(titles.get(source, source)) if source else None,
                "cite": [visible(str(c)) for c in item.cite],
            }
        )
    return out


def _verdict(verdict: Verdict | None) -> dict[str, Any] | None:
    """A judgement standing in for a measurement: the page says it was judged, not measured."""
    if verdict is None:
        return None
    return {
        "status": verdict.status.value,
        "quote": _text(verdict.quote),
        "summary": _text(verdict.summary),
        "by": _text(verdict.by),
        "date": verdict.date,
        "cite": [visible(str(c)) for c in verdict.cite],
    }


def _value(value: Value) -> dict[str, Any]:
    """A baseline, target or actual: the number as reported, its words, which part of the total."""
    dated = value if isinstance(value, Baseline) else None
    return {
        "value": value.value,
        "original": _plain(value.original),
        "text": _text(value.text),
        "dimensions": {visible(k): visible(v) for k, v in value.dimensions.items()},
        "locations": [visible(place) for place in value.locations],
        "year": dated.year if dated else None,
        "date": dated.date if dated else None,
        "comment": _text(value.comment),
        "cite": [visible(str(c)) for c in value.cite],
    }


def _indicator(indicator: Indicator, progress: Progress | None) -> dict[str, Any]:
    """One indicator with every baseline and every period's targets and actuals, and the status
    the assessment gives it."""
    return {
        "id": indicator.id,
        "label": _text(indicator.label),
        "unit": "%" if indicator.measure.value == "percentage" else _text(indicator.unit),
        "measure": indicator.measure.value,
        "ascending": indicator.ascending,
        "status": progress.status.value if progress else None,
        "verdict": _verdict(indicator.verdict),
        "baselines": [_value(v) for v in indicator.baselines],
        "periods": [
            {
                "start": period.start,
                "end": period.end,
                "label": _text(period.label),
                "targets": [_value(v) for v in period.targets],
                "actuals": [_value(v) for v in period.actuals],
                "verdict": _verdict(period.verdict),
            }
            for period in indicator.periods
        ],
        "comment": _text(indicator.comment),
    }
