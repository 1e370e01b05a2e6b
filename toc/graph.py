"""The causal graph of a model: networkx underneath, questions in the evaluator's words.

Nodes are result ids; an edge ``A → B`` carries the links from A to B (usually one).
Nothing here changes the model; a :class:`TocGraph` is a snapshot of it.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from toc.index import ModelIndex, index_of
from toc.model import Assumption, Level, Link, Model, Node, Pathway
from toc.walks import Adjacency, closure, cycles, within

__all__ = ["TocGraph"]


class TocGraph:
    """Queries over the results chain: upstream, downstream, pathways, what rests on an assumption.

    The questions every part of the toolkit asks (what a link rests on, reachability, loops)
    are answered by the model's :class:`~toc.index.ModelIndex` (``graph.index``); networkx
    serves what only this class does: views (:meth:`subgraph`, :meth:`neighbourhood`), simple
    paths (:meth:`chains_to`) and :meth:`to_networkx`.
    """

    def __init__(self, model: Model, _graph: nx.DiGraph[str] | None = None) -> None:
        self.model = model
        self.index: ModelIndex = index_of(model)
        """The model's index (the whole model, also for a view)."""
        if _graph is None:
            _graph = nx.DiGraph()
            for node in model.nodes:
                _graph.add_node(node.id, level=node.level)
            for link in model.links:
                if _graph.has_edge(link.source, link.target):
                    _graph.edges[link.source, link.target]["links"].append(link.id)
                else:
                    _graph.add_edge(link.source, link.target, links=[link.id])
            self._view: tuple[Adjacency, Adjacency] | None = None
        else:  # a view: its walks stay inside it
            successors = {n: list(_graph.successors(n)) for n in _graph}
            predecessors = {n: list(_graph.predecessors(n)) for n in _graph}
            self._view = successors, predecessors
        self._g = _graph

    @property
    def _successors(self) -> Adjacency:
        return self.index.successors if self._view is None else self._view[0]

    @property
    def _predecessors(self) -> Adjacency:
        return self.index.predecessors if self._view is None else self._view[1]

    # --- elements -------------------------------------------------------------------------
    def __contains__(self, node_id: object) -> bool:
        return node_id in self._g

    def __len__(self) -> int:
        return int(self._g.number_of_nodes())

    def node(self, node_id: str) -> Node:
        return self.index.nodes[node_id]

    def link(self, link_id: str) -> Link:
        return self.index.links[link_id]

    def nodes(self, level: Level | None = None) -> list[Node]:
        """Nodes in the graph (of one level), in model order."""
        return [n for n in self.model.nodes if n.id in self._g and (level is None or n.level is level)]

    def links(self) -> list[Link]:
        """Links whose both ends are in the graph, in model order."""
        return [link for link in self.model.links if self._g.has_edge(link.source, link.target)]

    def links_between(self, source: str, target: str) -> list[Link]:
        if not self._g.has_edge(source, target):
            return []
        links = self.index.links
        return [links[i] for i in self._g.edges[source, target]["links"]]

    def incoming(self, node_id: str) -> list[Link]:
        return [link for s in self._g.predecessors(node_id) for link in self.links_between(s, node_id)]

    def outgoing(self, node_id: str) -> list[Link]:
        return [link for t in self._g.successors(node_id) for link in self.links_between(node_id, t)]

    # --- direction --------------------------------------------------------------------------
    def upstream(self, node_id: str) -> set[str]:
        """Everything that leads to this node."""
        self._known(node_id)
        return closure([node_id], self._predecessors) - {node_id}

    def downstream(self, node_id: str) -> set[str]:
        """Everything this node leads to."""
        self._known(node_id)
        return closure([node_id], self._successors) - {node_id}

    def _known(self, node_id: str) -> None:
        if node_id not in self._g:
            raise nx.NetworkXError(f"The node {node_id} is not in the digraph.")

    def reached_from(self, sources: Iterable[str]) -> set[str]:
        """Every node reachable from ``sources`` (the sources included), in one pass."""
        return closure(sources, self._successors)

    def reaching(self, targets: Iterable[str]) -> set[str]:
        """Every node from which one of ``targets`` can be reached (the targets included)."""
        return closure(targets, self._predecessors)

    def cycles(self) -> list[list[str]]:
        """Each set of nodes that lead back to themselves (strongly connected, size > 1 or a self-loop)."""
        if self._view is None:
            return [list(members) for members in self.index.cycles]
        return cycles(*self._view)

    # --- assumptions ------------------------------------------------------------------------
    def assumptions_of(self, link_id: str) -> list[Assumption]:
        """The assumptions that qualify a link (the link names them, or they name the link).

        Everything it rests on (also the assumptions on its target and the programme-wide
        conditions) is ``graph.index.rests_on(link)``."""
        assumptions = self.index.assumptions
        return [assumptions[i] for i in self.index.link_assumptions.get(link_id, ())]

    def links_resting_on(self, assumption_id: str) -> list[Link]:
        """The links the assumption qualifies (named from either side), in model order."""
        links = self.index.links
        return [links[i] for i in self.index.assumption_links.get(assumption_id, ())]

    def downstream_of_assumption(self, assumption_id: str) -> set[str]:
        """The nodes that may fail if the assumption does not hold, whatever the evidence says:
        the targets of the links it qualifies (or the nodes it names) and everything downstream
        of them. (What the evidence puts at risk is :func:`toc.assessment.risk.results_at_risk`.)"""
        return self.index.downstream_of_assumption(assumption_id)

    def at_risk(self, assumption_id: str) -> set[str]:
        """Deprecated name of :meth:`downstream_of_assumption`.

        "At risk" now means one thing everywhere: every chain to a result passes a link the
        evidence breaks (:func:`toc.assessment.risk.results_at_risk`). This method never asked
        the evidence; it is kept, with a warning, for code written against the old name."""
        warnings.warn(
            "TocGraph.at_risk is renamed downstream_of_assumption ('at risk' is what "
            "toc.assessment.risk.results_at_risk finds)",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.downstream_of_assumption(assumption_id)

    # --- pathways ---------------------------------------------------------------------------
    def pathway_nodes(self, pathway: Pathway) -> set[str]:
        return self.index.pathway_nodes(pathway)

    def pathways_to(self, node_id: str) -> list[Pathway]:
        """Declared pathways that pass through or end at the node."""
        return [p for p in self.model.pathways if node_id in self.pathway_nodes(p)]

    def chains_to(self, node_id: str, limit: int = 1000) -> Iterator[list[str]]:
        """Simple paths from any activity to the node (at most ``limit`` of them)."""
        reaching = self.reaching([node_id])
        activities = [n.id for n in self.nodes(Level.ACTIVITY) if n.id in reaching]
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
        self._known(node_id)
        return self.subgraph(within(node_id, depth, self._successors, self._predecessors))

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
            links = [self.index.links[i] for i in data["links"]]
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
