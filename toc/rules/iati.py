"""IATI: what makes published results useless to whoever reads them (docs/iati.md).

These run on every model; a model read from an IATI file (``toc check activities.xml``) has
its findings at the XML element's line and column. A code the IATI codelists do not hold is
kept by the reader as an ``iati:ATTRIBUTE=CODE`` tag, which is what the codelist rule reads.
A period without its dates (an undated milestone) is kept by the readers and flagged
here, as IATI requires both dates of every period.
"""

from __future__ import annotations

from collections.abc import Iterator

from toc.diagnostics import Severity
from toc.io.iati.codelists import COUNTRY, CURRENCY, INDICATOR_MEASURE, INDICATOR_VOCABULARY, RESULT_TYPE
from toc.model.base import date_bounds
from toc.numbers_display import period_dates
from toc.rules.base import Context, Finding, rule

_CODELISTS = {
    "type": ("ResultType", RESULT_TYPE),
    "measure": ("IndicatorMeasure", INDICATOR_MEASURE),
    "ascending": ("boolean", {"0": "", "1": ""}),
}


def _bad_tags(tags: list[str]) -> Iterator[tuple[str, str]]:
    for tag in tags:
        key, equals, code = tag.partition("=")
        if equals and key.startswith("iati:") and key[5:] in _CODELISTS:
            name, codes = _CODELISTS[key[5:]]
            if code not in codes:
                yield key[5:], f"{key[5:]} {code!r} is not in the IATI {name} codelist ({', '.join(codes)})"


@rule("TOC701", "iati-codelist", groups=("iati",), severity=Severity.WARNING)
def iati_codelist(ctx: Context) -> Iterator[Finding]:
    """A code is not in its IATI codelist.

    The IATI schema checks structure, not codes: ``measure="NDP"`` or a result
    of ``type="output"`` passes it, and every tool that reads the file then
    guesses or drops the result. Checked: result type, indicator measure and
    ascending, indicator reference vocabulary, recipient country, and budget
    currency (IATI codelists, version 2.03).

    Fails:

        programme: {id: p, title: P, country: XX}

    Passes:

        programme: {id: p, title: P, country: KE}
    """
    programme = ctx.model.programme
    country = programme.country
    if country is not None and len(country) == 2 and country.isupper() and country not in COUNTRY:
        yield Finding(
            "programme", f"recipient country {country!r} is not in the IATI Country codelist", "country"
        )
    budget = programme.budget
    if budget is not None and budget.currency not in CURRENCY:
        yield Finding(
            "programme", f"currency {budget.currency!r} is not in the IATI Currency codelist", "budget"
        )
    for node in ctx.model.nodes:
        for field, message in _bad_tags(node.tags):
            yield Finding(node.id, f"result {ctx.label(node.id)}: {message}", field)
        for indicator in node.indicators:
            for field, message in _bad_tags(indicator.tags):
                yield Finding(indicator.id, f"indicator {ctx.label(indicator.id)}: {message}", field)
            for reference in indicator.reference:
                if reference.vocabulary not in INDICATOR_VOCABULARY:
                    yield Finding(
                        indicator.id,
                        f"indicator {ctx.label(indicator.id)}: reference vocabulary {reference.vocabulary!r} "
                        "is not in the IATI IndicatorVocabulary codelist (1-9, 99)",
                        "reference",
                    )


@rule("TOC702", "iati-actual-outside-period", groups=("iati",), severity=Severity.WARNING)
def iati_actual_outside_period(ctx: Context) -> Iterator[Finding]:
    """An actual is reported for a period outside the programme's own dates.

    IATI actuals carry no date of their own: the period says when they were
    achieved. A period that starts before the activity starts, or ends after it
    ends, claims results the activity could not have produced, or a typo in the
    period's dates hides when they were.

    Fails:

        programme: {id: p, title: P, period: {start: 2020, end: 2022}}
        nodes:
          - id: o
            level: output
            label: Wells dug
            indicators:
              - id: i1
                label: Number of wells
                periods: [{start: 2019-01-01, end: 2019-12-31, actual: 3}]

    Passes:

        programme: {id: p, title: P, period: {start: 2020, end: 2022}}
        nodes:
          - id: o
            level: output
            label: Wells dug
            indicators:
              - id: i1
                label: Number of wells
                periods: [{start: 2021-01-01, end: 2021-12-31, actual: 3}]
    """
    span = ctx.model.programme.period
    if span is None:
        return
    first, last = date_bounds(span.start)[0], date_bounds(span.end)[1]
    for _, indicator in ctx.indicators:
        for k, period in enumerate(indicator.periods):
            if not period.actuals:
                continue
            start = date_bounds(period.start)[0] if period.start else first
            end = date_bounds(period.end)[1] if period.end else last
            if start < first or end > last:
                yield Finding(
                    indicator.id,
                    f"indicator {ctx.label(indicator.id)} reports an actual "
                    f"for {period_dates(period)}, "
                    f"outside the programme's period {span.start} – {span.end}",
                    f"periods[{k}]",
                )


@rule("TOC703", "iati-period-undated", groups=("iati",), severity=Severity.WARNING)
def iati_period_undated(ctx: Context) -> Iterator[Finding]:
    """A target or actual sits in a period without its dates.

    IATI says when a value was planned or achieved only through its period's
    start and end, and the schema requires both: an undated milestone (common in
    spreadsheet logframes: "Milestone 1") cannot be published, and a target with
    no period cannot be compared with anything.

    Fails:

        nodes:
          - id: o
            level: output
            label: Wells dug
            indicators:
              - id: i1
                label: Number of wells
                periods: [{label: Milestone 1, target: 10}]

    Passes:

        nodes:
          - id: o
            level: output
            label: Wells dug
            indicators:
              - id: i1
                label: Number of wells
                periods: [{label: Milestone 1, start: 2021-01, end: 2021-12, target: 10}]
    """
    for _, indicator in ctx.indicators:
        for k, period in enumerate(indicator.periods):
            if period.dated or not (period.targets or period.actuals):
                continue
            missing = (
                "dates"
                if period.start is None and period.end is None
                else ("end date" if period.start else "start date")
            )
            what = "a target" if period.targets else "an actual"
            yield Finding(
                indicator.id,
                f"indicator {ctx.label(indicator.id)} has {what} in period {period_dates(period)}, "
                f"which has no {missing}: IATI requires a start and an end for every period; add them",
                f"periods[{k}]",
            )
