"""Indicator progress and status (docs/format.md, indicators).

progress = (actual − baseline) / (target − baseline), which works whichever way the
indicator improves. The status compares it with how much of the period has passed
on the *as-of date*. That date is never "today" by default, so that the same model
always gives the same report: it is the newest dated source of the model, else the
end of the programme period (see :func:`as_of_date`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from toc.model import Indicator, IndicatorPeriod, Measure, Model
from toc.model.base import date_bounds

__all__ = ["IndicatorStatus", "Progress", "as_of_date", "indicator_progress"]


class IndicatorStatus(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on-track"
    OFF_TRACK = "off-track"
    NOT_ACHIEVED = "not-achieved"
    NO_DATA = "no-data"
    QUALITATIVE = "qualitative"


@dataclass(frozen=True, slots=True)
class Progress:
    """Where an indicator stands in one period."""

    indicator: Indicator
    period: IndicatorPeriod | None
    status: IndicatorStatus
    baseline: float | None
    target: float | None
    actual: float | None
    progress: float | None
    elapsed: float | None


def as_of_date(model: Model) -> date:
    """The date a model speaks for: its newest dated source, else its period's end, else today."""
    dated = [date_bounds(s.date)[1] for s in model.sources if s.date]
    if dated:
        return date.fromisoformat(max(dated))
    if model.programme.period is not None:
        return date.fromisoformat(date_bounds(model.programme.period.end)[1])
    return date.today()  # pragma: no cover - a model with no dates at all


def _period(indicator: Indicator, as_of: date) -> IndicatorPeriod | None:
    """The latest period that has started by ``as_of`` and has a target; else the first one."""
    started = [p for p in indicator.periods if p.target is not None and _first_day(p.start) <= as_of]
    if started:
        return max(started, key=lambda p: date_bounds(p.start)[0])
    return indicator.periods[0] if indicator.periods else None


def indicator_progress(indicator: Indicator, as_of: date) -> Progress:
    """Status of an indicator on ``as_of``; respects ``ascending: false``."""
    period = _period(indicator, as_of)
    baseline = indicator.baseline.value if indicator.baseline else None
    target = period.target.value if period and period.target else None
    actual = period.actual.value if period and period.actual else None
    if indicator.measure is Measure.QUALITATIVE:
        return Progress(indicator, period, IndicatorStatus.QUALITATIVE, baseline, target, actual, None, None)
    elapsed = _elapsed(period, as_of) if period else None
    if target is None or actual is None or period is None:
        return Progress(indicator, period, IndicatorStatus.NO_DATA, baseline, target, actual, None, elapsed)
    met = actual >= target if indicator.ascending else actual <= target
    progress = None
    gap = None if baseline is None else target - baseline
    if gap is not None and (gap > 0 if indicator.ascending else gap < 0):
        # Only a target that lies in the indicator's direction gives a meaningful share;
        # otherwise (baseline 0, target 2, descending) progress would read as "ahead".
        progress = (actual - baseline) / gap if baseline is not None else None
    if met:
        status = IndicatorStatus.ACHIEVED
    elif elapsed is not None and elapsed >= 1:
        status = IndicatorStatus.NOT_ACHIEVED
    elif progress is not None and elapsed is not None and progress >= elapsed:
        status = IndicatorStatus.ON_TRACK
    else:
        status = IndicatorStatus.OFF_TRACK
    return Progress(indicator, period, status, baseline, target, actual, progress, elapsed)


def _elapsed(period: IndicatorPeriod, as_of: date) -> float:
    """Share of the period gone by on ``as_of``, in [0, 1]."""
    start = _first_day(period.start)
    end = _last_day(period.end)
    if as_of >= end:
        return 1.0
    if as_of <= start:
        return 0.0
    return (as_of - start).days / max((end - start).days, 1)


@lru_cache(maxsize=4096)
def _first_day(value: str) -> date:
    """The first day a partial date covers (a model repeats a few period dates many times)."""
    return date.fromisoformat(date_bounds(value)[0])


@lru_cache(maxsize=4096)
def _last_day(value: str) -> date:
    """The last day a partial date covers."""
    return date.fromisoformat(date_bounds(value)[1])
