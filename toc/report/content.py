"""What the assessment report says, as plain blocks (see :mod:`toc.report.document`).

The report reads like the assessment chapter of an evaluation: a summary, the
assumption register (status, confidence, sources, and the arithmetic from prior to
posterior), the links and contribution claims, the pathways and results with their
confidence, indicator progress, the outcome harvest, the recommendations against the
findings they answer, and an annex with the formulas and defaults used.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from toc.assessment.assessment import Assessment
from toc.assessment.confidence import LinkConfidence, PathwayConfidence
from toc.assessment.contribution import LIKELIHOOD_PRIORS, Posterior, Step
from toc.assessment.indicators import IndicatorStatus, Progress, period_progress
from toc.assessment.probative import TEST_DEFAULTS, UNTYPED_DEFAULTS, Basis, Untyped, likelihood_ratio
from toc.assessment.triangulation import Triangulation
from toc.model import (
    Assumption,
    Claim,
    Evidence,
    HarvestRecord,
    Indicator,
    Likelihood,
    Link,
    Node,
    Stance,
    Strength,
    TestType,
)
from toc.model.base import Text, one_line
from toc.numbers_display import period_name, period_span, show_number, show_value, trend, unit_of
from toc.report.document import Block, Bullets, Diagram, Fields, Heading, Para, Table
from toc.words import heading, word

__all__ = ["build", "p3"]


def p3(value: float) -> str:
    """A probability with three decimals (the precision of the worked example in docs/assessment.md)."""
    if 0 < value < 0.0005:
        return "< 0.001"
    return f"{value:.3f}"


def anchor(element_id: str) -> str:
    return "id-" + re.sub(r"[^A-Za-z0-9_-]+", "-", element_id).strip("-")


class _Builder:
    def __init__(self, assessment: Assessment, lang: str | None) -> None:
        self.a = assessment
        self.m = assessment.model
        self.lang = lang or self.m.default_language
        self.index = self.m.index()

    # --- words and text ---------------------------------------------------------------------
    def w(self, key: str, **values: object) -> str:
        return word(key, self.lang, **values)

    def h(self, key: str) -> str:
        """A word as a heading or column name."""
        return heading(key, self.lang)

    def t(self, value: Text | None) -> str:
        return one_line(self.m.text(value, self.lang))

    def label(self, element_id: str) -> str:
        """How an element is named in prose: its label/statement, or for a link 'A → B'."""
        element = self.index.get(element_id)
        if isinstance(element, Link):
            return f"{self.label(element.source)} → {self.label(element.target)}"
        for attr in ("label", "statement", "summary", "title", "text", "change"):
            value = getattr(element, attr, None)
            if value is not None:
                return self.t(value)
        return element_id

    def named(self, element_id: str) -> str:
        return f"{element_id} ({self.label(element_id)})" if element_id in self.index else element_id

    def cites(self, element: Evidence | Assumption | Claim | Link | HarvestRecord) -> str:
        parts = [str(c) for c in element.cite]
        if isinstance(element, Evidence) and element.harvest:
            parts.append(self.w("harvest-ref", id=element.harvest))
        return "; ".join(parts) or "–"

    # --- the report -------------------------------------------------------------------------
    def build(self) -> list[Block]:
        out: list[Block] = [Heading(1, f"{self.w('title')}: {self.t(self.m.programme.title)}")]
        out += self.front()
        out += self.summary()
        out.append(Diagram(self.w("diagram")))
        out += self.register()
        out += self.links()
        out += self.pathways()
        out += self.results()
        out += self.indicators()
        out += self.harvest()
        out += self.recommendations()
        out += self.annex()
        return out

    def front(self) -> list[Block]:
        p = self.m.programme
        items = [(self.w("programme"), f"{self.t(p.title)} ({p.id})")]
        if p.period:
            items.append((self.h("period"), f"{p.period.start} – {p.period.end}"))
        items.append((self.h("as-of"), self.a.as_of.isoformat()))
        return [Fields(tuple(items)), Para(self.w("method-text"), note=True)]

    def summary(self) -> list[Block]:
        statuses = Counter(str(x.status) for x in self.a.assumptions.values())
        progress = Counter(str(p.status) for _, p in self.a.indicators)
        low = self.a.low_confidence()
        risk = self.a.at_risk()
        items = [
            self.w("s-assumptions", n=len(self.a.assumptions), counts=self.counts(statuses)),
            self.w(
                "s-low",
                t=p3(self.a.threshold),
                items=", ".join(f"{p.id} {p3(p.value)}" for p in low) or self.w("none"),
            ),
            self.w(
                "s-indicators",
                n=len(self.a.indicators),
                counts=self.counts(progress),
                date=self.a.as_of.isoformat(),
            ),
        ]
        if self.a.pathways:
            items.append(
                self.w(
                    "s-pathways",
                    items="; ".join(f"{pc.pathway.id} {p3(pc.value)}" for pc in self.a.pathways),
                )
            )
        items.append(self.w("s-risk", items=", ".join(n.node for n in risk) or self.w("none")))
        off_route = [n.node for n in self.a.nodes.values() if n.off_route]
        if off_route:
            items.append(self.w("s-off-route", items=", ".join(off_route)))
        unplanned = [f"{n.id} ({self.flags(n)})" for n in self.m.nodes if n.unintended or n.negative]
        if unplanned:
            items.append(self.w("s-unplanned", items=", ".join(unplanned)))
        if self.a.unattached:
            items.append(self.w("s-unattached", items=", ".join(self.a.unattached)))
        return [Heading(2, self.w("summary"), "summary"), Bullets(tuple(items))]

    def node(self, node_id: str) -> Node:
        element = self.index[node_id]
        assert isinstance(element, Node)
        return element

    def flags(self, node: Node) -> str:
        """'unintended', 'negative' or both, in the report's language."""
        return ", ".join(self.w(k) for k in ("unintended", "negative") if getattr(node, k))

    def counts(self, counter: Counter[str]) -> str:
        return ", ".join(f"{n} {self.w(k)}" for k, n in sorted(counter.items())) or self.w("none")

    # --- assumptions ------------------------------------------------------------------------
    def register(self) -> list[Block]:
        out: list[Block] = [Heading(2, self.w("assumption-register"), "assumptions")]
        rows = []
        for aid, status in self.a.assumptions.items():
            post = self.a.posteriors[aid]
            tri = self.a.triangulation[aid]
            rows.append(
                (
                    aid,
                    self.t(status.assumption.statement),
                    self.w(str(status.assumption.kind)),
                    self.w(str(status.status)),
                    self.w(str(status.declared)) if status.declared else "–",
                    p3(post.value),
                    self.tri_level(tri),
                )
            )
        header = ("id", "statement", "kind", "derived", "declared", "posterior", "triangulation")
        out.append(Table(tuple(self.h(h) for h in header), tuple(rows), numeric=(5,)))
        for aid, status in self.a.assumptions.items():
            a = status.assumption
            out.append(Heading(3, f"{aid}: {self.t(a.statement)}", anchor(aid)))
            fields = [(self.w("kind"), self.w(str(a.kind)))]
            if a.importance:
                fields.append((self.w("importance"), str(a.importance)))
            if a.likelihood:
                fields.append((self.w("likelihood"), str(a.likelihood)))
            links = self.a.resting_links.get(aid, ())
            fields.append((self.w("applies-to"), ", ".join(links) or self.w("unattached")))
            weights = self.w("weights", s=status.support, c=status.contradiction)
            derived = f"{self.w(str(status.status))} ({weights})"
            fields.append((self.w("derived"), derived))
            if status.declared:
                declared = self.w(str(status.declared))
                if status.mismatch:
                    declared += " — " + self.w("mismatch", derived=self.w(str(status.status)))
                fields.append((self.w("declared"), declared))
            fields += self.claim_fields(self.a.posteriors[aid])
            if a.mitigation:
                fields.append((self.w("mitigation"), self.t(a.mitigation)))
            if a.rationale:
                fields.append((self.w("rationale"), self.t(a.rationale)))
            if a.cite:
                fields.append((self.w("cites"), self.cites(a)))
            out.append(Fields(tuple(fields)))
            out += self.evidence_and_arithmetic(self.a.posteriors[aid])
        return out

    def tri_level(self, tri: Triangulation) -> str:
        return self.w("none-level" if tri.level == "none" else tri.level)

    def claim_fields(self, post: Posterior) -> list[tuple[str, str]]:
        tri = self.a.triangulation[post.id]
        value = p3(post.value)
        if post.value < self.a.threshold:
            value += f" ({self.w('low', t=p3(self.a.threshold))})"
        out = [
            (self.w("prior"), f"{p3(post.prior)} ({self.prior_basis(post.prior_basis)})"),
            (self.w("posterior"), value),
        ]
        text = self.w(
            "tri-text",
            level=self.tri_level(tri),
            items=tri.items,
            sources=len(tri.sources),
            methods=len(tri.methods),
            names=", ".join(tri.methods) or "–",
        )
        if tri.items:
            text += "; " + self.w(
                "tri-docs",
                docs=", ".join(tri.documents) or "–",
                inv=", ".join(tri.investigators) or "–",
            )
            if tri.supports + tri.contradicts + tri.mixed:
                text += "; " + self.w("tri-agree" if tri.agree else "tri-disagree")
        out.append((self.w("triangulation"), text))
        return out

    def prior_basis(self, basis: str) -> str:
        if basis.startswith("likelihood "):
            return f"{self.w('likelihood').lower()} {basis.split(' ', 1)[1]}"
        return {"recorded": self.w("explicit"), "default": self.w("default")}.get(basis, basis)

    def evidence_and_arithmetic(self, post: Posterior) -> list[Block]:
        items = self.a.evidence_about.get(post.id, ())
        if not items:
            return [Para(self.w("no-evidence"), note=True)]
        out: list[Block] = [Heading(4, self.h("evidence")), self.evidence_table(items)]
        out.append(Heading(4, self.w("arithmetic")))
        out.append(self.arithmetic(post))
        if post.excluded:
            rows = tuple((x.evidence.id, x.reason) for x in post.excluded)
            out += [Heading(4, self.w("not-counted")), Table((self.w("item"), self.w("reason")), rows)]
        return out

    def evidence_table(self, items: Iterable[Evidence]) -> Table:
        rows = []
        for e in items:
            source = e.source or "–"
            if e.sample_size:
                source += f" (n={e.sample_size})"
            stance = f"{self.w(str(e.stance))}, {self.w(str(e.strength))}"
            test = self.w(str(e.test)) if e.test else "–"
            test += f", {self.w('found' if e.found else 'absent')}"
            rows.append((e.id, self.t(e.summary), str(e.method), source, stance, test, self.cites(e)))
        header = ("id", "evidence", "method-col", "source", "stance", "test", "cites")
        return Table(tuple(self.h(h) for h in header), tuple(rows))

    def arithmetic(self, post: Posterior) -> Table:
        rows = [("0", self.w("prior"), "", "", "", "", "", "", f"{p3(post.prior)}")]
        for n, step in enumerate(post.steps, 1):
            if step.combined:
                items = " + ".join(e.id for e, _ in step.members)
                probabilities = "–"
            else:
                items = step.evidence.id
                probabilities = f"{p3(step.likelihoods.sensitivity)}, {p3(step.likelihoods.type_i_error)}"
            rows.append(
                (
                    str(n),
                    items,
                    self.observed(step),
                    self.basis(step),
                    probabilities,
                    _ratio(step.ratio),
                    p3(step.before),
                    calculation(step),
                    p3(step.after),
                )
            )
        header = ("step", "item", "observed", "basis", "Se, α", "lr", "before", "calculation", "after")
        return Table(
            tuple(self.h(h) if h != "Se, α" else h for h in header), tuple(rows), numeric=(0, 4, 5, 6, 8)
        )

    def observed(self, step: Step) -> str:
        found = {e.found for e, _ in step.members} or {step.found}
        return " / ".join(self.w("found" if f else "absent") for f in sorted(found, reverse=True))

    def basis(self, step: Step) -> str:
        if step.combined:
            ratios = " × ".join(_ratio(lik.ratio(e.found)) for e, lik in step.members)
            key = "combined-capped" if not math.isclose(step.uncapped, step.ratio) else "combined"
            return self.w(key, group=step.group, ratios=ratios, product=_ratio(step.uncapped))
        return self.item_basis(step)

    def item_basis(self, step: Step) -> str:
        lik, e = step.likelihoods, step.evidence
        if lik.basis is Basis.EXPLICIT:
            text = self.w("explicit")
            return text + (f" ({self.w(str(e.test))})" if e.test else "")
        text = (
            self.w(str(e.test))
            if lik.basis is Basis.TEST and e.test
            else (f"{self.w(str(e.strength))} {self.w('straw-in-the-wind')}")
        )
        if e.stance is Stance.CONTRADICTS:
            text += f", {self.w('contradicts')}"
        return text

    # --- links and claims -------------------------------------------------------------------
    def links(self) -> list[Block]:
        out: list[Block] = [Heading(2, self.w("links"), "links")]
        rows = []
        for lid, lc in self.a.links.items():
            rests = ", ".join(f"{f.id} {p3(f.value)}" for f in lc.factors[1:]) or "–"
            weakest = lc.weakest
            rows.append(
                (
                    lid,
                    f"{self.label(lc.link.source)} → {self.label(lc.link.target)}",
                    p3(lc.factors[0].value),
                    rests,
                    p3(lc.value),
                    f"{weakest.id}",
                    ", ".join(lc.broken) or "–",
                )
            )
        header = ("link", "from-to", "posterior", "rests-on", "confidence", "weakest", "broken")
        out.append(Table(tuple(self.h(h) for h in header), tuple(rows), numeric=(2, 4)))
        for link in self.m.links:
            post = self.a.posteriors[link.id]
            if not self.a.evidence_about.get(link.id) and post.prior_basis != "recorded":
                continue
            out.append(Heading(3, f"{link.id}: {self.label(link.id)}", anchor(link.id)))
            fields = self.claim_fields(post)
            if link.rationale:
                fields.insert(0, (self.w("rationale"), self.t(link.rationale)))
            out.append(Fields(tuple(fields)))
            out += self.evidence_and_arithmetic(post)
        for claim in self.m.claims:
            post = self.a.posteriors[claim.id]
            out.append(Heading(3, f"{claim.id}: {self.t(claim.statement)}", anchor(claim.id)))
            fields = [(self.w("about"), self.named(claim.about)), *self.claim_fields(post)]
            if claim.cite:
                fields.append((self.w("cites"), self.cites(claim)))
            out.append(Fields(tuple(fields)))
            out += self.evidence_and_arithmetic(post)
        return out

    # --- pathways and results ---------------------------------------------------------------
    def pathways(self) -> list[Block]:
        if not self.a.pathways:
            return []
        out: list[Block] = [Heading(2, self.w("pathways-confidence"), "pathways")]
        rows = []
        for pc in self.a.pathways:
            weakest = pc.weakest
            rows.append(
                (
                    pc.pathway.id,
                    self.t(pc.pathway.label),
                    str(len(pc.links)),
                    p3(pc.value),
                    p3(pc.joint),
                    self.weakest_text(weakest),
                    ", ".join(pc.broken) or "–",
                )
            )
        header = ("pathway", "label", "n-links", "confidence", "joint", "weakest-link", "broken")
        out.append(Table(tuple(self.h(h) for h in header), tuple(rows), numeric=(2, 3, 4)))
        for pc in self.a.pathways:
            out += self.pathway_detail(pc)
        return out

    def weakest_text(self, lc: LinkConfidence | None) -> str:
        if lc is None:
            return "–"
        factor = lc.weakest
        return lc.link.id if factor.id == lc.link.id else f"{lc.link.id} ({factor.id})"

    def pathway_detail(self, pc: PathwayConfidence) -> list[Block]:
        pathway = pc.pathway
        rows = []
        for lc in pc.links:
            rows.append(
                (
                    lc.link.id,
                    p3(lc.value),
                    f"{lc.weakest.id} {p3(lc.weakest.value)}",
                    ", ".join(lc.broken) or "–",
                )
            )
        head = (self.w("link"), self.w("confidence"), self.w("weakest"), self.w("broken"))
        blocks: list[Block] = [Heading(3, f"{pathway.id}: {self.t(pathway.label)}", anchor(pathway.id))]
        if pathway.description:
            blocks.append(Para(self.t(pathway.description)))
        if pc.chain:
            nodes = " → ".join(self._chain_nodes(tuple(lc.link.id for lc in pc.chain)))
            blocks.append(Fields(((self.w("best-chain"), nodes),)))
        blocks.append(Table(head, tuple(rows), numeric=(1,)))
        return blocks

    def results(self) -> list[Block]:
        order = sorted(
            self.a.nodes.values(),
            key=lambda n: -n.level.rank,
        )
        rows = []
        for nc in order:
            rows.append(
                (
                    nc.node,
                    self.label(nc.node)
                    + (f" ({flags})" if (flags := self.flags(self.node(nc.node))) else ""),
                    self.w(str(nc.level)),
                    p3(nc.value) if nc.value is not None else self.w("unreached"),
                    " → ".join(self._chain_nodes(nc.chain)) or "–",
                    self.w("off-route") if nc.off_route else self.w("yes") if nc.at_risk else self.w("no"),
                    ", ".join(nc.affected_by) or "–",
                )
            )
        header = ("id", "node", "level", "confidence", "best-chain", "at-risk", "affected-by")
        return [
            Heading(2, self.w("results"), "results"),
            Table(tuple(self.h(h) for h in header), tuple(rows), numeric=(3,)),
        ]

    def _chain_nodes(self, chain: tuple[str, ...]) -> list[str]:
        if not chain:
            return []
        links = [self.a.links[i].link for i in chain]
        nodes = [links[0].source]
        for link in links:
            if link.source != nodes[-1]:  # best chains to several ends: start a new branch
                nodes += ["|", link.source]
            nodes.append(link.target)
        return nodes

    # --- indicators -------------------------------------------------------------------------
    def indicators(self) -> list[Block]:
        out: list[Block] = [Heading(2, self.w("indicator-progress"), "indicators")]
        rows = []
        for node, prog in self.a.indicators:
            rows.append(self.indicator_row(node, prog))
        header = (
            "node",
            "indicator",
            "baseline",
            "target",
            "actual",
            "progress",
            "elapsed",
            "status",
            "period",
        )
        out.append(Table(tuple(self.h(h) for h in header), tuple(rows), numeric=(2, 3, 4, 5, 6)))
        for _, prog in self.a.indicators:
            if len(prog.indicator.periods) > 1:
                out += self.milestones(prog)
        results_evidence = [
            e
            for e in self.m.evidence
            if any(isinstance(self.index.get(t), Node | Indicator) for t in e.about)
        ]
        if results_evidence:
            out += [Heading(3, self.w("results-evidence")), self.evidence_table(results_evidence)]
        return out

    def milestones(self, prog: Progress) -> list[Block]:
        """The indicator's milestones, one row each: planned, achieved, status (judged ones say so)."""
        ind = prog.indicator
        rows = []
        for period in ind.periods:
            p = period_progress(ind, period, self.a.as_of, self.m.settings)
            status = self.w(str(p.status))
            if p.judged is not None:
                status += f" ({self.w('judged')})"
            rows.append(
                (
                    period_name(period, self.lang),
                    period_span(period, " – ") or "–",
                    show_value(period.target, ind, self.lang),
                    show_value(period.actual, ind, self.lang),
                    status,
                )
            )
        header = tuple(self.h(h) for h in ("milestone", "period", "target", "actual", "status"))
        return [
            Heading(3, f"{ind.id}: {self.t(ind.label)}{unit_of(ind, self.lang)}"),
            Table(header, tuple(rows)),
        ]

    def indicator_row(self, node: Node, prog: Progress) -> tuple[str, ...]:
        ind = prog.indicator
        unit = f" {self.t(ind.unit)}" if ind.unit else ""
        baseline = show_value(ind.baseline, ind, self.lang)
        if ind.baseline and ind.baseline.year is not None:
            baseline += f" ({ind.baseline.year})"
        period_ = prog.period
        actual = show_value(period_.actual if period_ else None, ind, self.lang)
        if prog.status is IndicatorStatus.QUALITATIVE and period_ and period_.actual and actual == "–":
            actual = self.t(period_.actual.comment) or actual
        mark = trend(ind, period_)
        actual += f" {mark}" if mark and actual != "–" else ""
        status = self.w(str(prog.status))
        if prog.judged is not None:
            status += f" ({self.w('judged')})"
        if prog.rating is not None:
            status += f", {prog.rating}"
        period = f"{prog.period.start} – {prog.period.end}" if prog.period else "–"
        return (
            node.id,
            f"{ind.id}: {self.t(ind.label)}{unit}" + ("" if ind.ascending else " (↓)"),
            baseline,
            show_value(period_.target if period_ else None, ind, self.lang),
            actual,
            f"{prog.progress * 100:.0f}%" if prog.progress is not None else "–",
            f"{prog.elapsed * 100:.0f}%" if prog.elapsed is not None else "–",
            status,
            period,
        )

    # --- harvest and recommendations --------------------------------------------------------
    def harvest(self) -> list[Block]:
        out: list[Block] = [Heading(2, self.w("harvest"), "harvest")]
        if not self.a.harvest:
            return [*out, Para(self.w("no-harvest"), note=True)]
        for h in self.a.harvest:
            r = h.record
            out.append(Heading(3, f"{r.id}: {self.t(r.change)}", anchor(r.id)))
            fields: list[tuple[str, str]] = []
            for key, value in (
                ("social-actor", r.social_actor),
                ("where", r.where),
                ("significance", r.significance),
                ("contribution", r.contribution),
            ):
                if value is not None:
                    fields.append((self.w(key), self.t(value)))
            if r.when:
                fields.insert(1 if r.social_actor else 0, (self.w("when"), r.when))
            fields.append(
                (
                    self.w("substantiation"),
                    self.t(r.substantiation) if r.substantiation else self.w("not-substantiated"),
                )
            )
            if r.relates_to:
                fields.append((self.w("relates-to"), ", ".join(self.named(i) for i in r.relates_to)))
            if h.used_by:
                used = ", ".join(f"{e.id} → {', '.join(e.about)}" for e in h.used_by)
                fields.append((self.w("used-by"), used))
            if r.cite:
                fields.append((self.w("cites"), self.cites(r)))
            out.append(Fields(tuple(fields)))
        return out

    def recommendations(self) -> list[Block]:
        out: list[Block] = [Heading(2, self.w("recommendations"), "recommendations")]
        if not self.m.recommendations:
            return [*out, Para(self.w("no-recommendations"), note=True)]
        for rec in self.m.recommendations:
            out.append(Heading(3, f"{rec.id}: {self.t(rec.text)}", anchor(rec.id)))
            fields = []
            if rec.addressee:
                fields.append((self.w("addressee"), self.t(rec.addressee)))
            if rec.priority:
                fields.append((self.w("priority"), rec.priority))
            if fields:
                out.append(Fields(tuple(fields)))
            findings = tuple(self.finding(i) for i in rec.responds_to)
            if findings:
                out += [Heading(4, self.w("responds-to")), Bullets(findings)]
        return out

    def finding(self, element_id: str) -> str:
        """What the assessment found about an element, in one line."""
        a = self.a
        text = self.named(element_id)
        if element_id in a.assumptions:
            status = a.assumptions[element_id]
            return (
                f"{text}: {self.w(str(status.status))}, "
                f"{self.w('posterior').lower()} {p3(a.posteriors[element_id].value)}"
            )
        if element_id in a.links:
            return f"{text}: {self.w('confidence').lower()} {p3(a.links[element_id].value)}"
        if element_id in a.posteriors:
            return f"{text}: {self.w('posterior').lower()} {p3(a.posteriors[element_id].value)}"
        for _, prog in a.indicators:
            if prog.indicator.id == element_id:
                return (
                    f"{text}: {self.w(str(prog.status))} ({self.w('actual').lower()} "
                    f"{show_number(prog.actual, self.lang)}, {self.w('target').lower()} "
                    f"{show_number(prog.target, self.lang)})"
                )
        if element_id in a.nodes:
            nc = a.nodes[element_id]
            value = p3(nc.value) if nc.value is not None else self.w("unreached")
            risk = f", {self.w('at-risk').lower()}" if nc.at_risk else ""
            risk = f", {self.w('off-route')}" if nc.off_route else risk
            return f"{text}: {self.w('confidence').lower()} {value}{risk}"
        for pc in a.pathways:
            if pc.pathway.id == element_id:
                return f"{text}: {self.w('confidence').lower()} {p3(pc.value)}"
        element = self.index.get(element_id)
        if isinstance(element, Evidence):
            return f"{element_id}: {self.w(str(element.stance))} — {self.t(element.summary)}"
        return text

    # --- annex ------------------------------------------------------------------------------
    def annex(self) -> list[Block]:
        out: list[Block] = [Heading(2, self.w("annex"), "annex"), Heading(3, self.w("formulas"))]
        out.append(
            Bullets(
                (
                    "P(H|E) = Se·P(H) / (Se·P(H) + α·(1 − P(H)))",
                    "P(H|¬E) = (1 − Se)·P(H) / ((1 − Se)·P(H) + (1 − α)·(1 − P(H)))",
                    "LR = Se/α (found), (1 − Se)/(1 − α) (absent)",
                )
            )
        )
        rows = []
        for test in TestType:
            se, alpha = TEST_DEFAULTS[test]
            rows.append(
                (
                    self.w(str(test)),
                    p3(se),
                    p3(alpha),
                    _ratio(likelihood_ratio(se, alpha, True)),
                    _ratio(likelihood_ratio(se, alpha, False)),
                )
            )
        out += [
            Heading(3, self.w("defaults")),
            Table(
                (
                    self.w("test"),
                    "Se",
                    "α",
                    f"{self.w('lr')} ({self.w('found')})",
                    f"{self.w('lr')} ({self.w('absent')})",
                ),
                tuple(rows),
                numeric=(1, 2, 3, 4),
            ),
        ]
        if self.a.untyped is Untyped.STRAW:
            u = {s: f"{p3(v[0])}/{p3(v[1])}" for s, v in UNTYPED_DEFAULTS.items()}
            untyped = self.w(
                "untyped-straw", w=u[Strength.WEAK], m=u[Strength.MODERATE], s=u[Strength.STRONG]
            )
        else:
            untyped = self.w("untyped-exclude")
        priors = self.w(
            "priors-text",
            ac=p3(LIKELIHOOD_PRIORS[Likelihood.ALMOST_CERTAIN]),
            l=p3(LIKELIHOOD_PRIORS[Likelihood.LIKELY]),
            u=p3(LIKELIHOOD_PRIORS[Likelihood.UNLIKELY]),
            d=p3(self.a.default_prior),
        )
        out += [
            Bullets((untyped, priors)),
            Heading(3, self.w("independence")),
            Para(self.w("independence-text")),
            Heading(3, self.w("confidence")),
            Para(self.w("confidence-text")),
        ]
        return out


def _ratio(value: float | None) -> str:
    if value is None:
        return "–"
    if value == float("inf"):
        return "∞"
    return f"{value:.2f}"


def calculation(step: Step) -> str:
    """The update with its numbers, so a reader can redo it by hand."""
    if step.combined:
        lr, p = step.ratio, step.before
        return f"{lr:.3f}×{p:.3f} / ({lr:.3f}×{p:.3f} + {1 - p:.3f})"
    se, alpha = step.likelihoods.sensitivity, step.likelihoods.type_i_error
    if not step.found:
        se, alpha = 1 - se, 1 - alpha
    p = step.before
    return f"{se:.3f}×{p:.3f} / ({se:.3f}×{p:.3f} + {alpha:.3f}×{1 - p:.3f})"


def build(assessment: Assessment, lang: str | None = None) -> list[Block]:
    """The report's blocks, in order."""
    return _Builder(assessment, lang).build()
