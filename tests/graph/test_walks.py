"""The walks behind the model index (reachability, cycles) give exactly what networkx gives."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from toc.model import Level, Model
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
    successors, predecessors = adjacency((n.id for n in model.nodes), model.links)
    assert successors == {"a": ["ghost"], "ghost": ["a"]}
    assert predecessors == {"a": ["ghost"], "ghost": ["a"]}
    assert cycles(successors, predecessors) == [["a", "ghost"]]
