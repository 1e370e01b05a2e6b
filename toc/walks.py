"""Reachability and cycles on plain adjacency dicts: the algorithms behind :mod:`toc.index`.

Every graph question of the model is asked of :class:`toc.index.ModelIndex` (and, for its
views, :class:`toc.graph.TocGraph`); both answer reachability and cycles with these
functions, so each has one implementation. Plain dicts of lists, not networkx: building a
networkx graph cost more than the graph rules themselves on a large model, and keeping it
out keeps ``toc check`` from importing it at all.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from itertools import compress
from operator import attrgetter, not_

from toc.model import Link

__all__ = ["Adjacency", "adjacency", "closure", "cycles", "within"]

Adjacency = dict[str, list[str]]
"""Node id → its neighbours in one direction."""


def adjacency(node_ids: Iterable[str], links: Sequence[Link]) -> tuple[Adjacency, Adjacency]:
    """(successors, predecessors) of every node, each neighbour once, in the order of the first
    link between them (networkx's order, so that walks visit nodes in the same order)."""
    ids = list(node_ids)
    forward: Adjacency = {node_id: [] for node_id in ids}
    backward: Adjacency = {node_id: [] for node_id in ids}
    after, before = forward.get, backward.get  # the two maps always have the same keys
    for source, target in zip(map(_SOURCE, links), map(_TARGET, links)):  # noqa: B905 - same list
        nexts, previous = after(source), before(target)
        if nexts is None or previous is None:  # a model built without the loader
            for end in (source, target):
                forward.setdefault(end, [])
                backward.setdefault(end, [])
            nexts, previous = forward[source], backward[target]
        nexts.append(target)
        previous.append(source)
    # each neighbour once, at its first link (most nodes have one: they are skipped in C)
    for step in (forward, backward):
        for node_id in list(compress(step, map(_MORE_THAN_ONE, map(len, step.values())))):
            step[node_id] = list(dict.fromkeys(step[node_id]))
    return forward, backward


_SOURCE, _TARGET = attrgetter("source"), attrgetter("target")
_MORE_THAN_ONE = (1).__lt__


def closure(
    starts: Iterable[str], step: Adjacency, cut: Mapping[str, Container[str]] | None = None
) -> set[str]:
    """Every node reachable from ``starts`` along ``step`` (the starts included), not stepping
    from a node to the neighbours ``cut`` names for it (the ends of broken links)."""
    seen: set[str] = set()
    stack = [s for s in starts if s in step]
    add, pop, extend = seen.add, stack.pop, stack.extend
    if not cut:
        while stack:
            current = pop()
            if current not in seen:
                add(current)
                extend(step[current])
        return seen
    gone = cut.get
    while stack:
        current = pop()
        if current not in seen:
            add(current)
            ends = gone(current)
            extend(step[current] if ends is None else [n for n in step[current] if n not in ends])
    return seen


def within(start: str, depth: int, *steps: Adjacency) -> set[str]:
    """``start`` and every node at most ``depth`` steps from it along any of ``steps`` (pass
    the successors and the predecessors for "in either direction")."""
    seen = {start}
    frontier = [start]
    for _ in range(depth):
        reached = []
        for node in frontier:
            for step in steps:
                for nxt in step.get(node, ()):
                    if nxt not in seen:
                        seen.add(nxt)
                        reached.append(nxt)
        frontier = reached
    return seen


def cycles(successors: Adjacency, predecessors: Adjacency | None = None) -> list[list[str]]:
    """Each set of nodes that lead back to themselves (a strongly connected component of more than
    one node, or a node linked to itself), sorted, in sorted order (as ``TocGraph.cycles``).
    ``predecessors``, the other half of :func:`adjacency`, saves counting the in-degrees."""
    successors = _on_cycles(successors, predecessors)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for root in successors:
        if root in index:
            continue
        # iterative Tarjan: each frame is a node and the position of its next successor
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            nexts = successors[node]
            while i < len(nexts):
                nxt = nexts[i]
                i += 1
                if nxt not in index:
                    work.append((node, i))
                    work.append((nxt, 0))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in successors[node]:
                        found.append(sorted(component))
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
    return sorted(found)


def _on_cycles(successors: Adjacency, predecessors: Adjacency | None = None) -> Adjacency:
    """The part of the graph that can hold a cycle: what is left after repeatedly removing nodes
    that nothing leads to (Kahn). On an acyclic results chain, nothing is left."""
    if predecessors is not None:  # each neighbour once both ways: the in-degrees are their lengths
        incoming = dict(zip(predecessors, map(len, predecessors.values()), strict=True))
    else:
        incoming = dict.fromkeys(successors, 0)
        for nexts in successors.values():
            for nxt in nexts:
                incoming[nxt] += 1
    free = list(compress(incoming, map(not_, incoming.values())))
    while free:
        node = free.pop()
        del incoming[node]
        for nxt in successors[node]:
            incoming[nxt] -= 1
            if incoming[nxt] == 0:
                free.append(nxt)
    return {node: [n for n in successors[node] if n in incoming] for node in incoming}
