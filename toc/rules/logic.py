"""Logic: do the links read upward as "if … then …", one level at a time, with reasons?"""

from __future__ import annotations

from collections.abc import Iterator

from toc.diagnostics import Severity
from toc.model import Level
from toc.rules.base import Context, Finding, rule

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
RESULTS = (Level.OUTCOME, Level.IMPACT)


def per_level(ctx: Context) -> frozenset[Level]:
    """The levels whose assumptions are stated per level, as a logframe states them.

    A logframe has one assumptions cell per row, not one per arrow; the logframe shape
    (toc/io/shapes.py) attaches an assumption written on a top node to that node. A level
    counts as stated per level when some node of it carries an assumption of its own and no
    link into the level carries one: its links are then argued by the level's assumptions,
    and neither ``link-without-assumption`` nor ``missing-rationale`` reports them one by one.
    """
    index = ctx.index
    on_nodes = {index.nodes[n].level for n in index.node_assumptions if n in index.nodes}
    on_links = {
        index.nodes[link.target].level for link in index.into_results if index.link_assumptions.get(link.id)
    }
    return frozenset(on_nodes - on_links)


@rule("TOC201", "cycle", groups=("logic", "graph"), severity=ERROR)
def cycle(ctx: Context) -> Iterator[Finding]:
    """Results lead back to themselves.

    A results chain reads upward; a loop (A leads to B leads to A) makes it
    impossible to say what comes first, and every query about pathways becomes
    ambiguous. Reported once per group of results that all lead to one another (a
    strongly connected component): loops that share a result, such as A → B → A
    and B → C → B, are one finding that names A, B and C; loops with no result in
    common are separate findings. Each is reported on the group's first link in
    the file, and names the results in sorted order of their ids.

    Fails:

        nodes:
          - {id: a, level: outcome, label: Municipalities know LMB}
          - {id: b, level: outcome, label: Municipalities apply LMB}
        links:
          - {from: a, to: b}
          - {from: b, to: a}

    Passes:

        nodes:
          - {id: a, level: outcome, label: Municipalities know LMB}
          - {id: b, level: outcome, label: Municipalities apply LMB}
        links:
          - {from: a, to: b}
    """
    links = ctx.model.links
    for members in ctx.index.cycles:
        inside = set(members)
        first = next((link for link in links if link.source in inside and link.target in inside), None)
        if first is None:  # pragma: no cover - a cycle always has a link
            continue
        names = ", ".join(ctx.label(m) for m in members)
        yield Finding(first.id, f"these results lead back to themselves: {names}")


@rule("TOC202", "backwards-link", groups=("logic",), severity=ERROR)
def backwards_link(ctx: Context) -> Iterator[Finding]:
    """A link runs down the results chain (e.g. outcome → activity).

    Links read "if the lower result, then the higher one". A link from an outcome
    to an activity is usually written the wrong way round.

    Fails:

        nodes:
          - {id: train, level: activity, label: Train promoters}
          - {id: habits, level: outcome, label: Households use filters}
        links:
          - {from: habits, to: train}

    Passes:

        nodes:
          - {id: train, level: activity, label: Train promoters}
          - {id: trained, level: output, label: Promoters trained}
        links:
          - {from: train, to: trained}
    """
    for link, low, high in ctx.link_ranks:
        if low > high:
            source, target = ctx.nodes[link.source], ctx.nodes[link.target]
            yield Finding(
                link.id,
                f"link runs down the chain, from {source.level} {ctx.label(source.id)} "
                f"to {target.level} {ctx.label(target.id)}: is it written the wrong way round?",
                "to",
            )


@rule("TOC203", "level-skip", groups=("logic",), severity=WARNING)
def level_skip(ctx: Context) -> Iterator[Finding]:
    """A link skips a level (e.g. activity → impact directly).

    Change rarely jumps from what a programme does straight to its impact; the
    skipped steps are where the assumptions hide, and they are what an evaluator
    will ask about. Name the intermediate result.

    Fails:

        nodes:
          - {id: train, level: activity, label: Train promoters}
          - {id: health, level: impact, label: Fewer illnesses}
        links:
          - {from: train, to: health}

    Passes:

        nodes:
          - {id: train, level: activity, label: Train promoters}
          - {id: trained, level: output, label: Promoters trained}
        links:
          - {from: train, to: trained}
    """
    for link, low, high in ctx.link_ranks:
        if high - low >= 2:
            source, target = ctx.nodes[link.source], ctx.nodes[link.target]
            skipped = [lv.value for lv in Level if source.level.rank < lv.rank < target.level.rank]
            yield Finding(
                link.id,
                f"link from {source.level} {ctx.label(source.id)} straight to "
                f"{target.level} {ctx.label(target.id)} skips the {' and '.join(skipped)} level",
                "to",
            )


@rule("TOC204", "link-without-assumption", groups=("logic", "assumptions"), severity=INFO)
def link_without_assumption(ctx: Context) -> Iterator[Finding]:
    """A link into an outcome or impact rests on no stated assumption.

    Above the outputs the programme no longer controls what happens: every such
    step depends on external factors, which a logframe states in its assumptions
    column (EU PCM Guidelines, 2004). Stating none hides what has to hold and what
    to monitor. An assumption on the link, or on the node it leads to, counts; so
    does one stated for the whole level, as a logframe does (an assumption on some
    node of the level, and none on any link into it).

    Fails:

        nodes:
          - {id: trained, level: output, label: Promoters trained}
          - {id: habits, level: outcome, label: Households use filters}
        links:
          - {from: trained, to: habits}

    Passes:

        nodes:
          - {id: trained, level: output, label: Promoters trained}
          - {id: habits, level: outcome, label: Households use filters}
        links:
          - {from: trained, to: habits, assumptions: [afford]}
        assumptions:
          - {id: afford, statement: Filters stay affordable}
    """
    index = ctx.index
    quiet = per_level(ctx)
    for link in index.into_results:
        if index.link_assumptions.get(link.id) or link.target in index.node_assumptions:
            continue
        if index.nodes[link.target].level in quiet:
            continue
        target = index.nodes[link.target]
        yield Finding(
            link.id,
            f"the step from {ctx.label(link.source)} to {target.level} {ctx.label(target.id)} "
            "rests on no stated assumption",
        )


@rule("TOC205", "missing-rationale", groups=("logic",), severity=INFO)
def missing_rationale(ctx: Context) -> Iterator[Finding]:
    """A link into an outcome or impact does not say why the one leads to the other.

    Theory-of-change practice writes a rationale on each link ("why A is needed
    for B"); without it the diagram asserts causation without arguing it. Links
    into outputs are left alone: there the reason is usually plain. So are links
    into a level whose assumptions are stated per level, as in a logframe (see
    ``link-without-assumption``): a logframe argues its steps in that column and has
    no column for rationales.

    Fails:

        nodes:
          - {id: trained, level: output, label: Promoters trained}
          - {id: habits, level: outcome, label: Households use filters}
        links:
          - {from: trained, to: habits}

    Passes:

        nodes:
          - {id: trained, level: output, label: Promoters trained}
          - {id: habits, level: outcome, label: Households use filters}
        links:
          - from: trained
            to: habits
            rationale: Promoters who visit homes change habits more than leaflets do
    """
    quiet = per_level(ctx)
    for link in ctx.into_results:
        if link.rationale is None and ctx.nodes[link.target].level not in quiet:
            target = ctx.nodes[link.target]
            yield Finding(
                link.id,
                f"no rationale says why {ctx.label(link.source)} leads to {ctx.label(target.id)}",
            )
