"""The rules' own reachability and cycle search give exactly what the networkx-backed TocGraph gives."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.strategies import models
from toc.graph import TocGraph
from toc.model import Level, Model
from toc.rules.base import Context
from toc.walks import closure, cycles

NODES = [f"n{i}" for i in range(9)]
edges = st.lists(st.tuples(st.sampled_from(NODES), st.sampled_from(NODES)), max_size=30)


def _both(pairs: list[tuple[str, str]]) -> tuple[dict[str, list[str]], nx.DiGraph[str]]:
    successors: dict[str, list[str]] = {n: [] for n in NODES}
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(NODES)
    for a, b in pairs:
        if b not in successors[a]:
            successors[a].append(b)
        graph.add_edge(a, b)
    return successors, graph


@settings(max_examples=100, deadline=None)
@given(edges)
def test_cycles_are_the_strongly_connected_loops(pairs: list[tuple[str, str]]) -> None:
    successors, graph = _both(pairs)
    want = sorted(
        sorted(c)
        for c in nx.strongly_connected_components(graph)
        if len(c) > 1 or any(graph.has_edge(n, n) for n in c)
    )
    assert cycles(successors) == want
    predecessors: dict[str, list[str]] = {n: [] for n in NODES}
    for a, nexts in successors.items():
        for b in nexts:
            predecessors[b].append(a)
    assert cycles(successors, predecessors) == want


@settings(max_examples=100, deadline=None)
@given(edges, st.lists(st.sampled_from(NODES), max_size=4))
def test_closure_is_what_the_starts_reach(pairs: list[tuple[str, str]], starts: list[str]) -> None:
    successors, graph = _both(pairs)
    assert closure(starts, successors) == set(starts).union(*(nx.descendants(graph, s) for s in starts))


def test_a_long_chain_and_a_long_loop_do_not_recurse() -> None:
    n = 5000
    chain = {f"n{i}": [f"n{i + 1}"] for i in range(n)} | {f"n{n}": []}
    assert cycles(chain) == []
    loop = chain | {f"n{n}": ["n0"]}
    assert cycles(loop) == [sorted(loop)]


@settings(max_examples=40, deadline=None)
@given(models())
def test_context_walks_agree_with_toc_graph(model: Model) -> None:
    ctx, graph = Context(model), TocGraph(model)
    activities = [n.id for n in model.nodes if n.level is Level.ACTIVITY]
    goals = [n.id for n in model.nodes if n.level in (Level.OUTCOME, Level.IMPACT)]
    assert ctx.from_activities == graph.reached_from(activities)
    assert ctx.reaching(goals) == graph.reaching(goals)
    assert cycles(ctx.successors) == graph.cycles()
    assert cycles(ctx.successors, ctx.predecessors) == graph.cycles()
    for node in model.nodes:
        assert ctx.successors[node.id] == list(graph.raw().successors(node.id))


@settings(max_examples=100, deadline=None)
@given(edges, edges, st.lists(st.sampled_from(NODES), max_size=4))
def test_a_cut_closure_is_the_closure_without_the_cut_edges(
    pairs: list[tuple[str, str]], cut_pairs: list[tuple[str, str]], starts: list[str]
) -> None:
    successors, graph = _both(pairs)
    cut: dict[str, set[str]] = {}
    for a, b in cut_pairs:
        cut.setdefault(a, set()).add(b)
    graph.remove_edges_from(cut_pairs)
    want = set(starts).union(*(nx.descendants(graph, s) for s in starts))
    assert closure(starts, successors, cut) == want


LEVELS = [Level.ACTIVITY, Level.OUTPUT, Level.OUTCOME, Level.IMPACT]


@st.composite
def upward_models(draw: st.DrawFn) -> Model:
    """Models whose links never go down a level (the cycle rule's short search), with loops
    inside a level now and then."""
    levels = draw(st.lists(st.sampled_from(LEVELS), min_size=2, max_size=9))
    nodes = [{"id": f"n{i}", "level": level, "label": f"N{i}"} for i, level in enumerate(levels)]
    pairs = draw(st.lists(st.tuples(st.integers(0, len(levels) - 1), st.integers(0, len(levels) - 1))))
    links = [
        {"from": f"n{a}", "to": f"n{b}"} for a, b in dict.fromkeys(pairs) if levels[a].rank <= levels[b].rank
    ]
    return Model.model_validate({"programme": {"id": "p", "title": "P"}, "nodes": nodes, "links": links})


@settings(max_examples=150, deadline=None)
@given(st.one_of(upward_models(), models()))
def test_the_cycle_rule_searches_where_loops_can_be(model: Model) -> None:
    """The cycle rule's search over the links within one level (when no link goes down) finds
    the loops a search over the whole graph finds."""
    from toc.rules.logic import _where_loops_can_be

    ctx = Context(model)
    assert cycles(*_where_loops_can_be(ctx)) == cycles(ctx.successors, ctx.predecessors)


def test_adjacency_of_a_model_built_in_python_with_an_undefined_end() -> None:
    """The loader refuses a link to an undefined node; a model built in Python may have one,
    and the walks still see both ends."""
    from toc.walks import adjacency

    model = Model.model_validate(
        {
            "programme": {"id": "p", "title": "P"},
            "nodes": [{"id": "a", "level": "activity", "label": "A"}],
            "links": [
                {"from": "a", "to": "ghost"},
                {"from": "ghost", "to": "a"},
                {"from": "a", "to": "ghost"},
            ],
        }
    )
    successors, predecessors = adjacency(model)
    assert successors == {"a": ["ghost"], "ghost": ["a"]}
    assert predecessors == {"a": ["ghost"], "ghost": ["a"]}
    assert cycles(successors, predecessors) == [["a", "ghost"]]
