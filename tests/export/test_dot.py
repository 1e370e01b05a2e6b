"""DOT, Mermaid and logframe output: snapshots, focused views, status encoding, escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import toc
from tests.snapshot import assert_snapshot
from toc.export.errors import RenderError
from toc.export.logframe import logframe_csv, logframe_html, logframe_markdown, logframe_rows
from toc.export.mermaid import to_mermaid

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "small.yaml"
RICH = ROOT / "tests" / "snapshots" / "export" / "models" / "rich.yaml"


@pytest.fixture(scope="module")
def rich() -> toc.Model:
    return toc.load(RICH)


@pytest.fixture(scope="module")
def small() -> toc.Model:
    return toc.load(SMALL)


VVSG = ROOT / "models" / "vvsg_2017_2019.yaml"


@pytest.mark.parametrize("name", ["small", "rich", "vvsg"])
def test_snapshots(name: str) -> None:
    model = toc.load({"small": SMALL, "rich": RICH, "vvsg": VVSG}[name])
    assert_snapshot(f"export/{name}.dot", toc.to_dot(model))
    assert_snapshot(f"export/{name}.mmd", to_mermaid(model))
    assert_snapshot(f"export/{name}.logframe.md", logframe_markdown(model))


def test_dot_is_ascii_and_deterministic(rich: toc.Model) -> None:
    first = toc.to_dot(rich)
    assert first == toc.to_dot(toc.load(RICH))
    assert first.isascii()


def _node_ids(dot: str) -> set[str]:
    return set(re.findall(r'^\s+"([^"]+)" \[shape=box', dot, re.M))


def test_levels_are_ranks_in_order(rich: toc.Model) -> None:
    dot = toc.to_dot(rich)
    ranks = re.findall(r'\{ rank=same; "rank:([^"]+)"', dot)
    assert ranks == ["activity", "output", "outcome:short", "outcome:long", "impact"]
    assert '{ rank=same; "rank:activity" "train" "grants"' in dot


def test_assumption_note_sits_on_its_link_styled_by_derived_status(rich: toc.Model) -> None:
    dot = toc.to_dot(rich)
    note = '"note:plans-adopted->modal-shift"'
    assert f'"plans-adopted" -> {note} [style=solid, penwidth=3.5, color="#b2182b", arrowhead=none]' in dot
    assert f'{note} -> "modal-shift" [style=solid, penwidth=3.5' in dot
    untested = '"plans-drafted" -> "note:plans-drafted->plans-adopted" [style=dotted'
    assert untested in dot
    # both assumptions of the link are listed, each with its text marker
    line = next(x for x in dot.splitlines() if x.strip().startswith(note + " [shape=note"))
    assert "&#10007; CONTRADICTED" in line
    assert "&#177; MIXED" in line


def test_greyscale_encoding_differs_for_every_status() -> None:
    from toc.export.dot import STATUS_STYLE

    keys = {
        (s["edge_style"], s["penwidth"], s["note_style"], s["fill"], s["marker"])
        for s in STATUS_STYLE.values()
    }
    assert len({k[0:2] for k in keys}) == 4  # line style/width alone tells them apart
    assert len({k[4] for k in keys}) == 4  # and so does the text marker


def test_ceiling_of_accountability_is_a_dashed_cluster(rich: toc.Model) -> None:
    dot = toc.to_dot(rich)
    cluster = dot[dot.index('subgraph "cluster_accountability"') : dot.index("  }\n")]
    assert "style=dashed" in cluster
    inside = _node_ids(cluster.replace("    ", "  "))
    assert inside == {"train", "grants", "staff-skilled", "plans-drafted", "plans-adopted"}


def test_pathways_legend_names_what_they_rest_on(rich: toc.Model) -> None:
    dot = toc.to_dot(rich)
    assert "Behaviour change &#8212; rests on 1 &#10007; CONTRADICTED, 1 &#177; MIXED" in dot
    assert "Planning capacity &#8212; rests on 1 ? UNTESTED" in dot


def test_nodes_downstream_of_a_contradiction_are_marked(rich: toc.Model) -> None:
    dot = toc.to_dot(rich)
    risky = [line for line in dot.splitlines() if "at risk" in line and "shape=box" in line]
    # modal-shift and emissions: the contradicted budget-kept; staff-skilled: the risk staff-stay happened
    expected = ["emissions", "modal-shift", "staff-skilled"]
    assert sorted(re.match(r'\s+"([^"]+)"', x).group(1) for x in risky) == expected  # type: ignore[union-attr]


def test_indicator_status_on_nodes(rich: toc.Model) -> None:
    dot = toc.to_dot(rich)
    # each figure named and grouped, with the trend since the baseline; never a bare "0 → 40"
    figures = "baseline 0 &#183; target 40 &#183; actual 22 &#8593;"
    assert f"&#9660; off track &#183; Draft plans submitted:<br/>{figures}" in dot
    assert "&#8594;" not in dot.split("Draft plans submitted")[1].split("</table>")[0]
    assert "Draft plans" not in toc.to_dot(rich, indicators=False)


def test_options_switch_parts_off(rich: toc.Model) -> None:
    bare = toc.to_dot(rich, assumptions=False, evidence=False, legend=False, title=False)
    assert "note:" not in bare
    assert "evidence:" not in bare
    assert '"legend"' not in bare
    assert not any(line.startswith("  label=<") for line in bare.splitlines())
    assert "rankdir=LR" in toc.to_dot(rich, direction="LR")


def test_language(rich: toc.Model) -> None:
    dutch = toc.to_dot(rich, lang="nl")
    assert "Pilootproject lokaal mobiliteitsbudget" in dutch
    assert "WEERLEGD" in dutch
    assert "Legende" in dutch


def test_focus_views(rich: toc.Model) -> None:
    pathway = _node_ids(toc.to_dot(rich, pathway="behaviour"))
    assert pathway == {"plans-adopted", "modal-shift", "emissions"}
    near = _node_ids(toc.to_dot(rich, focus="plans-drafted", depth=1))
    assert near == {"grants", "staff-skilled", "plans-drafted", "plans-adopted"}
    risk = toc.to_dot(rich, at_risk="budget-kept")
    assert _node_ids(risk) == {"plans-adopted", "modal-shift", "emissions"}
    assert "citizens-change" not in risk  # the view is about one assumption


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("pathway", "behavior", "did you mean behaviour"),
        ("focus", "nowhere", "no result 'nowhere'"),
        ("at_risk", "budget", "no assumption 'budget'"),
        ("direction", "UP", "direction must be one of"),
    ],
)
def test_bad_view_options(rich: toc.Model, option: str, value: str, message: str) -> None:
    with pytest.raises(RenderError, match=message):
        toc.to_dot(rich, **{option: value})  # type: ignore[arg-type]


def test_misspelt_option_is_an_error(rich: toc.Model) -> None:
    with pytest.raises(TypeError, match="did you mean 'legend'"):
        toc.to_dot(rich, legnd=False)  # type: ignore[call-arg]  # a type checker catches it first


def test_mermaid_has_levels_status_classes_and_link_styles(rich: toc.Model) -> None:
    text = to_mermaid(rich)
    assert text.startswith("%% Local mobility budget pilot\n")
    assert "flowchart BT" in text
    assert 'subgraph L_outcome["Outcome"]' in text
    assert "classDef contradicted" in text
    assert "class n_note_staff_skilled supported" in text
    assert "linkStyle 7 stroke:#b2182b" in text  # 3 level links + 4 edges before it


def test_mermaid_ids_stay_unique() -> None:
    model = toc.loads(
        "toc: 1\nprogramme: {id: p, title: T}\nnodes:\n"
        "  - {id: a.b, level: activity, label: A}\n  - {id: a_b, level: output, label: B}\n"
        "  - {id: end, level: impact, label: E}\nlinks:\n  - {from: a.b, to: a_b}\n  - {from: a_b, to: end}\n"
    )
    text = to_mermaid(model)
    assert "n_a_b --> n_a_b_2" in text
    assert "n_a_b_2 --> n_end" in text


def test_logframe_rows_and_preconditions(rich: toc.Model) -> None:
    rows = logframe_rows(rich)
    assert [r.level for r in rows] == [
        "Impact",
        "Outcome",
        "Outcome",
        "Output",
        "Output",
        "Activity",
        "Activity",
        "Pre-conditions",
    ]
    assert rows[-1].assumptions == ["? (condition) Enough municipalities apply for the pilot [UNTESTED]"]
    adopted = next(r for r in rows if r.id == "plans-adopted")
    assert adopted.assumptions[0].startswith("✗ Municipalities keep funding")
    assert next(r for r in rows if r.id == "plans-drafted").verification == ["grant reports", "site visits"]
    assert next(r for r in rows if r.id == "train").indicators == ["Means and costs (not recorded)"]


def test_logframe_donor_terms(rich: toc.Model) -> None:
    text = logframe_markdown(rich, terms="eu-pcm")
    assert "| Overall objective |" in text
    assert "| Purpose |" in text
    assert "| Results |" in text


def test_logframe_csv_and_html(rich: toc.Model) -> None:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(logframe_csv(rich))))
    assert rows[0][2] == "Intervention logic"
    assert len(rows) == 9
    assert all(len(r) == 6 for r in rows)
    page = logframe_html(rich)
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page
    assert "http" not in page
    assert "<script" not in page


_ROWS_YAML = """
toc: 1
programme: {id: p, title: Rows}
nodes:
  - {id: act, level: activity, label: Act}
  - {id: out-a, level: output, label: Output A}
  - {id: out-b, level: output, label: Output B}
  - {id: goal, level: outcome, label: Goal}
links:
  - {from: act, to: out-a}
  - {from: out-a, to: out-b, assumptions: [same-row]}
  - {from: goal, to: act, assumptions: [feedback]}
  - {from: out-b, to: goal}
assumptions:
  - {id: same-row, statement: A carries over to B}
  - {id: feedback, statement: Results feed back into the activity}
evidence:
  - {id: ev, about: [same-row], summary: It did not, method: survey, stance: contradicts, strength: strong}
"""


@pytest.mark.parametrize("direction", ["BT", "TB", "LR", "RL"])
def test_assumptions_on_flat_and_backward_links_are_notes_not_edge_labels(direction: str) -> None:
    dot = toc.to_dot(toc.loads(_ROWS_YAML, "rows.yaml"), direction=direction)
    assert "label=<" not in "".join(line for line in dot.splitlines() if " -> " in line)
    for link, row in [("out-a->out-b", "output"), ("goal->act", "outcome")]:
        note = f'"note:{link}"'
        assert f"  {note} [shape=note" in dot
        start = f'{{ rank=same; "rank:{row}"'
        rank = next(line for line in dot.splitlines() if line.strip().startswith(start))
        assert note in rank  # the note of a flat or backward link sits in its source's row
    # within one row the halves order the note between its ends; backwards they do not constrain
    red = 'style=solid, penwidth=3.5, color="#b2182b"'
    assert f'"out-a" -> "note:out-a->out-b" [{red}, arrowhead=none]' in dot
    assert '"note:goal->act" -> "act" [style=dotted, penwidth=2, color="#4d4d4d", constraint=false]' in dot
