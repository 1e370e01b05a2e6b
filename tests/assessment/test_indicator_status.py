"""Indicator status follows methodology.md §3 in both directions."""

from __future__ import annotations

from datetime import date

import pytest

from toc.assessment import IndicatorStatus, indicator_progress
from toc.model import Indicator

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
