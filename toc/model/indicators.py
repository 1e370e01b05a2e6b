"""Indicators following the IATI results framework (activity standard 2.03)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from toc.model.base import Element, NonEmpty, PartialDate, Strict, Text, as_list
from toc.model.enums import MEASURE_CODES, Measure
from toc.model.programme import Period

__all__ = ["Baseline", "Indicator", "IndicatorPeriod", "Reference", "Value"]


def _measure(value: Any) -> Any:
    """Accept the IATI IndicatorMeasure code (1–5) as well as its name."""
    if isinstance(value, int) and not isinstance(value, bool) and value in MEASURE_CODES:
        return MEASURE_CODES[value]
    return value


class Baseline(Strict):
    """IATI ``baseline``: the year is required, the value is absent for qualitative indicators."""

    year: int = Field(ge=1900, le=2200)
    date: PartialDate | None = None
    value: float | None = None
    comment: Text | None = None


class Value(Strict):
    """A target or actual value (IATI ``target`` / ``actual``)."""

    value: float | None = None
    comment: Text | None = None


class IndicatorPeriod(Period):
    """IATI ``period``: a target and what was achieved, between two dates."""

    target: Value | None = None
    actual: Value | None = None


class Reference(Strict):
    """IATI ``indicator/reference``: a code in a standard list (vocabulary 9 = SDG indicators)."""

    vocabulary: NonEmpty
    code: NonEmpty
    url: NonEmpty | None = None


class Indicator(Element):
    """How a result is measured: baseline, periods with target and actual, means of verification."""

    label: Text
    description: Text | None = None
    measure: Annotated[
        Measure, BeforeValidator(_measure, json_schema_input_type=Measure | Literal[1, 2, 3, 4, 5])
    ] = Measure.UNIT
    ascending: bool = True
    unit: Text | None = None
    baseline: Baseline | None = None
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
    comment: Text | None = None
