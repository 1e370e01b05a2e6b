"""The model index: each answer against its plain definition (networkx, or a scan of the model).

The index answers some questions with shortcuts (the cycle search over one level's links, the
at-risk walk that starts where sound chains enter the broken part, causes carried only through
what is upstream of the nodes asked about); these tests hold each shortcut to the definition.
"""

from __future__ import annotations

import gc
import warnings

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toc
from tests.graph.test_walks import upward_models
from tests.strategies import models
from toc.index import ModelIndex, forget, index_of
from toc.model import AssumptionKind, Level, Link, Model
from toc.walks import closure, cycles


def _networkx(model: Model) -> nx.DiGraph[str]:
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(n.id for n in model.nodes)
    graph.add_edges_from((link.source, link.target) for link in model.links)
    return graph


@st.composite
def broken_models(draw: st.DrawFn) -> tuple[Model, set[str]]:
    """A random model and a random set of its assumptions that the evidence breaks."""
    model = draw(st.one_of(models(), upward_models()))
    breaking = {a.id for a in model.assumptions if draw(st.booleans())}
    return model, breaking


# --- elements and direction ---------------------------------------------------------------------
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_reachability_and_cycles_are_networkx_s(model: Model) -> None:
    index, graph = ModelIndex(model), _networkx(model)
    activities = [n.id for n in model.nodes if n.level is Level.ACTIVITY]
    goals = [n.id for n in model.nodes if n.level in (Level.OUTCOME, Level.IMPACT)]
    assert index.from_activities == set(activities).union(*(nx.descendants(graph, a) for a in activities))
    assert index.reaching(goals) == set(goals).union(*(nx.ancestors(graph, g) for g in goals))
    loops = sorted(
        sorted(c)
        for c in nx.strongly_connected_components(graph)
        if len(c) > 1 or any(graph.has_edge(n, n) for n in c)
    )
    assert index.cycles == loops
    for node in model.nodes:  # networkx's order: walks visit nodes in the same order
        assert index.successors[node.id] == list(graph.successors(node.id))
        assert index.predecessors[node.id] == list(graph.predecessors(node.id))
        for depth in (0, 1, 2):
            want = set(nx.ego_graph(graph, node.id, radius=depth, undirected=True).nodes)
            assert index.neighbourhood(node.id, depth) == want


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(upward_models(), models()))
def test_the_cycle_search_over_one_level_finds_what_a_search_over_every_link_finds(model: Model) -> None:
    index = ModelIndex(model)
    assert index.cycles == cycles(index.successors, index.predecessors)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_elements_by_id_are_the_model_s(model: Model) -> None:
    index = ModelIndex(model)
    assert dict(index) == model.index()
    assert index.elements == list(model.elements())
    assert len(index) == len(model.index())
    assert index.ranks == {n.id: n.level.rank for n in model.nodes}
    assert index.link_ranks == [
        (link, index.ranks[link.source], index.ranks[link.target]) for link in model.links
    ]
    assert index.into_results == [link for link in model.links if index.ranks[link.target] >= 2]


# --- what a link rests on -----------------------------------------------------------------------
def _qualifying(model: Model, link: Link) -> set[str]:
    return set(link.assumptions) | {a.id for a in model.assumptions if link.id in a.applies_to}


def _rests_on(model: Model, link: Link) -> list[str]:
    """The definition in toc.index's docstring, scanning every assumption and link."""
    named = {aid for other in model.links for aid in other.assumptions}
    source = next((n for n in model.nodes if n.id == link.source), None)
    ids = _qualifying(model, link)
    for a in model.assumptions:
        if link.target in a.applies_to:
            ids.add(a.id)
        wide = a.kind is AssumptionKind.CONDITION and not a.applies_to and a.id not in named
        if wide and source is not None and source.level is Level.ACTIVITY:
            ids.add(a.id)
    return [a.id for a in model.assumptions if a.id in ids]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_rests_on_is_its_definition(model: Model) -> None:
    index = ModelIndex(model)
    for link in model.links:
        assert set(index.link_assumptions[link.id]) == _qualifying(model, link)
        assert index.link_assumptions[link.id][: len(link.assumptions)] == link.assumptions
        assert index.rests_on(link) == _rests_on(model, link)
    for a in model.assumptions:
        want = [link.id for link in model.links if a.id in _qualifying(model, link)]
        assert index.assumption_links.get(a.id, []) == want


# --- broken links and what is at risk -----------------------------------------------------------
def _sound_successors(model: Model, broken: set[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {n.id: [] for n in model.nodes}
    for link in model.links:
        if link.id not in broken:
            out[link.source].append(link.target)
    return out


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken_models())
def test_at_risk_is_every_chain_broken(case: tuple[Model, set[str]]) -> None:
    model, breaking = case
    index = ModelIndex(model)
    breakage = index.breakage(breaking)
    links = {link.id: link for link in model.links}
    for link in model.links:  # broken: something it rests on breaks
        causes = breakage.links.get(link.id, [])
        assert set(causes) == {a for a in _rests_on(model, link) if a in breaking}
        assert len(causes) == len(set(causes))
    assert list(breakage.links) == [link.id for link in model.links if link.id in breakage.links]
    successors = {n.id: [x.target for x in model.links if x.source == n.id] for n in model.nodes}
    downstream = closure([links[i].target for i in breakage.links], successors)
    assert breakage.downstream == downstream
    activities = [n.id for n in model.nodes if n.level is Level.ACTIVITY]
    reached = closure(activities, successors)
    sound = closure(activities, _sound_successors(model, set(breakage.links)))
    assert breakage.at_risk == (downstream & reached) - sound


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken_models())
def test_causes_are_the_assumptions_behind_the_broken_links_upstream(case: tuple[Model, set[str]]) -> None:
    model, breaking = case
    index = ModelIndex(model)
    breakage = index.breakage(breaking)
    every = index.causes(breakage)
    assert set(every) == breakage.downstream
    for node_id in breakage.downstream:
        upstream = index.reaching([node_id])
        want = {a for link_id, names in breakage.links.items() if index.links[link_id].target in upstream
                for a in names}  # fmt: skip
        assert set(every[node_id]) == want
    # asking only about some nodes (and what is upstream of them) names the same first three
    first_three = index.causes(breakage, limit=3)
    for node_id in breakage.downstream:
        wanted = index.reaching([node_id])
        assert index.causes(breakage, wanted, limit=3)[node_id] == first_three[node_id]


# --- sharing --------------------------------------------------------------------------------------
def test_one_index_per_model_while_it_lives() -> None:
    model = toc.load("examples/small.yaml")
    index = index_of(model)
    assert index_of(model) is index
    assert toc.TocGraph(model).index is index
    copy = model.model_copy()
    assert index_of(copy) is not index
    model.links = [*model.links[:-1]]  # a list replaced: a fresh index
    fresh = index_of(model)
    assert fresh is not index
    assert len(fresh.links) == len(index.links) - 1
    forget(model)
    assert index_of(model) is not fresh
    from toc import index as module

    before = len(module._INDEXES)
    del model, copy, index, fresh
    gc.collect()
    assert len(module._INDEXES) == before - 2  # the model and its copy are gone, and their indexes


def test_at_risk_is_the_old_name_of_downstream_of_assumption() -> None:
    graph = toc.TocGraph(toc.load("examples/small.yaml"))
    aid = graph.model.assumptions[0].id
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert graph.at_risk(aid) == graph.downstream_of_assumption(aid)
    assert [w.category for w in caught] == [DeprecationWarning]
