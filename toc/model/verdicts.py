"""Verdicts: an evaluator's or monitor's judgement where no number is reported."""

from __future__ import annotations

from pydantic import Field

from toc.model.base import Cite, PartialDate, Strict, Text
from toc.model.enums import Judgement

__all__ = ["Verdict"]


class Verdict(Strict):
    """ "Dit cijfer wordt gehaald": a judgement with its words, its author and where it is written.

    A verdict stands in for a measurement, never beside one as if it were one: wherever a
    status comes from a verdict, outputs say it was judged, not measured.
    """

    status: Judgement
    quote: Text | None = Field(default=None, description="The judgement in the source's own words.")
    summary: Text | None = Field(default=None, description="The judgement in the model's words.")
    by: Text | None = Field(default=None, description="Who judged: an evaluator, a monitor, a reviewer.")
    date: PartialDate | None = None
    cite: Cite = Field(default_factory=list, description="Where the source document says this.")
