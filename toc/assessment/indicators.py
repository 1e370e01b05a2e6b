"""Indicator progress and status (docs/format.md, indicators).

progress = (actual − baseline) / (target − baseline), which works whichever way the
indicator improves. The status compares it with how much of the period has passed
on the *as-of date*. That date is never "today" by default, so that the same model
always gives the same report: it is the newest dated source of the model, else the
end of the programme period (see :func:`as_of_date`).

Where a number decides the status, it is **measured**: an actual counts as met when
it misses the target by no more than the tolerance band (``settings.tolerance``, a
share of the baseline-to-target distance, or of the target when there is no
baseline). Where no number decides it — no total target or actual, a text value, a
qualitative indicator — an evaluator's verdict gives the status, the period's verdict
before the indicator's, and the status is **judged**: :attr:`Progress.judged` holds the
verdict, and every output marks it as judged, not measured.

An ended period with a measured status is rated on the donor scale the model names
(``settings.rating_scale``); see :func:`rating`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from toc.model import Indicator, IndicatorPeriod, Measure, Model, RatingScale, Settings
from toc.model.base import Text, date_bounds
from toc.model.verdicts import Verdict

__all__ = [
    "FCDO_CUTOFFS",
    "IndicatorStatus",
    "Progress",
    "as_of_date",
    "indicator_progress",
    "model_progress",
    "period_progress",
    "rating",
]


class IndicatorStatus(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on-track"
    OFF_TRACK = "off-track"
    NOT_ACHIEVED = "not-achieved"
    NO_DATA = "no-data"
    QUALITATIVE = "qualitative"


DEFAULT_SETTINGS = Settings()

FCDO_CUTOFFS: tuple[tuple[float, str], ...] = ((1.5, "A++"), (1.2, "A+"), (1.0, "A"), (0.5, "B"))
"""The project's cut-offs from achievement (share of the baseline-to-target change
reached) to the five FCDO/DFID scores, highest first; below the last one is ``C``.

DFID's "How to note: Reviewing and scoring projects" (2011) defines the letters —
A++ outputs substantially exceeded expectation, A+ moderately exceeded, A met, B
moderately did not meet, C substantially did not meet — but no numbers; these
cut-offs are this project's reading of them (docs/format.md, "Tolerance and
ratings"). ``A`` starts at 1 − tolerance: a target met within the band is met.
"""


@dataclass(frozen=True, slots=True)
class Progress:
    """Where an indicator stands in one period.

    ``judged`` is the verdict the status comes from when no number decides it (the
    status was judged, not measured); ``text`` is a text actual (a qualitative value);
    ``rating`` the donor score of an ended, measured period, when the model asks for one.
    """

    indicator: Indicator
    period: IndicatorPeriod | None
    status: IndicatorStatus
    baseline: float | None
    target: float | None
    actual: float | None
    progress: float | None
    elapsed: float | None
    judged: Verdict | None = None
    text: Text | None = None
    rating: str | None = None

    @property
    def measured(self) -> bool:
        """True when numbers decided the status (not a verdict, not 'no data')."""
        return self.judged is None and self.status not in (
            IndicatorStatus.NO_DATA,
            IndicatorStatus.QUALITATIVE,
        )


def as_of_date(model: Model) -> date:
    """The date a model speaks for: its newest dated source, else its period's end, else today."""
    dated = [date_bounds(s.date)[1] for s in model.sources if s.date]
    if dated:
        return date.fromisoformat(max(dated))
    if model.programme.period is not None:
        return date.fromisoformat(date_bounds(model.programme.period.end)[1])
    return date.today()  # pragma: no cover - a model with no dates at all


def _counts(period: IndicatorPeriod) -> bool:
    """A period the status can speak for: it has a total target, or a verdict."""
    return period.target is not None or period.verdict is not None


def _period(indicator: Indicator, as_of: date) -> IndicatorPeriod | None:
    """The period the status speaks for.

    Dated periods speak first: the latest that has started by ``as_of`` and has a target or a
    verdict. Without one, the last period with no start date whose actual is reported (an
    undated milestone, read in the order written); else the first period.
    """
    started = [p for p in indicator.periods if _counts(p) and p.start and _first_day(p.start) <= as_of]
    if started:
        return max(started, key=lambda p: date_bounds(p.start or "")[0])
    reported = [p for p in indicator.periods if _counts(p) and p.start is None and p.actuals]
    if reported:
        return reported[-1]
    return indicator.periods[0] if indicator.periods else None


def indicator_progress(indicator: Indicator, as_of: date, settings: Settings = DEFAULT_SETTINGS) -> Progress:
    """Status of an indicator on ``as_of``; respects ``ascending: false`` and ``settings``."""
    return period_progress(indicator, _period(indicator, as_of), as_of, settings)


def model_progress(model: Model, as_of: date | None = None) -> dict[str, Progress]:
    """Indicator id → its progress on ``as_of`` (default: the model's as-of date) under its settings."""
    day = as_of_date(model) if as_of is None else as_of
    return {i.id: indicator_progress(i, day, model.settings) for _, i in model.indicators()}


def period_progress(
    indicator: Indicator, period: IndicatorPeriod | None, as_of: date, settings: Settings = DEFAULT_SETTINGS
) -> Progress:
    """Status of ``indicator`` in one of its periods (a milestone) on ``as_of``."""
    baseline = indicator.baseline.value if indicator.baseline else None
    target = period.target.value if period and period.target else None
    actual = period.actual.value if period and period.actual else None
    text = period.actual.text if period and period.actual else None
    verdict = (period.verdict if period else None) or indicator.verdict
    elapsed = _elapsed(period, as_of) if period else None
    if indicator.measure is Measure.QUALITATIVE:
        status = IndicatorStatus(verdict.status.value) if verdict else IndicatorStatus.QUALITATIVE
        return Progress(indicator, period, status, baseline, target, actual, None, elapsed, verdict, text)
    if target is None or actual is None or period is None:
        if verdict is not None:
            status = IndicatorStatus(verdict.status.value)
            return Progress(indicator, period, status, baseline, target, actual, None, elapsed, verdict, text)
        return Progress(
            indicator, period, IndicatorStatus.NO_DATA, baseline, target, actual, None, elapsed, None, text
        )
    progress = None
    gap = None if baseline is None else target - baseline
    if gap is not None and (gap > 0 if indicator.ascending else gap < 0):
        # Only a target that lies in the indicator's direction gives a meaningful share;
        # otherwise (baseline 0, target 2, descending) progress would read as "ahead".
        progress = (actual - baseline) / gap if baseline is not None else None
    band = settings.tolerance * abs(target if gap is None else gap)
    met = actual >= target - band if indicator.ascending else actual <= target + band
    if met:
        status = IndicatorStatus.ACHIEVED
    elif elapsed is not None and elapsed >= 1:
        status = IndicatorStatus.NOT_ACHIEVED
    elif progress is not None and elapsed is not None and progress >= elapsed:
        status = IndicatorStatus.ON_TRACK
    else:
        status = IndicatorStatus.OFF_TRACK
    score = None
    if settings.rating_scale is not None and progress is not None and elapsed is not None and elapsed >= 1:
        score = rating(progress, settings.rating_scale, settings.tolerance)
    return Progress(indicator, period, status, baseline, target, actual, progress, elapsed, None, text, score)


def rating(achievement: float, scale: RatingScale, tolerance: float) -> str:
    """The donor score for an achievement (share of the baseline-to-target change reached).

    The ``A`` cut-off moves down by the tolerance, so that a target met within the band
    scores as met, as it counts as achieved.
    """
    del scale  # one scale so far: FCDO (RatingScale.FCDO)
    for cutoff, score in FCDO_CUTOFFS:
        if achievement >= (cutoff - tolerance if score == "A" else cutoff):
            return score
    return "C"


def _elapsed(period: IndicatorPeriod, as_of: date) -> float | None:
    """Share of the period gone by on ``as_of``, in [0, 1].

    A period without both dates has no share: it counts as over once its actual is reported
    (nothing else says when it ends), and as unknown before.
    """
    if period.start is None or period.end is None:
        return 1.0 if period.actuals else None
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
