"""Who, when, how much, and from which documents the model was built."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field, StringConstraints, model_validator

from toc.model.base import Element, Id, NonEmpty, PartialDate, Strict, Text, as_list, check_order
from toc.model.enums import SourceKind

__all__ = ["Budget", "Component", "Period", "Programme", "Source"]

Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]


class Period(Strict):
    """A span of time; either end may be a partial date."""

    start: PartialDate
    end: PartialDate

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        check_order(self.start, self.end)
        return self


class Budget(Strict):
    amount: float = Field(ge=0)
    currency: Currency = Field(description="ISO 4217 code, e.g. EUR")
    comment: Text | None = None


class Programme(Strict):
    """The programme the theory of change describes."""

    id: Id
    title: Text
    description: Text | None = None
    period: Period | None = None
    budget: Budget | None = None
    funder: Text | None = None
    implementer: Text | None = None
    country: NonEmpty | None = None
    ceiling_of_accountability: Annotated[
        list[Id], BeforeValidator(as_list, json_schema_input_type=Id | list[Id])
    ] = Field(
        default_factory=list,
        description="The highest result node(s) the programme answers for; above them it only contributes.",
    )


class Source(Element):
    """A document the model was built from (an evaluation report, a logframe …)."""

    title: Text
    author: Text | None = None
    date: PartialDate | None = None
    kind: SourceKind = SourceKind.OTHER
    url: NonEmpty | None = None


class Component(Element):
    """A part of the programme (a strand, a project) that results belong to."""

    label: Text
    description: Text | None = None
