"""Messages users read: a judged indicator status and a risk that probably happened say so."""

from __future__ import annotations

from toc.rules import check_text

JUDGED = """\
toc: 1
programme: {id: p, title: P, period: {start: 2017-01, end: 2019-12}}
sources:
  - {id: mtr, title: Mid-term review, date: 2018-06}
nodes:
  - id: declared
    level: outcome
    label: Municipalities sign the SDG declaration
    indicators:
      - id: i1
        label: Share of municipalities that signed
        measure: percentage
        periods:
          - start: 2017-01
            end: 2019-12
            target: {value: 50}
            actual: {text: 74 municipalities signed}
            verdict: {status: off-track, by: the evaluators, quote: Extra effort is needed}
"""

RISK = """\
toc: 1
programme: {id: p, title: P}
nodes:
  - {id: a, level: activity, label: Train staff}
  - {id: plans, level: outcome, label: Municipal plans use the SDGs}
assumptions:
  - {id: elections, kind: risk, statement: Elections disrupt priorities, applies_to: [a->plans]}
links:
  - {from: a, to: plans}
evidence:
  - {id: e1, about: [elections], summary: New councils dropped plans, method: interview,
     stance: supports, test: smoking-gun}
"""


def _messages(text: str, name: str) -> list[str]:
    return [d.message for d in check_text(text, "m.yaml") if d.name == name]


def test_off_track_by_verdict_says_judged_not_a_question_mark() -> None:
    [message] = _messages(JUDGED, "indicator-off-track")
    assert "judged, not measured, by the evaluators" in message
    assert "?" not in message
    assert "the target is 50" in message


def test_missed_by_verdict_says_judged() -> None:
    missed = JUDGED.replace("2018-06", "2020-03").replace("off-track", "not-achieved")
    [message] = _messages(missed, "indicator-target-missed")
    assert "judged, not measured" in message
    assert "?" not in message


def test_a_risk_that_happened_is_said_to_have_happened() -> None:
    [message] = _messages(RISK, "claim-low-confidence")
    assert '"Elections disrupt priorities" has probably happened' in message
    assert "not happening" not in message
