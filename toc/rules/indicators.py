"""Indicators: does each result have one, does it measure change, and what does it say?

Progress and status come from :func:`toc.assessment.indicator_progress` on the model's
as-of date (:func:`toc.assessment.as_of_date`); these rules only report them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from toc.diagnostics import Severity
from toc.model import Indicator, Level, Measure
from toc.model.base import date_bounds
from toc.model.indicators import Value
from toc.numbers_display import period_dates, show_number
from toc.rules.base import Context, Finding, rule

if TYPE_CHECKING:
    from toc.assessment import Progress

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
MEASURED = (Level.OUTPUT, Level.OUTCOME, Level.IMPACT)


def _num(value: float | None) -> str:
    return "?" if value is None else show_number(value)


def _judged(ctx: Context, p: Progress) -> str | None:
    """``judged, not measured, by the evaluators`` when a verdict gave the status, else None:
    a judged status has no actual to set against the target."""
    if p.judged is None:
        return None
    by = ctx.text(p.judged.by) if p.judged.by is not None else ""
    return "judged, not measured" + (f", by {by}" if by else "")


@rule("TOC401", "indicator-missing", groups=("indicators",), severity=WARNING)
def indicator_missing(ctx: Context) -> Iterator[Finding]:
    """An output, outcome or impact has no indicator.

    A result without an indicator cannot be monitored or shown to have happened;
    the logframe's second column is empty. (Activities carry means and costs,
    not indicators, and are left alone.)

    Fails:

        nodes:
          - {id: habits, level: outcome, label: Households use filters}

    Passes:

        nodes:
          - id: habits
            level: outcome
            label: Households use filters
            indicators:
              - {id: i1, label: Share of households using a filter daily, measure: percentage}
    """
    for node in ctx.model.nodes:
        if node.level in MEASURED and not node.indicators:
            yield Finding(node.id, f"{node.level} {ctx.label(node.id)} has no indicator")


_COUNT = re.compile(r"\b(aantal|number of|no\. of|# of|count of|how many)\b", re.IGNORECASE)
_ACTIVITY = re.compile(
    r"\b("
    # Dutch: things a programme organises or sends, and what it does with them
    r"nieuwsbrie\w*|opleiding\w*|vorming\w*|studiedag\w*|infosessie\w*|sessie\w*|workshop\w*|"
    r"bijeenkomst\w*|vergadering\w*|evenement\w*|publicatie\w*|brochure\w*|artikel\w*|campagne\w*|"
    r"netwerkmoment\w*|lerende netwerk\w*|webinar\w*|bezoek\w*|deelnemer\w*|"
    r"georganiseerd\w*|verspreid\w*|gegeven|gehouden|uitgegeven|verstuurd|gepubliceerd|opgeleid|"
    # English
    r"newsletter\w*|training\w*|session\w*|meeting\w*|event\w*|study days?|publication\w*|"
    r"leaflet\w*|visit\w*|campaign\w*|conference\w*|mailing\w*|participant\w*|attendee\w*|"
    r"organi[sz]ed|held|delivered|distributed|sent|published|conducted|given|trained"
    r")\b",
    re.IGNORECASE,
)


def activity_count(text: str) -> list[str]:
    """The activity words of an indicator that counts activities ("number of trainings held")."""
    if not _COUNT.search(text):
        return []
    return [m.group(0).lower() for m in _ACTIVITY.finditer(text)]


def _texts(value: object) -> list[str]:
    if isinstance(value, dict):
        return [str(v) for v in value.values()]
    return [str(value)] if value is not None else []


@rule("TOC402", "indicator-counts-activity", groups=("indicators", "iati"), severity=WARNING)
def indicator_counts_activity(ctx: Context) -> Iterator[Finding]:
    """An indicator of a result counts the programme's own activities rather than a change.

    "Number of newsletters sent" says what the programme did, not whether
    municipalities are better informed (seed para 58, result R1.1). Recognised
    from wording in Dutch and English: a count ("aantal", "number of") of
    something a programme organises or delivers (newsletters, trainings, study
    days, sessions, workshops, events, participants…) or with a verb of delivery
    ("georganiseerd", "verspreid", "gegeven", "organised", "held", "delivered"…).
    On outcomes and impacts this is always flagged. On an output it is flagged
    only when the counted thing is not the output itself: "number of filters
    distributed" measures the output "Filters distributed", but not
    "Municipalities are informed".

    Fails:

        nodes:
          - id: informed
            level: outcome
            label: {nl: Gemeenten zijn geïnformeerd}
            indicators:
              - {id: i1, label: {nl: Aantal nieuwsbrieven verspreid}}

    Passes:

        nodes:
          - id: informed
            level: outcome
            label: {nl: Gemeenten zijn geïnformeerd}
            indicators:
              - {id: i1, label: {nl: Aandeel gemeenten dat de SDG's kent}, measure: percentage}
    """
    for node, indicator in ctx.indicators:
        if node.level not in MEASURED:
            continue
        words: list[str] = []
        for text in _texts(indicator.label) + _texts(indicator.description):
            words = activity_count(text)
            if words:
                break
        if not words:
            continue
        if node.level is Level.OUTPUT:
            own = " ".join(_texts(node.label)).lower()
            if any(w[:5] in own for w in words):
                continue
        yield Finding(
            indicator.id,
            f"indicator {ctx.label(indicator.id)} of {node.level} {ctx.label(node.id)} counts "
            f"the programme's own activity ({', '.join(dict.fromkeys(words))}), not a change in "
            "the people or organisations it seeks to change",
            "label",
        )


def _quantitative(indicator: Indicator) -> bool:
    return indicator.measure is not Measure.QUALITATIVE


@rule("TOC403", "indicator-no-baseline", groups=("indicators",), severity=WARNING)
def indicator_no_baseline(ctx: Context) -> Iterator[Finding]:
    """An indicator has no baseline (or a quantitative one has no baseline value).

    Without a baseline no change can be shown, only a level; IATI requires the
    baseline year, and a value for every measure but the qualitative one.

    Fails:

        nodes:
          - id: habits
            level: outcome
            label: Households use filters
            indicators:
              - {id: i1, label: Share of households using a filter, measure: percentage}

    Passes:

        nodes:
          - id: habits
            level: outcome
            label: Households use filters
            indicators:
              - id: i1
                label: Share of households using a filter
                measure: percentage
                baseline: {year: 2023, value: 12}
    """
    for _, indicator in ctx.indicators:
        if indicator.baseline is None:
            yield Finding(indicator.id, f"indicator {ctx.label(indicator.id)} has no baseline")
        elif _quantitative(indicator) and indicator.baseline.value is None:
            yield Finding(
                indicator.id,
                f"indicator {ctx.label(indicator.id)} has a baseline year "
                f"({indicator.baseline.year}) but no baseline value",
                "baseline",
            )


def _has_target(indicator: Indicator) -> bool:
    for period in indicator.periods:
        target = period.target
        if target is None:
            continue
        if target.value is not None or target.text is not None:
            return True
        if not _quantitative(indicator) and target.comment is not None:
            return True
    return False


@rule("TOC404", "indicator-no-target", groups=("indicators",), severity=WARNING)
def indicator_no_target(ctx: Context) -> Iterator[Finding]:
    """An indicator has no target.

    An indicator without a target says what will be watched but not what counts
    as success; progress cannot be judged. A qualitative indicator's target is
    its text (``target: policy adopted``) or its comment.

    Fails:

        nodes:
          - id: habits
            level: outcome
            label: Households use filters
            indicators:
              - id: i1
                label: Share of households using a filter
                measure: percentage
                baseline: {year: 2023, value: 12}

    Passes:

        nodes:
          - id: habits
            level: outcome
            label: Households use filters
            indicators:
              - id: i1
                label: Share of households using a filter
                measure: percentage
                baseline: {year: 2023, value: 12}
                periods:
                  - {start: 2024-01, end: 2026-12, target: {value: 60}}
    """
    for _, indicator in ctx.indicators:
        if not _has_target(indicator):
            yield Finding(indicator.id, f"indicator {ctx.label(indicator.id)} has no target")


@rule("TOC405", "indicator-target-missed", groups=("indicators",), severity=WARNING)
def indicator_target_missed(ctx: Context) -> Iterator[Finding]:
    """An indicator's period has ended and its target was not met.

    A result the programme committed to and did not reach. A finding for the
    evaluation rather than a flaw in the model, hence a warning, not an error.
    Direction is respected (``ascending: false``). While the period is still
    running, a shortfall is ``indicator-off-track`` instead.

    Fails:

        programme: {id: p, title: P, period: {start: 2017-01, end: 2019-12}}
        nodes:
          - id: pilot
            level: output
            label: Pilot municipalities
            indicators:
              - id: i1
                label: Municipalities in the pilot
                baseline: {year: 2016, value: 0}
                periods:
                  - {start: 2017-01, end: 2019-12, target: {value: 20}, actual: {value: 12}}

    Passes:

        programme: {id: p, title: P, period: {start: 2017-01, end: 2019-12}}
        nodes:
          - id: pilot
            level: output
            label: Pilot municipalities
            indicators:
              - id: i1
                label: Municipalities in the pilot
                baseline: {year: 2016, value: 0}
                periods:
                  - {start: 2017-01, end: 2019-12, target: {value: 20}, actual: {value: 21}}
    """
    from toc.assessment import IndicatorStatus

    for _, indicator in ctx.indicators:
        p = ctx.progress[indicator.id]
        if p.status is IndicatorStatus.NOT_ACHIEVED and p.period is not None:
            judged = _judged(ctx, p)
            figures = (
                f"{_num(p.actual)} against {_num(p.target)} (baseline {_num(p.baseline)})"
                if judged is None
                else f"{judged}; the target was {_num(p.target)}"
            )
            yield Finding(
                indicator.id,
                f"indicator {ctx.label(indicator.id)} missed its target: {figures} "
                f"for {period_dates(p.period)}",
                "periods",
            )


@rule("TOC406", "indicator-off-track", groups=("indicators",), severity=INFO)
def indicator_off_track(ctx: Context) -> Iterator[Finding]:
    """An indicator is behind the pace its target needs, with time left.

    Progress (actual − baseline) / (target − baseline) is below the share of the
    period that has passed on the model's as-of date. At mid-term this is a
    signal to watch rather than a failure, hence info. Where an evaluator's verdict
    gives the status (no number reported), the message says it was judged.

    Fails:

        sources:
          - {id: mtr, title: Mid-term review, date: 2025-12}
        nodes:
          - id: habits
            level: outcome
            label: Households use filters
            indicators:
              - id: i1
                label: Share of households using a filter
                measure: percentage
                baseline: {year: 2023, value: 10}
                periods:
                  - {start: 2024-01, end: 2026-12, target: {value: 60}, actual: {value: 20}}

    Passes:

        sources:
          - {id: mtr, title: Mid-term review, date: 2025-12}
        nodes:
          - id: habits
            level: outcome
            label: Households use filters
            indicators:
              - id: i1
                label: Share of households using a filter
                measure: percentage
                baseline: {year: 2023, value: 10}
                periods:
                  - {start: 2024-01, end: 2026-12, target: {value: 60}, actual: {value: 50}}
    """
    from toc.assessment import IndicatorStatus

    for _, indicator in ctx.indicators:
        p = ctx.progress[indicator.id]
        if p.status is IndicatorStatus.OFF_TRACK:
            pace = ""
            if p.progress is not None and p.elapsed is not None:
                pace = f": {p.progress:.0%} of the way with {p.elapsed:.0%} of the period gone"
            judged = _judged(ctx, p)
            figures = (
                f"({_num(p.actual)} against a target of {_num(p.target)})"
                if judged is None
                else f"({judged}; the target is {_num(p.target)})"
            )
            yield Finding(
                indicator.id,
                f"indicator {ctx.label(indicator.id)} is off track as of {ctx.as_of}{pace} {figures}",
                "periods",
            )


@rule("TOC407", "indicator-direction", groups=("indicators",), severity=WARNING)
def indicator_direction(ctx: Context) -> Iterator[Finding]:
    """An indicator's target lies the wrong way from its baseline for its direction.

    With ``ascending: true`` (the IATI default) a target below the baseline, or
    with ``ascending: false`` a target above it, means either the direction or the
    target is wrong; and progress, achieved and missed are then all computed the
    wrong way round. A final target equal to the baseline seeks no change at all.
    An earlier milestone of 0 or of the baseline itself (nothing expected yet in year
    1, as logframes often plan) is not a direction and is left alone.

    Fails:

        nodes:
          - id: ill
            level: outcome
            label: Fewer waterborne illnesses
            indicators:
              - id: i1
                label: Cases of diarrhoea per 1000 children
                baseline: {year: 2023, value: 80}
                periods:
                  - {start: 2024-01, end: 2026-12, target: {value: 40}}

    Passes:

        nodes:
          - id: ill
            level: outcome
            label: Fewer waterborne illnesses
            indicators:
              - id: i1
                label: Cases of diarrhoea per 1000 children
                ascending: false
                baseline: {year: 2023, value: 80}
                periods:
                  - {start: 2024-01, end: 2026-12, target: {value: 40}}
    """
    for _, indicator in ctx.indicators:
        base = indicator.baseline.value if indicator.baseline else None
        if base is None or not _quantitative(indicator):
            continue
        targets = [p.target.value for p in indicator.periods if p.target and p.target.value is not None]
        for number, target in enumerate(targets, start=1):
            if number < len(targets) and (target == 0 or target == base):
                continue  # an early milestone of 0, or of no change yet, is not a direction
            if target == base:
                yield Finding(
                    indicator.id,
                    f"indicator {ctx.label(indicator.id)}: the target ({_num(target)}) equals the baseline, "
                    "so no change is sought",
                    "periods",
                )
            elif indicator.ascending and target < base:
                yield Finding(
                    indicator.id,
                    f"indicator {ctx.label(indicator.id)} is ascending but its target ({_num(target)}) is "
                    f"below its baseline ({_num(base)}): should it say 'ascending: false'?",
                    "periods",
                )
            elif not indicator.ascending and target > base:
                yield Finding(
                    indicator.id,
                    f"indicator {ctx.label(indicator.id)} is descending ('ascending: false') but its target "
                    f"({_num(target)}) is above its baseline ({_num(base)})",
                    "ascending",
                )
            else:
                continue
            break


@rule("TOC408", "indicator-qualitative-with-value", groups=("indicators", "iati"), severity=WARNING)
def indicator_qualitative_with_value(ctx: Context) -> Iterator[Finding]:
    """A qualitative indicator carries numeric values.

    IATI: a qualitative indicator (measure 5) is described in comments or text, not
    numbers. Numbers on it (a baseline, target or actual, a total or a part by
    dimension) are ignored by the progress calculation, so either the measure or
    the values are wrong.

    Fails:

        nodes:
          - id: policy
            level: outcome
            label: Municipalities adopt a global policy
            indicators:
              - id: i1
                label: Quality of the policy plans
                measure: qualitative
                baseline: {year: 2016, value: 2}

    Passes:

        nodes:
          - id: policy
            level: outcome
            label: Municipalities adopt a global policy
            indicators:
              - id: i1
                label: Quality of the policy plans
                measure: qualitative
                baseline: {year: 2016, comment: Few plans mention global policy}
    """
    for _, indicator in ctx.indicators:
        if _quantitative(indicator):
            continue
        values: list[Value] = list(indicator.baselines)
        for period in indicator.periods:
            values += period.targets + period.actuals
        if any(v.value is not None for v in values):
            yield Finding(
                indicator.id,
                f"qualitative indicator {ctx.label(indicator.id)} has numeric values: "
                "use comments, or choose a quantitative measure",
                "measure",
            )


def _ended(end: str, as_of: date) -> bool:
    return date.fromisoformat(date_bounds(end)[1]) <= as_of


@rule("TOC409", "indicator-unmeasured", groups=("indicators",), severity=INFO)
def indicator_unmeasured(ctx: Context) -> Iterator[Finding]:
    """A period with a target has ended, and no actual value was recorded.

    The target was set but nobody measured whether it was reached: monitoring
    stopped at activity level, or the data is missing from the model. A text
    actual or a verdict on the period counts as recorded.

    Fails:

        programme: {id: p, title: P, period: {start: 2017-01, end: 2019-12}}
        nodes:
          - id: pilot
            level: output
            label: Pilot municipalities
            indicators:
              - id: i1
                label: Municipalities in the pilot
                periods:
                  - {start: 2017-01, end: 2018-12, target: {value: 20}}

    Passes:

        programme: {id: p, title: P, period: {start: 2017-01, end: 2019-12}}
        nodes:
          - id: pilot
            level: output
            label: Pilot municipalities
            indicators:
              - id: i1
                label: Municipalities in the pilot
                periods:
                  - {start: 2017-01, end: 2018-12, target: {value: 20}, actual: {value: 21}}
    """
    ended: dict[str, bool] = {}  # many periods end on the same date
    for _, indicator in ctx.indicators:
        if not indicator.measured:
            continue  # indicator-not-measured says so already
        for period in indicator.periods:
            if period.target is None or period.end is None:
                continue  # without an end date, nothing says the period is over
            over = ended.get(period.end)
            if over is None:
                over = ended[period.end] = _ended(period.end, ctx.as_of)
            if not over:
                continue
            actual = period.actual
            if period.verdict is None and (
                actual is None or (actual.value is None and actual.text is None and actual.comment is None)
            ):
                yield Finding(
                    indicator.id,
                    f"indicator {ctx.label(indicator.id)} has a target for {period_dates(period)} "
                    "but no actual value, and that period has ended",
                    "periods",
                )
                break


@rule("TOC410", "indicator-not-measured", groups=("indicators",), severity=WARNING)
def indicator_not_measured(ctx: Context) -> Iterator[Finding]:
    """An indicator is declared not measured: no data is collected for it.

    A target nobody measures cannot be assessed, however the programme goes; the
    result it stands for is then judged on anecdote. The seed evaluation says of
    R1.2 that VVSG does not ask whether lessons are applied, "waardoor het niet
    mogelijk is om resultaat 1.2. in het logisch kader conclusief te beoordelen"
    (Tabel 3). Set ``measured: false`` on such an indicator; its comment or the
    period's ``actual.comment`` should say why.

    Fails:

        nodes:
          - id: apply
            level: outcome
            label: Municipalities apply what they learnt
            indicators:
              - id: i1
                label: Share of participants who apply the lessons
                measured: false
                periods: [{start: 2017-01, end: 2019-12, target: {value: 50}}]

    Passes:

        nodes:
          - id: apply
            level: outcome
            label: Municipalities apply what they learnt
            indicators:
              - id: i1
                label: Share of participants who apply the lessons
                periods: [{start: 2017-01, end: 2019-12, target: {value: 50}, actual: {value: 35}}]
    """
    for _, indicator in ctx.indicators:
        if not indicator.measured:
            yield Finding(
                indicator.id,
                f"indicator {ctx.label(indicator.id)} is not measured: no data is collected for it, "
                "so its result cannot be assessed",
                "measured",
            )


def _groups(indicator: Indicator) -> Iterator[tuple[str, list[Value]]]:
    """The value lists a total and its parts belong to: the baselines of one year or date,
    and each period's targets and its actuals."""
    years: dict[str, list[Value]] = {}
    for b in indicator.baselines:
        when = b.date or (str(b.year) if b.year is not None else "")
        years.setdefault(when, []).append(b)
    for when, values in years.items():
        yield (f"baseline {when}" if when else "baseline"), values
    for period in indicator.periods:
        span = period_dates(period)
        yield f"target for {span}", period.targets
        yield f"actual for {span}", period.actuals


def _parts(values: list[Value]) -> dict[str, list[float]]:
    """Dimension name → the numbers of the parts that split the total by that one dimension."""
    out: dict[str, list[float]] = {}
    for v in values:
        if v.value is not None and len(v.dimensions) == 1 and not v.locations:
            [name] = v.dimensions
            out.setdefault(name, []).append(v.value)
    return out


@rule("TOC411", "indicator-parts-total", groups=("indicators",), severity=WARNING)
def indicator_parts_total(ctx: Context) -> Iterator[Finding]:
    """A total and its parts by one dimension do not add up.

    Where a baseline, target or actual gives both the total and its parts by one
    dimension (sex: female, sex: male), the parts should sum to the total, within
    the model's tolerance (``settings.tolerance``, a share of the total). A gap
    means a part is missing, a figure is mistyped, or the parts count something
    else. Parts are compared per dimension name, and only when there are at least
    two of them; parts by location, or by several dimensions at once, are left alone.

    Fails:

        nodes:
          - id: trained
            level: output
            label: Promoters trained
            indicators:
              - id: i1
                label: Promoters trained
                periods:
                  - start: 2024-01
                    end: 2024-12
                    target:
                      - {value: 100}
                      - {value: 40, dimensions: {sex: female}}
                      - {value: 40, dimensions: {sex: male}}

    Passes:

        nodes:
          - id: trained
            level: output
            label: Promoters trained
            indicators:
              - id: i1
                label: Promoters trained
                periods:
                  - start: 2024-01
                    end: 2024-12
                    target:
                      - {value: 100}
                      - {value: 60, dimensions: {sex: female}}
                      - {value: 40, dimensions: {sex: male}}
    """
    tolerance = ctx.model.settings.tolerance
    for _, indicator in ctx.indicators:
        for what, values in _groups(indicator):
            total = next((v.value for v in values if v.is_total and v.value is not None), None)
            if total is None:
                continue
            for name, numbers in _parts(values).items():
                added = sum(numbers)
                if len(numbers) >= 2 and abs(added - total) > tolerance * abs(total):
                    yield Finding(
                        indicator.id,
                        f"indicator {ctx.label(indicator.id)}: the {what} by {name} adds up to "
                        f"{_num(added)}, not the total {_num(total)}",
                        "baseline" if what.startswith("baseline") else "periods",
                    )


def _text_only(value: Value | None) -> bool:
    return value is not None and value.value is None and value.text is not None


@rule("TOC412", "indicator-text-value", groups=("indicators",), severity=WARNING)
def indicator_text_value(ctx: Context) -> Iterator[Finding]:
    """A count or percentage indicator has a target or actual in words, with no number.

    The status of a unit or percentage indicator is computed from numbers; a
    text total ("74 municipalities signed" against a target of 50 %) leaves it
    unknown. Give the number, or a verdict on the period or the indicator (an
    evaluator's judgement), which then gives the status and silences this rule.

    Fails:

        nodes:
          - id: declared
            level: outcome
            label: Municipalities sign the SDG declaration
            indicators:
              - id: i1
                label: Share of municipalities that signed
                measure: percentage
                periods:
                  - {start: 2017-01, end: 2019-12, target: 50, actual: 74 municipalities signed}

    Passes:

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
                    target: 50
                    actual: 74 municipalities signed
                    verdict: {status: off-track, by: the evaluators}
    """
    for _, indicator in ctx.indicators:
        if indicator.measure not in (Measure.UNIT, Measure.PERCENTAGE) or indicator.verdict is not None:
            continue
        for period in indicator.periods:
            if period.verdict is not None:
                continue
            which = [
                n for n, v in (("a target", period.target), ("an actual", period.actual)) if _text_only(v)
            ]
            if which:
                yield Finding(
                    indicator.id,
                    f"indicator {ctx.label(indicator.id)} ({indicator.measure}) has {' and '.join(which)} "
                    f"in words, with no number, for {period_dates(period)}: its status cannot be "
                    "computed; give the number, or a verdict",
                    "periods",
                )
                break
