"""Evidence about assumptions, links and results, and the claims it bears on."""

from __future__ import annotations

from pydantic import Field

from toc.model.base import DateOrSpan, Element, Id, LinkId, NonEmpty, PartialDate, Text
from toc.model.enums import Method, Stance, Strength, TestType

__all__ = ["Claim", "Evidence", "HarvestRecord"]


class Evidence(Element):
    """What was observed, how, by whom, and whether it supports or contradicts what it is about.

    ``source`` names the data source (one survey, one set of interviews) so that
    triangulation can count independent sources; ``cite`` says where a document
    reports it. The process-tracing fields are optional (docs/assessment.md §2).
    """

    about: list[LinkId] = Field(min_length=1)
    summary: Text
    method: Method
    source: NonEmpty | None = None
    sample_size: int | None = Field(default=None, ge=1)
    date: DateOrSpan | None = Field(default=None, description="When it was gathered: a date or a span.")
    stance: Stance
    strength: Strength = Strength.MODERATE
    test: TestType | None = None
    sensitivity: float | None = Field(default=None, ge=0, le=1, description="P(E|H)")
    type_i_error: float | None = Field(default=None, ge=0, le=1, description="P(E|not H)")
    found: bool = True
    group: NonEmpty | None = Field(default=None, description="Items in one group are not independent.")
    harvest: Id | None = Field(default=None, description="The outcome-harvest record this rests on.")


class Claim(Element):
    """A contribution claim: the programme contributed to this result (for contribution tracing)."""

    statement: Text
    about: LinkId
    prior: float | None = Field(default=None, ge=0, le=1)


class HarvestRecord(Element):
    """An outcome-harvesting record (Wilson-Grau): who changed what, when, where, and how we know."""

    change: Text
    social_actor: Text | None = None
    when: PartialDate | None = None
    where: Text | None = None
    significance: Text | None = None
    contribution: Text | None = None
    substantiation: Text | None = None
    relates_to: list[LinkId] = Field(default_factory=list)
