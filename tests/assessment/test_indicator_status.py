"""Indicator status follows methodology.md §3 in both directions."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toc.assessment import IndicatorStatus, indicator_progress
from toc.model import Indicator, Settings

MID = date(2018, 12, 31)  # half-way through 2018-01-01 … 2019-12-31
END = date(2020, 1, 1)


def _indicator(
    baseline: float | None, target: float, actual: float | None, ascending: bool = True
) -> Indicator:
    period = {"start": "2018", "end": "2019", "target": {"value": target}}
    if actual is not None:
        period["actual"] = {"value": actual}
    data: dict[str, object] = {"id": "i", "label": "x", "ascending": ascending, "periods": [period]}
    if baseline is not None:
        data["baseline"] = {"year": 2017, "value": baseline}
    return Indicator.model_validate(data)


@pytest.mark.parametrize(
    ("baseline", "target", "actual", "ascending", "when", "status"),
    [
        (0, 10, 10, True, MID, IndicatorStatus.ACHIEVED),
        (0, 10, 6, True, MID, IndicatorStatus.ON_TRACK),
        (0, 10, 2, True, MID, IndicatorStatus.OFF_TRACK),
        (0, 10, 2, True, END, IndicatorStatus.NOT_ACHIEVED),
        (20, 10, 9, False, MID, IndicatorStatus.ACHIEVED),
        (20, 10, 14, False, MID, IndicatorStatus.ON_TRACK),
        (20, 10, 19, False, MID, IndicatorStatus.OFF_TRACK),
        # a naive engine calls a missed descending target achieved (methodology.md §3)
        (20, 10, 25, False, END, IndicatorStatus.NOT_ACHIEVED),
        # a descending indicator whose target lies above its baseline is never "ahead"
        (0, 2, 5, False, MID, IndicatorStatus.OFF_TRACK),
        (0, 10, None, True, MID, IndicatorStatus.NO_DATA),
        (None, 10, 12, True, MID, IndicatorStatus.ACHIEVED),
    ],
)
def test_status(
    baseline: float | None,
    target: float,
    actual: float | None,
    ascending: bool,
    when: date,
    status: IndicatorStatus,
) -> None:
    assert indicator_progress(_indicator(baseline, target, actual, ascending), when).status is status


def test_progress_is_share_of_the_distance_in_either_direction() -> None:
    up = indicator_progress(_indicator(0, 10, 6), MID)
    down = indicator_progress(_indicator(20, 10, 14, ascending=False), MID)
    assert up.progress == pytest.approx(0.6)
    assert down.progress == pytest.approx(0.6)


def _with(period: dict[str, object], **fields: object) -> Indicator:
    data: dict[str, object] = {
        "id": "i",
        "label": "x",
        "periods": [{"start": "2018", "end": "2019", **period}],
    }
    data.update(fields)
    return Indicator.model_validate(data)


VERDICT = {"status": "achieved", "quote": "Dit cijfer wordt gehaald", "by": "evaluators"}


def test_a_number_decides_and_a_verdict_does_not_override_it() -> None:
    p = indicator_progress(_with({"target": 10, "actual": 2}, verdict=VERDICT, baseline=0), END)
    assert p.status is IndicatorStatus.NOT_ACHIEVED
    assert p.judged is None
    assert p.measured


def test_a_verdict_gives_the_status_where_no_number_does_and_says_it_was_judged() -> None:
    p = indicator_progress(_with({"target": 10}, verdict=VERDICT), END)
    assert p.status is IndicatorStatus.ACHIEVED
    assert p.judged is not None
    assert p.judged.quote == "Dit cijfer wordt gehaald"
    assert not p.measured


def test_the_period_verdict_comes_before_the_indicator_verdict() -> None:
    period = {"target": 20, "verdict": {"status": "off-track", "quote": "extra inspanning"}}
    p = indicator_progress(_with(period, verdict=VERDICT), MID)
    assert p.status is IndicatorStatus.OFF_TRACK
    assert p.judged is not None
    assert p.judged.quote == "extra inspanning"


def test_a_period_with_only_a_verdict_is_the_one_reported() -> None:
    data = {
        "id": "i",
        "label": "x",
        "periods": [
            {"start": "2017", "end": "2017", "target": 5, "actual": 5},
            {"start": "2018", "end": "2019", "verdict": {"status": "not-achieved"}},
        ],
    }
    p = indicator_progress(Indicator.model_validate(data), END)
    assert p.status is IndicatorStatus.NOT_ACHIEVED
    assert p.judged is not None


def test_a_text_actual_on_a_unit_indicator_gives_no_status_but_is_kept() -> None:
    p = indicator_progress(_with({"target": 20, "actual": "zeker 18 van de 20"}), END)
    assert p.status is IndicatorStatus.NO_DATA
    assert p.text == "zeker 18 van de 20"


def test_a_qualitative_indicator_keeps_its_text_and_takes_a_verdict() -> None:
    plain = indicator_progress(
        _with({"target": "policy adopted", "actual": "draft policy"}, measure="qualitative"), END
    )
    assert plain.status is IndicatorStatus.QUALITATIVE
    assert plain.text == "draft policy"
    judged = indicator_progress(
        _with({"target": "policy adopted", "actual": "adopted", "verdict": VERDICT}, measure="qualitative"),
        END,
    )
    assert judged.status is IndicatorStatus.ACHIEVED
    assert judged.judged is not None


@pytest.mark.parametrize(
    ("baseline", "actual", "tolerance", "status"),
    [
        (0, 96, 0.05, IndicatorStatus.ACHIEVED),  # 4 short of 100: inside the 5 % band
        (0, 94, 0.05, IndicatorStatus.NOT_ACHIEVED),
        (0, 96, 0.0, IndicatorStatus.NOT_ACHIEVED),
        (80, 99.5, 0.05, IndicatorStatus.ACHIEVED),  # the band is 5 % of the 20 to go, not of 100
        (80, 98.5, 0.05, IndicatorStatus.NOT_ACHIEVED),
        (None, 96, 0.05, IndicatorStatus.ACHIEVED),  # no baseline: 5 % of the target
    ],
)
def test_tolerance_band(
    baseline: float | None, actual: float, tolerance: float, status: IndicatorStatus
) -> None:
    fields: dict[str, object] = {} if baseline is None else {"baseline": baseline}
    indicator = _with({"target": 100, "actual": actual}, **fields)
    assert indicator_progress(indicator, END, Settings(tolerance=tolerance)).status is status


def test_the_tolerance_band_works_downwards() -> None:
    indicator = _with({"target": 10, "actual": 10.4}, baseline=20, ascending=False)
    assert indicator_progress(indicator, END).status is IndicatorStatus.ACHIEVED
    assert indicator_progress(indicator, END, Settings(tolerance=0)).status is IndicatorStatus.NOT_ACHIEVED


@pytest.mark.parametrize(
    ("actual", "score"),
    [
        (200, "A++"),
        (150, "A++"),
        (130, "A+"),
        (100, "A"),
        (96, "A"),
        (94, "B"),
        (50, "B"),
        (49, "C"),
        (0, "C"),
    ],
)
def test_fcdo_rating_of_an_ended_period(actual: float, score: str) -> None:
    indicator = _with({"target": 100, "actual": actual}, baseline=0)
    assert indicator_progress(indicator, END, Settings(rating_scale="fcdo")).rating == score


def test_no_rating_without_a_scale_a_running_period_or_a_number() -> None:
    indicator = _with({"target": 100, "actual": 100}, baseline=0)
    assert indicator_progress(indicator, END).rating is None
    assert indicator_progress(indicator, MID, Settings(rating_scale="fcdo")).rating is None
    judged = _with({"target": 100}, baseline=0, verdict=VERDICT)
    assert indicator_progress(judged, END, Settings(rating_scale="fcdo")).rating is None


@given(
    baseline=st.floats(-1e6, 1e6),
    target=st.floats(-1e6, 1e6),
    actual=st.floats(-1e6, 1e6),
    tolerance=st.floats(0, 0.5),
)
def test_a_wider_band_never_turns_met_into_missed(
    baseline: float, target: float, actual: float, tolerance: float
) -> None:
    indicator = _with({"target": target, "actual": actual}, baseline=baseline)
    narrow = indicator_progress(indicator, END, Settings(tolerance=0)).status
    wide = indicator_progress(indicator, END, Settings(tolerance=tolerance)).status
    if narrow is IndicatorStatus.ACHIEVED:
        assert wide is IndicatorStatus.ACHIEVED


# --- undated milestones (a logframe's "Milestone 1" column with no date) ------------------------


def _undated(*periods: dict[str, object], baseline: float = 0) -> Indicator:
    data = {"id": "i", "label": "x", "baseline": baseline, "periods": list(periods)}
    return Indicator.model_validate(data)


def test_the_last_undated_milestone_with_an_actual_speaks_and_counts_as_over() -> None:
    indicator = _undated(
        {"label": "Milestone 1", "target": 10, "actual": 12},
        {"label": "Milestone 2", "target": 20, "actual": 14},
        {"label": "Target", "target": 40},
    )
    p = indicator_progress(indicator, MID)
    assert p.period is indicator.periods[1]
    assert p.status is IndicatorStatus.NOT_ACHIEVED  # reported against, so over: missed, not "off track"
    assert p.elapsed == 1.0


def test_an_undated_milestone_met_is_achieved_and_one_not_reported_has_no_data() -> None:
    met = _undated({"label": "Milestone 1", "target": 10, "actual": 10}, {"label": "Target", "target": 40})
    assert indicator_progress(met, MID).status is IndicatorStatus.ACHIEVED
    unreported = _undated({"label": "Milestone 1", "target": 10}, {"label": "Target", "target": 40})
    p = indicator_progress(unreported, MID)
    assert p.status is IndicatorStatus.NO_DATA
    assert p.elapsed is None


def test_dated_periods_speak_before_undated_ones() -> None:
    indicator = _undated(
        {"start": "2018", "end": "2019", "target": 10, "actual": 6},
        {"label": "Milestone 2", "target": 20, "actual": 20},
    )
    assert indicator_progress(indicator, MID).status is IndicatorStatus.ON_TRACK


def test_a_period_needs_no_dates_but_keeps_its_order_when_it_has_both() -> None:
    assert not _undated({"start": "2019"}).periods[0].dated
    assert _undated({"start": "2019", "end": "2019"}).periods[0].dated
    with pytest.raises(ValueError, match=r"period starts \(2020\) after it ends \(2019\)"):
        _undated({"start": "2020", "end": "2019"})
