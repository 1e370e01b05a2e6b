"""Which results, links and assumptions a drawing shows, and their derived statuses.

DOT and Mermaid draw the same :class:`View`; this module decides what is in it (the
focused views: one pathway, the neighbourhood of a result, what is at risk from one
assumption) and looks the statuses up once, from :mod:`toc.assessment`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from toc.assessment import AssumptionAssessment, Progress, as_of_date, assess_assumptions, indicator_progress
from toc.assessment.risk import results_at_risk
from toc.export.options import Options, RenderError
from toc.index import index_of
from toc.model import Assumption, AssumptionStatus, Level, Link, Model, Node, Pathway

__all__ = ["SEVERITY", "View", "build_view", "worst"]

SEVERITY = (
    AssumptionStatus.CONTRADICTED,
    AssumptionStatus.UNTESTED,
    AssumptionStatus.MIXED,
    AssumptionStatus.SUPPORTED,
)
"""Worst first: a link or pathway takes the status of its worst assumption. Untested ranks
above mixed because an untested central assumption is itself a finding (docs/assessment.md)."""


def worst(statuses: Iterable[AssumptionStatus]) -> AssumptionStatus | None:
    found = set(statuses)
    return next((s for s in SEVERITY if s in found), None)


@dataclass
class View:
    model: Model
    options: Options
    nodes: list[Node]
    links: list[Link]
    link_assumptions: dict[str, list[Assumption]]
    node_assumptions: dict[str, list[Assumption]]
    preconditions: list[Assumption]
    assessments: dict[str, AssumptionAssessment]
    progress: dict[str, Progress]
    as_of: date
    pathways: list[Pathway]
    node_pathways: dict[str, list[int]]
    """Result id → 1-based numbers of the pathways (in ``pathways``) it lies on."""
    inside_ceiling: set[str] = field(default_factory=set)
    """Results the programme answers for (empty when the model declares no ceiling)."""
    at_risk: dict[str, list[str]] = field(default_factory=dict)
    """Result id → the contradicted assumptions that break every chain to it (toc.assessment.risk)."""
    affected: dict[str, list[str]] = field(default_factory=dict)
    """Result id → contradicted assumptions upstream of it, while another chain still reaches it."""
    off_route: dict[str, list[str]] = field(default_factory=dict)
    """Result id → the broken assumptions behind it, for an at-risk result that was observed."""
    evidence: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Element id → (items for, items against); mixed items count on both sides."""
    caption: str = ""

    def text(self, value: object) -> str:
        return self.model.text(value, self.options.lang)  # type: ignore[arg-type]

    def status(self, assumption: Assumption) -> AssumptionStatus:
        return self.assessments[assumption.id].status

    def link_status(self, link: Link) -> AssumptionStatus | None:
        return worst(self.status(a) for a in self.link_assumptions.get(link.id, []))

    def pathway_assumptions(self, pathway: Pathway) -> list[Assumption]:
        seen: dict[str, Assumption] = {}
        for link_id in pathway.links:
            for assumption in self.link_assumptions_all.get(link_id, []):
                seen.setdefault(assumption.id, assumption)
        return list(seen.values())

    link_assumptions_all: dict[str, list[Assumption]] = field(default_factory=dict)


def _unknown(kind: str, value: str, known: Iterable[str]) -> RenderError:
    close = difflib.get_close_matches(value, list(known), n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return RenderError(f"no {kind} {value!r} in the model{hint}")


def build_view(model: Model, options: Options) -> View:
    """Select and assess what to draw."""
    index = index_of(model)
    words_lang = options.lang
    keep: set[str] = {n.id for n in model.nodes}
    only_links: set[str] | None = None
    captions: list[str] = []
    from toc.words import word

    if options.pathway is not None:
        chosen = next((p for p in model.pathways if p.id == options.pathway), None)
        if chosen is None:
            raise _unknown("pathway", options.pathway, (p.id for p in model.pathways))
        keep &= index.pathway_nodes(chosen)
        only_links = set(chosen.links)
        captions.append(f"{word('view-pathway', words_lang)} {model.text(chosen.label, options.lang)}")
    if options.focus is not None:
        if options.focus not in index.successors:
            raise _unknown("result", options.focus, (n.id for n in model.nodes))
        keep &= index.neighbourhood(options.focus, options.depth)
        label = model.text(index.nodes[options.focus].label, options.lang)
        captions.append(word("view-focus", words_lang).format(depth=options.depth) + f" {label}")
    if options.at_risk is not None:
        assumption = next((a for a in model.assumptions if a.id == options.at_risk), None)
        if assumption is None:
            raise _unknown("assumption", options.at_risk, (a.id for a in model.assumptions))
        resting = index.assumption_links.get(assumption.id, [])
        keep &= index.downstream_of_assumption(assumption.id) | {index.links[i].source for i in resting}
        captions.append(f"{word('view-risk', words_lang)} {model.text(assumption.statement, options.lang)}")

    nodes = [n for n in model.nodes if n.id in keep]
    links = [
        link
        for link in model.links
        if link.source in keep and link.target in keep and (only_links is None or link.id in only_links)
    ]
    assessments = assess_assumptions(model)
    link_assumptions_all = {
        link_id: [index.assumptions[a] for a in names] for link_id, names in index.link_assumptions.items()
    }
    link_assumptions = (
        {link.id: link_assumptions_all[link.id] for link in links} if options.assumptions else {}
    )
    if options.at_risk is not None:  # the view is about this one assumption
        link_assumptions = {k: [a for a in v if a.id == options.at_risk] for k, v in link_assumptions.items()}

    node_ids = {n.id for n in nodes}
    node_assumptions: dict[str, list[Assumption]] = {}
    preconditions: list[Assumption] = []
    programme_wide = set(index.programme_wide)
    if options.assumptions:
        for assumption in model.assumptions:
            if options.at_risk is not None and assumption.id != options.at_risk:
                continue
            for target in assumption.applies_to:
                if target in node_ids:
                    node_assumptions.setdefault(target, []).append(assumption)
            whole = options.pathway is None and options.focus is None and options.at_risk is None
            if whole and assumption.id in programme_wide:
                preconditions.append(assumption)

    as_of = as_of_date(model)
    progress = {i.id: indicator_progress(i, as_of, model.settings) for node in nodes for i in node.indicators}

    link_by_id = {link.id: link for link in model.links}
    pathways = [p for p in model.pathways if any(i in link_by_id for i in p.links)]
    node_pathways: dict[str, list[int]] = {}
    for number, pathway in enumerate(pathways, start=1):
        for node_id in sorted(index.pathway_nodes(pathway)):
            if node_id in node_ids:
                node_pathways.setdefault(node_id, []).append(number)

    inside: set[str] = set()
    ceilings = [c for c in model.programme.ceiling_of_accountability if c in index.successors]
    if ceilings:
        above = index.reached_from(ceilings) - set(ceilings)
        inside = {n.id for n in nodes if n.id not in above}

    risk = results_at_risk(model, assessments)
    at_risk = {k: v for k, v in risk.at_risk.items() if k in node_ids}
    affected = {k: v for k, v in risk.affected.items() if k in node_ids}
    off_route = {k: v for k, v in risk.off_route.items() if k in node_ids}

    evidence: dict[str, tuple[int, int]] = {}
    if options.evidence:
        counts: dict[str, list[int]] = {}
        for item in model.evidence:
            if not item.found:
                continue
            for about in item.about:
                pair = counts.setdefault(about, [0, 0])
                if item.stance.value in ("supports", "mixed"):
                    pair[0] += 1
                if item.stance.value in ("contradicts", "mixed"):
                    pair[1] += 1
        evidence = {k: (v[0], v[1]) for k, v in counts.items()}

    return View(
        model=model,
        options=options,
        nodes=sorted(nodes, key=lambda n: n.level.rank),
        links=links,
        link_assumptions=link_assumptions,
        node_assumptions=node_assumptions,
        preconditions=preconditions,
        assessments=assessments,
        progress=progress,
        as_of=as_of,
        pathways=pathways,
        node_pathways=node_pathways,
        inside_ceiling=inside,
        at_risk=at_risk,
        affected=affected,
        off_route=off_route,
        evidence=evidence,
        caption="; ".join(captions),
        link_assumptions_all=link_assumptions_all,
    )


LEVELS = (Level.ACTIVITY, Level.OUTPUT, Level.OUTCOME, Level.IMPACT)
