"""One index of a model: every question about its shape, answered in one place.

Which element has an id, what links to what, which assumptions a link rests on, what
is reachable, what loops, which links the evidence breaks and what is therefore at
risk. The rules' :class:`~toc.rules.base.Context`, :class:`~toc.graph.TocGraph`, the
assessment, the drawings and the report all ask a :class:`ModelIndex`, so each idea
has one definition (and one name). Each answer is built from plain dicts and lists
the first time it is asked for, and kept.

:func:`index_of` gives the index of a model, made once and shared for as long as the
model lives. The model itself knows nothing of it: the cache lives here, keyed on the
model object (see :func:`index_of` for what that means after a model is changed).
Pure Python: no networkx (which only :class:`~toc.graph.TocGraph` uses, for views and
simple paths), so ``toc check`` never loads it.

Vocabulary (the same in every module that asks):

* an assumption **qualifies** a link when either names the other (the link lists it in
  ``assumptions:``, or it lists the link in ``applies_to:``): :attr:`ModelIndex.link_assumptions`;
* a link **rests on** what qualifies it, the assumptions that name its target node, and, for
  a link out of an activity, the programme-wide conditions: :meth:`ModelIndex.rests_on`;
* a link is **broken** when something it rests on breaks (the assessment says which
  assumptions do): :meth:`ModelIndex.breakage`;
* a result is **at risk** when a chain of links from an activity reaches it and every such
  chain now passes a broken link; it is **affected** when it lies downstream of a broken link
  but an unbroken chain still reaches it. What lies downstream of one assumption, whatever the
  evidence says, is :meth:`ModelIndex.downstream_of_assumption`;
* a node is **observed** when evidence about it supports it (and was found), or its verdict
  says achieved or on track: :attr:`ModelIndex.observed`. An at-risk result that is observed
  was reached by a route the theory does not describe (toc.assessment.risk).
"""

from __future__ import annotations

import weakref
from collections.abc import Collection, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, repeat
from operator import attrgetter, not_, or_
from typing import TypeVar

from toc.model import (
    SECTIONS,
    Assumption,
    AssumptionKind,
    Evidence,
    Judgement,
    Level,
    Link,
    Model,
    Node,
    Pathway,
    Stance,
)
from toc.model.root import AnyElement
from toc.walks import Adjacency, adjacency, closure, cycles, within

E = TypeVar("E", Node, Link, Assumption)

_HAPPENED = (Judgement.ACHIEVED, Judgement.ON_TRACK)

__all__ = ["Breakage", "ModelIndex", "forget", "index_of"]


@dataclass(frozen=True, slots=True)
class Breakage:
    """What the broken links do to the results chain (see :meth:`ModelIndex.breakage`)."""

    links: dict[str, list[str]]
    """Broken link id → the assumptions that break it (those that qualify it, then those on its
    target node, then the programme-wide conditions), in model order of the links."""
    downstream: set[str]
    """Every node a broken link leads to, and everything downstream of those."""
    at_risk: set[str]
    """The nodes some chain from an activity reaches, every such chain now passing a broken link."""


class ModelIndex(Mapping[str, AnyElement]):
    """A model's elements by id (a read-only mapping, as ``model.index()``) and every graph question.

    Build one with :func:`index_of` (shared) or ``ModelIndex(model)`` (private). It is a
    snapshot: it keeps the model's lists, not the model.
    """

    def __init__(self, model: Model) -> None:
        self._sections: tuple[list[AnyElement], ...] = tuple(getattr(model, s) for s in SECTIONS)
        self._sizes = tuple(map(len, self._sections))
        self._node_list: list[Node] = model.nodes
        self._link_list: list[Link] = model.links
        self._assumption_list: list[Assumption] = model.assumptions
        self._breakages: dict[frozenset[str], Breakage] = {}

    def describes(self, model: Model) -> bool:
        """Whether this index was made from ``model``'s present lists (same objects, same lengths)."""
        return all(
            mine is getattr(model, section) and len(mine) == size
            for mine, section, size in zip(self._sections, SECTIONS, self._sizes, strict=True)
        )

    # --- elements by id -------------------------------------------------------------------
    @cached_property
    def elements(self) -> list[AnyElement]:
        """Every element in model order (``model.elements()``: each node's indicators follow it)."""
        out: list[AnyElement] = []
        extend = out.extend
        for section, items in zip(SECTIONS, self._sections, strict=True):
            if section != "nodes":
                extend(items)
                continue
            for node in self._node_list:
                out.append(node)
                if node.indicators:
                    extend(node.indicators)
        return out

    @cached_property
    def _by_id(self) -> dict[str, AnyElement]:
        return dict(zip(map(_ID, self.elements), self.elements, strict=True))

    def __getitem__(self, element_id: str) -> AnyElement:
        return self._by_id[element_id]

    def get(self, element_id: str, default: AnyElement | None = None) -> AnyElement | None:  # type: ignore[override]
        return self._by_id.get(element_id, default)

    def __contains__(self, element_id: object) -> bool:
        return element_id in self._by_id

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    @cached_property
    def nodes(self) -> dict[str, Node]:
        """Node id → node, in model order."""
        return _by_id(self._node_list)

    @cached_property
    def links(self) -> dict[str, Link]:
        """Link id → link, in model order."""
        return _by_id(self._link_list)

    @cached_property
    def assumptions(self) -> dict[str, Assumption]:
        """Assumption id → assumption, in model order."""
        return _by_id(self._assumption_list)

    @cached_property
    def ranks(self) -> dict[str, int]:
        """Node id → the rank of its level (activity 0 … impact 3), in model order."""
        nodes = self._node_list
        rank = {level: level.rank for level in Level}.__getitem__
        return dict(zip(map(_ID, nodes), map(rank, map(_LEVEL, nodes)), strict=True))

    def in_model_order(self, node_ids: Collection[str]) -> list[str]:
        """``node_ids`` in the order the model lists the nodes."""
        return list(filter(node_ids.__contains__, self.ranks)) if node_ids else []

    @cached_property
    def activities(self) -> list[str]:
        """The ids of the activities, in model order."""
        return [node_id for node_id, rank in self.ranks.items() if rank == 0]

    @cached_property
    def results(self) -> set[str]:
        """The ids of the outcomes and impacts."""
        return {node_id for node_id, rank in self.ranks.items() if rank >= _OUTCOME_RANK}

    @cached_property
    def linked(self) -> set[str]:
        """The nodes some link starts or ends at."""
        links = self._link_list
        out = set(map(_SOURCE, links))
        out.update(map(_TARGET, links))
        return out

    @cached_property
    def link_ranks(self) -> list[tuple[Link, int, int]]:
        """(link, rank of its source, rank of its target) for every link between two nodes, in model order."""
        get = self.ranks.get
        links = self._link_list
        ends = zip(links, map(get, map(_SOURCE, links)), map(get, map(_TARGET, links)), strict=True)
        return [(link, low, high) for link, low, high in ends if low is not None and high is not None]

    @cached_property
    def into_results(self) -> list[Link]:
        """The links into an outcome or impact (where the programme stops controlling what follows)."""
        results, links = self.results, self._link_list
        return list(compress(links, map(results.__contains__, map(_TARGET, links))))

    def pathway_nodes(self, pathway: Pathway) -> set[str]:
        """The ends of the pathway's links."""
        links = self.links
        return {end for i in pathway.links if i in links for end in (links[i].source, links[i].target)}

    # --- direction ------------------------------------------------------------------------
    @cached_property
    def _adjacency(self) -> tuple[Adjacency, Adjacency]:
        return adjacency(map(_ID, self._node_list), self._link_list)

    @property
    def successors(self) -> Adjacency:
        """Node id → the nodes its links lead to (each once, in the order of the first link)."""
        return self._adjacency[0]

    @property
    def predecessors(self) -> Adjacency:
        """Node id → the nodes whose links lead to it."""
        return self._adjacency[1]

    def reached_from(self, sources: Iterable[str]) -> set[str]:
        """Every node reachable from ``sources`` (the sources included)."""
        return closure(sources, self.successors)

    def reaching(self, targets: Iterable[str]) -> set[str]:
        """Every node from which one of ``targets`` can be reached (the targets included)."""
        return closure(targets, self.predecessors)

    def neighbourhood(self, node_id: str, depth: int = 1) -> set[str]:
        """The node and every node within ``depth`` links of it, in either direction."""
        return within(node_id, depth, self.successors, self.predecessors)

    @cached_property
    def from_activities(self) -> set[str]:
        """Every node some activity leads to (the activities included)."""
        return self.reached_from(self.activities)

    @cached_property
    def cycles(self) -> list[list[str]]:
        """Each set of nodes that lead back to themselves (a strongly connected component of more
        than one node, or a node linked to itself), sorted, in sorted order."""
        return cycles(*self._where_loops_can_be())

    def _where_loops_can_be(self) -> tuple[Adjacency, Adjacency | None]:
        """The links a loop can be made of, as (successors, predecessors or None).

        Along a loop the level goes up as often as it goes down. So when no link goes down, a
        loop can only join nodes of one level by links within that level: the search needs
        only those few links (tests/test_index.py holds it to the search over every link).
        """
        link_ranks = self.link_ranks
        if len(link_ranks) != len(self._link_list) or any(low > high for _, low, high in link_ranks):
            return self.successors, self.predecessors
        successors: Adjacency = {}
        for link, low, high in link_ranks:
            if low == high:
                successors.setdefault(link.source, []).append(link.target)
                successors.setdefault(link.target, [])
        return successors, None

    # --- what a link rests on -------------------------------------------------------------
    @cached_property
    def link_assumptions(self) -> dict[str, list[str]]:
        """Link id → the ids of the assumptions that qualify it (the link names them, then those
        naming the link, in model order), for every link."""
        known = self.assumptions
        out: dict[str, list[str]] = {}
        for link in self._link_list:
            names = link.assumptions
            if not names:
                out[link.id] = []
            elif len(names) == 1 and names[0] in known:
                out[link.id] = list(names)
            else:
                out[link.id] = [a for a in dict.fromkeys(names) if a in known]
        for assumption in self._assumption_list:
            for target in assumption.applies_to:
                qualified = out.get(target)
                if qualified is not None and assumption.id not in qualified:
                    qualified.append(assumption.id)
        return out

    @cached_property
    def assumption_links(self) -> dict[str, list[str]]:
        """Assumption id → the ids of the links it qualifies, in model order."""
        out: dict[str, list[str]] = {}
        for link_id, names in self.link_assumptions.items():
            for name in names:
                out.setdefault(name, []).append(link_id)
        return out

    @cached_property
    def node_assumptions(self) -> dict[str, list[str]]:
        """Node id → the ids of the assumptions that name it, in model order."""
        nodes = self.nodes
        out: dict[str, list[str]] = {}
        for assumption in self._assumption_list:
            for target in assumption.applies_to:
                if target in nodes:
                    out.setdefault(target, []).append(assumption.id)
        return out

    @cached_property
    def programme_wide(self) -> list[str]:
        """The conditions that name no node or link and that no link names: pre-conditions of
        the whole programme, on which every link out of an activity rests."""
        qualifying = self.assumption_links
        return [
            a.id
            for a in self._assumption_list
            if a.kind is AssumptionKind.CONDITION and not a.applies_to and a.id not in qualifying
        ]

    @cached_property
    def _assumption_order(self) -> dict[str, int]:
        return {assumption_id: i for i, assumption_id in enumerate(self.assumptions)}

    def rests_on(self, link: Link) -> list[str]:
        """The ids of everything ``link`` rests on (see the module docstring), in model order."""
        ids = set(self.link_assumptions.get(link.id, ()))
        ids.update(self.node_assumptions.get(link.target, ()))
        if self.ranks.get(link.source) == 0:
            ids.update(self.programme_wide)
        order = self._assumption_order
        return sorted(ids, key=order.__getitem__)

    def downstream_of_assumption(self, assumption_id: str) -> set[str]:
        """The nodes that may fail if the assumption does not hold, whatever the evidence says:
        the targets of the links it qualifies, the nodes it names, and everything downstream."""
        starts = [self.links[i].target for i in self.assumption_links.get(assumption_id, ())]
        starts += [t for t in self.assumptions[assumption_id].applies_to if t in self.nodes]
        return self.reached_from(starts)

    @cached_property
    def observed(self) -> set[str]:
        """The nodes something says came about: supporting evidence about the node (found), or
        the node's verdict (achieved or on track)."""
        seen = {n.id for n in self._node_list if n.verdict is not None and n.verdict.status in _HAPPENED}
        nodes = self.nodes
        evidence: list[Evidence] = self._sections[SECTIONS.index("evidence")]  # type: ignore[assignment]
        for item in evidence:
            if item.stance is Stance.SUPPORTS and item.found:
                seen.update(a for a in item.about if a in nodes)
        return seen

    # --- broken links and what is at risk -------------------------------------------------
    def breakage(self, breaking: Collection[str]) -> Breakage:
        """Which links break when the assumptions ``breaking`` (ids) break, and what follows:
        what lies downstream of them, and which nodes are at risk (module docstring)."""
        key = frozenset(breaking)
        found = self._breakages.get(key)
        if found is None:
            broken = self._broken_links(key)
            links = self._link_list
            hit = list(compress(links, map(broken.__contains__, map(_ID, links)))) if broken else []
            downstream = self.reached_from(map(_TARGET, hit))
            found = Breakage(broken, downstream, self._at_risk(hit, downstream))
            self._breakages[key] = found
        return found

    def _broken_links(self, bad: frozenset[str]) -> dict[str, list[str]]:
        if not bad:
            return {}
        qualifying, on_node = self.link_assumptions, self.node_assumptions
        bad_on_node = {node: names for node, names in on_node.items() if not bad.isdisjoint(names)}
        whole = [a for a in self.programme_wide if a in bad]
        starts = set(self.activities) if whole else set()
        links = self._link_list
        # few links break: pick the candidates with passes in C, then look only at those
        hit = map(not_, map(bad.isdisjoint, map(qualifying.get, map(_ID, links), repeat(()))))
        if bad_on_node:
            hit = map(or_, hit, map(bad_on_node.__contains__, map(_TARGET, links)))
        if whole:
            hit = map(or_, hit, map(starts.__contains__, map(_SOURCE, links)))
        out: dict[str, list[str]] = {}
        for link in compress(links, hit):
            names = qualifying.get(link.id)
            causes = [a for a in names if a in bad] if names else []
            if link.target in bad_on_node:
                causes += [a for a in bad_on_node[link.target] if a in bad]
            if whole and link.source in starts:
                causes += whole
            if causes:
                out[link.id] = list(dict.fromkeys(causes))
        return out

    def _at_risk(self, broken: list[Link], downstream: set[str]) -> set[str]:
        """The ``downstream`` nodes an activity reaches but no chain of unbroken links does
        (``broken``: the broken links).

        Plainly: ``downstream & from_activities - closure(activities, sound links)``. A chain of
        unbroken links enters the downstream part (which it cannot leave: it holds everything
        downstream of itself) at an activity, or by an unbroken link from a reached node outside
        it; so the walk starts there and stays inside: a few nodes, not the whole model.
        tests/test_index.py holds this to the plain definition.
        """
        candidates = downstream & self.from_activities
        if not candidates:
            return set()
        cut: dict[str, set[str]] = {}  # source → the targets its broken links lead to
        for link in broken:
            cut.setdefault(link.source, set()).add(link.target)
        successors, predecessors = self.successors, self.predecessors
        if len(self._link_list) != sum(map(len, successors.values())):
            # two links join some pair of nodes: the pair stays joined while one of them is sound
            sound = self._sound_successors({link.id for link in broken})
            return candidates - closure(self.activities, sound)
        reached, rank = self.from_activities, self.ranks.get
        entries = [
            node_id
            for node_id in downstream
            if rank(node_id) == 0
            or any(
                source in reached and source not in downstream and node_id not in cut.get(source, ())
                for source in predecessors[node_id]
            )
        ]
        return candidates - closure(entries, successors, cut)

    def _sound_successors(self, broken: Container[str]) -> Adjacency:
        """Node id → the nodes its unbroken links lead to."""
        sound: Adjacency = {node_id: [] for node_id in self.successors}
        for link in self._link_list:
            if link.id not in broken:
                sound[link.source].append(link.target)
        return sound

    def causes(
        self, breakage: Breakage, wanted: Collection[str] | None = None, limit: int | None = None
    ) -> dict[str, list[str]]:
        """Node id → the assumptions behind the broken links upstream of it, for each node
        downstream of a broken link (only the ``wanted`` ones, if given: pass everything upstream
        of the nodes you ask about), at most ``limit`` per node, in the order a walk carrying them
        forward from each broken link in turn meets them.

        A node outside ``wanted`` passes its causes on only to nodes outside it, and the walk
        finishes with it before it returns to anything else: leaving it out changes no wanted node.
        """
        known_of: dict[str, dict[str, None]] = {}
        stack: list[str] = []
        links = self.links
        for link_id, names in breakage.links.items():
            target = links[link_id].target
            if wanted is not None and target not in wanted:
                continue
            if _learn(known_of.setdefault(target, {}), names, limit):
                stack.append(target)
        successors = self.successors
        while stack:
            current = stack.pop()
            for nxt in successors[current]:
                if wanted is not None and nxt not in wanted:
                    continue
                if _learn(known_of.setdefault(nxt, {}), known_of[current], limit):
                    stack.append(nxt)
        return {node_id: list(known) for node_id, known in known_of.items()}


def _learn(known: dict[str, None], causes: Iterable[str], limit: int | None) -> bool:
    """Add ``causes`` to ``known`` (up to ``limit`` in all); whether any was new."""
    changed = False
    for cause in causes:
        if cause not in known and (limit is None or len(known) < limit):
            known[cause] = None
            changed = True
    return changed


_ID, _LEVEL = attrgetter("id"), attrgetter("level")
_SOURCE, _TARGET = attrgetter("source"), attrgetter("target")
_OUTCOME_RANK = Level.OUTCOME.rank

_INDEXES: dict[int, ModelIndex] = {}
"""id(model) → its index, while the model lives (a finalizer drops the entry)."""


def index_of(model: Model) -> ModelIndex:
    """The model's shared index, made on first use and kept while the model lives.

    Keyed on the model object: a copy (``model.model_copy(…)``) gets its own. A model whose
    lists are replaced or grow or shrink gets a fresh index; one whose elements are edited in
    place keeps the old answers: call :func:`forget` after such an edit.
    """
    key = id(model)
    found = _INDEXES.get(key)
    if found is not None and found.describes(model):
        return found
    if found is None:
        weakref.finalize(model, _INDEXES.pop, key, None)
    found = _INDEXES[key] = ModelIndex(model)
    return found


def forget(model: Model) -> None:
    """Drop the model's shared index (the next :func:`index_of` makes a new one)."""
    _INDEXES.pop(id(model), None)


def _by_id(elements: Sequence[E]) -> dict[str, E]:
    """Id → element, in the order given (the ids read in C)."""
    return dict(zip(map(_ID, elements), elements, strict=True))
