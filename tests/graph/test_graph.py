"""TocGraph: the questions an evaluator asks of the results chain."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

import toc
from tests.strategies import models
from toc.graph import TocGraph

MODEL = """\
toc: 1
programme: {id: p, title: P}
nodes:
  - {id: a1, level: activity, label: Train promoters}
  - {id: a2, level: activity, label: Buy filters}
  - {id: o1, level: output, label: Promoters trained}
  - {id: o2, level: output, label: Filters distributed}
  - {id: oc, level: outcome, label: Households use filters, indicators: [{id: ind, label: Use}]}
  - {id: im, level: impact, label: Fewer illnesses}
  - {id: lone, level: activity, label: Unconnected}
links:
  - {from: a1, to: o1}
  - {from: a2, to: o2}
  - {from: o1, to: oc, assumptions: [visits]}
  - {from: o2, to: oc, kind: precondition-of}
  - {from: oc, to: im}
  - {id: second, from: oc, to: im, rationale: a second reason}
assumptions:
  - {id: visits, statement: Households receive the promoters}
  - {id: prices, statement: Filters stay affordable, applies_to: [o2->oc]}
  - {id: rain, statement: Rain season is normal, applies_to: [oc]}
pathways:
  - {id: pw, label: Promoters, links: [a1->o1, o1->oc, oc->im]}
"""


def graph() -> TocGraph:
    return toc.TocGraph(toc.loads(MODEL))


def test_upstream_and_downstream() -> None:
    g = graph()
    assert g.upstream("oc") == {"a1", "a2", "o1", "o2"}
    assert g.downstream("o1") == {"oc", "im"}
    assert g.upstream("a1") == set()
    assert g.downstream("lone") == set()


def test_links_between_keep_parallel_links() -> None:
    g = graph()
    assert [link.id for link in g.links_between("oc", "im")] == ["oc->im", "second"]
    assert [link.id for link in g.incoming("oc")] == ["o1->oc", "o2->oc"]
    assert [link.id for link in g.outgoing("oc")] == ["oc->im", "second"]
    assert g.links_between("a1", "im") == []


def test_links_resting_on_assumption_named_from_either_side() -> None:
    g = graph()
    assert [link.id for link in g.links_resting_on("visits")] == ["o1->oc"]  # the link names it
    assert [link.id for link in g.links_resting_on("prices")] == ["o2->oc"]  # it names the link
    assert g.links_resting_on("rain") == []  # it names a node, not a link
    assert [a.id for a in g.assumptions_of("o2->oc")] == ["prices"]


def test_downstream_of_an_assumption_follows_links_and_named_nodes() -> None:
    g = graph()
    assert g.downstream_of_assumption("visits") == {"oc", "im"}
    assert g.downstream_of_assumption("rain") == {"oc", "im"}
    assert g.downstream_of_assumption("prices") == {"oc", "im"}


def test_pathways_to_and_chains_to() -> None:
    g = graph()
    assert [p.id for p in g.pathways_to("oc")] == ["pw"]
    assert g.pathways_to("o2") == []
    assert sorted(g.chains_to("oc")) == [["a1", "o1", "oc"], ["a2", "o2", "oc"]]
    assert list(g.chains_to("im", limit=1)) == [["a1", "o1", "oc", "im"]]


def test_subgraph_and_neighbourhood() -> None:
    g = graph()
    sub = g.subgraph(["o1", "oc", "im", "not-a-node"])
    assert {n.id for n in sub.nodes()} == {"o1", "oc", "im"}
    assert [link.id for link in sub.links()] == ["o1->oc", "oc->im", "second"]
    near = g.neighbourhood("oc", depth=1)
    assert {n.id for n in near.nodes()} == {"o1", "o2", "oc", "im"}
    assert {n.id for n in g.pathway(g.model.pathways[0]).nodes()} == {"a1", "o1", "oc", "im"}


def test_cycles() -> None:
    assert graph().cycles() == []
    back = toc.loads(
        MODEL.replace("  - {from: oc, to: im}\n", "  - {from: oc, to: im}\n  - {from: im, to: o1}\n")
    )
    assert toc.TocGraph(back).cycles() == [["im", "o1", "oc"]]
    self_loop = toc.loads(
        MODEL.replace("  - {from: a1, to: o1}\n", "  - {from: a1, to: o1}\n  - {from: lone, to: lone}\n")
    )
    assert toc.TocGraph(self_loop).cycles() == [["lone"]]
    assert toc.TocGraph(self_loop).upstream("lone") == set()  # a node is never its own ancestor


def test_to_networkx_attributes() -> None:
    nxg = graph().to_networkx()
    assert nxg.graph["programme"] == "p"
    assert nxg.nodes["oc"] == {
        "level": "outcome",
        "label": "Households use filters",
        "component": None,
        "indicators": ["ind"],
    }
    assert nxg.edges["oc", "im"]["links"] == ["oc->im", "second"]
    assert nxg.edges["o2", "oc"]["kinds"] == ["precondition-of"]
    assert nxg.edges["o1", "oc"]["assumptions"] == ["visits"]
    assert nxg.edges["o2", "oc"]["assumptions"] == ["prices"]
    assert nxg.number_of_nodes() == 7
    nxg.remove_node("oc")  # a copy: the graph itself is untouched
    assert "oc" in graph()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_graph_counts_equal_the_model(model: toc.Model) -> None:
    g = toc.TocGraph(model)
    assert len(g) == len(model.nodes)
    assert [link.id for link in g.links()] == [link.id for link in model.links]
    nxg = g.to_networkx()
    assert nxg.number_of_nodes() == len(model.nodes)
    assert sum(len(d["links"]) for _, _, d in nxg.edges(data=True)) == len(model.links)
    assert nxg.number_of_edges() == len({(link.source, link.target) for link in model.links})
    for node in model.nodes:  # the networkx answers agree with the one-pass walks
        assert g.upstream(node.id) == g.reaching([node.id]) - {node.id}
        assert g.downstream(node.id) == g.reached_from([node.id]) - {node.id}
