"""Result nodes: the boxes of the theory of change."""

from __future__ import annotations

from pydantic import Field, model_validator

from toc.model.base import Element, Id, Text
from toc.model.enums import Horizon, Level
from toc.model.indicators import Indicator
from toc.model.verdicts import Verdict

__all__ = ["Node"]


class Node(Element):
    """An activity, output, outcome or impact; planned and positive unless it says otherwise."""

    level: Level
    label: Text
    description: Text | None = None
    horizon: Horizon | None = Field(
        default=None, description="Outcomes only: short, intermediate or long term."
    )
    owner: Text | None = None
    component: Id | None = None
    indicators: list[Indicator] = Field(default_factory=list)
    unintended: bool = Field(default=False, description="A result the programme did not plan.")
    negative: bool = Field(default=False, description="A result that harms: drawn and reported as such.")
    verdict: Verdict | None = Field(
        default=None, description="An evaluator's judgement of whether the result came about."
    )
    weighting: float | None = Field(
        default=None,
        ge=0,
        le=100,
        description="Percent of the level above that this result carries (FCDO/DFID 'impact weighting').",
    )
    risk: str | None = Field(
        default=None,
        min_length=1,
        description="Risk rating of the result: FCDO Low, Medium, High or Severe, or the donor's words.",
    )

    @model_validator(mode="after")
    def _level_fields(self) -> Node:
        if self.horizon is not None and self.level is not Level.OUTCOME:
            raise ValueError(f"'horizon' is for outcomes only, and this node is an {self.level.value}")
        if self.level is Level.ACTIVITY and (self.weighting is not None or self.risk is not None):
            raise ValueError(
                "'weighting' and 'risk' rate results (outputs, outcomes, impacts), not activities"
            )
        if self.indicators and self.level is Level.ACTIVITY:
            raise ValueError(
                "activities carry no indicators in a logframe (they have means and costs); "
                "put the indicator on the output the activity produces"
            )
        return self
