"""The flagship model: the VVSG 2017-2019 theory of change as the ACE Europe evaluation reconstructed it.

These tests pin the facts of the report that the model must keep (para numbers in the
names), and the full ``toc check`` output as a reviewed snapshot.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

import toc
from tests.snapshot import assert_snapshot
from toc.assessment import as_of_date, assess_assumptions, indicator_progress
from toc.assessment.indicators import IndicatorStatus
from toc.cli import main
from toc.cli.streams import Streams
from toc.graph import TocGraph
from toc.model import AssumptionKind, AssumptionStatus, Evidence, Level, Model, Node

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "vvsg_2017_2019.yaml"


@pytest.fixture(scope="module")
def model() -> Model:
    return toc.load(MODEL)


def node(model: Model, node_id: str) -> Node:
    return next(n for n in model.nodes if n.id == node_id)


def test_programme_metadata_para_1(model: Model) -> None:
    programme = model.programme
    assert model.languages == ["nl", "en"]
    assert programme.budget is not None
    assert programme.budget.amount == 520146
    assert programme.budget.currency == "EUR"
    assert programme.period is not None
    assert (programme.period.start, programme.period.end) == (
        "2017-01",
        "2019-12",
    )
    assert "Buitenlandse Zaken" in model.text(programme.funder, "nl")
    assert "VVSG" in model.text(programme.implementer, "nl")
    [report] = model.sources
    assert report.kind.value == "evaluation-report"
    assert "ACE Europe" in model.text(report.author)


def test_four_components_of_tabel_1(model: Model) -> None:
    assert [c.id for c in model.components] == [
        "c-sdg-pilot",
        "c-sdg-communication",
        "c-lmb",
        "c-synergy-networks",
    ]
    for n in model.nodes:
        if n.level is Level.ACTIVITY:
            assert n.component is not None, n.id


def test_logframe_names_only_what_the_report_names(model: Model) -> None:
    labels = {n.id: model.text(n.label, "nl") for n in model.nodes}
    assert "(SD1)" in labels["sd1"]
    assert labels["r1-1"] == "Gemeenten zijn geïnformeerd (R1.1)"
    assert "(R1.2)" in labels["r1-2"]
    assert not any("SD2" in text or "R2." in text for text in labels.values())


def test_two_end_goals_of_para_61(model: Model) -> None:
    graph = TocGraph(model)
    assert node(model, "sd1").level is Level.OUTCOME
    assert node(model, "g2").level is Level.OUTCOME
    assert {link.target for link in graph.outgoing("sd1")} == {"impact-sdgs"}
    assert "sd1" in {link.target for link in graph.outgoing("g2")}


def test_three_pathways_of_para_62(model: Model) -> None:
    assert [p.id for p in model.pathways] == [
        "pw-1-support-officials",
        "pw-2-within-vvsg",
        "pw-3-profiling-governments",
    ]
    graph = TocGraph(model)
    for pathway in model.pathways:
        assert {"sd1", "g2"} <= graph.pathway_nodes(pathway), pathway.id


def test_para_22_hypothesis_is_derived_contradicted_from_evidence(model: Model) -> None:
    assessed = assess_assumptions(model)["as-sdg-strengthens-lmb"]
    assert assessed.assumption.status is None  # not declared: the evidence decides
    assert assessed.status is AssumptionStatus.CONTRADICTED
    assert {c.locator for c in assessed.assumption.cite} >= {"para 22", "para 92"}
    assert assessed.assumption.applies_to == ["g2->sd1"]
    assert "sd1" in TocGraph(model).downstream_of_assumption("as-sdg-strengthens-lmb")


def test_central_assumptions_of_para_62_as_the_report_judged_them(model: Model) -> None:
    status = {k: a.status for k, a in assess_assumptions(model).items()}
    # para 92: (i)-(iii) "bleken niet te kloppen"; para 99: pathway 2 "door de realiteit tegen gesproken"
    for contradicted in ("as-i-strategic-positions", "as-ii-global-reflex", "as-iii-advisory-councils"):
        assert status[contradicted] is AssumptionStatus.CONTRADICTED, contradicted
    assert status["as-p2-vvsg-sdg-work"] is AssumptionStatus.CONTRADICTED
    # (iv): the SDG frame did inspire LMB renewal (para 68) but was "zeker niet altijd" used for LMB (para 92)
    assert status["as-iv-sdgs-usable-framework"] is AssumptionStatus.MIXED
    # the logframe's one relevant hypothesis holds for now (para 68, 85)
    assert status["as-lf-lmb-commitment-continues"] is AssumptionStatus.SUPPORTED


def test_the_four_para_58_conditions_are_encoded_as_the_logframe_stated_them(model: Model) -> None:
    conditions = {
        "as-lf-networking-capacity": "interesse en capaciteit",
        "as-lf-good-practices": "goede praktijkvoorbeelden",
        "as-lf-willing-sdg-role": "bereid om hun rol op te nemen",
        "as-lf-enough-pilot-cities": "voldoende steden voor een pilootproject",
    }
    graph = TocGraph(model)
    by_id = {a.id: a for a in model.assumptions}
    for assumption_id, words in conditions.items():
        assumption = by_id[assumption_id]
        assert assumption.kind is AssumptionKind.ASSUMPTION  # as the logframe stated them
        assert words in model.text(assumption.statement, "nl")
        assert next(c.locator for c in assumption.cite) == "para 58"
        for link in graph.links_resting_on(assumption_id):
            assert graph.node(link.source).level is Level.ACTIVITY  # conditions for implementation
    assert by_id["as-lf-lmb-commitment-continues"].applies_to == ["sd1"]  # "bij de specifieke doelstelling"


def test_indicators_of_tabel_3_and_tabel_6(model: Model) -> None:
    as_of = as_of_date(model)
    assert as_of.isoformat() == "2019-02-28"
    indicators = {i.id: i for _, i in model.indicators()}
    assert {i for i in indicators if i.startswith(("ind-t3", "ind-r1-2"))} == {
        "ind-t3-1-trajectory-participation",
        "ind-t3-2-trajectory-usefulness",
        "ind-r1-2-apply-lessons",
        "ind-t3-4-individual-guidance",
        "ind-t3-5-network-meetings",
        "ind-t3-6-network-moment",
    }
    assert {i for i in indicators if i.startswith("ind-t6")} == {
        "ind-t6-1-sdg-declaration",
        "ind-t6-2-sdg-multiyear-plan",
        "ind-t6-3-sdg-communication",
    }
    status = {k: indicator_progress(i, as_of).status for k, i in indicators.items()}
    assert status["ind-t3-1-trajectory-participation"] is IndicatorStatus.OFF_TRACK  # 40 of 70
    # para 66: planned reach met "met uitzondering van het bereik middels leertrajecten en
    # adviesvragen"; advice reach is the team's estimate of about 40 against 80 (Tabel 3)
    assert status["ind-t3-4-individual-guidance"] is IndicatorStatus.OFF_TRACK
    # "Dit wordt niet bevraagd" / "nog niet mogelijk om een definitief cijfer te geven": no value,
    # a comment that says why
    for unmeasured in (
        "ind-r1-2-apply-lessons",
        "ind-t6-2-sdg-multiyear-plan",
    ):
        [period] = indicators[unmeasured].periods
        assert period.actual is not None
        assert period.actual.value is None
        assert period.actual.comment
        assert status[unmeasured] is IndicatorStatus.NO_DATA


def test_nine_recommendations_each_answer_a_finding(model: Model) -> None:
    assert [r.id for r in model.recommendations] == [f"rec-{i}" for i in range(1, 10)]
    index = model.index()
    for number, rec in enumerate(model.recommendations, start=1):
        assert rec.responds_to, rec.id
        assert all(target in index for target in rec.responds_to)
        assert rec.cite[0].locator == f"para {146 + number + (number > 4) + (number > 6)}"
    assert "as-sdg-strengthens-lmb" in index["rec-1"].responds_to  # type: ignore[union-attr]


def test_every_element_cites_the_report(model: Model) -> None:
    for element in model.elements():
        assert element.cite, f"{element.id} has no cite"
    assert model.links
    assert all(link.cite for link in model.links)


def test_evidence_sources_are_named_consistently(model: Model) -> None:
    sources = {e.source for e in model.evidence}
    assert None not in sources
    # the named data sources of the evaluation (para 4-6, 26-28) and two third-party studies
    assert len(sources) <= 12, sorted(s or "" for s in sources)
    survey = [e for e in model.evidence if e.method.value == "survey" and e.sample_size]
    assert any(e.sample_size == 39 for e in survey)  # para 68: "39 respondenten"


def test_every_link_into_a_result_gives_the_reports_reason(model: Model) -> None:
    levels = {n.id: n.level for n in model.nodes}
    for link in model.links:
        if levels[link.target] in (Level.OUTCOME, Level.IMPACT):
            assert link.rationale is not None, link.id


def test_evidence_is_about_existing_elements(model: Model) -> None:
    index = model.index()
    for item in model.evidence:
        assert isinstance(item, Evidence)
        assert all(target in index for target in item.about), item.id


def test_toc_check_reports_what_the_evaluators_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--no-config", "models/vvsg_2017_2019.yaml"], Streams(out, err, {}))
    text = out.getvalue()
    assert code == 1  # the contradicted assumptions are errors
    assert err.getvalue() == ""
    assert_snapshot("vvsg/check.txt", text)


def test_walkthrough_excerpts_are_verbatim_from_the_model() -> None:
    doc = (ROOT / "docs" / "vvsg.md").read_text(encoding="utf-8")
    text = MODEL.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", doc, flags=re.DOTALL)
    assert len(blocks) >= 5
    for block in blocks:
        assert block in text, f"docs/vvsg.md shows YAML that is not in the model:\n{block}"
