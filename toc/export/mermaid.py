"""Mermaid flowchart text (``.mmd``): the diagram GitHub and GitLab draw inside Markdown.

Mermaid has no rank constraints, so each level is a subgraph, listed bottom-up and
linked in order; the flowchart runs bottom-to-top like the Graphviz drawing. Links carry
their assumptions as edge labels with the status marker, and each status has a class
(``contradicted``, ``untested``, ``mixed``, ``supported``) styled by line pattern as well as
colour. Every label goes through :func:`toc.export.labels.mermaid_text`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from toc.export.dot import INDICATOR_MARKER, STATUS_STYLE, VALUE_IN_WORDS
from toc.export.labels import mermaid_id, mermaid_text
from toc.export.options import Options
from toc.export.view import View, build_view
from toc.model import AssumptionStatus, Level, LinkKind, Model, Node
from toc.numbers_display import latest
from toc.words import heading, status_word, word

__all__ = ["to_mermaid"]

_DIRECTION = {"BT": "BT", "TB": "TB", "LR": "LR", "RL": "RL"}

_CLASS_STYLE = {
    AssumptionStatus.CONTRADICTED: "fill:#b2182b,color:#ffffff,stroke:#67001f,stroke-width:3px",
    AssumptionStatus.UNTESTED: "fill:#ffffff,color:#000000,stroke:#4d4d4d,stroke-dasharray:2 3",
    AssumptionStatus.MIXED: "fill:#fdd49e,color:#000000,stroke:#d7301f,stroke-dasharray:6 3",
    AssumptionStatus.SUPPORTED: "fill:#e5f5e0,color:#000000,stroke:#1b7837",
}
_LINK_STYLE = {
    AssumptionStatus.CONTRADICTED: "stroke:#b2182b,stroke-width:4px",
    AssumptionStatus.UNTESTED: "stroke:#4d4d4d,stroke-width:2px,stroke-dasharray:2 3",
    AssumptionStatus.MIXED: "stroke:#d7301f,stroke-width:2px,stroke-dasharray:6 3",
    AssumptionStatus.SUPPORTED: "stroke:#1b7837,stroke-width:1px",
}


def to_mermaid(model: Model, **options: object) -> str:
    """The model as a Mermaid flowchart (same model and options → same bytes)."""
    view = build_view(model, Options.of(**options).for_model(model.default_language))
    return "\n".join(_lines(view)) + "\n"


def _node_label(view: View, node: Node) -> str:
    o = view.options
    parts = [view.text(node.label)]
    flags = [word(k, o.lang) for k in ("unintended", "negative") if getattr(node, k)]
    if flags:
        parts.insert(0, " · ".join(flags))
    if view.off_route.get(node.id):
        parts.insert(0, f"↝ {word('off-route', o.lang)}")
    elif view.at_risk.get(node.id):
        parts.insert(0, f"✗ {word('at-risk', o.lang)}")
    elif view.affected.get(node.id):
        parts.insert(0, f"⚠ {word('affected', o.lang)}")
    if view.node_pathways.get(node.id):
        parts.append(" ".join(f"P{n}" for n in view.node_pathways[node.id]))
    if o.indicators:
        for indicator in node.indicators:
            p = view.progress[indicator.id]
            line = (
                f"{INDICATOR_MARKER[p.status]} {word(p.status.value, o.lang)}"
                + (f" ({word('judged', o.lang)})" if p.judged is not None else "")
                + f": {view.text(indicator.label)}"
            )
            if p.target is not None:
                line += f" — {latest(indicator, p.period, o.lang, VALUE_IN_WORDS)}"
            parts.append(line)
    return mermaid_text("\n".join(parts))


class _Ids:
    """Mermaid ids for element ids, unique even when two ids differ only in ``.:-``."""

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}
        self._taken: set[str] = set()

    def __call__(self, element_id: str) -> str:
        if element_id not in self._ids:
            base = candidate = mermaid_id(element_id)
            suffix = 1
            while candidate in self._taken:
                suffix += 1
                candidate = f"{base}_{suffix}"
            self._taken.add(candidate)
            self._ids[element_id] = candidate
        return self._ids[element_id]


def _lines(view: View) -> Iterator[str]:
    o = view.options
    mid = _Ids()
    for node in view.nodes:
        mid(node.id)
    yield f"%% {mermaid_text(view.text(view.model.programme.title))}"
    for number_, pathway in enumerate(view.pathways, start=1):
        yield f"%% P{number_}: {mermaid_text(view.text(pathway.label))}"
    yield f"flowchart {_DIRECTION[o.direction]}"
    for level in (Level.ACTIVITY, Level.OUTPUT, Level.OUTCOME, Level.IMPACT):
        members = [n for n in view.nodes if n.level is level]
        if not members:
            continue
        yield f'  subgraph L_{level.value}["{mermaid_text(heading(level.value, o.lang))}"]'
        yield "    direction LR"
        for node in members:
            shape = ("([", "])") if level is Level.IMPACT else ('["', '"]')
            label = _node_label(view, node)
            if shape[0] == "([":
                yield f'    {mid(node.id)}(["{label}"])'
            else:
                yield f'    {mid(node.id)}["{label}"]'
        yield "  end"
    present = [lv for lv in Level if any(n.level is lv for n in view.nodes)]
    present.sort(key=lambda lv: lv.rank)
    for lower, upper in itertools.pairwise(present):
        yield f"  L_{lower.value} ~~~ L_{upper.value}"

    link_styles: list[tuple[int, AssumptionStatus]] = []
    index = len(present) - 1 if present else 0  # the ~~~ links count too
    for link in view.links:
        arrow = "--o" if link.kind is LinkKind.PRECONDITION_OF else "-->"
        assumptions = view.link_assumptions.get(link.id, [])
        label = ""
        if assumptions:
            text = "\n".join(
                f"{STATUS_STYLE[view.status(a)]['marker']} {status_word(view.status(a).value, o.lang)}: "
                f"{view.text(a.statement)}"
                for a in assumptions
            )
            label = f'|"{mermaid_text(text)}"|'
        yield f"  {mid(link.source)} {arrow}{label} {mid(link.target)}"
        status = view.link_status(link)
        if status is not None:
            link_styles.append((index, status))
        index += 1
    notes = list(view.node_assumptions.items())
    if view.preconditions:
        notes.append(("preconditions", view.preconditions))
    for target, assumptions in notes:
        note_id = mid("note:" + target)
        lines = [word("preconditions", o.lang)] if target == "preconditions" else []
        lines += [
            f"{STATUS_STYLE[view.status(a)]['marker']} {word(a.kind.value, o.lang)}: {view.text(a.statement)}"
            for a in assumptions
        ]
        yield f'  {note_id}>"{mermaid_text(chr(10).join(lines))}"]'
        statuses = [view.status(a) for a in assumptions]
        worst = next(s for s in STATUS_STYLE if s in statuses)
        yield f"  class {note_id} {worst.value}"
        if target != "preconditions":
            yield f"  {note_id} -.- {mid(target)}"
            index += 1
    for status, style in _CLASS_STYLE.items():
        yield f"  classDef {status.value} {style}"
    at_risk = [mid(n.id) for n in view.nodes if view.at_risk.get(n.id)]
    if at_risk:
        yield "  classDef atrisk stroke:#b2182b,stroke-width:3px"
        yield f"  class {','.join(at_risk)} atrisk"
    affected = [mid(n.id) for n in view.nodes if view.affected.get(n.id)]
    if affected:
        yield "  classDef affected stroke:#8c510a,stroke-width:2px"
        yield f"  class {','.join(affected)} affected"
    off_route = [mid(n.id) for n in view.nodes if view.off_route.get(n.id)]
    if off_route:
        yield "  classDef offroute stroke:#2166ac,stroke-width:3px"
        yield f"  class {','.join(off_route)} offroute"
    unintended = [mid(n.id) for n in view.nodes if n.unintended]
    if unintended:
        yield "  classDef unintended stroke-dasharray:5 5"
        yield f"  class {','.join(unintended)} unintended"
    negative = [mid(n.id) for n in view.nodes if n.negative]
    if negative:
        yield "  classDef negative fill:#f4cccc"
        yield f"  class {','.join(negative)} negative"
    for number_, status in link_styles:
        yield f"  linkStyle {number_} {_LINK_STYLE[status]}"
