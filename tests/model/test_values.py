"""Values as programmes report them: numbers in their written forms, texts, parts, verdicts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import toc
from toc.model import Indicator, IndicatorPeriod, Judgement, Model, Node, Value
from toc.model.numbers import read_number


@pytest.mark.parametrize(
    ("text", "value", "percent", "ranged"),
    [
        ("2800000", 2_800_000, False, False),
        ("2,800,000", 2_800_000, False, False),
        ("2.800.000", 2_800_000, False, False),
        ("2 800 000", 2_800_000, False, False),
        ("2\u202f800\u202f000", 2_800_000, False, False),
        ("2'800'000", 2_800_000, False, False),
        ("1,234.5", 1234.5, False, False),
        ("1.234,5", 1234.5, False, False),
        ("1,500", 1500, False, False),
        ("0,75", 0.75, False, False),
        ("12,5", 12.5, False, False),
        ("-3", -3, False, False),
        ("−3", -3, False, False),
        ("1e-07", 1e-07, False, False),
        ("70 %", 70, True, False),
        ("70%", 70, True, False),
        ("% 70", 70, True, False),
        ("£3,500,000", 3_500_000, False, False),
        ("12 €", 12, False, False),
        ("$ 1.234,5", 1234.5, False, False),
        ("10–12", 10, False, True),
        ("10-12", 10, False, True),
        ("10 to 12", 10, False, True),
        ("60 % - 70 %", 60, True, True),
        ("≥ 18", 18, False, True),
        ("at least 18", 18, False, True),
        ("minstens 18", 18, False, True),
    ],
)
def test_a_written_number_is_read_as_the_number_it_says(
    text: str, value: float, percent: bool, ranged: bool
) -> None:
    reading = read_number(text)
    assert reading is not None
    assert (reading.value, reading.percent, reading.ranged) == (value, percent, ranged)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "$0 savings in compliance costs",
        "£",
        "policy adopted",
        "Dit cijfer wordt gehaald",
        "12 to 10",
        "2017-2019 plan",
        "1.2.3",
        "n/a",
    ],
)
def test_text_that_is_no_number_is_not_read_as_one(text: str) -> None:
    assert read_number(text) is None


@given(st.integers(-(10**12), 10**12))
def test_every_thousands_form_of_an_integer_reads_back_as_it(number: int) -> None:
    for sep in (",", " ", "'"):
        reading = read_number(f"{number:,}".replace(",", sep))
        assert reading is not None
        assert reading.value == number


@given(
    st.one_of(
        st.integers(-(10**15), 10**15).map(str),
        st.floats(allow_nan=False, allow_infinity=False).map(repr),
        st.from_regex(r"\A[-+−]?\d{1,6}(\.\d{1,4})?([eE][-+]?\d{1,3})?\Z"),
    )
)
def test_a_plain_number_reads_as_the_general_steps_read_it(text: str) -> None:
    """read_number answers plain numbers before trying the written forms; the answer is the
    one the per-cent step (which handles plain numbers too) gives."""
    from toc.model.numbers import Reading, _plain_or_percent

    general = _plain_or_percent(" ".join(text.split()))
    assert general is not None
    assert read_number(text) == Reading(general[0], general[1], False, True)


def _period(**fields: object) -> IndicatorPeriod:
    return IndicatorPeriod.model_validate({"start": "2017", "end": "2019", **fields})


def test_a_written_value_keeps_its_text_for_display() -> None:
    period = _period(target="2,800,000", actual={"value": "2.750.000", "comment": "Tabel 3"})
    assert period.target == Value(value=2_800_000, original="2,800,000")
    assert period.actual is not None
    assert (period.actual.value, period.actual.original) == (2_750_000, "2.750.000")


def test_a_plain_number_written_as_text_keeps_no_original() -> None:
    assert _period(target="1500").target == Value(value=1500)


def test_a_value_that_is_no_number_is_a_qualitative_text() -> None:
    assert _period(actual="policy adopted").actual == Value(text="policy adopted")


def test_a_total_and_its_parts_by_dimension() -> None:
    period = _period(
        actual=[
            {"value": 100},
            {"value": 60, "dimensions": {"sex": "female"}},
            {"value": 40, "dimensions": {"sex": "male"}},
        ]
    )
    assert period.actual == Value(value=100)
    assert [v.dimensions for v in period.actuals[1:]] == [{"sex": "female"}, {"sex": "male"}]


def test_parts_without_a_total_have_no_total() -> None:
    assert _period(target={"value": 3, "locations": ["KE-Kasese"]}).target is None


def test_several_baselines_and_the_total_one() -> None:
    indicator = Indicator.model_validate(
        {
            "id": "i",
            "label": "Girls enrolled",
            "baseline": [
                {"year": 2016, "value": 5, "dimensions": {"sex": "female"}},
                {"year": 2016, "value": 9},
            ],
        }
    )
    assert indicator.baseline is not None
    assert indicator.baseline.value == 9
    assert indicator.baselines[0].year == 2016


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"value": "policy", "text": "adopted"}, "keep one"),
        ({"value": "2,000", "original": "2000"}, "give value as a number"),
        ({"original": "2,000"}, "give 'value' as well"),
    ],
)
def test_contradictory_value_fields_are_refused(value: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        _period(target=value)


def test_verdicts_unintended_and_settings_load_and_dump_back(tmp_path: object) -> None:
    text = """\
toc: 1
programme: {id: p, title: P}
settings: {tolerance: 0.1, rating_scale: fcdo}
nodes:
  - id: o1
    level: outcome
    label: Pilots integrate the SDGs
    verdict: {status: on-track, quote: "Zeker 18/20 pilootgemeenten", cite: para 84, by: ACE Europe}
    indicators:
      - id: i1
        label: Multi-year plans with the SDGs
        verdict: {status: achieved, quote: Dit cijfer wordt gehaald}
        periods:
          - {start: 2017, end: 2019, label: Milestone 1, target: 20, verdict: {status: off-track}}
  - id: o2
    level: outcome
    label: Staff overloaded
    unintended: true
    negative: true
"""
    model = toc.loads(text)
    assert model.settings.tolerance == 0.1
    assert model.settings.rating_scale is not None
    assert model.settings.rating_scale.value == "fcdo"
    outcome = model.nodes[0]
    assert outcome.verdict is not None
    assert outcome.verdict.status is Judgement.ON_TRACK
    assert str(outcome.verdict.cite[0]) == "para 84"
    indicator = outcome.indicators[0]
    assert indicator.verdict is not None
    assert indicator.verdict.status is Judgement.ACHIEVED
    assert indicator.periods[0].label == "Milestone 1"
    assert model.nodes[1].unintended
    assert model.nodes[1].negative
    assert toc.loads(toc.dumps(model)) == model


def test_defaults_stay_out_of_the_canonical_text() -> None:
    model = Model.model_validate(
        {"programme": {"id": "p", "title": "P"}, "nodes": [{"id": "n", "level": "output", "label": "N"}]}
    )
    assert "settings" not in toc.dumps(model)
    assert "unintended" not in toc.dumps(model)
    assert isinstance(model.nodes[0], Node)


def test_one_baseline_target_and_actual_are_written_as_mappings() -> None:
    text = """\
toc: 1
programme: {id: p, title: P}
nodes:
  - id: o
    level: output
    label: O
    indicators:
      - id: i
        label: I
        baseline: {year: 2016, value: 3}
        periods:
          - {start: 2017, end: 2019, target: 20, actual: [{value: 4}, {value: 1, dimensions: {sex: female}}]}
"""
    dumped = toc.dumps(toc.loads(text))
    assert "    baseline:\n      year: 2016\n      value: 3\n" in dumped
    assert "      target:\n        value: 20\n" in dumped
    assert "      actual:\n      - value: 4\n" in dumped
