"""Indicators following the IATI results framework (activity standard 2.03).

An indicator has any number of baselines, and any number of periods (milestones), each
with any number of targets and actuals: one total and its parts by dimension (sex,
district) or location, as IATI publishes them. A value is a number, a text (qualitative
indicators) or both, and keeps the text as reported (``2,800,000``) for display.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from toc.model.base import Cite, Element, NonEmpty, PartialDate, Strict, Text, as_list, check_order
from toc.model.enums import MEASURE_CODES, Measure
from toc.model.numbers import read_number
from toc.model.verdicts import Verdict

__all__ = ["Baseline", "Indicator", "IndicatorPeriod", "Reference", "Value"]


def _measure(value: Any) -> Any:
    """Accept the IATI IndicatorMeasure code (1–5) as well as its name."""
    if isinstance(value, int) and not isinstance(value, bool) and value in MEASURE_CODES:
        return MEASURE_CODES[value]
    return value


def _reported(value: Any) -> Any:
    """``target: 12``, ``target: "2,800,000"`` and ``target: "policy adopted"`` as mappings;
    a ``value`` written as text is read as a number where it is one (toc.model.numbers),
    keeping the text in ``original``, and as a qualitative ``text`` where it is not."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return {"value": value}
    if isinstance(value, str):
        return _from_text(value, {})
    if isinstance(value, dict) and isinstance(value.get("value"), str):
        rest = dict(value)
        return _from_text(rest.pop("value"), rest)
    return value


def _from_text(text: str, rest: dict[str, Any]) -> dict[str, Any]:
    reading = read_number(text)
    if reading is None:
        if "text" in rest:
            raise ValueError(f"'value' {text!r} is not a number, and 'text' is given too: keep one")
        return {**rest, "text": text}
    if reading.plain:
        return {**rest, "value": reading.value}
    if "original" in rest:
        raise ValueError(f"'value' {text!r} is text, and 'original' is given too: give value as a number")
    return {**rest, "value": reading.value, "original": text}


def _reported_list(value: Any) -> Any:
    return [_reported(v) for v in as_list(value)]


Dimensions = dict[NonEmpty, NonEmpty]


class Value(Strict):
    """A target or actual (IATI ``target`` / ``actual``): a number, a text, or both.

    ``dimensions`` and ``locations`` say which part of the total it counts; a value with
    neither is the total.
    """

    value: float | None = Field(default=None, description="The number a status is computed from.")
    original: NonEmpty | None = Field(
        default=None, description="The value as reported (2,800,000; 10–12; 70 %), kept for display."
    )
    text: Text | None = Field(default=None, description="A qualitative value, in words.")
    dimensions: Dimensions = Field(
        default_factory=dict, description="Which part this counts: name → value, e.g. sex: female."
    )
    locations: list[NonEmpty] = Field(default_factory=list, description="IATI location references.")
    comment: Text | None = None
    cite: Cite = Field(default_factory=list, description="Where the source document reports it.")

    @property
    def is_total(self) -> bool:
        """True for the value of the whole, not of one dimension or location."""
        return not self.dimensions and not self.locations

    @model_validator(mode="after")
    def _original_needs_value(self) -> Value:
        if self.original is not None and self.value is None:
            raise ValueError("'original' is the display form of 'value'; give 'value' as well")
        return self


_Reported = Annotated[Value, BeforeValidator(_reported, json_schema_input_type=Value | float | str)]


class _Dated(Strict):
    year: int | None = Field(default=None, ge=1900, le=2200)
    date: PartialDate | None = None


class Baseline(Value, _Dated):
    """IATI ``baseline``: the value before the programme, with its year or date (written first)."""


_ReportedBaseline = Annotated[
    Baseline, BeforeValidator(_reported, json_schema_input_type=Baseline | float | str)
]


def _total(values: list[Any]) -> Any:
    return next((v for v in values if v.is_total), None)


class IndicatorPeriod(Strict):
    """IATI ``period`` (a milestone): what was planned and what was achieved, between two dates.

    The dates may be missing: logframes often name a milestone ("Milestone 1", "Target")
    without dating it, and some IATI files publish a period without its dates. Such a period
    is *undated*; how status reads it is in docs/format.md, and the ``iati`` rules flag it
    because IATI requires the dates.
    """

    start: PartialDate | None = Field(default=None, description="First day the milestone covers.")
    end: PartialDate | None = Field(default=None, description="Last day the milestone covers.")
    label: Text | None = Field(default=None, description="The milestone's name: 'Milestone 1', 'Year 2'.")
    targets: Annotated[
        list[_Reported],
        BeforeValidator(_reported_list, json_schema_input_type=_Reported | list[_Reported]),
    ] = Field(default_factory=list, alias="target")
    actuals: Annotated[
        list[_Reported],
        BeforeValidator(_reported_list, json_schema_input_type=_Reported | list[_Reported]),
    ] = Field(default_factory=list, alias="actual")
    verdict: Verdict | None = Field(default=None, description="A judgement of this milestone.")

    @model_validator(mode="after")
    def _ordered(self) -> IndicatorPeriod:
        if self.start is not None and self.end is not None:
            check_order(self.start, self.end)
        return self

    @property
    def dated(self) -> bool:
        """True when both dates are given (IATI requires both)."""
        return self.start is not None and self.end is not None

    @property
    def target(self) -> Value | None:
        """The total target (no dimension, no location), if given."""
        return _total(self.targets)  # type: ignore[no-any-return]

    @property
    def actual(self) -> Value | None:
        """The total actual (no dimension, no location), if given."""
        return _total(self.actuals)  # type: ignore[no-any-return]


class Reference(Strict):
    """IATI ``indicator/reference``: a code in a standard list (vocabulary 9 = SDG indicators)."""

    vocabulary: NonEmpty
    code: NonEmpty
    url: NonEmpty | None = None


class Indicator(Element):
    """How a result is measured: baselines, periods with targets and actuals, means of verification."""

    label: Text
    description: Text | None = None
    measure: Annotated[
        Measure, BeforeValidator(_measure, json_schema_input_type=Measure | Literal[1, 2, 3, 4, 5])
    ] = Measure.UNIT
    ascending: bool = True
    unit: Text | None = None
    baselines: Annotated[
        list[_ReportedBaseline],
        BeforeValidator(_reported_list, json_schema_input_type=_ReportedBaseline | list[_ReportedBaseline]),
    ] = Field(default_factory=list, alias="baseline")
    periods: list[IndicatorPeriod] = Field(default_factory=list)
    means_of_verification: Annotated[
        list[Text], BeforeValidator(as_list, json_schema_input_type=Text | list[Text])
    ] = Field(default_factory=list)
    measured: bool = Field(
        default=True,
        description="false when no data is collected for it (an evaluation found it is not measured)",
    )
    reference: Annotated[
        list[Reference], BeforeValidator(as_list, json_schema_input_type=Reference | list[Reference])
    ] = Field(default_factory=list)
    verdict: Verdict | None = Field(
        default=None, description="A judgement of the indicator where no number is reported."
    )
    comment: Text | None = None

    @property
    def baseline(self) -> Baseline | None:
        """The total baseline (no dimension, no location), if given."""
        return _total(self.baselines)  # type: ignore[no-any-return]
