"""'At risk' means one thing everywhere: the rule, the diagram and the report all ask the model index."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import models
from toc.assessment import assess_assumptions
from toc.assessment.assessment import assess
from toc.assessment.risk import results_at_risk
from toc.io.load import load
from toc.model import AssumptionKind, Evidence, Level, Method, Model, Stance, Strength
from toc.rules.engine import run_rules
from toc.rules.selection import Selection

RESULTS = (Level.OUTCOME, Level.IMPACT)
ROOT = Path(__file__).resolve().parents[2]


@st.composite
def contradicted_models(draw: st.DrawFn) -> Model:
    """Random models in which the evidence contradicts some assumptions and confirms some risks."""
    model = draw(models())
    chosen = [a for a in model.assumptions if draw(st.booleans())]
    extra = [
        Evidence(
            id=f"contra-{i}",
            about=[a.id],
            summary="contradicted",
            method=Method.SURVEY,
            stance=Stance.SUPPORTS if a.kind is AssumptionKind.RISK else Stance.CONTRADICTS,
            strength=Strength.STRONG,
        )
        for i, a in enumerate(chosen)
        for _ in range(3)
    ]
    ids = {e.id for e in model.elements()}
    extra = [e.model_copy(update={"id": f"{e.id}-{n}"}) for n, e in enumerate(extra)]
    assert not ids & {e.id for e in extra}
    return model.model_copy(update={"evidence": [*model.evidence, *extra]})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contradicted_models())
def test_rule_diagram_and_report_name_the_same_results_at_risk(model: Model) -> None:
    flagged = {
        d.target
        for d in run_rules(model, Selection(select=("outcome-at-risk",)))
        if d.name == "outcome-at-risk" and d.suppressed is None
    }
    suppressed = {
        element.id
        for element in model.nodes
        if any(s.rule in ("outcome-at-risk", "TOC307") for s in element.suppress)
    }
    risk = results_at_risk(model, assess_assumptions(model))
    results = {n.id for n in model.nodes if n.level in RESULTS}
    assert flagged == (set(risk.at_risk) & results) - suppressed
    assert {n.node for n in assess(model).at_risk()} == set(risk.at_risk)


def test_on_the_vvsg_model_all_three_name_the_results_the_report_puts_at_risk() -> None:
    model = load(ROOT / "models" / "vvsg_2017_2019.yaml")
    risk = results_at_risk(model, assess_assumptions(model))
    flagged = {d.target for d in run_rules(model) if d.name == "outcome-at-risk"}
    assert set(risk.at_risk) == flagged == {n.node for n in assess(model).at_risk()}
    # pathway 2's result (para 99) and the impact at the current pace (para 93, 145); the
    # officials' drive of pathway 1 was observed (para 89, 91, 138), so it is not at risk
    assert flagged == {"p2-carry-message", "impact-sdgs"}
