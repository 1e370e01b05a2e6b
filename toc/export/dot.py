"""Graphviz DOT text of a model: the picture an evaluator puts in a report.

Layout choices (docs/diagrams.md explains them to users):

* **Levels are ranks.** Each level (outcomes: each horizon) is a ``rank=same`` group and an
  invisible spine orders the groups, so activities, outputs, outcomes and impact always form
  rows even when a level has no links. Links that run flat or backwards do not constrain the
  layout (``constraint=false``).
* **Assumptions sit on the link they qualify**, as a note node spliced into the edge, on
  every link (upward, within one row, backward; never an edge label, which cannot carry the
  note's fill and left a contradicted note's white text on white paper); the
  edge and the note are styled by the *derived* status (``toc.assessment``), each status with its
  own line style, fill and text marker so it reads in greyscale.
* **Pathways are colour bands, not clusters**: a result can lie on several pathways and
  Graphviz clusters cannot overlap, so each result carries a numbered chip per pathway and
  the legend says what each pathway rests on.
* **The ceiling of accountability** is a dashed cluster around the results the programme
  answers for (the ceiling and everything not above it).

Every label is built from :mod:`toc.export.labels`, so no model text can break the DOT.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from toc.assessment import IndicatorStatus, Progress
from toc.export.labels import dot_html, dot_string, wrap
from toc.export.options import Options
from toc.export.view import SEVERITY, View, build_view, worst
from toc.model import Assumption, AssumptionStatus, Level, Link, LinkKind, Model, Node
from toc.numbers_display import latest
from toc.words import status_word, word

__all__ = ["STATUS_STYLE", "ElementIds", "to_dot", "view_dot"]

FONT = "Helvetica"  # has built-in metrics in every Graphviz; fontconfig maps it to a sans face

LEVEL_FILL = {
    Level.ACTIVITY: "#ffffff",
    Level.OUTPUT: "#eef3f8",
    Level.OUTCOME: "#d6e4f0",
    Level.IMPACT: "#b9cfe4",
}

STATUS_STYLE: dict[AssumptionStatus, dict[str, str]] = {
    AssumptionStatus.CONTRADICTED: {
        "marker": "✗",
        "edge_style": "solid",
        "penwidth": "3.5",
        "color": "#b2182b",
        "fill": "#b2182b",
        "font": "#ffffff",
        "note_style": "filled,bold",
    },
    AssumptionStatus.UNTESTED: {
        "marker": "?",
        "edge_style": "dotted",
        "penwidth": "2",
        "color": "#4d4d4d",
        "fill": "#ffffff",
        "font": "#000000",
        "note_style": "filled,dotted",
    },
    AssumptionStatus.MIXED: {
        "marker": "±",
        "edge_style": "dashed",
        "penwidth": "2",
        "color": "#d7301f",
        "fill": "#fdd49e",
        "font": "#000000",
        "note_style": "filled,dashed",
    },
    AssumptionStatus.SUPPORTED: {
        "marker": "✓",
        "edge_style": "solid",
        "penwidth": "1.2",
        "color": "#1b7837",
        "fill": "#e5f5e0",
        "font": "#000000",
        "note_style": "filled",
    },
}
"""Each status differs in line style or width, note fill lightness and a text marker."""

INDICATOR_MARKER = {
    IndicatorStatus.ACHIEVED: "✓",
    IndicatorStatus.ON_TRACK: "▲",
    IndicatorStatus.OFF_TRACK: "▼",
    IndicatorStatus.NOT_ACHIEVED: "✗",
    IndicatorStatus.NO_DATA: "○",
    IndicatorStatus.QUALITATIVE: "◇",
}

PATHWAY_COLOURS = ("#9ecae1", "#fdd0a2", "#a1d99b", "#dadaeb", "#fcbba1", "#c7e9c0", "#fdae6b", "#bcbddc")

_HORIZONS = ("short", "intermediate", "long")


RISK_MARKER = "✗"
"""On a result every chain to which is broken by a contradicted assumption (toc.assessment.risk)."""
AFFECTED_MARKER = "⚠"
OFF_ROUTE_MARKER = "↝"
"""An at-risk result that was observed: reached by a route the theory does not describe."""
NEGATIVE_FILL = "#f4cccc"
"""On a result downstream of a contradicted assumption that another chain still reaches."""


class ElementIds:
    """Graphviz ``id`` attributes for the drawn results, links and assumptions, and the model id
    each stands for: the explorer turns them into ``data-id`` (model ids may hold ``->``, which
    an SVG id should not, and one link may be drawn as two edges)."""

    def __init__(self) -> None:
        self.model_ids: dict[str, str] = {}
        """Graphviz id → model id."""

    def token(self, model_id: str) -> str:
        """A fresh Graphviz id (``tocid7``) standing for ``model_id``."""
        token = f"tocid{len(self.model_ids)}"
        self.model_ids[token] = model_id
        return token


def _pathway_colour(number: int) -> str:
    return PATHWAY_COLOURS[(number - 1) % len(PATHWAY_COLOURS)]


def to_dot(model: Model, **options: object) -> str:
    """The model as Graphviz DOT text (same model and options → same bytes)."""
    return view_dot(build_view(model, Options.of(**options).for_model(model.default_language)))


def view_dot(view: View, ids: ElementIds | None = None) -> str:
    """The DOT text of a view already built (for callers that inspect the view first).

    With ``ids``, every result, link (each edge it is drawn as) and assumption gets a
    Graphviz ``id`` recorded there, and each assumption of a note its own table cell."""
    return "\n".join(_lines(view, ids)) + "\n"


def number(value: float | None) -> str:
    if value is None:
        return "–"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _attrs(**attrs: str) -> str:
    return "[" + ", ".join(f"{k}={v}" for k, v in attrs.items()) + "]"


def _group(node: Node, horizons: bool) -> str:
    if node.level is Level.OUTCOME and horizons:
        return "outcome:" + (node.horizon.value if node.horizon else "intermediate")
    return node.level.value


def _group_order(horizons: bool) -> list[str]:
    outcome = [f"outcome:{h}" for h in _HORIZONS] if horizons else ["outcome"]
    return ["activity", "output", *outcome, "impact"]


def _lines(view: View, ids: ElementIds | None = None) -> Iterator[str]:
    o = view.options
    yield "digraph toc {"
    graph_attrs = _attrs(
        rankdir=o.direction,
        newrank="true",
        nodesep="0.35",
        ranksep="0.45",
        fontname=dot_string(FONT),
        fontsize="11",
        bgcolor=dot_string("white"),
        labelloc="t",
        labeljust="l",
        pad="0.3",
    )
    yield f"  graph {graph_attrs}"
    yield f"  node {_attrs(fontname=dot_string(FONT), fontsize='11', margin=dot_string('0.12,0.06'))}"
    yield f"  edge {_attrs(fontname=dot_string(FONT), fontsize='9', color=dot_string('#333333'))}"
    if o.title:
        yield f"  label=<{_title(view)}>"

    horizons = any(n.horizon is not None for n in view.nodes if n.level is Level.OUTCOME)
    order = _group_order(horizons)
    groups: dict[str, list[str]] = {g: [] for g in order}
    for node in view.nodes:
        groups[_group(node, horizons)].append(node.id)
    rank_of = {node.id: order.index(_group(node, horizons)) for node in view.nodes}
    by_id = {node.id: node for node in view.nodes}

    body: list[tuple[str, bool]] = []  # (statement, inside the accountability frame)
    for node in view.nodes:
        body.append(
            (f"  {dot_string(node.id)} {_node_attrs(view, node, ids)}", node.id in view.inside_ceiling)
        )

    for link in view.links:
        statements, row_note = _link_statements(view, link, rank_of, ids)
        body.extend(statements)
        if row_note is not None:  # a flat or backward link: its note sits in the source's row
            groups[_group(by_id[link.source], horizons)].append(row_note)

    for node_id, assumptions in view.node_assumptions.items():
        note = f"note:{node_id}"
        body.append(
            (
                f"  {dot_string(note)} {_note_attrs(view, assumptions, ids=ids)}",
                node_id in view.inside_ceiling,
            )
        )
        tie = _attrs(arrowhead="none", style="dashed", constraint="false", color=dot_string("#777777"))
        body.append((f"  {dot_string(note)} -> {dot_string(node_id)} {tie}", False))
        groups[_group(by_id[node_id], horizons)].append(note)
    if view.preconditions:
        title = word("preconditions", o.lang)
        body.append(
            (
                f"  {dot_string('note:preconditions')} {_note_attrs(view, view.preconditions, title, ids)}",
                True,
            )
        )
        groups["activity"].append("note:preconditions")

    for statement, inside in body:
        if not inside or not view.inside_ceiling:
            yield statement
    if view.inside_ceiling:
        yield f"  subgraph {dot_string('cluster_accountability')} {{"
        frame = _attrs(
            style="dashed", color=dot_string("#444444"), penwidth="1.6", label=dot_string(""), margin="14"
        )
        yield f"    graph {frame}"
        for statement, inside in body:
            if inside:
                yield "  " + statement
        yield "  }"

    present = [g for g in order if groups[g]]
    if o.legend:
        top = present[-1] if present else order[-1]
        legend = _attrs(shape="plaintext", margin="0", label=f"<{_legend(view)}>")
        yield f"  {dot_string('legend')} {legend}"
        groups.setdefault(top, []).append("legend")
        if not present:
            present = [top]
    for name in present:
        spine = f"rank:{name}"
        point = _attrs(shape="point", style="invis", width="0", height="0", label=dot_string(""))
        yield f"  {dot_string(spine)} {point}"
        members = " ".join(dot_string(m) for m in [spine, *groups[name]])
        yield f"  {{ rank=same; {members} }}"
    for lower, upper in itertools.pairwise(present):
        yield f"  {dot_string('rank:' + lower)} -> {dot_string('rank:' + upper)} [style=invis]"
    yield "}"


def _title(view: View) -> str:
    model, o = view.model, view.options
    p = model.programme
    rows = [_row(f"<b>{dot_html(view.text(p.title))}</b>", 16)]
    facts = [p.id]
    if p.period:
        facts.append(f"{word('period', o.lang)} {p.period.start} – {p.period.end}")
    for who in (p.funder, p.implementer):
        if who:
            facts.append(view.text(who))
    rows.append(_row(dot_html(" · ".join(facts))))
    for source in model.sources[:3]:
        text = f"{word('source', o.lang)}: {view.text(source.title)}"
        if source.date:
            text += f" ({source.date})"
        rows.append(_row(_wrapped(text, 110), 10))
    if o.indicators and any(n.indicators for n in view.nodes):
        rows.append(
            f'<tr><td align="left" balign="left"><font point-size="10">{dot_html(word("as-of", o.lang))} '
            f"{view.as_of.isoformat()}</font></td></tr>"
        )
    if view.caption:
        rows.append(f'<tr><td align="left" balign="left"><b>{_wrapped(view.caption, 110)}</b></td></tr>')
    return f'<table border="0" cellborder="0" cellspacing="0" cellpadding="1">{"".join(rows)}</table>'


_LEFT = '<td align="left" balign="left">'


def _row(content: str, size: int | None = None) -> str:
    """One left-aligned table row, optionally in a smaller font."""
    if size is not None:
        content = f'<font point-size="{size}">{content}</font>'
    return f"<tr>{_LEFT}{content}</td></tr>"


def _wrapped(text: str, width: int) -> str:
    return "<br/>".join(dot_html(line) for line in wrap(text, width))


def _node_attrs(view: View, node: Node, ids: ElementIds | None = None) -> str:
    o = view.options
    chips = "".join(
        f'<td bgcolor="{_pathway_colour(n)}"><font point-size="8">P{n}</font></td>'
        for n in view.node_pathways.get(node.id, [])
    )
    risk = view.at_risk.get(node.id)
    affected = view.affected.get(node.id)
    off_route = view.off_route.get(node.id)
    risk_cell = ""
    if off_route:
        warning = dot_html(f"{OFF_ROUTE_MARKER} " + word("off-route", o.lang))
        risk_cell = f'<td><font point-size="8" color="#2166ac"><b>{warning}</b></font></td>'
    elif risk:
        warning = dot_html(f"{RISK_MARKER} " + word("at-risk", o.lang))
        risk_cell = f'<td><font point-size="8" color="#b2182b"><b>{warning}</b></font></td>'
    elif affected:
        warning = dot_html(f"{AFFECTED_MARKER} " + word("affected", o.lang))
        risk_cell = f'<td><font point-size="8" color="#8c510a">{warning}</font></td>'
    kind = word(node.level.value, o.lang).upper()
    kind += "".join(f" · {word(k, o.lang)}" for k in ("unintended", "negative") if getattr(node, k))
    head = (
        '<table border="0" cellborder="0" cellspacing="1" cellpadding="1"><tr>'
        f'{_LEFT}<font point-size="8" color="#444444">{dot_html(kind + " · " + node.id)}'
        f"</font></td>{risk_cell}{chips}</tr></table>"
    )
    rows = [_row(head)]
    rows.append(_row(_wrapped(view.text(node.label), o.wrap)))
    if o.indicators:
        for indicator in node.indicators:
            rows.append(_row(_indicator(view, view.progress[indicator.id]), 8))
    if o.evidence and node.id in view.evidence:
        rows.append(_row(_evidence(view, node.id), 8))
    label = f'<table border="0" cellborder="0" cellspacing="0" cellpadding="1">{"".join(rows)}</table>'
    attrs = {
        "shape": "box",
        "style": dot_string("rounded,filled"),
        "fillcolor": dot_string(LEVEL_FILL[node.level]),
        "label": f"<{label}>",
        "tooltip": dot_string(view.text(node.description or node.label)),
    }
    if ids is not None:
        attrs["id"] = dot_string(ids.token(node.id))
    if node.unintended:
        attrs["style"] = dot_string("rounded,filled,dashed")
    if node.negative:
        attrs["fillcolor"] = dot_string(NEGATIVE_FILL)
    if off_route:
        attrs.update(color=dot_string("#2166ac"), penwidth="2.5")
    elif risk:
        attrs.update(color=dot_string("#b2182b"), penwidth="2.5")
    elif affected:
        attrs.update(color=dot_string("#8c510a"), penwidth="1.5")
    return _attrs(**attrs)


VALUE_IN_WORDS = 60
"""A value reported in words (a report's sentence) is shortened to about this many characters
in a box; the report, the logframe and the explorer's panels show it whole."""


def _indicator(view: View, progress: Progress) -> str:
    o = view.options
    ind = progress.indicator
    status = f"{INDICATOR_MARKER[progress.status]} {word(progress.status.value, o.lang)}"
    if progress.judged is not None:
        status += f" ({word('judged', o.lang)})"
    text = f"{status} · {view.text(ind.label)}"
    if progress.status is not IndicatorStatus.QUALITATIVE:
        text += f": {latest(ind, progress.period, o.lang, VALUE_IN_WORDS)}"
    return _wrapped(text, o.wrap + 14)


def _evidence(view: View, element_id: str) -> str:
    o = view.options
    pro, con = view.evidence[element_id]
    return dot_html(
        f"{word('evidence', o.lang)}: {pro} {word('for', o.lang)}, {con} {word('against', o.lang)}"
    )


def _note_label(
    view: View, assumptions: list[Assumption], title: str | None = None, ids: ElementIds | None = None
) -> str:
    o = view.options
    status = worst(view.status(a) for a in assumptions)
    style = STATUS_STYLE[status] if status else STATUS_STYLE[AssumptionStatus.UNTESTED]
    colour = style["font"]
    rows = []
    if title:
        rows.append(f'<tr><td align="left" balign="left"><b>{dot_html(title)}</b></td></tr>')
    for assumption in assumptions:
        s = STATUS_STYLE[view.status(assumption)]
        head = f"{s['marker']} {status_word(view.status(assumption).value, o.lang)}"
        kind = word(assumption.kind.value, o.lang)
        own = [
            f'<tr><td align="left" balign="left"><font point-size="8"><b>{dot_html(head)}</b> '
            f"{dot_html(kind)} {dot_html(assumption.id)}</font></td></tr>",
            _row(_wrapped(view.text(assumption.statement), o.wrap + 8)),
        ]
        if o.evidence and assumption.id in view.evidence:
            own.append(_row(_evidence(view, assumption.id), 8))
        if ids is None:
            rows.extend(own)
        else:  # one cell per assumption, so that each is an element of its own in the SVG
            cell = f'<table border="0" cellborder="0" cellspacing="0" cellpadding="0">{"".join(own)}</table>'
            tooltip = dot_html(" ".join(view.text(assumption.statement).split()))
            rows.append(f'<tr><td id="{ids.token(assumption.id)}" tooltip="{tooltip}">{cell}</td></tr>')
    table = f'<table border="0" cellborder="0" cellspacing="0" cellpadding="1">{"".join(rows)}</table>'
    return f'<font point-size="9" color="{colour}">{table}</font>'


def _note_attrs(
    view: View, assumptions: list[Assumption], title: str | None = None, ids: ElementIds | None = None
) -> str:
    status = worst(view.status(a) for a in assumptions)
    style = STATUS_STYLE[status] if status else STATUS_STYLE[AssumptionStatus.UNTESTED]
    return _attrs(
        shape="note",
        style=dot_string(style["note_style"]),
        fillcolor=dot_string(style["fill"]),
        color=dot_string(style["color"] if status is not AssumptionStatus.SUPPORTED else "#555555"),
        penwidth="2" if status is AssumptionStatus.CONTRADICTED else "1",
        margin=dot_string("0.08,0.04"),
        label=f"<{_note_label(view, assumptions, title, ids)}>",
    )


def _edge_style(view: View, link: Link) -> dict[str, str]:
    status = view.link_status(link)
    attrs: dict[str, str] = {}
    if status is not None:
        s = STATUS_STYLE[status]
        attrs = {"style": s["edge_style"], "penwidth": s["penwidth"], "color": dot_string(s["color"])}
    if link.rationale is not None:
        attrs["tooltip"] = dot_string(view.text(link.rationale))
    return attrs


def _link_statements(
    view: View, link: Link, rank_of: dict[str, int], ids: ElementIds | None = None
) -> tuple[list[tuple[str, bool]], str | None]:
    """The link's statements, and the id of its note when that note needs a row of its own.

    Every assumption on a link is a note node spliced into the edge, whatever the direction
    of the link: an edge label cannot carry the note's fill, and the white text of a
    contradicted note would be drawn on white paper. An upward link's note takes a rank
    between its ends; the note of a link within one row, or running backwards, is put in
    the source's row. Within one row the two halves keep their constraint, so that the note
    is drawn between its ends; backwards, neither half constrains the layout.
    """
    style = _edge_style(view, link)
    if ids is not None:
        style["id"] = dot_string(ids.token(link.id))
    head = {"arrowhead": "odiamond"} if link.kind is LinkKind.PRECONDITION_OF else {}
    src, dst = dot_string(link.source), dot_string(link.target)
    upward = rank_of[link.target] > rank_of[link.source]
    loose = {} if upward else {"constraint": "false"}
    inside = link.source in view.inside_ceiling and link.target in view.inside_ceiling
    assumptions = view.link_assumptions.get(link.id, [])
    if not assumptions:
        attrs = {**style, **head, **loose}
        return [(f"  {src} -> {dst}" + (f" {_attrs(**attrs)}" if attrs else ""), False)], None
    if rank_of[link.target] == rank_of[link.source] and link.target != link.source:
        loose = {}  # within one row: the flat halves order source, note, target along the row
    note_id = f"note:{link.id}"
    note = dot_string(note_id)
    second = {**style, "id": dot_string(ids.token(link.id))} if ids is not None else style
    statements = [
        (f"  {note} {_note_attrs(view, assumptions, ids=ids)}", inside),
        (f"  {src} -> {note} {_attrs(**style, arrowhead='none', **loose)}", False),
        (f"  {note} -> {dst} {_attrs(**second, **head, **loose)}", False),
    ]
    return statements, None if upward else note_id


def _legend(view: View) -> str:
    o = view.options
    rows = [f'<tr><td colspan="2" align="left"><b>{dot_html(word("legend", o.lang))}</b></td></tr>']
    for status in SEVERITY:
        s = STATUS_STYLE[status]
        marker = f'<font color="{s["font"]}">{dot_html(s["marker"])}</font>'
        swatch = f'<td bgcolor="{s["fill"]}" border="1">{marker}</td>'
        meaning = dot_html(status_word(status.value, o.lang) + ": " + word("line-" + status.value, o.lang))
        rows.append(f"<tr>{swatch}{_LEFT}{meaning}</td></tr>")
    rows.append(f"<tr><td>{dot_html('◇')}</td>{_LEFT}{dot_html(word('precondition-of', o.lang))}</td></tr>")
    if o.indicators:
        marks = "  ".join(f"{m} {word(s.value, o.lang)}" for s, m in INDICATOR_MARKER.items())
        rows.append(
            f'<tr><td colspan="2" align="left"><font point-size="8">{_wrapped(marks, 70)}</font></td></tr>'
        )
    if view.at_risk:
        mark = f'<font color="#b2182b"><b>{dot_html(RISK_MARKER)}</b></font>'
        rows.append(f"<tr><td>{mark}</td>{_LEFT}{_wrapped(word('legend-at-risk', o.lang), 60)}</td></tr>")
    if view.affected:
        mark = f'<font color="#8c510a">{dot_html(AFFECTED_MARKER)}</font>'
        rows.append(f"<tr><td>{mark}</td>{_LEFT}{_wrapped(word('legend-affected', o.lang), 60)}</td></tr>")
    if view.off_route:
        mark = f'<font color="#2166ac"><b>{dot_html(OFF_ROUTE_MARKER)}</b></font>'
        rows.append(f"<tr><td>{mark}</td>{_LEFT}{_wrapped(word('legend-off-route', o.lang), 60)}</td></tr>")
    if any(n.unintended for n in view.nodes):
        rows.append(
            f"<tr><td>{dot_html('┄')}</td>{_LEFT}{_wrapped(word('legend-unintended', o.lang), 60)}</td></tr>"
        )
    if any(n.negative for n in view.nodes):
        swatch = f'<td bgcolor="{NEGATIVE_FILL}" border="1"> </td>'
        rows.append(f"<tr>{swatch}{_LEFT}{_wrapped(word('legend-negative', o.lang), 60)}</td></tr>")
    if view.inside_ceiling:
        rows.append(f"<tr><td>{dot_html('┆')}</td>{_LEFT}{_wrapped(word('ceiling', o.lang), 60)}</td></tr>")
    if view.pathways:
        rows.append(
            f'<tr><td colspan="2" align="left"><b>{dot_html(word("legend-pathways", o.lang))}</b></td></tr>'
        )
        for number_, pathway in enumerate(view.pathways, start=1):
            colour = _pathway_colour(number_)
            statuses = [view.status(a) for a in view.pathway_assumptions(pathway)]
            bad = [s for s in SEVERITY[:3] if s in statuses]
            if bad:
                summary = f"{word('rests-on', o.lang)} " + ", ".join(
                    f"{statuses.count(s)} {STATUS_STYLE[s]['marker']} {status_word(s.value, o.lang)}"
                    for s in bad
                )
            else:
                summary = word("sound", o.lang)
            text = f"{view.text(pathway.label)} — {summary}"
            rows.append(
                f'<tr><td bgcolor="{colour}"><font point-size="9">P{number_}</font></td>'
                f'<td align="left" balign="left">{_wrapped(text, 60)}</td></tr>'
            )
    table = "".join(rows)
    return (
        '<font point-size="9"><table border="1" cellborder="0" cellspacing="2" cellpadding="2" '
        f'color="#888888" bgcolor="#fafafa">{table}</table></font>'
    )
