"""Structure: is every result connected into a chain that starts with what the programme does?"""

from __future__ import annotations

from collections.abc import Iterator

from toc.diagnostics import Severity
from toc.model import Level
from toc.rules.base import Context, Finding, rule

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
RESULTS = (Level.OUTCOME, Level.IMPACT)


@rule("TOC101", "duplicate-id", groups=("structure", "loader"), severity=ERROR)
def duplicate_id(ctx: Context) -> Iterator[Finding]:
    """Two elements share an id.

    Ids are how links, evidence and pathways refer to elements; with two elements
    under one id every reference is ambiguous. Found while loading: the model is
    not built, and ``toc check`` reports each duplicate as a finding of this rule.

    Fails:

        nodes:
          - {id: train, level: activity, label: Train promoters}
          - {id: train, level: output, label: Promoters trained}

    Passes:

        nodes:
          - {id: train, level: activity, label: Train promoters}
          - {id: trained, level: output, label: Promoters trained}
    """
    return iter(())


@rule("TOC102", "dangling-reference", groups=("structure", "loader"), severity=ERROR)
def dangling_reference(ctx: Context) -> Iterator[Finding]:
    """A reference names an element that does not exist (or one of the wrong kind).

    A link to a missing node, evidence about a missing assumption or a citation of
    an unlisted source silently drops part of the theory. Found while loading,
    with a did-you-mean hint; ``toc check`` reports it as a finding of this rule.

    Fails:

        nodes:
          - {id: train, level: activity, label: Train promoters}
        links:
          - {from: train, to: trained}

    Passes:

        nodes:
          - {id: train, level: activity, label: Train promoters}
          - {id: trained, level: output, label: Promoters trained}
        links:
          - {from: train, to: trained}
    """
    return iter(())


@rule("TOC103", "orphan-node", groups=("structure",), severity=WARNING)
def orphan_node(ctx: Context) -> Iterator[Finding]:
    """A result has no links at all.

    A box that nothing leads to and that leads nowhere is not part of the theory
    of change: either a link is missing or the node is left over from a draft.

    Fails:

        nodes:
          - {id: train, level: activity, label: Train promoters}
          - {id: trained, level: output, label: Promoters trained}
          - {id: leaflets, level: output, label: Leaflets printed}
        links:
          - {from: train, to: trained}

    Passes:

        nodes:
          - {id: train, level: activity, label: Train promoters}
          - {id: trained, level: output, label: Promoters trained}
        links:
          - {from: train, to: trained}
    """
    if len(ctx.model.nodes) < 2:
        return
    linked = ctx.linked
    for node in ctx.model.nodes:
        if node.id not in linked:
            yield Finding(node.id, f"{node.level} {ctx.label(node.id)} is not linked to anything")


@rule("TOC104", "unreachable-outcome", groups=("structure", "graph"), severity=WARNING)
def unreachable_outcome(ctx: Context) -> Iterator[Finding]:
    """No activity leads to an outcome or impact.

    A result that no chain of links connects to something the programme does is
    a hope, not part of the programme's theory. Silent when the model has no
    activities at all (an outcome-level map), and for unlinked nodes (see
    ``orphan-node``).

    Fails:

        nodes:
          - {id: train, level: activity, label: Train promoters}
          - {id: trained, level: output, label: Promoters trained}
          - {id: habits, level: outcome, label: Households use filters}
          - {id: health, level: impact, label: Fewer illnesses}
        links:
          - {from: train, to: trained}
          - {from: habits, to: health}

    Passes:

        nodes:
          - {id: train, level: activity, label: Train promoters}
          - {id: trained, level: output, label: Promoters trained}
          - {id: habits, level: outcome, label: Households use filters}
        links:
          - {from: train, to: trained}
          - {from: trained, to: habits}
    """
    index = ctx.index
    if not index.activities:
        return
    for node_id in index.in_model_order((index.results & index.linked) - index.from_activities):
        node = index.nodes[node_id]
        yield Finding(
            node_id,
            f"{node.level} {ctx.label(node_id)} is not reached from any activity: "
            "nothing the programme does leads to it",
        )


@rule("TOC105", "dead-end-activity", groups=("structure", "graph"), severity=WARNING)
def dead_end_activity(ctx: Context) -> Iterator[Finding]:
    """An activity leads to no outcome or impact.

    Work whose results connect to no change the programme seeks is either missing
    a link or does not belong in the programme. Silent when the model has no
    outcomes or impacts, and for unlinked activities (see ``orphan-node``).

    Fails:

        nodes:
          - {id: train, level: activity, label: Train promoters}
          - {id: print, level: activity, label: Print leaflets}
          - {id: trained, level: output, label: Promoters trained}
          - {id: leaflets, level: output, label: Leaflets printed}
          - {id: habits, level: outcome, label: Households use filters}
        links:
          - {from: train, to: trained}
          - {from: trained, to: habits}
          - {from: print, to: leaflets}

    Passes:

        nodes:
          - {id: train, level: activity, label: Train promoters}
          - {id: trained, level: output, label: Promoters trained}
          - {id: habits, level: outcome, label: Households use filters}
        links:
          - {from: train, to: trained}
          - {from: trained, to: habits}
    """
    index = ctx.index
    if not index.results:
        return
    reaching = index.reaching(index.results)
    for node_id in index.activities:
        if node_id in index.linked and node_id not in reaching:
            yield Finding(node_id, f"activity {ctx.label(node_id)} leads to no outcome or impact")


@rule("TOC106", "pathway-broken", groups=("structure",), severity=WARNING)
def pathway_broken(ctx: Context) -> Iterator[Finding]:
    """A declared pathway of change falls apart into pieces that do not connect.

    A pathway is one route of change; if its links do not join up, a step is
    missing from it (or it is two pathways).

    Fails:

        nodes:
          - {id: a, level: activity, label: Train promoters}
          - {id: b, level: output, label: Promoters trained}
          - {id: c, level: output, label: Leaflets printed}
          - {id: d, level: outcome, label: Households use filters}
        links:
          - {from: a, to: b}
          - {from: c, to: d}
          - {from: b, to: d}
        pathways:
          - {id: route, label: Household route, links: [a->b, c->d]}

    Passes:

        nodes:
          - {id: a, level: activity, label: Train promoters}
          - {id: b, level: output, label: Promoters trained}
          - {id: d, level: outcome, label: Households use filters}
        links:
          - {from: a, to: b}
          - {from: b, to: d}
        pathways:
          - {id: route, label: Household route, links: [a->b, b->d]}
    """
    links = {link.id: link for link in ctx.model.links}
    for pathway in ctx.model.pathways:
        parent: dict[str, str] = {}
        for link_id in pathway.links:
            link = links.get(link_id)
            if link is not None:
                parent[_root(parent, link.source)] = _root(parent, link.target)
        pieces = len({_root(parent, x) for x in list(parent)})
        if pieces > 1:
            yield Finding(
                pathway.id,
                f"pathway {ctx.label(pathway.id)} falls apart into {pieces} pieces that do not connect",
                "links",
            )


def _root(parent: dict[str, str], x: str) -> str:
    """Union-find with path halving: the representative of ``x``'s piece."""
    parent.setdefault(x, x)
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


@rule("TOC107", "ceiling-placement", groups=("structure",), severity=WARNING)
def ceiling_placement(ctx: Context) -> Iterator[Finding]:
    """The ceiling of accountability sits on an activity, an output or an impact.

    Below the ceiling the programme answers for its results; above it, it only
    contributes. A programme controls its activities and outputs anyway, so a
    ceiling there says nothing; a ceiling on the impact claims the programme
    answers for change it can only contribute to. It belongs on an outcome.

    Fails:

        programme: {id: p, title: P, ceiling_of_accountability: health}
        nodes:
          - {id: habits, level: outcome, label: Households use filters}
          - {id: health, level: impact, label: Fewer illnesses}
        links:
          - {from: habits, to: health}

    Passes:

        programme: {id: p, title: P, ceiling_of_accountability: habits}
        nodes:
          - {id: habits, level: outcome, label: Households use filters}
          - {id: health, level: impact, label: Fewer illnesses}
        links:
          - {from: habits, to: health}
    """
    for ceiling in ctx.model.programme.ceiling_of_accountability:
        node = ctx.nodes.get(ceiling)
        if node is None or node.level is Level.OUTCOME:
            continue
        why = (
            "the programme answers for change it can only contribute to"
            if node.level is Level.IMPACT
            else "the programme controls its activities and outputs anyway"
        )
        yield Finding(
            "programme",
            f"the ceiling of accountability is the {node.level} {ctx.label(node.id)}: {why}; "
            "put it on an outcome",
        )
