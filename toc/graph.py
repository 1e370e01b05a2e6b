"""The causal graph of a model: networkx underneath, questions in the evaluator's words.

Nodes are result ids; an edge ``A → B`` carries the links from A to B (usually one).
Nothing here changes the model; a :class:`TocGraph` is a snapshot of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import networkx as nx

from toc.model import Assumption, Level, Link, Model, Node, Pathway

__all__ = ["TocGraph"]


class TocGraph:
    """Queries over the results chain: upstream, downstream, pathways, what rests on an assumption."""

    def __init__(self, model: Model, _graph: nx.DiGraph[str] | None = None) -> None:
        self.model = model
        self._nodes: dict[str, Node] = {n.id: n for n in model.nodes}
        self._links: dict[str, Link] = {link.id: link for link in model.links}
        self._assumptions: dict[str, Assumption] = {a.id: a for a in model.assumptions}
        self._resting: dict[str, list[str]] = {}
        self._qualifying: dict[str, list[str]] = {}
        for link in model.links:
            for aid in link.assumptions:
                self._rest(aid, link.id)
        for assumption in model.assumptions:
            for target in assumption.applies_to:
                if target in self._links:
                    self._rest(assumption.id, target)
        if _graph is None:
            _graph = nx.DiGraph()
            for node in model.nodes:
                _graph.add_node(node.id, level=node.level)
            for link in model.links:
                if _graph.has_edge(link.source, link.target):
                    _graph.edges[link.source, link.target]["links"].append(link.id)
                else:
                    _graph.add_edge(link.source, link.target, links=[link.id])
        self._g = _graph

    def _rest(self, assumption_id: str, link_id: str) -> None:
        links = self._resting.setdefault(assumption_id, [])
        if link_id not in links:
            links.append(link_id)
            self._qualifying.setdefault(link_id, []).append(assumption_id)

    # --- elements -------------------------------------------------------------------------
    def __contains__(self, node_id: object) -> bool:
        return node_id in self._g

    def __len__(self) -> int:
        return int(self._g.number_of_nodes())

    def node(self, node_id: str) -> Node:
        return self._nodes[node_id]

    def link(self, link_id: str) -> Link:
        return self._links[link_id]

    def nodes(self, level: Level | None = None) -> list[Node]:
        """Nodes in the graph (of one level), in model order."""
        return [n for n in self.model.nodes if n.id in self._g and (level is None or n.level is level)]

    def links(self) -> list[Link]:
        """Links whose both ends are in the graph, in model order."""
        return [link for link in self.model.links if self._g.has_edge(link.source, link.target)]

    def links_between(self, source: str, target: str) -> list[Link]:
        if not self._g.has_edge(source, target):
            return []
        return [self._links[i] for i in self._g.edges[source, target]["links"]]

    def incoming(self, node_id: str) -> list[Link]:
        return [link for s in self._g.predecessors(node_id) for link in self.links_between(s, node_id)]

    def outgoing(self, node_id: str) -> list[Link]:
        return [link for t in self._g.successors(node_id) for link in self.links_between(node_id, t)]

    # --- direction --------------------------------------------------------------------------
    def upstream(self, node_id: str) -> set[str]:
        """Everything that leads to this node."""
        return set(nx.ancestors(self._g, node_id))

    def downstream(self, node_id: str) -> set[str]:
        """Everything this node leads to."""
        return set(nx.descendants(self._g, node_id))

    def reached_from(self, sources: Iterable[str]) -> set[str]:
        """Every node reachable from ``sources`` (the sources included), in one pass."""
        return self._closure(sources, self._g.successors)

    def reaching(self, targets: Iterable[str]) -> set[str]:
        """Every node from which one of ``targets`` can be reached (the targets included)."""
        return self._closure(targets, self._g.predecessors)

    def _closure(self, starts: Iterable[str], step: Callable[[str], Iterable[str]]) -> set[str]:
        seen: set[str] = set()
        stack = [s for s in starts if s in self._g]
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(step(current))
        return seen

    def cycles(self) -> list[list[str]]:
        """Each set of nodes that lead back to themselves (strongly connected, size > 1 or a self-loop)."""
        found = []
        for component in nx.strongly_connected_components(self._g):
            if len(component) > 1 or any(self._g.has_edge(n, n) for n in component):
                found.append(sorted(component))
        return sorted(found)

    # --- assumptions ------------------------------------------------------------------------
    def assumptions_of(self, link_id: str) -> list[Assumption]:
        """The assumptions a link rests on, whether the link or the assumption names the other."""
        ids = self._qualifying.get(link_id, [])
        return [self._assumptions[i] for i in ids if i in self._assumptions]

    def links_resting_on(self, assumption_id: str) -> list[Link]:
        return [self._links[i] for i in self._resting.get(assumption_id, [])]

    def at_risk(self, assumption_id: str) -> set[str]:
        """The nodes that may fail if the assumption does not hold: the targets of the links it
        qualifies (or the nodes it names) and everything downstream of them."""
        starts = [link.target for link in self.links_resting_on(assumption_id)]
        starts += [t for t in self._assumptions[assumption_id].applies_to if t in self._nodes]
        return self.reached_from(starts)

    # --- pathways ---------------------------------------------------------------------------
    def pathway_nodes(self, pathway: Pathway) -> set[str]:
        return {
            end
            for i in pathway.links
            if i in self._links
            for end in (self._links[i].source, self._links[i].target)
        }

    def pathways_to(self, node_id: str) -> list[Pathway]:
        """Declared pathways that pass through or end at the node."""
        return [p for p in self.model.pathways if node_id in self.pathway_nodes(p)]

    def chains_to(self, node_id: str, limit: int = 1000) -> Iterator[list[str]]:
        """Simple paths from any activity to the node (at most ``limit`` of them)."""
        activities = [n.id for n in self.nodes(Level.ACTIVITY) if n.id in self.reaching([node_id])]
        count = 0
        for activity in activities:
            for path in nx.all_simple_paths(self._g, activity, node_id):
                yield list(path)
                count += 1
                if count >= limit:
                    return

    # --- views ------------------------------------------------------------------------------
    def subgraph(self, node_ids: Iterable[str]) -> TocGraph:
        """A view restricted to some nodes (and the links between them)."""
        keep = [n for n in node_ids if n in self._g]
        return TocGraph(self.model, self._g.subgraph(keep).copy())

    def neighbourhood(self, node_id: str, depth: int = 1) -> TocGraph:
        """The node and everything within ``depth`` links of it, in either direction."""
        near = nx.ego_graph(self._g, node_id, radius=depth, undirected=True)
        return self.subgraph(near.nodes)

    def pathway(self, pathway: Pathway) -> TocGraph:
        """The nodes of one pathway and the links between them."""
        return self.subgraph(self.pathway_nodes(pathway))

    def to_networkx(self) -> nx.DiGraph[str]:
        """A copy with plain attributes (level, label, links) for your own analysis."""
        out: nx.DiGraph[str] = nx.DiGraph(programme=self.model.programme.id)
        for node in self.nodes():
            out.add_node(
                node.id,
                level=node.level.value,
                label=self.model.text(node.label),
                component=node.component,
                indicators=[i.id for i in node.indicators],
            )
        for source, target, data in self._g.edges(data=True):
            links = [self._links[i] for i in data["links"]]
            out.add_edge(
                source,
                target,
                links=list(data["links"]),
                kinds=[link.kind.value for link in links],
                assumptions=sorted({a.id for link in links for a in self.assumptions_of(link.id)}),
            )
        return out

    def raw(self) -> Any:
        """The underlying networkx graph (read-only use, please)."""
        return self._g
