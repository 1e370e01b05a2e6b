"""Export the results chain to networkx and ask which results the theory leans on most.

Run from the repository root::

    python examples/networkx_analysis.py [MODEL]

Betweenness centrality counts how many shortest activity-to-goal routes pass through a
node: a high score marks a bottleneck, where a failed assumption cuts many routes.
We also count, per node, how many of the named pathways pass through it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx

import toc
from toc.assessment import assess_assumptions
from toc.graph import TocGraph
from toc.model import AssumptionStatus, Level

DEFAULT = Path(__file__).resolve().parent.parent / "models" / "vvsg_2017_2019.yaml"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    model = toc.load(args[0] if args else DEFAULT)
    graph = TocGraph(model)
    g = graph.to_networkx()
    print(f"{g.number_of_nodes()} results, {g.number_of_edges()} links\n")

    betweenness = nx.betweenness_centrality(g)
    top = sorted(betweenness.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print("Bottlenecks (betweenness centrality):")
    for node_id, score in top:
        print(f"  {score:.3f}  {node_id:20} {g.nodes[node_id]['label']}")

    print("\nPathways through each outcome:")
    for node in model.nodes:
        if node.level not in (Level.OUTCOME, Level.IMPACT):
            continue
        through = [p.id for p in graph.pathways_to(node.id)]
        print(f"  {len(through)}  {node.id:20} {', '.join(through) or '-'}")

    print("\nLinks resting on a contradicted-or-mixed assumption:")
    shaky_status = (AssumptionStatus.CONTRADICTED, AssumptionStatus.MIXED)
    weak = {k for k, a in assess_assumptions(model).items() if a.status in shaky_status}
    for source, target, data in sorted(g.edges(data=True)):
        shaky = sorted(set(data["assumptions"]) & weak)
        if shaky:
            print(f"  {source} -> {target}: {', '.join(shaky)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
