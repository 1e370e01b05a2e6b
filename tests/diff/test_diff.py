"""``toc.diff``: hand-made revisions of a small model give exactly the changes made; copies that
differ only in order, formatting, comments or shape give none."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toc
from tests.strategies import models
from toc.diff import Change, Diff, record_of_changes
from toc.diff.canonical import facts
from toc.diff.consequences import verdicts
from toc.model import SECTIONS, Model

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "small.yaml"


@pytest.fixture
def small() -> Model:
    return toc.load(SMALL)


def edited(model: Model, edit: Any) -> Model:
    """A deep copy of ``model`` after ``edit(data)`` on its plain data, validated again."""
    data = model.model_dump(by_alias=True, exclude_defaults=True)
    edit(data)
    return Model.model_validate(data)


def node(data: dict[str, Any], nid: str) -> dict[str, Any]:
    return next(n for n in data["nodes"] if n["id"] == nid)


def triples(found: Diff) -> list[tuple[str, str, str, str | None]]:
    return [(c.change, c.kind, c.id, c.field) for c in found.changes]


def test_a_model_against_itself_has_no_change(small: Model) -> None:
    found = toc.diff(small, small)
    assert not found
    assert found.changes == ()
    assert found.consequences == ()


def test_the_logframe_shape_and_its_free_graph_form_are_the_same_model(small: Model) -> None:
    canonical = toc.loads(toc.dumps(small), "canonical.yaml")  # free-graph shape, model order
    assert "logframe:" in SMALL.read_text()
    assert "logframe:" not in toc.dumps(small)
    assert not toc.diff(small, canonical)


def test_reformatting_reordering_and_comments_are_no_change(small: Model) -> None:
    text = toc.dumps(small)
    shuffled = toc.loads(text, "a.yaml").model_dump(by_alias=True, exclude_defaults=True)
    for section in SECTIONS:
        shuffled.get(section, []).reverse()
    pathway = shuffled["pathways"][0]
    pathway["links"].reverse()  # the order of a list inside an element means nothing either
    reordered = Model.model_validate(shuffled)
    commented = toc.loads("# a comment\n" + text.replace("\n", "  # trailing\n", 3), "b.yaml")
    assert not toc.diff(small, reordered)
    assert not toc.diff(small, commented)
    assert facts(small) == facts(reordered) == facts(commented)


def test_every_kind_of_change(small: Model) -> None:
    def edit(data: dict[str, Any]) -> None:
        node(data, "use-filters")["label"]["en"] = "Households filter their water every day"  # changed
        indicator = node(data, "use-filters")["indicators"][0]
        indicator["periods"][0]["actual"][0]["value"] = 58  # changed, inside a list of periods
        data["nodes"].append({"id": "wells", "level": "output", "label": "Wells dug"})  # added
        data["links"].append({"from": "wells", "to": "use-filters"})  # added, no id
        data["recommendations"] = []  # removed
        for item in data["evidence"]:
            item["id"] = "ev-household-survey"  # renamed, same content
        data["programme"]["funder"] = "Riverside County"  # the programme is compared too
        data["languages"] = ["nl", "en"]  # the order of languages means: the default changed

    found = toc.diff(small, edited(small, edit))
    assert triples(found) == [
        ("changed", "model", "", "languages"),
        ("changed", "programme", "water-2024", "funder"),
        ("changed", "node", "use-filters", "label.en"),
        ("added", "node", "wells", None),
        ("changed", "indicator", "ind-filter-use", "periods[0].actual[0].value"),
        ("added", "link", "wells->use-filters", None),
        ("renamed", "evidence", "ev-household-survey", None),
        ("removed", "recommendation", "rec-1", None),
    ]
    assert found.counts() == {"added": 2, "removed": 1, "changed": 4, "renamed": 1}
    label = found.changes[2]
    assert (label.old, label.new) == (
        "Households use water filters daily",
        "Households filter their water every day",
    )
    assert found.changes[4].old == 41
    assert found.changes[4].new == 58
    assert found.changes[6].old == "ev-price-survey"
    assert found.renamed == {"ev-price-survey": "ev-household-survey"}
    assert found.changes[3].new == {"id": "wells", "level": "output", "label": "Wells dug"}


def test_a_renamed_node_is_one_change_not_a_cascade(small: Model) -> None:
    def edit(data: dict[str, Any]) -> None:
        text = toc.dumps(small).replace("use-filters", "daily-filter-use")
        data.clear()
        data.update(toc.loads(text, "x.yaml").model_dump(by_alias=True, exclude_defaults=True))

    found = toc.diff(small, edited(small, edit))
    assert triples(found) == [
        ("changed", "programme", "water-2024", "ceiling_of_accountability"),
        ("renamed", "node", "daily-filter-use", None),
    ]


def test_a_moved_indicator_and_a_changed_link_end() -> None:
    model = toc.load(ROOT / "examples" / "ngo_livelihoods.yaml")

    def edit(data: dict[str, Any]) -> None:
        data["links"][0]["kind"] = "precondition-of"

    found = toc.diff(model, edited(model, edit))
    (only,) = found.changes
    assert (only.change, only.kind, only.field, only.old, only.new) == (
        "changed",
        "link",
        "kind",
        "contributes-to",
        "precondition-of",
    )


def test_consequences_status_risk_findings(small: Model) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["evidence"][0]["stance"] = "contradicts"
        data["evidence"][0]["strength"] = "strong"

    found = toc.diff(small, edited(small, edit))
    moved = {(c.consequence, c.id, str(c.old), str(c.new)) for c in found.consequences}
    assert ("assumption-status", "filters-affordable", "supported", "contradicted") in moved
    assert ("risk", "health", "None", "at-risk") in moved
    assert any(c.consequence == "finding" and c.old is None and c.new["rule"] == "assumption-contradicted"
               for c in found.consequences)  # fmt: skip
    back = toc.diff(edited(small, edit), small)
    assert ("risk", "health", "at-risk", "None") in {
        (c.consequence, c.id, str(c.old), str(c.new)) for c in back.consequences
    }
    assert any(c.consequence == "finding" and c.new is None for c in back.consequences)


def test_indicator_status_and_pathway_confidence_moves(small: Model) -> None:
    def edit(data: dict[str, Any]) -> None:
        node(data, "use-filters")["indicators"][0]["periods"][0]["actual"][0]["value"] = 60
        link = next(x for x in data["links"] if x["id"] == "train-promoters->filters-distributed")
        link["prior"] = 0.2

    found = toc.diff(small, edited(small, edit), check=False)
    kinds = {c.consequence: c for c in found.consequences}
    assert (kinds["indicator-status"].old, kinds["indicator-status"].new) == ("on-track", "achieved")
    assert (kinds["pathway-confidence"].old, kinds["pathway-confidence"].new) == (0.5, 0.2)
    assert "finding" not in kinds  # check=False leaves the rules out


def test_record_of_changes_rows(small: Model) -> None:
    def edit(data: dict[str, Any]) -> None:
        node(data, "use-filters")["horizon"] = "intermediate"
        data["recommendations"] = []

    rows = record_of_changes(toc.diff(small, edited(small, edit)))
    assert rows == [
        ("Changed: node", 'node use-filters horizon: "short" → "intermediate"'),
        (
            "Removed: recommendation",
            'recommendation rec-1: "Track filter replacement, not only distribution"',
        ),
    ]


def test_change_is_a_frozen_record() -> None:
    change = Change("added", "node", "x", None, None, {"id": "x"})
    with pytest.raises(AttributeError):
        change.id = "y"  # type: ignore[misc]
    assert change.to_dict() == {
        "change": "added",
        "kind": "node",
        "id": "x",
        "field": None,
        "old": None,
        "new": {"id": "x"},
    }


# --- properties over random valid models ---------------------------------------------------------------

QUICK = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _shuffled(model: Model, seed: int) -> Model:
    data = toc.loads(toc.dumps(model), "copy.yaml").model_dump(by_alias=True, exclude_defaults=True)
    rng = random.Random(seed)
    for section in SECTIONS:
        rng.shuffle(data.get(section, []))
    for item in data.get("nodes", []):
        rng.shuffle(item.get("indicators", []))
        rng.shuffle(item.get("tags", []))
    for item in data.get("assumptions", []):
        rng.shuffle(item.get("applies_to", []))
    return Model.model_validate(data)


@QUICK
@given(models(), st.integers(0, 1000))
def test_random_models_against_their_redumped_shuffled_copies_have_no_change(model: Model, seed: int) -> None:
    copy = _shuffled(model, seed)
    assert not toc.diff(model, copy, check=False).changes
    assert not toc.diff(model, model, check=False).changes
    assert facts(model) == facts(copy)


@QUICK
@given(models(hostile_labels=True))
def test_adding_or_removing_one_element_is_exactly_that_change(model: Model) -> None:
    data = model.model_dump(by_alias=True, exclude_defaults=True)
    data.setdefault("components", []).append({"id": "zz-new-component", "label": "New"})
    bigger = Model.model_validate(data)
    assert triples(toc.diff(model, bigger, check=False)) == [("added", "component", "zz-new-component", None)]
    assert triples(toc.diff(bigger, model, check=False)) == [
        ("removed", "component", "zz-new-component", None)
    ]


@pytest.mark.parametrize(
    "path", [SMALL, ROOT / "models" / "vvsg_2017_2019.yaml", ROOT / "examples" / "ngo_livelihoods.yaml"]
)
def test_the_verdicts_are_those_of_the_assessment(path: Path) -> None:
    """The diff works its verdicts out only as far as it compares them; they must be the
    assessment's own (toc.assess), whatever the model."""
    assert_agrees(toc.load(path))


@QUICK
@given(models())
def test_the_verdicts_of_random_models_are_those_of_the_assessment(model: Model) -> None:
    assert_agrees(model)


def assert_agrees(model: Model) -> None:
    done = toc.assess(model)
    seen = verdicts(model, check=False)
    assert seen.statuses == {aid: str(x.status) for aid, x in done.assumptions.items()}
    assert seen.at_risk == {n.node for n in done.nodes.values() if n.at_risk}
    assert seen.indicators == {p.indicator.id: str(p.status) for _, p in done.indicators}
    assert seen.pathways == {p.pathway.id: round(p.value, 2) for p in done.pathways}


def test_a_translation_added_is_one_change_per_language(small: Model) -> None:
    def edit(data: dict[str, Any]) -> None:
        indicator = node(data, "use-filters")["indicators"][0]
        indicator["label"] = {"en": indicator["label"], "nl": "Aandeel gezinnen met een filter"}

    found = toc.diff(small, edited(small, edit))
    assert [(c.field, c.old, c.new) for c in found.changes] == [
        ("label.nl", None, "Aandeel gezinnen met een filter")
    ]


def test_a_weighting_and_a_risk_rating_changed(small: Model) -> None:
    output = next(n.id for n in small.nodes if n.level.value == "output")

    def rate(weighting: float, risk: str) -> Any:
        def edit(data: dict[str, Any]) -> None:
            node(data, output).update(weighting=weighting, risk=risk)

        return edit

    found = toc.diff(edited(small, rate(30, "Medium")), edited(small, rate(45, "High")))
    assert [(c.change, c.id, c.field, c.old, c.new) for c in found.changes] == [
        ("changed", output, "weighting", 30, 45),
        ("changed", output, "risk", "Medium", "High"),
    ]
    assert triples(toc.diff(small, edited(small, rate(30, "Low")))) == [
        ("changed", "node", output, "weighting"),
        ("changed", "node", output, "risk"),
    ]
